/**
 * Delimited text (CSV, TSV) per RFC 4180: a header row, fields optionally quoted with '"',
 * '""' for a quote inside a quoted field, delimiters and line breaks inside quotes, CRLF, LF
 * or CR line ends, a UTF-8 BOM. Blank lines are skipped. Bytes are parsed in place: numbers
 * straight into a Float64Array, categories into dictionary codes, no string or object per row.
 */
import { stat } from 'node:fs/promises';
import { InputError } from '../shared/errors.js';
import { isMissingBytes, parseNumberBytes, parseNumberText, isMissingText } from './cells.js';
import { ChunkReader } from './chunks.js';
import { Dictionary, type ColumnBuilder } from './column-builder.js';
import type { InferredKind, TableBuilder } from './table-builder.js';
import { parseIsoBytes } from './time-columns.js';

const LF = 10,
  CR = 13,
  QUOTE = 34;

/** tokenizer results */
const NEED_MORE = 0,
  RECORD = 1,
  DONE = 2;

/** How many non-missing cells decide a column's kind. */
export const INFER_CELLS = 1000;
const INFER_MAX_ROWS = 100_000;

/**
 * Splits records into fields: after next() returns RECORD, fields 0..nf-1 are
 * buf[fs[i], fe[i]) with fl[i] = 0 plain, 1 quoted (range is inside the quotes), 2 quoted with
 * '""' escapes to undo. `line` counts physical lines (LF, CRLF or a lone CR end one).
 */
class Tokenizer {
  buf: Buffer;
  end: number;
  eof: boolean;
  pos = 0;
  line = 1;
  nf = 0;
  recLine = 1;
  fs = new Int32Array(64);
  fe = new Int32Array(64);
  fl = new Uint8Array(64);

  constructor(
    private readonly reader: ChunkReader,
    readonly delim: number,
    private readonly file: string,
  ) {
    this.buf = reader.buf;
    this.end = reader.end;
    this.eof = reader.eof;
  }

  /** The same bytes as a plain Uint8Array (element access on it is faster than on a Buffer). */
  get bytes(): Uint8Array {
    const b = this.buf;
    if (this.plain === undefined || this.plain.buffer !== b.buffer || this.plain.byteOffset !== b.byteOffset || this.plain.length !== b.length) {
      this.plain = new Uint8Array(b.buffer, b.byteOffset, b.length);
    }
    return this.plain;
  }

  private plain: Uint8Array | undefined;

  sync(): void {
    this.buf = this.reader.buf;
    this.end = this.reader.end;
    this.eof = this.reader.eof;
    this.pos = 0;
  }

  private growFields(): void {
    const n = this.fs.length * 2;
    const fs = new Int32Array(n);
    fs.set(this.fs);
    this.fs = fs;
    const fe = new Int32Array(n);
    fe.set(this.fe);
    this.fe = fe;
    const fl = new Uint8Array(n);
    fl.set(this.fl);
    this.fl = fl;
  }

  next(): number {
    const b = this.buf,
      end = this.end,
      eof = this.eof,
      d = this.delim;
    let p = this.pos;
    let line = this.line;
    let recLine = line;
    let f = 0;
    let fs = this.fs,
      fe = this.fe,
      fl = this.fl;
    for (;;) {
      if (f === fs.length) {
        this.growFields();
        fs = this.fs;
        fe = this.fe;
        fl = this.fl;
      }
      let c = 0;
      if (p >= end) {
        if (!eof) return NEED_MORE;
        if (f === 0) {
          this.pos = p;
          this.line = line;
          return DONE;
        }
        // a delimiter right before the end of the file: one last empty field
        fs[f] = p;
        fe[f] = p;
        fl[f] = 0;
        f++;
        this.pos = p;
        this.line = line;
        this.nf = f;
        this.recLine = recLine;
        return RECORD;
      }
      c = b[p];
      if (c === QUOTE) {
        const quoteLine = line;
        const quoteCol = p;
        p++;
        const s = p;
        let flag = 1;
        for (;;) {
          while (p < end) {
            c = b[p];
            if (c === QUOTE) break;
            if (c === LF) line++;
            else if (c === CR && (p + 1 >= end || b[p + 1] !== LF)) line++;
            p++;
          }
          if (p >= end) {
            if (!eof) return NEED_MORE;
            throw new InputError(
              `${this.file} line ${quoteLine}: a quoted field opens there and never closes; ` +
                `add the closing '"' (a '"' inside a quoted field is written '""').`,
              { file: this.file, line: quoteLine, col: this.charCol(quoteCol) },
            );
          }
          if (p + 1 >= end && !eof) return NEED_MORE;
          if (p + 1 < end && b[p + 1] === QUOTE) {
            flag = 2;
            p += 2;
            continue;
          }
          break;
        }
        fs[f] = s;
        fe[f] = p;
        fl[f] = flag;
        f++;
        p++; // past the closing quote
        if (p >= end) {
          if (!eof) return NEED_MORE;
          this.pos = p;
          this.line = line;
          this.nf = f;
          this.recLine = recLine;
          return RECORD;
        }
        c = b[p];
        if (c === d) {
          p++;
          continue;
        }
        if (c !== LF && c !== CR) {
          throw new InputError(
            `${this.file} line ${line}, column ${this.charCol(p)}: a quoted field is followed by '${String.fromCharCode(c)}' instead of a delimiter or a line end; ` +
              `quote the whole field and write each '"' inside it as '""'.`,
            { file: this.file, line, col: this.charCol(p) },
          );
        }
      } else {
        const s = p;
        while (p < end) {
          c = b[p];
          if (c === d || c === LF || c === CR) break;
          p++;
        }
        fs[f] = s;
        fe[f] = p;
        fl[f] = 0;
        f++;
        if (p >= end) {
          if (!eof) return NEED_MORE;
          this.pos = p;
          this.line = line;
          this.nf = f;
          this.recLine = recLine;
          return RECORD;
        }
        if (c === d) {
          p++;
          continue;
        }
      }
      // c is LF or CR at p: the record ends
      if (c === CR) {
        if (p + 1 >= end && !eof) return NEED_MORE;
        p++;
        if (p < end && b[p] === LF) p++;
      } else {
        p++;
      }
      line++;
      if (f === 1 && fl[0] === 0 && fe[0] === fs[0]) {
        // a blank line: skip it
        f = 0;
        recLine = line;
        this.pos = p;
        this.line = line;
        continue;
      }
      this.pos = p;
      this.line = line;
      this.nf = f;
      this.recLine = recLine;
      return RECORD;
    }
  }

  /** The 1-based character column of byte offset `at` in its line (cold path, for messages). */
  charCol(at: number): number {
    const b = this.buf;
    let s = at;
    while (s > 0 && b[s - 1] !== LF && b[s - 1] !== CR) s--;
    return b.toString('utf8', s, at).length + 1;
  }

  /** Field i as a string, quotes removed and '""' undone. */
  text(i: number): string {
    const raw = this.buf.toString('utf8', this.fs[i], this.fe[i]);
    return this.fl[i] === 2 ? raw.replaceAll('""', '"') : raw;
  }
}

/** Offset just past the last line feed in b[0, end), or 0: plain records never cross it. */
function lastLineEnd(b: Buffer, end: number): number {
  if (end === 0) return 0;
  return b.lastIndexOf(LF, end - 1) + 1;
}

const SKIP = 0,
  NUM = 1,
  CAT = 2,
  TIME = 3;
/**
 * Records per FastPath.run call. Small batches mean the code after the loop runs (and gets
 * type feedback) long before V8 optimizes the loop; one huge call per chunk would leave it
 * without feedback and deoptimize the function at every exit.
 */
const FAST_BATCH = 4096;
const NO_VALUES = new Float64Array(0);
const NO_CODES = new Int32Array(0);
const NO_DICT = new Dictionary();
const MINUS = 45,
  PLUS = 43,
  DOT = 46;

/** Exact powers of ten up to 10^22. */
const POW10 = new Float64Array(23);
for (let i = 0, x = 1; i < 23; i++, x *= 10) POW10[i] = x;

/**
 * The hot loop: parses plain records in place, fusing the scan for the delimiter with the
 * number parse or the category hash, and writes each cell straight into its column. A record
 * it cannot take whole (a quote, text in a numeric column, an infinity, a wrong field count,
 * a blank line) it leaves, unwritten, for the tokenizer. Never reads past `safeEnd`, the end of
 * a line, so it needs no bounds checks inside a record.
 */
class FastPath {
  pos = 0;
  private readonly kinds: Int8Array;
  private readonly missing: Int32Array;
  private readonly decode: (b: Uint8Array, s: number, e: number) => number;

  constructor(
    private readonly cols: (ColumnBuilder | null)[],
    private readonly delim: number,
  ) {
    this.kinds = new Int8Array(cols.length);
    this.missing = new Int32Array(cols.length);
    this.decode = (b, s, e) => {
      // a cell that is not a plain decimal: missing (NaN), a finite number, or Infinity = leave it
      const len = e - s;
      if (len <= 4 && isMissingBytes(b, s, len)) return NaN;
      const v = parseNumberText(Buffer.from(b.buffer, b.byteOffset + s, e - s).toString('utf8'));
      return v - v === 0 ? v : Infinity;
    };
  }

  private cap = 0;

  /** Point the arrays at the columns' current storage; returns the row to write next. */
  private refresh(vals: Float64Array[], codes: Int32Array[], dicts: Dictionary[]): number {
    const cols = this.cols,
      kinds = this.kinds;
    let row = 0;
    let cap = 0x7fffffff;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i];
      vals[i] = NO_VALUES;
      codes[i] = NO_CODES;
      dicts[i] = NO_DICT;
      if (col === null) {
        kinds[i] = SKIP;
        continue;
      }
      row = col.length;
      if (col.kind === 'numeric') {
        kinds[i] = col.time ? TIME : NUM;
        vals[i] = col.values;
        cap = Math.min(cap, col.values.length);
      } else {
        kinds[i] = CAT;
        codes[i] = col.codes;
        dicts[i] = col.dict;
        cap = Math.min(cap, col.codes.length);
      }
    }
    this.cap = cap;
    return row;
  }

  /** Parse records from p while they are plain; returns how many. Sets this.pos. */
  run(b: Uint8Array, p: number, safeEnd: number): number {
    const cols = this.cols,
      kinds = this.kinds,
      missing = this.missing,
      delim = this.delim;
    const ncols = cols.length;
    const last = ncols - 1;
    const vals: Float64Array[] = new Array<Float64Array>(ncols);
    const codes: Int32Array[] = new Array<Int32Array>(ncols);
    const dicts: Dictionary[] = new Array<Dictionary>(ncols);
    let row = this.refresh(vals, codes, dicts);
    let cap = this.cap;
    const start = row;
    missing.fill(0);
    let rows = 0;
    let done = 0; // fields of the current record written so far
    let ok = true;
    while (p < safeEnd && rows < FAST_BATCH) {
      if (row >= cap) {
        for (const col of cols)
          if (col) {
            col.length = row;
            col.reserve(Math.max(1024, row));
          }
        row = this.refresh(vals, codes, dicts);
        cap = this.cap;
      }
      const rs = p;
      done = 0;
      if (b[p] === LF || b[p] === CR) break; // a blank line: the tokenizer skips it
      for (let i = 0; i < ncols; i++) {
        let c = b[p];
        const k = kinds[i];
        if (k === NUM) {
          const s = p;
          let v: number;
          if (c === delim || c === LF || c === CR) {
            v = NaN;
          } else {
            let neg = false;
            if (c === MINUS) {
              neg = true;
              c = b[++p];
            } else if (c === PLUS) {
              c = b[++p];
            }
            let mant = 0,
              digits = 0,
              exp10 = 0;
            let any = false,
              hard = false;
            let dg = c - 48;
            while (dg >= 0 && dg <= 9) {
              any = true;
              if (mant !== 0 || dg !== 0) {
                if (digits < 15) {
                  mant = mant * 10 + dg;
                  digits++;
                } else hard = true;
              }
              c = b[++p];
              dg = c - 48;
            }
            if (c === DOT) {
              c = b[++p];
              dg = c - 48;
              while (dg >= 0 && dg <= 9) {
                any = true;
                if (mant !== 0 || dg !== 0) {
                  if (digits < 15) {
                    mant = mant * 10 + dg;
                    digits++;
                    exp10--;
                  } else hard = true;
                } else exp10--;
                c = b[++p];
                dg = c - 48;
              }
            }
            if ((c === 101 || c === 69) && any) {
              c = b[++p];
              let eneg = false;
              if (c === MINUS || c === PLUS) {
                eneg = c === MINUS;
                c = b[++p];
              }
              let ev = 0;
              let eany = false;
              dg = c - 48;
              while (dg >= 0 && dg <= 9) {
                eany = true;
                if (ev < 100000) ev = ev * 10 + dg;
                c = b[++p];
                dg = c - 48;
              }
              if (!eany) hard = true;
              exp10 += eneg ? -ev : ev;
            }
            if (c !== delim && c !== LF && c !== CR) {
              if (b[s] === QUOTE) {
                ok = false;
                break;
              }
              while (c !== delim && c !== LF && c !== CR) c = b[++p];
              v = this.decode(b, s, p);
            } else if (!any || hard || exp10 > 22 || exp10 < -22) {
              v = this.decode(b, s, p);
            } else {
              v = mant === 0 ? 0 : exp10 === 0 ? mant : exp10 > 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
              if (neg) v = -v;
            }
            if (v === Infinity) {
              ok = false;
              break;
            }
          }
          if (v !== v) missing[i]++;
          vals[i][row] = v;
        } else if (k === TIME) {
          if (c === QUOTE) {
            ok = false;
            break;
          }
          const s = p;
          while (c !== delim && c !== LF && c !== CR) c = b[++p];
          const len = p - s;
          let v: number;
          if (len <= 4 && isMissingBytes(b, s, len)) {
            v = NaN;
            missing[i]++;
          } else {
            v = parseIsoBytes(b, s, p);
            // not a date: the tokenizer path gives it to the column, which says so
            if (v !== v) {
              ok = false;
              break;
            }
          }
          vals[i][row] = v;
        } else if (k === CAT) {
          if (c === QUOTE) {
            ok = false;
            break;
          }
          const s = p;
          while (c !== delim && c !== LF && c !== CR) c = b[++p];
          const len = p - s;
          if (len <= 4 && isMissingBytes(b, s, len)) {
            codes[i][row] = -1;
            missing[i]++;
          } else {
            const dict = dicts[i];
            const same = dict.sameAsLast(b, s, p);
            codes[i][row] = same >= 0 ? same : dict.codeOfBytes(b, s, p);
          }
        } else {
          if (c === QUOTE) {
            ok = false;
            break;
          }
          while (c !== delim && c !== LF && c !== CR) c = b[++p];
        }
        done = i + 1;
        if (i < last) {
          if (c !== delim) {
            ok = false;
            break;
          }
          p++;
        } else if (c === LF) {
          p++;
        } else if (c === CR) {
          p++;
          if (b[p] === LF) p++;
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) {
        // leave this record to the tokenizer: forget the cells written for it
        for (let j = 0; j < done; j++) {
          if (kinds[j] === NUM || kinds[j] === TIME) {
            if (vals[j][row] !== vals[j][row]) missing[j]--;
          } else if (kinds[j] === CAT && codes[j][row] === -1) missing[j]--;
        }
        p = rs;
        break;
      }
      row++;
      rows++;
    }
    for (let i = 0; i < ncols; i++) {
      const col = cols[i];
      if (col === null) continue;
      col.length = row;
      col.missing += missing[i];
      if (!col.decided && kinds[i] === NUM) {
        const v = vals[i];
        for (let r = start; r < row; r++)
          if (v[r] === v[r]) {
            col.decided = true;
            break;
          }
      }
    }
    this.pos = p;
    return rows;
  }
}

function delimiterName(d: number): string {
  return d === 9 ? 'tab' : `'${String.fromCharCode(d)}'`;
}

/** Candidate delimiters for sniffing, most likely first. */
const SNIFF = [44, 9, 59, 124]; // , \t ; |

/** Pick the delimiter of a .txt file from its first line: the candidate seen most outside quotes. */
function sniffDelimiter(b: Buffer, end: number): number {
  const counts = new Map<number, number>(SNIFF.map((c) => [c, 0]));
  let inQuotes = false;
  for (let i = 0; i < end; i++) {
    const c = b[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) {
      if (i > 0) break;
    } else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = 44,
    bestCount = 0;
  for (const c of SNIFF)
    if (counts.get(c)! > bestCount) {
      best = c;
      bestCount = counts.get(c)!;
    }
  return best;
}

export function parseDelimiterOption(delimiter: string): number {
  const code = delimiter === '\\t' ? 9 : delimiter.charCodeAt(0);
  if ((delimiter.length !== 1 && delimiter !== '\\t') || code >= 128 || code === QUOTE || code === LF || code === CR) {
    throw new InputError(
      `The delimiter '${delimiter}' cannot be used; give one ASCII character other than '"' or a line break, such as ',', ';', '|' or a tab.`,
      { input: 'delimiter' },
    );
  }
  return code;
}

/**
 * Read one delimited file into `table`. `delimiter`: a byte code, or undefined to sniff it;
 * `explicit`: whether the user chose it (then a one-column header is taken at its word).
 */
export async function readDelimited(file: string, table: TableBuilder, delimiter: number | undefined, explicit: boolean): Promise<void> {
  const reader = await ChunkReader.open(file, true);
  try {
    await reader.refill(0, 1);
    const d = delimiter ?? sniffDelimiter(reader.buf, reader.end);
    const tok = new Tokenizer(reader, d, file);

    // header
    let st = tok.next();
    while (st === NEED_MORE) {
      await reader.refill(tok.pos, tok.line);
      tok.sync();
      st = tok.next();
    }
    if (st === DONE) {
      throw new InputError(`${file} is empty; it needs a header row of column names and at least one data row.`, { file });
    }
    const headerLine = tok.recLine;
    const ncols = tok.nf;
    const names: string[] = [];
    for (let i = 0; i < ncols; i++) names.push(tok.text(i));
    checkHeader(file, headerLine, names, d, explicit);

    // kinds: forced, from an earlier file, or inferred from the first cells of this one
    const known: (InferredKind | undefined)[] = names.map((n) => (table.included(n) ? table.knownKind(n) : 'numeric'));
    const mayBeTime = names.map((n) => table.included(n) && table.mayBeTime(n));
    const headerEnd = tok.pos;
    const lineAfterHeader = tok.line;
    const { inferred, bytesPerRow } = inferKinds(tok, ncols, known, mayBeTime);
    tok.pos = headerEnd;
    tok.line = lineAfterHeader;

    table.beginFile(file);
    let capacity = 1024;
    if (bytesPerRow > 0 && !/\.gz$/i.test(file)) {
      const size = (await stat(file)).size;
      capacity = Math.min(Math.ceil((size / bytesPerRow) * 1.05) + 16, 1 << 28);
    }
    const slots: (ColumnBuilder | null)[] = names.map((n, i) => (table.included(n) ? table.column(file, n, inferred[i], 0, capacity) : null));
    for (const col of slots) if (col && col.length === table.rowCount) col.reserve(capacity);
    const decode = (s: number, e: number): string => tok.buf.toString('utf8', s, e);

    const fast = new FastPath(slots, d);
    let rows = 0;
    for (;;) {
      // Plain records (no quotes, no text in numeric columns, the right field count) go
      // through the fused fast path; anything else, one record at a time, through the tokenizer.
      const safeEnd = lastLineEnd(tok.buf, tok.end);
      while (tok.pos < safeEnd) {
        const n = fast.run(tok.bytes, tok.pos, safeEnd);
        rows += n;
        tok.line += n;
        tok.pos = fast.pos;
        if (n < FAST_BATCH) break;
      }
      st = tok.next();
      if (st !== RECORD) {
        if (st === DONE) break;
        await reader.refill(tok.pos, tok.line);
        tok.sync();
        continue;
      }
      if (tok.nf !== ncols) {
        throw new InputError(
          `${file} line ${tok.recLine} has ${tok.nf} field${tok.nf === 1 ? '' : 's'} but the header (line ${headerLine}) has ${ncols}; ` +
            `give every row one value per column (quote values that contain ${delimiterName(d)}).`,
          { file, line: tok.recLine },
        );
      }
      const b = tok.buf,
        fs = tok.fs,
        fe = tok.fe,
        fl = tok.fl;
      for (let i = 0; i < ncols; i++) {
        const col = slots[i];
        if (col === null) continue;
        const s = fs[i],
          e = fe[i];
        if (fl[i] === 2) {
          col.pushString(tok.text(i), file, tok.recLine, 'line');
          continue;
        }
        const len = e - s;
        if (len <= 4 && isMissingBytes(b, s, len)) {
          col.pushMissing();
        } else if (col.time) {
          col.pushTimeBytes(b, s, e);
        } else if (col.kind === 'numeric') {
          const v = parseNumberBytes(b, s, e, decode);
          if (v - v === 0) col.pushNumber(v);
          else col.pushTextInNumeric(decode(s, e), file, tok.recLine, 'line');
        } else {
          col.pushCode(col.dict.codeOfBytes(b, s, e));
        }
      }
      rows++;
    }
    if (rows === 0) {
      throw new InputError(`${file} has a header row but no data rows; it needs at least one row of data.`, { file, line: headerLine });
    }
    table.endFile(
      file,
      rows,
      names.filter((n) => table.included(n)),
    );
  } finally {
    await reader.close();
  }
}

function checkHeader(file: string, line: number, names: string[], d: number, explicit: boolean): void {
  if (names.length === 1 && !explicit) {
    const name = names[0];
    for (const c of [59, 9, 44, 124]) {
      if (c !== d && name.includes(String.fromCharCode(c))) {
        throw new InputError(
          `${file} line ${line}: the header is one column, '${name.length > 60 ? `${name.slice(0, 60)}…` : name}', which contains ${delimiterName(c)}; ` +
            `the file looks ${delimiterName(c)}-separated, not ${delimiterName(d)}-separated: save it with ${delimiterName(d)} separators or set the 'delimiter' input (--delimiter) to ${delimiterName(c)}.`,
          { file, line },
        );
      }
    }
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name.trim() === '') {
      throw new InputError(`${file} line ${line}: column ${i + 1} has an empty name; give every column a name in the header row.`, { file, line, col: i + 1 });
    }
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new InputError(`${file} line ${line}: the column name '${name}' appears twice (columns ${prev + 1} and ${i + 1}); rename one of them.`, {
        file,
        line,
        col: i + 1,
      });
    }
    seen.set(name, i);
  }
}

/**
 * Look at the first cells of each column whose kind is not known: numeric if its first
 * INFER_CELLS non-missing cells (within the first chunk) are all numbers, 'time' if they are
 * all ISO-8601 dates or date-times (and `mayBeTime`), categorical at the first other text cell
 * (or a mix), undefined if it shows no non-missing cell. Leaves the tokenizer wherever.
 */
function inferKinds(
  tok: Tokenizer,
  ncols: number,
  known: (InferredKind | undefined)[],
  mayBeTime: boolean[],
): { inferred: (InferredKind | undefined)[]; bytesPerRow: number } {
  const inferred: (InferredKind | undefined)[] = known.slice();
  const counts = new Int32Array(ncols);
  let open = known.filter((k) => k === undefined).length;
  const start = tok.pos;
  let rows = 0;
  const decode = (s: number, e: number): string => tok.buf.toString('utf8', s, e);
  while (rows < INFER_MAX_ROWS) {
    const st = tok.next();
    if (st !== RECORD || tok.nf !== ncols) break;
    rows++;
    if (open === 0) {
      if (rows >= 1000) break;
      continue;
    }
    for (let i = 0; i < ncols; i++) {
      if (known[i] !== undefined || inferred[i] === 'categorical' || counts[i] >= INFER_CELLS) continue;
      let isNumber: boolean;
      let isTime = false;
      if (tok.fl[i] === 2) {
        const t = tok.text(i);
        if (isMissingText(t)) continue;
        isNumber = !Number.isNaN(parseNumberText(t));
        if (!isNumber && mayBeTime[i]) {
          const bytes = Buffer.from(t);
          isTime = !Number.isNaN(parseIsoBytes(bytes, 0, bytes.length));
        }
      } else {
        const s = tok.fs[i],
          e = tok.fe[i];
        if (isMissingBytes(tok.buf, s, e - s)) continue;
        isNumber = !Number.isNaN(parseNumberBytes(tok.buf, s, e, decode));
        if (!isNumber && mayBeTime[i]) isTime = !Number.isNaN(parseIsoBytes(tok.buf, s, e));
      }
      const was = inferred[i];
      if (isNumber && was !== 'time') {
        inferred[i] = 'numeric';
        if (++counts[i] >= INFER_CELLS) open--;
      } else if (isTime && was !== 'numeric') {
        inferred[i] = 'time';
        if (++counts[i] >= INFER_CELLS) open--;
      } else {
        inferred[i] = 'categorical';
        open--;
      }
    }
  }
  return { inferred, bytesPerRow: rows > 0 ? (tok.pos - start) / rows : 0 };
}
