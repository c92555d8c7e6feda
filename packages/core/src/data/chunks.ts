/**
 * Reading a text file in large chunks (plain or gzip), with a carry-over of the unparsed tail,
 * a UTF-8 BOM skipped, and every byte checked to be UTF-8 before it is parsed.
 * Memory stays bounded by the chunk size (or the longest record) whatever the file size.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import { InputError } from '../shared/errors.js';

export const CHUNK_BYTES = 4 << 20;

interface ByteSource {
  /** Read up to `length` bytes into buf at offset; 0 at the end. */
  read(buf: Buffer, offset: number, length: number): Promise<number>;
  close(): Promise<void>;
}

class FileSource implements ByteSource {
  constructor(private readonly fh: FileHandle) {}
  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    const { bytesRead } = await this.fh.read(buf, offset, length, null);
    return bytesRead;
  }
  close(): Promise<void> {
    return this.fh.close();
  }
}

class GzipSource implements ByteSource {
  private readonly it: AsyncIterator<Buffer>;
  private pending: Buffer | undefined;
  private readonly stream: ReturnType<typeof createGunzip>;
  private readonly input: ReturnType<typeof createReadStream>;

  constructor(private readonly file: string) {
    this.input = createReadStream(file);
    this.stream = createGunzip();
    this.input.on('error', (e) => this.stream.destroy(e));
    this.input.pipe(this.stream);
    this.it = this.stream[Symbol.asyncIterator]();
  }

  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    let n = 0;
    while (n < length) {
      if (!this.pending || this.pending.length === 0) {
        let r: IteratorResult<Buffer>;
        try {
          r = await this.it.next();
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          if (err.code && err.code.startsWith('Z_')) {
            throw new InputError(`${this.file} is not a valid gzip file (${err.message}); it may be truncated or corrupt: compress it again with gzip.`, {
              file: this.file,
            });
          }
          throw err;
        }
        if (r.done) break;
        this.pending = r.value;
      }
      const take = Math.min(length - n, this.pending.length);
      this.pending.copy(buf, offset + n, 0, take);
      this.pending = this.pending.subarray(take);
      n += take;
    }
    return n;
  }

  async close(): Promise<void> {
    this.input.destroy();
    this.stream.destroy();
  }
}

/** Open a file for chunked reading; a missing or unreadable file is an InputError. */
export async function openSource(file: string): Promise<ByteSource> {
  if (/\.gz$/i.test(file)) {
    await open(file, 'r').then(
      (fh) => fh.close(),
      (e) => {
        throw fileError(file, e);
      },
    );
    return new GzipSource(file);
  }
  try {
    return new FileSource(await open(file, 'r'));
  } catch (e) {
    throw fileError(file, e);
  }
}

export function fileError(file: string, e: unknown): Error {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new InputError(`File ${file} does not exist; check the path (relative paths start at ${process.cwd()}).`, { file });
  if (err.code === 'EISDIR')
    return new InputError(`${file} is a directory, not a file; name a file, or the directory itself to read every data file in it.`, { file });
  if (err.code === 'EACCES' || err.code === 'EPERM') return new InputError(`File ${file} cannot be read (permission denied); make it readable.`, { file });
  return err;
}

const LF = 10,
  CR = 13;

/**
 * A window on a file: bytes [0, end) of `buf` are valid; the parser consumes from its own
 * position and calls refill(pos, lineAtPos) when it needs more, which keeps [pos, end).
 */
export class ChunkReader {
  buf: Buffer;
  end = 0;
  eof = false;
  /** Bytes before this offset are known valid UTF-8. */
  private validated = 0;
  private first = true;

  private constructor(
    private readonly src: ByteSource,
    readonly file: string,
    private readonly countLoneCR: boolean,
  ) {
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
  }

  static async open(file: string, countLoneCR: boolean): Promise<ChunkReader> {
    return new ChunkReader(await openSource(file), file, countLoneCR);
  }

  /**
   * Keep bytes [keep, end), read more after them. Returns the new offset of the kept bytes (0).
   * `lineAtKeep` is the 1-based line number at `keep`, for error messages.
   */
  async refill(keep: number, lineAtKeep: number): Promise<void> {
    if (this.eof) return;
    const kept = this.end - keep;
    if (keep > 0) {
      this.buf.copy(this.buf, 0, keep, this.end);
      this.validated = Math.max(0, this.validated - keep);
    } else if (kept === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, kept);
      this.buf = bigger;
    }
    this.end = kept;
    // read until the buffer is full or the file ends
    while (this.end < this.buf.length) {
      const n = await this.src.read(this.buf, this.end, this.buf.length - this.end);
      if (n === 0) {
        this.eof = true;
        break;
      }
      this.end += n;
    }
    if (this.first) {
      this.first = false;
      if (this.end >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) {
        this.buf.copy(this.buf, 0, 3, this.end);
        this.end -= 3;
      }
    }
    // Check UTF-8 up to the last line feed (never inside a multi-byte character), or to the end.
    let upTo = this.end;
    if (!this.eof) {
      const lf = this.buf.lastIndexOf(LF, this.end - 1);
      upTo = lf < this.validated ? this.validated : lf + 1;
    }
    if (upTo > this.validated) {
      if (!isUtf8(this.buf.subarray(this.validated, upTo))) {
        const bad = Math.min(firstInvalidUtf8(this.buf, this.validated, upTo), upTo - 1);
        throw this.utf8Error(bad, lineAtKeep);
      }
      this.validated = upTo;
    }
  }

  async close(): Promise<void> {
    await this.src.close();
  }

  private utf8Error(bad: number, lineAtStart: number): InputError {
    let line = lineAtStart;
    let lineStart = 0;
    const b = this.buf;
    for (let i = 0; i < bad; i++) {
      const c = b[i];
      if (c === LF) {
        line++;
        lineStart = i + 1;
      } else if (c === CR && this.countLoneCR && b[i + 1] !== LF) {
        line++;
        lineStart = i + 1;
      }
    }
    const col = bad - lineStart + 1;
    return new InputError(
      `${this.file} line ${line}, byte ${col} of the line, is not valid UTF-8 (byte 0x${b[bad].toString(16).padStart(2, '0')}); ` +
        `save the file as UTF-8 (for example: iconv -f latin1 -t utf-8).`,
      { file: this.file, line, col },
    );
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence in [s, e), or e. */
export function firstInvalidUtf8(b: Uint8Array, s: number, e: number): number {
  let i = s;
  while (i < e) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= e) return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return e;
}
