/**
 * Date and time columns in text formats (CSV, JSONL, Parquet strings): a column whose every
 * value is an ISO-8601 date or date-time becomes a numeric column of epoch milliseconds with
 * unit 'epoch-ms', as Parquet DATE and TIMESTAMP columns are read, so that the same data in two
 * formats has the same kind. Only the distinct values (the dictionary) are parsed, not each row.
 */
import type { CategoricalColumn, NumericColumn } from './table.js';

// 2001-04-01, 2001-04-01T00:05, 2001-04-01 00:05:30.250Z, 2001-04-01T00:05+02:00, …-0130.
// Parsed by hand (no RegExp, no Date): a column of a million timestamps has ~100k distinct ones.

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

/** Milliseconds since 1970-01-01T00:00Z of an ISO-8601 date or date-time (no zone: UTC); NaN if not one. */
export function parseIsoInstant(text: string): number {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const digits = (at: number, count: number): number => {
    let v = 0;
    for (let k = at; k < at + count; k++) {
      const c = text.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
  };
  const y = digits(0, 4),
    mo = digits(5, 2),
    d = digits(8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]) return NaN;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (n === 10) return ms;
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || n < 16 || text.charCodeAt(13) !== 58) return NaN; // 'T' or ' ', then hh:mm
  const h = digits(11, 2),
    mi = digits(14, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  ms += (h * 60 + mi) * 60_000;
  let i = 16;
  if (i < n && text.charCodeAt(i) === 58) {
    const sec = digits(i + 1, 2);
    if (i + 3 > n || sec < 0 || sec > 60) return NaN;
    ms += sec * 1000;
    i += 3;
    if (i < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44)) {
      let j = i + 1,
        frac = 0,
        scale = 100;
      while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) {
        frac += (text.charCodeAt(j) - 48) * scale;
        scale /= 10;
        j++;
      }
      if (j === i + 1) return NaN;
      ms += Math.floor(frac);
      i = j;
    }
  }
  if (i === n) return ms;
  const z = text.charCodeAt(i);
  if (z === 90) return i + 1 === n ? ms : NaN; // 'Z'
  if (z !== 43 && z !== 45) return NaN;
  const rest = n - i - 1;
  const colon = rest === 5 && text.charCodeAt(i + 3) === 58;
  if (rest !== 4 && !colon) return NaN;
  const zh = digits(i + 1, 2),
    zm = digits(colon ? i + 4 : i + 3, 2);
  if (zh < 0 || zh > 23 || zm < 0 || zm > 59) return NaN;
  return ms - (z === 45 ? -1 : 1) * (zh * 60 + zm) * 60_000;
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
