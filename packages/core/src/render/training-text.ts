/** A TrainingRun for a terminal: `modelci train`'s default output. */
import type { TrainingRun } from '../training/training-run.js';
import { formatDuration } from '../shared/format.js';

export function renderTrainingText(r: TrainingRun, failure?: string): string {
  const lines = [`training ${r.outcome}: exit code ${r.exitCode} after ${formatDuration(r.durationMs)}`];
  if (failure) lines.push(failure);
  for (const g of r.gpus) {
    const s = r.telemetry?.gpus.find((t) => t.gpu === g.index);
    lines.push(
      `GPU ${g.index} ${g.name}: mean utilisation ${s?.meanUtilizationPct?.toFixed(0) ?? '–'}%, peak memory ${s?.peakMemoryUsedMiB ?? '–'} MiB of ${g.memoryTotalMiB ?? '?'} MiB`,
    );
  }
  if (r.gpus.length === 0) lines.push('no GPU (gpus: none)');
  if (r.tracking.mlflowRunId) lines.push(`MLflow run ${r.tracking.mlflowRunId}`);
  if (r.tracking.wandbRunId) lines.push(`W&B run ${r.tracking.wandbRunId}`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  for (const f of r.outputs) lines.push(`${f.sha256}  ${f.bytes.toString().padStart(10)}  ${f.path}`);
  return lines.join('\n') + '\n';
}
