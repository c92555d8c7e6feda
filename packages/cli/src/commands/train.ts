import { abortOnSignals, renderTrainingText, runTrainOnGpu, TRAIN_ON_GPU_INPUTS, type TrainOutcome } from '@modelci/core';
import type { CliIo, Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

/**
 * `modelci train [flags] -- <program> <args…>`: what the train-on-gpu action does, off GitHub —
 * the GPU checks, tracking env, telemetry, no orphans, the TrainingRun report in --output-dir —
 * with no upload. The program and its arguments after `--` run as they are (no shell).
 * Exit status: 0 trained, 1 the trainer failed (its own code is in the report and on stderr),
 * 2 bad input or an unmet GPU requirement.
 */
export const train: Command = {
  name: 'train',
  summary: 'run a trainer with GPU checks, tracking env and telemetry; write the TrainingRun report',
  usage: '[--gpus 1|none] [--output-dir artifacts] [flags] -- <program> <args…>',
  inputs: TRAIN_ON_GPU_INPUTS.filter((s) => !['artifact-name', 'retention-days', 'upload'].includes(s.name)),
  formats: ['text', 'markdown', 'json'],
  takesCommand: true,
  async run(flags, io) {
    const argv = flags['--'] ? (JSON.parse(flags['--']) as string[]) : [];
    const { ['--']: _, format, ...inputs } = flags;
    void _;
    const outcome = await runTrainOnGpu(
      { ...inputs, upload: 'false' },
      {
        argv,
        signal: abortOnSignals(),
        log: (line) => io.stderr(`${line}\n`),
      },
    );
    printTraining(io, format, outcome);
    return outcome.passed ? EXIT.passed : EXIT.failed;
  },
};

function printTraining(io: CliIo, format: string, outcome: TrainOutcome): void {
  io.stdout(
    format === 'json'
      ? JSON.stringify(outcome.report, null, 2) + '\n'
      : format === 'markdown'
        ? outcome.markdown
        : renderTrainingText(outcome.report, outcome.failure),
  );
  if (outcome.passed) io.stderr(`report: ${outcome.reportPath}\n`);
}
