import * as core from '@actions/core';
import { readInputs, runAction } from '@modelci/action-kit';
import { runRegistryOperation } from '@modelci/core/steps/register-model';
import { REGISTER_MODEL_INPUTS } from '@modelci/core/steps/register-model-inputs';

/** register-model: one operation, then its outputs and summary. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const outcome = await runRegistryOperation(readInputs(REGISTER_MODEL_INPUTS));
    for (const [name, value] of Object.entries(outcome.outputs ?? {})) core.setOutput(name, value);
    if (outcome.warning) core.warning(outcome.warning, { title: 'register-model' });
    await core.summary.addRaw(outcome.markdown, true).write();
    core.info(outcome.markdown.split('\n')[0].replace(/^## /, ''));
  });
}
