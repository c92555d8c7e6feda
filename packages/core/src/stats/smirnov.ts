/**
 * One-sided Kolmogorov-Smirnov (Smirnov) distribution: smirnovSf(n, d) = P(D+_n >= d), the same
 * function as scipy.special.smirnov. Ported from the algorithm in SciPy's cephes/kolmogorov.c
 * (van Mulbregt, arXiv:1802.06966): the Birnbaum-Tingey / Smirnov finite sum
 *
 *   P(D+_n >= d) = d * sum_{v=0}^{floor(n(1-d))} C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v)
 *
 * evaluated in double-double arithmetic with binomials and powers kept as (mantissa, exponent)
 * pairs, because the terms under- and overflow doubles long before n reaches 10^6.
 * The two-sided distribution uses 2 * smirnovSf in its upper tail, so this sets the accuracy of
 * small KS p-values for large samples.
 */
import {
  DD_ONE, DD_ZERO, type DD, addDD, addDDd, addDd, dd, divDD, divDDd, divDd, floorDD, frexpDD, invDD,
  isZeroDD, ldexpDD, mulDD, mulDd, muldDD, subDD, subDDd,
} from './double-double.js';

/** log(2^-1075): below this exp() is 0 (cephes MINLOG with denormals). */
const MIN_LOG = -745.1332191019412;
/** Above this n, SciPy switches to an asymptotic formula instead of the O(n) sum. */
const SMIRNOV_MAX_COMPUTE_N = 1000000;
/** Use the alternating upper sum only when it has at most this many terms (it loses ~1.6 bits a term). */
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
/** Keep partial powers above 2^-960 so both words of a double-double stay normal. */
const MAX_EXPONENT = 960;
const DBL_EPSILON = 2 ** -52;

export interface SmirnovProbs {
  sf: number;
  cdf: number;
}

/** P(D+_n >= d) for a sample of size n: scipy.special.smirnov(n, d). */
export function smirnovSf(n: number, d: number): number {
  if (Number.isNaN(d)) return NaN;
  return smirnov(n, d).sf;
}

/** P(D+_n < d): scipy.special.smirnovc(n, d). */
export function smirnovCdf(n: number, d: number): number {
  if (Number.isNaN(d)) return NaN;
  return smirnov(n, d).cdf;
}

/** Value of SciPy's nextPowerOf2 helper: |x (1 + 2^-52)|, used to size exponentiation chunks. */
function nudgeUp(x: number): number {
  const q = x * 2 ** (1 - 53);
  const l = Math.abs(q + x);
  return l === 0 ? Math.abs(x) : l;
}

/** floor(n x) and the fractional part n x - floor(n x), computed exactly in double-double. */
function splitNX(n: number, x: number): { nxFloor: number; alpha: number } {
  const nxD = mulDd(n, x);
  const floorD = floorDD(nxD);
  let alpha = subDD(nxD, floorD).hi;
  let nxFloor = Math.trunc(floorD.hi);
  // A fraction that rounds to 1 means n x is (within rounding) the next integer.
  if (alpha === 1) {
    nxFloor += 1;
    alpha = 0;
  }
  return { nxFloor, alpha };
}

/** a^m for double-double a and integer m, using pow() on the high word and a first-order fix for the low word. */
function powDD(a: DD, m: number): DD {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return invDD(powDD(a, -m));
  }
  if (isZeroDD(a)) return DD_ZERO;
  const ans = Math.pow(a.hi, m);
  const r = a.lo / a.hi;
  let adj = m * r;
  if (Math.abs(adj) > 1e-8) {
    // (1 + r)^m - 1: two Taylor terms when small, otherwise through logs.
    if (Math.abs(adj) < 1e-4) adj += (m * r) * ((m - 1) / 2.0 * r);
    else adj = Math.expm1(m * Math.log1p(r));
  }
  return addDd(ans, ans * adj);
}

/** (a + b)^m rounded to a double. */
function powSum(a: number, b: number, m: number): number {
  return powDD(addDd(a, b), m).hi;
}

/** a^m as (mantissa, binary exponent), splitting the exponent so no partial power underflows. */
function powScaled(a: DD, m: number): [DD, number] {
  if (m <= 0) {
    if (m === 0) return [DD_ONE, 0];
    const [p, pE] = powScaled(a, -m);
    const [inv, invE] = frexpDD(invDD(p));
    return [inv, -pE + invE];
  }
  const [y, yE] = frexpDD(a);
  if (m === 1) return [y, yE];
  let maxExpt = MAX_EXPONENT;
  // y is in [0.5, 1): y^m may drop below 2^-960; if so, find how many factors stay above it.
  if (m * (y.hi - 1) / y.hi < -MAX_EXPONENT * Math.LN2) {
    const lg2y = Math.log(y.hi) / Math.LN2;
    if (m * lg2y <= -MAX_EXPONENT) maxExpt = Math.trunc(nudgeUp(-MAX_EXPONENT / lg2y + 1) / 2);
  }
  if (m <= maxExpt) {
    const [p, pE] = frexpDD(powDD(y, m));
    return [p, pE + m * yE];
  }
  const q = Math.trunc(m / maxExpt);
  const r = m % maxExpt;
  // y^m = (y^maxExpt)^q * y^r
  const [y2r, y2rE] = powScaled(y, r);
  const [y2m, y2mE] = powScaled(y, maxExpt);
  const [y2mq, y2mqE0] = powScaled(y2m, q);
  const [p, pE] = frexpDD(mulDD(y2r, y2mq));
  const y2mqE = y2mqE0 + y2mE * q;
  return [p, pE + y2mqE + y2rE + m * yE];
}

/** ((a + b) / (c + d))^m in double-double. */
function powRatio(a: number, b: number, c: number, d: number, m: number): DD {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return powRatio(c, d, a, b, -m);
  }
  const num = addDd(a, b);
  const den = addDd(c, d);
  if (isZeroDD(num)) return isZeroDD(den) ? dd(NaN, NaN) : DD_ZERO;
  if (isZeroDD(den)) return num.hi < 0 ? dd(-Infinity, -Infinity) : dd(Infinity, Infinity);
  return powDD(divDD(num, den), m);
}

/** C(n, j+1) from C(n, j), kept as a mantissa in [0.5, 1) and a separate exponent. */
function nextBinomial(c: { man: DD; expt: number }, n: number, j: number): void {
  const ratio = divDd(n - j, j + 1.0);
  const [man, e] = frexpDD(mulDD(c.man, ratio));
  c.man = man;
  c.expt += e;
}

/** One term A_v(n, x) = C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1). */
function smirnovTerm(n: number, x: number, v: number, c: { man: DD; expt: number }): DD {
  const t2x = subDDd(divDd(n - v, n), x);
  const [t2, t2E] = powScaled(t2x, n - v);
  const t1x = addDDd(divDd(v, n), x);
  const [t1, t1E] = powScaled(t1x, v - 1);
  const prod = mulDD(mulDD(t1, t2), c.man);
  return ldexpDD(prod, c.expt + t1E + t2E);
}

function clip01(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}

/** Both tails of the one-sided KS distribution, following SciPy's case analysis. */
export function smirnov(n: number, x: number): SmirnovProbs {
  if (!(n > 0 && x >= 0.0 && x <= 1.0)) return { sf: NaN, cdf: NaN };
  if (n === 1) return { sf: 1 - x, cdf: x };
  if (x === 0.0) return { sf: 1.0, cdf: 0.0 };
  if (x === 1.0) return { sf: 0.0, cdf: 1.0 };

  const { nxFloor, alpha } = splitNX(n, x);
  let n1mxFloor = n - nxFloor - (alpha === 0 ? 0 : 1);
  let n1mxCeil = n - nxFloor;
  // When n x is an integer the boundary term belongs to neither sum.
  if (alpha === 0) {
    n1mxFloor -= 1;
    n1mxCeil += 1;
  }

  // x <= 1/n: closed form x (1 + x)^(n-1).
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    const cdf = x * powSum(1, x, n - 1);
    return { sf: 1 - cdf, cdf };
  }
  // The sf underflows (it is below exp(-2 n x^2)).
  if (-2 * n * x * x < MIN_LOG) return { sf: 0, cdf: 1 };
  // x >= 1 - 1/n: closed form (1 - x)^n.
  if (nxFloor >= n - 1) {
    const sf = powSum(1, -x, n);
    return { sf, cdf: 1 - sf };
  }
  // Very large n: the O(n) sum is too slow; SciPy uses p ~ exp(-(6nx+1)^2 / (18n)).
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
    if (logp < -Math.LN2) {
      const sf = Math.exp(logp);
      return { sf, cdf: 1 - sf };
    }
    const cdf = -Math.expm1(logp);
    return { sf: 1 - cdf, cdf };
  }

  // The upper sum alternates in sign; use it only when it has very few terms.
  const nUpperTerms = n - n1mxCeil + 1;
  const useUpperSum = (nUpperTerms <= 1 && x < 0.5)
    || (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  let start = 0;
  let step = 1;
  let nTerms = n1mxFloor + 1;
  let term: DD;
  if (useUpperSum) {
    start = n;
    step = -1;
    nTerms = n - n1mxCeil + 1;
    term = powRatio(1, x, 1, 0, n - 1);
  } else {
    term = divDDd(powRatio(1, -x, 1, 0, n), x);
  }
  let sum = addDD(DD_ZERO, term);
  const binom = { man: DD_ONE, expt: 0 };
  nextBinomial(binom, n, 0);
  const vmid = Math.trunc(n / 2);

  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    term = smirnovTerm(n, x, v, binom);
    if (Number.isFinite(term.hi) && !isZeroDD(term)) sum = addDD(sum, term);
    if (!isZeroDD(term)) {
      // The terms decay; stop once the rest cannot change the sum.
      if (4 * (nTerms - j) * Math.abs(term.hi) < DBL_EPSILON * sum.hi && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    nextBinomial(binom, n, j);
  }

  const prob = muldDD(x, sum).hi;
  const cdf = step < 0 ? prob : 1 - prob;
  const sf = step < 0 ? 1 - prob : prob;
  return { sf: clip01(sf), cdf: clip01(cdf) };
}
