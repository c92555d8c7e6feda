/**
 * The span of time a file's path says it holds, from hour or day partitions, so that a window
 * reads only the files that can overlap it. Recognised (any mix, anywhere in the path):
 *   Hive-style   date=2026-12-01, dt=2026-12-01, day=2026-12-01, or year=2026/month=12/day=01,
 *                with an optional hour=13 (also hr=, h=);
 *   plain dated  2026-12-01T13.jsonl, 2026-12-01_13.csv, 2026-12-01.parquet (file or directory),
 *                and 2026/12/01/13/part-0.parquet or 2026/12/01/13.jsonl (year, month, day, hour).
 * Partition times are UTC, as Spark, Hive and the cloud log sinks write them. A path without a
 * recognisable date has no span: it is read, and its rows are filtered by the time column.
 */
import type { TimeWindow } from './production-source.js';

export interface PathSpan {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

interface Parts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
}

const HIVE_DATE = /^(?:date|dt|day|ds)=(\d{4})-(\d{2})-(\d{2})(?:[T _-](\d{2}))?$/i;
const HIVE_PART = /^(year|yyyy|y|month|mm|m|day|dd|d|hour|hr|hh|h)=(\d{1,4})$/i;
const PART_KEYS: Record<string, keyof Parts> = { y: 'year', m: 'month', d: 'day', h: 'hour' };
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T _-](\d{2})(?![0-9]))?/;

/** The span the path's partitions name, or undefined when it names none. */
export function partitionSpan(path: string): PathSpan | undefined {
  const segments = path.split(/[\\/]/).filter((s) => s !== '' && s !== '.' && s !== '..');
  const parts: Parts = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const hive = HIVE_DATE.exec(seg);
    if (hive) {
      setDate(parts, hive);
      continue;
    }
    const part = HIVE_PART.exec(seg);
    if (part) {
      parts[PART_KEYS[part[1].toLowerCase()[0]]] = Number(part[2]);
      continue;
    }
    const plain = PLAIN_DATE.exec(seg);
    if (plain) {
      setDate(parts, plain);
      continue;
    }
    // 2026/12/01/13/…: a four-digit segment followed by two-digit ones (a file's name without extension counts).
    if (/^\d{4}$/.test(seg) && parts.year === undefined) {
      const digits = [seg];
      for (let j = i + 1; j < segments.length && digits.length < 4; j++) {
        const s = j === segments.length - 1 ? segments[j].replace(/\..*$/, '') : segments[j];
        if (!/^\d{2}$/.test(s)) break;
        digits.push(s);
      }
      if (digits.length >= 3) {
        parts.year = Number(digits[0]);
        parts.month = Number(digits[1]);
        parts.day = Number(digits[2]);
        if (digits.length === 4) parts.hour = Number(digits[3]);
        i += digits.length - 1;
      }
    }
  }
  return spanOf(parts);
}

/** Whether a file with this path may hold rows of the window (no recognisable date: yes). */
export function mayOverlap(path: string, window: TimeWindow): boolean {
  const span = partitionSpan(path);
  return span === undefined || (span.start < window.end.getTime() && span.end > window.start.getTime());
}

function setDate(parts: Parts, m: RegExpExecArray): void {
  parts.year = Number(m[1]);
  parts.month = Number(m[2]);
  parts.day = Number(m[3]);
  if (m[4] !== undefined) parts.hour = Number(m[4]);
}

function spanOf(p: Parts): PathSpan | undefined {
  if (p.year === undefined || p.year < 1000) return undefined;
  const valid = (v: number | undefined, lo: number, hi: number) => v === undefined || (v >= lo && v <= hi);
  if (!valid(p.month, 1, 12) || !valid(p.day, 1, 31) || !valid(p.hour, 0, 23)) return undefined;
  // Coarser than the partitions it has: a day without a month says nothing usable.
  if (p.month === undefined)
    return p.day === undefined && p.hour === undefined ? { start: Date.UTC(p.year, 0, 1), end: Date.UTC(p.year + 1, 0, 1) } : undefined;
  if (p.day === undefined) return p.hour === undefined ? { start: Date.UTC(p.year, p.month - 1, 1), end: Date.UTC(p.year, p.month, 1) } : undefined;
  const dayStart = Date.UTC(p.year, p.month - 1, p.day);
  if (new Date(dayStart).getUTCDate() !== p.day) return undefined; // 2026-02-30
  if (p.hour === undefined) return { start: dayStart, end: dayStart + 86_400_000 };
  const start = dayStart + p.hour * 3_600_000;
  return { start, end: start + 3_600_000 };
}
