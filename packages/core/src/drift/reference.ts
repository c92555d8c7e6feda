import type { Ecdf } from '../stats/ecdf.js';

/**
 * What the drift check knows about the reference, whether it came from raw data (exact) or
 * from a saved profile (exact for counts and small-cardinality numbers, a quantile sketch
 * with a stated error bound otherwise).
 */
export interface NumericReference {
  kind: 'numeric';
  name: string;
  rows: number;
  /** Missing cells; null when the source does not say (the seed profile format). */
  missing: number | null;
  ecdf: Ecdf;
  /** Quantile-sketch size when the distribution is approximate; absent when exact. */
  sketchSize?: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Reference-quantile bins for PSI, and the reference's counts in them. */
  psiEdges: Float64Array;
  psiCounts: Float64Array;
  /** 'epoch-ms': a date/time column (Parquet DATE/TIMESTAMP, or ISO-8601 text). */
  unit?: 'epoch-ms';
}

export interface CategoricalReference {
  kind: 'categorical';
  name: string;
  rows: number;
  missing: number | null;
  counts: Map<string, number>;
  /** Rows in categories a profile folded together to stay small (absent from `counts`). */
  otherCount: number;
}

export type FeatureReference = NumericReference | CategoricalReference;

export interface Reference {
  origin: 'data' | 'profile' | 'seed-profile';
  files: string[];
  rows: number;
  features: FeatureReference[];
  /** Every column of the source, read or not (for messages); default: the features' names. */
  columns?: string[];
}
