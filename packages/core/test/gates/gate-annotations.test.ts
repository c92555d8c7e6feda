import { gateAnnotations } from '../../src/gates/gate-annotations.js';
import type { QualityGatesVerdict } from '../../src/gates/quality-gates-verdict.js';
import type { EvaluationReport } from '../../src/model/evaluation-report.js';

const CREATED = '2026-03-01T12:00:00.000Z';

/** Only what annotations read: the penguins classifier with a collapsed class and a weak p99. */
function penguins(): QualityGatesVerdict {
  const evaluation = {
    schema: 'modelci/evaluation-report@1',
    createdAt: CREATED,
    task: 'classification',
    model: { path: 'models/penguins.onnx', sizeBytes: 3210, externalData: [], producer: 'skl2onnx', irVersion: 8, opsets: {}, inputs: [], outputs: {} },
    data: { spec: 'data/penguins-test.csv', files: ['data/penguins-test.csv'], rows: 69, labelColumn: 'species', rowsWithMissingInputs: 0 },
    metrics: { accuracy: 54 / 69 },
    latency: {
      runs: 200,
      warmupRuns: 10,
      batchSize: 1,
      mean: 0.03,
      p50: 0.03,
      p95: 0.04,
      p99: 0.05,
      max: 0.2,
      throughput: 30000,
      histogram: { edges: [], counts: [] },
      warning: 'Only 200 runs: the p99 rests on 2 sample(s) beyond it; use at least 1000 runs for a p99 to mean something.',
      hardware: { provider: 'cpu', cpu: 'x', cores: 4, memoryBytes: 1, platform: 'linux/x64', node: 'v22', onnxruntime: '1.20.1', gpus: [] },
    },
    robustness: [
      { name: 'finite_outputs', passed: true, severity: 'fail', detail: 'All 69 rows gave finite outputs.' },
      { name: 'zero_input', passed: true, severity: 'warn', detail: 'A row of zeros gives finite outputs.' },
      { name: 'extreme_input', passed: false, severity: 'warn', detail: "A row of +1e+6 gives NaN or infinite 'output_probability'." },
      { name: 'nan_input', passed: false, severity: 'info', detail: "A row of NaN gives NaN or infinite 'output_probability'." },
    ],
    notes: ['ROC AUC was not computed: only one class occurs in the test labels.'],
  } satisfies EvaluationReport;
  return {
    schema: 'modelci/gate-verdict@1',
    createdAt: CREATED,
    passed: false,
    gates: [
      {
        gate: 'accuracy >= 0.9',
        metric: 'accuracy',
        comparator: '>=',
        actual: 54 / 69,
        threshold: 0.9,
        dimension: 'ratio',
        passed: false,
        margin: 54 / 69 - 0.9,
        reason: 'accuracy = 0.782609 fails >= 0.9 by 0.117391',
      },
      {
        gate: 'latency.p99 <= 10ms',
        metric: 'latency.p99',
        comparator: '<=',
        actual: 0.05,
        threshold: 10,
        dimension: 'time',
        passed: true,
        margin: 9.95,
        reason: 'latency.p99 = 0.05 ms <= 10 ms',
      },
    ],
    checks: [
      {
        name: 'no collapsed class',
        passed: false,
        detail: "The model never predicts 'Chinstrap', though it is in the test labels (14 rows): the class has collapsed.",
      },
      { name: 'finite outputs', passed: true, detail: 'All 69 rows gave finite outputs.' },
    ],
    summary: '2 of 4 gates failed: accuracy >= 0.9; no collapsed class.',
    metrics: evaluation.metrics,
    evaluation,
    source: { model: 'models/penguins.onnx' },
  };
}

describe('gateAnnotations', () => {
  test('errors for failed gates and checks, warnings for weak probes and a weak p99, notices for notes', () => {
    const a = gateAnnotations(penguins());
    expect(a.map((x) => [x.level, x.title])).toEqual([
      ['error', 'Gate failed: accuracy >= 0.9'],
      ['error', 'Check failed: no collapsed class'],
      ['warning', 'Robustness: extreme_input'],
      ['warning', 'Latency: too few runs'],
      ['notice', 'Evaluation note'],
    ]);
    expect(a[0].message).toBe('accuracy = 0.782609 fails >= 0.9 by 0.117391');
    expect(a[1].message).toContain("never predicts 'Chinstrap'");
    expect(a[3].message).toMatch(/^Only 200 runs/);
    expect(a[4].message).toBe('ROC AUC was not computed: only one class occurs in the test labels.');
    expect(a.every((x) => x.file === 'models/penguins.onnx')).toBe(true);
  });

  test('a passing model has nothing to say', () => {
    const v = penguins();
    v.passed = true;
    v.gates = v.gates.filter((g) => g.passed);
    v.checks = v.checks.filter((c) => c.passed);
    const e = v.evaluation!;
    e.robustness = e.robustness.filter((r) => r.passed);
    delete e.latency!.warning;
    e.notes = [];
    expect(gateAnnotations(v)).toEqual([]);
  });

  test('a team report (mode 2): gate errors without a file', () => {
    const v = penguins();
    delete v.evaluation;
    v.source = { report: 'reports/eval.json' };
    v.checks = [];
    const a = gateAnnotations(v);
    expect(a).toEqual([{ level: 'error', title: 'Gate failed: accuracy >= 0.9', message: 'accuracy = 0.782609 fails >= 0.9 by 0.117391' }]);
  });
});
