/**
 * Cross-entropy of predicted class probabilities, as sklearn.metrics.log_loss(y, p, eps=1e-15,
 * labels=range(k)) in scikit-learn 1.2: each probability is clipped to [1e-15, 1 - 1e-15] (so a
 * confident mistake costs about 34.5 nats rather than infinity) and each row is then divided by
 * its sum, as scikit-learn does; the loss is the mean of -ln p[true class].
 */
import { checkLabelIndex } from './confusion.js';

/** The clipping bound: scikit-learn's long-standing default, kept explicit so numbers do not move with its versions. */
export const LOG_LOSS_EPS = 1e-15;

/** `probabilities` is row-major n x k: probabilities[r * k + j] = P(row r has label j). */
export function logLoss(truth: ArrayLike<number>, probabilities: Float64Array, k: number): number {
  const n = truth.length;
  checkProbabilityShape('logLoss', n, probabilities, k);
  const hi = 1 - LOG_LOSS_EPS;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const t = truth[r];
    checkLabelIndex('truth', r, t, k);
    let rowSum = 0;
    let pt = 0;
    for (let j = 0; j < k; j++) {
      const p = probabilities[r * k + j];
      if (!(p >= 0 && p <= 1)) throw new Error(`logLoss: probability [${r}][${j}] is ${p}, not a number in [0, 1].`);
      const clipped = p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > hi ? hi : p;
      rowSum += clipped;
      if (j === t) pt = clipped;
    }
    sum -= Math.log(pt / rowSum);
  }
  return sum / n;
}

/** Shared checks for n x k probability matrices: at least 2 classes, n > 0, length n * k. */
export function checkProbabilityShape(what: string, n: number, probabilities: Float64Array, k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new Error(`${what}: k must be a whole number of classes, at least 2 (got ${k}).`);
  if (n === 0) throw new Error(`${what}: there are no predictions to score.`);
  if (probabilities.length !== n * k) {
    throw new Error(`${what}: ${n} true labels and ${k} classes need ${n * k} probabilities, got ${probabilities.length}.`);
  }
}
