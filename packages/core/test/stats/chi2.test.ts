import fc from 'fast-check';
import { chi2Contingency, chi2Sf } from '../../src/stats/chi2.js';
import { logGamma } from '../../src/stats/log-gamma.js';
import { regularizedGammaQ } from '../../src/stats/incomplete-gamma.js';
import { DeviationLog, loadFixture } from '../fixtures/scipy/fixtures.js';

interface ContingencyCase {
  observed: number[][];
  statistic: number;
  pValue: number;
  dof: number;
  statisticNoCorrection: number;
  pValueNoCorrection: number;
}
const fx = loadFixture<{ chi2Sf: { rows: [number, number, number][] }; contingency: ContingencyCase[] }>('chi2.json');

describe(`chi2Sf == scipy.stats.chi2.sf (SciPy ${fx.scipy})`, () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test(`${fx.chi2Sf.rows.length} (x, dof) points, far tail included, relative tolerance`, () => {
    for (const [x, dof, sf] of fx.chi2Sf.rows) log.check('chi2Sf', chi2Sf(x, dof), sf, `x=${x} dof=${dof}`);
    expect(log.takeFailures()).toEqual([]);
    expect(fx.chi2Sf.rows.filter(([, , sf]) => sf < 1e-100).length).toBeGreaterThan(10);
  });

  test('edges', () => {
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(-1, 3)).toBe(1);
    expect(chi2Sf(Infinity, 3)).toBe(0);
    expect(chi2Sf(1, 0)).toBeNaN();
    expect(chi2Sf(NaN, 2)).toBeNaN();
    // dof = 2: sf = exp(-x/2) exactly
    expect(chi2Sf(10, 2)).toBeCloseTo(Math.exp(-5), 15);
  });
});

describe('chi2Contingency == scipy.stats.chi2_contingency', () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(fx.contingency.map((c) => [JSON.stringify(c.observed), c] as const))('%s', (name, c) => {
    const r = chi2Contingency(c.observed);
    expect(r.dof).toBe(c.dof);
    log.check('chi2Contingency statistic', r.statistic, c.statistic, name);
    log.check('chi2Contingency p-value', r.pValue, c.pValue, name);
    const plain = chi2Contingency(c.observed, false);
    log.check('chi2Contingency statistic (no Yates)', plain.statistic, c.statisticNoCorrection, name);
    log.check('chi2Contingency p-value (no Yates)', plain.pValue, c.pValueNoCorrection, name);
    expect(log.takeFailures()).toEqual([]);
  });

  test('Yates applies only when dof == 1', () => {
    expect(fx.contingency.some((c) => c.dof === 1 && c.statistic !== c.statisticNoCorrection)).toBe(true);
    expect(fx.contingency.filter((c) => c.dof > 1).every((c) => c.statistic === c.statisticNoCorrection)).toBe(true);
  });

  test('an all-zero column or row is refused with a plain Error', () => {
    expect(() =>
      chi2Contingency([
        [1, 0, 3],
        [2, 0, 4],
      ]),
    ).toThrow(/expected frequency at \[0\]\[1\] is 0/);
    expect(() =>
      chi2Contingency([
        [0, 0],
        [2, 4],
      ]),
    ).toThrow(Error);
    expect(() => chi2Contingency([[1, 2], [3]])).toThrow(/equally long/);
    expect(() =>
      chi2Contingency([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(/>= 0/);
  });

  test('properties: p in [0, 1], statistic >= 0, transposing changes nothing', () => {
    const table = fc
      .integer({ min: 2, max: 5 })
      .chain((cols) => fc.array(fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: 4 }));
    fc.assert(
      fc.property(table, (t) => {
        const r = chi2Contingency(t);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.statistic).toBeGreaterThanOrEqual(0);
        const transposed = t[0].map((_, j) => t.map((row) => row[j]));
        const rt = chi2Contingency(transposed);
        expect(rt.dof).toBe(r.dof);
        expect(rt.statistic).toBeCloseTo(r.statistic, 6);
      }),
    );
  });
});

describe('incomplete gamma and log-gamma', () => {
  test('Q in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 2e4, noNaN: true }), (a, x) => {
        const q = regularizedGammaQ(a, x);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
      }),
    );
  });

  test('logGamma at integers and half-integers', () => {
    let logFactorial = 0;
    for (let k = 1; k <= 170; k++) {
      // Gamma(k) = (k - 1)!
      expect(logGamma(k)).toBeCloseTo(logFactorial, 11);
      logFactorial += Math.log(k);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649 * 1e-8, 10);
  });
});
