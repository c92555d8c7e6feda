/**
 * Columns built from PostgreSQL's rows as they arrive, one batch at a time, into typed arrays: the
 * kind follows the result's type OIDs (numbers are numeric; timestamptz, timestamp and date are
 * numeric epoch ms; text, boolean and anything else are categorical).
 */
import type { Column, Table } from '../data/table.js';
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
  constructor(
    private readonly name: string,
    private readonly parse: (text: string) => number,
    private readonly epochMs: boolean,
  ) {}
  push(text: string | null): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const v = text === null ? NaN : this.parse(text);
    if (v !== v) this.missing++;
    this.values[this.n++] = v;
  }
  finish(): Column {
    const values = this.values.slice(0, this.n);
    return { kind: 'numeric', name: this.name, values, missing: this.missing, textCells: 0, ...(this.epochMs ? { unit: 'epoch-ms' as const } : {}) };
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
export class ResultColumns {
  private readonly builders: Builder[];
  rowCount = 0;
  private readonly timeIndex: number;

  constructor(fields: ReadonlyArray<{ name: string; dataTypeID: number }>, timeColumn: string) {
    this.timeIndex = fields.findIndex((f) => f.name === timeColumn);
    this.builders = fields.map((f, i) => {
      if (i === this.timeIndex) return new NumberBuilder(f.name, NUMERIC.has(f.dataTypeID) ? (s) => epochMsOfNumber(Number(s)) : epochMsOfText, true);
      if (NUMERIC.has(f.dataTypeID)) return new NumberBuilder(f.name, Number, false);
      if (INSTANT.has(f.dataTypeID)) return new NumberBuilder(f.name, epochMsOfText, true);
      return new CategoryBuilder(f.name, f.dataTypeID === BOOL ? bool : same);
    });
  }

  /** One batch of rows in array mode. */
  push(rows: ReadonlyArray<ReadonlyArray<string | null>>): void {
    for (const row of rows) {
      for (let c = 0; c < this.builders.length; c++) this.builders[c].push(row[c]);
    }
    this.rowCount += rows.length;
  }

  /** The table, and how many of its rows hold a time PostgreSQL compared but this cannot read (text not in ISO-8601, 'infinity'). */
  finish(): { table: Table; rowsWithoutTime: number } {
    const columns = this.builders.map((b) => b.finish());
    const time = columns[this.timeIndex];
    return { table: { rowCount: this.rowCount, columns, files: [] }, rowsWithoutTime: time ? time.missing : 0 };
  }
}
