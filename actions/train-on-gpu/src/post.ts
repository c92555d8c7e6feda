// train-on-gpu's post step (post-if: always()): when the main step was killed (the runner's
// SIGKILL after a cancellation, an out-of-memory kill), the trainer's process group may still be
// alive and holding the GPU on a self-hosted runner. End it, and say which processes it ended.
import * as core from '@actions/core';
import { runAction } from '@modelci/action-kit';
import { endLeftoverTrainer } from '@modelci/core/steps/train-on-gpu';

export async function post(): Promise<void> {
  await runAction(async () => {
    const pgid = Number(core.getState('pgid'));
    if (!Number.isInteger(pgid) || pgid <= 1) {
      core.info('train-on-gpu: the trainer never started; nothing to end.');
      return;
    }
    const grace = Number(core.getState('kill-grace-period')) || 30_000;
    const ended = await endLeftoverTrainer(pgid, grace);
    if (ended) core.warning(ended, { title: 'train-on-gpu post step' });
    else core.info(`train-on-gpu: no process of the trainer's group ${pgid} is left.`);
  });
}
