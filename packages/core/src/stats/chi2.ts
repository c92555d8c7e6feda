/**
 * Chi-square distribution tail and Pearson's test of independence on a contingency table,
 * as scipy.stats.chi2.sf and scipy.stats.chi2_contingency (SciPy 1.10 defaults).
 */
import { regularizedGammaQ } from './incomplete-gamma.js';

/** P(X >= x) for X ~ chi-square(dof) = Q(dof/2, x/2); relatively accurate far into the tail. */
export function chi2Sf(x: number, dof: number): number {
  if (Number.isNaN(x) || Number.isNaN(dof) || !(dof > 0)) return NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

export interface Chi2Result {
  statistic: number;
  pValue: number;
  dof: number;
}

/**
 * Pearson chi-square test of independence of the rows and columns of `observed` (rows of counts),
 * as scipy.stats.chi2_contingency(observed, correction):
 *   expected[i][j] = rowSum[i] * colSum[j] / total,  dof = (rows - 1)(cols - 1),
 *   statistic = sum (observed - expected)^2 / expected,  p = chi2Sf(statistic, dof).
 * With dof == 1 and `correction` (the default), Yates' continuity correction moves each observed
 * count up to 0.5 towards its expected count first. dof == 0 (a single row or column) gives
 * statistic 0 and p 1. Throws if an expected frequency is 0 (an all-zero row or column).
 */
export function chi2Contingency(observed: ArrayLike<number>[], correction = true): Chi2Result {
  const rows = observed.length;
  const cols = rows > 0 ? observed[0].length : 0;
  if (rows === 0 || cols === 0) throw new Error('chi2Contingency: the table is empty.');
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    if (observed[i].length !== cols) {
      throw new Error(`chi2Contingency: row ${i} has ${observed[i].length} cells, row 0 has ${cols}; rows must be equally long.`);
    }
    for (let j = 0; j < cols; j++) {
      const o = observed[i][j];
      if (!(o >= 0) || !Number.isFinite(o)) throw new Error(`chi2Contingency: cell [${i}][${j}] is ${o}; counts must be finite and >= 0.`);
      rowSums[i] += o;
      colSums[j] += o;
    }
  }
  for (let i = 0; i < rows; i++) total += rowSums[i];

  const expected = (i: number, j: number): number => (rowSums[i] * colSums[j]) / total;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (expected(i, j) === 0) {
        throw new Error(`chi2Contingency: the expected frequency at [${i}][${j}] is 0 (an all-zero row or column); drop it before testing.`);
      }
    }
  }
  const dof = rows * cols - (rows + cols) + 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof: 0 };

  const yates = dof === 1 && correction;
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const e = expected(i, j);
      let o = observed[i][j];
      if (yates) {
        // Never move an observed count past its expected count (SciPy gh-13875).
        const diff = e - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      const dev = o - e;
      statistic += (dev * dev) / e;
    }
  }
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}
