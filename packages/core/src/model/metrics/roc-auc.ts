/**
 * Area under the ROC curve, as sklearn.metrics.roc_auc_score: for two classes, the AUC of the
 * score of label 1; for more, the unweighted mean of one-vs-rest AUCs (multi_class='ovr',
 * average='macro'). It is computed as the Mann-Whitney U statistic: the chance that a random
 * positive outscores a random negative, ties counting one half (midranks), which equals the
 * trapezoidal area under the ROC curve that scikit-learn integrates.
 */
import { checkLabelIndex } from './confusion.js';
import { checkProbabilityShape } from './log-loss.js';

// Jest's VM context makes global lookups slow in the sort comparator and loops.
const Math = globalThis.Math;

/** `probabilities` is row-major n x k, as for logLoss. */
export function rocAuc(truth: ArrayLike<number>, probabilities: Float64Array, k: number): number {
  const n = truth.length;
  checkProbabilityShape('rocAuc', n, probabilities, k);
  const labels = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    checkLabelIndex('truth', r, truth[r], k);
    labels[r] = truth[r];
  }
  for (let i = 0; i < probabilities.length; i++) {
    if (!Number.isFinite(probabilities[i])) throw new Error(`rocAuc: score [${Math.floor(i / k)}][${i % k}] is ${probabilities[i]}, not a finite number.`);
  }
  const scores = new Float64Array(n);
  if (k === 2) {
    for (let r = 0; r < n; r++) scores[r] = probabilities[r * 2 + 1];
    return binaryAuc(labels, 1, scores, 'label 1');
  }
  // scikit-learn refuses multiclass scores that are not probabilities (np.allclose(1, row sums)).
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += probabilities[r * k + j];
    if (!(Math.abs(s - 1) <= 1e-8 + 1e-5)) {
      throw new Error(`rocAuc: the scores of row ${r} sum to ${s}; multiclass AUC needs probabilities that sum to 1 over the classes.`);
    }
  }
  let sum = 0;
  for (let j = 0; j < k; j++) {
    for (let r = 0; r < n; r++) scores[r] = probabilities[r * k + j];
    sum += binaryAuc(labels, j, scores, `label ${j}`);
  }
  return sum / k;
}

/** AUC of `scores` for "label == positive" against the rest. */
function binaryAuc(labels: Int32Array, positive: number, scores: Float64Array, what: string): number {
  const n = labels.length;
  const f32 = Float32Array.from(scores);
  let float32 = true;
  for (let i = 0; i < n && float32; i++) float32 = f32[i] === scores[i];
  const { u, pos, neg } = float32 ? uOfFloat32(labels, positive, f32) : uByComparison(labels, positive, scores);
  if (pos === 0 || neg === 0) {
    throw new Error(`rocAuc: the truth has ${pos === 0 ? 'no' : 'only'} rows with ${what}, so the AUC for it is undefined; it needs both classes.`);
  }
  return u / (pos * neg);
}

/**
 * U = sum over tie groups, in ascending score order, of positives x (negatives scored lower) +
 * positives x negatives / 2: whole and half counts, so exact until the final division.
 */
function uOfSorted(n: number, isPositive: (i: number) => boolean, sameAsNext: (i: number) => boolean): { u: number; pos: number; neg: number } {
  let u = 0;
  let negBelow = 0;
  let pos = 0;
  for (let i = 0; i < n;) {
    let gPos = 0;
    let gNeg = 0;
    let j = i;
    do {
      if (isPositive(j)) gPos++;
      else gNeg++;
      j++;
    } while (j < n && sameAsNext(j - 1));
    u += gPos * negBelow + (gPos * gNeg) / 2;
    negBelow += gNeg;
    pos += gPos;
    i = j;
  }
  return { u, pos, neg: negBelow };
}

/** Scores float64 cannot narrow to float32: a comparison sort of row indices. */
function uByComparison(labels: Int32Array, positive: number, scores: Float64Array) {
  const n = labels.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);
  return uOfSorted(
    n,
    (i) => labels[order[i]] === positive,
    (i) => scores[order[i]] === scores[order[i + 1]],
  );
}

/**
 * Models output float32 probabilities, whose bit patterns sort as unsigned integers once the sign
 * is folded: a two-pass radix sort of (key, is-positive) pairs, linear in n and ten times faster
 * than a comparison sort.
 */
function uOfFloat32(labels: Int32Array, positive: number, f32: Float32Array) {
  const n = labels.length;
  const bits = new Uint32Array(f32.buffer);
  let keys = new Uint32Array(n);
  let flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = bits[i] === 0x80000000 ? 0 : bits[i]; // -0 ties with +0
    // Negative floats: flip every bit; positive: set the sign bit. Then unsigned order = float order.
    keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    flags[i] = labels[i] === positive ? 1 : 0;
  }
  let nextKeys = new Uint32Array(n);
  let nextFlags = new Uint8Array(n);
  const counts = new Uint32Array(65536);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(keys[i] >>> shift) & 0xffff]++;
      nextKeys[at] = keys[i];
      nextFlags[at] = flags[i];
    }
    [keys, nextKeys] = [nextKeys, keys];
    [flags, nextFlags] = [nextFlags, flags];
  }
  return uOfSorted(
    n,
    (i) => flags[i] === 1,
    (i) => keys[i] === keys[i + 1],
  );
}
