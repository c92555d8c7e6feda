// canary-deploy's GitHub deployment, through the action's shells (mocked @actions/core, real
// @actions/github) against the GitHub API stand-in, which checks every request against GitHub's
// OpenAPI description: created with the model as payload, in_progress when the rollout starts,
// then success (promoted) or inactive (rolled back, by the main step or by the post step after a
// cancellation); a token without deployments: write is a warning and the rollout goes on.
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCore } from '../../packages/action-kit/test/mock-core.js';
import { octokitGitHubApi } from '../../packages/action-kit/src/index.js';
import { parseCanaryPolicy } from '../../packages/core/src/index.js';
import { startDeployment } from '../../packages/core/src/github/model-deployment.js';
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js';

const saved = { ...process.env };
let gh: GitHubApiStandIn;
let metrics: Server;
let metricsUri: string;
/** Each read adds this many requests to both variants; the canary fails `canaryErrors` of them. */
let canaryErrors = 0;
const counters = { canary: { requests: 0, errors: 0 }, stable: { requests: 0, errors: 0 } };

beforeAll(async () => {
  gh = await startGitHubApi({ owner: 'acme', repo: 'models' });
  metrics = createServer((_req, res) => {
    counters.canary.requests += 200;
    counters.canary.errors += Math.round(200 * canaryErrors);
    counters.stable.requests += 200;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        canary: { ...counters.canary, latency_p99_ms: 20 },
        stable: { ...counters.stable, latency_p99_ms: 20 },
      }),
    );
  });
  await new Promise<void>((r) => metrics.listen(0, '127.0.0.1', () => r()));
  metricsUri = `http-json+http://127.0.0.1:${(metrics.address() as { port: number }).port}/metrics`;
  Object.assign(process.env, {
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: 'c0ffee'.repeat(6) + 'c0ff',
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://github.com',
  });
});
afterEach(() => {
  process.exitCode = undefined;
  canaryErrors = 0;
});
afterAll(async () => {
  process.env = saved;
  metrics.closeAllConnections();
  await new Promise<void>((r) => metrics.close(() => r()));
  await gh.stop();
  gh.assertNoProblems();
});

/** A router script that keeps its weights in a file beside it. */
function scriptRouter(canary = 0): { uri: string; canary: () => number; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'canary-gh-'));
  const state = join(dir, 'weights');
  writeFileSync(state, `${canary} ${1 - canary}\n`);
  const script = join(dir, 'router.sh');
  writeFileSync(script, `#!/bin/sh\nif [ "$1" = set ]; then echo "$2 $3" > ${state}; else cat ${state}; fi\n`);
  chmodSync(script, 0o755);
  return { uri: `command:${script}`, canary: () => Number(readFileSync(state, 'utf8').split(' ')[0]), dir };
}

const inputs = (router: { uri: string; dir: string }, token: string, more: Record<string, string> = {}) => ({
  router: router.uri,
  metrics: metricsUri,
  steps: '50%',
  interval: '1s',
  'check-interval': '1s',
  'min-requests': '10',
  'failed-checks': '1',
  'max-error-rate': '5%',
  'model-name': 'penguins',
  'model-version': '7',
  'record-path': join(router.dir, 'record.json'),
  token,
  ...more,
});

test('a promoted canary: one deployment to production with the model as payload, in_progress then success', async () => {
  const before = gh.deployments.length;
  const router = scriptRouter();
  const calls = mockCore(inputs(router, gh.writeToken));
  const { run } = await import('../../actions/canary-deploy/src/main.js');
  await run();
  expect(calls.errors).toEqual([]);
  expect(calls.failed).toEqual([]);
  expect(calls.outputs.outcome).toBe('promoted');
  expect(calls.warnings).toEqual([]);
  expect(gh.deployments).toHaveLength(before + 1);
  const d = gh.deployments.at(-1)!;
  expect(d).toMatchObject({
    environment: 'production',
    ref: process.env.GITHUB_SHA,
    payload: { model: 'penguins', version: '7' },
    production_environment: true,
  });
  expect(d.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
  expect(d.statuses[0].log_url).toBe('https://github.com/acme/models/actions/runs/77');
  expect(JSON.parse(calls.state.deployment)).toEqual({ id: d.id, environment: 'production' });
});

test('a canary that fails is rolled back: the deployment (to the environment asked for) ends inactive', async () => {
  canaryErrors = 0.5;
  const router = scriptRouter();
  const calls = mockCore(inputs(router, gh.writeToken, { environment: 'staging' }));
  const { run } = await import('../../actions/canary-deploy/src/main.js');
  await run();
  expect(calls.outputs.outcome).toBe('rolled-back');
  expect(router.canary()).toBe(0);
  const d = gh.deployments.at(-1)!;
  expect(d).toMatchObject({ environment: 'staging', production_environment: false });
  expect(d.statuses.map((s) => s.state)).toEqual(['in_progress', 'inactive']);
  expect(d.statuses[1].description.length).toBeLessThanOrEqual(140);
});

test('a token without deployments: write (403): one warning, and the rollout goes on to promotion', async () => {
  const before = gh.deployments.length;
  const router = scriptRouter();
  const calls = mockCore(inputs(router, gh.readOnlyToken));
  const { run } = await import('../../actions/canary-deploy/src/main.js');
  await run();
  expect(calls.errors).toEqual([]);
  expect(calls.failed).toEqual([]);
  expect(calls.outputs.outcome).toBe('promoted');
  expect(router.canary()).toBe(1);
  expect(gh.deployments).toHaveLength(before);
  expect(gh.requests.at(-1)).toMatchObject({ operationId: 'repos/create-deployment', status: 403 });
  expect(calls.warnings).toHaveLength(1);
  expect(calls.warnings[0]).toMatch(
    /^The GitHub deployment was not recorded: could not create a deployment to 'production' \(GitHub's API answered 403 .*\); the rollout goes on regardless\. Give the job 'permissions: deployments: write'/,
  );
  expect(calls.state.deployment).toBeUndefined();
});

test('no token: no deployment and no request, the log says why', async () => {
  const requests = gh.requests.length;
  const router = scriptRouter();
  const calls = mockCore(inputs(router, ''));
  const { run } = await import('../../actions/canary-deploy/src/main.js');
  await run();
  expect(calls.outputs.outcome).toBe('promoted');
  expect(gh.requests).toHaveLength(requests);
  expect(calls.info).toContain("canary-deploy: no GitHub deployment is recorded (the token input is empty; give one with 'deployments: write' to record it).");
});

test('a cancelled main step: the post step rolls back, then sets the deployment it started inactive', async () => {
  const router = scriptRouter(0.5);
  const recordPath = join(router.dir, 'record.json');
  writeFileSync(
    recordPath,
    JSON.stringify({
      schema: 'modelci/deployment-record@1',
      model: { name: 'penguins', version: '8' },
      router: router.uri,
      metrics: metricsUri,
      policy: parseCanaryPolicy({}),
      startedAt: '2026-11-27T00:00:00Z',
      state: 'progressing',
      steps: [],
      events: [{ at: '2026-11-27T00:01:00Z', state: 'progressing', weight: 0.5, message: 'at 50%' }],
    }),
  );
  // What the main step did before it was cancelled: the deployment, in progress.
  const api = octokitGitHubApi({ token: gh.writeToken, repository: 'acme/models', apiUrl: gh.url });
  const id = await startDeployment(api, { environment: 'production', ref: process.env.GITHUB_SHA!, model: 'penguins', version: '8' });
  const calls = mockCore(inputs(router, gh.writeToken));
  Object.assign(calls.state, { 'record-path': recordPath, deployment: JSON.stringify({ id, environment: 'production' }) });
  const { post } = await import('../../actions/canary-deploy/src/post.js');
  await post();
  expect(calls.errors).toEqual([]);
  expect(router.canary()).toBe(0);
  expect(calls.outputs.outcome).toBe('rolled-back');
  const d = gh.deployments.find((x) => x.id === id)!;
  expect(d.statuses.map((s) => s.state)).toEqual(['in_progress', 'inactive']);
});
