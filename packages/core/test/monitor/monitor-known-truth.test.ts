// The monitor against a known truth: a day of real flights in hourly files, a shift of +30 min in
// delay injected from 14:00. Each hourly look judges its newest window; the trigger must fire at
// the first shifted window and not before, and without a shift no seed may raise an alarm more
// often than the daily level allows across the 24 looks.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReference } from '../../src/drift/check-drift.js';
import { parseDriftOptions } from '../../src/drift/options.js';
import { checkWindow, levelPerWindow } from '../../src/monitor/window-drift.js';
import { seededUniform } from '../../src/stats/seeded-random.js';
import { runMonitor } from '../../src/steps/monitor.js';
import { DAY_START, HOUR, hourTable, writeDay, writeReferenceProfile } from './flights-day.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-monitor-'));
const profile = writeReferenceProfile(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const look = (data: string, hour: number, extra: Record<string, string> = {}) =>
  runMonitor(
    { 'production-data': data, 'time-column': 'ts', reference: profile, window: '2h', split: 'hourly', 'report-path': join(dir, 'report.json'), ...extra },
    { now: new Date(DAY_START + hour * HOUR), github: { unavailable: 'no GitHub in this test' } },
  );

describe('hourly looks at a day of flights', () => {
  it('wants a retrain first at the 14:00 window, where delay shifts by 30 min, and not before', async () => {
    const data = writeDay({ seed: 7, shiftFromHour: 14 });
    const wanted: number[] = [];
    for (let hour = 1; hour <= 24; hour++) {
      const { report } = await look(data, hour, { 'retrain-workflow': 'pipeline.yml' });
      if (report.decision.reasons.length > 0) wanted.push(hour - 1);
    }
    // Every window from 14:00 on is shifted, so each later look wants one too (the cooldown, not
    // the statistics, keeps it to one dispatch: see the action-kit test against the GitHub stand-in).
    expect(wanted[0]).toBe(14);
    expect(wanted).toEqual(Array.from({ length: 10 }, (_, i) => 14 + i));
    const { report } = await look(data, 15);
    expect(report.decision.reasons[0]).toMatch(/^dataset drift in the window 2026-03-01T14:00:00\.000Z to 2026-03-01T15:00:00\.000Z: delay/);
    expect(report.decision.retrain).toBe('skipped');
    expect(report.decision.retrainWhy).toMatch(/no retrain-workflow is set/);
    expect(report.lastWindow?.verdict.driftedFeatures).toEqual(['delay']);
  });

  it('without a shift, seeds with any alarm across 24 hourly looks stay within the level', async () => {
    // In process, on small tables: each look tests its newest hour as the step does (checkWindow at
    // the window's share of the daily level); a seed alarms when any of its 24 looks says drift.
    const seeds = 200;
    const level = 0.1;
    // The numeric features (the categorical one costs several times more per look under Jest's VM).
    const options = { ...parseDriftOptions({ 'fail-on': 'never', columns: 'delay, distance' }), alpha: levelPerWindow(level, HOUR) };
    const reference = await loadReference(profile, options);
    let alarmed = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const u = seededUniform(1000 + seed);
      let alarm = false;
      for (let h = 0; h < 24; h++) {
        const window = { start: new Date(DAY_START + h * HOUR), end: new Date(DAY_START + (h + 1) * HOUR) };
        if (checkWindow(reference, hourTable(u, 80), window, options, window.end).summary.drifted) alarm = true;
      }
      if (alarm) alarmed++;
    }
    // At most the level, with room for sampling error (binomial sd at 200 seeds is 0.021); each look
    // at the full level instead would alarm in most seeds (1 - 0.9^24 = 92% if independent).
    expect(alarmed / seeds).toBeLessThanOrEqual(level + 0.045);
    // And the same looks do see the shift: 30 min more delay in an hour of 80 flights.
    const u = seededUniform(99);
    const window = { start: new Date(DAY_START), end: new Date(DAY_START + HOUR) };
    expect(checkWindow(reference, hourTable(u, 80, 30), window, options, window.end).summary.driftedFeatures).toEqual(['delay']);
  });

  it('an hour without rows is an alert, never a silent pass', async () => {
    const data = writeDay({ seed: 3, emptyHours: [9] });
    const outcome = await look(data, 10);
    expect(outcome.report.alerts).toEqual([
      expect.stringMatching(
        /^No production inputs in the newest window \(2026-03-01T09:00:00\.000Z to 2026-03-01T10:00:00\.000Z\) though the 2 h before had 150: is serving down\?$/,
      ),
    ]);
    expect(outcome.failed).toBe(true);
    expect(outcome.outputs.alert).toMatch(/is serving down\?/);
  });

  it('a day with no rows at all says so for the whole window', async () => {
    // Yesterday's partitions only: none can hold today's window, so no file is opened.
    const data = writeDay({ seed: 3, dayStart: DAY_START - 24 * HOUR, dir: join(dir, 'yesterday') });
    const outcome = await look(data, 24, { window: '24h' });
    expect(outcome.report.alerts[0]).toMatch(/^No production inputs in the last 24 h \(.*\): is serving down\?$/);
    expect(outcome.failed).toBe(true);
  });
});
