/**
 * Two-sided one-sample Kolmogorov-Smirnov distribution: kstwoSf(d, n) = P(D_n >= d), the same
 * function as scipy.stats.kstwo.sf(d, n). ks_2samp's asymptotic p-value is kstwo.sf(d, round(n1 n2 / (n1 + n2))).
 *
 * Ported from SciPy's _ksstats.py, which follows Simard and L'Ecuyer (2011), "Computing the
 * Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Software 39(11): each region of (n, d) gets
 * the method that is accurate there:
 *   - Ruben-Gambino closed forms for n d <= 1 and n d >= n - 1;
 *   - 2 * smirnov(n, d) for d >= 0.5 (exact: the two one-sided events cannot both happen);
 *   - n <= 140: Durbin's matrix (Marsaglia-Tsang-Wang) for n d^2 <= 0.754693, Pomeranz's recursion
 *     for n d^2 <= 4, else 2 * smirnov;
 *   - n > 140: the sf is 0 for n d^2 >= 370, 2 * smirnov for n d^2 >= 2.2, and otherwise 1 - cdf
 *     with the cdf from Durbin's matrix (n <= 100000 and n d^1.5 <= 1.4) or the Pelz-Good series.
 * Keeping the same branches and cut-offs is what makes our p-values agree with SciPy's to ~1e-12.
 */
import { ldexp } from './double-double.js';
import { smirnovSf } from './smirnov.js';

// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const Math = globalThis.Math;
const Number = globalThis.Number;

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;

/** Stirling-series coefficients B_2j / (2j (2j-1)), j = 8..1 (highest power first). */
const STIRLING_COEFFS = [-3617 / 122400, 1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12];

/** P(D_n >= d): scipy.stats.kstwo.sf(d, n). n must be a positive integer. */
export function kstwoSf(d: number, n: number): number {
  return kolmogn(n, d, false);
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

function pick(cdfProb: number, sfProb: number, cdf: boolean): number {
  return clip01(cdf ? cdfProb : sfProb);
}

/** log(n! / n^n) by Stirling's series with n log n removed up front (no cancellation). */
function logFactorialOverPower(n: number): number {
  const rn = 1.0 / n;
  const z = rn / n;
  let poly = 0;
  for (const c of STIRLING_COEFFS) poly = poly * z + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/** Square matrix product c = a b (row-major, size m). */
function matMul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const bRow = k * m;
      const cRow = i * m;
      for (let j = 0; j < m; j++) c[cRow + j] += aik * b[bRow + j];
    }
  }
  return c;
}

/**
 * P(D_n <= d) by Durbin's matrix method as organised by Marsaglia, Tsang and Wang (2003):
 * write d = (k - h)/n, build an m x m matrix H (m = 2k - 1) and take (n!/n^n) (H^n)[k,k],
 * rescaling by 2^128 as needed. Cost O(m^3 log n); used where k is small.
 */
function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1.0) return 1.0;
  const nd = n * d;
  if (nd <= 0.5) return 0.0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  // v[j] = (1 - h^(j+1)) / (j+1)!  (first column), w[j] = 1/j!  (the Toeplitz band).
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1.0;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j; // may underflow harmlessly
    v[j - 1] = (1.0 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1.0, 0) ** m - 2 * h ** m;
  v[m - 1] = (1.0 + tt) * fac;

  let H: Float64Array = new Float64Array(m * m);
  for (let col = 1; col < m; col++) {
    for (let row = col - 1; row < m; row++) H[row * m + col] = w[row - col + 1];
  }
  for (let row = 0; row < m; row++) H[row * m] = v[row];
  for (let col = 0; col < m; col++) H[(m - 1) * m + col] = v[m - 1 - col];

  // Binary powering with separate binary exponents for H and the accumulated power.
  let power: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = matMul(power, H, m);
      expnt += hExpnt;
    }
    nn = Math.floor(nn / 2);
    if (nn === 0) break; // the last squaring would not be used
    H = matMul(H, H, m);
    hExpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      hExpnt += E128;
    }
  }

  let p = power[(k - 1) * m + (k - 1)];
  // Multiply by n!/n^n one factor at a time, rescaling to stay above underflow.
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return p;
}

/** Window [j1, j2] of nonzero entries in row i of Pomeranz's recursion. */
function pomeranzWindow(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      // i is odd
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * P(D_n <= d) by Pomeranz's (1974) recursion: each row is the previous one convolved with
 * (almost-)Poisson weights; only two rows and their nonzero window are kept. O(n^2 d).
 */
function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1.0 * (t - ll);
  const g = Math.min(f, 1.0 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  // (g/n)^m/m!, (2g/n)^m/m!, ((1-2g)/n)^m/m!: Poisson probabilities without their normalising factor.
  const gPower = new Float64Array(npwrs);
  const twoGPower = new Float64Array(npwrs);
  const oneMinus2GPower = new Float64Array(npwrs);
  gPower[0] = 1.0;
  twoGPower[0] = 1.0;
  oneMinus2GPower[0] = 1.0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinus2GOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gPower[m] = (gPower[m - 1] * gOverN) / m;
    twoGPower[m] = (twoGPower[m - 1] * twoGOverN) / m;
    oneMinus2GPower[m] = (oneMinus2GPower[m - 1] * oneMinus2GOverN) / m;
  }

  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0; // column index of each row's first stored entry
  let expnt = 0;
  let [j1, j2] = pomeranzWindow(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0.0);
    [j1, j2] = pomeranzWindow(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gPower : i % 2 ? twoGPower : oneMinus2GPower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // Entries conv_start .. conv_start+conv_len-1 of the full convolution of
      // a = v0[k1-v0s .. k1-v0s+ln2) with b = pwrs[0 .. ln2).
      const aStart = k1 - v0s;
      const aLen = Math.min(ln2, npwrs - aStart);
      const bLen = Math.min(ln2, npwrs);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let maxV = -Infinity;
      for (let c = 0; c < convLen; c++) {
        const kk = convStart + c;
        let s = 0;
        const lo = Math.max(0, kk - bLen + 1);
        const hi = Math.min(kk, aLen - 1);
        for (let a = lo; a <= hi; a++) s += v0[aStart + a] * pwrs[kk - a];
        v1[c] = s;
      }
      for (let c = 0; c < npwrs; c++) if (v1[c] > maxV) maxV = v1[c];
      if (maxV > 0 && maxV < EM128) {
        for (let c = 0; c < npwrs; c++) v1[c] *= EP128;
        expnt -= E128;
      }
      v1s = v0s + j1 - k1;
    }
  }

  // Multiply by n!.
  let ans = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return ans;
}

/**
 * Pelz-Good (1976) approximation to P(D_n <= x): the Li-Chien/Korolyuk expansion
 * K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5 with z = x sqrt(n), each K rewritten with Jacobi
 * theta identities into series that converge fast for small z.
 */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;

  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < MIN_LOG) return 0.0; // z ~ 0.0417: the cdf underflows

  let q = Math.exp(qlog);

  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  // Horner scheme in q^8k for sum over odd m = 2k-1 of c_m q^(m^2).
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = q ** (8 * k);
    K[0] = K[0] * qpower + 1.0;
    K[1] = K[1] * qpower + (k1a + k1b * m2);
    K[2] = K[2] * qpower + (k2a + k2b * m2 + k2c * m4);
    K[3] = K[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
  }
  const denominators = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT_2PI) / denominators[i];

  // The remaining sums over all integers k (no cancellation expected, so summed directly).
  q = Math.exp(-PI_SQUARED / 2 / z2);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const k2 = k ** 2;
    const qpw = q ** k2;
    const kpi = Math.PI * k;
    k2extra += k2 * qpw;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qpw;
  }
  K[2] += k2extra * ((PI_SQUARED * SQRT_2PI) / (-36 * z3));
  K[3] += k3extra * ((PI_SQUARED * SQRT_2PI) / (216 * z6));
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n * 1.0, i / 2.0);
  return sum;
}

/** CDF (cdf = true) or SF of D_n at x, choosing the method as Simard and L'Ecuyer do. */
function kolmogn(n: number, x: number, cdf: boolean): number {
  if (Number.isNaN(n) || Number.isNaN(x)) return NaN;
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1.0) return pick(1.0, 0.0, cdf);
  if (x <= 0.0) return pick(0.0, 1.0, cdf);
  const t = n * x;
  if (t <= 1.0) {
    // Ruben-Gambino: 1/(2n) <= x <= 1/n, P(D_n <= x) = n!/n^n (2t - 1)^n
    if (t <= 0.5) return pick(0.0, 1.0, cdf);
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1.0 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return pick(prob, 1.0 - prob, cdf);
  }
  if (t >= n - 1) {
    // Ruben-Gambino: P(D_n >= x) = 2 (1 - x)^n
    const prob = 2 * (1.0 - x) ** n;
    return pick(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return pick(1.0 - prob, prob, cdf);
  }

  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) {
      const prob = clip01(durbinMatrixCdf(n, x));
      return pick(prob, 1.0 - prob, cdf);
    }
    if (nxSquared <= 4) {
      const prob = clip01(pomeranzCdf(n, x));
      return pick(prob, 1.0 - prob, cdf);
    }
    // Miller's approximation: 2 * smirnov.
    const prob = 2 * smirnovSf(n, x);
    return pick(1.0 - prob, prob, cdf);
  }

  // The CDF and SF have different cut-offs on n x^2.
  if (!cdf) {
    if (nxSquared >= 370.0) return 0.0;
    if (nxSquared >= 2.2) return clip01(2 * smirnovSf(n, x));
    // else fall through: sf = 1 - cdf
  }
  let cdfProb: number;
  if (nxSquared >= 18.0) cdfProb = 1.0;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdfProb = clip01(durbinMatrixCdf(n, x));
  else cdfProb = pelzGoodCdf(n, x);
  return pick(cdfProb, 1.0 - cdfProb, cdf);
}
