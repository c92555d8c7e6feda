import { InputError } from '../shared/errors.js';
import { ecdfFromCounts, ecdfFromSample, type Ecdf } from '../stats/ecdf.js';
import type { CategoricalReference, FeatureReference, NumericReference, Reference } from './reference.js';
import { numericReference, sumCounts } from './reference-from-table.js';

export const PROFILE_SCHEMA = 'modelci/profile@1';
const PROFILE_VERSION = 1;

/** A numeric column with at most this many distinct values is stored exactly (value -> count). */
export const EXACT_DISTINCT_LIMIT = 10_000;
/** Otherwise it is stored as this many quantiles: KS D from the profile is then within 1/SKETCH_SIZE of exact. */
export const SKETCH_SIZE = 2_000;
/** A categorical column keeps its most frequent categories up to this many; the rest are counted together. */
export const CATEGORY_LIMIT = 10_000;

interface NumericProfileJson {
  type: 'numeric';
  rows: number;
  missing: number;
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Exact distribution: distinct values ascending with their counts. */
  values?: number[];
  counts?: number[];
  /** Approximate distribution: quantiles at i/sketch, i = 1..sketch. */
  quantiles?: number[];
  psi: { edges: number[]; counts: number[] };
  /** 'epoch-ms': a date/time column (values are milliseconds since 1970-01-01 UTC). */
  unit?: 'epoch-ms';
}

interface CategoricalProfileJson {
  type: 'categorical';
  rows: number;
  missing: number;
  counts: Record<string, number>;
  other: number;
}

export interface ProfileJson {
  schema: typeof PROFILE_SCHEMA;
  createdAt: string;
  source: { files: string[]; rows: number };
  features: Record<string, NumericProfileJson | CategoricalProfileJson>;
}

/** The compact, versioned profile of a reference, for checks that run without the raw data. */
export function profileFromReference(ref: Reference, now = new Date()): ProfileJson {
  const features: ProfileJson['features'] = {};
  for (const f of ref.features) features[f.name] = f.kind === 'numeric' ? numericJson(f) : categoricalJson(f);
  return { schema: PROFILE_SCHEMA, createdAt: now.toISOString(), source: { files: ref.files, rows: ref.rows }, features };
}

function numericJson(f: NumericReference): NumericProfileJson {
  const { ecdf } = f;
  const base = {
    type: 'numeric' as const,
    rows: f.rows,
    missing: f.missing ?? 0,
    count: ecdf.n,
    mean: f.mean,
    std: f.std,
    min: f.min,
    max: f.max,
    psi: { edges: Array.from(f.psiEdges), counts: Array.from(f.psiCounts) },
    ...(f.unit ? { unit: f.unit } : {}),
  };
  if (f.sketchSize === undefined && ecdf.values.length <= EXACT_DISTINCT_LIMIT) {
    const counts = new Array<number>(ecdf.values.length);
    for (let i = 0; i < counts.length; i++) counts[i] = ecdf.cumulative[i] - (i > 0 ? ecdf.cumulative[i - 1] : 0);
    return { ...base, values: Array.from(ecdf.values), counts };
  }
  return { ...base, quantiles: Array.from(quantileSketch(ecdf, SKETCH_SIZE)) };
}

/**
 * Quantiles q_i = min{x : F(x) >= i/k}, i = 1..k. The step CDF with mass 1/k at each q_i is
 * below the true F by less than 1/k everywhere, which bounds the KS error from a profile.
 */
export function quantileSketch(ecdf: Ecdf, k: number): Float64Array {
  const out = new Float64Array(k);
  let j = 0;
  for (let i = 1; i <= k; i++) {
    const target = (i / k) * ecdf.n;
    while (j < ecdf.values.length - 1 && ecdf.cumulative[j] < target - 1e-9 * ecdf.n) j++;
    out[i - 1] = ecdf.values[j];
  }
  return out;
}

function categoricalJson(f: CategoricalReference): CategoricalProfileJson {
  const sorted = [...f.counts].sort((a, b) => b[1] - a[1]);
  const kept = sorted.slice(0, CATEGORY_LIMIT);
  const other = f.otherCount + sorted.slice(CATEGORY_LIMIT).reduce((s, [, c]) => s + c, 0);
  return { type: 'categorical', rows: f.rows, missing: f.missing ?? 0, counts: Object.fromEntries(kept), other };
}

/** Read a profile (ours, or the seed article's `{"features": {...}}` format) into a Reference. */
export function referenceFromProfile(json: unknown, file: string): Reference {
  if (!isObject(json)) throw bad(file, 'the top level', 'a JSON object with "schema" and "features"');
  const schema = json.schema;
  if (schema === undefined) return referenceFromSeedProfile(json, file);
  if (typeof schema !== 'string' || !schema.startsWith('modelci/profile@')) {
    throw new InputError(
      `${file} has "schema": ${JSON.stringify(schema)}, which is not a modelci profile; make one with 'modelci profile <data> --out ${file}'.`,
      { file },
    );
  }
  const version = Number(schema.slice('modelci/profile@'.length));
  if (!Number.isInteger(version) || version > PROFILE_VERSION) {
    throw new InputError(
      `${file} is a ${schema} profile, newer than this modelci reads (${PROFILE_SCHEMA}); upgrade modelci or rewrite the profile with this version's 'modelci profile'.`,
      { file },
    );
  }
  const source = isObject(json.source) ? json.source : {};
  const files = Array.isArray(source.files) ? source.files.filter((x): x is string => typeof x === 'string') : [];
  if (!isObject(json.features)) throw bad(file, '"features"', 'an object of column name to column profile');
  const features: FeatureReference[] = [];
  for (const [name, raw] of Object.entries(json.features)) {
    const where = `features.${JSON.stringify(name)}`;
    if (!isObject(raw)) throw bad(file, where, 'an object');
    features.push(
      raw.type === 'numeric'
        ? numericFromJson(name, raw, file, where)
        : raw.type === 'categorical'
          ? categoricalFromJson(name, raw, file, where)
          : badType(file, where, raw.type),
    );
  }
  return { origin: 'profile', files, rows: num(source.rows, file, 'source.rows'), features };
}

function numericFromJson(name: string, raw: Record<string, unknown>, file: string, where: string): NumericReference {
  const rows = num(raw.rows, file, `${where}.rows`);
  const missing = num(raw.missing, file, `${where}.missing`);
  const count = num(raw.count, file, `${where}.count`);
  let ecdf: Ecdf;
  let sketchSize: number | undefined;
  if (raw.values !== undefined) {
    const values = numbers(raw.values, file, `${where}.values`);
    const counts = numbers(raw.counts, file, `${where}.counts`);
    if (counts.length !== values.length) throw bad(file, `${where}.counts`, `an array as long as ${where}.values (${values.length})`);
    for (let i = 1; i < values.length; i++) {
      if (!(values[i] > values[i - 1])) throw bad(file, `${where}.values`, 'distinct numbers in ascending order');
    }
    ecdf = ecdfFromCounts(values, counts);
  } else {
    const q = numbers(raw.quantiles, file, `${where}.quantiles`);
    if (q.length === 0) throw bad(file, `${where}.quantiles`, 'a non-empty array of numbers');
    for (let i = 1; i < q.length; i++) if (q[i] < q[i - 1]) throw bad(file, `${where}.quantiles`, 'numbers in ascending order');
    sketchSize = q.length;
    ecdf = sketchEcdf(q, count);
  }
  // Keep the profile's own PSI bins and counts: they were computed from the exact reference.
  let psi: { edges: Float64Array; counts: Float64Array } | undefined;
  if (isObject(raw.psi)) {
    const edges = numbers(raw.psi.edges, file, `${where}.psi.edges`);
    const counts = numbers(raw.psi.counts, file, `${where}.psi.counts`);
    if (counts.length !== edges.length + 1) throw bad(file, `${where}.psi.counts`, `an array one longer than ${where}.psi.edges`);
    psi = { edges, counts };
  }
  const ref = numericReference(name, rows, missing, ecdf, sketchSize, psi);
  if (raw.unit === 'epoch-ms') ref.unit = 'epoch-ms';
  return ref;
}

/** The step CDF with mass n/k at each stored quantile. */
function sketchEcdf(q: Float64Array, n: number): Ecdf {
  const values: number[] = [];
  const counts: number[] = [];
  const w = n / q.length;
  for (const x of q) {
    if (values.length > 0 && values[values.length - 1] === x) counts[counts.length - 1] += w;
    else {
      values.push(x);
      counts.push(w);
    }
  }
  return ecdfFromCounts(values, counts);
}

function categoricalFromJson(name: string, raw: Record<string, unknown>, file: string, where: string): CategoricalReference {
  if (!isObject(raw.counts)) throw bad(file, `${where}.counts`, 'an object of category to count');
  const counts = new Map<string, number>();
  for (const [k, v] of Object.entries(raw.counts)) counts.set(k, num(v, file, `${where}.counts.${JSON.stringify(k)}`));
  const rows = raw.rows === undefined ? sumCounts(counts) : num(raw.rows, file, `${where}.rows`);
  const other = raw.other === undefined ? 0 : num(raw.other, file, `${where}.other`);
  const missing = raw.missing === undefined ? null : num(raw.missing, file, `${where}.missing`);
  return { kind: 'categorical', name, rows, missing, counts, otherCount: other };
}

/** The seed article's reference_stats.json: numeric samples and categorical counts, no missing data. */
function referenceFromSeedProfile(json: Record<string, unknown>, file: string): Reference {
  if (!isObject(json.features)) {
    throw new InputError(
      `${file} is neither a modelci profile (no "schema") nor a seed-format profile (no "features" object); make one with 'modelci profile <data> --out ${file}'.`,
      { file },
    );
  }
  const features: FeatureReference[] = [];
  let rows = 0;
  for (const [name, raw] of Object.entries(json.features)) {
    const where = `features.${JSON.stringify(name)}`;
    if (!isObject(raw)) throw bad(file, where, 'an object');
    if (raw.type === 'numeric') {
      const sample = numbers(raw.sample, file, `${where}.sample`);
      if (sample.length === 0) throw bad(file, `${where}.sample`, 'a non-empty array of numbers');
      features.push(numericReference(name, sample.length, null, ecdfFromSample(sample)));
      rows = Math.max(rows, sample.length);
    } else if (raw.type === 'categorical') {
      const ref = categoricalFromJson(name, { counts: raw.counts }, file, where);
      features.push(ref);
      rows = Math.max(rows, ref.rows);
    } else {
      badType(file, where, raw.type);
    }
  }
  return { origin: 'seed-profile', files: [file], rows, features };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(x: unknown, file: string, where: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw bad(file, where, 'a non-negative number');
  return x;
}

function numbers(x: unknown, file: string, where: string): Float64Array {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'number' && Number.isFinite(v))) throw bad(file, where, 'an array of finite numbers');
  return Float64Array.from(x as number[]);
}

function bad(file: string, where: string, expected: string): InputError {
  return new InputError(`${file}: ${where} must be ${expected}; fix the profile or make a new one with 'modelci profile'.`, { file });
}

function badType(file: string, where: string, type: unknown): never {
  throw new InputError(`${file}: ${where}.type is ${JSON.stringify(type)}; it must be "numeric" or "categorical".`, { file });
}
