/**
 * Reads what modelci needs from an ONNX file (protobuf wire format, decoded by hand) without
 * touching tensor payloads: names, types, shapes, metadata and external-data files. Models reach
 * 2 GB, so the file is read through a handle in small windows and payloads are skipped by offset.
 * A file that is not ONNX, or is cut short, gets one clear sentence here, before onnxruntime's.
 *
 * Field numbers are onnx.proto's (checked against onnx-proto's generated encoder).
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError, type ErrorLocation } from '../shared/errors.js';

export interface OnnxValueInfo {
  name: string;
  kind: 'tensor' | 'sequence' | 'map' | 'other';
  /** onnxruntime's spelling (Tensor.Type): 'float32', 'int64', 'string', ...; tensors only. */
  elemType?: string;
  /** A number when fixed, the symbol ('batch') when symbolic, '?' when neither; absent when the rank is unknown. */
  shape?: Array<number | string>;
}

export interface OnnxExternalFile {
  /** As written in the model, relative to its folder. */
  location: string;
  /** Absolute. */
  path: string;
  /** The file's size. */
  bytes: number;
}

export interface OnnxModelInfo {
  path: string;
  irVersion: number;
  /** producer_name and producer_version, e.g. 'pytorch 2.3.0'. */
  producer: string;
  /** Opset version by domain; '' is ai.onnx. */
  opsets: Record<string, number>;
  /** Graph inputs that are not initializers: what a caller must feed. */
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** metadata_props (exporters store e.g. classes and feature_names there, often as JSON). */
  metadata: Record<string, string>;
  /** The files the initializers' external data lives in, each once, all checked to exist and be long enough. */
  externalData: OnnxExternalFile[];
  fileBytes: number;
  /** The model file plus its external-data files. */
  totalBytes: number;
}

type Where = Required<Pick<ErrorLocation, 'file' | 'input'>>;

// Enough for every header between two tensor payloads in one read.
const WINDOW_BYTES = 64 * 1024;
// A name or metadata value longer than this is a mis-parse of random bytes, not a model.
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
const MAX_FIELD_NUMBER = 2 ** 29 - 1;

const WIRE_VARINT = 0;
const WIRE_LEN = 2;
// Payload sizes of the fixed-width wire types; 3 and 4 (groups) and 6, 7 do not occur in ONNX.
const FIXED_BYTES: Record<number, number> = { 1: 8, 5: 4 };

// TensorProto.DataType -> onnxruntime's names (onnxruntime-common Tensor.Type where it has one).
const ELEM_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  21: 'uint4',
  22: 'int4',
  23: 'float4e2m1',
};

// Bytes per element, to size external data that gives no length (onnxruntime does the same).
const ELEM_BYTES: Record<number, number> = {
  1: 4,
  2: 1,
  3: 1,
  4: 2,
  5: 2,
  6: 4,
  7: 8,
  9: 1,
  10: 2,
  11: 8,
  12: 4,
  13: 8,
  14: 8,
  15: 16,
  16: 2,
  17: 1,
  18: 1,
  19: 1,
  20: 1,
  21: 0.5,
  22: 0.5,
  23: 0.5,
};

const TENSOR_DATA_LOCATION_EXTERNAL = 1;

// ---------------------------------------------------------------------------------------------
// Why bytes are not a readable model; phrased once the file's name and size are known.

abstract class BadBytes extends Error {
  abstract sentence(file: string, size: number): string;
}

/** Bytes that protobuf (as ONNX uses it) cannot parse. */
class NotProtobuf extends BadBytes {
  constructor(
    readonly at: number,
    readonly what: string,
  ) {
    super(what);
  }
  sentence(file: string): string {
    return `${file} is not an ONNX model: byte ${this.at} holds ${this.what}, which is not valid ONNX protobuf; export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file.`;
  }
}

/** A field that needs bytes past the end of the file. */
class CutShort extends BadBytes {
  constructor(
    readonly at: number,
    readonly end?: number,
  ) {
    super(`cut short at ${at}`);
  }
  sentence(file: string, size: number): string {
    const needs = this.end === undefined ? '' : ` needs bytes up to ${this.end}`;
    return `${file} is cut short: a field runs past the end of the file (the field at byte ${this.at}${needs}, but the file ends at byte ${size}); the file is probably truncated: download or export it again.`;
  }
}

/** Parsed as protobuf, but without what every ONNX model has. */
class MissingPart extends BadBytes {
  constructor(readonly part: string) {
    super(`no ${part}`);
  }
  sentence(file: string): string {
    return `${file} is not an ONNX model (or is cut short): it has no ${this.part}; export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading: one reusable window over the file, refilled by positional reads.

class FileWindow {
  private readonly buf = Buffer.allocUnsafe(WINDOW_BYTES);
  private start = 0;
  private filled = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  /** Whether byte() can read [offset, offset + length) without a read. */
  holds(offset: number, length: number): boolean {
    return offset >= this.start && offset + length <= this.start + this.filled;
  }

  /** Moves the window to start at `offset`: byte() then reads up to WINDOW_BYTES from there. */
  async load(offset: number): Promise<void> {
    const n = Math.min(WINDOW_BYTES, this.size - offset);
    await readFully(this.handle, this.buf, n, offset);
    this.start = offset;
    this.filled = n;
  }

  byte(offset: number): number {
    return this.buf[offset - this.start];
  }

  async text(offset: number, length: number): Promise<string> {
    if (length <= WINDOW_BYTES) {
      if (!this.holds(offset, length)) await this.load(offset);
      return this.buf.toString('utf8', offset - this.start, offset - this.start + length);
    }
    const own = Buffer.allocUnsafe(length);
    await readFully(this.handle, own, length, offset);
    return own.toString('utf8');
  }

  async head(length: number): Promise<Buffer> {
    const n = Math.min(length, this.size);
    await this.load(0);
    return Buffer.from(this.buf.subarray(0, n));
  }
}

async function readFully(handle: FileHandle, buf: Buffer, length: number, position: number): Promise<void> {
  for (let done = 0; done < length;) {
    const { bytesRead } = await handle.read(buf, done, length - done, position + done);
    // Only when the file shrank after we took its size.
    if (bytesRead === 0) throw new CutShort(position + done);
    done += bytesRead;
  }
}

// A tag and a length (or value) are two varints of at most 10 bytes each.
const MAX_VARINT_BYTES = 10;
const MAX_FIELD_HEAD_BYTES = 2 * MAX_VARINT_BYTES;

/**
 * Makes the next `length` bytes of a message ending at `limit` readable by byte(). Reads only
 * when the window lacks them, so walking many small fields (a graph's nodes) stays synchronous.
 */
async function reach(w: FileWindow, offset: number, length: number, limit: number): Promise<void> {
  if (!w.holds(offset, Math.min(length, limit - offset))) await w.load(offset);
}

/** A varint starting at `offset` inside a message ending at `limit` (in the window): its value and the next offset. */
function readVarint(w: FileWindow, offset: number, limit: number): [number, number] {
  let value = 0;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    if (offset + i >= limit) {
      throw offset + i >= w.size ? new CutShort(offset) : new NotProtobuf(offset, 'a number running past the end of its message');
    }
    const b = w.byte(offset + i);
    value += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) return [i >= 7 ? varintAsInt64(w, offset, i + 1) : value, offset + i + 1];
  }
  throw new NotProtobuf(offset, 'a number longer than 10 bytes');
}

// Past 2^53 a double loses bits; negative int64s (10 bytes) need two's complement.
function varintAsInt64(w: FileWindow, offset: number, count: number): number {
  let v = 0n;
  for (let i = count - 1; i >= 0; i--) v = (v << 7n) | BigInt(w.byte(offset + i) & 0x7f);
  return Number(BigInt.asIntN(64, v));
}

interface Field {
  number: number;
  wire: number;
  /** The value of a varint field; the payload length otherwise. */
  value: number;
  /** Where the field's tag is. */
  at: number;
  /** Where its payload starts and ends. */
  start: number;
  end: number;
}

/** The field whose tag is at `at`, its head already in the window. */
function readField(w: FileWindow, at: number, limit: number): Field {
  const [key, afterKey] = readVarint(w, at, limit);
  const number = Math.floor(key / 8);
  const wire = key % 8;
  if (number < 1 || number > MAX_FIELD_NUMBER) throw new NotProtobuf(at, `a field numbered ${number}`);
  if (wire === WIRE_VARINT) {
    const [value, end] = readVarint(w, afterKey, limit);
    return { number, wire, value, at, start: afterKey, end };
  }
  let start = afterKey;
  let length = FIXED_BYTES[wire];
  if (wire === WIRE_LEN) [length, start] = readVarint(w, afterKey, limit);
  if (length === undefined) throw new NotProtobuf(at, `a field of wire type ${wire}${wire === 3 || wire === 4 ? ' (a group)' : ''}`);
  const end = start + length;
  if (end > w.size) throw new CutShort(at, end);
  if (end > limit) throw new NotProtobuf(at, `a field running to byte ${end}, past the end of its message at byte ${limit}`);
  return { number, wire, value: length, at, start, end };
}

/**
 * The fields of the message spanning [start, end), only those numbered in `wanted` when given;
 * payloads are not read. Unwanted fields are skipped without a yield, which is what keeps a
 * graph of 100,000 nodes cheap.
 */
async function* fields(w: FileWindow, start: number, end: number, wanted?: readonly number[]): AsyncGenerator<Field> {
  for (let at = start; at < end;) {
    await reach(w, at, MAX_FIELD_HEAD_BYTES, end);
    const field = readField(w, at, end);
    at = field.end;
    if (!wanted || wanted.includes(field.number)) yield field;
  }
}

// Protobuf parsers treat a known field with an unexpected wire type as unknown: so do we.
const isVarint = (f: Field, number: number) => f.number === number && f.wire === WIRE_VARINT;
const isLen = (f: Field, number: number) => f.number === number && f.wire === WIRE_LEN;

async function readText(w: FileWindow, f: Field): Promise<string> {
  if (f.value > MAX_TEXT_BYTES) throw new NotProtobuf(f.at, `a ${f.value}-byte name or text value`);
  return w.text(f.start, f.value);
}

/** A repeated int64 field, packed (one length-delimited run) or not (one varint each). */
async function readInt64s(w: FileWindow, f: Field, into: number[]): Promise<void> {
  if (f.wire === WIRE_VARINT) {
    into.push(f.value);
    return;
  }
  for (let at = f.start; at < f.end;) {
    await reach(w, at, MAX_VARINT_BYTES, f.end);
    const [value, next] = readVarint(w, at, f.end);
    into.push(value);
    at = next;
  }
}

// ---------------------------------------------------------------------------------------------
// ONNX messages.

/** StringStringEntryProto { key = 1, value = 2 }. */
async function readEntry(w: FileWindow, f: Field): Promise<[string, string]> {
  let key = '';
  let value = '';
  for await (const g of fields(w, f.start, f.end)) {
    if (isLen(g, 1)) key = await readText(w, g);
    else if (isLen(g, 2)) value = await readText(w, g);
  }
  return [key, value];
}

/** OperatorSetIdProto { domain = 1, version = 2 }. */
async function readOpset(w: FileWindow, f: Field): Promise<[string, number]> {
  let domain = '';
  let version = 0;
  for await (const g of fields(w, f.start, f.end)) {
    if (isLen(g, 1)) domain = await readText(w, g);
    else if (isVarint(g, 2)) version = g.value;
  }
  return [domain, version];
}

/** ValueInfoProto { name = 1, type = 2 }. */
async function readValueInfo(w: FileWindow, f: Field): Promise<OnnxValueInfo> {
  const info: OnnxValueInfo = { name: '', kind: 'other' };
  for await (const g of fields(w, f.start, f.end)) {
    if (isLen(g, 1)) info.name = await readText(w, g);
    else if (isLen(g, 2)) await readType(w, g, info);
  }
  return info;
}

/** TypeProto { tensor_type = 1, sequence_type = 4, map_type = 5 }; sparse and optional types are 'other'. */
async function readType(w: FileWindow, f: Field, info: OnnxValueInfo): Promise<void> {
  for await (const g of fields(w, f.start, f.end)) {
    if (isLen(g, 1)) {
      info.kind = 'tensor';
      await readTensorType(w, g, info);
    } else if (isLen(g, 4)) info.kind = 'sequence';
    else if (isLen(g, 5)) info.kind = 'map';
  }
}

/** TypeProto.Tensor { elem_type = 1, shape = 2 }. */
async function readTensorType(w: FileWindow, f: Field, info: OnnxValueInfo): Promise<void> {
  for await (const g of fields(w, f.start, f.end)) {
    if (isVarint(g, 1)) info.elemType = ELEM_TYPES[g.value] ?? `unknown(${g.value})`;
    else if (isLen(g, 2)) info.shape = await readShape(w, g);
  }
}

/** TensorShapeProto { dim = 1 { dim_value = 1, dim_param = 2 } }. */
async function readShape(w: FileWindow, f: Field): Promise<Array<number | string>> {
  const dims: Array<number | string> = [];
  for await (const d of fields(w, f.start, f.end)) {
    if (!isLen(d, 1)) continue;
    let dim: number | string = '?';
    for await (const g of fields(w, d.start, d.end)) {
      if (isVarint(g, 1)) dim = g.value;
      else if (isLen(g, 2)) dim = await readText(w, g);
    }
    dims.push(dim);
  }
  return dims;
}

interface Initializer {
  name: string;
  dims: number[];
  dataType: number;
  external: boolean;
  /** external_data entries: location, offset, length, checksum (a Map: keys come from the file). */
  entries: Map<string, string>;
}

/** TensorProto { dims = 1, data_type = 2, name = 8, external_data = 13, data_location = 14 }; payloads skipped. */
async function readInitializer(w: FileWindow, f: Field): Promise<Initializer> {
  const init: Initializer = { name: '', dims: [], dataType: 0, external: false, entries: new Map() };
  for await (const g of fields(w, f.start, f.end)) {
    if (g.number === 1 && (g.wire === WIRE_VARINT || g.wire === WIRE_LEN)) await readInt64s(w, g, init.dims);
    else if (isVarint(g, 2)) init.dataType = g.value;
    else if (isLen(g, 8)) init.name = await readText(w, g);
    else if (isLen(g, 13)) {
      init.entries.set(...(await readEntry(w, g)));
    } else if (isVarint(g, 14)) init.external = g.value === TENSOR_DATA_LOCATION_EXTERNAL;
  }
  return init;
}

/** SparseTensorProto { values = 1, indices = 2 }: the values tensor carries the name; either may be external. */
async function readSparseInitializer(w: FileWindow, f: Field): Promise<Initializer[]> {
  const parts: Initializer[] = [];
  for await (const g of fields(w, f.start, f.end)) {
    if (isLen(g, 1) || isLen(g, 2)) parts.push(await readInitializer(w, g));
  }
  return parts;
}

interface Graph {
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  initializers: Initializer[];
}

/** GraphProto { node = 1 (skipped), initializer = 5, input = 11, output = 12, sparse_initializer = 15 }. */
async function readGraph(w: FileWindow, f: Field): Promise<Graph> {
  const graph: Graph = { inputs: [], outputs: [], initializers: [] };
  for await (const g of fields(w, f.start, f.end, [5, 11, 12, 15])) {
    if (isLen(g, 5)) graph.initializers.push(await readInitializer(w, g));
    else if (isLen(g, 11)) graph.inputs.push(await readValueInfo(w, g));
    else if (isLen(g, 12)) graph.outputs.push(await readValueInfo(w, g));
    else if (isLen(g, 15)) graph.initializers.push(...(await readSparseInitializer(w, g)));
  }
  return graph;
}

interface Model {
  irVersion: number;
  producer: string;
  opsets: Record<string, number>;
  metadata: Record<string, string>;
  graph: Graph;
}

/**
 * ModelProto { ir_version = 1, producer_name = 2, producer_version = 3, graph = 7, opset_import = 8,
 * metadata_props = 14 }. The top level is scanned before any text is read, so random bytes
 * without the parts every model has are refused before they can ask for large reads.
 */
async function readModel(w: FileWindow): Promise<Model> {
  let irVersion = 0;
  const graphs: Field[] = [];
  let producerName: Field | undefined;
  let producerVersion: Field | undefined;
  const opsets: Field[] = [];
  const metadata: Field[] = [];
  for await (const f of fields(w, 0, w.size, [1, 2, 3, 7, 8, 14])) {
    if (isVarint(f, 1)) irVersion = f.value;
    else if (isLen(f, 2)) producerName = f;
    else if (isLen(f, 3)) producerVersion = f;
    else if (isLen(f, 7)) graphs.push(f);
    else if (isLen(f, 8)) opsets.push(f);
    else if (isLen(f, 14)) metadata.push(f);
  }
  // ONNX requires all three (onnxruntime refuses a model without an opset import).
  if (graphs.length === 0) throw new MissingPart('graph');
  if (irVersion < 1) throw new MissingPart('IR version');
  if (opsets.length === 0) throw new MissingPart('opset import');
  const name = producerName ? await readText(w, producerName) : '';
  const version = producerVersion ? await readText(w, producerVersion) : '';
  return {
    irVersion,
    producer: `${name} ${version}`.trim(),
    opsets: Object.fromEntries(await mapInOrder(opsets, (f) => readOpset(w, f))),
    metadata: Object.fromEntries(await mapInOrder(metadata, (f) => readEntry(w, f))),
    graph: mergeGraphs(await mapInOrder(graphs, (f) => readGraph(w, f))),
  };
}

// Protobuf merges a message field given twice; no exporter does, but onnxruntime would read both.
function mergeGraphs(parts: Graph[]): Graph {
  return {
    inputs: parts.flatMap((g) => g.inputs),
    outputs: parts.flatMap((g) => g.outputs),
    initializers: parts.flatMap((g) => g.initializers),
  };
}

// One at a time: the reads share one window.
async function mapInOrder<T, U>(items: T[], fn: (item: T) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recognizing what a non-ONNX file is, for the error sentence. Used only once parsing failed,
// so a valid model is never refused for how its first bytes look.

interface Sniffed {
  looksLike: string;
  fix: string;
}

const EXPORT_TO_ONNX = 'export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file';

function sniff(head: Buffer): Sniffed | undefined {
  const ascii = head.toString('latin1');
  if (ascii.startsWith('PK\x03\x04') || ascii.startsWith('PK\x05\x06')) {
    return {
      looksLike: 'a zip archive (a PyTorch checkpoint, .npz or .keras file)',
      fix: 'export the model with torch.onnx.export (Keras: tf2onnx) and give the .onnx file',
    };
  }
  if (head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) {
    return {
      looksLike: 'a Python pickle (a pickled scikit-learn or PyTorch model)',
      fix: 'convert the model with skl2onnx or torch.onnx.export and give the .onnx file',
    };
  }
  if (ascii.startsWith('\x89HDF')) return { looksLike: 'an HDF5 file (a Keras .h5 model)', fix: 'convert it with tf2onnx and give the .onnx file' };
  if (ascii.startsWith('\x1f\x8b')) return { looksLike: 'a gzip archive', fix: 'unpack it and give the .onnx file inside' };
  if (head.length > 8 && head[8] === 0x7b && head.readBigUInt64LE(0) < 2n ** 32n) {
    return { looksLike: 'a safetensors weights file', fix: 'it holds weights only: export the whole model with torch.onnx.export and give the .onnx file' };
  }
  if (!head.every(isPrintable)) return undefined;
  if (ascii.startsWith('version https://git-lfs')) {
    return { looksLike: 'a Git LFS pointer', fix: 'check the repository out with LFS files (actions/checkout with lfs: true, or git lfs pull)' };
  }
  if (/^\s*<(!doctype|html)/i.test(ascii)) return { looksLike: 'an HTML page', fix: 'the download returned a web page: check the URL and its credentials' };
  if (/^\s*[{[]/.test(ascii)) return { looksLike: 'JSON text', fix: EXPORT_TO_ONNX };
  return { looksLike: 'text', fix: EXPORT_TO_ONNX };
}

const isPrintable = (b: number) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b <= 0x7e);

// ---------------------------------------------------------------------------------------------
// External data: each file once, inside the model's folder, present and long enough.

interface ExternalRef {
  location: string;
  /** The last byte any initializer reads from it. */
  end: number;
}

function externalRefs(initializers: Initializer[], file: string, where: Where): ExternalRef[] {
  const ends = new Map<string, number>();
  for (const init of initializers) {
    if (!init.external) continue;
    const location = init.entries.get('location');
    if (!location)
      throw new InputError(
        `${file} marks initializer '${init.name}' as external data but gives no location; export the model again with its external data.`,
        where,
      );
    const offset = byteCount(init, 'offset', file, where) ?? 0;
    const length = byteCount(init, 'length', file, where) ?? payloadBytes(init);
    ends.set(location, Math.max(ends.get(location) ?? 0, offset + length));
  }
  return [...ends].map(([location, end]) => ({ location, end }));
}

function byteCount(init: Initializer, key: 'offset' | 'length', file: string, where: Where): number | undefined {
  const text = init.entries.get(key);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new InputError(
      `${file} gives initializer '${init.name}' an external-data ${key} of '${text}', which is not a byte count; export the model again with its external data.`,
      where,
    );
  return Number(text);
}

// Without a length, onnxruntime reads the tensor's own size; 0 when that is unknown.
function payloadBytes(init: Initializer): number {
  const elements = init.dims.reduce((n, d) => n * Math.max(d, 0), 1);
  return Math.ceil(elements * (ELEM_BYTES[init.dataType] ?? 0));
}

async function checkExternalFiles(modelPath: string, refs: ExternalRef[], where: Where): Promise<OnnxExternalFile[]> {
  const dir = path.dirname(path.resolve(modelPath));
  const files: OnnxExternalFile[] = [];
  for (const { location, end } of refs) {
    const resolved = path.resolve(dir, location);
    const outside = path.isAbsolute(location) ? 'an absolute path' : escapes(dir, resolved) ? 'it climbs out with ..' : undefined;
    if (outside) {
      throw new InputError(
        `${modelPath} keeps weights in '${location}', outside the model's folder (${outside}), and onnxruntime only reads external data from the model's folder: export the model again with a location relative to it.`,
        where,
      );
    }
    const bytes = await regularFileSize(resolved);
    if (bytes === undefined) {
      throw new InputError(
        `${modelPath} keeps its weights in the external-data file '${location}', which is missing; it must sit beside the model (upload and download it with the .onnx file).`,
        where,
      );
    }
    if (bytes < end) {
      throw new InputError(
        `The external-data file '${location}' of ${modelPath} has ${bytes} bytes but the model reads up to byte ${end}; it is truncated: copy it again.`,
        where,
      );
    }
    files.push({ location, path: resolved, bytes });
  }
  return files;
}

function escapes(dir: string, resolved: string): boolean {
  const rel = path.relative(dir, resolved);
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

async function regularFileSize(file: string): Promise<number | undefined> {
  try {
    const s = await stat(file);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

async function openModelFile(modelPath: string, input: string, where: Where): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(modelPath, 'r');
  } catch (e) {
    throw openError(e, modelPath, input, where);
  }
  try {
    const s = await handle.stat();
    if (s.isDirectory()) throw new InputError(`The ${input} path ${modelPath} is a directory; give the path of the .onnx file itself.`, where);
    if (s.size === 0)
      throw new InputError(`The ${input} file ${modelPath} is empty; the export or download did not finish: export or download it again.`, where);
    return { handle, size: s.size };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

function openError(e: unknown, modelPath: string, input: string, where: Where): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new InputError(`The ${input} file ${modelPath} does not exist; check the path (relative paths start at ${process.cwd()}).`, where);
  }
  if (code === 'EISDIR') return new InputError(`The ${input} path ${modelPath} is a directory; give the path of the .onnx file itself.`, where);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`The ${input} file ${modelPath} cannot be read (${code}); check its permissions.`, where);
  return e as Error;
}

/** Parses the model; when that fails, says what the file looks like instead. */
async function readModelOrExplain(w: FileWindow, modelPath: string, where: Where): Promise<Model> {
  try {
    return await readModel(w);
  } catch (e) {
    if (!(e instanceof BadBytes)) throw e;
    const seen = sniff(await w.head(64));
    if (seen) throw new InputError(`${modelPath} is not an ONNX model: its first bytes look like ${seen.looksLike}; ${seen.fix}.`, where);
    throw new InputError(e.sentence(modelPath, w.size), where);
  }
}

/**
 * The header of the ONNX model at `modelPath`, checked: an InputError (one sentence) when the file
 * is missing, not ONNX, cut short, or refers to external data that is missing or outside its folder.
 * `input` names the action input or CLI flag that gave the path, for the error.
 */
export async function readOnnxModelInfo(modelPath: string, input = 'model'): Promise<OnnxModelInfo> {
  const where: Where = { file: modelPath, input };
  const { handle, size } = await openModelFile(modelPath, input, where);
  let model: Model;
  try {
    model = await readModelOrExplain(new FileWindow(handle, size), modelPath, where);
  } finally {
    await handle.close();
  }
  const { graph } = model;
  const externalData = await checkExternalFiles(modelPath, externalRefs(graph.initializers, modelPath, where), where);
  const initializerNames = new Set(graph.initializers.map((i) => i.name));
  return {
    path: modelPath,
    irVersion: model.irVersion,
    producer: model.producer,
    opsets: model.opsets,
    // Exporters before IR 4 list initializers as graph inputs too; nobody feeds those.
    inputs: graph.inputs.filter((i) => !initializerNames.has(i.name)),
    outputs: graph.outputs,
    metadata: model.metadata,
    externalData,
    fileBytes: size,
    totalBytes: size + externalData.reduce((sum, f) => sum + f.bytes, 0),
  };
}
