import { readFile } from 'node:fs/promises';
import type { Column, ColumnKind, Table } from '../data/table.js';
import { InputError } from '../shared/errors.js';
import type { SchemaFinding } from './report.js';

/**
 * An optional data contract: which columns must exist, their kinds, and the values they may hold.
 * File format (JSON): {"columns": {"age": {"type": "numeric", "min": 0, "max": 120, "nullable": false},
 * "country": {"type": "categorical", "allowed": ["DE", "FR"]}}}. Columns are required unless
 * "required": false.
 */
export interface ColumnRule {
  type?: ColumnKind;
  required: boolean;
  nullable: boolean;
  min?: number;
  max?: number;
  allowed?: Set<string>;
}

export type DataSchema = Map<string, ColumnRule>;

export async function readSchema(path: string): Promise<DataSchema> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`Schema file ${path} cannot be read; check the 'schema' input points at a JSON file in the workspace.`, {
      file: path,
      input: 'schema',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`Schema file ${path} is not valid JSON (${(e as Error).message}); fix the file.`, { file: path, input: 'schema' });
  }
  const columns = (json as { columns?: unknown } | null)?.columns;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    throw new InputError(`Schema file ${path} must hold {"columns": {"<name>": {"type": "numeric" | "categorical", ...}}}; add a "columns" object.`, {
      file: path,
      input: 'schema',
    });
  }
  const schema: DataSchema = new Map();
  for (const [name, raw] of Object.entries(columns as Record<string, unknown>)) {
    const r = (raw ?? {}) as Record<string, unknown>;
    const where = `${path}: columns.${JSON.stringify(name)}`;
    if (r.type !== undefined && r.type !== 'numeric' && r.type !== 'categorical') {
      throw new InputError(`${where}.type is ${JSON.stringify(r.type)}; use "numeric" or "categorical".`, { file: path, input: 'schema' });
    }
    for (const key of ['min', 'max'] as const) {
      if (r[key] !== undefined && (typeof r[key] !== 'number' || !Number.isFinite(r[key]))) {
        throw new InputError(`${where}.${key} must be a finite number.`, { file: path, input: 'schema' });
      }
    }
    if (r.allowed !== undefined && (!Array.isArray(r.allowed) || !r.allowed.every((x) => typeof x === 'string'))) {
      throw new InputError(`${where}.allowed must be an array of strings.`, { file: path, input: 'schema' });
    }
    schema.set(name, {
      type: r.type as ColumnKind | undefined,
      required: r.required !== false,
      nullable: r.nullable !== false,
      min: r.min as number | undefined,
      max: r.max as number | undefined,
      allowed: r.allowed ? new Set(r.allowed as string[]) : undefined,
    });
  }
  return schema;
}

/** Check a table against the schema; every breach is critical. */
export function validateSchema(table: Table, schema: DataSchema): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  const file = table.files.length === 1 ? table.files[0] : undefined;
  for (const [name, rule] of schema) {
    const col = table.columns.find((c) => c.name === name);
    if (!col) {
      if (rule.required)
        findings.push({ severity: 'critical', column: name, file, message: `Column '${name}' is required by the schema but absent from the current data.` });
      continue;
    }
    if (rule.type && rule.type !== col.kind) {
      findings.push({
        severity: 'critical',
        column: name,
        file,
        message: `Column '${name}' should be ${rule.type} by the schema but was read as ${col.kind}.`,
      });
      continue;
    }
    if (!rule.nullable && col.missing > 0) {
      findings.push({
        severity: 'critical',
        column: name,
        file,
        message: `Column '${name}' must not be missing (schema: nullable false) but ${col.missing} of ${table.rowCount} cells are.`,
      });
    }
    const range = rangeBreach(col, rule);
    if (range) findings.push({ severity: 'critical', column: name, file, message: range });
    const outside = allowedBreach(col, rule);
    if (outside) findings.push({ severity: 'critical', column: name, file, message: outside });
  }
  return findings;
}

function rangeBreach(col: Column, rule: ColumnRule): string | undefined {
  if (col.kind !== 'numeric' || (rule.min === undefined && rule.max === undefined)) return undefined;
  const lo = rule.min ?? -Infinity;
  const hi = rule.max ?? Infinity;
  let count = 0;
  let first = -1;
  const v = col.values;
  for (let i = 0; i < v.length; i++) {
    if (v[i] < lo || v[i] > hi) {
      if (count++ === 0) first = i;
    }
  }
  if (count === 0) return undefined;
  return `Column '${col.name}' has ${count} value(s) outside the schema's range [${rule.min ?? '-∞'}, ${rule.max ?? '∞'}], the first ${v[first]} in data row ${first + 1}.`;
}

function allowedBreach(col: Column, rule: ColumnRule): string | undefined {
  if (col.kind !== 'categorical' || !rule.allowed) return undefined;
  const bad = col.categories.map((c) => !rule.allowed!.has(c));
  let count = 0;
  let first = -1;
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i];
    if (c >= 0 && bad[c]) {
      if (count++ === 0) first = i;
    }
  }
  if (count === 0) return undefined;
  return `Column '${col.name}' has ${count} value(s) the schema does not allow, the first '${col.categories[col.codes[first]]}' in data row ${first + 1}.`;
}
