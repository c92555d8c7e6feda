/**
 * Confusion matrix of a classifier over a fixed list of labels: the one table every
 * classification metric here is computed from, so the metrics cannot disagree about the data.
 */
export interface Confusion {
  labels: string[];
  /** matrix[i][j] = how many rows with true label i were predicted as label j. */
  matrix: number[][];
  n: number;
}

/** Checks that `index` is a whole number naming one of `k` labels; says which row is wrong if not. */
export function checkLabelIndex(what: string, row: number, index: number, k: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= k) {
    throw new Error(`${what}[${row}] is ${index}, which is not a label index in 0..${k - 1}.`);
  }
}

/**
 * Counts (truth, predicted) pairs; both are label indices into `labels`. Labels that occur in
 * neither still get a row and a column, so tables of two models over the same labels line up.
 */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, labels: string[]): Confusion {
  const k = labels.length;
  const n = truth.length;
  if (k === 0) throw new Error('confusionMatrix: no labels were given.');
  if (predicted.length !== n) {
    throw new Error(`confusionMatrix: ${n} true labels but ${predicted.length} predictions; they must be equally long.`);
  }
  if (n === 0) throw new Error('confusionMatrix: there are no predictions to score.');
  const matrix: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let r = 0; r < n; r++) {
    const t = truth[r];
    const p = predicted[r];
    checkLabelIndex('truth', r, t, k);
    checkLabelIndex('predicted', r, p, k);
    matrix[t][p]++;
  }
  return { labels: labels.slice(), matrix, n };
}
