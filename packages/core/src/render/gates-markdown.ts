/**
 * The quality-gates verdict as GitHub-flavoured Markdown for the job summary: which gates held
 * and by how much, then what was measured (model, data, metrics, confusion matrix, latency,
 * robustness, baseline) so a reviewer can judge the model without opening the JSON.
 */
import type { GateCheck, GateResult } from '../gates/evaluate-gates.js';
import { formatQuantity } from '../shared/quantity.js';
import type { QualityGatesVerdict } from '../gates/quality-gates-verdict.js';
import { metricDimension, type EvaluationReport, type LatencyReport } from '../model/evaluation-report.js';
import type { EndpointLatencyReport } from '../model/measure-endpoint-latency.js';
import type { LatencySummary } from '../model/latency-summary.js';
import type { RobustnessCheck } from '../model/probe-robustness.js';
import { formatCount, formatNumber, pEquals } from '../shared/format.js';
import { mdCode, mdCodeCell, mdHeading, mdText } from './markdown.js';

/** GitHub refuses a step summary over 1 MiB; stay below it with room for other steps' text. */
export const MAX_SUMMARY_BYTES = 1_000_000;
/** Rows of the gate, metric and per-class tables. */
export const MAX_TABLE_ROWS = 300;
/** Classes in the confusion matrix: a wider table is unreadable on a summary page. */
export const MAX_MATRIX_CLASSES = 20;
/** Column names listed per model input (a matrix input may take hundreds). */
const MAX_INPUT_COLUMNS = 20;
const MAX_FILES = 5;
/** Shown for a metric that was not measured. */
export const NOT_MEASURED = '—';
/** Baseline comparisons worth a row, in reading order. */
export const BASELINE_METRICS = ['accuracy', 'macro_f1', 'log_loss', 'roc_auc', 'mae', 'rmse', 'r2', 'latency.p99', 'size'];

export function renderGatesMarkdown(v: QualityGatesVerdict): string {
  const e = v.evaluation;
  const sections = [
    mdHeading(2, `${v.passed ? '✅' : '❌'} Quality gates: ${verdictCount(v)}`),
    mdText(v.summary),
    gateTable(v.gates),
    checkTable(v.checks),
    ...(e ? evaluationSections(e, new Set(v.checks.map((c) => c.name)), latencyGate(v)) : [reportSection(v)]),
    baselineSection(v),
    e && e.notes.length > 0 ? ['### Notes', '', ...e.notes.map((n) => `- ${mdText(n)}`)].join('\n') : undefined,
    `<sub>${v.schema}, ${v.createdAt}</sub>`,
  ];
  return capBytes(sections.filter((s): s is string => s !== undefined).join('\n\n') + '\n', MAX_SUMMARY_BYTES);
}

/** "5 gates and 3 checks passed" or "2 of 5 gates and 1 of 3 checks failed": built-in checks are not gates. */
export function verdictCount(v: QualityGatesVerdict): string {
  if (v.gates.length === 0) return 'no gate was evaluated';
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const gatesFailed = v.gates.filter((g) => !g.passed).length;
  const checksFailed = v.checks.filter((c) => !c.passed).length;
  if (gatesFailed === 0 && checksFailed === 0) {
    return v.checks.length > 0 ? `${count(v.gates.length, 'gate')} and ${count(v.checks.length, 'check')} passed` : `${count(v.gates.length, 'gate')} passed`;
  }
  const failed: string[] = [];
  if (gatesFailed > 0) failed.push(`${gatesFailed} of ${count(v.gates.length, 'gate')}`);
  if (checksFailed > 0) failed.push(`${checksFailed} of ${count(v.checks.length, 'check')}`);
  return `${failed.join(' and ')} failed`;
}

/** Actual, threshold and margin of a gate in the metric's own unit (ms, MB, plain number). */
export function gateCells(r: GateResult): { actual: string; threshold: string; margin: string } {
  // One precision per metric: the same formatting as the metric tables.
  const value = (x: number) => (r.dimension === 'ratio' || r.dimension === undefined ? formatNumber(x, 4) : formatQuantity(x, r.dimension));
  return {
    actual: r.actual === null ? 'not measured' : value(r.actual),
    threshold: `${r.comparator} ${value(r.threshold)}`,
    margin: r.margin === null ? NOT_MEASURED : signed(r.margin, value),
  };
}

function gateTable(gates: GateResult[]): string | undefined {
  if (gates.length === 0) return undefined;
  // The user's order: it is the order they wrote the gates in, and the failures are marked.
  const rows = gates.slice(0, MAX_TABLE_ROWS).map((g) => {
    const c = gateCells(g);
    return `| ${mdCodeCell(g.gate)} | ${c.actual} | ${c.threshold} | ${c.margin} | ${g.passed ? '✅ pass' : '❌ fail'} |`;
  });
  return ['| Gate | Actual | Threshold | Margin | Result |', '|---|---:|---:|---:|---|', ...rows, ...more(gates.length, 'gates')].join('\n');
}

function checkTable(checks: GateCheck[]): string | undefined {
  if (checks.length === 0) return undefined;
  const rows = checks.slice(0, MAX_TABLE_ROWS).map((c) => `| ${mdText(c.name)} | ${c.passed ? '✅ pass' : '❌ fail'} | ${mdText(c.detail)} |`);
  return ['| Built-in check | Result | Detail |', '|---|---|---|', ...rows, ...more(checks.length, 'checks')].join('\n');
}

/** The latency gate's threshold in ms, to mark it on the histogram. */
function latencyGate(v: QualityGatesVerdict): number | undefined {
  return v.gates.find((g) => g.dimension === 'time' && g.metric.startsWith('latency.'))?.threshold;
}

function evaluationSections(e: EvaluationReport, checkNames: Set<string>, gateMs?: number): Array<string | undefined> {
  return [
    modelSection(e),
    e.classification ? classificationSection(e) : regressionSection(e),
    confusionSection(e),
    perClassSection(e),
    e.latency ? latencySection(e.latency, gateMs) : undefined,
    e.endpointLatency ? endpointLatencySection(e.endpointLatency, gateMs) : undefined,
    robustnessSection(e.robustness, checkNames),
  ];
}

function modelSection(e: EvaluationReport): string {
  const m = e.model;
  const d = e.data;
  const opsets = Object.entries(m.opsets)
    .map(([domain, v]) => `${domain || 'ai.onnx'} ${v}`)
    .join(', ');
  const external = m.externalData.length > 0 ? ` including ${m.externalData.length} external-data file${m.externalData.length === 1 ? '' : 's'}` : '';
  const outputs = [
    m.outputs.prediction && `prediction ${mdCode(m.outputs.prediction)}`,
    m.outputs.probabilities && `probabilities ${mdCode(m.outputs.probabilities)}`,
  ].filter(Boolean);
  const files = d.files.slice(0, MAX_FILES).map(mdCode).join(', ') + (d.files.length > MAX_FILES ? ` and ${d.files.length - MAX_FILES} more` : '');
  return [
    '### Model and data',
    '',
    `- **Model:** ${mdCode(m.path)}, ${formatQuantity(m.sizeBytes, 'bytes')}${external}${m.producer ? `, made by ${mdCode(m.producer)}` : ''}, IR ${m.irVersion}${opsets ? `, opset ${mdText(opsets)}` : ''} (${e.task})`,
    ...m.inputs.map((i) => `- **Input** ${mdCode(i.input)} (${mdText(i.type)}) ← ${columnList(i.columns)} _(${mdText(i.source)})_`),
    `- **Outputs used:** ${outputs.join(', ') || NOT_MEASURED}`,
    `- **Data:** ${formatCount(d.rows)} rows from ${files || mdCode(d.spec)}; label column ${mdCode(d.labelColumn)}` +
      (d.rowsWithMissingInputs > 0 ? `; ${formatCount(d.rowsWithMissingInputs)} rows with missing inputs` : '; no missing inputs'),
  ].join('\n');
}

function columnList(columns: string[]): string {
  const shown = columns.slice(0, MAX_INPUT_COLUMNS).map(mdCode).join(', ');
  return columns.length > MAX_INPUT_COLUMNS ? `${shown} and ${columns.length - MAX_INPUT_COLUMNS} more columns` : shown;
}

function classificationSection(e: EvaluationReport): string {
  const m = e.metrics;
  const ci = e.classification!.accuracyInterval;
  const accuracy =
    m.accuracy === null || m.accuracy === undefined
      ? NOT_MEASURED
      : `${metricValue('accuracy', m.accuracy)} (${Math.round(ci.confidence * 100)}% CI ${metricValue('accuracy', ci.low)}–${metricValue('accuracy', ci.high)})`;
  const collapsed = e.classification!.collapsed;
  return [
    '### Classification metrics',
    '',
    '| Metric | Value |',
    '|---|---:|',
    `| accuracy | ${accuracy} |`,
    ...metricRows(m, [
      ['balanced accuracy', 'balanced_accuracy'],
      ['macro F1', 'macro_f1'],
      ['log loss', 'log_loss'],
      ['ROC AUC', 'roc_auc'],
    ]),
    ...(collapsed.length > 0 ? ['', `**Collapsed:** the model never predicts ${collapsed.map((l) => mdCode(l)).join(', ')}.`] : []),
  ].join('\n');
}

function regressionSection(e: EvaluationReport): string {
  return [
    '### Regression metrics',
    '',
    '| Metric | Value |',
    '|---|---:|',
    ...metricRows(e.metrics, [
      ['MAE', 'mae'],
      ['RMSE', 'rmse'],
      ['R²', 'r2'],
    ]),
  ].join('\n');
}

function metricRows(m: Record<string, number | null>, names: Array<[label: string, key: string]>): string[] {
  return names.map(([label, key]) => `| ${label} | ${metricValue(key, m[key])} |`);
}

/** Rows are the true class, columns the prediction; the diagonal (right answers) in bold. */
function confusionSection(e: EvaluationReport): string | undefined {
  const c = e.classification;
  if (!c || c.labels.length === 0) return undefined;
  const shown = matrixClasses(c.matrix, MAX_MATRIX_CLASSES);
  const capped = shown.length < c.labels.length;
  const header = ['true ↓ / predicted →', ...shown.map((i) => mdText(c.labels[i])), ...(capped ? ['(other)'] : [])];
  const rows = shown.map((i) => {
    const cells = shown.map((j) => (i === j ? `**${c.matrix[i][j]}**` : String(c.matrix[i][j])));
    if (capped) cells.push(String(c.matrix[i].reduce((s, n, j) => (shown.includes(j) ? s : s + n), 0)));
    return `| **${mdText(c.labels[i])}** | ${cells.join(' | ')} |`;
  });
  return [
    '### Confusion matrix',
    '',
    `| ${header.join(' | ')} |`,
    `|---|${header
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
    ...rows,
    ...(capped
      ? [
          '',
          `_Showing the ${shown.length} most frequent of ${c.labels.length} classes; (other) counts predictions of the classes not shown. The full matrix is in the verdict JSON._`,
        ]
      : []),
  ].join('\n');
}

/** The `limit` classes with most true rows (ties: first listed), in their original order. */
export function matrixClasses(matrix: number[][], limit: number): number[] {
  const support = matrix.map((row) => row.reduce((s, n) => s + n, 0));
  const order = support.map((_, i) => i).sort((a, b) => support[b] - support[a] || a - b);
  return order.slice(0, limit).sort((a, b) => a - b);
}

function perClassSection(e: EvaluationReport): string | undefined {
  const c = e.classification;
  if (!c || c.perClass.length === 0) return undefined;
  const rows = c.perClass
    .slice(0, MAX_TABLE_ROWS)
    .map((k) => `| ${mdText(k.label)} | ${k.precision.toFixed(3)} | ${k.recall.toFixed(3)} | ${k.f1.toFixed(3)} | ${formatCount(k.support)} |`);
  return [
    '### Per class',
    '',
    '| Class | Precision | Recall | F1 | Support |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    ...more(c.perClass.length, 'classes'),
  ].join('\n');
}

function latencySection(l: LatencyReport, gateMs?: number): string {
  const out = [
    '### Latency',
    '',
    '| p50 | p95 | p99 | max | mean | throughput |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${ms(l.mean)} | ${rowsPerSecond(l.throughput)} |`,
    '',
    `${formatCount(l.runs)} timed runs after ${formatCount(l.warmupRuns)} warm-up runs, at batch size ${l.batchSize} (the throughput is rows per second at that batch size).`,
    '',
    `**Hardware:** ${mdText(hardwareLine(l))}`,
  ];
  out.push(...spreadAndChart(l, l.histogram, gateMs, 'runs'));
  return out.join('\n');
}

/** latency-endpoint: the model server's latency, as users of the serving stack feel it. */
function endpointLatencySection(l: EndpointLatencyReport, gateMs?: number): string {
  const out = [
    '### Latency (model server)',
    '',
    '| p50 | p95 | p99 | max | mean | throughput |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${ms(l.mean)} | ${rowsPerSecond(l.throughput)} |`,
    '',
    `p99 ${ms(l.p99)} over ${formatCount(l.requests)} requests at concurrency ${l.concurrency} against ${mdCode(l.url)} (${mdText(endpointDetail(l))}).`,
  ];
  if (l.errors > 0) out.push('', `${mdText(endpointErrorLine(l))}.`);
  out.push(...spreadAndChart(l, l.histogram, gateMs, 'requests'));
  return out.join('\n');
}

/** "p99 12.3 ms over 2,000 requests at concurrency 8 against http://host/predict (json-rows, after 50 warm-up)" */
export function endpointLine(l: EndpointLatencyReport): string {
  return `p99 ${ms(l.p99)} over ${formatCount(l.requests)} requests at concurrency ${l.concurrency} against ${l.url} (${endpointDetail(l)})`;
}

function endpointDetail(l: EndpointLatencyReport): string {
  return `${l.format === 'v2' ? 'v2 inference protocol' : 'json-rows'}, after ${formatCount(l.warmupRequests)} warm-up, timeout ${formatNumber(l.timeoutMs / 1000, 3)} s`;
}

/** "3 of 2,000 requests failed (503 ×2, timeout ×1) and are not in the percentiles" */
export function endpointErrorLine(l: EndpointLatencyReport): string {
  const tally = Object.entries(l.failures)
    .sort((a, b) => b[1] - a[1])
    .map(([what, n]) => `${what} ×${n}`)
    .join(', ');
  return `${formatCount(l.errors)} of ${formatCount(l.requests)} requests failed (${tally}) and are not in the percentiles`;
}

/** The p99 spread over blocks, the warning when the gate sits inside it, the too-few warning and the chart. */
function spreadAndChart(l: LatencySummary, histogram: { edges: number[]; counts: number[] }, gateMs: number | undefined, unit: string): string[] {
  const out: string[] = [];
  const spread = l.p99Spread;
  if (spread) {
    out.push('', `p99 over ${spread.blocks} blocks of ${formatCount(spread.runsPerBlock)} consecutive ${unit}: ${ms(spread.low)} to ${ms(spread.high)}.`);
    if (gateInsideSpread(l, gateMs)) {
      out.push(
        '',
        `> ⚠️ The latency gate (${ms(gateMs!)}) lies inside that spread: the same model can pass or fail it from one run to the next. Measure on a quieter runner, with more ${unit}, or set the gate outside it.`,
      );
    }
  }
  if (l.warning) out.push('', `> ⚠️ ${mdText(l.warning)}`);
  const chart = latencyChart(histogram, { p50: l.p50, p99: l.p99, gate: gateMs });
  if (chart) out.push('', chart);
  return out;
}

export function gateInsideSpread(l: LatencySummary, gateMs: number | undefined): boolean {
  const spread = l.p99Spread;
  return spread !== undefined && gateMs !== undefined && gateMs >= spread.low && gateMs <= spread.high;
}

/** Where the numbers were measured: a latency means nothing without the machine. */
export function hardwareLine(l: LatencyReport): string {
  const h = l.hardware;
  const gpus = h.gpus.length > 0 ? `GPU ${h.gpus.map((g) => `${g.name} (${formatCount(g.memoryMiB)} MiB)`).join(', ')}` : 'no GPU';
  return `${h.provider} provider · ${h.cpu}, ${h.cores} cores · ${gpus} · onnxruntime ${h.onnxruntime} · Node ${h.node} · ${h.platform}`;
}

export function ms(x: number): string {
  return `${formatNumber(x, 3)} ms`;
}

export function rowsPerSecond(x: number): string {
  return `${x >= 100 ? formatCount(x) : formatNumber(x, 3)} rows/s`;
}

/** Blue bars on GitHub's light and dark backgrounds (mermaid's default first colour is nearly white). */
const LATENCY_CHART_INIT = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0366d6, #d73a49"}}}}%%';

/**
 * A mermaid bar chart with one bar per histogram bucket, labelled by its upper edge in ms; the
 * buckets holding p50 and p99 (and the latency gate, when it falls inside) are named in their label.
 */
export function latencyChart(h: { edges: number[]; counts: number[] }, marks: { p50?: number; p99?: number; gate?: number } = {}): string | undefined {
  if (h.counts.length === 0 || h.edges.length !== h.counts.length) return undefined;
  const top = Math.max(...h.counts);
  if (top <= 0) return undefined;
  const labels = edgeLabels(h.edges);
  const bucketOf = (x: number | undefined) => (x === undefined ? -1 : h.edges.findIndex((edge) => x <= edge));
  const tags = labels.map(() => [] as string[]);
  for (const [name, x] of [
    ['p50', marks.p50],
    ['p99', marks.p99],
    ['gate', marks.gate],
  ] as const) {
    const i = bucketOf(x);
    if (i >= 0) tags[i].push(name);
  }
  const gateOutside = marks.gate !== undefined && bucketOf(marks.gate) < 0;
  return [
    '```mermaid',
    LATENCY_CHART_INIT,
    // Horizontal: twenty bucket labels side by side overlap; stacked they read. A short title
    // (mermaid clips one wider than the chart).
    'xychart-beta horizontal',
    '  title "Runs per latency bucket (ms, log-spaced)"',
    `  x-axis "ms" [${labels.map((s, i) => JSON.stringify(tags[i].length > 0 ? `${s} (${tags[i].join(', ')})` : s)).join(', ')}]`,
    `  y-axis "runs" 0 --> ${top}`,
    `  bar [${h.counts.join(', ')}]`,
    '```',
    ...(gateOutside ? ['', `The gate, ${formatNumber(marks.gate!, 3)} ms, is beyond the slowest run.`] : []),
  ].join('\n');
}

/**
 * Enough decimals that rounding moves an edge by at most a twentieth of a bucket: the labels
 * stay distinct and close to the truth without printing float noise.
 */
export function edgeLabels(edges: number[]): string[] {
  if (edges.length === 1) return [String(Number(edges[0].toPrecision(3)))];
  // Log-spaced buckets: each label needs the decimals of its own bucket's width.
  return edges.map((x, i) => {
    const width = Math.abs(x - (i > 0 ? edges[i - 1] : 2 * edges[0] - edges[1]));
    const decimals = width > 0 ? Math.min(9, Math.max(0, Math.ceil(-Math.log10(width / 10)))) : 3;
    return String(Number(x.toFixed(decimals)));
  });
}

const ROBUSTNESS_LABEL: Record<RobustnessCheck['name'], string> = {
  finite_outputs: 'finite outputs',
  deterministic: 'deterministic',
  zero_input: 'all-zero row',
  extreme_input: 'extreme values',
  nan_input: 'NaN inputs',
};

export function robustnessResult(r: RobustnessCheck): { icon: string; word: string } {
  if (r.passed === null) return { icon: 'ℹ️', word: 'not probed' };
  if (r.passed) return { icon: '✅', word: 'pass' };
  return r.severity === 'fail' ? { icon: '❌', word: 'fail' } : r.severity === 'warn' ? { icon: '⚠️', word: 'warning' } : { icon: 'ℹ️', word: 'info' };
}

/** Probes that are not already a row of the built-in checks table (finite outputs, deterministic). */
function robustnessSection(all: RobustnessCheck[], checkNames: Set<string>): string | undefined {
  const checks = all.filter((r) => !checkNames.has(ROBUSTNESS_LABEL[r.name] ?? r.name));
  if (checks.length === 0) return undefined;
  const rows = checks.map((r) => {
    const { icon, word } = robustnessResult(r);
    return `| ${ROBUSTNESS_LABEL[r.name] ?? r.name} (${mdCodeCell(`robustness.${r.name}`)}) | ${icon} ${word} | ${mdText(r.detail)} |`;
  });
  return ['### Robustness', '', '| Check | Result | Detail |', '|---|---|---|', ...rows].join('\n');
}

/** Candidate against production on the metrics both have, and McNemar's paired test. */
function baselineSection(v: QualityGatesVerdict): string | undefined {
  const base = v.baselineMetrics;
  if (!base) return undefined;
  const out = ['### Against the baseline', '', `Baseline: ${mdCode(v.evaluation?.baseline?.model ?? v.source.baseline ?? 'baseline')}`];
  const rows = baselineRows(v.metrics, base);
  if (rows.length > 0) {
    out.push('', '| Metric | Candidate | Baseline | Δ |', '|---|---:|---:|---:|');
    for (const r of rows) out.push(`| ${r.metric} | ${r.candidate} | ${r.baseline} | ${r.delta} |`);
  }
  const m = v.evaluation?.baseline?.mcnemar;
  if (m)
    out.push(
      '',
      `**McNemar${m.exact ? ' (exact)' : ''}:** b = ${m.candidateRightBaselineWrong} (candidate right, baseline wrong), c = ${m.candidateWrongBaselineRight} (candidate wrong, baseline right), statistic ${formatNumber(m.statistic)}, ${pEquals(m.pValue)}. ${mdText(m.conclusion)}`,
    );
  return out.join('\n');
}

/** Metrics where a larger value is better; for the rest (losses, errors, latency, size) smaller is. */
const HIGHER_IS_BETTER = new Set(['accuracy', 'macro_f1', 'roc_auc', 'r2', 'balanced_accuracy']);

export function baselineRows(
  candidate: Record<string, number | null>,
  baseline: Record<string, number | null>,
): Array<{ metric: string; candidate: string; baseline: string; delta: string }> {
  const rows = [];
  for (const metric of BASELINE_METRICS) {
    const a = candidate[metric];
    const b = baseline[metric];
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    const d = a - b;
    const mark = d === 0 ? '' : d > 0 === HIGHER_IS_BETTER.has(metric) ? ' (better)' : ' (worse)';
    rows.push({ metric, candidate: metricValue(metric, a), baseline: metricValue(metric, b), delta: `${signed(d, (x) => metricValue(metric, x))}${mark}` });
  }
  return rows;
}

/** Mode 2: the team's own report, shown as it was read. */
function reportSection(v: QualityGatesVerdict): string {
  const entries = Object.entries(v.metrics);
  const rows = entries.slice(0, MAX_TABLE_ROWS).map(([name, value]) => `| ${mdCodeCell(name)} | ${metricValue(name, value)} |`);
  return [
    '### Metrics',
    '',
    `From the report ${mdCode(v.source.report ?? 'report')} (your own evaluation; modelci did not run the model).`,
    '',
    '| Metric | Value |',
    '|---|---:|',
    ...rows,
    ...more(entries.length, 'metrics'),
  ].join('\n');
}

/** A metric in its unit: latency in ms/s, size in MB, anything else as a plain number. */
export function metricValue(name: string, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NOT_MEASURED;
  const dimension = metricDimension(name);
  return dimension === 'ratio' ? formatNumber(value, 4) : formatQuantity(value, dimension);
}

function signed(x: number, format: (x: number) => string): string {
  return x > 0 ? `+${format(x)}` : format(x);
}

function more(total: number, what: string): string[] {
  return total > MAX_TABLE_ROWS ? ['', `_${total - MAX_TABLE_ROWS} more ${what} are in the verdict JSON._`] : [];
}

/**
 * The last guard on GitHub's limit: cut whole lines, close an open code fence so the page still
 * renders, and say where the rest is.
 */
export function capBytes(markdown: string, limit: number): string {
  if (Buffer.byteLength(markdown, 'utf8') <= limit) return markdown;
  const tail = '\n\n_The summary was cut at GitHub’s size limit; the full verdict is in the verdict JSON._\n';
  const budget = limit - Buffer.byteLength(tail, 'utf8') - 8;
  const kept: string[] = [];
  let bytes = 0;
  let fenceOpen = false;
  for (const line of markdown.split('\n')) {
    const n = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + n > budget) break;
    kept.push(line);
    bytes += n;
    if (line.startsWith('```')) fenceOpen = !fenceOpen;
  }
  if (fenceOpen) kept.push('```');
  return kept.join('\n') + tail;
}
