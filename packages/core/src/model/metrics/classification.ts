/**
 * Classification metrics from a confusion matrix, as scikit-learn 1.2 computes them:
 * accuracy_score, balanced_accuracy_score, precision_recall_fscore_support(zero_division=0)
 * and f1_score(average='macro', zero_division=0).
 *
 * Like scikit-learn called without `labels`, the per-class rows and the macro average cover the
 * labels that occur in the truth or the predictions; a label seen in neither says nothing about
 * the model and would drag the macro F1 towards 0.
 */
import type { Confusion } from './confusion.js';

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true label is this one. */
  support: number;
}

export interface ClassificationMetrics {
  accuracy: number;
  balancedAccuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** Labels present in the truth that the model never predicts: a collapsed class. */
  collapsed: string[];
}

export function classificationMetrics(c: Confusion): ClassificationMetrics {
  const k = c.labels.length;
  if (c.matrix.length !== k) throw new Error(`classificationMetrics: ${k} labels but ${c.matrix.length} matrix rows.`);
  const rowSums = new Float64Array(k);
  const colSums = new Float64Array(k);
  let total = 0;
  let correct = 0;
  for (let i = 0; i < k; i++) {
    if (c.matrix[i].length !== k) throw new Error(`classificationMetrics: matrix row ${i} has ${c.matrix[i].length} cells, expected ${k}.`);
    for (let j = 0; j < k; j++) {
      const v = c.matrix[i][j];
      rowSums[i] += v;
      colSums[j] += v;
      total += v;
    }
    correct += c.matrix[i][i];
  }
  if (total === 0) throw new Error('classificationMetrics: the confusion matrix is empty (no predictions to score).');

  const perClass: ClassMetrics[] = [];
  const collapsed: string[] = [];
  let recallSum = 0;
  let classesInTruth = 0;
  let f1Sum = 0;
  for (let i = 0; i < k; i++) {
    const support = rowSums[i];
    const predictedAs = colSums[i];
    if (support === 0 && predictedAs === 0) continue; // absent label: not scored (see above)
    const tp = c.matrix[i][i];
    // zero_division=0: an undefined ratio (nothing predicted / nothing to find) counts as 0.
    const precision = predictedAs > 0 ? tp / predictedAs : 0;
    const recall = support > 0 ? tp / support : 0;
    // 2PR/(P+R) written in counts, exact when P or R is 0.
    const f1 = tp > 0 ? (2 * tp) / (support + predictedAs) : 0;
    perClass.push({ label: c.labels[i], precision, recall, f1, support });
    f1Sum += f1;
    if (support > 0) {
      // balanced accuracy averages recall over the classes that occur in the truth only.
      recallSum += recall;
      classesInTruth++;
      if (predictedAs === 0) collapsed.push(c.labels[i]);
    }
  }
  return {
    accuracy: correct / total,
    balancedAccuracy: recallSum / classesInTruth,
    macroF1: f1Sum / perClass.length,
    perClass,
    collapsed,
  };
}

// The probabilistic scores live in their own files; re-exported so callers find every
// classification metric here.
export { logLoss } from './log-loss.js';
export { rocAuc } from './roc-auc.js';
