import { ATTACH_INPUTS, renderVersionText, runAttach } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printResult } from './print-result.js';

export const attach: Command = {
  name: 'attach',
  summary: 'add a later verdict, drift report or commit to an existing version',
  usage: '--name <name> --version <n|alias> [--gate-verdict <verdict.json>] [--drift-report <report.json>] [--git-sha <sha>] [flags]',
  inputs: ATTACH_INPUTS,
  formats: ['text', 'json'],
  async run(flags, io) {
    const r = await runAttach(flags);
    if (r.warning) io.stderr(`modelci: warning: ${r.warning}\n`);
    printResult(io, flags.format, r.version, renderVersionText(r.version, `Attached to ${r.version.name} v${r.version.version}.`));
    return EXIT.passed;
  },
};
