// The job summary of train-on-gpu: trainer-controlled text (its log lines, file names) stays
// text, the charts appear once there are samples, and a CPU run says so.
import { renderTrainingMarkdown } from '../../src/render/training-markdown.js';
import type { TrainingRun } from '../../src/training/training-run.js';

const RUN: TrainingRun = {
  schema: 'modelci/training-run@1',
  command: 'python train.py',
  workingDirectory: '.',
  startedAt: '2026-12-01T00:00:00Z',
  durationMs: 61_000,
  exitCode: 0,
  outcome: 'succeeded',
  gpus: [{ index: 0, uuid: 'GPU-1', name: 'NVIDIA L4', memoryTotalMiB: 23034, memoryFreeMiB: 22000, driver: '550.90.07' }],
  cudaVersion: '12.4',
  cudaVisibleDevices: 'GPU-1',
  telemetry: { intervalMs: 5000, samples: 3, gpus: [{ gpu: 0, samples: 3, meanUtilizationPct: 91, peakMemoryUsedMiB: 8000 }], warnings: [] },
  tracking: { mlflowRunId: 'r1', experimentName: 'ci-abc' },
  gitSha: 'abc',
  outputs: [{ path: 'model|<b>x</b>.onnx', bytes: 10, sha256: 'ff' }],
  warnings: [],
};

test('GPU table, charts of utilisation and memory, tracking, outputs', () => {
  const md = renderTrainingMarkdown(
    RUN,
    [0, 5000, 10000].map((atMs, i) => ({ atMs, gpu: 0, utilizationPct: 90 + i, memoryUsedMiB: 8000 })),
  );
  expect(md).toContain('## ✅ Training succeeded (abc)');
  expect(md).toContain('| 0 | NVIDIA L4 | 23034 MiB | 91% | 8000 MiB |');
  expect(md).toContain('  line [90, 91, 92]');
  expect(md).toContain('- MLflow run id: `r1`');
  expect(md).toContain('`model\\|<b>x</b>.onnx`');
});

test("a failure's log lines stay text; a CPU run says so", () => {
  const md = renderTrainingMarkdown(
    { ...RUN, gpus: [], exitCode: 1, outcome: 'failed', outputs: [] },
    [],
    'The trainer failed with exit code 1. Last lines of its log:\n<img src=x onerror=alert(1)>\n# not a heading',
  );
  expect(md).toContain('No GPU: a CPU run');
  expect(md).not.toMatch(/^<img/m);
  expect(md).not.toMatch(/^# not a heading/m);
  expect(md).toContain('`<img src=x onerror=alert(1)>`');
});
