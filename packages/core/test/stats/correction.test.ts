import fc from 'fast-check';
import { adjustPValues } from '../../src/stats/correction.js';
import { DeviationLog, loadFixture } from '../fixtures/scipy/fixtures.js';

interface CorrectionCase {
  p: number[];
  holm: number[];
  bonferroni: number[];
  fdr_bh: number[];
}
const fx = loadFixture<{ source: string; cases: CorrectionCase[] }>('correction.json');
const methods = ['holm', 'bonferroni', 'fdr_bh'] as const;

describe(`adjustPValues == multipletests(p, method)[1] (${fx.source})`, () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test.each(
    fx.cases.map(
      (c) =>
        [
          c.p
            .slice(0, 7)
            .map((x) => x.toPrecision(3))
            .join(','),
          c,
        ] as const,
    ),
  )('%s', (name, c) => {
    for (const method of methods) {
      const adjusted = adjustPValues(c.p, method);
      c[method].forEach((expected, i) => log.check(`adjustPValues ${method}`, adjusted[i], expected, `${name} [${i}]`));
    }
    expect(Array.from(adjustPValues(c.p, 'none'))).toEqual(c.p);
    expect(log.takeFailures()).toEqual([]);
  });
});

describe('adjustPValues properties', () => {
  const pValues = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.05, 1)), { minLength: 1, maxLength: 40 });

  test('adjusted >= raw, <= 1, and monotone in the raw order (all methods)', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        for (const method of methods) {
          const adj = adjustPValues(p, method);
          for (let i = 0; i < p.length; i++) {
            expect(adj[i]).toBeGreaterThanOrEqual(p[i]);
            expect(adj[i]).toBeLessThanOrEqual(1);
            for (let j = 0; j < p.length; j++) if (p[i] <= p[j]) expect(adj[i]).toBeLessThanOrEqual(adj[j]);
          }
        }
      }),
    );
  });

  test('holm never exceeds bonferroni; fdr_bh never exceeds holm', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const holm = adjustPValues(p, 'holm');
        const bonferroni = adjustPValues(p, 'bonferroni');
        const bh = adjustPValues(p, 'fdr_bh');
        for (let i = 0; i < p.length; i++) {
          expect(holm[i]).toBeLessThanOrEqual(bonferroni[i]);
          expect(bh[i]).toBeLessThanOrEqual(holm[i] * (1 + 1e-15));
        }
      }),
    );
  });

  test('NaN stays NaN and does not count as a test', () => {
    const adj = adjustPValues([0.01, NaN, 0.02], 'bonferroni');
    expect(adj[0]).toBeCloseTo(0.02, 15);
    expect(adj[1]).toBeNaN();
    expect(adj[2]).toBeCloseTo(0.04, 15);
    expect(adjustPValues([], 'holm').length).toBe(0);
  });
});
