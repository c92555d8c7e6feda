/**
 * One-sided Kolmogorov-Smirnov (Smirnov) distribution: smirnovSf(n, d) = P(D+_n >= d), the same
 * function as scipy.special.smirnov, with SciPy's case analysis and cut-offs (cephes kolmogorov.c,
 * van Mulbregt, arXiv:1802.06966). The workhorse is the Birnbaum-Tingey / Smirnov finite sum
 *
 *   P(D+_n >= d) = sum_{v=0}^{floor(n(1-d))} d C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v).
 *
 * Its terms do not decay (near v = n/2 they are as large as anywhere), so it costs O(n) terms and
 * each must be accurate although it is a product of numbers like 10^(+-100000). SciPy evaluates
 * them in double-double arithmetic with explicit exponents; that costs microseconds a term, too
 * slow for n = 375 000 (a 1.5M vs 500k KS test). We instead write each term, exactly, as
 *
 *   d/(d + v/n) * b(v; n, v/n) * exp(-v h(nd/v) - (n-v) h(-nd/(n-v))),   h(t) = t - log(1 + t),
 *
 * where b(v; n, v/n) = sqrt(n / (2 pi v (n-v))) exp(s(n) - s(v) - s(n-v)) is the binomial
 * probability at its own mean (s = Stirling's error; Loader 2000, "Fast and accurate computation
 * of binomial probabilities"). Every piece is O(1) or a sum of same-signed O(n d^2) parts, so a
 * term costs a few logarithms and keeps ~13 significant digits. The few-term closed forms and the
 * alternating upper sum keep SciPy's double-double evaluation.
 */
import {
  DD_ONE,
  DD_ZERO,
  type DD,
  addDD,
  addDDd,
  addDd,
  dd,
  divDD,
  divDd,
  floorDD,
  invDD,
  isZeroDD,
  mulDD,
  mulDDd,
  mulDd,
  muldDD,
  subDD,
  subDDd,
} from './double-double.js';
import { log1pMinusX, stirlingError } from './log-gamma.js';

// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const Math = globalThis.Math;
const Number = globalThis.Number;

/** log(2^-1075): below this exp() is 0 (cephes MINLOG with denormals). */
const MIN_LOG = -745.1332191019412;
/** Above this n, SciPy switches to an asymptotic formula instead of the O(n) sum. */
const SMIRNOV_MAX_COMPUTE_N = 1000000;
/** Use the alternating upper sum only when it has at most this many terms (it loses ~1.6 bits a term). */
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
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
    if (Math.abs(adj) < 1e-4) adj += m * r * (((m - 1) / 2.0) * r);
    else adj = Math.expm1(m * Math.log1p(r));
  }
  return addDd(ans, ans * adj);
}

/** (a + b)^m rounded to a double. */
function powSum(a: number, b: number, m: number): number {
  return powDD(addDd(a, b), m).hi;
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

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Term v >= 1 of the lower sum, d C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v), for 1 <= v < n(1-d),
 * in the binomial-at-the-mean form described at the top (`sn` = s(n), `nd` = n d).
 */
function lowerSumTerm(n: number, nd: number, v: number, sn: number): number {
  const w = n - v;
  const logBinomialAtMean = sn - stirlingError(v) - stirlingError(w) - HALF_LOG_2PI + 0.5 * Math.log(n / (v * w));
  // v log(1 + nd/v) + w log(1 - nd/w): the linear parts +nd and -nd cancel exactly on paper, which
  // leaves two negative parts and nothing to cancel numerically.
  const logShift = v * log1pMinusX(nd / v) + w * log1pMinusX(-nd / w);
  return Math.exp(-Math.log1p(v / nd) + logBinomialAtMean + logShift);
}

/**
 * Term v = n - j (j = 1, 2) of the upper sum, C(n, j) (j/n - d)^j (d + v/n)^(v-1): the base
 * j/n - d may be negative (the sum alternates), so it is evaluated in double-double like SciPy.
 */
function upperSumTerm(n: number, x: number, j: number): DD {
  const v = n - j;
  const binomial = j === 1 ? n : (n * (n - 1)) / 2;
  const t2 = powDD(subDDd(divDd(j, n), x), j);
  const t1 = powDD(addDDd(divDd(v, n), x), v - 1);
  return mulDDd(mulDD(t1, t2), binomial);
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
  const useUpperSum = (nUpperTerms <= 1 && x < 0.5) || (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  if (useUpperSum) {
    // Few terms (v = n, n-1, n-2) that alternate in sign: the cdf directly.
    const nTerms = n - n1mxCeil + 1;
    let sum = powRatio(1, x, 1, 0, n - 1);
    for (let j = 1; j < nTerms; j++) sum = addDD(sum, upperSumTerm(n, x, j));
    const cdf = muldDD(x, sum).hi;
    return { sf: clip01(1 - cdf), cdf: clip01(cdf) };
  }

  // Lower sum, v = 0 .. floor(n(1-d)), all terms positive; term 0 is (1 - d)^n.
  const nTerms = n1mxFloor + 1;
  const nd = n * x;
  const sn = stirlingError(n);
  const vmid = Math.trunc(n / 2);
  let sum = powRatio(1, -x, 1, 0, n);
  for (let v = 1; v < nTerms; v++) {
    const term = lowerSumTerm(n, nd, v, sn);
    if (Number.isFinite(term) && term !== 0) sum = addDDd(sum, term);
    if (term !== 0) {
      // SciPy's stopping rule: the remaining terms cannot change the sum.
      if (4 * (nTerms - v) * Math.abs(term) < DBL_EPSILON * sum.hi && v !== nTerms - 1) break;
    } else if (v > vmid) {
      break;
    }
  }
  const sf = sum.hi;
  return { sf: clip01(sf), cdf: clip01(1 - sf) };
}
