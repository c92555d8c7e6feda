import type { GateResult } from '../../src/gates/evaluate-gates.js';
import type { QualityGatesVerdict } from '../../src/gates/quality-gates-verdict.js';
import type { EvaluationReport } from '../../src/model/evaluation-report.js';
import { capBytes, edgeLabels, MAX_SUMMARY_BYTES, renderGatesMarkdown } from '../../src/render/gates-markdown.js';

const CREATED = '2026-03-01T12:00:00.000Z';

/** 20 equal-width buckets of 1,000 single-row runs, as latencyHistogram makes them. */
const HISTOGRAM = {
  edges: Array.from({ length: 20 }, (_, i) => 0.025 + 0.00945 * (i + 1)),
  counts: [12, 148, 402, 231, 96, 41, 22, 14, 9, 7, 5, 4, 3, 2, 1, 1, 0, 1, 0, 1],
};

/** A 3-class penguins classifier that never predicts Chinstrap (69 test rows). */
function penguinsEvaluation(): EvaluationReport {
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

const GATES: GateResult[] = [
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

function penguins(): QualityGatesVerdict {
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

function withBaseline(): QualityGatesVerdict {
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

function regression(): QualityGatesVerdict {
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

function modeTwo(): QualityGatesVerdict {
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

/** The cells of the Markdown table row that starts with `first`. */
function row(md: string, first: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (!line) throw new Error(`no row starting with ${first}`);
  return line.slice(2, -2).split(' | ');
}

function mermaid(md: string): string[] {
  const m = /```mermaid\n([\s\S]*?)\n```/.exec(md);
  if (!m) throw new Error('no mermaid block');
  return m[1].split('\n');
}

describe('renderGatesMarkdown', () => {
  const md = renderGatesMarkdown(penguins());

  test('the heading counts failed gates and checks; the summary follows', () => {
    expect(
      md.startsWith(
        '## ❌ Quality gates: 3 of 5 gates and 1 of 3 checks failed\n\n4 of 8 gates failed: accuracy >= 0.9; size <= 1kB; log_loss <= 0.5; no collapsed class.\n',
      ),
    ).toBe(true);
    expect(renderGatesMarkdown(regression())).toMatch(/^## ✅ Quality gates: 1 gate and 1 check passed\n/);
  });

  test('gate rows keep the user order and show actual, threshold and margin in the metric unit', () => {
    const gateRows = md
      .split('\n')
      .filter((l) => /^\| `[a-z_.0-9]+ [<>=]/.test(l))
      .map((l) => l.split(' | ')[0].slice(2));
    expect(gateRows).toEqual(['`accuracy >= 0.9`', '`macro_f1 >= 0.5`', '`latency.p99 <= 10ms`', '`size <= 1kB`', '`log_loss <= 0.5`']);
    expect(row(md, '`accuracy >= 0.9`')).toEqual(['`accuracy >= 0.9`', '0.7826', '>= 0.9', '-0.1174', '❌ fail']);
    expect(row(md, '`size <= 1kB`')).toEqual(['`size <= 1kB`', '3.21 kB', '<= 1 kB', '-2.21 kB', '❌ fail']);
    expect(row(md, '`latency.p99 <= 10ms`')).toEqual(['`latency.p99 <= 10ms`', '0.0523 ms', '<= 10 ms', '+9.948 ms', '✅ pass']);
    expect(row(md, '`log_loss <= 0.5`')).toEqual(['`log_loss <= 0.5`', 'not measured', '<= 0.5', '—', '❌ fail']);
    expect(md).toContain('| Gate | Actual | Threshold | Margin | Result |');
  });

  test('built-in checks', () => {
    expect(row(md, 'no collapsed class')).toEqual([
      'no collapsed class',
      '❌ fail',
      "The model never predicts 'Chinstrap', though it is in the test labels (14 rows): the class has collapsed.",
    ]);
    expect(row(md, 'deterministic')[1]).toBe('✅ pass');
  });

  test('model and data: path, size, producer, input mapping, outputs, missing inputs', () => {
    expect(md).toContain('- **Model:** `models/penguins.onnx`, 3.21 kB, made by `skl2onnx`, IR 8, opset ai.onnx 17, ai.onnx.ml 3 (classification)');
    expect(md).toContain('- **Input** `float_input` (float32) ← `bill_length_mm`, `bill_depth_mm`, `flipper_length_mm`, `body_mass_g` _(model metadata)_');
    expect(md).toContain('- **Outputs used:** prediction `output_label`, probabilities `output_probability`');
    expect(md).toContain('- **Data:** 69 rows from `data/penguins-test.csv`; label column `species`; 2 rows with missing inputs');
  });

  test('classification metrics with the accuracy interval; an unmeasured metric is a dash', () => {
    expect(row(md, 'accuracy')).toEqual(['accuracy', '0.7826 (95% CI 0.6718–0.8636)']);
    expect(row(md, 'balanced accuracy')).toEqual(['balanced accuracy', '0.6559']);
    expect(row(md, 'macro F1')).toEqual(['macro F1', '0.5877']);
    expect(row(md, 'log loss')).toEqual(['log loss', '—']);
    expect(row(md, 'ROC AUC')).toEqual(['ROC AUC', '0.9312']);
    expect(md).toContain('**Collapsed:** the model never predicts `Chinstrap`.');
  });

  test('confusion matrix: rows are the true class, the diagonal is bold', () => {
    expect(md).toContain('| true ↓ / predicted → | Adelie | Chinstrap | Gentoo |\n|---|---:|---:|---:|');
    expect(row(md, '**Adelie**')).toEqual(['**Adelie**', '**30**', '0', '1']);
    expect(row(md, '**Chinstrap**')).toEqual(['**Chinstrap**', '12', '**0**', '2']);
    expect(row(md, '**Gentoo**')).toEqual(['**Gentoo**', '0', '0', '**24**']);
  });

  test('per-class table', () => {
    expect(row(md, 'Adelie')).toEqual(['Adelie', '0.714', '0.968', '0.822', '31']);
    expect(row(md, 'Chinstrap')).toEqual(['Chinstrap', '0.000', '0.000', '0.000', '14']);
  });

  test('latency in ms with throughput, runs and the hardware', () => {
    expect(md).toContain('| 0.0312 ms | 0.0418 ms | 0.0523 ms | 0.214 ms | 0.0335 ms | 29,851 rows/s |');
    expect(md).toContain('1,000 timed runs after 50 warm-up runs, at batch size 1');
    expect(md).toContain('**Hardware:** cpu provider · AMD EPYC 7763 64-Core Processor, 4 cores · no GPU · onnxruntime 1.20.1 · Node v22.11.0 · linux/x64');
    expect(md).not.toContain('> ⚠️');
  });

  test('the latency histogram is a well-formed mermaid bar chart, one bar per bucket', () => {
    const lines = mermaid(md);
    expect(lines[0]).toBe('%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0366d6, #d73a49"}}}}%%');
    expect(lines[1]).toBe('xychart-beta');
    const xAxis = lines.find((l) => l.startsWith('  x-axis '))!;
    const labels = JSON.parse(xAxis.slice(xAxis.indexOf('['))) as string[];
    const bars = JSON.parse(lines.find((l) => l.startsWith('  bar '))!.slice('  bar '.length)) as number[];
    expect(labels).toHaveLength(HISTOGRAM.counts.length);
    expect(bars).toEqual(HISTOGRAM.counts);
    // The buckets holding p50 (0.0312 ms) and p99 (0.0523 ms) are named; the 10 ms gate is beyond the slowest run.
    expect(labels.slice(0, 3)).toEqual(['0.0345 (p50)', '0.0439', '0.0534 (p99)']);
    expect(new Set(labels).size).toBe(labels.length);
    expect(lines.find((l) => l.startsWith('  title '))).toContain('the gate, 10 ms, is beyond the slowest run');
    expect(lines).toContain('  y-axis "runs" 0 --> 402');
  });

  test('edge labels are rounded to the bucket width and stay distinct', () => {
    expect(edgeLabels([12.5, 15, 17.5, 20])).toEqual(['12.5', '15', '17.5', '20']);
    expect(edgeLabels([100, 200, 300])).toEqual(['100', '200', '300']);
    expect(edgeLabels([0.0212])).toEqual(['0.0212']);
  });

  test('robustness: icons by severity and outcome; probes already in the checks table are not repeated', () => {
    expect(md.split('\n').filter((l) => l.startsWith('| finite outputs'))).toHaveLength(1);
    expect(md).not.toContain('`robustness.finite_outputs`');
    expect(row(md, 'finite outputs')[1]).toBe('✅ pass');
    expect(row(md, 'extreme values (`robustness.extreme_input`)')[1]).toBe('⚠️ warning');
    expect(row(md, 'NaN inputs (`robustness.nan_input`)')[1]).toBe('ℹ️ not probed');
    const v = penguins();
    v.checks = v.checks.filter((c) => c.name !== 'deterministic');
    v.evaluation!.robustness[1] = { name: 'deterministic', passed: false, severity: 'fail', detail: 'Different outputs.' };
    expect(row(renderGatesMarkdown(v), 'deterministic (`robustness.deterministic`)')[1]).toBe('❌ fail');
  });

  test('the p99 spread over blocks, and a warning when the latency gate lies inside it', () => {
    const v = penguins();
    v.evaluation!.latency!.p99Spread = { low: 0.39, high: 12.5, blocks: 5, runsPerBlock: 200 };
    const out = renderGatesMarkdown(v);
    expect(out).toContain('p99 over 5 blocks of 200 consecutive runs: 0.39 ms to 12.5 ms.');
    expect(out).toContain('> ⚠️ The latency gate (10 ms) lies inside that spread');
    v.evaluation!.latency!.p99Spread = { low: 0.39, high: 0.84, blocks: 5, runsPerBlock: 200 };
    expect(renderGatesMarkdown(v)).not.toContain('lies inside that spread');
  });

  test('notes are a list', () => {
    expect(md).toContain('### Notes\n\n- Log loss was not computed:');
  });

  test('the latency warning is shown when runs were too few', () => {
    const v = penguins();
    v.evaluation!.latency!.warning = 'Only 40 runs: the p99 rests on 0 sample(s) beyond it; use at least 1000 runs for a p99 to mean something.';
    expect(renderGatesMarkdown(v)).toContain('> ⚠️ Only 40 runs: the p99 rests on 0 sample(s)');
  });

  test('the output is deterministic', () => {
    expect(renderGatesMarkdown(penguins())).toBe(md);
  });
});

describe('renderGatesMarkdown against a baseline', () => {
  const md = renderGatesMarkdown(withBaseline());

  test('only metrics present in both are compared, with signed deltas in units', () => {
    expect(md).toContain('Baseline: `models/production.onnx`');
    expect(row(md, 'accuracy').slice(0, 1)).toEqual(['accuracy']);
    const table = md.slice(md.indexOf('| Metric | Candidate | Baseline | Δ |'));
    expect(row(table, 'accuracy')).toEqual(['accuracy', '0.7826', '0.8', '-0.01739 (worse)']);
    expect(row(table, 'macro_f1')).toEqual(['macro_f1', '0.5877', '0.61', '-0.0223 (worse)']);
    expect(row(table, 'roc_auc')).toEqual(['roc_auc', '0.9312', '0.95', '-0.0188 (worse)']);
    expect(row(table, 'size')).toEqual(['size', '3.21 kB', '2.89 kB', '+320 B (worse)']);
    // log_loss: candidate not measured; latency.p99, mae: baseline not measured.
    expect(table).not.toMatch(/\| (log_loss|latency\.p99|mae) \|/);
  });

  test('the McNemar line', () => {
    expect(md).toContain(
      '**McNemar (exact):** b = 1 (candidate right, baseline wrong), c = 3 (candidate wrong, baseline right), statistic 1, p = 0.375. The difference is within noise',
    );
  });
});

describe('renderGatesMarkdown for a regression model', () => {
  const md = renderGatesMarkdown(regression());

  test('MAE, RMSE and R² instead of classification metrics', () => {
    expect(md).toContain('### Regression metrics');
    expect(row(md, 'MAE')).toEqual(['MAE', '271.4']);
    expect(row(md, 'RMSE')).toEqual(['RMSE', '340.9']);
    expect(row(md, 'R²')).toEqual(['R²', '0.8213']);
    expect(md).not.toContain('Confusion matrix');
    expect(md).not.toContain('### Latency');
    expect(md).not.toContain('### Notes');
    expect(row(md, '`rmse <= 400`')).toEqual(['`rmse <= 400`', '340.9', '<= 400', '+59.1', '✅ pass']);
  });
});

describe('renderGatesMarkdown for a team report (mode 2)', () => {
  const md = renderGatesMarkdown(modeTwo());

  test('the report path and its metrics in units; no checks table, no model section', () => {
    expect(md).toContain('From the report `reports/eval.json`');
    expect(row(md, '`latency.p99`')).toEqual(['`latency.p99`', '84.2 ms']);
    expect(row(md, '`size`')).toEqual(['`size`', '612 MB']);
    expect(row(md, '`custom_score`')).toEqual(['`custom_score`', '—']);
    expect(md).not.toContain('Built-in check');
    expect(md).not.toContain('### Model and data');
  });

  test('pipes in user text are escaped so the table keeps its columns', () => {
    expect(md).toContain('| `f1.a\\|b` | 0.5 |');
    const v = penguins();
    v.checks[0].detail = 'left | right';
    v.evaluation!.classification!.labels[0] = 'Ad|elie';
    const out = renderGatesMarkdown(v);
    expect(out).toContain('| no collapsed class | ❌ fail | left \\| right |');
    expect(out).toContain('| true ↓ / predicted → | Ad\\|elie | Chinstrap | Gentoo |');
  });
});

describe('caps', () => {
  test('the confusion matrix shows the 20 most frequent classes and an (other) column', () => {
    const v = penguins();
    const k = 25;
    const c = v.evaluation!.classification!;
    c.labels = Array.from({ length: k }, (_, i) => `c${i}`);
    // Class i has i + 1 true rows, right except one row predicted as class 0.
    c.matrix = c.labels.map((_, i) => c.labels.map((__, j) => (i === j ? i : j === 0 ? 1 : 0)));
    c.perClass = [];
    const md = renderGatesMarkdown(v);
    const header = md.split('\n').find((l) => l.startsWith('| true ↓'))!;
    expect(header.split(' | ')).toHaveLength(1 + 20 + 1);
    expect(header).toContain('| c5 |');
    expect(header).not.toContain('| c4 |');
    expect(header.endsWith('| (other) |')).toBe(true);
    // c0 has no true rows, so it is not shown: c5's one row predicted as c0 counts under (other).
    expect(row(md, '**c5**')).toEqual(['**c5**', '**5**', ...Array(19).fill('0'), '1']);
    expect(md).toContain('_Showing the 20 most frequent of 25 classes;');
  });

  test('tables stop at 300 rows and say how many more there are', () => {
    const v = penguins();
    v.evaluation!.classification!.perClass = Array.from({ length: 305 }, (_, i) => ({ label: `k${i}`, precision: 1, recall: 1, f1: 1, support: 1 }));
    const md = renderGatesMarkdown(v);
    expect(md).toContain('| k299 |');
    expect(md).not.toContain('| k300 |');
    expect(md).toContain('_5 more classes are in the verdict JSON._');
  });

  test("the summary never exceeds GitHub's 1 MiB, and a cut code fence is closed", () => {
    const v = penguins();
    v.evaluation!.notes = Array.from({ length: 3000 }, (_, i) => `note ${i}: ${'x'.repeat(500)}`);
    const md = renderGatesMarkdown(v);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(md).toContain('The summary was cut at GitHub’s size limit');
    const cut = capBytes('a\n```mermaid\nxychart-beta\n' + 'bar\n'.repeat(100) + '```\n', 200);
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(200);
  });
});
