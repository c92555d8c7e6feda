import { QUALITY_GATES_INPUTS, renderGatesMarkdown, renderGatesText, runQualityGates } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const gates: Command = {
  name: 'gates',
  summary: 'evaluate a model (or read your report) and apply quality gates',
  usage: "--model <model.onnx> --test-data <data> --label-column <name> --gates '<a; b>' [flags]   or   --report <metrics.json> --gates '<a; b>'",
  inputs: QUALITY_GATES_INPUTS,
  formats: ['text', 'markdown', 'json'],
  aliases: { output: 'verdict-path' },
  async run(flags, io) {
    const outcome = await runQualityGates(flags);
    const v = outcome.verdict;
    io.stdout(flags.format === 'json' ? JSON.stringify(v, null, 2) + '\n' : flags.format === 'markdown' ? renderGatesMarkdown(v) : renderGatesText(v));
    io.stderr(`verdict: ${outcome.verdictPath}\n`);
    return v.passed ? EXIT.passed : EXIT.failed;
  },
};
