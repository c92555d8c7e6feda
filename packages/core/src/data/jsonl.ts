/**
 * JSON Lines (.jsonl, .ndjson): one JSON object per line; blank lines are skipped.
 * Columns are the keys, in order of first appearance; a key absent from a line is a missing
 * cell there, and a key first seen on a later line has missing cells before it.
 * Values: null -> missing; numbers -> numbers; strings -> like a CSV cell (missing markers,
 * numbers written as text); true/false -> the text 'true'/'false'; arrays and objects -> their JSON text.
 * Each line is parsed with JSON.parse and dropped at once: only the columns are kept.
 */
import { InputError } from '../shared/errors.js';
import { isMissingText, parseNumberText } from './cells.js';
import { ChunkReader } from './chunks.js';
import type { ColumnBuilder } from './column-builder.js';
import type { TableBuilder } from './table-builder.js';
import type { ColumnKind } from './table.js';

const LF = 10;
const SAMPLE_LINES = 1000;

/** What one value says about its column's kind: undefined when missing. */
function kindOfValue(v: unknown): ColumnKind | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return 'numeric';
  if (typeof v === 'string') {
    if (isMissingText(v)) return undefined;
    return Number.isNaN(parseNumberText(v)) ? 'categorical' : 'numeric';
  }
  return 'categorical';
}

function push(col: ColumnBuilder, v: unknown, file: string, line: number): void {
  if (v === null || v === undefined) col.pushMissing();
  else if (typeof v === 'number') col.pushNumeric(v, file, line, 'line');
  else if (typeof v === 'string') col.pushString(v, file, line, 'line');
  else if (typeof v === 'boolean') col.pushString(v ? 'true' : 'false', file, line, 'line');
  else col.pushString(JSON.stringify(v), file, line, 'line');
}

export async function readJsonl(file: string, table: TableBuilder): Promise<void> {
  const reader = await ChunkReader.open(file, false);
  try {
    await reader.refill(0, 1);
    let pos = 0;
    let line = 1;
    let sawAnyLine = false;

    /** The next non-blank line as a parsed object, or undefined at the end of the file. */
    const nextObject = async (): Promise<{ obj: Record<string, unknown>; line: number } | undefined> => {
      for (;;) {
        let lf = reader.buf.indexOf(LF, pos);
        if (lf < 0 || lf >= reader.end) {
          if (!reader.eof) {
            await reader.refill(pos, line);
            pos = 0;
            continue;
          }
          if (pos >= reader.end) return undefined;
          lf = reader.end; // last line without a line feed
        }
        const text = reader.buf.toString('utf8', pos, lf);
        const at = line;
        pos = lf + 1;
        line++;
        if (text.trim() === '') continue;
        sawAnyLine = true;
        let obj: unknown;
        try {
          obj = JSON.parse(text);
        } catch (e) {
          throw new InputError(`${file} line ${at} is not valid JSON (${(e as Error).message}); write one JSON object per line.`, { file, line: at });
        }
        if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
          const what = Array.isArray(obj) ? 'an array' : obj === null ? 'null' : `a ${typeof obj}`;
          throw new InputError(`${file} line ${at} holds ${what}, not a JSON object; write one object per line, like {"column": value}.`, { file, line: at });
        }
        return { obj: obj as Record<string, unknown>, line: at };
      }
    };

    // Sample the first lines to settle each key's kind.
    const sample: { obj: Record<string, unknown>; line: number }[] = [];
    const inferred = new Map<string, ColumnKind | undefined>();
    while (sample.length < SAMPLE_LINES) {
      const next = await nextObject();
      if (!next) break;
      sample.push(next);
      for (const key in next.obj) {
        const k = kindOfValue(next.obj[key]);
        const prev = inferred.get(key);
        if (prev === 'categorical') continue;
        inferred.set(key, k === undefined ? prev : k);
      }
    }
    if (sample.length === 0) {
      throw new InputError(sawAnyLine ? `${file} has no data rows.` : `${file} is empty; it needs one JSON object per line.`, { file });
    }

    table.beginFile(file);
    const cols = new Map<string, ColumnBuilder | null>();
    const fileCols: ColumnBuilder[] = [];
    let rows = 0;
    const addRow = (obj: Record<string, unknown>, at: number): void => {
      for (const key in obj) {
        let col = cols.get(key);
        if (col === undefined) {
          col = table.included(key) ? table.column(file, key, inferred.get(key) ?? kindOfValue(obj[key]), rows, 1024) : null;
          if (col) {
            if (col.length !== table.rowCount + rows) col.pushMissingRun(table.rowCount + rows - col.length);
            fileCols.push(col);
          }
          cols.set(key, col);
        }
        if (col === null) continue;
        push(col, obj[key], file, at);
      }
      // keys this line lacks are missing
      const want = table.rowCount + rows + 1;
      for (let i = 0; i < fileCols.length; i++) {
        const col = fileCols[i];
        if (col.length < want) col.pushMissing();
      }
      rows++;
    };
    for (const { obj, line: at } of sample) addRow(obj, at);
    sample.length = 0;
    for (;;) {
      const next = await nextObject();
      if (!next) break;
      addRow(next.obj, next.line);
    }
    if (table.columns.length === 0 && fileCols.length === 0) {
      throw new InputError(`${file}: its objects have no fields (or none that are read); each line needs {"column": value, ...}.`, { file });
    }
    table.endFile(
      file,
      rows,
      fileCols.map((c) => c.name),
    );
  } finally {
    await reader.close();
  }
}
