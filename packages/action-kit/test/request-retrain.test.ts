// The retrain trigger through the real adapter (@actions/github's Octokit) against the GitHub API
// stand-in, which checks every request against GitHub's OpenAPI description and answers with
// its documented shapes, its 403/404/422 refusals and a dispatched run listed as queued.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApiStandIn } from '../../../test/helpers/github-api.js';
import { GitHubApiError } from '../../core/src/github/github-api.js';
import { MAX_REASON_CHARS, formatElapsed, requestRetrain, retrainReason } from '../../core/src/github/request-retrain.js';
import type { RetrainPolicy } from '../../core/src/github/retrain-trigger.js';
import { octokitGitHubApi } from '../src/github/octokit-github-api.js';

const HOUR = 3_600_000;
const policy: RetrainPolicy = { workflow: 'pipeline.yml', ref: 'main', cooldownMs: 6 * HOUR };

let gh: GitHubApiStandIn;
beforeEach(async () => {
  gh = await startGitHubApi({ owner: 'acme', repo: 'models' });
  gh.addWorkflow('pipeline.yml', { inputs: ['retrain', 'reason'] });
});
afterEach(async () => {
  await gh.stop();
  gh.assertNoProblems();
  expect(gh.requests.filter((r) => r.operationId === undefined)).toEqual([]);
});

const api = (token = gh.writeToken) => octokitGitHubApi({ token, repository: 'acme/models', apiUrl: gh.url });
const dispatches = () => gh.requests.filter((r) => r.operationId === 'actions/create-workflow-dispatch' && r.status === 204);
const after = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as GitHubApiError,
  );

describe('requestRetrain', () => {
  it('dispatches once with string inputs, then skips while that run is queued, naming it', async () => {
    const first = await requestRetrain(api(), policy, 'drift in 3 of 12 features\n(fare, distance, delay)');
    expect(first).toEqual({ action: 'dispatched', workflow: 'pipeline.yml', ref: 'main', reason: 'drift in 3 of 12 features (fare, distance, delay)' });
    expect(dispatches().map((r) => r.body)).toEqual([
      { ref: 'main', inputs: { retrain: 'true', reason: 'drift in 3 of 12 features (fare, distance, delay)' } },
    ]);
    const [run] = gh.workflowRuns;
    expect(run).toMatchObject({ status: 'queued', event: 'workflow_dispatch' });

    const second = await requestRetrain(api(), policy, 'drift again', after(run.created_at, 7 * HOUR));
    const url = `https://github.com/acme/models/actions/runs/${run.id}`;
    expect(second).toEqual({ action: 'skipped', why: `a retrain run of pipeline.yml is already queued: ${url}`, runUrl: url });
    expect(dispatches()).toHaveLength(1);
  });

  it('finds an unfinished run that is not the newest dispatched one', async () => {
    await requestRetrain(api(), policy, 'first');
    // The first dispatch waits for an environment's approval; a newer dispatched run has already finished.
    const [older] = gh.workflowRuns;
    older.status = 'waiting';
    gh.workflowRuns.push({ ...older, id: 9_999, status: 'completed', conclusion: 'success', created_at: after(older.created_at, HOUR).toISOString() });
    const outcome = await requestRetrain(api(), { ...policy, cooldownMs: 0 }, 'second', after(older.created_at, 10 * HOUR));
    const url = `https://github.com/acme/models/actions/runs/${older.id}`;
    expect(outcome).toEqual({ action: 'skipped', why: `a retrain run of pipeline.yml is already waiting: ${url}`, runUrl: url });
    expect(gh.requests.some((r) => r.path.includes('status=waiting') && r.path.includes('event=workflow_dispatch'))).toBe(true);
    expect(dispatches()).toHaveLength(1);
  });

  it('skips within the cooldown after the run completed and dispatches once it has passed', async () => {
    await requestRetrain(api(), policy, 'drift');
    const [run] = gh.workflowRuns;
    run.status = 'completed';
    run.conclusion = 'success';

    const soon = await requestRetrain(api(), policy, 'drift again', after(run.created_at, 2 * HOUR + 10 * 60_000));
    expect(soon).toEqual({
      action: 'skipped',
      why: `last retrain dispatched 2 h 10 min ago, cooldown 6 h: https://github.com/acme/models/actions/runs/${run.id}`,
      runUrl: `https://github.com/acme/models/actions/runs/${run.id}`,
    });
    expect(dispatches()).toHaveLength(1);

    const later = await requestRetrain(api(), policy, 'drift still', after(run.created_at, 6 * HOUR));
    expect(later).toMatchObject({ action: 'dispatched', reason: 'drift still' });
    expect(dispatches()).toHaveLength(2);
    expect(gh.workflowRuns.map((r) => r.status)).toEqual(['completed', 'queued']);
  });

  it('counts a run dated in the future (a skewed clock) as just dispatched', async () => {
    await requestRetrain(api(), policy, 'drift');
    gh.workflowRuns[0].status = 'completed';
    const outcome = await requestRetrain(api(), policy, 'again', after(gh.workflowRuns[0].created_at, -HOUR));
    expect(outcome).toMatchObject({ action: 'skipped', why: expect.stringMatching(/^last retrain dispatched 0 s ago, cooldown 6 h/) });
  });

  it('says the token needs actions: write when the dispatch is refused (403), never printing the token', async () => {
    const e = await failure(requestRetrain(api(gh.readOnlyToken), policy, 'drift'));
    expect(e).toBeInstanceOf(GitHubApiError);
    expect(e?.status).toBe(403);
    expect(e?.message).toBe(
      "GitHub refused to dispatch pipeline.yml in acme/models (403): the token needs `actions: write` (add `permissions: actions: write` to the monitor's job).",
    );
    expect(e?.message).not.toContain(gh.readOnlyToken);
    expect(gh.workflowRuns).toEqual([]);
  });

  it('names the workflow and the ref when the workflow does not exist (404)', async () => {
    const e = await failure(requestRetrain(api(), { ...policy, workflow: 'train.yml' }, 'drift'));
    expect(e?.status).toBe(404);
    expect(e?.message).toBe(
      'The workflow train.yml does not exist on main in acme/models (GitHub answered 404): name a file in .github/workflows/ on that ref, or its numeric id.',
    );
  });

  it("quotes GitHub's 422 when the workflow has no workflow_dispatch trigger or lacks the inputs", async () => {
    gh.addWorkflow('nightly.yml', { dispatch: false });
    gh.addWorkflow('old.yml', { inputs: ['retrain'] });
    const noTrigger = await failure(requestRetrain(api(), { ...policy, workflow: 'nightly.yml' }, 'drift'));
    expect(noTrigger?.status).toBe(422);
    expect(noTrigger?.message).toBe(
      'GitHub refused to dispatch nightly.yml in acme/models on main (422: "Workflow does not have \'workflow_dispatch\' trigger"): the workflow needs an `on: workflow_dispatch` trigger that declares the inputs `retrain` and `reason`, on a ref that exists.',
    );
    const noInput = await failure(requestRetrain(api(), { ...policy, workflow: 'old.yml' }, 'drift'));
    expect(noInput?.message).toContain('(422: "Unexpected inputs provided: ["reason"]")');
    const noRef = await failure(requestRetrain(api(), { ...policy, ref: 'release' }, 'drift'));
    expect(noRef?.message).toContain('(422: "No ref found for: release")');
  });

  it('refuses an empty workflow or a negative cooldown before calling GitHub', async () => {
    await expect(requestRetrain(api(), { ...policy, workflow: ' ' }, 'x')).rejects.toThrow(/^The retrain workflow is empty/);
    await expect(requestRetrain(api(), { ...policy, cooldownMs: -1 }, 'x')).rejects.toThrow(/cooldown must be a duration of 0 or more/);
    expect(gh.requests).toEqual([]);
  });
});

describe('the retrain reason and elapsed time', () => {
  it('is one line, trimmed, capped, with commands and control characters gone', () => {
    expect(retrainReason('  a\r\n::error::b\t\u0007c  ')).toBe('a ::error::b c');
    expect(retrainReason('\n \n')).toBe('requested by the modelci monitor');
    const long = retrainReason('x'.repeat(5000));
    expect(long).toHaveLength(MAX_REASON_CHARS);
    expect(long.endsWith('…')).toBe(true);
  });

  it('reads as hours and minutes', () => {
    expect(formatElapsed(2 * HOUR + 10 * 60_000 + 59_000)).toBe('2 h 10 min');
    expect(formatElapsed(6 * HOUR)).toBe('6 h');
    expect(formatElapsed(45 * 60_000)).toBe('45 min');
    expect(formatElapsed(30_000)).toBe('30 s');
  });
});
