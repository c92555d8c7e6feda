/**
 * Double-double arithmetic: a number held as an unevaluated sum hi + lo of two doubles, giving
 * about 106 bits of precision. SciPy's one-sided Smirnov distribution (cephes kolmogorov.c) is
 * computed in this arithmetic, so we use the same error-free transformations (Dekker, Knuth;
 * the QD library of Hida, Li and Bailey) to reproduce its values in the far tail.
 * JavaScript numbers are IEEE doubles with round-to-nearest and no fused multiply-add, which is
 * exactly what these algorithms assume.
 */
export interface DD {
  readonly hi: number;
  readonly lo: number;
}

export const DD_ZERO: DD = { hi: 0, lo: 0 };
export const DD_ONE: DD = { hi: 1, lo: 0 };

export function dd(hi: number, lo = 0): DD {
  return { hi, lo };
}

// ---- error-free transformations on doubles ----

/** s + err == a + b exactly, assuming |a| >= |b|. */
function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

/** s + err == a + b exactly (Knuth). */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const c = s - a;
  return { hi: s, lo: a - (s - c) + (b - c) };
}

const SPLITTER = 134217729.0; // 2^27 + 1
const SPLIT_THRESHOLD = 6.69692879491417e299; // 2^996: above it the splitter would overflow

/** Split a into hi + lo, each with at most 26 significant bits (Dekker). */
function split(a: number): [number, number] {
  if (a > SPLIT_THRESHOLD || a < -SPLIT_THRESHOLD) {
    const s = a * 3.7252902984619140625e-9; // 2^-28
    const t = SPLITTER * s;
    const hi = t - (t - s);
    const lo = s - hi;
    return [hi * 268435456.0, lo * 268435456.0];
  }
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

/** p + err == a * b exactly (Dekker). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const err = ah * bh - p + ah * bl + al * bh + al * bl;
  return { hi: p, lo: err };
}

// ---- double-double operations (names: D = double-double operand, d = double operand) ----

/** double + double, exact. */
export function addDd(a: number, b: number): DD {
  return twoSum(a, b);
}

/** double * double, exact. */
export function mulDd(a: number, b: number): DD {
  return twoProd(a, b);
}

/** double-double + double. */
export function addDDd(a: DD, b: number): DD {
  const s = twoSum(a.hi, b);
  return quickTwoSum(s.hi, s.lo + a.lo);
}

/** double-double - double. */
export function subDDd(a: DD, b: number): DD {
  const s = twoSum(a.hi, -b);
  return quickTwoSum(s.hi, s.lo + a.lo);
}

/** double-double + double-double with IEEE-style error bound (Briggs and Kahan). */
export function addDD(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

function negDD(a: DD): DD {
  return { hi: -a.hi, lo: -a.lo };
}

export function subDD(a: DD, b: DD): DD {
  return addDD(a, negDD(b));
}

export function mulDD(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

/** double-double * double. */
export function mulDDd(a: DD, b: number): DD {
  const p1 = twoProd(a.hi, b);
  const p2 = twoProd(a.lo, b);
  return quickTwoSum(p1.hi, p2.lo + p2.hi + p1.lo);
}

/** double * double-double. */
export function muldDD(a: number, b: DD): DD {
  return mulDDd(b, a);
}

/** Division with three quotient digits (QD's "accurate" division). */
export function divDD(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = subDD(a, mulDDd(b, q1));
  const q2 = r.hi / b.hi;
  r = subDD(r, mulDDd(b, q2));
  const q3 = r.hi / b.hi;
  return addDDd(quickTwoSum(q1, q2), q3);
}

export function divDd(a: number, b: number): DD {
  return divDD(dd(a), dd(b));
}

export function invDD(a: DD): DD {
  return divDD(DD_ONE, a);
}

export function floorDD(a: DD): DD {
  const hi = Math.floor(a.hi);
  if (hi !== a.hi) return { hi, lo: 0 };
  // The high word is already an integer: the fraction lives in the low word.
  return quickTwoSum(hi, Math.floor(a.lo));
}

export function isZeroDD(a: DD): boolean {
  return a.hi === 0;
}

// ---- binary exponent helpers (C's frexp/ldexp, which JavaScript lacks) ----

/**
 * x * 2^e for any integer e, rounding once (as C's ldexp): large |e| is applied in two steps whose
 * intermediate results stay normal (the approach of musl's scalbn).
 */
export function ldexp(x: number, e: number): number {
  let y = x;
  let n = e;
  if (n > 1023) {
    y *= 2 ** 1023;
    n -= 1023;
    if (n > 1023) {
      y *= 2 ** 1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // 2^-969 = 2^-1022 * 2^53 keeps a normal y normal, so only the last multiplication rounds.
    y *= 2 ** -969;
    n += 969;
    if (n < -1022) {
      y *= 2 ** -969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return y * 2 ** n;
}
