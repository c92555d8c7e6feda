// A refused promotion is the step's result, not bad input: the action writes the refusal to the
// summary and exits 1; `modelci promote` exits 1 (failed/policy), not 2 (bad input).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCore } from '../../../packages/action-kit/test/mock-core.js';
import { runCli } from '../../../packages/cli/src/cli.js';
import { EXIT } from '../../../packages/cli/src/exit-codes.js';
import { runRegister } from '../../../packages/core/src/steps/register-model.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-refused-'));
  writeFileSync(join(dir, 'm.onnx'), 'weights');
  await runRegister({ registry: join(dir, 'reg'), name: 'penguins', model: join(dir, 'm.onnx') }, {});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

test('the action: one error titled as a policy refusal, the refusal in the summary, exit 1', async () => {
  const calls = mockCore({ operation: 'promote', registry: join(dir, 'reg'), name: 'penguins', version: '1', alias: 'Production' });
  const { run } = await import('../src/main.js');
  await run();
  expect(calls.errors).toEqual([
    {
      message: expect.stringMatching(/cannot be promoted to Production \(a protected alias\): no GateVerdict was recorded with it/) as unknown as string,
      title: 'Refused by policy',
    },
  ]);
  expect(calls.summary).toMatch(/^## Refused: Production → penguins v1/);
  expect(calls.failed).toEqual([]);
  expect(process.exitCode).toBe(1);
});

test('the CLI: exit 1 with one line on stderr', async () => {
  let stderr = '';
  const code = await runCli(
    ['promote', '--registry', join(dir, 'reg'), '--name', 'penguins', '--version', '1', '--alias', 'champion'],
    { stdout: () => undefined, stderr: (t) => (stderr += t), isTTY: false },
    '0.0.0',
  );
  expect(code).toBe(EXIT.failed);
  expect(stderr).toMatch(/^modelci: Version 1 of 'penguins' cannot be promoted to champion \(a protected alias\)/);
  expect(stderr.trim().split('\n')).toHaveLength(1);
});
