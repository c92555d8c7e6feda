/** The MonitorReport for a terminal: the decision, one line per window, then predictions, quality and A/B; the data's own text escaped. */
import type { MonitorReport } from '../monitor/monitor-report.js';
import { formatNumber, formatPercent } from '../shared/format.js';
import { logText } from '../shared/log-text.js';

export function renderMonitorText(r: MonitorReport, color = false): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const d = r.decision;
  const state = r.alerts.length > 0 ? paint(31, 'ALERT') : d.reasons.length > 0 || d.drifted || d.degraded ? paint(33, 'UNHEALTHY') : paint(32, 'HEALTHY');
  const out = [`${state} ${logText(d.summary)}`];
  for (const a of r.alerts) out.push(`  alert: ${logText(a)}`);
  for (const n of r.notes ?? []) out.push(`  note: ${logText(n)}`);
  out.push(`${r.window.start} to ${r.window.end}, ${r.windows.length} window(s); ${logText(r.level.why)}`);
  for (const w of r.windows) {
    const flag = w.rows === 0 ? paint(31, 'no data') : w.drifted ? paint(33, 'drift  ') : 'ok     ';
    out.push(
      `  ${w.start.slice(0, 16)}  ${String(w.rows).padStart(8)} rows  ${flag}  share ${formatPercent(w.driftShare).padStart(6)}  max effect/threshold ${formatNumber(w.maxEffectRatio)}${w.drifted ? `  ${w.driftedFeatures.map(logText).join(', ')}` : ''}`,
    );
  }
  if (r.prediction) out.push(`predictions: ${logText(r.prediction.summary)}`);
  if (r.quality) out.push(`quality: ${logText(r.quality.summary)}`);
  if (r.ab) out.push(`A/B (${r.ab.decision}): ${logText(r.ab.summary)}`);
  out.push(`retrain: ${d.retrain}: ${logText(d.retrainWhy)}`);
  for (const reason of d.reasons) out.push(`  because ${logText(reason)}`);
  if (d.healthIssue)
    out.push(
      `health issue: ${d.healthIssue.action}${d.healthIssue.url ? ` ${d.healthIssue.url}` : ''}${d.healthIssue.why ? `: ${logText(d.healthIssue.why)}` : ''}`,
    );
  return out.join('\n') + '\n';
}
