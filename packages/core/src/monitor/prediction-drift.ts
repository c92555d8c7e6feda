/**
 * Prediction drift: the model's outputs in the last window against the reference's own
 * prediction column when the profile has one, or else against this run's earliest window
 * (the outputs before anything changed). Either way check-drift's comparison decides.
 */
import { compareToReference } from '../drift/check-drift.js';
import type { DriftOptions } from '../drift/options.js';
import type { Reference } from '../drift/reference.js';
import { referenceFromTable } from '../drift/reference-from-table.js';
import type { Table } from '../data/table.js';
import type { PredictionDrift } from './monitor-report.js';

export interface PredictionWindow {
  start: Date;
  end: Date;
  table: Table;
}

/** `windows` are the run's non-empty windows, oldest first; undefined when there is nothing to compare. */
export function checkPredictionDrift(
  column: string,
  reference: Reference,
  windows: PredictionWindow[],
  options: DriftOptions,
  now: Date,
): PredictionDrift | undefined {
  const last = windows.at(-1);
  if (!last) return undefined;
  const inReference = reference.features.some((f) => f.name === column);
  const only: DriftOptions = { ...options, include: [column], ignore: [] };
  if (inReference) return summarise(column, 'reference', compareToReference(reference, last.table, only, {}, now), undefined);
  if (windows.length < 2) {
    return {
      column,
      baseline: 'earliest-windows',
      drifted: false,
      summary: `Prediction drift not checked: the reference has no '${column}' column and this run has only one window with rows to compare with itself.`,
    };
  }
  const first = windows[0];
  const baseline = { ...referenceFromTable(first.table), columns: undefined };
  const span = { start: first.start.toISOString(), end: first.end.toISOString(), rows: first.table.rowCount };
  return summarise(column, 'earliest-windows', compareToReference(baseline, last.table, only, {}, now), span);
}

function summarise(
  column: string,
  baseline: PredictionDrift['baseline'],
  report: ReturnType<typeof compareToReference>,
  span: PredictionDrift['baselineWindows'],
): PredictionDrift {
  const f = report.features.find((x) => x.name === column);
  const against =
    baseline === 'reference'
      ? "the reference's predictions"
      : `the earliest window (${span!.start} to ${span!.end}, ${span!.rows} rows; the reference has no '${column}')`;
  return {
    column,
    baseline,
    ...(span ? { baselineWindows: span } : {}),
    drifted: f?.status === 'drift',
    ...(f?.effect ? { effect: { name: f.effect.name, value: f.effect.value, threshold: f.effect.threshold } } : {}),
    ...(f?.test ? { pAdjusted: f.test.pAdjusted } : {}),
    summary: `Predictions against ${against}: ${f ? f.reason : 'not compared.'}`,
  };
}
