// The monitor's health issue through the real adapter (@actions/github's Octokit) against the
// GitHub API stand-in, which checks every request against GitHub's OpenAPI description, lists
// pull requests with the issues as GitHub does, and drops or refuses labels as GitHub does.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApiStandIn } from '../../../test/helpers/github-api.js';
import { GitHubApiError } from '../../core/src/github/github-api.js';
import { MAX_COMMENT_CHARS } from '../../core/src/github/report-comment.js';
import type { HealthIssueRequest } from '../../core/src/github/retrain-trigger.js';
import { HEALTH_LABEL, REOPEN_WITHIN_MS, healthMarker, monitorName, syncHealthIssue } from '../../core/src/github/sync-health-issue.js';
import { InputError } from '../../core/src/shared/errors.js';
import { octokitGitHubApi } from '../src/github/octokit-github-api.js';

let gh: GitHubApiStandIn;
beforeEach(async () => {
  gh = await startGitHubApi({ owner: 'acme', repo: 'models' });
  gh.openPullRequest(1);
});
afterEach(async () => {
  await gh.stop();
  gh.assertNoProblems();
  expect(gh.requests.filter((r) => r.operationId === undefined)).toEqual([]);
});

const api = (token = gh.writeToken) => octokitGitHubApi({ token, repository: 'acme/models', apiUrl: gh.url });
const issues = () => gh.issues.filter((i) => !i.pullRequest);
const sick = (markdown = 'drift in fare', extra: Partial<HealthIssueRequest> = {}): HealthIssueRequest => ({
  monitor: 'flights model',
  healthy: false,
  title: 'flights model: production drifted',
  markdown,
  ...extra,
});
const well = (extra: Partial<HealthIssueRequest> = {}): HealthIssueRequest => ({ ...sick('all clear'), healthy: true, ...extra });
const writes = () => gh.requests.filter((r) => r.method !== 'GET');

describe('the health issue', () => {
  it('is opened with the marker and the label, then edited in place, never a second one', async () => {
    const opened = await syncHealthIssue(api(), sick());
    expect(opened).toEqual({ action: 'opened', number: 2, url: 'https://github.com/acme/models/issues/2' });
    expect(issues()).toEqual([
      expect.objectContaining({
        number: 2,
        title: 'flights model: production drifted',
        labels: [HEALTH_LABEL],
        body: `<!-- modelci-monitor:flights-model -->\ndrift in fare`,
      }),
    ]);

    const updated = await syncHealthIssue(api(), sick('drift in fare and distance', { title: 'flights model: drift in 2 features' }));
    expect(updated).toEqual({ action: 'updated', number: 2, url: 'https://github.com/acme/models/issues/2' });
    expect(issues()).toEqual([
      expect.objectContaining({ number: 2, title: 'flights model: drift in 2 features', body: expect.stringContaining('drift in fare and distance') }),
    ]);

    const before = writes().length;
    expect(await syncHealthIssue(api(), sick('drift in fare and distance', { title: 'flights model: drift in 2 features' }))).toMatchObject({
      action: 'unchanged',
      number: 2,
    });
    expect(writes()).toHaveLength(before);
  });

  it('is closed as completed with a recovery note when healthy, and left alone when healthy with none open', async () => {
    await syncHealthIssue(api(), sick());
    const now = new Date('2026-03-01T12:00:00Z');
    expect(await syncHealthIssue(api(), well({ now }))).toEqual({ action: 'closed', number: 2, url: 'https://github.com/acme/models/issues/2' });
    expect(issues()[0]).toMatchObject({
      state: 'closed',
      state_reason: 'completed',
      body: `${healthMarker('flights model')}\n> [!NOTE]\n> Production is healthy again (checked 2026-03-01T12:00:00Z): modelci's monitor closed this issue.\n\nall clear`,
    });
    const before = writes().length;
    expect(await syncHealthIssue(api(), well())).toEqual({ action: 'unchanged' });
    expect(writes()).toHaveLength(before);
  });

  it('reopens the issue closed within 30 days, and opens a new one after that', async () => {
    await syncHealthIssue(api(), sick());
    await syncHealthIssue(api(), well());
    const closedAt = Date.parse(issues()[0].closed_at ?? '');

    const again = await syncHealthIssue(api(), sick('drift again', { now: new Date(closedAt + REOPEN_WITHIN_MS - 60_000) }));
    expect(again).toEqual({ action: 'opened', number: 2, url: 'https://github.com/acme/models/issues/2', reopened: true });
    expect(issues()).toEqual([expect.objectContaining({ state: 'open', state_reason: 'reopened', body: expect.stringContaining('drift again') })]);

    await syncHealthIssue(api(), well());
    const closedAgain = Date.parse(issues()[0].closed_at ?? '');
    const later = await syncHealthIssue(api(), sick('a new incident', { now: new Date(closedAgain + REOPEN_WITHIN_MS + 60_000) }));
    expect(later).toMatchObject({ action: 'opened', number: 3 });
    expect(later.reopened).toBeUndefined();
    expect(issues().map((i) => [i.number, i.state])).toEqual([
      [2, 'closed'],
      [3, 'open'],
    ]);
  });

  it('is found by its marker when GitHub dropped the label (a token that cannot push), skipping pull requests', async () => {
    const opened = await syncHealthIssue(api(gh.issuesToken), sick());
    expect(issues()).toEqual([expect.objectContaining({ number: opened.number, labels: [] })]);
    expect(await syncHealthIssue(api(gh.issuesToken), sick('worse'))).toMatchObject({ action: 'updated', number: opened.number });
    expect(await syncHealthIssue(api(gh.issuesToken), well())).toMatchObject({ action: 'closed', number: opened.number });
    expect(issues()).toHaveLength(1);
    expect(gh.issues.find((i) => i.pullRequest)).toMatchObject({ number: 1, state: 'open', body: null });
  });

  it('opens the issue without its label when GitHub refuses the label (422), and finds it by the marker', async () => {
    const label = 'modelci-monitor-with-a-label-name-longer-than-fifty-characters';
    const opened = await syncHealthIssue(api(), sick('x', { label }));
    expect(opened).toMatchObject({ action: 'opened' });
    expect(gh.requests.filter((r) => r.operationId === 'issues/create').map((r) => r.status)).toEqual([422, 201]);
    expect(issues()).toEqual([expect.objectContaining({ labels: [] })]);
    expect(await syncHealthIssue(api(), sick('y', { label }))).toMatchObject({ action: 'updated', number: opened.number });
    expect(issues()).toHaveLength(1);
  });

  it('keeps one issue per monitor and ignores an issue that only quotes a marker', async () => {
    const marker = healthMarker('flights model');
    await api().createIssue({ title: 'how does the monitor work?', body: `I saw ${marker} in an issue`, labels: [HEALTH_LABEL] });
    const a = await syncHealthIssue(api(), sick());
    const b = await syncHealthIssue(api(), sick('taxi drift', { monitor: 'taxi model' }));
    expect(new Set([a.number, b.number]).size).toBe(2);
    expect(await syncHealthIssue(api(), well({ monitor: 'taxi model' }))).toMatchObject({ action: 'closed', number: b.number });
    expect(issues().map((i) => i.state)).toEqual(['open', 'open', 'closed']);
  });

  it("cuts a report to GitHub's body limit, keeping the marker", async () => {
    await syncHealthIssue(api(), sick('x'.repeat(100_000)));
    const [issue] = issues();
    expect(issue.body?.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(issue.body?.startsWith(`${healthMarker('flights model')}\n`)).toBe(true);
    expect(issue.body).toContain('cut to fit');
  });

  it('says the token needs issues: write when it may not open the issue (403), never printing the token', async () => {
    const e = await syncHealthIssue(api(gh.readOnlyToken), sick()).catch((x: unknown) => x as GitHubApiError);
    expect(e).toBeInstanceOf(GitHubApiError);
    expect((e as GitHubApiError).message).toBe(
      "GitHub refused to open or edit the health issue of monitor flights-model in acme/models (403): the token needs `issues: write` (add `permissions: issues: write` to the monitor's job).",
    );
    expect((e as GitHubApiError).message).not.toContain(gh.readOnlyToken);
    expect(issues()).toEqual([]);
  });
});

describe('the monitor name in the marker', () => {
  it('keeps letters, digits, dot, underscore and single dashes', () => {
    expect(monitorName('flights model / prod --> eu')).toBe('flights-model-prod-eu');
    expect(healthMarker('a_b.c')).toBe('<!-- modelci-monitor:a_b.c -->');
    expect(() => monitorName(' /// ')).toThrow(InputError);
  });
});
