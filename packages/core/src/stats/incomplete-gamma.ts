/**
 * Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x) (scipy.special.gammainc
 * and gammaincc). Q is what chi-square p-values need, with *relative* accuracy deep in the tail
 * (p = 1e-200 must not come out as 0 or 1e-190), so it is never formed as 1 - P where P is near 1:
 *   - x < a + 1: power series for P (DLMF 8.11.4); there Q >= ~0.08, so Q = 1 - P is safe;
 *   - x >= a + 1: Lentz's continued fraction for Q (DLMF 8.9.2), which converges fast there.
 * Both are multiplied by x^a e^-x / Gamma(a); for a >= 10 that factor is computed as
 * sqrt(a / 2 pi) exp(a (log1p(s) - s) - stirlingError(a)) with s = (x - a)/a, which avoids the
 * cancellation between a log x, x and log Gamma(a) that costs ~log10(a) digits otherwise.
 */

const EPS = 2 ** -53;
const TINY = 1e-300;
const MAX_ITERATIONS = 100000;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Stirling's error term mu(z) = log Gamma(z) - [(z - 1/2) log z - z + log(2 pi)/2], from the
 * asymptotic series with Bernoulli numbers: 1/(12z) - 1/(360z^3) + 1/(1260z^5) - ...
 * Seven terms give full double precision for z >= 10.
 */
function stirlingError(z: number): number {
  const r = 1 / z;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 / 156))))));
}

/** log Gamma(a) for a > 0: Stirling's series after shifting the argument to at least 10. */
export function logGamma(a: number): number {
  if (!(a > 0)) return a === 0 ? Infinity : NaN;
  if (a === Infinity) return Infinity;
  let z = a;
  let prod = 1;
  while (z < 10) {
    prod *= z; // Gamma(z) = Gamma(z + 1) / z
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + stirlingError(z) - Math.log(prod);
}

/** log(1 + s) - s without cancellation for small s. */
export function log1pMinusX(s: number): number {
  if (Math.abs(s) < 0.5) {
    // -s^2/2 + s^3/3 - s^4/4 + ...
    let power = s * s;
    let sum = -power / 2;
    for (let k = 3; k < 200; k++) {
      power *= -s;
      const term = -power / k;
      sum += term;
      if (Math.abs(term) <= EPS * Math.abs(sum)) break;
    }
    return sum;
  }
  return Math.log1p(s) - s;
}

/** x^a e^-x / Gamma(a), the factor in front of both the series and the continued fraction. */
function gammaPrefactor(a: number, x: number): number {
  if (a < 10) return Math.exp(a * Math.log(x) - x - logGamma(a));
  return Math.sqrt(a / (2 * Math.PI)) * Math.exp(a * log1pMinusX((x - a) / a) - stirlingError(a));
}

/** Sum of the series for P(a, x) without the prefactor: sum_k x^k / (a (a+1) ... (a+k)). */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let k = 1; k < MAX_ITERATIONS; k++) {
    term *= x / (a + k);
    sum += term;
    if (term < sum * EPS) break;
  }
  return sum;
}

/** Continued fraction for Q(a, x) without the prefactor (modified Lentz). */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return h;
}

/** Regularized lower incomplete gamma P(a, x) = gammainc(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  if (x < a + 1) return Math.min(1, gammaPrefactor(a, x) * lowerSeries(a, x));
  return Math.max(0, 1 - gammaPrefactor(a, x) * upperContinuedFraction(a, x));
}

/** Regularized upper incomplete gamma Q(a, x) = gammaincc(a, x), relatively accurate in the tail. */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  if (x < a + 1) return Math.max(0, 1 - gammaPrefactor(a, x) * lowerSeries(a, x));
  return Math.min(1, gammaPrefactor(a, x) * upperContinuedFraction(a, x));
}
