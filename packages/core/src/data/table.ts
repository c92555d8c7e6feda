/**
 * A table read column by column into typed arrays: one array per column, never one object per row.
 */

/** A numeric column. NaN in `values` marks a cell that holds no number (missing or text). */
export interface NumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array;
  /** Cells that were empty or a missing-value marker (NA, NaN, null, ...). */
  missing: number;
  /** Cells holding text in a column read as numeric: a schema problem, not missing data. */
  textCells: number;
  /** The first such text cell, to point the user at it. */
  firstText?: { file: string; line: number; text: string };
  /**
   * Set when the values are instants: 'epoch-ms' = milliseconds since 1970-01-01T00:00:00
   * (a Parquet DATE or TIMESTAMP column; one without a time zone reads as if it were UTC).
   */
  unit?: 'epoch-ms';
}

/** A categorical column, dictionary-encoded. */
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  /** Per row: index into `categories`, or -1 for a missing cell. */
  codes: Int32Array;
  categories: string[];
  missing: number;
}

export type Column = NumericColumn | CategoricalColumn;
export type ColumnKind = Column['kind'];

export interface Table {
  rowCount: number;
  /** Columns in file order. */
  columns: Column[];
  /** The files read, in order. */
  files: string[];
}

export interface ReadOptions {
  /**
   * Column kinds to use instead of inferring them: the reference's schema, or columns the user
   * forces to be categorical. A numeric column read this way counts its text cells (textCells).
   */
  kinds?: ReadonlyMap<string, ColumnKind>;
  /** Which columns to keep; others are skipped without being parsed. Default: all. */
  include?: (name: string) => boolean;
  /** Field delimiter for delimited text; default: ',' for .csv, '\t' for .tsv/.tab, else sniffed. */
  delimiter?: string;
}
