// The stand-in itself answers as GitHub's OpenAPI description says, and refuses what GitHub would.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js';

let api: GitHubApiStandIn;
beforeEach(async () => {
  api = await startGitHubApi();
  api.openPullRequest(7);
});
afterEach(async () => {
  await api.stop();
});

const call = async (method: string, path: string, body?: unknown, token = api.writeToken) => {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the GitHub REST API stand-in', () => {
  it('creates, lists and edits a comment with the documented shapes', async () => {
    const created = await call('POST', '/repos/acme/models/issues/7/comments', { body: 'hello' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]' } });
    expect(typeof created.body.node_id).toBe('string');
    const edited = await call('PATCH', `/repos/acme/models/issues/comments/${created.body.id}`, { body: 'again' });
    expect(edited.status).toBe(200);
    const listed = await call('GET', '/repos/acme/models/issues/7/comments?per_page=100');
    expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, body: 'again' })]);
    api.assertNoProblems();
  });

  it('answers 422 with the validation shape for a body that breaks the schema', async () => {
    const noBody = await call('POST', '/repos/acme/models/issues/7/comments', { text: 'hello' });
    expect(noBody.status).toBe(422);
    expect(noBody.body).toMatchObject({ message: expect.stringContaining('"body" wasn\'t supplied'), documentation_url: expect.any(String) });
    const badState = await call('POST', '/repos/acme/models/deployments/1/statuses', { state: 'done' });
    expect(badState.status).toBe(422);
    expect(badState.body.message).toContain('is not one of');
    const badJson = await call('POST', '/repos/acme/models/issues/7/comments', '{');
    expect(badJson.status).toBe(400);
    api.assertNoProblems();
  });

  it('answers 404 for a missing pull request, 401 without a token, 403 for a write with a read-only token', async () => {
    expect((await call('GET', '/repos/acme/models/issues/8/comments')).status).toBe(404);
    expect((await call('GET', '/repos/acme/other/issues/7/comments')).status).toBe(404);
    expect((await call('GET', '/repos/acme/models/issues/seven/comments')).status).toBe(404);
    expect((await call('GET', '/repos/acme/models/issues/7/comments', undefined, 'nope')).status).toBe(401);
    const forbidden = await call('POST', '/repos/acme/models/issues/7/comments', { body: 'x' }, api.readOnlyToken);
    expect(forbidden).toEqual({ status: 403, body: expect.objectContaining({ message: 'Resource not accessible by integration' }) });
    expect((await call('GET', '/repos/acme/models/issues/7/comments', undefined, api.readOnlyToken)).status).toBe(200);
    api.assertNoProblems();
  });

  it('pages the comment list with a Link header', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/repos/acme/models/issues/7/comments', { body: `c${i}` });
    const res = await fetch(`${api.url}/repos/acme/models/issues/7/comments?per_page=2`, { headers: { authorization: `token ${api.writeToken}` } });
    expect(res.headers.get('link')).toContain('page=2>; rel="next"');
    expect(await res.json()).toHaveLength(2);
  });

  it('counts a request to an operation GitHub does not have as a problem, loudly', async () => {
    expect((await call('POST', '/repos/acme/models/issues/7/remarks', { body: 'x' })).status).toBe(404);
    expect(() => api.assertNoProblems()).toThrow("POST /repos/acme/models/issues/7/remarks is not an operation of GitHub's REST API");
  });

  it('counts a documented operation it does not answer as a problem', async () => {
    await call('GET', '/repos/acme/models/pulls/7');
    expect(api.problems).toEqual([expect.stringContaining('pulls/get')]);
  });
});
