/**
 * The two learners behind the test models, in float64: multinomial logistic regression (softmax,
 * L2-penalized, full-batch gradient descent run to convergence) and ordinary least squares. Both
 * work on standardized features; the mean/std travel with the model so the ONNX graph can apply
 * them (Sub, Div) and take raw values.
 */

export interface Standardizer {
  mean: number[];
  /** Population standard deviation of each training column. */
  std: number[];
}

export interface SoftmaxModel {
  standardizer: Standardizer;
  /** weights[j][k]: standardized feature j → class k, the [features, classes] layout MatMul wants. */
  weights: number[][];
  bias: number[];
}

export interface LinearModel {
  standardizer: Standardizer;
  weights: number[];
  bias: number;
}

export interface SoftmaxOptions {
  /** L2 penalty on the weights (not the biases), added to the mean cross-entropy as l2/2·‖W‖². */
  l2: number;
}

/** Converged means no gradient component above this. */
const GRADIENT_TOLERANCE = 1e-7;
const MAX_ITERATIONS = 50_000;

export function fitStandardizer(rows: number[][]): Standardizer {
  const columns = rows[0].map((_, j) => rows.map((row) => row[j]));
  const mean = columns.map((col) => sum(col) / col.length);
  const std = columns.map((col, j) => Math.sqrt(sum(col.map((v) => (v - mean[j]) ** 2)) / col.length));
  return { mean, std };
}

export function standardize({ mean, std }: Standardizer, row: number[]): number[] {
  return row.map((v, j) => (v - mean[j]) / std[j]);
}

/** Softmax regression by gradient descent; throws rather than return an unconverged model. */
export function trainSoftmax(rows: number[][], labels: number[], classCount: number, { l2 }: SoftmaxOptions): SoftmaxModel {
  const standardizer = fitStandardizer(rows);
  const x = rows.map((row) => standardize(standardizer, row));
  const featureCount = x[0].length;
  const model: SoftmaxModel = { standardizer, weights: x[0].map(() => zeros(classCount)), bias: zeros(classCount) };
  // Böhning's bound: the Hessian is at most ½·λmax(X̃ᵀX̃/n) ≤ ½·(features + 1) on standardized
  // columns plus the bias column, so this step never overshoots.
  const step = 1 / (0.5 * (featureCount + 1) + l2);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const { weights, bias } = softmaxGradient(model, x, labels, l2);
    if (Math.max(...weights.flat().map(Math.abs), ...bias.map(Math.abs)) < GRADIENT_TOLERANCE) return model;
    model.weights.forEach((row, j) => row.forEach((_, k) => (row[k] -= step * weights[j][k])));
    model.bias.forEach((_, k) => (model.bias[k] -= step * bias[k]));
  }
  throw new Error(`softmax regression did not converge in ${MAX_ITERATIONS} iterations`);
}

/**
 * Gradient of mean cross-entropy + l2/2·‖W‖² with respect to the weights and biases. Plain loops:
 * this runs thousands of times per model and dominates the build time.
 */
function softmaxGradient(model: SoftmaxModel, x: number[][], labels: number[], l2: number): { weights: number[][]; bias: number[] } {
  const weights = model.weights.map((row) => row.map((w) => l2 * w));
  const bias = zeros(model.bias.length);
  for (let i = 0; i < x.length; i++) {
    const p = softmax(standardizedLogits(model, x[i]));
    for (let k = 0; k < p.length; k++) {
      const residual = (p[k] - (labels[i] === k ? 1 : 0)) / x.length;
      bias[k] += residual;
      for (let j = 0; j < x[i].length; j++) weights[j][k] += residual * x[i][j];
    }
  }
  return { weights, bias };
}

/** Index of the largest logit for a row of raw feature values. */
export function predictClass(model: SoftmaxModel, row: number[]): number {
  const logits = standardizedLogits(model, standardize(model.standardizer, row));
  return logits.indexOf(Math.max(...logits));
}

export function accuracy(model: SoftmaxModel, rows: number[][], labels: number[]): number {
  return rows.filter((row, i) => predictClass(model, row) === labels[i]).length / rows.length;
}

function standardizedLogits({ weights, bias }: SoftmaxModel, features: number[]): number[] {
  const logits = [...bias];
  for (let j = 0; j < features.length; j++) {
    for (let k = 0; k < logits.length; k++) logits[k] += features[j] * weights[j][k];
  }
  return logits;
}

function softmax(logits: number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const total = sum(exps);
  return exps.map((e) => e / total);
}

/** Ordinary least squares through the normal equations, with an intercept. */
export function trainLinearRegression(rows: number[][], targets: number[]): LinearModel {
  const standardizer = fitStandardizer(rows);
  const design = rows.map((row) => [...standardize(standardizer, row), 1]);
  const gram = design[0].map((_, a) => design[0].map((_, b) => sum(design.map((d) => d[a] * d[b]))));
  const moments = design[0].map((_, a) => sum(design.map((d, i) => d[a] * targets[i])));
  const beta = solveLinearSystem(gram, moments);
  return { standardizer, weights: beta.slice(0, -1), bias: beta[beta.length - 1] };
}

export function predictLinear(model: LinearModel, row: number[]): number {
  return model.bias + sum(standardize(model.standardizer, row).map((v, j) => v * model.weights[j]));
}

export function rSquared(model: LinearModel, rows: number[][], targets: number[]): number {
  const mean = sum(targets) / targets.length;
  const residual = sum(rows.map((row, i) => (targets[i] - predictLinear(model, row)) ** 2));
  const total = sum(targets.map((t) => (t - mean) ** 2));
  return 1 - residual / total;
}

/** Gaussian elimination with partial pivoting; `a` is small and well conditioned here. */
function solveLinearSystem(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  const n = m.length;
  for (let col = 0; col < n; col++) {
    const pivot = m.slice(col).reduce((best, row, i) => (Math.abs(row[col]) > Math.abs(m[best][col]) ? col + i : best), col);
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let row = col + 1; row < n; row++) {
      const factor = m[row][col] / m[col][col];
      for (let k = col; k <= n; k++) m[row][k] -= factor * m[col][k];
    }
  }
  const x = zeros(n);
  for (let row = n - 1; row >= 0; row--) {
    x[row] = (m[row][n] - sum(x.map((v, k) => (k > row ? m[row][k] * v : 0)))) / m[row][row];
  }
  return x;
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
