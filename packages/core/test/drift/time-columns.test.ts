import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readTable } from '../../src/data/read-table.js';
import { parseIsoInstant } from '../../src/data/time-columns.js';
import { checkDrift } from '../../src/drift/check-drift.js';
import { DEFAULT_DRIFT_OPTIONS, parseDriftOptions } from '../../src/drift/options.js';
import { profileFromReference, referenceFromProfile } from '../../src/drift/profile.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-time-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const DAY = 86_400_000;
const Q1 = Date.UTC(2001, 0, 1);
const APRIL = Date.UTC(2001, 3, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const rows = (n: number, start: number, step: number) =>
  Array.from({ length: n }, (_, i) => ({ at: start + i * step, delay: (i * 37) % 60, origin: ['SEA', 'LAX', 'JFK'][i % 3] }));

describe('parseIsoInstant', () => {
  test.each([
    ['2001-04-01', Date.UTC(2001, 3, 1)],
    ['2001-04-01T00:05', Date.UTC(2001, 3, 1, 0, 5)],
    ['2001-04-01 00:05:30.25Z', Date.UTC(2001, 3, 1, 0, 5, 30, 250)],
    ['2001-04-01T02:05+02:00', Date.UTC(2001, 3, 1, 0, 5)],
    ['2001-04-01T00:05-0130', Date.UTC(2001, 3, 1, 1, 35)],
  ])('%s', (text, ms) => expect(parseIsoInstant(text)).toBe(ms));
  test.each(['2001-02-30', '2001-13-01', '2001/04/01', '20010401', 'April 1', '2001-04-01T25:00', ''])('%s is not a date', (text) => {
    expect(parseIsoInstant(text)).toBeNaN();
  });
});

describe('date/time columns', () => {
  const ref = rows(900, Q1, (90 * DAY) / 900);
  const cur = rows(300, APRIL, (30 * DAY) / 300);
  const csv = (r: ReturnType<typeof rows>) => 'date,delay,origin\n' + r.map((x) => `${iso(x.at)},${x.delay},${x.origin}`).join('\n') + '\n';
  const refCsv = write('q1.csv', csv(ref));
  const curCsv = write('april.csv', csv(cur));
  const curJsonl = write('april.jsonl', cur.map((x) => JSON.stringify({ date: iso(x.at), delay: x.delay, origin: x.origin })).join('\n') + '\n');
  const parquet = (r: ReturnType<typeof rows>, type: 'TIMESTAMP' | 'STRING') =>
    new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'date', data: r.map((x) => (type === 'TIMESTAMP' ? new Date(x.at) : iso(x.at))), type },
          { name: 'delay', data: r.map((x) => x.delay), type: 'INT32' },
          { name: 'origin', data: r.map((x) => x.origin), type: 'STRING' },
        ],
      }),
    );
  const refParquet = write('q1.parquet', parquet(ref, 'TIMESTAMP'));
  const curParquetText = write('april-text.parquet', parquet(cur, 'STRING'));
  const now = new Date(Date.UTC(2001, 4, 1));

  test('ISO-8601 text in CSV and JSONL reads as epoch milliseconds, like a Parquet TIMESTAMP', async () => {
    for (const file of [curCsv, curJsonl, curParquetText, refParquet]) {
      const date = (await readTable(file)).columns[0];
      expect(date).toMatchObject({ kind: 'numeric', unit: 'epoch-ms' });
    }
    const t = await readTable(curCsv);
    expect((t.columns[0] as { values: Float64Array }).values[0]).toBe(APRIL);
  });

  test('categorical-columns keeps a date column as categories', async () => {
    const t = await readTable(curCsv, { kinds: new Map([['date', 'categorical']]) });
    expect(t.columns[0].kind).toBe('categorical');
  });

  test.each([
    ['CSV', refCsv, curCsv],
    ['Parquet TIMESTAMP', refParquet, curCsv],
    ['Parquet TIMESTAMP', refParquet, curJsonl],
    ['CSV', refCsv, curParquetText],
  ])('reference %s against the other format: no kind mismatch, not tested, range and freshness reported', async (_, reference, current) => {
    const { report } = await checkDrift({ reference, current, options: DEFAULT_DRIFT_OPTIONS }, now);
    const date = report.features.find((f) => f.name === 'date')!;
    expect(report.verdict).toMatchObject({ critical: false, drifted: false });
    expect(date).toMatchObject({ kind: 'numeric', unit: 'epoch-ms', test: undefined });
    expect(date.reason).toContain('reference 2001-01-01 to 2001-03-31 21:36 UTC, current 2001-04-01 to 2001-04-30 21:36 UTC');
    expect(date.reason).toMatch(/^Not tested: it is a date\/time column, whose values move forward with time; .*; the newest current row is 2 hours old\.$/);
  });

  test("a profile keeps the unit, so a profile of Q1 still recognises April's dates", async () => {
    const { reference } = await checkDrift({ reference: refCsv, current: curCsv, options: DEFAULT_DRIFT_OPTIONS }, now);
    const profile = write('q1.json', JSON.stringify(profileFromReference(reference)));
    expect(referenceFromProfile(JSON.parse(JSON.stringify(profileFromReference(reference))), 'x').features[0]).toMatchObject({ unit: 'epoch-ms' });
    const { report } = await checkDrift({ reference: profile, current: curCsv, options: DEFAULT_DRIFT_OPTIONS }, now);
    expect(report.verdict).toMatchObject({ critical: false, drifted: false });
  });

  test('ignore-columns still removes it', async () => {
    const { report } = await checkDrift({ reference: refCsv, current: curCsv, options: parseDriftOptions({ 'ignore-columns': 'date' }) }, now);
    expect(report.features.map((f) => f.name)).toEqual(['delay', 'origin']);
  });
});

describe('parseIsoInstant agrees with Date on generated instants', () => {
  test('2000 instants from 1900 to 2100, as date-times, minutes and dates', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let k = 0; k < 2000; k++) {
      const ms = Math.floor(Date.UTC(1900, 0, 1) + next() * (Date.UTC(2100, 0, 1) - Date.UTC(1900, 0, 1)));
      const iso = new Date(ms).toISOString();
      expect(parseIsoInstant(iso)).toBe(ms);
      expect(parseIsoInstant(iso.slice(0, 16))).toBe(Date.parse(`${iso.slice(0, 16)}Z`));
      expect(parseIsoInstant(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)));
    }
  });
});
