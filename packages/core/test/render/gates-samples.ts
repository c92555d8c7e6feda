// Realistic quality-gates verdicts for render tests: a penguins classifier, with and without a baseline.
import type { GateResult } from '../../src/gates/evaluate-gates.js';
import type { QualityGatesVerdict } from '../../src/gates/quality-gates-verdict.js';
import type { EvaluationReport } from '../../src/model/evaluation-report.js';

export const CREATED = '2026-03-01T12:00:00.000Z';

/** 20 equal-width buckets of 1,000 single-row runs, as latencyHistogram makes them. */
export const HISTOGRAM = {
  edges: Array.from({ length: 20 }, (_, i) => 0.025 + 0.00945 * (i + 1)),
  counts: [12, 148, 402, 231, 96, 41, 22, 14, 9, 7, 5, 4, 3, 2, 1, 1, 0, 1, 0, 1],
};

/** A 3-class penguins classifier that never predicts Chinstrap (69 test rows). */
export function penguinsEvaluation(): EvaluationReport {
  return {
    schema: 'modelci/evaluation-report@1',
    createdAt: CREATED,
    task: 'classification',
    model: {
      path: 'models/penguins.onnx',
      sizeBytes: 3210,
      externalData: [],
      producer: 'skl2onnx',
      irVersion: 8,
      opsets: { '': 17, 'ai.onnx.ml': 3 },
      inputs: [
        { input: 'float_input', type: 'float32', columns: ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'], source: 'model metadata' },
      ],
      outputs: { prediction: 'output_label', probabilities: 'output_probability' },
    },
    data: { spec: 'data/penguins-test.csv', files: ['data/penguins-test.csv'], rows: 69, labelColumn: 'species', rowsWithMissingInputs: 2 },
    metrics: {
      rows: 69,
      size: 3210,
      nonfinite_outputs: 0,
      accuracy: 54 / 69,
      'accuracy.ci_low': 0.6718,
      'accuracy.ci_high': 0.8636,
      balanced_accuracy: 0.655914,
      macro_f1: 0.587698,
      log_loss: null,
      roc_auc: 0.9312,
      collapsed_classes: 1,
      'latency.p50': 0.0312,
      'latency.p95': 0.0418,
      'latency.p99': 0.0523,
      'latency.max': 0.214,
      'latency.mean': 0.0335,
      throughput: 29850.7,
    },
    classification: {
      labels: ['Adelie', 'Chinstrap', 'Gentoo'],
      matrix: [
        [30, 0, 1],
        [12, 0, 2],
        [0, 0, 24],
      ],
      perClass: [
        { label: 'Adelie', precision: 30 / 42, recall: 30 / 31, f1: 60 / 73, support: 31 },
        { label: 'Chinstrap', precision: 0, recall: 0, f1: 0, support: 14 },
        { label: 'Gentoo', precision: 24 / 27, recall: 1, f1: 48 / 51, support: 24 },
      ],
      collapsed: ['Chinstrap'],
      accuracyInterval: { low: 0.6718, high: 0.8636, confidence: 0.95 },
    },
    latency: {
      runs: 1000,
      warmupRuns: 50,
      batchSize: 1,
      mean: 0.0335,
      p50: 0.0312,
      p95: 0.0418,
      p99: 0.0523,
      max: 0.214,
      throughput: 29850.7,
      histogram: HISTOGRAM,
      hardware: {
        provider: 'cpu',
        cpu: 'AMD EPYC 7763 64-Core Processor',
        cores: 4,
        memoryBytes: 16e9,
        platform: 'linux/x64',
        node: 'v22.11.0',
        onnxruntime: '1.20.1',
        gpus: [],
      },
    },
    robustness: [
      {
        name: 'finite_outputs',
        passed: true,
        severity: 'fail',
        detail: 'All 67 rows with complete inputs gave finite outputs (2 rows with missing inputs not counted).',
      },
      { name: 'deterministic', passed: true, severity: 'fail', detail: 'The same 69 rows gave bit-identical outputs twice.' },
      { name: 'zero_input', passed: true, severity: 'warn', detail: 'A row of zeros gives finite outputs.' },
      {
        name: 'extreme_input',
        passed: false,
        severity: 'warn',
        detail: "A row of +1e+6 gives NaN or infinite 'output_probability'; a row of -1e+6 gives finite outputs.",
      },
      { name: 'nan_input', passed: null, severity: 'info', detail: 'Not probed: the model has no numeric input to fill with NaN.' },
    ],
    notes: [
      'Log loss was not computed: the rows of output 3-column matrix are scores, not probabilities (values outside [0, 1] or rows not summing to 1); add a Softmax to the export for log loss.',
    ],
  };
}

export const GATES: GateResult[] = [
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
    gate: 'macro_f1 >= 0.5',
    metric: 'macro_f1',
    comparator: '>=',
    actual: 0.587698,
    threshold: 0.5,
    dimension: 'ratio',
    passed: true,
    margin: 0.087698,
    reason: 'macro_f1 = 0.587698 >= 0.5',
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
    gate: 'size <= 1kB',
    metric: 'size',
    comparator: '<=',
    actual: 3210,
    threshold: 1000,
    dimension: 'bytes',
    passed: false,
    margin: -2210,
    reason: 'size = 3.21 kB fails <= 1 kB by 2.21 kB',
  },
  {
    gate: 'log_loss <= 0.5',
    metric: 'log_loss',
    comparator: '<=',
    actual: null,
    threshold: 0.5,
    dimension: 'ratio',
    passed: true,
    margin: null,
    reason: 'log_loss was not measured, so the gate cannot pass.',
  },
];

export function penguins(): QualityGatesVerdict {
  const evaluation = penguinsEvaluation();
  // log_loss is unmeasured: its gate fails, as evaluateGates decides.
  const gates = GATES.map((g) => (g.metric === 'log_loss' ? { ...g, passed: false } : g));
  return {
    schema: 'modelci/gate-verdict@1',
    createdAt: CREATED,
    passed: false,
    gates,
    checks: [
      {
        name: 'no collapsed class',
        passed: false,
        detail: "The model never predicts 'Chinstrap', though it is in the test labels (14 rows): the class has collapsed.",
      },
      { name: 'finite outputs', passed: true, detail: evaluation.robustness[0].detail },
      { name: 'deterministic', passed: true, detail: evaluation.robustness[1].detail },
    ],
    summary: '4 of 8 gates failed: accuracy >= 0.9; size <= 1kB; log_loss <= 0.5; no collapsed class.',
    metrics: evaluation.metrics,
    evaluation,
    source: { model: 'models/penguins.onnx' },
  };
}

export function withBaseline(): QualityGatesVerdict {
  const v = penguins();
  const baselineMetrics = { accuracy: 0.8, macro_f1: 0.61, log_loss: 0.45, roc_auc: 0.95, size: 2890, 'latency.p99': null, mae: null };
  v.baselineMetrics = baselineMetrics;
  v.source.baseline = 'models/production.onnx';
  v.evaluation!.baseline = {
    model: 'models/production.onnx',
    metrics: baselineMetrics,
    mcnemar: {
      statistic: 1,
      pValue: 0.375,
      exact: true,
      candidateRightBaselineWrong: 1,
      candidateWrongBaselineRight: 3,
      conclusion:
        'The difference is within noise: the candidate is right on 1 rows the baseline gets wrong and wrong on 3 it gets right (McNemar p = 0.375 ≥ 0.05).',
    },
  };
  return v;
}

export function regression(): QualityGatesVerdict {
  const e = penguinsEvaluation();
  delete e.classification;
  delete e.latency;
  e.task = 'regression';
  e.model = { ...e.model, path: 'models/body-mass.onnx', outputs: { prediction: 'variable' } };
  e.data = { ...e.data, labelColumn: 'body_mass_g' };
  e.metrics = { rows: 69, size: 1250, mae: 271.4, rmse: 340.9, r2: 0.8213, 'latency.p99': null };
  e.regression = { mae: 271.4, rmse: 340.9, r2: 0.8213 };
  e.notes = [];
  return {
    schema: 'modelci/gate-verdict@1',
    createdAt: CREATED,
    passed: true,
    gates: [
      {
        gate: 'rmse <= 400',
        metric: 'rmse',
        comparator: '<=',
        actual: 340.9,
        threshold: 400,
        dimension: 'ratio',
        passed: true,
        margin: 59.1,
        reason: 'rmse = 340.9 <= 400',
      },
    ],
    checks: [{ name: 'finite outputs', passed: true, detail: 'All 67 rows with complete inputs gave finite outputs.' }],
    summary: 'All 2 gates passed.',
    metrics: e.metrics,
    evaluation: e,
    source: { model: 'models/body-mass.onnx' },
  };
}

export function modeTwo(): QualityGatesVerdict {
  return {
    schema: 'modelci/gate-verdict@1',
    createdAt: CREATED,
    passed: true,
    gates: [
      {
        gate: 'accuracy >= 0.92',
        metric: 'accuracy',
        comparator: '>=',
        actual: 0.931,
        threshold: 0.92,
        dimension: 'ratio',
        passed: true,
        margin: 0.011,
        reason: 'accuracy = 0.931 >= 0.92',
      },
      {
        gate: 'latency.p99 <= 100ms',
        metric: 'latency.p99',
        comparator: '<=',
        actual: 84.2,
        threshold: 100,
        dimension: 'time',
        passed: true,
        margin: 15.8,
        reason: 'latency.p99 = 84.2 ms <= 100 ms',
      },
    ],
    checks: [],
    summary: 'All 2 gates passed.',
    metrics: { accuracy: 0.931, 'latency.p99': 84.2, size: 612e6, 'f1.a|b': 0.5, custom_score: null },
    source: { report: 'reports/eval.json' },
  };
}
