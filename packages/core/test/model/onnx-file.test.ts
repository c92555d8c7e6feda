// readOnnxModelInfo against models encoded by an independent encoder (onnx-proto), a few
// hand-written byte strings for what no encoder writes, onnxruntime itself, and random bytes.
import fc from 'fast-check';
import onnxProto from 'onnx-proto';
import ort from 'onnxruntime-node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/shared/errors.js';
import { readOnnxModelInfo, type OnnxModelInfo } from '../../src/model/onnx-file.js';

const { onnx } = onnxProto;
const { FLOAT, INT64, STRING, BOOL, FLOAT16, DOUBLE } = onnx.TensorProto.DataType;
const EXTERNAL = onnx.TensorProto.DataLocation.EXTERNAL;
// The Add model lists its initializer as an input on purpose; onnxruntime warns about that.
const quiet: ort.InferenceSession.SessionOptions = { logSeverityLevel: 3 };

const root = mkdtempSync(join(tmpdir(), 'onnx-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder, so external-data files of one test never satisfy another. */
function folder(): string {
  const dir = join(root, `m${folders++}`);
  mkdirSync(dir);
  return dir;
}

function write(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const encode = (model: onnxProto.onnx.IModelProto): Uint8Array => onnx.ModelProto.encode(model).finish();

type Dim = number | string | null;

function tensorInfo(name: string, elemType: number, shape?: Dim[]): onnxProto.onnx.IValueInfoProto {
  const dim = shape?.map((d) => (d === null ? {} : typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, ...(dim ? { shape: { dim } } : {}) } } };
}

function floatTensor(name: string, values: number[]): onnxProto.onnx.ITensorProto {
  return { name, dims: [values.length], dataType: FLOAT, rawData: new Uint8Array(Float32Array.from(values).buffer) };
}

function externalTensor(name: string, dims: number[], entries: Record<string, string>): onnxProto.onnx.ITensorProto {
  return { name, dims, dataType: FLOAT, dataLocation: EXTERNAL, externalData: Object.entries(entries).map(([key, value]) => ({ key, value })) };
}

/** y = x + b, with b an initializer that is also listed as a graph input (as IR < 4 exporters did). */
function addModel(initializer: onnxProto.onnx.ITensorProto[] = [floatTensor('b', [1, 2, 3])]): onnxProto.onnx.IModelProto {
  return {
    irVersion: 8,
    producerName: 'modelci-test',
    producerVersion: '1.2.3',
    opsetImport: [
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    metadataProps: [
      { key: 'classes', value: '["setosa","versicolor","virginica"]' },
      { key: 'feature_names', value: '["x0","x1","x2"]' },
    ],
    graph: {
      name: 'add',
      node: [{ opType: 'Add', input: ['x', 'b'], output: ['y'], name: 'add' }],
      initializer,
      input: [tensorInfo('x', FLOAT, ['batch', 3]), tensorInfo('b', FLOAT, [3])],
      output: [tensorInfo('y', FLOAT, ['batch', 3])],
    },
  };
}

async function refusal(file: string, input = 'model'): Promise<InputError> {
  try {
    await readOnnxModelInfo(file, input);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${file} was read as a model`);
}

/** Reads or refuses; anything but an InputError fails the test. */
async function readOrRefuse(file: string): Promise<OnnxModelInfo | InputError> {
  try {
    return await readOnnxModelInfo(file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

// Hand-written protobuf, for what onnx-proto never writes (unpacked dims, groups, bad varints).
const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n % 0x80) | 0x80, ...varint(Math.floor(n / 0x80))]);
const tag = (field: number, wire: number): number[] => varint(field * 8 + wire);
const lenField = (field: number, bytes: ArrayLike<number>): number[] => [...tag(field, 2), ...varint(bytes.length), ...Array.from(bytes)];
/** ir_version 8, an opset import, and whatever follows. */
const header = (): number[] => [...tag(1, 0), 8, ...lenField(8, [...tag(2, 0), 17])];

describe('readOnnxModelInfo: what a model declares', () => {
  test('inputs without initializers, outputs, element types and fixed, symbolic and unknown dims', async () => {
    const model = addModel();
    model.graph!.input!.push(
      tensorInfo('ids', INT64, ['batch', null, 7]),
      tensorInfo('names', STRING, [-1, 2 ** 40]),
      tensorInfo('mask', BOOL),
      tensorInfo('half', FLOAT16, []),
      tensorInfo('wide', DOUBLE, [1]),
    );
    const bytes = encode(model);
    const info = await readOnnxModelInfo(write(folder(), 'add.onnx', bytes));
    expect(info.inputs).toEqual([
      { name: 'x', kind: 'tensor', elemType: 'float32', shape: ['batch', 3] },
      { name: 'ids', kind: 'tensor', elemType: 'int64', shape: ['batch', '?', 7] },
      { name: 'names', kind: 'tensor', elemType: 'string', shape: [-1, 2 ** 40] },
      { name: 'mask', kind: 'tensor', elemType: 'bool' },
      { name: 'half', kind: 'tensor', elemType: 'float16', shape: [] },
      { name: 'wide', kind: 'tensor', elemType: 'float64', shape: [1] },
    ]);
    expect(info.outputs).toEqual([{ name: 'y', kind: 'tensor', elemType: 'float32', shape: ['batch', 3] }]);
    expect(info.fileBytes).toBe(bytes.length);
    expect(info.totalBytes).toBe(bytes.length);
    expect(info.externalData).toEqual([]);
  });

  test('sequence, map and untyped values are told apart from tensors', async () => {
    const model = addModel();
    model.graph!.output!.push(
      { name: 'probabilities', type: { sequenceType: { elemType: { mapType: { keyType: INT64, valueType: { tensorType: { elemType: FLOAT } } } } } } },
      { name: 'lookup', type: { mapType: { keyType: STRING, valueType: { tensorType: { elemType: FLOAT } } } } },
      { name: 'untyped' },
    );
    const info = await readOnnxModelInfo(write(folder(), 'kinds.onnx', encode(model)));
    expect(info.outputs.slice(1)).toEqual([
      { name: 'probabilities', kind: 'sequence' },
      { name: 'lookup', kind: 'map' },
      { name: 'untyped', kind: 'other' },
    ]);
  });

  test('IR version, producer, opsets by domain and metadata_props, UTF-8 and long values included', async () => {
    const classes = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => `clàss-${i}`));
    const model = addModel();
    model.metadataProps!.push({ key: 'long_classes', value: classes }, { key: 'note', value: 'café ☕' });
    const info = await readOnnxModelInfo(write(folder(), 'meta.onnx', encode(model)));
    expect(info.irVersion).toBe(8);
    expect(info.producer).toBe('modelci-test 1.2.3');
    expect(info.opsets).toEqual({ '': 17, 'ai.onnx.ml': 3 });
    expect(info.metadata).toEqual({
      classes: '["setosa","versicolor","virginica"]',
      feature_names: '["x0","x1","x2"]',
      long_classes: classes,
      note: 'café ☕',
    });
    expect(JSON.parse(info.metadata.classes)).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  test('a producer without a version has no trailing space; a model without one says ""', async () => {
    const named = await readOnnxModelInfo(write(folder(), 'named.onnx', encode({ ...addModel(), producerVersion: undefined })));
    expect(named.producer).toBe('modelci-test');
    const anonymous = await readOnnxModelInfo(
      write(folder(), 'anonymous.onnx', encode({ ...addModel(), producerName: undefined, producerVersion: undefined })),
    );
    expect(anonymous.producer).toBe('');
  });

  test('thousands of inputs, their headers crossing read windows, all come back in order', async () => {
    const model = addModel();
    const names = Array.from({ length: 5000 }, (_, i) => `feature_${i}_${'x'.repeat(i % 40)}`);
    model.graph!.input = names.map((n) => tensorInfo(n, FLOAT, ['batch', 1]));
    const info = await readOnnxModelInfo(write(folder(), 'wide.onnx', encode(model)));
    expect(info.inputs.map((i) => i.name)).toEqual(names);
  });

  test('a 50 MB initializer is skipped by offset, and the fields after it are still read', async () => {
    const weights = new Uint8Array(50 * 1024 * 1024);
    const model = addModel([floatTensor('b', [1, 2, 3]), { name: 'big', dims: [weights.length / 4], dataType: FLOAT, rawData: weights }]);
    const bytes = encode(model);
    const info = await readOnnxModelInfo(write(folder(), 'big.onnx', bytes));
    expect(info.fileBytes).toBe(bytes.length);
    expect(info.fileBytes).toBeGreaterThan(weights.length);
    expect(info.inputs.map((i) => i.name)).toEqual(['x']);
    expect(info.metadata.classes).toBeDefined();
  });

  test('a graph given twice is merged, as protobuf (and onnxruntime) reads it', async () => {
    const second = onnx.GraphProto.encode({ input: [tensorInfo('z', FLOAT, [1])], output: [tensorInfo('w', FLOAT, [1])] }).finish();
    const bytes = Buffer.concat([encode(addModel()), Buffer.from(lenField(7, second))]);
    const info = await readOnnxModelInfo(write(folder(), 'twice.onnx', bytes));
    expect(info.inputs.map((i) => i.name)).toEqual(['x', 'z']);
    expect(info.outputs.map((o) => o.name)).toEqual(['y', 'w']);
  });
});

describe('readOnnxModelInfo: the encoded models are real ones', () => {
  test('onnxruntime loads the Add model and sees the inputs and outputs the reader does', async () => {
    const file = write(folder(), 'add.onnx', encode(addModel()));
    const info = await readOnnxModelInfo(file);
    const session = await ort.InferenceSession.create(file, quiet);
    try {
      expect(session.inputNames).toEqual(info.inputs.map((i) => i.name));
      expect(session.outputNames).toEqual(info.outputs.map((o) => o.name));
      const { y } = await session.run({ x: new ort.Tensor('float32', Float32Array.from([10, 20, 30]), [1, 3]) });
      expect(Array.from(y.data as Float32Array)).toEqual([11, 22, 33]);
    } finally {
      await session.release();
    }
  });

  test('onnxruntime loads the external-data model the reader accepts', async () => {
    const dir = folder();
    write(dir, 'add.onnx.data', new Uint8Array(Float32Array.from([1, 2, 3]).buffer));
    const file = write(dir, 'add.onnx', encode(addModel([externalTensor('b', [3], { location: 'add.onnx.data', offset: '0', length: '12' })])));
    const info = await readOnnxModelInfo(file);
    expect(info.externalData.map((f) => f.location)).toEqual(['add.onnx.data']);
    const session = await ort.InferenceSession.create(file, quiet);
    try {
      expect(session.inputNames).toEqual(info.inputs.map((i) => i.name));
      const { y } = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, 1, 1]), [1, 3]) });
      expect(Array.from(y.data as Float32Array)).toEqual([2, 3, 4]);
    } finally {
      await session.release();
    }
  });
});

describe('readOnnxModelInfo: external data', () => {
  test('two initializers in one file give one entry; a second file another; sizes add up', async () => {
    const dir = folder();
    write(dir, 'weights.bin', new Uint8Array(4096));
    write(dir, 'bias.bin', new Uint8Array(16));
    const bytes = encode(
      addModel([
        externalTensor('w1', [256], { location: 'weights.bin', offset: '0', length: '1024' }),
        externalTensor('w2', [512], { location: 'weights.bin', offset: '1024', length: '2048' }),
        externalTensor('b', [3], { location: 'bias.bin', offset: '0', length: '12' }),
      ]),
    );
    const info = await readOnnxModelInfo(write(dir, 'model.onnx', bytes));
    expect(info.externalData).toEqual([
      { location: 'weights.bin', path: join(dir, 'weights.bin'), bytes: 4096 },
      { location: 'bias.bin', path: join(dir, 'bias.bin'), bytes: 16 },
    ]);
    expect(info.totalBytes).toBe(bytes.length + 4096 + 16);
    expect(info.inputs.map((i) => i.name)).toEqual(['x']);
  });

  test('a location in a subfolder of the model folder is allowed', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'data'));
    write(dir, 'data/b.bin', new Uint8Array(12));
    const info = await readOnnxModelInfo(write(dir, 'm.onnx', encode(addModel([externalTensor('b', [3], { location: 'data/b.bin' })]))));
    expect(info.externalData).toEqual([{ location: 'data/b.bin', path: join(dir, 'data', 'b.bin'), bytes: 12 }]);
  });

  test('external_data entries without data_location EXTERNAL are not external (onnxruntime ignores them too)', async () => {
    const tensor = { ...externalTensor('b', [3], { location: 'nowhere.bin' }), dataLocation: undefined, rawData: new Uint8Array(12) };
    const info = await readOnnxModelInfo(write(folder(), 'm.onnx', encode(addModel([tensor]))));
    expect(info.externalData).toEqual([]);
  });

  test('a missing external-data file is named, and said to belong beside the model', async () => {
    const file = write(folder(), 'm.onnx', encode(addModel([externalTensor('b', [3], { location: 'm.onnx.data', offset: '0', length: '12' })])));
    const error = await refusal(file);
    expect(error.message).toBe(
      `${file} keeps its weights in the external-data file 'm.onnx.data', which is missing; it must sit beside the model (upload and download it with the .onnx file).`,
    );
    expect(error.where).toEqual({ file, input: 'model' });
  });

  test('an external-data file shorter than offset + length is truncated', async () => {
    const dir = folder();
    write(dir, 'w.bin', new Uint8Array(1000));
    const file = write(
      dir,
      'm.onnx',
      encode(
        addModel([
          externalTensor('a', [100], { location: 'w.bin', offset: '0', length: '400' }),
          externalTensor('b', [3], { location: 'w.bin', offset: '990', length: '12' }),
        ]),
      ),
    );
    expect((await refusal(file)).message).toBe(
      `The external-data file 'w.bin' of ${file} has 1000 bytes but the model reads up to byte 1002; it is truncated: copy it again.`,
    );
  });

  test('without a length, the tensor size from its dims and type is what must be there', async () => {
    const dir = folder();
    write(dir, 'w.bin', new Uint8Array(100));
    const file = write(dir, 'm.onnx', encode(addModel([externalTensor('b', [5, 6], { location: 'w.bin', offset: '8' })])));
    expect((await refusal(file)).message).toMatch(/has 100 bytes but the model reads up to byte 128;/);
    write(dir, 'w.bin', new Uint8Array(128));
    expect((await readOnnxModelInfo(file)).externalData[0].bytes).toBe(128);
  });

  test('dims written unpacked (one varint each) count the same as packed ones', async () => {
    const dir = folder();
    write(dir, 'w.bin', new Uint8Array(100));
    // TensorProto fields concatenate (merge): unpacked dims 5 and 6, then onnx-proto's encoding of the rest.
    const tensor = [...tag(1, 0), 5, ...tag(1, 0), 6, ...onnx.TensorProto.encode(externalTensor('b', [], { location: 'w.bin' })).finish()];
    const graph = [...onnx.GraphProto.encode(addModel([]).graph!).finish(), ...lenField(5, tensor)];
    const bytes = Buffer.concat([encode({ ...addModel(), graph: undefined }), Buffer.from(lenField(7, graph))]);
    const file = write(dir, 'm.onnx', bytes);
    expect((await refusal(file)).message).toMatch(/has 100 bytes but the model reads up to byte 120;/);
    write(dir, 'w.bin', new Uint8Array(120));
    expect((await readOnnxModelInfo(file)).inputs.map((i) => i.name)).toEqual(['x']);
  });

  test.each([
    ['climbs out of the folder', '../outside.bin', 'it climbs out with ..'],
    ['climbs out after a detour', 'data/../../outside.bin', 'it climbs out with ..'],
    ['is absolute', '/tmp/outside.bin', 'an absolute path'],
  ])('a location that %s is refused, as onnxruntime refuses it', async (_what, location, why) => {
    const dir = folder();
    write(join(dir, '..'), 'outside.bin', new Uint8Array(12));
    const file = write(dir, 'm.onnx', encode(addModel([externalTensor('b', [3], { location })])));
    expect((await refusal(file)).message).toBe(
      `${file} keeps weights in '${location}', outside the model's folder (${why}), and onnxruntime only reads external data from the model's folder: export the model again with a location relative to it.`,
    );
    await expect(ort.InferenceSession.create(file, quiet)).rejects.toThrow(/External data path validation failed/);
  });

  test('an external initializer without a location, or with an offset that is not a number, is refused', async () => {
    const noLocation = write(folder(), 'm.onnx', encode(addModel([externalTensor('b', [3], { offset: '0' })])));
    expect((await refusal(noLocation)).message).toBe(
      `${noLocation} marks initializer 'b' as external data but gives no location; export the model again with its external data.`,
    );
    const badOffset = write(folder(), 'm.onnx', encode(addModel([externalTensor('b', [3], { location: 'w.bin', offset: '-4' })])));
    expect((await refusal(badOffset)).message).toBe(
      `${badOffset} gives initializer 'b' an external-data offset of '-4', which is not a byte count; export the model again with its external data.`,
    );
  });
});

describe('readOnnxModelInfo: files that are not (whole) ONNX models', () => {
  test('a missing file, a directory and an empty file', async () => {
    const dir = folder();
    const missing = join(dir, 'nope.onnx');
    expect((await refusal(missing)).message).toBe(`The model file ${missing} does not exist; check the path (relative paths start at ${process.cwd()}).`);
    expect((await refusal(join(dir, 'nope', 'm.onnx'))).message).toMatch(/does not exist/);
    expect((await refusal(dir)).message).toBe(`The model path ${dir} is a directory; give the path of the .onnx file itself.`);
    const empty = write(dir, 'empty.onnx', '');
    expect((await refusal(empty)).message).toBe(`The model file ${empty} is empty; the export or download did not finish: export or download it again.`);
    const error = await refusal(missing, 'baseline-model');
    expect(error.message).toMatch(/^The baseline-model file /);
    expect(error.where).toEqual({ file: missing, input: 'baseline-model' });
  });

  const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60, 7)]);
  const safetensorsHeader = '{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
  const safetensors = Buffer.concat([Buffer.from([safetensorsHeader.length, 0, 0, 0, 0, 0, 0, 0]), Buffer.from(safetensorsHeader), Buffer.alloc(4)]);
  test.each([
    [
      'a PyTorch checkpoint (zip)',
      zip,
      'a zip archive (a PyTorch checkpoint, .npz or .keras file)',
      'export the model with torch.onnx.export (Keras: tf2onnx) and give the .onnx file',
    ],
    [
      'a pickle',
      Buffer.from([0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x03, 0x61, 0x62, 0x63]),
      'a Python pickle (a pickled scikit-learn or PyTorch model)',
      'convert the model with skl2onnx or torch.onnx.export and give the .onnx file',
    ],
    [
      'a Keras .h5',
      Buffer.concat([Buffer.from('\x89HDF\r\n\x1a\n', 'latin1'), Buffer.alloc(40)]),
      'an HDF5 file (a Keras .h5 model)',
      'convert it with tf2onnx and give the .onnx file',
    ],
    ['a gzip', Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(30, 3)]), 'a gzip archive', 'unpack it and give the .onnx file inside'],
    ['safetensors', safetensors, 'a safetensors weights file', 'it holds weights only: export the whole model with torch.onnx.export and give the .onnx file'],
    [
      'a Git LFS pointer',
      'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 1234\n',
      'a Git LFS pointer',
      'check the repository out with LFS files (actions/checkout with lfs: true, or git lfs pull)',
    ],
    [
      'an HTML page',
      '<!DOCTYPE html><html><body>Not Found</body></html>',
      'an HTML page',
      'the download returned a web page: check the URL and its credentials',
    ],
    ['JSON', '{"learner": {"gradient_booster": {}}}', 'JSON text', 'export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file'],
    ['text', 'hello', 'text', 'export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file'],
  ])('%s is not an ONNX model, and the sentence says what it looks like', async (_what, bytes, looksLike, fix) => {
    const file = write(folder(), 'model.onnx', bytes);
    expect((await refusal(file)).message).toBe(`${file} is not an ONNX model: its first bytes look like ${looksLike}; ${fix}.`);
  });

  // header() is 6 bytes, so the field after it starts at byte 6; a trailing opset keeps the file longer than the bad field.
  const trailer = lenField(8, [...tag(2, 0), 17]);
  test.each([
    ['a group (wire type 3)', [...tag(7, 3)], 'a field of wire type 3 (a group)', 6],
    ['an end-group (wire type 4)', [...tag(9, 4)], 'a field of wire type 4 (a group)', 6],
    ['wire type 6', [...tag(7, 6)], 'a field of wire type 6', 6],
    ['wire type 7', [...tag(7, 7)], 'a field of wire type 7', 6],
    ['field number 0', [0x02, 0x00], 'a field numbered 0', 6],
    ['an 11-byte varint', [...tag(5, 0), ...Array(10).fill(0xff), 0x01], 'a number longer than 10 bytes', 7],
    ['a varint past the end of its message', lenField(7, [...tag(2, 0), 0xff]), 'a number running past the end of its message', 9],
    [
      'a field past the end of its message',
      [...tag(7, 2), 4, ...tag(2, 2), 3, 0x61, 0x62],
      'a field running to byte 13, past the end of its message at byte 12',
      8,
    ],
  ])('%s is not protobuf as ONNX writes it', async (_what, bytes, what, at) => {
    const file = write(folder(), 'bad.onnx', Buffer.from([...header(), ...bytes, ...trailer]));
    expect((await refusal(file)).message).toBe(
      `${file} is not an ONNX model: byte ${at} holds ${what}, which is not valid ONNX protobuf; export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file.`,
    );
  });

  test.each([
    ['graph', { ...addModel(), graph: undefined }],
    ['IR version', { ...addModel(), irVersion: undefined }],
    ['IR version', { ...addModel(), irVersion: 0 }],
    ['opset import', { ...addModel(), opsetImport: [] }],
  ])('a model with no %s is not an ONNX model', async (part, model) => {
    const file = write(folder(), 'partial.onnx', encode(model));
    expect((await refusal(file)).message).toBe(
      `${file} is not an ONNX model (or is cut short): it has no ${part}; export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file.`,
    );
  });

  test('a model cut inside its graph is cut short at the graph field, with where it should end', async () => {
    const model = addModel();
    const bytes = encode(model);
    const graphAt = encode({ ...model, graph: undefined, opsetImport: [], metadataProps: [] }).length;
    const graphEnd = graphAt + lenField(7, onnx.GraphProto.encode(model.graph!).finish()).length;
    const file = write(folder(), 'cut.onnx', bytes.subarray(0, graphAt + 20));
    expect((await refusal(file)).message).toBe(
      `${file} is cut short: a field runs past the end of the file (the field at byte ${graphAt} needs bytes up to ${graphEnd}, but the file ends at byte ${graphAt + 20}); the file is probably truncated: download or export it again.`,
    );
  });

  test('a 50 MB model cut inside its weights is cut short', async () => {
    const weights = new Uint8Array(50 * 1024 * 1024);
    const bytes = encode(addModel([{ name: 'big', dims: [weights.length / 4], dataType: FLOAT, rawData: weights }]));
    const file = write(folder(), 'cut.onnx', bytes.subarray(0, bytes.length / 2));
    expect((await refusal(file)).message).toMatch(
      /is cut short: a field runs past the end of the file \(the field at byte \d+ needs bytes up to \d+, but the file ends at byte \d+\)/,
    );
  });

  test('every prefix of a model is refused with an InputError, or (cut between trailing fields) reads the same graph', async () => {
    const dir = folder();
    const model = addModel();
    model.graph!.input!.push(tensorInfo('ids', INT64, ['batch', null, -1]));
    const bytes = encode(model);
    const full = await readOnnxModelInfo(write(dir, 'full.onnx', bytes));
    const file = join(dir, 'prefix.onnx');
    let refused = 0;
    for (let cut = 0; cut < bytes.length; cut++) {
      writeFileSync(file, bytes.subarray(0, cut));
      const result = await readOrRefuse(file);
      if (result instanceof InputError) {
        refused++;
        continue;
      }
      // Protobuf cannot tell a message cut between fields from a shorter one: only the trailing
      // opset imports and metadata_props can then be missing.
      const trailing = { opsets: {}, metadata: {}, fileBytes: 0, totalBytes: 0 };
      expect({ ...result, ...trailing }).toEqual({ ...full, ...trailing, path: file });
      expect(full.opsets).toMatchObject(result.opsets);
      expect(full.metadata).toMatchObject(result.metadata);
    }
    expect(refused).toBeGreaterThan(0.9 * bytes.length);
  });
});

describe('readOnnxModelInfo: arbitrary bytes', () => {
  const file = join(root, 'fuzz.onnx');

  test('random bytes give an InputError or a model, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
        writeFileSync(file, bytes);
        await readOrRefuse(file);
      }),
      { numRuns: 1000, seed: 20240611 },
    );
  });

  test('a valid model with bytes changed, inserted or removed gives an InputError or a model', async () => {
    const model = encode(addModel());
    const edit = fc.record({ at: fc.nat({ max: model.length - 1 }), remove: fc.nat({ max: 4 }), insert: fc.uint8Array({ maxLength: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let bytes = Buffer.from(model);
        for (const { at, remove, insert } of edits) bytes = Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + remove)]);
        writeFileSync(file, bytes);
        const result = await readOrRefuse(file);
        if (!(result instanceof InputError)) expect(result.fileBytes).toBe(bytes.length);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
