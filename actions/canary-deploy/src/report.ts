import * as core from '@actions/core';
import type { CanaryOutcome } from '@modelci/core/steps/canary-deploy';

/** Outputs, summary and the one-sentence outcome, the same from main and post. */
export async function reportDeployment(outcome: CanaryOutcome): Promise<void> {
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  await core.summary.addRaw(outcome.markdown, true).write();
  for (const warning of outcome.warnings) core.warning(warning, { title: 'canary-deploy' });
  const reason = outcome.record.reason ?? outcome.record.state;
  if (outcome.passed) core.notice(reason, { title: outcome.record.state === 'dry-run' ? 'Dry run' : 'Canary promoted' });
  else core.setFailed(`${reason} See the job summary and ${outcome.recordPath}.`);
}
