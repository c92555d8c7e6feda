/**
 * Growing columns: numbers into a Float64Array, categories into Int32Array codes through a
 * dictionary that can be probed with raw UTF-8 bytes (no string per cell) or with strings.
 * One ColumnBuilder serves every file of a concatenated read, so later files append to it.
 */
import { isAscii } from 'node:buffer';
import { InputError } from '../shared/errors.js';
import type { Column, ColumnKind } from './table.js';
import { isMissingText, isInfiniteText, parseNumberText } from './cells.js';
import { NotTimeText, parseIsoBytes, parseIsoInstant } from './time-columns.js';

const INITIAL_CAPACITY = 1024;

const utf8 = new TextEncoder();

/** FNV-1a, 32-bit: h = FNV_OFFSET; for each byte h = Math.imul(h ^ byte, FNV_PRIME). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * A string dictionary: category -> code, looked up by bytes or by string.
 * The byte path keeps everything in typed arrays laid out for few cache misses: the slot table
 * holds (hash, code+1) pairs, the key table (start, end) pairs into one byte arena; and the
 * previous code is tried first, which makes runs of equal values (sorted data) cheap.
 */
export class Dictionary {
  /** Decoded category strings; those from `strings.length` to `count` are still only bytes. */
  private readonly strings: string[] = [];
  private count = 0;
  /** Built on the first string lookup (JSONL, Parquet), then kept up to date. */
  private byString: Map<string, number> | undefined;
  /** Open addressing: slots[2i] = hash, slots[2i+1] = code+1 (0 = empty). */
  private slots = new Int32Array(2048);
  private mask = 1023;
  /** keys[2c], keys[2c+1]: where category c's UTF-8 bytes start and end in the arena. */
  private keys = new Int32Array(512);
  private hashes = new Int32Array(256);
  private arena = new Uint8Array(4096);
  private arenaUsed = 0;
  private last = -1;

  get size(): number {
    return this.count;
  }

  /**
   * The categories, in code order. Categories met as bytes are decoded here in bulk (one
   * string for a run of ASCII keys, then slices of it), not one by one while parsing.
   */
  get categories(): string[] {
    const strings = this.strings;
    const from = strings.length;
    if (from < this.count) {
      const keys = this.keys;
      const start = keys[2 * from];
      const end = keys[2 * (this.count - 1) + 1];
      const bytes = Buffer.from(this.arena.buffer, this.arena.byteOffset + start, end - start);
      if (isAscii(bytes)) {
        const all = bytes.toString('latin1');
        for (let c = from; c < this.count; c++) strings.push(all.slice(keys[2 * c] - start, keys[2 * c + 1] - start));
      } else {
        for (let c = from; c < this.count; c++) strings.push(bytes.toString('utf8', keys[2 * c] - start, keys[2 * c + 1] - start));
      }
      if (this.byString) for (let c = from; c < this.count; c++) this.byString.set(strings[c], c);
    }
    return strings;
  }

  /** The code of the category whose UTF-8 bytes are b[s, e), adding it if new. */
  codeOfBytes(b: Uint8Array, s: number, e: number): number {
    let h = FNV_OFFSET;
    for (let k = s; k < e; k++) h = Math.imul(h ^ b[k], FNV_PRIME);
    return this.codeOfHashed(b, s, e, h);
  }

  /** The previous code looked up, if its bytes are b[s, e); else -1. Cheap for runs of equal values. */
  sameAsLast(b: Uint8Array, s: number, e: number): number {
    const last = this.last;
    if (last < 0) return -1;
    const keys = this.keys;
    const ks = keys[2 * last];
    const len = e - s;
    if (keys[2 * last + 1] - ks !== len) return -1;
    const arena = this.arena;
    for (let j = 0; j < len; j++) if (arena[ks + j] !== b[s + j]) return -1;
    return last;
  }

  /** Like codeOfBytes, with h the FNV-1a hash of the bytes (FNV_OFFSET, FNV_PRIME) already computed. */
  codeOfHashed(b: Uint8Array, s: number, e: number, h: number): number {
    const len = e - s;
    const arena = this.arena,
      keys = this.keys;
    const last = this.last;
    if (last >= 0 && this.hashes[last] === h) {
      const ks = keys[2 * last];
      if (keys[2 * last + 1] - ks === len) {
        let j = 0;
        while (j < len && arena[ks + j] === b[s + j]) j++;
        if (j === len) return last;
      }
    }
    const slots = this.slots,
      mask = this.mask;
    let i = h & mask;
    for (;;) {
      const slot = slots[2 * i + 1];
      if (slot === 0) break;
      if (slots[2 * i] === h) {
        const code = slot - 1;
        const ks = keys[2 * code];
        if (keys[2 * code + 1] - ks === len) {
          let j = 0;
          while (j < len && arena[ks + j] === b[s + j]) j++;
          if (j === len) {
            this.last = code;
            return code;
          }
        }
      }
      i = (i + 1) & mask;
    }
    const code = this.add(b, s, e, h, i);
    this.last = code;
    return code;
  }

  /** The code of a category given as a string, adding it if new. */
  codeOf(text: string): number {
    let map = this.byString;
    if (!map) {
      map = new Map<string, number>();
      const categories = this.categories;
      for (let c = 0; c < categories.length; c++) map.set(categories[c], c);
      this.byString = map;
    }
    const code = map.get(text);
    if (code !== undefined) return code;
    const bytes = utf8.encode(text);
    return this.codeOfBytes(bytes, 0, bytes.length);
  }

  private add(b: Uint8Array, s: number, e: number, h: number, slotIndex: number): number {
    const code = this.count;
    const len = e - s;
    if (2 * code + 1 >= this.keys.length) {
      this.keys = grow(this.keys, this.keys.length * 2);
      this.hashes = grow(this.hashes, this.hashes.length * 2);
    }
    if (this.arenaUsed + len > this.arena.length) {
      this.arena = grow(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + len));
    }
    const arena = this.arena;
    const at = this.arenaUsed;
    for (let j = 0; j < len; j++) arena[at + j] = b[s + j];
    this.keys[2 * code] = at;
    this.keys[2 * code + 1] = at + len;
    this.arenaUsed = at + len;
    this.hashes[code] = h;
    this.count = code + 1;
    // string lookups in use: keep the map (and so the strings) up to date
    if (this.byString) void this.categories;
    this.slots[2 * slotIndex] = h;
    this.slots[2 * slotIndex + 1] = code + 1;
    if ((code + 1) * 2 > this.mask + 1) this.rehash();
    return code;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    const hashes = this.hashes;
    for (let code = 0; code < this.count; code++) {
      const h = hashes[code];
      let i = h & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = h;
      slots[2 * i + 1] = code + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

interface Growable<T> {
  length: number;
  set(a: T): void;
}

/** A copy of `a` with room for `capacity` elements. */
function grow<T extends Growable<T>>(a: T, capacity: number): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  next.set(a);
  return next;
}

/**
 * One column being read. Numeric columns fill `values`; categorical ones fill `codes`.
 * A column whose kind nothing has decided yet (no options.kinds entry, and only missing cells
 * so far) starts numeric and turns categorical at its first text cell.
 */
export class ColumnBuilder {
  kind: ColumnKind;
  /** False while the kind is a guess made without any non-missing cell. */
  decided: boolean;
  length = 0;
  missing = 0;
  textCells = 0;
  firstText: { file: string; line: number; text: string } | undefined = undefined;
  unit: 'epoch-ms' | undefined = undefined;
  /**
   * A date/time column recognised from its first cells (CSV): numeric storage, each cell parsed
   * from ISO-8601 text to epoch-ms; a cell that is not a date throws NotTimeText (read again as text).
   */
  time = false;
  values: Float64Array;
  codes: Int32Array;
  dict: Dictionary;
  /** The file this column first came from (for messages about columns that disagree). */
  readonly firstFile: string;

  constructor(
    readonly name: string,
    kind: ColumnKind,
    decided: boolean,
    firstFile: string,
    capacity = INITIAL_CAPACITY,
  ) {
    this.kind = kind;
    this.decided = decided;
    this.firstFile = firstFile;
    const cap = Math.max(16, capacity);
    this.values = kind === 'numeric' ? new Float64Array(cap) : new Float64Array(0);
    this.codes = kind === 'categorical' ? new Int32Array(cap) : new Int32Array(0);
    this.dict = new Dictionary();
  }

  /** Read this (numeric, so far empty or all-missing) column as ISO-8601 dates and times. */
  asTime(): void {
    if (this.kind !== 'numeric' || this.length > this.missing) throw new Error(`internal: column '${this.name}' cannot become a date/time column`);
    this.time = true;
    this.decided = true;
    this.unit = 'epoch-ms';
  }

  /** A cell of a date/time column given as the bytes b[s, e) (not missing). */
  pushTimeBytes(b: Uint8Array, s: number, e: number): void {
    const v = parseIsoBytes(b, s, e);
    if (v !== v) throw new NotTimeText(this.name);
    this.pushNumber(v);
  }

  /** Make room for at least `extra` more cells. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (this.kind === 'numeric') {
      if (need > this.values.length) this.values = grow(this.values, need);
    } else if (need > this.codes.length) {
      this.codes = grow(this.codes, need);
    }
  }

  pushNumber(v: number): void {
    if (this.length === this.values.length) this.values = grow(this.values, this.values.length * 2);
    this.values[this.length++] = v;
    this.decided = true;
  }

  pushCode(code: number): void {
    if (this.length === this.codes.length) this.codes = grow(this.codes, this.codes.length * 2);
    this.codes[this.length++] = code;
  }

  pushMissing(): void {
    this.missing++;
    if (this.kind === 'numeric') {
      if (this.length === this.values.length) this.values = grow(this.values, this.values.length * 2);
      this.values[this.length++] = NaN;
    } else {
      this.pushCode(-1);
    }
  }

  pushMissingRun(count: number): void {
    for (let i = 0; i < count; i++) this.pushMissing();
  }

  /**
   * A cell holding text (not missing) in a numeric column: an undecided column turns
   * categorical; a decided one counts it as a text cell. Throws for an infinity.
   */
  pushTextInNumeric(text: string, file: string, line: number, where: string): void {
    if (isInfiniteText(text)) throw infinityError(text, this.name, file, line, where);
    if (!this.decided) {
      this.toCategorical();
      this.pushCode(this.dict.codeOf(text));
      return;
    }
    this.textCells++;
    if (!this.firstText) this.firstText = { file, line, text: text.length > 200 ? `${text.slice(0, 200)}…` : text };
    this.pushNumber(NaN);
  }

  /** A string cell of any format: missing marker, number or text, per this column's kind. */
  pushString(text: string, file: string, line: number, where: string): void {
    if (isMissingText(text)) {
      this.pushMissing();
    } else if (this.time) {
      const v = parseIsoInstant(text);
      if (v !== v) throw new NotTimeText(this.name);
      this.pushNumber(v);
    } else if (this.kind === 'categorical') {
      this.pushCode(this.dict.codeOf(text));
    } else {
      const v = parseNumberText(text);
      if (v === v && v !== Infinity && v !== -Infinity) this.pushNumber(v);
      else this.pushTextInNumeric(text, file, line, where);
    }
  }

  /** A value that is a number in the file (JSON number, Parquet numeric). */
  pushNumeric(v: number, file: string, line: number, where: string): void {
    if (this.time && v === v) {
      throw new NotTimeText(this.name);
    } else if (this.kind === 'numeric') {
      if (v === v && v !== Infinity && v !== -Infinity) this.pushNumber(v);
      else if (v !== v) this.pushMissing();
      else throw infinityError(String(v), this.name, file, line, where);
    } else if (v !== v) {
      this.pushMissing();
    } else {
      this.pushCode(this.dict.codeOf(String(v)));
    }
  }

  /** Turn an undecided (so far all-missing) numeric column into a categorical one. */
  toCategorical(): void {
    if (this.kind === 'categorical') return;
    const codes = new Int32Array(Math.max(16, this.values.length));
    codes.fill(-1, 0, this.length);
    this.codes = codes;
    this.values = new Float64Array(0);
    this.kind = 'categorical';
    this.decided = true;
  }

  /** The finished column, trimmed to its length. */
  finish(): Column {
    if (this.kind === 'numeric') {
      const values = trim(this.values, this.length);
      this.values = new Float64Array(0);
      const col: Column = { kind: 'numeric', name: this.name, values, missing: this.missing, textCells: this.textCells };
      if (this.firstText) col.firstText = this.firstText;
      if (this.unit) col.unit = this.unit;
      return col;
    }
    const codes = trim(this.codes, this.length);
    this.codes = new Int32Array(0);
    return { kind: 'categorical', name: this.name, codes, categories: this.dict.categories, missing: this.missing };
  }
}

/** The first n elements: a view when at most 1/8 of the array would be wasted, else a copy. */
function trim<T extends Float64Array | Int32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  return (a.length - n <= a.length / 8 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

export function infinityError(text: string, column: string, file: string, line: number, where: string): InputError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new InputError(
    `${file} ${where} ${line}, column '${column}': '${shown}' is not a finite number; ` +
      `leave the cell empty (or write NA) to mark it missing, or remove the row.`,
    { file, line },
  );
}
