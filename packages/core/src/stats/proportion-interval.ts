/**
 * Wilson score interval for a proportion (e.g. accuracy = correct / n), as statsmodels'
 * proportion_confint(successes, n, alpha=1-confidence, method='wilson'). Unlike the normal
 * approximation it stays inside [0, 1] and is sensible at 0 or n successes and small n.
 */

// Jest's VM context makes global lookups slow; bind Math once.
const Math = globalThis.Math;

export function wilsonInterval(successes: number, n: number, confidence = 0.95): [number, number] {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`wilsonInterval: n must be a positive whole number (got ${n}).`);
  if (!(successes >= 0 && successes <= n)) throw new Error(`wilsonInterval: successes must lie in 0..${n} (got ${successes}).`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`wilsonInterval: confidence must lie strictly between 0 and 1 (got ${confidence}).`);
  // From the lower tail, as statsmodels' norm.isf(alpha / 2): 1 - alpha/2 would lose alpha's digits.
  const z = -normalQuantile((1 - confidence) / 2);
  const z2 = z * z;
  const p = successes / n;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n successes the bound is 0 or 1 exactly; rounding can stray by an ulp, so clamp.
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/**
 * Standard normal quantile by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988),
 * accurate to about 1e-16 relative: enough that the interval matches scipy.stats.norm.ppf's.
 * Coefficients are the published ones written as the nearest doubles (same values, lint-clean).
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r + 13731.69376550946) * r + 1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r + 5394.196021424751) * r + 687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r + 3.6478483247632045) * r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r + 0.6897673349851) * r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r + 0.29656057182850487) * r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r + 0.0007868691311456133) * r + 0.014875361290850615) * r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}
