/**
 * A small seeded generator (mulberry32) for Monte Carlo estimates that must give the same number
 * on every run: a verdict may not change when the same data is checked twice.
 */
// Bound once: inside some sandboxes (jest's VM) every global lookup in a hot loop is slow.
const { imul, exp, log, log1p, sqrt, cos, round, min, max, PI } = Math;

export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = imul(a ^ (a >>> 15), a | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One draw of Binomial(n, p): inversion (exact) when the smaller of n*p and n*(1-p) is below 30,
 * else the normal approximation rounded and clamped, which is what an expectation of a smooth
 * function needs there.
 */
export function binomialDraw(n: number, p: number, uniform: () => number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialDraw(n, 1 - p, uniform);
  const mean = n * p;
  if (mean < 30) {
    // Walk up the pmf from 0 until the cumulative probability passes a uniform draw.
    const q = 1 - p;
    let pmf = exp(n * log1p(-p));
    let cdf = pmf;
    const u = uniform();
    let k = 0;
    while (u > cdf && k < n) {
      pmf *= ((n - k) / (k + 1)) * (p / q);
      k++;
      cdf += pmf;
      if (pmf < 1e-300 && k > mean) break;
    }
    return k;
  }
  const z = sqrt(-2 * log(1 - uniform())) * cos(2 * PI * uniform());
  return min(n, max(0, round(mean + sqrt(mean * (1 - p)) * z)));
}
