import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCore } from '../../../packages/action-kit/test/mock-core.js';

const dir = mkdtempSync(join(tmpdir(), 'check-drift-main-'));
const rows = (shift: number) => ['x,kind', ...Array.from({ length: 400 }, (_, i) => `${(i % 40) + shift},${i % 2 ? 'a' : 'b'}`)].join('\n') + '\n';
writeFileSync(join(dir, 'ref.csv'), rows(0));
writeFileSync(join(dir, 'cur.csv'), rows(30));

afterEach(() => {
  process.exitCode = undefined;
});

test('drifted data: outputs, one error annotation per drifted feature, a summary, and a failed step', async () => {
  const calls = mockCore({ reference: join(dir, 'ref.csv'), current: join(dir, 'cur.csv'), 'report-path': join(dir, 'report.json') });
  const { run } = await import('../src/main.js');
  await run();
  expect(calls.outputs.drifted).toBe('true');
  expect(JSON.parse(calls.outputs['drifted-features'])).toEqual(['x']);
  expect(calls.outputs.report).toBe(join(dir, 'report.json'));
  expect(calls.summary).toMatch(/^## /);
  expect(calls.failed).toHaveLength(1);
  expect(calls.failed[0]).toMatch(/drifted/);
});
