import { abortOnSignals, CANARY_DEPLOY_INPUTS, renderDeploymentMarkdown, renderDeploymentText, runCanaryDeploy, type CanaryOutcome } from '@modelci/core';
import type { Command, CliIo } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const canary: Command = {
  name: 'canary',
  summary: 'shift traffic to a canary step by step; roll back by itself (Ctrl-C rolls back)',
  usage: '--router <uri> --metrics <uri> [policy flags]',
  inputs: CANARY_DEPLOY_INPUTS,
  formats: ['text', 'markdown', 'json'],
  async run(flags, io) {
    const outcome = await runCanaryDeploy(flags, { signal: abortOnSignals(), log: (line) => io.stderr(`${line}\n`) });
    printDeployment(io, flags.format, outcome);
    // No post step here: a rollback that did not take is the router's failure, said in one sentence.
    return outcome.passed ? EXIT.passed : outcome.record.state === 'failed' ? EXIT.service : EXIT.failed;
  },
};

export function printDeployment(io: CliIo, format: string, outcome: CanaryOutcome): void {
  const r = outcome.record;
  io.stdout(format === 'json' ? JSON.stringify(r, null, 2) + '\n' : format === 'markdown' ? renderDeploymentMarkdown(r) : renderDeploymentText(r));
  for (const warning of outcome.warnings) io.stderr(`warning: ${warning}\n`);
  io.stderr(`record: ${outcome.recordPath}${outcome.warnings.some((w) => /record could not be written/.test(w)) ? ' (not written, see the warning)' : ''}\n`);
}
