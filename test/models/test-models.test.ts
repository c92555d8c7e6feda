import ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildTestModels, type TestModels } from './test-models.js';

const { onnx } = onnxProto;

let dir: string;
let built: TestModels;
let penguins: { features: number[][]; species: string[] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelci-test-models-'));
  built = await buildTestModels(dir);
  penguins = await readPenguins(built.data.penguinsTest);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

test('every model loads and declares its classes and feature names', async () => {
  const header = onnx.ModelProto.decode(await readFile(built.models.penguins));
  expect([Number(header.irVersion), header.producerName]).toEqual([8, 'modelci-test-trainer']);
  expect(header.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
  const { penguinsExternalData: _sideFile, carsRegression, ...classifiers } = built.models;
  for (const path of Object.values(classifiers)) {
    await ort.InferenceSession.create(path);
    const metadata = await readMetadata(path);
    expect(JSON.parse(metadata.feature_names)).toEqual(built.penguins.featureNames);
    const expected = basename(path) === 'penguins-2class.onnx' ? built.penguins.twoClassClasses : built.penguins.classes;
    expect(JSON.parse(metadata.classes)).toEqual(expected);
  }
  await ort.InferenceSession.create(carsRegression);
  expect(JSON.parse((await readMetadata(carsRegression)).feature_names)).toEqual(built.cars.featureNames);
});

test('the full classifier is accurate and its probabilities sum to 1', async () => {
  const { label, probabilities } = await classify(built.models.penguins);
  expect(accuracyOf(label)).toBeGreaterThanOrEqual(0.95);
  expect(accuracyOf(label)).toBeCloseTo(built.accuracy.penguins, 10);
  for (const row of rowsOf(probabilities, 3)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
});

test('the per-column model predicts as the single-input one', async () => {
  const feeds = Object.fromEntries(
    built.penguins.featureNames.map((name, j) => [
      name,
      new ort.Tensor('float32', Float32Array.from(penguins.features.map((row) => row[j])), [penguins.features.length, 1]),
    ]),
  );
  const session = await ort.InferenceSession.create(built.models.penguinsPerColumn);
  const { label } = await session.run(feeds);
  expect(indices(label)).toEqual(indices((await classify(built.models.penguins)).label));
});

test('the baseline is clearly weaker than the full model but well above chance', async () => {
  const full = accuracyOf((await classify(built.models.penguins)).label);
  const baseline = accuracyOf((await classify(built.models.penguinsBaseline)).label);
  expect(baseline).toBeLessThanOrEqual(full - 0.05);
  expect(baseline).toBeGreaterThan(0.5);
  expect(baseline).toBeCloseTo(built.accuracy.baseline, 10);
});

test('the collapsed model never predicts Chinstrap, though the test split has Chinstraps', async () => {
  expect(penguins.species).toContain('Chinstrap');
  const chinstrap = built.penguins.classes.indexOf('Chinstrap');
  expect(indices((await classify(built.models.penguinsCollapsed)).label)).not.toContain(chinstrap);
});

test('the two-class model cannot produce the Chinstrap labels of the test split', async () => {
  const { label, probabilities } = await classify(built.models.penguins2Class);
  expect(probabilities.dims).toEqual([penguins.species.length, 2]);
  expect(new Set(indices(label))).toEqual(new Set([0, 1]));
  expect(penguins.species.filter((s) => !built.penguins.twoClassClasses.includes(s)).length).toBeGreaterThan(0);
  expect(built.accuracy.twoClass).toBeGreaterThanOrEqual(0.95);
});

test('the NaN export gives NaN probabilities for some rows', async () => {
  const { probabilities } = await classify(built.models.penguinsNan);
  expect(rowsOf(probabilities, 3).filter((row) => row.some(Number.isNaN)).length).toBeGreaterThan(0);
});

test("the slow model and the external-data model give the full model's outputs", async () => {
  const full = await classify(built.models.penguins);
  for (const path of [built.models.penguinsSlow, built.models.penguinsExternal]) {
    const other = await classify(path);
    expect(indices(other.label)).toEqual(indices(full.label));
    expect(other.probabilities.data).toEqual(full.probabilities.data);
  }
});

test('the external-data model keeps its float initializers in the side file', async () => {
  const model = onnx.ModelProto.decode(await readFile(built.models.penguinsExternal));
  const floats = model.graph?.initializer?.filter((t) => t.dataType === onnx.TensorProto.DataType.FLOAT) ?? [];
  expect(floats.length).toBeGreaterThan(0);
  for (const tensor of floats) {
    expect(tensor.dataLocation).toBe(onnx.TensorProto.DataLocation.EXTERNAL);
    expect(tensor.rawData?.length ?? 0).toBe(0);
    expect(tensor.externalData?.find((e) => e.key === 'location')?.value).toBe(basename(built.models.penguinsExternalData));
  }
  const bytes = floats.reduce((total, t) => total + 4 * (t.dims ?? []).reduce<number>((n, d) => n * Number(d), 1), 0);
  expect((await readFile(built.models.penguinsExternalData)).length).toBe(bytes);
});

test('the regression model explains most of the variance in mpg', async () => {
  const cars = await readCsv(built.data.carsTest);
  const mpgColumn = cars.header.indexOf('mpg');
  const features = cars.rows.map((row) => built.cars.featureNames.map((name) => Number(row[cars.header.indexOf(name)])));
  const session = await ort.InferenceSession.create(built.models.carsRegression);
  const { mpg } = await session.run({ features: matrix(features) });
  const r2 = rSquared(
    cars.rows.map((row) => Number(row[mpgColumn])),
    Array.from(mpg.data as Float32Array),
  );
  expect(r2).toBeGreaterThan(0.6);
  expect(r2).toBeCloseTo(built.carsR2, 4);
});

test('the string-label model names the classes the index model picks', async () => {
  const { label } = await classify(built.models.penguinsStringLabel);
  const expected = indices((await classify(built.models.penguins)).label).map((i) => built.penguins.classes[i]);
  expect(label.type).toBe('string');
  expect(Array.from(label.data as string[])).toEqual(expected);
});

test('two builds write identical bytes', async () => {
  const again = await mkdtemp(join(tmpdir(), 'modelci-test-models-'));
  try {
    const second = await buildTestModels(again);
    const paths = (m: TestModels) => [...Object.values(m.data), ...Object.values(m.models)];
    const [first, next] = [paths(built), paths(second)];
    for (let i = 0; i < first.length; i++) expect((await readFile(next[i])).equals(await readFile(first[i]))).toBe(true);
  } finally {
    await rm(again, { recursive: true, force: true });
  }
});

async function classify(path: string): Promise<{ label: ort.Tensor; probabilities: ort.Tensor }> {
  const session = await ort.InferenceSession.create(path);
  const { label, probabilities } = await session.run({ features: matrix(penguins.features) });
  return { label, probabilities };
}

function matrix(rows: number[][]): ort.Tensor {
  return new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, rows[0].length]);
}

function indices(label: ort.Tensor): number[] {
  return Array.from(label.data as BigInt64Array, Number);
}

function accuracyOf(label: ort.Tensor): number {
  const predicted = indices(label).map((i) => built.penguins.classes[i]);
  return predicted.filter((species, i) => species === penguins.species[i]).length / predicted.length;
}

function rowsOf(tensor: ort.Tensor, width: number): number[][] {
  const data = Array.from(tensor.data as Float32Array);
  return Array.from({ length: data.length / width }, (_, i) => data.slice(i * width, (i + 1) * width));
}

function rSquared(actual: number[], predicted: number[]): number {
  const mean = actual.reduce((a, b) => a + b, 0) / actual.length;
  const residual = actual.reduce((total, y, i) => total + (y - predicted[i]) ** 2, 0);
  const spread = actual.reduce((total, y) => total + (y - mean) ** 2, 0);
  return 1 - residual / spread;
}

async function readPenguins(path: string): Promise<{ features: number[][]; species: string[] }> {
  const { header, rows } = await readCsv(path);
  const columns = built.penguins.featureNames.map((name) => header.indexOf(name));
  return {
    features: rows.map((row) => columns.map((j) => Number(row[j]))),
    species: rows.map((row) => row[header.indexOf(built.penguins.labelColumn)]),
  };
}

async function readCsv(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const [header, ...rows] = (await readFile(path, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  return { header, rows };
}

async function readMetadata(path: string): Promise<Record<string, string>> {
  const model = onnx.ModelProto.decode(await readFile(path));
  return Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
}
