import { abortOnSignals, MONITOR_INPUTS, renderMonitorMarkdown, renderMonitorText, runMonitor } from '@modelci/core';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const monitor: Command = {
  name: 'monitor',
  summary: 'watch production data: drift per hour, predictions, live accuracy, A/B; say whether to retrain',
  usage: '--production-data <files|postgres://…> --time-column <name> (--reference <profile.json> | --registry <uri> --model <name>) [flags]',
  inputs: MONITOR_INPUTS,
  formats: ['text', 'markdown', 'json'],
  async run(flags, io) {
    // The dispatch and the health issue are the action's: a laptop has no workflow to start.
    const outcome = await runMonitor(flags, {
      signal: abortOnSignals(),
      github: { unavailable: 'the modelci command reports only; the monitor action dispatches the training workflow from GitHub Actions' },
    });
    const r = outcome.report;
    io.stdout(
      flags.format === 'json' ? JSON.stringify(r, null, 2) + '\n' : flags.format === 'markdown' ? renderMonitorMarkdown(r) : renderMonitorText(r, io.isTTY),
    );
    io.stderr(`report: ${outcome.reportPath}\n`);
    return outcome.failed ? EXIT.failed : EXIT.passed;
  },
};
