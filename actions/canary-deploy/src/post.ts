// canary-deploy's post step (post-if: always()): when the main step did not end with stable (or
// the promoted canary) holding all traffic — cancelled, timed out, crashed, or a rollback that
// outlasted rollback-timeout — roll back to stable, so that the job never leaves the canary half-way.
import * as core from '@actions/core';
import { readInputs, runAction } from '@modelci/action-kit';
import { rollBackUnfinished, unfinishedRollout } from '@modelci/core/steps/canary-deploy';
import { CANARY_DEPLOY_INPUTS } from '@modelci/core/steps/canary-deploy-inputs';
import { reportDeployment } from './report.js';

export async function post(): Promise<void> {
  await runAction(async () => {
    // 'settled', or the state of a main step that did not end with one side holding all traffic.
    const mainOutcome = core.getState('outcome') || undefined;
    if (core.getState('finished') === 'true' && (mainOutcome === undefined || mainOutcome === 'settled')) return;
    const inputs = { ...readInputs(CANARY_DEPLOY_INPUTS), 'record-path': core.getState('record-path') || undefined };
    const why = await unfinishedRollout(inputs['record-path'], mainOutcome === 'settled' ? undefined : mainOutcome);
    if (!why) {
      core.info('canary-deploy: nothing to roll back (the main step finished, or moved no traffic).');
      return;
    }
    core.warning(`${why} Rolling back to stable.`, { title: 'canary-deploy post step' });
    await reportDeployment(await rollBackUnfinished(inputs, `${why} The post step rolled back to stable.`, { log: (line) => core.info(line) }));
  });
}
