/**
 * Mode 2 of quality-gates: the team evaluated the model with its own script and wrote a report.
 * Accepted: an EvaluationReport (modelci/evaluation-report@1), a GateVerdict, or any JSON object
 * with a `metrics` object. Metric values are numbers, null (not measured), quantities with units
 * ("12ms", "450MB"), or nested objects whose keys join with dots ({"latency": {"p99": 12}}).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError } from '../shared/errors.js';
import { EVALUATION_REPORT_SCHEMA, metricDimension } from '../model/evaluation-report.js';
import { parseQuantity } from '../shared/quantity.js';
import { GATE_VERDICT_SCHEMA } from './evaluate-gates.js';

/** Reports whose `metrics` object this reader understands. */
const READABLE = [EVALUATION_REPORT_SCHEMA, GATE_VERDICT_SCHEMA];

export interface MetricsReport {
  path: string;
  /** sha256 of the file's bytes, for provenance. */
  digest: string;
  /** Flat metrics in canonical units (ms, bytes); null = not measured. */
  metrics: Record<string, number | null>;
  /** The whole document, when it is an EvaluationReport. */
  schema?: string;
  document: Record<string, unknown>;
}

export async function readMetricsReport(path: string, input = 'report'): Promise<MetricsReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `The ${input} file ${path} does not exist; write the evaluation report first or fix the path.`
        : `The ${input} file ${path} cannot be read (${code ?? (e as Error).message}); check the path.`,
      { input, file: path },
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const where = jsonErrorLine(text, (e as Error).message);
    throw new InputError(
      `The ${input} file ${path} is not valid JSON${where ? ` (line ${where.line}, column ${where.col})` : ''}: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}; write it with json.dump.`,
      { input, file: path, ...where },
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(
      `The ${input} file ${path} holds ${Array.isArray(doc) ? 'a list' : typeof doc}, not an object; write {"metrics": {"accuracy": 0.93, ...}}.`,
      { input, file: path },
    );
  }
  const record = doc as Record<string, unknown>;
  const schema = record.schema;
  if (schema !== undefined && !READABLE.includes(schema as string)) {
    throw new InputError(
      `The ${input} file ${path} has schema '${String(schema)}', which this modelci does not read; write ${READABLE.join(' or ')}, or a plain {"metrics": {...}} without a schema.`,
      { input, file: path },
    );
  }
  const metrics = record.metrics;
  if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) {
    throw new InputError(
      `The ${input} file ${path} has no "metrics" object${metrics === undefined ? '' : ` (it is ${Array.isArray(metrics) ? 'a list' : typeof metrics})`}; write {"metrics": {"accuracy": 0.93, "latency": {"p99": 12}}}.`,
      { input, file: path },
    );
  }
  const flat: Record<string, number | null> = {};
  flatten(metrics as Record<string, unknown>, '', flat, path, input);
  if (Object.keys(flat).length === 0) {
    throw new InputError(`The ${input} file ${path} has an empty "metrics" object; a model with no measurements cannot pass a gate.`, { input, file: path });
  }
  return { path, digest: `sha256:${createHash('sha256').update(text).digest('hex')}`, metrics: flat, schema: schema as string | undefined, document: record };
}

function flatten(obj: Record<string, unknown>, prefix: string, out: Record<string, number | null>, path: string, input: string): void {
  for (const [key, value] of Object.entries(obj)) {
    const name = prefix + key;
    if (value === null) out[name] = null;
    else if (typeof value === 'number') out[name] = value;
    else if (typeof value === 'string') {
      const q = parseQuantity(value, { input, context: `metrics.${name} in ${path}` });
      const expected = metricDimension(name);
      if (q.dimension && q.dimension !== expected) {
        throw new InputError(
          `metrics.${name} in ${path} is '${value}', a ${q.dimension === 'time' ? 'time' : 'size'}, but ${name} is measured in ${expected === 'time' ? 'milliseconds' : expected === 'bytes' ? 'bytes' : 'plain numbers'}; fix the value or the name.`,
          { input, file: path },
        );
      }
      out[name] = q.value;
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      flatten(value as Record<string, unknown>, `${name}.`, out, path, input);
    } else {
      throw new InputError(
        `metrics.${name} in ${path} is ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}; each metric must be a number, null, or a quantity such as "12ms".`,
        { input, file: path },
      );
    }
  }
}

/** Node reports "at position N" (older) or "(line L column C)" (newer): turn either into line/col. */
function jsonErrorLine(text: string, message: string): { line: number; col: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return undefined;
  const before = text.slice(0, Number(pos[1]));
  const lines = before.split('\n');
  return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}
