/**
 * The request bodies latency-endpoint sends: one evaluation row per request, serialised before
 * timing starts so only the server is timed. Two formats:
 *   json-rows  {"rows": [{"column": value, ...}]}, the columns the model takes, as the project's
 *              model server (and most hand-written ones) take them;
 *   v2         the KServe / Triton v2 inference protocol, POST /v2/models/<name>/infer with
 *              {"inputs": [{"name", "shape", "datatype", "data"}]}: the model's own input tensors.
 */
import type { Column, Table } from '../data/table.js';
import type { FeedPlan } from './input-mapping.js';

export const ENDPOINT_FORMATS = ['json-rows', 'v2'] as const;
export type EndpointFormat = (typeof ENDPOINT_FORMATS)[number];

/** onnxruntime tensor types as the v2 protocol names them ("Tensor Data Types" of the spec). */
const V2_DATATYPES: Record<string, string> = {
  float32: 'FP32',
  float64: 'FP64',
  float16: 'FP16',
  int64: 'INT64',
  int32: 'INT32',
  int16: 'INT16',
  int8: 'INT8',
  uint8: 'UINT8',
  bool: 'BOOL',
  string: 'BYTES',
};

export function v2Datatype(ortType: string): string {
  return V2_DATATYPES[ortType] ?? ortType.toUpperCase();
}

/** `count` bodies (fewer when the data has fewer rows: requests cycle through them). */
export function endpointBodies(format: EndpointFormat, table: Table, plan: FeedPlan, count: number): string[] {
  const n = Math.max(1, Math.min(plan.rowCount, count));
  const bodies: string[] = [];
  if (format === 'json-rows') {
    const wanted = new Set(plan.bindings.flatMap((b) => b.columns));
    const columns = table.columns.filter((c) => wanted.has(c.name));
    for (let r = 0; r < n; r++) bodies.push(JSON.stringify({ rows: [rowObject(columns, r)] }));
  } else {
    for (let r = 0; r < n; r++) {
      const feeds = plan.feeds(r, r + 1);
      const inputs = Object.entries(feeds).map(([name, t]) => ({ name, shape: [...t.dims], datatype: v2Datatype(t.type), data: jsonData(t.data, t.type) }));
      bodies.push(JSON.stringify({ inputs }));
    }
  }
  return bodies;
}

/** One row as an object of its cells; a missing cell is null (JSON has no NaN). */
function rowObject(columns: Column[], r: number): Record<string, number | string | null> {
  const row: Record<string, number | string | null> = {};
  for (const c of columns) {
    if (c.kind === 'numeric') row[c.name] = Number.isFinite(c.values[r]) ? c.values[r] : null;
    else row[c.name] = c.codes[r] < 0 ? null : c.categories[c.codes[r]];
  }
  return row;
}

/** Tensor data as JSON can carry it: int64 as numbers, NaN as null, booleans as true/false. */
function jsonData(data: unknown, type: string): Array<number | string | boolean | null> {
  const values = Array.from(data as ArrayLike<number | bigint | string>);
  if (type === 'bool') return values.map((v) => v !== 0);
  return values.map((v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : v));
}
