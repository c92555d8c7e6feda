/** The MonitorReport as GitHub-flavoured Markdown: the decision and why, drift over the windows (chart and table), predictions, live quality, A/B. */
import type { MonitorReport, WindowDrift } from '../monitor/monitor-report.js';
import { formatCount, formatNumber, formatPercent } from '../shared/format.js';
import { CHART_INIT } from './drift-markdown.js';
import { renderDriftMarkdown } from './drift-markdown.js';
import { mdCode, mdHeading, mdTable, mdText, mermaidLabel } from './markdown.js';

/** Windows in the chart and table: a week of hours at most (the 1 MiB summary cap). */
const MAX_WINDOWS = 168;

export function renderMonitorMarkdown(r: MonitorReport): string {
  const d = r.decision;
  const healthy = r.alerts.length === 0 && d.reasons.length === 0 && !d.drifted && !d.degraded;
  const out: string[] = [];
  out.push(mdHeading(2, `${healthy ? '✅' : r.alerts.length > 0 ? '❌' : '⚠️'} Production monitor: ${mdText(d.summary)}`), '');
  for (const a of r.alerts) out.push(`> [!WARNING]\n> ${mdText(a)}`, '');
  for (const n of r.notes ?? []) out.push(`> [!NOTE]\n> ${mdText(n)}`, '');
  out.push(
    `Production data ${mdCode(r.source)}, ${r.window.start} to ${r.window.end} (${r.window.split}), against ${mdText(r.reference.from)} (${formatCount(r.reference.rows)} rows, ${r.reference.origin}). ${mdText(r.level.why)}`,
    '',
  );
  out.push(mdHeading(3, 'Decision'), '');
  const retrainIcon = d.retrain === 'dispatched' ? '🔁' : d.retrain === 'skipped' ? '⏸️' : '➖';
  out.push(`- Retrain: ${retrainIcon} **${d.retrain}**: ${mdText(d.retrainWhy)}${d.runUrl ? ` ([run](${encodeURI(d.runUrl)}))` : ''}`);
  for (const reason of d.reasons) out.push(`- Why: ${mdText(reason)}`);
  if (d.healthIssue)
    out.push(
      `- Health issue: ${d.healthIssue.action}${d.healthIssue.url ? ` (${encodeURI(d.healthIssue.url)})` : ''}${d.healthIssue.why ? `: ${mdText(d.healthIssue.why)}` : ''}`,
    );
  out.push('');

  const shown = r.windows.slice(-MAX_WINDOWS);
  if (shown.length > 1) out.push(mdHeading(3, 'Drift over the windows'), '', driftChart(shown), '');
  if (shown.length > 0) {
    out.push(
      mdTable(
        ['Window (UTC)', 'Rows', 'Drifted', 'Share drifted', 'Largest significant effect ÷ threshold', 'Verdict'],
        ['left', 'right', 'left', 'right', 'right', 'left'],
        shown.map((w) => [
          `${w.start.slice(0, 16)} – ${w.end.slice(11, 16)}`,
          formatCount(w.rows),
          w.rows === 0 ? '❌ no data' : w.drifted ? '⚠️ yes' : '✅ no',
          formatPercent(w.driftShare),
          formatNumber(w.maxEffectRatio),
          mdText(w.summary),
        ]),
      ),
      '',
    );
  }
  if (r.prediction)
    out.push(mdHeading(3, `Predictions (${mdText(r.prediction.column)})`), '', `${r.prediction.drifted ? '⚠️' : '✅'} ${mdText(r.prediction.summary)}`, '');
  if (r.quality) out.push(mdHeading(3, 'Live quality'), '', `${r.quality.degraded ? '⚠️' : '✅'} ${mdText(r.quality.summary)}`, '');
  if (r.ab) {
    const ab = r.ab;
    const c = ab.comparison;
    out.push(mdHeading(3, `A/B: ${mdText(ab.champion)} (champion) vs ${mdText(ab.challenger)} (challenger)`), '');
    out.push(`**${ab.decision}**: ${mdText(ab.summary)}`, '');
    out.push(
      mdTable(
        ['Variant', 'Requests', 'Success rate', '95% Wilson interval'],
        ['left', 'right', 'right', 'left'],
        c.rates.map((x) => [mdText(x.name), formatCount(x.total), formatPercent(x.rate), `${formatPercent(x.interval[0])} – ${formatPercent(x.interval[1])}`]),
      ),
      '',
    );
    out.push(
      `Difference ${formatPercent(c.difference)}, ${Math.round((1 - c.alpha) * 100)}% anytime-valid interval ${formatPercent(c.interval[0])} to ${formatPercent(c.interval[1])}, likelihood ratio ${formatNumber(c.likelihoodRatio)} (winner at ${formatNumber(1 / c.alpha)}). ${mdText(ab.sampleRatio.summary)}`,
      '',
    );
  }
  if (r.lastWindow) {
    out.push(
      '<details><summary>The newest window, feature by feature</summary>',
      '',
      renderDriftMarkdown(r.lastWindow).replace(/^## /m, '#### '),
      '',
      '</details>',
      '',
    );
  }
  return out.join('\n');
}

/** Bars: each window's largest significant effect ÷ its threshold; the red line at 1: past it, a feature drifted. */
function driftChart(windows: WindowDrift[]): string {
  const ratios = windows.map((w) => Number(Math.min(w.maxEffectRatio, 1000).toFixed(3)));
  const top = Math.max(2, Math.ceil(Math.max(...ratios) * 1.1));
  const labels = windows.map((w) => mermaidLabel(windows.length > 24 ? w.start.slice(5, 13).replace('T', ' ') : w.start.slice(11, 16)));
  const drifted = windows.filter((w) => w.drifted).length;
  return [
    '```mermaid',
    CHART_INIT,
    'xychart-beta',
    `  title "Largest significant effect ÷ threshold per window (blue bars); past the red line (1) is drift; ${drifted} of ${windows.length} windows drifted"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "effect ÷ threshold" 0 --> ${top}`,
    `  bar [${ratios.join(', ')}]`,
    `  line [${windows.map(() => 1).join(', ')}]`,
    '```',
  ].join('\n');
}
