import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCore } from '../../../packages/action-kit/test/mock-core.js';

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
