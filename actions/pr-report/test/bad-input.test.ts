import { mockCore } from '../../../packages/action-kit/test/mock-core.js';

afterEach(() => {
  process.exitCode = undefined;
});

test('nothing to report: one error annotation naming the inputs, exit 1, no call to GitHub', async () => {
  const calls = mockCore({ token: 'ghs_x' });
  const { run } = await import('../src/main.js');
  await run();
  expect(calls.errors).toEqual([
    {
      message: "pr-report has nothing to report: give drift-report (check-drift's report-path), gate-verdict (quality-gates' verdict path), or both.",
      title: 'Input: drift-report',
    },
  ]);
  expect(calls.outputs).toEqual({});
  expect(process.exitCode).toBe(1);
});
