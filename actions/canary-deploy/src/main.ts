// canary-deploy's main step: the rollout. Its post step (post.ts, post-if: always()) rolls back
// when this step did not finish (cancelled, timed out, crashed).
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { readInputs, runAction } from '@modelci/action-kit';
import { abortOnSignals } from '@modelci/core/shared';
import { runCanaryDeploy, settled } from '@modelci/core/steps/canary-deploy';
import { CANARY_DEPLOY_ACTION_INPUTS, CANARY_DEPLOY_INPUTS } from '@modelci/core/steps/canary-deploy-inputs';
import type { TrackedDeployment } from '@modelci/core/steps/canary-deploy-github';
import { deploymentTarget } from './deployment.js';
import { reportDeployment } from './report.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const { environment, token, ...inputs } = readInputs(CANARY_DEPLOY_ACTION_INPUTS);
    // The post step must find the record wherever the working directory is by then.
    const recordPath = resolve(inputs['record-path'] ?? CANARY_DEPLOY_INPUTS.find((s) => s.name === 'record-path')!.default);
    core.saveState('record-path', recordPath);
    // The post step moves the deployment on when it has to roll back (after a cancellation too).
    const target = deploymentTarget({ ...inputs, environment, token });
    const deployment = target && { ...target, onStarted: (d: TrackedDeployment) => core.saveState('deployment', JSON.stringify(d)) };
    const outcome = await runCanaryDeploy({ ...inputs, 'record-path': recordPath }, { signal: abortOnSignals(), log: (line) => core.info(line), deployment });
    core.saveState('finished', 'true');
    // A rollback that did not take (the router stayed down past rollback-timeout): post tries again.
    core.saveState('outcome', settled(outcome.record) ? 'settled' : outcome.record.state);
    await reportDeployment(outcome);
  });
}
