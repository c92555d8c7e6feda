/**
 * A TrainingRun for people: the job summary of train-on-gpu and `modelci train --format
 * markdown`. The outcome first, then the GPUs, utilisation and memory over time (mermaid), the
 * tracking runs and every output file.
 */
import type { TelemetrySample } from '../gpu/telemetry.js';
import type { TrainingRun } from '../training/training-run.js';
import { formatDuration } from '../shared/format.js';
import { mdCode, mdCodeCell, mdHeading, mdTable, mdText } from './markdown.js';

const HEADLINES: Record<TrainingRun['outcome'], string> = {
  succeeded: '✅ Training succeeded',
  failed: '❌ Training failed',
  'timed-out': '⏱️ Training timed out',
  cancelled: '🛑 Training cancelled',
};

/** Points per chart: GitHub renders a few hundred comfortably; longer runs are averaged into buckets. */
const MAX_POINTS = 120;

export function renderTrainingMarkdown(r: TrainingRun, samples: TelemetrySample[], failure?: string): string {
  const lines = [mdHeading(2, `${HEADLINES[r.outcome]}${r.gitSha ? ` (${mdText(r.gitSha.slice(0, 12))})` : ''}`), ''];
  lines.push(
    `Command ${mdCode(typeof r.command === 'string' ? r.command : r.command.join(' '))}, exit code ${r.exitCode}, ${formatDuration(r.durationMs)}.`,
    '',
  );
  if (failure) lines.push(...failure.split('\n').map((l, i) => (i === 0 ? `> ${mdText(l)}` : `> ${mdCode(l)}`).concat('  ')), '');
  for (const w of r.warnings) lines.push(`> ⚠️ ${mdText(w)}`, '');
  if (r.gpus.length === 0) lines.push('No GPU: a CPU run (gpus: none).', '');
  else {
    const summary = new Map((r.telemetry?.gpus ?? []).map((g) => [g.gpu, g]));
    const n = (v: number | undefined, d = 0) => (v === undefined ? '–' : v.toFixed(d));
    lines.push(
      mdTable(
        ['GPU', 'name', 'memory', 'mean utilisation', 'peak memory used', 'peak power', 'peak temperature'],
        ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
        r.gpus.map((g) => {
          const s = summary.get(g.index);
          return [
            String(g.index),
            mdText(g.name),
            `${n(g.memoryTotalMiB)} MiB`,
            `${n(s?.meanUtilizationPct)}%`,
            `${n(s?.peakMemoryUsedMiB)} MiB`,
            `${n(s?.peakPowerW)} W`,
            `${n(s?.peakTemperatureC)} °C`,
          ];
        }),
      ),
      '',
    );
    lines.push(
      `Driver ${mdText(r.gpus[0].driver)}${r.cudaVersion ? `, CUDA ${mdText(r.cudaVersion)}` : ''}; CUDA_VISIBLE_DEVICES=${mdCode(r.cudaVisibleDevices ?? '')}.`,
      '',
    );
    for (const g of r.gpus)
      lines.push(
        ...chart(
          g.index,
          samples.filter((s) => s.gpu === g.index),
        ),
      );
  }
  const t = r.tracking;
  if (t.mlflowRunId || t.wandbRunId || t.experimentName) {
    lines.push(mdHeading(3, 'Tracking'), '');
    if (t.experimentName) lines.push(`- MLflow experiment ${mdCode(t.experimentName)}${t.runName ? `, run name ${mdCode(t.runName)}` : ''}`);
    lines.push(`- MLflow run id: ${t.mlflowRunId ? mdCode(t.mlflowRunId) : 'none reported (the trainer writes it to MODELCI_TRACKING_FILE)'}`);
    if (t.wandbRunId) lines.push(`- W&B run id: ${mdCode(t.wandbRunId)}`);
    lines.push('');
  }
  if (r.outputs.length > 0) {
    lines.push(mdHeading(3, `Outputs (${r.outputs.length} files)`), '');
    lines.push(
      mdTable(
        ['file', 'bytes', 'sha256'],
        ['left', 'right', 'left'],
        r.outputs.slice(0, 200).map((f) => [mdCodeCell(f.path), String(f.bytes), mdCodeCell(f.sha256)]),
      ),
      '',
    );
  }
  return lines.join('\n') + '\n';
}

function chart(gpu: number, samples: TelemetrySample[]): string[] {
  if (samples.length < 2) return [];
  const size = Math.ceil(samples.length / MAX_POINTS);
  const buckets: TelemetrySample[][] = [];
  for (let i = 0; i < samples.length; i += size) buckets.push(samples.slice(i, i + size));
  const mean = (xs: (number | undefined)[]) => {
    const v = xs.filter((x): x is number => x !== undefined);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
  };
  const x = buckets.map((b) => Math.round(b[0].atMs / 1000));
  const util = buckets.map((b) => Math.round(mean(b.map((s) => s.utilizationPct))));
  const mem = buckets.map((b) => Math.round(mean(b.map((s) => s.memoryUsedMiB))));
  const top = Math.max(1, ...mem);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "GPU ${gpu}: utilisation (%)"`,
    `  x-axis "seconds since start" [${x.join(', ')}]`,
    '  y-axis "%" 0 --> 100',
    `  line [${util.join(', ')}]`,
    '```',
    '',
    '```mermaid',
    'xychart-beta',
    `  title "GPU ${gpu}: memory used (MiB)"`,
    `  x-axis "seconds since start" [${x.join(', ')}]`,
    `  y-axis "MiB" 0 --> ${top}`,
    `  line [${mem.join(', ')}]`,
    '```',
    '',
  ];
}
