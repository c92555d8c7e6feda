/**
 * Growing columns: numbers into a Float64Array, categories into Int32Array codes through a
 * dictionary that can be probed with raw UTF-8 bytes (no string per cell) or with strings.
 * One ColumnBuilder serves every file of a concatenated read, so later files append to it.
 */
import { InputError } from '../errors.js';
import type { Column, ColumnKind } from './table.js';
import { isMissingText, isInfiniteText, parseNumberText } from './cells.js';

const INITIAL_CAPACITY = 1024;

/** FNV-1a over bytes [s, e). */
function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** A string dictionary: category -> code, looked up by bytes or by string. */
export class Dictionary {
  readonly categories: string[] = [];
  private readonly byString = new Map<string, number>();
  /** Open-addressing table of code+1 (0 = empty slot). */
  private slots = new Int32Array(1024);
  private mask = 1023;
  private hashes = new Uint32Array(256);
  /** The UTF-8 bytes of each category, in one arena. */
  private arena = new Uint8Array(4096);
  private arenaUsed = 0;
  private keyStart = new Int32Array(256);
  private keyEnd = new Int32Array(256);

  get size(): number {
    return this.categories.length;
  }

  /** The code of the category whose UTF-8 bytes are b[s, e), adding it if new. */
  codeOfBytes(b: Uint8Array, s: number, e: number): number {
    const h = hashBytes(b, s, e);
    const len = e - s;
    const slots = this.slots, mask = this.mask, arena = this.arena, keyStart = this.keyStart, keyEnd = this.keyEnd, hashes = this.hashes;
    let i = h & mask;
    for (;;) {
      const slot = slots[i];
      if (slot === 0) break;
      const code = slot - 1;
      if (hashes[code] === h) {
        const ks = keyStart[code];
        if (keyEnd[code] - ks === len) {
          let j = 0;
          while (j < len && arena[ks + j] === b[s + j]) j++;
          if (j === len) return code;
        }
      }
      i = (i + 1) & mask;
    }
    const text = utf8Decoder.decode(b.subarray(s, e));
    return this.add(text, b.subarray(s, e), h, i);
  }

  /** The code of a category given as a string, adding it if new. */
  codeOf(text: string): number {
    const code = this.byString.get(text);
    if (code !== undefined) return code;
    const bytes = utf8.encode(text);
    return this.codeOfBytes(bytes, 0, bytes.length);
  }

  private add(text: string, bytes: Uint8Array, h: number, slotIndex: number): number {
    const code = this.categories.length;
    if (code === this.hashes.length) {
      const cap = code * 2;
      this.hashes = grow(this.hashes, cap) as Uint32Array;
      this.keyStart = grow(this.keyStart, cap) as Int32Array;
      this.keyEnd = grow(this.keyEnd, cap) as Int32Array;
    }
    if (this.arenaUsed + bytes.length > this.arena.length) {
      this.arena = grow(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + bytes.length)) as Uint8Array;
    }
    this.arena.set(bytes, this.arenaUsed);
    this.keyStart[code] = this.arenaUsed;
    this.arenaUsed += bytes.length;
    this.keyEnd[code] = this.arenaUsed;
    this.hashes[code] = h;
    this.categories.push(text);
    this.byString.set(text, code);
    this.slots[slotIndex] = code + 1;
    if ((code + 1) * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let code = 0; code < this.categories.length; code++) {
      let i = this.hashes[code] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = code + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

type Growable = Float64Array | Int32Array | Uint32Array | Uint8Array;

function grow(a: Growable, capacity: number): Growable {
  const next = new (a.constructor as new (n: number) => Growable)(capacity);
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
  values: Float64Array;
  codes: Int32Array;
  dict: Dictionary;
  /** The file this column first came from (for messages about columns that disagree). */
  readonly firstFile: string;

  constructor(readonly name: string, kind: ColumnKind, decided: boolean, firstFile: string, capacity = INITIAL_CAPACITY) {
    this.kind = kind;
    this.decided = decided;
    this.firstFile = firstFile;
    const cap = Math.max(16, capacity);
    this.values = kind === 'numeric' ? new Float64Array(cap) : new Float64Array(0);
    this.codes = kind === 'categorical' ? new Int32Array(cap) : new Int32Array(0);
    this.dict = new Dictionary();
  }

  /** Make room for at least `extra` more cells. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (this.kind === 'numeric') {
      if (need > this.values.length) this.values = grow(this.values, need) as Float64Array;
    } else if (need > this.codes.length) {
      this.codes = grow(this.codes, need) as Int32Array;
    }
  }

  pushNumber(v: number): void {
    if (this.length === this.values.length) this.values = grow(this.values, this.values.length * 2) as Float64Array;
    this.values[this.length++] = v;
    this.decided = true;
  }

  pushCode(code: number): void {
    if (this.length === this.codes.length) this.codes = grow(this.codes, this.codes.length * 2) as Int32Array;
    this.codes[this.length++] = code;
  }

  pushMissing(): void {
    this.missing++;
    if (this.kind === 'numeric') {
      if (this.length === this.values.length) this.values = grow(this.values, this.values.length * 2) as Float64Array;
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
    if (this.kind === 'numeric') {
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
      const values = this.values.length === this.length ? this.values : this.values.slice(0, this.length);
      this.values = new Float64Array(0);
      const col: Column = { kind: 'numeric', name: this.name, values, missing: this.missing, textCells: this.textCells };
      if (this.firstText) col.firstText = this.firstText;
      return col;
    }
    const codes = this.codes.length === this.length ? this.codes : this.codes.slice(0, this.length);
    this.codes = new Int32Array(0);
    return { kind: 'categorical', name: this.name, codes, categories: this.dict.categories, missing: this.missing };
  }
}

export function infinityError(text: string, column: string, file: string, line: number, where: string): InputError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new InputError(
    `${file} ${where} ${line}, column '${column}': '${shown}' is not a finite number; ` +
    `leave the cell empty (or write NA) to mark it missing, or remove the row.`,
    { file, line },
  );
}
