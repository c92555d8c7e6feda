/**
 * A team's own metrics endpoint: `http-json+https://svc.example/metrics/model` (or
 * `http-json+http://…`). A GET of the URL (without the prefix) must answer, per variant, the
 * counters since the service started and its current p99 latency:
 *
 *   {"canary": {"requests": 1234, "errors": 5, "latency_p99_ms": 84.2},
 *    "stable": {"requests": 98765, "errors": 40, "latency_p99_ms": 80.1}}
 *
 * `requests` and `errors` (failed requests) only grow, until the service restarts; `p99_ms` is
 * accepted for `latency_p99_ms`, and the p99 may be missing or null. A variant not (yet) in the
 * answer is no data. user:password in the URI goes out as Basic auth.
 *
 * Counters say nothing about a window by themselves, so a reading is the difference between this
 * fetch and the previous one, and says so: `from` is when the previous snapshot was taken (by
 * check() or the previous read()); the very first snapshot is only a baseline. A counter that
 * went down (a restart) makes that window's counts no data.
 */
import { redactUri } from '../shared/redact-uri.js';
import { InputError, ServiceError } from '../shared/errors.js';
import { HttpClient, type HttpResponse } from '../shared/http-client.js';
import { isHttpFailure, isRetryableStatus } from '../shared/http-failure.js';
import { registerMetricsSource, type MetricsReading, type MetricsSource, type MetricsWindow, type Variant, type VariantMetrics } from './metrics-source.js';

const CONTRACT = '{"canary": {"requests": <count>, "errors": <count>, "latency_p99_ms": <ms>}, "stable": {…}}';
const VARIANTS: Variant[] = ['canary', 'stable'];

interface Counters {
  requests: number;
  errors: number;
  p99Ms: number | null;
  p99Key: string;
}
interface Snapshot {
  at: Date;
  variants: Partial<Record<Variant, Counters>>;
}

export interface HttpJsonContext {
  /** Connect, answer and idle timeout of each request (default 10 s); an answer read whole ends within three times it. */
  timeoutMs?: number;
  /** Stops every call (the step's cancellation). */
  signal?: AbortSignal;
}

export class HttpJsonMetrics implements MetricsSource {
  private readonly url: string;
  private readonly shown: string;
  private readonly authorization?: string;
  private readonly timeoutMs: number;
  private readonly http: HttpClient;
  private last?: Snapshot;

  constructor(
    readonly uri: string,
    context: HttpJsonContext = {},
  ) {
    this.timeoutMs = context.timeoutMs ?? 10_000;
    const t = this.timeoutMs;
    this.http = new HttpClient({
      service: 'the metrics endpoint',
      hint: 'check the metrics URI and that the service is up',
      timeouts: { connectMs: t, headersMs: t, idleMs: t, totalMs: 3 * t },
      signal: context.signal,
    });
    let url: URL | undefined;
    try {
      url = new URL(uri.replace(/^http-json\+/i, ''));
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || !url.host) {
      throw new InputError(
        `Metrics source '${redactUri(uri)}' is not an http-json URL; write http-json+https://host/path, the address of an endpoint that answers ${CONTRACT}.`,
        { input: 'metrics' },
      );
    }
    if (url.username || url.password) {
      this.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
      // They travel in the header, to this origin only; messages show the URL without them.
      url.username = '';
      url.password = '';
    }
    this.url = url.href;
    this.shown = redactUri(`http-json+${this.url}`);
  }

  /** Takes the first snapshot, which the first read() subtracts. */
  async check(_checkWindowMs?: number, signal?: AbortSignal): Promise<void> {
    this.last = await this.snapshot(true, signal);
  }

  async read(_window: MetricsWindow, signal?: AbortSignal): Promise<MetricsReading> {
    const current = await this.snapshot(false, signal);
    const previous = this.last;
    this.last = current;
    const reading: MetricsReading = {
      from: previous?.at ?? current.at,
      to: current.at,
      canary: { requests: null, errors: null, p99Ms: null },
      stable: { requests: null, errors: null, p99Ms: null },
      queries: [],
    };
    const put = (variant: Variant, metric: keyof VariantMetrics, query: string, value: number | null, note?: string) => {
      reading[variant][metric] = value;
      reading.queries.push({ variant, metric, query: `GET ${this.shown}: ${variant}.${query}`, value, ...(note ? { note } : {}) });
    };
    for (const variant of VARIANTS) {
      const now = current.variants[variant];
      const then = previous?.variants[variant];
      if (!now) {
        const note = `no "${variant}" in the answer`;
        for (const [metric, key] of [
          ['requests', 'requests'],
          ['errors', 'errors'],
          ['p99Ms', 'latency_p99_ms'],
        ] as const)
          put(variant, metric, key, null, note);
        continue;
      }
      const counts = !previous
        ? 'the first snapshot, a baseline for the next reading'
        : !then
          ? `no "${variant}" in the previous snapshot`
          : now.requests < then.requests || now.errors < then.errors
            ? `counter reset (requests ${then.requests} → ${now.requests}, errors ${then.errors} → ${now.errors}): the service restarted?`
            : undefined;
      put(variant, 'requests', `requests (${then?.requests ?? '–'} → ${now.requests})`, counts ? null : now.requests - then!.requests, counts);
      put(variant, 'errors', `errors (${then?.errors ?? '–'} → ${now.errors})`, counts ? null : now.errors - then!.errors, counts);
      put(variant, 'p99Ms', now.p99Key, now.p99Ms, now.p99Ms === null ? `no ${now.p99Key} in the answer` : undefined);
    }
    return reading;
  }

  /**
   * One GET, parsed. In check() what the user must fix (the URI, its credentials, an endpoint that
   * does not answer the contract) is an InputError; in read() every failure is a ServiceError,
   * which the loop retries. An endpoint that is down or failing is a ServiceError in both.
   */
  private async snapshot(checking: boolean, signal?: AbortSignal): Promise<Snapshot> {
    const fail = (message: string) =>
      checking ? new InputError(message, { input: 'metrics' }) : new ServiceError(`the metrics endpoint ${this.shown}`, message, { retryable: true });
    const at = new Date();
    let status: number;
    let text: string;
    try {
      // read() is retried by the rollout loop; check() runs once, so the client retries it.
      const res: HttpResponse = await this.http.request({
        method: 'GET',
        url: this.url,
        authorization: this.authorization,
        signal,
        retries: checking ? undefined : 0,
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      if (!isHttpFailure(e) || e.kind === 'too-large') throw e;
      throw new ServiceError(
        `the metrics endpoint ${this.shown}`,
        checking
          ? `Cannot reach the metrics endpoint at ${this.shown} (${e.reason}); check the metrics URI and that the service is up${e.retryable ? ', then try again' : ''}.`
          : `the metrics endpoint at ${this.shown} did not answer (${e.reason})`,
        { retryable: e.retryable, cause: e },
      );
    }
    const snippet = text.trim().split('\n')[0].slice(0, 60);
    if (status < 200 || status > 299) {
      const message = `The metrics endpoint at ${this.shown} answered HTTP ${status}${snippet ? ` (${snippet})` : ''}`;
      if (isRetryableStatus(status))
        throw new ServiceError(`the metrics endpoint ${this.shown}`, checking ? `${message}; try again, or check the service.` : message, { retryable: true });
      throw fail(`${message}; check the metrics URI${status === 401 || status === 403 ? ' and the user:password in it' : ''}.`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw fail(`The metrics endpoint at ${this.shown} answered with something that is not JSON ('${snippet}'); it must return ${CONTRACT}.`);
    }
    const object = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
    if (!object(body) || (body.canary === undefined && body.stable === undefined)) {
      throw fail(
        `The metrics endpoint at ${this.shown} answered ${JSON.stringify(body).slice(0, 60)}, with neither "canary" nor "stable"; it must return ${CONTRACT}.`,
      );
    }
    const variants: Snapshot['variants'] = {};
    for (const variant of VARIANTS) {
      const entry = body[variant];
      if (entry === undefined || entry === null) continue;
      const count = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
      const bad = !object(entry)
        ? 'is not an object'
        : !count(entry.requests)
          ? 'has no "requests" count'
          : !count(entry.errors)
            ? 'has no "errors" count'
            : undefined;
      if (bad || !object(entry)) {
        throw fail(
          `The metrics endpoint at ${this.shown} answered "${variant}": ${JSON.stringify(entry).slice(0, 60)}, which ${bad}; it must return ${CONTRACT}, counts being numbers ≥ 0.`,
        );
      }
      const p99Key = entry.latency_p99_ms !== undefined || entry.p99_ms === undefined ? 'latency_p99_ms' : 'p99_ms';
      const p99 = entry[p99Key];
      variants[variant] = {
        requests: entry.requests as number,
        errors: entry.errors as number,
        p99Ms: typeof p99 === 'number' && Number.isFinite(p99) ? p99 : null,
        p99Key,
      };
    }
    return { at, variants };
  }
}

registerMetricsSource('http-json+http', (uri) => new HttpJsonMetrics(uri));
registerMetricsSource('http-json+https', (uri) => new HttpJsonMetrics(uri));
