// canary-deploy's post step (post-if: always()): when the main step did not end with stable (or
// the promoted canary) holding all traffic — cancelled, timed out, crashed, or a rollback that
// outlasted rollback-timeout — roll back to stable, so that the job never leaves the canary half-way.
import * as core from '@actions/core';
import { readInputs, runAction } from '@modelci/action-kit';
import { rollBackUnfinished, unfinishedRollout } from '@modelci/core/steps/canary-deploy';
import { endModelDeployment, rolloutEnd, type TrackedDeployment } from '@modelci/core/steps/canary-deploy-github';
import { CANARY_DEPLOY_ACTION_INPUTS } from '@modelci/core/steps/canary-deploy-inputs';
import { deploymentTarget } from './deployment.js';
import { reportDeployment } from './report.js';

export async function post(): Promise<void> {
  await runAction(async () => {
    // 'settled', or the state of a main step that did not end with one side holding all traffic.
    const mainOutcome = core.getState('outcome') || undefined;
    if (core.getState('finished') === 'true' && (mainOutcome === undefined || mainOutcome === 'settled')) return;
    const { environment, token, ...read } = readInputs(CANARY_DEPLOY_ACTION_INPUTS);
    const inputs = { ...read, 'record-path': core.getState('record-path') || undefined };
    const why = await unfinishedRollout(inputs['record-path'], mainOutcome === 'settled' ? undefined : mainOutcome);
    if (!why) {
      core.info('canary-deploy: nothing to roll back (the main step finished, or moved no traffic).');
      return;
    }
    core.warning(`${why} Rolling back to stable.`, { title: 'canary-deploy post step' });
    const outcome = await rollBackUnfinished(inputs, `${why} The post step rolled back to stable.`, { log: (line) => core.info(line) });
    // Traffic first: the GitHub deployment the main step started says how it ended.
    const saved = core.getState('deployment');
    const target = saved ? deploymentTarget({ ...read, environment, token }) : undefined;
    const end = rolloutEnd(outcome.record);
    if (target && end)
      await endModelDeployment(target, JSON.parse(saved) as TrackedDeployment, end, outcome.record.reason ?? end, (w) => outcome.warnings.push(w));
    await reportDeployment(outcome);
  });
}
