// The PR report comment and model deployments through the real adapter (@actions/github's
// Octokit) against the GitHub API stand-in, which checks every request against GitHub's OpenAPI
// description and answers with its documented shapes and status codes.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { octokitGitHubApi } from '../../packages/action-kit/src/github/octokit-github-api.js';
import { endDeployment, startDeployment } from '../../packages/core/src/github/model-deployment.js';
import { REPORT_MARKER, upsertReportComment } from '../../packages/core/src/github/report-comment.js';
import { InputError } from '../../packages/core/src/shared/errors.js';
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js';

let gh: GitHubApiStandIn;
beforeEach(async () => {
  gh = await startGitHubApi({ owner: 'acme', repo: 'models' });
  gh.openPullRequest(12);
});
afterEach(async () => {
  await gh.stop();
  gh.assertNoProblems();
  // Every request reached a documented operation.
  expect(gh.requests.filter((r) => r.operationId === undefined)).toEqual([]);
});

const api = (token = gh.writeToken) => octokitGitHubApi({ token, repository: 'acme/models', apiUrl: gh.url });

describe('the PR report comment', () => {
  it('is created by the first run and edited in place by the next, never added again', async () => {
    const first = await upsertReportComment(api(), 12, 'accuracy 0.91');
    expect(first).toMatchObject({ action: 'created', comment: { url: expect.stringContaining('/pull/12#issuecomment-') } });
    const second = await upsertReportComment(api(), 12, 'accuracy 0.93');
    expect(second).toMatchObject({ action: 'updated' });
    expect(gh.comments(12)).toEqual([expect.objectContaining({ body: `${REPORT_MARKER}\naccuracy 0.93` })]);
    expect(gh.requests.map((r) => r.operationId)).toEqual(['issues/list-comments', 'issues/create-comment', 'issues/list-comments', 'issues/update-comment']);
  });

  it('finds its comment past the first page of a long discussion', async () => {
    const reviewer = api();
    for (let i = 0; i < 101; i++) await reviewer.createIssueComment(12, `comment ${i}`);
    await upsertReportComment(reviewer, 12, 'v1');
    await upsertReportComment(reviewer, 12, 'v2');
    expect(gh.comments(12).filter((c) => c.body.startsWith(REPORT_MARKER))).toHaveLength(1);
    expect(gh.requests.some((r) => r.path.includes('page=2'))).toBe(true);
  });

  it('falls back to the job summary with a notice when the token is read-only (a fork)', async () => {
    const outcome = await upsertReportComment(api(gh.readOnlyToken), 12, 'report');
    expect(outcome).toEqual({
      action: 'fallback',
      notice: expect.stringMatching(/^The token may not comment on pull request #12 of acme\/models \(GitHub answered 403.*job summary instead\.$/),
    });
    expect(gh.comments(12)).toEqual([]);
  });

  it('says in one sentence that a pull request does not exist', async () => {
    const e = await upsertReportComment(api(), 99, 'report').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(
      'Pull request #99 was not found in acme/models (GitHub answered 404): give the number of an open pull request, or run on a pull_request event.',
    );
  });

  it('reports bad credentials as a service failure that retrying does not fix', async () => {
    const e = await upsertReportComment(api('wrong'), 12, 'report').catch((x: unknown) => x);
    expect(e).toMatchObject({
      name: 'ServiceError',
      status: 401,
      retryable: false,
      message: expect.stringContaining("GitHub's API answered 401 while listing the comments of #12 in acme/models: Bad credentials."),
    });
  });

  it('is bounded in time', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const slow = octokitGitHubApi({ token: 't', repository: 'acme/models', apiUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      const e = await slow.listIssueComments(12).catch((x: unknown) => x);
      expect(e).toMatchObject({
        retryable: true,
        message: "GitHub's API did not answer within 0.3 s while listing the comments of #12 in acme/models; try again.",
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('model deployments', () => {
  const deployment = {
    environment: 'production',
    ref: 'refs/heads/main',
    model: 'penguins',
    version: '7',
    logUrl: 'https://github.com/acme/models/actions/runs/42',
  };

  it('carry the model as payload and move in_progress -> success when promoted', async () => {
    const id = await startDeployment(api(), deployment);
    expect(await endDeployment(api(), id, 'promoted', 'penguins 7 serves 100% of traffic', deployment)).toBe('success');
    expect(gh.deployments).toEqual([
      expect.objectContaining({ id, environment: 'production', payload: { model: 'penguins', version: '7' }, production_environment: true }),
    ]);
    expect(gh.deployments[0].statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    const create = gh.requests.find((r) => r.operationId === 'repos/create-deployment');
    expect(create?.body).toMatchObject({ required_contexts: [], auto_merge: false });
  });

  it('end as failure, or inactive on a rollback, with a description GitHub accepts', async () => {
    const failed = await startDeployment(api(), { ...deployment, environment: 'staging' });
    await endDeployment(api(), failed, 'failed', 'the router did not answer');
    const rolled = await startDeployment(api(), deployment);
    await endDeployment(api(), rolled, 'rolled-back', `rolled back: ${'p99 over the limit; '.repeat(20)}`);
    expect(gh.deployments.map((d) => [d.environment, d.statuses.map((s) => s.state)])).toEqual([
      ['staging', ['in_progress', 'failure']],
      ['production', ['in_progress', 'inactive']],
    ]);
    expect(gh.deployments[1].statuses[1].description.length).toBeLessThanOrEqual(140);
    expect(gh.deployments[0].production_environment).toBe(false);
  });

  it("refuse a status for a deployment that does not exist with GitHub's 404", async () => {
    const e = await endDeployment(api(), 424242, 'promoted', 'x').catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 404, retryable: false });
  });
});
