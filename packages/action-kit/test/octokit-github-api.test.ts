// The adapter's new calls are bounded in time, and what GitHub says comes back as one log-safe
// sentence with GitHub's own words kept (untrusted) for callers that quote them.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { GitHubApiError } from '../../core/src/github/github-api.js';
import { octokitGitHubApi } from '../src/github/octokit-github-api.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

const serve = async (answer: (res: import('node:http').ServerResponse) => void) => {
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return octokitGitHubApi({ token: 'ghs_secret_token_value', repository: 'acme/models', apiUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
};

describe('the Octokit adapter', () => {
  it('bounds a dispatch and a listing in time', async () => {
    const api = await serve(() => undefined); // accepts, never answers
    const dispatch = await api.dispatchWorkflow('pipeline.yml', { ref: 'main', inputs: {} }).catch((e: unknown) => e);
    expect(dispatch).toMatchObject({
      status: 0,
      retryable: true,
      message: "GitHub's API did not answer within 0.3 s while dispatching pipeline.yml on main in acme/models; try again.",
    });
    const listing = await api.listIssues({ state: 'open', labels: ['modelci-monitor'] }).catch((e: unknown) => e);
    expect(listing).toMatchObject({ message: expect.stringContaining('while listing the open issues labelled modelci-monitor in acme/models') });
  });

  it("keeps GitHub's message out of workflow commands and carries it whole for quoting", async () => {
    const api = await serve((res) => {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: '::error::owned\nsecond line', documentation_url: 'https://docs.github.com/rest' }));
    });
    const e = (await api.createIssue({ title: 't', body: 'b' }).catch((x: unknown) => x)) as GitHubApiError;
    expect(e).toBeInstanceOf(GitHubApiError);
    expect(e.status).toBe(422);
    expect(e.message).toBe("GitHub's API answered 422 while opening an issue in acme/models: \\::error::owned.");
    expect(e.githubMessage).toContain('second line');
    expect(e.message).not.toContain('ghs_secret_token_value');
  });
});
