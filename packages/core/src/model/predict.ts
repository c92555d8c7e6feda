/**
 * Runs a model over every row of the test data in batches and keeps the outputs that score it.
 */
import { InputError } from '../shared/errors.js';
import type { FeedPlan } from './input-mapping.js';
import type { ModelSession, Outputs } from './model-session.js';
import type { OutputRoles } from './model-outputs.js';

// Jest's VM context makes global lookups slow in per-row loops.
const Number = globalThis.Number;

export interface RawPredictions {
  rows: number;
  /** The prediction output as numbers (int labels, regression values), or as strings. */
  numbers?: Float64Array;
  strings?: string[];
  /** Row-major rows x width. */
  probabilities?: Float64Array;
  width: number;
  /** Per row: 1 when an output value is NaN or infinite. */
  nonFinite: Uint8Array;
}

/** Rows per evaluation batch: large enough that per-call overhead vanishes, small enough for big models. */
export const EVALUATION_BATCH = 512;

export async function predictAll(session: ModelSession, plan: FeedPlan, roles: OutputRoles, batchSize = EVALUATION_BATCH): Promise<RawPredictions> {
  const n = plan.rowCount;
  const batch = plan.fixedBatch ?? batchSize;
  const fetch = [roles.prediction?.name, roles.probabilities?.name].filter((x): x is string => !!x);
  const out: RawPredictions = { rows: n, width: 0, nonFinite: new Uint8Array(n) };
  if (roles.prediction) {
    if (roles.prediction.type === 'string') out.strings = new Array<string>(n);
    else out.numbers = new Float64Array(n);
  }
  for (let start = 0; start < n; start += batch) {
    const end = Math.min(n, start + batch);
    const outputs = await runBatch(session, plan, start, end, fetch);
    if (roles.prediction) copyPrediction(outputs, roles.prediction.name, start, end, out);
    if (roles.probabilities) copyProbabilities(outputs, roles.probabilities.name, start, end, out);
  }
  return out;
}

async function runBatch(session: ModelSession, plan: FeedPlan, start: number, end: number, fetch: string[]): Promise<Outputs> {
  try {
    return await session.run(plan.feeds(start, end), fetch);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new InputError(
      `onnxruntime failed to run ${session.path} on rows ${start + 1}-${end} of the test data: ${why}; check that the columns fed to each input (see input-mapping) are the ones the model was trained on.`,
      { input: 'model' },
    );
  }
}

function checkRows(name: string, dims: readonly number[], rows: number, perRowValues: number): void {
  if (dims[0] !== rows && !(rows === 1 && dims.length === 0)) {
    throw new InputError(
      `Output '${name}' has shape [${dims.join(', ')}] for a batch of ${rows} rows; modelci scores one prediction per row, so name a per-row output with prediction-output.`,
      { input: 'prediction-output' },
    );
  }
  if (perRowValues !== 1 && rows > 0 && dims.length !== 2) {
    throw new InputError(`Output '${name}' has shape [${dims.join(', ')}], not [rows, classes]; name the probability matrix with probability-output.`, {
      input: 'probability-output',
    });
  }
}

function copyPrediction(outputs: Outputs, name: string, start: number, end: number, out: RawPredictions): void {
  const t = outputs[name];
  const rows = end - start;
  checkRows(name, t.dims, rows, 1);
  if (t.size !== rows) {
    throw new InputError(`Output '${name}' gives ${t.size / rows} values per row; name an output with one prediction per row with prediction-output.`, {
      input: 'prediction-output',
    });
  }
  const data = t.data;
  if (out.strings) {
    const strings = data as string[];
    for (let i = 0; i < rows; i++) out.strings[start + i] = strings[i];
    return;
  }
  const numbers = out.numbers!;
  if (data instanceof BigInt64Array) {
    copyInt64(data, numbers, start, rows);
    return;
  }
  for (let i = 0; i < rows; i++) {
    const v = Number(data[i]);
    numbers[start + i] = v;
    if (!Number.isFinite(v)) out.nonFinite[start + i] = 1;
  }
}

function copyProbabilities(outputs: Outputs, name: string, start: number, end: number, out: RawPredictions): void {
  const t = outputs[name];
  const rows = end - start;
  const width = rows > 0 ? t.size / rows : 0;
  checkRows(name, t.dims, rows, width);
  if (out.width === 0) {
    out.width = width;
    out.probabilities = new Float64Array(out.rows * width);
  } else if (out.width !== width) {
    throw new InputError(
      `Output '${name}' gave ${out.width} classes for earlier rows but ${width} for rows ${start + 1}-${end}; a classifier must give the same classes for every row.`,
      { input: 'probability-output' },
    );
  }
  const data = t.data as Float32Array;
  const p = out.probabilities!;
  const base = start * width;
  for (let i = 0; i < rows * width; i++) {
    const v = data[i];
    p[base + i] = v;
    if (!Number.isFinite(v)) out.nonFinite[start + Math.floor(i / width)] = 1;
  }
}

/**
 * int64 labels without a BigInt per row: read the two 32-bit halves (little-endian, as on every
 * platform onnxruntime-node ships for) and convert through BigInt only values beyond 32 bits.
 */
function copyInt64(data: BigInt64Array, into: Float64Array, start: number, rows: number): void {
  const words = new Int32Array(data.buffer, data.byteOffset, rows * 2);
  for (let i = 0; i < rows; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    into[start + i] = (hi === 0 && lo >= 0) || (hi === -1 && lo < 0) ? lo : Number(data[i]);
  }
}
