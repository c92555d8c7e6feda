/**
 * Columns shared by every file of one read: the first file fixes the column names, their
 * order and (with options.kinds) their kinds; each later file must have the same included
 * columns, in any order, and appends to the same builders.
 */
import { InputError } from '../shared/errors.js';
import { ColumnBuilder } from './column-builder.js';
import type { Column, ColumnKind, ReadOptions, Table } from './table.js';

/** What a reader sees in a column's first cells: a kind, or 'time' (ISO-8601 text, CSV). */
export type InferredKind = ColumnKind | 'time';
import { asTimeColumn } from './time-columns.js';

export class TableBuilder {
  readonly columns: ColumnBuilder[] = [];
  private readonly byName = new Map<string, ColumnBuilder>();
  private readonly includeMemo = new Map<string, boolean>();
  rowCount = 0;
  readonly files: string[] = [];
  private firstFile: string | undefined;

  /**
   * `notTime`: columns a first read took for dates from their first cells that later held
   * other text; they are read as text (categories) this time.
   */
  constructor(
    private readonly options: ReadOptions = {},
    private readonly notTime: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether a reader may take column `name` for dates from its first cells. */
  mayBeTime(name: string): boolean {
    return !this.notTime.has(name) && this.options.kinds?.get(name) === undefined;
  }

  /** Whether a column is read; options.include is asked once per distinct name. */
  included(name: string): boolean {
    let v = this.includeMemo.get(name);
    if (v === undefined) {
      v = this.options.include ? this.options.include(name) : true;
      this.includeMemo.set(name, v);
    }
    return v;
  }

  /** True while the first file is being read: only it may add columns. */
  private firstFileOpen = false;

  /** The kind a column must have before looking at any cell: forced, or from an earlier file. */
  knownKind(name: string): InferredKind | undefined {
    const col = this.byName.get(name);
    if (col) return col.time ? 'time' : col.decided ? col.kind : undefined;
    return this.options.kinds?.get(name);
  }

  existing(name: string): ColumnBuilder | undefined {
    return this.byName.get(name);
  }

  beginFile(file: string): void {
    if (this.firstFile === undefined) {
      this.firstFile = file;
      this.firstFileOpen = true;
    } else {
      this.firstFileOpen = false;
    }
    this.files.push(file);
  }

  /**
   * The builder for column `name` of `file`; the first file creates it (filled with
   * `rowsSoFar` missing cells when it first appears mid-file, as in JSONL), a later file
   * must already have it. `inferred` is the kind seen in the file's first cells, if any.
   */
  column(file: string, name: string, inferredKind: InferredKind | undefined, rowsSoFar: number, capacity: number): ColumnBuilder {
    const time = inferredKind === 'time' && this.mayBeTime(name);
    const inferred: ColumnKind | undefined = inferredKind === 'time' ? (time ? 'numeric' : 'categorical') : inferredKind;
    const existing = this.byName.get(name);
    if (existing) {
      if (!existing.decided && time) existing.asTime();
      else if (!existing.decided && inferred === 'categorical') existing.toCategorical();
      else if (!existing.decided && inferred === 'numeric') existing.decided = true;
      return existing;
    }
    if (!this.firstFileOpen) {
      throw new InputError(
        `${file} has column '${name}', which ${this.firstFile} (the first file read) does not have; ` +
          `files read together must have the same columns: remove it or add it to every file.`,
        { file },
      );
    }
    const forced = this.options.kinds?.get(name);
    const kind: ColumnKind = forced ?? inferred ?? 'numeric';
    const col = new ColumnBuilder(name, kind, forced !== undefined || inferred !== undefined, file, capacity);
    col.pushMissingRun(this.rowCount + rowsSoFar);
    if (time) col.asTime();
    this.columns.push(col);
    this.byName.set(name, col);
    return col;
  }

  /** Close a file that had `rows` data rows and these (included) column names. */
  endFile(file: string, rows: number, names: Iterable<string>): void {
    const seen = new Set(names);
    for (const col of this.columns) {
      if (!seen.has(col.name)) {
        throw new InputError(
          `${file} lacks column '${col.name}', which ${this.firstFile} (the first file read) has; ` +
            `files read together must have the same columns: add it (empty cells are fine) or read the files separately.`,
          { file },
        );
      }
    }
    this.rowCount += rows;
    for (const col of this.columns) {
      if (col.length !== this.rowCount) throw new Error(`internal: column '${col.name}' has ${col.length} cells, expected ${this.rowCount}`);
    }
    this.firstFileOpen = false;
  }

  finish(): Table {
    return { rowCount: this.rowCount, columns: this.columns.map((c) => this.recogniseTime(c.finish())), files: [...this.files] };
  }

  /** ISO-8601 text becomes epoch milliseconds, unless the caller asked for the column as categories. */
  private recogniseTime(col: Column): Column {
    if (col.kind !== 'categorical' || this.options.kinds?.get(col.name) === 'categorical') return col;
    return asTimeColumn(col) ?? col;
  }
}
