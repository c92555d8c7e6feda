import type { QualityGatesVerdict } from '../../src/gates/quality-gates-verdict.js';
import type { EvaluationReport } from '../../src/model/evaluation-report.js';
import { alignTable, ascii, renderGatesText } from '../../src/render/gates-text.js';

const CREATED = '2026-03-01T12:00:00.000Z';

/** A 3-class penguins classifier that never predicts Chinstrap, measured on a CUDA runner with few runs. */
function penguins(): QualityGatesVerdict {
  const evaluation: EvaluationReport = {
    schema: 'modelci/evaluation-report@1',
    createdAt: CREATED,
    task: 'classification',
    model: {
      path: 'models/penguins.onnx',
      sizeBytes: 3210,
      externalData: [],
      producer: 'skl2onnx',
      irVersion: 8,
      opsets: { '': 17 },
      inputs: [
        { input: 'float_input', type: 'float32', columns: ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'], source: 'model metadata' },
      ],
      outputs: { prediction: 'output_label', probabilities: 'output_probability' },
    },
    data: { spec: 'data/penguins-test.csv', files: ['data/penguins-test.csv'], rows: 69, labelColumn: 'species', rowsWithMissingInputs: 0 },
    metrics: {
      accuracy: 54 / 69,
      balanced_accuracy: 0.655914,
      macro_f1: 0.587698,
      log_loss: 0.4121,
      roc_auc: null,
      'latency.p99': 0.0523,
      size: 3210,
    },
    classification: {
      labels: ['Adelie', 'Chinstrap', 'Gentoo'],
      matrix: [
        [30, 0, 1],
        [12, 0, 2],
        [0, 0, 24],
      ],
      perClass: [],
      collapsed: ['Chinstrap'],
      accuracyInterval: { low: 0.6718, high: 0.8636, confidence: 0.95 },
    },
    latency: {
      runs: 200,
      warmupRuns: 10,
      batchSize: 8,
      mean: 0.0335,
      p50: 0.0312,
      p95: 0.0418,
      p99: 0.0523,
      max: 0.214,
      throughput: 238805,
      histogram: { edges: [0.1, 0.2, 0.3], counts: [150, 45, 5] },
      warning: 'Only 200 runs: the p99 rests on 2 sample(s) beyond it; use at least 1000 runs for a p99 to mean something.',
      hardware: {
        provider: 'cuda',
        cpu: 'Intel(R) Xeon(R) Platinum 8480+',
        cores: 16,
        memoryBytes: 128e9,
        platform: 'linux/x64',
        node: 'v22.11.0',
        onnxruntime: '1.20.1',
        gpus: [{ name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559, driver: '550.54' }],
      },
    },
    robustness: [
      { name: 'finite_outputs', passed: true, severity: 'fail', detail: 'All 69 rows with complete inputs gave finite outputs.' },
      { name: 'extreme_input', passed: false, severity: 'warn', detail: "A row of +1e+6 gives NaN or infinite 'output_probability'." },
    ],
    notes: [],
  };
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
        actual: 0.0523,
        threshold: 10,
        dimension: 'time',
        passed: true,
        margin: 9.9477,
        reason: 'latency.p99 = 0.0523 ms <= 10 ms',
      },
      {
        gate: 'size <= 1.5GiB',
        metric: 'size',
        comparator: '<=',
        actual: 3210,
        threshold: 1.5 * 1024 ** 3,
        dimension: 'bytes',
        passed: true,
        margin: 1.5 * 1024 ** 3 - 3210,
        reason: 'size = 3.21 kB <= 1.611 GB',
      },
    ],
    checks: [
      {
        name: 'no collapsed class',
        passed: false,
        detail: "The model never predicts 'Chinstrap', though it is in the test labels (14 rows): the class has collapsed.",
      },
    ],
    summary: '2 of 4 gates failed: accuracy >= 0.9; no collapsed class.',
    metrics: evaluation.metrics,
    baselineMetrics: { accuracy: 0.8, size: 2890 },
    evaluation,
    source: { model: 'models/penguins.onnx', baseline: 'reports/production.json' },
  };
}

describe('renderGatesText', () => {
  const text = renderGatesText(penguins());
  const lines = text.split('\n');

  test('the verdict first, then the summary and what was measured', () => {
    expect(lines[0]).toBe('FAILED  quality gates: 1 of 3 gates and 1 of 1 check failed');
    expect(lines[1]).toBe('2 of 4 gates failed: accuracy >= 0.9; no collapsed class.');
    expect(lines[2]).toBe('model: models/penguins.onnx (3.21 kB, classification) on data/penguins-test.csv: 69 rows, label species');
  });

  test('an aligned gate table with units and PASS/FAIL', () => {
    const start = lines.findIndex((l) => l.startsWith('gate '));
    const table = lines.slice(start, start + 5);
    expect(table[0].split(/\s{2,}/)).toEqual(['gate', 'actual', 'threshold', 'margin', 'result']);
    expect(table[2].split(/\s{2,}/)).toEqual(['accuracy >= 0.9', '0.7826', '>= 0.9', '-0.1174', 'FAIL']);
    expect(table[3].split(/\s{2,}/)).toEqual(['latency.p99 <= 10ms', '0.0523 ms', '<= 10 ms', '+9.948 ms', 'PASS']);
    expect(table[4].split(/\s{2,}/)).toEqual(['size <= 1.5GiB', '3.21 kB', '<= 1.611 GB', '+1.611 GB', 'PASS']);
    // The result column starts at the same place on every row.
    const at = table[0].indexOf('result');
    expect(table.slice(2).map((l) => l.slice(at))).toEqual(['FAIL', 'PASS', 'PASS']);
  });

  test('checks, key metrics and the latency line with its hardware and warning', () => {
    expect(text).toContain("FAIL  no collapsed class: The model never predicts 'Chinstrap'");
    expect(text).toContain('metrics: accuracy 0.7826 (95% CI 0.6718-0.8636), balanced accuracy 0.6559, macro F1 0.5877, log loss 0.4121, ROC AUC -');
    expect(text).toContain(
      'latency: p50 0.0312 ms, p95 0.0418 ms, p99 0.0523 ms, max 0.214 ms, mean 0.0335 ms; 238,805 rows/s at batch size 8; 200 runs after 10 warm-up',
    );
    expect(text).toContain('hardware: cuda provider - Intel(R) Xeon(R) Platinum 8480+, 16 cores - GPU NVIDIA H100 80GB HBM3 (81,559 MiB) - onnxruntime 1.20.1');
    expect(text).toContain('warning: Only 200 runs');
    expect(text).toContain("robustness extreme_input: WARNING  A row of +1e+6 gives NaN or infinite 'output_probability'.");
    expect(text).not.toContain('robustness finite_outputs');
  });

  test('the confusion matrix for a few classes', () => {
    const start = lines.findIndex((l) => l.startsWith('confusion matrix'));
    expect(lines.slice(start + 1, start + 6)).toEqual([
      '  true \\ predicted  Adelie  Chinstrap  Gentoo',
      '  ----------------  ------  ---------  ------',
      '  Adelie                30          0       1',
      '  Chinstrap             12          0       2',
      '  Gentoo                 0          0      24',
    ]);
  });

  test('more than 10 classes: a pointer instead of the matrix', () => {
    const v = penguins();
    const c = v.evaluation!.classification!;
    c.labels = Array.from({ length: 12 }, (_, i) => `c${i}`);
    c.matrix = c.labels.map((_, i) => c.labels.map((__, j) => (i === j ? 5 : 0)));
    const out = renderGatesText(v);
    expect(out).toContain('confusion matrix: 12 classes, too many for a terminal');
    expect(out).not.toContain('true \\ predicted');
  });

  test('the baseline comparison from a baseline report', () => {
    expect(text).toContain('baseline: reports/production.json');
    expect(text).toMatch(/accuracy +0\.7826 +0\.8 +-0\.01739/);
    expect(text).toMatch(/size +3\.21 kB +2\.89 kB +\+320 B/);
  });

  test('plain ASCII, no colour codes', () => {
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(ascii('p = 0.4 ≥ 0.05 – R² ∞')).toBe('p = 0.4 >= 0.05 - R^2 inf');
  });

  test('a regression model and a team report (mode 2)', () => {
    const v = penguins();
    const e = v.evaluation!;
    delete e.classification;
    e.task = 'regression';
    e.metrics = { mae: 271.4, rmse: 340.9, r2: 0.8213 };
    v.metrics = e.metrics;
    expect(renderGatesText(v)).toContain('metrics: MAE 271.4, RMSE 340.9, R^2 0.8213');

    const report: QualityGatesVerdict = {
      schema: 'modelci/gate-verdict@1',
      createdAt: CREATED,
      passed: true,
      checks: [],
      summary: 'All 1 gate passed.',
      gates: [
        {
          gate: 'latency.p99 <= 100ms',
          metric: 'latency.p99',
          comparator: '<=',
          actual: 84.2,
          threshold: 100,
          dimension: 'time',
          passed: true,
          margin: 15.8,
          reason: '',
        },
      ],
      metrics: { accuracy: 0.931, 'latency.p99': 84.2 },
      source: { report: 'reports/eval.json' },
    };
    const out = renderGatesText(report);
    expect(out.split('\n').slice(0, 3)).toEqual(['PASSED  quality gates: 1 gate passed', 'All 1 gate passed.', 'report: reports/eval.json']);
    expect(out).toMatch(/latency\.p99 +84\.2 ms/);
  });

  test('alignTable pads by characters and right-aligns number columns', () => {
    expect(
      alignTable(
        ['a', 'n'],
        [
          ['xyz', '1'],
          ['é', '100'],
        ],
        [false, true],
      ),
    ).toEqual(['a      n', '---  ---', 'xyz    1', 'é    100']);
  });
});
