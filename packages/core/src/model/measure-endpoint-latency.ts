/**
 * Latency as users of the serving stack feel it: a set number of requests to the team's HTTP
 * model server (Triton, TorchServe, KServe or their own) at a set concurrency, after warm-up, each
 * timed from sending until its whole answer has arrived. Summarised exactly as the in-process
 * latency is (latency-summary.ts: percentiles, p99 spread over blocks, too-few-runs warning), so
 * `latency.p99` gates the same way whichever was measured.
 */
import { InputError, ServiceError } from '../shared/errors.js';
import { HttpClient, type HttpResponse } from '../shared/http-client.js';
import { isHttpFailure } from '../shared/http-failure.js';
import { shownUrl } from '../shared/http-origin.js';
import { redactUri } from '../shared/redact-uri.js';
import { latencyHistogram, summarizeLatencies, type LatencySummary } from './latency-summary.js';
import type { EndpointFormat } from './endpoint-requests.js';

export interface EndpointLatencyOptions {
  /** Where each request is POSTed: http://host/predict, or http://host:8000/v2/models/<name>/infer. */
  url: string;
  format: EndpointFormat;
  /** Timed requests. */
  requests: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Untimed requests first (connections, the server's caches and lazy loading). */
  warmupRequests: number;
  /** Longest wait for one whole answer; a request that takes longer counts as an error. */
  timeoutMs: number;
  /** Sent as `Authorization: Bearer <token>`, to the endpoint's origin only. */
  token?: string;
  /** Share of timed requests that may fail before the latency is refused as meaningless. */
  maxErrorRate: number;
  signal?: AbortSignal;
}

export interface EndpointLatencyReport extends LatencySummary {
  /** The endpoint as a message may show it: no credentials, no query. */
  url: string;
  format: EndpointFormat;
  /** Timed requests sent; `runs` of them answered 2xx and are in the percentiles. */
  requests: number;
  concurrency: number;
  warmupRequests: number;
  timeoutMs: number;
  /** Timed requests that got no 2xx answer. */
  errors: number;
  /** Failed requests by HTTP status ("503") or by what went wrong ("timeout", "unreachable"). */
  failures: Record<string, number>;
  /** Successful requests per second over the timed phase (one row per request). */
  throughput: number;
  histogram: { edges: number[]; counts: number[] };
}

/** Most timed requests (the same bound as in-process runs), warm-up requests and concurrency. */
export const MAX_ENDPOINT_REQUESTS = 1_000_000;
export const MAX_ENDPOINT_WARMUP = 100_000;
export const MAX_ENDPOINT_CONCURRENCY = 1024;

const hrtime = process.hrtime.bigint;
const V2_PATH = /^\/v2\/models\/[^/]+(\/versions\/[^/]+)?\/infer$/;

/** The endpoint URL checked before anything is sent: what is wrong with it and how to write it. */
export function checkEndpointUrl(text: string, format: EndpointFormat): URL {
  let url: URL;
  try {
    // "localhost:8080/predict" parses as the scheme localhost: a URL here needs its ://.
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) throw new TypeError('no scheme');
    url = new URL(text);
  } catch {
    throw new InputError(
      `Input 'latency-endpoint' is '${shownText(text)}', not a URL; write the full address requests go to, e.g. http://localhost:8080/predict.`,
      {
        input: 'latency-endpoint',
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`Input 'latency-endpoint' is ${shownUrl(url)}, a ${url.protocol} URL; the model server is reached over http:// or https://.`, {
      input: 'latency-endpoint',
    });
  }
  if (format === 'v2' && !V2_PATH.test(url.pathname)) {
    throw new InputError(
      `Input 'latency-endpoint' is ${shownUrl(url)}, but the v2 inference protocol posts to /v2/models/<name>/infer (or /v2/models/<name>/versions/<v>/infer); give that full URL, e.g. http://localhost:8000/v2/models/penguins/infer.`,
      { input: 'latency-endpoint' },
    );
  }
  return url;
}

/** Warm-up, then the timed requests, `concurrency` at a time, cycling through `bodies`. */
export async function measureEndpointLatency(bodies: readonly string[], options: EndpointLatencyOptions): Promise<EndpointLatencyReport> {
  const url = checkEndpointUrl(options.url, options.format);
  const shown = shownUrl(url);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const t = options.timeoutMs;
  const client = new HttpClient({
    service: 'the model server',
    hint: 'check latency-endpoint and that the model server is up',
    timeouts: { connectMs: t, headersMs: t, idleMs: t, totalMs: t },
    retries: 0,
    signal,
  });
  const authorization = options.token ? `Bearer ${options.token}` : undefined;
  let answered = false;
  let checked = false;
  const failures: Record<string, number> = {};
  let firstFailure: string | undefined;

  /** One request: its latency in ms, or undefined when it failed (counted in `failures`). */
  const send = async (i: number, timed: boolean): Promise<number | undefined> => {
    const t0 = hrtime();
    let res: HttpResponse;
    let body: Buffer;
    try {
      res = await client.request({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length], authorization });
      body = await res.buffer();
    } catch (e) {
      // Nothing answered yet: the endpoint is down or wrong, not slow. Stop at once.
      if (isHttpFailure(e) && !answered && (e.kind === 'unreachable' || e.kind === 'connect-timeout')) throw e;
      if (!isHttpFailure(e)) throw e;
      if (timed) count(e.kind === 'unreachable' || e.kind === 'broken' ? e.kind : e.kind === 'too-large' ? 'too-large' : 'timeout', e.reason);
      return undefined;
    }
    const ms = Number(hrtime() - t0) / 1e6;
    answered = true;
    if (res.status < 200 || res.status > 299) {
      if (timed) count(String(res.status), body.toString('utf8'));
      return undefined;
    }
    if (!checked) {
      checked = true;
      checkAnswer(body, options.format, shown);
    }
    return ms;
  };
  const count = (what: string, detail: string) => {
    failures[what] = (failures[what] ?? 0) + 1;
    firstFailure ??= `${what}${detail ? ` ${shownText(detail)}` : ''}`;
  };

  const samples = new Float64Array(options.requests);
  const ok = new Uint8Array(options.requests);
  const phase = async (total: number, timed: boolean) => {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < total; i = next++) {
        const ms = await send(i, timed);
        if (timed && ms !== undefined) {
          samples[i] = ms;
          ok[i] = 1;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(options.concurrency, total) }, worker));
    } catch (e) {
      stop.abort();
      throw e;
    }
  };

  await phase(options.warmupRequests, false);
  const started = hrtime();
  await phase(options.requests, true);
  const seconds = Number(hrtime() - started) / 1e9;

  const errors = options.requests - ok.reduce((s, x) => s + x, 0);
  checkErrorRate(errors, options, shown, failures, firstFailure);
  // Request order, successes only: the p99 spread's blocks stay consecutive stretches of time.
  const good = samples.filter((_, i) => ok[i] === 1);
  return {
    ...summarizeLatencies(good, 'timed requests answered'),
    url: shown,
    format: options.format,
    requests: options.requests,
    concurrency: options.concurrency,
    warmupRequests: options.warmupRequests,
    timeoutMs: options.timeoutMs,
    errors,
    failures,
    throughput: good.length / seconds,
    histogram: latencyHistogram(good),
  };
}

/** A 2xx that is not what the protocol answers means the URL points at something else. */
function checkAnswer(body: Buffer, format: EndpointFormat, shown: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const fine =
    format === 'v2' ? typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { outputs?: unknown }).outputs) : parsed !== undefined;
  if (!fine) {
    throw new ServiceError(
      `the model server ${shown}`,
      `The model server at ${shown} answered 2xx with ${format === 'v2' ? 'no "outputs" array, so it does not speak the v2 inference protocol' : 'a body that is not JSON'}; check latency-endpoint and latency-endpoint-format.`,
    );
  }
}

function checkErrorRate(
  errors: number,
  options: EndpointLatencyOptions,
  shown: string,
  failures: Record<string, number>,
  firstFailure: string | undefined,
): void {
  const rate = errors / options.requests;
  if (errors === 0 || (rate <= options.maxErrorRate && errors < options.requests)) return;
  const tally = Object.entries(failures)
    .sort((a, b) => b[1] - a[1])
    .map(([what, n]) => `${what} ×${n}`)
    .join(', ');
  const clientErrors = Object.entries(failures).reduce((s, [what, n]) => s + (/^4\d\d$/.test(what) ? n : 0), 0);
  const head = `The model server at ${shown} failed ${errors} of ${options.requests} timed requests (${percent(rate)}: ${tally}; first: ${firstFailure ?? '-'})`;
  if (clientErrors * 2 > errors) {
    throw new InputError(
      `${head}: it refuses what modelci sends; check latency-endpoint-format (json-rows sends {"rows": [...]}, v2 the KServe v2 inference protocol), latency-endpoint and latency-endpoint-token.`,
      { input: 'latency-endpoint-format' },
    );
  }
  throw new ServiceError(
    `the model server ${shown}`,
    `${head}, above latency-endpoint-max-error-rate (${percent(options.maxErrorRate)}): a latency measured over failing requests means nothing; fix the server or its capacity (or lower latency-endpoint-concurrency), then try again.`,
    { retryable: true },
  );
}

function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

/** Server text and user text in a one-line message: short, one line, no URIs' credentials. */
function shownText(text: string): string {
  const one = redactUri(text).replace(/\s+/g, ' ').trim();
  return one.length > 160 ? `${one.slice(0, 157)}...` : one;
}
