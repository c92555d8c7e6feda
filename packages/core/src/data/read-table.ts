/**
 * readTable: one file, a directory or a glob -> one columnar Table.
 *
 * Several files are concatenated in sorted order. They must have the same columns (among
 * those options.include keeps), in any order; the kinds the first file settles are used for
 * the following ones, so a column parses the same way in every file.
 * Readers only return or throw: on any error nothing is returned and nothing is left open.
 */
import { InputError } from '../shared/errors.js';
import { parseDelimiterOption, readDelimited } from './csv.js';
import { formatOf, DATA_EXTENSIONS } from './formats.js';
import { readJsonl } from './jsonl.js';
import { readParquet } from './parquet.js';
import { resolveFiles } from './resolve-files.js';
import { TableBuilder } from './table-builder.js';
import { NotTimeText } from './time-columns.js';
import type { ReadOptions, Table } from './table.js';

export { MISSING_MARKERS } from './cells.js';
export { resolveFiles } from './resolve-files.js';
export { formatOf, DATA_EXTENSIONS, type Format } from './formats.js';

export async function readTable(spec: string, options: ReadOptions = {}): Promise<Table> {
  return readTableFiles(await resolveFiles(spec), options);
}

/** The given files (already resolved, e.g. pruned to a time window) -> one Table, in the order given. */
export async function readTableFiles(files: readonly string[], options: ReadOptions = {}): Promise<Table> {
  const delimiter = options.delimiter === undefined ? undefined : parseDelimiterOption(options.delimiter);
  // A CSV column whose first cells are dates is parsed as dates; should a later cell be other
  // text, the files are read again with that column as text (rare: it costs a second read).
  const notTime = new Set<string>();
  for (;;) {
    const table = new TableBuilder(options, notTime);
    try {
      for (const file of files) await readFile(file, table, delimiter);
      return table.finish();
    } catch (e) {
      if (!(e instanceof NotTimeText) || notTime.has(e.column)) throw e;
      notTime.add(e.column);
    }
  }
}

async function readFile(file: string, table: TableBuilder, delimiter: number | undefined): Promise<void> {
  const format = formatOf(file);
  switch (format) {
    case 'csv':
      return readDelimited(file, table, delimiter ?? 44, delimiter !== undefined);
    case 'tsv':
      return readDelimited(file, table, delimiter ?? 9, delimiter !== undefined);
    case 'txt':
      return readDelimited(file, table, delimiter, delimiter !== undefined);
    case 'jsonl':
      return readJsonl(file, table);
    case 'parquet':
      return readParquet(file, table);
    default:
      throw new InputError(`${file} is not a format modelci reads; use ${DATA_EXTENSIONS}.`, { file });
  }
}
