// train-on-gpu's main step: check the GPUs, run the trainer with tracking and telemetry, write
// the TrainingRun report, upload the output folder. Its post step (post.ts) ends whatever of the
// trainer's process tree survived a killed main step.
import * as core from '@actions/core';
import { readInputs, runAction } from '@modelci/action-kit';
import { abortOnSignals } from '@modelci/core/shared';
import { planTraining, runTrainOnGpu } from '@modelci/core/steps/train-on-gpu';
import { TRAIN_ON_GPU_INPUTS } from '@modelci/core/steps/train-on-gpu-inputs';
import { uploadOutputs } from './upload.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs(TRAIN_ON_GPU_INPUTS);
    core.saveState('kill-grace-period', String(planTraining(inputs, process.env).v['kill-grace-period']));
    // A block of the trainer's output may hold anything: each line is made safe (logText) in core.
    const outcome = await runTrainOnGpu(inputs, {
      signal: abortOnSignals(),
      log: (line) => core.info(line),
      onStart: (pgid) => core.saveState('pgid', String(pgid)),
    });
    core.saveState('finished', 'true');
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    for (const w of outcome.report.warnings) core.warning(w, { title: 'train-on-gpu' });
    if (outcome.passed && outcome.upload) {
      const uploaded = await uploadOutputs(
        outcome.artifactName,
        outcome.outputDir,
        outcome.report.outputs.map((f) => f.path).concat('modelci-training-run.json'),
        outcome.retentionDays,
      );
      core.setOutput('artifact-id', String(uploaded.id ?? ''));
      core.setOutput('artifact-digest', uploaded.digest ?? '');
      core.info(
        `uploaded artifact ${outcome.artifactName} (id ${uploaded.id}, ${uploaded.size} bytes, sha256 ${uploaded.digest}), kept ${outcome.retentionDays} days`,
      );
    }
    await core.summary.addRaw(outcome.markdown, true).write();
    if (!outcome.passed) {
      core.setFailed(outcome.failure ?? 'The training failed.');
      // The trainer's exit code becomes the step's.
      process.exitCode = outcome.report.exitCode === 0 ? 1 : outcome.report.exitCode;
    } else core.notice(`Training succeeded in ${outcome.outputs['duration-seconds']} s; TrainingRun report ${outcome.reportPath}.`, { title: 'train-on-gpu' });
  });
}
