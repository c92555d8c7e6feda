/**
 * A model version for people: the job summary of register-model (and its list). Provenance
 * first: which commit (linked), which run, which gates; the metrics that decide, then the tags.
 */
import type { AliasMove, ModelVersion } from '../registry/model-version.js';
import { formatQuantity } from '../shared/quantity.js';
import { redactUri } from '../shared/redact-uri.js';
import { mdCode, mdCodeCell, mdHeading, mdTable, mdText } from './markdown.js';
import { commitUrl, keyMetrics, otherMetrics, shortDigest } from './registry-view.js';

function commitMarkdown(v: ModelVersion): string {
  const sha = v.provenance.gitSha;
  if (!sha) return '(not recorded)';
  const url = commitUrl(v);
  return url ? `[${mdCode(sha.slice(0, 12))}](${url})` : mdCode(sha);
}

function provenanceLines(v: ModelVersion): string[] {
  const p = v.provenance;
  const item = (k: string, x: string) => `- **${k}**: ${x}`;
  const lines = [item('version', `${v.version}${v.aliases.length > 0 ? ` (${v.aliases.map(mdCode).join(', ')})` : ''}`), item('git SHA', commitMarkdown(v))];
  if (p.runUrl)
    lines.push(
      item('run', /^https:\/\//.test(p.runUrl) ? `[${mdText(p.runUrl.replace(/^https:\/\/[^/]+\//, ''))}](${encodeURI(p.runUrl)})` : mdText(p.runUrl)),
    );
  if (p.creator) lines.push(item('creator', mdText(p.creator)));
  lines.push(item('created', mdText(v.createdAt)));
  lines.push(
    item(
      'gate verdict',
      p.gateVerdict ? `${p.gateVerdict.passed ? '✅ passed' : '❌ FAILED'} (${mdCode(shortDigest(p.gateVerdict.digest))})` : '(none recorded)',
    ),
  );
  if (p.driftReport) lines.push(item('drift report', mdCode(shortDigest(p.driftReport.digest))));
  const tags = Object.entries(v.tags ?? {});
  if (tags.length > 0) lines.push(item('tags', tags.map(([k, x]) => mdCode(`${k}=${x}`)).join(' ')));
  lines.push(item('files', v.files.map((f) => `${mdCode(f.path)} (${formatQuantity(f.size, 'bytes')})`).join(', ')));
  lines.push(item('digest', mdCode(v.digest)));
  lines.push(item('uri', mdCode(redactUri(v.uri))));
  return lines;
}

function metricsMarkdown(v: ModelVersion): string[] {
  const key = keyMetrics(v);
  const other = otherMetrics(v);
  const out: string[] = [];
  if (key.length > 0) {
    out.push(
      mdTable(
        key.map((m) => mdText(m.label)),
        key.map(() => 'right'),
        [key.map((m) => m.value)],
      ),
      '',
    );
  }
  if (other.length > 0) {
    out.push(
      `<details><summary>${key.length > 0 ? 'Other metrics' : 'Metrics'} (${other.length})</summary>`,
      '',
      mdTable(
        ['metric', 'value'],
        ['left', 'right'],
        other.map((m) => [mdCodeCell(m.key), m.value]),
      ),
      '',
      '</details>',
      '',
    );
  }
  return out;
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
  lines.push(...metricsMarkdown(v), ...provenanceLines(v));
  return lines.join('\n') + '\n';
}

export function renderVersionListMarkdown(name: string, versions: ModelVersion[]): string {
  const rows = [...versions]
    .reverse()
    .slice(0, 100)
    .map((v) => {
      const gate = v.provenance.gateVerdict ? (v.provenance.gateVerdict.passed ? '✅' : '❌') : '—';
      const sha = v.provenance.gitSha;
      const url = commitUrl(v);
      const shaCell = sha ? (url ? `[${mdCode(sha.slice(0, 12))}](${url})` : mdCodeCell(sha.slice(0, 12))) : '';
      const metrics = keyMetrics(v)
        .map((m) => `${mdText(m.label)} ${m.value}`)
        .join(', ');
      return [String(v.version), mdText(v.aliases.join(', ')), mdText(v.createdAt), shaCell, gate, metrics];
    });
  return (
    [
      mdHeading(2, `${mdText(name)}: ${versions.length} version${versions.length === 1 ? '' : 's'}`),
      '',
      mdTable(['version', 'aliases', 'created', 'git SHA', 'gates', 'metrics'], ['right', 'left', 'left', 'left', 'left', 'left'], rows),
    ].join('\n') + '\n'
  );
}
