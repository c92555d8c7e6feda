/**
 * The pull-request report: what a reviewer needs on the PR page, in one comment — the drift
 * verdict, each gate with its delta against production, the model's size and p99 latency, and
 * links to the run's full summaries. Rendered from the DriftReport and quality-gates verdict JSON.
 */
import type { DriftReport } from '../drift/report.js';
import type { QualityGatesVerdict } from '../gates/quality-gates-verdict.js';
import { gateCells, metricValue, NOT_MEASURED, verdictCount } from './gates-markdown.js';
import { mdCode, mdCodeCell, mdHeading, mdTable, mdText } from './markdown.js';

export interface PrReportLink {
  label: string;
  url: string;
}

export interface PrReportInput {
  drift?: DriftReport;
  gates?: QualityGatesVerdict;
  /** The commit the report is for (the PR's head). */
  commit?: string;
  links?: PrReportLink[];
}

/** Drifted features listed by name; the summary has every one. */
const MAX_FEATURES = 10;

export function renderPrReport(r: PrReportInput): string {
  const failed = r.drift?.verdict.failed === true || r.gates?.passed === false;
  const sections = [
    mdHeading(2, `${failed ? '❌' : '✅'} modelci${r.commit ? ` for ${mdCode(r.commit.slice(0, 12))}` : ''}`),
    mdTable(
      ['Stage', 'Result'],
      ['left', 'left'],
      [
        ['Data drift', r.drift ? driftResult(r.drift) : 'not checked'],
        ['Quality gates', r.gates ? `${r.gates.passed ? '✅' : '❌'} ${verdictCount(r.gates)}` : 'not evaluated'],
      ],
    ),
    r.gates ? gateSection(r.gates) : undefined,
    r.gates ? sizeAndLatency(r.gates) : undefined,
    r.drift ? driftSection(r.drift) : undefined,
    r.links && r.links.length > 0
      ? r.links
          .map(linkLine)
          .filter((l) => l !== undefined)
          .join(' · ')
      : undefined,
  ];
  return sections.filter((s) => s !== undefined && s !== '').join('\n\n') + '\n';
}

function driftResult(d: DriftReport): string {
  const v = d.verdict;
  const icon = v.failed ? '❌' : v.drifted ? '⚠️' : '✅';
  const what = v.critical ? 'critical drift' : v.drifted ? 'drift' : 'no drift';
  return `${icon} ${what}: ${v.driftedFeatures.length} of ${v.testedFeatures} features drifted`;
}

function driftSection(d: DriftReport): string | undefined {
  const drifted = d.features.filter((f) => f.status === 'drift' || f.status === 'critical');
  if (drifted.length === 0 && d.findings.length === 0) return undefined;
  const lines = ['### Data drift', '', mdText(d.verdict.summary)];
  if (drifted.length > 0) {
    lines.push('', ...drifted.slice(0, MAX_FEATURES).map((f) => `- ${mdCode(f.name)} (${f.status}): ${mdText(f.reason)}`));
    if (drifted.length > MAX_FEATURES) lines.push(`- _${drifted.length - MAX_FEATURES} more in the drift summary._`);
  }
  const critical = d.findings.filter((f) => f.severity === 'critical');
  if (critical.length > 0) lines.push('', ...critical.slice(0, MAX_FEATURES).map((f) => `- ❌ ${mdCode(f.column)}: ${mdText(f.message)}`));
  return lines.join('\n');
}

function gateSection(v: QualityGatesVerdict): string {
  const base = v.baselineMetrics;
  const rows = v.gates.slice(0, 50).map((g) => {
    const c = gateCells(g);
    return [
      mdCodeCell(g.gate),
      c.actual,
      c.threshold,
      c.margin,
      base ? delta(g.metric, g.actual, base[g.metric]) : NOT_MEASURED,
      g.passed ? '✅ pass' : '❌ fail',
    ];
  });
  const out = ['### Quality gates', ''];
  if (!base) out.push('_No production model to compare with (a first run): gates against the baseline were skipped._', '');
  if (rows.length > 0)
    out.push(mdTable(['Gate', 'Actual', 'Threshold', 'Margin', 'Δ vs production', 'Result'], ['left', 'right', 'right', 'right', 'right', 'left'], rows));
  else out.push(mdText(v.summary));
  return out.join('\n');
}

function sizeAndLatency(v: QualityGatesVerdict): string | undefined {
  const rows = ['size', 'latency.p99']
    .filter((m) => typeof v.metrics[m] === 'number')
    .map((m) => [
      m === 'size' ? 'Size' : 'p99 latency',
      metricValue(m, v.metrics[m]),
      metricValue(m, v.baselineMetrics?.[m]),
      delta(m, v.metrics[m], v.baselineMetrics?.[m]),
    ]);
  if (rows.length === 0) return undefined;
  return ['### Size and latency', '', mdTable(['', 'Candidate', 'Production', 'Δ'], ['left', 'right', 'right', 'right'], rows)].join('\n');
}

function delta(metric: string, candidate: number | null | undefined, production: number | null | undefined): string {
  if (typeof candidate !== 'number' || typeof production !== 'number') return NOT_MEASURED;
  const d = candidate - production;
  const text = metricValue(metric, Math.abs(d));
  return d > 0 ? `+${text}` : d < 0 ? `−${text}` : '0';
}

/** Only web links: a report must not carry javascript: or data: URLs into the PR page. */
function linkLine(l: PrReportLink): string | undefined {
  let url: URL;
  try {
    url = new URL(l.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return `[${mdText(l.label)}](<${url.href.replace(/[<>]/g, encodeURIComponent)}>)`;
}
