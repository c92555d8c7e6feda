import { mockCore } from '../../../packages/action-kit/test/mock-core.js';

afterEach(() => {
  process.exitCode = undefined;
});

test('a missing required input: one error annotation titled with the input, exit 1, no stack trace, nothing else', async () => {
  const calls = mockCore({ reference: 'ref.csv' });
  const { run } = await import('../src/main.js');
  await run();
  expect(calls.errors).toEqual([{ message: "Input 'current' is required: give the data to check (file, directory or glob).", title: 'Input: current' }]);
  expect(calls.failed).toEqual([]);
  expect(calls.outputs).toEqual({});
  expect(process.exitCode).toBe(1);
});
