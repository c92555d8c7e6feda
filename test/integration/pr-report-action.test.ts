// The pr-report action's shell (mocked @actions/core, real @actions/github) against the GitHub API
// stand-in: the pull_request event's number, the report from the JSON files, the comment edited
// on the second run, the job summary and a notice for a fork's read-only token.
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCore } from '../../packages/action-kit/test/mock-core.js';
import { driftReport, gateVerdict } from '../../packages/core/test/github/report-fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js';

const dir = mkdtempSync(join(tmpdir(), 'pr-report-'));
const saved = { ...process.env };
let gh: GitHubApiStandIn;

beforeAll(async () => {
  gh = await startGitHubApi({ owner: 'acme', repo: 'models' });
  gh.openPullRequest(5);
  writeFileSync(join(dir, 'drift.json'), JSON.stringify(driftReport(true)));
  writeFileSync(join(dir, 'verdict.json'), JSON.stringify(gateVerdict(true)));
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 5, head: { sha: 'feedface'.repeat(5) } } }));
  Object.assign(process.env, {
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
  });
});
afterEach(() => {
  process.exitCode = undefined;
});
afterAll(async () => {
  process.env = saved;
  await gh.stop();
  gh.assertNoProblems();
});

const inputs = (token: string) => ({ 'drift-report': join(dir, 'drift.json'), 'gate-verdict': join(dir, 'verdict.json'), token });

test("the first run comments on the event's pull request, the second edits that comment", async () => {
  for (const expected of ['created', 'updated']) {
    const calls = mockCore(inputs(gh.writeToken));
    const { run } = await import('../../actions/pr-report/src/main.js');
    await run();
    expect(calls.errors).toEqual([]);
    expect(calls.outputs).toEqual({ outcome: expected, 'comment-url': expect.stringContaining('/pull/5#issuecomment-') });
    expect(calls.summary).toContain('| Quality gates | ❌ 1 of 2 gates failed |');
  }
  const comments = gh.comments(5);
  expect(comments).toHaveLength(1);
  expect(comments[0].body).toContain('modelci for `feedfacefeed`');
  expect(comments[0].body).toContain('[Run summary](<https://github.com/acme/models/actions/runs/42>)');
});

test("a fork's read-only token: the report in the job summary, a notice, the step passes", async () => {
  const before = gh.comments(5).map((c) => c.body);
  writeFileSync(join(dir, 'verdict.json'), JSON.stringify(gateVerdict(false))); // a new push: a new report
  const calls = mockCore(inputs(gh.readOnlyToken));
  const { run } = await import('../../actions/pr-report/src/main.js');
  await run();
  expect(calls.errors).toEqual([]);
  expect(calls.failed).toEqual([]);
  expect(calls.outputs).toEqual({ outcome: 'fallback', 'comment-url': '' });
  expect(calls.notices).toEqual([expect.stringContaining('GitHub answered 403')]);
  expect(calls.summary).toContain('Data drift');
  expect(gh.comments(5).map((c) => c.body)).toEqual(before);
  expect(process.exitCode).toBeUndefined();
});
