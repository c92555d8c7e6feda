// The ONNX header reader against models encoded by an independent encoder (onnx-proto).
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, readOnnxModelInfo } from '../../src/index.js';
import { encodeModel, encodeModelWithExternalData, type ModelSpec } from '../../../../test/models/onnx-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'onnx-reader-'));
const write = (name: string, bytes: Uint8Array | string) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

// y = x @ W + b, with W also listed as a graph input (as exporters before IR 4 did).
const spec: ModelSpec = {
  graphName: 'linear',
  nodes: [{ op: 'MatMul', inputs: ['x', 'W'], outputs: ['xw'] }, { op: 'Add', inputs: ['xw', 'b'], outputs: ['y'] }],
  initializers: [
    { name: 'W', type: 'float', dims: [3, 2], values: [1, 2, 3, 4, 5, 6] },
    { name: 'b', type: 'float', dims: [2], values: [0.5, -0.5] },
  ],
  inputs: [{ name: 'x', type: 'float', shape: ['batch', 3] }, { name: 'W', type: 'float', shape: [3, 2] }],
  outputs: [{ name: 'y', type: 'float', shape: ['batch', 2] }],
  metadata: { classes: '["a","b"]', feature_names: 'f1,f2,f3' },
};
const model = encodeModel(spec);

async function refused(path: string): Promise<InputError> {
  try {
    await readOnnxModelInfo(path);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${path} was read as a model`);
}

describe('ONNX header reader', () => {
  test('names, types, shapes, metadata and opsets; initializers are not inputs', async () => {
    const info = await readOnnxModelInfo(write('linear.onnx', model));
    expect(info.irVersion).toBe(8);
    expect(info.producer).toMatch(/^modelci-test-trainer/);
    expect(info.opsets).toEqual({ '': 17 });
    expect(info.inputs).toEqual([{ name: 'x', kind: 'tensor', elemType: 'float32', shape: ['batch', 3] }]);
    expect(info.outputs).toEqual([{ name: 'y', kind: 'tensor', elemType: 'float32', shape: ['batch', 2] }]);
    expect(info.metadata).toEqual({ classes: '["a","b"]', feature_names: 'f1,f2,f3' });
    expect(info.externalData).toEqual([]);
    expect(info.fileBytes).toBe(model.length);
    expect(info.totalBytes).toBe(model.length);
  });

  test('external data: one entry per file, its size counted, checked to be long enough', async () => {
    const sub = mkdtempSync(join(dir, 'ext-'));
    const { model: m, data } = encodeModelWithExternalData(spec, 'linear.onnx.data');
    writeFileSync(join(sub, 'linear.onnx'), m);
    writeFileSync(join(sub, 'linear.onnx.data'), data);
    const info = await readOnnxModelInfo(join(sub, 'linear.onnx'));
    expect(info.externalData).toEqual([{ location: 'linear.onnx.data', path: join(sub, 'linear.onnx.data'), bytes: data.length }]);
    expect(info.totalBytes).toBe(m.length + data.length);
    writeFileSync(join(sub, 'linear.onnx.data'), data.subarray(0, data.length - 4));
    expect((await refused(join(sub, 'linear.onnx'))).message).toMatch(/external-data file 'linear.onnx.data' .* has \d+ bytes but the model reads up to byte \d+; it is truncated/);
  });

  test('external data outside the model folder is refused, as onnxruntime does', async () => {
    const { model: m } = encodeModelWithExternalData(spec, '../elsewhere.data');
    const error = await refused(write('escaping.onnx', m));
    expect(error.message).toMatch(/keeps weights in '..\/elsewhere.data', outside the model's folder/);
  });

  test.each([
    ['a zip (PyTorch checkpoint)', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40, 1)]), /look like a zip archive \(a PyTorch checkpoint/],
    ['a pickle', Buffer.concat([Buffer.from([0x80, 0x04, 0x95]), Buffer.alloc(40, 2)]), /look like a Python pickle/],
    ['JSON', '{"model": "not really"}', /look like JSON text/],
    ['text', 'this is a readme, not a model\n', /look like text/],
    ['HDF5 (Keras)', Buffer.concat([Buffer.from('\x89HDF\r\n\x1a\n', 'latin1'), Buffer.alloc(40)]), /look like an HDF5 file/],
    ['empty', '', /is empty; the export or download did not finish/],
  ])('%s is not an ONNX model, said in one sentence', async (_what, bytes, message) => {
    const error = await refused(write(`bad-${_what.replace(/\W/g, '')}.onnx`, bytes));
    expect(error.message).toMatch(message);
    expect(error.where.file).toBeDefined();
  });

  test('every prefix of a model is refused with an InputError, or (cut between trailing fields) reads the same graph', async () => {
    const p = join(dir, 'prefix.onnx');
    const full = await readOnnxModelInfo(write('full.onnx', model));
    let refusals = 0;
    for (let cut = 1; cut < model.length; cut++) {
      writeFileSync(p, model.subarray(0, cut));
      try {
        const info = await readOnnxModelInfo(p);
        // Protobuf cannot tell a message cut between fields from a shorter one: what it reads
        // must then be the same graph, short only of trailing metadata.
        expect(info.inputs).toEqual(full.inputs);
        expect(info.outputs).toEqual(full.outputs);
        expect(info.opsets).toEqual(full.opsets);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(0.9 * model.length);
  });

  test('random bytes give an InputError or a model, never a crash', async () => {
    const p = join(dir, 'fuzz.onnx');
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), async (bytes) => {
      writeFileSync(p, bytes);
      try {
        await readOnnxModelInfo(p);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
      }
    }), { numRuns: 500, seed: 7 });
  });

  test('a 40 MB initializer is skipped, not read', async () => {
    const big: ModelSpec = { ...spec, initializers: [{ name: 'W', type: 'float', dims: [10_000_000], values: new Float32Array(10_000_000) }, spec.initializers[1]] };
    const bytes = encodeModel(big);
    const info = await readOnnxModelInfo(write('big.onnx', bytes));
    expect(info.fileBytes).toBe(bytes.length);
    expect(info.inputs.map((i) => i.name)).toEqual(['x']);
    expect(readFileSync(join(dir, 'big.onnx')).length).toBeGreaterThan(40e6);
  });
});
