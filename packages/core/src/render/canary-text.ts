/** A DeploymentRecord for a terminal: `modelci canary` prints it when the rollout ends. */
import type { DeploymentRecord } from '../rollout/deployment-record.js';
import { formatPercent } from '../shared/format.js';
import { logText } from '../shared/log-text.js';

export function renderDeploymentText(r: DeploymentRecord): string {
  const checks = r.steps.flatMap((s) => s.checks);
  const lines = [
    `${r.state.toUpperCase()}: ${logText(r.reason ?? '')}`,
    `  final canary share ${r.finalWeight === undefined ? '–' : formatPercent(r.finalWeight)}; ${r.steps.length} step(s), ${checks.length} check(s) (${checks.filter((c) => c.decision === 'pass').length} passed, ${checks.filter((c) => c.decision === 'fail').length} failed)`,
  ];
  for (const e of r.events) lines.push(`  ${e.at.slice(11, 19)}  ${e.state.padEnd(12)} ${e.weight === null ? '   –' : formatPercent(e.weight).padStart(6)}  ${logText(e.message)}`);
  return lines.join('\n') + '\n';
}
