import { startSequentialTest, updateSequentialTest, type SequentialTestOptions } from '../../src/rollout/sequential-error-test.js';
import { poissonSampler, rng } from '../helpers/tables.js';

const options: SequentialTestOptions = { alpha: 0.01, beta: 0.05, riskRatio: 3 };

describe('sequential test of canary against stable error rates', () => {
  test('Wald bounds and the log-likelihood ratio of one window, by hand', () => {
    const s0 = startSequentialTest(options);
    expect(s0.upper).toBeCloseTo(Math.log(0.95 / 0.01), 14);
    expect(s0.lower).toBeCloseTo(Math.log(0.05 / 0.99), 14);
    // 100 canary and 900 stable requests: q0 = 0.1, q1 = 300 / 1200 = 0.25.
    const s1 = updateSequentialTest(s0, { canaryRequests: 100, canaryErrors: 2, stableRequests: 900, stableErrors: 3 }, options);
    expect(s1.llr).toBeCloseTo(2 * Math.log(2.5) + 3 * Math.log(0.75 / 0.9), 14);
    expect(s1.decision).toBe('continue');
    expect(s1).toMatchObject({ windows: 1, canaryErrors: 2, stableErrors: 3 });
  });

  test('a window without traffic on a side is no evidence, and never a pass', () => {
    const s0 = startSequentialTest(options);
    const s1 = updateSequentialTest(s0, { canaryRequests: 0, canaryErrors: 0, stableRequests: 500, stableErrors: 0 }, options);
    expect(s1.llr).toBe(0);
    expect(s1.decision).toBe('continue');
    expect(s1.windows).toBe(1);
  });

  test('a decision stays once reached', () => {
    let s = startSequentialTest(options);
    s = updateSequentialTest(s, { canaryRequests: 100, canaryErrors: 20, stableRequests: 100, stableErrors: 0 }, options);
    expect(s.decision).toBe('bad');
    expect(updateSequentialTest(s, { canaryRequests: 100, canaryErrors: 0, stableRequests: 100, stableErrors: 50 }, options)).toBe(s);
  });

  test.each([
    [{ ...options, alpha: 0 }, /alpha and beta must lie in \(0, 0.5\)/],
    [{ ...options, riskRatio: 1 }, /riskRatio must exceed 1/],
  ])('bad options are refused: %j', (o, message) => {
    expect(() => startSequentialTest(o)).toThrow(message);
  });

  test('bad counts are refused', () => {
    const s = startSequentialTest(options);
    expect(() => updateSequentialTest(s, { canaryRequests: 5, canaryErrors: 6, stableRequests: 10, stableErrors: 0 }, options)).toThrow(
      /errors cannot exceed requests/,
    );
    expect(() => updateSequentialTest(s, { canaryRequests: NaN, canaryErrors: 0, stableRequests: 10, stableErrors: 0 }, options)).toThrow(
      /canaryRequests must be a finite count/,
    );
  });

  // Seeded simulation: 50 requests/s, 5% to the canary, a scrape every 10 s, stable failing 0.1%.
  function simulate(canaryErrorRate: number, seed: number): { decision: string; canaryFailures: number; seconds: number } {
    const poisson = poissonSampler(rng(seed));
    let s = startSequentialTest(options);
    let failures = 0;
    for (let t = 10; t <= 3600; t += 10) {
      // Poisson arrivals split into failures and successes stay Poisson (exact, and fast).
      const canaryErrors = poisson(50 * 0.05 * 10 * canaryErrorRate);
      const canaryRequests = canaryErrors + poisson(50 * 0.05 * 10 * (1 - canaryErrorRate));
      const stableErrors = poisson(50 * 0.95 * 10 * 0.001);
      const stableRequests = stableErrors + poisson(50 * 0.95 * 10 * 0.999);
      failures += canaryErrors;
      s = updateSequentialTest(s, { canaryRequests, canaryErrors, stableRequests, stableErrors }, options);
      if (s.decision !== 'continue') return { decision: s.decision, canaryFailures: failures, seconds: t };
    }
    return { decision: 'continue', canaryFailures: failures, seconds: 3600 };
  }

  test('healthy canaries are rolled back at most alpha of the time (400 seeded runs)', () => {
    const runs = Array.from({ length: 400 }, (_, i) => simulate(0.001, 1000 + i));
    const bad = runs.filter((r) => r.decision === 'bad').length;
    // alpha = 1%; allow three binomial standard errors for 400 runs.
    expect(bad / 400).toBeLessThanOrEqual(0.01 + 3 * Math.sqrt((0.01 * 0.99) / 400));
  });

  test('a canary failing 5% of requests is rolled back, after a handful of failed requests', () => {
    const runs = Array.from({ length: 200 }, (_, i) => simulate(0.05, 5000 + i));
    expect(runs.every((r) => r.decision === 'bad')).toBe(true);
    const failures = runs.map((r) => r.canaryFailures).sort((a, b) => a - b);
    // A fixed 1-minute window serves 2.5 req/s x 60 s x 5% = 7.5 failed requests before its first check.
    expect(failures[100]).toBeLessThan(7.5);
  });
});

describe('open-ended test (no beta): never declares healthy, alarms at 1/alpha', () => {
  const open: SequentialTestOptions = { alpha: 0.01, riskRatio: 20 };
  test('bounds and stickiness', () => {
    const s0 = startSequentialTest(open);
    expect(s0.upper).toBeCloseTo(Math.log(100), 14);
    expect(s0.lower).toBe(-Infinity);
    let s = s0;
    for (let i = 0; i < 50; i++) s = updateSequentialTest(s, { canaryRequests: 100, canaryErrors: 0, stableRequests: 900, stableErrors: 2 }, open);
    expect(s.decision).toBe('continue');
    expect(s.llr).toBeLessThan(0);
  });
});
