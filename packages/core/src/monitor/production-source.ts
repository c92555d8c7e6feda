/**
 * Where serving logs its traffic, read one time window at a time. The monitor step only sees this
 * interface; files (globs, hour/day partitions) and PostgreSQL implement it.
 */
import type { ReadOptions, Table } from '../data/table.js';

/** The span a monitor run looks at, half-open: start <= t < end. */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/** What a source gives for one window. */
export interface ProductionBatch {
  /** The rows whose time column falls in the window; the time column is numeric, unit 'epoch-ms'. */
  table: Table;
  window: TimeWindow;
  /** Where the rows came from, credentials redacted: for messages and the summary. */
  source: string;
}

export interface ProductionReadOptions extends ReadOptions {
  signal?: AbortSignal;
}

export interface ProductionSource {
  /** Where this source reads, credentials redacted. */
  readonly description: string;
  /** The rows of one window. An empty window is an empty table, not an error: the caller alerts. */
  read(window: TimeWindow, options?: ProductionReadOptions): Promise<ProductionBatch>;
  /** Closes connections (PostgreSQL); a no-op for files. */
  close(): Promise<void>;
}

/** What the `production-data` input and its companions name. */
export interface ProductionSourceSpec {
  /** Files or globs (CSV, TSV, JSONL, Parquet, optionally under hour=/day=/date= partitions), or a postgres:// URI. */
  location: string;
  /** The column holding each row's time (epoch seconds or ms, or ISO-8601 text). */
  timeColumn: string;
  /** PostgreSQL only: a table name or a SELECT statement; the window is applied around it. */
  query?: string;
}
