/** Statistics for drift detection: pure functions, each matched against SciPy on recorded fixtures. */
export * from './ecdf.js';
export * from './ks.js';
export * from './kolmogorov.js';
export * from './smirnov.js';
export * from './wasserstein.js';
export * from './chi2.js';
export * from './incomplete-gamma.js';
export * from './divergence.js';
export * from './binning.js';
export * from './correction.js';
export * from './sparse-categories.js';
export * from './js-null.js';
export * from './seeded-random.js';
