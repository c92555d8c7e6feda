import { CHECK_DRIFT_INPUTS, renderDriftMarkdown, renderDriftText, runDriftCheck } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const drift: Command = {
  name: 'drift',
  summary: 'check data against a reference (data or profile); fail on real drift',
  usage: '--reference <profile.json|data> --current <data> [flags]',
  inputs: CHECK_DRIFT_INPUTS,
  formats: ['text', 'markdown', 'json'],
  aliases: { threshold: 'significance-level' },
  async run(flags, io) {
    const outcome = await runDriftCheck(flags);
    const r = outcome.report;
    io.stdout(
      flags.format === 'json' ? JSON.stringify(r, null, 2) + '\n' : flags.format === 'markdown' ? renderDriftMarkdown(r) : renderDriftText(r, io.isTTY),
    );
    io.stderr(`report: ${outcome.reportPath}${outcome.profilePath ? `, profile: ${outcome.profilePath}` : ''}\n`);
    return r.verdict.failed ? EXIT.failed : EXIT.passed;
  },
};
