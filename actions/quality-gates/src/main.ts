import * as core from '@actions/core';
import { readInputs, annotateAll, runAction } from '@modelci/action-kit';
import { runQualityGates } from '@modelci/core/steps/quality-gates';
import { QUALITY_GATES_INPUTS } from '@modelci/core/steps/quality-gates-inputs';
import { prepareCudaProviders } from './cuda-providers.js';

/** quality-gates: the step, then its outputs, annotations, summary and verdict. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs(QUALITY_GATES_INPUTS);
    // The step calls it after checking the inputs: bad input is answered before any download.
    const cudaProviders = wantsCuda(inputs) ? () => prepareCudaProviders(cudaArchive(inputs)) : undefined;
    const outcome = await runQualityGates(inputs, new Date(), { cudaProviders });
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    annotateAll(outcome.annotations);
    await core.summary.addRaw(outcome.markdown, true).write();
    core.info(outcome.verdict.summary);
    if (!outcome.verdict.passed) {
      core.setFailed(`${outcome.verdict.summary} See the job summary and ${outcome.verdictPath}.`);
    }
  });
}

/** Only a model run on CUDA needs the provider libraries (a report is read, not run). */
function wantsCuda(inputs: Record<string, string>): boolean {
  const cuda = (inputs['execution-provider'] ?? '').trim().toLowerCase() === 'cuda';
  // Elsewhere the step refuses cuda in one sentence; no point downloading first.
  return cuda && Boolean(inputs.model?.trim()) && process.platform === 'linux' && process.arch === 'x64';
}

function cudaArchive(inputs: Record<string, string>): { url: string; sha256?: string } {
  const url = inputs['onnxruntime-cuda-url']?.trim() || QUALITY_GATES_INPUTS.find((s) => s.name === 'onnxruntime-cuda-url')!.default!;
  return { url, sha256: inputs['onnxruntime-cuda-sha256']?.trim() || undefined };
}
