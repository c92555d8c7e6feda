import * as core from '@actions/core';
import { readInputs, runAction } from '@modelci/action-kit';
import { runRegistryOperation } from '@modelci/core';

const INPUTS = [
  'operation', 'registry', 'name', 'model', 'metrics', 'git-sha', 'run-url', 'tags', 'gate-verdict', 'drift-report',
  'version', 'alias', 'force', 'download',
] as const;

await runAction(async () => {
  const outcome = await runRegistryOperation(readInputs(INPUTS));
  for (const [name, value] of Object.entries(outcome.outputs ?? {})) core.setOutput(name, value);
  if (outcome.warning) core.warning(outcome.warning, { title: 'Promoted with force' });
  await core.summary.addRaw(outcome.markdown, true).write();
  core.info(outcome.markdown.split('\n')[0].replace(/^## /, ''));
});
