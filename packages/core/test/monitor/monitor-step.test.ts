// The monitor step's other findings on real flights with known truths: A/B from the log (a real
// difference called, a 45/55 split that should be 50/50 invalidating it), live accuracy below the
// gated number, prediction drift against the earliest window, the reference fetched from the
// registry's production version; and bad input, one sentence each.
import { afterAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMonitor, type MonitorRequest } from '../../src/steps/monitor.js';
import { runPromote, runRegister } from '../../src/steps/register-model.js';
import { seededUniform } from '../../src/stats/seeded-random.js';
import { renderMonitorMarkdown } from '../../src/render/monitor-markdown.js';
import { renderMonitorText } from '../../src/render/monitor-text.js';
import { DAY_START, HOUR, writeReferenceProfile } from './flights-day.js';
import { flights } from './flights-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-monitor-step-'));
const profile = writeReferenceProfile(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pool = flights('flights-10k.json');

interface LogOptions {
  hours: number;
  rows: number;
  /** Challenger's share of the rows. */
  split: number;
  success: { champion: number; challenger: number };
  /** Share of correct predictions. */
  accuracy: number;
  /** From this hour on, the model predicts "late" far more often. */
  predictionShiftFrom?: number;
  seed: number;
}

/** Hourly CSV logs: the flights' features, the model's prediction (late/on-time), the label, the variant and its outcome. */
function writeLog(name: string, o: LogOptions): string {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  const u = seededUniform(o.seed);
  for (let h = 0; h < o.hours; h++) {
    const lines = ['ts,delay,distance,origin,prediction,label,variant,success'];
    for (let i = 0; i < o.rows; i++) {
      const r = pool[Math.floor(u() * pool.length)];
      const label = r.delay > 15 ? 'late' : 'on-time';
      const shifted = o.predictionShiftFrom !== undefined && h >= o.predictionShiftFrom;
      const correct = u() < o.accuracy;
      const prediction = shifted ? (u() < 0.8 ? 'late' : 'on-time') : correct ? label : label === 'late' ? 'on-time' : 'late';
      const challenger = u() < o.split;
      const ok = u() < (challenger ? o.success.challenger : o.success.champion) ? 1 : 0;
      const ts = new Date(DAY_START + h * HOUR + Math.floor(u() * HOUR)).toISOString();
      lines.push(`${ts},${r.delay},${r.distance},${r.origin},${prediction},${label},${challenger ? 'v8' : 'v7'},${ok}`);
    }
    writeFileSync(join(out, `${new Date(DAY_START + h * HOUR).toISOString().slice(0, 13)}.csv`), lines.join('\n') + '\n');
  }
  return out;
}

const base = (data: string, extra: MonitorRequest = {}): MonitorRequest => ({
  'production-data': data,
  'time-column': 'ts',
  reference: profile,
  window: '4h',
  'report-path': join(dir, 'report.json'),
  'fail-on': 'never',
  ...extra,
});
const at = (hour: number) => ({ now: new Date(DAY_START + hour * HOUR) });
const ab = { 'ab-variant-column': 'variant', 'ab-success-column': 'success', 'ab-variants': 'v7, v8' };

describe('A/B from the log', () => {
  it('calls the challenger the winner when it converts 10 points better on an even split', async () => {
    const data = writeLog('ab-win', { hours: 4, rows: 1000, split: 0.5, success: { champion: 0.3, challenger: 0.4 }, accuracy: 0.9, seed: 1 });
    const { report, outputs } = await runMonitor(base(data, ab), at(4));
    expect(outputs['ab-decision']).toBe('winner');
    expect(report.ab?.comparison.winner).toBe('v8');
    expect(report.ab?.valid).toBe(true);
    const [lo, hi] = report.ab!.comparison.interval;
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(0.1);
    expect(hi).toBeGreaterThan(0.1);
    expect(renderMonitorMarkdown(report)).toMatch(/A\/B: v7 \(champion\) vs v8 \(challenger\)/);
  });

  it('a 45/55 split where the router says 50/50 is a sample-ratio mismatch: the comparison is invalid, and says so', async () => {
    const data = writeLog('ab-srm', { hours: 4, rows: 1000, split: 0.55, success: { champion: 0.3, challenger: 0.4 }, accuracy: 0.9, seed: 2 });
    const { report, outputs } = await runMonitor(base(data, { ...ab, 'ab-split': '50%' }), at(4));
    expect(report.ab?.sampleRatio.mismatch).toBe(true);
    expect(outputs['ab-decision']).toBe('invalid');
    expect(report.ab?.summary).toMatch(
      /^Sample-ratio mismatch: v7 \/ v8 got 4\d\.\d% \/ 5\d\.\d% .*the comparison is invalid until the split is fixed\. Not acted on: /,
    );
  });
});

describe('live accuracy and predictions', () => {
  it('accuracy of 80% against a gated 93% is a degradation that meets the retrain policy', async () => {
    const data = writeLog('degraded', { hours: 4, rows: 500, split: 0.5, success: { champion: 0.3, challenger: 0.3 }, accuracy: 0.8, seed: 3 });
    const { report, outputs } = await runMonitor(
      base(data, { 'prediction-column': 'prediction', 'label-column': 'label', 'gated-accuracy': '93%', 'retrain-on': 'degradation' }),
      at(4),
    );
    expect(outputs.degraded).toBe('true');
    expect(report.quality?.interval[1]).toBeLessThan(0.93);
    expect(report.quality?.live).toBeCloseTo(0.8, 1);
    expect(report.decision.reasons).toEqual([expect.stringMatching(/^live accuracy degraded: Live accuracy (79|8\d)\.\d% on 2,000 labelled rows/)]);
    expect(outputs.retrain).toBe('skipped');
  });

  it('accuracy of 92% on 2,000 rows is consistent with a gated 93%: no degradation', async () => {
    const data = writeLog('fine', { hours: 4, rows: 500, split: 0.5, success: { champion: 0.3, challenger: 0.3 }, accuracy: 0.92, seed: 4 });
    const { report } = await runMonitor(base(data, { 'prediction-column': 'prediction', 'label-column': 'label', 'gated-accuracy': '0.93' }), at(4));
    expect(report.quality?.degraded).toBe(false);
    expect(report.quality?.interval[1]).toBeGreaterThan(0.93);
  });

  it('predictions drift against the earliest window when the reference has no prediction column, and the report says so', async () => {
    const data = writeLog('pred', {
      hours: 4,
      rows: 500,
      split: 0.5,
      success: { champion: 0.3, challenger: 0.3 },
      accuracy: 0.9,
      predictionShiftFrom: 3,
      seed: 5,
    });
    const { report } = await runMonitor(base(data, { 'prediction-column': 'prediction', 'retrain-on': 'prediction-drift' }), at(4));
    expect(report.prediction?.baseline).toBe('earliest-windows');
    expect(report.prediction?.baselineWindows?.start).toBe('2026-03-01T00:00:00.000Z');
    expect(report.prediction?.drifted).toBe(true);
    expect(report.prediction?.summary).toMatch(/^Predictions against the earliest window \(2026-03-01T00:00:00\.000Z .* the reference has no 'prediction'\)/);
    // The outcome columns are not features: dataset drift stays quiet.
    expect(report.decision.drifted).toBe(false);
    expect(report.lastWindow?.features.map((f) => f.name)).toEqual(['delay', 'distance', 'origin']);
    expect(renderMonitorText(report)).toMatch(/^UNHEALTHY /);
  });
});

describe('the reference from the registry', () => {
  it('uses the profile registered with the production version and its accuracy as the gated number', async () => {
    const model = join(dir, 'model');
    mkdirSync(model, { recursive: true });
    writeFileSync(join(model, 'model.onnx'), 'not really a model');
    copyFileSync(profile, join(model, 'reference.profile.json'));
    const registry = join(dir, 'registry');
    await runRegister({ registry, name: 'flights', model, metrics: 'accuracy=0.95' }, {});
    await runPromote({ registry, name: 'flights', version: '1', alias: 'production', force: 'true' });
    const data = writeLog('registry', { hours: 4, rows: 500, split: 0.5, success: { champion: 0.3, challenger: 0.3 }, accuracy: 0.8, seed: 6 });
    const { report } = await runMonitor(
      base(data, { reference: '', registry, model: 'flights', 'prediction-column': 'prediction', 'label-column': 'label' }),
      at(4),
    );
    expect(report.reference.from).toMatch(/^flights v1 \(production\) in .*registry: reference\.profile\.json$/);
    expect(report.reference.model?.version).toBe(1);
    expect(report.quality?.gated).toBe(0.95);
    expect(report.quality?.degraded).toBe(true);
  });
});

describe('bad input: one sentence each', () => {
  const data = join(dir, 'any');
  const cases: [string, MonitorRequest, RegExp][] = [
    ['a window without a unit', { window: '24' }, /^Input 'window' is '24': 24 what\? Write 24h or 24d, or since-last-run\.$/],
    ['an unknown split', { split: 'weekly' }, /^Input 'split' is 'weekly'; use one of 'hourly', 'daily', 'none'\.$/],
    ['an unknown retrain trigger', { 'retrain-on': 'drift, accuracy' }, /^Input 'retrain-on' names 'accuracy'; use drift, degradation, prediction-drift/],
    ['one A/B variant', { ...ab, 'ab-variants': 'v7' }, /^Input 'ab-variants' names 1 variant\(s\); name two different ones/],
    [
      'a variant column without a success column',
      { 'ab-variant-column': 'variant' },
      /^A\/B from the log needs both ab-variant-column and ab-success-column; give ab-success-column too\.$/,
    ],
    ['both A/B sources', { ...ab, 'ab-metrics': 'prometheus+http://127.0.0.1:9' }, /^Give A\/B counts one way/],
    [
      'Prometheus without two selectors',
      { 'ab-metrics': 'prometheus+http://127.0.0.1:9', 'ab-selectors': 'variant="a"' },
      /^Input 'ab-selectors' has 1 line\(s\)/,
    ],
    ['a split of 100%', { ...ab, 'ab-split': '100%' }, /^Input 'ab-split' is 1; the challenger's share must lie strictly between 0% and 100%/],
    ['a bare cooldown', { 'retrain-cooldown': '24' }, /retrain-cooldown/],
    ['no reference and no registry', { reference: '' }, /^monitor has no reference: give reference \(a profile JSON\), or registry and model/],
    ['since-last-run without a state file', { window: 'since-last-run' }, /^Input 'window' is since-last-run, which needs a state file/],
  ];
  it.each(cases)('%s', async (_, extra, message) => {
    const error = await runMonitor(base(data, extra), at(4)).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('InputError');
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/\n/);
  });

  it('a success column holding other text, and a prediction column the data lacks (with the near name)', async () => {
    const logs = join(dir, 'odd');
    mkdirSync(logs, { recursive: true });
    writeFileSync(
      join(logs, '2026-03-01T03.csv'),
      'ts,delay,distance,origin,predicton,variant,success\n2026-03-01T03:10:00Z,5,300,SEA,late,v7,maybe\n2026-03-01T03:20:00Z,5,300,SEA,late,v8,1\n',
    );
    const bad = (extra: MonitorRequest) =>
      runMonitor(base(logs, extra), at(4)).then(
        () => '',
        (e: unknown) => (e as Error).message,
      );
    expect(await bad(ab)).toBe("Column 'success' (input 'ab-success-column') holds 'maybe'; a success column holds 1 or 0 (or true/false, yes/no).");
    expect(await bad({ 'prediction-column': 'prediction', 'label-column': 'label' })).toMatch(
      /^Input 'prediction-column' is 'prediction', but the production data has no such column \(did you mean 'predicton'\?\)/,
    );
  });
});
