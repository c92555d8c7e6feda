/**
 * Production data in files: one file, a directory or a glob of CSV, TSV, JSONL or Parquet, usually
 * partitioned by hour or day (see partitions.ts). A window opens only the files whose partition can
 * overlap it, then keeps the rows whose time falls in it.
 */
import { readTableFiles, resolveFiles } from '../data/read-table.js';
import type { Table } from '../data/table.js';
import { mayOverlap } from './partitions.js';
import type { ProductionBatch, ProductionReadOptions, ProductionSource, ProductionSourceSpec, TimeWindow } from './production-source.js';
import { rowsInWindow } from './window-rows.js';

export class FileProductionSource implements ProductionSource {
  readonly description: string;

  constructor(private readonly spec: ProductionSourceSpec) {
    this.description = spec.location;
  }

  async read(window: TimeWindow, options: ProductionReadOptions = {}): Promise<ProductionBatch> {
    options.signal?.throwIfAborted();
    const all = await resolveFiles(this.spec.location);
    const files = all.filter((f) => mayOverlap(f, window));
    // No file can hold the window: an empty table (no columns either: no file was opened).
    const read: Table = files.length === 0 ? { rowCount: 0, columns: [], files: [] } : await readTableFiles(files, options);
    options.signal?.throwIfAborted();
    const timeInput = this.spec.inputs?.timeColumn ?? 'time-column';
    const where = files.length === 1 ? files[0] : `the ${files.length} files of ${this.spec.location}`;
    const { table, rowsWithoutTime } = rowsInWindow(read, this.spec.timeColumn, window, timeInput, where);
    return { table, window, source: this.description, rowsWithoutTime, filesSkipped: all.length - files.length };
  }

  async close(): Promise<void> {}
}
