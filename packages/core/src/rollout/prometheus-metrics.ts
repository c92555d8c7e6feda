/**
 * Prometheus as the metrics source, through its HTTP API: `prometheus+http://host:9090`, or
 * `prometheus+https://host/prom` for one behind a proxy (or started with --web.route-prefix).
 * Each metric of each variant is one instant query (`GET /api/v1/query`) evaluated at the
 * window's end over the window's length. Queries are templates: `{{selector}}` is the variant's
 * label selector (`variant="canary"`, `variant="stable"` unless options.selectors says otherwise)
 * and `{{window}}` the window as a Prometheus duration (`30s`).
 *
 * Credentials: user:password in the URI, else PROMETHEUS_TOKEN (Authorization: Bearer), else
 * PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD (Basic). Messages name where they came from, never them.
 */
import { redactUri } from '../shared/redact-uri.js';
import { InputError, ServiceError } from '../shared/errors.js';
import { HttpClient } from '../shared/http-client.js';
import { isHttpFailure, isRetryableStatus } from '../shared/http-failure.js';
import {
  registerMetricsSource,
  type MetricsReading,
  type MetricsSource,
  type MetricsSourceOptions,
  type MetricsWindow,
  type Variant,
  type VariantMetrics,
} from './metrics-source.js';

export type PrometheusQueryName = 'requests' | 'errors' | 'p99';

/**
 * The default queries, for the usual `http_requests_total{code}` counter and
 * `http_request_duration_seconds` histogram.
 *
 * errors: `sum()` over no series is an empty result, not 0, and a service that has not failed yet
 * has no 5xx series at all; the `or (0 * requests)` arm makes that 0, but only where the request
 * series exist, so a selector that matches nothing stays "no data" instead of a flawless canary.
 *
 * p99: an override must also answer in seconds (it is converted to milliseconds), as
 * histogram_quantile over a `_seconds` histogram does.
 */
/** Counted from zero when the series first appears inside the window (see lazyIncrease). */
const lazyIncrease = (series: string) =>
  `((increase(${series}[{{window}}]) and ${series} offset {{window}}) or (${series} unless ${series} offset {{window}}))`;

export const PROMETHEUS_DEFAULT_QUERIES: Readonly<Record<PrometheusQueryName, string>> = {
  // A series created lazily (a client library's first 5xx) is first scraped at its current value,
  // which increase() cannot see; a series absent at the window's start is counted from zero, its
  // value now being all it grew by. Series present at the start keep increase().
  requests: `sum${lazyIncrease('http_requests_total{{{selector}}}')}`,
  errors: `sum${lazyIncrease('http_requests_total{{{selector}},code=~"5.."}')} or (0 * sum(increase(http_requests_total{{{selector}}}[{{window}}])))`,
  p99: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{{{selector}}}[{{window}}])))',
};

export const PROMETHEUS_DEFAULT_SELECTORS: Readonly<Record<Variant, string>> = { canary: 'variant="canary"', stable: 'variant="stable"' };

/** canary-deploy's inputs, named in messages: the queries, and a selector per variant. */
const QUERIES_INPUT = 'metrics-queries';
const selectorInput = (variant: Variant) => `${variant}-selector`;

const NAMES: PrometheusQueryName[] = ['requests', 'errors', 'p99'];
const VARIANTS: Variant[] = ['canary', 'stable'];
const METRIC: Record<PrometheusQueryName, keyof VariantMetrics> = { requests: 'requests', errors: 'errors', p99: 'p99Ms' };

export interface PrometheusContext {
  /** Where PROMETHEUS_TOKEN / PROMETHEUS_USERNAME / PROMETHEUS_PASSWORD are read (default process.env). */
  env?: Record<string, string | undefined>;
  /** Connect, answer and idle timeout of each request (default 10 s); an answer read whole ends within three times it. */
  timeoutMs?: number;
  /** Stops every call (the step's cancellation). */
  signal?: AbortSignal;
}

/** The window length as a whole-second Prometheus duration, at least 1s. */
export function promDuration(window: MetricsWindow): string {
  // Rounded down: a window that reaches before window.start could start before the last weight
  // change, and the analysis would then refuse to judge it.
  return `${Math.max(1, Math.floor((window.end.getTime() - window.start.getTime()) / 1000))}s`;
}

interface Answer {
  status: number;
  text: string;
  body?: { status?: string; errorType?: string; error?: string; data?: { resultType?: string; result?: unknown } };
}
interface Value {
  value: number | null;
  note?: string;
}

export class PrometheusMetrics implements MetricsSource {
  private readonly base: string;
  private readonly shown: string;
  private readonly authorization?: string;
  /** Which setting the credentials came from, for a refusal's message. */
  private readonly credentials?: 'uri' | 'token' | 'basic';
  private readonly templates: Record<PrometheusQueryName, string>;
  private readonly selectors: Record<Variant, string>;
  private readonly timeoutMs: number;
  private readonly http: HttpClient;

  constructor(
    readonly uri: string,
    private readonly options: MetricsSourceOptions = {},
    context: PrometheusContext = {},
  ) {
    const env = context.env ?? process.env;
    this.timeoutMs = context.timeoutMs ?? 10_000;
    const t = this.timeoutMs;
    this.http = new HttpClient({
      service: 'Prometheus',
      hint: 'check the metrics URI and that Prometheus is running',
      timeouts: { connectMs: t, headersMs: t, idleMs: t, totalMs: 3 * t },
      signal: context.signal,
    });
    let url: URL | undefined;
    try {
      url = new URL(uri.replace(/^prometheus\+/i, ''));
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || !url.host) {
      throw new InputError(
        `Metrics source '${redactUri(uri)}' is not a Prometheus URL; write prometheus+http://host:9090 (or prometheus+https://host/prefix).`,
        { input: 'metrics' },
      );
    }
    this.base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
    this.shown = `prometheus+${this.base}`;
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (url.username || url.password) {
      this.authorization = basic(decodeURIComponent(url.username), decodeURIComponent(url.password));
      this.credentials = 'uri';
    } else if (env.PROMETHEUS_TOKEN) {
      this.authorization = `Bearer ${env.PROMETHEUS_TOKEN}`;
      this.credentials = 'token';
    } else if (env.PROMETHEUS_USERNAME) {
      this.authorization = basic(env.PROMETHEUS_USERNAME, env.PROMETHEUS_PASSWORD ?? '');
      this.credentials = 'basic';
    }
    this.templates = { ...PROMETHEUS_DEFAULT_QUERIES };
    for (const name of NAMES) {
      const q = options.queries?.[name];
      if (q === undefined) continue;
      const unknown = [...q.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]).find((p) => p !== 'selector' && p !== 'window');
      if (!q.trim() || unknown !== undefined) {
        throw new InputError(
          `The ${name} query in the input '${QUERIES_INPUT}' ${q.trim() ? `has the placeholder {{${unknown}}}, which modelci does not fill` : 'is empty'}; use {{selector}} and {{window}}, e.g. ${PROMETHEUS_DEFAULT_QUERIES.requests}.`,
          { input: QUERIES_INPUT },
        );
      }
      this.templates[name] = q;
    }
    this.selectors = {
      canary: options.selectors?.canary ?? PROMETHEUS_DEFAULT_SELECTORS.canary,
      stable: options.selectors?.stable ?? PROMETHEUS_DEFAULT_SELECTORS.stable,
    };
  }

  /** The query as sent for a variant and a window length. */
  query(name: PrometheusQueryName, variant: Variant, window: string): string {
    return this.templates[name].replaceAll(/\{\{\s*selector\s*\}\}/g, this.selectors[variant]).replaceAll(/\{\{\s*window\s*\}\}/g, window);
  }

  async check(checkWindowMs?: number, signal?: AbortSignal): Promise<void> {
    const info = await this.get('/api/v1/status/buildinfo', undefined, signal).catch((e: unknown) => this.unreachable(e));
    this.refusesCredentials(info);
    // Any other answer will do here (a Prometheus-compatible server may lack buildinfo): the
    // queries below are the real test, and a wrong path shows up there.
    const time = Date.now() / 1000;
    let stableRequests: number | null = null;
    for (const variant of VARIANTS) {
      for (const name of NAMES) {
        const query = this.query(name, variant, '1m');
        const answer = await this.get('/api/v1/query', { query, time: time.toFixed(3) }, signal).catch((e: unknown) => this.unreachable(e));
        const data = this.data(answer, name, variant, query, true);
        const input = this.options.queries?.[name] !== undefined ? QUERIES_INPUT : selectorInput(variant);
        if (data.resultType !== 'vector' && data.resultType !== 'scalar') {
          throw new InputError(
            `The ${name} query for the ${variant}, ${query}, returns a ${data.resultType === 'matrix' ? 'range vector' : data.resultType}, not one number; make it an instant vector or a scalar in the input '${input}'.`,
            { input },
          );
        }
        const rows = data.resultType === 'vector' && Array.isArray(data.result) ? (data.result as { metric?: Record<string, string> }[]) : [];
        if (rows.length > 1) {
          throw new InputError(
            `The ${name} query for the ${variant}, ${query}, returns ${rows.length} series (${seriesList(rows)}), not one; aggregate them, e.g. with sum(…), in the input '${input}'.`,
            { input },
          );
        }
        if (variant === 'stable' && name === 'requests') stableRequests = value(data).value;
      }
    }
    if (checkWindowMs !== undefined && stableRequests !== null) await this.checkWindow(checkWindowMs, time, signal);
  }

  /**
   * increase() needs two samples inside its range: a check interval shorter than two scrapes
   * gives "no data" at every check, and the rollout would wait for its timeout. Stable serves
   * traffic before the rollout starts, so if its requests show over 1m but not over one check
   * window, the window is too short for this Prometheus.
   */
  private async checkWindow(checkWindowMs: number, time: number, signal?: AbortSignal): Promise<void> {
    const duration = promDuration({ start: new Date(time * 1000 - checkWindowMs), end: new Date(time * 1000) });
    const query = this.query('requests', 'stable', duration);
    const answer = await this.get('/api/v1/query', { query, time: time.toFixed(3) }, signal).catch((e: unknown) => this.unreachable(e));
    if (value(this.data(answer, 'requests', 'stable', query, true)).value === null) {
      throw new InputError(
        `The stable version's requests show in Prometheus over 1m but not over one check interval (${duration}): a window needs two scrapes for increase() to answer; set check-interval to at least twice the scrape interval.`,
        { input: 'check-interval' },
      );
    }
  }

  async read(window: MetricsWindow, signal?: AbortSignal): Promise<MetricsReading> {
    const duration = promDuration(window);
    const time = (window.end.getTime() / 1000).toFixed(3);
    const asks = VARIANTS.flatMap((variant) => NAMES.map((name) => ({ variant, name, query: this.query(name, variant, duration) })));
    const answers = await Promise.all(
      asks.map(async ({ variant, name, query }) => {
        let answer: Answer;
        try {
          // The rollout loop retries a failed read: one try each here.
          answer = await this.get('/api/v1/query', { query, time }, signal, 0);
        } catch (e) {
          if (!isHttpFailure(e)) throw e;
          throw new ServiceError(`Prometheus ${this.shown}`, `Prometheus at ${this.shown} did not answer the ${name} query for the ${variant} (${e.reason})`, {
            retryable: e.retryable,
            cause: e,
          });
        }
        const v = value(this.data(answer, name, variant, query, false));
        return name === 'p99' && v.value !== null ? { ...v, value: v.value * 1000 } : v;
      }),
    );
    const reading: MetricsReading = {
      from: new Date(window.end.getTime() - Number(duration.slice(0, -1)) * 1000),
      to: window.end,
      canary: { requests: null, errors: null, p99Ms: null },
      stable: { requests: null, errors: null, p99Ms: null },
      queries: [],
    };
    asks.forEach(({ variant, name, query }, i) => {
      const { value: v, note } = answers[i];
      reading[variant][METRIC[name]] = v;
      reading.queries.push({ variant, metric: METRIC[name], query, value: v, ...(note ? { note } : {}) });
    });
    return reading;
  }

  /**
   * The `data` of a successful answer; anything else throws, in one sentence: an InputError for
   * what the user must fix (a rejected query, credentials, and in check() a URI that does not lead
   * to Prometheus's API), a ServiceError for Prometheus failing (an overload, a proxy's 502, and
   * mid-rollout anything else), which may pass by itself.
   */
  private data(answer: Answer, name: PrometheusQueryName, variant: Variant, query: string, checking: boolean): { resultType?: string; result?: unknown } {
    this.refusesCredentials(answer);
    const body = answer.body;
    if (body?.status === 'success' && body.data) return body.data;
    if (body?.status === 'error' && (body.errorType === 'bad_data' || body.errorType === 'execution')) {
      const own = this.options.queries?.[name] !== undefined;
      const input = own ? QUERIES_INPUT : selectorInput(variant);
      // Prometheus prefixes parse errors with `invalid parameter "query": `; the column it gives is in the query shown.
      const says = (body.error ?? '').replace(/^invalid parameter "query": /, '');
      throw new InputError(
        `Prometheus rejected the ${name} query for the ${variant}, ${query}: ${says}; fix ${own ? `the ${name} query in the input '${input}'` : `the input '${input}'`}.`,
        { input },
      );
    }
    const failing = (message: string) => new ServiceError(`Prometheus ${this.shown}`, message, { retryable: true });
    if (body?.status === 'error') {
      throw failing(
        `Prometheus at ${this.shown} could not run the ${name} query for the ${variant} (HTTP ${answer.status}, ${body.errorType}: ${body.error}); ${checking ? 'try again, and check that Prometheus is healthy, or make the query cheaper' : 'check that Prometheus is healthy, or make the query cheaper'}.`,
      );
    }
    const text = answer.text.trim().split('\n')[0].slice(0, 80);
    if (isRetryableStatus(answer.status)) {
      throw failing(
        `Prometheus at ${this.shown} answered the query API with HTTP ${answer.status}${text ? ` (${text})` : ''}${checking ? '; try again, or check Prometheus and any proxy in front of it' : ''}.`,
      );
    }
    const message = `Prometheus at ${this.shown} answered the query API with HTTP ${answer.status}${text ? ` (${text})` : ''}, not Prometheus's JSON; check the metrics URI, including the path prefix if Prometheus sits behind a proxy.`;
    throw checking ? new InputError(message, { input: 'metrics' }) : new ServiceError(`Prometheus ${this.shown}`, message);
  }

  private refusesCredentials(answer: Answer): void {
    if (answer.status !== 401 && answer.status !== 403) return;
    const from = { uri: 'the user and password in the metrics URI', token: 'PROMETHEUS_TOKEN', basic: 'PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD' };
    throw new InputError(
      this.credentials
        ? `Prometheus at ${this.shown} refused the credentials from ${from[this.credentials]} (HTTP ${answer.status}); set ${this.credentials === 'uri' ? 'them' : from[this.credentials]} to ones it accepts.`
        : `Prometheus at ${this.shown} asks for credentials (HTTP ${answer.status}); set PROMETHEUS_TOKEN to a bearer token, or PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD, in the step's env.`,
      { input: 'metrics' },
    );
  }

  private unreachable(e: unknown): never {
    if (!isHttpFailure(e) || e.kind === 'too-large') throw e;
    throw new ServiceError(
      `Prometheus ${this.shown}`,
      `Cannot reach Prometheus at ${this.shown} (${e.reason}); check the metrics URI and that Prometheus is running${e.retryable ? ', then try again' : ''}.`,
      { retryable: e.retryable, cause: e },
    );
  }

  /** One GET of the API; transport failures throw HttpFailures (ServiceErrors). Credentials go to this origin only. */
  private async get(path: string, params: Record<string, string> | undefined, signal: AbortSignal | undefined, retries?: number): Promise<Answer> {
    const url = `${this.base}${path}${params ? `?${new URLSearchParams(params)}` : ''}`;
    const res = await this.http.request({ method: 'GET', url, authorization: this.authorization, signal, retries });
    const text = await res.text();
    let body: Answer['body'];
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      body = undefined;
    }
    return { status: res.status, text, body: body && typeof body === 'object' ? body : undefined };
  }
}

/** One number from a vector or scalar result, or null and why. */
function value(data: { resultType?: string; result?: unknown }): Value {
  if (data.resultType === 'scalar') return sample((data.result as [number, string])[1]);
  if (data.resultType !== 'vector') return { value: null, note: `a ${data.resultType} result, not one number` };
  const rows = data.result as { metric?: Record<string, string>; value: [number, string] }[];
  if (rows.length === 0) return { value: null, note: 'no series matched (empty result)' };
  if (rows.length > 1) return { value: null, note: `${rows.length} series (${seriesList(rows)}), not one: aggregate them` };
  return sample(rows[0].value[1]);
}

function sample(text: string): Value {
  // Prometheus writes NaN and the infinities as NaN, +Inf and -Inf.
  if (text === 'NaN') return { value: null, note: 'NaN (nothing observed in the window)' };
  if (text === '+Inf' || text === '-Inf') return { value: null, note: `${text} (a quantile in the +Inf bucket, or a division by zero)` };
  const v = Number(text);
  return Number.isFinite(v) ? { value: v } : { value: null, note: `not a number: ${text}` };
}

function seriesList(rows: { metric?: Record<string, string> }[]): string {
  const one = (m: Record<string, string> = {}) =>
    `{${Object.entries(m)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ')}}`;
  return (
    rows
      .slice(0, 3)
      .map((r) => one(r.metric))
      .join(', ') + (rows.length > 3 ? ', …' : '')
  );
}

registerMetricsSource('prometheus+http', (uri, options) => new PrometheusMetrics(uri, options));
registerMetricsSource('prometheus+https', (uri, options) => new PrometheusMetrics(uri, options));
