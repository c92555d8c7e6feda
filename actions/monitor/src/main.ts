import * as core from '@actions/core';
import { octokitGitHubApi, readInputs, runAction } from '@modelci/action-kit';
import { runMonitor } from '@modelci/core/steps/monitor';
import { MONITOR_INPUTS } from '@modelci/core/steps/monitor-inputs';

/** monitor: one look at production, then its outputs, summary and, when the policy is met, the retrain dispatch. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs(MONITOR_INPUTS);
    const token = inputs.token ?? '';
    if (token !== '') core.setSecret(token);
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const github = !/^[^/]+\/[^/]+$/.test(repository)
      ? { unavailable: 'GITHUB_REPOSITORY is not set (not running in GitHub Actions)' }
      : token === ''
        ? { unavailable: "input 'token' is empty (leave it unset for the job's GITHUB_TOKEN, with actions: write and issues: write)" }
        : { api: () => octokitGitHubApi({ token, repository }), defaultRef: process.env.GITHUB_REF_NAME || undefined };
    const outcome = await runMonitor(inputs, { github });
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    await core.summary.addRaw(outcome.markdown, true).write();
    for (const alert of outcome.report.alerts) core.warning(alert, { title: 'Production monitor' });
    core.info(outcome.report.decision.summary);
    if (outcome.failed) core.setFailed(`${outcome.report.decision.summary} See the job summary and ${outcome.reportPath}.`);
  });
}
