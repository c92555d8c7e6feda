/** The metric vocabulary every layer shares: a measured value in its dimension's canonical unit. */
import type { Dimension } from './quantity.js';

export interface MetricValue {
  /** Canonical unit of its dimension: milliseconds, bytes, or a plain number. NaN = not measured. */
  value: number;
  dimension?: Dimension;
}

export type Metrics = ReadonlyMap<string, MetricValue>;
