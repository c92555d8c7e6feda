import type { Column, Table } from '../data/table.js';
import { binCounts, quantileBinEdges } from '../stats/divergence.js';
import { ecdfFromCounts, ecdfFromSample, ecdfMean, ecdfStd, type Ecdf } from '../stats/ecdf.js';
import type { FeatureReference, NumericReference, Reference } from './reference.js';

/** PSI uses ten reference-quantile bins (deciles), the usual choice in model monitoring. */
export const PSI_BINS = 10;

/** The exact reference of raw data: full ECDFs and category counts. */
export function referenceFromTable(table: Table): Reference {
  return {
    origin: 'data',
    files: table.files,
    rows: table.rowCount,
    features: table.columns.map((c) => featureReference(c, table.rowCount)),
  };
}

export function featureReference(column: Column, rows: number): FeatureReference {
  if (column.kind === 'categorical') {
    return { kind: 'categorical', name: column.name, rows, missing: column.missing, counts: categoryCounts(column.codes, column.categories), otherCount: 0 };
  }
  // Text cells in a reference column are not values: they leave the distribution, like missing cells.
  if (column.unit === 'epoch-ms') return timeReference(column.name, rows, column.missing, column.values);
  return numericReference(column.name, rows, column.missing, ecdfFromSample(column.values));
}

/**
 * A date/time column is reported by its range, never tested: keep its count, first and last
 * instant only (a two-point distribution), without sorting a million timestamps.
 */
function timeReference(name: string, rows: number, missing: number, values: Float64Array): NumericReference {
  let min = Infinity,
    max = -Infinity,
    n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const ecdf = n === 0 ? ecdfFromCounts([], []) : min === max ? ecdfFromCounts([min], [n]) : ecdfFromCounts([min, max], [1, n - 1]);
  return { ...numericReference(name, rows, missing, ecdf), mean: NaN, std: NaN, unit: 'epoch-ms' };
}

/** `psi` given: bins and counts a profile stored from the exact reference; else computed here. */
export function numericReference(
  name: string,
  rows: number,
  missing: number | null,
  ecdf: Ecdf,
  sketchSize?: number,
  psi?: { edges: Float64Array; counts: Float64Array },
): NumericReference {
  const psiEdges = psi?.edges ?? quantileBinEdges(ecdf, PSI_BINS);
  return {
    kind: 'numeric',
    name,
    rows,
    missing,
    ecdf,
    sketchSize,
    mean: ecdf.n > 0 ? ecdfMean(ecdf) : NaN,
    std: ecdf.n > 0 ? ecdfStd(ecdf) : NaN,
    min: ecdf.n > 0 ? ecdf.values[0] : NaN,
    max: ecdf.n > 0 ? ecdf.values[ecdf.values.length - 1] : NaN,
    psiEdges,
    psiCounts: psi?.counts ?? binCounts(ecdf, psiEdges),
  };
}

export function sumCounts(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

export function categoryCounts(codes: Int32Array, categories: string[]): Map<string, number> {
  const tally = new Float64Array(categories.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) tally[c]++;
  }
  const counts = new Map<string, number>();
  categories.forEach((name, i) => {
    if (tally[i] > 0) counts.set(name, tally[i]);
  });
  return counts;
}
