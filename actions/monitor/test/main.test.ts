import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCore } from '../../../packages/action-kit/test/mock-core.js';
import { writeRecentLog, writeReferenceProfile } from '../../../packages/core/test/monitor/flights-day.js';

const dir = mkdtempSync(join(tmpdir(), 'monitor-main-'));
const profile = writeReferenceProfile(dir);
const logs = writeRecentLog(join(dir, 'serving-log.csv'), Date.now(), 24 * 150, 3);

afterEach(() => {
  process.exitCode = undefined;
});

test('a window without a unit: one error annotation titled with the input, exit 1, nothing else', async () => {
  const calls = mockCore({ 'production-data': logs, 'time-column': 'ts', reference: profile, window: '24' });
  const { run } = await import('../src/main.js');
  await run();
  expect(calls.errors).toEqual([{ message: "Input 'window' is '24': 24 what? Write 24h or 24d, or since-last-run.", title: 'Input: window' }]);
  expect(calls.outputs).toEqual({});
  expect(process.exitCode).toBe(1);
});

test('drift in the newest hour outside GitHub Actions: outputs, summary, and the dispatch skipped with the reason', async () => {
  const saved = process.env.GITHUB_REPOSITORY;
  delete process.env.GITHUB_REPOSITORY;
  try {
    const calls = mockCore({
      'production-data': logs,
      'time-column': 'ts',
      reference: profile,
      // The last hour as one window: all shifted, whatever the clock says (an hourly split would cut at the hour).
      window: '1h',
      split: 'none',
      'retrain-workflow': 'pipeline.yml',
      'report-path': join(dir, 'report.json'),
      token: 'ghs_not_used',
    });
    const { run } = await import('../src/main.js');
    await run();
    expect(calls.errors).toEqual([]);
    expect(calls.outputs.drifted).toBe('true');
    expect(calls.outputs.retrain).toBe('skipped');
    expect(calls.outputs['ab-decision']).toBe('none');
    expect(calls.outputs.report).toBe(join(dir, 'report.json'));
    expect(calls.summary).toMatch(/the dispatch is skipped: GITHUB_REPOSITORY is not set/);
    expect(calls.failed).toEqual([]);
  } finally {
    if (saved !== undefined) process.env.GITHUB_REPOSITORY = saved;
  }
});
