// A simulated clock, router and traffic for the rollout loop's tests: the loop's decisions are
// the question there; the real adapters are tested against HAProxy and Prometheus themselves.
import type { Clock, MetricsReading, MetricsSource, MetricsWindow, TrafficRouter, VariantMetrics, Weights } from '../../src/index.js';
import { poissonSampler, rng } from './tables.js';

export class SimClock implements Clock {
  t = Date.parse('2026-11-27T00:00:00Z');
  now = () => this.t;
  sleep = async (ms: number, signal?: AbortSignal) => {
    if (signal?.aborted) throw signal.reason;
    this.t += Math.max(0, ms);
    await Promise.resolve();
    if (signal?.aborted) throw signal.reason;
  };
}

/** A router that holds what it is told, remembers every weight, and can be made to misbehave. */
export class MemoryRouter implements TrafficRouter {
  readonly uri = 'memory://router';
  weights: Weights = { canary: 0, stable: 1 };
  history: number[] = [];
  refuse = false;
  async setWeights(canary: number) {
    if (this.refuse) throw new Error('connection refused');
    this.weights = { canary, stable: 1 - canary };
    this.history.push(canary);
  }
  async getWeights() {
    if (this.refuse) throw new Error('connection refused');
    return this.weights;
  }
}

export interface Behaviour {
  canaryErrorRate: number;
  stableErrorRate: number;
  canaryP99: number;
  stableP99: number;
}

/** Poisson traffic at `rate` requests/s split by what the router holds, read back per window. */
export class SimMetrics implements MetricsSource {
  readonly uri = 'sim://metrics';
  reads: MetricsWindow[] = [];
  fail = false;
  noData = false;
  /** Canary errors served so far: what a bad canary cost before it was rolled back. */
  canaryErrorsServed = 0;
  private readonly poisson: (lambda: number) => number;
  constructor(
    private readonly router: MemoryRouter,
    public b: Behaviour,
    private readonly rate = 50,
    seed = 7,
  ) {
    this.poisson = poissonSampler(rng(seed));
  }
  async check() {}
  async read(w: MetricsWindow): Promise<MetricsReading> {
    this.reads.push(w);
    if (this.fail) throw new Error('ECONNREFUSED');
    const secs = (w.end.getTime() - w.start.getTime()) / 1000;
    const side = (share: number, errorRate: number, p99: number): VariantMetrics => {
      if (this.noData) return { requests: null, errors: null, p99Ms: null };
      const requests = this.poisson(this.rate * share * secs);
      // Poisson thinning: errors among Poisson requests are Poisson themselves.
      const errors = Math.min(requests, this.poisson(requests * errorRate));
      return { requests, errors, p99Ms: requests > 0 ? p99 : null };
    };
    const c = this.router.weights.canary;
    const canary = side(c, this.b.canaryErrorRate, this.b.canaryP99);
    this.canaryErrorsServed += canary.errors ?? 0;
    return { from: w.start, to: w.end, canary, stable: side(1 - c, this.b.stableErrorRate, this.b.stableP99), queries: [] };
  }
}

/** Both versions fail 0.1% of requests at a 40 ms p99. */
export const HEALTHY: Behaviour = { canaryErrorRate: 0.001, stableErrorRate: 0.001, canaryP99: 40, stableP99: 40 };
