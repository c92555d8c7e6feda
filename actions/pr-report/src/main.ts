import * as core from '@actions/core';
import { context } from '@actions/github';
import { octokitGitHubApi, readInputs, runAction } from '@modelci/action-kit';
import { InputError } from '@modelci/core/shared';
import { runPrReport } from '@modelci/core/steps/pr-report';
import { PR_REPORT_INPUTS } from '@modelci/core/steps/pr-report-inputs';

/** pr-report: one comment per pull request, edited in place; the job summary always has the report too. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs(PR_REPORT_INPUTS);
    const token = inputs.token ?? '';
    if (token !== '') core.setSecret(token);
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const server = (process.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const runId = process.env.GITHUB_RUN_ID;
    const pr = context.payload.pull_request as { number?: number; head?: { sha?: string } } | undefined;
    const result = await runPrReport(
      inputs,
      {
        pullRequest: pr?.number,
        commit: pr?.head?.sha ?? process.env.GITHUB_SHA,
        links: runId ? [{ label: 'Run summary', url: `${server}/${repository}/actions/runs/${runId}` }] : [],
      },
      () => {
        if (!/^[^/]+\/[^/]+$/.test(repository))
          throw new InputError('GITHUB_REPOSITORY is not set (or not owner/repo): pr-report comments from a GitHub Actions job, which sets it.');
        if (token === '')
          throw new InputError("Input 'token' is empty: leave it unset for the job's GITHUB_TOKEN, or give a token with pull-requests: write.", {
            input: 'token',
          });
        return octokitGitHubApi({ token, repository });
      },
    );
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    await core.summary.addRaw(result.markdown, true).write();
    if ('notice' in result.outcome) core.notice(result.outcome.notice, { title: 'PR report' });
    else core.info(`Report comment ${result.outcome.action}: ${result.outcome.comment.url}`);
  });
}
