import * as core from '@actions/core';
import { readInputs, annotateAll, runAction } from '@modelci/action-kit';
import { runQualityGates } from '@modelci/core/steps/quality-gates';
import { QUALITY_GATES_INPUTS } from '@modelci/core/steps/quality-gates-inputs';

/** quality-gates: the step, then its outputs, annotations, summary and verdict. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const outcome = await runQualityGates(readInputs(QUALITY_GATES_INPUTS));
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    annotateAll(outcome.annotations);
    await core.summary.addRaw(outcome.markdown, true).write();
    core.info(outcome.verdict.summary);
    if (!outcome.verdict.passed) {
      core.setFailed(`${outcome.verdict.summary} See the job summary and ${outcome.verdictPath}.`);
    }
  });
}
