// A day of production traffic with a known truth, from the real flights of vega-datasets: the
// flights are shuffled (seeded), the first part profiled as the reference, and 24 hourly files
// drawn from the rest, so every hour is exchangeable with the reference, until a shift is
// injected from a known hour (delay + 30 min).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileFromReference } from '../../src/drift/profile.js';
import { referenceFromTable } from '../../src/drift/reference-from-table.js';
import type { Table } from '../../src/data/table.js';
import { seededUniform } from '../../src/stats/seeded-random.js';
import { flights, type Flight } from './flights-rows.js';

export const DAY_START = Date.parse('2026-03-01T00:00:00Z');
export const HOUR = 3_600_000;
const REFERENCE_ROWS = 6000;

let cached: { reference: Flight[]; pool: Flight[] } | undefined;

/** The reference part and the pool production rows are drawn from: one fixed shuffle of flights-20k. */
function split(): { reference: Flight[]; pool: Flight[] } {
  if (cached) return cached;
  const rows = shuffle(flights('flights-20k.json'), seededUniform(20_000));
  cached = { reference: rows.slice(0, REFERENCE_ROWS), pool: rows.slice(REFERENCE_ROWS) };
  return cached;
}

function shuffle<T>(xs: T[], u: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The reference's profile, written once per folder (as `modelci profile` would). */
export function writeReferenceProfile(dir: string): string {
  const { reference } = split();
  const table: Table = {
    rowCount: reference.length,
    files: ['flights-20k.json'],
    columns: [
      { kind: 'numeric', name: 'delay', values: Float64Array.from(reference, (r) => r.delay), missing: 0, textCells: 0 },
      { kind: 'numeric', name: 'distance', values: Float64Array.from(reference, (r) => r.distance), missing: 0, textCells: 0 },
      categorical(
        'origin',
        reference.map((r) => r.origin),
      ),
    ],
  };
  const path = join(dir, 'reference.profile.json');
  writeFileSync(path, JSON.stringify(profileFromReference(referenceFromTable(table))) + '\n');
  return path;
}

function categorical(name: string, values: string[]): Table['columns'][number] {
  const categories = [...new Set(values)];
  const index = new Map(categories.map((c, i) => [c, i]));
  return { kind: 'categorical', name, categories, codes: Int32Array.from(values, (v) => index.get(v)!), missing: 0 };
}

export interface DayOptions {
  seed: number;
  rowsPerHour?: number;
  hours?: number;
  /** From this hour on (0-23), every delay is 30 minutes longer. */
  shiftFromHour?: number;
  /** The shift ends before this hour (default: it lasts the day). */
  shiftToHour?: number;
  /** Hours with no file (serving down). */
  emptyHours?: number[];
  /** The day the files are for; default DAY_START. */
  dayStart?: number;
  dir?: string;
}

/** Hourly CSV files `2026-03-01T<HH>.csv` (ISO time column `ts`), drawn with the seed; returns the folder. */
export function writeDay(options: DayOptions): string {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'modelci-day-'));
  mkdirSync(dir, { recursive: true });
  const u = seededUniform(options.seed);
  const { pool } = split();
  const perHour = options.rowsPerHour ?? 150;
  for (let h = 0; h < (options.hours ?? 24); h++) {
    if (options.emptyHours?.includes(h)) continue;
    const lines = ['ts,delay,distance,origin'];
    {
      for (let i = 0; i < perHour; i++) {
        const r = pool[Math.floor(u() * pool.length)];
        const ts = new Date((options.dayStart ?? DAY_START) + h * HOUR + Math.floor(u() * HOUR)).toISOString();
        const delay = r.delay + (options.shiftFromHour !== undefined && h >= options.shiftFromHour && h < (options.shiftToHour ?? 24) ? 30 : 0);
        lines.push(`${ts},${delay},${r.distance},${r.origin}`);
      }
    }
    writeFileSync(join(dir, `${new Date((options.dayStart ?? DAY_START) + h * HOUR).toISOString().slice(0, 13)}.csv`), lines.join('\n') + '\n');
  }
  return dir;
}

/** One hour's rows as an in-memory table (no files): for the many-seed checks, kept fast. */
export function hourTable(u: () => number, rows: number, shift = 0): Table {
  const { pool } = split();
  const picked = Array.from({ length: rows }, () => pool[Math.floor(u() * pool.length)]);
  return {
    rowCount: rows,
    files: [],
    columns: [
      { kind: 'numeric', name: 'delay', values: Float64Array.from(picked, (r) => r.delay + shift), missing: 0, textCells: 0 },
      { kind: 'numeric', name: 'distance', values: Float64Array.from(picked, (r) => r.distance), missing: 0, textCells: 0 },
      categorical(
        'origin',
        picked.map((r) => r.origin),
      ),
    ],
  };
}

/**
 * One unpartitioned CSV of the last 24 h before `now` (rows evenly spread, ISO `ts`): what a shell
 * test needs when the step reads the real clock. Delay + 30 min in the last `shiftHours` hours.
 */
export function writeRecentLog(file: string, now: number, rows: number, shiftHours = 0, seed = 5): string {
  const u = seededUniform(seed);
  const { pool } = split();
  const lines = ['ts,delay,distance,origin'];
  for (let i = 0; i < rows; i++) {
    const t = now - 24 * HOUR + 1000 + Math.floor((i * (24 * HOUR - 2000)) / rows);
    const r = pool[Math.floor(u() * pool.length)];
    lines.push(`${new Date(t).toISOString()},${r.delay + (t >= now - shiftHours * HOUR ? 30 : 0)},${r.distance},${r.origin}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
