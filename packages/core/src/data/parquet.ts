/**
 * Apache Parquet through hyparquet (+ hyparquet-compressors: Snappy, gzip, ZSTD, Brotli, LZ4).
 * Only included columns are read, one row group and one column chunk at a time, page by page,
 * so memory holds the result columns plus one column chunk. hyparquet's page decoders are used
 * directly (its row assembly would box every value, 3x slower and 3x the memory on flights).
 *
 * Kinds come from the schema: integers, floats, decimals, dates and timestamps are numeric
 * (dates and timestamps as milliseconds since 1970-01-01, with `unit: 'epoch-ms'`); strings,
 * booleans ('true'/'false'), enums, UUIDs, JSON and binary are categorical. A NaN in a float
 * column is a missing cell; an infinity is an error. Lists, maps and structs cannot be compared
 * as one feature: leave them out with options.include. For messages, `line` is the 1-based row.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaElement, type SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getSchemaPath } from 'hyparquet/src/schema.js';
import type { ColumnDecoder, DataPage, ParquetParsers } from 'hyparquet/src/types.js';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../errors.js';
import { fileError } from './chunks.js';
import type { ColumnBuilder } from './column-builder.js';
import type { TableBuilder } from './table-builder.js';
import type { ColumnKind } from './table.js';

/** Dates and timestamps as epoch milliseconds (numbers), not Date objects. */
const PARSERS: ParquetParsers = {
  ...DEFAULT_PARSERS,
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

    // one row group at a time, one column chunk at a time
    let groupStart = 0;
    for (const group of metadata.row_groups) {
      const groupRows = Number(group.num_rows);
      for (let c = 0; c < cols.length; c++) {
        const col = cols[c];
        const chunk = group.columns.find((x) => x.meta_data?.path_in_schema.length === 1 && x.meta_data.path_in_schema[0] === col.name);
        const meta = chunk?.meta_data;
        if (!chunk || !meta || chunk.file_path) {
          throw corrupt(file, new Error(`row group at row ${groupStart + 1} has no data for column '${col.name}'`));
        }
        const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
        const end = start + Number(meta.total_compressed_size);
        if (!(start >= 0 && end <= size && end > start)) {
          throw corrupt(file, new Error(`column '${col.name}' points at bytes ${start}-${end} of a ${size}-byte file`));
        }
        const bytes = await buffer.slice(start, end);
        const decoder: ColumnDecoder = {
          pathInSchema: [col.name],
          type: meta.type,
          element: nodes[c].element,
          schemaPath: getSchemaPath(metadata.schema, [col.name]),
          codec: meta.codec,
          parsers: PARSERS,
          compressors,
          utf8: true,
        };
        try {
          readChunk(bytes, decoder, col, file, groupStart, groupRows);
        } catch (e) {
          if (e instanceof InputError) throw e;
          throw corrupt(file, e);
        }
      }
      groupStart += groupRows;
    }
    if (groupStart !== rows) throw corrupt(file, new Error(`the row groups hold ${groupStart} rows, the footer says ${rows}`));
    table.endFile(file, rows, cols.map((c) => c.name));
  } finally {
    await fh.close();
  }
}

/**
 * Decode one flat column chunk page by page straight into the column: definition levels give
 * the nulls; dictionary pages are converted once per chunk, and each dictionary entry is turned
 * into a number or a category code the first time a cell uses it.
 */
function readChunk(bytes: ArrayBuffer, decoder: ColumnDecoder, col: ColumnBuilder, file: string, groupStart: number, groupRows: number): void {
  const reader = { view: new DataView(bytes), offset: 0 };
  const maxDef = getMaxDefinitionLevel(decoder.schemaPath);
  let dict: Entries | undefined;
  let done = 0;
  while (done < groupRows) {
    if (reader.offset >= bytes.byteLength - 1) throw new Error(`column '${col.name}' ends after ${done} of ${groupRows} rows`);
    const header = parquetHeader(reader);
    const size = header.compressed_page_size;
    if (!(size >= 0) || reader.offset + size > bytes.byteLength) throw new Error(`a page of column '${col.name}' runs past its column chunk`);
    const compressed = new Uint8Array(bytes, reader.offset, size);
    reader.offset += size;
    if (header.type === 'DICTIONARY_PAGE') {
      const diph = header.dictionary_page_header;
      if (!diph) throw new Error('dictionary page header is missing');
      const page = decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, decoder.compressors);
      const plain = readPlain({ view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }, decoder.type, diph.num_values, decoder.element.type_length);
      dict = new Entries(convert(plain, decoder) as ArrayLike<unknown>, col);
      continue;
    }
    let page: DataPage;
    let encoding: string;
    let n: number;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header;
      if (!daph) throw new Error('data page header is missing');
      const raw = decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, decoder.compressors);
      page = readDataPage(raw, daph, decoder);
      encoding = daph.encoding;
      n = daph.num_values;
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph2 = header.data_page_header_v2;
      if (!daph2) throw new Error('data page header is missing');
      page = readDataPageV2(compressed, header, decoder);
      encoding = daph2.encoding;
      n = daph2.num_values;
    } else {
      continue; // index pages
    }
    if (n > groupRows - done) throw new Error(`column '${col.name}' has more values than its row group has rows`);
    const defs: ArrayLike<number> = page.definitionLevels ?? [];
    const hasNulls = maxDef > 0 && defs.length > 0;
    const rowBase = groupStart + done + 1;
    if (encoding.endsWith('_DICTIONARY')) {
      if (!dict) throw new Error(`column '${col.name}' has a dictionary-encoded page but no dictionary`);
      const idx = page.dataPage as ArrayLike<number>;
      let k = 0;
      for (let r = 0; r < n; r++) {
        if (hasNulls && defs[r] < maxDef) col.pushMissing();
        else dict.push(idx[k++], file, rowBase + r);
      }
      if (k !== idx.length) throw new Error(`column '${col.name}' has ${idx.length} values for ${k} non-null cells`);
    } else {
      const values = convert(page.dataPage, decoder) as ArrayLike<unknown>;
      const nonNull = hasNulls ? countAtLevel(defs, n, maxDef) : n;
      if (values.length !== nonNull) throw new Error(`column '${col.name}' has ${values.length} values for ${nonNull} non-null cells`);
      if (!hasNulls) pushValues(col, values, file, rowBase - 1);
      else {
        let k = 0;
        for (let r = 0; r < n; r++) {
          if (defs[r] < maxDef) col.pushMissing();
          else pushValue(col, values[k++], file, rowBase + r);
        }
      }
    }
    done += n;
  }
}

function countAtLevel(defs: ArrayLike<number>, n: number, level: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (defs[i] === level) c++;
  return c;
}

const ENTRY_PENDING = -2;

/** A dictionary page's values, each turned into a number or a category code on first use. */
class Entries {
  private readonly nums: Float64Array;
  private readonly codes: Int32Array;

  constructor(private readonly values: ArrayLike<unknown>, private readonly col: ColumnBuilder) {
    this.nums = new Float64Array(values.length);
    this.codes = new Int32Array(values.length).fill(ENTRY_PENDING);
    if (col.kind === 'numeric') {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        this.nums[i] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.getTime() : NaN;
        // a finite number is pushed as is; anything else (null, NaN, text, infinity) takes the slow path
        if (this.nums[i] - this.nums[i] === 0) this.codes[i] = 0;
      }
    }
  }

  push(i: number, file: string, row: number): void {
    const col = this.col;
    if (!(i >= 0 && i < this.values.length)) throw new Error(`dictionary index ${i} is out of range`);
    if (col.kind === 'numeric') {
      if (this.codes[i] === 0) col.pushNumber(this.nums[i]);
      else pushValue(col, this.values[i], file, row);
      return;
    }
    let code = this.codes[i];
    if (code === ENTRY_PENDING) {
      // the first cell using this entry: let the column decide (and count) it
      const before = col.missing;
      pushValue(col, this.values[i], file, row);
      code = col.codes[col.length - 1];
      this.codes[i] = code;
      if (code === -1) col.missing = before + 1;
      return;
    }
    if (code === -1) col.pushMissing();
    else col.pushCode(code);
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
  for (let i = 0; i < n; i++) pushValue(col, data[i], file, rowStart + i + 1);
}

function pushValue(col: ColumnBuilder, v: unknown, file: string, row: number): void {
  if (v === null || v === undefined) col.pushMissing();
  else if (typeof v === 'number') col.pushNumeric(v, file, row, 'row');
  else if (typeof v === 'string') col.pushString(v, file, row, 'row');
  else if (typeof v === 'bigint') col.pushNumeric(Number(v), file, row, 'row');
  else if (typeof v === 'boolean') col.pushString(v ? 'true' : 'false', file, row, 'row');
  else if (v instanceof Date) col.pushNumeric(v.getTime(), file, row, 'row');
  else if (v instanceof Uint8Array) col.pushString(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'), file, row, 'row');
  else col.pushString(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)), file, row, 'row');
}
