// `modelci train -- <program> <args…>` through the CLI bundle: the same checks and report as the
// action, no upload; the arguments after `--` reach the program exactly as given.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeStandin } from '../helpers/nvidia-smi-standin/standin.js';
import { ROOT } from '../helpers/run-bundle.js';

const CLI = join(ROOT, 'dist/cli/index.js');
const smi = makeStandin();

function modelci(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: `${smi.bin}:${process.env.PATH}`, HOME: cwd } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('trains, writes the TrainingRun report, and passes the arguments after -- untouched (no shell)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-train-cli-'));
  const r = await modelci(
    [
      'train',
      '--output-dir',
      'out',
      '--telemetry-interval',
      '200ms',
      '--format',
      'json',
      '--',
      'sh',
      '-c',
      'mkdir -p out; printf "%s\\n" "$1" > out/arg.txt',
      'sh',
      'a; b $(id) --flag',
    ],
    dir,
  );
  expect(r.stderr).toContain('GPU 0: NVIDIA L4');
  expect(r.status).toBe(0);
  expect(readFileSync(join(dir, 'out/arg.txt'), 'utf8')).toBe('a; b $(id) --flag\n');
  const report = JSON.parse(r.stdout);
  expect(report).toMatchObject({ schema: 'modelci/training-run@1', exitCode: 0, outputs: [expect.objectContaining({ path: 'arg.txt', bytes: 18 })] });
  expect(JSON.parse(readFileSync(join(dir, 'out/modelci-training-run.json'), 'utf8'))).toEqual(report);
});

test('an unmet requirement is bad input (exit 2) in flag syntax; a failing trainer exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-train-cli-'));
  const many = await modelci(['train', '--gpus', '4', '--', 'true'], dir);
  expect(many.status).toBe(2);
  expect(many.stderr).toMatch(/^modelci: The step asks for 4 GPUs but the runner has 1 GPU/m);
  const failed = await modelci(['train', '--', 'sh', '-c', 'echo boom >&2; exit 3'], dir);
  expect(failed.status).toBe(1);
  expect(failed.stdout).toMatch(/^training failed: exit code 3/);
  expect(failed.stdout).toContain('boom');
});
