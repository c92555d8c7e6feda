import { REGISTER_INPUTS, renderVersionText, runRegister } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printResult } from './print-result.js';

export const register: Command = {
  name: 'register',
  summary: 'store a model version with its metrics and provenance',
  usage: '--name <name> --model <file|dir> [--metrics <verdict.json>] [--registry <uri>] [flags]',
  inputs: REGISTER_INPUTS,
  formats: ['text', 'json'],
  async run(flags, io) {
    const r = await runRegister(flags);
    if (r.warning) io.stderr(`modelci: warning: ${r.warning}\n`);
    const line = r.existing
      ? `${r.version.name} v${r.version.version} already holds this content: nothing registered, 0 bytes written.`
      : `Registered ${r.version.name} v${r.version.version}.`;
    printResult(io, flags.format, { ...r.version, existing: r.existing, bytesWritten: r.bytesWritten }, renderVersionText(r.version, line));
    return EXIT.passed;
  },
};
