/**
 * Pooling of sparse categories before a chi-square test. Pearson's statistic follows its
 * chi-square distribution only when expected counts are not small; with hundreds of categories
 * and a small batch most expected counts are below 1 and the p-value comes out 5-10x too small.
 * The usual remedy (Cochran's rule): merge every category whose smallest expected count is below
 * `minExpected` into one "other" column. Which categories merge depends only on the column totals
 * (reference + current), which the test conditions on, so the test stays valid.
 */
export interface PooledTable {
  /** Two rows (reference, current) over the kept categories, then "other" when anything was pooled. */
  rows: [number[], number[]];
  /** Indices into the input categories that were kept, in order. */
  kept: number[];
  /** How many input categories went into "other" (0: none). */
  pooled: number;
}

export function poolSparseCategories(ref: ArrayLike<number>, cur: ArrayLike<number>, minExpected = 5): PooledTable {
  if (ref.length !== cur.length) throw new Error(`poolSparseCategories: ${ref.length} reference and ${cur.length} current counts; they must match.`);
  let refTotal = 0;
  let curTotal = 0;
  for (let j = 0; j < ref.length; j++) {
    refTotal += ref[j];
    curTotal += cur[j];
  }
  const total = refTotal + curTotal;
  const smaller = Math.min(refTotal, curTotal);
  // Expected count of the sparser side in column j: column total * smaller row total / total.
  const sparse = (j: number) => ((ref[j] + cur[j]) * smaller) / total < minExpected;
  const kept: number[] = [];
  const pooledIdx: number[] = [];
  for (let j = 0; j < ref.length; j++) (sparse(j) ? pooledIdx : kept).push(j);
  if (pooledIdx.length === 0) return { rows: [kept.map((j) => ref[j]), kept.map((j) => cur[j])], kept, pooled: 0 };
  // "other" itself may still be sparse: then fold the smallest kept categories into it too.
  kept.sort((a, b) => ref[a] + cur[a] - (ref[b] + cur[b]) || a - b);
  let otherTotal = pooledIdx.reduce((s, j) => s + ref[j] + cur[j], 0);
  while (kept.length > 0 && (otherTotal * smaller) / total < minExpected) {
    const j = kept.shift()!;
    pooledIdx.push(j);
    otherTotal += ref[j] + cur[j];
  }
  kept.sort((a, b) => a - b);
  const rows: [number[], number[]] = [kept.map((j) => ref[j]), kept.map((j) => cur[j])];
  rows[0].push(pooledIdx.reduce((s, j) => s + ref[j], 0));
  rows[1].push(pooledIdx.reduce((s, j) => s + cur[j], 0));
  return { rows, kept, pooled: pooledIdx.length };
}
