import fc from 'fast-check';
import { ecdfFromCounts } from '../../src/stats/ecdf.js';
import { ks2samp, ks2sampEcdf, ksStatistic, ksTwoSamplePValue } from '../../src/stats/ks.js';
import { DeviationLog, loadFixture, type SampleSpec, sampleFromSpec } from '../fixtures/scipy/fixtures.js';

interface KsCase {
  name: string;
  statistic: number;
  pValue: number;
}
interface KsFixture {
  explicit: (KsCase & { a: number[]; b: number[] })[];
  generated: (KsCase & { a: SampleSpec; b: SampleSpec })[];
  pValueGrid: { columns: string[]; rows: [number, number, number, number, number, 'exact' | 'asymp'][] };
}
const fx = loadFixture<KsFixture>('ks.json');

describe(`ks2samp == scipy.stats.ks_2samp (SciPy ${fx.scipy})`, () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(fx.explicit.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = ks2samp(c.a, c.b);
    log.check('ks statistic', r.statistic, c.statistic, c.name);
    log.check('ks p-value', r.pValue, c.pValue, c.name);
    expect(log.takeFailures()).toEqual([]);
  });

  test.each(fx.generated.map((c) => [c.name, c] as const))('generated: %s', (_name, c) => {
    const a = sampleFromSpec(c.a);
    const b = sampleFromSpec(c.b);
    const r = ks2samp(a, b);
    log.check('ks statistic', r.statistic, c.statistic, c.name);
    log.check('ks p-value', r.pValue, c.pValue, c.name);
    expect(r.method).toBe(Math.max(a.length, b.length) <= 10000 ? 'exact' : 'asymp');
    expect(log.takeFailures()).toEqual([]);
  });

  test('the generated cases include tiny p-values, checked relatively', () => {
    expect(fx.generated.some((c) => c.pValue > 0 && c.pValue < 1e-30)).toBe(true);
  });
});

describe('ksTwoSamplePValue(d, n1, n2) over a grid crossing every method and branch', () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test(`${fx.pValueGrid.rows.length} (d, n1, n2) points`, () => {
    for (const [n1, n2, d, statistic, pValue, method] of fx.pValueGrid.rows) {
      const r = ksTwoSamplePValue(d, n1, n2);
      const where = `n1=${n1} n2=${n2} d=${d}`;
      log.check('ksTwoSamplePValue statistic', r.statistic, statistic, where);
      log.check('ksTwoSamplePValue', r.pValue, pValue, where);
      if (r.method !== method) log.fail(`${where}: method ${r.method}, SciPy ${method}`);
    }
    expect(log.takeFailures()).toEqual([]);
  });

  test('explicit methods: asymp ignores the exact lattice; exact falls back only when it must', () => {
    const asymp = ksTwoSamplePValue(0.3, 40, 60, 'asymp');
    expect(asymp.method).toBe('asymp');
    expect(asymp.statistic).toBe(0.3);
    expect(ksTwoSamplePValue(0.3, 40, 60, 'exact').method).toBe('exact');
    expect(ksTwoSamplePValue(0.01, 50000, 30000, 'exact').method).toBe('exact');
    // lcm(100003, 100019) overflows an int32: SciPy switches 'exact' to 'asymp'
    expect(ksTwoSamplePValue(0.01, 100003, 100019, 'exact')).toEqual(ksTwoSamplePValue(0.01, 100003, 100019, 'asymp'));
    // SciPy: kstwo.sf(d, round(1 * 1 / 2) = 0) is NaN
    expect(ksTwoSamplePValue(0.5, 1, 1, 'asymp').pValue).toBeNaN();
  });

  test('sizes are rounded (weighted profiles) and must be positive', () => {
    expect(ksTwoSamplePValue(0.2, 99.99999999, 50)).toEqual(ksTwoSamplePValue(0.2, 100, 50));
    expect(() => ksTwoSamplePValue(0.2, 0, 50)).toThrow(/at least 1/);
  });
});

describe('ksStatistic on ECDFs', () => {
  test('an ECDF from counts gives the result of the expanded sample', () => {
    const a = ecdfFromCounts([1, 2, 3], [2, 1, 3]);
    const b = ecdfFromCounts([2, 4], [2, 1]);
    // F_a - F_b is largest at x = 1 (2/6 - 0) and x = 3 (1 - 2/3)
    expect(ksStatistic(a, b)).toBeCloseTo(1 / 3, 15);
    expect(ks2sampEcdf(a, b)).toEqual(ks2samp([1, 1, 2, 3, 3, 3], [2, 2, 4]));
  });

  test('NaN is dropped; empty samples are refused', () => {
    expect(ks2samp([1, NaN, 2], [1, 2])).toEqual(ks2samp([1, 2], [1, 2]));
    expect(() => ks2samp([], [1])).toThrow(/non-empty/);
  });
});

describe('KS properties', () => {
  const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 });
  const discrete = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 80 });

  test('p-value in [0, 1], statistic in [0, 1], symmetric in the two samples', () => {
    fc.assert(
      fc.property(fc.oneof(sample, discrete), fc.oneof(sample, discrete), (a, b) => {
        const ab = ks2samp(a, b);
        const ba = ks2samp(b, a);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        expect(ab.statistic).toBeGreaterThanOrEqual(0);
        expect(ab.statistic).toBeLessThanOrEqual(1);
        expect(ba).toEqual(ab);
      }),
      { numRuns: 300 },
    );
  });

  test('identical samples: statistic 0, p-value 1', () => {
    fc.assert(
      fc.property(fc.oneof(sample, discrete), (a) => {
        const shuffled = [...a].reverse();
        expect(ks2samp(a, shuffled)).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
      }),
    );
  });

  test('the p-value does not increase with d (fixed sizes, both methods)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          for (const method of ['exact', 'asymp'] as const) {
            if (method === 'asymp' && n1 === 1 && n2 === 1) continue; // round(1/2) = 0: NaN, as SciPy
            expect(ksTwoSamplePValue(hi, n1, n2, method).pValue).toBeLessThanOrEqual(ksTwoSamplePValue(lo, n1, n2, method).pValue + 1e-12);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('large samples stay asymptotic and p-values stay in [0, 1] across d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10001, max: 3000000 }), fc.integer({ min: 1, max: 3000000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, d) => {
        const r = ksTwoSamplePValue(d, n1, n2);
        expect(r.method).toBe('asymp');
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
