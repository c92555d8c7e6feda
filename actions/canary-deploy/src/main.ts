// canary-deploy's main and post steps in one bundle (the runner runs it twice; saved state tells
// which). Main: the rollout. Post (post-if: always()): when the main step did not finish (cancelled,
// timed out, crashed), roll back to stable, so that the job never leaves the canary half-way.
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { readInputs, runAction } from '@modelci/action-kit';
import { abortOnSignals, DEFAULT_RECORD_PATH, rollBackUnfinished, runCanaryDeploy, unfinishedRollout, type CanaryOutcome } from '@modelci/core';

const INPUTS = [
  'router', 'metrics', 'metrics-queries', 'canary-selector', 'stable-selector', 'initial-weight', 'step-weight', 'steps', 'max-weight',
  'interval', 'check-interval', 'max-error-rate', 'max-latency-p99', 'max-latency-ratio', 'error-rate-ratio', 'false-rollback-rate',
  'min-requests', 'failed-checks', 'metrics-failures', 'timeout', 'dry-run', 'resume', 'model-name', 'model-version', 'git-sha', 'record-path',
] as const;

async function report(outcome: CanaryOutcome): Promise<void> {
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  await core.summary.addRaw(outcome.markdown, true).write();
  const reason = outcome.record.reason ?? outcome.record.state;
  if (outcome.passed) core.notice(reason, { title: outcome.record.state === 'dry-run' ? 'Dry run' : 'Canary promoted' });
  else core.setFailed(`${reason} See the job summary and ${outcome.recordPath}.`);
}

async function main(): Promise<void> {
  const inputs = readInputs(INPUTS);
  // The post step must find the record wherever the working directory is by then.
  const recordPath = resolve(inputs['record-path'] ?? DEFAULT_RECORD_PATH);
  core.saveState('record-path', recordPath);
  const outcome = await runCanaryDeploy({ ...inputs, 'record-path': recordPath }, { signal: abortOnSignals(), log: (line) => core.info(line) });
  core.saveState('finished', 'true');
  await report(outcome);
}

async function post(): Promise<void> {
  if (core.getState('finished') === 'true') return;
  const inputs = { ...readInputs(INPUTS), 'record-path': core.getState('record-path') || undefined };
  const why = await unfinishedRollout(inputs['record-path']);
  if (!why) {
    core.info('canary-deploy: nothing to roll back (the main step finished, or moved no traffic).');
    return;
  }
  core.warning(`${why} Rolling back to stable.`, { title: 'canary-deploy post step' });
  await report(await rollBackUnfinished(inputs, `${why} The post step rolled back to stable.`));
}

await runAction(core.getState('started') === 'true' ? post : async () => {
  core.saveState('started', 'true');
  await main();
});
