import { PROMOTE_INPUTS, renderVersionText, runPromote } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printResult } from './print-result.js';

export const promote: Command = {
  name: 'promote',
  summary: 'point an alias (production, staging, ...) at a version',
  usage: '--name <name> --version <n|alias> [--alias production] [--force true] [flags]',
  inputs: PROMOTE_INPUTS,
  formats: ['text', 'json'],
  async run(flags, io) {
    const r = await runPromote(flags);
    if (r.warning) io.stderr(`modelci: warning: ${r.warning}\n`);
    const was = r.move.previousVersion !== undefined ? ` (was v${r.move.previousVersion})` : '';
    printResult(io, flags.format, r.move, renderVersionText(r.version, `${r.move.alias} -> ${r.version.name} v${r.move.version}${was}.`));
    return EXIT.passed;
  },
};
