// Where canary-deploy records its GitHub deployment: the environment and token inputs, the
// repository and commit of the run. Off a GitHub run (no GITHUB_REPOSITORY) or with an empty
// token there is none, and the log says so; a refusal later is a warning (core decides that).
import * as core from '@actions/core';
import { octokitGitHubApi } from '@modelci/action-kit';
import type { DeploymentTarget } from '@modelci/core/steps/canary-deploy-github';

export function deploymentTarget(inputs: Record<string, string>): DeploymentTarget | undefined {
  const environment = inputs.environment?.trim() || 'production';
  const token = inputs.token ?? '';
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  const ref = inputs['git-sha']?.trim() || process.env.GITHUB_SHA || '';
  if (token !== '') core.setSecret(token);
  const skip = (why: string) => {
    core.info(`canary-deploy: no GitHub deployment is recorded (${why}).`);
    return undefined;
  };
  if (token === '') return skip("the token input is empty; give one with 'deployments: write' to record it");
  if (!/^[^/]+\/[^/]+$/.test(repository)) return skip('GITHUB_REPOSITORY is not set: not a GitHub Actions run');
  if (ref === '') return skip('neither git-sha nor GITHUB_SHA names the commit being deployed');
  const server = (process.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const runId = process.env.GITHUB_RUN_ID;
  let api: ReturnType<typeof octokitGitHubApi> | undefined;
  return {
    api: () => (api ??= octokitGitHubApi({ token, repository })),
    environment,
    ref,
    logUrl: runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
  };
}
