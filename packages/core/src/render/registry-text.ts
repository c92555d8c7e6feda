/** A model version in a terminal: `modelci register | promote | resolve` print one, `list` a table. */
import type { ModelVersion } from '../registry/model-version.js';
import { logText } from '../shared/log-text.js';
import { formatQuantity } from '../shared/quantity.js';
import { redactUri } from '../shared/redact-uri.js';
import { alignTable } from './gates-text.js';
import { keyMetrics, otherMetrics, shortDigest } from './registry-view.js';

export function renderVersionText(v: ModelVersion, headline: string): string {
  const p = v.provenance;
  const rows: Array<[string, string]> = [
    ['version', `${v.version}${v.aliases.length > 0 ? ` (${v.aliases.join(', ')})` : ''}`],
    ['git SHA', p.gitSha ?? '(not recorded)'],
  ];
  if (p.runUrl) rows.push(['run', p.runUrl]);
  if (p.creator) rows.push(['creator', p.creator]);
  rows.push(['created', v.createdAt]);
  rows.push(['gate verdict', p.gateVerdict ? `${p.gateVerdict.passed ? 'passed' : 'FAILED'} (${shortDigest(p.gateVerdict.digest)})` : '(none recorded)']);
  if (p.driftReport) rows.push(['drift report', shortDigest(p.driftReport.digest)]);
  const metrics = [...keyMetrics(v), ...otherMetrics(v)];
  if (metrics.length > 0) rows.push(['metrics', metrics.map((m) => `${m.label} ${m.value}`).join(', ')]);
  const tags = Object.entries(v.tags ?? {});
  if (tags.length > 0) rows.push(['tags', tags.map(([k, x]) => `${k}=${x}`).join(', ')]);
  rows.push(['files', v.files.map((f) => `${f.path} (${formatQuantity(f.size, 'bytes')})`).join(', ')]);
  rows.push(['digest', v.digest]);
  rows.push(['uri', redactUri(v.uri)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return [logText(headline), ...rows.map(([k, x]) => `  ${k.padEnd(width)}  ${logText(x)}`)].join('\n') + '\n';
}

/** `modelci list`: one line per version, newest first, the key metrics as columns. */
export function renderVersionListText(versions: ModelVersion[]): string {
  if (versions.length === 0) return 'No versions.\n';
  const newest = [...versions].reverse();
  const labels: string[] = [];
  for (const v of newest) for (const m of keyMetrics(v)) if (!labels.includes(m.label)) labels.push(m.label);
  const header = ['version', 'aliases', 'created', 'git SHA', 'gates', ...labels];
  const rows = newest.map((v) => {
    const gate = v.provenance.gateVerdict ? (v.provenance.gateVerdict.passed ? 'passed' : 'FAILED') : '-';
    const metrics = new Map(keyMetrics(v).map((m) => [m.label, m.value]));
    return [
      String(v.version),
      v.aliases.join(','),
      v.createdAt.replace(/\.\d+Z$/, 'Z'),
      (v.provenance.gitSha ?? '').slice(0, 12),
      gate,
      ...labels.map((l) => metrics.get(l) ?? ''),
    ].map(logText);
  });
  return alignTable(header, rows, [true, false, false, false, false, ...labels.map(() => true)]).join('\n') + '\n';
}
