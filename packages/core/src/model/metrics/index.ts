/** Model-quality metrics: pure functions, each matched against scikit-learn/statsmodels on recorded fixtures. */
export * from './confusion.js';
export * from './classification.js';
export * from './log-loss.js';
export * from './roc-auc.js';
export * from '../../stats/proportion-interval.js';
export * from './mcnemar.js';
export * from './regression.js';
