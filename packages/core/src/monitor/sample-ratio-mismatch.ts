/**
 * Sample-ratio mismatch: the router says champion and challenger get a 50/50 (or any) split, but
 * the traffic counted says otherwise. A comparison on such traffic is invalid (some users are
 * dropped or duplicated unevenly), whatever its p-value. Pearson's chi-square goodness of fit,
 * as scipy.stats.chisquare, at a strict level (0.001 by convention: it is checked at every look).
 */
import { chi2Sf } from '../stats/chi2.js';

export interface SampleRatioCheck {
  /** Each variant's share of traffic the router is set to, summing to 1. */
  expectedShares: number[];
  observed: number[];
  statistic: number;
  pValue: number;
  mismatch: boolean;
  /** One sentence with the numbers. */
  summary: string;
}

export function checkSampleRatio(observed: number[], expectedShares: number[], names: string[], level = 0.001): SampleRatioCheck {
  const total = observed.reduce((a, b) => a + b, 0);
  const shareSum = expectedShares.reduce((a, b) => a + b, 0);
  const expected = expectedShares.map((s) => (s / shareSum) * total);
  const statistic = observed.reduce((acc, o, i) => acc + (expected[i] > 0 ? (o - expected[i]) ** 2 / expected[i] : 0), 0);
  const pValue = total > 0 ? chi2Sf(statistic, observed.length - 1) : 1;
  const mismatch = pValue < level;
  const split = (xs: number[]) => xs.map((x) => `${((x / (total || 1)) * 100).toFixed(1)}%`).join(' / ');
  const setTo = expectedShares.map((s) => `${((s / shareSum) * 100).toFixed(1)}%`).join(' / ');
  const summary = mismatch
    ? `Sample-ratio mismatch: ${names.join(' / ')} got ${split(observed)} of ${total.toLocaleString('en-US')} requests where the router is set to ${setTo} (χ² = ${statistic.toFixed(2)}, p = ${pValue.toExponential(1)} < ${level}); the comparison is invalid until the split is fixed.`
    : `The split ${split(observed)} matches the router's ${setTo} (χ² = ${statistic.toFixed(2)}, p = ${pValue.toPrecision(2)}).`;
  return { expectedShares, observed, statistic, pValue, mismatch, summary };
}
