import * as core from '@actions/core';
import { readInputs, annotateAll, runAction } from '@modelci/action-kit';
import { runDriftCheck } from '@modelci/core/steps/check-drift';
import { CHECK_DRIFT_INPUTS } from '@modelci/core/steps/check-drift-inputs';

/** check-drift: the step, then its outputs, annotations, summary and verdict. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const outcome = await runDriftCheck(readInputs(CHECK_DRIFT_INPUTS));
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    annotateAll(outcome.annotations);
    await core.summary.addRaw(outcome.markdown, true).write();
    core.info(outcome.report.verdict.summary);
    if (outcome.profilePath) core.info(`Profile written to ${outcome.profilePath}.`);
    if (outcome.report.verdict.failed) {
      core.setFailed(`${outcome.report.verdict.summary} See the job summary and ${outcome.reportPath}.`);
    }
  });
}
