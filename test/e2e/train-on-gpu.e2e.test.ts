// train-on-gpu end to end through the committed bundle, as the runner starts it: the nvidia-smi
// stand-in first on PATH (the real tool cannot run here), the real PyTorch trainer on the CPU on
// vega-datasets' penguins, its ONNX model then judged by quality-gates. Cancellation with a
// trainer that forks data-loader workers leaves no process (checked in /proc), and the post step
// ends a group that survived a killed main step. Every bad input fails before training.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processesInGroup } from '../../packages/core/src/training/process-group.js';
import { L4, makeStandin } from '../helpers/nvidia-smi-standin/standin.js';
import { ROOT, startAction, type ActionRun } from '../helpers/run-bundle.js';

// Debian's python3-torch lives in /usr/bin/python3 (a pyenv python3 first on PATH may lack it).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const TRAIN = join(ROOT, 'examples/training/train.py');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const smi = makeStandin();

function run(inputs: Record<string, string>, opts: { cwd?: string; env?: Record<string, string>; path?: string } = {}): Promise<ActionRun> {
  const env = { PATH: opts.path ?? `${smi.bin}:${process.env.PATH}`, GITHUB_SHA: SHA, ...opts.env };
  return startAction('train-on-gpu', { upload: 'false', 'telemetry-interval': '200ms', ...inputs }, { cwd: opts.cwd, env }).result;
}

function errors(r: ActionRun): string[] {
  return r.commands.filter((c) => c.command === 'error').map((c) => c.message);
}

beforeEach(() => smi.set({}));

test('the real trainer on the stand-in GPU: report, telemetry, the ONNX export, then quality-gates passes it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-train-e2e-'));
  const r = await run({ command: `${PYTHON}\n${TRAIN}\n--output-dir\nout\n--epochs\n150\n--workers\n2`, 'output-dir': 'out', tags: 'team=ml' }, { cwd: dir });
  expect(errors(r)).toEqual([]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('held-out accuracy');
  const report = JSON.parse(readFileSync(join(dir, 'out/modelci-training-run.json'), 'utf8'));
  expect(report).toMatchObject({
    schema: 'modelci/training-run@1',
    exitCode: 0,
    outcome: 'succeeded',
    gitSha: SHA,
    cudaVersion: '12.4',
    cudaVisibleDevices: L4.uuid,
    tracking: { experimentName: `ci-${SHA}` },
  });
  expect(report.gpus).toEqual([expect.objectContaining({ index: 0, name: 'NVIDIA L4', memoryTotalMiB: 23034 })]);
  expect(report.telemetry.samples).toBeGreaterThan(0);
  expect(report.telemetry.gpus[0].meanUtilizationPct).toBe(87);
  expect(report.outputs.map((f: { path: string }) => f.path)).toEqual(['metrics.json', 'model.onnx', 'test.csv']);
  const onnx = report.outputs.find((f: { path: string }) => f.path === 'model.onnx');
  expect(onnx.sha256).toBe(
    createHash('sha256')
      .update(readFileSync(join(dir, 'out/model.onnx')))
      .digest('hex'),
  );
  expect(r.outputs).toMatchObject({ 'exit-code': '0', 'training-run': join(dir, 'out/modelci-training-run.json') });
  expect(r.outputs).not.toHaveProperty('artifact-name'); // upload: false, so no artifact is claimed
  expect(r.summary).toContain('Training succeeded');
  expect(r.summary).toContain('xychart-beta');

  const gates = await startAction(
    'quality-gates',
    { model: join(dir, 'out/model.onnx'), 'test-data': join(dir, 'out/test.csv'), 'label-column': 'species', 'min-accuracy': '0.9', 'latency-runs': '20' },
    { cwd: dir },
  ).result;
  expect(errors(gates)).toEqual([]);
  expect(gates.status).toBe(0);
  expect(Number(gates.outputs.accuracy)).toBeGreaterThan(0.9);
});

test('the trainer sees the tracking env; the run id it writes to MODELCI_TRACKING_FILE becomes an output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-train-e2e-'));
  const trainer =
    'mkdir -p artifacts; env | grep -E "^(MLFLOW|WANDB|CUDA_VISIBLE|MODELCI_TRACKING_TAGS)" | sort > artifacts/env.txt; echo \'{"mlflow_run_id": "abc123"}\' > "$MODELCI_TRACKING_FILE"';
  const r = await run({ run: trainer, 'mlflow-tracking-uri': 'https://mlflow.example.com', 'run-name': 'nightly', 'wandb-project': 'penguins' }, { cwd: dir });
  expect(errors(r)).toEqual([]);
  expect(r.outputs['tracking-run-id']).toBe('abc123');
  const env = readFileSync(join(dir, 'artifacts/env.txt'), 'utf8');
  expect(env).toContain('MLFLOW_TRACKING_URI=https://mlflow.example.com\n');
  expect(env).toContain(`MLFLOW_EXPERIMENT_NAME=ci-${SHA}\n`);
  expect(env).toContain('MLFLOW_RUN_NAME=nightly\n');
  expect(env).toContain(`WANDB_RUN_GROUP=ci-${SHA}\n`);
  expect(env).toContain(`WANDB_TAGS=git_sha:${SHA}\n`);
  expect(env).toContain(`CUDA_VISIBLE_DEVICES=${L4.uuid}\n`);
  expect(env).toContain(`MODELCI_TRACKING_TAGS={"git_sha":"${SHA}"}\n`);
});

test('trainer output cannot become a workflow command', async () => {
  const r = await run({ run: 'echo "::error::forged"; echo "::add-mask::x"; mkdir -p artifacts; echo 1 > artifacts/m' });
  expect(r.status).toBe(0);
  expect(r.commands.filter((c) => c.message === 'forged')).toEqual([]);
  expect(r.stdout).toContain('\\::error::forged');
});

describe('refused before training, each with one sentence', () => {
  const marker = join(mkdtempSync(join(tmpdir(), 'modelci-train-bad-')), 'trained');
  const trainer = `touch ${marker}; mkdir -p artifacts; echo 1 > artifacts/m`;
  test.each([
    ['a bad artifact name', { 'artifact-name': 'model:v1/final' }, /^Input 'artifact-name' holds colon :, forward slash \/, which GitHub refuses/],
    ['retention above 90 days', { 'retention-days': '120' }, /^Input 'retention-days' is 120, above the most modelci accepts \(90\)/],
    ['retention of 0 days', { 'retention-days': '0' }, /^Input 'retention-days' is '0'; give a whole number of at least 1/],
    [
      'a malformed tracking URI',
      { 'mlflow-tracking-uri': 'mlflow.example.com:5000/x' },
      /^Input 'mlflow-tracking-uri' has scheme 'mlflow.example.com:', which MLflow does not track to/,
    ],
    ['not a URI at all', { 'mlflow-tracking-uri': 'not a uri' }, /^Input 'mlflow-tracking-uri' is 'not a uri', which is not a URI/],
    ['more GPUs than the runner has', { gpus: '2' }, /^The step asks for 2 GPUs but the runner has 1 GPU/],
    ['more free memory than there is', { 'min-free-memory': '40GiB' }, /^The step asks for 1 GPU with 40960 MiB free each/],
    ['both run and command', { command: 'true' }, /^Inputs 'run' and 'command' are both given/],
  ])('%s', async (_, inputs, message) => {
    const r = await run({ run: trainer, ...inputs });
    expect(r.status).toBe(1);
    expect(errors(r)).toEqual([expect.stringMatching(message)]);
    expect(existsSync(marker)).toBe(false);
  });

  test.each([
    ['the driver cannot be reached', 'driver', /couldn't communicate with the NVIDIA driver/],
    ['no devices', 'no-devices', /No devices were found/],
  ] as const)('%s', async (_, mode, message) => {
    smi.set({ mode });
    const r = await run({ run: trainer });
    expect(errors(r)).toEqual([expect.stringMatching(message)]);
    expect(existsSync(marker)).toBe(false);
  });

  test('no nvidia-smi at all; gpus: none then trains on the CPU', async () => {
    const path = '/usr/bin:/bin';
    expect(spawnSync('sh', ['-c', 'command -v nvidia-smi'], { env: { PATH: path } }).status).not.toBe(0);
    const r = await run({ run: trainer }, { path });
    expect(errors(r)).toEqual([expect.stringMatching(/^nvidia-smi was not found on PATH/)]);
    expect(existsSync(marker)).toBe(false);
    const cpu = await run({ run: trainer, gpus: 'none' }, { path });
    expect(errors(cpu)).toEqual([]);
    expect(cpu.status).toBe(0);
    expect(cpu.summary).toContain('No GPU: a CPU run');
    rmSync(marker);
  });

  test('another process holding the GPU', async () => {
    smi.set({ apps: [{ pid: 31337, gpu_uuid: L4.uuid, process_name: '/usr/bin/python3', used_memory: 20000 }] });
    const r = await run({ run: trainer });
    expect(errors(r)).toEqual([expect.stringMatching(/^Another process holds the GPU \(pid 31337 \/usr\/bin\/python3 holds 20000 MiB on GPU 0\)/)]);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('a trainer that fails', () => {
  test("command not found: exit code 127 is the step's", async () => {
    const r = await run({ run: 'modelci-no-such-trainer --epochs 3' });
    expect(r.status).toBe(127);
    expect(errors(r)).toEqual([
      expect.stringMatching(
        /^The training command was not found \(exit code 127\).*Last lines of its log:\nbash: line 1: modelci-no-such-trainer: command not found/s,
      ),
    ]);
  });

  test('exit 1, with the last lines of its log in the annotation', async () => {
    const r = await run({ run: 'echo loading; echo "RuntimeError: CUDA out of memory" >&2; exit 1' });
    expect(r.status).toBe(1);
    expect(errors(r)).toEqual([
      expect.stringMatching(/^The trainer failed with exit code 1\. Last lines of its log:\nloading\nRuntimeError: CUDA out of memory$/),
    ]);
  });

  test('a missing or empty output folder', async () => {
    expect(errors(await run({ run: 'true' }))).toEqual([expect.stringMatching(/^The trainer finished but its output folder artifacts does not exist/)]);
    expect(errors(await run({ run: 'mkdir -p artifacts' }))).toEqual([expect.stringMatching(/^The trainer finished but its output folder artifacts is empty/)]);
  });
});

describe('no orphans', () => {
  async function startForking(dir: string) {
    const started = startAction(
      'train-on-gpu',
      { upload: 'false', command: `${PYTHON}\n${TRAIN}\n--workers\n3\n--min-seconds\n600`, 'kill-grace-period': '5s' },
      { cwd: dir, env: { PATH: `${smi.bin}:${process.env.PATH}`, GITHUB_SHA: SHA } },
    );
    let out = '';
    started.child.stdout!.on('data', (d) => {
      out += d;
    });
    // Wait until torch's DataLoader forked its workers: the first epoch line.
    while (!/epoch \d+ loss/.test(out)) await new Promise((r) => setTimeout(r, 100));
    // The group id the main step saved for its post step (GITHUB_STATE, as the runner keeps it).
    const stateFile = readFileSync(`/proc/${started.child.pid}/environ`, 'utf8')
      .split('\0')
      .find((e) => e.startsWith('GITHUB_STATE='))!
      .slice('GITHUB_STATE='.length);
    const pgid = Number(/pgid<<.*\n(\d+)\n/.exec(readFileSync(stateFile, 'utf8'))?.[1]);
    return { started, pgid };
  }

  test('cancellation (SIGINT, as the runner sends) ends the trainer and its data-loader workers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelci-train-cancel-'));
    const { started, pgid } = await startForking(dir);
    expect(processesInGroup(pgid).length).toBeGreaterThanOrEqual(4); // python and 3 workers
    started.child.kill('SIGINT');
    const r = await started.result;
    expect(errors(r)).toEqual([expect.stringMatching(/^The training was cancelled; its process tree was ended/)]);
    expect(processesInGroup(pgid)).toEqual([]);
  });

  test('a main step killed outright leaves the group; the post step ends it and says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelci-train-kill-'));
    const { started, pgid } = await startForking(dir);
    started.child.kill('SIGKILL');
    await started.result;
    expect(processesInGroup(pgid).length).toBeGreaterThanOrEqual(4);
    const post = await startAction('train-on-gpu', {}, { post: true, cwd: dir, state: { pgid: String(pgid), 'kill-grace-period': '5000' } }).result;
    // The workers may already have died of SIGPIPE when the main step's pipes closed: the
    // leader is always still there (it waits on them), and nothing of the group survives.
    expect(post.commands.filter((c) => c.command === 'warning').map((c) => c.message)).toEqual([
      expect.stringMatching(new RegExp(`^The trainer's process group ${pgid} was still running after the main step: ended ${pgid} \\(python3\\)`)),
    ]);
    expect(processesInGroup(pgid)).toEqual([]);
  });
});
