// The committed pr-report bundle, run as the runner runs it, against the GitHub API stand-in
// (GitHub's OpenAPI description checks every request): a pull_request event's first run comments,
// the second edits the comment, a fork's read-only token leaves a notice and the job summary.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driftReport, gateVerdict } from '../../packages/core/test/github/report-fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js';
import { startAction, testNodes } from '../helpers/run-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'pr-report-e2e-'));
let gh: GitHubApiStandIn;

beforeAll(async () => {
  gh = await startGitHubApi({ owner: 'acme', repo: 'models' });
  testNodes().forEach((_, i) => gh.openPullRequest(3 + i)); // one pull request per Node tried
  writeFileSync(join(dir, 'drift.json'), JSON.stringify(driftReport(false)));
  writeFileSync(join(dir, 'verdict.json'), JSON.stringify(gateVerdict(false)));
  testNodes().forEach((_, i) =>
    writeFileSync(join(dir, `event-${3 + i}.json`), JSON.stringify({ pull_request: { number: 3 + i, head: { sha: 'c0ffee'.repeat(7) } } })),
  );
});
afterAll(async () => {
  await gh.stop();
  gh.assertNoProblems();
});

const run = (token: string, node: string, pr: number) =>
  startAction(
    'pr-report',
    { 'drift-report': join(dir, 'drift.json'), 'gate-verdict': join(dir, 'verdict.json'), token },
    {
      node,
      env: {
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: 'acme/models',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, `event-${pr}.json`),
        GITHUB_RUN_ID: '77',
        GITHUB_SERVER_URL: 'https://github.com',
      },
    },
  ).result;

test.each(testNodes().map((node, i) => [node, 3 + i] as const))(
  'one comment, created then edited; a fork gets the job summary and a notice (%s)',
  async (node, pr) => {
    const first = await run(gh.writeToken, node, pr);
    expect(first.status).toBe(0);
    const second = await run(gh.writeToken, node, pr);
    expect([first.outputs.outcome, second.outputs.outcome]).toEqual(['created', 'updated']);
    expect(gh.comments(pr)).toHaveLength(1);
    expect(gh.comments(pr)[0].body).toContain('No production model to compare with');
    expect(second.summary).toContain('| Data drift | ✅ no drift: 0 of 2 features drifted |');

    const fork = await run(gh.readOnlyToken, node, pr);
    expect(fork.status).toBe(0);
    expect(fork.outputs.outcome).toBe('updated'); // unchanged report: nothing to write, so no 403
    writeFileSync(join(dir, 'drift.json'), JSON.stringify(driftReport(true)));
    const forkNew = await run(gh.readOnlyToken, node, pr);
    expect(forkNew.status).toBe(0);
    expect(forkNew.outputs.outcome).toBe('fallback');
    expect(forkNew.commands).toContainEqual(expect.objectContaining({ command: 'notice', message: expect.stringContaining('GitHub answered 403') }));
    expect(forkNew.summary).toContain('❌ drift: 1 of 2 features drifted');
    writeFileSync(join(dir, 'drift.json'), JSON.stringify(driftReport(false)));
  },
);
