/**
 * Regression metrics as scikit-learn 1.2: mean_absolute_error, the square root of
 * mean_squared_error, and r2_score (with its force_finite default: a constant truth scores
 * 1 when predicted exactly and 0 otherwise, instead of NaN or -Infinity).
 */
// Jest's VM context makes global lookups slow; bind Math once for the loops.
const Math = globalThis.Math;

export interface RegressionMetrics {
  mae: number;
  rmse: number;
  /** NaN for a single row, as scikit-learn: R^2 is not defined there. */
  r2: number;
}

export function regressionMetrics(truth: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = truth.length;
  if (predicted.length !== n) {
    throw new Error(`regressionMetrics: ${n} true values but ${predicted.length} predictions; they must be equally long.`);
  }
  if (n === 0) throw new Error('regressionMetrics: there are no predictions to score.');
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (!Number.isFinite(t)) throw new Error(`regressionMetrics: truth[${i}] is ${t}, not a finite number.`);
    if (!Number.isFinite(p)) throw new Error(`regressionMetrics: predicted[${i}] is ${p}, not a finite number.`);
    mean += t;
  }
  mean /= n;
  let absSum = 0;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const e = truth[i] - predicted[i];
    absSum += Math.abs(e);
    ssRes += e * e;
    const d = truth[i] - mean;
    ssTot += d * d;
  }
  let r2: number;
  if (n < 2) r2 = NaN;
  else if (ssTot === 0) r2 = ssRes === 0 ? 1 : 0;
  else r2 = 1 - ssRes / ssTot;
  return { mae: absSum / n, rmse: Math.sqrt(ssRes / n), r2 };
}
