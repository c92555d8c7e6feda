/**
 * Scores a classifier's predictions against the label column: the class list is settled first
 * (class-names, the model's `classes` metadata, or the labels themselves), so that a label the
 * model cannot produce is caught by name instead of silently counting as an error.
 */
import { InputError } from '../shared/errors.js';
import type { Column } from '../data/table.js';
import { confusionMatrix, type Confusion } from './metrics/confusion.js';
import { classificationMetrics, type ClassificationMetrics } from './metrics/classification.js';
import { logLoss } from './metrics/log-loss.js';
import { rocAuc } from './metrics/roc-auc.js';
import { wilsonInterval } from '../stats/proportion-interval.js';
import { listNames, parseNameList } from './input-mapping.js';
import type { RawPredictions } from './predict.js';

const Math = globalThis.Math;

/** The confusion-matrix label of rows whose outputs were all NaN: no class can be read from them. */
export const NO_PREDICTION = '(no prediction)';

export interface ClassificationScore {
  labels: string[];
  confusion: Confusion;
  metrics: ClassificationMetrics;
  /** 95% Wilson interval for the accuracy. */
  accuracyInterval: [number, number];
  logLoss?: number;
  rocAuc?: number;
  /** Per row: 1 when the prediction is right (McNemar pairs these). */
  correct: Uint8Array;
  notes: string[];
}

export interface ClassOptions {
  /** class-names input, or the model's `classes` metadata: the classes in probability-column order. */
  classNames?: string;
  /** Where classNames came from, for messages. */
  classNamesFrom?: string;
}

export function scoreClassification(label: Column, raw: RawPredictions, options: ClassOptions = {}): ClassificationScore {
  const n = raw.rows;
  const notes: string[] = [];
  const truthLabels = truthCodes(label);
  const declared = declaredClasses(label, raw, options);
  const closed = declared !== undefined;
  const labels = declared ? [...declared] : [];
  const index = new Map(labels.map((l, i) => [l, i]));
  const indexOf = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = labels.length;
      labels.push(name);
      index.set(name, i);
    }
    return i;
  };

  // Distinct labels are resolved once; rows then only translate codes.
  const codeToClass = truthLabels.names.map((name, code) => {
    if (closed && !index.has(name)) {
      const r = truthLabels.codes.indexOf(code);
      throw new InputError(
        `Label '${name}' in column '${label.name}' (row ${r + 1} of the test data) is not a class the model can output (${listNames(declared)}${options.classNamesFrom ? `, from ${options.classNamesFrom}` : ''}); evaluate on data with the classes the model was trained on, or correct class-names.`,
        { input: 'label-column' },
      );
    }
    return truthLabels.codes.includes(code) ? indexOf(name) : -1;
  });
  const truth = new Int32Array(n);
  for (let r = 0; r < n; r++) truth[r] = codeToClass[truthLabels.codes[r]];

  const predicted = new Int32Array(n);
  const indicesAreClasses = closed && label.kind === 'categorical' && raw.numbers !== undefined;
  const extra = new Set<string>();
  if (raw.numbers) {
    const numbers = raw.numbers;
    for (let r = 0; r < n; r++) {
      const v = numbers[r];
      if (indicesAreClasses) {
        if (!Number.isInteger(v) || v < 0 || v >= declared.length) {
          throw new InputError(
            `The model predicted class index ${v} for row ${r + 1}, but it declares ${declared.length} classes (${listNames(declared)}); its label output and class list do not match: correct class-names.`,
            { input: 'class-names' },
          );
        }
        predicted[r] = v;
      } else {
        predicted[r] = predictionIndex(Number.isFinite(v) ? String(v) : NO_PREDICTION);
      }
    }
  } else if (raw.strings) {
    for (let r = 0; r < n; r++) predicted[r] = predictionIndex(raw.strings[r]);
  } else {
    argmaxInto(raw, predicted, () => indexOf(NO_PREDICTION));
  }
  function predictionIndex(name: string): number {
    if (closed && !index.has(name) && name !== NO_PREDICTION) extra.add(name);
    return indexOf(name);
  }
  if (extra.size > 0) notes.push(`The model predicted ${listNames([...extra])}, which are not among its declared classes; those predictions count as errors.`);

  const confusion = confusionMatrix(truth, predicted, labels);
  const metrics = classificationMetrics(confusion);
  const correct = new Uint8Array(n);
  let right = 0;
  for (let r = 0; r < n; r++) {
    if (truth[r] === predicted[r]) {
      correct[r] = 1;
      right++;
    }
  }
  const score: ClassificationScore = { labels, confusion, metrics, accuracyInterval: wilsonInterval(right, n), correct, notes };
  scoreProbabilities(score, truth, raw, declared, notes);
  return score;
}

/**
 * The true label of each row, as a code into the distinct label texts; a missing label is an
 * error (a row we cannot score).
 */
function truthCodes(label: Column): { codes: Int32Array; names: string[] } {
  const n = label.kind === 'categorical' ? label.codes.length : label.values.length;
  let missing = 0;
  let first = -1;
  let codes: Int32Array;
  let names: string[];
  if (label.kind === 'categorical') {
    codes = label.codes;
    names = label.categories;
    for (let r = 0; r < n; r++) {
      if (codes[r] < 0) {
        missing++;
        if (first < 0) first = r;
      }
    }
  } else {
    codes = new Int32Array(n);
    names = [];
    const seen = new Map<number, number>();
    for (let r = 0; r < n; r++) {
      const v = label.values[r];
      if (Number.isNaN(v)) {
        missing++;
        if (first < 0) first = r;
        continue;
      }
      if (!Number.isInteger(v)) {
        throw new InputError(
          `Label column '${label.name}' holds ${v} in row ${r + 1}, which is not a class; class labels are names or whole numbers; if the model predicts a quantity, set task: regression.`,
          { input: 'label-column' },
        );
      }
      let code = seen.get(v);
      if (code === undefined) {
        code = names.length;
        seen.set(v, code);
        names.push(String(v));
      }
      codes[r] = code;
    }
  }
  if (missing > 0) {
    throw new InputError(
      `${missing} row${missing === 1 ? ' has' : 's have'} no label in column '${label.name}' (the first is row ${first + 1} of the test data); drop unlabelled rows from the test set.`,
      { input: 'test-data' },
    );
  }
  return { codes, names };
}

/** The classes in probability-column order, when they can be known; undefined = an open set. */
function declaredClasses(label: Column, raw: RawPredictions, options: ClassOptions): string[] | undefined {
  const given = options.classNames ? parseNameList(options.classNames) : undefined;
  if (given && raw.width > 0 && given.length !== raw.width) {
    throw new InputError(
      `The model gives ${raw.width} probabilities per row but ${options.classNamesFrom ?? 'class-names'} lists ${given.length} classes (${listNames(given)}); list one class per probability column, in order.`,
      { input: 'class-names' },
    );
  }
  if (given) return given;
  if (label.kind === 'categorical' && !raw.strings) {
    throw new InputError(
      `The label column '${label.name}' holds names (${listNames(label.categories, 4)}) but the model outputs class numbers and carries no 'classes' metadata; set class-names to the classes in the model's output order.`,
      { input: 'class-names' },
    );
  }
  // Whole-number labels with a probability matrix: column j is class j, as scikit-learn
  // exports do when it was trained on 0..k-1.
  if (label.kind === 'numeric' && raw.width > 0) return Array.from({ length: raw.width }, (_, j) => String(j));
  return undefined;
}

function argmaxInto(raw: RawPredictions, predicted: Int32Array, noPrediction: () => number): void {
  const p = raw.probabilities!;
  const w = raw.width;
  for (let r = 0; r < raw.rows; r++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let j = 0; j < w; j++) {
      const v = p[r * w + j];
      if (v > bestValue) {
        best = j;
        bestValue = v;
      }
    }
    predicted[r] = best >= 0 ? best : noPrediction();
  }
}

/** Log loss and ROC AUC when the matrix holds probabilities of the declared classes. */
function scoreProbabilities(score: ClassificationScore, truth: Int32Array, raw: RawPredictions, declared: string[] | undefined, notes: string[]): void {
  const p = raw.probabilities;
  if (!p) return;
  if (!declared || declared.length !== raw.width || score.labels.length !== raw.width) {
    notes.push('Log loss and ROC AUC were not computed: the probability columns cannot be matched to the classes the model predicted; set class-names.');
    return;
  }
  const w = raw.width;
  let probabilities = true;
  for (let r = 0; r < raw.rows && probabilities; r++) {
    let s = 0;
    for (let j = 0; j < w; j++) {
      const v = p[r * w + j];
      if (!(v >= 0 && v <= 1)) probabilities = false;
      s += v;
    }
    if (Math.abs(s - 1) > 1e-3) probabilities = false;
  }
  const nonFinite = raw.nonFinite.some((x) => x === 1);
  if (nonFinite) {
    notes.push('Log loss and ROC AUC were not computed: some rows have NaN or infinite outputs.');
    return;
  }
  if (!probabilities) {
    notes.push(
      `Log loss was not computed: the ${w}-column output holds scores, not probabilities (values outside [0, 1] or rows not summing to 1); add a Softmax to the export for log loss.`,
    );
  } else {
    score.logLoss = logLoss(truth, p, w);
  }
  try {
    if (probabilities || w === 2) score.rocAuc = rocAuc(truth, p, w);
  } catch (e) {
    notes.push(`ROC AUC was not computed: ${(e as Error).message.replace(/^rocAuc: /, '')}`);
  }
}
