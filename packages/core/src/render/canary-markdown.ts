/**
 * A DeploymentRecord for people: the job summary of canary-deploy and `modelci canary
 * --format markdown`. The outcome and its reason first, then the share and the error rates over
 * time (mermaid), then every check with the numbers it was judged on.
 */
import type { CheckRecord, DeploymentRecord } from '../rollout/deployment-record.js';
import { formatDuration, formatNumber, formatPercent } from '../shared/format.js';
import { redactUri } from '../shared/redact-uri.js';
import { mdCodeCell, mdHeading, mdText } from './markdown.js';

const HEADLINES: Record<DeploymentRecord['state'], string> = {
  promoted: '✅ Canary promoted',
  'rolled-back': '↩️ Canary rolled back',
  failed: '❌ Rollback FAILED',
  'dry-run': '🧪 Dry run',
  initializing: '⏳ Canary starting',
  progressing: '⏳ Canary in progress',
  promoting: '⏳ Canary being promoted',
  'rolling-back': '⏳ Canary rolling back',
};

/** GitHub caps a step's summary at 1 MiB: the checks table keeps the last rows. */
const MAX_CHECK_ROWS = 200;

export function renderDeploymentMarkdown(r: DeploymentRecord): string {
  const m = r.model;
  const what = [m.name, m.version ? `v${m.version}` : undefined, m.gitSha ? `(${m.gitSha.slice(0, 12)})` : undefined].filter(Boolean).join(' ');
  const headline = r.state === 'failed' && r.serving === 'canary' ? '⚠️ Promotion stopped, the canary serves 100%' : HEADLINES[r.state];
  const lines = [mdHeading(2, `${headline}${what ? `: ${mdText(what)}` : ''}`), ''];
  if (r.reason) lines.push(`> ${mdText(r.reason)}`, '');
  if (r.serving === 'canary') {
    lines.push(`**The canary servers serve 100% of traffic; the stable servers still run the old version.** Next: put ${mdText(what || 'the new version')} on the stable servers, then give them all traffic back (\`modelci rollback --router …\`), or set \`promote-command\` so that canary-deploy does both.`, '');
  }
  for (const w of r.warnings ?? []) lines.push(`> [!WARNING]`, `> ${mdText(w)}`, '');
  const checks = r.steps.flatMap((s) => s.checks);
  const p = r.policy;
  lines.push(
    '| | |', '|---|---|',
    `| router | ${mdCodeCell(redactUri(r.router))} |`,
    `| metrics | ${mdCodeCell(redactUri(r.metrics))} |`,
    `| steps | ${p.steps.map((w) => formatPercent(w)).join(' → ')} → 100% |`,
    `| per step | ${formatDuration(p.intervalMs)}, a check every ${formatDuration(p.checkIntervalMs)}, at least ${p.minRequests} canary requests per check |`,
    `| thresholds | error rate ≤ ${formatPercent(p.maxErrorRate)}${p.maxLatencyP99Ms !== null ? `, p99 ≤ ${formatNumber(p.maxLatencyP99Ms)} ms` : ''}${p.maxLatencyRatio !== null ? `, p99 ≤ ${p.maxLatencyRatio}x stable's` : ''}; ${p.failedChecks} failed check${p.failedChecks > 1 ? 's' : ''} roll back |`,
    `| sequential test | canary errors ${p.errorRateRatio}x stable's, false-rollback rate ${formatPercent(p.falseRollbackRate)} |`,
    `| final canary share | ${r.finalWeight === undefined ? '–' : formatPercent(r.finalWeight)}${r.serving ? ` (the ${r.serving} servers serve everything)` : ''} |`,
    `| checks | ${checks.length} (${count(checks, 'pass')} passed, ${count(checks, 'fail')} failed, ${count(checks, 'inconclusive')} inconclusive) |`,
    '',
  );
  if (checks.length > 0) lines.push(...charts(r, checks), '');
  if (checks.length > 0) {
    lines.push('### Checks', '');
    if (checks.length > MAX_CHECK_ROWS) lines.push(`The last ${MAX_CHECK_ROWS} of ${checks.length} checks; all are in the JSON record.`, '');
    lines.push('| time | share | canary requests | errors | error rate | p99 | stable requests | error rate | p99 | sequential LR | decision | why |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
    for (const c of checks.slice(-MAX_CHECK_ROWS)) {
      const lr = Math.exp(c.sequential.llr);
      lines.push(`| ${c.at.slice(11, 19)} | ${formatPercent(c.weight)} | ${n(c.canary.requests)} | ${n(c.canary.errors)} | ${formatPercent(c.canary.errorRate)} | ${ms(c.canary.p99Ms)} | ${n(c.stable.requests)} | ${formatPercent(c.stable.errorRate)} | ${ms(c.stable.p99Ms)} | ${formatNumber(lr)} / ${formatNumber(Math.exp(c.sequential.upper))} | ${c.decision} | ${mdText(c.reasons.join('; '))} |`);
    }
    lines.push('');
  }
  lines.push('### Events', '', '| time | state | canary share | |', '|---|---|---:|---|');
  for (const e of r.events) lines.push(`| ${e.at.slice(11, 19)} | ${e.state} | ${e.weight === null ? '–' : formatPercent(e.weight)} | ${mdText(e.message)} |`);
  return lines.join('\n') + '\n';
}

function charts(r: DeploymentRecord, checks: CheckRecord[]): string[] {
  const start = Date.parse(r.startedAt);
  const shown = checks.slice(-60);
  const x = shown.map((c) => String(Math.round((Date.parse(c.at) - start) / 1000)));
  const rate = (v: number | null) => (v === null ? 0 : Number((v * 100).toFixed(3)));
  const canary = shown.map((c) => rate(c.canary.errorRate));
  const stable = shown.map((c) => rate(c.stable.errorRate));
  const top = Math.max(1, ...canary, ...stable);
  return [
    '### Canary share and error rates', '',
    '```mermaid', 'xychart-beta', '  title "Canary share of traffic (%)"', `  x-axis "seconds since start" [${x.join(', ')}]`, '  y-axis "%" 0 --> 100',
    `  line [${shown.map((c) => Number((c.weight * 100).toFixed(2))).join(', ')}]`, '```', '',
    '```mermaid', 'xychart-beta', '  title "Error rate per check (%): canary (first line), stable (second)"', `  x-axis "seconds since start" [${x.join(', ')}]`, `  y-axis "%" 0 --> ${Math.ceil(top * 10) / 10}`,
    `  line [${canary.join(', ')}]`, `  line [${stable.join(', ')}]`, '```', '',
    `Checks without an error rate (no data or no traffic) are drawn at 0; the table says which.${checks.length > shown.length ? ` The charts show the last ${shown.length} of ${checks.length} checks.` : ''}`,
  ];
}

function count(checks: CheckRecord[], d: CheckRecord['decision']): number {
  return checks.filter((c) => c.decision === d).length;
}

function n(v: number | null): string {
  return v === null ? 'no data' : formatNumber(v);
}

function ms(v: number | null): string {
  return v === null ? '–' : `${formatNumber(v)} ms`;
}
