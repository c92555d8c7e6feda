/**
 * Multiple-testing corrections: when drift is tested on many features at once, raw p-values
 * overstate the evidence. Same results as statsmodels.stats.multitest.multipletests(p, method)[1].
 *
 * With m p-values sorted ascending, p_(1) <= ... <= p_(m):
 *   bonferroni  p~_i = min(1, m p_i)                                  (family-wise error rate)
 *   holm        p~_(i) = min(1, max_{j <= i} (m - j + 1) p_(j))        (FWER, step-down, uniformly
 *                                                                        more powerful than Bonferroni)
 *   fdr_bh      p~_(i) = min(1, min_{j >= i} p_(j) m / j)              (Benjamini-Hochberg false
 *                                                                        discovery rate)
 *   none        p~_i = p_i
 * The running max / min makes adjusted p-values monotone in the raw ones; ties get equal values.
 * NaN entries (features that could not be tested) stay NaN and are not counted in m.
 */
export type Correction = 'holm' | 'bonferroni' | 'fdr_bh' | 'none';

export function adjustPValues(p: ArrayLike<number>, method: Correction): Float64Array {
  const out = new Float64Array(p.length);
  const order: number[] = [];
  for (let i = 0; i < p.length; i++) {
    out[i] = p[i];
    if (!Number.isNaN(p[i])) order.push(i);
  }
  const m = order.length;
  if (method === 'none' || m === 0) return out;
  if (method === 'bonferroni') {
    for (const i of order) out[i] = Math.min(1, p[i] * m);
    return out;
  }
  order.sort((a, b) => p[a] - p[b]);
  if (method === 'holm') {
    let runningMax = 0;
    for (let k = 0; k < m; k++) {
      const i = order[k];
      runningMax = Math.max(runningMax, p[i] * (m - k));
      out[i] = Math.min(1, runningMax);
    }
    return out;
  }
  if (method === 'fdr_bh') {
    let runningMin = Infinity;
    for (let k = m - 1; k >= 0; k--) {
      const i = order[k];
      // statsmodels divides by the ECDF factor (k + 1) / m; the same rounding as p m / (k + 1).
      runningMin = Math.min(runningMin, p[i] / ((k + 1) / m));
      out[i] = Math.min(1, runningMin);
    }
    return out;
  }
  throw new Error(`adjustPValues: unknown correction '${String(method)}'; use holm, bonferroni, fdr_bh or none.`);
}
