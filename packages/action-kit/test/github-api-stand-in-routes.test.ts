// The stand-in's Actions and issue routes answer as GitHub's OpenAPI description says and refuse
// what GitHub would: the retrain and health-issue tests are only as good as this contract.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApiStandIn } from '../../../test/helpers/github-api.js';
import { octokitGitHubApi } from '../src/github/octokit-github-api.js';

let gh: GitHubApiStandIn;
beforeEach(async () => {
  gh = await startGitHubApi();
  gh.addWorkflow('pipeline.yml', { inputs: ['retrain', 'reason'] });
});
afterEach(async () => {
  await gh.stop();
});

const call = async (method: string, path: string, body?: unknown, token = gh.writeToken) => {
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as Record<string, unknown>, link: res.headers.get('link') };
};
const dispatch = '/repos/acme/models/actions/workflows/pipeline.yml/dispatches';
const runs = '/repos/acme/models/actions/workflows/pipeline.yml/runs';

describe('the stand-in: workflow dispatches and runs', () => {
  it('answers 204 to a dispatch and lists the run as queued, filtered by status and event', async () => {
    expect((await call('POST', dispatch, { ref: 'main', inputs: { retrain: 'true', reason: 'drift' } })).status).toBe(204);
    const queued = await call('GET', `${runs}?status=queued&event=workflow_dispatch`);
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      total_count: 1,
      workflow_runs: [{ status: 'queued', event: 'workflow_dispatch', head_branch: 'main', conclusion: null }],
    });
    expect((await call('GET', `${runs}?status=in_progress`)).body).toMatchObject({ total_count: 0, workflow_runs: [] });
    expect((await call('GET', `${runs}?event=push`)).body).toMatchObject({ total_count: 0 });
    // The workflow's numeric id names it too.
    const id = gh.workflowRuns[0].workflowId;
    expect((await call('GET', `/repos/acme/models/actions/workflows/${id}/runs`)).body).toMatchObject({ total_count: 1 });
    gh.assertNoProblems();
  });

  it('refuses inputs that are not strings, a missing ref and an undocumented status, as GitHub does (422)', async () => {
    const typed = await call('POST', dispatch, { ref: 'main', inputs: { retrain: true, reason: 'drift' } });
    expect(typed).toMatchObject({ status: 422, body: { message: "For 'properties/retrain', true is not a string." } });
    const noRef = await call('POST', dispatch, { inputs: { retrain: 'true' } });
    expect(noRef).toMatchObject({ status: 422, body: { message: expect.stringContaining('"ref" wasn\'t supplied') } });
    const badStatus = await call('GET', `${runs}?status=running`);
    expect(badStatus.status).toBe(422);
    const tooMany = await call('POST', dispatch, { ref: 'main', inputs: Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`k${i}`, 'v'])) });
    expect(tooMany.status).toBe(422);
    expect(gh.workflowRuns).toEqual([]);
    gh.assertNoProblems();
  });

  it('answers 200 with the run when return_run_details is true, and pages the runs with a Link header', async () => {
    const detailed = await call('POST', dispatch, { ref: 'main', return_run_details: true });
    expect(detailed).toMatchObject({ status: 200, body: { workflow_run_id: gh.workflowRuns[0].id, html_url: expect.stringContaining('/actions/runs/') } });
    for (let i = 0; i < 2; i++) await call('POST', dispatch, { ref: 'main' });
    const first = await call('GET', `${runs}?per_page=2`);
    expect((first.body.workflow_runs as unknown[]).length).toBe(2);
    expect(first.link).toMatch(/page=2.*rel="next"/);
    // The adapter follows the pages up to its limit, newest first.
    const [template] = gh.workflowRuns;
    for (let i = 0; i < 150; i++) gh.workflowRuns.push({ ...template, id: 50_000 + i, created_at: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString() });
    const adapter = octokitGitHubApi({ token: gh.writeToken, repository: 'acme/models', apiUrl: gh.url });
    const listed = await adapter.listWorkflowRuns('pipeline.yml', { limit: 120 });
    expect(listed).toHaveLength(120);
    expect(listed[0].id).toBe(50_149);
    expect(listed[119].id).toBe(50_030);
    expect(
      gh.requests
        .filter((r) => r.path.includes('/runs?') && r.path.includes('per_page=100'))
        .map((r) => /page=(\d+)/.exec(r.path.replace('per_page', ''))?.[1]),
    ).toEqual(['1', '2']);
    gh.assertNoProblems();
  });

  it('lets a read-only token or an issues-only token list runs but not dispatch (403)', async () => {
    expect((await call('GET', runs, undefined, gh.readOnlyToken)).status).toBe(200);
    expect(await call('POST', dispatch, { ref: 'main' }, gh.readOnlyToken)).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    expect((await call('POST', dispatch, { ref: 'main' }, gh.issuesToken)).status).toBe(403);
    expect((await call('POST', dispatch, { ref: 'main' }, 'ghp_unknown')).status).toBe(401);
    gh.assertNoProblems();
  });
});

describe('the stand-in: issues', () => {
  it('lists pull requests with the issues (the adapter leaves them out), by state, label and since', async () => {
    gh.openPullRequest(1);
    const created = await call('POST', '/repos/acme/models/issues', { title: 'drift', body: 'b', labels: ['modelci-monitor'] });
    expect(created).toMatchObject({ status: 201, body: { number: 2, state: 'open', labels: [{ name: 'modelci-monitor' }] } });
    const all = await call('GET', '/repos/acme/models/issues?state=all');
    expect((all.body as unknown as Array<{ number: number; pull_request?: unknown }>).map((i) => [i.number, 'pull_request' in i])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect((await call('GET', '/repos/acme/models/issues?labels=modelci-monitor').then((r) => r.body as unknown as unknown[])).length).toBe(1);
    expect((await call('GET', '/repos/acme/models/issues?since=2030-01-01T00:00:00Z').then((r) => r.body as unknown as unknown[])).length).toBe(0);
    const listed = await octokitGitHubApi({ token: gh.writeToken, repository: 'acme/models', apiUrl: gh.url }).listIssues({ state: 'all' });
    expect(listed.map((i) => i.number)).toEqual([2]);
    gh.assertNoProblems();
  });

  it('closes with a state_reason, reopens, and refuses what GitHub refuses (422)', async () => {
    await call('POST', '/repos/acme/models/issues', { title: 'drift' });
    const closed = await call('PATCH', '/repos/acme/models/issues/1', { state: 'closed', state_reason: 'completed' });
    expect(closed).toMatchObject({ status: 200, body: { state: 'closed', state_reason: 'completed', closed_at: expect.any(String) } });
    expect((await call('PATCH', '/repos/acme/models/issues/1', { state: 'open' })).body).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      closed_at: null,
    });
    expect((await call('POST', '/repos/acme/models/issues', { body: 'no title' })).status).toBe(422);
    expect((await call('PATCH', '/repos/acme/models/issues/1', { state: 'done' })).status).toBe(422);
    expect((await call('GET', '/repos/acme/models/issues?state=bogus')).status).toBe(422);
    expect((await call('PATCH', '/repos/acme/models/issues/99', { body: 'x' })).status).toBe(404);
    expect((await call('POST', '/repos/acme/models/issues', { title: 't' }, gh.readOnlyToken)).status).toBe(403);
    gh.assertNoProblems();
  });
});
