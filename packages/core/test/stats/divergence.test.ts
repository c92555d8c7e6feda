import fc from 'fast-check';
import { ecdfFromCounts, ecdfFromSample } from '../../src/stats/ecdf.js';
import { biasCorrectedCramersV, binCounts, cramersV, jensenShannonDistance, populationStabilityIndex, quantileBinEdges } from '../../src/stats/divergence.js';
import { DeviationLog, loadFixture } from '../fixtures/scipy/fixtures.js';

interface BinningCase {
  name: string;
  sample: number[];
  mean: number;
  std: number;
  [key: string]: unknown;
}
interface DivergenceFixture {
  jensenShannon: { p: number[]; q: number[]; distance: number }[];
  psi: { ref: number[]; cur: number[]; psi: number; psiFloor1e6: number }[];
  binning: BinningCase[];
  crossBinning: { ref: string; current: number[]; counts10: number[]; psi10: number };
}
const fx = loadFixture<DivergenceFixture>('divergence.json');
const chi2 = loadFixture<{ contingency: { observed: number[][]; cramersV?: number }[] }>('chi2.json');

describe(`jensenShannonDistance == scipy.spatial.distance.jensenshannon(p, q, base=2) (SciPy ${fx.scipy})`, () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(fx.jensenShannon.map((c) => [`${c.p.slice(0, 6)} | ${c.q.slice(0, 6)}`, c] as const))('%s', (name, c) => {
    log.check('jensenShannonDistance', jensenShannonDistance(c.p, c.q), c.distance, name);
    expect(log.takeFailures()).toEqual([]);
  });

  test('properties: in [0, 1], symmetric, 0 for proportional counts', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }).filter((xs) => xs.some((x) => x > 0));
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: 1, max: 7 }), (p0, q0, k) => {
        const len = Math.min(p0.length, q0.length);
        const p = p0.slice(0, len);
        const q = q0.slice(0, len);
        fc.pre(p.some((x) => x > 0) && q.some((x) => x > 0));
        const d = jensenShannonDistance(p, q);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(jensenShannonDistance(q, p)).toBeCloseTo(d, 14);
        expect(
          jensenShannonDistance(
            p,
            p.map((x) => x * k),
          ),
        ).toBeLessThan(1e-7);
      }),
    );
  });

  test('lengths must match', () => {
    expect(() => jensenShannonDistance([1, 2], [1])).toThrow(/must match/);
  });
});

describe('cramersV == scipy.stats.contingency.association(observed, method="cramer")', () => {
  const log = new DeviationLog();
  afterAll(() => log.print());
  const cases = chi2.contingency.filter((c) => c.cramersV !== undefined);

  test.each(cases.map((c) => [JSON.stringify(c.observed), c] as const))('%s', (name, c) => {
    log.check('cramersV', cramersV(c.observed), c.cramersV!, name);
    expect(log.takeFailures()).toEqual([]);
  });

  test('properties: in [0, 1]; 1 for a perfectly separating 2x2 table; 0 for proportional rows', () => {
    expect(
      cramersV([
        [10, 0],
        [0, 7],
      ]),
    ).toBeCloseTo(1, 14);
    expect(
      cramersV([
        [10, 20, 30],
        [20, 40, 60],
      ]),
    ).toBe(0);
    const row = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 4 }), (t) => {
        const v = cramersV(t);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('populationStabilityIndex (numpy formula in the fixture script)', () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(fx.psi.map((c) => [`${c.ref} | ${c.cur}`, c] as const))('%s', (name, c) => {
    log.check('populationStabilityIndex', populationStabilityIndex(c.ref, c.cur), c.psi, name);
    log.check('populationStabilityIndex floor 1e-6', populationStabilityIndex(c.ref, c.cur, 1e-6), c.psiFloor1e6, name);
    expect(log.takeFailures()).toEqual([]);
  });

  test('properties: >= 0, symmetric, 0 for proportional counts, finite with empty bins', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 10, maxLength: 10 }).filter((xs) => xs.some((x) => x > 0));
    fc.assert(
      fc.property(counts, counts, (r, c) => {
        const psi = populationStabilityIndex(r, c);
        expect(psi).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(psi)).toBe(true);
        expect(populationStabilityIndex(c, r)).toBeCloseTo(psi, 12);
        expect(
          populationStabilityIndex(
            r,
            r.map((x) => 3 * x),
          ),
        ).toBeCloseTo(0, 14);
      }),
    );
  });
});

describe('quantileBinEdges / binCounts == numpy.quantile (linear) + searchsorted', () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(fx.binning.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const e = ecdfFromSample(c.sample);
    for (const bins of [2, 4, 10]) {
      const edges = quantileBinEdges(e, bins);
      const expected = c[`edges${bins}`] as number[];
      // Edges decide which bin a tied value falls in: they must be identical, not just close.
      expect(Array.from(edges)).toEqual(expected);
      expect(Array.from(binCounts(e, edges))).toEqual(c[`counts${bins}`]);
      // The same from a value -> count profile.
      const counts = Array.from(e.cumulative, (cum, i) => cum - (i > 0 ? e.cumulative[i - 1] : 0));
      const fromCounts = ecdfFromCounts(e.values, counts);
      expect(Array.from(quantileBinEdges(fromCounts, bins))).toEqual(expected);
    }
    log.check('binning', 0, 0, name);
  });

  test('a second sample in the reference bins, and the PSI between them', () => {
    const ref = fx.binning.find((c) => c.name === fx.crossBinning.ref)!;
    const refEcdf = ecdfFromSample(ref.sample);
    const edges = quantileBinEdges(refEcdf, 10);
    const cur = binCounts(ecdfFromSample(fx.crossBinning.current), edges);
    expect(Array.from(cur)).toEqual(fx.crossBinning.counts10);
    log.check('populationStabilityIndex', populationStabilityIndex(binCounts(refEcdf, edges), cur), fx.crossBinning.psi10, 'cross');
    expect(log.takeFailures()).toEqual([]);
  });

  test('properties: counts sum to n, edges ascending and distinct, at most bins - 1', () => {
    const sample = fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 20 }), (xs, bins) => {
        const e = ecdfFromSample(xs);
        const edges = quantileBinEdges(e, bins);
        expect(edges.length).toBeLessThanOrEqual(bins - 1);
        for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1]);
        const counts = binCounts(e, edges);
        expect(counts.reduce((s, x) => s + x, 0)).toBe(xs.length);
      }),
    );
  });

  test('bad input', () => {
    expect(() => quantileBinEdges(ecdfFromSample([1, 2]), 0)).toThrow(/positive integer/);
    expect(() => binCounts(ecdfFromSample([1, 2]), new Float64Array([2, 1]))).toThrow(/ascending/);
    expect(quantileBinEdges(ecdfFromSample([]), 10).length).toBe(0);
  });
});

/*
 * Bergsma (2013) by hand with numpy and SciPy's chi-square (SciPy's association() has no bias
 * correction), python3 with Debian's python3-scipy 1.10:
 *
 *   import numpy as np; from scipy.stats import chi2_contingency
 *   def bergsma(obs):
 *       obs = np.asarray(obs, float); n = obs.sum(); r, k = obs.shape
 *       phi2 = chi2_contingency(obs, correction=False)[0] / n
 *       phi2t = max(0.0, phi2 - (k - 1) * (r - 1) / (n - 1))
 *       kt = k - (k - 1) ** 2 / (n - 1); rt = r - (r - 1) ** 2 / (n - 1)
 *       return np.sqrt(phi2t / min(kt - 1, rt - 1))
 */
describe("biasCorrectedCramersV == Bergsma's formula computed with numpy and scipy.stats.chi2_contingency", () => {
  test.each([
    [
      [
        [10, 20, 30],
        [25, 15, 12],
      ],
      0.3334498630811103,
    ],
    [
      [
        [120, 90, 40, 10, 5],
        [30, 28, 20, 9, 3],
      ],
      0.1294634117590795,
    ],
    [
      [
        [10, 20, 30],
        [20, 40, 60],
      ],
      0,
    ],
    [
      [
        [5, 4, 6],
        [6, 5, 4],
      ],
      0,
    ],
    [
      [
        [10, 0],
        [0, 7],
      ],
      0.9999999999999999,
    ],
  ])('%j', (observed, expected) => {
    expect(Math.abs(biasCorrectedCramersV(observed) - expected)).toBeLessThan(1e-12);
  });

  test('smaller than the plain V when the table is sparse, and the same order as N grows', () => {
    const small = [
      [12, 9, 7, 5, 3, 2, 1, 1],
      [10, 8, 9, 4, 4, 1, 2, 0],
    ];
    expect(biasCorrectedCramersV(small)).toBeLessThan(cramersV(small));
    const large = small.map((row) => row.map((x) => x * 1000));
    expect(Math.abs(biasCorrectedCramersV(large) - cramersV(large))).toBeLessThan(0.01);
  });

  test('a single row or column is NaN, as cramersV', () => {
    expect(biasCorrectedCramersV([[1, 2, 3]])).toBeNaN();
  });
});
