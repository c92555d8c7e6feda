import { effectLabel } from '../drift/check-drift.js';
import type { DriftReport, FeatureResult } from '../drift/report.js';
import { formatCount, formatNumber, formatP, formatPercent } from '../shared/format.js';
import { mdCode, mdHeading, mdText, mermaidLabel } from './markdown.js';

/** Rows shown in the summary table; GitHub caps a step summary at 1 MiB. */
const MAX_ROWS = 300;
const STATUS_ICON: Record<FeatureResult['status'], string> = { ok: '✅ ok', drift: '⚠️ drift', critical: '❌ critical', skipped: '➖ skipped', new: '🆕 new' };

/** The DriftReport as GitHub-flavoured Markdown for the job summary. */
export function renderDriftMarkdown(report: DriftReport): string {
  const v = report.verdict;
  const icon = v.critical ? '❌' : v.drifted ? '⚠️' : '✅';
  const out: string[] = [];
  out.push(mdHeading(2, `${icon} Data drift check: ${mdText(v.summary)}`), '');
  out.push(describeRun(report), '');
  const rows = orderForReading(report.features).slice(0, MAX_ROWS);
  out.push('| Feature | Status | Test | Statistic | p (corrected) | Effect size | Threshold | Missing ref → cur |');
  out.push('|---|---|---|---:|---:|---:|---:|---|');
  for (const f of rows) {
    const t = f.test;
    const e = f.effect;
    out.push(`| ${mdText(f.name)} | ${STATUS_ICON[f.status]} | ${t ? testLabel(f) : '–'} | ${t ? formatNumber(t.statistic) : '–'} | ${t ? formatP(t.pAdjusted) : '–'} | ${e ? `${effectLabel(e.name)} ${formatNumber(e.value)}${e.errorBound ? ` ± ${formatNumber(e.errorBound)}` : ''}` : '–'} | ${e ? formatNumber(e.threshold) : '–'} | ${missingCell(f)} |`);
  }
  if (report.features.length > MAX_ROWS) out.push('', `_${report.features.length - MAX_ROWS} more features are in the JSON report._`);
  const chart = effectChart(report.features);
  if (chart) out.push('', chart);
  const notes = orderForReading(report.features).filter((f) => f.status === 'drift' || f.status === 'critical');
  if (notes.length > 0 || report.findings.length > 0) {
    out.push('', '### Why', '');
    for (const f of notes.slice(0, MAX_ROWS)) out.push(`- **${mdText(f.name)}** — ${mdText(f.reason)}`);
    for (const s of report.findings.filter((x) => x.severity === 'notice')) out.push(`- ${mdText(s.message)}`);
  }
  out.push('', `<details><summary>Every feature</summary>`, '');
  for (const f of rows) out.push(`- **${mdText(f.name)}** (${f.status}): ${mdText(f.reason)}`);
  out.push('', '</details>', '');
  return out.join('\n');
}

export function describeRun(report: DriftReport): string {
  const o = report.options;
  const ref = report.reference;
  const origin = ref.origin === 'data' ? 'data' : ref.origin === 'profile' ? 'profile' : 'seed-format profile';
  return `Reference: ${ref.files.map(mdCode).join(', ') || '–'} (${origin}, ${formatCount(ref.rows)} rows) · ` +
    `Current: ${report.current.files.slice(0, 5).map(mdCode).join(', ')}${report.current.files.length > 5 ? ` and ${report.current.files.length - 5} more` : ''} (${formatCount(report.current.rows)} rows) · ` +
    `level ${o.alpha}, ${o.correction} correction · drift needs corrected p < ${o.alpha} and effect ≥ threshold`;
}

/** Drifted and critical first, then by effect relative to its threshold. */
export function orderForReading(features: FeatureResult[]): FeatureResult[] {
  const rank = { critical: 0, drift: 1, ok: 2, new: 3, skipped: 4 } as const;
  return [...features].sort((a, b) => rank[a.status] - rank[b.status] || ratio(b) - ratio(a));
}

function ratio(f: FeatureResult): number {
  return f.effect && f.effect.threshold > 0 ? f.effect.value / f.effect.threshold : 0;
}

function effectChart(features: FeatureResult[]): string | undefined {
  const shown = orderForReading(features).filter((f) => f.effect && f.effect.threshold > 0).slice(0, 40);
  if (shown.length === 0) return undefined;
  const ratios = shown.map((f) => Number(Math.min(ratio(f), 99).toFixed(3)));
  const top = Math.max(2, Math.ceil(Math.max(...ratios)));
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Effect size ÷ threshold (bars at or above the line are large enough to count)"',
    `  x-axis [${shown.map((f) => mermaidLabel(f.name)).join(', ')}]`,
    `  y-axis "effect ÷ threshold" 0 --> ${top}`,
    `  bar [${ratios.join(', ')}]`,
    `  line [${shown.map(() => 1).join(', ')}]`,
    '```',
  ].join('\n');
}

function testLabel(f: FeatureResult): string {
  const t = f.test!;
  if (t.name === 'chi2') return `χ² (dof ${t.dof})`;
  return `KS ${t.method ?? ''}${t.exact ? '' : ' (sketch)'}`.trim();
}

function missingCell(f: FeatureResult): string {
  const m = f.missing;
  if (!m) return '–';
  const text = `${formatPercent(m.reference)} → ${formatPercent(m.current)}`;
  return m.drifted ? `**${text}**` : text;
}

