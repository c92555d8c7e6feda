// The committed monitor bundle, as the runner starts it, on a day of real flights (vega-datasets)
// timed into the last 24 h: the newest hours shifted (+30 min delay) and, in a second run, the
// serving log gone quiet for the last hour.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRecentLog, writeReferenceProfile } from '../../packages/core/test/monitor/flights-day.js';
import { nodeVersion, ROOT, runAction, testNodes } from '../helpers/run-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'monitor-e2e-'));
const profile = writeReferenceProfile(dir);
const now = Date.now();
const shifted = writeRecentLog(join(dir, 'shifted.csv'), now, 24 * 150, 6);
// The same day with nothing logged in the last hour (serving down).
const quiet = join(dir, 'quiet.csv');
writeFileSync(
  quiet,
  readFileSync(shifted, 'utf8')
    .split('\n')
    .filter((line, i) => i === 0 || (line !== '' && Date.parse(line.slice(0, 24)) < now - 3_600_000))
    .join('\n') + '\n',
);

describe.each(testNodes().map((node) => [nodeVersion(node), node]))('monitor bundle on Node %s', (version, node) => {
  test('shifted newest hours: drifted, the retrain dispatch skipped outside GitHub, a summary with the chart', () => {
    const report = join(dir, `report-${version}.json`);
    const run = runAction(
      'monitor',
      {
        'production-data': shifted,
        'time-column': 'ts',
        reference: profile,
        window: '24h',
        split: 'none',
        'retrain-workflow': 'pipeline.yml',
        'report-path': report,
      },
      { node, cwd: dir },
    );
    expect(run.status).toBe(0);
    expect(run.outputs.drifted).toBe('true');
    expect(run.outputs.retrain).toBe('skipped');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.schema).toBe('modelci/monitor-report@1');
    expect(json.lastWindow.verdict.driftedFeatures).toEqual(['delay']);
    expect(run.summary).toContain('Production monitor');
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  test('no rows in the last hour: an alert that fails the step, never a silent pass', () => {
    const run = runAction(
      'monitor',
      { 'production-data': quiet, 'time-column': 'ts', reference: profile, window: '1h', 'report-path': join(dir, `quiet-${version}.json`) },
      { node, cwd: dir },
    );
    expect(run.status).toBe(1);
    expect(run.outputs.alert).toMatch(/^No production inputs in the last 1 h \(.*quiet\.csv\): is serving down\?$/);
    expect(run.commands.some((c) => c.command === 'warning' && /is serving down\?/.test(c.message ?? ''))).toBe(true);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  test('modelci monitor: the same look in a terminal, the dispatch left to the action', () => {
    const args = ['monitor', '--production-data', shifted, '--time-column', 'ts', '--reference', profile, '--window', '1h', '--split', 'none'];
    const run = spawnSync(node, [join(ROOT, 'dist/cli/index.js'), ...args, '--report-path', join(dir, `cli-${version}.json`)], { encoding: 'utf8', cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^UNHEALTHY Unhealthy: dataset drift in the window .*: delay/);
    expect(run.stdout).toMatch(/retrain: skipped: The retrain policy is met, but no retrain-workflow is set/);
    const bad = spawnSync(node, [join(ROOT, 'dist/cli/index.js'), ...args.map((a) => (a === '1h' ? '24' : a))], { encoding: 'utf8', cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/24 what\? Write 24h or 24d, or since-last-run\./);
  });
});
