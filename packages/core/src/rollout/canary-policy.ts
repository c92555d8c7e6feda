/**
 * The canary policy: how traffic steps up and what counts as healthy, read from the action's
 * inputs (or the CLI's flags) with the seed pipeline's numbers as defaults: start at 5%, +10%
 * every 5 minutes, roll back above 1% errors or 150 ms p99.
 */
import { InputError } from '../shared/errors.js';
import { parseBooleanText, parseCountText, parseDurationText, parseLatencyText, parseRateText, parseShareText } from '../shared/parse-input.js';

export interface CanaryPolicy {
  /** Canary shares, strictly increasing, each in (0, 1]; after the last one passes, the canary gets 100%. */
  steps: number[];
  /** How long each step lasts at least, ms. */
  intervalMs: number;
  /** How often metrics are read and judged, ms. */
  checkIntervalMs: number;
  /** A check fails when the canary's error rate is above this (with errorRateConfidence). */
  maxErrorRate: number;
  /** The confidence of the Wilson bound on the canary's error rate (0.95: its lower bound must be above maxErrorRate). */
  errorRateConfidence: number;
  /** A check fails when the canary's p99 is above this, ms; null: no absolute latency limit. */
  maxLatencyP99Ms: number | null;
  /** A check fails when the canary's p99 exceeds stable's by this factor; null: not checked. */
  maxLatencyRatio: number | null;
  /** The sequential test's risk ratio: the canary is bad when its error rate is this many times stable's. */
  errorRateRatio: number;
  /** The sequential test's chance of rolling back a canary as healthy as stable (its false-rollback rate). */
  falseRollbackRate: number;
  /** Canary requests a check needs to count; fewer is "inconclusive", never a pass. */
  minRequests: number;
  /** Failed checks that roll back. */
  failedChecks: number;
  /** Consecutive metrics reads that fail (after retries) before rolling back. */
  metricsFailures: number;
  /** The whole rollout, ms; past it, roll back. */
  timeoutMs: number;
  /** How long a rollback keeps trying a router that does not answer, ms. */
  rollbackTimeoutMs: number;
  dryRun: boolean;
  /** Continue an interrupted rollout from the router's current canary share instead of restarting. */
  resume: boolean;
  /** Start even when the router gives the canary 100% (an earlier promotion without a promote hook). */
  startFromFullCanary: boolean;
}

export interface CanaryPolicyRequest {
  'initial-weight'?: string;
  'step-weight'?: string;
  steps?: string;
  'max-weight'?: string;
  interval?: string;
  'check-interval'?: string;
  'max-error-rate'?: string;
  'error-rate-confidence'?: string;
  'max-latency-p99'?: string;
  'max-latency-ratio'?: string;
  'error-rate-ratio'?: string;
  'false-rollback-rate'?: string;
  'min-requests'?: string;
  'failed-checks'?: string;
  'metrics-failures'?: string;
  timeout?: string;
  'rollback-timeout'?: string;
  'dry-run'?: string;
  resume?: string;
  'start-from-full-canary'?: string;
}

/** The documented defaults, as the user would type them. */
export const CANARY_DEFAULTS = {
  'initial-weight': '5%',
  'step-weight': '10%',
  'max-weight': '100%',
  interval: '5m',
  'check-interval': '30s',
  'max-error-rate': '1%',
  'error-rate-confidence': '95%',
  'max-latency-p99': '150ms',
  'error-rate-ratio': '10',
  'false-rollback-rate': '1%',
  'min-requests': '50',
  'failed-checks': '2',
  'metrics-failures': '3',
  'rollback-timeout': '10m',
  'dry-run': 'false',
  resume: 'true',
  'start-from-full-canary': 'false',
} as const;

export function parseCanaryPolicy(req: CanaryPolicyRequest): CanaryPolicy {
  const get = (name: keyof CanaryPolicyRequest) => req[name]?.trim() || (CANARY_DEFAULTS as Partial<Record<keyof CanaryPolicyRequest, string>>)[name];
  const maxWeight = parseWeight(get('max-weight')!, 'max-weight');
  if (maxWeight === 0)
    throw new InputError(`Input 'max-weight' is 0: the canary would never get traffic; give the share before promotion, e.g. 50% or 100%.`, {
      input: 'max-weight',
    });
  const steps = req.steps?.trim()
    ? parseSteps(req.steps)
    : stepSchedule(parseWeight(get('initial-weight')!, 'initial-weight'), parseWeight(get('step-weight')!, 'step-weight'), maxWeight);
  if (req.steps?.trim() && steps[steps.length - 1] > maxWeight) {
    throw new InputError(
      `Input 'steps' goes up to ${pct(steps[steps.length - 1])}, above max-weight ${pct(maxWeight)}; drop the larger steps or raise max-weight.`,
      { input: 'steps' },
    );
  }
  const intervalMs = parseDuration(get('interval')!, 'interval');
  const checkIntervalMs = parseDuration(get('check-interval')!, 'check-interval');
  if (checkIntervalMs > intervalMs) {
    throw new InputError(
      `Input 'check-interval' (${req['check-interval']}) is longer than 'interval' (${get('interval')}): a step would end before its first check; make check-interval at most the step interval.`,
      { input: 'check-interval' },
    );
  }
  const latency = req['max-latency-p99']?.trim();
  const ratio = req['max-latency-ratio']?.trim();
  const timeout = req.timeout?.trim();
  // Twice the planned rollout: room for steps that wait for enough traffic, yet bounded.
  const plannedMs = steps.length * intervalMs;
  return {
    steps,
    intervalMs,
    checkIntervalMs,
    maxErrorRate: parseRate(get('max-error-rate')!, 'max-error-rate'),
    errorRateConfidence: parseConfidence(get('error-rate-confidence')!),
    // A bare number is milliseconds, as in quality-gates (the seed's `150`).
    maxLatencyP99Ms: latency?.toLowerCase() === 'none' ? null : parseLatencyText(latency || CANARY_DEFAULTS['max-latency-p99'], 'max-latency-p99'),
    maxLatencyRatio: ratio ? parseFactor(ratio, 'max-latency-ratio', 1) : null,
    errorRateRatio: parseFactor(get('error-rate-ratio')!, 'error-rate-ratio', 1),
    falseRollbackRate: parseFalseRollbackRate(get('false-rollback-rate')!),
    minRequests: parseCount(get('min-requests')!, 'min-requests', 1),
    failedChecks: parseCount(get('failed-checks')!, 'failed-checks', 1),
    metricsFailures: parseCount(get('metrics-failures')!, 'metrics-failures', 1),
    timeoutMs: timeout ? parseDuration(timeout, 'timeout') : 2 * plannedMs,
    rollbackTimeoutMs: parseDuration(get('rollback-timeout')!, 'rollback-timeout'),
    dryRun: parseBoolean(get('dry-run')!, 'dry-run'),
    resume: parseBoolean(get('resume')!, 'resume'),
    startFromFullCanary: parseBoolean(get('start-from-full-canary')!, 'start-from-full-canary'),
  };
}

/** initial, initial + step, … below max-weight, then max-weight itself when it is below 100%. */
function stepSchedule(initial: number, step: number, max: number): number[] {
  if (initial === 0)
    throw new InputError(`Input 'initial-weight' is 0: the first step would send the canary nothing to judge; give a share such as 5%.`, {
      input: 'initial-weight',
    });
  if (initial > max)
    throw new InputError(`Input 'initial-weight' (${pct(initial)}) is above max-weight (${pct(max)}); lower it or raise max-weight.`, {
      input: 'initial-weight',
    });
  if (step === 0)
    throw new InputError(
      `Input 'step-weight' is 0: the canary would never move past ${pct(initial)}; give a step such as 10%, or list the shares in 'steps'.`,
      { input: 'step-weight' },
    );
  const steps: number[] = [];
  // Integer arithmetic in 1e-6 units keeps 5% + 9 × 10% at exactly 95%.
  const unit = 1e6;
  for (let w = Math.round(initial * unit); w < Math.round(max * unit) || steps.length === 0; w += Math.round(step * unit)) steps.push(w / unit);
  if (max < 1 && steps[steps.length - 1] < max) steps.push(max);
  return steps;
}

function parseSteps(text: string): number[] {
  const steps = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => parseWeight(s, 'steps'));
  for (let i = 0; i < steps.length; i++) {
    if (steps[i] === 0)
      throw new InputError(`Input 'steps' has a step of 0; every step must send the canary some traffic (e.g. 5%, 25%, 50%).`, { input: 'steps' });
    if (i > 0 && steps[i] <= steps[i - 1]) {
      throw new InputError(
        `Input 'steps' does not increase: ${pct(steps[i])} comes after ${pct(steps[i - 1])}; list the canary's shares in rising order, e.g. 5%, 25%, 50%.`,
        { input: 'steps' },
      );
    }
  }
  return steps;
}

/** A share of traffic: `5%` or `0.05` (the shared rule). */
export function parseWeight(text: string, input: string): number {
  return parseShareText(text, input);
}

function parseRate(text: string, input: string): number {
  const v = parseRateText(text, input);
  if (v === 0) throw new InputError(`Input '${input}' is 0: every error would fail the canary; give a rate such as 1%.`, { input });
  return v;
}

/** `30s`, `5m`, `1h`, `250ms`; a bare number is refused (the shared rule). */
export function parseDuration(text: string, input: string): number {
  return parseDurationText(text, input);
}

function parseFactor(text: string, input: string, above: number): number {
  const v = Number(text.replace(/x$/i, ''));
  if (!(Number.isFinite(v) && v > above)) throw new InputError(`Input '${input}' is '${text}'; give a factor above ${above}, e.g. 1.5 or 2x.`, { input });
  return v;
}

function parseConfidence(text: string): number {
  const v = parseShareText(text, 'error-rate-confidence');
  if (!(v >= 0.5 && v < 1))
    throw new InputError(`Input 'error-rate-confidence' is '${text}'; give a confidence from 50% up to (not including) 100%, e.g. 95%.`, {
      input: 'error-rate-confidence',
    });
  return v;
}

function parseFalseRollbackRate(text: string): number {
  const v = parseRateText(text, 'false-rollback-rate');
  if (!(v > 0 && v < 0.5))
    throw new InputError(`Input 'false-rollback-rate' is '${text}'; give a small chance strictly between 0 and 50%, e.g. 1%.`, {
      input: 'false-rollback-rate',
    });
  return v;
}

function parseCount(text: string, input: string, min: number): number {
  return parseCountText(text, input, min, 1e9);
}

function parseBoolean(text: string, input: string): boolean {
  return parseBooleanText(text, input);
}

export function pct(w: number): string {
  return `${Number((w * 100).toPrecision(4))}%`;
}
