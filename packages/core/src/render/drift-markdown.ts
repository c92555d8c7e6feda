import { effectLabel } from '../drift/check-drift.js';
import type { DriftReport, FeatureResult } from '../drift/report.js';
import { formatCount, formatNumber, formatP, formatPercent } from '../shared/format.js';
import { mdCode, mdHeading, mdTable, mdText, mermaidLabel, type Align } from './markdown.js';

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
  // The missing-rate column only when some missing rate moved: a column of 0.0% → 0.0% is noise.
  const showMissing = report.features.some((f) => f.missing && f.missing.change !== null && f.missing.change !== 0);
  const header = ['Feature', 'Status', 'Test (statistic)', 'p (corrected)', 'Effect size', 'Threshold', ...(showMissing ? ['Missing ref → cur'] : [])];
  const align: Align[] = ['left', 'left', 'left', 'right', 'right', 'right', 'left'];
  out.push(
    mdTable(
      header,
      align,
      rows.map((f) => {
        const t = f.test;
        const e = f.effect;
        return [
          mdText(f.name),
          STATUS_ICON[f.status],
          t ? testCell(f) : f.unit ? 'date/time: range only' : '–',
          t ? formatP(t.pAdjusted) : '–',
          e ? `${effectLabel(e.name)} ${formatNumber(e.value)}${e.errorBound ? ` ± ${formatNumber(e.errorBound)}` : ''}` : '–',
          e ? formatNumber(e.threshold) : '–',
          ...(showMissing ? [missingCell(f)] : []),
        ];
      }),
    ),
  );
  if (report.features.length > MAX_ROWS) out.push('', `_${report.features.length - MAX_ROWS} more features are in the JSON report._`);
  const chart = effectChart(report.features);
  // The chart's title stays short (mermaid clips a title wider than the chart): the key is here.
  if (chart)
    out.push('', "Each bar is a feature's effect size divided by its threshold: blue bars past the red line at 1 are large enough to count.", '', chart);
  const notes = orderForReading(report.features).filter((f) => f.status === 'drift' || f.status === 'critical');
  if (notes.length > 0 || report.findings.length > 0) {
    out.push('', '### Why', '');
    for (const f of notes.slice(0, MAX_ROWS)) {
      out.push(`- **${mdText(f.name)}** — ${mdText(f.reason)}`);
      const moved = movementText(f);
      if (moved) out.push(`  ${moved}`);
    }
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
  return (
    `Reference: ${ref.files.map(mdCode).join(', ') || '–'} (${origin}, ${formatCount(ref.rows)} rows) · ` +
    `Current: ${report.current.files.slice(0, 5).map(mdCode).join(', ')}${report.current.files.length > 5 ? ` and ${report.current.files.length - 5} more` : ''} (${formatCount(report.current.rows)} rows) · ` +
    `level ${o.alpha}, ${o.correction} correction · drift needs corrected p < ${o.alpha} and effect ≥ threshold`
  );
}

/** Drifted and critical first, then by effect relative to its threshold. */
export function orderForReading(features: FeatureResult[]): FeatureResult[] {
  const rank = { critical: 0, drift: 1, ok: 2, new: 3, skipped: 4 } as const;
  return [...features].sort((a, b) => rank[a.status] - rank[b.status] || ratio(b) - ratio(a));
}

function ratio(f: FeatureResult): number {
  return f.effect && f.effect.threshold > 0 ? f.effect.value / f.effect.threshold : 0;
}

/** Charted features: the 15 largest effects, so labels stay readable. */
const CHART_FEATURES = 15;
/** Blue bars and a red threshold line: both read on GitHub's light and dark backgrounds. */
export const CHART_INIT = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0366d6, #d73a49"}}}}%%';

function effectChart(features: FeatureResult[]): string | undefined {
  const shown = features
    .filter((f) => f.effect && f.effect.threshold > 0)
    .sort((a, b) => ratio(b) - ratio(a))
    .slice(0, CHART_FEATURES);
  if (shown.length === 0) return undefined;
  const ratios = shown.map((f) => Number(Math.min(ratio(f), 99).toFixed(3)));
  const top = Math.max(2, Math.ceil(Math.max(...ratios)));
  const more = features.filter((f) => f.effect && f.effect.threshold > 0).length - shown.length;
  return [
    '```mermaid',
    CHART_INIT,
    'xychart-beta horizontal',
    `  title "Effect ÷ threshold${more > 0 ? `, top ${CHART_FEATURES} of ${shown.length + more}` : ''}"`,
    `  x-axis [${shown.map((f) => mermaidLabel(chartLabel(f.name))).join(', ')}]`,
    `  y-axis "effect ÷ threshold" 0 --> ${top}`,
    `  bar [${ratios.join(', ')}]`,
    `  line [${shown.map(() => 1).join(', ')}]`,
    '```',
  ].join('\n');
}

/** A long name squeezes the bars into a sliver: at most 24 characters on the axis (the table has the whole name). */
function chartLabel(name: string): string {
  const chars = [...name];
  return chars.length <= 24 ? name : `${chars.slice(0, 23).join('')}…`;
}

/** How a drifted feature moved, in one line: quantiles for numbers, the largest share changes for categories. */
export function movementText(f: FeatureResult, code: (s: string) => string = mdText): string | undefined {
  const q = f.movement?.quantiles;
  if (q) {
    const pct = (p: number) => `p${Math.round(p * 100)}`;
    return `Moved: ${q.levels.map((p, i) => `${pct(p)} ${formatNumber(q.reference[i])} → ${formatNumber(q.current[i])}`).join(', ')}`;
  }
  const s = f.movement?.shares;
  if (s && s.length > 0)
    return `Moved: ${s
      .slice(0, 3)
      .map((x) => `${code(x.category)} ${formatPercent(x.reference)} → ${formatPercent(x.current)}`)
      .join(', ')}`;
  return undefined;
}

/** The test and its own statistic in one cell, so one column never mixes χ² and KS D. */
function testCell(f: FeatureResult): string {
  const t = f.test!;
  if (t.name === 'chi2') return `χ² ${formatNumber(t.statistic)} (dof ${t.dof})`;
  return `KS D ${formatNumber(t.statistic)}${t.method ? ` (${t.method}${t.exact ? '' : ', sketch'})` : t.exact ? '' : ' (sketch)'}`;
}

function missingCell(f: FeatureResult): string {
  const m = f.missing;
  if (!m) return '–';
  const text = `${formatPercent(m.reference)} → ${formatPercent(m.current)}`;
  return m.drifted ? `**${text}**` : text;
}
