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
  /** Rows read whose time column held no readable time: they belong to no window, and are reported. */
  rowsWithoutTime?: number;
  /** Files: how many were not opened because their hour/day partition lies outside the window. */
  filesSkipped?: number;
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
  /** The names of the inputs these came from, for messages; default production-data, time-column, production-query. */
  inputs?: { location?: string; timeColumn?: string; query?: string };
  /** PostgreSQL only: how long to wait for a connection; default 10 s. */
  connectTimeoutMs?: number;
  /** PostgreSQL only: how long one statement may run before the server cancels it; default 5 min. */
  statementTimeoutMs?: number;
}
