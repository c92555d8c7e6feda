// The rollout loop's decisions, on a simulated clock and simulated traffic: what the real router
// and metrics adapters answer is tested against HAProxy and Prometheus themselves
// (test/integration, test/e2e); here the questions are when the loop steps, promotes and rolls back.
import { parseCanaryPolicy, runRollout, type CanaryPolicyRequest, type DeploymentRecord } from '../../src/index.js';
import { HEALTHY, MemoryRouter, SimClock, SimMetrics, type Behaviour } from '../helpers/rollout-sim.js';

const FAST: CanaryPolicyRequest = { interval: '60s', 'check-interval': '10s', 'min-requests': '20' };

function setup(b: Behaviour, policy: CanaryPolicyRequest = FAST) {
  const clock = new SimClock();
  const router = new MemoryRouter();
  const metrics = new SimMetrics(router, b);
  const records: DeploymentRecord[] = [];
  const run = (signal?: AbortSignal) =>
    runRollout(
      parseCanaryPolicy({ ...FAST, ...policy }),
      {
        router,
        metrics,
        clock,
        signal,
        onRecord: async (r) => {
          records.push(structuredClone(r));
        },
      },
      { name: 'penguins', version: '7', gitSha: 'abc123' },
    );
  return { clock, router, metrics, records, run };
}

test('a healthy canary steps 5% → 95% a minute each, then is promoted to 100%', async () => {
  const { router, run, clock } = setup(HEALTHY);
  const start = clock.now();
  const r = await run();
  expect(r.state).toBe('promoted');
  expect(router.history).toEqual([0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1]);
  expect(r.finalWeight).toBe(1);
  expect(r.steps.map((s) => s.weight)).toEqual(router.history.slice(0, -1));
  for (const s of r.steps) {
    // Each step lasts its interval at least, and ends on a passing check.
    expect(Date.parse(s.endedAt!) - Date.parse(s.startedAt)).toBeGreaterThanOrEqual(60_000);
    expect(s.checks.at(-1)!.decision).toBe('pass');
  }
  expect(clock.now() - start).toBeGreaterThanOrEqual(10 * 60_000);
  expect(r.reason).toMatch(/^Promoted: every step from 5% to 95% passed its checks/);
  expect(r.events.map((e) => e.state)).toEqual(['initializing', 'initializing', ...Array(10).fill('progressing'), 'promoting', 'promoted']);
  expect(r.events[1].message).toMatch(
    /^at (49\.\d|5\d(\.\d)?) requests\/s \(both versions, measured before the start\), the first step \(5%\) gets ≈ 1\d\d canary requests per 1 min step; the plan needs ≈ 12 min of its timeout 20 min$/,
  );
});

test("a canary failing 5% of requests against stable's 0.1% is rolled back by the sequential test at 5%, within a minute", async () => {
  const { router, run } = setup({ ...HEALTHY, canaryErrorRate: 0.05 });
  const r = await run();
  expect(r.state).toBe('rolled-back');
  expect(router.weights.canary).toBe(0);
  expect(router.history).toEqual([0.05, 0]);
  const checks = r.steps[0].checks;
  expect(checks.at(-1)!.decision).toBe('bad canary');
  expect(checks.length).toBeLessThanOrEqual(6);
  expect(r.reason).toMatch(/^The canary fails more often than stable: sequential test: \d+ canary errors against \d+ stable errors/);
  expect(r.finalWeight).toBe(0);
});

test('a slow canary fails two checks on p99 and is rolled back', async () => {
  const { router, run } = setup({ ...HEALTHY, canaryP99: 300 });
  const r = await run();
  expect(r.state).toBe('rolled-back');
  expect(router.weights.canary).toBe(0);
  const failed = r.steps.flatMap((s) => s.checks).filter((c) => c.decision === 'fail');
  expect(failed).toHaveLength(2);
  expect(failed[0].reasons).toContain('p99 300 ms is above 150 ms');
  expect(r.reason).toMatch(/^2 failed checks \(failed-checks is 2\); the last at 5%: p99 300 ms is above 150 ms\.$/);
});

test('no data is never a pass: the canary stays at its first step until the timeout, then is rolled back', async () => {
  const { router, metrics, run } = setup(HEALTHY, { timeout: '5m' });
  metrics.noData = true;
  const r = await run();
  expect(r.state).toBe('rolled-back');
  expect(router.history).toEqual([0.05, 0]);
  const checks = r.steps[0].checks;
  expect(checks.length).toBeGreaterThan(20);
  expect(checks.every((c) => c.decision === 'inconclusive' && c.reasons.includes('no data for canary requests'))).toBe(true);
  expect(r.reason).toBe('The rollout ran past its timeout of 5 min at 5% without finishing the step (0 passing checks in it).');
});

test('a plan that cannot reach min-requests within its timeout at the traffic there is is refused up front, with the numbers', async () => {
  const { router, run } = setup(HEALTHY, { steps: '5%', 'min-requests': '1000', timeout: '3m' });
  await expect(run()).rejects.toThrow(
    /^Too little traffic for this plan: at (49\.\d|5\d(\.\d)?) requests\/s \(both versions, measured before the start\), the first step \(5%\) gets ≈ 1\d\d canary requests per 1 min step, fewer than min-requests 1000: it lasts ≈ [67] min instead; the plan needs ≈ \d+ min of its timeout 3 min\. Give the canary more traffic per step .*set a timeout of at least \d+ min\.$/,
  );
  expect(router.history).toEqual([]);
});

describe('low traffic (5 requests/s): a step is judged on its cumulative counts', () => {
  const low = (b: Behaviour, policy: CanaryPolicyRequest = {}) => {
    const clock = new SimClock();
    const router = new MemoryRouter();
    const metrics = new SimMetrics(router, b, 5);
    const p = parseCanaryPolicy({ 'check-interval': '30s', timeout: '40m', ...policy });
    return { router, metrics, run: () => runRollout(p, { router, metrics, clock }) };
  };

  test('a healthy 5% canary (≈ 7 requests a check) is promoted, each step passing once its counts reach min-requests', async () => {
    const { run } = low(HEALTHY, { steps: '5%, 20%', interval: '5m', 'max-weight': '20%' });
    const r = await run();
    expect(r.state).toBe('promoted');
    const last = r.steps[0].checks.at(-1)!;
    expect(last.decision).toBe('pass');
    expect(last.canary.requests!).toBeLessThan(50);
    expect(last.step!.canary.requests!).toBeGreaterThanOrEqual(50);
  });

  test('a canary failing 10% at 5 requests/s is rolled back for its errors, not by the timeout', async () => {
    const { run, router } = low({ ...HEALTHY, canaryErrorRate: 0.1 }, { steps: '5%, 20%', interval: '5m', 'max-weight': '20%' });
    const r = await run();
    expect(r.state).toBe('rolled-back');
    expect(router.weights.canary).toBe(0);
    expect(r.reason).toMatch(/^(The canary fails more often than stable: sequential test|2 failed checks .*error rate)/);
  });

  test('traffic that dries up mid-step: the rollback says there was too little traffic', async () => {
    const { run, metrics } = low(HEALTHY, { steps: '5%', interval: '5m', timeout: '12m' });
    const realRead = metrics.read.bind(metrics);
    let reads = 0;
    metrics.read = async (w) => {
      const r = await realRead(w);
      // After the start's read and the step's boundary read, the canary gets almost nothing.
      return ++reads > 2 ? { ...r, canary: { ...r.canary, requests: 0, errors: 0 } } : r;
    };
    const r = await run();
    expect(r.state).toBe('rolled-back');
    expect(r.reason).toMatch(
      /^Too little traffic to judge the canary: the rollout ran past its timeout of 12 min at 5% with 0 canary requests, fewer than min-requests 50 since the step began; give the canary more traffic/,
    );
  });
});

test('a metrics source that keeps failing rolls back after metrics-failures reads in a row', async () => {
  const { router, metrics, run, records } = setup(HEALTHY);
  metrics.fail = true;
  const r = await run();
  expect(r.state).toBe('rolled-back');
  expect(router.weights.canary).toBe(0);
  expect(r.reason).toBe('The metrics source failed 3 reads in a row (last: ECONNREFUSED); without metrics the canary cannot be judged.');
  // The record was saved at every event: the last saved one is the final one.
  expect(records.at(-1)!.state).toBe('rolled-back');
});

test("a router that stops holding the canary's weight (a reload without server state) ends the rollout in rollback", async () => {
  const { router, run, clock } = setup(HEALTHY);
  const started = clock.now();
  // After 2.5 minutes the router "reloads" and forgets its runtime weights: config weight 0.
  const realGet = router.getWeights.bind(router);
  router.getWeights = async () => {
    if (clock.now() - started > 150_000 && router.weights.canary > 0 && router.weights.canary < 1) router.weights = { canary: 0.5, stable: 0.5 };
    return realGet();
  };
  const r = await run();
  expect(r.state).toBe('rolled-back');
  expect(r.reason).toMatch(/^The router no longer holds 25% for the canary but 50% \(was it reloaded without its server-state file/);
  expect(router.weights.canary).toBe(0);
});

test('cancelled mid-rollout: rolled back, and the record says so', async () => {
  const { router, run, clock } = setup(HEALTHY);
  const controller = new AbortController();
  const started = clock.now();
  const realSleep = clock.sleep;
  clock.sleep = async (ms, signal) => {
    if (clock.now() - started > 200_000) controller.abort(new Error('SIGTERM'));
    return realSleep(ms, signal);
  };
  const r = await run(controller.signal);
  expect(r.state).toBe('rolled-back');
  expect(router.weights.canary).toBe(0);
  expect(r.reason).toBe('The rollout was cancelled at 35%.');
});

test('a router that cannot be rolled back within rollback-timeout ends "failed", saying the post step tries again', async () => {
  const { router, run, clock } = setup({ ...HEALTHY, canaryErrorRate: 0.2 }, { 'rollback-timeout': '2m' });
  const realSet = router.setWeights.bind(router);
  router.setWeights = async (w) => {
    if (w === 0) throw new Error('HAProxy went away');
    return realSet(w);
  };
  const r = await run();
  expect(r.state).toBe('failed');
  const rollingBackAt = Date.parse(r.events.find((e) => e.state === 'rolling-back')!.at);
  expect(clock.now() - rollingBackAt).toBeGreaterThanOrEqual(120_000);
  expect(r.reason).toMatch(
    /Rolling back FAILED: the router did not take 0% for the canary in \d+ attempts over 2 min \(rollback-timeout 2 min\); last: HAProxy went away; the post step tries again/,
  );
});

test('a router down for 2 minutes from step 2: the rollback outlasts it, with every wait in the log, and ends at canary 0', async () => {
  const clock = new SimClock();
  const router = new MemoryRouter();
  const lines: string[] = [];
  const realSet = router.setWeights.bind(router);
  const realGet = router.getWeights.bind(router);
  let downUntil = 0;
  router.setWeights = async (w) => {
    if (clock.now() < downUntil) throw new Error('ECONNREFUSED');
    // The outage starts as the canary's errors trigger the rollback.
    if (w === 0 && downUntil === 0) {
      downUntil = clock.now() + 120_000;
      throw new Error('ECONNREFUSED');
    }
    return realSet(w);
  };
  router.getWeights = async () => {
    if (clock.now() < downUntil) throw new Error('ECONNREFUSED');
    return realGet();
  };
  const r = await runRollout(parseCanaryPolicy({ ...FAST, steps: '5%, 25%', 'rollback-timeout': '10m' }), {
    router,
    metrics: new SimMetrics(router, { ...HEALTHY, canaryErrorRate: 0.2 }),
    clock,
    log: (l) => lines.push(l),
  });
  expect(r.state).toBe('rolled-back');
  expect(router.weights.canary).toBe(0);
  expect(r.finalWeight).toBe(0);
  expect(clock.now()).toBeGreaterThanOrEqual(downUntil);
  expect(
    lines.filter((l) => /^rolling back: attempt \d+ failed \(ECONNREFUSED\); trying again in .* \(waited .* of rollback-timeout 10 min\)$/.test(l)).length,
  ).toBeGreaterThan(5);
  expect(lines).toContainEqual(expect.stringMatching(/^rolling back: the router took 0% for the canary at attempt \d+, after 12\d(\.\d+)? s$/));
});

test('a record that cannot be written (ENOSPC) never skips the rollback: traffic first, the failure a warning', async () => {
  const clock = new SimClock();
  const router = new MemoryRouter();
  const metrics = new SimMetrics(router, { ...HEALTHY, canaryErrorRate: 0.2 });
  let writes = 0;
  const r = await runRollout(parseCanaryPolicy(FAST), {
    router,
    metrics,
    clock,
    onRecord: async () => {
      // The disk fills up after the first steps' writes.
      if (++writes > 2) throw Object.assign(new Error("record-path 'x.json': ENOSPC, no space left on the device"), { code: 'ENOSPC' });
    },
  });
  expect(r.state).toBe('rolled-back');
  expect(router.weights.canary).toBe(0);
  expect(router.history.at(-1)).toBe(0);
  expect(r.warnings).toEqual([
    "The deployment record could not be written (record-path 'x.json': ENOSPC, no space left on the device); the rollout goes on, and traffic is moved regardless.",
  ]);
});

test('the rollback moves traffic before it writes the record', async () => {
  const { router, run, records } = setup({ ...HEALTHY, canaryErrorRate: 0.2 });
  const r = await run();
  expect(r.state).toBe('rolled-back');
  // No record was written in between: the first one after the bad check already says rolled-back with canary 0.
  const afterBad = records.findIndex((x) => x.state === 'rolling-back' || x.state === 'rolled-back');
  expect(records[afterBad].state).toBe('rolled-back');
  expect(records[afterBad].finalWeight).toBe(0);
  expect(router.weights.canary).toBe(0);
});

const earlier = (version: string, weight: number): DeploymentRecord => ({
  schema: 'modelci/deployment-record@1',
  model: { name: 'penguins', version },
  router: 'memory://router',
  metrics: 'sim://metrics',
  policy: parseCanaryPolicy(FAST),
  startedAt: '2026-11-26T00:00:00Z',
  state: 'progressing',
  steps: [],
  events: [{ at: '2026-11-26T00:10:00Z', state: 'progressing', weight, message: `step: the canary gets ${weight}` }],
});

test('a second run of the same version finds its own record at 30% and resumes at the 25% step instead of starting over', async () => {
  const clock = new SimClock();
  const router = new MemoryRouter();
  router.weights = { canary: 0.3, stable: 0.7 };
  const r = await runRollout(
    parseCanaryPolicy(FAST),
    { router, metrics: new SimMetrics(router, HEALTHY), clock, previous: earlier('7', 0.3) },
    { name: 'penguins', version: '7' },
  );
  expect(r.state).toBe('promoted');
  expect(router.history[0]).toBe(0.25);
  expect(r.events[1].message).toMatch(/^an earlier run of this version left the canary at 30%: resuming at step 3 of 10 \(25%\)/);
});

test("a run of v8 finding v7's leftover 25% returns it to 0% and starts at the first step", async () => {
  const clock = new SimClock();
  const router = new MemoryRouter();
  router.weights = { canary: 0.25, stable: 0.75 };
  const r = await runRollout(
    parseCanaryPolicy(FAST),
    { router, metrics: new SimMetrics(router, HEALTHY), clock, previous: earlier('7', 0.25) },
    { name: 'penguins', version: '8' },
  );
  expect(router.history.slice(0, 2)).toEqual([0, 0.05]);
  expect(r.events[1].message).toBe('the router holds 25% for the canary, left by penguins v7, not penguins v8: returning it to 0% before starting over');
  expect(r.state).toBe('promoted');
});

test('a leftover share with no record of this run is returned to 0% too', async () => {
  const { router, run } = setup(HEALTHY);
  router.weights = { canary: 0.3, stable: 0.7 };
  const r = await run();
  expect(router.history.slice(0, 2)).toEqual([0, 0.05]);
  expect(r.events[1].message).toMatch(/no record of an earlier run of this version/);
});

test('resume: false starts over at the first step', async () => {
  const { router, run } = setup(HEALTHY, { resume: 'false' });
  router.weights = { canary: 0.3, stable: 0.7 };
  await run();
  expect(router.history.slice(0, 2)).toEqual([0, 0.05]);
});

test('a dry run checks that router and metrics answer, reads one window, and moves nothing', async () => {
  const { router, run, metrics } = setup(HEALTHY, { 'dry-run': 'true' });
  router.weights = { canary: 0.1, stable: 0.9 };
  const r = await run();
  expect(r.state).toBe('dry-run');
  expect(router.history).toEqual([]);
  expect(metrics.reads).toHaveLength(1);
  expect(r.reason).toBe('Dry run: the router and the metrics source answer; nothing was changed (the canary keeps 10%).');
  expect(r.steps[0].checks[0].decision).toBe('not judged');
});

test('a stable version with no traffic cannot make a bad canary look good: the absolute threshold still fails it', async () => {
  const { router, metrics, run } = setup({ ...HEALTHY, canaryErrorRate: 0.2 }, { steps: '100%', 'failed-checks': '1' });
  const r = await run();
  expect(router.history).toEqual([1, 0]);
  expect(r.state).toBe('rolled-back');
  const c = r.steps[0].checks[0];
  expect(c.stable.requests).toBe(0);
  expect(c.decision).toBe('fail');
  expect(c.reasons[0]).toMatch(/^error rate .*% \(\d+ of \d+\) is above 1% \(95% lower bound .*%\)$/);
  expect(c.reasons).toContain('sequential test: stable served nothing, window skipped');
  expect(metrics.reads.length).toBeGreaterThan(1);
});

test('a window reaching back before the weight change is not judged', async () => {
  const { metrics, run } = setup(HEALTHY, { steps: '5%', interval: '20s' });
  const realRead = metrics.read.bind(metrics);
  let n = 0;
  metrics.read = async (w) => {
    const r = await realRead(w);
    // The first judged read claims to cover a minute before the change.
    return ++n === 3 ? { ...r, from: new Date(w.start.getTime() - 60_000) } : r;
  };
  const r = await run();
  const first = r.steps[0].checks[0];
  expect(first.decision).toBe('not judged');
  expect(first.reasons[0]).toMatch(/^the window starts at .*, before the weight changed at /);
  expect(r.state).toBe('promoted');
});

test('a router that does not take a step (it keeps the old share after retries) ends in rollback', async () => {
  const { router, run } = setup(HEALTHY);
  const realSet = router.setWeights.bind(router);
  let refused = 0;
  router.setWeights = async (w) => {
    if (w === 0.15) {
      refused++;
      return;
    }
    return realSet(w);
  };
  const r = await run();
  expect(refused).toBe(4);
  expect(r.state).toBe('rolled-back');
  expect(r.reason).toBe('The router did not take 15% for the canary after 4 attempts: the router holds 5% for the canary after being set to 15%.');
  expect(router.weights.canary).toBe(0);
});

describe('promotion', () => {
  const run = (router: MemoryRouter, metrics: SimMetrics, promote?: () => Promise<void>, policy: CanaryPolicyRequest = {}) =>
    runRollout(
      parseCanaryPolicy({ ...FAST, steps: '10%, 50%', ...policy }),
      { router, metrics, clock: new SimClock(), promote },
      { name: 'penguins', version: '8' },
    );

  test('with promote-command: the hook runs after the last step, stable is checked, then gets 100% and the canary 0%', async () => {
    const router = new MemoryRouter();
    const metrics = new SimMetrics(router, HEALTHY);
    let hooked = 0;
    const r = await run(router, metrics, async () => {
      hooked++;
      expect(router.weights.canary).toBe(0.5);
    });
    expect(hooked).toBe(1);
    expect(r.state).toBe('promoted');
    expect(router.history).toEqual([0.1, 0.5, 0]);
    expect(r.finalWeight).toBe(0);
    expect(r.serving).toBe('stable');
    expect(r.reason).toMatch(
      /^Promoted: every step from 10% to 50% passed its checks; promote-command put penguins v8 on the stable servers, which passed their check \(error rate .*\); they serve 100% again and the canary 0%\.$/,
    );
  });

  test('with a last step of 100%, stable gets half the traffic back for its check', async () => {
    const router = new MemoryRouter();
    const r = await run(router, new SimMetrics(router, HEALTHY), async () => {}, { steps: '10%, 100%' });
    expect(router.history).toEqual([0.1, 1, 0.5, 0]);
    expect(r.serving).toBe('stable');
  });

  test('a promote-command that fails rolls back: stable serves everything', async () => {
    const router = new MemoryRouter();
    const r = await run(router, new SimMetrics(router, HEALTHY), async () => {
      throw new Error("promote-command './promote.sh' exited with 2: no such fleet");
    });
    expect(r.state).toBe('rolled-back');
    expect(router.weights.canary).toBe(0);
    expect(r.reason).toBe(
      "Every step passed, but promote-command failed (promote-command './promote.sh' exited with 2: no such fleet); the stable servers get all traffic again, check what they run.",
    );
  });

  test('stable servers that fail their check after the hook: the canary keeps 100%, the record ends failed and says what to do', async () => {
    const router = new MemoryRouter();
    const metrics = new SimMetrics(router, HEALTHY);
    const r = await run(router, metrics, async () => {
      metrics.b = { ...HEALTHY, stableErrorRate: 0.3 };
    });
    expect(r.state).toBe('failed');
    expect(router.history).toEqual([0.1, 0.5, 1]);
    expect(r.serving).toBe('canary');
    expect(r.reason).toMatch(
      /^Every step passed, but the stable servers failed their check after promote-command \((sequential test: \d+ errors on the stable servers against \d+ on the canary's|error rate .* is above 1%).*\); the canary servers serve 100% with penguins v8 — fix the stable servers, then run 'modelci rollback'\.$/,
    );
  });

  test('without a hook: the canary servers serve everything, and the reason says what to do next', async () => {
    const router = new MemoryRouter();
    const r = await run(router, new SimMetrics(router, HEALTHY));
    expect(router.history).toEqual([0.1, 0.5, 1]);
    expect(r.serving).toBe('canary');
    expect(r.reason).toBe(
      "Promoted: every step from 10% to 50% passed its checks; the canary servers now serve 100% of traffic. Next: put penguins v8 on the stable servers, then give them the traffic back ('modelci rollback'), or set promote-command to do both here.",
    );
  });

  test('a router already holding the canary at 100% is refused, unless start-from-full-canary', async () => {
    const router = new MemoryRouter();
    router.weights = { canary: 1, stable: 0 };
    await expect(run(router, new SimMetrics(router, HEALTHY))).rejects.toThrow(
      /^The router already gives the canary 100% \(an earlier promotion without promote-command\?\).*set start-from-full-canary: true/,
    );
    expect(router.history).toEqual([]);
    const r = await run(router, new SimMetrics(router, HEALTHY), undefined, { 'start-from-full-canary': 'true' });
    expect(router.history.slice(0, 2)).toEqual([0, 0.1]);
    expect(r.state).toBe('promoted');
  });
});

test('a resumed rollout refused for too little traffic gives its share back to stable instead of leaving it', async () => {
  const clock = new SimClock();
  const router = new MemoryRouter();
  router.weights = { canary: 0.3, stable: 0.7 };
  const previous: DeploymentRecord = {
    schema: 'modelci/deployment-record@1',
    model: { name: 'penguins', version: '7' },
    router: 'memory://router',
    metrics: 'sim://metrics',
    policy: parseCanaryPolicy(FAST),
    startedAt: '2026-11-26T00:00:00Z',
    state: 'progressing',
    steps: [],
    events: [{ at: '2026-11-26T00:10:00Z', state: 'progressing', weight: 0.3, message: 'x' }],
  };
  const r = await runRollout(
    parseCanaryPolicy({ ...FAST, steps: '5%, 25%', 'min-requests': '100000', timeout: '5m' }),
    { router, metrics: new SimMetrics(router, HEALTHY), clock, previous },
    { name: 'penguins', version: '7' },
  );
  expect(r.state).toBe('rolled-back');
  expect(router.weights.canary).toBe(0);
  expect(r.reason).toMatch(/^Too little traffic for this plan: /);
});
