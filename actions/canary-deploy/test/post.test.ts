import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCore } from '../../../packages/action-kit/test/mock-core.js';
import { parseCanaryPolicy } from '../../../packages/core/src/index.js';

afterEach(() => {
  process.exitCode = undefined;
});

test('the post step after a main step that moved nothing (no record): says so and touches nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'canary-post-'));
  const calls = mockCore({ router: 'command:/nonexistent-router', metrics: 'http-json+http://127.0.0.1:9/m' });
  calls.state['record-path'] = join(dir, 'record.json');
  const { post } = await import('../src/post.js');
  await post();
  expect(calls.info).toEqual(['canary-deploy: nothing to roll back (the main step finished, or moved no traffic).']);
  expect(calls.errors).toEqual([]);
  expect(calls.failed).toEqual([]);
});

test('the post step after a finished main step does nothing at all', async () => {
  const calls = mockCore({ router: 'command:/nonexistent-router', metrics: 'http-json+http://127.0.0.1:9/m' });
  calls.state.finished = 'true';
  const { post } = await import('../src/post.js');
  await post();
  expect(calls.info).toEqual([]);
  expect(calls.outputs).toEqual({});
});

test('the main step with a bare latency of 150: milliseconds, so a bad interval is the only complaint', async () => {
  const calls = mockCore({ router: 'command:/nonexistent-router', metrics: 'http-json+http://127.0.0.1:9/m', 'max-latency-p99': '150', interval: '300' });
  const { run } = await import('../src/main.js');
  await run();
  expect(calls.errors).toEqual([{ message: "Input 'interval' is '300': 300 what? Write 300s, 300m or 300ms.", title: 'Input: interval' }]);
});

/** A router script that keeps its weights in a file beside it. */
function scriptRouter(dir: string, canary: number): { uri: string; canary: () => number } {
  const state = join(dir, 'weights');
  writeFileSync(state, `${canary} ${1 - canary}\n`);
  const script = join(dir, 'router.sh');
  writeFileSync(script, `#!/bin/sh\nif [ "$1" = set ]; then echo "$2 $3" > ${state}; else cat ${state}; fi\n`);
  chmodSync(script, 0o755);
  return { uri: `command:${script}`, canary: () => Number(readFileSync(state, 'utf8').split(' ')[0]) };
}

test('the post step after a main step whose rollback did not take ("failed"): tries again and ends at canary 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'canary-post-'));
  const router = scriptRouter(dir, 0.25);
  const recordPath = join(dir, 'record.json');
  writeFileSync(
    recordPath,
    JSON.stringify({
      schema: 'modelci/deployment-record@1',
      model: { name: 'penguins', version: '8' },
      router: router.uri,
      metrics: '',
      policy: parseCanaryPolicy({}),
      startedAt: '2026-11-27T00:00:00Z',
      state: 'failed',
      reason: 'The canary fails more often than stable. Rolling back FAILED: the router did not answer.',
      steps: [],
      events: [{ at: '2026-11-27T00:01:00Z', state: 'failed', weight: null, message: 'x' }],
    }),
  );
  const calls = mockCore({ router: router.uri, metrics: 'http-json+http://127.0.0.1:9/m' });
  Object.assign(calls.state, { finished: 'true', outcome: 'failed', 'record-path': recordPath });
  const { post } = await import('../src/post.js');
  await post();
  expect(calls.errors).toEqual([]);
  expect(router.canary()).toBe(0);
  expect(calls.outputs.outcome).toBe('rolled-back');
  expect(calls.outputs.reason).toBe(
    'The main step could not roll back: The canary fails more often than stable. Rolling back FAILED: the router did not answer. The post step rolled back to stable.',
  );
  expect(JSON.parse(readFileSync(recordPath, 'utf8')).state).toBe('rolled-back');
});
