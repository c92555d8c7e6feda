/**
 * Reads what modelci needs from an ONNX file (protobuf wire format) without decoding tensor
 * payloads: names, types, shapes, metadata and external-data files. A file that is not ONNX or
 * is cut short gets one clear sentence here, before onnxruntime's own message.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

export interface OnnxValueInfo {
  name: string;
  kind: 'tensor' | 'sequence' | 'map' | 'other';
  elemType?: string;
  shape?: Array<number | string>;
}

export interface OnnxModelInfo {
  path: string;
  irVersion: number;
  producer: string;
  opsets: Record<string, number>;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  metadata: Record<string, string>;
  externalData: Array<{ location: string; path: string; bytes: number }>;
  fileBytes: number;
  totalBytes: number;
}

// TensorProto.DataType -> onnxruntime's type names.
const ELEM_TYPES: Record<number, string> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string',
  9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 16: 'bfloat16',
};

class Truncated extends Error {}
class NotProtobuf extends Error {}

/** Positional reads through a file handle; skipped fields cost nothing. */
class FileReader {
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  constructor(private readonly fd: import('node:fs/promises').FileHandle, readonly size: number) {}

  async bytes(offset: number, length: number): Promise<Buffer> {
    if (offset + length > this.size) throw new Truncated(`byte ${this.size}`);
    if (offset >= this.bufStart && offset + length <= this.bufStart + this.buf.length) {
      return this.buf.subarray(offset - this.bufStart, offset - this.bufStart + length);
    }
    const want = Math.max(length, 64 * 1024);
    const n = Math.min(want, this.size - offset);
    const b = Buffer.alloc(n);
    await this.fd.read(b, 0, n, offset);
    this.buf = b;
    this.bufStart = offset;
    return b.subarray(0, length);
  }

  async varint(offset: number): Promise<[number, number]> {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (offset + i >= this.size) throw new Truncated(`byte ${this.size}`);
      const byte = (await this.bytes(offset + i, 1))[0];
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return [result, offset + i + 1];
    }
    throw new NotProtobuf('a varint longer than 10 bytes');
  }
}

interface Field { number: number; wire: number; value: number; start: number; end: number }

/** Iterates the fields of a message spanning [start, end). Length-delimited fields are not read. */
async function* fields(r: FileReader, start: number, end: number): AsyncGenerator<Field> {
  let pos = start;
  while (pos < end) {
    const [key, afterKey] = await r.varint(pos);
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (number === 0) throw new NotProtobuf('field number 0');
    let value = 0;
    let fieldStart = afterKey;
    let next: number;
    if (wire === 0) {
      [value, next] = await r.varint(afterKey);
    } else if (wire === 1) {
      next = afterKey + 8;
    } else if (wire === 5) {
      next = afterKey + 4;
    } else if (wire === 2) {
      const [len, afterLen] = await r.varint(afterKey);
      fieldStart = afterLen;
      next = afterLen + len;
      value = len;
    } else {
      throw new NotProtobuf(`wire type ${wire}`);
    }
    if (next > end) throw new Truncated(`byte ${Math.min(next, r.size)}`);
    yield { number, wire, value, start: fieldStart, end: next };
    pos = next;
  }
}

async function text(r: FileReader, f: Field): Promise<string> {
  if (f.wire !== 2) throw new NotProtobuf('a string field with the wrong wire type');
  return (await r.bytes(f.start, f.end - f.start)).toString('utf8');
}

async function stringPair(r: FileReader, f: Field): Promise<[string, string]> {
  let key = '';
  let value = '';
  for await (const g of fields(r, f.start, f.end)) {
    if (g.number === 1) key = await text(r, g);
    else if (g.number === 2) value = await text(r, g);
  }
  return [key, value];
}

async function valueInfo(r: FileReader, f: Field): Promise<OnnxValueInfo> {
  const info: OnnxValueInfo = { name: '', kind: 'other' };
  for await (const g of fields(r, f.start, f.end)) {
    if (g.number === 1) info.name = await text(r, g);
    else if (g.number === 2 && g.wire === 2) await typeProto(r, g, info);
  }
  return info;
}

async function typeProto(r: FileReader, f: Field, info: OnnxValueInfo): Promise<void> {
  for await (const g of fields(r, f.start, f.end)) {
    if (g.number === 4) info.kind = 'sequence';
    else if (g.number === 5) info.kind = 'map';
    else if (g.number === 1 && g.wire === 2) {
      info.kind = 'tensor';
      for await (const t of fields(r, g.start, g.end)) {
        if (t.number === 1 && t.wire === 0) info.elemType = ELEM_TYPES[t.value] ?? `type ${t.value}`;
        else if (t.number === 2 && t.wire === 2) info.shape = await shape(r, t);
      }
    }
  }
}

async function shape(r: FileReader, f: Field): Promise<Array<number | string>> {
  const dims: Array<number | string> = [];
  for await (const d of fields(r, f.start, f.end)) {
    if (d.number !== 1 || d.wire !== 2) continue;
    let dim: number | string = '?';
    for await (const v of fields(r, d.start, d.end)) {
      if (v.number === 1 && v.wire === 0) dim = v.value;
      else if (v.number === 2) dim = await text(r, v);
    }
    dims.push(dim);
  }
  return dims;
}

/** An initializer's name and, when stored outside the file, where. */
async function initializer(r: FileReader, f: Field): Promise<{ name: string; external?: { location: string; offset: number; length: number } }> {
  let name = '';
  let external = false;
  const entries: Record<string, string> = {};
  for await (const g of fields(r, f.start, f.end)) {
    if (g.number === 8) name = await text(r, g);
    else if (g.number === 14 && g.wire === 0) external = g.value === 1;
    else if (g.number === 13 && g.wire === 2) {
      const [k, v] = await stringPair(r, g);
      entries[k] = v;
    }
  }
  if (!external || !entries.location) return { name };
  return { name, external: { location: entries.location, offset: Number(entries.offset ?? 0), length: Number(entries.length ?? NaN) } };
}

export async function readOnnxModelInfo(modelPath: string, input = 'model'): Promise<OnnxModelInfo> {
  const where = { file: modelPath, input };
  let size: number;
  try {
    const s = await stat(modelPath);
    if (s.isDirectory()) throw new InputError(`${input} ${modelPath} is a directory; give the .onnx file itself.`, where);
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`The ${input} file ${modelPath} does not exist; check the path (relative paths start at the workspace).`, where);
  }
  if (size === 0) throw new InputError(`The ${input} file ${modelPath} is empty; the export or download did not finish: export the model again.`, where);
  const fd = await open(modelPath, 'r');
  try {
    const r = new FileReader(fd, size);
    const head = await r.bytes(0, Math.min(size, 16));
    const kind = sniff(head);
    if (kind) throw new InputError(`${modelPath} is not an ONNX model: its first bytes look like ${kind}; export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file.`, where);
    return await parseModel(r, modelPath, size, where);
  } catch (e) {
    if (e instanceof Truncated) {
      throw new InputError(`${modelPath} is cut short: a field runs past the end of the file (${size} bytes); the file is probably truncated: download or export it again.`, where);
    }
    if (e instanceof NotProtobuf) {
      throw new InputError(`${modelPath} is not an ONNX model (${e.message} is not valid protobuf); export the model to ONNX and give that file.`, where);
    }
    throw e;
  } finally {
    await fd.close();
  }
}

function sniff(head: Buffer): string | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'a zip archive (a PyTorch checkpoint, .npz or .keras file)';
  if (head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) return 'a Python pickle';
  if (head.subarray(0, 4).toString('latin1') === '\x89HDF') return 'an HDF5 file (a Keras .h5 model)';
  const t = head.toString('utf8');
  if (/^\s*[{[]/.test(t)) return 'JSON text';
  const printable = (b: number) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b <= 0x7e);
  if (head.length >= 12 && head.every(printable)) return 'text';
  return undefined;
}

async function parseModel(r: FileReader, modelPath: string, size: number, where: { file: string; input: string }): Promise<OnnxModelInfo> {
  let irVersion = 0;
  let producerName = '';
  let producerVersion = '';
  const opsets: Record<string, number> = {};
  const metadata: Record<string, string> = {};
  let graph: Field | undefined;
  for await (const f of fields(r, 0, size)) {
    if (f.number === 1 && f.wire === 0) irVersion = f.value;
    else if (f.number === 2 && f.wire === 2) producerName = await text(r, f);
    else if (f.number === 3 && f.wire === 2) producerVersion = await text(r, f);
    else if (f.number === 7 && f.wire === 2) graph = f;
    else if (f.number === 8 && f.wire === 2) {
      let domain = '';
      let version = 0;
      for await (const g of fields(r, f.start, f.end)) {
        if (g.number === 1) domain = await text(r, g);
        else if (g.number === 2 && g.wire === 0) version = g.value;
      }
      opsets[domain] = version;
    } else if (f.number === 14 && f.wire === 2) {
      const [k, v] = await stringPair(r, f);
      metadata[k] = v;
    }
  }
  // ONNX requires all three; random or cut-short bytes rarely have them.
  const missing = !graph ? 'graph' : irVersion === 0 ? 'IR version' : Object.keys(opsets).length === 0 ? 'opset import' : undefined;
  if (missing || !graph) {
    throw new InputError(`${modelPath} is not an ONNX model (or is cut short): it has no ${missing}; export the model to ONNX and give that file.`, where);
  }
  const inputs: OnnxValueInfo[] = [];
  const outputs: OnnxValueInfo[] = [];
  const initializers = new Set<string>();
  const external = new Map<string, number>();
  for await (const f of fields(r, graph.start, graph.end)) {
    if (f.wire !== 2) continue;
    if (f.number === 11) inputs.push(await valueInfo(r, f));
    else if (f.number === 12) outputs.push(await valueInfo(r, f));
    else if (f.number === 5) {
      const init = await initializer(r, f);
      initializers.add(init.name);
      if (init.external) {
        const end = init.external.offset + (Number.isFinite(init.external.length) ? init.external.length : 0);
        external.set(init.external.location, Math.max(external.get(init.external.location) ?? 0, end));
      }
    }
  }
  const externalData = await checkExternalData(modelPath, external, where);
  const totalBytes = size + externalData.reduce((s, f) => s + f.bytes, 0);
  return {
    path: modelPath,
    irVersion,
    producer: `${producerName} ${producerVersion}`.trim(),
    opsets,
    // Old exporters (IR < 4) list initializers as graph inputs too; they are not fed.
    inputs: inputs.filter((i) => !initializers.has(i.name)),
    outputs,
    metadata,
    externalData,
    fileBytes: size,
    totalBytes,
  };
}

async function checkExternalData(modelPath: string, external: Map<string, number>, where: { file: string; input: string }) {
  const dir = path.dirname(path.resolve(modelPath));
  const out: OnnxModelInfo['externalData'] = [];
  for (const [location, needed] of [...external].sort(([a], [b]) => a.localeCompare(b))) {
    const resolved = path.resolve(dir, location);
    if (path.isAbsolute(location) || path.relative(dir, resolved).startsWith('..')) {
      throw new InputError(`${modelPath} keeps weights in '${location}', outside the model's folder; onnxruntime only reads external data beside the model: re-export with a relative location.`, where);
    }
    let bytes: number;
    try {
      bytes = (await stat(resolved)).size;
    } catch {
      throw new InputError(`${modelPath} keeps its weights in the external-data file '${location}', which is missing; it must sit beside the model (upload and download it with the .onnx file).`, where);
    }
    if (bytes < needed) {
      throw new InputError(`The external-data file '${location}' of ${modelPath} has ${bytes} bytes but the model reads up to byte ${needed}; it is truncated: copy it again.`, where);
    }
    out.push({ location, path: resolved, bytes });
  }
  return out;
}
