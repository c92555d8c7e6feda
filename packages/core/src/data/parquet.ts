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
import { alpDecode } from 'hyparquet/src/alp.js';
import { decompressPage } from 'hyparquet/src/datapage.js';
import { deltaBinaryUnpack, deltaByteArray, deltaLengthByteArray } from 'hyparquet/src/delta.js';
import { byteStreamSplit } from 'hyparquet/src/encoding.js';
import { readVarInt } from 'hyparquet/src/thrift.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getSchemaPath } from 'hyparquet/src/schema.js';
import type { ColumnDecoder, DecodedArray, ParquetParsers } from 'hyparquet/src/types.js';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../shared/errors.js';
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
  return (
    node.children.length > 0 ||
    el.repetition_type === 'REPEATED' ||
    el.converted_type === 'LIST' ||
    el.converted_type === 'MAP' ||
    el.logical_type?.type === 'LIST' ||
    el.logical_type?.type === 'MAP'
  );
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
    const groupTotal = metadata.row_groups.reduce((sum, g) => sum + Number(g.num_rows), 0);
    if (!Number.isSafeInteger(rows) || rows < 0 || groupTotal !== rows) {
      throw corrupt(file, new Error(`the footer says ${rows} rows but its row groups hold ${groupTotal}`));
    }
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
    // The footer's row count is the file's claim: room for at most one row per byte of file up
    // front (columns grow as pages really deliver rows), so a lying footer allocates nothing.
    const room = Math.min(rows, size);
    const cols: ColumnBuilder[] = nodes.map((node) => {
      const col = table.column(file, node.element.name, kindOfElement(node.element), 0, room);
      col.reserve(room);
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
    table.endFile(
      file,
      rows,
      cols.map((c) => c.name),
    );
  } finally {
    await fh.close();
  }
}

/** The largest page we decompress: a header claiming more is corrupt (real pages are ~1 MB). */
const MAX_PAGE_BYTES = 512 << 20;

/**
 * Decode one flat column chunk page by page straight into the column: definition levels give
 * the nulls; dictionary pages are converted once per chunk, and each dictionary entry is turned
 * into a number or a category code the first time a cell uses it.
 * Levels and dictionary indices are decoded here with every count checked against the page,
 * so a corrupt file ends in an error, never in a loop that runs for billions of steps.
 */
function readChunk(bytes: ArrayBuffer, decoder: ColumnDecoder, col: ColumnBuilder, file: string, groupStart: number, groupRows: number): void {
  const reader = { view: new DataView(bytes), offset: 0 };
  const maxDef = getMaxDefinitionLevel(decoder.schemaPath);
  if (maxDef > 1) throw new Error(`column '${col.name}' is nested`);
  let dict: Entries | undefined;
  let done = 0;
  while (done < groupRows) {
    if (reader.offset >= bytes.byteLength - 1) throw new Error(`column '${col.name}' ends after ${done} of ${groupRows} rows`);
    const header = parquetHeader(reader);
    const size = header.compressed_page_size;
    const full = Number(header.uncompressed_page_size);
    if (!(size >= 0) || reader.offset + size > bytes.byteLength) throw new Error(`a page of column '${col.name}' runs past its column chunk`);
    if (!(full >= 0 && full <= MAX_PAGE_BYTES)) throw new Error(`a page of column '${col.name}' claims ${full} bytes`);
    const compressed = new Uint8Array(bytes, reader.offset, size);
    reader.offset += size;
    if (header.type === 'DICTIONARY_PAGE') {
      const diph = header.dictionary_page_header;
      if (!diph || !(diph.num_values >= 0 && diph.num_values <= full)) throw new Error('bad dictionary page header');
      const page = decompressPage(compressed, full, decoder.codec, decoder.compressors);
      const plain = readPlain(
        { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 },
        decoder.type,
        diph.num_values,
        decoder.element.type_length,
      );
      dict = new Entries(convert(plain, decoder) as ArrayLike<unknown>, col);
      continue;
    }
    let n: number;
    let encoding: string;
    let defs: Uint8Array | undefined;
    let values: DataView;
    let offset: number;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header;
      if (!daph) throw new Error('data page header is missing');
      n = daph.num_values;
      checkCount(n, groupRows - done, col.name);
      const raw = decompressPage(compressed, full, decoder.codec, decoder.compressors);
      values = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      offset = 0;
      if (maxDef > 0) {
        if (raw.byteLength < 4) throw new Error('page too short for its definition levels');
        const len = values.getUint32(0, true);
        if (4 + len > raw.byteLength) throw new Error('definition levels run past their page');
        defs = new Uint8Array(n);
        decodeHybrid(raw, 4, 4 + len, 1, defs, n);
        offset = 4 + len;
      }
      encoding = daph.encoding;
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph2 = header.data_page_header_v2;
      if (!daph2) throw new Error('data page header is missing');
      n = daph2.num_values;
      checkCount(n, groupRows - done, col.name);
      const repLen = daph2.repetition_levels_byte_length ?? 0;
      const defLen = daph2.definition_levels_byte_length ?? 0;
      if (!(repLen >= 0 && defLen >= 0 && repLen + defLen <= size)) throw new Error('levels run past their page');
      if (maxDef > 0) {
        defs = new Uint8Array(n);
        decodeHybrid(compressed, repLen, repLen + defLen, 1, defs, n);
      }
      let page: Uint8Array = compressed.subarray(repLen + defLen);
      const valuesSize = full - repLen - defLen;
      if (daph2.is_compressed !== false && valuesSize > 0) page = decompressPage(page, valuesSize, decoder.codec, decoder.compressors);
      values = new DataView(page.buffer, page.byteOffset, page.byteLength);
      offset = 0;
      encoding = daph2.encoding;
    } else {
      continue; // index pages
    }
    const nonNull = defs ? countOnes(defs, n) : n;
    const rowBase = groupStart + done + 1;
    if (encoding.endsWith('_DICTIONARY')) {
      if (!dict) throw new Error(`column '${col.name}' has a dictionary-encoded page but no dictionary`);
      const idx = new Int32Array(nonNull);
      const bytesOfPage = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
      if (nonNull > 0) {
        if (offset >= values.byteLength) throw new Error('dictionary indices are missing');
        const width = bytesOfPage[offset];
        if (width > 32) throw new Error(`dictionary index width ${width}`);
        if (width > 0) decodeHybrid(bytesOfPage, offset + 1, values.byteLength, width, idx, nonNull);
      }
      let k = 0;
      for (let r = 0; r < n; r++) {
        if (defs && defs[r] === 0) col.pushMissing();
        else dict.push(idx[k++], file, rowBase + r);
      }
    } else {
      const plain = decodeValues({ view: values, offset }, encoding, nonNull, decoder);
      const converted = convert(plain, decoder) as ArrayLike<unknown>;
      if (converted.length !== nonNull) throw new Error(`column '${col.name}' has ${converted.length} values for ${nonNull} non-null cells`);
      if (!defs) pushValues(col, converted, file, rowBase - 1);
      else {
        let k = 0;
        for (let r = 0; r < n; r++) {
          if (defs[r] === 0) col.pushMissing();
          else pushValue(col, converted[k++], file, rowBase + r);
        }
      }
    }
    done += n;
  }
}

function checkCount(n: number, left: number, name: string): void {
  if (!(Number.isSafeInteger(n) && n >= 0 && n <= left)) throw new Error(`a page of column '${name}' claims ${n} values where ${left} rows are left`);
}

function countOnes(defs: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) c += defs[i];
  return c;
}

/** Non-dictionary values of a data page, through hyparquet's decoders (each bounded by `count`). */
function decodeValues(reader: { view: DataView; offset: number }, encoding: string, count: number, decoder: ColumnDecoder): DecodedArray {
  const { type } = decoder;
  switch (encoding) {
    case 'PLAIN':
      return readPlain(reader, type, count, decoder.element.type_length);
    case 'RLE': {
      // booleans: a 4-byte length, then the hybrid encoding at bit width 1
      const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset, reader.view.byteLength);
      if (reader.offset + 4 > bytes.length) throw new Error('boolean values are missing');
      const len = reader.view.getUint32(reader.offset, true);
      const out = new Uint8Array(count);
      decodeHybrid(bytes, reader.offset + 4, Math.min(bytes.length, reader.offset + 4 + len), 1, out, count);
      return Array.from(out, (x) => x === 1);
    }
    case 'BYTE_STREAM_SPLIT':
      return byteStreamSplit(reader, count, type, decoder.element.type_length);
    case 'ALP':
      return alpDecode(reader, count, type);
    case 'DELTA_BINARY_PACKED': {
      checkDeltaHeader(reader);
      const out = type === 'INT32' ? new Int32Array(count) : new BigInt64Array(count);
      deltaBinaryUnpack(reader, count, out);
      return out;
    }
    case 'DELTA_LENGTH_BYTE_ARRAY': {
      checkDeltaHeader(reader);
      const out = new Array<Uint8Array>(count);
      deltaLengthByteArray(reader, count, out);
      return out;
    }
    case 'DELTA_BYTE_ARRAY': {
      checkDeltaHeader(reader);
      const out = new Array<Uint8Array>(count);
      deltaByteArray(reader, count, out);
      return out;
    }
    default:
      throw new Error(`unsupported encoding ${encoding}`);
  }
}

/** A delta-binary-packed header must have sane block sizes (else the decoder may not advance). */
function checkDeltaHeader(reader: { view: DataView; offset: number }): void {
  const r = { view: reader.view, offset: reader.offset };
  const blockSize = readVarInt(r);
  const miniblocks = readVarInt(r);
  if (!(blockSize > 0 && blockSize <= 1 << 20 && blockSize % 128 === 0 && miniblocks > 0 && (blockSize / miniblocks) % 32 === 0)) {
    throw new Error(`bad delta encoding header (block ${blockSize}, miniblocks ${miniblocks})`);
  }
}

/**
 * Parquet's RLE / bit-packing hybrid, bytes [p, end) -> out[0, n), values of `width` bits.
 * Runs longer than what is left are cut to it; reading past `end` is an error.
 */
function decodeHybrid(b: Uint8Array, p: number, end: number, width: number, out: Uint8Array | Int32Array, n: number): void {
  let seen = 0;
  const mask = width === 32 ? -1 : (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  while (seen < n) {
    // header: a ULEB128 varint of at most 5 bytes
    let header = 0;
    let shift = 0;
    for (;;) {
      if (p >= end) throw new Error('encoded levels or indices end early');
      const byte = b[p++];
      header += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) break;
      shift += 7;
      if (shift > 28) throw new Error('bad run header');
    }
    if (header % 2 === 1) {
      // bit-packed: groups of 8 values
      const count = Math.floor(header / 2) * 8;
      const take = Math.min(count, n - seen);
      const bytes = Math.floor(header / 2) * width;
      if (p + Math.ceil((take * width) / 8) > end) throw new Error('bit-packed run past its end');
      let bit = p * 8;
      for (let i = 0; i < take; i++) {
        const byte = bit >>> 3;
        const sh = bit & 7;
        let v = (b[byte] | (b[byte + 1] << 8) | (b[byte + 2] << 16) | (b[byte + 3] << 24)) >>> sh;
        if (sh + width > 32) v |= b[byte + 4] << (32 - sh);
        out[seen++] = v & mask;
        bit += width;
      }
      p += bytes;
    } else {
      const count = header / 2;
      if (p + valueBytes > end) throw new Error('run value past its end');
      let v = 0;
      for (let i = 0; i < valueBytes; i++) v |= b[p + i] << (8 * i);
      p += valueBytes;
      v &= mask;
      const take = Math.min(count, n - seen);
      out.fill(v, seen, seen + take);
      seen += take;
    }
  }
}

const ENTRY_PENDING = -2;

/** A dictionary page's values, each turned into a number or a category code on first use. */
class Entries {
  private readonly nums: Float64Array;
  private readonly codes: Int32Array;

  constructor(
    private readonly values: ArrayLike<unknown>,
    private readonly col: ColumnBuilder,
  ) {
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
    const code = this.codes[i];
    if (code === ENTRY_PENDING) {
      // the first cell using this entry: the column decides (and counts) it, so categories
      // come in order of first use and entries no cell uses add none
      pushValue(col, this.values[i], file, row);
      this.codes[i] = col.codes[col.length - 1];
      return;
    }
    if (code === -1) col.pushMissing();
    else col.pushCode(code);
  }
}

function pushValues(col: ColumnBuilder, data: ArrayLike<unknown>, file: string, rowStart: number): void {
  const n = data.length;
  if (
    col.kind === 'numeric' &&
    (data instanceof Float64Array ||
      data instanceof Float32Array ||
      data instanceof Int32Array ||
      data instanceof Uint32Array ||
      data instanceof Int16Array ||
      data instanceof Uint16Array ||
      data instanceof Int8Array ||
      data instanceof Uint8Array)
  ) {
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
  else
    col.pushString(
      JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)),
      file,
      row,
      'row',
    );
}
