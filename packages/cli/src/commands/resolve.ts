import { RESOLVE_INPUTS, renderVersionText, runResolve } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printResult } from './print-result.js';

export const resolve: Command = {
  name: 'resolve',
  summary: 'find a version (by number or alias) and optionally download its files, verified',
  usage: '--name <name> [--version production] [--download <dir>] [flags]',
  inputs: RESOLVE_INPUTS,
  formats: ['text', 'json'],
  async run(flags, io) {
    const r = await runResolve(flags);
    const files = r.files.length > 0 ? `; ${r.files.length} file(s) downloaded and verified` : '';
    printResult(
      io,
      flags.format,
      { ...r.version, downloaded: r.files },
      renderVersionText(r.version, `${r.version.name} ${flags.version ?? 'production'} is v${r.version.version}${files}.`),
    );
    return EXIT.passed;
  },
};
