/**
 * Drift of one production window against the reference: check-drift's own comparison
 * (compareToReference), at the window's share of the daily significance level, summarised for
 * the monitor's table and chart. An empty window is not compared: it is an alert, said here.
 */
import { compareToReference } from '../drift/check-drift.js';
import type { DriftOptions } from '../drift/options.js';
import type { Reference } from '../drift/reference.js';
import type { DriftReport } from '../drift/report.js';
import type { Table } from '../data/table.js';
import type { TimeWindow } from './production-source.js';
import type { WindowDrift } from './monitor-report.js';

export interface WindowCheck {
  summary: WindowDrift;
  /** Absent for an empty window. */
  report?: DriftReport;
}

export function checkWindow(reference: Reference, table: Table, window: TimeWindow, options: DriftOptions, now: Date): WindowCheck {
  const span = { start: window.start.toISOString(), end: window.end.toISOString() };
  if (table.rowCount === 0) {
    return {
      summary: {
        ...span,
        rows: 0,
        drifted: false,
        critical: false,
        driftShare: 0,
        maxEffectRatio: 0,
        driftedFeatures: [],
        summary: `No production rows from ${span.start} to ${span.end}.`,
      },
    };
  }
  const report = compareToReference(reference, table, options, { seenColumns: table.columns.map((c) => c.name) }, now);
  // Only significant changes: a small window's effect sizes are noisy, and a large effect the test
  // cannot tell from chance is not drift. So a bar past 1 is a drifted feature, its height how far.
  const ratios = report.features.filter((f) => f.effect && f.test && f.test.pAdjusted < options.alpha).map((f) => f.effect!.value / f.effect!.threshold);
  const v = report.verdict;
  return {
    summary: {
      ...span,
      rows: table.rowCount,
      drifted: v.drifted,
      critical: v.critical,
      driftShare: v.driftShare,
      maxEffectRatio: ratios.length > 0 ? Math.max(...ratios.filter(Number.isFinite), 0) : 0,
      driftedFeatures: v.driftedFeatures,
      summary: v.summary,
    },
    report,
  };
}

/** The per-window level: `perDay` spent evenly over a day's windows, so hourly looks raise at most `perDay` false alarms a day. */
export function levelPerWindow(perDay: number, windowMs: number): number {
  const DAY = 86_400_000;
  return Math.min(perDay, (perDay * windowMs) / DAY);
}
