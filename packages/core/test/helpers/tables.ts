import type { CategoricalColumn, Column, NumericColumn, Table } from '../../src/data/table.js';

/** A numeric column from plain numbers; null marks a missing cell. */
export function numeric(name: string, values: (number | null)[]): NumericColumn {
  const v = Float64Array.from(values, (x) => (x === null ? NaN : x));
  return { kind: 'numeric', name, values: v, missing: values.filter((x) => x === null).length, textCells: 0 };
}

/** A categorical column from strings; null marks a missing cell. */
export function categorical(name: string, values: (string | null)[]): CategoricalColumn {
  const categories: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (x) => {
    if (x === null) return -1;
    let c = index.get(x);
    if (c === undefined) {
      c = categories.length;
      categories.push(x);
      index.set(x, c);
    }
    return c;
  });
  return { kind: 'categorical', name, codes, categories, missing: values.filter((x) => x === null).length };
}

export function table(...columns: Column[]): Table {
  return { rowCount: columns[0]?.kind === 'numeric' ? columns[0].values.length : (columns[0]?.codes.length ?? 0), columns, files: ['test.csv'] };
}

/** The rows of a table at the given indices, as a new table (for random splits of real data). */
export function takeRows(t: Table, rows: ArrayLike<number>): Table {
  const columns = t.columns.map((c): Column => {
    if (c.kind === 'numeric') {
      const values = new Float64Array(rows.length);
      let missing = 0;
      for (let i = 0; i < rows.length; i++) {
        values[i] = c.values[rows[i]];
        if (Number.isNaN(values[i])) missing++;
      }
      return { ...c, values, missing, textCells: 0, firstText: undefined };
    }
    const codes = new Int32Array(rows.length);
    let missing = 0;
    for (let i = 0; i < rows.length; i++) {
      codes[i] = c.codes[rows[i]];
      if (codes[i] < 0) missing++;
    }
    return { ...c, codes, missing };
  });
  return { rowCount: rows.length, columns, files: t.files };
}

/** Deterministic PRNG (mulberry32) so simulations give the same numbers on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, random: () => number): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

/**
 * Poisson counts from a seeded PRNG: Knuth's product method for small means, a normal
 * approximation above 50 (for request counts), for traffic simulations.
 */
export function poissonSampler(random: () => number): (lambda: number) => number {
  return (lambda) => {
    if (lambda > 50) {
      const z = Math.sqrt(-2 * Math.log(random() || 1e-300)) * Math.cos(2 * Math.PI * random());
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
    }
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  };
}
