import { effectLabel } from '../drift/check-drift.js';
import type { DriftReport } from '../drift/report.js';
import { describeRun, orderForReading } from './drift-markdown.js';
import { formatNumber, formatP, formatPercent } from '../shared/format.js';
import { logText } from '../shared/log-text.js';

/** The DriftReport for a terminal: an aligned table and the reasons; the data's own text (names, categories) escaped, as a CI log reads it. */
export function renderDriftText(report: DriftReport, color = false): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const v = report.verdict;
  const head = v.critical ? paint(31, 'CRITICAL') : v.drifted ? paint(33, 'DRIFT') : paint(32, 'OK');
  const rows = orderForReading(report.features).map((f) => [
    logText(f.name),
    f.status.toUpperCase(),
    f.test ? (f.test.name === 'ks' ? `KS ${f.test.method ?? ''}` : `chi2 dof ${f.test.dof}`) : '-',
    f.test ? formatNumber(f.test.statistic) : '-',
    f.test ? formatP(f.test.pAdjusted) : '-',
    f.effect ? `${effectLabel(f.effect.name)} ${formatNumber(f.effect.value)}` : '-',
    f.effect ? formatNumber(f.effect.threshold) : '-',
    f.missing ? `${formatPercent(f.missing.reference)} -> ${formatPercent(f.missing.current)}` : '-',
  ]);
  const header = ['feature', 'status', 'test', 'statistic', 'p (corr.)', 'effect', 'threshold', 'missing'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd();
  const out = [`${head}  ${logText(v.summary)}`, logText(describeRun(report).replace(/`/g, '')), '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const f of orderForReading(report.features)) out.push(logText(`${f.name}: ${f.reason}`));
  for (const s of report.findings) if (s.severity === 'notice') out.push(logText(s.message));
  return out.join('\n') + '\n';
}
