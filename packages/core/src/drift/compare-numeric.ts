import type { NumericColumn } from '../data/table.js';
import { binCounts, populationStabilityIndex } from '../stats/divergence.js';
import { ecdfQuantile } from '../stats/binning.js';
import { ecdfFromSample, ecdfMean, ecdfStd } from '../stats/ecdf.js';
import { ks2sampEcdf, ksTwoSamplePValue } from '../stats/ks.js';
import { wassersteinDistance } from '../stats/wasserstein.js';
import type { FeatureComparison } from './comparison.js';
import { testMissingRate } from './missing-rate.js';
import type { DriftOptions } from './options.js';
import type { NumericReference } from './reference.js';
import type { FeatureEffect } from './report.js';
import { timeRangeText } from './time-range.js';

/**
 * Numeric feature: two-sample KS for the p-value; KS D, Wasserstein distance in reference
 * standard deviations and PSI on reference deciles as effect sizes.
 */
export function compareNumeric(ref: NumericReference, column: NumericColumn, rows: number, options: DriftOptions, now = new Date()): FeatureComparison {
  const missing = testMissingRate(ref.missing, ref.rows, column.missing, rows);
  // Dates and times move forward by nature: a later batch always "drifts" on them. Their range
  // and how fresh the newest row is say more (and need no sorted copy of the column).
  if (column.unit === 'epoch-ms' || ref.unit === 'epoch-ms') {
    const reference = { rows: ref.rows, count: ref.ecdf.n, min: ref.min, max: ref.max };
    const current = { rows, ...rangeOf(column.values) };
    return { name: ref.name, kind: 'numeric', missing, reference, current, effects: {}, unit: 'epoch-ms', untested: timeRangeText(reference, current, now) };
  }
  const cur = ecdfFromSample(column.values);
  const reference = { rows: ref.rows, count: ref.ecdf.n, mean: ref.mean, std: ref.std, min: ref.min, max: ref.max };
  const current =
    cur.n > 0 ? { rows, count: cur.n, mean: ecdfMean(cur), std: ecdfStd(cur), min: cur.values[0], max: cur.values[cur.values.length - 1] } : { rows, count: 0 };
  const base = { name: ref.name, kind: 'numeric' as const, missing, reference, current, effects: {} };
  if (ref.ecdf.n === 0) return { ...base, untested: 'every reference cell is missing, so there is no distribution to compare with' };
  if (cur.n === 0) return { ...base, untested: 'every current cell is missing, so there is no distribution to compare' };

  const ks = ks2sampEcdf(ref.ecdf, cur);
  const sketch = ref.sketchSize;
  // From a quantile sketch, the reference CDF is known to within 1/k: D and the p-value are bracketed.
  const dBound = sketch ? 1 / sketch : 0;
  const pValueRange: [number, number] | undefined = sketch
    ? [
        ksTwoSamplePValue(Math.min(1, ks.statistic + dBound), ref.ecdf.n, cur.n).pValue,
        ksTwoSamplePValue(Math.max(0, ks.statistic - dBound), ref.ecdf.n, cur.n).pValue,
      ]
    : undefined;
  const psi = populationStabilityIndex(ref.psiCounts, binCounts(cur, ref.psiEdges));
  const effects: Record<string, number> = { ks: ks.statistic, psi };
  const w = wassersteinDistance(ref.ecdf, cur);
  if (ref.std > 0) effects.wasserstein = w / ref.std;

  let effect: FeatureEffect;
  let effectNote: string | undefined;
  if (options.numericEffect === 'wasserstein' && ref.std > 0) {
    effect = {
      name: 'wasserstein',
      value: w / ref.std,
      threshold: options.minNumericEffect,
      errorBound: sketch ? (ref.max - ref.min) / sketch / ref.std : undefined,
    };
  } else if (options.numericEffect === 'psi') {
    effect = { name: 'psi', value: psi, threshold: options.minNumericEffect };
  } else {
    if (options.numericEffect === 'wasserstein') effectNote = 'the reference is constant, so the Wasserstein distance has no scale; KS D decides instead';
    effect = { name: 'ks', value: ks.statistic, threshold: options.minNumericEffect, errorBound: sketch ? dBound : undefined };
  }
  const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
  const movement = { quantiles: { levels, reference: levels.map((p) => ecdfQuantile(ref.ecdf, p)), current: levels.map((p) => ecdfQuantile(cur, p)) } };
  return {
    ...base,
    effects,
    effect,
    effectNote,
    movement,
    test: { name: 'ks', statistic: ks.statistic, pValue: ks.pValue, method: ks.method, exact: !sketch, pValueRange },
  };
}

function rangeOf(values: Float64Array): { count: number; min?: number; max?: number } {
  let min = Infinity,
    max = -Infinity,
    count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return count > 0 ? { count, min, max } : { count };
}
