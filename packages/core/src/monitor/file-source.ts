/**
 * Production data in files: files, directories or globs (one per line) of CSV, TSV, JSONL or
 * Parquet, usually partitioned by hour or day (see partitions.ts). A window opens only the files
 * whose partition can overlap it, then keeps the rows whose time falls in it.
 */
import { fileURLToPath } from 'node:url';
import { readTableFiles, resolveFiles } from '../data/read-table.js';
import type { Table } from '../data/table.js';
import { mayOverlap } from './partitions.js';
import type { ProductionBatch, ProductionReadOptions, ProductionSource, ProductionSourceSpec, TimeWindow } from './production-source.js';
import { rowsInWindow } from './window-rows.js';

export class FileProductionSource implements ProductionSource {
  readonly description: string;
  private readonly specs: string[];

  constructor(private readonly spec: ProductionSourceSpec) {
    this.description = spec.location.trim();
    this.specs = spec.location
      .split(/\r?\n/)
      .map((s) => localPath(s.trim()))
      .filter((s) => s !== '');
    if (this.specs.length === 0) this.specs = [''];
  }

  async read(window: TimeWindow, options: ProductionReadOptions = {}): Promise<ProductionBatch> {
    options.signal?.throwIfAborted();
    const all = [...new Set((await Promise.all(this.specs.map((s) => resolveFiles(s)))).flat())].sort();
    const files = all.filter((f) => mayOverlap(f, window));
    // The time column is read whatever `include` keeps: the window needs it.
    const { include } = options;
    const readOptions = include ? { ...options, include: (n: string) => n === this.spec.timeColumn || include(n) } : options;
    // No file can hold the window: an empty table (no columns either: no file was opened).
    const read: Table = files.length === 0 ? { rowCount: 0, columns: [], files: [] } : await readTableFiles(files, readOptions);
    options.signal?.throwIfAborted();
    const timeInput = this.spec.inputs?.timeColumn ?? 'time-column';
    const where = files.length === 1 ? files[0] : `the ${files.length} files of ${this.specs.join(', ')}`;
    const { table, rowsWithoutTime } = rowsInWindow(read, this.spec.timeColumn, window, timeInput, where);
    return { table, window, source: this.description, rowsWithoutTime, filesSkipped: all.length - files.length };
  }

  async close(): Promise<void> {}
}

/** `file:///abs/path` and `file://./relative` name local paths, as the registry's file:// does. */
function localPath(spec: string): string {
  if (!/^file:\/\//i.test(spec)) return spec;
  return /^file:\/\/\//i.test(spec) ? fileURLToPath(spec) : spec.slice('file://'.length);
}
