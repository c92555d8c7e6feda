/**
 * Quantile binning of a numeric feature for the population stability index: edges at the
 * reference's deciles (or any `bins`-quantiles), then counts of a sample in the same bins.
 */
import { type Ecdf, countDistinctAtOrBelow } from './ecdf.js';

/** The value of rank r (0-based) in the sorted, count-expanded sample. */
function valueAtRank(e: Ecdf, r: number): number {
  // First distinct value whose cumulative count exceeds r.
  let lo = 0;
  let hi = e.values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (e.cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return e.values[lo];
}

/**
 * numpy.quantile(sample, q) with the default 'linear' method on the count-expanded sample:
 * virtual index (n - 1) q, linear interpolation between its neighbours computed as numpy's _lerp
 * does (from the upper neighbour when the weight is >= 0.5), so edges are bit-identical.
 */
export function ecdfQuantile(e: Ecdf, q: number): number {
  if (e.n === 0) return NaN;
  const virtual = (e.n - 1) * q;
  if (virtual >= e.n - 1) return e.values[e.values.length - 1];
  if (virtual < 0) return e.values[0];
  const prev = Math.floor(virtual);
  const gamma = virtual - prev;
  const a = valueAtRank(e, prev);
  const b = valueAtRank(e, prev + 1);
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/**
 * Interior bin edges at the quantiles i/bins (i = 1..bins-1) of the reference, ascending and
 * distinct: integer or heavily tied data repeat quantiles, and a repeated edge would only make an
 * empty bin. Fewer than bins - 1 edges come back then.
 */
export function quantileBinEdges(ref: Ecdf, bins: number): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`quantileBinEdges: bins must be a positive integer (got ${bins}).`);
  if (ref.n === 0) return new Float64Array(0);
  const raw = new Float64Array(bins - 1);
  for (let i = 1; i < bins; i++) raw[i - 1] = ecdfQuantile(ref, i / bins);
  raw.sort();
  let distinct = 0;
  for (let i = 0; i < raw.length; i++) if (i === 0 || raw[i] !== raw[i - 1]) raw[distinct++] = raw[i];
  return raw.slice(0, distinct);
}

/**
 * Counts of e's observations in (-inf, edges[0]], (edges[0], edges[1]], ..., (edges[last], +inf):
 * edges.length + 1 bins. Edges must be ascending.
 */
export function binCounts(e: Ecdf, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let below = 0; // observations <= the previous edge
  for (let k = 0; k < edges.length; k++) {
    if (k > 0 && !(edges[k] >= edges[k - 1])) throw new Error('binCounts: edges must be ascending.');
    const idx = countDistinctAtOrBelow(e, edges[k]);
    const atOrBelow = idx === 0 ? 0 : e.cumulative[idx - 1];
    counts[k] = atOrBelow - below;
    below = atOrBelow;
  }
  counts[edges.length] = e.n - below;
  return counts;
}
