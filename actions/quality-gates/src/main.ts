import * as core from '@actions/core';
import { readInputs, annotateAll, runAction } from '@modelci/action-kit';
import { runQualityGates } from '@modelci/core';

const INPUTS = [
  'model', 'test-data', 'label-column', 'report', 'baseline', 'gates', 'min-accuracy', 'max-latency-p99', 'max-model-size',
  'execution-provider', 'onnxruntime-cuda-dir', 'task', 'input-mapping', 'features', 'class-names', 'prediction-output', 'probability-output',
  'latency-runs', 'warmup-runs', 'batch-size', 'delimiter', 'verdict-path',
] as const;

await runAction(async () => {
  const outcome = await runQualityGates(readInputs(INPUTS));
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  annotateAll(outcome.annotations);
  await core.summary.addRaw(outcome.markdown, true).write();
  core.info(outcome.verdict.summary);
  if (!outcome.verdict.passed) {
    core.setFailed(`${outcome.verdict.summary} See the job summary and ${outcome.verdictPath}.`);
  }
});
