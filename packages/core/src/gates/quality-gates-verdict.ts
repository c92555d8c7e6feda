import type { EvaluationReport } from '../model/evaluation-report.js';
import type { GateVerdict } from './evaluate-gates.js';

/** What quality-gates writes: the gate verdict with the metrics it read and where they came from. */
export interface QualityGatesVerdict extends GateVerdict {
  /** The candidate's metrics the gates read (canonical units; null = not measured). */
  metrics: Record<string, number | null>;
  baselineMetrics?: Record<string, number | null>;
  /** Mode 1: everything measured. Mode 2: the report's path. */
  evaluation?: EvaluationReport;
  source: { model?: string; report?: string; baseline?: string };
}
