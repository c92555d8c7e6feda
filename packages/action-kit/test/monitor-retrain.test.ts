// The monitor's retrain trigger and health issue through the real adapter (@actions/github's
// Octokit) against the GitHub API stand-in, which checks every request against GitHub's OpenAPI
// description. A day of real flights, hourly looks, delay + 30 min from 14:00 to 18:00: one
// dispatch at the 14:00 window and none before, the cooldown holding the later looks, the issue
// opened with the report, kept up to date, and closed once the newest hour is healthy again.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApi, type GitHubApiStandIn } from '../../../test/helpers/github-api.js';
import { runMonitor } from '../../core/src/steps/monitor.js';
import { DAY_START, HOUR, writeDay, writeReferenceProfile } from '../../core/test/monitor/flights-day.js';
import { octokitGitHubApi } from '../src/github/octokit-github-api.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-monitor-gh-'));
const profile = writeReferenceProfile(dir);
const data = writeDay({ seed: 11, shiftFromHour: 14, shiftToHour: 18, dir: join(dir, 'logs') });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let gh: GitHubApiStandIn;
beforeEach(async () => {
  gh = await startGitHubApi({ owner: 'acme', repo: 'models' });
  gh.addWorkflow('pipeline.yml', { inputs: ['retrain', 'reason'] });
});
afterEach(async () => {
  await gh.stop();
  gh.assertNoProblems();
});

const look = (hour: number, token = gh.writeToken, reportPath = join(dir, 'report.json')) =>
  runMonitor(
    {
      'production-data': data,
      'time-column': 'ts',
      reference: profile,
      window: '2h',
      'retrain-workflow': 'pipeline.yml',
      'retrain-cooldown': '24h',
      'monitor-name': 'flights',
      'report-path': reportPath,
    },
    {
      now: new Date(DAY_START + hour * HOUR),
      github: { api: () => octokitGitHubApi({ token, repository: 'acme/models', apiUrl: gh.url }), defaultRef: 'main' },
    },
  );

describe('monitor against the GitHub API stand-in', () => {
  it('dispatches once, at the first shifted window; keeps one issue and closes it when healthy', async () => {
    const seen: string[] = [];
    for (let hour = 1; hour <= 20; hour++) {
      const { report, outputs } = await look(hour);
      seen.push(`${hour - 1}:${outputs.retrain}:${report.decision.healthIssue?.action ?? '-'}`);
      // The dispatched run finishes within the hour, dated at the look's time: only the cooldown holds the next looks.
      for (const run of gh.workflowRuns) {
        if (run.status !== 'completed')
          Object.assign(run, { status: 'completed', conclusion: 'success', created_at: new Date(DAY_START + hour * HOUR).toISOString() });
      }
    }
    const byWindow = Object.fromEntries(seen.map((s) => [Number(s.split(':')[0]), s.split(':').slice(1).join(':')]));
    for (let w = 0; w < 14; w++) expect(byWindow[w]).toMatch(/^none:(unchanged|closed)$/);
    expect(byWindow[14]).toBe('dispatched:opened');
    for (const w of [15, 16, 17]) expect(byWindow[w]).toBe('skipped:updated');
    expect(byWindow[18]).toBe('none:closed');
    expect(byWindow[19]).toBe('none:unchanged');

    const dispatches = gh.requests.filter((r) => r.operationId === 'actions/create-workflow-dispatch' && r.status === 204);
    expect(dispatches).toHaveLength(1);
    const body = dispatches[0].body as { ref: string; inputs: { retrain: string; reason: string } };
    expect(body.ref).toBe('main');
    expect(body.inputs.retrain).toBe('true');
    expect(body.inputs.reason).toMatch(/^modelci monitor: dataset drift in the window 2026-03-01T14:00:00\.000Z to 2026-03-01T15:00:00\.000Z: delay/);
    const issues = gh.issues.filter((i) => !i.pullRequest);
    expect(issues).toHaveLength(1);
    expect(issues[0].state).toBe('closed');
    expect(issues[0].body).toMatch(/Production monitor/);
  });

  it('a token that may not dispatch: one sentence naming the permission, and no report written', async () => {
    const reportPath = join(dir, 'refused.json');
    const error = await look(15, gh.readOnlyToken, reportPath).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/actions: write/);
    expect(error?.message).not.toMatch(/\n|ghs_/);
    expect(existsSync(reportPath)).toBe(false);
  });
});
