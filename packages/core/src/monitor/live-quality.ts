/**
 * Live quality once labels arrive: accuracy (prediction equals label) over the labelled rows,
 * with a Wilson interval, against the accuracy the version passed its gates with. Degraded only
 * when the whole interval lies below the gated number: a dip inside the noise is not a verdict.
 */
import type { Table } from '../data/table.js';
import { formatPercent } from '../shared/format.js';
import { wilsonInterval } from '../stats/proportion-interval.js';
import type { LiveQuality } from './monitor-report.js';
import { cellText, findColumn } from './outcome-columns.js';

export interface QualityCounts {
  correct: number;
  labelled: number;
}

/** Adds one window's labelled rows to `into`. */
export function countCorrect(table: Table, prediction: string, label: string, into: QualityCounts): void {
  if (table.rowCount === 0) return;
  const p = findColumn(table, prediction, 'prediction-column');
  const l = findColumn(table, label, 'label-column');
  for (let i = 0; i < table.rowCount; i++) {
    const truth = cellText(l, i);
    if (truth === undefined) continue;
    into.labelled++;
    if (cellText(p, i) === truth) into.correct++;
  }
}

export function liveQuality(counts: QualityCounts, confidence: number, gated?: { value: number; from: string }): LiveQuality | undefined {
  if (counts.labelled === 0) return undefined;
  const live = counts.correct / counts.labelled;
  const interval = wilsonInterval(counts.correct, counts.labelled, confidence);
  const degraded = gated !== undefined && interval[1] < gated.value;
  const ci = `${Math.round(confidence * 1000) / 10}% interval ${formatPercent(interval[0])}–${formatPercent(interval[1])}`;
  const base = `Live accuracy ${formatPercent(live)} on ${counts.labelled.toLocaleString('en-US')} labelled rows (${ci})`;
  const summary =
    gated === undefined
      ? `${base}; no gated accuracy to compare with (the registry version records none).`
      : degraded
        ? `${base} lies below the gated ${formatPercent(gated.value)} (${gated.from}): the model has degraded.`
        : `${base} is consistent with the gated ${formatPercent(gated.value)} (${gated.from}).`;
  return {
    metric: 'accuracy',
    correct: counts.correct,
    labelled: counts.labelled,
    live,
    interval,
    confidence,
    ...(gated ? { gated: gated.value, gatedFrom: gated.from } : {}),
    degraded,
    summary,
  };
}
