/**
 * EvaluationReport (modelci/evaluation-report@1): what quality-gates measured about a model, and
 * the flat metric map gates are written against. Teams with their own evaluation script write
 * the same `metrics` map (or a plain {"metrics": {...}}) and pass it as `report`.
 */
import type { Dimension } from '../shared/quantity.js';
import type { MetricValue, Metrics } from '../shared/metrics.js';
import type { RegressionMetrics } from './metrics/regression.js';
import type { ClassMetrics } from './metrics/classification.js';
import type { McNemarResult } from './metrics/mcnemar.js';
import type { RobustnessCheck } from './probe-robustness.js';
import type { InputBinding } from './input-mapping.js';
import type { GpuInfo } from '../gpu/probe-gpu.js';
import type { EndpointLatencyReport } from './measure-endpoint-latency.js';

export const EVALUATION_REPORT_SCHEMA = 'modelci/evaluation-report@1';

export interface Hardware {
  provider: string;
  cpu: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  node: string;
  onnxruntime: string;
  gpus: GpuInfo[];
}

export interface LatencyReport {
  runs: number;
  warmupRuns: number;
  batchSize: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Rows per second at batchSize rows per call. */
  throughput: number;
  histogram: { edges: number[]; counts: number[] };
  /** Lowest and highest p99 over blocks of consecutive runs (see latency-summary.ts). */
  p99Spread?: { low: number; high: number; blocks: number; runsPerBlock: number };
  warning?: string;
  hardware: Hardware;
}

export interface ClassificationReport {
  labels: string[];
  /** matrix[i][j]: rows of true class i predicted as j. */
  matrix: number[][];
  perClass: ClassMetrics[];
  collapsed: string[];
  accuracyInterval: { low: number; high: number; confidence: number };
}

export interface BaselineReport {
  model: string;
  metrics: Record<string, number | null>;
  /** Paired test on the same rows: does the candidate err more or less often than production? */
  mcnemar?: McNemarResult & { candidateRightBaselineWrong: number; candidateWrongBaselineRight: number; conclusion: string };
}

export interface EvaluationReport {
  schema: typeof EVALUATION_REPORT_SCHEMA;
  createdAt: string;
  task: 'classification' | 'regression';
  model: {
    path: string;
    /** The .onnx file plus its external-data files. */
    sizeBytes: number;
    externalData: Array<{ location: string; bytes: number }>;
    producer: string;
    irVersion: number;
    opsets: Record<string, number>;
    inputs: Array<Pick<InputBinding, 'input' | 'type' | 'columns' | 'source'>>;
    outputs: { prediction?: string; probabilities?: string };
  };
  data: { spec: string; files: string[]; rows: number; labelColumn: string; rowsWithMissingInputs: number };
  /** Flat, in canonical units (latency in ms, size in bytes); null = not measured. */
  metrics: Record<string, number | null>;
  classification?: ClassificationReport;
  regression?: RegressionMetrics;
  latency?: LatencyReport;
  /** latency-endpoint: measured against the model server instead of in-process; the latency.* metrics are these. */
  endpointLatency?: EndpointLatencyReport;
  robustness: RobustnessCheck[];
  baseline?: BaselineReport;
  notes: string[];
}

/** The unit a metric is measured in, from its name: latency.* in ms, size in bytes. */
export function metricDimension(name: string): Dimension {
  if (name.startsWith('latency.')) return 'time';
  if (name === 'size' || name.startsWith('size.')) return 'bytes';
  return 'ratio';
}

/** A metric key for a class label: gate names allow letters, digits and '_' after the dot. */
export function classKey(label: string): string {
  return label.replace(/[^A-Za-z0-9_]/g, '_');
}

export function toMetrics(flat: Readonly<Record<string, number | null>>): Metrics {
  const map = new Map<string, MetricValue>();
  for (const [name, value] of Object.entries(flat)) {
    map.set(name, { value: value ?? NaN, dimension: metricDimension(name) });
  }
  return map;
}

/** NaN and infinities are not JSON: they are written as null ("not measured"). */
export function jsonNumber(v: number | undefined): number | null {
  return v === undefined || !Number.isFinite(v) ? null : v;
}
