/** A DeploymentRecord for a terminal: `modelci canary` prints it when the rollout ends. */
import type { DeploymentRecord } from '../rollout/deployment-record.js';
import { formatPercent } from '../shared/format.js';
import { logText } from '../shared/log-text.js';
import { tally } from './canary-markdown.js';

export function renderDeploymentText(r: DeploymentRecord): string {
  const checks = r.steps.flatMap((s) => s.checks);
  const reason = r.reason ?? '';
  const lines = [
    `${r.state.toUpperCase()}: ${logText(reason)}`,
    `  final canary share ${r.finalWeight === undefined ? '–' : formatPercent(r.finalWeight)}${r.serving ? ` (the ${r.serving} servers serve everything)` : ''}; ${r.steps.length} step(s), ${checks.length ? tally(checks) : '0'} check(s)`,
  ];
  // The reason is printed once, above: events that repeat it point there.
  for (const e of r.events) {
    const message = reason && e.message.includes(reason) ? e.message.replace(reason, '(the reason above)') : e.message;
    lines.push(`  ${e.at.slice(11, 19)}  ${e.state.padEnd(12)} ${e.weight === null ? '   –' : formatPercent(e.weight).padStart(6)}  ${logText(message)}`);
  }
  return lines.join('\n') + '\n';
}
