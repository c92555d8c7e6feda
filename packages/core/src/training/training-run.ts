/** The TrainingRun report (modelci/training-run@1), written into the output folder and so into the artifact. */
import type { GpuDevice } from '../gpu/probe-gpu.js';
import type { TelemetrySummary } from '../gpu/telemetry.js';
import type { OutputFile } from './output-files.js';
import type { TrackingRuns } from './tracking.js';

export const TRAINING_RUN_SCHEMA = 'modelci/training-run@1';
export const TRAINING_RUN_FILE = 'modelci-training-run.json';

export interface TrainingRun {
  schema: typeof TRAINING_RUN_SCHEMA;
  /** The `run:` text, or the argv list. */
  command: string | string[];
  workingDirectory: string;
  startedAt: string;
  durationMs: number;
  exitCode: number;
  outcome: 'succeeded' | 'failed' | 'timed-out' | 'cancelled';
  gpus: GpuDevice[];
  cudaVersion?: string;
  cudaVisibleDevices?: string;
  telemetry?: Omit<TelemetrySummary, 'samples'> & { samples: number };
  tracking: TrackingRuns & { experimentName?: string; runName?: string };
  gitSha?: string;
  runUrl?: string;
  outputs: OutputFile[];
  warnings: string[];
}
