// The flights of vega-datasets (real data no one here wrote) as rows with a UTC epoch-ms time,
// for the production sources' tests: the window each test asks for is also computed here, on
// the raw rows, independently of the sources.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../data/helpers.js';

export interface Flight {
  /** "2001/01/01 06:55" as written, read as UTC. */
  date: string;
  ms: number;
  delay: number;
  distance: number;
  origin: string;
  destination: string;
}

export const VEGA_DATA = join(FIXTURES, '..', '..', '..', '..', '..', 'node_modules', 'vega-datasets', 'data');

export function flights(file = 'flights-2k.json'): Flight[] {
  const raw = JSON.parse(readFileSync(join(VEGA_DATA, file), 'utf8')) as Omit<Flight, 'ms'>[];
  return raw.map((r) => {
    const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})$/.exec(r.date);
    if (!m) throw new Error(`unexpected date ${r.date}`);
    return { ...r, ms: Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) };
  });
}

/** 2001-01-05T13:07:00.000Z */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function inWindow(rows: Flight[], start: Date, end: Date): Flight[] {
  return rows.filter((r) => r.ms >= start.getTime() && r.ms < end.getTime());
}

/** The rows grouped by a key of their time (an hour or day partition path). */
export function groupBy(rows: Flight[], key: (ms: number) => string): Map<string, Flight[]> {
  const out = new Map<string, Flight[]>();
  for (const r of rows) {
    const k = key(r.ms);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}
