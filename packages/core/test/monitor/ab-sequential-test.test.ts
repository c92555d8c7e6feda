import { compareArms } from '../../src/monitor/ab-sequential-test.js';
import { checkSampleRatio } from '../../src/monitor/sample-ratio-mismatch.js';
import { rng } from '../helpers/tables.js';

/** Binomial(n, p) by summing Bernoulli draws: exact, and fast enough at these sizes. */
function binomial(n: number, p: number, random: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

/** A scheduled job looking every hour for `hours` hours; returns the first decision other than keep-collecting. */
function hourlyLooks(pA: number, pB: number, perHour: number, hours: number, random: () => number) {
  const a = { name: 'champion', successes: 0, total: 0 };
  const b = { name: 'challenger', successes: 0, total: 0 };
  for (let h = 0; h < hours; h++) {
    a.successes += binomial(perHour, pA, random);
    a.total += perHour;
    b.successes += binomial(perHour, pB, random);
    b.total += perHour;
    const r = compareArms(a, b, { alpha: 0.05, minEffect: 0.005 });
    if (r.decision === 'winner') return { decision: r.decision, winner: r.winner, hour: h + 1 };
  }
  return { decision: 'keep-collecting' as const };
}

test('no difference, looked at every hour for two days: false winners at most alpha', () => {
  const random = rng(14);
  const runs = 300;
  let falseWinners = 0;
  for (let i = 0; i < runs; i++) if (hourlyLooks(0.05, 0.05, 200, 48, random).decision === 'winner') falseWinners++;
  // alpha = 5%: with 300 runs, 5% + 2.33 binomial SDs (1%-level one-sided) is 7.9%.
  expect(falseWinners / runs).toBeLessThanOrEqual(0.079);
});

test('a real lift (5% -> 7%) is found within two days in nearly every run, by the right arm', () => {
  const random = rng(15);
  const runs = 100;
  let right = 0;
  for (let i = 0; i < runs; i++) {
    const r = hourlyLooks(0.05, 0.07, 200, 48, random);
    if (r.decision === 'winner' && r.winner === 'challenger') right++;
  }
  expect(right / runs).toBeGreaterThanOrEqual(0.9);
});

test('enough data with equal rates says "no difference", with an interval inside the minimum effect', () => {
  const r = compareArms({ name: 'A', successes: 5000, total: 100_000 }, { name: 'B', successes: 5010, total: 100_000 }, { minEffect: 0.01 });
  expect(r.decision).toBe('no-difference');
  expect(r.interval[0]).toBeGreaterThan(-0.01);
  expect(r.interval[1]).toBeLessThan(0.01);
  expect(r.summary).toMatch(/^No difference that matters: B 5\.01% vs A 5\.00%/);
});

test('an empty arm keeps collecting and claims nothing', () => {
  const r = compareArms({ name: 'A', successes: 0, total: 0 }, { name: 'B', successes: 3, total: 10 });
  expect(r.decision).toBe('keep-collecting');
  expect(r.likelihoodRatio).toBe(1);
});

test('sample-ratio mismatch matches scipy.stats.chisquare (SciPy 1.17.1)', () => {
  // chisquare([4500, 5500], [5000, 5000]) -> statistic 100.0, p 1.5239706048320995e-23
  const srm = checkSampleRatio([4500, 5500], [0.5, 0.5], ['champion', 'challenger']);
  expect(srm.statistic).toBeCloseTo(100, 10);
  expect(srm.pValue / 1.5239706048320995e-23).toBeCloseTo(1, 6);
  expect(srm.mismatch).toBe(true);
  expect(srm.summary).toMatch(
    /^Sample-ratio mismatch: champion \/ challenger got 45\.0% \/ 55\.0% of 10,000 requests where the router is set to 50\.0% \/ 50\.0%/,
  );
  // chisquare([5040, 4960], [5000, 5000]) -> 0.64, p 0.4237107971667936
  const fine = checkSampleRatio([5040, 4960], [0.5, 0.5], ['champion', 'challenger']);
  expect(fine.statistic).toBeCloseTo(0.64, 10);
  expect(fine.pValue).toBeCloseTo(0.4237107971667936, 6);
  expect(fine.mismatch).toBe(false);
  // chisquare([100, 220, 680], [100, 200, 700]) -> 2.571428571428571, p 0.2764530466295643
  const three = checkSampleRatio([100, 220, 680], [0.1, 0.2, 0.7], ['a', 'b', 'c']);
  expect(three.statistic).toBeCloseTo(2.571428571428571, 10);
  expect(three.pValue).toBeCloseTo(0.2764530466295643, 6);
});
