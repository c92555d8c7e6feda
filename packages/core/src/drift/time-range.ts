import type { SideSummary } from './report.js';

/** An instant as 2001-04-30 23:59 UTC (seconds only when they are not zero). */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(16, 19) === ':00' && iso.endsWith('.000Z') ? '' : iso.slice(16, 19);
  const time = iso.slice(11, 16) === '00:00' && !seconds ? '' : ` ${iso.slice(11, 16)}${seconds}`;
  return `${iso.slice(0, 10)}${time}${time ? ' UTC' : ''}`;
}

/** How long ago, in the largest whole unit that fits (minutes, hours or days). */
export function formatAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(ms / 3_600_000);
  if (Math.abs(hours) < 48) return `${hours} hours`;
  return `${Math.round(ms / 86_400_000)} days`;
}

/**
 * The reason of a date/time column, which is not tested: both ranges and a freshness line
 * (how old the newest current row is when the check runs).
 */
export function timeRangeText(reference: SideSummary, current: SideSummary, now: Date): string {
  const range = (s: SideSummary) =>
    s.count > 0 && s.min !== undefined && s.max !== undefined && s.min === s.min ? `${formatInstant(s.min)} to ${formatInstant(s.max!)}` : 'no values';
  let text = `it is a date/time column, whose values move forward with time; reference ${range(reference)}, current ${range(current)}`;
  if (current.count > 0 && current.max !== undefined) {
    const age = now.getTime() - current.max;
    text += age >= 0 ? `; the newest current row is ${formatAge(age)} old` : `; the newest current row is ${formatAge(-age)} in the future`;
  }
  return text;
}
