// quality-gates on real models: trained by the tests on Palmer penguins and cars (vega-datasets),
// exported to ONNX and run by onnxruntime-node, through the same use case the action calls.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKnownMetric, runQualityGates, type QualityGatesRequest } from '../../packages/core/src/index.js';
import { buildTestModels, type TestModels } from '../models/test-models.js';
import { inputError } from '../../packages/core/test/data/helpers.js';

let dir: string;
let t: TestModels;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-qg-'));
  t = await buildTestModels(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Few latency runs keep the suite quick; the latency percentiles themselves are tested on fixtures.
const fast = { 'latency-runs': '100', 'warmup-runs': '5' };
const penguins = (model: string, extra: QualityGatesRequest = {}) =>
  runQualityGates({
    model,
    'test-data': t.data.penguinsTest,
    'label-column': 'species',
    gates: 'accuracy >= 0.9',
    ...fast,
    'verdict-path': join(dir, `verdict-${Math.random().toString(36).slice(2)}.json`),
    ...extra,
  });

describe('a good classifier', () => {
  test('passes, with metrics that agree with the trainer, a confusion matrix and latency', async () => {
    const out = await penguins(t.models.penguins, { gates: 'accuracy >= 0.95\naccuracy.ci_low >= 0.9\nmacro_f1 >= 0.9\nlatency.p99 <= 1s\nsize <= 1MB' });
    const v = out.verdict;
    expect(v.passed).toBe(true);
    expect(v.metrics.accuracy).toBeCloseTo(t.accuracy.penguins, 12);
    expect(v.metrics.rows).toBe(102);
    const e = v.evaluation!;
    expect(e.task).toBe('classification');
    expect(e.classification!.labels).toEqual(t.penguins.classes);
    const matrix = e.classification!.matrix;
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(102);
    expect(matrix.reduce((s, row, i) => s + row[i], 0)).toBe(Math.round(t.accuracy.penguins * 102));
    expect(v.metrics['accuracy.ci_low']!).toBeLessThan(v.metrics.accuracy!);
    expect(v.metrics.log_loss).toBeGreaterThan(0);
    expect(v.metrics.roc_auc).toBeGreaterThan(0.95);
    expect(e.model.inputs).toEqual([{ input: 'features', type: 'float32', columns: t.penguins.featureNames, source: 'model metadata' }]);
    expect(e.model.outputs).toEqual({ prediction: 'label', probabilities: 'probabilities' });
    expect(v.metrics.size).toBe(readFileSync(t.models.penguins).length);
    expect(e.latency!.runs).toBe(100);
    expect(e.latency!.warning).toMatch(/Only 100 runs/);
    expect(e.latency!.p50).toBeLessThanOrEqual(e.latency!.p99);
    expect(e.latency!.hardware.provider).toBe('cpu');
    expect(v.checks.map((c) => [c.name, c.passed])).toEqual([
      ['no collapsed class', true],
      ['finite outputs', true],
      ['deterministic', true],
    ]);
    expect(out.markdown).toContain('### Confusion matrix');
    expect(out.markdown).toContain('xychart-beta');
    expect(out.outputs.passed).toBe('true');
    // Gates are checked against the known names before evaluating: the lists must agree.
    expect(Object.keys(v.metrics).filter((name) => !isKnownMetric(name))).toEqual([]);
  });

  test('batches are views into one prepared array: any batch size gives the same predictions', async () => {
    const { predictAll, planFeeds, chooseOutputs, openModel, readTable } = await import('../../packages/core/src/index.js');
    const session = await openModel(t.models.penguins);
    const table = await readTable(t.data.penguinsTest);
    const plan = planFeeds(table, session.inputs, session.ort, { labelColumn: 'species', metadata: session.info.metadata });
    const roles = chooseOutputs(
      session.outputs,
      table.columns.find((c) => c.name === 'species')!,
    );
    const whole = await predictAll(session, plan, roles, 1000);
    const sevens = await predictAll(session, plan, roles, 7);
    await session.release();
    expect(Array.from(sevens.numbers!)).toEqual(Array.from(whole.numbers!));
    expect(Array.from(sevens.probabilities!)).toEqual(Array.from(whole.probabilities!));
  });

  test.each([
    ['one input per column, bound by name', 'penguinsPerColumn'],
    ['external data beside the model', 'penguinsExternal'],
    ['string labels', 'penguinsStringLabel'],
  ] as const)('%s: the same metrics as the matrix model', async (_what, key) => {
    const reference = (await penguins(t.models.penguins)).verdict.metrics;
    const v = (await penguins(t.models[key])).verdict;
    for (const m of ['accuracy', 'macro_f1', 'log_loss', 'roc_auc', 'balanced_accuracy']) expect(v.metrics[m]).toBe(reference[m]);
    if (key === 'penguinsExternal') {
      expect(v.metrics.size).toBe(readFileSync(t.models.penguinsExternal).length + readFileSync(t.models.penguinsExternalData).length);
      expect(v.evaluation!.model.externalData).toHaveLength(1);
    }
    if (key === 'penguinsPerColumn') expect(v.evaluation!.model.inputs.every((i) => i.source === 'same name')).toBe(true);
  });

  test('an explicit input-mapping and a features list bind the same columns', async () => {
    const cols = t.penguins.featureNames.join(', ');
    const a = await penguins(t.models.penguins, { 'input-mapping': `features = ${cols}` });
    const b = await penguins(t.models.penguins, { features: cols });
    expect(a.verdict.metrics.accuracy).toBe(b.verdict.metrics.accuracy);
    expect(a.verdict.evaluation!.model.inputs[0].source).toBe('input-mapping');
  });
});

describe('bad models are caught', () => {
  test('a collapsed class fails the step by name, whatever the accuracy gate says', async () => {
    const v = (await penguins(t.models.penguinsCollapsed, { gates: 'accuracy >= 0.5' })).verdict;
    expect(v.gates[0].passed).toBe(true);
    expect(v.passed).toBe(false);
    const check = v.checks.find((c) => c.name === 'no collapsed class')!;
    expect(check.passed).toBe(false);
    expect(check.detail).toMatch(/never predicts 'Chinstrap'/);
    expect(v.metrics.collapsed_classes).toBe(1);
    expect(v.metrics['recall.Chinstrap']).toBe(0);
  });

  test('NaN outputs on clean rows fail the finite-outputs check; log loss is not computed and says why', async () => {
    const v = (await penguins(t.models.penguinsNan, { gates: 'accuracy >= 0' })).verdict;
    expect(v.passed).toBe(false);
    expect(v.checks.find((c) => c.name === 'finite outputs')!.detail).toMatch(/^\d+ of 102 rows with complete, finite inputs gave NaN or infinite outputs/);
    expect(v.metrics.nonfinite_outputs).toBeGreaterThan(0);
    expect(v.metrics.log_loss).toBeNull();
    expect(v.evaluation!.notes.join(' ')).toMatch(/NaN or infinite outputs/);
  });

  // The threshold sits at half the slow model's own median, so the slow model fails it by arithmetic
  // (its p99 is at least its p50), and the fast model (about 40x quicker per row) passes it unless
  // more than 1% of its 1000 runs stall for that long: no wall-clock guess about this machine.
  test("a slow model fails a latency gate the fast one passes (threshold: half the slow model's median)", async () => {
    const slowPath = join(dir, 'verdict-slow.json');
    const slowRun = await penguins(t.models.penguinsSlow, { 'latency-runs': '30', 'verdict-path': slowPath });
    const threshold = slowRun.verdict.metrics['latency.p50']! / 2;
    const gate = `latency.p99 <= ${threshold.toFixed(4)}ms`;
    const slow = await runQualityGates({ report: slowPath, gates: gate, 'verdict-path': join(dir, 'verdict-slow-gated.json') });
    const fastRun = await penguins(t.models.penguins, { gates: gate, 'latency-runs': '1000' });
    expect(slow.verdict.gates[0].passed).toBe(false);
    expect(slow.verdict.gates[0].reason).toMatch(/^latency.p99 = .* ms fails <= .* ms by .* ms$/);
    expect(fastRun.verdict.gates[0].passed).toBe(true);
    expect(slowRun.verdict.metrics.accuracy).toBe(fastRun.verdict.metrics.accuracy);
  });

  test('a regression model is scored with MAE, RMSE and R² that agree with the trainer', async () => {
    const out = await runQualityGates({
      model: t.models.carsRegression,
      'test-data': t.data.carsTest,
      'label-column': 'mpg',
      gates: 'r2 >= 0.6\nmae <= 10',
      ...fast,
      'verdict-path': join(dir, 'cars.json'),
    });
    expect(out.verdict.evaluation!.task).toBe('regression');
    expect(out.verdict.metrics.r2).toBeCloseTo(t.carsR2, 5);
    expect(out.verdict.passed).toBe(true);
    expect(out.verdict.metrics.rmse!).toBeGreaterThanOrEqual(out.verdict.metrics.mae!);
    expect(Object.keys(out.verdict.metrics).filter((name) => !isKnownMetric(name))).toEqual([]);
  });
});

describe('against the production model', () => {
  test('baseline gates and McNemar on the paired predictions', async () => {
    const v = (await penguins(t.models.penguins, { baseline: t.models.penguinsBaseline, gates: 'accuracy >= baseline.accuracy - 0.01\nmcnemar.p_value <= 1' }))
      .verdict;
    expect(v.baselineMetrics!.accuracy).toBeCloseTo(t.accuracy.baseline, 12);
    expect(v.gates[0].passed).toBe(true);
    const m = v.evaluation!.baseline!.mcnemar!;
    // b - c is the difference in right answers: the accuracies fix it.
    expect(m.candidateRightBaselineWrong - m.candidateWrongBaselineRight).toBe(Math.round((t.accuracy.penguins - t.accuracy.baseline) * 102));
    expect(m.pValue).toBeLessThan(0.05);
    expect(m.conclusion).toMatch(/^The candidate is better than the baseline/);
    expect(v.checks.find((c) => c.name === 'not worse than baseline')!.passed).toBe(true);
  });

  test('the weaker model, judged against the better one in production, is worse, not noise', async () => {
    const v = (await penguins(t.models.penguinsBaseline, { baseline: t.models.penguins, gates: 'accuracy >= baseline.accuracy - 0.01' })).verdict;
    expect(v.gates[0].passed).toBe(false);
    expect(v.checks.find((c) => c.name === 'not worse than baseline')).toMatchObject({ passed: false });
    expect(v.passed).toBe(false);
  });
});

describe('bad input: one sentence each, nothing written', () => {
  const cases: Array<[string, () => QualityGatesRequest, RegExp]> = [
    ['not an ONNX file', () => ({ model: t.data.penguinsTest }), /is not an ONNX model: its first bytes look like text/],
    ['a truncated file', () => ({ model: truncated() }), /is cut short: a field runs past the end of the file/],
    [
      'missing external data',
      () => ({ model: withoutExternalData() }),
      /keeps its weights in the external-data file 'penguins-external.onnx.data', which is missing/,
    ],
    ['a missing model', () => ({ model: join(dir, 'nope.onnx') }), /nope.onnx does not exist/],
    ['labels missing', () => ({ 'label-column': 'specie' }), /has no label column 'specie'; did you mean 'species'\?/],
    ['an empty test set', () => ({ 'test-data': headerOnly() }), /empty.csv has a header row but no data rows/],
    [
      'labels the model cannot produce',
      () => ({ model: t.models.penguins2Class }),
      /Label 'Chinstrap' in column 'species' \(row \d+ of the test data\) is not a class the model can output \('Adelie', 'Gentoo'/,
    ],
    [
      'too few feature columns',
      () => ({ features: 'bill_length_mm, bill_depth_mm, body_mass_g' }),
      /Model input 'features' takes 4 values per row \(shape \[N, 4\]\) but features gives 3 columns/,
    ],
    [
      'a column that does not exist',
      () => ({ features: 'bill_length_mm, bill_depth_mm, flipper_length, body_mass_g' }),
      /names column 'flipper_length', which the test data does not have; did you mean 'flipper_length_mm'\?/,
    ],
    [
      'text fed to a float input',
      () => ({ 'input-mapping': 'features = island, bill_depth_mm, flipper_length_mm, body_mass_g' }),
      /Column 'island' holds text .* but model input 'features' takes float32/,
    ],
    [
      'the label fed to the model',
      () => ({ features: 'species, bill_depth_mm, flipper_length_mm, body_mass_g' }),
      /feeds the label column 'species' to the model/,
    ],
    [
      'an input the model does not have',
      () => ({ 'input-mapping': 'feature = bill_length_mm' }),
      /names model input 'feature', which the model does not have; did you mean 'features'\?/,
    ],
    ['an output the model does not have', () => ({ 'probability-output': 'probs' }), /names output 'probs', which the model does not have/],
    ['class names that do not match', () => ({ 'class-names': 'Adelie, Gentoo' }), /gives 3 probabilities per row but class-names lists 2 classes/],
    [
      'cuda where there is none',
      () => ({ 'execution-provider': 'cuda' }),
      /execution-provider is cuda, but onnxruntime's CUDA provider \(libonnxruntime_providers_cuda.so\) is not installed/,
    ],
  ];
  test.each(cases)('%s', async (_what, req, message) => {
    const verdictPath = join(dir, 'must-not-exist.json');
    const error = await inputError(penguins(t.models.penguins, { ...req(), 'verdict-path': verdictPath }));
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/\n/);
    expect(existsSync(verdictPath)).toBe(false);
  });

  test('a failed run leaves the previous verdict untouched', async () => {
    const verdictPath = join(dir, 'kept.json');
    await penguins(t.models.penguins, { 'verdict-path': verdictPath });
    const before = readFileSync(verdictPath, 'utf8');
    await inputError(penguins(t.models.penguins, { 'verdict-path': verdictPath, 'label-column': 'nope' }));
    expect(readFileSync(verdictPath, 'utf8')).toBe(before);
  });

  function truncated(): string {
    const p = join(dir, 'truncated.onnx');
    const bytes = readFileSync(t.models.penguins);
    writeFileSync(p, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    return p;
  }
  function withoutExternalData(): string {
    const sub = mkdtempSync(join(dir, 'ext-'));
    copyFileSync(t.models.penguinsExternal, join(sub, 'penguins-external.onnx'));
    return join(sub, 'penguins-external.onnx');
  }
  function headerOnly(): string {
    const p = join(dir, 'empty.csv');
    writeFileSync(p, readFileSync(t.data.penguinsTest, 'utf8').split('\n')[0] + '\n');
    return p;
  }
});

test('with cuda, bad input is answered before the provider libraries are fetched: the shell gives a fetch the step calls only after its checks', async () => {
  let fetched = 0;
  const cudaProviders = async () => {
    fetched++;
    throw new Error('no download in this test');
  };
  const req = { model: t.models.penguins, 'label-column': 'species', gates: 'accuracy >= 0.9', 'execution-provider': 'cuda' };
  expect((await inputError(runQualityGates(req, new Date(), { cudaProviders }))).message).toBe(
    "Input 'test-data' is required with 'model': give the held-out data to score the model on (file, directory or glob).",
  );
  expect(
    (await inputError(runQualityGates({ ...req, 'test-data': t.data.penguinsTest, gates: 'acuracy >= 0.9' }, new Date(), { cudaProviders }))).message,
  ).toMatch(/acuracy/);
  expect(fetched).toBe(0);
  await expect(runQualityGates({ ...req, 'test-data': t.data.penguinsTest }, new Date(), { cudaProviders })).rejects.toThrow('no download in this test');
  expect(fetched).toBe(1);
});
