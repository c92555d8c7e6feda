/**
 * Every source's time column becomes epoch milliseconds: the window compares instants, and the
 * monitor reads one unit whatever serving logged.
 */
import type { Column, NumericColumn } from '../data/table.js';
import { parseIsoInstant } from '../data/time-columns.js';

/**
 * Epoch seconds and epoch milliseconds are told apart by magnitude, value by value: a number below
 * 1e11 in magnitude is seconds (1e11 s is the year 5138), anything larger is milliseconds (1e11 ms
 * is 1973-03-03). No serving log holds a time between 1970 and March 1973, so nothing is ambiguous.
 */
export const SECONDS_BELOW = 1e11;

export function epochMsOfNumber(v: number): number {
  return Math.abs(v) < SECONDS_BELOW ? v * 1000 : v;
}

/** ISO-8601 text as PostgreSQL and people write it, to epoch ms; NaN when it is not one. */
export function epochMsOfText(text: string): number {
  const t = text.trim();
  const direct = parseIsoInstant(t);
  if (direct === direct) return direct;
  // PostgreSQL writes a whole-hour zone as +00 or -05: parseIsoInstant wants ±hh:mm or ±hhmm.
  return /[+-]\d{2}$/.test(t) && t.length > 13 ? parseIsoInstant(`${t}:00`) : NaN;
}

/** The column as instants (epoch ms, NaN where a row has no readable time). */
export function epochMsValues(col: Column): Float64Array {
  if (col.kind === 'numeric') {
    if (col.unit === 'epoch-ms') return col.values;
    const out = new Float64Array(col.values.length);
    for (let i = 0; i < out.length; i++) out[i] = epochMsOfNumber(col.values[i]);
    return out;
  }
  // Only the dictionary is parsed, not each row.
  const byCode = col.categories.map(epochMsOfText);
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = col.codes[i] < 0 ? NaN : byCode[col.codes[i]];
  return out;
}

/** A numeric epoch-ms column of these instants; cells without a readable time count as missing. */
export function epochMsColumn(name: string, values: Float64Array): NumericColumn {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
  return { kind: 'numeric', name, values, missing, textCells: 0, unit: 'epoch-ms' };
}
