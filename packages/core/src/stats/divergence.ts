/**
 * Distances and effect sizes between two distributions given as counts over the same categories
 * (or bins): Jensen-Shannon distance, Cramer's V and the population stability index.
 * Effect sizes complement p-values: with a million rows every tiny shift is "significant".
 */
import { chi2Contingency } from './chi2.js';

export { binCounts, quantileBinEdges } from './binning.js';

function total(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** x log(x / y) with the conventions of scipy.special.rel_entr (0 log 0 = 0). */
function relativeEntropyTerm(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.isNaN(x) || Number.isNaN(y) ? NaN : Infinity;
}

/**
 * Jensen-Shannon distance with base-2 logarithms, in [0, 1]:
 * sqrt((KL(p || m) + KL(q || m)) / 2) with m = (p + q) / 2, after normalising p and q to sum to 1
 * (counts are fine), as scipy.spatial.distance.jensenshannon(p, q, base=2).
 * Rounding can make the divergence a hair below 0 for identical inputs; that is returned as 0
 * (SciPy would return NaN).
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new Error(`jensenShannonDistance: p has ${p.length} entries, q has ${q.length}; they must match.`);
  const sp = total(p);
  const sq = total(q);
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sp;
    const qi = q[i] / sq;
    const mi = (pi + qi) / 2.0;
    left += relativeEntropyTerm(pi, mi);
    right += relativeEntropyTerm(qi, mi);
  }
  const js = (left + right) / Math.LN2;
  return Math.sqrt(Math.max(0, js / 2.0));
}

/**
 * Cramer's V of a contingency table (rows = samples, columns = categories), in [0, 1]:
 * sqrt(chi2 / (N * min(rows - 1, cols - 1))) with the chi-square statistic computed *without*
 * Yates' correction, as scipy.stats.contingency.association(observed, method='cramer').
 * NaN for a table with a single row or column (as SciPy). Throws if an expected frequency is 0.
 */
export function cramersV(observed: ArrayLike<number>[]): number {
  const { statistic } = chi2Contingency(observed, false);
  let n = 0;
  for (const row of observed) n += total(row);
  const rows = observed.length;
  const cols = observed[0].length;
  return Math.sqrt(statistic / n / Math.min(cols - 1, rows - 1));
}

/**
 * Bias-corrected Cramer's V (Bergsma 2013, J. Korean Stat. Soc. 42:323-328): the plain V grows
 * as samples shrink (a 2 x 224 table of 1000 rows with no change has V near 0.4), so
 *   phi2~ = max(0, chi2/N - (k-1)(r-1)/(N-1)),  k~ = k - (k-1)^2/(N-1),  r~ = r - (r-1)^2/(N-1),
 *   V~ = sqrt(phi2~ / min(k~ - 1, r~ - 1)),
 * with chi2 without Yates' correction. Near 0 for samples from one distribution at any size;
 * tends to the plain V as N grows. NaN for a single row or column (as cramersV).
 */
export function biasCorrectedCramersV(observed: ArrayLike<number>[]): number {
  const r = observed.length;
  const k = r > 0 ? observed[0].length : 0;
  if (r < 2 || k < 2) return NaN;
  const { statistic } = chi2Contingency(observed, false);
  let n = 0;
  for (const row of observed) n += total(row);
  const phi2 = Math.max(0, statistic / n - ((k - 1) * (r - 1)) / (n - 1));
  const kt = k - (k - 1) ** 2 / (n - 1);
  const rt = r - (r - 1) ** 2 / (n - 1);
  const denom = Math.min(kt - 1, rt - 1);
  return denom > 0 ? Math.min(1, Math.sqrt(phi2 / denom)) : 0;
}

/**
 * Population stability index between binned reference and current counts:
 *   PSI = sum_i (c_i - r_i) ln(c_i / r_i)
 * on proportions r_i = ref_i / sum(ref), c_i = cur_i / sum(cur), each proportion first raised to
 * at least `floor` (default 1e-4) so that an empty bin gives a large but finite term.
 * Rules of thumb: < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 major shift.
 */
export function populationStabilityIndex(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>, floor = 1e-4): number {
  if (refCounts.length !== curCounts.length) {
    throw new Error(`populationStabilityIndex: ${refCounts.length} reference bins but ${curCounts.length} current bins; they must match.`);
  }
  const sr = total(refCounts);
  const sc = total(curCounts);
  if (!(sr > 0) || !(sc > 0)) return NaN;
  let psi = 0;
  for (let i = 0; i < refCounts.length; i++) {
    const r = Math.max(refCounts[i] / sr, floor);
    const c = Math.max(curCounts[i] / sc, floor);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}
