/**
 * train-on-gpu's use case, shared by the action and `modelci train`: check everything that can be
 * checked before a GPU hour is spent (inputs, artifact name, tracking URI, the GPUs themselves),
 * run the trainer with tracking env and telemetry, and write the TrainingRun report into the
 * output folder. The upload is the action's (core never imports @actions/*).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { probeGpuDevices, type GpuProbe } from '../gpu/probe-gpu.js';
import { selectGpus, type GpuSelection } from '../gpu/requirement.js';
import { startTelemetry, type TelemetrySummary } from '../gpu/telemetry.js';
import { renderTrainingMarkdown } from '../render/training-markdown.js';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { InputError } from '../shared/errors.js';
import type { RawInputs } from '../shared/input-spec.js';
import { logText } from '../shared/log-text.js';
import { parseInputs } from '../shared/parse-input.js';
import { checkArtifactName, checkRetentionDays } from '../training/artifact-name.js';
import { listOutputFiles } from '../training/output-files.js';
import { endGroup, processesInGroup } from '../training/process-group.js';
import { runTrainer, type TrainerCommand, type TrainerResult } from '../training/run-trainer.js';
import { readTrackingFile, trackingEnv } from '../training/tracking.js';
import { TRAINING_RUN_FILE, TRAINING_RUN_SCHEMA, type TrainingRun } from '../training/training-run.js';
import { TRAIN_ON_GPU_INPUTS } from './train-on-gpu-inputs.js';

export type TrainRequest = RawInputs<typeof TRAIN_ON_GPU_INPUTS>;

export interface TrainRuntime {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Each line of the trainer's output, already safe for a workflow log. */
  log?: (line: string) => void;
  /** The trainer's process group, as soon as it started (the action's post step ends it if it is still there). */
  onStart?: (pgid: number) => void;
  nvidiaSmi?: string;
  /** The program and its arguments exactly as given (the CLI's `-- …`), instead of run/command. */
  argv?: string[];
}

export interface TrainOutcome {
  report: TrainingRun;
  reportPath: string;
  outputDir: string;
  artifactName: string;
  retentionDays: number;
  upload: boolean;
  markdown: string;
  /** The step passes only when the trainer exited 0 and left its outputs. */
  passed: boolean;
  /** One sentence when it did not pass, with the last lines of the trainer's log. */
  failure?: string;
  outputs: Record<string, string>;
}

/** The parts checked before training; exported so a shell can fail fast the same way. */
export function planTraining(req: TrainRequest, env: NodeJS.ProcessEnv, argv?: string[]) {
  const v = parseInputs(TRAIN_ON_GPU_INPUTS, req);
  const command = argv && argv.length > 0 && !v.run && v.command.length === 0 ? { argv } : trainerCommand(v.run, v.command);
  const gitSha = v['git-sha'] || env.GITHUB_SHA || undefined;
  const artifactName = checkArtifactName(v['artifact-name'] ?? (gitSha ? `model-${gitSha}` : 'model'));
  const retentionDays = checkRetentionDays(v['retention-days']);
  const cwd = resolve(v['working-directory']);
  const outputDir = isAbsolute(v['output-dir']) ? v['output-dir'] : join(cwd, v['output-dir']);
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const runName = v['run-name'] || (env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined);
  const trackingFile = join(env.RUNNER_TEMP || tmpdir(), `modelci-tracking-${randomBytes(6).toString('hex')}.json`);
  const tracking = trackingEnv({
    mlflowTrackingUri: v['mlflow-tracking-uri'] || env.MLFLOW_TRACKING_URI || undefined,
    experimentName: v['experiment-name'],
    runName,
    wandbProject: v['wandb-project'],
    tags: v.tags,
    gitSha,
    runUrl,
    trackingFile,
  });
  const devices =
    v['cuda-visible-devices'].toLowerCase() === 'auto'
      ? ('auto' as const)
      : v['cuda-visible-devices']
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  const requirement = {
    count: v.gpus,
    minFreeMiB: v['min-free-memory'] === undefined ? undefined : v['min-free-memory'] / (1024 * 1024),
    allowBusy: v['allow-busy-gpu'],
    devices,
  };
  return { v, command, gitSha, runUrl, artifactName, retentionDays, cwd, outputDir, tracking, trackingFile, requirement };
}

function trainerCommand(run: string | undefined, argv: string[]): TrainerCommand {
  if (run && argv.length > 0)
    throw new InputError("Inputs 'run' and 'command' are both given; give one: run for a shell line, command for an argument list.", { input: 'run' });
  if (run) return { shell: run };
  if (argv.length > 0) return { argv };
  throw new InputError(
    "Input 'run' is required: give the training command, e.g. run: python training/train.py --output-dir artifacts/ (or command: as a list).",
    { input: 'run' },
  );
}

export async function runTrainOnGpu(req: TrainRequest, runtime: TrainRuntime = {}): Promise<TrainOutcome> {
  const env = runtime.env ?? process.env;
  const plan = planTraining(req, env, runtime.argv);
  const log = runtime.log ?? (() => {});
  const probe: GpuProbe = await probeGpuDevices(runtime.nvidiaSmi);
  const selection: GpuSelection = selectGpus(probe, plan.requirement);
  const warnings: string[] = [];
  if (plan.requirement.count === 'none' && !probe.found) log('gpus: none — training on the CPU, no GPU telemetry.');
  for (const g of selection.gpus)
    log(
      logText(
        `GPU ${g.index}: ${g.name}, ${g.memoryFreeMiB ?? '?'} of ${g.memoryTotalMiB ?? '?'} MiB free, driver ${g.driver}${probe.found && probe.cudaVersion ? `, CUDA ${probe.cudaVersion}` : ''}${g.migMode === 'Enabled' ? ', MIG enabled' : ''}`,
      ),
    );

  const childEnv: NodeJS.ProcessEnv = { ...env, ...plan.tracking };
  if (selection.cudaVisibleDevices !== undefined) childEnv.CUDA_VISIBLE_DEVICES = selection.cudaVisibleDevices;
  else if (plan.requirement.count === 'none' && !env.CUDA_VISIBLE_DEVICES && !probe.found) childEnv.CUDA_VISIBLE_DEVICES = '';

  const startedAt = new Date();
  const sampler =
    selection.cudaVisibleDevices !== undefined
      ? startTelemetry(
          selection.gpus.map((g) => g.index),
          { intervalMs: plan.v['telemetry-interval'], command: runtime.nvidiaSmi },
        )
      : undefined;
  let result: TrainerResult;
  let telemetry: TelemetrySummary | undefined;
  try {
    result = await runTrainer(plan.command, {
      cwd: plan.cwd,
      env: childEnv,
      timeoutMs: plan.v.timeout,
      graceMs: plan.v['kill-grace-period'],
      signal: runtime.signal,
      onStart: runtime.onStart,
      onLine: (line) => log(logText(line)),
    });
  } finally {
    telemetry = await sampler?.stop();
  }
  warnings.push(...(telemetry?.warnings ?? []));
  const tracked = await readTrackingFile(plan.trackingFile);
  if (tracked.warning) warnings.push(tracked.warning);
  await rm(plan.trackingFile, { force: true });
  if (result.ended && !result.cancelled && !result.timedOut)
    warnings.push(
      `The trainer exited but left ${result.ended.found.length} process${result.ended.found.length === 1 ? '' : 'es'} of its group running (pids ${result.ended.found.join(', ')}); modelci ended them${result.ended.forced ? ' by force' : ''}.`,
    );

  const failure = failureSentence(result, plan.v['timeout']);
  // A failed run still gets its report when the folder is there, so the summary says what it left.
  let outputs: TrainingRun['outputs'] = [];
  if (!failure) outputs = await listOutputFiles(plan.outputDir, plan.v['output-dir'], [TRAINING_RUN_FILE]);
  const report: TrainingRun = {
    schema: TRAINING_RUN_SCHEMA,
    command: 'shell' in plan.command ? plan.command.shell : plan.command.argv,
    workingDirectory: plan.v['working-directory'],
    startedAt: startedAt.toISOString(),
    durationMs: result.durationMs,
    exitCode: result.exitCode,
    outcome: result.cancelled ? 'cancelled' : result.timedOut ? 'timed-out' : result.exitCode === 0 ? 'succeeded' : 'failed',
    gpus: selection.gpus,
    cudaVersion: probe.found ? probe.cudaVersion : undefined,
    cudaVisibleDevices: selection.cudaVisibleDevices,
    telemetry: telemetry && { ...telemetry, samples: telemetry.samples.length },
    tracking: { ...tracked.runs, experimentName: plan.tracking.MLFLOW_EXPERIMENT_NAME, runName: plan.tracking.MLFLOW_RUN_NAME },
    gitSha: plan.gitSha,
    runUrl: plan.runUrl,
    outputs,
    warnings,
  };
  const reportPath = join(plan.outputDir, TRAINING_RUN_FILE);
  if (!failure) await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n');
  return {
    report,
    reportPath,
    outputDir: plan.outputDir,
    artifactName: plan.artifactName,
    retentionDays: plan.retentionDays,
    upload: plan.v.upload,
    markdown: renderTrainingMarkdown(report, telemetry?.samples ?? [], failure),
    passed: !failure,
    failure,
    outputs: {
      'exit-code': String(result.exitCode),
      'training-run': failure ? '' : reportPath,
      'tracking-run-id': tracked.runs.mlflowRunId ?? '',
      'wandb-run-id': tracked.runs.wandbRunId ?? '',
      'artifact-name': plan.artifactName,
      'duration-seconds': (result.durationMs / 1000).toFixed(1),
    },
  };
}

function failureSentence(r: TrainerResult, timeoutMs: number): string | undefined {
  const tail = r.tail.length ? ` Last lines of its log:\n${r.tail.slice(-10).map(logText).join('\n')}` : '';
  if (r.cancelled) return `The training was cancelled; its process tree was ended${r.ended?.forced ? ' (by force after the grace period)' : ''}.${tail}`;
  if (r.timedOut)
    return `The trainer ran past the timeout (${Math.round(timeoutMs / 1000)} s) and was ended${r.ended?.forced ? ' by force after the grace period' : ''}; raise timeout or shorten the training.${tail}`;
  if (r.spawnError === 'ENOENT' || (r.exitCode === 127 && !r.signal))
    return `The training command was not found (exit code 127): check the program name and that it is installed on the runner (PATH).${tail}`;
  if (r.spawnError) return `The training command could not be started (${r.spawnError}).${tail}`;
  if (r.exitCode !== 0) return `The trainer failed with exit code ${r.exitCode}${r.signal ? ` (${r.signal})` : ''}.${tail}`;
  return undefined;
}

/**
 * The post step's check: is any process of the trainer's group still alive (the main step was
 * killed before it could end them)? Ends them, politely then by force, and says which.
 */
export async function endLeftoverTrainer(pgid: number, graceMs: number): Promise<string | undefined> {
  const alive = processesInGroup(pgid);
  if (alive.length === 0) return undefined;
  const names = alive.map((pid) => `${pid} (${processName(pid)})`);
  const ended = await endGroup(pgid, graceMs);
  return `The trainer's process group ${pgid} was still running after the main step: ended ${names.join(', ')}${ended.forced ? ', by force after the grace period' : ''}.`;
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}
