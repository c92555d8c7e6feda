import { binomialDraw, seededUniform } from '../../src/stats/seeded-random.js';
import { biasCorrectedJensenShannon, jensenShannonNullDivergence } from '../../src/stats/js-null.js';
import { poolSparseCategories } from '../../src/stats/sparse-categories.js';

describe('poolSparseCategories', () => {
  test('categories whose smaller expected count is below 5 go into one "other"', () => {
    // Totals 1000 and 100: expected current count of column j is colSum * 100 / 1100.
    const ref = [500, 300, 150, 30, 10, 10];
    const cur = [50, 30, 15, 3, 1, 1];
    const t = poolSparseCategories(ref, cur);
    // 33 * 100/1100 = 3 and 11 * 100/1100 = 1: columns 3-5 pooled, "other" expects 5.
    expect(t.kept).toEqual([0, 1, 2]);
    expect(t.pooled).toBe(3);
    expect(t.rows).toEqual([
      [500, 300, 150, 50],
      [50, 30, 15, 5],
    ]);
  });
  test('an "other" still too sparse takes the smallest kept categories too', () => {
    const t = poolSparseCategories([500, 300, 150, 30, 10], [50, 30, 15, 3, 1]);
    // 33 + 11 = 44 -> expected 4: the 165 column (expected 15) joins.
    expect(t.kept).toEqual([0, 1]);
    expect(t.rows).toEqual([
      [500, 300, 190],
      [50, 30, 19],
    ]);
  });
  test('nothing sparse: the table is unchanged', () => {
    expect(poolSparseCategories([100, 100], [50, 60])).toEqual({
      rows: [
        [100, 100],
        [50, 60],
      ],
      kept: [0, 1],
      pooled: 0,
    });
  });
});

describe('binomialDraw', () => {
  test.each([
    [20, 0.3],
    [1000, 0.004],
    [100_000, 0.2],
    [50, 0.9],
  ])('Bin(%i, %d) has the right mean and variance', (n, p) => {
    const u = seededUniform(3);
    const draws = Array.from({ length: 20_000 }, () => binomialDraw(n, p, u));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / draws.length));
    expect(variance / (n * p * (1 - p))).toBeCloseTo(1, 1);
  });
});

describe('Jensen-Shannon under no change', () => {
  test('with every count large, the null divergence is the chi-square approximation (K-1)(1/n1+1/n2)/(8 ln 2)', () => {
    const k = 10;
    const p = Array.from({ length: k }, () => 1 / k);
    const expected = ((k - 1) * (1 / 5000 + 1 / 20_000)) / (8 * Math.LN2);
    expect(jensenShannonNullDivergence(p, 5000, 20_000) / expected).toBeCloseTo(1, 1);
  });
  test('is deterministic, and removes the small-sample inflation', () => {
    const ref = Array.from({ length: 200 }, (_, i) => Math.round(20_000 / (i + 10)));
    const cur = ref.map((c) => Math.round(c / 20));
    const a = biasCorrectedJensenShannon(ref, cur, 0.2);
    expect(biasCorrectedJensenShannon(ref, cur, 0.2)).toEqual(a);
    // ~61k reference rows, ~3k current over 200 categories: sqrt(199 / 3000 / (8 ln 2)) = 0.11.
    expect(a.nullDistance).toBeGreaterThan(0.1);
    expect(a.distance).toBeLessThan(0.2);
    expect(biasCorrectedJensenShannon(ref, cur, 0.05).distance).toBe(0);
  });
});
