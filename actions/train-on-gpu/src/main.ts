// train-on-gpu's main step: check the GPUs, run the trainer with tracking and telemetry, write
// the TrainingRun report, upload the output folder. Its post step (post.ts) ends whatever of the
// trainer's process tree survived a killed main step.
import * as core from '@actions/core';
import { readInputs, runAction } from '@modelci/action-kit';
import { abortOnSignals, isServiceError } from '@modelci/core/shared';
import { planTraining, runTrainOnGpu, type TrainOutcome } from '@modelci/core/steps/train-on-gpu';
import { TRAINING_RUN_FILE, renderArtifactMarkdown, type ArtifactResult } from '@modelci/core/steps/train-on-gpu-artifact';
import { TRAIN_ON_GPU_INPUTS } from '@modelci/core/steps/train-on-gpu-inputs';
import { ARTIFACT_SERVICE, uploadOutputs, uploadUnavailable } from './upload.js';

/** An outside service failed, as the CLI's exit status 3; 1 and the trainer's own codes mean the training failed. */
const UPLOAD_FAILED_EXIT_CODE = 3;

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
    // The artifact's outputs are set only once it is finalized: nothing names an artifact that is not there.
    for (const [name, value] of Object.entries(outcome.outputs)) if (name !== 'artifact-name') core.setOutput(name, value);
    for (const w of outcome.report.warnings) core.warning(w, { title: 'train-on-gpu' });
    const artifact = outcome.passed && outcome.upload ? await publish(outcome) : undefined;
    await core.summary.addRaw(outcome.markdown + (artifact ? '\n' + renderArtifactMarkdown(artifact) : ''), true).write();
    if (!outcome.passed) {
      core.setFailed(outcome.failure ?? 'The training failed.');
      // The trainer's exit code becomes the step's.
      process.exitCode = outcome.report.exitCode === 0 ? 1 : outcome.report.exitCode;
    } else if (artifact?.state === 'failed') process.exitCode = UPLOAD_FAILED_EXIT_CODE;
    else core.notice(`Training succeeded in ${outcome.outputs['duration-seconds']} s; TrainingRun report ${outcome.reportPath}.`, { title: 'train-on-gpu' });
  });
}

/** Upload the output folder; a failure is the step's error annotation, the report stays on disk. */
async function publish(outcome: TrainOutcome): Promise<ArtifactResult> {
  const name = outcome.artifactName;
  const skipped = uploadUnavailable(process.env);
  if (skipped) {
    core.warning(skipped, { title: 'train-on-gpu: no upload' });
    return { state: 'skipped', name, why: skipped };
  }
  const files = outcome.report.outputs.map((f) => f.path).concat(TRAINING_RUN_FILE);
  try {
    const uploaded = await uploadOutputs(name, outcome.outputDir, files, outcome.retentionDays);
    core.setOutput('artifact-name', name);
    core.setOutput('artifact-id', String(uploaded.id));
    core.setOutput('artifact-digest', uploaded.digest);
    core.info(`uploaded artifact ${name} (id ${uploaded.id}, ${uploaded.size} bytes, sha256 ${uploaded.digest}), kept ${outcome.retentionDays} days`);
    return { state: 'uploaded', name, retentionDays: outcome.retentionDays, ...uploaded };
  } catch (e) {
    if (!isServiceError(e)) throw e;
    core.error(e.message, { title: `Service failed: ${ARTIFACT_SERVICE}` });
    return { state: 'failed', name, why: e.message };
  }
}
