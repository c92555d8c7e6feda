// A stand-in for @actions/core with the calls the shells make, recording each, so a shell's
// run() can be tested without a runner (the actions/typescript-action pattern).
import { jest } from '@jest/globals';

export function mockCore(inputs: Record<string, string>) {
  const calls = {
    outputs: {} as Record<string, string>,
    errors: [] as { message: string; title?: string }[],
    warnings: [] as string[],
    notices: [] as string[],
    failed: [] as string[],
    summary: '',
    info: [] as string[],
    state: {} as Record<string, string>,
  };
  const summary = {
    addRaw: (text: string) => {
      calls.summary += text;
      return summary;
    },
    write: async () => summary,
  };
  const core = {
    getInput: (name: string) => inputs[name] ?? '',
    getState: (name: string) => calls.state[name] ?? '',
    saveState: (name: string, value: string) => {
      calls.state[name] = value;
    },
    setOutput: (name: string, value: string) => {
      calls.outputs[name] = value;
    },
    setSecret: () => undefined,
    error: (message: string, props?: { title?: string }) => {
      calls.errors.push({ message, title: props?.title });
    },
    warning: (message: string) => {
      calls.warnings.push(message);
    },
    notice: (message: string) => {
      calls.notices.push(message);
    },
    info: (message: string) => {
      calls.info.push(message);
    },
    debug: () => undefined,
    setFailed: (message: string) => {
      calls.failed.push(message);
    },
    summary,
  };
  // A fresh module registry, so each test's shell imports this test's stand-in.
  jest.resetModules();
  jest.unstable_mockModule('@actions/core', () => ({ ...core, default: core }));
  return calls;
}
