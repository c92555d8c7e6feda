/**
 * What a single cell holds: missing, a finite number, an infinity, or text.
 *
 * Missing-value markers (case-sensitive, the whole cell, no surrounding spaces):
 *   the empty cell, NA, N/A, NaN, nan, null, NULL, None.
 * The same list applies to string cells of every format (CSV, JSONL, Parquet), so a column
 * reads the same whichever format holds it.
 *
 * Numbers: JavaScript number syntax (what `Number()` accepts, surrounding whitespace allowed,
 * so also '0x1F'), plus the forms '1e5', '-.5', '+3', '5.'; never the empty or all-blank cell.
 * Infinities ('Infinity', 'inf', '-Infinity', '+inf', any case, or a literal that overflows
 * such as '1e999') are not finite numbers: in a numeric column they are an error the user fixes.
 */

/** The missing-value markers, documented for users. */
export const MISSING_MARKERS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None'];

const MISSING_SET: ReadonlySet<string> = new Set(MISSING_MARKERS);

export function isMissingText(s: string): boolean {
  return s.length <= 4 && MISSING_SET.has(s);
}

const N = 78,
  A = 65,
  a = 97,
  SLASH = 47,
  n = 110,
  u = 117,
  l = 108,
  U = 85,
  L = 76,
  o = 111,
  e = 101;

/** Is bytes[s, s+len) a missing-value marker? Works on raw UTF-8 bytes, no string made. */
export function isMissingBytes(b: Uint8Array, s: number, len: number): boolean {
  switch (len) {
    case 0:
      return true;
    case 2:
      return b[s] === N && b[s + 1] === A;
    case 3: {
      const c0 = b[s],
        c1 = b[s + 1],
        c2 = b[s + 2];
      if (c0 === N) return (c1 === SLASH && c2 === A) || (c1 === a && c2 === N);
      return c0 === n && c1 === a && c2 === n;
    }
    case 4: {
      const c0 = b[s],
        c1 = b[s + 1],
        c2 = b[s + 2],
        c3 = b[s + 3];
      if (c0 === n) return c1 === u && c2 === l && c3 === l;
      if (c0 === N) return (c1 === U && c2 === L && c3 === L) || (c1 === o && c2 === n && c3 === e);
      return false;
    }
    default:
      return false;
  }
}

const INFINITY_RE = /^\s*[+-]?(inf|infinity)\s*$/i;

/** Is this text an infinity ('Infinity', '-inf', ...) or a literal too large for a double? */
export function isInfiniteText(s: string): boolean {
  if (INFINITY_RE.test(s)) return true;
  const v = Number(s);
  return (v === Infinity || v === -Infinity) && s.trim() !== '';
}

/**
 * The number a text cell holds, or NaN when it holds text. May return ±Infinity for an
 * infinity literal (the caller reports it). The caller has already ruled out missing markers.
 */
export function parseNumberText(s: string): number {
  if (s.length === 0) return NaN;
  const v = Number(s);
  if (v !== v) return INFINITY_RE.test(s) ? (s.trim().startsWith('-') ? -Infinity : Infinity) : NaN;
  if (v === 0 && s.trim() === '') return NaN; // Number('  ') is 0
  return v;
}

/** Exact powers of ten (10^22 is the largest exactly representable as a double). */
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

const DIGIT0 = 48,
  PLUS = 43,
  MINUS = 45,
  DOT = 46,
  LOWER_E = 101,
  UPPER_E = 69;

/**
 * Parse a number straight from UTF-8 bytes [s, e). Fast path: an optional sign, up to 15
 * significant digits, an optional fraction and exponent, with |decimal exponent| <= 22 — then
 * one IEEE multiply or divide of two exact values gives the correctly rounded result
 * (Clinger's fast path), the same double `Number()` returns. Anything else goes to `Number()`.
 * Returns NaN for text, ±Infinity for infinities.
 */
export function parseNumberBytes(b: Uint8Array, s: number, e: number, decode: (s: number, e: number) => string): number {
  let p = s;
  let neg = false;
  let c = b[p];
  if (c === MINUS) {
    neg = true;
    p++;
  } else if (c === PLUS) {
    p++;
  }
  let mant = 0;
  let digits = 0; // significant digits in mant
  let anyDigit = false;
  let exp10 = 0;
  // integer part
  while (p < e) {
    c = b[p] - DIGIT0;
    if (c < 0 || c > 9) break;
    anyDigit = true;
    if (digits > 0 || c !== 0) {
      if (digits < 15) {
        mant = mant * 10 + c;
        digits++;
      } else return slow(b, s, e, decode);
    }
    p++;
  }
  if (p < e && b[p] === DOT) {
    p++;
    while (p < e) {
      c = b[p] - DIGIT0;
      if (c < 0 || c > 9) break;
      anyDigit = true;
      if (digits > 0 || c !== 0) {
        if (digits < 15) {
          mant = mant * 10 + c;
          digits++;
        } else return slow(b, s, e, decode);
      }
      exp10--;
      p++;
    }
  }
  if (!anyDigit) return slow(b, s, e, decode);
  if (p < e) {
    c = b[p];
    if (c !== LOWER_E && c !== UPPER_E) return slow(b, s, e, decode);
    p++;
    let eneg = false;
    if (p < e && (b[p] === MINUS || b[p] === PLUS)) {
      eneg = b[p] === MINUS;
      p++;
    }
    if (p >= e) return NaN; // '1e' or '1e+'
    let ev = 0;
    while (p < e) {
      c = b[p] - DIGIT0;
      if (c < 0 || c > 9) return slow(b, s, e, decode);
      if (ev < 100000) ev = ev * 10 + c;
      p++;
    }
    exp10 += eneg ? -ev : ev;
  }
  let v: number;
  if (mant === 0) v = 0;
  else if (exp10 === 0) v = mant;
  else if (exp10 > 0 && exp10 <= 22) v = mant * POW10[exp10];
  else if (exp10 < 0 && exp10 >= -22) v = mant / POW10[-exp10];
  else return slow(b, s, e, decode);
  return neg ? -v : v;
}

function slow(_b: Uint8Array, s: number, e: number, decode: (s: number, e: number) => string): number {
  return parseNumberText(decode(s, e));
}
