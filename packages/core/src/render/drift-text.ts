import type { DriftReport, FeatureResult } from '../drift/report.js';
import { describeRun, movementText, orderForReading } from './drift-markdown.js';
import { formatNumber, formatP, formatPercent } from '../shared/format.js';
import { logText } from '../shared/log-text.js';

/** A terminal is 80 columns unless told otherwise. */
const WIDTH = 80;
const SHORT_EFFECT: Record<string, string> = { wasserstein: 'W', psi: 'PSI', ks: 'KS D', 'jensen-shannon': 'JS', 'cramers-v': 'V' };

/**
 * The DriftReport for a terminal: a table that fits `width` columns (long feature names are
 * cut, the full name is in the reasons below) and the reasons; the data's own text (names,
 * categories) escaped, as a CI log reads it.
 */
export function renderDriftText(report: DriftReport, color = false, width = WIDTH): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const v = report.verdict;
  const head = v.critical ? paint(31, 'CRITICAL') : v.drifted ? paint(33, 'DRIFT') : paint(32, 'OK');
  const showMissing = report.features.some((f) => f.missing && f.missing.change !== null && f.missing.change !== 0);
  const ordered = orderForReading(report.features);
  const rows = ordered.map((f) => [
    logText(f.name),
    f.status,
    testText(f),
    f.test ? formatP(f.test.pAdjusted) : '-',
    f.effect ? `${SHORT_EFFECT[f.effect.name] ?? f.effect.name} ${formatNumber(f.effect.value)}` : '-',
    f.effect ? formatNumber(f.effect.threshold) : '-',
    ...(showMissing ? [f.missing ? `${formatPercent(f.missing.reference)}>${formatPercent(f.missing.current)}` : '-'] : []),
  ]);
  const header = ['feature', 'status', 'test', 'p corr.', 'effect', 'min', ...(showMissing ? ['missing'] : [])];
  const len = (s: string) => [...s].length;
  const widths = header.map((h, i) => Math.max(len(h), ...rows.map((r) => len(r[i]))));
  // Whatever the other columns leave (two spaces between columns) is the feature column's.
  const others = widths.slice(1).reduce((s, w) => s + w + 2, 0);
  widths[0] = Math.max(8, Math.min(widths[0], width - others));
  const cut = (s: string, w: number) => (len(s) <= w ? s : [...s].slice(0, w - 1).join('') + '…');
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const t = cut(c, widths[i]);
        return t + ' '.repeat(widths[i] - len(t));
      })
      .join('  ')
      .trimEnd();
  const out = [
    `${head}  ${logText(v.summary)}`,
    logText(describeRun(report).replace(/`/g, '')),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ];
  for (const f of ordered) {
    out.push(logText(`${f.name}: ${f.reason}`));
    if (f.status === 'drift') {
      const moved = movementText(f, (s) => s);
      if (moved) out.push(logText(`  ${moved}`));
    }
  }
  for (const s of report.findings) if (s.severity === 'notice') out.push(logText(s.message));
  return out.join('\n') + '\n';
}

function testText(f: FeatureResult): string {
  const t = f.test;
  if (!t) return f.unit ? 'range only' : '-';
  return t.name === 'ks' ? `KS D ${formatNumber(t.statistic)}` : `chi2 ${formatNumber(t.statistic)}/${t.dof}`;
}
