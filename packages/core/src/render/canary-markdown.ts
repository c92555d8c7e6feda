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
  const checks = r.steps.flatMap((s) => s.checks);
  // The outcome in numbers under the headline: how long against the plan, and how the checks went.
  lines.push(`${r.steps.length} of ${r.policy.steps.length} canary steps in ${duration(r)}; checks: ${tally(checks)}.`, '');
  if (r.serving === 'canary') {
    lines.push(
      `**The canary servers serve 100% of traffic; the stable servers still run the old version.** Next: put ${mdText(what || 'the new version')} on the stable servers, then give them all traffic back (\`modelci rollback --router …\`), or set \`promote-command\` so that canary-deploy does both.`,
      '',
    );
  }
  for (const w of r.warnings ?? []) lines.push(`> [!WARNING]`, `> ${mdText(w)}`, '');
  const p = r.policy;
  lines.push(
    '| setting | value |',
    '|---|---|',
    `| router | ${mdCodeCell(redactUri(r.router))} |`,
    `| metrics | ${mdCodeCell(redactUri(r.metrics))} |`,
    `| steps | ${p.steps.map((w) => formatPercent(w)).join(' → ')} → 100% |`,
    `| per step | ${formatDuration(p.intervalMs)}, a check every ${formatDuration(p.checkIntervalMs)}, at least ${p.minRequests} canary requests per check |`,
    `| thresholds | error rate ≤ ${formatPercent(p.maxErrorRate)}${p.maxLatencyP99Ms !== null ? `, p99 ≤ ${formatNumber(p.maxLatencyP99Ms)} ms` : ''}${p.maxLatencyRatio !== null ? `, p99 ≤ ${p.maxLatencyRatio}x stable's` : ''}; ${p.failedChecks} failed check${p.failedChecks > 1 ? 's' : ''} roll back |`,
    `| sequential test | canary errors ${p.errorRateRatio}x stable's, false-rollback rate ${formatPercent(p.falseRollbackRate)} |`,
    `| error-rate confidence | ${formatPercent(p.errorRateConfidence ?? 0.95)} (Wilson lower bound, on each step's cumulative counts) |`,
    `| final canary share | ${r.finalWeight === undefined ? '–' : formatPercent(r.finalWeight)}${r.serving ? ` (the ${r.serving} servers serve everything)` : ''} |`,
    `| checks | ${tally(checks)} |`,
    `| duration | ${duration(r)} |`,
    '',
  );
  // A line through one point draws nothing: with a single check the tables below say it all.
  if (checks.length > 1) lines.push(...charts(r, checks), '');
  if (checks.length > 0) {
    // One row per step, plus the failed and the deciding checks: readable at any length.
    lines.push(
      '### Steps',
      '',
      '| step | share | checks | canary requests (step) | canary errors (step) | last decision | why |',
      '|---:|---:|---|---:|---:|---|---|',
    );
    r.steps.forEach((st, i) => {
      const last = st.checks.at(-1);
      const totals = last?.step?.canary ?? last?.canary;
      lines.push(
        `| ${i + 1} | ${formatPercent(st.weight)} | ${st.checks.length > 0 ? tally(st.checks) : '–'} | ${totals ? n(totals.requests) : '–'} | ${totals ? n(totals.errors) : '–'} | ${last?.decision ?? '–'} | ${last ? mdText(last.reasons.join('; ')) : ''} |`,
      );
    });
    lines.push('');
    const deciding = checks.at(-1)!;
    const notable = checks.filter((c) => c.decision === 'fail' || c.decision === 'bad canary' || (c === deciding && r.state !== 'promoted'));
    if (notable.length > 0) {
      lines.push('### Failed and deciding checks', '', ...checkTable(notable), '');
    }
    lines.push('<details><summary>Every check</summary>', '');
    if (checks.length > MAX_CHECK_ROWS) lines.push(`The last ${MAX_CHECK_ROWS} of ${checks.length} checks; all are in the JSON record.`, '');
    lines.push(...checkTable(checks.slice(-MAX_CHECK_ROWS)), '', '</details>', '');
  }
  lines.push('### Events', '', '| time | state | canary share | |', '|---|---|---:|---|');
  for (const e of r.events) lines.push(`| ${e.at.slice(11, 19)} | ${e.state} | ${e.weight === null ? '–' : formatPercent(e.weight)} | ${mdText(e.message)} |`);
  return lines.join('\n') + '\n';
}

function checkTable(checks: CheckRecord[]): string[] {
  const rows = [
    '| time | share | canary requests | errors | error rate | p99 | stable requests | error rate | p99 | sequential LR | decision | why |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const c of checks) {
    const lr = Math.exp(c.sequential.llr);
    rows.push(
      `| ${c.at.slice(11, 19)} | ${formatPercent(c.weight)} | ${n(c.canary.requests)} | ${n(c.canary.errors)} | ${formatPercent(c.canary.errorRate)} | ${ms(c.canary.p99Ms)} | ${n(c.stable.requests)} | ${formatPercent(c.stable.errorRate)} | ${ms(c.stable.p99Ms)} | ${formatNumber(lr)} / ${formatNumber(Math.exp(c.sequential.upper))} | ${c.decision} | ${mdText(c.reasons.join('; '))} |`,
    );
  }
  return rows;
}

/** "N (p passed, f failed, i inconclusive)": the sequential test's deciding check counts as failed. */
export function tally(checks: CheckRecord[]): string {
  const bad = count(checks, 'bad canary');
  const notJudged = count(checks, 'not judged');
  return `${checks.length} (${count(checks, 'pass')} passed, ${count(checks, 'fail') + bad} failed${bad ? ` (${bad} by the sequential test)` : ''}, ${count(checks, 'inconclusive')} inconclusive${notJudged ? `, ${notJudged} not judged` : ''})`;
}

function duration(r: DeploymentRecord): string {
  const took = Date.parse(r.finishedAt ?? r.events.at(-1)?.at ?? r.startedAt) - Date.parse(r.startedAt);
  const planned = r.policy.steps.length * r.policy.intervalMs;
  return `${formatDuration(Math.round(took / 1000) * 1000)} of ${formatDuration(planned)} planned (timeout ${formatDuration(r.policy.timeoutMs)})`;
}

/** Mermaid's default first colour (#ECECFF) is invisible on white: red canary, blue stable. */
const PALETTE = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#d73a49, #0366d6, #6a737d"}}}}%%';

function charts(r: DeploymentRecord, checks: CheckRecord[]): string[] {
  const start = Date.parse(r.startedAt);
  const shown = checks.slice(-60);
  const x = shown.map((c) => String(Math.round((Date.parse(c.at) - start) / 1000)));
  const rate = (v: number | null) => (v === null ? 0 : Number((v * 100).toFixed(3)));
  const canary = shown.map((c) => rate(c.canary.errorRate));
  const stable = shown.map((c) => rate(c.stable.errorRate));
  const top = Math.max(1, ...canary, ...stable);
  const p99 = (v: number | null) => (v === null ? 0 : Number(v.toFixed(1)));
  const limit = r.policy.maxLatencyP99Ms;
  const p99Top = Math.max(1, ...shown.map((c) => p99(c.canary.p99Ms)), ...shown.map((c) => p99(c.stable.p99Ms)), limit ?? 0);
  return [
    '### Canary share, error rates and p99',
    '',
    '```mermaid',
    PALETTE,
    'xychart-beta',
    '  title "Canary share of traffic (%)"',
    `  x-axis "seconds since start" [${x.join(', ')}]`,
    '  y-axis "%" 0 --> 100',
    `  line [${shown.map((c) => Number((c.weight * 100).toFixed(2))).join(', ')}]`,
    '```',
    '',
    '```mermaid',
    PALETTE,
    'xychart-beta',
    '  title "Error rate per check (%): canary red, stable blue"',
    `  x-axis "seconds since start" [${x.join(', ')}]`,
    `  y-axis "%" 0 --> ${Math.ceil(top * 10) / 10}`,
    `  line [${canary.join(', ')}]`,
    `  line [${stable.join(', ')}]`,
    '```',
    '',
    '```mermaid',
    PALETTE,
    'xychart-beta',
    `  title "p99 per check (ms): canary red, stable blue${limit !== null ? `, limit ${formatNumber(limit)} ms grey` : ''}"`,
    `  x-axis "seconds since start" [${x.join(', ')}]`,
    `  y-axis "ms" 0 --> ${Math.ceil(p99Top * 1.1)}`,
    `  line [${shown.map((c) => p99(c.canary.p99Ms)).join(', ')}]`,
    `  line [${shown.map((c) => p99(c.stable.p99Ms)).join(', ')}]`,
    ...(limit !== null ? [`  line [${shown.map(() => limit).join(', ')}]`] : []),
    '```',
    '',
    `Checks without an error rate or p99 (no data or no traffic) are drawn at 0; the tables say which. Counts with decimals are Prometheus's extrapolations (≈). A histogram's p99 is an estimate within its bucket bounds.${stableOver(r, checks)}${checks.length > shown.length ? ` The charts show the last ${shown.length} of ${checks.length} checks.` : ''}`,
  ];
}

function count(checks: CheckRecord[], d: CheckRecord['decision']): number {
  return checks.filter((c) => c.decision === d).length;
}

function n(v: number | null): string {
  return v === null ? 'no data' : Number.isInteger(v) ? formatNumber(v) : `≈ ${formatNumber(v)}`;
}

/** Stable over the limits too: the canary is not the only problem. */
function stableOver(r: DeploymentRecord, checks: CheckRecord[]): string {
  const p = r.policy;
  const over = checks.filter(
    (c) =>
      (c.stable.errorRate !== null && c.stable.errorRate > p.maxErrorRate) ||
      (p.maxLatencyP99Ms !== null && c.stable.p99Ms !== null && c.stable.p99Ms > p.maxLatencyP99Ms),
  );
  return over.length > 0 ? ` **Stable was over the limits too** in ${over.length} of ${checks.length} checks.` : '';
}

function ms(v: number | null): string {
  return v === null ? '–' : `${formatNumber(v)} ms`;
}
