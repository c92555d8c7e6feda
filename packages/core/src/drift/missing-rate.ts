import { chi2Contingency } from '../stats/chi2.js';

export interface MissingRateTest {
  reference: number | null;
  current: number;
  change: number | null;
  /** Absent when there is nothing to test: no missing cells on either side, or no reference counts. */
  pValue?: number;
}

/**
 * Compare the share of missing cells: a chi-square test of homogeneity on the 2x2 table
 * (missing, present) x (reference, current), as scipy.stats.chi2_contingency does it (Yates).
 */
export function testMissingRate(refMissing: number | null, refRows: number, curMissing: number, curRows: number): MissingRateTest {
  const current = curRows > 0 ? curMissing / curRows : 0;
  if (refMissing === null || refRows === 0) return { reference: null, current, change: null };
  const reference = refMissing / refRows;
  const change = current - reference;
  const anyMissing = refMissing + curMissing > 0;
  const anyPresent = refRows - refMissing + (curRows - curMissing) > 0;
  if (!anyMissing || !anyPresent || curRows === 0) return { reference, current, change };
  const { pValue } = chi2Contingency([
    [refMissing, refRows - refMissing],
    [curMissing, curRows - curMissing],
  ]);
  return { reference, current, change, pValue };
}
