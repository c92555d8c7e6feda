/**
 * MonitorReport (modelci/monitor-report@1): what one scheduled look at production found. Drift
 * per window (the same statistics and verdicts as check-drift), prediction drift, live quality
 * against the gated numbers, the A/B comparison, and what was decided (retrain or not) and why.
 */
import type { AbComparison } from './ab-sequential-test.js';
import type { SampleRatioCheck } from './sample-ratio-mismatch.js';
import type { DriftReport } from '../drift/report.js';

export const MONITOR_REPORT_SCHEMA = 'modelci/monitor-report@1';

/** One window's drift, in short: the full DriftReport is kept for the last window only. */
export interface WindowDrift {
  start: string;
  end: string;
  rows: number;
  drifted: boolean;
  critical: boolean;
  /** Drifted features over features tested (0 for an empty window). */
  driftShare: number;
  /** The largest effect ÷ its threshold among the features whose change is significant (0 when none is; ≥ 1 = drifted). */
  maxEffectRatio: number;
  driftedFeatures: string[];
  /** check-drift's one-sentence verdict, or why the window holds nothing. */
  summary: string;
}

export interface PredictionDrift {
  column: string;
  /** What the outputs were compared with: the reference's own prediction column, or this run's earliest windows. */
  baseline: 'reference' | 'earliest-windows';
  /** The baseline's span when it is the earliest windows. */
  baselineWindows?: { start: string; end: string; rows: number };
  drifted: boolean;
  effect?: { name: string; value: number; threshold: number };
  pAdjusted?: number;
  summary: string;
}

export interface LiveQuality {
  metric: 'accuracy';
  correct: number;
  labelled: number;
  live: number;
  /** Wilson interval at the run's confidence (1 - significance level). */
  interval: [number, number];
  confidence: number;
  /** The number the version passed its quality gates with (from the registry), if known. */
  gated?: number;
  gatedFrom?: string;
  /** The interval lies wholly below the gated number. */
  degraded: boolean;
  summary: string;
}

export interface AbResult {
  source: 'log' | 'prometheus';
  champion: string;
  challenger: string;
  comparison: AbComparison;
  sampleRatio: SampleRatioCheck;
  /** False under a sample-ratio mismatch: the comparison's numbers are shown but not acted on. */
  valid: boolean;
  /** The decision as reported: the comparison's, or 'invalid' under a mismatch. */
  decision: AbComparison['decision'] | 'invalid';
  summary: string;
}

export type RetrainAction = 'dispatched' | 'skipped' | 'none';

export interface MonitorDecision {
  drifted: boolean;
  degraded: boolean;
  /** What met the retrain policy, one sentence each; empty when nothing did. */
  reasons: string[];
  retrain: RetrainAction;
  /** Why the dispatch happened, was skipped, or was not wanted. */
  retrainWhy: string;
  runUrl?: string;
  healthIssue?: { action: string; url?: string; why?: string };
  summary: string;
}

export interface MonitorReport {
  schema: typeof MONITOR_REPORT_SCHEMA;
  createdAt: string;
  source: string;
  window: { start: string; end: string; split: 'hourly' | 'daily' | 'none' };
  reference: { origin: DriftReport['reference']['origin']; from: string; rows: number; model?: { name: string; version: number; digest: string } };
  /** The significance level per day of monitoring, and the share of it each window is tested at. */
  level: { perDay: number; perWindow: number; why: string };
  windows: WindowDrift[];
  /** check-drift's full report for the last window (absent when it held no rows). */
  lastWindow?: DriftReport;
  prediction?: PredictionDrift;
  quality?: LiveQuality;
  ab?: AbResult;
  /** Things a person must look at: no data, unreadable times, schema problems. */
  alerts: string[];
  /** What a person should know that is not a problem (the first since-last-run reads the default window). */
  notes?: string[];
  decision: MonitorDecision;
}
