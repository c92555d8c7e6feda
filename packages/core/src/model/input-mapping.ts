/**
 * Which table columns feed which model inputs. A model takes either one input per column (named
 * after it) or one [N, F] matrix of F feature columns, as scikit-learn and PyTorch exports do.
 * Each model input is bound to its columns once; batches are then views into prepared arrays, so
 * evaluation costs little beyond onnxruntime's own time.
 */
import { InputError } from '../shared/errors.js';
import type { Column, Table } from '../data/table.js';
import { closestName } from '../shared/closest-name.js';
import type { Feeds, TensorSpec } from './model-session.js';
import type { OrtModule } from './onnx-runtime.js';

export interface InputBinding {
  input: string;
  type: string;
  /** Table columns, in the order the input takes them. */
  columns: string[];
  /** Values per row: the input's last dimension (1 for [N] and [N, 1]). */
  width: number;
  /** The dims of one batch, with -1 where the row count goes. */
  dims: number[];
  /** How the columns were chosen, for the report. */
  source: 'input-mapping' | 'same name' | 'features' | 'model metadata' | 'remaining columns';
}

export interface MappingOptions {
  labelColumn: string;
  /** input-mapping: model input -> columns. */
  mapping?: ReadonlyMap<string, string[]>;
  /** Columns for a single matrix input, in order (the `features` input). */
  features?: string[];
  /** The model's metadata_props; `feature_names` lists a matrix input's columns. */
  metadata?: Readonly<Record<string, string>>;
}

type Values = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | string[];

export interface FeedPlan {
  bindings: InputBinding[];
  rowCount: number;
  /** Rows where some input value is missing (fed as NaN); such rows may legitimately give NaN. */
  rowHasMissing: Uint8Array;
  missingRows: number;
  /** A fixed batch dimension the model insists on (1 for some exports); undefined = any. */
  fixedBatch?: number;
  /** Feeds for rows [start, end): views, not copies, where the type allows. */
  feeds(start: number, end: number): Feeds;
  /** One row with every value set to `fill` (robustness probes); undefined when no input is numeric. */
  filledRow(fill: number): Feeds | undefined;
}

const NUMERIC_TYPES = new Set(['float32', 'float64', 'float16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool']);
const SUPPORTED_TYPES = new Set(['float32', 'float64', 'int64', 'int32', 'bool', 'string']);

/** Parses `input = col1, col2` lines (':' also accepted) of the input-mapping input. */
export function parseInputMapping(text: string, inputName = 'input-mapping'): Map<string, string[]> {
  const mapping = new Map<string, string[]>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const m = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(line);
    const columns =
      m?.[2]
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean) ?? [];
    if (!m || columns.length === 0) {
      throw new InputError(
        `${inputName} line ${i + 1} ('${line}') is not 'model_input = column, column, ...'; write one model input per line followed by the columns it takes.`,
        { input: inputName, line: i + 1 },
      );
    }
    if (mapping.has(m[1])) {
      throw new InputError(`${inputName} maps model input '${m[1]}' twice (line ${i + 1}); give each input one line.`, { input: inputName, line: i + 1 });
    }
    mapping.set(m[1], columns);
  });
  return mapping;
}

/** Splits a comma list or parses a JSON array of names (the forms exporters store in metadata). */
export function parseNameList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map((v) => String(v));
    } catch {
      // not JSON after all: read it as a comma list
    }
  }
  return trimmed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function planFeeds(table: Table, inputs: readonly TensorSpec[], ort: OrtModule, options: MappingOptions): FeedPlan {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const chosen = chooseColumns(table, inputs, options);
  const bindings: InputBinding[] = [];
  const prepared: Values[] = [];
  const rowHasMissing = new Uint8Array(table.rowCount);
  let fixedBatch: number | undefined;
  for (const spec of inputs) {
    const { columns, source } = chosen.get(spec.name)!;
    const binding = bindInput(spec, columns, source);
    const batch = spec.shape[0];
    if (typeof batch === 'number' && batch > 0) {
      if (batch !== 1) {
        throw new InputError(
          `Model input '${spec.name}' has a fixed batch size of ${batch}; re-export the model with a dynamic first dimension (e.g. dynamic_axes in torch.onnx.export) so it can take any number of rows.`,
          { input: 'model' },
        );
      }
      fixedBatch = 1;
    }
    bindings.push(binding);
    prepared.push(
      prepareValues(
        binding,
        columns.map((c) => byName.get(c)!),
        table.rowCount,
        rowHasMissing,
      ),
    );
  }
  let missingRows = 0;
  for (let r = 0; r < rowHasMissing.length; r++) missingRows += rowHasMissing[r];

  const tensor = (b: InputBinding, data: Values, rows: number) =>
    new ort.Tensor(
      b.type as 'float32',
      data as Float32Array,
      b.dims.map((d) => (d === -1 ? rows : d)),
    );
  return {
    bindings,
    rowCount: table.rowCount,
    rowHasMissing,
    missingRows,
    fixedBatch,
    feeds(start, end) {
      const feeds: Feeds = {};
      bindings.forEach((b, i) => {
        const all = prepared[i];
        const slice = Array.isArray(all) ? all.slice(start * b.width, end * b.width) : all.subarray(start * b.width, end * b.width);
        feeds[b.input] = tensor(b, slice, end - start);
      });
      return feeds;
    },
    filledRow(fill) {
      if (!bindings.some((b) => b.type !== 'string')) return undefined;
      const feeds: Feeds = {};
      for (const b of bindings) feeds[b.input] = tensor(b, filled(b, fill), 1);
      return feeds;
    },
  };
}

/** Decides each model input's columns: input-mapping, then same-name columns, then one matrix input. */
function chooseColumns(table: Table, inputs: readonly TensorSpec[], options: MappingOptions) {
  const columnNames = table.columns.map((c) => c.name);
  const known = new Set(columnNames);
  const inputNames = inputs.map((s) => s.name);
  const chosen = new Map<string, { columns: string[]; source: InputBinding['source'] }>();
  const checkColumns = (columns: string[], input: string, what: string) => {
    for (const c of columns) {
      if (!known.has(c)) {
        const near = closestName(c, columnNames);
        throw new InputError(
          `${what} names column '${c}', which the test data does not have${near ? `; did you mean '${near}'?` : `; its columns are ${listNames(columnNames)}.`}`,
          { input },
        );
      }
      if (c === options.labelColumn) {
        throw new InputError(`${what} feeds the label column '${c}' to the model; a model must not see the answer it is scored on, so drop it from ${input}.`, {
          input,
        });
      }
    }
  };

  for (const [input, columns] of options.mapping ?? []) {
    if (!inputNames.includes(input)) {
      const near = closestName(input, inputNames);
      throw new InputError(
        `input-mapping names model input '${input}', which the model does not have${near ? `; did you mean '${near}'?` : `; its inputs are ${listNames(inputNames)}.`}`,
        { input: 'input-mapping' },
      );
    }
    checkColumns(columns, 'input-mapping', `input-mapping for '${input}'`);
    chosen.set(input, { columns, source: 'input-mapping' });
  }
  for (const spec of inputs) {
    if (!chosen.has(spec.name) && known.has(spec.name) && spec.name !== options.labelColumn) {
      chosen.set(spec.name, { columns: [spec.name], source: 'same name' });
    }
  }
  const unbound = inputs.filter((s) => !chosen.has(s.name));
  if (unbound.length > 1) {
    throw new InputError(
      `The test data has no columns named like the model inputs ${listNames(unbound.map((s) => s.name))}; rename the columns after the inputs or map them with input-mapping (one 'input = column, ...' per line).`,
      { input: 'input-mapping' },
    );
  }
  if (unbound.length === 1) {
    const spec = unbound[0];
    const metadataNames = options.metadata?.feature_names;
    if (options.features?.length) {
      checkColumns(options.features, 'features', 'features');
      chosen.set(spec.name, { columns: options.features, source: 'features' });
    } else if (metadataNames && parseNameList(metadataNames).length > 0) {
      const columns = parseNameList(metadataNames);
      checkColumns(columns, 'features', `The model's feature_names metadata`);
      chosen.set(spec.name, { columns, source: 'model metadata' });
    } else {
      // Every column not used elsewhere, not the label, and of a kind the input can take.
      const used = new Set([...chosen.values()].flatMap((c) => c.columns));
      const wantsText = spec.type === 'string';
      const columns = table.columns
        .filter((c) => c.name !== options.labelColumn && !used.has(c.name) && (wantsText || c.kind === 'numeric'))
        .map((c) => c.name);
      chosen.set(spec.name, { columns, source: 'remaining columns' });
    }
  }
  return chosen;
}

function bindInput(spec: TensorSpec, columns: string[], source: InputBinding['source']): InputBinding {
  const type = spec.type;
  if (!type) {
    throw new InputError(
      `Model input '${spec.name}' is not a tensor (a sequence or map); modelci feeds tables, so evaluate this model with your own script and pass its results as a report.`,
      { input: 'model' },
    );
  }
  if (!SUPPORTED_TYPES.has(type)) {
    throw new InputError(
      `Model input '${spec.name}' takes ${type} values, which modelci cannot build from a table; export the model with float32 inputs (or float64, int64, int32, bool, string).`,
      { input: 'model' },
    );
  }
  const shape = spec.shape;
  if (shape.length > 2) {
    throw new InputError(
      `Model input '${spec.name}' has shape [${shape.join(', ')}], more than rows x features; modelci feeds tables, so evaluate image or sequence models with your own script and pass its results as a report.`,
      { input: 'model' },
    );
  }
  const last = shape.length === 2 ? shape[1] : 1;
  const fixedWidth = typeof last === 'number' ? last : undefined;
  const width = fixedWidth ?? columns.length;
  const origin = source === 'remaining columns' ? 'the test data has' : `${source} gives`;
  if (columns.length === 0) {
    throw new InputError(
      `No column of the test data can feed model input '${spec.name}' (${type}, shape [${shape.join(', ')}]); list its columns with features or input-mapping.`,
      { input: 'features' },
    );
  }
  if (fixedWidth !== undefined && columns.length !== fixedWidth) {
    throw new InputError(
      `Model input '${spec.name}' takes ${fixedWidth} value${fixedWidth === 1 ? '' : 's'} per row (shape [${shape.join(', ')}]) but ${origin} ${columns.length} column${columns.length === 1 ? '' : 's'} for it (${listNames(columns)}); name exactly ${fixedWidth} with features or input-mapping.`,
      { input: source === 'input-mapping' ? 'input-mapping' : 'features' },
    );
  }
  if (shape.length < 2 && columns.length !== 1) {
    throw new InputError(
      `Model input '${spec.name}' takes one value per row (shape [${shape.join(', ')}]) but ${origin} ${columns.length} columns for it (${listNames(columns)}); map one column to it.`,
      { input: 'input-mapping' },
    );
  }
  const dims = shape.length === 2 ? [-1, width] : [-1];
  return { input: spec.name, type, columns, width, dims, source };
}

/** Copies the columns into one row-major array of the input's type, marking rows with missing values. */
function prepareValues(b: InputBinding, columns: Column[], rows: number, rowHasMissing: Uint8Array): Values {
  const w = b.width;
  if (b.type === 'string') {
    const out = new Array<string>(rows * w);
    columns.forEach((col, j) => {
      for (let r = 0; r < rows; r++) {
        let text: string;
        if (col.kind === 'categorical') {
          const code = col.codes[r];
          if (code < 0) rowHasMissing[r] = 1;
          text = code < 0 ? '' : col.categories[code];
        } else {
          const v = col.values[r];
          if (Number.isNaN(v)) rowHasMissing[r] = 1;
          text = Number.isNaN(v) ? '' : String(v);
        }
        out[r * w + j] = text;
      }
    });
    return out;
  }
  const out = allocate(b.type, rows * w);
  const integer = b.type === 'int64' || b.type === 'int32' || b.type === 'bool';
  columns.forEach((col, j) => {
    if (col.kind === 'categorical') {
      throw new InputError(
        `Column '${col.name}' holds text (e.g. '${col.categories[0] ?? ''}') but model input '${b.input}' takes ${b.type}; encode it inside the model (e.g. a OneHotEncoder in the exported pipeline) or feed it to a string input.`,
        { input: 'input-mapping' },
      );
    }
    const values = col.values;
    if (out instanceof Float32Array || out instanceof Float64Array) {
      // The common case, kept to one copy and one comparison per value: NaN !== NaN.
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        out[r * w + j] = v;
        if (v !== v) rowHasMissing[r] = 1;
      }
      return;
    }
    for (let r = 0; r < rows; r++) {
      const v = values[r];
      if (Number.isNaN(v)) {
        if (integer) {
          throw new InputError(
            `Column '${col.name}' has a missing value in row ${r + 1} but model input '${b.input}' takes ${b.type}, which cannot hold a missing value; fill or drop such rows.`,
            { input: 'test-data' },
          );
        }
        rowHasMissing[r] = 1;
      } else if (integer && !Number.isInteger(v)) {
        throw new InputError(
          `Column '${col.name}' holds ${v} in row ${r + 1} but model input '${b.input}' takes whole numbers (${b.type}); round the column or export the model with a float input.`,
          { input: 'test-data' },
        );
      }
      if (out instanceof BigInt64Array) out[r * w + j] = BigInt(v);
      else out[r * w + j] = v;
    }
  });
  return out;
}

function allocate(type: string, n: number): Exclude<Values, string[]> {
  switch (type) {
    case 'float32':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'int32':
      return new Int32Array(n);
    default:
      return new Uint8Array(n); // bool
  }
}

function filled(b: InputBinding, fill: number): Values {
  if (b.type === 'string') return new Array<string>(b.width).fill('');
  const out = allocate(b.type, b.width);
  const integer = !b.type.startsWith('float');
  // Integer inputs cannot hold NaN or 1e6 in every type: clamp to what the type holds, 0 for NaN.
  const v = integer
    ? Number.isNaN(fill)
      ? 0
      : b.type === 'bool'
        ? fill !== 0
          ? 1
          : 0
        : Math.max(-2147483648, Math.min(2147483647, Math.trunc(fill)))
    : fill;
  if (out instanceof BigInt64Array) out.fill(BigInt(v));
  else out.fill(v);
  return out;
}

export function isNumericType(type: string | undefined): boolean {
  return type !== undefined && NUMERIC_TYPES.has(type);
}

export function listNames(names: readonly string[], max = 8): string {
  const shown = names
    .slice(0, max)
    .map((n) => `'${n}'`)
    .join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown || '(none)';
}
