/**
 * McNemar's test: do two models, scored on the same rows, have different error rates? Only the
 * discordant rows carry evidence: b = A right and B wrong, c = A wrong and B right. Matches
 * statsmodels.stats.contingency_tables.mcnemar: exact=True below 25 discordant rows (the
 * chi-square approximation is poor there), else exact=False with correction=True.
 */
import { chi2Sf } from '../../stats/chi2.js';

/** Below this many discordant rows the exact binomial test is used. */
export const MCNEMAR_EXACT_BELOW = 25;

export interface McNemarResult {
  /** Exact: min(b, c). Chi-square: (|b - c| - 1)^2 / (b + c). */
  statistic: number;
  pValue: number;
  exact: boolean;
}

export function mcnemarTest(aRightBWrong: number, aWrongBRight: number): McNemarResult {
  const b = aRightBWrong;
  const c = aWrongBRight;
  if (!Number.isInteger(b) || b < 0 || !Number.isInteger(c) || c < 0) {
    throw new Error(`mcnemarTest: the discordant counts must be whole numbers >= 0 (got ${b} and ${c}).`);
  }
  const n = b + c;
  if (n < MCNEMAR_EXACT_BELOW) {
    // Two-sided binomial(n, 1/2) test as statsmodels does it: min(1, 2 P(X <= min(b, c))).
    // n < 25, so C(n, i) and 2^n are exact in doubles and the sum is exact until the division.
    const m = Math.min(b, c);
    let coef = 1;
    let tail = 0;
    for (let i = 0; i <= m; i++) {
      tail += coef;
      coef = (coef * (n - i)) / (i + 1);
    }
    return { statistic: m, pValue: Math.min(1, (2 * tail) / 2 ** n), exact: true };
  }
  // Continuity-corrected chi-square on 1 dof, without clamping |b - c| - 1 at 0, as statsmodels.
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  return { statistic, pValue: chi2Sf(statistic, 1), exact: false };
}
