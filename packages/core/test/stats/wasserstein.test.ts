import fc from 'fast-check';
import { ecdfFromCounts, ecdfFromSample } from '../../src/stats/ecdf.js';
import { wassersteinDistance } from '../../src/stats/wasserstein.js';
import { DeviationLog, loadFixture, type SampleSpec, sampleFromSpec } from '../fixtures/scipy/fixtures.js';

interface WassersteinFixture {
  explicit: { u: number[]; v: number[]; distance: number }[];
  weighted: { uValues: number[]; uCounts: number[]; vValues: number[]; vCounts: number[]; distance: number }[];
  generated: { a: SampleSpec; b: SampleSpec; distance: number }[];
}
const fx = loadFixture<WassersteinFixture>('wasserstein.json');
const w = (u: ArrayLike<number>, v: ArrayLike<number>) => wassersteinDistance(ecdfFromSample(u), ecdfFromSample(v));

describe(`wassersteinDistance == scipy.stats.wasserstein_distance (SciPy ${fx.scipy})`, () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(fx.explicit.map((c) => [`${c.u.slice(0, 5)} | ${c.v.slice(0, 5)}`, c] as const))('%s', (name, c) => {
    log.check('wassersteinDistance', w(c.u, c.v), c.distance, name);
    expect(log.takeFailures()).toEqual([]);
  });

  test.each(fx.weighted.map((c) => [`${c.uValues} x ${c.uCounts} | ${c.vValues} x ${c.vCounts}`, c] as const))('weighted: %s', (name, c) => {
    const d = wassersteinDistance(ecdfFromCounts(c.uValues, c.uCounts), ecdfFromCounts(c.vValues, c.vCounts));
    log.check('wassersteinDistance (weighted)', d, c.distance, name);
    expect(log.takeFailures()).toEqual([]);
  });

  test.each(fx.generated.map((c) => [`${c.a.n} vs ${c.b.n} (${c.a.kind})`, c] as const))('generated: %s', (name, c) => {
    log.check('wassersteinDistance (large)', w(sampleFromSpec(c.a), sampleFromSpec(c.b)), c.distance, name);
    expect(log.takeFailures()).toEqual([]);
  });
});

describe('Wasserstein properties', () => {
  const sample = fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -1e4, max: 1e4, noNaN: true })), { minLength: 1, maxLength: 60 });

  test('symmetric, >= 0, 0 for identical samples', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const d = w(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(w(b, a)).toBeCloseTo(d, 9);
        expect(w(a, [...a].reverse())).toBe(0);
      }),
    );
  });

  test('translating one sample by c gives |c|', () => {
    // Dyadic shifts of small integers keep the arithmetic exact.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: -4096, max: 4096 }), (a, k) => {
        const c = k / 8;
        expect(
          w(
            a,
            a.map((x) => x + c),
          ),
        ).toBeCloseTo(Math.abs(c), 9);
      }),
    );
  });

  test('empty input is refused', () => {
    expect(() => w([], [1])).toThrow(/non-empty/);
  });
});
