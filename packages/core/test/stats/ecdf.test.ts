import fc from 'fast-check';
import { countDistinctAtOrBelow, ecdfFromCounts, ecdfFromSample, ecdfFromSorted, ecdfMean, ecdfStd } from '../../src/stats/ecdf.js';
import { DeviationLog, loadFixture } from '../fixtures/scipy/fixtures.js';

const fx = loadFixture<{ binning: { name: string; sample: number[]; mean: number; std: number }[] }>('divergence.json');

describe(`ecdfMean / ecdfStd == numpy.mean / numpy.std (numpy ${(fx as unknown as { numpy: string }).numpy})`, () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(fx.binning.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const e = ecdfFromSample(c.sample);
    log.check('ecdfMean', ecdfMean(e), c.mean, name);
    log.check('ecdfStd', ecdfStd(e), c.std, name);
    expect(log.takeFailures()).toEqual([]);
  });
});

describe('ECDF construction', () => {
  test('distinct values with cumulative counts; NaN dropped; input untouched', () => {
    const input = [3, 1, NaN, 2, 3, 1, 3];
    const e = ecdfFromSample(input);
    expect(Array.from(e.values)).toEqual([1, 2, 3]);
    expect(Array.from(e.cumulative)).toEqual([2, 3, 6]);
    expect(e.n).toBe(6);
    expect(input[0]).toBe(3);
    expect(ecdfFromSorted(new Float64Array([1, 1, 2, 3, 3, 3]))).toEqual(e);
  });

  test('from counts: zero counts dropped, weights allowed, bad tables refused', () => {
    const e = ecdfFromCounts([1, 2, 3, 4], [2, 0, 1.5, 0.5]);
    expect(Array.from(e.values)).toEqual([1, 3, 4]);
    expect(Array.from(e.cumulative)).toEqual([2, 3.5, 4]);
    expect(e.n).toBe(4);
    expect(() => ecdfFromCounts([1, 1], [1, 1])).toThrow(/ascending/);
    expect(() => ecdfFromCounts([1, 2], [1, -1])).toThrow(/>= 0/);
    expect(() => ecdfFromCounts([1, 2], [1])).toThrow(/one count per value/);
  });

  test('empty sample: n = 0, mean and std NaN', () => {
    const e = ecdfFromSample([NaN]);
    expect(e.n).toBe(0);
    expect(ecdfMean(e)).toBeNaN();
    expect(ecdfStd(e)).toBeNaN();
  });

  test('properties: F is a step CDF matching a direct count; mean/std match a direct two-pass computation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 100 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (xs, x) => {
          const e = ecdfFromSample(xs);
          const k = countDistinctAtOrBelow(e, x);
          expect(k === 0 ? 0 : e.cumulative[k - 1]).toBe(xs.filter((v) => v <= x).length);
          expect(e.cumulative[e.cumulative.length - 1]).toBe(xs.length);
          const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
          const std = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
          expect(Math.abs(ecdfMean(e) - mean)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(mean)));
          expect(Math.abs(ecdfStd(e) - std)).toBeLessThanOrEqual(1e-9 * (1 + std));
        },
      ),
    );
  });
});
