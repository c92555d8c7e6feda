import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real data no one here wrote, from the vega-datasets package. */
export const VEGA = new URL('../../node_modules/vega-datasets/data/', import.meta.url).pathname;

/**
 * Split a CSV from vega-datasets into two files by a predicate on each data line (header kept),
 * so tests compare real periods or places: e.g. Seattle's winters against its summers.
 */
export function splitCsv(
  name: string,
  pick: (line: string) => 'a' | 'b' | null,
  dir = mkdtempSync(join(tmpdir(), 'modelci-data-')),
): { a: string; b: string; dir: string } {
  const [header, ...lines] = readFileSync(join(VEGA, name), 'utf8').trimEnd().split('\n');
  const a: string[] = [header];
  const b: string[] = [header];
  for (const line of lines) {
    const side = pick(line);
    if (side === 'a') a.push(line);
    else if (side === 'b') b.push(line);
  }
  const pa = join(dir, `a-${name}`);
  const pb = join(dir, `b-${name}`);
  writeFileSync(pa, a.join('\n') + '\n');
  writeFileSync(pb, b.join('\n') + '\n');
  return { a: pa, b: pb, dir };
}

/** Month (1-12) of a seattle-weather.csv line (date first, yyyy-mm-dd). */
export function month(line: string): number {
  return Number(line.slice(5, 7));
}

/** Day of the month of a seattle-weather.csv line. */
export function day(line: string): number {
  return Number(line.slice(8, 10));
}
