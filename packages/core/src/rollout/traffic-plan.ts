/**
 * What a plan can judge at the traffic there is: from the requests/s both versions served just
 * before the rollout, how many canary requests each step gets in its interval and how long it
 * needs to reach min-requests (a step waits for them, judged on its cumulative counts). When the
 * whole plan cannot reach them within its timeout, it is refused up front with the numbers and
 * the fixes, instead of rolling back after the timeout for a reason that hides the traffic.
 */
import { InputError } from '../shared/errors.js';
import { formatDuration } from '../shared/format.js';
import { pct, type CanaryPolicy } from './canary-policy.js';

export interface TrafficPlan {
  /** Requests/s, both versions together. */
  rate: number;
  /** Expected time for the whole plan, ms (each step: its interval, or longer to reach min-requests). */
  expectedMs: number;
  /** One sentence for the log and the record. */
  sentence: string;
}

/** Per step: max(interval, time to min-requests) plus one check, rounded up to whole checks. */
export function planTraffic(policy: CanaryPolicy, rate: number, first = 0): TrafficPlan {
  const steps = policy.steps.slice(first);
  const need = (w: number) => (rate > 0 ? (policy.minRequests / (rate * w)) * 1000 : Infinity);
  const stepMs = (w: number) => Math.ceil(Math.max(policy.intervalMs, need(w)) / policy.checkIntervalMs) * policy.checkIntervalMs + policy.checkIntervalMs;
  const expectedMs = steps.reduce((t, w) => t + stepMs(w), 0);
  const w0 = steps[0];
  const perInterval = rate * w0 * (policy.intervalMs / 1000);
  const r = Number(rate.toPrecision(3));
  const sentence = `at ${r} requests/s (both versions, measured before the start), the first step (${pct(w0)}) gets ≈ ${Math.round(perInterval)} canary requests per ${formatDuration(policy.intervalMs)} step${need(w0) > policy.intervalMs ? `, fewer than min-requests ${policy.minRequests}: it lasts ≈ ${formatDuration(roundTo(need(w0), need(w0) > 120_000 ? 60_000 : 1000))} instead` : ''}; the plan needs ≈ ${formatDuration(roundTo(expectedMs, expectedMs > 120_000 ? 60_000 : 1000))} of its timeout ${formatDuration(policy.timeoutMs)}`;
  // Only traffic is refused here: a plan too long for its timeout at any traffic is the timeout's business.
  const anyTrafficMs = steps.reduce((t) => t + Math.ceil(policy.intervalMs / policy.checkIntervalMs) * policy.checkIntervalMs + policy.checkIntervalMs, 0);
  if (expectedMs > policy.timeoutMs && anyTrafficMs <= policy.timeoutMs) {
    const minShare = rate > 0 ? policy.minRequests / (rate * (policy.intervalMs / 1000)) : Infinity;
    throw new InputError(
      `Too little traffic for this plan: ${sentence}. Give the canary more traffic per step (initial-weight${Number.isFinite(minShare) && minShare <= 1 ? ` of at least ${pct(Math.ceil(minShare * 1000) / 1000)}` : ''}, or fewer, larger steps), lower min-requests, lengthen interval, or set a timeout of at least ${formatDuration(Math.ceil(expectedMs / 60_000) * 60_000)}.`,
      { input: 'min-requests' },
    );
  }
  return { rate, expectedMs, sentence };
}

function roundTo(ms: number, unit: number): number {
  return Math.ceil(ms / unit) * unit;
}
