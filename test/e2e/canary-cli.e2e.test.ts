// `modelci canary` and `modelci rollback` through the CLI bundle, with the two adapters the action's
// end-to-end test does not use: the team's own router script (command:) and an http-json metrics
// endpoint, as a team without Prometheus would run them.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-bundle.js';

const CLI = join(ROOT, 'dist/cli/index.js');
let dir: string;
let server: Server;
let metricsUrl: string;
let router: string;
const totals = { canary: { requests: 0, errors: 0 }, stable: { requests: 0, errors: 0 } };
let canaryErrorsPerRead = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-canary-cli-'));
  // The router: a script keeping the split in a file, as one driving a cloud load balancer would.
  const script = join(dir, 'weights.sh');
  writeFileSync(
    script,
    `#!/bin/sh\ncase "$1" in\n  set) echo "$2 $3" > ${dir}/split; echo "set $2" >> ${dir}/calls;;\n  get) cat ${dir}/split 2>/dev/null || echo "0 1";;\nesac\n`,
  );
  chmodSync(script, 0o755);
  router = `command:${script}`;
  // The metrics: cumulative counters; every read, each side has served 40 more requests.
  server = createServer((_req, res) => {
    totals.canary.requests += 40;
    totals.canary.errors += canaryErrorsPerRead;
    totals.stable.requests += 40;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ canary: { ...totals.canary, latency_p99_ms: 12 }, stable: { ...totals.stable, latency_p99_ms: 11 } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  metricsUrl = `http-json+http://127.0.0.1:${(server.address() as { port: number }).port}/stats`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  rmSync(join(dir, 'calls'), { force: true });
  // Each test starts from stable serving everything (a promotion leaves the canary at 100%, on which a rollout refuses to start).
  writeFileSync(join(dir, 'split'), '0 1\n');
});

/** Async, so this process keeps serving the metrics endpoint while the CLI runs. */
function modelci(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const calls = () => readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
const FAST = ['--steps', '20%, 50%', '--interval', '1s', '--check-interval', '0.5s', '--min-requests', '20'];

test('a healthy canary is promoted through the router script, judged on the http-json counters', async () => {
  canaryErrorsPerRead = 0;
  const run = await modelci('canary', '--router', router, '--metrics', metricsUrl, ...FAST, '--record-path', 'healthy.json');
  expect(run.stderr).toContain('record: healthy.json');
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n')[0]).toBe(
    "PROMOTED: Promoted: every step from 20% to 50% passed its checks; the canary servers now serve 100% of traffic. Next: put the new version on the stable servers, then give them the traffic back ('modelci rollback'), or set promote-command to do both here.",
  );
  // The reason once in the terminal text; the events point at it.
  expect(run.stdout.split('PROMOTED: Promoted:').length).toBe(2);
  expect(calls()).toEqual(['set 0.2', 'set 0.5', 'set 1']);
  const record = JSON.parse(readFileSync(join(dir, 'healthy.json'), 'utf8'));
  const judged = record.steps
    .flatMap((s: { checks: { decision: string; canary: { requests: number } }[] }) => s.checks)
    .filter((c: { decision: string }) => c.decision === 'pass');
  // Each judged window is the difference of two reads: 40 requests.
  expect(judged.every((c: { canary: { requests: number } }) => c.canary.requests === 40)).toBe(true);
});

test('a canary failing 10 of every 40 requests is rolled back: exit 1, the script set to 0', async () => {
  canaryErrorsPerRead = 10;
  const run = await modelci('canary', '--router', router, '--metrics', metricsUrl, ...FAST, '--record-path', 'bad.json', '--format', 'json');
  expect(run.status).toBe(1);
  expect(JSON.parse(run.stdout).state).toBe('rolled-back');
  expect(calls()).toEqual(['set 0.2', 'set 0']);
});

test('the record on a full disk (ENOSPC) and no post step: the bad canary still ends at 0, a warning, exit 1, no stack trace', async () => {
  canaryErrorsPerRead = 10;
  const disk = join(dir, 'full');
  mkdirSync(disk);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
  try {
    writeFileSync(join(disk, 'filler'), Buffer.alloc(63 * 1024));
    const run = await modelci('canary', '--router', router, '--metrics', metricsUrl, ...FAST, '--record-path', join(disk, 'record.json'));
    expect(run.status).toBe(1);
    expect(calls()).toEqual(['set 0.2', 'set 0']);
    expect(run.stdout).toMatch(/^ROLLED-BACK: The canary fails more often than stable/);
    expect(run.stderr).toMatch(
      /^warning: The deployment record could not be written \(record-path '.*record\.json': ENOSPC, no space left on the device\); the rollout goes on, and traffic is moved regardless\.$/m,
    );
    expect(run.stderr).not.toMatch(/at .*\.js:\d+|a bug in modelci/);
  } finally {
    execFileSync('umount', [disk]);
  }
});

test('dry run: nothing set; rollback by hand: canary 0, exit 0', async () => {
  canaryErrorsPerRead = 0;
  const dry = await modelci('canary', '--router', router, '--metrics', metricsUrl, '--dry-run', 'true', '--record-path', 'dry.json');
  expect(dry.status).toBe(0);
  expect(dry.stdout).toMatch(/^DRY-RUN: Dry run: the router and the metrics source answer; nothing was changed/);
  const back = await modelci('rollback', '--router', router, '--record-path', 'dry.json');
  expect(back.status).toBe(0);
  expect(calls()).toEqual(['set 0']);
  expect(back.stdout).toMatch(/^ROLLED-BACK: Rolled back by hand \(modelci rollback\)\.\n/);
});

test.each([
  [
    ['canary', '--router', 'x', '--metrics', 'y', '--steps', '50%, 20%'],
    "modelci: --steps does not increase: 20% comes after 50%; list the canary's shares in rising order, e.g. 5%, 25%, 50%.\n",
  ],
  [['canary', '--metrics', 'y'], 'modelci: --router is required: give the traffic router, e.g. haproxy://127.0.0.1:9999/model?stable=stable&canary=canary.\n'],
  [
    ['canary', '--router', 'command:/bin/true', '--metrics', 'statsd://x'],
    "modelci: Metrics source 'statsd://x' has the type 'statsd', which modelci does not know; use prometheus+http://…, prometheus+https://…, http-json+http://…, http-json+https://….\n",
  ],
])('bad input: exit 2, one line (%#)', async (args, stderr) => {
  const run = await modelci(...args);
  expect(run.status).toBe(2);
  expect(run.stderr).toBe(stderr);
});
