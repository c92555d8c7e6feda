// canary-deploy's main step: the rollout. Its post step (post.ts, post-if: always()) rolls back
// when this step did not finish (cancelled, timed out, crashed).
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { readInputs, runAction } from '@modelci/action-kit';
import { abortOnSignals } from '@modelci/core/shared';
import { runCanaryDeploy, settled } from '@modelci/core/steps/canary-deploy';
import { CANARY_DEPLOY_INPUTS } from '@modelci/core/steps/canary-deploy-inputs';
import { reportDeployment } from './report.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs(CANARY_DEPLOY_INPUTS);
    // The post step must find the record wherever the working directory is by then.
    const recordPath = resolve(inputs['record-path'] ?? CANARY_DEPLOY_INPUTS.find((s) => s.name === 'record-path')!.default);
    core.saveState('record-path', recordPath);
    const outcome = await runCanaryDeploy({ ...inputs, 'record-path': recordPath }, { signal: abortOnSignals(), log: (line) => core.info(line) });
    core.saveState('finished', 'true');
    // A rollback that did not take (the router stayed down past rollback-timeout): post tries again.
    core.saveState('outcome', settled(outcome.record) ? 'settled' : outcome.record.state);
    await reportDeployment(outcome);
  });
}
