import * as core from '@actions/core';
import { readInputs, annotateAll, runAction } from '@modelci/action-kit';
import { runDriftCheck } from '@modelci/core';

const INPUTS = [
  'reference', 'current', 'schema', 'delimiter', 'significance-level', 'correction', 'numeric-effect', 'min-numeric-effect',
  'categorical-effect', 'min-categorical-effect', 'min-missing-change', 'columns', 'ignore-columns',
  'categorical-columns', 'fail-on', 'report-path', 'profile-path', 'profile-of',
] as const;

await runAction(async () => {
  const outcome = await runDriftCheck(readInputs(INPUTS));
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  annotateAll(outcome.annotations);
  await core.summary.addRaw(outcome.markdown, true).write();
  core.info(outcome.report.verdict.summary);
  if (outcome.profilePath) core.info(`Profile written to ${outcome.profilePath}.`);
  if (outcome.report.verdict.failed) {
    core.setFailed(`${outcome.report.verdict.summary} See the job summary and ${outcome.reportPath}.`);
  }
});
