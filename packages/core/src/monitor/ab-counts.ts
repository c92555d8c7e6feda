/**
 * Champion against challenger from the serving log: per variant, rows and successes, then the
 * anytime-valid comparison (compareArms) and the sample-ratio check (checkSampleRatio). Under a
 * mismatch the comparison is invalid whatever it says, and the result says so.
 */
import type { Table } from '../data/table.js';
import { logText } from '../shared/log-text.js';
import { compareArms, type AbOptions, type ArmCounts } from './ab-sequential-test.js';
import type { AbResult } from './monitor-report.js';
import { cellText, findColumn, successFlag } from './outcome-columns.js';
import { checkSampleRatio } from './sample-ratio-mismatch.js';

export interface AbTally {
  champion: ArmCounts;
  challenger: ArmCounts;
  /** Rows of variants that are neither (reported, not counted). */
  other: number;
}

export function newTally(champion: string, challenger: string): AbTally {
  return { champion: { name: champion, successes: 0, total: 0 }, challenger: { name: challenger, successes: 0, total: 0 }, other: 0 };
}

/** Adds one window's rows to the tally. */
export function tallyArms(table: Table, variantColumn: string, successColumn: string, tally: AbTally): void {
  if (table.rowCount === 0) return;
  const v = findColumn(table, variantColumn, 'ab-variant-column');
  const s = findColumn(table, successColumn, 'ab-success-column');
  for (let i = 0; i < table.rowCount; i++) {
    const name = cellText(v, i);
    const arm = name === tally.champion.name ? tally.champion : name === tally.challenger.name ? tally.challenger : undefined;
    if (!arm) {
      tally.other++;
      continue;
    }
    const ok = successFlag(s, i, 'ab-success-column');
    if (ok === undefined) continue;
    arm.total++;
    arm.successes += ok;
  }
}

/** `challengerShare`: the share of traffic the router sends to the challenger. */
export function abResult(tally: AbTally, challengerShare: number, options: AbOptions, source: AbResult['source']): AbResult {
  const { champion, challenger } = tally;
  const comparison = compareArms(champion, challenger, options);
  const sampleRatio = checkSampleRatio([champion.total, challenger.total], [1 - challengerShare, challengerShare], [champion.name, challenger.name]);
  const valid = !sampleRatio.mismatch;
  const others = tally.other > 0 ? ` (${tally.other.toLocaleString('en-US')} rows of other variants not counted)` : '';
  return {
    source,
    champion: champion.name,
    challenger: challenger.name,
    comparison,
    sampleRatio,
    valid,
    decision: valid ? comparison.decision : 'invalid',
    summary: valid ? `${logText(comparison.summary)}${others}` : `${logText(sampleRatio.summary)} Not acted on: ${logText(comparison.summary)}${others}`,
  };
}
