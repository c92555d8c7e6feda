/**
 * A model version for people: the job summary of register-model and the text `modelci register
 * | promote | resolve | list` prints. Provenance first: which commit, which run, which gates.
 */
import type { AliasMove, ModelVersion } from '../registry/model-version.js';
import { formatQuantity } from '../shared/quantity.js';
import { logText } from '../shared/log-text.js';
import { redactUri } from '../shared/redact-uri.js';
import { mdCode, mdHeading, mdText } from './markdown.js';

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

function provenanceRows(v: ModelVersion): Array<[string, string]> {
  const p = v.provenance;
  const rows: Array<[string, string]> = [
    ['version', `${v.version}${v.aliases.length > 0 ? ` (${v.aliases.join(', ')})` : ''}`],
    ['digest', v.digest],
    ['uri', redactUri(v.uri)],
    ['git SHA', p.gitSha ?? '(not recorded)'],
  ];
  if (p.runUrl) rows.push(['run', p.runUrl]);
  if (p.creator) rows.push(['creator', p.creator]);
  rows.push(['created', v.createdAt]);
  rows.push(['gate verdict', p.gateVerdict ? `${p.gateVerdict.passed ? 'passed' : 'FAILED'} (${short(p.gateVerdict.digest)})` : '(none recorded)']);
  if (p.driftReport) rows.push(['drift report', short(p.driftReport.digest)]);
  rows.push(['files', v.files.map((f) => `${f.path} (${formatQuantity(f.size, 'bytes')})`).join(', ')]);
  const metrics = Object.entries(v.metrics)
    .filter(([, x]) => x !== null)
    .slice(0, 12);
  if (metrics.length > 0) rows.push(['metrics', metrics.map(([k, x]) => `${k} ${Number((x as number).toPrecision(4))}`).join(', ')]);
  return rows;
}

export function renderVersionText(v: ModelVersion, headline: string): string {
  const rows = provenanceRows(v);
  const width = Math.max(...rows.map(([k]) => k.length));
  return [logText(headline), ...rows.map(([k, x]) => `  ${k.padEnd(width)}  ${logText(x)}`)].join('\n') + '\n';
}

export function renderVersionMarkdown(v: ModelVersion, headline: string, move?: AliasMove, warning?: string): string {
  const lines = [mdHeading(2, mdText(headline)), ''];
  if (warning) lines.push(`> ⚠️ ${mdText(warning)}`, '');
  if (move) {
    lines.push(
      `${mdCode(move.alias)} → version ${move.version}${move.previousVersion !== undefined ? ` (was version ${move.previousVersion}: roll back with \`version: ${move.previousVersion}\`)` : ' (new alias)'}.`,
      '',
    );
  }
  lines.push('| | |', '|---|---|', ...provenanceRows(v).map(([k, x]) => `| ${k} | ${mdText(x)} |`));
  return lines.join('\n') + '\n';
}

export function renderVersionListMarkdown(name: string, versions: ModelVersion[]): string {
  const lines = [
    mdHeading(2, `${mdText(name)}: ${versions.length} version${versions.length === 1 ? '' : 's'}`),
    '',
    '| version | aliases | created | git SHA | gates | metrics |',
    '|---:|---|---|---|---|---|',
  ];
  for (const v of [...versions].reverse().slice(0, 100)) {
    const metrics = Object.entries(v.metrics)
      .filter(([, x]) => x !== null)
      .slice(0, 4)
      .map(([k, x]) => `${mdText(k)} ${Number((x as number).toPrecision(4))}`)
      .join(', ');
    const gate = v.provenance.gateVerdict ? (v.provenance.gateVerdict.passed ? '✅' : '❌') : '—';
    lines.push(
      `| ${v.version} | ${mdText(v.aliases.join(', '))} | ${mdText(v.createdAt)} | ${mdText((v.provenance.gitSha ?? '').slice(0, 12))} | ${gate} | ${metrics} |`,
    );
  }
  return lines.join('\n') + '\n';
}
