/**
 * Jensen-Shannon divergence expected when nothing changed. Two finite samples of the same
 * distribution are never identical: with K categories their divergence is about
 * (K - 1)(1/n1 + 1/n2) / (8 ln 2), so 224 airports in a batch of 1000 give a distance near 0.2
 * with no drift at all. Subtracting this null expectation from the observed divergence gives an
 * effect size that does not grow as the batch shrinks.
 */
import { binomialDraw, seededUniform } from './seeded-random.js';

const { log, LN2 } = Math;

/** Enough replicates for a stable mean; fewer when there are many categories (the sum averages them). */
function replicates(categories: number): number {
  return Math.max(20, Math.min(200, Math.ceil(10_000 / Math.max(1, categories))));
}

/** x log2(2x / (x + y)) / 2 summed for both sides: one category's share of the JS divergence. */
function term(a: number, b: number): number {
  const m = (a + b) / 2;
  let t = 0;
  if (a > 0) t += a * log(a / m);
  if (b > 0) t += b * log(b / m);
  return t / 2 / LN2;
}

/**
 * E[JS divergence (base 2)] between samples of sizes n1 and n2 drawn from `proportions`, by a
 * seeded Monte Carlo over each category's binomial counts (the expectation of a sum is the sum of
 * the per-category expectations, so the margins suffice). Deterministic for given inputs.
 */
export function jensenShannonNullDivergence(proportions: ArrayLike<number>, n1: number, n2: number, seed = 1): number {
  if (!(n1 > 0) || !(n2 > 0)) return 0;
  const uniform = seededUniform(seed);
  const reps = replicates(proportions.length);
  let sum = 0;
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < proportions.length; j++) {
      const p = proportions[j];
      if (!(p > 0)) continue;
      sum += term(binomialDraw(n1, p, uniform) / n1, binomialDraw(n2, p, uniform) / n2);
    }
  }
  return sum / reps;
}

/**
 * Jensen-Shannon distance corrected for sample size: sqrt(max(0, observed divergence - its null
 * expectation at these sample sizes)), with the pooled shares of both samples as the null.
 */
export function biasCorrectedJensenShannon(p: ArrayLike<number>, q: ArrayLike<number>, observedDistance: number): { distance: number; nullDistance: number } {
  let n1 = 0;
  let n2 = 0;
  for (let j = 0; j < p.length; j++) {
    n1 += p[j];
    n2 += q[j];
  }
  const pooled = Array.from({ length: p.length }, (_, j) => (p[j] + q[j]) / (n1 + n2));
  const nullDivergence = jensenShannonNullDivergence(pooled, Math.round(n1), Math.round(n2));
  return { distance: Math.sqrt(Math.max(0, observedDistance ** 2 - nullDivergence)), nullDistance: Math.sqrt(nullDivergence) };
}
