/**
 * Reading the log's outcome columns row by row: a cell as text (to compare a prediction with
 * its label), and a success flag (1/0, true/false, yes/no) for the A/B counts.
 */
import type { Column, Table } from '../data/table.js';
import { closestName } from '../shared/closest-name.js';
import { InputError } from '../shared/errors.js';
import { logText } from '../shared/log-text.js';

export function findColumn(table: Table, name: string, input: string): Column {
  const col = table.columns.find((c) => c.name === name);
  if (col) return col;
  const names = table.columns.map((c) => c.name);
  const near = closestName(name, names);
  throw new InputError(
    `Input '${input}' is '${logText(name)}', but the production data has no such column${near ? ` (did you mean '${logText(near)}'?)` : ''}; its columns are ${names.map((n) => `'${logText(n)}'`).join(', ')}.`,
    { input },
  );
}

/** The cell as text, or undefined when missing. */
export function cellText(col: Column, row: number): string | undefined {
  if (col.kind === 'categorical') {
    const code = col.codes[row];
    return code < 0 ? undefined : col.categories[code];
  }
  const v = col.values[row];
  return v === v ? String(v) : undefined;
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 'success', 'ok', 't']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'failure', 'error', 'f']);

/** 1 success, 0 failure, undefined missing; other text is refused in one sentence. */
export function successFlag(col: Column, row: number, input: string): 0 | 1 | undefined {
  if (col.kind === 'numeric') {
    const v = col.values[row];
    if (v !== v) return undefined;
    if (v === 0 || v === 1) return v;
    throw new InputError(`Column '${logText(col.name)}' (input '${input}') holds ${v}; a success column holds 1 or 0 (or true/false, yes/no).`, { input });
  }
  const text = cellText(col, row);
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return 1;
  if (FALSE.has(t)) return 0;
  throw new InputError(`Column '${logText(col.name)}' (input '${input}') holds '${logText(text)}'; a success column holds 1 or 0 (or true/false, yes/no).`, {
    input,
  });
}
