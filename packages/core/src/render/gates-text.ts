/**
 * The quality-gates verdict for a terminal (`modelci gates`): the verdict, an aligned gate
 * table, the checks, the key numbers and, for a few classes, the confusion matrix. Plain ASCII,
 * so it reads the same in a CI log, a pager or a file.
 */
import type { GateResult } from '../gates/evaluate-gates.js';
import { formatQuantity } from '../shared/quantity.js';
import type { QualityGatesVerdict } from '../gates/quality-gates-verdict.js';
import type { EvaluationReport, LatencyReport } from '../model/evaluation-report.js';
import { formatCount, formatNumber, pEquals } from '../shared/format.js';
import { logText } from '../shared/log-text.js';
import {
  baselineRows,
  endpointErrorLine,
  endpointLine,
  gateCells,
  hardwareLine,
  metricValue,
  ms,
  robustnessResult,
  rowsPerSecond,
  verdictCount,
} from './gates-markdown.js';
import type { EndpointLatencyReport } from '../model/measure-endpoint-latency.js';

/** Wider matrices do not fit a terminal line. */
export const MAX_TEXT_MATRIX_CLASSES = 10;

export function renderGatesText(verdict: QualityGatesVerdict): string {
  // Names, paths, labels and model metadata are the user's and the model's text: escape every
  // string once, so none can break a line or start a workflow command in a CI log.
  const v = everyString(verdict, logText);
  const e = v.evaluation;
  const blocks = [
    [`${v.passed ? 'PASSED' : 'FAILED'}  quality gates: ${verdictCount(v)}`, v.summary, sourceLine(v)],
    gateLines(v.gates),
    v.checks.map((c) => `${c.passed ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`),
    e ? metricLines(e) : reportLines(v),
    e?.latency ? latencyLines(e.latency) : [],
    e?.endpointLatency ? endpointLatencyLines(e.endpointLatency) : [],
    e ? confusionLines(e) : [],
    e ? robustnessLines(e) : [],
    baselineLines(v),
    (e?.notes ?? []).map((n) => `note: ${n}`),
  ];
  return (
    ascii(
      blocks
        .filter((b) => b.length > 0)
        .map((b) => b.join('\n'))
        .join('\n\n'),
    ) + '\n'
  );
}

function sourceLine(v: QualityGatesVerdict): string {
  const e = v.evaluation;
  if (!e) return `report: ${v.source.report ?? '-'}`;
  return (
    `model: ${e.model.path} (${formatQuantity(e.model.sizeBytes, 'bytes')}, ${e.task}) on ${e.data.spec}: ${formatCount(e.data.rows)} rows, label ${e.data.labelColumn}` +
    (e.data.rowsWithMissingInputs > 0 ? `, ${formatCount(e.data.rowsWithMissingInputs)} with missing inputs` : '')
  );
}

function gateLines(gates: GateResult[]): string[] {
  if (gates.length === 0) return [];
  const rows = gates.map((g) => {
    const c = gateCells(g);
    return [g.gate, c.actual, c.threshold, c.margin, g.passed ? 'PASS' : 'FAIL'];
  });
  return alignTable(['gate', 'actual', 'threshold', 'margin', 'result'], rows, [false, true, true, true, false]);
}

function metricLines(e: EvaluationReport): string[] {
  const m = e.metrics;
  const c = e.classification;
  if (!c) return [`metrics: MAE ${metricValue('mae', m.mae)}, RMSE ${metricValue('rmse', m.rmse)}, R^2 ${metricValue('r2', m.r2)}`];
  const ci = c.accuracyInterval;
  const lines = [
    `metrics: accuracy ${metricValue('accuracy', m.accuracy)} (${Math.round(ci.confidence * 100)}% CI ${metricValue('accuracy', ci.low)}-${metricValue('accuracy', ci.high)}), ` +
      `balanced accuracy ${metricValue('balanced_accuracy', m.balanced_accuracy)}, macro F1 ${metricValue('macro_f1', m.macro_f1)}, ` +
      `log loss ${metricValue('log_loss', m.log_loss)}, ROC AUC ${metricValue('roc_auc', m.roc_auc)}`,
  ];
  if (c.collapsed.length > 0) lines.push(`collapsed: the model never predicts ${c.collapsed.map((l) => `'${l}'`).join(', ')}`);
  return lines;
}

function reportLines(v: QualityGatesVerdict): string[] {
  const rows = Object.entries(v.metrics).map(([name, value]) => [name, metricValue(name, value)]);
  return rows.length === 0 ? [] : ['metrics (from the report):', ...alignTable(['metric', 'value'], rows, [false, true]).map((l) => `  ${l}`)];
}

function latencyLines(l: LatencyReport): string[] {
  const lines = [
    `latency: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)}, mean ${ms(l.mean)}; ${rowsPerSecond(l.throughput)} at batch size ${l.batchSize}; ` +
      `${formatCount(l.runs)} runs after ${formatCount(l.warmupRuns)} warm-up`,
    `hardware: ${hardwareLine(l)}`,
  ];
  if (l.warning) lines.push(`warning: ${l.warning}`);
  return lines;
}

function endpointLatencyLines(l: EndpointLatencyReport): string[] {
  const lines = [
    `latency (model server): p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)}, mean ${ms(l.mean)}; ${rowsPerSecond(l.throughput)}`,
    endpointLine(l),
  ];
  if (l.errors > 0) lines.push(endpointErrorLine(l));
  if (l.p99Spread)
    lines.push(`p99 over ${l.p99Spread.blocks} blocks of ${formatCount(l.p99Spread.runsPerBlock)} requests: ${ms(l.p99Spread.low)} to ${ms(l.p99Spread.high)}`);
  if (l.warning) lines.push(`warning: ${l.warning}`);
  return lines;
}

/** Only for a few classes: beyond that the summary's table (or the JSON) is the place. */
function confusionLines(e: EvaluationReport): string[] {
  const c = e.classification;
  if (!c || c.labels.length === 0) return [];
  if (c.labels.length > MAX_TEXT_MATRIX_CLASSES)
    return [`confusion matrix: ${c.labels.length} classes, too many for a terminal; see --format markdown or json.`];
  const rows = c.labels.map((label, i) => [label, ...c.matrix[i].map(String)]);
  const table = alignTable(['true \\ predicted', ...c.labels], rows, [false, ...c.labels.map(() => true)]);
  return ['confusion matrix (rows = true class, columns = predicted):', ...table.map((l) => `  ${l}`)];
}

/** Probes that did not pass; the passing ones would only be noise here. */
function robustnessLines(e: EvaluationReport): string[] {
  // An unprobed check's detail already starts with 'Not probed'.
  return e.robustness
    .filter((r) => r.passed !== true)
    .map((r) => `robustness ${r.name}: ${r.passed === null ? '' : `${robustnessResult(r).word.toUpperCase()}  `}${r.detail}`);
}

function baselineLines(v: QualityGatesVerdict): string[] {
  if (!v.baselineMetrics) return [];
  const lines = [`baseline: ${v.evaluation?.baseline?.model ?? v.source.baseline ?? '-'}`];
  const rows = baselineRows(v.metrics, v.baselineMetrics).map((r) => [r.metric, r.candidate, r.baseline, r.delta]);
  if (rows.length > 0) lines.push(...alignTable(['metric', 'candidate', 'baseline', 'delta'], rows, [false, true, true, true]).map((l) => `  ${l}`));
  const m = v.evaluation?.baseline?.mcnemar;
  if (m)
    lines.push(
      `McNemar: b = ${m.candidateRightBaselineWrong}, c = ${m.candidateWrongBaselineRight}, statistic ${formatNumber(m.statistic)}, ${pEquals(m.pValue)}: ${m.conclusion}`,
    );
  return lines;
}

/** Columns padded to their widest cell; numbers right-aligned so digits line up. */
export function alignTable(header: string[], rows: string[][], right: boolean[]): string[] {
  const width = (s: string) => [...s].length;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => (right[i] ? ' '.repeat(widths[i] - width(s)) + s : s + ' '.repeat(widths[i] - width(s)));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c ?? '', i))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The typographic symbols the shared formatters and messages use, in ASCII for any terminal. */
const ASCII: Array<[RegExp, string]> = [
  [/≥/g, '>='],
  [/≤/g, '<='],
  [/[–—]/g, '-'],
  [/∞/g, 'inf'],
  [/×/g, 'x'],
  [/Δ/g, 'delta'],
  [/²/g, '^2'],
  [/µ/g, 'u'],
  [/[’‘]/g, "'"],
  [/[“”]/g, '"'],
  [/·/g, '-'],
  [/…/g, '...'],
];

export function ascii(s: string): string {
  return ASCII.reduce((t, [re, to]) => t.replace(re, to), s);
}

/** A copy of a JSON-like value with every string (keys too) passed through f. */
function everyString<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((x) => everyString(x, f)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [f(k), everyString(x, f)])) as T;
  }
  return value;
}
