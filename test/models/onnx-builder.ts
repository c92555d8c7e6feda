/**
 * A small typed layer over onnx-proto (the ONNX 1.10 protobuf schema) for writing the test models:
 * nodes, initializers and typed inputs/outputs in, serialized ModelProto bytes out.
 */
import onnxProto from 'onnx-proto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const { onnx } = onnxProto;

export type ElemType = 'float' | 'int64' | 'string';

/** A fixed size, or a symbolic one such as the batch dimension 'N'. */
export type Dim = number | string;

export interface ValueInfo {
  name: string;
  type: ElemType;
  shape: Dim[];
}

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  /** Integer attributes (axis, keepdims): all the test graphs need. */
  attributes?: Record<string, number>;
}

export type Initializer =
  | { name: string; type: 'float'; dims: number[]; values: Float32Array | readonly number[] }
  | { name: string; type: 'int64'; dims: number[]; values: readonly number[] }
  | { name: string; type: 'string'; dims: number[]; values: readonly string[] };

export interface ModelSpec {
  graphName: string;
  nodes: NodeSpec[];
  initializers: Initializer[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** metadata_props, in insertion order. */
  metadata?: Record<string, string>;
}

export const PRODUCER_NAME = 'modelci-test-trainer';
const IR_VERSION = 8;
const OPSET = 17;

const ELEM_TYPES: Record<ElemType, onnxProto.onnx.TensorProto.DataType> = {
  float: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  string: onnx.TensorProto.DataType.STRING,
};

/** Serialize a model with every initializer stored inline. */
export function encodeModel(spec: ModelSpec): Uint8Array {
  return encodeProto(spec, spec.initializers.map(inlineTensor));
}

/**
 * Serialize a model whose float initializers live in a side file (ONNX external data), as
 * exporters do for models over 2 GB. `location` is the side file's name, relative to the model.
 */
export function encodeModelWithExternalData(spec: ModelSpec, location: string): { model: Uint8Array; data: Uint8Array } {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const tensors = spec.initializers.map((init) => {
    if (init.type !== 'float') return inlineTensor(init);
    const bytes = float32Bytes(init.values);
    chunks.push(bytes);
    const tensor = externalTensor(init, location, offset, bytes.length);
    offset += bytes.length;
    return tensor;
  });
  return { model: encodeProto(spec, tensors), data: concatBytes(chunks, offset) };
}

/** Write `path`, and with `externalData` also `<path>.data`; returns the files written. */
export function writeModel(path: string, spec: ModelSpec, options: { externalData?: boolean } = {}): string[] {
  if (!options.externalData) {
    writeFileSync(path, encodeModel(spec));
    return [path];
  }
  const dataPath = `${path}.data`;
  const { model, data } = encodeModelWithExternalData(spec, basename(dataPath));
  writeFileSync(path, model);
  writeFileSync(dataPath, data);
  return [path, dataPath];
}

function encodeProto(spec: ModelSpec, initializer: onnxProto.onnx.ITensorProto[]): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: PRODUCER_NAME,
    opsetImport: [{ domain: '', version: OPSET }],
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: spec.graphName,
      node: spec.nodes.map(nodeProto),
      initializer,
      input: spec.inputs.map(valueInfoProto),
      output: spec.outputs.map(valueInfoProto),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function nodeProto(node: NodeSpec, index: number): onnxProto.onnx.INodeProto {
  return {
    name: `${node.op}_${index}`,
    opType: node.op,
    input: node.inputs,
    output: node.outputs,
    attribute: Object.entries(node.attributes ?? {}).map(([name, i]) => ({ name, type: onnx.AttributeProto.AttributeType.INT, i })),
  };
}

function valueInfoProto(info: ValueInfo): onnxProto.onnx.IValueInfoProto {
  const dim = info.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: info.name, type: { tensorType: { elemType: ELEM_TYPES[info.type], shape: { dim } } } };
}

function inlineTensor(init: Initializer): onnxProto.onnx.ITensorProto {
  const head = { name: init.name, dims: init.dims, dataType: ELEM_TYPES[init.type] };
  switch (init.type) {
    case 'float':
      return { ...head, rawData: float32Bytes(init.values) };
    case 'int64':
      return { ...head, rawData: int64Bytes(init.values) };
    case 'string':
      return { ...head, stringData: init.values.map((s) => new TextEncoder().encode(s)) };
  }
}

function externalTensor(init: Initializer, location: string, offset: number, length: number): onnxProto.onnx.ITensorProto {
  return {
    name: init.name,
    dims: init.dims,
    dataType: ELEM_TYPES[init.type],
    dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    externalData: [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(length) },
    ],
  };
}

/** ONNX raw_data is little-endian whatever the host's byte order. */
function float32Bytes(values: Float32Array | readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

function int64Bytes(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return bytes;
}

function concatBytes(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
