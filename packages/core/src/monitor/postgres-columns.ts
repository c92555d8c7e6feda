/**
 * Columns built from PostgreSQL's rows as they arrive, one batch at a time, into typed arrays: the
 * kind follows the result's type OIDs (numbers are numeric; timestamptz, timestamp and date are
 * numeric epoch ms; text, boolean and anything else are categorical).
 */
import type { Column, ColumnKind, ReadOptions, Table } from '../data/table.js';
import { epochMsOfNumber, epochMsOfText } from './epoch-ms.js';
import type { TimeKind } from './postgres-query.js';

// pg_type OIDs (stable across versions: they are in the catalog's initial data).
const NUMERIC = new Set([20, 21, 23, 26, 700, 701, 1700]); // int8, int2, int4, oid, float4, float8, numeric
const INSTANT = new Set([1082, 1114, 1184]); // date, timestamp, timestamptz
const BOOL = 16;
const TEXT = new Set([25, 1042, 1043, 19]); // text, bpchar, varchar, name

export function timeKindOf(oid: number): TimeKind | undefined {
  if (INSTANT.has(oid)) return 'instant';
  if (NUMERIC.has(oid)) return 'number';
  if (TEXT.has(oid)) return 'text';
  return undefined;
}

interface Builder {
  push(text: string | null): void;
  finish(): Column;
}

class NumberBuilder implements Builder {
  private values = new Float64Array(1024);
  private n = 0;
  private missing = 0;
  private textCells = 0;
  /** `text`: values are text read as numbers (a forced kind): what is not a number is a text cell, not missing. */
  constructor(
    private readonly name: string,
    private readonly parse: (text: string) => number,
    private readonly epochMs: boolean,
    private readonly text = false,
  ) {}
  push(text: string | null): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const v = text === null ? NaN : this.parse(text);
    if (v !== v) {
      if (this.text && text !== null && text.trim() !== '') this.textCells++;
      else this.missing++;
    }
    this.values[this.n++] = v;
  }
  finish(): Column {
    const values = this.values.slice(0, this.n);
    return {
      kind: 'numeric',
      name: this.name,
      values,
      missing: this.missing,
      textCells: this.textCells,
      ...(this.epochMs ? { unit: 'epoch-ms' as const } : {}),
    };
  }
}

class CategoryBuilder implements Builder {
  private codes = new Int32Array(1024);
  private n = 0;
  private missing = 0;
  private readonly index = new Map<string, number>();
  private readonly categories: string[] = [];
  constructor(
    private readonly name: string,
    private readonly label: (text: string) => string,
  ) {}
  push(text: string | null): void {
    if (this.n === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    let code = -1;
    if (text === null) this.missing++;
    else {
      const label = this.label(text);
      code = this.index.get(label) ?? -1;
      if (code < 0) {
        code = this.categories.length;
        this.categories.push(label);
        this.index.set(label, code);
      }
    }
    this.codes[this.n++] = code;
  }
  finish(): Column {
    return { kind: 'categorical', name: this.name, codes: this.codes.slice(0, this.n), categories: this.categories, missing: this.missing };
  }
}

const same = (s: string) => s;
const bool = (s: string) => (s === 't' ? 'true' : s === 'f' ? 'false' : s);

/** Builders for a result's fields; the time column becomes epoch ms whatever its type. */
const numberText = (s: string) => (s.trim() === '' ? NaN : Number(s));

/**
 * Builders for a result's fields; the time column becomes epoch ms whatever its type and is always
 * kept. `include` drops other columns; `kinds` forces one (a reference's schema), as for files.
 */
export class ResultColumns {
  private readonly builders: Builder[] = [];
  /** For each builder, its field's position in a row. */
  private readonly positions: number[] = [];
  rowCount = 0;
  private readonly timeBuilder: number;

  constructor(fields: ReadonlyArray<{ name: string; dataTypeID: number }>, timeColumn: string, options: Pick<ReadOptions, 'include' | 'kinds'> = {}) {
    let timeBuilder = -1;
    fields.forEach((f, i) => {
      const isTime = f.name === timeColumn;
      if (!isTime && options.include && !options.include(f.name)) return;
      if (isTime) timeBuilder = this.builders.length;
      this.positions.push(i);
      this.builders.push(builderFor(f, isTime, options.kinds?.get(f.name)));
    });
    this.timeBuilder = timeBuilder;
  }

  /** One batch of rows in array mode. */
  push(rows: ReadonlyArray<ReadonlyArray<string | null>>): void {
    const { builders, positions } = this;
    for (const row of rows) {
      for (let b = 0; b < builders.length; b++) builders[b].push(row[positions[b]]);
    }
    this.rowCount += rows.length;
  }

  /** The table, and how many of its rows hold a time PostgreSQL compared but this cannot read (text not in ISO-8601, 'infinity'). */
  finish(): { table: Table; rowsWithoutTime: number } {
    const columns = this.builders.map((b) => b.finish());
    const time = columns[this.timeBuilder];
    return { table: { rowCount: this.rowCount, columns, files: [] }, rowsWithoutTime: time ? time.missing : 0 };
  }
}

function builderFor(f: { name: string; dataTypeID: number }, isTime: boolean, forced: ColumnKind | undefined): Builder {
  const oid = f.dataTypeID;
  if (isTime) return new NumberBuilder(f.name, NUMERIC.has(oid) ? (s) => epochMsOfNumber(Number(s)) : epochMsOfText, true);
  if (forced === 'categorical') return new CategoryBuilder(f.name, oid === BOOL ? bool : same);
  if (NUMERIC.has(oid)) return new NumberBuilder(f.name, Number, false);
  if (INSTANT.has(oid)) return new NumberBuilder(f.name, epochMsOfText, true);
  if (forced === 'numeric') return new NumberBuilder(f.name, numberText, false, true);
  return new CategoryBuilder(f.name, oid === BOOL ? bool : same);
}
