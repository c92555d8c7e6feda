/**
 * The MetricsSource port: where canary-deploy reads how each version is doing. One adapter per
 * file, picked from the metrics URI (`prometheus+http://…`, `http-json+https://…`).
 *
 * A reading covers one window of time and gives, per variant, the requests served, the failed
 * ones and the p99 latency in that window. A value the source could not give (an empty result,
 * NaN, a series that does not exist yet) is `null`: "no data", which the analysis never takes
 * for zero and never takes for a pass.
 */
import { redactUri } from '../shared/redact-uri.js';
import { InputError } from '../shared/errors.js';

export type Variant = 'canary' | 'stable';

export interface VariantMetrics {
  /** Requests answered in the window (may be fractional where the source extrapolates, as Prometheus's increase() does). */
  requests: number | null;
  /** Of those, failed ones (HTTP 5xx by default). */
  errors: number | null;
  /** 99th percentile latency in milliseconds. */
  p99Ms: number | null;
}

export interface MetricsWindow {
  start: Date;
  end: Date;
}

export interface MetricsReading {
  /** The span the numbers really cover; the analysis judges a reading only if it starts at or after the last weight change. */
  from: Date;
  to: Date;
  canary: VariantMetrics;
  stable: VariantMetrics;
  /** What was asked and what came back, raw, for the deployment record (queries, URLs). */
  queries: { variant: Variant; metric: keyof VariantMetrics; query: string; value: number | null; note?: string }[];
}

export interface MetricsSource {
  readonly uri: string;
  /**
   * Called once before any traffic moves: the source answers and its queries are valid.
   * Throws an InputError in one sentence (e.g. Prometheus's own parse error) otherwise.
   * `checkWindowMs`, the check interval, lets a source say up front that windows that short
   * will never hold data (Prometheus: fewer than two scrapes in a window).
   */
  check(checkWindowMs?: number, signal?: AbortSignal): Promise<void>;
  /**
   * The metrics for a window. Called at every window boundary, in time order (including right
   * after each weight change), so a source that only sees cumulative counters can answer with
   * the difference since its previous read and say so in `from`.
   * Transport failures throw (the loop retries, then rolls back); missing data is `null`.
   * `signal` (the step's cancellation) stops the call.
   */
  read(window: MetricsWindow, signal?: AbortSignal): Promise<MetricsReading>;
}

export interface MetricsSourceOptions {
  /** Overrides of the default queries, by metric (`requests`, `errors`, `p99`). */
  queries?: Partial<Record<'requests' | 'errors' | 'p99', string>>;
  /** Label selectors per variant, e.g. `{ canary: 'variant="canary"' }`. */
  selectors?: Partial<Record<Variant, string>>;
}

export type MetricsSourceFactory = (uri: string, options: MetricsSourceOptions) => MetricsSource;
const FACTORIES = new Map<string, MetricsSourceFactory>();

export function registerMetricsSource(scheme: string, factory: MetricsSourceFactory): void {
  FACTORIES.set(scheme, factory);
}

export function openMetricsSource(uri: string, options: MetricsSourceOptions = {}, input = 'metrics'): MetricsSource {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1].toLowerCase();
  const factory = scheme ? FACTORIES.get(scheme) : undefined;
  if (!factory) {
    throw new InputError(
      `Metrics source '${redactUri(uri)}' has ${scheme ? `the type '${scheme}', which modelci does not know` : 'no type'}; use ${[...FACTORIES.keys()].map((s) => `${s}://…`).join(', ')}.`,
      { input },
    );
  }
  return factory(uri, options);
}
