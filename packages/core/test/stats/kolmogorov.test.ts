import { kstwoSf } from '../../src/stats/kolmogorov.js';
import { smirnovSf } from '../../src/stats/smirnov.js';
import { DeviationLog, loadFixture } from '../fixtures/scipy/fixtures.js';

interface Table {
  columns: string[];
  rows: number[][];
}
const fx = loadFixture<{ kstwoSf: Table; smirnov: Table }>('kolmogorov.json');

describe('kstwoSf == scipy.stats.kstwo.sf over every branch of _kolmogn', () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test(`${fx.kstwoSf.rows.length} (n, d) points, SciPy ${fx.scipy}`, () => {
    for (const [n, d, sf] of fx.kstwoSf.rows) log.check('kstwoSf', kstwoSf(d, n), sf, `n=${n} d=${d}`);
    expect(log.takeFailures()).toEqual([]);
  });

  test('the grid reaches tiny but nonzero p-values', () => {
    const tiny = fx.kstwoSf.rows.filter(([, , sf]) => sf > 0 && sf < 1e-100);
    expect(tiny.length).toBeGreaterThan(10);
  });

  test('edges: sf is 1 at d <= 1/(2n), 0 at d >= 1, NaN for a non-integer n', () => {
    expect(kstwoSf(0, 10)).toBe(1);
    expect(kstwoSf(0.05, 10)).toBe(1);
    expect(kstwoSf(1, 10)).toBe(0);
    expect(kstwoSf(0.3, 10.5)).toBeNaN();
  });
});

describe('smirnovSf == scipy.special.smirnov', () => {
  const log = new DeviationLog();
  afterAll(() => log.print());

  test(`${fx.smirnov.rows.length} (n, d) points`, () => {
    for (const [n, d, sf] of fx.smirnov.rows) log.check('smirnov', smirnovSf(n, d), sf, `n=${n} d=${d}`);
    expect(log.takeFailures()).toEqual([]);
  });
});
