import { InputError } from '../shared/errors.js';
import { closestName } from '../shared/closest-name.js';
import { compare, type Gate } from './gate.js';
import { formatQuantity, type Dimension } from '../shared/quantity.js';
import type { MetricValue, Metrics } from '../shared/metrics.js';

export type { MetricValue, Metrics } from '../shared/metrics.js';

export const GATE_VERDICT_SCHEMA = 'modelci/gate-verdict@1';

export interface GateResult {
  gate: string;
  metric: string;
  comparator: Gate['comparator'];
  actual: number | null;
  threshold: number;
  dimension?: Dimension;
  passed: boolean;
  /** How far from failing, in the metric's unit: positive is room to spare, negative is the shortfall. */
  margin: number | null;
  reason: string;
}

/** A built-in check that is not a threshold on a metric: a collapsed class, NaN outputs, non-determinism. */
export interface GateCheck {
  name: string;
  passed: boolean;
  detail: string;
}

export interface GateVerdict {
  schema: typeof GATE_VERDICT_SCHEMA;
  createdAt: string;
  passed: boolean;
  gates: GateResult[];
  /** Built-in checks; any failure fails the verdict like a gate. */
  checks: GateCheck[];
  summary: string;
}

export interface EvaluateGatesOptions {
  /** The production model's metrics, for `baseline.<metric>` thresholds. */
  baseline?: Metrics;
  checks?: GateCheck[];
  now?: Date;
}

/**
 * Apply every gate. A metric the evaluation did not produce fails its gate (fail safe: an
 * unmeasured model does not ship); a metric name nobody knows is a mistake in the gate, refused
 * with the closest known name. No gate at all is not a pass: nothing was asked of the model.
 */
export function evaluateGates(gates: Gate[], metrics: Metrics, options: EvaluateGatesOptions = {}): GateVerdict {
  const results = gates.map((g) => evaluateGate(g, metrics, options.baseline));
  const checks = options.checks ?? [];
  const failedGates = results.filter((r) => !r.passed).map((r) => r.gate);
  const failedChecks = checks.filter((c) => !c.passed).map((c) => c.name);
  const failed = [...failedGates, ...failedChecks];
  // Built-in checks are not gates the user wrote: counted apart ("5 gates and 3 checks passed").
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const summary =
    failed.length === 0
      ? `All ${count(results.length, 'gate')}${checks.length > 0 ? ` and ${count(checks.length, 'check')}` : ''} passed.`
      : `${failedGates.length} of ${count(results.length, 'gate')}${checks.length > 0 ? ` and ${failedChecks.length} of ${count(checks.length, 'check')}` : ''} failed: ${failed.join('; ')}.`;
  return {
    schema: GATE_VERDICT_SCHEMA,
    createdAt: (options.now ?? new Date()).toISOString(),
    passed: failed.length === 0 && results.length > 0,
    gates: results,
    checks,
    summary,
  };
}

function evaluateGate(gate: Gate, metrics: Metrics, baseline: Metrics | undefined): GateResult {
  const metric = lookup(gate, gate.metric, metrics, 'metric');
  let threshold: number;
  let thresholdDimension: Dimension | undefined;
  if (gate.threshold.kind === 'constant') {
    threshold = gate.threshold.value.value;
    thresholdDimension = gate.threshold.value.dimension;
  } else {
    if (!baseline) {
      throw new InputError(
        `Gate '${gate.text}' compares with the baseline, but no baseline model or report was given; set the 'baseline' input or drop the gate.`,
        { input: gate.input, line: gate.line },
      );
    }
    const base = lookup(gate, gate.threshold.metric, baseline, 'baseline metric');
    threshold = base.value + gate.threshold.offset.value;
    thresholdDimension = gate.threshold.offset.dimension ?? base.dimension;
  }
  if (thresholdDimension && thresholdDimension !== (metric.dimension ?? 'ratio')) {
    throw new InputError(
      `Gate '${gate.text}' compares ${gate.metric}, measured in ${describe(metric.dimension)}, with a threshold in ${describe(thresholdDimension)}; use a unit of ${describe(metric.dimension)}.`,
      { input: gate.input, line: gate.line },
    );
  }
  const shown = (v: number) => formatQuantity(v, metric.dimension);
  if (Number.isNaN(metric.value)) {
    return {
      gate: gate.text,
      metric: gate.metric,
      comparator: gate.comparator,
      actual: null,
      threshold,
      dimension: metric.dimension,
      passed: false,
      margin: null,
      reason: `${gate.metric} was not measured, so the gate cannot pass.`,
    };
  }
  const passed = compare(metric.value, gate.comparator, threshold);
  const margin = gate.comparator.startsWith('<')
    ? threshold - metric.value
    : gate.comparator.startsWith('>')
      ? metric.value - threshold
      : passed
        ? 0
        : -Math.abs(metric.value - threshold);
  const reason = passed
    ? `${gate.metric} = ${shown(metric.value)} ${gate.comparator} ${shown(threshold)}`
    : `${gate.metric} = ${shown(metric.value)} fails ${gate.comparator} ${shown(threshold)}${Number.isFinite(margin) && margin !== 0 ? ` by ${shown(Math.abs(margin))}` : ''}`;
  return {
    gate: gate.text,
    metric: gate.metric,
    comparator: gate.comparator,
    actual: metric.value,
    threshold,
    dimension: metric.dimension,
    passed,
    margin,
    reason,
  };
}

function lookup(gate: Gate, name: string, metrics: Metrics, what: string): MetricValue {
  const found = metrics.get(name);
  if (found) return found;
  const suggestion = closestName(name, metrics.keys());
  const hint = suggestion ? `did you mean '${suggestion}'?` : `known metrics: ${[...metrics.keys()].sort().join(', ')}.`;
  throw new InputError(`Gate '${gate.text}' names the ${what} '${name}', which the evaluation does not have; ${hint}`, { input: gate.input, line: gate.line });
}

function describe(d: Dimension | undefined): string {
  return d === 'time' ? 'time (ms, s)' : d === 'bytes' ? 'bytes (MB, GiB, ...)' : 'plain numbers (or %)';
}
