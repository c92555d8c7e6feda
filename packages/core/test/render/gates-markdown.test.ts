import { HISTOGRAM, penguins, withBaseline, regression, modeTwo } from './gates-samples.js';
import { capBytes, edgeLabels, MAX_SUMMARY_BYTES, renderGatesMarkdown } from '../../src/render/gates-markdown.js';

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
    expect(lines[1]).toBe('xychart-beta horizontal');
    const xAxis = lines.find((l) => l.startsWith('  x-axis '))!;
    const labels = JSON.parse(xAxis.slice(xAxis.indexOf('['))) as string[];
    const bars = JSON.parse(lines.find((l) => l.startsWith('  bar '))!.slice('  bar '.length)) as number[];
    expect(labels).toHaveLength(HISTOGRAM.counts.length);
    expect(bars).toEqual(HISTOGRAM.counts);
    // The buckets holding p50 (0.0312 ms) and p99 (0.0523 ms) are named; the 10 ms gate is beyond the slowest run.
    expect(labels.slice(0, 3)).toEqual(['0.0345 (p50)', '0.0439', '0.0534 (p99)']);
    expect(new Set(labels).size).toBe(labels.length);
    // Said under the chart, not in its title (mermaid clips a title wider than the chart).
    expect(md).toContain('```\n\nThe gate, 10 ms, is beyond the slowest run.');
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
