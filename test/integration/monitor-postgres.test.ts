// The monitor reading production from Debian's PostgreSQL (started here): a day of real flights
// logged into a table, delay + 30 min from 14:00. The look at 15:00 finds drift in its newest
// hour; no message or report ever holds the password.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMonitor } from '../../packages/core/src/steps/monitor.js';
import { DAY_START, HOUR, writeDay, writeReferenceProfile } from '../../packages/core/test/monitor/flights-day.js';
import { PG_PASSWORD, startPostgres, type RunningPostgres } from '../helpers/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-monitor-pg-'));
const profile = writeReferenceProfile(dir);
let db: RunningPostgres;

beforeAll(async () => {
  db = await startPostgres();
  await db.sql('CREATE TABLE serving_log (ts timestamptz, delay integer, distance double precision, origin text)');
  const logs = writeDay({ seed: 31, shiftFromHour: 14, hours: 16, dir: join(dir, 'logs') });
  for (const file of readdirSync(logs)) {
    const rows = readFileSync(join(logs, file), 'utf8').trimEnd().split('\n').slice(1);
    const values: unknown[] = [];
    const tuples = rows.map((line, i) => {
      values.push(...line.split(','));
      return `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`;
    });
    await db.sql(`INSERT INTO serving_log VALUES ${tuples.join(', ')}`, values);
  }
});
afterAll(async () => {
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const look = (location: string, hour: number) =>
  runMonitor(
    {
      'production-data': location,
      'production-query': 'serving_log',
      'time-column': 'ts',
      reference: profile,
      window: '2h',
      'report-path': join(dir, 'report.json'),
    },
    { now: new Date(DAY_START + hour * HOUR) },
  );

it('the look at 15:00 finds the shift in its newest hour, read from PostgreSQL', async () => {
  const before = await look(db.uri, 14);
  expect(before.report.windows.map((w) => [w.rows, w.drifted])).toEqual([
    [150, false],
    [150, false],
  ]);
  const { report, outputs } = await look(db.uri, 15);
  expect(report.windows.map((w) => w.rows)).toEqual([150, 150]);
  expect(outputs.drifted).toBe('true');
  expect(report.lastWindow?.verdict.driftedFeatures).toEqual(['delay']);
  const text = readFileSync(join(dir, 'report.json'), 'utf8');
  expect(text).not.toContain(PG_PASSWORD);
  expect(text).not.toContain(encodeURIComponent(PG_PASSWORD));
});

it('a wrong password is one sentence about PostgreSQL that never shows a password', async () => {
  const wrong = db.uri.replace(encodeURIComponent(PG_PASSWORD), encodeURIComponent('n0t-' + PG_PASSWORD));
  const error = await look(wrong, 15).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.name).toBe('ServiceError');
  expect(error?.message).not.toMatch(/\n/);
  expect(error?.message).not.toContain('s3cr');
});
