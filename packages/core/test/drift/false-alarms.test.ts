import { compareToReference } from '../../src/drift/check-drift.js';
import { DEFAULT_DRIFT_OPTIONS, type DriftOptions } from '../../src/drift/options.js';
import { referenceFromTable } from '../../src/drift/reference-from-table.js';
import { readTable } from '../../src/data/read-table.js';
import { rng, shuffled, takeRows } from '../helpers/tables.js';

const VEGA = new URL('../../../../node_modules/vega-datasets/data/', import.meta.url).pathname;

/**
 * With no drift (two random halves of the same real data), the dataset-level false-alarm rate
 * must stay at or below the level, whatever the number of features: that is what the Holm
 * correction buys. Effect-size minimums are off here so the test sees the p-value machinery alone.
 * Seeded, so it gives the same count on every run.
 */
describe('false alarms on data with no drift', () => {
  const REPS = 400;
  const level = 0.05;
  // Monte Carlo slack: 2.5 standard errors of a binomial proportion at the level.
  const slack = 2.5 * Math.sqrt((level * (1 - level)) / REPS);

  async function alarmRate(options: DriftOptions, seed: number): Promise<number> {
    // Seattle weather 2012-2015: 4 numeric columns and a categorical one; the date is an id.
    const data = await readTable(`${VEGA}seattle-weather.csv`, { include: (n) => n !== 'date' });
    const random = rng(seed);
    let alarms = 0;
    for (let r = 0; r < REPS; r++) {
      const idx = shuffled(data.rowCount, random);
      const half = Math.floor(idx.length / 2);
      const a = takeRows(data, idx.subarray(0, half));
      const b = takeRows(data, idx.subarray(half));
      const report = compareToReference(referenceFromTable(a), b, options);
      if (report.verdict.drifted) alarms++;
    }
    return alarms / REPS;
  }

  const noEffectFloor = { ...DEFAULT_DRIFT_OPTIONS, minNumericEffect: 0, minCategoricalEffect: 0, minMissingChange: 0, alpha: level };

  test('Holm keeps the family-wise rate at the level', async () => {
    const rate = await alarmRate({ ...noEffectFloor, correction: 'holm' }, 1);
    expect(rate).toBeLessThanOrEqual(level + slack);
  });

  test('without a correction the same data cries wolf more often', async () => {
    const corrected = await alarmRate({ ...noEffectFloor, correction: 'holm' }, 2);
    const uncorrected = await alarmRate({ ...noEffectFloor, correction: 'none' }, 2);
    expect(uncorrected).toBeGreaterThan(corrected);
  });

  test('the default effect minimums only remove alarms', async () => {
    const pOnly = await alarmRate({ ...noEffectFloor, correction: 'holm' }, 3);
    const withEffects = await alarmRate({ ...DEFAULT_DRIFT_OPTIONS, alpha: level }, 3);
    expect(withEffects).toBeLessThanOrEqual(pOnly);
    expect(withEffects).toBeLessThanOrEqual(level);
  });
});
