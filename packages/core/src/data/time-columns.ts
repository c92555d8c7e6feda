/**
 * Date and time columns in text formats (CSV, JSONL, Parquet strings): a column whose every
 * value is an ISO-8601 date or date-time becomes a numeric column of epoch milliseconds with
 * unit 'epoch-ms', as Parquet DATE and TIMESTAMP columns are read, so that the same data in two
 * formats has the same kind. The CSV reader recognises such a column from its first cells and
 * parses each cell straight into epoch-ms (no dictionary); JSONL and Parquet strings are
 * dictionary-encoded as they are read, and then only the distinct values are parsed here.
 */
import type { CategoricalColumn, NumericColumn } from './table.js';

// 2001-04-01, 2001-04-01T00:05, 2001-04-01 00:05:30.250Z, 2001-04-01T00:05+02:00, …-0130.
// Parsed by hand (no RegExp, no Date): a column of a million timestamps has ~100k distinct ones.

/**
 * Thrown by a reader when a column it took for dates from its first cells has a cell that is
 * not one: readTable reads the files again with that column as text (then categories, as JSONL).
 */
export class NotTimeText extends Error {
  constructor(readonly column: string) {
    super(`column '${column}' is not a date/time column`);
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Milliseconds since 1970-01-01T00:00Z of the ISO-8601 date or date-time in bytes b[s, e) (no
 * zone: UTC); NaN if it is not one. The CSV reader calls this on every cell of a date column.
 */
export function parseIsoBytes(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n < 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return NaN;
  const y = digits(b, s, 4),
    mo = digits(b, s + 5, 2),
    d = digits(b, s + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]) return NaN;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (n === 10) return ms;
  const sep = b[s + 10];
  if ((sep !== 84 && sep !== 32) || n < 16 || b[s + 13] !== 58) return NaN; // 'T' or ' ', then hh:mm
  const h = digits(b, s + 11, 2),
    mi = digits(b, s + 14, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  ms += (h * 60 + mi) * 60_000;
  let i = s + 16;
  if (i < e && b[i] === 58) {
    if (i + 3 > e) return NaN;
    const sec = digits(b, i + 1, 2);
    if (sec < 0 || sec > 60) return NaN;
    ms += sec * 1000;
    i += 3;
    if (i < e && (b[i] === 46 || b[i] === 44)) {
      let j = i + 1,
        frac = 0,
        scale = 100;
      while (j < e && b[j] >= 48 && b[j] <= 57) {
        frac += (b[j] - 48) * scale;
        scale /= 10;
        j++;
      }
      if (j === i + 1) return NaN;
      ms += Math.floor(frac);
      i = j;
    }
  }
  if (i === e) return ms;
  const z = b[i];
  if (z === 90) return i + 1 === e ? ms : NaN; // 'Z'
  if (z !== 43 && z !== 45) return NaN;
  const rest = e - i - 1;
  const colon = rest === 5 && b[i + 3] === 58;
  if (rest !== 4 && !colon) return NaN;
  const zh = digits(b, i + 1, 2),
    zm = digits(b, colon ? i + 4 : i + 3, 2);
  if (zh < 0 || zh > 23 || zm < 0 || zm > 59) return NaN;
  return ms - (z === 45 ? -1 : 1) * (zh * 60 + zm) * 60_000;
}

/** The decimal value of b[at, at+count), or -1 if one of them is not a digit. */
function digits(b: Uint8Array, at: number, count: number): number {
  let v = 0;
  for (let k = at; k < at + count; k++) {
    const c = b[k] - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Long enough for any ISO-8601 instant this reads (with a fraction of a second to the nanosecond and a zone). */
const MAX_ISO_LENGTH = 40;
const scratch = new Uint8Array(MAX_ISO_LENGTH);

/** Milliseconds since 1970-01-01T00:00Z of an ISO-8601 date or date-time (no zone: UTC); NaN if not one. */
export function parseIsoInstant(text: string): number {
  const n = text.length;
  if (n < 10 || n > MAX_ISO_LENGTH) return NaN;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c > 127) return NaN;
    scratch[k] = c;
  }
  return parseIsoBytes(scratch, 0, n);
}

/** The column as epoch milliseconds when every category is an ISO-8601 date/date-time; else undefined. */
export function asTimeColumn(col: CategoricalColumn): NumericColumn | undefined {
  const { categories } = col;
  if (categories.length === 0) return undefined;
  const epoch = new Float64Array(categories.length);
  for (let c = 0; c < categories.length; c++) {
    const t = parseIsoInstant(categories[c]);
    if (t !== t) return undefined;
    epoch[c] = t;
  }
  const values = new Float64Array(col.codes.length);
  const codes = col.codes;
  for (let i = 0; i < codes.length; i++) values[i] = codes[i] < 0 ? NaN : epoch[codes[i]];
  return { kind: 'numeric', name: col.name, values, missing: col.missing, textCells: 0, unit: 'epoch-ms' };
}
