/**
 * Real models for tests: trained here on real data (Palmer penguins, cars), exported to ONNX, with
 * the CSVs they are evaluated on. The deliberately flawed variants (weak, collapsed, two-class,
 * NaN, slow) are flawed the way real exports are, not by hand-set weights.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CAR_FEATURES,
  PENGUIN_FEATURES,
  carsCsv,
  loadCars,
  loadPenguins,
  penguinsCsv,
  type Car,
  type Penguin,
  type PenguinFeature,
  type Split,
} from './data.js';
import { writeModel, type Initializer, type ModelSpec, type NodeSpec } from './onnx-builder.js';
import { mulberry32 } from './random.js';
import { accuracy, rSquared, trainLinearRegression, trainSoftmax, type LinearModel, type SoftmaxModel, type Standardizer } from './train.js';

export interface TestModelsOptions {
  /** [512,512] MatMul+Tanh layers in penguins-slow.onnx's dead branch (default 320: about 3 ms per row on one Xeon core). */
  slowLayers?: number;
}

export interface TestModels {
  /** Absolute paths of the CSVs. */
  data: { penguinsTrain: string; penguinsTest: string; carsTest: string };
  /** Absolute paths of the models (and of penguins-external.onnx's side file). */
  models: {
    penguins: string;
    penguinsPerColumn: string;
    penguinsBaseline: string;
    penguinsCollapsed: string;
    penguins2Class: string;
    penguinsNan: string;
    penguinsSlow: string;
    penguinsExternal: string;
    penguinsExternalData: string;
    penguinsStringLabel: string;
    carsRegression: string;
  };
  penguins: {
    labelColumn: 'species';
    /** Index i is the class of label i, for every three-class model. */
    classes: string[];
    twoClassClasses: string[];
    /** The columns every penguin model takes, in input order. */
    featureNames: string[];
    /** The only columns penguins-baseline.onnx was trained on. */
    baselineFeatures: string[];
  };
  cars: { targetColumn: 'mpg'; featureNames: string[] };
  /** Test-split accuracy of each classifier, computed here in float64 (two-class: on its two species). */
  accuracy: { penguins: number; baseline: number; collapsed: number; twoClass: number };
  /** Test-split R² of cars-regression.onnx. */
  carsR2: number;
  slowLayers: number;
}

const CLASSES = ['Adelie', 'Chinstrap', 'Gentoo'];
const TWO_CLASSES = ['Adelie', 'Gentoo'];
const BASELINE_FEATURES: readonly PenguinFeature[] = ['bill_depth_mm', 'body_mass_g'];
const L2 = 0.01;
/** Three Chinstrap rows and a strong penalty: the trained model never picks Chinstrap. */
const COLLAPSED_CHINSTRAP_ROWS = 3;
const COLLAPSED_L2 = 0.3;
const DEFAULT_SLOW_LAYERS = 320;
const SLOW_WIDTH = 512;
const SLOW_SEED = 512;

interface Trained {
  penguins: Split<Penguin>;
  cars: Split<Car>;
  full: SoftmaxModel;
  baseline: SoftmaxModel;
  collapsed: SoftmaxModel;
  twoClass: SoftmaxModel;
  regression: LinearModel;
}

/** Training takes most of the build, so one process trains once. */
let trained: Trained | undefined;

export async function buildTestModels(dir: string, options: TestModelsOptions = {}): Promise<TestModels> {
  trained ??= trainAll();
  const { penguins, cars, full, baseline, collapsed, twoClass, regression } = trained;
  const slowLayers = options.slowLayers ?? DEFAULT_SLOW_LAYERS;
  const at = (name: string) => resolve(dir, name);
  const write = (name: string, text: string) => writeFileSync(at(name), text);

  write('penguins-train.csv', penguinsCsv(penguins.train));
  write('penguins-test.csv', penguinsCsv(penguins.test));
  write('cars-test.csv', carsCsv(cars.test));
  writeModel(at('penguins.onnx'), penguinClassifier(full, CLASSES));
  writeModel(at('penguins-per-column.onnx'), penguinClassifier(full, CLASSES, { perColumn: true }));
  writeModel(at('penguins-baseline.onnx'), penguinClassifier(baseline, CLASSES));
  writeModel(at('penguins-collapsed.onnx'), penguinClassifier(collapsed, CLASSES));
  writeModel(at('penguins-2class.onnx'), penguinClassifier(twoClass, TWO_CLASSES));
  writeModel(at('penguins-nan.onnx'), penguinClassifier(full, CLASSES, { logFeatures: true }));
  writeModel(at('penguins-slow.onnx'), penguinClassifier(full, CLASSES, { slowLayers }));
  writeModel(at('penguins-external.onnx'), penguinClassifier(full, CLASSES), { externalData: true });
  writeModel(at('penguins-string-label.onnx'), penguinClassifier(full, CLASSES, { stringLabel: true }));
  writeModel(at('cars-regression.onnx'), carsRegression(regression));

  return {
    data: { penguinsTrain: at('penguins-train.csv'), penguinsTest: at('penguins-test.csv'), carsTest: at('cars-test.csv') },
    models: {
      penguins: at('penguins.onnx'),
      penguinsPerColumn: at('penguins-per-column.onnx'),
      penguinsBaseline: at('penguins-baseline.onnx'),
      penguinsCollapsed: at('penguins-collapsed.onnx'),
      penguins2Class: at('penguins-2class.onnx'),
      penguinsNan: at('penguins-nan.onnx'),
      penguinsSlow: at('penguins-slow.onnx'),
      penguinsExternal: at('penguins-external.onnx'),
      penguinsExternalData: at('penguins-external.onnx.data'),
      penguinsStringLabel: at('penguins-string-label.onnx'),
      carsRegression: at('cars-regression.onnx'),
    },
    penguins: {
      labelColumn: 'species',
      classes: [...CLASSES],
      twoClassClasses: [...TWO_CLASSES],
      featureNames: [...PENGUIN_FEATURES],
      baselineFeatures: [...BASELINE_FEATURES],
    },
    cars: { targetColumn: 'mpg', featureNames: [...CAR_FEATURES] },
    accuracy: {
      penguins: penguinAccuracy(full, penguins.test, CLASSES),
      baseline: penguinAccuracy(baseline, penguins.test, CLASSES),
      collapsed: penguinAccuracy(collapsed, penguins.test, CLASSES),
      twoClass: penguinAccuracy(twoClass, ofSpecies(penguins.test, TWO_CLASSES), TWO_CLASSES),
    },
    carsR2: rSquared(
      regression,
      features(cars.test),
      cars.test.map((c) => c.mpg),
    ),
    slowLayers,
  };
}

function trainAll(): Trained {
  const penguins = loadPenguins();
  const cars = loadCars();
  const { train } = penguins;
  return {
    penguins,
    cars,
    full: trainPenguins(train, CLASSES, L2),
    baseline: trainBaseline(train),
    collapsed: trainPenguins(withFewChinstraps(train), CLASSES, COLLAPSED_L2),
    twoClass: trainPenguins(ofSpecies(train, TWO_CLASSES), TWO_CLASSES, L2),
    regression: trainLinearRegression(
      features(cars.train),
      cars.train.map((c) => c.mpg),
    ),
  };
}

function trainPenguins(rows: Penguin[], classes: string[], l2: number): SoftmaxModel {
  return trainSoftmax(features(rows), labels(rows, classes), classes.length, { l2 });
}

/**
 * Trained on bill depth and body mass only, then widened to the four-column signature: the rows
 * for bill length and flipper length are zero because the model never saw those columns.
 */
function trainBaseline(rows: Penguin[]): SoftmaxModel {
  const used = BASELINE_FEATURES.map((name) => PENGUIN_FEATURES.indexOf(name));
  const narrow = trainSoftmax(
    rows.map((p) => used.map((j) => p.features[j])),
    labels(rows, CLASSES),
    CLASSES.length,
    { l2: L2 },
  );
  const wide = PENGUIN_FEATURES.map((_, j) => used.indexOf(j));
  // Unused columns pass through unscaled (mean 0, std 1); their zero weights ignore them.
  return {
    standardizer: {
      mean: wide.map((u) => (u < 0 ? 0 : narrow.standardizer.mean[u])),
      std: wide.map((u) => (u < 0 ? 1 : narrow.standardizer.std[u])),
    },
    weights: wide.map((u) => (u < 0 ? CLASSES.map(() => 0) : narrow.weights[u])),
    bias: narrow.bias,
  };
}

/** The imbalance a careless subsample makes: all but a handful of Chinstraps dropped. */
function withFewChinstraps(rows: Penguin[]): Penguin[] {
  const kept = new Set(rows.filter((p) => p.species === 'Chinstrap').slice(0, COLLAPSED_CHINSTRAP_ROWS));
  return rows.filter((p) => p.species !== 'Chinstrap' || kept.has(p));
}

function penguinAccuracy(model: SoftmaxModel, rows: Penguin[], classes: string[]): number {
  return accuracy(model, features(rows), labels(rows, classes));
}

function ofSpecies(rows: Penguin[], species: string[]): Penguin[] {
  return rows.filter((p) => species.includes(p.species));
}

function features(rows: { features: number[] }[]): number[][] {
  return rows.map((row) => row.features);
}

function labels(rows: Penguin[], classes: string[]): number[] {
  return rows.map((p) => classes.indexOf(p.species));
}

// ---- ONNX graphs ----

interface Fragment {
  nodes: NodeSpec[];
  initializers: Initializer[];
}

interface ClassifierVariant {
  /** One [N,1] input per column, concatenated in the graph. */
  perColumn?: boolean;
  /**
   * The deliberately broken export used to test NaN handling: Log of the standardized features,
   * NaN wherever one is negative.
   */
  logFeatures?: boolean;
  /** A compute-heavy branch whose result is multiplied by zero: slow, same predictions. */
  slowLayers?: number;
  /** `label` as the class name (Gather from a string constant) instead of its index. */
  stringLabel?: boolean;
}

/** features [N,d] → Sub(mean) → Div(std) → MatMul(W) → Add(b) → logits → label, probabilities. */
function penguinClassifier(model: SoftmaxModel, classes: string[], variant: ClassifierVariant = {}): ModelSpec {
  const parts: Fragment[] = [];
  if (variant.perColumn)
    parts.push({ nodes: [{ op: 'Concat', inputs: [...PENGUIN_FEATURES], outputs: ['features'], attributes: { axis: 1 } }], initializers: [] });
  parts.push(standardizeGraph(model.standardizer, 'features', 'standardized'));
  let linearInput = 'standardized';
  if (variant.logFeatures) {
    parts.push({ nodes: [{ op: 'Log', inputs: ['standardized'], outputs: ['log_standardized'] }], initializers: [] });
    linearInput = 'log_standardized';
  }
  const { slowLayers } = variant;
  parts.push(linearGraph(model.weights, model.bias, linearInput, slowLayers === undefined ? 'logits' : 'linear_logits'));
  if (slowLayers !== undefined) parts.push(deadSlowBranch('standardized', 'linear_logits', 'logits', slowLayers));
  parts.push(classifierHeads(classes, variant.stringLabel ?? false));

  const inputs = variant.perColumn
    ? PENGUIN_FEATURES.map((name) => ({ name, type: 'float' as const, shape: ['N', 1] }))
    : [{ name: 'features', type: 'float' as const, shape: ['N', PENGUIN_FEATURES.length] }];
  return {
    graphName: 'penguins',
    ...merge(parts),
    inputs,
    outputs: [
      { name: 'label', type: variant.stringLabel ? 'string' : 'int64', shape: ['N'] },
      { name: 'probabilities', type: 'float', shape: ['N', classes.length] },
    ],
    metadata: { classes: JSON.stringify(classes), feature_names: JSON.stringify(PENGUIN_FEATURES) },
  };
}

/** features [N,3] → Sub(mean) → Div(std) → MatMul(w) → Add(b) → mpg [N,1]. */
function carsRegression(model: LinearModel): ModelSpec {
  const parts = [
    standardizeGraph(model.standardizer, 'features', 'standardized'),
    linearGraph(
      model.weights.map((w) => [w]),
      [model.bias],
      'standardized',
      'mpg',
    ),
  ];
  return {
    graphName: 'cars',
    ...merge(parts),
    inputs: [{ name: 'features', type: 'float', shape: ['N', CAR_FEATURES.length] }],
    outputs: [{ name: 'mpg', type: 'float', shape: ['N', 1] }],
    metadata: { feature_names: JSON.stringify(CAR_FEATURES) },
  };
}

function standardizeGraph({ mean, std }: Standardizer, input: string, output: string): Fragment {
  return {
    nodes: [
      { op: 'Sub', inputs: [input, 'mean'], outputs: ['centered'] },
      { op: 'Div', inputs: ['centered', 'std'], outputs: [output] },
    ],
    initializers: [
      { name: 'mean', type: 'float', dims: [mean.length], values: mean },
      { name: 'std', type: 'float', dims: [std.length], values: std },
    ],
  };
}

function linearGraph(weights: number[][], bias: number[], input: string, output: string): Fragment {
  return {
    nodes: [
      { op: 'MatMul', inputs: [input, 'W'], outputs: ['scores'] },
      { op: 'Add', inputs: ['scores', 'b'], outputs: [output] },
    ],
    initializers: [
      { name: 'W', type: 'float', dims: [weights.length, bias.length], values: weights.flat() },
      { name: 'b', type: 'float', dims: [bias.length], values: bias },
    ],
  };
}

function classifierHeads(classes: string[], stringLabel: boolean): Fragment {
  const argmax: NodeSpec = { op: 'ArgMax', inputs: ['logits'], outputs: [stringLabel ? 'label_index' : 'label'], attributes: { axis: 1, keepdims: 0 } };
  const softmax: NodeSpec = { op: 'Softmax', inputs: ['logits'], outputs: ['probabilities'], attributes: { axis: 1 } };
  if (!stringLabel) return { nodes: [argmax, softmax], initializers: [] };
  return {
    nodes: [argmax, { op: 'Gather', inputs: ['class_names', 'label_index'], outputs: ['label'], attributes: { axis: 0 } }, softmax],
    initializers: [{ name: 'class_names', type: 'string', dims: [classes.length], values: classes }],
  };
}

/**
 * input → MatMul [d,512] → layers × (MatMul [512,512] → Tanh) → ReduceSum(axis 1) → Mul 0 → Add to
 * the logits. Tanh keeps every value finite, so the product with zero is exactly 0 and the
 * predictions are those of the plain model. One seeded matrix serves every layer.
 */
function deadSlowBranch(input: string, logits: string, output: string, layers: number): Fragment {
  const nodes: NodeSpec[] = [{ op: 'MatMul', inputs: [input, 'slow_in'], outputs: ['slow_0'] }];
  for (let i = 1; i <= layers; i++) {
    nodes.push({ op: 'MatMul', inputs: [`slow_${i - 1}`, 'slow_w'], outputs: [`slow_mm_${i}`] });
    nodes.push({ op: 'Tanh', inputs: [`slow_mm_${i}`], outputs: [`slow_${i}`] });
  }
  nodes.push(
    { op: 'ReduceSum', inputs: [`slow_${layers}`, 'slow_axes'], outputs: ['slow_sum'], attributes: { keepdims: 1 } },
    { op: 'Mul', inputs: ['slow_sum', 'slow_zero'], outputs: ['slow_dead'] },
    { op: 'Add', inputs: [logits, 'slow_dead'], outputs: [output] },
  );
  const { inWeights, weights } = slowWeights();
  return {
    nodes,
    initializers: [
      { name: 'slow_in', type: 'float', dims: [PENGUIN_FEATURES.length, SLOW_WIDTH], values: inWeights },
      { name: 'slow_w', type: 'float', dims: [SLOW_WIDTH, SLOW_WIDTH], values: weights },
      { name: 'slow_axes', type: 'int64', dims: [1], values: [1] },
      { name: 'slow_zero', type: 'float', dims: [], values: [0] },
    ],
  };
}

let slowCache: { inWeights: Float32Array; weights: Float32Array } | undefined;

/** Uniform entries with variance 1/fan-in, so activations keep their scale layer to layer. */
function slowWeights(): { inWeights: Float32Array; weights: Float32Array } {
  if (slowCache) return slowCache;
  const random = mulberry32(SLOW_SEED);
  const matrix = (rows: number, cols: number) => Float32Array.from({ length: rows * cols }, () => (2 * random() - 1) * Math.sqrt(3 / rows));
  slowCache = { inWeights: matrix(PENGUIN_FEATURES.length, SLOW_WIDTH), weights: matrix(SLOW_WIDTH, SLOW_WIDTH) };
  return slowCache;
}

function merge(parts: Fragment[]): Fragment {
  return { nodes: parts.flatMap((p) => p.nodes), initializers: parts.flatMap((p) => p.initializers) };
}
