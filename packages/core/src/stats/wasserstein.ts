/**
 * First Wasserstein (earth mover's) distance between two one-dimensional distributions, as
 * scipy.stats.wasserstein_distance(u, v) (with u_weights / v_weights when the ECDFs carry counts):
 *
 *   W1 = integral |F_u(x) - F_v(x)| dx = sum over consecutive union points x_k < x_{k+1} of
 *        |F_u(x_k) - F_v(x_k)| * (x_{k+1} - x_k).
 *
 * It is in the units of the data (a shift of the whole sample by c gives exactly |c|), which makes
 * it a readable effect size next to the KS p-value.
 */
import type { Ecdf } from './ecdf.js';

// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const Math = globalThis.Math;

export function wassersteinDistance(a: Ecdf, b: Ecdf): number {
  if (a.n === 0 || b.n === 0) throw new Error('wassersteinDistance: both distributions must be non-empty.');
  const va = a.values;
  const vb = b.values;
  let i = 0;
  let j = 0;
  let fa = 0;
  let fb = 0;
  let prev = NaN;
  // Neumaier-compensated sum: millions of small terms, and numpy sums pairwise.
  let sum = 0;
  let comp = 0;
  while (i < va.length || j < vb.length) {
    const x = j >= vb.length || (i < va.length && va[i] <= vb[j]) ? va[i] : vb[j];
    if (i > 0 || j > 0) {
      // F is constant on [prev, x): it jumps only at union points.
      const term = Math.abs(fa - fb) * (x - prev);
      const t = sum + term;
      comp += sum >= term ? sum - t + term : term - t + sum;
      sum = t;
    }
    if (i < va.length && va[i] === x) fa = a.cumulative[i++] / a.n;
    if (j < vb.length && vb[j] === x) fb = b.cumulative[j++] / b.n;
    prev = x;
  }
  return sum + comp;
}
