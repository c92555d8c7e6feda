import { readFile, stat } from 'node:fs/promises';
import { readTable } from '../data/read-table.js';
import type { Column, ColumnKind, Table } from '../data/table.js';
import { InputError } from '../shared/errors.js';
import { formatNumber, formatPercent, pEquals } from '../shared/format.js';
import { logText } from '../shared/log-text.js';
import { adjustPValues } from '../stats/correction.js';
import { compareCategorical } from './compare-categorical.js';
import { compareNumeric } from './compare-numeric.js';
import type { FeatureComparison } from './comparison.js';
import type { DriftOptions } from './options.js';
import { referenceFromProfile } from './profile.js';
import type { FeatureReference, Reference } from './reference.js';
import { referenceFromTable } from './reference-from-table.js';
import { DRIFT_REPORT_SCHEMA, type DriftReport, type FeatureResult, type SchemaFinding } from './report.js';
import { readSchema, validateSchema, type DataSchema } from './schema.js';

export interface DriftCheckInput {
  /** A profile (.json) or reference data: a file, a directory or a glob. */
  reference: string;
  /** Current data: a file, a directory or a glob. */
  current: string;
  /** Optional data contract (see schema.ts). */
  schema?: string;
  options: DriftOptions;
  /** Field delimiter of delimited text files (both sides); default: by extension, sniffed for .txt. */
  delimiter?: string;
  /** Also parse current columns the reference lacks (to profile the current data whole). */
  readNewColumns?: boolean;
}

export interface DriftCheckResult {
  report: DriftReport;
  reference: Reference;
  current: Table;
}

/** The check-drift use case: load both sides, compare every feature, correct, decide. */
export async function checkDrift(input: DriftCheckInput, now = new Date()): Promise<DriftCheckResult> {
  const { options } = input;
  const schema = input.schema ? await readSchema(input.schema) : undefined;
  const reference = await loadReference(input.reference, options, schema, input.delimiter);
  const wanted = columnFilter(options);
  const features = selectFeatures(reference, options);

  // Time columns are not forced numeric: their text (ISO-8601) must reach the date recognition.
  const kinds = new Map<string, ColumnKind>(features.filter((f) => !isTimeReference(f)).map((f) => [f.name, f.kind]));
  const featureNames = new Set(features.map((f) => f.name));
  // Every column name of the current data, parsed or not, to report new columns.
  const seen = new Set<string>();
  const current = await readTable(input.current, {
    kinds,
    delimiter: input.delimiter,
    include: (name) => {
      seen.add(name);
      return featureNames.has(name) || (schema?.has(name) ?? false) || (input.readNewColumns === true && wanted(name));
    },
  }).catch(rethrowFor('current'));

  const report = compareToReference(reference, current, options, { schema, seenColumns: [...seen] }, now);
  return { report, reference, current };
}

/**
 * Compare a table with a reference: every selected feature tested, p-values corrected as one
 * family, schema checked. `seenColumns` are the current data's column names (default: the table's).
 */
export function compareToReference(
  reference: Reference,
  current: Table,
  options: DriftOptions,
  extra: { schema?: DataSchema; seenColumns?: string[] } = {},
  now = new Date(),
): DriftReport {
  const features = selectFeatures(reference, options);
  const wanted = columnFilter(options);
  const seen = extra.seenColumns ?? current.columns.map((c) => c.name);
  const findings: SchemaFinding[] = extra.schema ? validateSchema(current, extra.schema) : [];
  const comparisons = features.map((f) => compareFeature(f, current, options, findings, now));
  const refNames = new Set(reference.features.map((f) => f.name));
  const added = seen.filter((name) => !refNames.has(name) && wanted(name));
  for (const name of added) {
    findings.push({ severity: 'notice', column: name, message: `Column '${name}' is new: it is in the current data but not in the reference.` });
  }
  const results = decide(comparisons, options);
  for (const name of added) results.push(newColumnResult(name, current));
  return buildReport(reference, current, options, results, findings, now);
}

/** A .json reference is a profile; anything else is data. */
export async function loadReference(spec: string, options: DriftOptions, schema?: DataSchema, delimiter?: string): Promise<Reference> {
  if (/\.json$/i.test(spec) && (await isFile(spec))) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(spec, 'utf8'));
    } catch (e) {
      throw new InputError(`Reference profile ${spec} is not valid JSON (${(e as Error).message}); make it again with 'modelci profile'.`, {
        file: spec,
        input: 'reference',
      });
    }
    return referenceFromProfile(json, spec);
  }
  const kinds = new Map<string, ColumnKind>();
  for (const name of options.categorical) kinds.set(name, 'categorical');
  for (const [name, rule] of schema ?? []) if (rule.type) kinds.set(name, rule.type);
  const wanted = columnFilter(options);
  const columns: string[] = [];
  const table = await readTable(spec, {
    kinds,
    delimiter,
    include: (name) => {
      if (!columns.includes(name)) columns.push(name);
      return wanted(name);
    },
  }).catch(rethrowFor('reference'));
  return { ...referenceFromTable(table), columns };
}

/** include/ignore lists as a predicate on column names. */
export function columnFilter(options: DriftOptions): (name: string) => boolean {
  const include = new Set(options.include);
  const ignore = new Set(options.ignore);
  return (name) => (include.size === 0 || include.has(name)) && !ignore.has(name);
}

function selectFeatures(reference: Reference, options: DriftOptions): FeatureReference[] {
  const names = new Set(reference.columns ?? reference.features.map((f) => f.name));
  for (const name of options.include) {
    if (!names.has(name)) {
      throw new InputError(
        `Input 'columns' names '${name}', which the reference does not have; its columns are ${[...names].map((n) => `'${n}'`).join(', ')}.`,
        { input: 'columns' },
      );
    }
  }
  const wanted = columnFilter(options);
  const features = reference.features.filter((f) => wanted(f.name));
  if (features.length === 0) {
    throw new InputError(
      `No columns are left to check after 'columns' and 'ignore-columns'; the reference has ${[...names].map((n) => `'${n}'`).join(', ')}.`,
      { input: 'ignore-columns' },
    );
  }
  return features;
}

function isTimeReference(f: FeatureReference): boolean {
  return f.kind === 'numeric' && f.unit === 'epoch-ms';
}

function compareFeature(ref: FeatureReference, current: Table, options: DriftOptions, findings: SchemaFinding[], now: Date): FeatureComparison | FeatureResult {
  const col = current.columns.find((c) => c.name === ref.name);
  if (!col) {
    const message = `Column '${ref.name}' is in the reference but missing from the current data.`;
    findings.push({ severity: 'critical', column: ref.name, message, file: current.files[0] });
    return criticalResult(ref, current, message);
  }
  if (col.kind !== ref.kind) {
    const message = `Column '${ref.name}' is ${ref.kind} in the reference but ${col.kind} in the current data.`;
    findings.push({ severity: 'critical', column: ref.name, message, file: current.files[0] });
    return criticalResult(ref, current, message);
  }
  if (col.kind === 'numeric' && col.textCells > 0) {
    const first = col.firstText;
    const message =
      `Column '${ref.name}' is numeric in the reference but ${col.textCells} current cell(s) hold text` +
      (first ? `, the first '${first.text}' at ${first.file} line ${first.line}.` : '.');
    findings.push({ severity: 'critical', column: ref.name, message, file: first?.file, line: first?.line });
    return criticalResult(ref, current, message);
  }
  return ref.kind === 'numeric'
    ? compareNumeric(ref, col as Extract<Column, { kind: 'numeric' }>, current.rowCount, options, now)
    : compareCategorical(ref, col as Extract<Column, { kind: 'categorical' }>, current.rowCount, options);
}

function criticalResult(ref: FeatureReference, current: Table, reason: string): FeatureResult {
  return {
    name: ref.name,
    kind: ref.kind,
    status: 'critical',
    reason,
    effects: {},
    reference: { rows: ref.rows, count: ref.kind === 'numeric' ? ref.ecdf.n : ref.rows - (ref.missing ?? 0) },
    current: { rows: current.rowCount, count: 0 },
  };
}

function newColumnResult(name: string, current: Table): FeatureResult {
  const col = current.columns.find((c) => c.name === name);
  const kind = col?.kind ?? 'numeric';
  return {
    name,
    kind,
    status: 'new',
    reason: 'Not in the reference: reported, not tested.',
    effects: {},
    reference: { rows: 0, count: 0 },
    current: { rows: current.rowCount, count: col ? current.rowCount - col.missing : 0 },
  };
}

/**
 * Correct all p-values of the run as one family (distribution and missing-rate tests of every
 * feature), then call a feature drifted only when a corrected p-value is below the level AND its
 * effect size reaches the minimum: large samples make trivial shifts significant.
 */
function decide(items: (FeatureComparison | FeatureResult)[], options: DriftOptions): FeatureResult[] {
  const raw: number[] = [];
  const slots = items.map((item) => {
    if ('status' in item) return { dist: -1, miss: -1 };
    const dist = item.test ? raw.push(item.test.pValue) - 1 : -1;
    const miss = item.missing.pValue !== undefined ? raw.push(item.missing.pValue) - 1 : -1;
    return { dist, miss };
  });
  const adjusted = adjustPValues(raw, options.correction);
  return items.map((item, i) => {
    if ('status' in item) return item;
    const { dist, miss } = slots[i];
    return verdictFor(item, dist >= 0 ? adjusted[dist] : undefined, miss >= 0 ? adjusted[miss] : undefined, options);
  });
}

function verdictFor(c: FeatureComparison, pDist: number | undefined, pMiss: number | undefined, options: DriftOptions): FeatureResult {
  const alpha = options.alpha;
  const correction = options.correction === 'none' ? '' : ` after ${correctionName(options.correction)}`;
  const reasons: string[] = [];
  let drifted = false;

  if (c.test && c.effect && pDist !== undefined) {
    const e = c.effect;
    const testText = `${c.test.name === 'ks' ? 'KS D' : 'χ²'} = ${formatNumber(c.test.statistic)}, ${pEquals(pDist)}${correction}`;
    const effectText = `${effectLabel(e.name)} = ${formatNumber(e.value)}${e.name === 'wasserstein' ? ' σ' : ''}`;
    const significant = pDist < alpha;
    const large = e.value >= e.threshold;
    if (significant && large) {
      drifted = true;
      reasons.push(`distribution changed: ${testText} < ${alpha}, ${effectText} ≥ ${e.threshold}`);
    } else if (significant) {
      reasons.push(`change is significant (${testText}) but small: ${effectText} < ${e.threshold}`);
    } else {
      reasons.push(`no evidence of change: ${testText} ≥ ${alpha} (${effectText})`);
    }
    if (c.effectNote) reasons.push(c.effectNote);
    for (const note of c.notes ?? []) reasons.push(note);
  } else if (c.untested) {
    reasons.push(`not tested: ${c.untested}`);
  }
  const m = c.missing;
  let missingDrifted = false;
  if (pMiss !== undefined && m.change !== null) {
    missingDrifted = pMiss < alpha && Math.abs(m.change) >= options.minMissingChange;
    if (missingDrifted || pMiss < alpha) {
      reasons.push(
        `missing rate ${formatPercent(m.reference)} → ${formatPercent(m.current)} (${pEquals(pMiss)}${correction}${missingDrifted ? `, change ≥ ${formatPercent(options.minMissingChange)}` : `, change < ${formatPercent(options.minMissingChange)}`})`,
      );
    }
  }
  if (c.newCategories && c.newCategories.length > 0) {
    reasons.push(
      `unseen categories: ${c.newCategories
        .slice(0, 5)
        .map((n) => `'${n.name}' (${n.count})`)
        .join(', ')}${c.newCategories.length > 5 ? ', …' : ''}`,
    );
  }
  const status = drifted || missingDrifted ? 'drift' : c.test || pMiss !== undefined ? 'ok' : 'skipped';
  const reason = reasons.length > 0 ? capitalize(reasons.join('; ')) + '.' : 'Nothing to compare.';
  return {
    name: c.name,
    kind: c.kind,
    status,
    reason,
    test: c.test && pDist !== undefined ? { ...c.test, pAdjusted: pDist } : undefined,
    effect: c.effect,
    effects: c.effects,
    missing: { reference: m.reference, current: m.current, change: m.change, pValue: m.pValue, pAdjusted: pMiss, drifted: missingDrifted },
    reference: c.reference,
    current: c.current,
    newCategories: c.newCategories,
    ...(c.unit ? { unit: c.unit } : {}),
    ...(c.movement ? { movement: c.movement } : {}),
  };
}

function buildReport(
  reference: Reference,
  current: Table,
  options: DriftOptions,
  features: FeatureResult[],
  findings: SchemaFinding[],
  now: Date,
): DriftReport {
  const driftedFeatures = features.filter((f) => f.status === 'drift').map((f) => f.name);
  const criticalFeatures = [...new Set(findings.filter((f) => f.severity === 'critical').map((f) => f.column))];
  const tested = features.filter((f) => f.status === 'ok' || f.status === 'drift' || f.status === 'critical').length;
  const drifted = driftedFeatures.length > 0;
  const critical = criticalFeatures.length > 0;
  const failed = options.failOn === 'drift' ? drifted || critical : options.failOn === 'critical' ? critical : false;
  const driftShare = tested > 0 ? driftedFeatures.length / tested : 0;
  const parts: string[] = [];
  if (critical) parts.push(`${criticalFeatures.length} critical schema problem${criticalFeatures.length > 1 ? 's' : ''} (${fewNames(criticalFeatures)})`);
  if (drifted) parts.push(`${driftedFeatures.length} of ${tested} features drifted (${fewNames(driftedFeatures)})`);
  const summary =
    parts.length > 0 ? capitalize(parts.join('; ')) + '.' : `No drift: ${tested} feature${tested === 1 ? '' : 's'} checked at level ${options.alpha}.`;
  return {
    schema: DRIFT_REPORT_SCHEMA,
    createdAt: now.toISOString(),
    reference: { origin: reference.origin, files: reference.files, rows: reference.rows },
    current: { files: current.files, rows: current.rowCount },
    options,
    verdict: { failed, drifted, critical, driftedFeatures, criticalFeatures, driftShare, testedFeatures: tested, summary },
    features,
    findings,
  };
}

/** At most five names, then "and N more": a headline must stay one line. */
function fewNames(names: string[]): string {
  const shown = names.slice(0, 5).map(logText).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

function correctionName(c: DriftOptions['correction']): string {
  return c === 'holm' ? 'Holm' : c === 'bonferroni' ? 'Bonferroni' : c === 'fdr_bh' ? 'Benjamini-Hochberg' : 'no correction';
}

export function effectLabel(name: string): string {
  return (
    ({ wasserstein: 'Wasserstein', psi: 'PSI', ks: 'KS D', 'jensen-shannon': 'Jensen-Shannon', 'cramers-v': "Cramér's V" } as Record<string, string>)[name] ??
    name
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Say which input a reader error came from when the message does not already name it. */
function rethrowFor(input: 'reference' | 'current'): (e: unknown) => never {
  return (e) => {
    if (e instanceof InputError && !e.where.input) e.where.input ??= input;
    throw e;
  };
}
