import type { CategoricalColumn } from '../data/table.js';
import { chi2Contingency } from '../stats/chi2.js';
import { biasCorrectedCramersV, jensenShannonDistance } from '../stats/divergence.js';
import { biasCorrectedJensenShannon } from '../stats/js-null.js';
import { poolSparseCategories } from '../stats/sparse-categories.js';
import { formatNumber } from '../shared/format.js';
import type { FeatureComparison } from './comparison.js';
import { testMissingRate } from './missing-rate.js';
import type { DriftOptions } from './options.js';
import type { CategoricalReference } from './reference.js';
import { categoryCounts, sumCounts } from './reference-from-table.js';

/** How many unseen categories the report names; the rest are counted. */
const NEW_CATEGORIES_SHOWN = 20;
const OTHER = '(other)';

/**
 * Categorical feature: chi-square test of homogeneity on the 2xK table of reference and current
 * counts (not goodness of fit against the reference, which ignores the reference's own noise);
 * Jensen-Shannon distance and Cramer's V as effect sizes; unseen categories named.
 */
export function compareCategorical(ref: CategoricalReference, column: CategoricalColumn, rows: number, options: DriftOptions): FeatureComparison {
  const curCounts = categoryCounts(column.codes, column.categories);
  const missing = testMissingRate(ref.missing, ref.rows, column.missing, rows);
  const refTotal = sumCounts(ref.counts) + ref.otherCount;
  const curTotal = sumCounts(curCounts);

  // Align categories. When the profile folded rare categories into "other", an unseen current
  // category may be one of them: it is counted there instead of being called new.
  const names = [...ref.counts.keys()].sort();
  const refRow = names.map((n) => ref.counts.get(n) ?? 0);
  const curRow = names.map((n) => curCounts.get(n) ?? 0);
  const unseen = [...curCounts].filter(([n]) => !ref.counts.has(n)).sort((a, b) => b[1] - a[1]);
  let otherCur = 0;
  if (ref.otherCount > 0) {
    otherCur = unseen.reduce((s, [, c]) => s + c, 0);
  } else {
    for (const [n, c] of unseen) {
      names.push(n);
      refRow.push(0);
      curRow.push(c);
    }
  }
  if (ref.otherCount > 0 || otherCur > 0) {
    names.push(OTHER);
    refRow.push(ref.otherCount);
    curRow.push(otherCur);
  }

  const reference = { rows: ref.rows, count: refTotal, categories: ref.counts.size };
  const current = { rows, count: curTotal, categories: curCounts.size };
  const newCategories = ref.otherCount > 0 ? [] : unseen.slice(0, NEW_CATEGORIES_SHOWN).map(([name, count]) => ({ name, count }));
  const base = { name: ref.name, kind: 'categorical' as const, missing, reference, current, newCategories, effects: {} };
  if (looksLikeIdentifier(ref.counts.size, refTotal)) {
    return {
      ...base,
      newCategories: [],
      untested: `it looks like an identifier or timestamp (${ref.counts.size} distinct values in ${refTotal} reference rows), so category frequencies say nothing; list it in ignore-columns`,
    };
  }
  if (refTotal === 0) return { ...base, untested: 'every reference cell is missing, so there are no categories to compare with' };
  if (curTotal === 0) return { ...base, untested: 'every current cell is missing, so there are no categories to compare' };

  const rawJs = jensenShannonDistance(refRow, curRow);
  // Small batches inflate the raw distance (many categories, few rows each): correct it.
  const js = biasCorrectedJensenShannon(refRow, curRow, rawJs);
  // Pearson's chi-square needs expected counts of about 5: pool the sparse categories first.
  const pooledTable = poolSparseCategories(refRow, curRow);
  const observed = pooledTable.rows;
  const cells = observed[0].length;
  // Bias-corrected (Bergsma 2013): the plain V is inflated at small N like the raw Jensen-Shannon.
  const v = cells > 1 ? biasCorrectedCramersV(observed) : 0;
  // One category on both sides: the two distributions are identical, nothing to test.
  const chi2 = cells > 1 ? chi2Contingency(observed) : { statistic: 0, pValue: 1, dof: 0 };
  const effectName = options.categoricalEffect;
  const notes: string[] = [];
  if (pooledTable.pooled > 0) notes.push(`χ² pooled ${pooledTable.pooled} of ${names.length} categories with an expected count below 5 into one 'other'`);
  if (effectName === 'jensen-shannon' && js.nullDistance >= 0.02) {
    notes.push(`Jensen-Shannon is corrected for sample size: raw ${formatNumber(rawJs)}, ${formatNumber(js.nullDistance)} expected with no change`);
  }
  return {
    ...base,
    notes,
    movement: { shares: largestShareChanges(names, refRow, curRow) },
    effects: { 'jensen-shannon': js.distance, 'jensen-shannon-raw': rawJs, 'cramers-v': v },
    effect: { name: effectName, value: effectName === 'jensen-shannon' ? js.distance : v, threshold: options.minCategoricalEffect },
    test: { name: 'chi2', statistic: chi2.statistic, pValue: chi2.pValue, dof: chi2.dof, exact: true },
  };
}

/**
 * A column where most rows have their own value (ids, timestamps, free text) has no category
 * distribution to compare: a chi-square test on it is meaningless, so it is skipped, saying why.
 */
export function looksLikeIdentifier(distinct: number, rows: number): boolean {
  return distinct >= 20 && distinct >= 0.5 * rows;
}

/** The categories whose share moved most (at most five), largest change first. */
function largestShareChanges(names: string[], ref: number[], cur: number[]): { category: string; reference: number; current: number }[] {
  const sr = ref.reduce((s, x) => s + x, 0) || 1;
  const sc = cur.reduce((s, x) => s + x, 0) || 1;
  return names
    .map((category, j) => ({ category, reference: ref[j] / sr, current: cur[j] / sc }))
    .sort((a, b) => Math.abs(b.current - b.reference) - Math.abs(a.current - a.reference) || a.category.localeCompare(b.category))
    .slice(0, 5);
}
