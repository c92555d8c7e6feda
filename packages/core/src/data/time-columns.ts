/**
 * Date and time columns in text formats (CSV, JSONL, Parquet strings): a column whose every
 * value is an ISO-8601 date or date-time becomes a numeric column of epoch milliseconds with
 * unit 'epoch-ms', as Parquet DATE and TIMESTAMP columns are read, so that the same data in two
 * formats has the same kind. Only the distinct values (the dictionary) are parsed, not each row.
 */
import type { CategoricalColumn, NumericColumn } from './table.js';

// 2001-04-01, 2001-04-01T00:05, 2001-04-01 00:05:30.250Z, 2001-04-01T00:05+02:00
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since 1970-01-01T00:00Z of an ISO-8601 date or date-time (no zone: UTC); NaN if not one. */
export function parseIsoInstant(text: string): number {
  const m = ISO.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo), day = Number(d), hour = h ? Number(h) : 0, minute = mi ? Number(mi) : 0, second = s ? Number(s) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  let t = Date.UTC(Number(y), month - 1, day, hour, minute, second, frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0);
  // Date.UTC rolls 2001-02-30 over into March: refuse dates that do not exist.
  if (new Date(t).getUTCDate() !== day) return NaN;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return t;
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
