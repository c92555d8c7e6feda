// The files production source on partitioned folders of the flights data written here: JSONL by
// hour (Hive-style), CSV by day (dt=), Parquet under 2001/01/05/, plain dated names. Counts are
// checked against the same window computed on the raw rows; pruning is proven with corrupt files.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { openProductionSource } from '../../src/monitor/open-production-source.js';
import { FileProductionSource } from '../../src/monitor/file-source.js';
import { cat, inputError, num, tempDir } from '../data/helpers.js';
import { flights, groupBy, inWindow, iso, type Flight } from './flights-rows.js';

const ROWS = flights();
const W = { start: new Date('2001-01-05T13:00:00Z'), end: new Date('2001-01-12T07:30:00Z') };
const day = (ms: number) => iso(ms).slice(0, 10);
const hour = (ms: number) => iso(ms).slice(11, 13);

function jsonl(rows: Flight[], time: (r: Flight) => unknown = (r) => iso(r.ms)): string {
  return rows.map((r) => JSON.stringify({ time: time(r), delay: r.delay, distance: r.distance, origin: r.origin })).join('\n') + '\n';
}

function expectWindow(table: Awaited<ReturnType<FileProductionSource['read']>>['table'], want: Flight[]): void {
  expect(table.rowCount).toBe(want.length);
  const time = num(table, 'time');
  expect(time.unit).toBe('epoch-ms');
  expect([...time.values].sort((a, b) => a - b)).toEqual(want.map((r) => r.ms).sort((a, b) => a - b));
  const delaySum = [...num(table, 'delay').values].reduce((s, v) => s + v, 0);
  expect(delaySum).toBe(want.reduce((s, r) => s + r.delay, 0));
  const origin = cat(table, 'origin');
  expect(origin.codes.length).toBe(want.length);
  const origins = [...origin.codes].map((c) => origin.categories[c]).sort();
  expect(origins).toEqual(want.map((r) => r.origin).sort());
}

describe('the files production source', () => {
  test('JSONL under date=/hour= partitions: exactly the rows of the window; partitions outside it never opened', async () => {
    const tmp = await tempDir();
    try {
      for (const [key, rows] of groupBy(ROWS, (ms) => `date=${day(ms)}/hour=${hour(ms)}`)) await tmp.file(`logs/${key}/part-0.jsonl`, jsonl(rows));
      // Corrupt partitions before and after the window: reading either would fail.
      await tmp.file('logs/date=2001-01-05/hour=12/part-9.jsonl', '{not json\n');
      await tmp.file('logs/date=2001-01-12/hour=08/part-9.jsonl', '{not json\n');
      const source = openProductionSource({ location: `${tmp.dir}/logs`, timeColumn: 'time' });
      expect(source).toBeInstanceOf(FileProductionSource);
      const batch = await source.read(W);
      const want = inWindow(ROWS, W.start, W.end);
      expect(want.length).toBeGreaterThan(50);
      expectWindow(batch.table, want);
      expect(batch.rowsWithoutTime).toBe(0);
      const hours = groupBy(ROWS, (ms) => `${day(ms)}T${hour(ms)}`);
      const opened = [...hours.keys()].filter((k) => `${k}:00:00.000Z` < iso(W.end.getTime()) && `${k}:59:59.999Z` >= iso(W.start.getTime()));
      expect(batch.table.files.length).toBe(opened.length);
      expect(batch.filesSkipped).toBe(hours.size + 2 - opened.length);
      // The same corrupt file inside the window is opened, and fails: the pruning above is what saved the read.
      await tmp.file('logs/date=2001-01-06/hour=00/part-9.jsonl', '{not json\n');
      expect((await inputError(source.read(W))).message).toMatch(/part-9\.jsonl/);
      await source.close();
    } finally {
      await tmp.cleanup();
    }
  });

  test('CSV under dt= day partitions, epoch seconds in the time column, read through a glob', async () => {
    const tmp = await tempDir();
    try {
      for (const [d, rows] of groupBy(ROWS, day)) {
        const lines = rows.map((r) => `${r.ms / 1000},${r.delay},${r.distance},${r.origin}`);
        await tmp.file(`csv/dt=${d}/part-0.csv`, `time,delay,distance,origin\n${lines.join('\n')}\n`);
      }
      await tmp.file('csv/dt=2001-01-13/part-0.csv', 'garbage,"\n');
      const batch = await openProductionSource({ location: `${tmp.dir}/csv/dt=*/*.csv`, timeColumn: 'time' }).read(W);
      expectWindow(batch.table, inWindow(ROWS, W.start, W.end));
      expect(batch.table.files.every((f) => /dt=2001-01-(0[5-9]|1[0-2])/.test(f))).toBe(true);
    } finally {
      await tmp.cleanup();
    }
  });

  test('Parquet under 2001/01/05/ directories, epoch milliseconds as INT64', async () => {
    const tmp = await tempDir();
    try {
      for (const [d, rows] of groupBy(ROWS, day)) {
        const buf = parquetWriteBuffer({
          columnData: [
            { name: 'time', data: rows.map((r) => BigInt(r.ms)), type: 'INT64' },
            { name: 'delay', data: rows.map((r) => r.delay), type: 'DOUBLE' },
            { name: 'distance', data: rows.map((r) => r.distance), type: 'DOUBLE' },
            { name: 'origin', data: rows.map((r) => r.origin), type: 'STRING' },
          ],
        });
        await tmp.file(`pq/${d.replace(/-/g, '/')}/part-0.parquet`, new Uint8Array(buf));
      }
      await tmp.file('pq/2001/01/04/part-1.parquet', 'not parquet');
      const batch = await openProductionSource({ location: `${tmp.dir}/pq`, timeColumn: 'time' }).read(W);
      expectWindow(batch.table, inWindow(ROWS, W.start, W.end));
    } finally {
      await tmp.cleanup();
    }
  });

  test('plain dated names (2001-01-05T13.jsonl) and an undated file, filtered by the time column', async () => {
    const tmp = await tempDir();
    try {
      const undated = ROWS.filter((_, i) => i % 7 === 0);
      const dated = ROWS.filter((_, i) => i % 7 !== 0);
      for (const [key, rows] of groupBy(dated, (ms) => `${day(ms)}T${hour(ms)}`)) await tmp.file(`plain/${key}.jsonl`, jsonl(rows));
      await tmp.file('plain/2001-01-01T00.jsonl', '{broken\n');
      // No date in the name: read, and its rows filtered; three of its rows have no readable time.
      const unreadable = [{ ...undated[0], date: '' }];
      await tmp.file(
        'plain/extra.jsonl',
        jsonl(undated) + jsonl(unreadable, () => null) + jsonl(unreadable, () => 'yesterday') + jsonl(unreadable, () => '2001-13-01T00:00:00Z'),
      );
      const batch = await openProductionSource({ location: `${tmp.dir}/plain/*.jsonl`, timeColumn: 'time' }).read(W);
      expectWindow(batch.table, inWindow(ROWS, W.start, W.end));
      expect(batch.rowsWithoutTime).toBe(3);
      expect(batch.table.files).toContain(`${tmp.dir}/plain/extra.jsonl`);
    } finally {
      await tmp.cleanup();
    }
  });

  test('several locations, one per line (a file:// URI among them); include keeps the time column', async () => {
    const tmp = await tempDir();
    try {
      const half = ROWS.length / 2;
      for (const [key, rows] of groupBy(ROWS.slice(0, half), (ms) => `date=${day(ms)}`)) await tmp.file(`east/${key}/part-0.jsonl`, jsonl(rows));
      for (const [key, rows] of groupBy(ROWS.slice(half), (ms) => `date=${day(ms)}`)) await tmp.file(`west/${key}/part-0.jsonl`, jsonl(rows));
      const location = `${tmp.dir}/east\nfile://${tmp.dir}/west/*/*.jsonl\n`;
      const batch = await openProductionSource({ location, timeColumn: 'time' }).read(W);
      expectWindow(batch.table, inWindow(ROWS, W.start, W.end));
      const narrow = await openProductionSource({ location, timeColumn: 'time' }).read(W, { include: (n) => n === 'delay' });
      expect(narrow.table.columns.map((c) => c.name)).toEqual(['time', 'delay']);
    } finally {
      await tmp.cleanup();
    }
  });

  test('a window no partition overlaps is an empty table, not an error', async () => {
    const tmp = await tempDir();
    try {
      await tmp.file('logs/date=2001-01-05/part-0.jsonl', jsonl(ROWS.slice(0, 5)));
      const batch = await openProductionSource({ location: `${tmp.dir}/logs`, timeColumn: 'time' }).read({
        start: new Date('2026-12-01T00:00:00Z'),
        end: new Date('2026-12-02T00:00:00Z'),
      });
      expect(batch.table.rowCount).toBe(0);
      expect(batch.filesSkipped).toBe(1);
    } finally {
      await tmp.cleanup();
    }
  });

  test('a time column the files lack: one sentence naming the input and the nearest column', async () => {
    const tmp = await tempDir();
    try {
      const f = await tmp.file('one.jsonl', jsonl(ROWS.slice(0, 5)));
      const e = await inputError(openProductionSource({ location: f, timeColumn: 'tme' }).read(W));
      expect(e.message).toBe(
        `Input 'time-column' is 'tme', but ${f} has no such column (did you mean 'time'?); its columns are 'time', 'delay', 'distance', 'origin'.`,
      );
    } finally {
      await tmp.cleanup();
    }
  });
});
