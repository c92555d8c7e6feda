/**
 * Apache Parquet through hyparquet (+ hyparquet-compressors: Snappy, gzip, ZSTD, Brotli, LZ4).
 * Only included columns are read, one row group and one column at a time, so memory holds the
 * result columns plus one decoded column chunk.
 *
 * Kinds come from the schema: integers, floats, decimals, dates and timestamps are numeric
 * (dates and timestamps as milliseconds since 1970-01-01, with `unit: 'epoch-ms'`); strings,
 * booleans ('true'/'false'), enums, UUIDs, JSON and binary are categorical. A NaN in a float
 * column is a missing cell; an infinity is an error. Lists, maps and structs cannot be compared
 * as one feature: leave them out with options.include. For messages, `line` is the 1-based row.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetSchema, parquetScan, type AsyncBuffer, type FileMetaData, type SchemaElement, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../errors.js';
import { fileError } from './chunks.js';
import type { ColumnBuilder } from './column-builder.js';
import type { TableBuilder } from './table-builder.js';
import type { ColumnKind } from './table.js';

const parsers = {
  timestampFromMilliseconds: (ms: bigint): number => Number(ms),
  timestampFromMicroseconds: (us: bigint): number => Number(us) / 1000,
  timestampFromNanoseconds: (ns: bigint): number => Number(ns) / 1e6,
  dateFromDays: (days: number): number => days * 86400000,
};

function fileBuffer(fh: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const len = Math.max(0, stop - start);
      const ab = new ArrayBuffer(len);
      let done = 0;
      while (done < len) {
        const { bytesRead } = await fh.read(new Uint8Array(ab, done, len - done), 0, len - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return ab;
    },
  };
}

function corrupt(file: string, e: unknown): InputError {
  const msg = e instanceof Error ? e.message : String(e);
  return new InputError(
    `${file} is not a readable Parquet file (${msg.length > 160 ? `${msg.slice(0, 160)}…` : msg}); it may be truncated or corrupt: write it again.`,
    { file },
  );
}

function isTemporal(el: SchemaElement): boolean {
  const lt = el.logical_type?.type;
  const ct = el.converted_type;
  return lt === 'TIMESTAMP' || lt === 'DATE' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS' || ct === 'DATE' || (el.type === 'INT96' && !ct);
}

/** The kind a leaf column's values have, from its schema element. */
export function kindOfElement(el: SchemaElement): ColumnKind {
  const lt = el.logical_type?.type;
  const ct = el.converted_type;
  if (ct === 'DECIMAL' || lt === 'DECIMAL' || lt === 'FLOAT16') return 'numeric';
  if (lt === 'STRING' || lt === 'ENUM' || lt === 'UUID' || lt === 'JSON' || ct === 'UTF8' || ct === 'ENUM' || ct === 'JSON') return 'categorical';
  switch (el.type) {
    case 'INT32':
    case 'INT64':
    case 'INT96':
    case 'FLOAT':
    case 'DOUBLE':
      return 'numeric';
    default:
      return 'categorical';
  }
}

function isNested(node: SchemaTree): boolean {
  const el = node.element;
  return node.children.length > 0 || el.repetition_type === 'REPEATED' || el.converted_type === 'LIST' || el.converted_type === 'MAP' ||
    el.logical_type?.type === 'LIST' || el.logical_type?.type === 'MAP';
}

export async function readParquet(file: string, table: TableBuilder): Promise<void> {
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    throw fileError(file, e);
  }
  try {
    const size = (await fh.stat()).size;
    if (size === 0) throw new InputError(`${file} is empty (0 bytes); it is not a Parquet file: write it again.`, { file });
    const buffer = fileBuffer(fh, size);
    let metadata: FileMetaData;
    let schema: SchemaTree;
    try {
      metadata = await parquetMetadataAsync(buffer);
      schema = parquetSchema(metadata);
    } catch (e) {
      throw corrupt(file, e);
    }
    const rows = Number(metadata.num_rows);
    if (rows === 0) throw new InputError(`${file} has no data rows; it needs at least one row of data.`, { file });

    const nodes = schema.children.filter((c) => table.included(c.element.name));
    for (const node of nodes) {
      if (isNested(node)) {
        throw new InputError(
          `${file}: column '${node.element.name}' is a list, map or struct, which cannot be compared as one feature; ` +
          `leave it out of the columns to check, or flatten it into plain columns.`,
          { file },
        );
      }
    }
    table.beginFile(file);
    const cols: ColumnBuilder[] = nodes.map((node) => {
      const col = table.column(file, node.element.name, kindOfElement(node.element), 0, rows);
      col.reserve(rows);
      if (isTemporal(node.element) && col.kind === 'numeric' && col.length === 0) col.unit = 'epoch-ms';
      return col;
    });

    if (cols.length > 0) {
      let scan: Awaited<ReturnType<typeof parquetScan>>;
      try {
        scan = await parquetScan({ file: buffer, metadata, columns: cols.map((c) => c.name), compressors, parsers, utf8: true });
      } catch (e) {
        throw corrupt(file, e);
      }
      let covered = 0;
      for (const range of scan.ranges) {
        if (range.rowStart !== covered) throw corrupt(file, new Error(`row ${range.rowStart} follows row ${covered}`));
        for (const col of cols) {
          let data: ArrayLike<unknown>;
          try {
            data = await scan.readColumn({ column: col.name, rowStart: range.rowStart, rowEnd: range.rowEnd });
          } catch (e) {
            throw corrupt(file, e);
          }
          if (data.length !== range.rowEnd - range.rowStart) {
            throw corrupt(file, new Error(`column '${col.name}' has ${data.length} values in rows ${range.rowStart + 1}-${range.rowEnd}`));
          }
          pushValues(col, data, file, range.rowStart);
        }
        covered = range.rowEnd;
      }
      if (covered !== rows) throw corrupt(file, new Error(`the row groups hold ${covered} rows, the footer says ${rows}`));
    }
    table.endFile(file, rows, cols.map((c) => c.name));
  } finally {
    await fh.close();
  }
}

function pushValues(col: ColumnBuilder, data: ArrayLike<unknown>, file: string, rowStart: number): void {
  const n = data.length;
  if (col.kind === 'numeric' && (data instanceof Float64Array || data instanceof Float32Array || data instanceof Int32Array ||
    data instanceof Uint32Array || data instanceof Int16Array || data instanceof Uint16Array || data instanceof Int8Array || data instanceof Uint8Array)) {
    for (let i = 0; i < n; i++) {
      const v = data[i];
      if (v - v === 0) col.pushNumber(v);
      else col.pushNumeric(v, file, rowStart + i + 1, 'row');
    }
    return;
  }
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = 0; i < n; i++) col.pushNumeric(Number(data[i]), file, rowStart + i + 1, 'row');
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = data[i];
    const row = rowStart + i + 1;
    if (v === null || v === undefined) col.pushMissing();
    else if (typeof v === 'number') col.pushNumeric(v, file, row, 'row');
    else if (typeof v === 'string') col.pushString(v, file, row, 'row');
    else if (typeof v === 'bigint') col.pushNumeric(Number(v), file, row, 'row');
    else if (typeof v === 'boolean') col.pushString(v ? 'true' : 'false', file, row, 'row');
    else if (v instanceof Date) col.pushNumeric(v.getTime(), file, row, 'row');
    else if (v instanceof Uint8Array) col.pushString(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'), file, row, 'row');
    else col.pushString(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)), file, row, 'row');
  }
}
