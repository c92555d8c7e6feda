/**
 * One check of a canary: the metrics of one window against the policy's thresholds. Absolute
 * thresholds (error rate, p99) fail a check; anything missing or too thin to judge makes it
 * "inconclusive", which never counts as a pass. The sequential test (relative to stable) runs
 * on every window with data, however thin: thin windows are what it is built for.
 */
import { wilsonInterval } from '../stats/proportion-interval.js';
import type { CanaryPolicy } from './canary-policy.js';
import { pct } from './canary-policy.js';
import type { CheckDecision, VariantSummary } from './deployment-record.js';
import type { MetricsReading, VariantMetrics } from './metrics-source.js';
import { updateSequentialTest, type SequentialState } from './sequential-error-test.js';

export interface CheckVerdict {
  decision: CheckDecision;
  reasons: string[];
  sequential: SequentialState;
  /** The window's numbers. */
  canary: VariantSummary;
  stable: VariantSummary;
}

export function summarize(m: VariantMetrics): VariantSummary {
  const errorRate = m.requests !== null && m.errors !== null && m.requests > 0 ? Math.min(1, m.errors / m.requests) : null;
  return { ...m, errorRate };
}

/**
 * Judges a reading taken while the router held `weight` since `weightSince` (ms). A reading that
 * reaches back before the last weight change mixes two traffic splits and is not judged. The
 * sequential test takes the window's counts; the thresholds judge `totals`, the counts since the
 * step began (evidence accumulates over a step: at low traffic one window is too thin), else the window.
 */
export function judgeCheck(
  reading: MetricsReading,
  weightSince: number,
  policy: CanaryPolicy,
  sequential: SequentialState,
  totals?: { canary: VariantMetrics; stable: VariantMetrics },
): CheckVerdict {
  const windowed = { canary: summarize(reading.canary), stable: summarize(reading.stable) };
  const canary = totals ? summarize(totals.canary) : windowed.canary;
  const stable = totals ? summarize(totals.stable) : windowed.stable;
  if (reading.from.getTime() < weightSince) {
    return {
      decision: 'not judged',
      reasons: [`the window starts at ${reading.from.toISOString()}, before the weight changed at ${new Date(weightSince).toISOString()}`],
      sequential,
      ...windowed,
    };
  }
  const seq = sequentialUpdate(sequential, reading, policy);
  const reasons: string[] = [];
  if (seq.state.decision === 'bad') {
    const st = seq.state;
    reasons.push(
      `sequential test: ${fmt(st.canaryErrors)} canary errors against ${fmt(st.stableErrors)} stable errors make "the canary fails ${policy.errorRateRatio}x as often" ${Number(Math.exp(st.llr).toPrecision(3))} times likelier than "as often as stable", past the rollback bound ${Number(Math.exp(st.upper).toPrecision(3))} (false-rollback rate ${pct(policy.falseRollbackRate)})`,
    );
    return { decision: 'bad canary', reasons, sequential: seq.state, ...windowed };
  }
  if (seq.note) reasons.push(seq.note);

  const failed: string[] = [];
  const missing: string[] = [];
  if (canary.requests === null) missing.push('no data for canary requests');
  else if (canary.requests < policy.minRequests) missing.push(`${fmt(canary.requests)} canary requests, fewer than min-requests ${policy.minRequests}`);
  else {
    if (canary.errors === null) missing.push('no data for canary errors');
    else {
      const n = Math.max(1, Math.round(canary.requests));
      const e = Math.min(n, Math.max(0, Math.round(canary.errors)));
      const [low] = wilsonInterval(e, n, policy.errorRateConfidence);
      const bound = `${pct(policy.errorRateConfidence)} lower bound ${pct(low)}`;
      const rate = canary.errorRate!;
      if (rate > policy.maxErrorRate && low > policy.maxErrorRate)
        failed.push(`error rate ${pct(rate)} (${fmt(canary.errors)} of ${fmt(canary.requests)}) is above ${pct(policy.maxErrorRate)} (${bound})`);
      else if (rate > policy.maxErrorRate)
        missing.push(
          `error rate ${pct(rate)} (${fmt(canary.errors)} of ${fmt(canary.requests)}) is above ${pct(policy.maxErrorRate)} but could be chance (${bound})`,
        );
      else reasons.push(`error rate ${pct(rate)} (${fmt(canary.errors)} of ${fmt(canary.requests)}) <= ${pct(policy.maxErrorRate)}`);
    }
    if (policy.maxLatencyP99Ms !== null) {
      if (canary.p99Ms === null) missing.push('no data for canary p99');
      else if (canary.p99Ms > policy.maxLatencyP99Ms) failed.push(`p99 ${ms(canary.p99Ms)} is above ${ms(policy.maxLatencyP99Ms)}`);
      else reasons.push(`p99 ${ms(canary.p99Ms)} <= ${ms(policy.maxLatencyP99Ms)}`);
    }
    if (policy.maxLatencyRatio !== null && canary.p99Ms !== null) {
      // A stable version without traffic or data cannot vouch for the canary: not judged, not passed.
      if (stable.p99Ms === null || stable.requests === null || stable.requests < policy.minRequests)
        missing.push(`no stable p99 to compare with (${stable.requests === null ? 'no data' : `${fmt(stable.requests)} stable requests`})`);
      else if (canary.p99Ms > policy.maxLatencyRatio * stable.p99Ms)
        failed.push(`p99 ${ms(canary.p99Ms)} is above ${policy.maxLatencyRatio}x stable's ${ms(stable.p99Ms)}`);
      else reasons.push(`p99 ${ms(canary.p99Ms)} <= ${policy.maxLatencyRatio}x stable's ${ms(stable.p99Ms)}`);
    }
  }
  const decision: CheckDecision = failed.length > 0 ? 'fail' : missing.length > 0 ? 'inconclusive' : 'pass';
  return { decision, reasons: [...failed, ...missing, ...reasons], sequential: seq.state, ...windowed };
}

function sequentialUpdate(state: SequentialState, r: MetricsReading, policy: CanaryPolicy): { state: SequentialState; note?: string } {
  const { canary: c, stable: s } = r;
  if (c.requests === null || c.errors === null || s.requests === null || s.errors === null) {
    return { state, note: 'sequential test: no data on one side, window skipped' };
  }
  // Prometheus's increase() extrapolates, which can put errors a hair above requests.
  const counts = {
    canaryRequests: c.requests,
    canaryErrors: Math.min(c.errors, c.requests),
    stableRequests: s.requests,
    stableErrors: Math.min(s.errors, s.requests),
  };
  const next = updateSequentialTest(state, counts, { alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio });
  if (s.requests === 0) return { state: next, note: 'sequential test: stable served nothing, window skipped' };
  return { state: next };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function ms(v: number): string {
  return `${Number(v.toPrecision(4))} ms`;
}
