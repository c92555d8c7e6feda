#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 35:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./packages/core/src/shared/errors.ts
class errors_InputError extends Error {
    where;
    constructor(message, where = {}) {
        // One line, always: user text quoted into a message (a header cell, a file name) may hold
        // line breaks, which would split the annotation; show them escaped instead.
        super(message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
        this.name = 'InputError';
        this.where = where;
    }
}
function isInputError(e) {
    return e instanceof errors_InputError;
}
/**
 * An outside service (registry, router, metrics source, MLflow, the GitHub API) failed or answered
 * nonsense. Not the user's mistake: shells give it its own annotation title and exit code (CLI 3).
 * `retryable` says whether running the step again can help (a timeout, a 503) or not (a 403,
 * a body that is not what the protocol says); only then does the message say "try again".
 */
class ServiceError extends Error {
    /** Which service, as people name it, with its redacted address: "the OCI registry ghcr.io". */
    service;
    retryable;
    constructor(service, message, options = {}) {
        super(message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'), options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ServiceError';
        this.service = service;
        this.retryable = options.retryable ?? false;
    }
}
function isServiceError(e) {
    return e instanceof ServiceError;
}
/**
 * A policy refused the operation (a protected alias without a passing verdict): not bad input,
 * the check did its job. The CLI exits 1 (failed), the action writes `markdown` to the summary.
 */
class PolicyError extends Error {
    markdown;
    constructor(message, options = {}) {
        super(message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
        this.name = 'PolicyError';
        this.markdown = options.markdown;
    }
}
function isPolicyError(e) {
    return e instanceof PolicyError;
}

;// CONCATENATED MODULE: ./packages/core/src/shared/fs-errors.ts
/**
 * The operating system's answer about a path the user gave (EISDIR, ENOSPC, ...) as one sentence
 * naming that input and saying what to do: the shells print InputErrors without a stack trace.
 */



/** Codes a person can act on; anything else (a bug, a broken disk) is left as it was thrown. */
const KNOWN = new Set(['EISDIR', 'ENOTDIR', 'EEXIST', 'ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE', 'EBUSY', 'ENOTEMPTY', 'ENAMETOOLONG', 'ELOOP']);
function errnoCode(e) {
    const code = e?.code;
    return typeof code === 'string' ? code : undefined;
}
/**
 * An InputError for an OS error on a user-given path, or the error unchanged when its code says
 * nothing the user can fix. `where.path` may be the user's path or one inside it (a registry's
 * index file); the sentence names the user's, and the inner path where it differs.
 */
function userPathError(e, where) {
    const code = errnoCode(e);
    if (code === undefined || !KNOWN.has(code))
        return e;
    return new errors_InputError(sentence(code, where, e.path), { input: where.input, file: where.path });
}
/**
 * Run `work`, turning OS errors on the user's path into sentences (see userPathError). With
 * `within` (a resolved folder), only errors on paths inside it are the user's: a model file read
 * elsewhere in the same work keeps its own error.
 */
async function onUserPath(where, work, within) {
    try {
        return await work();
    }
    catch (e) {
        const failed = e?.path;
        if (within !== undefined && typeof failed === 'string' && isOutside(within, external_node_path_default().resolve(failed)))
            throw e;
        throw userPathError(e, where);
    }
}
function isOutside(root, p) {
    const rel = external_node_path_default().relative(root, p);
    return rel.startsWith('..') || external_node_path_default().isAbsolute(rel);
}
function sentence(code, where, inner) {
    const shown = where.path;
    const subject = where.input ? `Input '${where.input}' (${shown})` : shown;
    const what = where.expect === 'file' ? 'a file path' : 'a folder';
    // The inner path helps when it is a registry's own file; our temporary file beside the target would only confuse.
    const at = inner && external_node_path_default().resolve(inner) !== external_node_path_default().resolve(where.path) && !inner.startsWith(`${where.path}.`) ? ` at ${inner}` : '';
    const kind = kindOf(where.path);
    // Directory where a file should be, or a file where a folder should be: say which and show a fix.
    if (where.expect === 'file' && kind === 'folder') {
        const example = external_node_path_default().join(where.path, where.example ?? 'out.json');
        return `${where.input ? `Input '${where.input}'` : shown} is a directory (${withSlash(shown)}): give a file path such as ${example}.`;
    }
    if (where.expect === 'folder' && kind === 'file') {
        return `${where.input ? `Input '${where.input}'` : shown} is a file (${shown}), not a folder: give a folder path (it is created if missing).`;
    }
    const fileInPath = code === 'ENOTDIR' || code === 'EEXIST' ? firstFileAbove(where.path, inner) : undefined;
    if (fileInPath) {
        return `${subject} cannot be created: ${fileInPath} is a file, not a folder; give ${what} whose folders are folders.`;
    }
    switch (code) {
        case 'ENOENT':
            return `${subject} could not be written${at}: its folder does not exist (or was removed while writing); create it or give another path.`;
        case 'EACCES':
        case 'EPERM':
            return `${subject} could not be written${at}: permission denied; give ${what} you may write to, or change that folder's permissions.`;
        case 'ENOSPC':
        case 'EDQUOT':
            return `${subject} could not be written${at}: the disk is full (${code}); free some space or give ${what} on another disk. Nothing was half-written.`;
        case 'EROFS':
            return `${subject} could not be written${at}: that filesystem is read-only; give ${what} on a writable disk.`;
        case 'EMFILE':
        case 'ENFILE':
            return `${subject} could not be opened${at}: too many files are open (${code}); raise the limit (ulimit -n) or run fewer jobs at once.`;
        case 'ENAMETOOLONG':
            return `${subject} is too long a path for this filesystem; give a shorter one.`;
        case 'ELOOP':
            return `${subject} goes through a symbolic link that points to itself; give ${what} without the loop.`;
        default:
            // EBUSY, ENOTEMPTY, EISDIR, EEXIST: the target is something that cannot be replaced (a mount point, a busy folder).
            return `${subject} could not be written${at} (${code}): it names something that cannot be replaced; give ${what} such as ${where.expect === 'file' ? external_node_path_default().join(external_node_path_default().dirname(where.path), where.example ?? 'out.json') : './out'}.`;
    }
}
function kindOf(p) {
    try {
        const s = (0,external_node_fs_namespaceObject.statSync)(p);
        return s.isDirectory() ? 'folder' : 'file';
    }
    catch {
        return undefined;
    }
}
/** The nearest existing ancestor of `from` (the inner path, else the user's) that is a file. */
function firstFileAbove(userPath, inner) {
    let p = external_node_path_default().resolve(inner ?? userPath);
    for (;;) {
        const kind = kindOf(p);
        if (kind === 'file')
            return external_node_path_default().relative(process.cwd(), p) || p;
        if (kind === 'folder')
            return undefined;
        const up = external_node_path_default().dirname(p);
        if (up === p)
            return undefined;
        p = up;
    }
}
function withSlash(p) {
    return p.endsWith('/') ? p : `${p}/`;
}

;// CONCATENATED MODULE: ./packages/core/src/shared/atomic-write.ts




/**
 * Write a file so that readers see the old content or the new, never half of it:
 * write a temporary file beside the target, then rename over it (atomic on POSIX).
 * With `user`, OS errors (a directory given, a full disk) become InputErrors naming that input.
 */
async function writeFileAtomic(path, content, user) {
    try {
        await writeThroughTemp(path, content);
    }
    catch (e) {
        throw user ? userPathError(e, { input: user.input, path, expect: 'file', example: user.example }) : e;
    }
}
async function writeThroughTemp(path, content) {
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.tmp`;
    try {
        await (0,promises_namespaceObject.writeFile)(tmp, content);
        await (0,promises_namespaceObject.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_namespaceObject.rm)(tmp, { force: true });
        throw e;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/data/cells.ts
/**
 * What a single cell holds: missing, a finite number, an infinity, or text.
 *
 * Missing-value markers (case-sensitive, the whole cell, no surrounding spaces):
 *   the empty cell, NA, N/A, NaN, nan, null, NULL, None.
 * The same list applies to string cells of every format (CSV, JSONL, Parquet), so a column
 * reads the same whichever format holds it.
 *
 * Numbers: JavaScript number syntax (what `Number()` accepts, surrounding whitespace allowed,
 * so also '0x1F'), plus the forms '1e5', '-.5', '+3', '5.'; never the empty or all-blank cell.
 * Infinities ('Infinity', 'inf', '-Infinity', '+inf', any case, or a literal that overflows
 * such as '1e999') are not finite numbers: in a numeric column they are an error the user fixes.
 */
/** The missing-value markers, documented for users. */
const MISSING_MARKERS = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None'];
const MISSING_SET = new Set(MISSING_MARKERS);
function isMissingText(s) {
    return s.length <= 4 && MISSING_SET.has(s);
}
const N = 78, A = 65, a = 97, SLASH = 47, n = 110, u = 117, l = 108, U = 85, L = 76, o = 111, e = 101;
/** Is bytes[s, s+len) a missing-value marker? Works on raw UTF-8 bytes, no string made. */
function isMissingBytes(b, s, len) {
    switch (len) {
        case 0:
            return true;
        case 2:
            return b[s] === N && b[s + 1] === A;
        case 3: {
            const c0 = b[s], c1 = b[s + 1], c2 = b[s + 2];
            if (c0 === N)
                return (c1 === SLASH && c2 === A) || (c1 === a && c2 === N);
            return c0 === n && c1 === a && c2 === n;
        }
        case 4: {
            const c0 = b[s], c1 = b[s + 1], c2 = b[s + 2], c3 = b[s + 3];
            if (c0 === n)
                return c1 === u && c2 === l && c3 === l;
            if (c0 === N)
                return (c1 === U && c2 === L && c3 === L) || (c1 === o && c2 === n && c3 === e);
            return false;
        }
        default:
            return false;
    }
}
const INFINITY_RE = /^\s*[+-]?(inf|infinity)\s*$/i;
/** Is this text an infinity ('Infinity', '-inf', ...) or a literal too large for a double? */
function isInfiniteText(s) {
    if (INFINITY_RE.test(s))
        return true;
    const v = Number(s);
    return (v === Infinity || v === -Infinity) && s.trim() !== '';
}
/**
 * The number a text cell holds, or NaN when it holds text. May return ±Infinity for an
 * infinity literal (the caller reports it). The caller has already ruled out missing markers.
 */
function parseNumberText(s) {
    if (s.length === 0)
        return NaN;
    const v = Number(s);
    if (v !== v)
        return INFINITY_RE.test(s) ? (s.trim().startsWith('-') ? -Infinity : Infinity) : NaN;
    if (v === 0 && s.trim() === '')
        return NaN; // Number('  ') is 0
    return v;
}
/** Exact powers of ten (10^22 is the largest exactly representable as a double). */
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10)
    POW10[i] = p;
const DIGIT0 = 48, PLUS = 43, MINUS = 45, DOT = 46, LOWER_E = 101, UPPER_E = 69;
/**
 * Parse a number straight from UTF-8 bytes [s, e). Fast path: an optional sign, up to 15
 * significant digits, an optional fraction and exponent, with |decimal exponent| <= 22 — then
 * one IEEE multiply or divide of two exact values gives the correctly rounded result
 * (Clinger's fast path), the same double `Number()` returns. Anything else goes to `Number()`.
 * Returns NaN for text, ±Infinity for infinities.
 */
function parseNumberBytes(b, s, e, decode) {
    let p = s;
    let neg = false;
    let c = b[p];
    if (c === MINUS) {
        neg = true;
        p++;
    }
    else if (c === PLUS) {
        p++;
    }
    let mant = 0;
    let digits = 0; // significant digits in mant
    let anyDigit = false;
    let exp10 = 0;
    // integer part
    while (p < e) {
        c = b[p] - DIGIT0;
        if (c < 0 || c > 9)
            break;
        anyDigit = true;
        if (digits > 0 || c !== 0) {
            if (digits < 15) {
                mant = mant * 10 + c;
                digits++;
            }
            else
                return slow(b, s, e, decode);
        }
        p++;
    }
    if (p < e && b[p] === DOT) {
        p++;
        while (p < e) {
            c = b[p] - DIGIT0;
            if (c < 0 || c > 9)
                break;
            anyDigit = true;
            if (digits > 0 || c !== 0) {
                if (digits < 15) {
                    mant = mant * 10 + c;
                    digits++;
                }
                else
                    return slow(b, s, e, decode);
            }
            exp10--;
            p++;
        }
    }
    if (!anyDigit)
        return slow(b, s, e, decode);
    if (p < e) {
        c = b[p];
        if (c !== LOWER_E && c !== UPPER_E)
            return slow(b, s, e, decode);
        p++;
        let eneg = false;
        if (p < e && (b[p] === MINUS || b[p] === PLUS)) {
            eneg = b[p] === MINUS;
            p++;
        }
        if (p >= e)
            return NaN; // '1e' or '1e+'
        let ev = 0;
        while (p < e) {
            c = b[p] - DIGIT0;
            if (c < 0 || c > 9)
                return slow(b, s, e, decode);
            if (ev < 100000)
                ev = ev * 10 + c;
            p++;
        }
        exp10 += eneg ? -ev : ev;
    }
    let v;
    if (mant === 0)
        v = 0;
    else if (exp10 === 0)
        v = mant;
    else if (exp10 > 0 && exp10 <= 22)
        v = mant * POW10[exp10];
    else if (exp10 < 0 && exp10 >= -22)
        v = mant / POW10[-exp10];
    else
        return slow(b, s, e, decode);
    return neg ? -v : v;
}
function slow(_b, s, e, decode) {
    return parseNumberText(decode(s, e));
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./packages/core/src/data/chunks.ts
/**
 * Reading a text file in large chunks (plain or gzip), with a carry-over of the unparsed tail,
 * a UTF-8 BOM skipped, and every byte checked to be UTF-8 before it is parsed.
 * Memory stays bounded by the chunk size (or the longest record) whatever the file size.
 */





const CHUNK_BYTES = 4 << 20;
class FileSource {
    fh;
    constructor(fh) {
        this.fh = fh;
    }
    async read(buf, offset, length) {
        const { bytesRead } = await this.fh.read(buf, offset, length, null);
        return bytesRead;
    }
    close() {
        return this.fh.close();
    }
}
class GzipSource {
    file;
    it;
    pending;
    stream;
    input;
    constructor(file) {
        this.file = file;
        this.input = (0,external_node_fs_namespaceObject.createReadStream)(file);
        this.stream = (0,external_node_zlib_namespaceObject.createGunzip)();
        this.input.on('error', (e) => this.stream.destroy(e));
        this.input.pipe(this.stream);
        this.it = this.stream[Symbol.asyncIterator]();
    }
    async read(buf, offset, length) {
        let n = 0;
        while (n < length) {
            if (!this.pending || this.pending.length === 0) {
                let r;
                try {
                    r = await this.it.next();
                }
                catch (e) {
                    const err = e;
                    if (err.code && err.code.startsWith('Z_')) {
                        throw new errors_InputError(`${this.file} is not a valid gzip file (${err.message}); it may be truncated or corrupt: compress it again with gzip.`, { file: this.file });
                    }
                    throw err;
                }
                if (r.done)
                    break;
                this.pending = r.value;
            }
            const take = Math.min(length - n, this.pending.length);
            this.pending.copy(buf, offset + n, 0, take);
            this.pending = this.pending.subarray(take);
            n += take;
        }
        return n;
    }
    async close() {
        this.input.destroy();
        this.stream.destroy();
    }
}
/** Open a file for chunked reading; a missing or unreadable file is an InputError. */
async function openSource(file) {
    if (/\.gz$/i.test(file)) {
        await (0,promises_namespaceObject.open)(file, 'r').then((fh) => fh.close(), (e) => { throw fileError(file, e); });
        return new GzipSource(file);
    }
    try {
        return new FileSource(await (0,promises_namespaceObject.open)(file, 'r'));
    }
    catch (e) {
        throw fileError(file, e);
    }
}
function fileError(file, e) {
    const err = e;
    if (err.code === 'ENOENT')
        return new errors_InputError(`File ${file} does not exist; check the path (relative paths start at ${process.cwd()}).`, { file });
    if (err.code === 'EISDIR')
        return new errors_InputError(`${file} is a directory, not a file; name a file, or the directory itself to read every data file in it.`, { file });
    if (err.code === 'EACCES' || err.code === 'EPERM')
        return new errors_InputError(`File ${file} cannot be read (permission denied); make it readable.`, { file });
    return err;
}
const LF = 10, CR = 13;
/**
 * A window on a file: bytes [0, end) of `buf` are valid; the parser consumes from its own
 * position and calls refill(pos, lineAtPos) when it needs more, which keeps [pos, end).
 */
class ChunkReader {
    src;
    file;
    countLoneCR;
    buf;
    end = 0;
    eof = false;
    /** Bytes before this offset are known valid UTF-8. */
    validated = 0;
    first = true;
    constructor(src, file, countLoneCR) {
        this.src = src;
        this.file = file;
        this.countLoneCR = countLoneCR;
        this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    }
    static async open(file, countLoneCR) {
        return new ChunkReader(await openSource(file), file, countLoneCR);
    }
    /**
     * Keep bytes [keep, end), read more after them. Returns the new offset of the kept bytes (0).
     * `lineAtKeep` is the 1-based line number at `keep`, for error messages.
     */
    async refill(keep, lineAtKeep) {
        if (this.eof)
            return;
        const kept = this.end - keep;
        if (keep > 0) {
            this.buf.copy(this.buf, 0, keep, this.end);
            this.validated = Math.max(0, this.validated - keep);
        }
        else if (kept === this.buf.length) {
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
            if (!(0,external_node_buffer_namespaceObject.isUtf8)(this.buf.subarray(this.validated, upTo))) {
                const bad = Math.min(firstInvalidUtf8(this.buf, this.validated, upTo), upTo - 1);
                throw this.utf8Error(bad, lineAtKeep);
            }
            this.validated = upTo;
        }
    }
    async close() {
        await this.src.close();
    }
    utf8Error(bad, lineAtStart) {
        let line = lineAtStart;
        let lineStart = 0;
        const b = this.buf;
        for (let i = 0; i < bad; i++) {
            const c = b[i];
            if (c === LF) {
                line++;
                lineStart = i + 1;
            }
            else if (c === CR && this.countLoneCR && b[i + 1] !== LF) {
                line++;
                lineStart = i + 1;
            }
        }
        const col = bad - lineStart + 1;
        return new errors_InputError(`${this.file} line ${line}, byte ${col} of the line, is not valid UTF-8 (byte 0x${b[bad].toString(16).padStart(2, '0')}); ` +
            `save the file as UTF-8 (for example: iconv -f latin1 -t utf-8).`, { file: this.file, line, col });
    }
}
/** Offset of the first byte that starts an invalid UTF-8 sequence in [s, e), or e. */
function firstInvalidUtf8(b, s, e) {
    let i = s;
    while (i < e) {
        const c = b[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        let need, min;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
            min = 0x80;
        }
        else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            min = 0x800;
        }
        else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            min = 0x10000;
        }
        else
            return i;
        if (i + need >= e)
            return i;
        let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        for (let k = 1; k <= need; k++) {
            const cc = b[i + k];
            if ((cc & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return e;
}

;// CONCATENATED MODULE: ./packages/core/src/data/column-builder.ts
/**
 * Growing columns: numbers into a Float64Array, categories into Int32Array codes through a
 * dictionary that can be probed with raw UTF-8 bytes (no string per cell) or with strings.
 * One ColumnBuilder serves every file of a concatenated read, so later files append to it.
 */



const INITIAL_CAPACITY = 1024;
const utf8 = new TextEncoder();
/** FNV-1a, 32-bit: h = FNV_OFFSET; for each byte h = Math.imul(h ^ byte, FNV_PRIME). */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/**
 * A string dictionary: category -> code, looked up by bytes or by string.
 * The byte path keeps everything in typed arrays laid out for few cache misses: the slot table
 * holds (hash, code+1) pairs, the key table (start, end) pairs into one byte arena; and the
 * previous code is tried first, which makes runs of equal values (sorted data) cheap.
 */
class Dictionary {
    /** Decoded category strings; those from `strings.length` to `count` are still only bytes. */
    strings = [];
    count = 0;
    /** Built on the first string lookup (JSONL, Parquet), then kept up to date. */
    byString;
    /** Open addressing: slots[2i] = hash, slots[2i+1] = code+1 (0 = empty). */
    slots = new Int32Array(2048);
    mask = 1023;
    /** keys[2c], keys[2c+1]: where category c's UTF-8 bytes start and end in the arena. */
    keys = new Int32Array(512);
    hashes = new Int32Array(256);
    arena = new Uint8Array(4096);
    arenaUsed = 0;
    last = -1;
    get size() {
        return this.count;
    }
    /**
     * The categories, in code order. Categories met as bytes are decoded here in bulk (one
     * string for a run of ASCII keys, then slices of it), not one by one while parsing.
     */
    get categories() {
        const strings = this.strings;
        const from = strings.length;
        if (from < this.count) {
            const keys = this.keys;
            const start = keys[2 * from];
            const end = keys[2 * (this.count - 1) + 1];
            const bytes = Buffer.from(this.arena.buffer, this.arena.byteOffset + start, end - start);
            if ((0,external_node_buffer_namespaceObject.isAscii)(bytes)) {
                const all = bytes.toString('latin1');
                for (let c = from; c < this.count; c++)
                    strings.push(all.slice(keys[2 * c] - start, keys[2 * c + 1] - start));
            }
            else {
                for (let c = from; c < this.count; c++)
                    strings.push(bytes.toString('utf8', keys[2 * c] - start, keys[2 * c + 1] - start));
            }
            if (this.byString)
                for (let c = from; c < this.count; c++)
                    this.byString.set(strings[c], c);
        }
        return strings;
    }
    /** The code of the category whose UTF-8 bytes are b[s, e), adding it if new. */
    codeOfBytes(b, s, e) {
        let h = FNV_OFFSET;
        for (let k = s; k < e; k++)
            h = Math.imul(h ^ b[k], FNV_PRIME);
        return this.codeOfHashed(b, s, e, h);
    }
    /** The previous code looked up, if its bytes are b[s, e); else -1. Cheap for runs of equal values. */
    sameAsLast(b, s, e) {
        const last = this.last;
        if (last < 0)
            return -1;
        const keys = this.keys;
        const ks = keys[2 * last];
        const len = e - s;
        if (keys[2 * last + 1] - ks !== len)
            return -1;
        const arena = this.arena;
        for (let j = 0; j < len; j++)
            if (arena[ks + j] !== b[s + j])
                return -1;
        return last;
    }
    /** Like codeOfBytes, with h the FNV-1a hash of the bytes (FNV_OFFSET, FNV_PRIME) already computed. */
    codeOfHashed(b, s, e, h) {
        const len = e - s;
        const arena = this.arena, keys = this.keys;
        const last = this.last;
        if (last >= 0 && this.hashes[last] === h) {
            const ks = keys[2 * last];
            if (keys[2 * last + 1] - ks === len) {
                let j = 0;
                while (j < len && arena[ks + j] === b[s + j])
                    j++;
                if (j === len)
                    return last;
            }
        }
        const slots = this.slots, mask = this.mask;
        let i = h & mask;
        for (;;) {
            const slot = slots[2 * i + 1];
            if (slot === 0)
                break;
            if (slots[2 * i] === h) {
                const code = slot - 1;
                const ks = keys[2 * code];
                if (keys[2 * code + 1] - ks === len) {
                    let j = 0;
                    while (j < len && arena[ks + j] === b[s + j])
                        j++;
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
    codeOf(text) {
        let map = this.byString;
        if (!map) {
            map = new Map();
            const categories = this.categories;
            for (let c = 0; c < categories.length; c++)
                map.set(categories[c], c);
            this.byString = map;
        }
        const code = map.get(text);
        if (code !== undefined)
            return code;
        const bytes = utf8.encode(text);
        return this.codeOfBytes(bytes, 0, bytes.length);
    }
    add(b, s, e, h, slotIndex) {
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
        for (let j = 0; j < len; j++)
            arena[at + j] = b[s + j];
        this.keys[2 * code] = at;
        this.keys[2 * code + 1] = at + len;
        this.arenaUsed = at + len;
        this.hashes[code] = h;
        this.count = code + 1;
        // string lookups in use: keep the map (and so the strings) up to date
        if (this.byString)
            void this.categories;
        this.slots[2 * slotIndex] = h;
        this.slots[2 * slotIndex + 1] = code + 1;
        if ((code + 1) * 2 > this.mask + 1)
            this.rehash();
        return code;
    }
    rehash() {
        const size = (this.mask + 1) * 2;
        const slots = new Int32Array(2 * size);
        const mask = size - 1;
        const hashes = this.hashes;
        for (let code = 0; code < this.count; code++) {
            const h = hashes[code];
            let i = h & mask;
            while (slots[2 * i + 1] !== 0)
                i = (i + 1) & mask;
            slots[2 * i] = h;
            slots[2 * i + 1] = code + 1;
        }
        this.slots = slots;
        this.mask = mask;
    }
}
/** A copy of `a` with room for `capacity` elements. */
function grow(a, capacity) {
    const next = new a.constructor(capacity);
    next.set(a);
    return next;
}
/**
 * One column being read. Numeric columns fill `values`; categorical ones fill `codes`.
 * A column whose kind nothing has decided yet (no options.kinds entry, and only missing cells
 * so far) starts numeric and turns categorical at its first text cell.
 */
class ColumnBuilder {
    name;
    kind;
    /** False while the kind is a guess made without any non-missing cell. */
    decided;
    length = 0;
    missing = 0;
    textCells = 0;
    firstText = undefined;
    unit = undefined;
    values;
    codes;
    dict;
    /** The file this column first came from (for messages about columns that disagree). */
    firstFile;
    constructor(name, kind, decided, firstFile, capacity = INITIAL_CAPACITY) {
        this.name = name;
        this.kind = kind;
        this.decided = decided;
        this.firstFile = firstFile;
        const cap = Math.max(16, capacity);
        this.values = kind === 'numeric' ? new Float64Array(cap) : new Float64Array(0);
        this.codes = kind === 'categorical' ? new Int32Array(cap) : new Int32Array(0);
        this.dict = new Dictionary();
    }
    /** Make room for at least `extra` more cells. */
    reserve(extra) {
        const need = this.length + extra;
        if (this.kind === 'numeric') {
            if (need > this.values.length)
                this.values = grow(this.values, need);
        }
        else if (need > this.codes.length) {
            this.codes = grow(this.codes, need);
        }
    }
    pushNumber(v) {
        if (this.length === this.values.length)
            this.values = grow(this.values, this.values.length * 2);
        this.values[this.length++] = v;
        this.decided = true;
    }
    pushCode(code) {
        if (this.length === this.codes.length)
            this.codes = grow(this.codes, this.codes.length * 2);
        this.codes[this.length++] = code;
    }
    pushMissing() {
        this.missing++;
        if (this.kind === 'numeric') {
            if (this.length === this.values.length)
                this.values = grow(this.values, this.values.length * 2);
            this.values[this.length++] = NaN;
        }
        else {
            this.pushCode(-1);
        }
    }
    pushMissingRun(count) {
        for (let i = 0; i < count; i++)
            this.pushMissing();
    }
    /**
     * A cell holding text (not missing) in a numeric column: an undecided column turns
     * categorical; a decided one counts it as a text cell. Throws for an infinity.
     */
    pushTextInNumeric(text, file, line, where) {
        if (isInfiniteText(text))
            throw infinityError(text, this.name, file, line, where);
        if (!this.decided) {
            this.toCategorical();
            this.pushCode(this.dict.codeOf(text));
            return;
        }
        this.textCells++;
        if (!this.firstText)
            this.firstText = { file, line, text: text.length > 200 ? `${text.slice(0, 200)}…` : text };
        this.pushNumber(NaN);
    }
    /** A string cell of any format: missing marker, number or text, per this column's kind. */
    pushString(text, file, line, where) {
        if (isMissingText(text)) {
            this.pushMissing();
        }
        else if (this.kind === 'categorical') {
            this.pushCode(this.dict.codeOf(text));
        }
        else {
            const v = parseNumberText(text);
            if (v === v && v !== Infinity && v !== -Infinity)
                this.pushNumber(v);
            else
                this.pushTextInNumeric(text, file, line, where);
        }
    }
    /** A value that is a number in the file (JSON number, Parquet numeric). */
    pushNumeric(v, file, line, where) {
        if (this.kind === 'numeric') {
            if (v === v && v !== Infinity && v !== -Infinity)
                this.pushNumber(v);
            else if (v !== v)
                this.pushMissing();
            else
                throw infinityError(String(v), this.name, file, line, where);
        }
        else if (v !== v) {
            this.pushMissing();
        }
        else {
            this.pushCode(this.dict.codeOf(String(v)));
        }
    }
    /** Turn an undecided (so far all-missing) numeric column into a categorical one. */
    toCategorical() {
        if (this.kind === 'categorical')
            return;
        const codes = new Int32Array(Math.max(16, this.values.length));
        codes.fill(-1, 0, this.length);
        this.codes = codes;
        this.values = new Float64Array(0);
        this.kind = 'categorical';
        this.decided = true;
    }
    /** The finished column, trimmed to its length. */
    finish() {
        if (this.kind === 'numeric') {
            const values = trim(this.values, this.length);
            this.values = new Float64Array(0);
            const col = { kind: 'numeric', name: this.name, values, missing: this.missing, textCells: this.textCells };
            if (this.firstText)
                col.firstText = this.firstText;
            if (this.unit)
                col.unit = this.unit;
            return col;
        }
        const codes = trim(this.codes, this.length);
        this.codes = new Int32Array(0);
        return { kind: 'categorical', name: this.name, codes, categories: this.dict.categories, missing: this.missing };
    }
}
/** The first n elements: a view when at most 1/8 of the array would be wasted, else a copy. */
function trim(a, n) {
    if (a.length === n)
        return a;
    return (a.length - n <= a.length / 8 ? a.subarray(0, n) : a.slice(0, n));
}
function infinityError(text, column, file, line, where) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return new errors_InputError(`${file} ${where} ${line}, column '${column}': '${shown}' is not a finite number; ` +
        `leave the cell empty (or write NA) to mark it missing, or remove the row.`, { file, line });
}

;// CONCATENATED MODULE: ./packages/core/src/data/csv.ts
/**
 * Delimited text (CSV, TSV) per RFC 4180: a header row, fields optionally quoted with '"',
 * '""' for a quote inside a quoted field, delimiters and line breaks inside quotes, CRLF, LF
 * or CR line ends, a UTF-8 BOM. Blank lines are skipped. Bytes are parsed in place: numbers
 * straight into a Float64Array, categories into dictionary codes, no string or object per row.
 */





const csv_LF = 10, csv_CR = 13, QUOTE = 34;
/** tokenizer results */
const NEED_MORE = 0, RECORD = 1, DONE = 2;
/** How many non-missing cells decide a column's kind. */
const INFER_CELLS = 1000;
const INFER_MAX_ROWS = 100_000;
/**
 * Splits records into fields: after next() returns RECORD, fields 0..nf-1 are
 * buf[fs[i], fe[i]) with fl[i] = 0 plain, 1 quoted (range is inside the quotes), 2 quoted with
 * '""' escapes to undo. `line` counts physical lines (LF, CRLF or a lone CR end one).
 */
class Tokenizer {
    reader;
    delim;
    file;
    buf;
    end;
    eof;
    pos = 0;
    line = 1;
    nf = 0;
    recLine = 1;
    fs = new Int32Array(64);
    fe = new Int32Array(64);
    fl = new Uint8Array(64);
    constructor(reader, delim, file) {
        this.reader = reader;
        this.delim = delim;
        this.file = file;
        this.buf = reader.buf;
        this.end = reader.end;
        this.eof = reader.eof;
    }
    /** The same bytes as a plain Uint8Array (element access on it is faster than on a Buffer). */
    get bytes() {
        const b = this.buf;
        if (this.plain === undefined || this.plain.buffer !== b.buffer || this.plain.byteOffset !== b.byteOffset || this.plain.length !== b.length) {
            this.plain = new Uint8Array(b.buffer, b.byteOffset, b.length);
        }
        return this.plain;
    }
    plain;
    sync() {
        this.buf = this.reader.buf;
        this.end = this.reader.end;
        this.eof = this.reader.eof;
        this.pos = 0;
    }
    growFields() {
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
    next() {
        const b = this.buf, end = this.end, eof = this.eof, d = this.delim;
        let p = this.pos;
        let line = this.line;
        let recLine = line;
        let f = 0;
        let fs = this.fs, fe = this.fe, fl = this.fl;
        for (;;) {
            if (f === fs.length) {
                this.growFields();
                fs = this.fs;
                fe = this.fe;
                fl = this.fl;
            }
            let c = 0;
            if (p >= end) {
                if (!eof)
                    return NEED_MORE;
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
                        if (c === QUOTE)
                            break;
                        if (c === csv_LF)
                            line++;
                        else if (c === csv_CR && (p + 1 >= end || b[p + 1] !== csv_LF))
                            line++;
                        p++;
                    }
                    if (p >= end) {
                        if (!eof)
                            return NEED_MORE;
                        throw new errors_InputError(`${this.file} line ${quoteLine}: a quoted field opens there and never closes; ` +
                            `add the closing '"' (a '"' inside a quoted field is written '""').`, { file: this.file, line: quoteLine, col: this.charCol(quoteCol) });
                    }
                    if (p + 1 >= end && !eof)
                        return NEED_MORE;
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
                    if (!eof)
                        return NEED_MORE;
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
                if (c !== csv_LF && c !== csv_CR) {
                    throw new errors_InputError(`${this.file} line ${line}, column ${this.charCol(p)}: a quoted field is followed by '${String.fromCharCode(c)}' instead of a delimiter or a line end; ` +
                        `quote the whole field and write each '"' inside it as '""'.`, { file: this.file, line, col: this.charCol(p) });
                }
            }
            else {
                const s = p;
                while (p < end) {
                    c = b[p];
                    if (c === d || c === csv_LF || c === csv_CR)
                        break;
                    p++;
                }
                fs[f] = s;
                fe[f] = p;
                fl[f] = 0;
                f++;
                if (p >= end) {
                    if (!eof)
                        return NEED_MORE;
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
            if (c === csv_CR) {
                if (p + 1 >= end && !eof)
                    return NEED_MORE;
                p++;
                if (p < end && b[p] === csv_LF)
                    p++;
            }
            else {
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
    charCol(at) {
        const b = this.buf;
        let s = at;
        while (s > 0 && b[s - 1] !== csv_LF && b[s - 1] !== csv_CR)
            s--;
        return b.toString('utf8', s, at).length + 1;
    }
    /** Field i as a string, quotes removed and '""' undone. */
    text(i) {
        const raw = this.buf.toString('utf8', this.fs[i], this.fe[i]);
        return this.fl[i] === 2 ? raw.replaceAll('""', '"') : raw;
    }
}
/** Offset just past the last line feed in b[0, end), or 0: plain records never cross it. */
function lastLineEnd(b, end) {
    if (end === 0)
        return 0;
    return b.lastIndexOf(csv_LF, end - 1) + 1;
}
const SKIP = 0, NUM = 1, CAT = 2;
/**
 * Records per FastPath.run call. Small batches mean the code after the loop runs (and gets
 * type feedback) long before V8 optimizes the loop; one huge call per chunk would leave it
 * without feedback and deoptimize the function at every exit.
 */
const FAST_BATCH = 4096;
const NO_VALUES = new Float64Array(0);
const NO_CODES = new Int32Array(0);
const NO_DICT = new Dictionary();
const csv_MINUS = 45, csv_PLUS = 43, csv_DOT = 46;
/** Exact powers of ten up to 10^22. */
const csv_POW10 = new Float64Array(23);
for (let i = 0, x = 1; i < 23; i++, x *= 10)
    csv_POW10[i] = x;
/**
 * The hot loop: parses plain records in place, fusing the scan for the delimiter with the
 * number parse or the category hash, and writes each cell straight into its column. A record
 * it cannot take whole (a quote, text in a numeric column, an infinity, a wrong field count,
 * a blank line) it leaves, unwritten, for the tokenizer. Never reads past `safeEnd`, the end of
 * a line, so it needs no bounds checks inside a record.
 */
class FastPath {
    cols;
    delim;
    pos = 0;
    kinds;
    missing;
    decode;
    constructor(cols, delim) {
        this.cols = cols;
        this.delim = delim;
        this.kinds = new Int8Array(cols.length);
        this.missing = new Int32Array(cols.length);
        this.decode = (b, s, e) => {
            // a cell that is not a plain decimal: missing (NaN), a finite number, or Infinity = leave it
            const len = e - s;
            if (len <= 4 && isMissingBytes(b, s, len))
                return NaN;
            const v = parseNumberText(Buffer.from(b.buffer, b.byteOffset + s, e - s).toString('utf8'));
            return v - v === 0 ? v : Infinity;
        };
    }
    cap = 0;
    /** Point the arrays at the columns' current storage; returns the row to write next. */
    refresh(vals, codes, dicts) {
        const cols = this.cols, kinds = this.kinds;
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
                kinds[i] = NUM;
                vals[i] = col.values;
                cap = Math.min(cap, col.values.length);
            }
            else {
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
    run(b, p, safeEnd) {
        const cols = this.cols, kinds = this.kinds, missing = this.missing, delim = this.delim;
        const ncols = cols.length;
        const last = ncols - 1;
        const vals = new Array(ncols);
        const codes = new Array(ncols);
        const dicts = new Array(ncols);
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
            if (b[p] === csv_LF || b[p] === csv_CR)
                break; // a blank line: the tokenizer skips it
            for (let i = 0; i < ncols; i++) {
                let c = b[p];
                const k = kinds[i];
                if (k === NUM) {
                    const s = p;
                    let v;
                    if (c === delim || c === csv_LF || c === csv_CR) {
                        v = NaN;
                    }
                    else {
                        let neg = false;
                        if (c === csv_MINUS) {
                            neg = true;
                            c = b[++p];
                        }
                        else if (c === csv_PLUS) {
                            c = b[++p];
                        }
                        let mant = 0, digits = 0, exp10 = 0;
                        let any = false, hard = false;
                        let dg = c - 48;
                        while (dg >= 0 && dg <= 9) {
                            any = true;
                            if (mant !== 0 || dg !== 0) {
                                if (digits < 15) {
                                    mant = mant * 10 + dg;
                                    digits++;
                                }
                                else
                                    hard = true;
                            }
                            c = b[++p];
                            dg = c - 48;
                        }
                        if (c === csv_DOT) {
                            c = b[++p];
                            dg = c - 48;
                            while (dg >= 0 && dg <= 9) {
                                any = true;
                                if (mant !== 0 || dg !== 0) {
                                    if (digits < 15) {
                                        mant = mant * 10 + dg;
                                        digits++;
                                        exp10--;
                                    }
                                    else
                                        hard = true;
                                }
                                else
                                    exp10--;
                                c = b[++p];
                                dg = c - 48;
                            }
                        }
                        if ((c === 101 || c === 69) && any) {
                            c = b[++p];
                            let eneg = false;
                            if (c === csv_MINUS || c === csv_PLUS) {
                                eneg = c === csv_MINUS;
                                c = b[++p];
                            }
                            let ev = 0;
                            let eany = false;
                            dg = c - 48;
                            while (dg >= 0 && dg <= 9) {
                                eany = true;
                                if (ev < 100000)
                                    ev = ev * 10 + dg;
                                c = b[++p];
                                dg = c - 48;
                            }
                            if (!eany)
                                hard = true;
                            exp10 += eneg ? -ev : ev;
                        }
                        if (c !== delim && c !== csv_LF && c !== csv_CR) {
                            if (b[s] === QUOTE) {
                                ok = false;
                                break;
                            }
                            while (c !== delim && c !== csv_LF && c !== csv_CR)
                                c = b[++p];
                            v = this.decode(b, s, p);
                        }
                        else if (!any || hard || exp10 > 22 || exp10 < -22) {
                            v = this.decode(b, s, p);
                        }
                        else {
                            v = mant === 0 ? 0 : exp10 === 0 ? mant : exp10 > 0 ? mant * csv_POW10[exp10] : mant / csv_POW10[-exp10];
                            if (neg)
                                v = -v;
                        }
                        if (v === Infinity) {
                            ok = false;
                            break;
                        }
                    }
                    if (v !== v)
                        missing[i]++;
                    vals[i][row] = v;
                }
                else if (k === CAT) {
                    if (c === QUOTE) {
                        ok = false;
                        break;
                    }
                    const s = p;
                    while (c !== delim && c !== csv_LF && c !== csv_CR)
                        c = b[++p];
                    const len = p - s;
                    if (len <= 4 && isMissingBytes(b, s, len)) {
                        codes[i][row] = -1;
                        missing[i]++;
                    }
                    else {
                        const dict = dicts[i];
                        const same = dict.sameAsLast(b, s, p);
                        codes[i][row] = same >= 0 ? same : dict.codeOfBytes(b, s, p);
                    }
                }
                else {
                    if (c === QUOTE) {
                        ok = false;
                        break;
                    }
                    while (c !== delim && c !== csv_LF && c !== csv_CR)
                        c = b[++p];
                }
                done = i + 1;
                if (i < last) {
                    if (c !== delim) {
                        ok = false;
                        break;
                    }
                    p++;
                }
                else if (c === csv_LF) {
                    p++;
                }
                else if (c === csv_CR) {
                    p++;
                    if (b[p] === csv_LF)
                        p++;
                }
                else {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                // leave this record to the tokenizer: forget the cells written for it
                for (let j = 0; j < done; j++) {
                    if (kinds[j] === NUM) {
                        if (vals[j][row] !== vals[j][row])
                            missing[j]--;
                    }
                    else if (kinds[j] === CAT && codes[j][row] === -1)
                        missing[j]--;
                }
                p = rs;
                break;
            }
            row++;
            rows++;
        }
        for (let i = 0; i < ncols; i++) {
            const col = cols[i];
            if (col === null)
                continue;
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
function delimiterName(d) {
    return d === 9 ? 'tab' : `'${String.fromCharCode(d)}'`;
}
/** Candidate delimiters for sniffing, most likely first. */
const SNIFF = [44, 9, 59, 124]; // , \t ; |
/** Pick the delimiter of a .txt file from its first line: the candidate seen most outside quotes. */
function sniffDelimiter(b, end) {
    const counts = new Map(SNIFF.map((c) => [c, 0]));
    let inQuotes = false;
    for (let i = 0; i < end; i++) {
        const c = b[i];
        if (c === QUOTE)
            inQuotes = !inQuotes;
        else if (!inQuotes && (c === csv_LF || c === csv_CR)) {
            if (i > 0)
                break;
        }
        else if (!inQuotes && counts.has(c))
            counts.set(c, counts.get(c) + 1);
    }
    let best = 44, bestCount = 0;
    for (const c of SNIFF)
        if (counts.get(c) > bestCount) {
            best = c;
            bestCount = counts.get(c);
        }
    return best;
}
function parseDelimiterOption(delimiter) {
    const code = delimiter === '\\t' ? 9 : delimiter.charCodeAt(0);
    if ((delimiter.length !== 1 && delimiter !== '\\t') || code >= 128 || code === QUOTE || code === csv_LF || code === csv_CR) {
        throw new errors_InputError(`The delimiter '${delimiter}' cannot be used; give one ASCII character other than '"' or a line break, such as ',', ';', '|' or a tab.`, { input: 'delimiter' });
    }
    return code;
}
/**
 * Read one delimited file into `table`. `delimiter`: a byte code, or undefined to sniff it;
 * `explicit`: whether the user chose it (then a one-column header is taken at its word).
 */
async function readDelimited(file, table, delimiter, explicit) {
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
            throw new errors_InputError(`${file} is empty; it needs a header row of column names and at least one data row.`, { file });
        }
        const headerLine = tok.recLine;
        const ncols = tok.nf;
        const names = [];
        for (let i = 0; i < ncols; i++)
            names.push(tok.text(i));
        checkHeader(file, headerLine, names, d, explicit);
        // kinds: forced, from an earlier file, or inferred from the first cells of this one
        const known = names.map((n) => (table.included(n) ? table.knownKind(n) : 'numeric'));
        const headerEnd = tok.pos;
        const lineAfterHeader = tok.line;
        const { inferred, bytesPerRow } = inferKinds(tok, ncols, known);
        tok.pos = headerEnd;
        tok.line = lineAfterHeader;
        table.beginFile(file);
        let capacity = 1024;
        if (bytesPerRow > 0 && !/\.gz$/i.test(file)) {
            const size = (await (0,promises_namespaceObject.stat)(file)).size;
            capacity = Math.min(Math.ceil((size / bytesPerRow) * 1.05) + 16, 1 << 28);
        }
        const slots = names.map((n, i) => (table.included(n) ? table.column(file, n, inferred[i], 0, capacity) : null));
        for (const col of slots)
            if (col && col.length === table.rowCount)
                col.reserve(capacity);
        const decode = (s, e) => tok.buf.toString('utf8', s, e);
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
                if (n < FAST_BATCH)
                    break;
            }
            st = tok.next();
            if (st !== RECORD) {
                if (st === DONE)
                    break;
                await reader.refill(tok.pos, tok.line);
                tok.sync();
                continue;
            }
            if (tok.nf !== ncols) {
                throw new errors_InputError(`${file} line ${tok.recLine} has ${tok.nf} field${tok.nf === 1 ? '' : 's'} but the header (line ${headerLine}) has ${ncols}; ` +
                    `give every row one value per column (quote values that contain ${delimiterName(d)}).`, { file, line: tok.recLine });
            }
            const b = tok.buf, fs = tok.fs, fe = tok.fe, fl = tok.fl;
            for (let i = 0; i < ncols; i++) {
                const col = slots[i];
                if (col === null)
                    continue;
                const s = fs[i], e = fe[i];
                if (fl[i] === 2) {
                    col.pushString(tok.text(i), file, tok.recLine, 'line');
                    continue;
                }
                const len = e - s;
                if (len <= 4 && isMissingBytes(b, s, len)) {
                    col.pushMissing();
                }
                else if (col.kind === 'numeric') {
                    const v = parseNumberBytes(b, s, e, decode);
                    if (v - v === 0)
                        col.pushNumber(v);
                    else
                        col.pushTextInNumeric(decode(s, e), file, tok.recLine, 'line');
                }
                else {
                    col.pushCode(col.dict.codeOfBytes(b, s, e));
                }
            }
            rows++;
        }
        if (rows === 0) {
            throw new errors_InputError(`${file} has a header row but no data rows; it needs at least one row of data.`, { file, line: headerLine });
        }
        table.endFile(file, rows, names.filter((n) => table.included(n)));
    }
    finally {
        await reader.close();
    }
}
function checkHeader(file, line, names, d, explicit) {
    if (names.length === 1 && !explicit) {
        const name = names[0];
        for (const c of [59, 9, 44, 124]) {
            if (c !== d && name.includes(String.fromCharCode(c))) {
                throw new errors_InputError(`${file} line ${line}: the header is one column, '${name.length > 60 ? `${name.slice(0, 60)}…` : name}', which contains ${delimiterName(c)}; ` +
                    `the file looks ${delimiterName(c)}-separated, not ${delimiterName(d)}-separated: save it with ${delimiterName(d)} separators or set the 'delimiter' input (--delimiter) to ${delimiterName(c)}.`, { file, line });
            }
        }
    }
    const seen = new Map();
    for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (name.trim() === '') {
            throw new errors_InputError(`${file} line ${line}: column ${i + 1} has an empty name; give every column a name in the header row.`, { file, line, col: i + 1 });
        }
        const prev = seen.get(name);
        if (prev !== undefined) {
            throw new errors_InputError(`${file} line ${line}: the column name '${name}' appears twice (columns ${prev + 1} and ${i + 1}); rename one of them.`, { file, line, col: i + 1 });
        }
        seen.set(name, i);
    }
}
/**
 * Look at the first cells of each column whose kind is not known: numeric if its first
 * INFER_CELLS non-missing cells (within the first chunk) are all numbers, categorical at the
 * first text cell, undefined if it shows no non-missing cell. Leaves the tokenizer wherever.
 */
function inferKinds(tok, ncols, known) {
    const inferred = known.slice();
    const counts = new Int32Array(ncols);
    let open = known.filter((k) => k === undefined).length;
    const start = tok.pos;
    let rows = 0;
    const decode = (s, e) => tok.buf.toString('utf8', s, e);
    while (rows < INFER_MAX_ROWS) {
        const st = tok.next();
        if (st !== RECORD || tok.nf !== ncols)
            break;
        rows++;
        if (open === 0) {
            if (rows >= 1000)
                break;
            continue;
        }
        for (let i = 0; i < ncols; i++) {
            if (known[i] !== undefined || inferred[i] === 'categorical' || counts[i] >= INFER_CELLS)
                continue;
            let isNumber;
            if (tok.fl[i] === 2) {
                const t = tok.text(i);
                if (isMissingText(t))
                    continue;
                isNumber = !Number.isNaN(parseNumberText(t));
            }
            else {
                const s = tok.fs[i], e = tok.fe[i];
                if (isMissingBytes(tok.buf, s, e - s))
                    continue;
                isNumber = !Number.isNaN(parseNumberBytes(tok.buf, s, e, decode));
            }
            if (isNumber) {
                inferred[i] = 'numeric';
                if (++counts[i] >= INFER_CELLS)
                    open--;
            }
            else {
                inferred[i] = 'categorical';
                open--;
            }
        }
    }
    return { inferred, bytesPerRow: rows > 0 ? (tok.pos - start) / rows : 0 };
}

;// CONCATENATED MODULE: ./packages/core/src/data/formats.ts
/** Which reader a file goes to, by its extension (case-insensitive). */
const TEXT = {
    csv: 'csv',
    tsv: 'tsv',
    tab: 'tsv',
    txt: 'txt',
    jsonl: 'jsonl',
    ndjson: 'jsonl',
};
/** The extensions read, for messages. */
const DATA_EXTENSIONS = '.csv, .tsv, .tab, .txt, .jsonl, .ndjson (each also gzipped, .gz) and .parquet';
/** The format of a file name, or undefined if it is not a data file. Text formats may end in .gz. */
function formatOf(file) {
    const m = /\.([A-Za-z0-9]+)(\.gz)?$/.exec(file);
    if (!m)
        return undefined;
    const ext = m[1].toLowerCase();
    if (ext === 'parquet')
        return m[2] ? undefined : 'parquet';
    return TEXT[ext];
}

;// CONCATENATED MODULE: ./packages/core/src/data/jsonl.ts
/**
 * JSON Lines (.jsonl, .ndjson): one JSON object per line; blank lines are skipped.
 * Columns are the keys, in order of first appearance; a key absent from a line is a missing
 * cell there, and a key first seen on a later line has missing cells before it.
 * Values: null -> missing; numbers -> numbers; strings -> like a CSV cell (missing markers,
 * numbers written as text); true/false -> the text 'true'/'false'; arrays and objects -> their JSON text.
 * Each line is parsed with JSON.parse and dropped at once: only the columns are kept.
 */



const jsonl_LF = 10;
const SAMPLE_LINES = 1000;
/** What one value says about its column's kind: undefined when missing. */
function kindOfValue(v) {
    if (v === null || v === undefined)
        return undefined;
    if (typeof v === 'number')
        return 'numeric';
    if (typeof v === 'string') {
        if (isMissingText(v))
            return undefined;
        return Number.isNaN(parseNumberText(v)) ? 'categorical' : 'numeric';
    }
    return 'categorical';
}
function push(col, v, file, line) {
    if (v === null || v === undefined)
        col.pushMissing();
    else if (typeof v === 'number')
        col.pushNumeric(v, file, line, 'line');
    else if (typeof v === 'string')
        col.pushString(v, file, line, 'line');
    else if (typeof v === 'boolean')
        col.pushString(v ? 'true' : 'false', file, line, 'line');
    else
        col.pushString(JSON.stringify(v), file, line, 'line');
}
async function readJsonl(file, table) {
    const reader = await ChunkReader.open(file, false);
    try {
        await reader.refill(0, 1);
        let pos = 0;
        let line = 1;
        let sawAnyLine = false;
        /** The next non-blank line as a parsed object, or undefined at the end of the file. */
        const nextObject = async () => {
            for (;;) {
                let lf = reader.buf.indexOf(jsonl_LF, pos);
                if (lf < 0 || lf >= reader.end) {
                    if (!reader.eof) {
                        await reader.refill(pos, line);
                        pos = 0;
                        continue;
                    }
                    if (pos >= reader.end)
                        return undefined;
                    lf = reader.end; // last line without a line feed
                }
                const text = reader.buf.toString('utf8', pos, lf);
                const at = line;
                pos = lf + 1;
                line++;
                if (text.trim() === '')
                    continue;
                sawAnyLine = true;
                let obj;
                try {
                    obj = JSON.parse(text);
                }
                catch (e) {
                    throw new errors_InputError(`${file} line ${at} is not valid JSON (${e.message}); write one JSON object per line.`, { file, line: at });
                }
                if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
                    const what = Array.isArray(obj) ? 'an array' : obj === null ? 'null' : `a ${typeof obj}`;
                    throw new errors_InputError(`${file} line ${at} holds ${what}, not a JSON object; write one object per line, like {"column": value}.`, { file, line: at });
                }
                return { obj: obj, line: at };
            }
        };
        // Sample the first lines to settle each key's kind.
        const sample = [];
        const inferred = new Map();
        while (sample.length < SAMPLE_LINES) {
            const next = await nextObject();
            if (!next)
                break;
            sample.push(next);
            for (const key in next.obj) {
                const k = kindOfValue(next.obj[key]);
                const prev = inferred.get(key);
                if (prev === 'categorical')
                    continue;
                inferred.set(key, k === undefined ? prev : k);
            }
        }
        if (sample.length === 0) {
            throw new errors_InputError(sawAnyLine ? `${file} has no data rows.` : `${file} is empty; it needs one JSON object per line.`, { file });
        }
        table.beginFile(file);
        const cols = new Map();
        const fileCols = [];
        let rows = 0;
        const addRow = (obj, at) => {
            for (const key in obj) {
                let col = cols.get(key);
                if (col === undefined) {
                    col = table.included(key) ? table.column(file, key, inferred.get(key) ?? kindOfValue(obj[key]), rows, 1024) : null;
                    if (col) {
                        if (col.length !== table.rowCount + rows)
                            col.pushMissingRun(table.rowCount + rows - col.length);
                        fileCols.push(col);
                    }
                    cols.set(key, col);
                }
                if (col === null)
                    continue;
                push(col, obj[key], file, at);
            }
            // keys this line lacks are missing
            const want = table.rowCount + rows + 1;
            for (let i = 0; i < fileCols.length; i++) {
                const col = fileCols[i];
                if (col.length < want)
                    col.pushMissing();
            }
            rows++;
        };
        for (const { obj, line: at } of sample)
            addRow(obj, at);
        sample.length = 0;
        for (;;) {
            const next = await nextObject();
            if (!next)
                break;
            addRow(next.obj, next.line);
        }
        if (table.columns.length === 0 && fileCols.length === 0) {
            throw new errors_InputError(`${file}: its objects have no fields (or none that are read); each line needs {"column": value, ...}.`, { file });
        }
        table.endFile(file, rows, fileCols.map((c) => c.name));
    }
    finally {
        await reader.close();
    }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/constants.js

/** @type {import('../src/types.d.ts').ParquetType[]} */
const ParquetTypes = [
  'BOOLEAN',
  'INT32',
  'INT64',
  'INT96', // deprecated
  'FLOAT',
  'DOUBLE',
  'BYTE_ARRAY',
  'FIXED_LEN_BYTE_ARRAY',
]

/** @type {import('../src/types.d.ts').Encoding[]} */
const Encodings = [
  'PLAIN',
  'GROUP_VAR_INT', // deprecated
  'PLAIN_DICTIONARY',
  'RLE',
  'BIT_PACKED', // deprecated
  'DELTA_BINARY_PACKED',
  'DELTA_LENGTH_BYTE_ARRAY',
  'DELTA_BYTE_ARRAY',
  'RLE_DICTIONARY',
  'BYTE_STREAM_SPLIT',
  'ALP',
]

/** @type {import('../src/types.d.ts').FieldRepetitionType[]} */
const FieldRepetitionTypes = [
  'REQUIRED',
  'OPTIONAL',
  'REPEATED',
]

/** @type {import('../src/types.d.ts').ConvertedType[]} */
const ConvertedTypes = [
  'UTF8',
  'MAP',
  'MAP_KEY_VALUE',
  'LIST',
  'ENUM',
  'DECIMAL',
  'DATE',
  'TIME_MILLIS',
  'TIME_MICROS',
  'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS',
  'UINT_8',
  'UINT_16',
  'UINT_32',
  'UINT_64',
  'INT_8',
  'INT_16',
  'INT_32',
  'INT_64',
  'JSON',
  'BSON',
  'INTERVAL',
]

/** @type {import('../src/types.d.ts').CompressionCodec[]} */
const CompressionCodecs = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'LZO',
  'BROTLI',
  'LZ4',
  'ZSTD',
  'LZ4_RAW',
]

/** @type {import('../src/types.d.ts').PageType[]} */
const PageTypes = [
  'DATA_PAGE',
  'INDEX_PAGE',
  'DICTIONARY_PAGE',
  'DATA_PAGE_V2',
]

/** @type {import('../src/types.d.ts').BoundaryOrder[]} */
const BoundaryOrders = (/* unused pure expression or super */ null && ([
  'UNORDERED',
  'ASCENDING',
  'DESCENDING',
]))

/** @type {import('../src/types.d.ts').EdgeInterpolationAlgorithm[]} */
const EdgeInterpolationAlgorithms = [
  'SPHERICAL',
  'VINCENTY',
  'THOMAS',
  'ANDOYER',
  'KARNEY',
]

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/wkb.js
/**
 * WKB (Well-Known Binary) decoder for geometry objects.
 *
 * @param {DataReader} reader
 * @returns {Geometry} geometry object
 */
function wkbToGeojson(reader) {
  const flags = getFlags(reader)

  if (flags.type === 1) { // Point
    return { type: 'Point', coordinates: readPosition(reader, flags) }
  } else if (flags.type === 2) { // LineString
    return { type: 'LineString', coordinates: readLine(reader, flags) }
  } else if (flags.type === 3) { // Polygon
    return { type: 'Polygon', coordinates: readPolygon(reader, flags) }
  } else if (flags.type === 4) { // MultiPoint
    const points = []
    for (let i = 0; i < flags.count; i++) {
      points.push(readPosition(reader, getFlags(reader)))
    }
    return { type: 'MultiPoint', coordinates: points }
  } else if (flags.type === 5) { // MultiLineString
    const lines = []
    for (let i = 0; i < flags.count; i++) {
      lines.push(readLine(reader, getFlags(reader)))
    }
    return { type: 'MultiLineString', coordinates: lines }
  } else if (flags.type === 6) { // MultiPolygon
    const polygons = []
    for (let i = 0; i < flags.count; i++) {
      polygons.push(readPolygon(reader, getFlags(reader)))
    }
    return { type: 'MultiPolygon', coordinates: polygons }
  } else if (flags.type === 7) { // GeometryCollection
    const geometries = []
    for (let i = 0; i < flags.count; i++) {
      geometries.push(wkbToGeojson(reader))
    }
    return { type: 'GeometryCollection', geometries }
  } else {
    throw new Error(`Unsupported geometry type: ${flags.type}`)
  }
}

/**
 * Extract ISO WKB flags and base geometry type.
 *
 * @param {DataReader} reader
 * @returns {WkbFlags}
 */
function getFlags(reader) {
  const { view } = reader
  const littleEndian = view.getUint8(reader.offset++) === 1
  const rawType = view.getUint32(reader.offset, littleEndian)
  reader.offset += 4

  const type = rawType % 1000
  const flags = Math.floor(rawType / 1000)

  let count = 0
  if (type > 1 && type <= 7) {
    count = view.getUint32(reader.offset, littleEndian)
    reader.offset += 4
  }

  // XY, XYZ, XYM, XYZM
  let dim = 2
  if (flags) dim++
  if (flags === 3) dim++

  return { littleEndian, type, dim, count }
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[]}
 */
function readPosition(reader, flags) {
  const points = []
  for (let i = 0; i < flags.dim; i++) {
    const coord = reader.view.getFloat64(reader.offset, flags.littleEndian)
    reader.offset += 8
    points.push(coord)
  }
  return points
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[][]}
 */
function readLine(reader, flags) {
  const points = []
  for (let i = 0; i < flags.count; i++) {
    points.push(readPosition(reader, flags))
  }
  return points
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[][][]}
 */
function readPolygon(reader, flags) {
  const { view } = reader
  const rings = []
  for (let r = 0; r < flags.count; r++) {
    const count = view.getUint32(reader.offset, flags.littleEndian)
    reader.offset += 4
    rings.push(readLine(reader, { ...flags, count }))
  }
  return rings
}

/**
 * @typedef {object} WkbFlags
 * @property {boolean} littleEndian
 * @property {number} type
 * @property {number} dim
 * @property {number} count
 */

/**
 * @import {DataReader, Geometry} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/convert.js


/**
 * @import {ColumnDecoder, DecodedArray, Encoding, ParquetParsers} from '../src/types.js'
 */

const decoder = new TextDecoder()

/**
 * Default type parsers when no custom ones are given
 * @type ParquetParsers
 */
const DEFAULT_PARSERS = {
  timestampFromMilliseconds(millis) {
    return new Date(Number(millis))
  },
  timestampFromMicroseconds(micros) {
    return new Date(Number(micros / 1000n))
  },
  timestampFromNanoseconds(nanos) {
    return new Date(Number(nanos / 1000000n))
  },
  dateFromDays(days) {
    return new Date(days * 86400000)
  },
  stringFromBytes(bytes) {
    return bytes && decoder.decode(bytes)
  },
  jsonFromBytes(bytes) {
    return bytes && JSON.parse(decoder.decode(bytes))
  },
  geometryFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 })
  },
  geographyFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 })
  },
  uuidFromBytes(bytes) {
    if (!bytes) return undefined
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20, 32)
  },
}

/**
 * Convert known types from primitive to rich, and dereference dictionary.
 *
 * @param {DecodedArray} data series of primitive types
 * @param {DecodedArray | undefined} dictionary
 * @param {Encoding} encoding
 * @param {ColumnDecoder} columnDecoder
 * @returns {DecodedArray} series of rich types
 */
function convert_convertWithDictionary(data, dictionary, encoding, columnDecoder) {
  if (dictionary && encoding.endsWith('_DICTIONARY')) {
    let output = data
    if (data instanceof Uint8Array && !(dictionary instanceof Uint8Array)) {
      // @ts-expect-error upgrade data to match dictionary type with fancy constructor
      output = new dictionary.constructor(data.length)
    }
    for (let i = 0; i < data.length; i++) {
      output[i] = dictionary[data[i]]
    }
    return output
  } else {
    return convert_convert(data, columnDecoder)
  }
}

/**
 * Convert known types from primitive to rich.
 *
 * @param {DecodedArray} data series of primitive types
 * @param {ColumnDecoder} columnDecoder
 * @returns {DecodedArray} series of rich types
 */
function convert_convert(data, columnDecoder) {
  const { element, parsers, utf8 = true, schemaPath } = columnDecoder
  const { type, converted_type: ctype, logical_type: ltype } = element
  const nullable = element.repetition_type !== 'REQUIRED'

  // FILE inline data is binary, even when utf8 conversion is enabled.
  if (type === 'BYTE_ARRAY' && element.name === 'inline' && schemaPath?.at(-2)?.element.logical_type?.type === 'FILE') {
    return data
  }

  // Skip utf8 conversion for plain BYTE_ARRAY inside VARIANT
  const isVariant = schemaPath?.some(s => s.element.logical_type?.type === 'VARIANT')
  if (isVariant && type === 'BYTE_ARRAY' && ctype !== 'UTF8' && ltype?.type !== 'STRING') {
    return data
  }
  if (ctype === 'DECIMAL') {
    const scale = element.scale || 0
    // divide rather than multiply by 10 ** -scale, which is inexact
    // (3 * 10 ** -1 is 0.30000000000000004, 3 / 10 ** 1 is 0.3)
    const factor = 10 ** scale
    const arr = new Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      if (data[i] instanceof Uint8Array) {
        // Large scales can overflow the divisor while the result is still representable.
        arr[i] = scale > 308 ? parseDecimal(data[i]) * 10 ** -scale : parseDecimal(data[i]) / factor
      } else {
        arr[i] = Number(data[i]) / factor
      }
    }
    return arr
  }
  if (!ctype && type === 'INT96') {
    return Array.from(data).map(v => parsers.timestampFromNanoseconds(parseInt96Nanos(v)))
  }
  if (ctype === 'DATE') {
    return Array.from(data).map(v => parsers.dateFromDays(v))
  }
  if (ctype === 'TIMESTAMP_MILLIS') {
    return Array.from(data).map(v => parsers.timestampFromMilliseconds(v))
  }
  if (ctype === 'TIMESTAMP_MICROS') {
    return Array.from(data).map(v => parsers.timestampFromMicroseconds(v))
  }
  if (ctype === 'JSON') {
    return data.map(v => parsers.jsonFromBytes(v))
  }
  if (ctype === 'BSON') {
    throw new Error('parquet bson not supported')
  }
  if (ctype === 'INTERVAL') {
    throw new Error('parquet interval not supported')
  }
  if (ltype?.type === 'GEOMETRY') {
    return data.map(v => parsers.geometryFromBytes(v))
  }
  if (ltype?.type === 'GEOGRAPHY') {
    return data.map(v => parsers.geographyFromBytes(v))
  }
  if (ltype?.type === 'UUID') {
    return data.map(v => parsers.uuidFromBytes(v))
  }
  if (ctype === 'UTF8' || ltype?.type === 'STRING' || utf8 && type === 'BYTE_ARRAY') {
    return data.map(v => parsers.stringFromBytes(v))
  }
  if (ctype === 'UINT_64' || ltype?.type === 'INTEGER' && ltype.bitWidth === 64 && !ltype.isSigned) {
    if (data instanceof BigInt64Array) return new BigUint64Array(data.buffer, data.byteOffset, data.length)
    const arr = nullable ? new Array(data.length) : new BigUint64Array(data.length)
    for (let i = 0; i < arr.length; i++) arr[i] = data[i]
    return arr
  }
  if (ctype === 'UINT_32' || ltype?.type === 'INTEGER' && ltype.bitWidth === 32 && !ltype.isSigned) {
    if (data instanceof Int32Array) return new Uint32Array(data.buffer, data.byteOffset, data.length)
    const arr = nullable ? new Array(data.length) : new Uint32Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      arr[i] = data[i] < 0 ? 4294967296 + data[i] : data[i]
    }
    return arr
  }
  if (ltype?.type === 'FLOAT16') {
    return Array.from(data).map(parseFloat16)
  }
  if (ltype?.type === 'TIMESTAMP') {
    const { unit } = ltype
    /** @type {ParquetParsers[keyof ParquetParsers]} */
    let parser = parsers.timestampFromMilliseconds
    if (unit === 'MICROS') parser = parsers.timestampFromMicroseconds
    if (unit === 'NANOS') parser = parsers.timestampFromNanoseconds
    const arr = new Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      arr[i] = parser(data[i])
    }
    return arr
  }
  return data
}

/**
 * @param {Uint8Array} bytes
 * @returns {number}
 */
function parseDecimal(bytes) {
  if (!bytes.length) return 0

  let value = 0n
  for (const byte of bytes) {
    value = value * 256n + BigInt(byte)
  }

  // handle signed
  const bits = bytes.length * 8
  if (value >= 2n ** BigInt(bits - 1)) {
    value -= 2n ** BigInt(bits)
  }

  return Number(value)
}

/**
 * Converts INT96 date format (hi 32bit days, lo 64bit nanos) to nanos since epoch
 * @param {bigint} value
 * @returns {bigint}
 */
function parseInt96Nanos(value) {
  const days = (value >> 64n) - 2440588n
  const nano = value & 0xffffffffffffffffn
  return days * 86400000000000n + nano
}

/**
 * @param {Uint8Array | undefined} bytes
 * @returns {number | undefined}
 */
function parseFloat16(bytes) {
  if (!bytes) return undefined
  const int16 = bytes[1] << 8 | bytes[0]
  const sign = int16 >> 15 ? -1 : 1
  const exp = int16 >> 10 & 0x1f
  const frac = int16 & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024) // subnormals
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/schema.js
/**
 * Build a tree from the schema elements.
 *
 * @param {SchemaElement[]} schema
 * @param {number} rootIndex index of the root element
 * @param {string[]} path path to the element
 * @returns {SchemaTree} tree of schema elements
 */
function schemaTree(schema, rootIndex, path) {
  const element = schema[rootIndex]
  const children = []
  let count = 1

  // Read the specified number of children
  if (element.num_children) {
    while (children.length < element.num_children) {
      const childElement = schema[rootIndex + count]
      const child = schemaTree(schema, rootIndex + count, [...path, childElement.name])
      count += child.count
      children.push(child)
    }
  }

  return { count, element, children, path }
}

/**
 * Get schema elements from the root to the given element name.
 *
 * @param {SchemaElement[]} schema
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function getSchemaPath(schema, name) {
  return getTreePath(schemaTree(schema, 0, []), name)
}

/**
 * Get schema tree nodes from the root of a prebuilt tree to the given element name.
 *
 * @param {SchemaTree} tree root of the schema tree
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function getTreePath(tree, name) {
  const path = [tree]
  for (const part of name) {
    const child = tree.children.find(child => child.element.name === part)
    if (!child) throw new Error(`parquet schema element not found: ${name}`)
    path.push(child)
    tree = child
  }
  return path
}

/**
 * Get all physical (leaf) column names.
 *
 * @param {SchemaTree} schemaTree
 * @returns {string[]} list of physical column names
 */
function getPhysicalColumns(schemaTree) {
  /** @type {string[]} */
  const columns = []
  /** @param {SchemaTree} node */
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) {
        traverse(child)
      }
    } else {
      columns.push(node.path.join('.'))
    }
  }
  traverse(schemaTree)
  return columns
}

/**
 * Get the max repetition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max repetition level
 */
function schema_getMaxRepetitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath) {
    if (element.repetition_type === 'REPEATED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Get the max definition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max definition level
 */
function schema_getMaxDefinitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath.slice(1)) {
    if (element.repetition_type !== 'REQUIRED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Check if a column is list-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if list-like
 */
function isListLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'LIST') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length > 1) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  return true
}

/**
 * Check if a column is map-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if map-like
 */
function isMapLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'MAP') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length !== 2) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  const keyChild = firstChild.children.find(child => child.element.name === 'key')
  if (keyChild?.element.repetition_type === 'REPEATED') return false

  const valueChild = firstChild.children.find(child => child.element.name === 'value')
  if (valueChild?.element.repetition_type === 'REPEATED') return false

  return true
}

/**
 * Returns true if a column is non-nested.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {boolean}
 */
function schema_isFlatColumn(schemaPath) {
  if (schemaPath.length !== 2) return false
  const [, column] = schemaPath
  if (column.element.repetition_type === 'REPEATED') return false
  if (column.children.length) return false
  return true
}

/**
 * @import {SchemaElement, SchemaTree} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/thrift.js
/**
 * @import {DataReader, ThriftObject, ThriftType} from '../src/types.js'
 */

// TCompactProtocol types
const STOP = 0
const TRUE = 1
const FALSE = 2
const BYTE = 3
const I16 = 4
const I32 = 5
const I64 = 6
const DOUBLE = 7
const BINARY = 8
const LIST = 9
const STRUCT = 12

/**
 * Parse TCompactProtocol
 *
 * @param {DataReader} reader
 * @returns {{ [key: `field_${number}`]: any }}
 */
function deserializeTCompactProtocol(reader) {
  /** @type {ThriftObject} */
  const value = {}
  let fid = 0

  while (true) {
    if (reader.offset >= reader.view.byteLength) throw new Error('thrift struct ended without STOP')
    // Parse each field based on its type and add to the result object
    const byte = reader.view.getUint8(reader.offset++)
    const type = byte & 0x0f
    if (type === STOP) break
    const delta = byte >> 4
    fid = delta ? fid + delta : readZigZag(reader)
    value[`field_${fid}`] = readElement(reader, type)
  }

  return value
}

/**
 * Read a single element based on its type
 *
 * @param {DataReader} reader
 * @param {number} type
 * @returns {ThriftType}
 */
function readElement(reader, type) {
  switch (type) {
  case TRUE:
    return true
  case FALSE:
    return false
  case BYTE:
    return reader.view.getInt8(reader.offset++)
  case I16:
  case I32:
    return readZigZag(reader)
  case I64:
    return readZigZagBigInt(reader)
  case DOUBLE: {
    const value = reader.view.getFloat64(reader.offset, true)
    reader.offset += 8
    return value
  }
  case BINARY: {
    const stringLength = thrift_readVarInt(reader)
    if (reader.offset + stringLength > reader.view.byteLength) {
      throw new Error(`thrift binary length ${stringLength} exceeds remaining ${reader.view.byteLength - reader.offset} bytes`)
    }
    const strBytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, stringLength)
    reader.offset += stringLength
    return strBytes
  }
  case LIST: {
    const byte = reader.view.getUint8(reader.offset++)
    const elemType = byte & 0x0f
    let listSize = byte >> 4
    if (listSize === 15) {
      listSize = thrift_readVarInt(reader)
    }
    const boolType = elemType === TRUE || elemType === FALSE
    const values = new Array(listSize)
    for (let i = 0; i < listSize; i++) {
      values[i] = boolType ? readElement(reader, BYTE) === 1 : readElement(reader, elemType)
    }
    return values
  }
  case STRUCT:
    // main function handles struct parsing
    return deserializeTCompactProtocol(reader)
  default:
    // MAP, SET, UUID not used by parquet
    throw new Error(`thrift unhandled type: ${type}`)
  }
}

/**
 * Read varint aka Unsigned LEB128.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function thrift_readVarInt(reader) {
  let result = 0
  let shift = 0
  while (true) {
    // Read groups of 7 low bits until high bit is 0
    const byte = reader.view.getUint8(reader.offset++)
    result |= (byte & 0x7f) << shift
    if (!(byte & 0x80)) {
      return result
    }
    shift += 7
  }
}

/**
 * Read a varint as a bigint.
 *
 * @param {DataReader} reader
 * @returns {bigint}
 */
function readVarBigInt(reader) {
  let result = 0n
  let shift = 0n
  while (true) {
    const byte = reader.view.getUint8(reader.offset++)
    result |= BigInt(byte & 0x7f) << shift
    if (!(byte & 0x80)) {
      return result
    }
    shift += 7n
  }
}

/**
 * Read a zigzag number.
 * Zigzag folds positive and negative numbers into the positive number space.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readZigZag(reader) {
  const zigzag = thrift_readVarInt(reader)
  return zigzag >>> 1 ^ -(zigzag & 1)
}

/**
 * Read a zigzag bigint.
 *
 * @param {DataReader} reader
 * @returns {bigint}
 */
function readZigZagBigInt(reader) {
  const zigzag = readVarBigInt(reader)
  return zigzag >> 1n ^ -(zigzag & 1n)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/geoparquet.js
/**
 * @param {SchemaElement[]} schema
 * @param {KeyValue[] | undefined} key_value_metadata
 * @returns {void}
 */
function markGeoColumns(schema, key_value_metadata) {
  // Prepare the list of GeoParquet columns
  /** @type {Map<string, LogicalType>} */
  const columns = new Map()
  const geo = key_value_metadata?.find(({ key }) => key === 'geo')?.value
  const decodedColumns = (geo && JSON.parse(geo)?.columns) ?? {}
  for (const [name, column] of Object.entries(decodedColumns)) {
    if (column.encoding !== 'WKB') continue

    const type = column.edges === 'spherical' ? 'GEOGRAPHY' : 'GEOMETRY'
    const id = column.crs?.id ?? column.crs?.ids?.[0]
    const crs = id ? `${id.authority}:${id.code.toString()}` : undefined
    // Note: we can't infer GEOGRAPHY's algorithm from GeoParquet
    columns.set(name, { type, crs })
  }

  // Mark schema elements with logical type
  // Only look at root-level columns of type BYTE_ARRAY without existing logical_type
  for (let i = 1; i < schema.length; i++) { // skip root
    const { logical_type, name, num_children, type } = schema[i]
    if (num_children) {
      i += num_children
      continue // skip the element and its children
    }
    if (type === 'BYTE_ARRAY' && !logical_type) {
      schema[i].logical_type = columns.get(name)
    }
  }
}

/**
 * @import {KeyValue, LogicalType, SchemaElement} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/metadata.js






/**
 * @import {AsyncBuffer, FileMetaData, KeyValue, LogicalType, MetadataOptions, MinMaxType, ParquetParsers, SchemaElement, SchemaTree, Statistics, TimeUnit} from '../src/types.js'
 */

const defaultInitialFetchSize = 1 << 19 // 512kb

const metadata_decoder = new TextDecoder()
function decode(/** @type {Uint8Array} */ value) {
  return value && metadata_decoder.decode(value)
}

/**
 * Read parquet metadata from an async buffer.
 *
 * An AsyncBuffer is like an ArrayBuffer, but the slices are loaded
 * asynchronously, possibly over the network.
 *
 * You must provide the byteLength of the buffer, typically from a HEAD request.
 *
 * In theory, you could use suffix-range requests to fetch the end of the file,
 * and save a round trip. But in practice, this doesn't work because chrome
 * deems suffix-range requests as a not-safe-listed header, and will require
 * a pre-flight. So the byteLength is required.
 *
 * To make this efficient, we initially request the last 512kb of the file,
 * which is likely to contain the metadata. If the metadata length exceeds the
 * initial fetch, 512kb, we request the rest of the metadata from the AsyncBuffer.
 *
 * This ensures that we either make one 512kb initial request for the metadata,
 * or a second request for up to the metadata size.
 *
 * @param {AsyncBuffer} asyncBuffer parquet file contents
 * @param {MetadataOptions & { initialFetchSize?: number }} options initial fetch size in bytes (default 512kb)
 * @returns {Promise<FileMetaData>} parquet metadata object
 */
async function parquetMetadataAsync(asyncBuffer, { parsers, initialFetchSize = defaultInitialFetchSize, geoparquet = true } = {}) {
  if (!asyncBuffer || !(asyncBuffer.byteLength >= 0)) throw new Error('parquet expected AsyncBuffer')

  // fetch last bytes (footer) of the file
  const footerOffset = Math.max(0, asyncBuffer.byteLength - initialFetchSize)
  const footerBuffer = await asyncBuffer.slice(footerOffset, asyncBuffer.byteLength)

  // Check for parquet magic number "PAR1"
  const footerView = new DataView(footerBuffer)
  if (footerView.getUint32(footerBuffer.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLength = footerView.getUint32(footerBuffer.byteLength - 8, true)
  if (metadataLength > asyncBuffer.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${asyncBuffer.byteLength - 8}`)
  }

  // check if metadata size fits inside the initial fetch
  if (metadataLength + 8 > initialFetchSize) {
    // fetch the rest of the metadata
    const metadataOffset = asyncBuffer.byteLength - metadataLength - 8
    const metadataBuffer = await asyncBuffer.slice(metadataOffset, footerOffset)
    // combine initial fetch with the new slice
    const combinedBuffer = new ArrayBuffer(metadataLength + 8)
    const combinedView = new Uint8Array(combinedBuffer)
    combinedView.set(new Uint8Array(metadataBuffer))
    combinedView.set(new Uint8Array(footerBuffer), footerOffset - metadataOffset)
    return parquetMetadata(combinedBuffer, { parsers, geoparquet })
  } else {
    // parse metadata from the footer
    return parquetMetadata(footerBuffer, { parsers, geoparquet })
  }
}

/**
 * Read parquet metadata from a buffer synchronously.
 *
 * @param {ArrayBuffer | Uint8Array} arrayBuffer parquet file footer
 * @param {MetadataOptions} options metadata parsing options
 * @returns {FileMetaData} parquet metadata object
 */
function parquetMetadata(arrayBuffer, { parsers, geoparquet = true } = {}) {
  let view
  if (arrayBuffer instanceof ArrayBuffer) {
    view = new DataView(arrayBuffer)
  } else if (arrayBuffer instanceof Uint8Array) {
    view = new DataView(arrayBuffer.buffer, arrayBuffer.byteOffset, arrayBuffer.byteLength)
  } else {
    throw new Error('parquet expected ArrayBuffer or Uint8Array')
  }

  // Use default parsers if not given
  const allParsers = { ...DEFAULT_PARSERS, ...parsers }

  // Validate footer magic number "PAR1"
  if (view.byteLength < 8) {
    throw new Error('parquet file is too short')
  }
  if (view.getUint32(view.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLengthOffset = view.byteLength - 8
  const metadataLength = view.getUint32(metadataLengthOffset, true)
  if (metadataLength > view.byteLength - 8) {
    // {metadata}, metadata_length, PAR1
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${view.byteLength - 8}`)
  }

  const metadataOffset = metadataLengthOffset - metadataLength
  const reader = { view, offset: metadataOffset }
  const metadata = deserializeTCompactProtocol(reader)

  // Parse metadata from thrift data
  const version = metadata.field_1
  /** @type {SchemaElement[]} */
  const schema = metadata.field_2.map((/** @type {any} */ field) => ({
    type: ParquetTypes[field.field_1],
    type_length: field.field_2,
    repetition_type: FieldRepetitionTypes[field.field_3],
    name: decode(field.field_4),
    num_children: field.field_5,
    converted_type: ConvertedTypes[field.field_6],
    scale: field.field_7,
    precision: field.field_8,
    field_id: field.field_9,
    logical_type: logicalType(field.field_10),
  }))
  // schema element per column index
  const columnSchema = schema.filter(e => e.type)
  const num_rows = metadata.field_3
  const row_groups = metadata.field_4.map((/** @type {any} */ rowGroup) => ({
    columns: rowGroup.field_1.map((/** @type {any} */ column, /** @type {number} */ columnIndex) => ({
      file_path: decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((/** @type {number} */ e) => Encodings[e]),
        path_in_schema: column.field_3.field_3.map(decode),
        codec: CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((/** @type {any} */ kv) => ({
          key: decode(kv.field_1),
          value: decode(kv.field_2),
        })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: convertStats(column.field_3.field_12, columnSchema[columnIndex], allParsers),
        encoding_stats: column.field_3.field_13?.map((/** @type {any} */ encodingStat) => ({
          page_type: PageTypes[encodingStat.field_1],
          encoding: Encodings[encodingStat.field_2],
          count: encodingStat.field_3,
        })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3,
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8,
          },
          geospatial_types: column.field_3.field_17.field_2,
        },
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9,
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((/** @type {any} */ sortingColumn) => ({
      column_idx: sortingColumn.field_1,
      descending: sortingColumn.field_2,
      nulls_first: sortingColumn.field_3,
    })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7,
  }))
  /** @type {KeyValue[] | undefined} */
  const key_value_metadata = metadata.field_5?.map((/** @type {any} */ kv) => ({
    key: decode(kv.field_1),
    value: decode(kv.field_2),
  }))
  const created_by = decode(metadata.field_6)

  if (geoparquet) {
    markGeoColumns(schema, key_value_metadata)
  }

  return {
    version,
    schema,
    num_rows,
    row_groups,
    key_value_metadata,
    created_by,
    metadata_length: metadataLength,
  }
}

/**
 * Return a tree of schema elements from parquet metadata.
 *
 * @param {{schema: SchemaElement[]}} metadata parquet metadata object
 * @returns {SchemaTree} tree of schema elements
 */
function parquetSchema({ schema }) {
  return getSchemaPath(schema, [])[0]
}

/**
 * @param {any} logicalType
 * @returns {LogicalType | undefined}
 */
function logicalType(logicalType) {
  if (logicalType?.field_1) return { type: 'STRING' }
  if (logicalType?.field_2) return { type: 'MAP' }
  if (logicalType?.field_3) return { type: 'LIST' }
  if (logicalType?.field_4) return { type: 'ENUM' }
  if (logicalType?.field_5) return {
    type: 'DECIMAL',
    scale: logicalType.field_5.field_1,
    precision: logicalType.field_5.field_2,
  }
  if (logicalType?.field_6) return { type: 'DATE' }
  if (logicalType?.field_7) return {
    type: 'TIME',
    isAdjustedToUTC: logicalType.field_7.field_1,
    unit: timeUnit(logicalType.field_7.field_2),
  }
  if (logicalType?.field_8) return {
    type: 'TIMESTAMP',
    isAdjustedToUTC: logicalType.field_8.field_1,
    unit: timeUnit(logicalType.field_8.field_2),
  }
  if (logicalType?.field_10) return {
    type: 'INTEGER',
    bitWidth: logicalType.field_10.field_1,
    isSigned: logicalType.field_10.field_2,
  }
  if (logicalType?.field_11) return { type: 'NULL' }
  if (logicalType?.field_12) return { type: 'JSON' }
  if (logicalType?.field_13) return { type: 'BSON' }
  if (logicalType?.field_14) return { type: 'UUID' }
  if (logicalType?.field_15) return { type: 'FLOAT16' }
  if (logicalType?.field_16) return {
    type: 'VARIANT',
    specification_version: logicalType.field_16.field_1,
  }
  if (logicalType?.field_17) return {
    type: 'GEOMETRY',
    crs: decode(logicalType.field_17.field_1),
  }
  if (logicalType?.field_18) return {
    type: 'GEOGRAPHY',
    crs: decode(logicalType.field_18.field_1),
    algorithm: EdgeInterpolationAlgorithms[logicalType.field_18.field_2],
  }
  if (logicalType?.field_19) return { type: 'FILE' }
  return logicalType
}

/**
 * @param {any} unit
 * @returns {TimeUnit}
 */
function timeUnit(unit) {
  if (unit.field_1) return 'MILLIS'
  if (unit.field_2) return 'MICROS'
  if (unit.field_3) return 'NANOS'
  throw new Error('parquet time unit required')
}

/**
 * Convert column statistics based on column type.
 *
 * @param {any} stats
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {Statistics}
 */
function convertStats(stats, schema, parsers) {
  return stats && {
    max: convertMetadata(stats.field_1, schema, parsers),
    min: convertMetadata(stats.field_2, schema, parsers),
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: convertMetadata(stats.field_5, schema, parsers),
    min_value: convertMetadata(stats.field_6, schema, parsers),
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8,
  }
}

/**
 * @param {Uint8Array | undefined} value
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {MinMaxType | undefined}
 */
function convertMetadata(value, schema, parsers) {
  const { type, converted_type, logical_type } = schema
  if (value === undefined) return value
  if (type === 'BOOLEAN') return value[0] === 1
  if (type === 'BYTE_ARRAY') return parsers.stringFromBytes(value)
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
  if (type === 'FLOAT' && view.byteLength === 4) return view.getFloat32(0, true)
  if (type === 'DOUBLE' && view.byteLength === 8) return view.getFloat64(0, true)
  if (type === 'INT32' && converted_type === 'DECIMAL' && view.byteLength === 4) {
    return view.getInt32(0, true) / 10 ** (schema.scale || 0)
  }
  if (type === 'INT64' && converted_type === 'DECIMAL' && view.byteLength === 8) {
    return Number(view.getBigInt64(0, true)) / 10 ** (schema.scale || 0)
  }
  if (type === 'INT32' && converted_type === 'DATE') return parsers.dateFromDays(view.getInt32(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MILLIS') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'NANOS') return parsers.timestampFromNanoseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  const unsigned = converted_type?.startsWith('UINT_') ||
    logical_type?.type === 'INTEGER' && !logical_type.isSigned
  if (type === 'INT32' && unsigned && view.byteLength === 4) return view.getUint32(0, true)
  if (type === 'INT64' && unsigned && view.byteLength === 8) return view.getBigUint64(0, true)
  if (type === 'INT32' && view.byteLength === 4) return view.getInt32(0, true)
  if (type === 'INT64' && view.byteLength === 8) return view.getBigInt64(0, true)
  if (converted_type === 'DECIMAL') {
    const scale = schema.scale || 0
    return scale > 308 ? parseDecimal(value) * 10 ** -scale : parseDecimal(value) / 10 ** scale
  }
  if (logical_type?.type === 'FLOAT16') return parseFloat16(value)
  if (logical_type?.type === 'UUID') return parsers.uuidFromBytes(value)
  if (type === 'FIXED_LEN_BYTE_ARRAY') return value
  // assert(false)
  return value
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/column.js
/**
 * @import {ColumnDecoder, DataReader, DecodedArray, PageHeader, PageResult, RowGroupSelect, Statistics, SubColumnData} from '../src/types.js'
 */









/**
 * Parse column data from a buffer.
 *
 * @param {DataReader} reader
 * @param {RowGroupSelect} rowGroupSelect row group selection
 * @param {ColumnDecoder} columnDecoder column decoder params
 * @param {(chunk: SubColumnData) => void} [onPage] callback for each page
 * @returns {{ data: DecodedArray[], skipped: number }}
 */
function readColumn(reader, { groupStart, selectStart, selectEnd }, columnDecoder, onPage) {
  const { pathInSchema, schemaPath } = columnDecoder
  const isFlat = isFlatColumn(schemaPath)
  /** @type {DecodedArray[]} */
  const chunks = []
  /** @type {DecodedArray | undefined} */
  let dictionary = undefined
  /** @type {DecodedArray | undefined} */
  let lastChunk = undefined
  let rowCount = 0
  let skipped = 0

  const emitLastChunk = onPage && (() => {
    lastChunk && onPage({
      pathInSchema,
      columnData: lastChunk,
      rowStart: groupStart + rowCount - lastChunk.length,
      rowEnd: groupStart + rowCount,
    })
  })

  while (isFlat ? rowCount < selectEnd : reader.offset < reader.view.byteLength - 1) {
    if (reader.offset >= reader.view.byteLength - 1) break // end of reader

    // read page header
    const header = parquetHeader(reader)
    if (header.type === 'DICTIONARY_PAGE') {
      const { data } = readPage(reader, header, columnDecoder, dictionary, undefined, 0)
      if (data) dictionary = convert(data, columnDecoder)
    } else {
      const lastChunkLength = lastChunk?.length || 0
      const result = readPage(reader, header, columnDecoder, dictionary, lastChunk, selectStart - rowCount)
      if (result.skipped) {
        // skipped page - just advance row count, don't add to chunks
        if (!chunks.length) {
          skipped += result.skipped
        }
        rowCount += result.skipped
      } else if (result.data && lastChunk === result.data) {
        // continued from previous page
        rowCount += result.data.length - lastChunkLength
      } else if (result.data && result.data.length) {
        emitLastChunk?.()
        chunks.push(result.data)
        rowCount += result.data.length
        lastChunk = result.data
      }
    }
  }
  emitLastChunk?.()

  return { data: chunks, skipped }
}

/**
 * Read a page (data or dictionary) from a buffer.
 *
 * @param {DataReader} reader
 * @param {PageHeader} header
 * @param {ColumnDecoder} columnDecoder
 * @param {DecodedArray | undefined} dictionary
 * @param {DecodedArray | undefined} previousChunk
 * @param {number} pageStart skip this many rows in the page
 * @returns {PageResult}
 */
function readPage(reader, header, columnDecoder, dictionary, previousChunk, pageStart) {
  const { type, element, schemaPath, codec, compressors } = columnDecoder
  // read compressed_page_size bytes
  const compressedBytes = new Uint8Array(
    reader.view.buffer, reader.view.byteOffset + reader.offset, header.compressed_page_size
  )
  reader.offset += header.compressed_page_size

  // parse page data by type
  if (header.type === 'DATA_PAGE') {
    const daph = header.data_page_header
    if (!daph) throw new Error('parquet data page header is undefined')

    // skip unnecessary non-nested pages
    if (pageStart > daph.num_values && isFlatColumn(schemaPath)) {
      return { skipped: daph.num_values }
    }

    const page = decompressPage(compressedBytes, Number(header.uncompressed_page_size), codec, compressors)
    const { definitionLevels, repetitionLevels, dataPage } = readDataPage(page, daph, columnDecoder)
    // assert(!daph.statistics?.null_count || daph.statistics.null_count === BigInt(daph.num_values - dataPage.length))

    // convert types, dereference dictionary, and assemble lists
    const values = convertWithDictionary(dataPage, dictionary, daph.encoding, columnDecoder)
    const output = Array.isArray(previousChunk) ? previousChunk : []
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath)
    return { skipped: 0, data: assembled }
  } else if (header.type === 'DATA_PAGE_V2') {
    const daph2 = header.data_page_header_v2
    if (!daph2) throw new Error('parquet data page header v2 is undefined')

    // skip unnecessary pages
    if (pageStart > daph2.num_rows) {
      return { skipped: daph2.num_rows }
    }

    const { definitionLevels, repetitionLevels, dataPage } =
      readDataPageV2(compressedBytes, header, columnDecoder)

    // convert types, dereference dictionary, and assemble lists
    const values = convertWithDictionary(dataPage, dictionary, daph2.encoding, columnDecoder)
    const output = Array.isArray(previousChunk) ? previousChunk : []
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath)
    return { skipped: 0, data: assembled }
  } else if (header.type === 'DICTIONARY_PAGE') {
    const diph = header.dictionary_page_header
    if (!diph) throw new Error('parquet dictionary page header is undefined')

    const page = decompressPage(
      compressedBytes, Number(header.uncompressed_page_size), codec, compressors
    )

    const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }
    const dictArray = readPlain(reader, type, diph.num_values, element.type_length)
    return { skipped: 0, data: dictArray }
  } else {
    throw new Error(`parquet unsupported page type: ${header.type}`)
  }
}

/**
 * Read a page header from a buffer, leaving the reader at the start of the page data.
 *
 * @param {DataReader} reader
 * @returns {PageHeader}
 */
function parquetHeader(reader) {
  const header = deserializeTCompactProtocol(reader)

  // Parse parquet header from thrift data
  const type = PageTypes[header.field_1]
  const uncompressed_page_size = header.field_2
  const compressed_page_size = header.field_3
  const crc = header.field_4
  const data_page_header = header.field_5 && {
    num_values: header.field_5.field_1,
    encoding: Encodings[header.field_5.field_2],
    definition_level_encoding: Encodings[header.field_5.field_3],
    repetition_level_encoding: Encodings[header.field_5.field_4],
    statistics: pageStatistics(header.field_5.field_5),
  }
  const index_page_header = header.field_6
  const dictionary_page_header = header.field_7 && {
    num_values: header.field_7.field_1,
    encoding: Encodings[header.field_7.field_2],
    is_sorted: header.field_7.field_3,
  }
  const data_page_header_v2 = header.field_8 && {
    num_values: header.field_8.field_1,
    num_nulls: header.field_8.field_2,
    num_rows: header.field_8.field_3,
    encoding: Encodings[header.field_8.field_4],
    definition_levels_byte_length: header.field_8.field_5,
    repetition_levels_byte_length: header.field_8.field_6,
    is_compressed: header.field_8.field_7 === undefined ? true : header.field_8.field_7, // default true
    statistics: pageStatistics(header.field_8.field_8),
  }

  return {
    type,
    uncompressed_page_size,
    compressed_page_size,
    crc,
    data_page_header,
    index_page_header,
    dictionary_page_header,
    data_page_header_v2,
  }
}

/**
 * @param {any} stats thrift Statistics struct
 * @returns {Statistics | undefined}
 */
function pageStatistics(stats) {
  return stats && {
    max: stats.field_1,
    min: stats.field_2,
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: stats.field_5,
    min_value: stats.field_6,
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8,
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/alp.js
/**
 * ALP (Adaptive Lossless floating-Point) encoding decoder.
 * Supports FLOAT and DOUBLE types.
 *
 * ALP encodes floating-point values by converting them to integers using
 * decimal scaling, then applying frame of reference (FOR) encoding and
 * bit-packing. Values that cannot be losslessly converted are stored as exceptions.
 *
 * See https://github.com/apache/parquet-format/blob/master/AlpEncoding.md
 */

// Correctly-rounded powers of ten (all exactly representable as doubles)
const alp_POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
  1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
]
const POW10_NEG = [
  1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9,
  1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15, 1e-16, 1e-17, 1e-18,
]
// float32 versions for FLOAT decoding (exponent range [0, 10])
const POW10F = alp_POW10.slice(0, 11).map(Math.fround)
const POW10F_NEG = POW10_NEG.slice(0, 11).map(Math.fround)

/**
 * Decode ALP encoded data.
 *
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.d.ts'
 * @param {DataReader} reader - data reader positioned at start of ALP data
 * @param {number} count - number of values to decode
 * @param {ParquetType} type - FLOAT or DOUBLE
 * @returns {DecodedArray} decoded float or double array
 */
function alp_alpDecode(reader, count, type) {
  if (type === 'FLOAT') {
    return alpDecodeFloat(reader, count)
  } else if (type === 'DOUBLE') {
    return alpDecodeDouble(reader, count)
  } else {
    throw new Error(`ALP encoding unsupported type: ${type}`)
  }
}

/**
 * Read the ALP page header and offset array, returning vector layout info.
 *
 * @param {DataReader} reader
 * @returns {{ vectorSize: number, numElements: number, numVectors: number, offsetArrayStart: number }}
 */
function readAlpHeader(reader) {
  const { view } = reader
  const compressionMode = view.getUint8(reader.offset++)
  if (compressionMode !== 0) {
    throw new Error(`ALP unsupported compression mode: ${compressionMode}`)
  }
  const integerEncoding = view.getUint8(reader.offset++)
  if (integerEncoding !== 0) {
    throw new Error(`ALP unsupported integer encoding: ${integerEncoding}`)
  }
  const logVectorSize = view.getUint8(reader.offset++)
  if (logVectorSize < 3 || logVectorSize > 15) {
    throw new Error(`ALP invalid log_vector_size: ${logVectorSize}`)
  }
  const vectorSize = 1 << logVectorSize
  const numElements = view.getInt32(reader.offset, true)
  reader.offset += 4
  const numVectors = Math.ceil(numElements / vectorSize)
  const offsetArrayStart = reader.offset
  reader.offset += numVectors * 4
  return { vectorSize, numElements, numVectors, offsetArrayStart }
}

/**
 * Decode ALP encoded float data.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float32Array}
 */
function alpDecodeFloat(reader, count) {
  const { view } = reader
  const { vectorSize, numElements, numVectors, offsetArrayStart } = readAlpHeader(reader)
  if (numElements !== count) {
    throw new Error(`ALP num_elements ${numElements} does not match expected ${count}`)
  }

  const output = new Float32Array(count)
  const outputBytes = new Uint8Array(output.buffer)

  for (let v = 0; v < numVectors; v++) {
    reader.offset = offsetArrayStart + view.getUint32(offsetArrayStart + v * 4, true)
    const outputOffset = v * vectorSize
    const n = Math.min(vectorSize, numElements - outputOffset)

    // AlpInfo (4 bytes)
    const exponent = view.getUint8(reader.offset++)
    const factor = view.getUint8(reader.offset++)
    const numExceptions = view.getUint16(reader.offset, true)
    reader.offset += 2

    // ForInfo (5 bytes)
    const frameOfReference = view.getInt32(reader.offset, true)
    reader.offset += 4
    const bitWidth = view.getUint8(reader.offset++)

    // PackedValues
    const deltas = unpackBits(reader, n, bitWidth)

    // Reverse FOR (wrapping int32) and decimal decode in float32 arithmetic
    const mulFactor = POW10F[factor]
    const mulExponent = POW10F_NEG[exponent]
    for (let i = 0; i < n; i++) {
      const encoded = deltas[i] + frameOfReference | 0
      output[outputOffset + i] = Math.fround(Math.fround(encoded) * mulFactor) * mulExponent
    }

    patchExceptions(reader, numExceptions, 4, outputBytes, outputOffset)
  }

  return output
}

/**
 * Decode ALP encoded double data.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float64Array}
 */
function alpDecodeDouble(reader, count) {
  const { view } = reader
  const { vectorSize, numElements, numVectors, offsetArrayStart } = readAlpHeader(reader)
  if (numElements !== count) {
    throw new Error(`ALP num_elements ${numElements} does not match expected ${count}`)
  }

  const output = new Float64Array(count)
  const outputBytes = new Uint8Array(output.buffer)

  for (let v = 0; v < numVectors; v++) {
    reader.offset = offsetArrayStart + view.getUint32(offsetArrayStart + v * 4, true)
    const outputOffset = v * vectorSize
    const n = Math.min(vectorSize, numElements - outputOffset)

    // AlpInfo (4 bytes)
    const exponent = view.getUint8(reader.offset++)
    const factor = view.getUint8(reader.offset++)
    const numExceptions = view.getUint16(reader.offset, true)
    reader.offset += 2

    // ForInfo (9 bytes)
    const frameOfReference = view.getBigInt64(reader.offset, true)
    reader.offset += 8
    const bitWidth = view.getUint8(reader.offset++)

    const mulFactor = alp_POW10[factor]
    const mulExponent = POW10_NEG[exponent]
    const forNumber = Number(frameOfReference)
    if (bitWidth <= 32 && Number.isSafeInteger(forNumber)) {
      // Fast path: deltas and frame of reference are exact as doubles,
      // so delta + FOR rounds identically to an int64 -> double cast.
      const deltas = unpackBits(reader, n, bitWidth)
      for (let i = 0; i < n; i++) {
        output[outputOffset + i] = (deltas[i] + forNumber) * mulFactor * mulExponent
      }
    } else {
      // Wide values: use BigInt for exact wrapping int64 arithmetic
      const deltas = unpackBitsBig(reader, n, bitWidth)
      for (let i = 0; i < n; i++) {
        const encoded = BigInt.asIntN(64, deltas[i] + frameOfReference)
        output[outputOffset + i] = Number(encoded) * mulFactor * mulExponent
      }
    }

    patchExceptions(reader, numExceptions, 8, outputBytes, outputOffset)
  }

  return output
}

/**
 * Read exception positions and values, and copy the raw IEEE-754 bytes
 * into the output (preserving NaN payloads bit-for-bit).
 *
 * @param {DataReader} reader
 * @param {number} numExceptions
 * @param {number} byteSize - 4 for float, 8 for double
 * @param {Uint8Array} outputBytes - byte view of the output array
 * @param {number} outputOffset - element index of the current vector
 */
function patchExceptions(reader, numExceptions, byteSize, outputBytes, outputOffset) {
  if (!numExceptions) return
  const { view } = reader
  const positionsStart = reader.offset
  const valuesStart = positionsStart + numExceptions * 2
  const source = new Uint8Array(view.buffer, view.byteOffset + valuesStart, numExceptions * byteSize)
  for (let e = 0; e < numExceptions; e++) {
    const pos = view.getUint16(positionsStart + e * 2, true)
    const dest = (outputOffset + pos) * byteSize
    outputBytes.set(source.subarray(e * byteSize, (e + 1) * byteSize), dest)
  }
  reader.offset = valuesStart + numExceptions * byteSize
}

/**
 * Unpack LSB-first bit-packed unsigned values with bitWidth <= 32.
 * Consumes ceil(count * bitWidth / 8) bytes from the reader.
 *
 * @param {DataReader} reader
 * @param {number} count - number of values to unpack
 * @param {number} bitWidth - bits per value
 * @returns {Uint32Array}
 */
function unpackBits(reader, count, bitWidth) {
  const output = new Uint32Array(count)
  if (!bitWidth) return output
  const { view } = reader
  const start = reader.offset
  const modulus = 2 ** bitWidth
  let bitPos = 0
  for (let i = 0; i < count; i++) {
    let byteIndex = start + (bitPos >>> 3)
    const shift = bitPos & 7
    // accumulate as a double to avoid 32-bit overflow (at most 40 bits needed)
    let value = view.getUint8(byteIndex++) >>> shift
    let bits = 8 - shift
    while (bits < bitWidth) {
      value += view.getUint8(byteIndex++) * 2 ** bits
      bits += 8
    }
    output[i] = value % modulus
    bitPos += bitWidth
  }
  reader.offset = start + Math.ceil(count * bitWidth / 8)
  return output
}

/**
 * Unpack LSB-first bit-packed unsigned values with bitWidth <= 64 as BigInts.
 * Consumes ceil(count * bitWidth / 8) bytes from the reader.
 *
 * @param {DataReader} reader
 * @param {number} count - number of values to unpack
 * @param {number} bitWidth - bits per value
 * @returns {BigUint64Array}
 */
function unpackBitsBig(reader, count, bitWidth) {
  const output = new BigUint64Array(count)
  if (!bitWidth) return output
  const { view } = reader
  const start = reader.offset
  const mask = (1n << BigInt(bitWidth)) - 1n
  let buffer = 0n
  let bitsInBuffer = 0
  let byteIndex = start
  for (let i = 0; i < count; i++) {
    while (bitsInBuffer < bitWidth) {
      buffer |= BigInt(view.getUint8(byteIndex++)) << BigInt(bitsInBuffer)
      bitsInBuffer += 8
    }
    output[i] = buffer & mask
    buffer >>= BigInt(bitWidth)
    bitsInBuffer -= bitWidth
  }
  reader.offset = start + Math.ceil(count * bitWidth / 8)
  return output
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/snappy.js
/**
 * The MIT License (MIT)
 * Copyright (c) 2016 Zhipeng Jia
 * https://github.com/zhipeng-jia/snappyjs
 */

const WORD_MASK = [0, 0xff, 0xffff, 0xffffff, 0xffffffff]

/**
 * Copy bytes from one array to another
 *
 * @param {Uint8Array} fromArray source array
 * @param {number} fromPos source position
 * @param {Uint8Array} toArray destination array
 * @param {number} toPos destination position
 * @param {number} length number of bytes to copy
 */
function copyBytes(fromArray, fromPos, toArray, toPos, length) {
  for (let i = 0; i < length; i++) {
    toArray[toPos + i] = fromArray[fromPos + i]
  }
}

/**
 * Decompress snappy data.
 * Accepts an output buffer to avoid allocating a new buffer for each call.
 *
 * @param {Uint8Array} input compressed data
 * @param {Uint8Array} output output buffer
 */
function snappyUncompress(input, output) {
  const inputLength = input.byteLength
  const outputLength = output.byteLength
  let pos = 0
  let outPos = 0

  // skip preamble (contains uncompressed length as varint)
  while (pos < inputLength) {
    const c = input[pos]
    pos++
    if (c < 128) {
      break
    }
  }
  if (outputLength && pos >= inputLength) {
    throw new Error('invalid snappy length header')
  }

  while (pos < inputLength) {
    const c = input[pos]
    let len = 0
    pos++

    if (pos >= inputLength) {
      throw new Error('missing eof marker')
    }

    // There are two types of elements, literals and copies (back references)
    if ((c & 0x3) === 0) {
      // Literals are uncompressed data stored directly in the byte stream
      let len = (c >>> 2) + 1
      // Longer literal length is encoded in multiple bytes
      if (len > 60) {
        if (pos + 3 >= inputLength) {
          throw new Error('snappy error literal pos + 3 >= inputLength')
        }
        const lengthSize = len - 60 // length bytes - 1
        len = input[pos]
          + (input[pos + 1] << 8)
          + (input[pos + 2] << 16)
          + (input[pos + 3] << 24)
        len = (len & WORD_MASK[lengthSize]) + 1
        pos += lengthSize
      }
      if (pos + len > inputLength) {
        throw new Error('snappy error literal exceeds input length')
      }
      copyBytes(input, pos, output, outPos, len)
      pos += len
      outPos += len
    } else {
      // Copy elements
      let offset = 0 // offset back from current position to read
      switch (c & 0x3) {
      case 1:
        // Copy with 1-byte offset
        len = (c >>> 2 & 0x7) + 4
        offset = input[pos] + (c >>> 5 << 8)
        pos++
        break
      case 2:
        // Copy with 2-byte offset
        if (inputLength <= pos + 1) {
          throw new Error('snappy error end of input')
        }
        len = (c >>> 2) + 1
        offset = input[pos] + (input[pos + 1] << 8)
        pos += 2
        break
      case 3:
        // Copy with 4-byte offset
        if (inputLength <= pos + 3) {
          throw new Error('snappy error end of input')
        }
        len = (c >>> 2) + 1
        offset = input[pos]
          + (input[pos + 1] << 8)
          + (input[pos + 2] << 16)
          + (input[pos + 3] << 24)
        pos += 4
        break
      default:
        break
      }
      if (offset === 0 || isNaN(offset)) {
        throw new Error(`invalid offset ${offset} pos ${pos} inputLength ${inputLength}`)
      }
      if (offset > outPos) {
        throw new Error('cannot copy from before start of buffer')
      }
      copyBytes(output, outPos - offset, output, outPos, len)
      outPos += len
    }
  }

  if (outPos !== outputLength) throw new Error('premature end of input')
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/datapage.js
/**
 * @import {ColumnDecoder, CompressionCodec, Compressors, DataPage, DataPageHeader, DataPageHeaderV2, DataReader, DecodedArray, PageHeader, SchemaTree} from '../src/types.js'
 */








/**
 * Read a data page from uncompressed reader.
 *
 * @param {Uint8Array} bytes raw page data (should already be decompressed)
 * @param {DataPageHeader} daph data page header
 * @param {ColumnDecoder} columnDecoder
 * @returns {DataPage} definition levels, repetition levels, and array of values
 */
function datapage_readDataPage(bytes, daph, { type, element, schemaPath }) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const reader = { view, offset: 0 }
  /** @type {DecodedArray} */
  let dataPage

  // repetition and definition levels
  const repetitionLevels = readRepetitionLevels(reader, daph, schemaPath)
  // assert(!repetitionLevels.length || repetitionLevels.length === daph.num_values)
  const { definitionLevels, numNulls } = readDefinitionLevels(reader, daph, schemaPath)
  // assert(!definitionLevels.length || definitionLevels.length === daph.num_values)

  // read values based on encoding
  const nValues = daph.num_values - numNulls
  if (daph.encoding === 'PLAIN') {
    dataPage = readPlain(reader, type, nValues, element.type_length)
  } else if (
    daph.encoding === 'PLAIN_DICTIONARY' ||
    daph.encoding === 'RLE_DICTIONARY' ||
    daph.encoding === 'RLE'
  ) {
    const bitWidth = type === 'BOOLEAN' ? 1 : view.getUint8(reader.offset++)
    if (bitWidth) {
      dataPage = new Array(nValues)
      if (type === 'BOOLEAN') {
        readRleBitPackedHybrid(reader, bitWidth, dataPage)
        dataPage = dataPage.map(x => !!x) // convert to boolean
      } else {
        // assert(daph.encoding.endsWith('_DICTIONARY'))
        readRleBitPackedHybrid(reader, bitWidth, dataPage, view.byteLength - reader.offset)
      }
    } else {
      dataPage = new Uint8Array(nValues) // nValue zeroes
    }
  } else if (daph.encoding === 'BYTE_STREAM_SPLIT') {
    dataPage = byteStreamSplit(reader, nValues, type, element.type_length)
  } else if (daph.encoding === 'ALP') {
    dataPage = alpDecode(reader, nValues, type)
  } else if (daph.encoding === 'DELTA_BINARY_PACKED') {
    const int32 = type === 'INT32'
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues)
    deltaBinaryUnpack(reader, nValues, dataPage)
  } else if (daph.encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaLengthByteArray(reader, nValues, dataPage)
  } else if (daph.encoding === 'DELTA_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaByteArray(reader, nValues, dataPage)
  } else {
    throw new Error(`parquet unsupported encoding: ${daph.encoding}`)
  }

  return { definitionLevels, repetitionLevels, dataPage }
}

/**
 * @param {DataReader} reader data view for the page
 * @param {DataPageHeader} daph data page header
 * @param {SchemaTree[]} schemaPath
 * @returns {any[]} repetition levels and number of bytes read
 */
function readRepetitionLevels(reader, daph, schemaPath) {
  if (schemaPath.length > 1) {
    const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath)
    if (maxRepetitionLevel) {
      const values = new Array(daph.num_values)
      readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values)
      return values
    }
  }
  return []
}

/**
 * @param {DataReader} reader data view for the page
 * @param {DataPageHeader} daph data page header
 * @param {SchemaTree[]} schemaPath
 * @returns {{ definitionLevels: number[], numNulls: number }} definition levels
 */
function readDefinitionLevels(reader, daph, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  if (!maxDefinitionLevel) return { definitionLevels: [], numNulls: 0 }

  const definitionLevels = new Array(daph.num_values)
  readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), definitionLevels)

  // count nulls
  let numNulls = daph.num_values
  for (const def of definitionLevels) {
    if (def === maxDefinitionLevel) numNulls--
  }
  if (numNulls === 0) definitionLevels.length = 0

  return { definitionLevels, numNulls }
}

/**
 * @param {Uint8Array} compressedBytes
 * @param {number} uncompressed_page_size
 * @param {CompressionCodec} codec
 * @param {Compressors | undefined} compressors
 * @returns {Uint8Array}
 */
function datapage_decompressPage(compressedBytes, uncompressed_page_size, codec, compressors) {
  /** @type {Uint8Array} */
  let page
  const customDecompressor = compressors?.[codec]
  if (codec === 'UNCOMPRESSED') {
    page = compressedBytes
  } else if (customDecompressor) {
    page = customDecompressor(compressedBytes, uncompressed_page_size)
  } else if (codec === 'SNAPPY') {
    page = new Uint8Array(uncompressed_page_size)
    snappyUncompress(compressedBytes, page)
  } else {
    throw new Error(`parquet unsupported compression codec: ${codec}`)
  }
  if (page?.length !== uncompressed_page_size) {
    throw new Error(`parquet decompressed page length ${page?.length} does not match header ${uncompressed_page_size}`)
  }
  return page
}


/**
 * Read a data page from the given Uint8Array.
 *
 * @param {Uint8Array} compressedBytes raw page data
 * @param {PageHeader} ph page header
 * @param {ColumnDecoder} columnDecoder
 * @returns {DataPage} definition levels, repetition levels, and array of values
 */
function datapage_readDataPageV2(compressedBytes, ph, columnDecoder) {
  const view = new DataView(compressedBytes.buffer, compressedBytes.byteOffset, compressedBytes.byteLength)
  const reader = { view, offset: 0 }
  const { type, element, schemaPath, codec, compressors } = columnDecoder
  const daph2 = ph.data_page_header_v2
  if (!daph2) throw new Error('parquet data page header v2 is undefined')

  // repetition levels
  const repetitionLevels = readRepetitionLevelsV2(reader, daph2, schemaPath)
  reader.offset = daph2.repetition_levels_byte_length // readVarInt() => len for boolean v2?

  // definition levels
  const definitionLevels = readDefinitionLevelsV2(reader, daph2, schemaPath)
  // assert(reader.offset === daph2.repetition_levels_byte_length + daph2.definition_levels_byte_length)

  const uncompressedPageSize = ph.uncompressed_page_size - daph2.definition_levels_byte_length - daph2.repetition_levels_byte_length

  let page = compressedBytes.subarray(reader.offset)
  // a page with no values may have zero compressed bytes, which is not a valid stream
  if (daph2.is_compressed !== false && uncompressedPageSize) {
    page = datapage_decompressPage(page, uncompressedPageSize, codec, compressors)
  }
  const pageView = new DataView(page.buffer, page.byteOffset, page.byteLength)
  const pageReader = { view: pageView, offset: 0 }

  // read values based on encoding
  /** @type {DecodedArray} */
  let dataPage
  const nValues = daph2.num_values - daph2.num_nulls
  if (daph2.encoding === 'PLAIN') {
    dataPage = readPlain(pageReader, type, nValues, element.type_length)
  } else if (daph2.encoding === 'RLE') {
    // assert(type === 'BOOLEAN')
    dataPage = new Array(nValues)
    readRleBitPackedHybrid(pageReader, 1, dataPage)
    dataPage = dataPage.map(x => !!x)
  } else if (
    daph2.encoding === 'PLAIN_DICTIONARY' ||
    daph2.encoding === 'RLE_DICTIONARY'
  ) {
    const bitWidth = pageView.getUint8(pageReader.offset++)
    dataPage = new Array(nValues)
    readRleBitPackedHybrid(pageReader, bitWidth, dataPage, uncompressedPageSize - 1)
  } else if (daph2.encoding === 'DELTA_BINARY_PACKED') {
    const int32 = type === 'INT32'
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues)
    deltaBinaryUnpack(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaLengthByteArray(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'DELTA_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaByteArray(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'BYTE_STREAM_SPLIT') {
    dataPage = byteStreamSplit(pageReader, nValues, type, element.type_length)
  } else if (daph2.encoding === 'ALP') {
    dataPage = alpDecode(pageReader, nValues, type)
  } else {
    throw new Error(`parquet unsupported encoding: ${daph2.encoding}`)
  }

  return { definitionLevels, repetitionLevels, dataPage }
}

/**
 * @param {DataReader} reader
 * @param {DataPageHeaderV2} daph2 data page header v2
 * @param {SchemaTree[]} schemaPath
 * @returns {any[]} repetition levels
 */
function readRepetitionLevelsV2(reader, daph2, schemaPath) {
  const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath)
  if (!maxRepetitionLevel) return []

  const values = new Array(daph2.num_values)
  readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values, daph2.repetition_levels_byte_length)
  return values
}

/**
 * @param {DataReader} reader
 * @param {DataPageHeaderV2} daph2 data page header v2
 * @param {SchemaTree[]} schemaPath
 * @returns {number[] | undefined} definition levels
 */
function readDefinitionLevelsV2(reader, daph2, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  if (maxDefinitionLevel) {
    // V2 we know the length
    const values = new Array(daph2.num_values)
    readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), values, daph2.definition_levels_byte_length)
    return values
  }
}

/**
 * Minimum bits needed to store value.
 *
 * @param {number} value
 * @returns {number}
 */
function bitWidth(value) {
  return 32 - Math.clz32(value)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/delta.js
/**
 * @import {DataReader} from '../src/types.js'
 */



/**
 * @param {DataReader} reader
 * @param {number} count number of values to read
 * @param {Int32Array | BigInt64Array} output
 */
function delta_deltaBinaryUnpack(reader, count, output) {
  if (output instanceof Int32Array) {
    deltaBinaryUnpackInt32(reader, count, output)
    return
  }
  const blockSize = thrift_readVarInt(reader)
  const miniblockPerBlock = thrift_readVarInt(reader)
  thrift_readVarInt(reader) // assert(=== count)
  let value = readZigZagBigInt(reader) // first value
  let outputIndex = 0
  output[outputIndex++] = value

  const valuesPerMiniblock = blockSize / miniblockPerBlock

  while (outputIndex < count) {
    // new block
    const minDelta = readZigZagBigInt(reader)
    const bitWidths = new Uint8Array(miniblockPerBlock)
    for (let i = 0; i < miniblockPerBlock; i++) {
      bitWidths[i] = reader.view.getUint8(reader.offset++)
    }

    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      // new miniblock
      const bitWidth = bitWidths[i]
      if (bitWidth) {
        // Miniblock data lengths are multiples of four bytes.
        let bitpackPos = 0
        let miniblockCount = valuesPerMiniblock
        const mask = (1n << BigInt(bitWidth)) - 1n
        while (miniblockCount && outputIndex < count) {
          let bits = BigInt(reader.view.getUint32(reader.offset, true) >>> bitpackPos) & mask // TODO: don't re-read value every time
          bitpackPos += bitWidth
          while (bitpackPos >= 32) {
            bitpackPos -= 32
            reader.offset += 4
            if (bitpackPos) {
              bits |= BigInt(reader.view.getUint32(reader.offset, true)) << BigInt(bitWidth - bitpackPos) & mask
            }
          }
          const delta = minDelta + bits
          value += delta
          output[outputIndex++] = value
          miniblockCount--
        }
        if (miniblockCount) {
          // consume leftover miniblock
          reader.offset += Math.ceil((miniblockCount * bitWidth + bitpackPos) / 8)
        }
      } else {
        for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
          value += minDelta
          output[outputIndex++] = value
        }
      }
    }
  }
}

/**
 * Decode INT32 without BigInt arithmetic in the per-value loop.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {Int32Array} output
 */
function deltaBinaryUnpackInt32(reader, count, output) {
  const blockSize = thrift_readVarInt(reader)
  const miniblockPerBlock = thrift_readVarInt(reader)
  thrift_readVarInt(reader)
  let value = readZigZag(reader)
  let outputIndex = 0
  output[outputIndex++] = value
  const valuesPerMiniblock = blockSize / miniblockPerBlock
  const { view } = reader
  while (outputIndex < count) {
    const minDelta = readZigZagInt33(reader)
    const bitWidthsOffset = reader.offset
    let offset = bitWidthsOffset + miniblockPerBlock
    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      const bitWidth = view.getUint8(bitWidthsOffset + i)
      const end = offset + valuesPerMiniblock * bitWidth / 8
      let bitOffset = 0
      for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
        let residual = 0
        let bitsRead = 0
        while (bitsRead < bitWidth) {
          const bitsToRead = Math.min(8 - bitOffset, bitWidth - bitsRead)
          // Residual bits at 32 and above vanish modulo 2^32.
          if (bitsRead < 32) {
            residual |= (view.getUint8(offset) >>> bitOffset & (1 << bitsToRead) - 1) << bitsRead
          }
          bitsRead += bitsToRead
          bitOffset += bitsToRead
          if (bitOffset === 8) {
            bitOffset = 0
            offset++
          }
        }
        // Parquet INT32 delta arithmetic wraps in two's complement.
        value = value + minDelta + residual | 0
        output[outputIndex++] = value
      }
      // Consume the entire padded miniblock, but not unused miniblock bodies.
      offset = end
    }
    reader.offset = offset
  }
}

/**
 * Read a zigzag varint modulo 2^32. INT32 deltas can need 33 bits, which
 * readZigZag truncates, but only the low 32 bits of the decoded value matter.
 * readVarInt keeps the low 32 zigzag bits of a 5-byte varint; bit 32 is bit 4
 * of the fifth byte. Reusing readVarInt keeps the caller's hot loop fast.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readZigZagInt33(reader) {
  const start = reader.offset
  const low = thrift_readVarInt(reader)
  const high = reader.offset - start === 5 ? reader.view.getUint8(start + 4) >>> 4 & 1 : 0
  return (low >>> 1 | high << 31) ^ -(low & 1)
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {Uint8Array[]} output
 */
function delta_deltaLengthByteArray(reader, count, output) {
  const lengths = new Int32Array(count)
  delta_deltaBinaryUnpack(reader, count, lengths)
  for (let i = 0; i < count; i++) {
    output[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, lengths[i])
    reader.offset += lengths[i]
  }
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {Uint8Array[]} output
 */
function delta_deltaByteArray(reader, count, output) {
  const prefixData = new Int32Array(count)
  delta_deltaBinaryUnpack(reader, count, prefixData)
  const suffixData = new Int32Array(count)
  delta_deltaBinaryUnpack(reader, count, suffixData)

  for (let i = 0; i < count; i++) {
    const suffix = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, suffixData[i])
    if (prefixData[i]) {
      // copy from previous value
      output[i] = new Uint8Array(prefixData[i] + suffixData[i])
      output[i].set(output[i - 1].subarray(0, prefixData[i]))
      output[i].set(suffix, prefixData[i])
    } else {
      output[i] = suffix
    }
    reader.offset += suffixData[i]
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/encoding.js
/**
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.js'
 */



/**
 * Read values from a run-length encoded/bit-packed hybrid encoding.
 *
 * If length is zero, then read int32 length at the start.
 *
 * @param {DataReader} reader
 * @param {number} width - bitwidth
 * @param {DecodedArray} output
 * @param {number} [length] - length of the encoded data
 */
function encoding_readRleBitPackedHybrid(reader, width, output, length) {
  if (length === undefined) {
    length = reader.view.getUint32(reader.offset, true)
    reader.offset += 4
  }
  const startOffset = reader.offset
  let seen = 0
  while (seen < output.length) {
    const header = readVarInt(reader)
    if (header & 1) {
      // bit-packed
      seen = readBitPacked(reader, header, width, output, seen)
    } else {
      // rle
      const count = header >>> 1
      readRle(reader, count, width, output, seen)
      seen += count
    }
  }
  reader.offset = startOffset + length // duckdb writes an empty block
}

/**
 * Run-length encoding: read value with bitWidth and repeat it count times.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {number} bitWidth
 * @param {DecodedArray} output
 * @param {number} seen
 */
function readRle(reader, count, bitWidth, output, seen) {
  const width = bitWidth + 7 >> 3
  let value = 0
  for (let i = 0; i < width; i++) {
    value |= reader.view.getUint8(reader.offset++) << (i << 3)
  }
  // assert(value < 1 << bitWidth)

  // repeat value count times
  for (let i = 0; i < count; i++) {
    output[seen + i] = value
  }
}

/**
 * Read a bit-packed run of the rle/bitpack hybrid.
 * Supports width > 8 (crossing bytes).
 *
 * @param {DataReader} reader
 * @param {number} header - bit-pack header
 * @param {number} bitWidth
 * @param {DecodedArray} output
 * @param {number} seen
 * @returns {number} total output values so far
 */
function readBitPacked(reader, header, bitWidth, output, seen) {
  let count = header >> 1 << 3 // values to read
  const mask = (1 << bitWidth) - 1

  let data = 0
  if (reader.offset < reader.view.byteLength) {
    data = reader.view.getUint8(reader.offset++)
  } else if (mask) {
    // sometimes out-of-bounds reads are masked out
    throw new Error(`parquet bitpack offset ${reader.offset} out of range`)
  }
  let left = 8
  let right = 0

  // read values
  while (count) {
    // if we have crossed a byte boundary, shift the data
    if (right > 8) {
      right -= 8
      left -= 8
      data >>>= 8
    } else if (left - right < bitWidth) {
      // if we don't have bitWidth number of bits to read, read next byte
      data |= reader.view.getUint8(reader.offset) << left
      reader.offset++
      left += 8
    } else {
      if (seen < output.length) {
        // emit value
        output[seen++] = data >> right & mask
      }
      count--
      right += bitWidth
    }
  }

  return seen
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {ParquetType} type
 * @param {number | undefined} typeLength
 * @returns {DecodedArray}
 */
function encoding_byteStreamSplit(reader, count, type, typeLength) {
  const width = byteWidth(type, typeLength)
  const bytes = new Uint8Array(count * width)
  for (let b = 0; b < width; b++) {
    for (let i = 0; i < count; i++) {
      bytes[i * width + b] = reader.view.getUint8(reader.offset++)
    }
  }
  // interpret bytes as typed array
  if (type === 'FLOAT') return new Float32Array(bytes.buffer)
  else if (type === 'DOUBLE') return new Float64Array(bytes.buffer)
  else if (type === 'INT32') return new Int32Array(bytes.buffer)
  else if (type === 'INT64') return new BigInt64Array(bytes.buffer)
  else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    // split into arrays of typeLength
    const split = new Array(count)
    for (let i = 0; i < count; i++) {
      split[i] = bytes.subarray(i * width, (i + 1) * width)
    }
    return split
  }
  throw new Error(`parquet byte_stream_split unsupported type: ${type}`)
}

/**
 * @param {ParquetType} type
 * @param {number | undefined} typeLength
 * @returns {number}
 */
function byteWidth(type, typeLength) {
  switch (type) {
  case 'INT32':
  case 'FLOAT':
    return 4
  case 'INT64':
  case 'DOUBLE':
    return 8
  case 'FIXED_LEN_BYTE_ARRAY':
    if (!typeLength) throw new Error('parquet byteWidth missing type_length')
    return typeLength
  default:
    throw new Error(`parquet unsupported type: ${type}`)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/plain.js
/**
 * Read `count` values of the given type from the reader.view.
 *
 * @param {DataReader} reader - buffer to read data from
 * @param {ParquetType} type - parquet type of the data
 * @param {number} count - number of values to read
 * @param {number | undefined} fixedLength - length of each fixed length byte array
 * @returns {DecodedArray} array of values
 */
function plain_readPlain(reader, type, count, fixedLength) {
  if (count === 0) return []
  if (type === 'BOOLEAN') {
    return readPlainBoolean(reader, count)
  } else if (type === 'INT32') {
    return readPlainInt32(reader, count)
  } else if (type === 'INT64') {
    return readPlainInt64(reader, count)
  } else if (type === 'INT96') {
    return readPlainInt96(reader, count)
  } else if (type === 'FLOAT') {
    return readPlainFloat(reader, count)
  } else if (type === 'DOUBLE') {
    return readPlainDouble(reader, count)
  } else if (type === 'BYTE_ARRAY') {
    return readPlainByteArray(reader, count)
  } else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (!fixedLength) throw new Error('parquet missing fixed length')
    return readPlainByteArrayFixed(reader, count, fixedLength)
  } else {
    throw new Error(`parquet unhandled type: ${type}`)
  }
}

/**
 * Read `count` boolean values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {boolean[]}
 */
function readPlainBoolean(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const byteOffset = reader.offset + (i / 8 | 0)
    const bitOffset = i % 8
    const byte = reader.view.getUint8(byteOffset)
    values[i] = (byte & 1 << bitOffset) !== 0
  }
  reader.offset += Math.ceil(count / 8)
  return values
}

/**
 * Read `count` int32 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Int32Array}
 */
function readPlainInt32(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4
    ? new Int32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4))
    : new Int32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 4
  return values
}

/**
 * Read `count` int64 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {BigInt64Array}
 */
function readPlainInt64(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8
    ? new BigInt64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8))
    : new BigInt64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 8
  return values
}

/**
 * Read `count` int96 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {bigint[]}
 */
function readPlainInt96(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const low = reader.view.getBigInt64(reader.offset + i * 12, true)
    const high = reader.view.getInt32(reader.offset + i * 12 + 8, true)
    values[i] = BigInt(high) << 64n | low
  }
  reader.offset += count * 12
  return values
}

/**
 * Read `count` float values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float32Array}
 */
function readPlainFloat(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4
    ? new Float32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4))
    : new Float32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 4
  return values
}

/**
 * Read `count` double values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float64Array}
 */
function readPlainDouble(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8
    ? new Float64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8))
    : new Float64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 8
  return values
}

/**
 * Read `count` byte array values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Uint8Array[]}
 */
function readPlainByteArray(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const length = reader.view.getUint32(reader.offset, true)
    reader.offset += 4
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length)
    reader.offset += length
  }
  return values
}

/**
 * Read a fixed length byte array.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {number} fixedLength
 * @returns {Uint8Array[]}
 */
function readPlainByteArrayFixed(reader, count, fixedLength) {
  // assert(reader.view.byteLength - reader.offset >= count * fixedLength)
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, fixedLength)
    reader.offset += fixedLength
  }
  return values
}

/**
 * Create a new buffer with the offset and size.
 *
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.js'
 * @param {ArrayBufferLike} buffer
 * @param {number} offset
 * @param {number} size
 * @returns {ArrayBuffer}
 */
function align(buffer, offset, size) {
  const aligned = new ArrayBuffer(size)
  new Uint8Array(aligned).set(new Uint8Array(buffer, offset, size))
  return aligned
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.bitreader.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

   http://www.apache.org/licenses/LICENSE-2.0

   Unless required by applicable law or agreed to in writing, software
   distributed under the License is distributed on an "AS IS" BASIS,
   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   See the License for the specific language governing permissions and
   limitations under the License.

   Bit reading helpers
*/

const BROTLI_READ_SIZE = 4096
const BROTLI_IBUF_SIZE = 2 * BROTLI_READ_SIZE + 32
const BROTLI_IBUF_MASK = 2 * BROTLI_READ_SIZE - 1

const kBitMask = new Uint32Array([
  0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047, 4095, 8191, 16383, 32767,
  65535, 131071, 262143, 524287, 1048575, 2097151, 4194303, 8388607, 16777215,
])

class BrotliBitReader {
  /**
   * Input byte buffer, consist of a ringbuffer and a "slack" region where
   * bytes from the start of the ringbuffer are copied.
   *
   * @typedef {import('./brotli.streams.js').BrotliInput} BrotliInput
   * @param {BrotliInput} input
   */
  constructor(input) {
    this.buf_ = new Uint8Array(BROTLI_IBUF_SIZE)
    this.input_ = input /* input callback */

    this.buf_ptr_ = 0 /* next input will write here */
    this.val_ = 0 /* pre-fetched bits */
    this.pos_ = 0 /* byte position in stream */

    this.bit_pos_ = 0
    this.bit_end_pos_ = 0
    this.eos_ = 0

    this.reset()
  }

  static READ_SIZE = BROTLI_READ_SIZE
  static IBUF_MASK = BROTLI_IBUF_MASK

  reset() {
    this.buf_ptr_ = 0 /* next input will write here */
    this.val_ = 0 /* pre-fetched bits */
    this.pos_ = 0 /* byte position in stream */
    this.bit_pos_ = 0 /* current bit-reading position in val_ */
    this.bit_end_pos_ = 0 /* bit-reading end position from LSB of val_ */
    this.eos_ = 0 /* input stream is finished */

    this.readMoreInput()
    for (let i = 0; i < 4; i++) {
      this.val_ |= this.buf_[this.pos_] << 8 * i
      this.pos_++
    }

    return this.bit_end_pos_ > 0
  }

  /**
   * Fills up the input ringbuffer by calling the input callback.
   *
   * Does nothing if there are at least 32 bytes present after current position.
   *
   * Returns 0 if either:
   *  - the input callback returned an error, or
   *  - there is no more input and the position is past the end of the stream.
   *
   * After encountering the end of the input stream, 32 additional zero bytes are
   * copied to the ringbuffer, therefore it is safe to call this function after
   * every 32 bytes of input is read.
   */
  readMoreInput() {
    if (this.bit_end_pos_ > 256) {
      // return
    } else if (this.eos_) {
      if (this.bit_pos_ > this.bit_end_pos_)
        throw new Error('Unexpected end of input ' + this.bit_pos_ + ' ' + this.bit_end_pos_)
    } else {
      const dst = this.buf_ptr_
      const bytes_read = this.input_.read(this.buf_, dst, BROTLI_READ_SIZE)
      if (bytes_read < 0) {
        throw new Error('Unexpected end of input')
      }

      if (bytes_read < BROTLI_READ_SIZE) {
        this.eos_ = 1
        /* Store 32 bytes of zero after the stream end. */
        for (let p = 0; p < 32; p++)
          this.buf_[dst + bytes_read + p] = 0
      }

      if (dst === 0) {
        /* Copy the head of the ringbuffer to the slack region. */
        for (let p = 0; p < 32; p++)
          this.buf_[(BROTLI_READ_SIZE << 1) + p] = this.buf_[p]

        this.buf_ptr_ = BROTLI_READ_SIZE
      } else {
        this.buf_ptr_ = 0
      }

      this.bit_end_pos_ += bytes_read << 3
    }
  }

  /* Guarantees that there are at least 24 bits in the buffer. */
  fillBitWindow() {
    while (this.bit_pos_ >= 8) {
      this.val_ >>>= 8
      this.val_ |= this.buf_[this.pos_ & BROTLI_IBUF_MASK] << 24
      this.pos_++
      this.bit_pos_ = this.bit_pos_ - 8 >>> 0
      this.bit_end_pos_ = this.bit_end_pos_ - 8 >>> 0
    }
  }

  /**
   * Reads the specified number of bits from Read Buffer.
   *
   * @param {number} n_bits
   * @returns {number}
   */
  readBits(n_bits) {
    if (32 - this.bit_pos_ < n_bits) this.fillBitWindow()
    const val = this.val_ >>> this.bit_pos_ & kBitMask[n_bits]
    this.bit_pos_ += n_bits
    return val
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.huffman.js

const kDefaultCodeLength = 8

const HUFFMAN_TABLE_BITS = 8
const HUFFMAN_TABLE_MASK = 0xff

const CODE_LENGTH_CODES = 18
const kCodeLengthCodeOrder = new Uint8Array([
  1, 2, 3, 4, 0, 5, 17, 6, 16, 7, 8, 9, 10, 11, 12, 13, 14, 15,
])

const kMaxHuffmanTableSize = new Uint16Array([
  256, 402, 436, 468, 500, 534, 566, 598, 630, 662, 694, 726, 758, 790, 822,
  854, 886, 920, 952, 984, 1016, 1048, 1080,
])

class HuffmanCode {
  /**
   * @param {number} bits
   * @param {number} value
   */
  constructor(bits, value) {
    this.bits = bits // number of bits used for this symbol
    this.value = value // symbol value or table offset
  }
}

const kCodeLengthRepeatCode = 16
const MAX_LENGTH = 15

/**
 * Returns reverse(reverse(key, len) + 1, len), where reverse(key, len) is the
 * bit-wise reversal of the len least significant bits of key.
 * @param {number} key
 * @param {number} len
 * @returns {number}
 */
function getNextKey(key, len) {
  let step = 1 << len - 1
  while (key & step) {
    step >>= 1
  }
  return (key & step - 1) + step
}

/**
 * Stores code in table[0], table[step], table[2*step], ..., table[end]
 * Assumes that end is an integer multiple of step
 * @param {HuffmanCode[]} table
 * @param {number} i
 * @param {number} step
 * @param {number} end
 * @param {HuffmanCode} code
 */
function replicateValue(table, i, step, end, code) {
  do {
    end -= step
    table[i + end] = new HuffmanCode(code.bits, code.value)
  } while (end > 0)
}

/**
 * Returns the table width of the next 2nd level table. count is the histogram
 * of bit lengths for the remaining symbols, len is the code length of the next
 * processed symbol
 * @param {Int32Array} count
 * @param {number} len
 * @param {number} root_bits
 * @returns {number}
 */
function nextTableBitSize(count, len, root_bits) {
  let left = 1 << len - root_bits
  while (len < MAX_LENGTH) {
    left -= count[len]
    if (left <= 0) break
    ++len
    left <<= 1
  }
  return len - root_bits
}

/**
 * @param {HuffmanCode[]} root_table
 * @param {number} table
 * @param {number} root_bits
 * @param {Uint8Array} code_lengths
 * @param {number} code_lengths_size
 * @returns {number}
 */
function buildHuffmanTable(root_table, table, root_bits, code_lengths, code_lengths_size) {
  const start_table = table
  const count = new Int32Array(MAX_LENGTH + 1) // number of codes of each length
  const offset = new Int32Array(MAX_LENGTH + 1) // offsets in sorted table for each length
  const sorted = new Int32Array(code_lengths_size) // symbols sorted by code length

  // build histogram of code lengths
  for (let i = 0; i < code_lengths_size; i++) {
    count[code_lengths[i]]++
  }

  // generate offsets into sorted symbol table by code length
  offset[1] = 0
  for (let i = 1; i < MAX_LENGTH; i++) {
    offset[i + 1] = offset[i] + count[i]
  }

  // sort symbols by length, by symbol order within each length
  for (let i = 0; i < code_lengths_size; i++) {
    if (code_lengths[i] !== 0) {
      sorted[offset[code_lengths[i]]++] = i
    }
  }

  let table_bits = root_bits // key length of current table
  let table_size = 1 << table_bits
  let total_size = table_size // sum of root table size and 2nd level table sizes

  // special case code with only one value
  if (offset[MAX_LENGTH] === 1) {
    for (let key = 0; key < total_size; ++key) {
      root_table[table + key] = new HuffmanCode(0, sorted[0] & 0xffff)
    }

    return total_size
  }

  // fill in root table
  let key = 0 // reversed prefix code
  let symbol = 0 // symbol index in original or sorted table
  for (let len = 1, step = 2; len <= root_bits; ++len, step <<= 1) {
    for (; count[len] > 0; --count[len]) {
      const code = new HuffmanCode(len & 0xff, sorted[symbol++] & 0xffff)
      replicateValue(root_table, table + key, step, table_size, code)
      key = getNextKey(key, len)
    }
  }

  // fill in 2nd level tables and add pointers to root table
  const mask = total_size - 1
  let low = -1 // low bits for current root entry
  for (let len = root_bits + 1, step = 2; len <= MAX_LENGTH; ++len, step <<= 1) {
    for (; count[len] > 0; --count[len]) {
      if ((key & mask) !== low) {
        table += table_size
        table_bits = nextTableBitSize(count, len, root_bits)
        table_size = 1 << table_bits
        total_size += table_size
        low = key & mask
        root_table[start_table + low] = new HuffmanCode(table_bits + root_bits & 0xff, table - start_table - low & 0xffff)
      }
      const code = new HuffmanCode(len - root_bits & 0xff, sorted[symbol++] & 0xffff)
      replicateValue(root_table, table + (key >> root_bits), step, table_size, code)
      key = getNextKey(key, len)
    }
  }

  return total_size
}

/**
 * @import {BrotliBitReader} from './brotli.bitreader.js'
 * @param {number} alphabet_size
 * @param {HuffmanCode[]} tables
 * @param {number} table
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function readHuffmanCode(alphabet_size, tables, table, br) {
  const code_lengths = new Uint8Array(alphabet_size)

  br.readMoreInput()

  // simple_code_or_skip is used as follows:
  // - 1 for simple code;
  // - 0 for no skipping, 2 skips 2 code lengths, 3 skips 3 code lengths
  const simple_code_or_skip = br.readBits(2)
  if (simple_code_or_skip === 1) {
    // Read symbols, codes & code lengths directly
    let max_bits_counter = alphabet_size - 1
    let max_bits = 0
    const symbols = new Int32Array(4)
    const num_symbols = br.readBits(2) + 1
    while (max_bits_counter) {
      max_bits_counter >>= 1
      max_bits++
    }

    for (let i = 0; i < num_symbols; i++) {
      symbols[i] = br.readBits(max_bits) % alphabet_size
      code_lengths[symbols[i]] = 2
    }
    code_lengths[symbols[0]] = 1
    switch (num_symbols) {
    case 1:
      break
    case 3:
      if (symbols[0] === symbols[1] ||
            symbols[0] === symbols[2] ||
            symbols[1] === symbols[2]) {
        throw new Error('[ReadHuffmanCode] invalid symbols')
      }
      break
    case 2:
      if (symbols[0] === symbols[1]) {
        throw new Error('[ReadHuffmanCode] invalid symbols')
      }

      code_lengths[symbols[1]] = 1
      break
    case 4:
      if (symbols[0] === symbols[1] ||
            symbols[0] === symbols[2] ||
            symbols[0] === symbols[3] ||
            symbols[1] === symbols[2] ||
            symbols[1] === symbols[3] ||
            symbols[2] === symbols[3]) {
        throw new Error('[ReadHuffmanCode] invalid symbols')
      }

      if (br.readBits(1)) {
        code_lengths[symbols[2]] = 3
        code_lengths[symbols[3]] = 3
      } else {
        code_lengths[symbols[0]] = 2
      }
      break
    }
  } else { // Decode Huffman-coded code lengths
    const code_length_code_lengths = new Uint8Array(CODE_LENGTH_CODES)
    let space = 32
    let num_codes = 0
    // Static Huffman code for the code length code lengths
    const huff = [
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(3, 2),
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(4, 1),
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(3, 2),
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(4, 5),
    ]
    for (let i = simple_code_or_skip; i < CODE_LENGTH_CODES && space > 0; i++) {
      const code_len_idx = kCodeLengthCodeOrder[i]
      let p = 0
      br.fillBitWindow()
      p += br.val_ >>> br.bit_pos_ & 15
      br.bit_pos_ += huff[p].bits
      const v = huff[p].value
      code_length_code_lengths[code_len_idx] = v
      if (v !== 0) {
        space -= 32 >> v
        num_codes++
      }
    }

    if (!(num_codes === 1 || space === 0))
      throw new Error('[ReadHuffmanCode] invalid num_codes or space')

    readHuffmanCodeLengths(code_length_code_lengths, alphabet_size, code_lengths, br)
  }

  const table_size = buildHuffmanTable(tables, table, HUFFMAN_TABLE_BITS, code_lengths, alphabet_size)
  if (!table_size) throw new Error('brotli BuildHuffmanTable failed')
  return table_size
}

/**
 * Decodes the next Huffman code from bit-stream.
 * @param {HuffmanCode[]} table
 * @param {number} index
 * @param {BrotliBitReader} br
 * @returns {number}

 */
function readSymbol(table, index, br) {
  br.fillBitWindow()
  index += br.val_ >>> br.bit_pos_ & HUFFMAN_TABLE_MASK
  const nbits = table[index].bits - HUFFMAN_TABLE_BITS
  if (nbits > 0) {
    br.bit_pos_ += HUFFMAN_TABLE_BITS
    index += table[index].value
    index += br.val_ >>> br.bit_pos_ & (1 << nbits) - 1
  }
  br.bit_pos_ += table[index].bits
  return table[index].value
}

/**
 * @param {Uint8Array} code_length_code_lengths
 * @param {number} num_symbols
 * @param {Uint8Array} code_lengths
 * @param {BrotliBitReader} br
 */
function readHuffmanCodeLengths(code_length_code_lengths, num_symbols, code_lengths, br) {
  let symbol = 0
  let prev_code_len = kDefaultCodeLength
  let repeat = 0
  let repeat_code_len = 0
  let space = 32768

  const table = []
  for (let i = 0; i < 32; i++)
    table.push(new HuffmanCode(0, 0))

  buildHuffmanTable(table, 0, 5, code_length_code_lengths, CODE_LENGTH_CODES)

  while (symbol < num_symbols && space > 0) {
    let p = 0

    br.readMoreInput()
    br.fillBitWindow()
    p += br.val_ >>> br.bit_pos_ & 31
    br.bit_pos_ += table[p].bits
    const code_len = table[p].value & 0xff
    if (code_len < kCodeLengthRepeatCode) {
      repeat = 0
      code_lengths[symbol++] = code_len
      if (code_len !== 0) {
        prev_code_len = code_len
        space -= 32768 >> code_len
      }
    } else {
      const extra_bits = code_len - 14
      let new_len = 0
      if (code_len === kCodeLengthRepeatCode) {
        new_len = prev_code_len
      }
      if (repeat_code_len !== new_len) {
        repeat = 0
        repeat_code_len = new_len
      }
      const old_repeat = repeat
      if (repeat > 0) {
        repeat -= 2
        repeat <<= extra_bits
      }
      repeat += br.readBits(extra_bits) + 3
      const repeat_delta = repeat - old_repeat
      if (symbol + repeat_delta > num_symbols) {
        throw new Error('[ReadHuffmanCodeLengths] symbol + repeat_delta > num_symbols')
      }

      for (let x = 0; x < repeat_delta; x++)
        code_lengths[symbol + x] = repeat_code_len

      symbol += repeat_delta

      if (repeat_code_len !== 0) {
        space -= repeat_delta << 15 - repeat_code_len
      }
    }
  }
  if (space !== 0) {
    throw new Error('[ReadHuffmanCodeLengths] space = ' + space)
  }

  for (; symbol < num_symbols; symbol++)
    code_lengths[symbol] = 0
}


class HuffmanTreeGroup {
  /**
   * Contains a collection of huffman trees with the same alphabet size.
   *
   * @param {number} alphabet_size
   * @param {number} num_htrees
   */
  constructor(alphabet_size, num_htrees) {
    this.alphabet_size = alphabet_size
    this.num_htrees = num_htrees
    this.codes = new Array(num_htrees + num_htrees * kMaxHuffmanTableSize[alphabet_size + 31 >>> 5])
    this.htrees = new Uint32Array(num_htrees)
  }

  /**
   * @param {BrotliBitReader} br
   */
  decode(br) {
    let next = 0
    for (let i = 0; i < this.num_htrees; i++) {
      this.htrees[i] = next
      next += readHuffmanCode(this.alphabet_size, this.codes, next, br)
    }
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.prefix.js
/* Copyright 2013 Google Inc. All Rights Reserved.
   Lookup tables to map prefix codes to value ranges. This is used during
   decoding of the block lengths, literal insertion lengths and copy lengths.
*/

/**
 * Represents the range of values belonging to a prefix code:
 * [offset, offset + 2^nbits)
 * @param {number[]} pair
 * @returns {{offset: number, nbits: number}}
 */
function prefix([ offset, nbits ]) {
  return { offset, nbits }
}

const kBlockLengthPrefixCode = [
  [1, 2], [5, 2], [9, 2], [13, 2],
  [17, 3], [25, 3], [33, 3], [41, 3],
  [49, 4], [65, 4], [81, 4], [97, 4],
  [113, 5], [145, 5], [177, 5], [209, 5],
  [241, 6], [305, 6], [369, 7], [497, 8],
  [753, 9], [1265, 10], [2289, 11], [4337, 12],
  [8433, 13], [16625, 24],
].map(prefix)

const kInsertLengthPrefixCode = [
  [0, 0], [1, 0], [2, 0], [3, 0],
  [4, 0], [5, 0], [6, 1], [8, 1],
  [10, 2], [14, 2], [18, 3], [26, 3],
  [34, 4], [50, 4], [66, 5], [98, 5],
  [130, 6], [194, 7], [322, 8], [578, 9],
  [1090, 10], [2114, 12], [6210, 14], [22594, 24],
].map(prefix)

const kCopyLengthPrefixCode = [
  [2, 0], [3, 0], [4, 0], [5, 0],
  [6, 0], [7, 0], [8, 0], [9, 0],
  [10, 1], [12, 1], [14, 2], [18, 2],
  [22, 3], [30, 3], [38, 4], [54, 4],
  [70, 5], [102, 5], [134, 6], [198, 7],
  [326, 8], [582, 9], [1094, 10], [2118, 24],
].map(prefix)

const kInsertRangeLut = [
  0, 0, 8, 8, 0, 16, 8, 16, 16,
]

const kCopyRangeLut = [
  0, 8, 0, 8, 16, 0, 16, 8, 16,
]

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/gzip.huffman.js
// Adapted from https://github.com/101arrowz/fflate Copyright (c) 2023 Arjun Barrett
// https://tools.ietf.org/html/rfc1951

/* Maximum possible Huffman table size for an alphabet size of 704, max code
 * length 15 and root table bits 8. */
const HUFFMAN_MAX_TABLE_SIZE = 1080

// fixed length extra bits
const fixedLengthExtraBits = new Uint8Array([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0,
])
const fixedDistanceExtraBits = new Uint8Array([
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0,
])

/**
 * get base, reverse index map from extra bits
 * @param {Uint8Array} eb
 * @param {number} start
 * @returns {{base: Uint16Array, rev: Int32Array}}
 */
function freb(eb, start) {
  const base = new Uint16Array(31)
  for (let i = 0; i < 31; i++) {
    base[i] = start += 1 << eb[i - 1]
  }
  // numbers here are max 18 bits
  const rev = new Int32Array(base[30])
  for (let i = 1; i < 30; i++) {
    for (let j = base[i]; j < base[i + 1]; ++j) {
      rev[j] = j - base[i] << 5 | i
    }
  }
  return { base, rev }
}

const { base: fixedLength, rev: revfl } = freb(fixedLengthExtraBits, 2)
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fixedLength[28] = 258
revfl[258] = 28
const { base: fixedDistance } = freb(fixedDistanceExtraBits, 0)

// map of value to reverse (assuming 16 bits)
const rev = new Uint16Array(32768)
for (let i = 0; i < 32768; i++) {
  // reverse table algorithm from SO
  let x = (i & 0xAAAA) >> 1 | (i & 0x5555) << 1
  x = (x & 0xCCCC) >> 2 | (x & 0x3333) << 2
  x = (x & 0xF0F0) >> 4 | (x & 0x0F0F) << 4
  rev[i] = ((x & 0xFF00) >> 8 | (x & 0x00FF) << 8) >> 1
}

/**
 * create huffman tree from Uint8Array "map": index -> code length for code index
 * maxBits must be at most 15
 * @param {Uint8Array} cd
 * @param {number} maxBits
 * @param {0 | 1} r
 * @returns {Uint16Array}
 */
function huffMap(cd, maxBits, r) {
  // u16 "map": index -> # of codes with bit length = index
  const l = new Uint16Array(maxBits)
  // length of cd must be 288 (total # of codes)
  for (let i = 0; i < cd.length; i++) {
    if (cd[i]) ++l[cd[i] - 1]
  }
  // u16 "map": index -> minimum code for bit length = index
  const le = new Uint16Array(maxBits)
  for (let i = 1; i < maxBits; i++) {
    le[i] = le[i - 1] + l[i - 1] << 1
  }
  let co
  if (r) {
    // u16 "map": index -> number of actual bits, symbol for code
    co = new Uint16Array(1 << maxBits)
    // bits to remove for reverser
    const rvb = 15 - maxBits
    for (let i = 0; i < cd.length; i++) {
      // ignore 0 lengths
      if (cd[i]) {
        // num encoding both symbol and bits read
        const sv = i << 4 | cd[i]
        const freeBits = maxBits - cd[i]
        let startValue = le[cd[i] - 1]++ << freeBits
        for (const endValue = startValue | (1 << freeBits) - 1; startValue <= endValue; startValue++) {
          // every 16 bit value starting with the code yields the same result
          co[rev[startValue] >> rvb] = sv
        }
      }
    }
  } else {
    co = new Uint16Array(cd.length)
    for (let i = 0; i < cd.length; i++) {
      if (cd[i]) {
        co[i] = rev[le[cd[i] - 1]++] >> 15 - cd[i]
      }
    }
  }
  return co
}

// construct huffman trees
const fixedLengthTree = new Uint8Array(288)
for (let i = 0; i < 144; i++) fixedLengthTree[i] = 8
for (let i = 144; i < 256; i++) fixedLengthTree[i] = 9
for (let i = 256; i < 280; i++) fixedLengthTree[i] = 7
for (let i = 280; i < 288; i++) fixedLengthTree[i] = 8
const fixedDistanceTree = new Uint8Array(32)
for (let i = 0; i < 32; i++) fixedDistanceTree[i] = 5

const fixedLengthMap = /*#__PURE__*/ huffMap(fixedLengthTree, 9, 1)
const fixedDistanceMap = /*#__PURE__*/ huffMap(fixedDistanceTree, 5, 1)


;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.blocks.js





/**
 * @import {HuffmanCode} from './brotli.huffman.js'
 * @param {number} max_block_type
 * @param {HuffmanCode[]} trees
 * @param {number} tree_type
 * @param {number[]} block_types
 * @param {number[]} ringbuffers
 * @param {number[]} indexes
 * @param {BrotliBitReader} br
 */
function decodeBlockType(max_block_type, trees, tree_type, block_types, ringbuffers, indexes, br) {
  const ringbuffer = tree_type * 2
  const index = tree_type
  const type_code = readSymbol(trees, tree_type * HUFFMAN_MAX_TABLE_SIZE, br)
  let block_type
  if (type_code === 0) {
    block_type = ringbuffers[ringbuffer + (indexes[index] & 1)]
  } else if (type_code === 1) {
    block_type = ringbuffers[ringbuffer + (indexes[index] - 1 & 1)] + 1
  } else {
    block_type = type_code - 2
  }
  if (block_type >= max_block_type) {
    block_type -= max_block_type
  }
  block_types[tree_type] = block_type
  ringbuffers[ringbuffer + (indexes[index] & 1)] = block_type
  indexes[index]++
}

/**
 * @typedef {{ input_end: number, is_metadata: boolean, meta_block_length: number, is_uncompressed: number }} MetaBlockLength
 * @param {BrotliBitReader} br
 * @returns {MetaBlockLength}
 */
function decodeMetaBlockLength(br) {
  const out = {
    meta_block_length: 0,
    input_end: 0,
    is_uncompressed: 0,
    is_metadata: false,
  }

  out.input_end = br.readBits(1)
  if (out.input_end && br.readBits(1)) {
    return out
  }

  const size_nibbles = br.readBits(2) + 4
  if (size_nibbles === 7) {
    out.is_metadata = true

    if (br.readBits(1) !== 0)
      throw new Error('Invalid reserved bit')

    const size_bytes = br.readBits(2)
    if (size_bytes === 0)
      return out

    for (let i = 0; i < size_bytes; i++) {
      const next_byte = br.readBits(8)
      if (i + 1 === size_bytes && size_bytes > 1 && next_byte === 0)
        throw new Error('Invalid size byte')

      out.meta_block_length |= next_byte << i * 8
    }
  } else {
    for (let i = 0; i < size_nibbles; i++) {
      const next_nibble = br.readBits(4)
      if (i + 1 === size_nibbles && size_nibbles > 4 && next_nibble === 0)
        throw new Error('Invalid size nibble')

      out.meta_block_length |= next_nibble << i * 4
    }
  }

  out.meta_block_length++

  if (!out.input_end && !out.is_metadata) {
    out.is_uncompressed = br.readBits(1)
  }

  return out
}


/**
 * @import {BrotliOutput} from './brotli.streams.js'
 * @param {BrotliOutput} output
 * @param {number} len
 * @param {number} pos
 * @param {Uint8Array} ringbuffer
 * @param {number} ringbuffer_mask
 * @param {BrotliBitReader} br
 */
function copyUncompressedBlockToOutput(output, len, pos, ringbuffer, ringbuffer_mask, br) {
  const rb_size = ringbuffer_mask + 1
  let rb_pos = pos & ringbuffer_mask
  let br_pos = br.pos_ & BrotliBitReader.IBUF_MASK

  // For short lengths copy byte-by-byte
  if (len < 8 || br.bit_pos_ + (len << 3) < br.bit_end_pos_) {
    while (len-- > 0) {
      br.readMoreInput()
      ringbuffer[rb_pos++] = br.readBits(8)
      if (rb_pos === rb_size) {
        output.write(ringbuffer, rb_size)
        rb_pos = 0
      }
    }
    return
  }

  if (br.bit_end_pos_ < 32) {
    throw new Error('copyUncompressedBlockToOutput: br.bit_end_pos_ < 32')
  }

  // Copy remaining 0-4 bytes from br.val_ to ringbuffer
  while (br.bit_pos_ < 32) {
    ringbuffer[rb_pos] = br.val_ >>> br.bit_pos_
    br.bit_pos_ += 8
    rb_pos++
    len--
  }

  // Copy remaining bytes from br.buf_ to ringbuffer
  let nbytes = br.bit_end_pos_ - br.bit_pos_ >> 3
  if (br_pos + nbytes > BrotliBitReader.IBUF_MASK) {
    const tail = BrotliBitReader.IBUF_MASK + 1 - br_pos
    for (let x = 0; x < tail; x++)
      ringbuffer[rb_pos + x] = br.buf_[br_pos + x]

    nbytes -= tail
    rb_pos += tail
    len -= tail
    br_pos = 0
  }

  for (let x = 0; x < nbytes; x++)
    ringbuffer[rb_pos + x] = br.buf_[br_pos + x]

  rb_pos += nbytes
  len -= nbytes

  // If we wrote past the logical end of the ringbuffer, copy the tail of the
  // ringbuffer to its beginning and flush the ringbuffer to the output
  if (rb_pos >= rb_size) {
    output.write(ringbuffer, rb_size)
    rb_pos -= rb_size
    for (let x = 0; x < rb_pos; x++)
      ringbuffer[x] = ringbuffer[rb_size + x]
  }

  // If we have more to copy than the remaining size of the ringbuffer, then we
  // first fill the ringbuffer from the input and then flush the ringbuffer
  while (rb_pos + len >= rb_size) {
    nbytes = rb_size - rb_pos
    if (br.input_.read(ringbuffer, rb_pos, nbytes) < nbytes) {
      throw new Error('copyUncompressedBlockToOutput: not enough bytes')
    }
    output.write(ringbuffer, rb_size)
    len -= nbytes
    rb_pos = 0
  }

  // Copy straight from the input onto the ringbuffer
  // Ringbuffer will be flushed to output later
  if (br.input_.read(ringbuffer, rb_pos, len) < len) {
    throw new Error('copyUncompressedBlockToOutput: not enough bytes')
  }

  // Restore the state of the bit reader
  br.reset()
}

/**
 * Decodes a number in the range [0..255], by reading 1 - 11 bits.
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function decodeVarLenUint8(br) {
  if (br.readBits(1)) {
    const nbits = br.readBits(3)
    if (nbits === 0) {
      return 1
    } else {
      return br.readBits(nbits) + (1 << nbits)
    }
  }
  return 0
}

/**
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function decodeWindowBits(br) {
  if (br.readBits(1) === 0) return 16

  let n = br.readBits(3)
  if (n > 0) return 17 + n

  n = br.readBits(3)
  if (n > 0) return 8 + n

  return 17
}

/**
 * Advances the bit reader position to the next byte boundary and verifies
 * that any skipped bits are set to zero.
 * @param {BrotliBitReader} br
 * @returns {boolean}
 */
function jumpToByteBoundary(br) {
  const new_bit_pos = br.bit_pos_ + 7 & ~7
  return !br.readBits(new_bit_pos - br.bit_pos_)
}

/**
 * @param {HuffmanCode[]} table
 * @param {number} index
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function readBlockLength(table, index, br) {
  const code = readSymbol(table, index, br)
  const { offset, nbits } = kBlockLengthPrefixCode[code]
  return offset + br.readBits(nbits)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.context.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Lookup table to map the previous two bytes to a context id.

   There are four different context modeling modes defined here:
     CONTEXT_LSB6: context id is the least significant 6 bits of the last byte,
     CONTEXT_MSB6: context id is the most significant 6 bits of the last byte,
     CONTEXT_UTF8: second-order context model tuned for UTF8-encoded text,
     CONTEXT_SIGNED: second-order context model tuned for signed integers.

   The context id for the UTF8 context model is calculated as follows. If p1
   and p2 are the previous two bytes, we calcualte the context as

     context = kContextLookup[p1] | kContextLookup[p2 + 256].

   If the previous two bytes are ASCII characters (i.e. < 128), this will be
   equivalent to

     context = 4 * context1(p1) + context2(p2),

   where context1 is based on the previous byte in the following way:

     0  : non-ASCII control
     1  : \t, \n, \r
     2  : space
     3  : other punctuation
     4  : " '
     5  : %
     6  : ( < [ {
     7  : ) > ] }
     8  : , ; :
     9  : .
     10 : =
     11 : number
     12 : upper-case vowel
     13 : upper-case consonant
     14 : lower-case vowel
     15 : lower-case consonant

   and context2 is based on the second last byte:

     0 : control, space
     1 : punctuation
     2 : upper-case letter, number
     3 : lower-case letter

   If the last byte is ASCII, and the second last byte is not (in a valid UTF8
   stream it will be a continuation byte, value between 128 and 191), the
   context is the same as if the second last byte was an ASCII control or space.

   If the last byte is a UTF8 lead byte (value >= 192), then the next byte will
   be a continuation byte and the context id is 2 or 3 depending on the LSB of
   the last byte and to a lesser extent on the second last byte if it is ASCII.

   If the last byte is a UTF8 continuation byte, the second last byte can be:
     - continuation byte: the next byte is probably ASCII or lead byte (assuming
       4-byte UTF8 characters are rare) and the context id is 0 or 1.
     - lead byte (192 - 207): next byte is ASCII or lead byte, context is 0 or 1
     - lead byte (208 - 255): next byte is continuation byte, context is 2 or 3

   The possible value combinations of the previous two bytes, the range of
   context ids and the type of the next byte is summarized in the table below:

   |--------\-----------------------------------------------------------------|
   |         \                         Last byte                              |
   | Second   \---------------------------------------------------------------|
   | last byte \    ASCII            |   cont. byte        |   lead byte      |
   |            \   (0-127)          |   (128-191)         |   (192-)         |
   |=============|===================|=====================|==================|
   |  ASCII      | next: ASCII/lead  |  not valid          |  next: cont.     |
   |  (0-127)    | context: 4 - 63   |                     |  context: 2 - 3  |
   |-------------|-------------------|---------------------|------------------|
   |  cont. byte | next: ASCII/lead  |  next: ASCII/lead   |  next: cont.     |
   |  (128-191)  | context: 4 - 63   |  context: 0 - 1     |  context: 2 - 3  |
   |-------------|-------------------|---------------------|------------------|
   |  lead byte  | not valid         |  next: ASCII/lead   |  not valid       |
   |  (192-207)  |                   |  context: 0 - 1     |                  |
   |-------------|-------------------|---------------------|------------------|
   |  lead byte  | not valid         |  next: cont.        |  not valid       |
   |  (208-)     |                   |  context: 2 - 3     |                  |
   |-------------|-------------------|---------------------|------------------|

   The context id for the signed context mode is calculated as:

     context = (kContextLookup[512 + p1] << 3) | kContextLookup[512 + p2].

   For any context modeling modes, the context ids can be calculated by |-ing
   together two lookups from one table using context model dependent offsets:

     context = kContextLookup[offset1 + p1] | kContextLookup[offset2 + p2].

   where offset1 and offset2 are dependent on the context mode.
*/

/* Common context lookup table for all context modes. */
const lookup = new Uint8Array([
  /* CONTEXT_UTF8, last byte. */
  /* ASCII range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 0, 0, 4, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  8, 12, 16, 12, 12, 20, 12, 16, 24, 28, 12, 12, 32, 12, 36, 12,
  44, 44, 44, 44, 44, 44, 44, 44, 44, 44, 32, 32, 24, 40, 28, 12,
  12, 48, 52, 52, 52, 48, 52, 52, 52, 48, 52, 52, 52, 52, 52, 48,
  52, 52, 52, 52, 52, 48, 52, 52, 52, 52, 52, 24, 12, 28, 12, 12,
  12, 56, 60, 60, 60, 56, 60, 60, 60, 56, 60, 60, 60, 60, 60, 56,
  60, 60, 60, 60, 60, 56, 60, 60, 60, 60, 60, 24, 12, 28, 12, 0,
  /* UTF8 continuation byte range. */
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  /* UTF8 lead byte range. */
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  /* CONTEXT_UTF8 second last byte. */
  /* ASCII range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1,
  1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1,
  1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 0,
  /* UTF8 continuation byte range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* UTF8 lead byte range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  /* CONTEXT_SIGNED, second last byte. */
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7,
  /* CONTEXT_SIGNED, last byte, same as the above values shifted by 3 bits. */
  0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
  16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
  16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
  16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
  40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
  40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
  48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 56,
  /* CONTEXT_LSB6, last byte. */
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  /* CONTEXT_MSB6, last byte. */
  0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
  4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7,
  8, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 11,
  12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 15,
  16, 16, 16, 16, 17, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 19,
  20, 20, 20, 20, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23, 23, 23,
  24, 24, 24, 24, 25, 25, 25, 25, 26, 26, 26, 26, 27, 27, 27, 27,
  28, 28, 28, 28, 29, 29, 29, 29, 30, 30, 30, 30, 31, 31, 31, 31,
  32, 32, 32, 32, 33, 33, 33, 33, 34, 34, 34, 34, 35, 35, 35, 35,
  36, 36, 36, 36, 37, 37, 37, 37, 38, 38, 38, 38, 39, 39, 39, 39,
  40, 40, 40, 40, 41, 41, 41, 41, 42, 42, 42, 42, 43, 43, 43, 43,
  44, 44, 44, 44, 45, 45, 45, 45, 46, 46, 46, 46, 47, 47, 47, 47,
  48, 48, 48, 48, 49, 49, 49, 49, 50, 50, 50, 50, 51, 51, 51, 51,
  52, 52, 52, 52, 53, 53, 53, 53, 54, 54, 54, 54, 55, 55, 55, 55,
  56, 56, 56, 56, 57, 57, 57, 57, 58, 58, 58, 58, 59, 59, 59, 59,
  60, 60, 60, 60, 61, 61, 61, 61, 62, 62, 62, 62, 63, 63, 63, 63,
  /* CONTEXT_{M,L}SB6, second last byte, */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
])

const lookupOffsets = new Uint16Array([
  /* CONTEXT_LSB6 */
  1024, 1536,
  /* CONTEXT_MSB6 */
  1280, 1536,
  /* CONTEXT_UTF8 */
  0, 256,
  /* CONTEXT_SIGNED */
  768, 512,
])

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.contextmap.js




/**
 * @import {BrotliBitReader} from './brotli.bitreader.js'
 * @param {number} context_map_size
 * @param {BrotliBitReader} br
 * @returns {[number, Uint8Array]} // num_htrees, context_map
 */
function decodeContextMap(context_map_size, br) {
  let max_run_length_prefix = 0

  br.readMoreInput()
  const num_htrees = decodeVarLenUint8(br) + 1

  const context_map = new Uint8Array(context_map_size)
  if (num_htrees <= 1) {
    return [num_htrees, context_map]
  }

  const use_rle_for_zeros = br.readBits(1)
  if (use_rle_for_zeros) {
    max_run_length_prefix = br.readBits(4) + 1
  }

  const table = []
  for (let i = 0; i < HUFFMAN_MAX_TABLE_SIZE; i++) {
    table[i] = new HuffmanCode(0, 0)
  }

  readHuffmanCode(num_htrees + max_run_length_prefix, table, 0, br)

  for (let i = 0; i < context_map_size;) {
    br.readMoreInput()
    const code = readSymbol(table, 0, br)
    if (code === 0) {
      context_map[i] = 0
      i++
    } else if (code <= max_run_length_prefix) {
      let reps = 1 + (1 << code) + br.readBits(code)
      while (--reps) {
        if (i >= context_map_size) {
          throw new Error('[DecodeContextMap] i >= context_map_size')
        }
        context_map[i] = 0
        i++
      }
    } else {
      context_map[i] = code - max_run_length_prefix
      i++
    }
  }
  if (br.readBits(1)) {
    inverseMoveToFrontTransform(context_map, context_map_size)
  }

  return [num_htrees, context_map]
}

/**
 * @param {Uint8Array} v
 * @param {number} index
 */
function moveToFront(v, index) {
  const value = v[index]
  for (let i = index; i; i--) v[i] = v[i - 1]
  v[0] = value
}

/**
 * @param {Uint8Array} v
 * @param {number} v_len
 */
function inverseMoveToFrontTransform(v, v_len) {
  const mtf = new Uint8Array(256)
  for (let i = 0; i < 256; i++) {
    mtf[i] = i
  }
  for (let i = 0; i < v_len; i++) {
    const index = v[i]
    v[i] = mtf[index]
    if (index) moveToFront(mtf, index)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.streams.js
class BrotliInput {
  /**
   * @param {Uint8Array} buffer
   */
  constructor(buffer) {
    this.buffer = buffer
    this.pos = 0
  }

  /**
   * @param {Uint8Array} buf
   * @param {number} i
   * @param {number} count
   * @returns {number}
   */
  read(buf, i, count) {
    if (this.pos + count > this.buffer.length) {
      count = this.buffer.length - this.pos
    }

    for (let p = 0; p < count; p++)
      buf[i + p] = this.buffer[this.pos + p]

    this.pos += count
    return count
  }
}

class BrotliOutput {
  /**
   * @param {Uint8Array} buf
   */
  constructor(buf) {
    this.buffer = buf
    this.pos = 0
  }

  /**
   * @param {Uint8Array} buf
   * @param {number} count
   * @returns {number}
   */
  write(buf, count) {
    if (this.pos + count > this.buffer.length) throw new Error('brotli output buffer is not large enough')

    this.buffer.set(buf.subarray(0, count), this.pos)
    this.pos += count
    return count
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/gzip.js
// Adapted from https://github.com/101arrowz/fflate Copyright (c) 2023 Arjun Barrett
// https://tools.ietf.org/html/rfc1951



const codeLengthIndexMap = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15])

/**
 * read d, starting at bit p and mask with m
 * @param {Uint8Array} input
 * @param {number} pos
 * @param {number} mask
 * @returns {number}
 */
function bits(input, pos, mask) {
  const o = pos / 8 | 0
  return (input[o] | input[o + 1] << 8) >> (pos & 7) & mask
}

/**
 * read d, starting at bit p continuing for at least 16 bits
 * @param {Uint8Array} d
 * @param {number} p
 * @returns {number}
 */
function bits16(d, p) {
  const o = p / 8 | 0
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7)
}

/**
 * get end of byte
 * @param {number} p
 * @returns {number}
 */
function shft(p) {
  return (p + 7) / 8 | 0
}

/**
 * return start of gzip payload index
 * @param {Uint8Array} input
 * @param {number} i inputIndex
 * @returns {number}
 */
function gzipStart(input, i) {
  // if missing gzip header, assume raw deflate stream
  if (input[i++] !== 31 || input[i++] !== 139 || input[i++] !== 8) return 0
  const flag = input[i++]
  i += 6 // skip header
  if (flag & 4) i += (input[i + 10] | input[i + 11] << 8) + 2 // skip extra
  // skip name and comment
  for (let zs = (flag >> 3 & 1) + (flag >> 4 & 1); zs > 0; zs -= Number(!input[i++]));
  return i + (flag & 2)
}

/**
 * GZip decompression
 * @param {Uint8Array} input
 * @param {Uint8Array} [output]
 * @param {number} [inputIndex]
 * @param {number} [outputIndex]
 * @returns {Uint8Array}
 */
function gzip_gunzip(input, output, inputIndex = 0, outputIndex = 0) {
  let out = output ?? new Uint8Array(1024) // initial size
  if (!(input.length - inputIndex)) return out
  const payloadStart = gzipStart(input, inputIndex)
  if (payloadStart === input.length - 8) return out
  if (payloadStart > input.length - 8) throw new Error('unexpected EOF')
  let pos = payloadStart * 8 // position in bits
  let final = 0 // last chunk?
  let lengthBits = 0
  let distBits = 0
  let lengthMap
  let distMap
  const totalBits = input.length * 8

  /** @param {number} length */
  function ensureSize(length) {
    if (!output && length > out.length) {
      const old = out
      out = new Uint8Array(Math.max(old.length * 2, length))
      out.set(old)
    }
  }

  do {
    if (!lengthMap) {
      // final chunk is next?
      final = bits(input, pos, 1)
      const type = bits(input, pos + 1, 3)
      pos += 3
      if (!type) {
        // no compression
        // go to end of byte boundary
        const s = shft(pos) + 4
        const l = input[s - 4] | input[s - 3] << 8
        const t = s + l
        if (t > input.length) throw new Error('unexpected EOF')
        // copy uncompressed data
        ensureSize(outputIndex + l)
        out.set(input.subarray(s, t), outputIndex)
        outputIndex += l
        pos = t * 8
        continue
      } else if (type === 1) {
        // fixed huffman
        lengthMap = fixedLengthMap
        distMap = fixedDistanceMap
        lengthBits = 9
        distBits = 5
      } else if (type === 2) {
        // dynamic huffman
        const hLiteral = bits(input, pos, 31) + 257
        const hcLengths = bits(input, pos + 10, 15) + 4
        const tl = hLiteral + bits(input, pos + 5, 31) + 1
        pos += 14
        // length+distance tree
        const lengthDistanceTree = new Uint8Array(tl)
        const codeLengthTree = new Uint8Array(19)
        for (let i = 0; i < hcLengths; ++i) {
          // use index map to get real code
          codeLengthTree[codeLengthIndexMap[i]] = bits(input, pos + i * 3, 7)
        }
        pos += hcLengths * 3
        const codeLengthBits = Math.max(...codeLengthTree)
        const clbMask = (1 << codeLengthBits) - 1
        const codeLengthMap = huffMap(codeLengthTree, codeLengthBits, 1)
        for (let i = 0; i < tl;) {
          const r = codeLengthMap[bits(input, pos, clbMask)]
          // bits read
          pos += r & 15
          const symbol = r >> 4
          // code length to copy
          if (symbol < 16) {
            lengthDistanceTree[i++] = symbol
          } else {
            let copy = 0
            let n = 0 // count
            if (symbol === 16) {
              n = 3 + bits(input, pos, 3)
              pos += 2
              copy = lengthDistanceTree[i - 1]
            } else if (symbol === 17) {
              n = 3 + bits(input, pos, 7)
              pos += 3
            } else if (symbol === 18) {
              n = 11 + bits(input, pos, 127)
              pos += 7
            }
            while (n--) lengthDistanceTree[i++] = copy
          }
        }
        const lengthTree = lengthDistanceTree.subarray(0, hLiteral)
        const distanceTree = lengthDistanceTree.subarray(hLiteral)
        // max length/dist bits
        lengthBits = Math.max(...lengthTree)
        distBits = Math.max(...distanceTree)
        lengthMap = huffMap(lengthTree, lengthBits, 1)
        distMap = huffMap(distanceTree, distBits, 1)
      } else throw new Error('invalid block type')
      if (pos > totalBits) throw new Error('unexpected EOF')
    }

    ensureSize(outputIndex + 131072) // max chunk size?
    const lms = (1 << lengthBits) - 1
    const dms = (1 << distBits) - 1
    for (;;) {
      // bits read, code
      const code = lengthMap[bits16(input, pos) & lms]
      const sym = code >> 4
      pos += code & 15
      if (pos > totalBits) throw new Error('unexpected EOF')
      if (!code) throw new Error('invalid length/literal')
      if (sym < 256) out[outputIndex++] = sym
      else if (sym === 256) {
        lengthMap = undefined
        break
      } else {
        let add = sym - 254
        // no extra bits needed if less
        if (sym > 264) {
          const index = sym - 257
          const b = fixedLengthExtraBits[index]
          add = bits(input, pos, (1 << b) - 1) + fixedLength[index]
          pos += b
        }
        // dist
        if (!distMap) throw new Error('invalid distance map')
        const d = distMap[bits16(input, pos) & dms]
        const dsym = d >> 4
        if (!d) throw new Error('invalid distance')
        pos += d & 15
        let dt = fixedDistance[dsym]
        if (dsym > 3) {
          const b = fixedDistanceExtraBits[dsym]
          dt += bits16(input, pos) & (1 << b) - 1
          pos += b
        }
        if (pos > totalBits) throw new Error('unexpected EOF')
        const end = outputIndex + add
        if (outputIndex < dt) throw new Error('unexpected dictionary case')
        ensureSize(end)
        for (; outputIndex < end; outputIndex++) out[outputIndex] = out[outputIndex - dt]
      }
    }
    if (lengthMap) final = 1
  } while (!final)

  if (outputIndex < out.length) {
    // multiple gzip blocks
    const nextBlock = Math.ceil(pos / 8) + 8 // 8 byte gzip footer
    gzip_gunzip(input, out, nextBlock, outputIndex)
  }

  if (!output) return out.subarray(0, outputIndex)
  return out
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.dictionary.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Collection of static dictionary words.
*/



const dictionaryGz64 = `
H4sIAAAAAAAAAzy96XIcx7Uu+tuI4DuU2meLxDbRAElNJgYHR0neGrgFyr7bPg5FdlV2dwHVVa3KKoBN
SRHggIHgAFKcBc4zJQIgOGIggYjDF6D+kf8U56K6GxH3Ie73rYRsGRLQnZWVwxq+tXKtlYlf0V40GAZ+
UQe6mBSU2+9GnvZUokw5GozCoGb8RLt+UouqOuxLTRL4/boYaz0Yxf2J3pfUtIqjAR0XIq8W4JdiFFcK
UdRfDVQt8Ad04Ie6rINqOapo43u6EsV81guisJSUdWXA14NFP/SqqoT31kwxDYKyVl6i44pWblnFWhXj
qJLEqa6ouF8VAp1Wo7Dsl8oYpw5U6IV60OgBHYYYj6uMLkRJuRqZJDXaqyhPl9GmrPHeskpCVdGf+WF/
IYhKxt+vC2iP8aFdP/r3QzwTr291/lSOAk+Hnhn0k/IX6B/D8AbRh/FLYYK2ZTWgS+jLaB26KgiqKikP
avw3SE1Fh2nRDypVFSd9kR8mZd8EvklKUYSxam8Q8xzUBt8VTAVzV4GJMJwo9t0y3m8CZZJEK0y3Uivi
mX4/LA36QaDx+aCKvQKeLfqx3oM16w+jQYUO89WwVMH6J5hsECmvhLU3OiiGUaIrqVsuaq5FWIsjt993
ozAKXR1gn8rYE8/X3ifYnzgNdBnrpvrUPj8sRm6QFgI1aAJtTFkFRcM9RF/7o1Bv6uj4D/zHuNigvaCj
WLm6EKTY/zQe1Lq/iL/LIJoS1gmbiP3G2Ms6xJr09+tqUlUGnfrVOIoqn+z9/DPQS7i3VgU9olM80691
tRioEuinH6vjFTGfBOONsecJaLYvrVQTrJaH/jAGfA8KBi1i9LV+rBXWISliX1SaRKCNOO+ChlTQD7qu
DmBNPPRfAa1jR5MkjcNChB/QCTghiCOj0zjYYLDwcRRoPApSTAyWG3ursY+Bl++rlsAalQEV1/BMAloO
DQjGi6Pq30DTblStbcp35LraVY9JsBABdsPHy7A+VfBZvuQXsQaJa8xfSrGq4Q3hu6WkM8Z+YIxJgHka
5aM75eEdDvYv6IvKIWikvxrFmJtJ1n+9rc0DXXa1F3qqURQXOG+s4df53vwg6KYCft1c3df5KfYyVmH/
IPoeVCFoKCAxef/s+FdnVaXBINbbpLH+XxvW/3FQ+UkFewPaM6VImxJ4AltTqmIs77S1OQHoJw39BPvG
fvpBh5VByI99lSBnyNOY4uaO6j4sHcY+iPlGQTEK0acfGFXEt+hZVY0LORCj72IQDRZUoWaqKjTgi/cw
3g/wA9YxoP0EfBcM+v0+ZEJiEhBO7GP6pfYAPDioVX+CvdgNmQO+x5qEBnvYj+2uxWlo+tKgBknWvwn9
lSIVlCACDN6nvZL2ve6c0Yl5H9/l+8xf3sOY/aKzwUQR9hFyAnSYpAW9X5MaQoxDe6DpBNwcYetAXnFl
00fVfS5kQBnrXsA49oOWByIssjK1GDwLmgyqGKOP9XJB/1vwrj7sfaJKpuAnBrQVgPmSfgiwELTbhQUu
YdH+2vvlF16a1L6gfFGBrkUp1j3BEvlhn9q/36VsqmlT9E15cHAwH/sGfRZMNdYDmzAP/K03Y2LbwY8e
xrGlo2NjAXsOKsDY4hCyxCtE+/JF5ccBxoP1Yt9xX4o5a7fsFze8UwWd6QE/+F8bcqCJuBLgWQ/0UIV8
3tjR0cFZerEaLKdgimqUFNPQK4CPyrEuQrIE/bpmEvRRBr2D9yHXdbAJxGhSP8GjwVe9vTmKfOxJ7eNd
e3NYM6180ByH5HsGS9sZqoFaCQyR+FXzxz//+c8YB2SjVwO/m9ZO54dqufoXyO4AfB0MQsHsL2/N/rN9
XYsD4QR5FeRbWrZ9iH6qqSlDkyRYmk4XNPCf7V3tZWi4D7FGkDFJDBnmvPuuA20SYD+hXUBVGETFh4zq
96sJ9h86Cvoh0CXQTBWb8R7WdF3LuhaX9A2ZkMdgugpxjwaDVrDXpdSHnA6wUQavBpMoSqSo0u5XSu/+
8aPNQQpdi36xlJ0gqloJ9FZOKpQSgRenpd1f7doVQj6FWMO/gFgDUiHWfoA6ALyF9XNA/3Gsg1oBOsiA
Vry0X4fKKFdV9SBoo5QGxb2bt2wtg9ZA90kJMgXCH7ovjSGvapsw//XrWztbO3M9FQOh5YN//NgzkC8F
Dc6BHN+76aOt2HpDBsD8gw+wiEXQw/8dumgKUc1AhuTRRW7Pl717CxhPP/autfOHH6C8alg3b8PX/9X6
bao87E29DQq3Df+D0K/imXXAHcneTX/eOuC7kH5ezdOFpAcTgywLQs1xRoN7N32w1YNs0wMq2Lvpw60B
1h90C3JUQRX8E0YDCvxgSjrUzv8dOmOiImRTRSe+yHHTVd4C2ZjGReCAKnRJVxL3QOf6rd+/swH/1RhX
swB6gnyJOzpaOyt+0O+0tfX4cRQC53geeGsQ+2QiP6imiWnvM+3ABrW9mzdv/bR3+xd7N3dsVZ6qYK3w
rs09fRCC6zc666Fik72bN211MB/oWYh6X1UgW7raqz0mSoPPPv1iF/gReCXGGry3tau8qecjrC1EQNef
Qad7O97bWgHW2vreB/8ADWg/dMv/A8wF8uKYV9a3toKuY+xJSUOngrRC4J7Q27rlw398ExW/Wf+v1k7Q
1ka0bSSQiTXihmgwKIAXtr7/wT/+qgbUFryv5fsfWv5jx5b/2LrlvX/06WJx1/+z51PI0vKAD3UH0jbA
F+hj9duUOhT8APqBrkqwdvkC6NADvZaBRSAvgJHCZOuWD/7xyd69e9o2d2wqRtDU6GPXFzudfRA4W99/
7x/bv9z5Px766Gz5oUXv89H+/X9AvxnQTrL+h9ZOYJEErN6pgOZ++KGr/Z/+v/KfQf/0V/7Po0G8JwHN
Kc8zkBYB2HFfZ8sffoDIikLsZR6KoaPj/VasRa0Pot6AqMCxkLNREWvR6mzu6ACNg4exGIB/wKngibjm
Yl+TGihLA1P4UZiHMnOh50p4L3Ri/n2s055yfifkAaCe4KsQfN0PWoGmUSH04T7QiQu6b/Ggc93Ar7ZC
+HyI57AOHTv/ttN8+K+ergR8SQTs/+lPrYPYN4CMqArlEVUTqPxA79723wZ0ErZt/mBvQHkOWv/6q8+c
QhoAl0f9nT+sa/lk17ad4LlWVShAXqtww6Y/fwR8VqZQ6Gr3QVuQJSlxNHCCX9Xft7W809GxuTUE0P/n
pn91/vNfnS2fRSUHeiVZ1/KHP0BflqBTKwXIp9bv1rV0kCawD/3R1v8Pcg1r3bPObG1vd/AgpCLxbWlD
63ctaOpAb67H9KpeqqD/VJL/656PW7Gx36ZRgv+2gMchIX9YB1J4Dz/v4+cD/HyIn4/w8+fNHfLPJvxs
xs8W/KDdZrTbjHab0W4z2m1Guy1otwXttqDdFrTbgnZb0G4L2m1hf/hsE77bhDab0LYDz3Tg2Q5814E2
HWjbgWfQARYDP2iHf4HQ8PMRfj7Ezwf4eR8/7+FnC34242cTftDuI7T7CO0+QruP0O4jtPsI7T5Cu4/Q
7iO0+wjtPkS7D9HuQ7T7EO0+RLsP0e5DtPsQ7T5Euw/R7gO0+wDtPkC7D9DuA7T7AO0+QLsP0O4DtPsA
7d5Hu/fR7n20ex/t3ke799HufbR7H+3eR7v3MeMOzvq9TVv+DLWEyeN/wKxR5dV1WBOJJuiqAsckkReV
gctdCCz1ajYq+BDQr6aUMq+mBnwPesMQcUWQSxEtEvyuXOyt5/dFsN0i4NQQupgWBaQpODYoRd+mr+4T
1YboEzoCUACcAx1UUH18H8k5UqVUVVNAzDACSwJ7Q4YFqU9VByOnFsGeUBCOcdXH+wt4Z8AGQeT5Efgi
5rj8189fP3z9Ej9Lr1/8OvT64a9Dvx769aB89vT1Mj5dwl9zaPUSvz+Rv5ZeP8N3S/hk7tfh15fR9in+
mf31KHo4+vrHX4/+egDfPsLvj/Dfy+zj9ezrq/j3InrCU6+vvb6Fz5++voS2B9Huinz6Av0/fH0eP2fw
c/nXQ/h8Fu97+voC3v/09fzrl/jsBf65gecOvX729sDb8Tc33468HX5zFz/zbw+9PYy/x97MvpnBN3fx
/ZG3o2/H3h5+O4yfQ/iEv4++uffmMX4//OY2nh2VPsbfHsQzo/jsF/R0j79J23H8fhht+d9Db55Ir8No
P/x25M3P+GwcbUbeTMkTw/jmCd7+BNjdJNh4HQWwphOY5bCDsTtAdbT6CTkKxIcxvzXU/rTsAX9AQ7At
fLfow3ImqIyrNHOhooHyYG0BkcFMh0iIPeA/owFq0yo9BobuAgNypBEHc38Qv9Bki60ABjCk5Q47uwqJ
DuyD9+o4hmEcQveqQpQm9AsAWCYBrcFAzP4ENgmkGYxQoMO4JO4FI7Y5qYew2YVZ6qbGhdET0+gLCjRj
CNFggwiVKXolYLcr2jsVvLvmU7PSW2AAv0PaoewerwfagJ4BHAI+gJJ/F4CxE/OAiR3Frq5SQdOQhkYr
+aEq4gnoUj8Blkw1vRn4ArgGqlPvSyJAVyJk9IxP8WyYAMQbU0j9IBHTF0pAA32lXg3M6NG8Dj1DUxP/
xdKVYQrT5WLAmlBrUMdoDOhDV4BHP0WIVRvQQLmmXPT3wbzGgMII6C+m5wXYFDgLOlIFMQzsmBat+TaF
fsaSVHU5ragQWpquC1/8C9DO0PZeARzpwrRxKVqw4sDo5QB2USjGzyBEjaZDx9CbYjx2DRER6wKmD2s+
Tcowk/AsXmew2El5kO4ZTtoD6bnEYgmXM60ksCcoVOKEzpTaDkiGflpwMX1L2FBYqoGqaSKPuMZ31FIx
07lMLhY2webFDkAt6aqaVmkeG1WtBrVPub8F4KpSWoVwpJ+E1IResKaG5rjBBsUQUNhaCsJ+ulpophFw
AxqYFI9VlTyL7klbIb0uIYmGviPt7SWxcuDmY3IARFsIfEBvToSFLSrQL/1KNZWCCLlbBtMPNH0V7Zyg
R2+W8QB3a7DKAhpLKulLYb4mZfooYFeakIMu0E3gRvQn0BnHCWp6RIxbc/lvgGM6WAwla/8gtxl4TodV
X7uE9X5QxEQ1zUpyHvS8X4HJqkgdPoxAwh40BynTZadJPWC/1C0XuM5xVAMqMv0amwcUg/mRLMBgDlcC
YD0py44SXdWiYhEk4UZVzcWEiQUWB3rgTluvHMRCTH8I9EecxERTCrY4phqF2FARMjAxCHd7KTI+I9WB
Vqu1yHVhaupishW43ZRBxQnXACYlGYd+N5PGgDtFvpIEjI3mWqVJ1IndSXSe9leFTAJjTwX/Q8oxeBmm
CnSLJR7Ep3gvzd4QUtCnc8Itf8X+6IqEhIzdMsGPpqfP0M1ovCgtwJKqhW4CbqIVHg1iL3WxRjaA9QKz
mHYpKGEAGwrepbfS7CBf9lJyEXjX+sTTCDsqAM5zdQct8F6KzSr4M6DfBSCXEkEkNQx4CnPrBDX09Bi6
5IyicwKbZzSRK+V4KIPGBlSxhPgzoYvV0MfGb2tkMNjk2HxDXy8Fd0zuDkswoLf0cMtKBN3tlRTyl5vs
7SFzol3oJRGkD2CE722gA7RAjwg9fuylCCPNJ3kHgXh8a8U1/xqMJrR12tthgimPBlqpVk12UcrTWu3c
RWKlLzjn0rqDdAwTceXCvMj1kImB+NUAnRiwhP392pQAPBIM972eOKJjGN/W2MFG0R2ENJ4bU3f4JRjR
g5DQngIBY0GM7qFHRofffN377h+3/LmTWHffNyRqKAIMLewD5fepfXlFq8GAZcp0vTn0HRO8Q56G0Kah
Gsj10AkQiteL3kSQBVYD8j6Ke6l7iDKxgxAK9BObPlUV8RDA7PZBc+CUWFHlYB6bexRsOGAvMCO4KFa5
tvb2v9MFauiHMnQcmz1kYswyKVPnhXRO/MVgAAmYlyQI8EUJl9D9WsTOaKiywVwP1h+MHaeUsVD0f6M+
303JkA91wi1pgflcc75roUeSHnNDtxZJBavtgQa+5WInsfgMC1FMxz9kB4YLYUu/SEKq1H68mSaV+LPp
0zM7yNjgbkg4SnSeExg6lOgIxVrT510hu1CrUZ76RtzbXkrRrPcpU4zB7XSPbPz+ezFUqjmMFZtHt0Qu
onuhqxC39xQxr9jQJ+fpalJ27AkA2NSllOdpgzgvOyFjSiHdVGaQo+JoOyFcunN0X0NlYUafY+ZOPp/v
agd0DUsFTpqHIA49h508VgB5x3EN0gLErovUFSX9Dc9B8hXSBmCIwrfYripPUOSgoKs9iXvo/jEcvKNA
IRRANHUDiLB94BI6Dco8pTFUuC59zY6BEDeAaqG4ho2zAZRKJ7r3DTEEXZ9GsDtJqF9OYoQZyecenQCd
g1QnmJvRG1o7c852wiM8mu7rozu+CpkY0MnT09rpFze0Uch6CsAR8Mro3YRWmD3PXfZps5eqEkqCk9GV
noKKcz15E7vdCSUDBFh3ziU6LIPWapvfE9GXpFUfdFkjDquC6TEJkIb4qg1lRx4CXfP4QAf0D5p215h2
nkB08ogCAiUtFgs+OqVn39D919EPTlOwY9e10KsPTKNT3e1890PnR+IF5JHKd7R/FQ+bXM7XB1mVebzl
xORnglRDz3KupspR1Epn+TYiUJ5WGTDiph7YQGmJDmax0rtps5gfWrGCdHR2VilV6FI0PF8wHfs+6Ojg
qUFO/LgFqo5EYcEqPkQZ0VsAButqp3MZM4JwauPmkaTymEfLHypkEgf2/p93b/vvrvY4Kum4SLf+DvLM
ZjpMechj6EnqAmMmCX3xZjPHAggW9rc633/vBPQM8jQn+GMHRJoDcnJ4bucNcsUp4Dr71Nb/96DxQdVd
9NzHgA41HnvAfiP8xYJVE+qZ7ZSdrc473Y5HzEqvB10tFaijfl2rwLwMeKKWpxvbqRI7g6fDGj2Jhggn
t4nLMUhATg9WpXfvtq/2krYcHzg23OjAlqc7oYUANz/gAwyIKxXyJQRfQsvwAIzQOgqr5F/yTEvUBtzC
Uwk5ajHUlA6dbyG9Lt8pLyro9dxM3+ve1EGF0MnjOie/OV/xeYiWo9sbUAPbs4OYqwBxqDdzpNjk1j/x
l+/pxAb/QROXyeKbNnfkHKpYiL6edS1UEN2eDxBAjscXWHDKzpY/FotFMBEgCxFejvAByhqPtdL7vEl4
ATirGlqHM+whbsUhHlW4XMQcJy2nQ6YNvNbm0dBqeTdIOul5NVvf++gfXTy7bYtTMBpPnhwqSKD1fjEV
qqbbyeU6oQygj7hqm3giAfGvQrrRI0rD7qj7PzbvdiiNYJoXdJdfKTn4yfVsdIp9hr85Oa7f53uj6nae
2OVCPRjUdmJP+t39WrCyHxArk0ne7ymqb3M9+8ttbripA7vZtinX2kkU3s3TQui3NKhRlhg6kzqxel3v
0GMRODz0gLJbJ7vv9NGWIMc73K08OHddyyBxCc8+TEpx4/GoowCm6U/IW+CjnMMzWuBnDI1OEPD3t6DR
NKr4JoItAhnqaTnboWfEVFMaoK9mIzpNXl1PfEhcoIBE0SciMJ6nk6DMFHKGfpSYQ1PorAKRCrhagcqK
1Lfpqyl6VYx59TiIVC31VFHz+IHeEACjhHZmhFElkaGHxQgF84w2UvR2BGmJR2S1iEeT1gGCFSECAF0Y
+lQ5PoUBvZoyHIsCQEs9cdrQeo+AfHVIvAi7ySPDEuzp+NV1wCLO2PXjvsiI20bFRFaAFmk1KtONKmSA
t0FnAJpHUO/KhDzGJzTTnKoCB2oerfniB4IocX1VBLTk8ZEPuIeFrUJSRIUU0yS6jhVILOCfiigSKCfe
j34LNOIwBJABXvTqcSXiJKM+/glc82qhzCZcgxrgv6sqaR8wMtBQXEypSPCiqAT7QPkl4OIBrgsdWAB8
WHzuJZa3gveAtqCvsXd0WYVhBAEGAOVizOAeumANFsenU6oMTRabCKAXK4VVBTO+ehxCcu2P6FgQ35QZ
4JhVNaphpCFBFhiOn0Uu2DmW4yPYSBgLhYjLx+jWMvSShCSa8NV12ny+2ECwnUBGrgxX0ZYMSBuYO+wA
DAOrAXStCZN1FZoYapHd4GnGQtAtBnRLLxpoqBTQ88ZXYyEqCiKZ1rFdwNAHVX9r32EUjSA3KtOpN+Cr
PghfIOhX96lzSPIxbGLQTZ8CeYOeYX6pgBpZB5pmMNCckj0EWI1MkPK4HpuMrgKuG56ghR3TTyiExDAG
lwedA3g5RgUi8aIBYCZDt59RlULEQ1uP7XxFbCu8oEwKqx0AuQ+rC9lPIw7T812FxXg11RfxVdgypYWn
KArABn5sUh1wBJEpiseGHkZut0yQ6wjLnf4o7qqCRRYRlinSbkLdEGif4ReFKKALE6sGIgT44oBeHZB9
cxkHgydga4AY2CMHdJ07jQ54LkXXJyXIfVInmZ18gplQKSkCZvzmir2VgOHRFSULaK2GdcMmBRWgy4gA
UpypNCuAUHxMi9OH7AJlYxIQ+JQlwPNVccaKwaZEqBmfx7jcMtobAOYQPPhY033TR+SoFV2y5l3aqp1e
RC2NjqHwCXpS61QDDRk652qGwxd1UeChTBxrgeEuT6/TKg1fkB4MW8qetAK1hadCmLqUPIQ1oEBYBtW0
AH2JpxgvAzxlSOcVsGCsGCRE55gBn8YuJhTLIWssHidYFVqghGYojlsW9wT2h07HWJcwKj9hnAvYFpYS
xwnejYK0EtLSiiEWaXGLw7BH+/RcAEiXknIR8g1mZ0wXOBYOuA5UDFlLLsYEtHjH0koFK0DLPObqaq9q
nU37YJ55Vcg6tyYqIKGVTxYFhLfSBHoXkgTWHLBEyRPjUhxdRpyEQFI+dnpQzPWqBjFqMl6pBgmZEuvS
kVAEc8eMM0IPrlBSVCwCBoMNMUA6EKFi00KFbgj6AsXJatIqo3+A0QKYS3QTeeLgBTwr86Q6lf7LoNRB
EA1mKj5b82WhT7uJuAWN9faCrCFb3HIscVsVjBAET59dWWgspLLFODFHiHuQGucKfvs2VXTkJZQ5dLAZ
OiC5g5yFxLTwoArjh1lJKxtrFfFwGRYU+sHSf0aZg+kkdEphbSm2K0TwGrJZM2pIe0lUKgVa3NCga54e
k25914UiBRURV1Vq1GSDKklgjcjhdVIUJ3dZsCWjm3I9jGnTHui9mAbCyTWxVcVjwn0HLYC2XAyH0qlk
/ZBG73MZhkIPQIn7ivGUZTGKUPOJuMSth9tgvzA2KAfoJ8Z5RPEAKVN/JStGNgeBkSkJLqiHXczEMHoA
gFs2I+cQ/NEpo5OSeHjIUyQg0CTQWZEgoQYRGlRE0NBb7MJMJrf6ocTbKVLLDnHeRbLL4s+FVPG8QO/i
CSTF4SAdmCXl1irC49jstFRmbJcWsK3pgy/5IcetoJl8vgsKwSUWhwCRswJP/GSE9ox9URx/JOepQj81
MREZDgE159LehBwAv5c9TUkdCy2BY4kBUoiLpMJYwZovnknhNS2ue/OFyBYvpXyw3kQ5OzCM+tIeIYV1
LMEU8gNwLlavRG87z3cLwjt05TEaC6xjPhbZRZ8sLSN6Vl1Zq4J4WYFiY1UFHWD3rC8MwoN0DkiX1DAL
0l4VlmPSZgdRpbytMOSnRI8jFHwKcQxZz/gWgB/03evGfjXBGOicJ5HSqoHI83xyKh1hJHvOsU28CFhH
rAOoEAJBCQ3wJEV7dK5ob4esIRaYDrQynRUqYHwh4wlzDuwbyA2uCWz37+i1wQCL/r5Ijgs+ETrPMzxm
gwvhQQogvgBcw+QDBdRV/kokYSIz4jkG+TyBDPKE/rcLp8P6SJOauIYp30pR0isSTFHSA6kJRUMqcbRW
I4hFnHAHY81vPhcJL1oItE33fK/oAhHzhiPQ3rthwVQ76dQ3Wgxxh6o69LrotnV4Pu7LeU13DswKbCHR
fcBKAxI9QWtoq7O3rB2PHrWSnEuZ7bs+/vQL53OwBPUyHfWu2ANlkcxKTIpP5S0UPInZVcFm616RpeB3
cIOHv93EHguAd8DpvcIX+ZaWL0Nx6miPJkuuZw9wuF8VZ5YpS2QCdg09fClSIpa1FyI2ofgTe0XaeJpO
G7pvg5qzQedL+YIuM+4iIp1gIiAcngNoiQLED0+dxLWbGMJCmZVv7PGTt4UG/veEdJ6it9Wt8QQISk5i
X2HQ72eUHqW90E9PQdcg/drE/0/pVE1EG3rEM6HeHUV0CChGf4pDpOUbiuyceGBFDhuTc9phw+XFGosk
MlUoIf5yH6PROD5sMKSZPyCcGxYlymqndcfSHs2papXaDMyT65HDRcMY137DCGAxwVx6bKFtMGeMVm+D
UgdK5LIRBGM/94iG7SrEGMsglUssp3Til9He99/TLcT553p8q8XAY6pGzs/1MNYI8kSHsD8h11LKEIC4
UNz8ZhM9g9+L+uEa4iM5TcnRc4O3k4g6ORMlukwFm+SMgZ+AyGMelBSxHMlWcTw4cuKV3yZaQA6WjLHH
fZQb3ifWuU9/YPz13t1tH+Xk6NHZLlog7/wd6IYHhX4k/mLgt5CxQTHQZtL336lEqpA+xdcCBAUBnwAF
gQ9g2ZS442RNekmc73wTKyy0qgl6cfFKeg1zPWWRGFwMHuaRv+UIych5aqcsgyfO1y5YCsLd3MO2Nka2
QkL5SQ2TYbQInlepeMOcTXKaERUS+qeJ04wSV9dG59PQpaNEezXhIAc6BPpFDo7zlOjakxOh2jck1vxu
QXR0XGvvc9GYgdGOX9wjmA173a9rrZ0SSyumdUmwmRwvm52CgX9gkO53YB80344+u9qLQuFyspkvCh6W
MwrTJZ5eHtw4HVV8VlEgOgxLTOAYZgBsN8EnnpzHGUbN+OH74oyiUwicRTsgzBMQbVADKhEbAKv3jUxJ
KMEIbyo5Kd5YFO0m6Eti0WkBY5gbhDviXsGBpF327NVyPS3/SWG3t8xthubBTPsIaWqMZe9q51FvsQYc
iy582DNxTY5wu3eIFBVHnKPkhOUbgXE8hlUe5dIAdLGLtZXzlpZesQ6cnXQGuwQmsZz8G/Foe9vovnYY
wRvUvH+fL+d6mAPAcVLgyWm6odmcGolHoJPyn//qlDiEfCmF8RMDHzDSlSPcytNZ7X1JcOHwWCPnQMql
PJHBJsNE4GGYnDVjlQBTisAu0Gg7rCUGgxlSVI6Ee0X7tLT8HVI5USCbWKIDtuJBRlfHRCeJrF6u1fmT
k5Md7ymk5Ag5xzWfi46mxiGSrAoEpEzmMVWuZ0DCDsQGjuUsExoKYIWWYELXWiLYHpsHzRSqgZ5+hj8b
yo1cjxxNm245H5YDYacsvXVYhm9p+TR0HAmT2AM7td9vk0XEOyAHt4vGl7NBp01oabPIHOZI5Ho6xOX6
pUi5NhFPFdIVCIN0y3hGp0PY0ZHgCCPWQasW64/o248ZG5dzHGskSM9twvzQX7v2VbfKkSpzJvyQRjsQ
IwM5jJxrrJOjb6flD+TBHgaH/QGfez0t8m1LQZUZNxRzk0qMtAVPlmDRVmWOJq7i3xIxM7YyN1U/N9qY
Hlp5eboxf2D1lzMry9frB2bweTb5sj52amXxwcrc0Mrcz9nwg2xirjF9vXFypDm9kF2ezCZmVhZv1y8d
z8av188/Wz3/BM1WFhZWFu5mpw80R3/Ons+uvDiwMvdT/ertxqWj2fPbKy8vNQ+caTxerD+6Xr90pPHy
VOOXi/UjQ/i9OXMY3fK9y4c4pF+uNc7cq489X71zbvX6Uz44NFwfR8uZ1fPTqzcuNCbnsuHHK3NHmy9f
1k9eajy5sfJyGY80X2JUz7JL9xoLyytzi2jZfHq4fu5i8+7I6o1T2eSV7Nbx+uN72cgxvn3xUv3Ms+b5
iWxkOJuer5+41zx+Mps7mF1aqD8bwzo07i9gXtnEqWzu0Mri0Mr8WHb7ZTZxtHHmav3JYja51Dgyym9n
z2Z3DtavXKofOVrHs+cerp5frF8awi/1c/PZi4ns2PmVhQf1iZMrS5Mc9sKJ+uST7NZPzeWLWDQsSGPx
auPq7dUDp+tzc/WxiWx+OTs1ng0/W1k8h/6b1+9l00ey4XuNB7IdL37KTl1oLk82rx9rHJzPRhcbR8bq
lw81zjzNpk6uzJ1rnD3WnF5qTl/Pho83n8zXz15sHnyUjV/Lhm9z2OP30C12Njs7gp3Kjv+UTd9onHiI
RVuZG68/fY65rLw8mz1/1FicaODZe0PNmTuNxZHGraXs2ELj4mL28mz90gPs3eqloeadAyuLz+vXXtTP
zNSPHQDZrF4cXj29VD9xG79n08+yxQUMpg4CmDi6emG4ObNYf3w2Wzq68vJ44+U0XlF/emJ16Ej96H2s
Rv3a8+zl6ezI8WxspDG7WD/xI+aYTV5bmQNd3apfOI1VzU6eWL36eGUeMz3ePPRydQjLOIpmoLTG3VMg
ElAmPsdLs1uj2ckxEE926y5GgvFj6RrXzjTuP1uZO432WNLVQ/dWr883Jqfx9tXRY83lC/ULM9mLoezu
0fqh4WzkKVa1efgUaJJ0dfpA48ixbG46G7+PT7Jj50hdCyfZ/9Qd/H9l/lp26WF2eaj+dKJ5d6w+fhYN
QPmNe0exUPXZg/WhE6Ai8Es2dDEbv4pxgkrxFQaAWaNxc3omu3oCRAjKwUJxT1/O1o9ONg9cyG4+rF84
sbK4yN05cDtbeF4/+7B+fLqxdILcOvuy+fLOyuLRxuLxlZcjmAVX7OkB0CpYElwGbuVcZi7XLyw1bi2Q
kBYms+NnsRFgW1AU1rx+5STHP7lUPz8MUsTIs+HnmBc6AZVmY+fBNdjHbO4cKC2bGWlcOwC2It2euJuN
PeOzxxayqwsgD6wtRoX2IKrV0eOcI6h34Vh27lL9wQ1QL6gRXWGRyQULk82hQ82Zs6B2kuLV+eb0FAZM
gjyznC1cqo9huxcaJ2ayG4dW71ysz81kJ49xGe/NghLw1OoQRM1QNv0T927iFDf99IH6tdFsdERed6J5
92Y28hgjxMKKTDuK/rOJ8eaTm1jS+tg5SBgwAmTOyuJNcFzj7gwWJLsNbl3AOnOmZ4ayM9PZKIbxsHFn
ERImWzgDmYNlQXtQI4bUeHGuuQTBchXcB7nXnLlBKsXWXwL/PqZwuHI4WxoD79d/nKqfWWosHm4sjmKO
jalzjckn4BqQRDY+Wb98G3RVv3hw9dxpCs+xh41DU6vn76GT1TPToF6s8+rlK9ncXPPobHNmqnFxKVu4
k80dq1+aJD3cflyfOdNcOtTgGEaadw9zZciJ0yT48/fqh0GfBxqPlrKX9+vnIcYpnVZ/uUBpcw+Ca371
8g3s4+roqezWYch8iJfViydBipB4q6efgd3IKZjU2MjKwi+NI/fJGosTzZO3688hYa5xhNPPsLONu8dB
ciKHn2NSZLrx69Qmp8ab0w8hSah9Fo82n9xbHZ1onHlOUnw5m50+nr04SxUwfhstMWbuxfIvq0NXsx/v
YVW59Q9/giTHRBpnHjdnSKX1a9exI82Z29mJkWziUTbxM7iguXwGYr/5ZGpl/mF28njj7kMRJiOgKDLg
zBPyFMTywpls6r7Iz9PUL/eOZgsToJPm2IP6pUPZ6evsjZv4LJs+tLJ8uT5+qzkEmXNmZXE8u3W/8fP5
bOImRGt96EBj/Bn/fWQ+G/ulOX0Lr8uWh1evL0LmQyNkDyf40rFT2RCplN/+/CP0b3ZsuH70werBm5AP
eC8lIeTnyDDF0UlMbZ6cDv69O4KZrl68Acak3lwexVAbZ2ahU0iokJyjC7LOx/FVfeompDomWL9wtX52
eGXhKOiH+vfaKOZI+T9+vbl0GpyIN4L8sOON60PQFxRlCyNkmcWFxhTo+TS0GxXQyUOQtyQqKJexH7OZ
eby3eQT8PkONPHKM/AtZcelq46fDfPaXo42pI42FuxDm2RWIponVn49l01fI42PPMH0MFVAB42lMLQm/
H81OXM3GJuvnr1FNQAMCEgwdJa4Ad4+N1o+NZsfPkwvOT61OjmSTN0QnCnNBrU9eq0/dagzfBZXWn89m
lx5jjiQ56NPnV4TOr4LIMR7okeYy5vUCCoLMTnl4GpwreoS6hmpl5jBUW/PukWzpPDnl+Amqs4WpbPoY
iKd++Cq/mj7SvDmMBuDQ1YPT1BEQgwt3Vm9eJQq6+LJx+Fnz5QOilPHb7G36IZEMZPt1vPcYGJ+79vAU
xchpSLBLzdvL4ERs4urwj9nCeTwOfbeyeKH+YAkSAOqeUgu7PH2MApbI5Bw0HTTp6o2RbOYFURbme2wR
FAK5wf8vTmTDc1zVyWvZ/ONsAlxwGFyZ3bgCPq1fPgl0RLK8cWVl/ije1TxATVo/O4YdJ23PPwEwg7Ij
xYIgwbYzR4A3oLZWlqfrZ+aziYMrcyfqR05nxx+CQyGNKeVuPGzePUhwMnWBYOzRUuP2leaJ57JQ9zHZ
xuLdxuLUystrwCGU/9CJ964DKUGUEW9ABt66ujo53Lx4on4a6uzS6s0TwBjkx6fPoeVJny9PA9U0rk4R
sl6+jpWvP1psnDvfXD5JhLNwF7OAuofEw7I0x4Bgx0CZxJ+TV4EQyFZnJ1aBoEjbh/EKoseHhyi0H48S
MQLBjt9rPrkKBZGNgE/R1TLAJ6i3fu4l4c3E+eb0PSwOeRYIeeL46p0xoqwXCxS/Q3ebxw5lYHkg5KMX
V16cWj3/COsJIqSWuXS8eXeIgn3iIB4Bs0BIkgexv8uXmzPAUUsr83fA4NyIp0ehGRt3idzA4FwcKLLp
n5oHrzduU+/Uz00BiQFdUAdhhcevgHewm8Cuq6OjnNfJ21BeRCPYu8lpstvYLDRv/dRhootLR6h/b402
b74kqoEgvbSApYPWy6bOg7yx0ZCfFPIjYNhTRE2Xb5AjgB4pD69AsLC3h09AYKBe4aZxYJjmwxv4f/3i
NLiJUmUOZDO+8uIapcHYL/WpY/XJR/Wjt0WPTBI2Dx8nB038TI15/hkV8ePR5r3x5tIS+Aucwh2cvkEY
OXQAvQF4410wGWiVPHkC6d149gi4lMgfGmr0Z7APmB3vgpYB1AG5rl6+z/1aoIalHAbdvoACugn9no1d
W714i4s/NtccP4iFAm7BjtQfXK+fnYPKzh6eoiYd+xE4DZqxfkRGBX48eYIIcPievPcpZMvKy8dQOo2p
M1ANRBrLl1d/ugShhxfVbw6BxrAX2DvoAkyz/uhHbjRk9dxc48xPzdHHHM/JEWJCID3oSkCaW4DEz/DS
5pXj2fxc484EMT9Q1ssbVGSjI8C6lCeArLBxxh7Why7XD4EIT1CPHJ8AF0ATYWrEz7dfgjtowhw7AlFJ
UoQEm4e5dIkE9uIX0Ay2m8bLEUiPwyBFbHf98jJoFSANIguMRnPpwmnMjpBvHJwySRENm+L4KBacanrh
DvfryH3y1NknAKIY3urQNUpO0tj51av3IU+aT+bYDyaIrZycWz1/idIY2uHlLDUdrCrIc+CZ6XmuMJZr
XKyky9chD2kqAj1Oc2tA8AJynmWzw2AcSM7m8hUwKRRQdhx24hIepGnw/G52+zZEBK0YaD0YsJdvW5MW
NAzaI81AmULpQNqPX+Hig6nvjEGjYYPAX6tnLmKjOYWTY8B7EOnZ0AsQGCc7eapx+Sb0MkQTrbCFn6Ge
Vi9QnVGiHlmuHx2GmF09uywct0AUAYsJWhi2yeITcBmEc31+KXt+J5t4DO5eWXwJEoKmAIvBqoL2h6yj
UQbaOHM1OwXz6ia4CfCVNjjo5wWoYr555BFIDvPCvtNUBDdBYsDAPwz6OU5RP3yX2wdNCsG4fJJkA6G0
fL75+CYx2zMA8tHs0lVC5acX67NXYdlRAZ24R+gLow/jvzxFfXrkLq0zkOXQNUgbgha0mV8WW3KhPjHR
XH6YTVyAlUSWX7xKfj8ivHDxfnNmiRDrGCU2cSMsOLz0xCJ10JHjsMppHcw/ARXVLx/E2EADK3MvQb1U
3xeh3Ubql37mHCFvaaTAzr0JCUMsdGQsu3y+ufALdgHzzRZGMGzgdhKe8Avt8UtXm7Py+SHYApcIdw9O
N6ZnAS1op88ehBLMJs5BllIbwlCdnMPKg7WJisdGVn+8CrsGfzauTxNXQ1YvHaVldHkIVkP9CiyFi80Z
IKJpoqDpy80nlyFRCVpunsDc6yfEWoeFNfNjNn0NPAKxQ7h1/2zzl3ONc0v4CoYJJQNGAsH7y0Vq0sPL
jV9u12cmRKRMZbcsR4/gE2qfW/frT26DrYgkJx42DtwERQGjYsr0n8z9DH2UTV+gOwImA5D/5BzV9NiF
xtnbhL54aglm3RiNo6VlAunJKVAg7dCx5Wz2aP3aBMURjESsNshm9Enj5wOkqAOnBYg+EHfKaTBF/fpN
Uuz4YwiTbOJOdusc+Xf4EPA8TQAChgvAbNnkpGjn682fgdJPrP50snH3ANaKy3X3MFRn/dlY88l8NjwL
LsuWLwA40UkFI3TuDvf95HFMtnHxBX0jL4ZgSVGNUrOfF01BSoPEgE1By1EsOPyO3mCtiIl6FTqagJ9o
kz4oohQggctXoaqw1+ACyrFh+iiwOFRGLy407g5hGQH8sCYQoasHxutjj0hFEzfp21m4lT2cJepYvgzz
XCwIMPJBvJqyhZiKLrJsdpYkB3V5+Cq4tT49Toq6fqV+8lL28Gg2C2V6ggba2PPmkxu0lW4+XL0K2EZ3
ED4hnLv8E+XG/COYRZgdRRww1eQ4LeiLp/DJKvj92DCkuvjQntESfDpJCAdD4OikCJxjGAxl2oWZxqUX
jcvYC0CUJ9k9KIhJIkmsz/Ff6Dp4caF+6BrIMrs5SmE4PNs8MkMn2PAwXTQP7mDHVy8CJz/DXIhegEAm
ZmCT4nXQkvQ8wHKBdUkbZIkegxsv0M/Ki/MAvfXzE/SDwVrEpmDjsNFT6HAGlLM6dJAC9sRV7DVAF8Ug
Ojk3CloCtG4sLkPKNe4RBTUWx7BiNDqO3IcdRx/LyUuNowCBk9jxlbnbFHoP55rLl7KRi5zypSOwZBu/
YJ2PwH5pzl4HmWGhOPLbLxuLl/FhdvwADdvlQ83lSUwKhgD0EZ1OLy5k48tsicE/uNl8OpHNw0I5Q2cm
cAKY6+Qp0Q4PKaiBu6aXgBUhc/iWp4eBYMk1156s/jTRuDxE6XTrLp2BF2bqM2dJIRcXKKuPnSOXTR8j
42Czrp6A8KT5A/ELpX/kNORt48wN+jfuHBQP1T1af8uXG4BYk9caT65RPgBbAnsfvEdcNLlEb+ThSVE9
4JGbUFsCmWjjU4NPH6mf+LEO4Dd7ZHX0mEi5SZhvNGzvL6zeOQfwTIvj3OHV+7NE13NH0YbrMALrnvwC
M3xl/sjqhcfZ8BHsPv1RLw6uLExnIwAGRxsn7lPHLd3CvhNDPjwFpQw6oT1+b5Zae/g5um2cWQRoIXp5
TKMV6p5YFED60EvQNh131x9QR8OyuHS0Pjdcv/1T/eSVxoNT9BJfO7C6SFQGyiHZz15tHp3AdhOdzi02
pq+vXnhWn37avLeYjYw3lhebM6cghME42YGfiIhevFiZP0Gjb3qGW/b8duPoUH346Mo8AOdc48QMmfoq
xNEi13z5KdHIFTp7geK4krCUjy1jOm7KMA4dDviM6/Ni35MQydgPfdePEl9XqlE1ir9NtZsyUIUnnl4k
AbOhBGwa1juIlQTOhmFUKcRa4mfDqo6ZhKUYvyohpcb1U095cs4eqTREn9KP8eQTiZqPq7HGe40uvVoI
JY7UDESM5ZDAUsN0klCVVYG5yyU5SGNIrpHQQg6b0Sjfpn7VBj4aia01KiiloXKjONaRTe5kSK8fqzj2
C4w+RG9lGbnmATgPMjhOVSn4axGJjDtlqLlhoN+rqVArxu242gbhSuyohOYWFENwY4mFxXhSxulJbE9U
YcBmMMBoQH6O+coqGQnANRKkG0pVACWRvIbnUIxm5im7p5nPHRV5xiaRnkbiYSJmTvhKgjM5R6yYG1Wq
NnNbG4n24a7FeIEv4Zk8v7WRkLHEfxqP8TeYY+z6qhp5GASztZPI8zlQ/F4IJKiYUQKYa8D6HX7kxr7x
sZvMQ8JOpewBv+siKQSrEmNlJb1KawZGRRJALRHKnpIeVFTk6mEF0FS38eCcK6OMnJUbiVWLGLNk+2c0
KFYqkrhBI1HXBpP1GWXLnBEJozax2v/qMd5Z8DnTlDFuUaC9KNEh9heTfbVgJDqP0bJ+qBjXhPFyZZTL
sKbIfXXd8/dL3Cdj//CUZHsp7v5+UrgfRNhFjpkkH7+6v8/HO149rur9pCpPDbya8nSkB3h2WVXMAq5o
hpAzlJVpQEyXKL667vqBqwp4SCKCJXzVQ594OupTVcxCgmFNQShEIqeNhNHGEi0cFmW1sdfccYb6GknX
5Uwx94IfFFREjgDhkCsNY5iUxDd60esnrxd/nfh1VLLkF14/xM8cs95/PS6fPPr1gOTKP8bvy78O4fOD
0ubpr0fwc0jy6n+ST2bx23PJqV+0mfavf5RnlyULf4q9SY8vfh3Fpy+YrY+/F/lvZvHj2SXJ6n+M1mvf
vz7Dsb2+yvfyO/QnGfySYf/i9YL091j6f8TeZWwvXl9/fe/1Sfz3IZ69a2chzz6Sb/Ekxn1DxvxEPuNb
X8h8Zdb49kf5BG/5dVhmzb5ZY4Atn+Cfl+j5R/vGtbEx1//H30eIZw+s9cA2Q+hx9t8VA+bwxEtZ0yvy
D9d6RN7+UNrYOgasLLAklQOW0DPHaesXLP16AL09+e3W2d9uj/52a/6322Py+9Bvt+bkk7O/3VqST47+
duvMb7ce/nbrZ/n3Pfl2Qhrg/8u/3ZqSp0b5ID9Bm1vy1Lz8e0QenJc2M/yF/15iGza+jd/7FHlaWl7i
//nU8G+3Hvx26478fv63W2Py1ZL8PiGdTMsb7/126+lanxzV7d//jXddkJFc+r2fIXmd9MPfn0rLe/LJ
vd/7RPsjMovp31dgWlpiDI/kkznpbVqeuiOfnJanRuTDB9JgSj55IN3+xAf51T1pc17Wdkh6G3oz//bw
2yNvbvPfb0ffPHxz982NN9NvZt/Mv5nBP3d//xw/T6Wuw8Lb8TezUslhhPUZ0J41GEbQfvbNM7Q7/PbQ
21H8fRefjr0dfntQ6jzMSyWHu/I5W7Biw8/o+SCrO6DfqTf30RPe+/YAPnuO3u7h7bPS8jZHhd+G0eIu
Ws5wtFJbYlwqScy/eYZvx98ewO9Tb36Rt3Jso+j3Jt/45sHaTEbx+2PWosB4Rt7MyJgey7tmMTvOlFUl
HrKWBFrelNoUw+jRjvhnmQlGgKdYo+IpnnqCnyl8MibVKlgN466Mlk/wPbOc1+/PYoQ30fcY5nkXT99c
+3yEb5OxcCZj+Ocgx4uWI2+mudry28/S5zDeePfNdZnduLRh66fcG1mf2bcHWR2Dq8Q1ln2ZkXHclPZY
Z+zdz1xdPDGCzx6gj2EZw8/ckzcP8Nt9rNIIWo7jrcNoz1ksvHmET0Ywh8fccRnPYanSwRW2ozuI9bkn
877LFUZPN4VGWLXjOvdExjG8tneHWNED35LmfsY3HNW9f6/6Y1mZQ/KueaGKGYwP45K3ch3mpbdR6X+U
MwfdzL55zjFIbJjkBjFGkrGnaZCUGeQaFG0EtsA6BjylVYlGlDAlj5U1pLqDRKoVlSn7UdhlY+wl5CSu
Ae5ITq9E0zNdn7rbZgKYOA1DyX6O+DirETCSV2KTmV3DPM5BHUjRReAzN9BpKKUXQs2s9n6iGxXWvBrU
qk3LNxLQN6DcGvpktHmvnRHL0aBTz5fciFhLdnIs88UbCiw/UfalaITNAzBr4cp8C8Nddcx4V0bIsPhA
mZHRgY27zytPch6lsof2BrVEOwu2dJlU7aUuy9zwL4AZhnwync1VoU2e8Ewq0xXQzNwit8y0hTSWOhbM
MmHBkQLARU2ilKV0p2K+pxRui5mYgO8qimnu2oYlGlkCAoKQWAGDKDHODyBHJzWbjyFrzVQyicn3EkCf
EtMUGGlrGJbJeLhAcncJ1kJCd4Yo1wjiMVymjDPMSYK+mFJXldSEgLFMNpdkYx86wyN4u2wn666hb/ul
3sfgWbOWW1FgvKard3GmprzD0llSjhlytUfCpR1gRFv2gaHxiRqQ6DsaCJi7pBuVdC9IgZXuiGfjmqdd
RjYxWZXJI77h/rHuB5aYxRP8hHU2GbxYkoS6gPTBlAEtLY0NdJL6GKxRIfmuLN4IeG2zHIxNyjA2PptF
u7hmJDDsAGOAfckOIWl4fonIvOq7XJ5ttuZKhcYGV14x6DewO23TZKxFpAIQLinSZk+027B4I3GdAI1a
4sYYKcv5pSZxCtpmdpi/WWpNmWwQ1DSTzjzmSDBgjQH+wmMDfgRIiYXE5xylJB0IzXe1p0HPuhYGvbKo
QCB1SSSezw8ZwcfQTabylbSyU2EBNIB6icDXXlXSDMLUvn+nnburJK3775bVGEmbMikHbOSCysEj2tvG
8iFMyaB9A9IocascG+dmg3oZx0dq2JYy6ywp6UTmLqkthkPBX3vsFrtK+NcmyDDPQJJdiOpdzfwBbrCs
tSHVwTLp3iRv+sQKAafbCfWgs8Pug01t8npJISr4wsoeyhBfSjiQScDX5IcdzG4rST2iAgsyMmTTFLTk
kkgsuPZ26jQxTOkJSfMSvx/bOjssJpMM6rXk/qBm7PxAUpx0r2VfyJcqyXNf2S/4CRN+32lr22GFh9TA
YUL1APchSiUKdC3vZS05ZoMVWtWUNqAWOd2dsyH3DgPOpTCHUMinYktyT0AFzCICm9VsYotp28Sagi2S
iBBXdlhhxeK0oc0KIoFVmVpTYoEUhklawSkx/Nr7mNQfQgozC8hjaG1c6fFhuaSeHixrS1LMBPF67Y65
KmGg/jarA2xOkS3wBG4IfT4v0kbXmOeCld/B7MBSVGbJEVX72HI4M4ZAtButCBKSAilq1qUukRkHSLuG
gYmSewXCpwAKavmWFiYL4LUOiMwD7YADtkMyYHN3UOpCSWKJHZab9NFKfxpLLeqcIxnYNo3D0L71pSgz
sxU+syK9nErCox86bAVJoPzY7MAKMp2ZGYYqKMQ2PNuXPKtAWpe2sg5vd85mTzhrSUqM9MeagZkrfsos
kH7MdluFZUjVLk9y4/9l5/651dpMS3GSSCI7u3NUpoHex6hpUkEimQcFRs4OaKn4peM2m35n0+kMazLg
cZb3xdx3gxmK0T4qNwYmQ1fRaBZhBZW1z6+klbIVcpArvhfUIJ8rUoUUVAIFj3Gy7LfEexupbYWpYATa
5lanrPYaKpPUQJ54q9NrcUjMDMVUU5ZEldpXFlZgzUQ3UiZTwKFnvE8JeeftEmyzqGSXR43sGF0iF38V
QZQnjk3nMHuU61vRzNyAtOoMSvkihrtuHdQOy35vEy25lqVhvrHZeiy5hEkrVwQEKyhj36Xohva2OhLK
m1gwVKDWNUkBO1H0E8ZFY4C9VsCzMinWDBIYHZpKJPKFdfLwH984LGjOucdGi6cEW8H61N05UXUgaFYW
GmDMP1MRuA9SubSiuaL78P6KzQeOtU0M2qrFreZhkRzWBWJ4tgIPi0oeVDUuubMtZR6rzTIzOyz4slll
RorAQY+zaJqR1BAMQipgrGupsqY1NHosqZEu641XE8FuDCSOJVnNBm3bNE4WAmOKnLN+PRkPAoRzhzIN
JIcVwhwyxKp5C7C0AlmCKZlWLeKCyWqmNS9JPpJx7K7lIUGTiGvH+sI8G9Tv2BycWIquMU6ftYr0Lgny
hzAWbb+WZLnDQj9ffGZBCFlO6JDKNn5jUyKY0kE6Y0B0rodCPCAslM6oCPBdGyBn/1oamfb+mrI8MvVR
VSrEQQtXzN4yVJxxKtF+ohtuoy9lWZjWqC0zQ8BT3G0VitpYZvkt7X0Z1CoAGt9YIWkTWY0Up8LEAKlC
313LorTpjIzPB1IUH24iwkN2xObHSpGxoFayibBSIgv0Z4vUUPGxG6sULeXnWZWi7FdZsMdnaq2ILsnO
IUxhQSIvTWSrmB3KbEQLGRP5viS8FjAZgTmE2y2eB/rle39wpDDPHgsnoSIprViyHiS2G4QBQW/TE41k
0mlvF3mHGqdIbc9UXAAe3lcAadOrZS5tdpV2WyjNPLKoyCImLB8kpYuorkPmXLJc1oaO1naWku6T6toU
F9aM6E10taxDJhDo0IkKYlRIeaZ1LZ9L5pnDFcNQc44UvbEpywZ6ZTeIvKXlc7CRY3OzjMTyYx+s1Cv6
AslYJANDo8NUyhsy6wIWiqwSCya5PowRgHRj+iwtfaxZLMDZziI5acWWJupJBn1BZhETM2qs7s7ycwq4
PNaOTaNgDRnaY+WYTkQyLdlRcrIEXEKUsmrxuhZnhzXuQOvgSZb0Nxgg3+4oI2/3wT6SWthFtujpYuV7
AAlBDutabL6esWPRdkG2EsyiF9ci4002/UDKi7U4xu5YwdbMsgmnzqCWtLyODluvDfQOIgQMpQSTyh8Q
nj5VuFPwea1CjddbOCxq6nADWRwdf70bK6iETl7XwMrbrLwWljZY4t2JfwFVMXmP9OkzNYSlgPiGbVaU
/A2wDPbnAIiRX6YUMsZlCUIViGp1uv9uhYdUCYOIdUSd2mQVr0tJYi8TkbCYzjbI39gXHVfWO383VxMo
Eo/pLgOcEdOWOwuKgsWwMDdHBglIoxgiA2tKHe4o2pS0PoFH2dlfmZIIyCGZJpLwRjVh0zRsGoizW3Jd
HKIZsm+tSnKT0ocubcWKL3URQ8cvWqMpsQlhHgkIr223UqBgs23axG7ZyoqcYvczLTsv+VO5HowMb01g
gwRarD3SvOT84Dsscuonu+WyAY95T+QL6gFlpD5ergez5DrbNFkASN4Y0MNrMZyC3DKCTVWOSK0KDdS4
1i6ZU/mihQAe9gTqjMVpoNlci9ml5IHYMrS+/ES0fZiKSPqr1FB3RFSahNAPfxal+CRlAbiSZb1Ye9MK
FGewHHG4JNKURTSkMIUByMd4ZelYMlPy3W1Ct+mVmgUOy/hzN6MKt5NICURF/YcX2aTFrkKNm+l8YSHq
HuvssCmvLKdJ9mDiEnR5L9gD/UlNt6C2h5oJEjJyeIJFyyallUyj1NgqCcwZpnYykpVseIUKlon1hGhl
KclrosUOoWOTCDe02UQsMSNyPbR6Er/aa01nW+nA7E3jfgxCCqfqOC8lNDcILmhpKVgalNJ1vIaDeZpr
lR+6v2JdjNiTbPKgVuU9KL6Yxf7vKUQtkuq09Y9pIAwkh2ZGLlIQCQZTwJXy8AIdtJuu+UOMFFPFxHZa
J5dd1patjlQClLpvPMZKIRwqYlBhq+iewvj2SXU7SW9d12KrHOT/sq8SOANyr43YaqwAxzoC3CTeqYA2
Gvi4ra2nNQ+OjTfYjD3Dy1XwAOtA4X9iVu/Xf2MaKAhF0kRB47HbnWvfY31IHrPL6UkSzJdYILhHSmk4
vLXG8cO/snJbWd5MgGlttS7JRu9RjsBg3tsQrpcrReKNzi7r4SnCtiMqI8NE8ScpzaHaNj+2NQ5kKiAb
Wi6fS5mVwOb6mT1rjqWNQFWe49i8wTX3D0vUSiZ9ESzdYktgmI/lJh1nm7Vz+GxFiZ6zlTEAEGsscSc6
QEQz2xtKLyBe37B2HCxz1smPmIQGHJzEO2y1ks9TA2Ri/m7NKxhUFcGm4r2jtsZ6fip5ohuldmZQa6ed
+40Cy8idAlKLYMO2VMoskkVBbta7tfHTUDgOkJg79ol2eEmPTQU32+Qwttbyhz+w4thOGJUaQsjaapIM
l+thajdYRnDPfr0Ndl9ZVTbY0hHfWQaqptJ1q6ixDTbrsWXntr3b/un8J3EicIXYRTQqEoxeEtfphWN1
xZrzjdT7Wy9iBrJMUjmNX9xA2PBpIsN9l5fQdDq5HqlDyxtuQC9fWh+ntkCXV+KI7GHuZlgS9ONEoZT7
FVhRrLmUfOQq65dKoPMHQ1rVrPkZDpA8hVHDEjcM3/EKEJBwzoFF3J3zmLIdVe0bEsyBFGAzZA2Mf46C
1SnBzSpwaby3doqksMmCChiCcn5A1L/4DqFet1nvK2vz6jRW1ockR9pglSAgJhpcm5ioGSPOv2JNBJFU
Xyn6ZG0M2k12WqxIkxXL0yJ76tiCK5KPiV4+k5IHznZq2KhIbSjuxZAXx1ANglL66aTsTyQ5eb1NjMw5
tpRN96CVptTyX/mlzhaZH8thcIbbsFEbHTdOpX4N6xrkeujHRL9ScNOwmB2NbBoG6e+GprFZwQ7YkC4K
wYrdTss6KXqZRFJk4Ctrse+xfuHdFmvsoaOApXmkdMXf/JiktVaQYYd1a+2xaNTmwndWCRVY60LR5fmZ
WKuOrWNitoUATGHN6nfnK+va2WWtcmt+GNdSOTYdlGKhGB0oYvW02UI0X1g8KLmgAJm/V4dQLCdkS3IY
3rJEcCLFgoxIvkKN+lbqdsf96BP0CYKsAXzSFcjv0Lmy8owXRmHjWlp6oSid9VIFeb2tumH6dY0Fw0X3
BwFT1NFSKta2dtI7qQcdW63HkVrZEKaxwwRmKaXQuTbaTvG9Qh9JnrexCbAOvRE6KPZar8puLUnbA6KE
tdRDMmV6YKGWEvqXgGRdqZlAde6wShS1p9mZ9lMq2jJBG8Ug9pNBK/J4CxE2QDmSYpzbmisnSZVvBifa
qhMtUnYoqNlaNLFrDQcyOnsXXBf22uME+jvxooDlnJNa0doWFPIANdraVSalo0n3ihXplC1dfyUlTkKp
H2CSbQHdKUqUjXg9aF4J9s315AWGel4kOKtoF4T1V9GG/hCVlHdajbfDuo5tzRvTapUNhrAG03gjHFGC
FV30yX1qDc2iX0w0L8FxeBlbXkp35uVagtAr2nLysNVYSgg8FUi+dgny2+12PsfL82JkQ/pZZFy1BUCU
I3WtWX8NS8AK9hQC4v9yCmK2xLzZzKH1TDXvsFaCw+AWwfqxVCVZK3LECgqJaKdE6gEHUeoVY7pa0Nnn
4qzYxMMu+ntgQULpbbfuYaL+SB5giNGA5VupEA/wLDXsPF6zApFhazo4UmhEe59Zv/cnUhDKkRufarw4
CH/VxNsEaSoFMyRqiBCDlehzPUZGUOJVP6DB7ZKV3cqqddjs2NZe+hjKmGdn2AAHmiZl7TXP1iMwLA7s
gFisS49lNrnF1I1YCSV2jqVIKQCAR6G5vMhNZSHLrK0vxfRZmaaYWg+UY4te9OxmuTdTo7YXONWHzfS+
tsceHK64FCIe8tgzRUecAa5OBVw4n1t72ubzt2gaE2FS0OJbgyzYwfpo/j4SEbV9xXf/2CH/I+HF9Et5
gKaOLTTmiLYFYgGxyAoCmzrdUl+Y50Cs2mH2WFDKewyIIxN5bzEV5/SA3LlUsrWYoAPExmdsFCxZqeKt
1+q8GPKYppdONIq40VzyB6tw2NJnbbwlhv4CFZJZbGY9ltIhGmvNQ2tuaBWnUWunFA62jEetbaUNT1Op
jmKfdflsySPD8qv4sZ5Z8LpDYbdD0Lax1aec7akYmms1jPZaqwDsK/Rd1axaUYo8VqXbq0qkz23CVFup
tiBYvpIKLaB0hmDJDZQQSLb0wbufsSBQEA5qhyyxw57H/TWFVDcVa6/QtUJdJScTDiS+4Vgg4mjASdXw
9RuF+GBNRWwdtIiGZDla1iehtUGrcA0mQFUQhtryVrZqmNnOGg+x1P/hATj5HqLZ0iAvz3RYfj6G3o53
WzdTH0+vYX2KLs/nrXlMaBKy3I3Dq1NsaSLWwwHfh/KfxMYk5hw5vokd1gimBMXrwkhuKBOqgwypVUCB
YhDwdgsdd9iyEIQHQL8Wj+fa/9PpeuefO8RIc7ojcY44tF3BR3K1m+dY9EuzxfxbvRjHGhcQhnhgUA4H
XWOrn/HaSpZO4Y2QFICYP5duzUcq0s1xbKm4H8Rrt8EWEiyz2Foh2jdoVZ2dmMdabfvBY44XwTSJrXM8
74iCHhzM57CfBTGIS1LxPdrKdcNa5x1xnFl3kfn+++9+6Bz0BQJERVML7fLwnNRITVJNDyeJnVVX9sYq
FUHqGFvAzhoqXWCnXkClbdYLbs3cvLUGkx3WGhSCzDl/9wOAj4pJYcUWeOdYit0q+FJbNy9XAmywxRAd
W3fQSJ2YqBiyJpoKdtiTbNayC5TcVYAFkdsAglqbdfG02SKLXe2B39PSknfEvQjGIxVD/NLRv2vNJy51
vpwBX4mtVmW1ygCkR89enAaCnmNxxrmWGwkKWK8vDSgIy2T6qN9WT9zYbYlow1rhNPGzAgFLkXfWasby
fS6VS5z/4j2rXm2tGhSL97Mz8aV72+WKVyPV+7vaCeqIbWw9RwJ4SOGyXyHV0IwoYBvFjsuzzj9Lg8Pe
5LWOnFYSmby959ET50OVxdKSmqWvrb4QdO0ze9KrHGGFT3RcEB6N/X5Qsq2HmF8r9yjF/9aOvqu8BBLs
JJ602LHy06GPEyYd0AXveKRTFEwSW0wkZ+OOw1OPCu8u9WORtNBxfvJfFvkDC0ehH9l6jc5aecA1PWFL
EtI1Sm9orpUXqW0QZ0DAw21KFFtVbW3QG/fYqAEsI+8YdOgT7845Vp/5oTgDuuwxhq1s87eerv/dDpFI
FxBPpC1YNyzIGgPeihKWO1aUeafbWY+/6Q6Va2vjBCtha8Fs3RarApAcpTDm7lp3EauLcbZyCthmKwZu
BClRb7D6Mr6jygSr7Qi4ciFLqdEZVxJ9a523UhWfYmbtLNJqPEydtbh3WAvTFq8yPdZslZWg1w/YsxDY
knqORFZgKmIV5Ktma875i2NvjklATjzqYsl2bKqtt2ikyD5GxjtE6MbwSDeEFYIS0Hl3jorInkkxzmO7
KsCeCe352JqYEXcDz2ATOYLbZgS+2kp0htznx2Rd+glpdoN+PmHF4SjcvOa5dF2iC1sk1GE5fh6dWpjW
KrfobahSmqF765MFm/01DWpYxj85OSJcHnDS7Qq0RqcT6FEsYbr6HLntdP2f1kMdWkTs2BpqVDYcjq2z
Z3i5MneFZ95qrRCo02VJimBLDiHZcgNLtoERSC4wMcC0vBI678i5mlxgIiU68Xut3fJvoSTIB4qBG/6p
vfNCLhsB9LPwYHN1n7Oluq9PbjPJy61IjrIVVPMwVIhYLD23dYtPrpP0SdUkBWPztk9HVKTTbWu3bqSt
w5vpbGFAW2CKTjIGIPE6TEcZW7PUkwKCsa3N3+JQCUdSZZWIumjphfoxpMfXoduDS051Zc8PBy2sGCyL
F5ZnXeDiQtzD+z6tL8exJ8TdoqSAIFLa9to34j9TskXONq/ix+Lu3ae9Tlv91vncxijtIV1vdChJYj8i
luIRYiwKFvzO0ondObn2hIWg7GEw0a+SmYiQFfQrwlhuPXCwWBUif96L5bCmGXgyTQzkkinW0G1RiggC
v0D2RGKk2UJpRogvpMMM7F8hbOLBii8g0fPFqb2bh7MwXsUzt8EWz6Q/sopubJyHQ2KgUqA1wSNXnjsb
dy3MgMWsfi8m10ZDDVsFKxm6uWZrT5p2q0Z3xBEGrBxb75FXMHBiiZiDIiCwD1o0Xet3jB2DjBOAFVhT
j5dVQaPtlv/lLE/n5IoH5TDJI6oZIimHd8XwEo3QHgbHFSvB0oJcwRBriWUjFANFWpjWI8GPmJiWG3a/
sEcGfmjLAUeyGH9nSdb15gt7rCpFJlUoxwm0A0Q7QmYRtNlyvTUiK7keVzSercv5HWE/KwFKDVXwoESG
5K3v35FKYRvk3qZcT8oa+rkep5cOZTotBkQFQPtCW0F/Yv8IfVnwGMIGk7anco5jjyPoMgFZbcjt/PLz
HZENOBQ+Z1yEmDnOf9mwDVtTkIfIEk8UUf0OWgjdaWFa4q0JapEhYQUGFX0ezOohHhbPl6We9aJFocGl
vq+3nSFcsG+jxJYKk1ph1i7eXBJfTHWHDSHJr9WhtmVfJVihzANYnjsy6JCyzpVeRLfxpMKxIVyMHTA0
FcpSzJDxWZwAZIONhesuWD8fDSlozO5uh26VLkuuLVJulGdZclQrzLhWfDQvGD0KqdihPvPWh8gzLFo2
oN9iFNsCsY6tVYhpyz1jkZWRtuhfnnJQSEwitHZYb72xlYA5aMyGRAqOJsrCjlpxz70jCZNOfMzInv9h
YVmUkbQL+CclDBl6IjDNHlt9U7DwADiYVz18asG6LQG+UTlyhsPHsRRfSP0/R24A0TFvfWfZbHatfq+L
OxiJ33yDLWJsUYWIGsy1zTLgHql7KUsrsCLmVlkr6Rtb/3qjxFlI2KkfeRvpc7fnt9avJoGDcri+FuPJ
2pUErrVtNhAlkXPDWr/FGqKC17WQm7AriqFXURimLFoa7LABjuLsZ0KRUGsUC5Cg1waLiuYb8aEby31l
tkRem41rNl+6PCrjZQ000iwHOPR84YGd1uug6dQjYjFlnqvxnraAJ3eBdTPhz24/kZgVBlgNUE7Y0FJR
KGvFDY0luhZrpOV9mo7Qg9b0snrzG+Xw0jGAoX6WvLehUBuJqDGxbyyBymVhvH+EK7DRRttBwcrCFITx
KnKHHNSn1IF37BmfQz4TNWGIjW0NZcfSmRE0EddskXTj2EOiPTZ+CUKGW2djyL2i3HrIg3VyhxzD+yGj
9ABUqKDpMbMucV5nxMViiV9YPvZgWmKCgkBu2HOULd7p2IrfeXZNDfaZElzBI+E0+QQLCCoQ67pQ4/Ga
tXp4Gub5Uji6IGFMNTF9AmX1mJFal4khj5VIHvS+hrEupub3utJO99e9fKbXHpPZsphGzmhBjrICeUoL
vM+etG/kdZA8h02lXqSwUxBY8NRu5co339i6rJ+oGCLPa5c7l6yME0xJ7ypjvRhwwTLzQIf9NWye+poZ
cJ6WA811LdsSVv5VcoSd2nu1aht5T3RAYwt/5XrWqmDKbYuOAlynNxzUw4WVCvbYvLWAbRECDquiOt+1
2Pgj3gfNSW8UZqT2oneUltrfef+05o67SmjiE9ZapiSSoIW1upLfWaJlHB19HkWJTeWC8I5yzA8jq9i3
MyBpkLE4ScwcR16yhZUVXcoBVOi45tpH8deGkS5d1E4E1qxL65s2GyVWtp49lsPEW2h9yh2MmgcIvI6N
/t1EbBlqbdpLcophfBtcVrQqYXtaBLiKbHnOLnG+Q17H3P9ohz0yECvHD20N0LXgcVGfAN6wbgcA9m11
fOcHXqLFEzaHHcmNOirg0VnI8F/KwfYk5bWPLGbLg/BesF5F4n95DNjmdCmnHNvrFqCsnS++3OvYcvob
ZU8UhF/s2Jr5dNMnVsOKKbmuxSr7fNlyh4yQp2A+j2dyZM5cT1QAfmL5Yp5oRzmqh6Ivih1rtIvBWjDE
pJq7H4olT9kM0lcsIp/ov/I2Lx3/D33v7ziEU1hthiBI+C/ltGNslB5GSqDxFxuMavMl1tS1U/Dl7kpR
sN05LIbMKBG7+itJt9hoK0A7toC2Y+NRBuUeWFAn/SbKqVqfVWQFfJvdwE4bemSLqTu2KrKNr9CDVauL
5YImR8qeY9LKkXiKDb4otzXHQqc9+9bh/hqDk8QxQXlF8vnOHgtxlKpawzDIV/TsiFedPvsWuWiNOlB8
6f877ejYskOJz9BREunwhz/YaFXhTEjSrt4dX326Z+9XNoDFVltvl6DzaN/22qfehtw+SQA1GwftMSfG
YoQoiw64zJbldyxANc7XdOjK2WFZSTly7JFscaHG8to8ULMHHdaw9dptIX57PVc4EAXEKHgDT/mUZdiC
Pb7/1B7Di8e4FPHAHgO1bOTYOLIu67NQnSwL3dVuy6Abia9SiUUONgUg1o6tAS783V5WjtjsVRtd+wn1
UTc9ZFxn5kUDCfxNSchf9z//1bmhmNra5Ka9R9zhdL1Bo35q10X4oesdewBkHBsSsl37fRJZBSX46ppn
w/YlI1unEKj9kNElpf0AJgqEI/62jjdFU0v1aWY/4P2JvQSmwtRgN6q+ul6S2yhhcjBIWi5Uidwk5RVU
qYQIswuSvzRQ9i4HJrWbf2fEK559vrrP+AnXV8Z+p2wOVWTT8Vmlnem+Nu5Cha8W8FykmPvtMUuYsboV
DKLASx+p2WxKfGRvkoI93Cc2kWDicrSWby5ZRV7EcuolxojKpRtMJecVfrydkTh/wIarcpzRqwVexRyJ
7oiMTW2KbJKQvcJJsk5iFqDntU5+hAHxlqSK5LhHNmPcaOsMkmu1mPeCpYppfepXs1EiYTq8MsrzS5Fc
SeHJPqAzcQ34SllnHFaC2VOllA782BYAMGu1BfiXr8XM54VETOSC8Hs1laS8SCnkvUzMOucNSBS9fVFR
9IqSbCuet/E7JRFyENKS4W6wYAyGxuj9V49DCZtKJF8WA7RJ+fbKA8Nbf1xWL3BdtoTtg6nHcnGX3J/L
qERe6hO/uk5bJ/bXKhOYytq+M0t/CjgPdBMqu+RSlAFj4e1CPu+2qjBznBLn1UIoV4RFciFYhdeEYVmV
VASQeH/GWsht2RV7bTNtMZ7W8zCdfxPkMy4LPKmAo9bSkHhpppwA8qSLThe5ozjmHaL2loDfb7LR+2za
jXjksR90olJKcqsSOdn3GIJTW0tENGtTDtYS6cz+Nol22LqWdgOcUGTujbbJCwnvx2LaPSuuJyLfbMqI
WcvW8Yhf+aAE7sp8fcnbov+JjkdGkZGemVnFUHQbR6YCGvdEnzboSMdruVxAj0YS6GjLgzoCXt9MrL+W
uyPCjup0LZfOSDIBgUZYk3QlVTASXSk5ejzXHbC3ccOYV/sZOyYRFIwvtMf04vXEiwesbHO61s6SaYAz
NoPHDwxES6KSiMK1pByvILcHsR79oFgaa/smnjY68sxadtJna/tsvTvMm7T5bXLrNd8PecsYiQo4kIEz
vycWWIUd1ORgnRk0crtrTLZQVAZFLvcAs1m0uG8lKlRuppEY+4RpRv8/W2/aJNd5XgnKu1Hd6H1fr1Pt
ZmFcqALk6Qk3qlAOECRFyNxCgKye8fQoblXeqrpEVmZ13kwASUkRAEhwEynKtkjJMm2KIkhCEAGCAAEC
IAl+gP2d/GQw5os7goSoiZnfMPOcc57nvW+yRwuqKpd73/uuz3LOedA2iFUgTqdk7CrKRPK4IFuuZAUp
0p+c3dn0bSuiEr1D0VChzEYsmGJdpVA6y1sojWIvMM5I/ilG1+YpDHz7vm07rBwIfx9mEau0DlnichPj
D6gponOw+jEPiMW3uRnsRgQB7MojZBExH/lc9syen5sQvmVDqNoGVXeveCCIbc4irqEcCrwK1UbAfB5j
6neJcpiU9XAV1WMVquJ8I6oMzBkgI5091TjQvLsxaIiaAGAH7QfIFW5YubWFc2DDSZ2qDbO8ZJvSmGEy
EQY6he/SPW2iZl04CdFj8BPC1NfsQxWJp+vS5QccGzHm1ZGQYnbf9XrnSt1fcMJZrENNN/KLZIx4u229
4LCxCXDM+h4BIuLdUHS0i4fEclCRt9VVds39vk4AGOACY42T/roH+JYdjd/dUwTxdMRy7EDwYwEdjP1D
VQGGiKyT/4lKWuujDXGfbZ4zjEggKvdR8GoRthBRd3XCcvGQt8dCtU+yMOla5fsq5ydjFRsofICeRORY
63/Qw0CLHdbFvLUVO1JAplMIIY2ixRMmbZwq1KgiT1Q16U0AAMF6Va7R9jkg8rbAlTMvdYStg/Ojy8ro
RHRpn/4PgjfNOwppdXnJDM6lETgw3I9E9apQ0JmhNrYWFG9H3bJ4oT37vdZ5sMycS904QbtBMBNRSkEm
MI6bA+znwRtHQMBO0UrJsc4yrDG4QqK+1uXXxZspCqcq3uf7hjSGVkc8rFm1Q/savB7YzR7om3GOb0P7
3CxEcqVQ2q8vupMqE1jXMQbfc3Q8cJY0uBued2IEcr/4auz/4sl0nbbdIK+D/WCltn0P+RVUBavWhbWq
gV4ilBtQBaZ//ZyZMKFj8+4hGWo9AkbsfixtX2p12dzqqj7KwrLzvBvSS2aKwiFrjVevmwTzzRHkXdXq
wvoXChXgUOzztsrMA7X9y+6GZ9S8sflmxoEQeAzXL9MFtpFhyXb+DzumWTwYdOs0R7kt3CfqRqE6Up3l
TqH6S8Ws1h1qNuJ+HpWd4fk9XEW40jqrLnV+YBBq7pOLzrODyY26f7QasK6BCgFKw9w+bOVONlbtkD3F
F0VVaqhSwJiU7b96nnEPmawlZ4445gAgKp7D9JPs51Kv5rwmrcmGjnW7SbxD4Gq1WlJkb1nzD/FFwUKF
cqh2IICLc8+B0sWmSh+OVuFh2r0dR7aH68/OY0cKdHr1I5xhHkYsdrjb6GSrrurmzMxwsdnCYfXjTZRz
73NeuIpA47B5hhOwJ+GcBNvHI4oTnMU47x8ed8l4dAr2PNLQuE7hC1gcd1TcI0i+A7epNDdJhd5Y2m1E
egbPT9RAKnlOzRcKi3ZrglUKUR9Wq50y/3Z2CjFXHRhFEiG2P4fuuZMg9iOBUpXcRe4ztiCdlQzFKRqG
Mn96kz3FHcwB3iEw0B182tqrwmGfJRYNnDJyNwqdq2uTe8yHwZnPILCNULB4HAXdOH22T1QDAf5HOD++
DkJzuRnEruE3XB1D+8DqxPUDEKjgyl7rVcdgV+53O7lXHh1yPqm9y6o7yQpXHO8io8xiPZnTimm87HIW
5qZvAgrTd6GIgnW8cAKIn9gseFBgwQ1gyVlg3xmOxutOTNrb6XAe2h9HsTsTl8GNtsuKYLZ+lPXsFL6P
drG7NqL9cV/8j6gWXW8tgi1/lz1bx710+A6oUy08W6fA3MIMErIFtEizwFX1kfsehguhW9d5aEhFH9SN
wxpntrmmiAtx2OFhq8P2WYSUsL+BrkobmLkHVmxkiFIsFK6DLTh6ezuC79ztIBm3ExtVz+wU1dDZ4V2P
cU42t4D+hmgJonhw2MBP8fNlidX8cMAI2Nu4iMg86p4hxlIovrQ3xFO0fXSW5x2ArH0PKiC1mHDj3jqO
qHlPQ3n7u05hL5w829wt/iOqHGEeNg/6Pt9xkLyWG+taDhEXdcWTpnQ7iBxJa+BdbjfRQbUHmC9Edp8Q
0dBbc5hSYSbZRm1ei2t0FGQMrdTw9OHHTZgtxfoYaj9ENgxBU+1iYCny+QvHHjcOFC6cR1bt/L3f+0//
eefuDpgT8CXdeR8WodXByo17dnkGYQQfCXPZBUGanc5BYgjA+tGxPgXduPa8t2mDoDjYLsy3dHx/m/fz
outU5WYdjEbzR2dm9hGggBpI2McYPFqCCMDqoJvwmp1lRJdwLrnADIDbI2w0D9vkRhCNoGx7Dgexz0Oc
hFxO28exjzpbsRFZcmabyDuYF1Lb8Wj84mggZMbSAnHUy4PDPcQDSie/IR5HVvcup5q6AkLzVZ+3rn3R
LWaP2ka3UcwXej7YIdjHaE/ViWw9dImVwudT4QSLjgtWFK6vgiAN7cNFlyRYdHJWoCG0r5W9OZ9/gaCf
F3WiY94FKTfLHt4DSmDVdneg3qBNMdqw+WgP0qVD01T/Eaa33c58OsLyWLzW7s/VxvZLGMXBpIGmKdis
sjtw6ksHcQyzc3pLng53LuHSkidRvgHJmK3mWy4d0rh4REzLwpmdBctu92HfK8+5tKL4ZM/pUIVvuIWz
5p2/3CwpllqEzoIrsYAWaHu8QFmwq+Tf9yY7XIxiVB4jtQI0ELzv7Z5xzYkGu/z45tlGtZkPDQp3VDW/
ts+Y2YT6qhPbNa0L64ZetdnRazbJJ0BoDoa97h1AN/W6YGr4cO0NeRz3tze3ji0C9L2zcF62i/40/jzd
I6XsdTs3NrdYBVnxAaR5SKoSfTy2yV28D+e30NFLTqjcH/EdBFDW6mMzvlD8eCuWfMN3mYyG+THA5iUH
UxRuWLl5U5Bibvs20z+QNnA1mOAiMhOGeSTdn/VguwvWYd9xGaXCet5sgmXZQcjjqv4eFg3tI5FLFZdA
UzUtG9+35lW18wBrk1r/T+AUxPt2747rJe1glqRuClf1aNhPNk4uPYB5Yz5KH06vbfY2I4UN2oudDjbi
wyUyvsgCQR+lcQ2VzvJ6uakbirZcIFuC9ebzqUBSnehX7EKMK23t2b11rJj3DzhbpXGs8Zd65SMT7Kx9
xNmsg9i/5L9wG+jQ2rHzXECtpQV3N/39PV9a8ECfa4cV7rcWymx3Che88XS07RQOI3MRmZlZlYLbMati
cDs2zLgZNYfr2u3G4WDz5k/6f/Xo6OZ7w8M3X6+gAAdlN4ZIb/60T5SYmZUexPfa3aiZzkh400dkGROc
dlg98HEceLQ/1kW5Plip4SB5GL/xADeq6MGwKrEP4fxEyGZ886d2fdrb+P6ECqnqhsHWzetwy22tNwPo
hsq+wLnLfQJx0x7CDqyR2Ec8CsHoEaLe9C8Q2YAWrcfL0JBRba3zhEJDe+vmJfoZ5pmaMcWIfFNu3vwp
DN8jjJbYxgD1oS7lSrfoqJGwWg6dhDnYAmENzBDc156HSQuEQX2Be7Kh4fegpXvz0rBrrskjyKIMHikj
MSIALquI2sBK4QftK3t24gD8pJSJtmMbJ4/7srImPud/l540aLz/SmrH1kcGJf6wNlLT2J4Lf1AXVXkI
+PHQnIlkhdmFRJ4A1zFAmL1EJ/brEnFJ3M9THLZXr1JRt7RW91gBu+b7a4iy4HVG4GHXhL/BUFEjggHH
HdmbZqVkeKsKRS75YeXQ4zEDRWnwNzxLzT8YeA/fvHQECQPF30aD0c2frsLAsPcfhlAya8pb+5WOKuG6
juE+IQGCBoidCvKC9d7Nc0gSHGH/SMfOv4d5xMwO4q4DzGeKc6A6ckXqKfYE/GLz8+Ylc2AGiPSw30gv
QlF4rDL4V1LntR2J/cTxsH4abKn/mUeocX/auwOQKY/YdVANEtcDWKVeqYceFyxp13BdESBblpqm9qmb
5xCI7N68BBql62Ng3TGjAk3qm+cGSH2vQvPGVi72XbN7YC+bg4D+WUEkBspOgJ2TvG/nYanxh9+FfmQx
8+F6KXr2gMYZZhfjnUAfajw8k3POnIMj1BmmDNgjkJGGZNSI8W6y/5RoAjrl5jmoA1Mpu+LyXR/b54/g
a9YuW6ZQPA5138aeyc6GR5ifuflWifwI4M6egFK8reJJwMqonl9sRJm0dWmLF3BpPQcgR9J/FuW38lyX
zQP1T+nquxc+vPzRCSjZ4udHJz96JukA20/87WrC7334vD6XlHuhxws1XeoMf3TKP3eN14S2sK5zVfeB
8i0/79ez/+v9C1Qafsuug9ZctU/wb3yWir03qMd7zVrymKsQvy9NY6oC37D26Oc13Omj42iz/YX7S//4
Pb3/0XfZ9if9/lehDuyqyW+7BrBUey+4zu8Ftv0t3pO6w/YNKAI/B0Vf/MWnPgnFZbs2Wo7ne5fXwPcv
83v2XN4+a48+Qw1ltJ/tQPvwChWQcZ/vfPQ4++k7GA22AvrBb1u7pZx8mVd7m8+pfrpovz/p/fUex+eq
PdsFV2x+lCrIF+xbVCu2327wiS/4uHznw3eoz/xd6hVfwjhR9fiS9981b/VJqku/b5/R92/4817wn5g9
x9mjV+1anBd87RnMG84jKUVTs9nae5U6sI9JD/bWWaizfnyKurBSjP0pX79ARdTHqH77hp32T0vd9tZP
pK4LCwBarlSLvfzxCdd8bVVo8c2n7d0n7ZW3ocFq70tLV5qzr/PbT0Jn9tYr9u7P7Irnqbir/5+jeiyu
8hg1ep+EVuutK7eu33rH2szrugLwo3wH98dV36QC8GP2qTPe/kdvvU11WWgFn4LGrivRvg5dXbTL3nsN
Gr1oqf18h8qy0Iulmq7aj1Zbi6Xi+5a1/JQ/7wko2H58ktq8p3i9i67K+1Mo5NrPN12x9mn2KNRwpXH8
UyjJ4rtU28U330B/2GdfoUbxU64g/Drvfc566Br74Yr99bbf45J95zH1J3R8+e03qb37unRv7W4/DR1e
qvNekWYyx/SE7u9avWft/RO3rvC66L3z7FuMyxlv3+t6n+rE0DGmTi/1d9Hnp2QV2mi94v37JjWbX/cx
fRzPQ/3msxyZU9QfPo/fNC5f8P/8kv/3l/2/v+r//cIv/fKv/Oqv/fpv/Mav/9qv/sov/9IXfnPbzN/5
u9v/3t//+39v+9/9OzPbfvMf/MN/9I//yT/9Z//8n/+zf/pP/vE/+of/4F/8y3/1r//Nv/13//7f/7t/
+2/+9b/6l//i/7X/xD3w+y/Zz1/2//+S//9X+F786b/9pv/3C2zUr1hTfu0Lv/6F34i4lqKsYKBEhlzl
ExQr3twEA2hih0/dQ5SF4kow3O86dNfCMWowEVJmjgJomuB7otJBNdpo2dnVUDEvCkut8Bg3T87degSv
AZIddsJhNj+DMedlSnPAiO8Uztax83qstAyTloDoDTyspbBF3ZvIn5Nmbw8xocpFKCCbD4YgNME8x1zE
L410haEGOxqOmegH6IUZ/E5korbA1AdNCCByNcNzyK6sZh4g2EuMFCb4RHUMgA4o/CKmzUyaPJftM0Rn
4/tIaVB46856wLzR5NsBvIz0W0NMGxzofe5YNoGkaLpwZBHLbkqqxIza5KgrDZgFQ5yVGRPELQDSb45t
jxFZV8NaWpDWJ6QLFXu02zCpaa21EbNmIP2LV3ApQaceqbpxiy4l6/rgjdmzEFM32jCfuW9T5wFPphXz
a9ayZnbHIux3Ps5mva7xKvswalZDos9cRimmUNS1IZsG0nxwP49UQrLB/UcwBYlHpA6QGJwonlinSDl0
J232IDatHHXdbFKrBp+pWGXdzLV9veoYQ/flliJv3QCiNMRtIzTl6mg2kdbWEKtEckth9mUyWPG+wMX2
y0IEGkHvYfLB0bZ7OysxyszcHYXMH3kz9hlAOW++XtbNvTaxJ0cHA+TvSnncDsRpbIFQ4GeGbAbc/i6z
ZeF7gyJHFEN3v7kfJNNAMw4Xbu50nA8Cf2tjXHB5xkPs4VqG3hFABhVlxQpGhUB7p5u3pqr2jgWuEHPY
Al1VmYqZgDw0ZNlgcD2/UPYkfkvZQMcBON2is+Cg/Kp7dyyrLTCgDvRHsyinwqDyuO98UrsXmzyjNKU1
4wGbLMQOVky8Qr5aSnpVd3R0UECxoREpZiSsIJnrLnXcWSaHvF+ClqM8Z/dOIpbJih4qRT9iQhA0efgM
CBJThxTcwnia5m44Uyt2gyUHSy5Hoty+24yJ0A0+6qII4XadL1c+E+AKMf1rbpJdnHn3TRKvmgBGzdd9
YgkofyYM0P7Ynx28NG4CZUM5F4j/VYF3akiMwHD2BSgHYXZdQpucNZLdJVV+BfBmpmsmLgnXm4DdyTGN
BPGikAIOUVJ6TXLZtm/Yvk7dFHyBs7xmxsquLB1OSDJgtSFES60nPCoAhVsbA0hRVpvWeVtVgIMaopoA
o9gR8WZI8vHKSshRT2pzsIpUHEn/nH7HRtoumrFnBT26jjS+0pBNOgP8XqAP1l3OKGsz2B0roVNuG7dt
cYpiepa6G/CqJvLnM824UcbdMxjFrmarHuLk6kUufGazhmyHeWrKkluPuboG4slgzdoEkoSZNd4DXg9T
ra2C7LjLMGPvFcipi02fO7aLalG9VgNGAAQeUOLUSOlDPSZIK2Mc/V/xYGFBpD0lHTz82i176zhpNzYD
4NQAk0JxZ2HD+xVzI+OhwFpYBpF9URpdeBinpBHYp8zTbEBFBE2TwSDx/B2MSq5uFIEW6e6MvOg91coQ
qoZFJHCLyCTuIeQBm50tQOa6cfiCQQdLpodIxd6OZuYqlFxLHUD7HDBXyB6CusExpxrfi874A/wTWeNA
2RSbBCjYUUL4DsVZ19Y02SIyuc1D7NTx4HE8b3PWxdJIsC1BUhxYtx/dGARO0QNDjXgqNZx0pSqZixQK
EhPgCPa0rtR+a0ACPCA77wItsy5lByQIMhfWQqwzSi4mzBM+wfBTZOG6EAWmwbEztsiqjzECEL7nc8Mh
bsAoLEt0KpLmhWvLVt0HPBxcxGm1tAZwAyyrA44ALIpBf6U3HppdN2Z2mQ9Yb0kLpKEWWXG/9R9ZNOXK
QGaGq/s6vxCw9QpdAPNCktK2a/UhfkCUX/cI1SibrWMO/F/1jbFrRunejtkzHUfYsUSFRG2LAEd6lYvB
MNBijaf7qu5BoPfwhGW3y4TUbMyRwkP0Fakt1EJyoxTa0fYc2N4PxvYO7SLrFhbNGlHdLVTdug7tGjZf
QVgdjwfdAxJVtH1BW8vTqc6Js9YC8IzAkj3KSg3xEEJB1mGrHaUiNXQ4ji26kONGBfF7KDARLjoeRvat
igRf146Jsi/dBt+akLurgQNlFQK0R0xkWxF3Oaxn4nsvCytA8MgMMwlYmolOSBoxT8JmNSJ2gZ3vKN75
2E6X1ojGg1QGVjcEoSA/3lBYigL5NYj34AfZEVQEaoaoHAie8MSCQQ6LrxSwVF1YjPuuAWjr9DCFNjqF
y9dFsquSPAs1pTcrKk8Fbmmygp0TqY6ycO1zjg5mJXaA/mh5aeGBwfCoHbIwmYku4jDZFue4Wngnw9lA
UsCeBzJ74hrAEGcayUomdIvoBj9u5r1aAjZ8eTdDm1hHOHBAUGiUzWUgl1FcSsjVS7ATDOYVwXRKVVaw
xctTyz6zrz0CiBRCeT6HAu6rhzh3bZKR5wZeplQpjlQgnKODKxdrqEfUevHMFk4wicZC9qLHLa6LShzD
wVGqQ3F3By1LEhM23wJ/22wOepBMqRpi8G0Poy1KSxzymmRYEny+YdYy6XLUW6h8Q6M0+hZ2YaqNAo9A
AhFZW4LwikEGBRAm9THK3FtwnX6Yl8Jr2sXujnOZAmqY+Czv12iKbtKJeEjg8rJHkXSMP/bMVVho5qhC
dHgIk0b4CElbAS7zW3+0nxqQnWVHYRx0cFnhKgu2VVY4r+1b88UBaigh16ZOE+FhhBSsoITzwkAJFEVQ
YuOi2L3JznBQZbPR+B+5MI6N/07BbNbcyEauEJ2wXo32k01Krx/jtbSgxOIyKVCbTnauJckpi7qR0gBN
R2CBaapxv++PqHKI9J5gSXV19Ou1G29m/+lJpcdgZwSelmoff2ib3iNj20tnJeDQm9Amgzut9B38OuEx
od5zxLa1Aop6RzRtvl4frrcwW2VdEFwiSbWJrI6jIIpY83HSRx7aAWSwD6XVXI6YQOMpQ3WkISidPcn7
ONuddh2lebviXMEeq1wvcDlSogdoj+ERDkn2lGRXblJOUNpsSObCgXEPdh07bClMwdOcNjb2KYTs2TD0
iiRyMWsxpofC7BG9ATlFbMKYPX3b99eBGPKEum0OW+CAARNJNXdKAvfE/JQyuF3w23Guo8VdiPdpKmLf
KJ1i6aoqkHdXEryQrifkNOzT3PTLwjXAe9jHGsolMTQzWHvQJ23h0ke2lunf1arjtImDw8zcHtc54SsN
zRKvhkI9DGras3CAzaVvBhZTVGqq9K3rXl7SCYlbJiTNH9xcF6CGWnOQ7IL9De3JSvVn+PVIkuMkH5Wb
Wyiwwb0Xg/LlIWV510t6SSA2q/oGBEm6RQnWIEZs0KcELgYO3/o6fDRngNMWFR750Abt82FUigICCcRk
QOUdQttIh82+tT9sv3iurotWV1iLFSX7lwLZ6Mi27TPuxq0CIaejJEAJyyWJ+vZ7UUSJB8eZAgeyRhtp
Z0DYXXIRUlITqaBQe2dgXUfTFIemNIexM4ptDhWAIamOzdfCU3APyPb5dTLQRhV1ALBEwVDUIYlNHRd3
rfS5AIB0lv1ehI4rrFdJ9NGWMAtacE8A2oAuML1Ks3KRB4YNu38DEmA1VDvEHLCZSoQfNNqaGosZSXs9
+0zAFBRDo4CEh+koIFOagcE4E6MQlJg4Agccuul2QagwHkY1A6xpkEOi4IBZuZA3A8i9DOjMktkRPWg8
qIWb0NFDANc2mZkZly52Lb3RQLQcBK+cN9EsB4MoLGGHdtcsFTXe4lgg9YdhYkVb2N2lA/d6pPz6tgMl
rKNeY4vmrqtU7beRXVmp0AW+bwRLpDmKqIjZhf2IVASVdg+19FYQ35A0un3DBeyL3TCoEBRcdkurN5GG
LeYkdn4c2wHgLoLRRpYxmxpxl0JaVdCyqWxfQa82ERqyPWu4b10AaYV9pCC/tWGWWnBJbM6uA2UUJIy5
NbPdGGKiwQDrI3BKSxCh4jaItcMadhIsgMVIg+FwBTKAGdGIKMJuwYYf0Z456RzZAx5kiS+dgwiam01C
Jhcs4DjEAzxtloxGYHnkCk6gQWtBBAC3CZ+oeyjsVYjqcauMQdkrNQtAinH0w8hxyVSorTSE+iemgd3C
o0QRo54kUO4qt0yIGHqIyDqq2ye/HQNH9awiqH4x3F8ixx7XKYu2CpnibO4dD4aSkQI6BuKGNsGLSDdA
zYQQrRnZdaPusuyNgtLXRMnOmG2x6tYFlE/BK48g2AgidyizIGMAB1uc2QGSWlpy5YZl8bOtDYHT6QfQ
ejlOm10UuOD27hy9OQa+wWDmIU6vxgxyyuWqehd2LSdUzjEeLZlGQaeLiMHucdnr3mQ/j087KXBBye+C
3Y4+wvTjUYu3aH4LIkgzzJUxoMPTpOFGuD08etQskRviYtMb1f22VMabFAuG1JWt8tmIi22icEEzGJVb
QcMsCx+xu5AcwBUlH83T00tSqGCLNRGqyt/CcUQyugwquxm2p05Bc8NsElh56A3Hs9aJUdS4+MPqIGKe
RZCDSmojiGoEJSCblCXZ8Kwb4ZBL1zStR1yswMYVAb6PdVFIjcZmiODxjmukuctYOPZdTgC0cHsE2Pe6
UOZ8t5JdXQXqvFAwAbuEXYe1cJYWnHHinaoZDmGSihw8tMGWvr7PQhH3Hrr/PspCwHed7HHt7v0bCA76
DsnDhEpkyOCFO1DsDPSqH/Tm+gZ/D5QbUmvKOJuIjQO5ei2SFD3Qtqq/fnlsx9hofKT+60t/9Yz9iYLZ
f/Ws//K31x7726s/+NurP7n9g1dvv/jGZ2f/UoC9T8/9QIg9++X/ef7F/+vyuf/7hbc/uXr9k3ePf3Lt
yc/Ov/zz8z9Arfo3vv/Z+Qv44pnvfvazFz599vjtF5/99OmXP/2zM59c/5PPTnz/5+//8e0nP/j0xQuf
XH/9kw/e+uTa937x6JlPn7j+86ee/PnpG7e/+yefvfzM7ddetBc/+977t3/83mcf/PknV4/fPvfq7e+/
+cm7P/z0/F/84uwzn7154uc/PvHp69//9I9/+Ml7P7r9/IXbz57/9Pqf3r7y5GdvX/vs+KlPn/7LT0+9
8en505+dP/PZ+eufPnP99jtvffripU+vnrz9J+duf/+GtefTZ37wyfU37JVPT7/+6bnXfv79lz678vTt
v3jV/v25Pc73HsfFP3j59ok3rc0BJ2xs7t08Zz7DAKYbJnK5UgK2jQzJmCC4augYsG4CCZp91RPMCbYW
8rY2w92psSU9JsJr5eZ15HTJPhdaiJXaqRIg7wbBWKEHHX5adwdhvA2PhJOVkIQAXgHUR5kUgqH6MGbJ
Tde53MIZEy6yqT3ANRAzmtC71THhd+I63zxX1ps3X4Z9ESjZchjwqiFzLkBagm7Pm5oZd/Ona2Dpo0SW
Y7IEIhOZVrcgTg4z9eUeatU7/9w2XQdQNR4xq0vb/pGqKBvnbA8aB2VF1VrreWvMzZdXR+KVEBjpfVg7
ksxeQS+zV7Fw2NR4Ckd5E65GGF/Zc94LlRfsBWghULUSXnoJFac+6hn2H7HmV49EANm8/B5nSxkwvsbN
MkyBIZCVfSDxXmYmA5BcYsTQZk6SrdK/FWjBJmCS0fODJopqn2RJ7A+85DaKjp9kYWwVBb/Kf1/lu5f5
1gV+7ImoRK4i5Sf+9vSf+1v4/Bv89zVW7L4W11FV8mv88HNxneNshm76GptxJr5+ultDqWKw2ngJcDTp
wt++epL1y8/wM+f5+2n+/jN+/QKLo1/li6ejSRejbLnu/njc4kJUDb8Sb1lLXuArF3k7Nen5uJeKlL/B
eurHvan45Ud8imd4R/XYxahQ/gILnD8Vdcpf4/9Oq846r6BOuBL1zk/xuz/gTc/FXX4Q5d7Vkxeyeu0a
uKeiSDwHzvvZOuqElznHWy95b+MBv8NC7M9HJ5yKe/0gCrefZm+kausvRUed5IfVnu/FTc9Hj6nlN2LQ
7c+no0r9j+Je34su0gVVEv4Dvqjevsi+0nx4IwZaj6O5eiN69Tg74Q027wxbq68/EQ17HK97XXnNZ81V
jc5TbO25KGN/IZ7iRZ8q3s/n/bnw7ln++2I84Ktxr+Ns/7Woaq9G/jj+1IdP8JG1gk7zxTRbTkfzXmOb
9ftZbzDa/Awf4Uq057WYWm/GTdXUNzm4vJG3+bjrd6DAF8rHkOwS2fXtM/sDx1I8XB4pRVlMABZWZpOa
xdJWYHOYWGPJNdhAqt2wVMa7UpTEFuZ1ab60azeufFBXDhBQA7WI7upwvLkCa9I2ZLOugfR5BLtTT44q
rrIfJV1QIbN0vY2aSGgP/TygkFbNI6AvW9mj2fZbP72r+GiZPfnSZvAsOkVKYkfFRH2jFKjEq0yYmTiG
0Hxxx9f27RwmtnxCITUIOiiSzbbQUf56SQ3i0aANvs0XyUisySDANxBUWBkio6H8LnU05W3XSXl3b+eL
gbmnzpsbcm4q4Hmro43KIrtmCPoKidta2BpVp6q3DqURfAjFrEtHgG2VjFiPezGW83SMH1yb7cBV7hFL
4ulr9rMnYRtV4INf+NWUVfxGwoQx/W8u06DbHzgldokRbF4F5Di5pBSF2qI3C9lNu8vezlIW4KRzgc40
Q3meprenxOwq+wd99+noXsH/HWHQdtLCT4lx1LQYi84ZKRM9kZ0z1lQoZoh1PRvn8Bx1M0tfPcOoIA7g
CN6+M60ArzCJFE6fA1A31SwLtUC+OmWgOqGy0ikcxWDndzLpFxJaZSZqj7NlZucB2751bNFdzS1zGcHw
2JhEYnc18u6SswOYhhx5Twh2txL0A0JhUnqNcGLFOMEKjI3JxmQLo9GgJBez0bM7FqnSxRA2USNePRga
nXjee9hD7NPAoHUoaLnlKjCujwG+wVjcvIjuok+RLRkpFyoxxW696flEmwf7BaQKDiPSPXDiaCKtro63
NKwDOGxrpHOBI8nS9sOBo8ycD15LIQEkB2iLxC617sCcerWTmEysIseyVinHvtCtYvRX01zbGkMZBVep
etR+EIvYx4PVbAUY2Ao/nhsJ5yRZqWxBchW7G7tj5UFRXKgShx+sSq2T06BB3HaFueAvp31yZuYueqnF
KOUJ4XHU8v+QjiE/aeSxnBF4u5u+BhmJ4HMspYyAwkqIGT2AAj6siLZSTQYa89BKqrrOCrS/HEkkxRJf
C1IEqPqdhA7YPhO6KIuFY3TI6WTZYrBOqe0KIf0Efoq4FrSWmMFnSx2Ltn2mSJCPwGMUhSJofLYV192l
Kp3CRRT9ZP+FZkHVf4js+TFoTciYMlEPrIT5MeCDboZ6FHEhzICWPQZ2wOQ8VjQg4xZfZDiE8QxXbYD6
Zb9wWJGjEh/BTATgEYEJsI9Z2LKJKBsUHZB1w+Mx5klA6caXYm7YbuE41dkU1KaqKOYRTjCWj4cOUce1
07ueZh5OiHTbEkYoduq1dv0eS9ocgkOsjXuBoxo24KNBaWy8SXgJc6ton+IT/YEdinbIjhZd/wOBXSl+
1STGCTfkVcAxPcb9iE4EoG91kkJzEBFHMgWDZPszqykPsX5lmPgcpzpHb1VBaWozcp33bHZ6IhtjSbn7
XQlbHIAn23N6vbGyh2tQPGZ4l7OPW/9D2s3sy7vTd7caxKNxchKZxRyK6KJ4IpvZeAGZ5wFrAdgGBhnX
imsmAY6byDP0JssJRDigWjKUjRF8G7J3601iZlHce61QIYK5UsUj7B73JUvha/3AYSIOqmTjTII+1wo+
2rv7B5EYJRiApR4eUuFTYu4oC4QsZ6ARioMRhZ+TygP5sILl2FW2p5vA7hGAcyQpVmsf5hfQKbYPKXvv
QDJdWfq70OP5n1I2PKDLq5CcdHdXQV/YNLG6lxaSXXJHbcbUrsWiLpYCjrtKZJPALwn82ygajPUWake9
yWggnV6issEBGyHcvNPFf789EzuW889hq4hR/Qg1hCrtBwCx89GWfc0QzzHwkOT9Vdkn63Yu1kIlDAI5
6Ag4q3CGMBkIJR5KViSgjMK5rpTN4YpabgQ8UtbbY6GMSxYeg11KqUxBDjDXWCOO9hUCDRuVFI485d0o
eovN1VX3bI9QYquhKChLAEMdNuWS0hnffEU7P09sx6+F5UF1I2w0xPygFylCs62dkwgosU+XkwOSMP8N
w7ZMkkSGp2ruSntYAtM3ylOOWTdG9FH0SeHZBUoxUmo6YYm3MaBAFIybp9g7q6hT2iKZXOubo0OWIpZ3
gnUrjY9MTkI7F46GsY6+b3zMbDfrnPVQGikRxSk0sZRZQsatI2O4s2PRgRRHS6HRWMmdFAozv/Z2BJu4
G1FjV+ix+eU7Z2/iEDR4HYMtP3XHaT9IzIr+g9npEnvsjMNUkRCmnUitXyJ7bZLDpNE6csi8beQqV43O
35dm2BpAF9w7Z1Jy1BEhDPmDD0pQ4u/GLqqTriGqqOcemmBO9N+Y0sY+PhvzZTahghsVgsCukPIwzRI1
aWFC6whCnoTqKcRyy7OhlCOzIHhflZp4+vktcFoRWEbr5oiDzr3+H3Zvyh/jvk5JeQS23pqLDFB8mZYi
dla7uu3unH8IXFZbARIqqCZDMVhA1nXlhHP9UihPDNaaow64mnfvybq/z6QB7I2jQ2Rz+8XKJIFpmgQL
3Y19pzssj5a9td6gHO2BmG+NkjbEvST8eQvrb1RJGyfSXcm6XkENMVqqW8lHhC0gkAHtqz4J5a4iCZil
EyIKgcawyrDDCdQHj7REDqV0XbUe5poTUxqqUdq0J2hYp333oeSL9+qYOQflOUC9Sy+Y2YFdngZTk7CJ
rN+nIgz3gcWsCAGS8YIKqBAj0+VEyAuiIbxWd19atSnDu3mfwJyD4STBXb+USCuoPux2DjzNiiOovkdZ
vrDLcTdobKAnCUtcMVcRiJqeKg0dTPa9K/lZx0DazE9dV8foIOFbKE8AAWZPSgvNVAlCS/jQnNdJ40x0
cMfMFqtVAs0hGw6Z55QPt7kWGnLJsCxaclVZIJg+JEnD4eAdwIVQAEsroE/L13ZgV+RI2ctCSHvgQhKB
oVClVB4HUrUwC57oprJYq45CP18YJ80f9J9QyECzJGTE8j5UpWdptiJNCe0RFIR3TcyKCsc19TpSFGJG
MX/k6YX+xz3uZsXkolpfT8BvKBsgHWs7yEMpJrM/WUEBIe4spytvX2ghBarEZDNi58NN0z18x44di151
hb5Bq26L9Qmf3V/BPQKY0iQMclESog89nYStNMsc8TvMqYdSLMjOEy/S+VCKFUhJkDGFiiW8rQVeYoFg
laOsk7hRJWBxwrMTjA3Rn127dkEUbVCsg2WVPEjHDMAep9iKz3YBrLqNPcFOABLXBv3D1YR7yGLUXd1z
bxX2qYgiLAEcZJRCNWHpBw1Xvah5WFpHqgTqKBJmq3B9SlhGUnpE/ERVQeGRMrOKTQLoPoGWQmFn2zb2
PaIiYV/ZRHX9O6CPaQMhr4MCE5LB644rr3Snks0YVVhk0vIzWwoSTw4TUzkuLy9nrx0KktIc0lmyn7/q
ap1lX4gBkD/uTlbBYRtK+XlpXQbzj5GxSt8YwnNdB56/aRmZ8IVq81uHVKbcqkGgkQYqK4b1u47qK9Hm
Li23wA77CsDFV5MPAe4O4khmbbpHD2tki1qU8mHp+ZRh/R+pVNiZmjSusdubyFNCqMdzctY+9uQqWkDf
lGNEK9Lszmpkq2esdcZjUQdzcj9nE51qf+aHFo5y4AzjVoUiDSO6bTZaLtkUsAtMQV++v59grzNel9hG
FWejIouhDVSUnSJoBvfVlfUFFHtmEvJOgHGiETTMhGJ0UTxXQMhKT8ldXuXEhuvjyrEktgRowQdQ5I7G
NXfpaQ435f+KSTHegiITELjr9CEUhRisJRQ6dbDlp8wnFNmdQkRw9K1XWFg8sSpZkJS8zKppz99gpM2v
qogzoJv9QnXBZNDvPOpzUvbAQYL48eRuD9UwRXx27mHdUBRwGHg1FKzXB6qjxf8KWFwZZklTJ9ZnN52r
4+CNBjbHtg4AEXnAlhEBP1IR/QcRb/Fwqfq2XwAoe/xgtcIWKbuTg4SfOLaYZZRifTSBIyHcUJQOmCw6
rZKlQLtzBB8RzAbhuOaKUGMS1wLnfoLKYh9x0UnX8Mb4AhvC430hRSHWq4i3M0EjH6zqydKpEgG4AINM
OxzkHJNYmdnAe80gI3CVw4WKcTVL2kH7RSBx2AcAHUBvkWsVKx5I4VQrT/6M9pzxEP58KIZysnKPdXAj
Ip/BNikSqXouMjXcqcfaDwivI/Yb91DZr8TQbhJIrbhL+y4QxgIV7t61i9Bp3txLmAUmhgrFXjEbG/Kg
8FsnVgOhN/fA5tpwzDBqFbqSemcZVbdkwkQUp+y5H9Udb3ohOSz6InY2wN21+osEb04c23kkJHaS90Jr
rlfaoeX4InvsbqLI91RKryhHUofGZUqWryIIC5vwQMUGRHYUPl4oZj8Ei4HAmTyZEjI1eeBHKmHnYGM2
2G0pB69RRpFNL4VcwKZC1RTMAWhx8soofk60J9AHgy1HQQqJrLXPiVr2BaTGOcNcDAOAybpR4USWsFNc
iqrEE+JjmRiCQYF1wOLjLFMqwhTeXRkGdN3jrHAxyP/gLrrqcTgW7ml0FZ+TUnwV2AyzHdVtoIaPmdaF
doAKPWudrwo3u6vYXW3i/4t3ppjMQgpw4CSBs0QH0jMSC0lVAMVmZBeOUqzAds6RbS3D9Y1ko28P3djZ
NelroqCj15tlhI+2yvaZwryEUtGmFSHxYYRAI90pQapuwBgjMZKFw7wwRvtjb59rCSegYKN1VP6mqTNu
kgRB4bhV+2U5nWqJn77kQTOUvkMchdC1eZX+6ywsQOncc6QUugPMMdTe7ayFD7ZaOutRCPpuEUDDfso+
SN8Wyod/85O/+eO/OfM3f/Y3Zz8+QZW3S//nMxBQGsKthL9fqcImdxrCcxp4ao5ooqqZTVeePXx3vFL7
52R71a6GRiRNiwxq0s5aqfYFXkuoLrA46f5i7jswC/lGVyljdIv3CAhvPWDVFd4tuGb1gHoHastgxcFX
iXZdJfBWwwgkvtAoH48dOuyXVLODalrKGDNrbrYBziMp7+spFQuqUcurZ89jr65ApxCudyn0l+BWqr1h
bQ48WhM6dKD9OGipceZf9UgZogpV9AvgV9b8m5dQdCGJS6DeizXTbJ1HFIusmXZ32Jhnm1k8JW28a0hX
SIENHAlprIWsQsUiqXRZqFd0hUpEb0ld6qOT/hp+uwgNpg/f++g5qihd56tPUBMJulNv2c937f3LH96g
HlPSpaIq0nX+hI7VB9SZejepSV1q9aik5MS7vBPaSR+dTO9CA+sqtZWuUrXpCjWw2FJ87sOXXLvqun3m
bVdKcoUoaVt99Jy9Az2sR/WUSUfqmitO4Te07zj74D3+K00vaU9dSwpZp5IG1AXvDehlvSfFL3yCLcS3
vM3WllB5wt0etZ6DwtQH/rxv25Nf4Hevxm+u7yS9LHwPqlTtfdH6G+x1tVmKYlQQ452fYF+8y7/5XXvt
UbxCJSqNyLvU/pKG1NvpOS77qMVoPUH9q5di3PxzV7MrX4unpuYW34Wal/Sp7H4vU6PquiuOQQvrvQ9/
lO5xnSN6ydt7A33qilYYj/d99EOV7Kr0xzCW1qcYN/ZB6r8bvO9l6of9iPpZ6JPTcV/omaEtPlLSJPsg
Zo61ECphz9nVNJbPffS4q4edtG+e5DXepsLaBSqLnUrXu/DhX6TeYFv4JDEjLtiTQ9fsGY7RBVzLR/k4
nzY+p3l2nb+7qpeN+XuatVI3Y79f1W8ffdfnxnucR5c4d6FBxvZRrezZpFqGsX0fT5Pm/Xtst+bu96xN
p+yqF6GidevsrTc/furWqzgpXBVMP6Uhdg2qUFKXku4XVbhO3XqDylpPf/wklLbsc9LDCpWx+O4Ve/VV
6lWd0Gsfn7x1yb9xzfW4zkG5jApSj/HEOovf7N+T1iqodb1J/TB8421qT0FZi2pW9u47dv+n7TdXCbMr
23PgKnafd6CqRY0yapndum4tOItv2TfO8DXoWulZoRl2PvXG096+t/xzJ29dtv/aM7Adp5KmGvXP+Pmf
hR5bPBufxvuN6mJSLXtUuma4EpTU+GzooTf5PD+l5tdbaIv6FIpo9hoUwrwP7HlPUnvrcfvuKbZGCl34
3GX25CnrobfwROwHqsDZ+3waKYlRse0MtM3SKOBzl6gldgpKZlAdY9/jjk9JzwzqaP453O0N9YSPtLXU
78bWuLKZ971r0r2exvgVzAyoxoXKmV/lPMeS8+/Wa/68JzWKVFR709p+yp7/9VvvoIcxE601j3Hc3rHX
NcPU55rJb1Dp7G2Mu/rePvWmK+W9gxnT3Dk5VK5DFWlWpUaYIdzdghbm1+s1f1XnMoFvUeVaWLieO92d
NguWGGMw/iXyZaab8FO8WNU/Ug8HRKd4jo2wGIRktwDIqogr2uyWzcZiYpWDFuGpxqUFpcHpSSJm5ulu
T/4Haq0aMcjMyP4Gi2S32eg9Saars7yrBfhUEiGA5+AAHwFxwF316K7EeWqVw3G/e59HNAlrCmgIdYS3
3IusRl4veXY87M06/GITT8F0SCNMz05ILdMJYUoGZDWa/HbdHW0kq82zN/NfeejL36LG1reSlTSqlLxb
gph2m+lZXGqzJRtmKVl3we2ambk3aJOqFyOoJMJNe5BUXlwdJCSj6i8Xyrybiwqzfm9HohpsOsIy/1tV
wipPQiVVd2tjMHKRo1CQQdihN1psxluANirxA1zO5AGyo2jWhy6Tdd9meUz8vb2dxhrxiD5xVzvcSWWq
B/V+F5UplhaiZNPyaIMRvpV62B1WSe1K+DXOM4xU5Bk9glVXDQAjjWf8Uqy1mdmWPJ0WKdINxhv8W1ci
Q2jYderq0OkFnKD7v7RTro2BLzLYS1YyCM9RvoR9pjhpeP1ruKLChuZ/71tbZz5ipNCwO3P32+RCZeTB
cLYxpw4ePFExfXlsK5XKZLkgBgUVShasVu1au/FSCy1iZEWUx5olQxlCq/tH6Ghag3fMr2uKz+6gGU5P
q3dXhYpkjCt0Wu+wVpCZnXqsjHyrqiv5qwh8aJG1wQWFI+jkRkUQ0ncDltOspFhlgcryvsjuatdQ6FbZ
yppvAUACmgqhmXCAjacgmfJ2VBg7qj8pFAfqpjhTocJLij0OCA9AyuV+lokokDdaagGu7b5j12GZbFwi
GDLcQIoQcwOdoy80IiNJClSFM4eKcR5XAxMPSXn50klvsDdhbUGbaP3RZGeb7IP4ug+syrRydqD3bWPp
gRs7AJygj5lIMGXN2IDQiAQ5fdUmS424hm3bRcI5OSQM01O1JDyBTwiBj3G3EnmTkJRmuLq3s7DUwhs9
xREiLT5T3VNFZn1pISX4onwi9oeaalTiLZMcSDk4HFSrnjvwfEFVqEg1g4HzOtAeABd4fVir/l21r913
UgVLwJQZ+yb7UVE9BtoSb7aYbSHY6F9PurvIzu5du34bMRTXvFhqIQ+keWKU93Z2zCchobTmB/0H+5Gh
KqJgH3ITrkqEAPRQ+B3RDbPEgiJn1HrqlTEWAaZoDrTHeMDSOX/lsbMsZ8GdnSiflPFuN67dbfS/UKkc
XmHHoi1STfYkCIIah1B+Q2n3vgNIETEC0rmv7TOhwjvLLU6fwVcv34QvOL7ht1K8ZXHr2GLhZ2eUwUOk
0XMpjOduuj5Et80LFA6gUza/GXjIemnjf45h6VKuYlV95jICK5OWfdDyQbEFFZH8PyqBQcXjtgBJQ4St
XP1v49oPVsXDGNxlxaKxUIvCn9iv32RpDWDJ9sQBUACNhEg0EDFVy9XoclMAogeoli62NereJCB+cM44
gRJyfT5p4vUmB7LNfFSE5qMT5yaMnZKRD6ihlyXj0wPrWBKErmJ2juhWKIbQ0WHkzrDe7C+cIBgsT+5y
21SsEaFxV7QpKblD2yeKeSAWmlCRBQq9KDjdRLVQKWR4l6gmHKT5qMaRsmeVAM/U6yxT3DMS9GYQ2ZSG
ot8A1aFUbVQAoTWvLcQotoabPFyhK7T5s2qFNTXwOs2AN2XTlTIA5TiqdEIxh6hcUuij5g8hOyyWzn6Q
Aim6+sDBB6NOEsVvBkOA5Np0ViF1EaqJeMEuipTaR0NAjYxlTss9SepwFhOOXWK2sqPGYyeQhNDCw00U
2rCLBSEakXtgvXDnNi4MaUc3RtqjbsZj05hc22eiCM2Sw4IP6dzcqrXvALblibkomwn5mEAosFicK3jQ
IOoLfiixQuVAieYS6GpQNOWEg3B3a5SVRQIihUYqjroED21ci4O6PslkbaJqnF3hXhX6wmqKbDxTY5IE
rXsTKaII7hpyO71J1AVDmhT+QElc5Zrv75i/Dt+zr22I6iCwWUDCmqjcaustivfYwHL5yyhrNrB0RHEv
JVUKESAmyfhy1BTDkiZIkVmpTgszJqYAG2izhxJ6+prNdUn/bVQtertweVzkHwY88ZnvpcZBNJ0VX6WG
K9AqsrsuqWbN25A1CY0NO8oPeEG6Tth31qp+yvG2YElOGCdbzMxk9mSSTG3PniVxF+4+QsiaSnXZXTsF
EuiVHV/fQJnHWk/BsmwO51PRJywaZl5rvrO/PZ2CG2NPoUQVp+f942RE4pBCqsL+bA/LL2FH9w+49Yq/
NutjIeSxUo2OVhLPiEJvmBpJaLqXXNojMGICBBoJAqJt/cw6Ui3cdeiu4r9AFcDFWgnp4bLpr06EuqNW
oH3NIWJYv93WXm8T+kU4QdbQ+aQ2UFB4QqbEvtZ4wh7l9X8CYsVThKrUwJJx35Q+xVzr+gTVxdr50FRE
wMl5TaiB1i6WoRuXKys4G5SWXo+IQJNyREXrjRdRDTXsVOEzmZ+XuRhgbx5fcQbvjiLe9rV7200X2Sov
u6qNnhMFZYKpWzR0S4GbGAdAULUWY54BnRstSOpywEwi1G2lavl5dtcv339INeD2tdY2DGi3Vu5OIYM5
eoA0KFPdX9wL03CFGWHNEhDHNijWskFbLNhY7rxWQi3eT/NWgEjATryjEmqmL2E/msMtspJwQ8/Q22ok
1sKOoAOtPRloQsrwoD5iF7sctjBP+CW/+0jG5WuKllfKvU+nq2YUc6qjkLyhfU+hiyrnH1FRppCPxgdy
CNGGsuAUdENqt2ZZrY2EpliZpDEOwhlWuDn2o50QQk0l5My4cEsXi0Dp6xqcwEFrxeOcA0ig7CocYreU
GjHFA8A5EboAU641OOeWFtLJWsk/p1uddpjfPdD6Fy1DtKEPsJN5uvkiRUaiRNdog9qObrWJysTjK2pq
Q0EKgGQZcBnT0faf4OHwFlp6XgoT452E0UEldpE9a4Tz4ezSVLgTlj5EnmVM2+olDoBF24I6CcMmUE+K
cBQlMYb2v62tOinz91BTNSo4r5DzypZRUIgz46j4BOyAzcrMT1UtPhScEHMIEnS+OdS6RgGio0KPM1KR
Ek6zpOV3NkE+Qs67TN6inYiYWBTyUQ1llExtIaG/n7BxdT/p7lddx0HCUdFPzp3E+iOMjdoWdt37mUOm
jRJywhkWDEZ64xqMNmlbOmOoDpIOl0inQa97BDaXamdjX3ddTOIZu4UjjQha0zqBzF0jaIicE47bQ1So
YN1takc5L3OU7D4uaSwDILILmmjQHSRJj62jCqSEN0Mo1WyuA4kRNNdCEJsR5YzouNlMDSMkxeXKXgpq
lr2UIzY3itpJNp05jUBFP6w5SYfNRjJVmyjK4thmr9/sGazvNbsl0dwTF/7YaH/iGrqIOLsNKEXINALw
SToVQcktinsminBgT7XmuI/C7qQEbRmoDurfbla+DSqqxhOnJelBmAsWDHZ6xvDUvzSbGx5cOHAchtSG
KhZbKv+cHHVieKwNh6tqS2McTOcGG2DBGuiNZjJqgnT2uxNv4xV1Mm00GXAlCHPRMbhYUkKeMSrm4TSU
y7QGQTwQUyMqytKU4EQkx9r7ARBlwkeocRtVyP9bh3UORLIblIXQGgQaSZ2rWAB6S5CH3uTuNiexvaW/
+BDadJhbbg3OXS2nArd1GUSH7mOMgsngjq7L50T98SmgIxC0UJJ3AKFTOZo9fTsxFikRuEQHtICMOWVd
BRKV3Ye1NYAngJllHppgXDQoeLgLNuaUcUyYKJqALiFUc8CK84mXVhyI+P6IHFMnqCbtWrAMtFXYzq1n
Yyy9XtPZimC7bQprYhSVNvFHClhtn9kmt3v7DPrXT7I1gerzarnYXrkuaPA5R4drflAk21uhCPbZUXm/
OCSGCQhJn0aJiSFr43puRohw+N3ALzXyg6hiSJXAlpFRrLZnVsjmYaGE+7wji9MUFGgc9B2F5d7vEmsr
iMHRKmjsCWgodAhC+c3OYFQ6rFeG9XiTDHkddbUrpNqShqqo76ktAZbxB+DmUJ97WAX6lAaknjVKYmMT
gxCgb69w4hVxCcWMutU9RQC+u578IXOWWVUZk1YxLLu2j/rObjlJqv4gTuqABPpurDrw0PJoU2byybSO
G28MEOHAkAuunbTxvVYE1d25Ban6h7wAjB+Bt461H/Tvxwp4ECcRYGRiYEZdV+s+6EQhb2J+gSYtKxyH
Z6kTMk4ynbyMD5RF0s1G/3obks5oPXJyAfXPqZtHUwhT3adBoB8ZxqL0Rrt42bJUcUeHj6MWA9Btn32o
9ZpVs8NXS8K6H4Va6DrZ8SsTdY3D9h1+6spcjiLeAhHJHj74/l69YyTyDW9FMfBeG1Wb59ITcdAlp2GM
hC9WiKwC35QwP66fr80fDI2EKTQmxIF7kWlbawUB8B0/x1MZDsDtiw0ImBJRyqrtXWpvelSGmUYdgoM1
YVrd0PLYymiw27rgbttUgdaUiwrjNKmfIavsHNBCO5jmHdVTld7xy8PniwrCFImtQvTdjULuRt3uPVIZ
q2K336i3uC49lukBQWVSw+4V7pgShkp92292QrJ+NmcJu5RbVJEwuxvaaUU+jI0Jo9mLCFDSosGkdTfB
zi50KvxXFLNIxLjSoz8cIYeDKvaqCHLdD63qUXe575ZTLelpihdDRjGp+NADZPYlZZpWRn0UJfeOCgQ1
NokNGVRMgyk9zIi3rDds0JDlbWeJh8jus13QX000ShzCDZYlRGnvbkMnUYkci6EN9bQKM3Ne+2DoC8ct
LApoKlWUYvHKZ/HIqfvAYR7WlgULzwsXj6LMzh2ob1ogeEz2whrOYJA2vPA1xqJ18KD90/d+kK0iF63F
x7eaQVQPdQoHooY+uZbjhN22zXlX7DNPgpjR7IEwirmatyM9Prvbw7EbJbXM/qTVcpiLQixj1J3ZiogA
yE1eMwQKsz4EbtaFartYEBC2OewhRfD1EYLv1ctaVAVqjdMYYf21rsrjfh0GliOycbf72ohACuPixJGc
KpWDm9jBsSZ83GCHx5TTUcuRl63DuevxKkxWhU1IHFESgpOLs5CGFf8RI225dZNo/evXUVKsmovKNgUm
bRmlj0atk8kERyKbhn1Kjku1H9t/CtnasFTJhzzYWvytvtOcszSEiw6tp8ZF2OnlU4Cf+5kI+HyHpruT
V0Q+wwQN1gf6zItAmXmQYCI4/b02BhQcML+5YrnIjjG+lR6+ppHjdgmWk1srkqfhesMguEyBG/kQrW77
dAEfkEzkxD1UnGvSzmXWSziIJHnraXX44f7ELnQPi1g6E25ahpjZPFcsFRBkG03C/IpcBA0SGadaklAF
hqPb9+7jBwhN7iXpWTC5FD+zWQ7D2EfInwKmz+bnU8lpl/u6mnOojWipOgONp4Ot7x8aN18qvsV4VMEA
TJhATIZsRYBCMjPcBoMXQtcoES6iKpDsM5Qc6SlWDPeFIhRi//Qpgc8FYwYkNdn9SfqDIhJzrsjSKMGh
IKqdItwtUdm+Iu1hE9z9BTfr4LS7wwQHVuEQ9larfjZHQ1YuDT+rIAWnUV/V36K9qD6SdntxpzjtAYyK
pVck/e7NNoTvOzh8/1Zmbo7y9MizmbmVtu1514Fo8ohL3d+WQYRGLWvHxbqxGJrkMKWEF2I3KXXolfjY
dNvUPWfpq5BdonMFv27LhMJQVoEk3a7bGioWROuC9S24TyIm22C1eHQaT+w7EmzEgXYOj1iC1tgelvP7
naFh7pHfQlVxyp7LgzB8o4gL7mZbNQI+ZVteS6F5VYorx326BNxWjvi+48AarMnETJJn6TZXypYcHbji
BhMn8lZh4bWre4496jIafRp7Xp7B9+p5J/JiTiSY4+okXEVkPQcF5HqUBmO6V/mhFDTjuuj5cko6JMqj
I84ygDz5AYnTRE5tA5q0RezyjC9X0LRrtO8wWeyyg9zX19O5eahNnrORipM6KZflSZPpPufm+NdVCGni
dOimZ1O1/1fPQog+sWKaEIrrluo+UTxa0d5WJxIpl1UGiG6eKzV/nSbTDzZLSdiFCqarH1A7vOWfNEG4
AY+QRRR4LAIMUm7WFCSr7OpCh0QFKd7NTfcQZeQtWgZOIuNYI+GxIp7dLbtuWuITq1DO1S2ScK/tNmMv
L9/AHYVOL+V7EzemkdzPqnNOxt26FJGHcAG4htJ+5AdslXfNFnq4hPZ68IqagedK2b+eTIVMClPNa/Zs
YLkN1RxEjs0awhOHfiR7En4WB4DerUZIgFto8pCK5JgbRbb4a9+2gPU0FhS1sZtAXCzkvxnNkOzDnk6x
JymEZQjfBuHiqI8VpRawoywsJKGmmQdVE1ZYosA72u/QrfNUxZ5UuNNco24FdfWdDKdxxwwtswxgGj1I
PGCbBZlZyMKNLpwJAuJskeGDsvYvtACs1Wph4ejRo/Prg8F6zyvsqM0YgbCWsyy2Ys9D50XS4VOUUZnN
Sl0tHBLAtnt2/57ZlyquOIFwXjQoA/q12UviHNtsnlf8ERYV4hTett3/Obtm1CixEzHLf3e/tKv9zM4M
U8XjGVmvFRuv5RYEg1I7a95BdyT5jjt23DNmMg2ewhxxEUc8JJXyv3sRRRkM/QTqQujbfTChK2qvlyre
MIfbDixn1zcsa1Wg6Am4923A+qGq328mvSPWAeW+1iyeW8IouyYfkMMLDh2GSkrI/AMtYkunZz/LFiDT
m2SItBmHHwlondCeZc/ciH0h9pXhmJoUCK+liRVJvL1ZJNBLWqtO8Xx31EUlHWtwqyBZ9vYP2oG/Yy6D
4UQ1UqDWUhodZl3biAwU2WRRx91l0arKLLWU1c7ddnitstx1XQrdIaBlhrbryt8SSD/pg9oz3mWf8UY3
Wb8tpWJqNqapzDcOHRiia4q2tJphiKq0RkucyrNfO7gDfnS/S/9m1sFGyifOF5mDEWiB1aqToYyEZWea
YHE/Y4dH6WkAJBvRvWSd06Vx3wTF1jJvqcr6ZzFL9T88NjM4JBFHbojZ/MjTOwegGyDDYi5D5/+O60o6
fpw66gryNEUqpT3stNq8CYTuSHhQATCf/VWx5ROP1/oT+4MnHVr1YmAlN1EPW/fdKDe3fF8laWJvx75q
xmewbGn3O9qJEQkVPBqOq8WDZGsvLNz9gPU4xsWLrUhHSkk1hIljr8jQo0VSebP5sz9rQ9Iugbbdb/0R
Ssut/dedO5e/3cb/Z5LrwUruCTQ45yWl5Ck7l1xpZ6ZmOTiyLRUVnA35BBqK9KEJpB33W2VQrNtU1CQ0
F61PsnOkSKXMC2Zn+zHumZO/EFgJNEg6R64nJnkqto3nhVfbWcqyzF8e08KVW3qEgNEeQrsewI3Ug1xJ
W25zM/N95EPpm7SAfWoFOrp0Jsd2KrRkm8PWsSJLUexO1cnteTO+y+5NAODSmLbnI2Ez7ouvMxyouLN5
ATgLVFo3eD7W/q8kJe9O0ccypoPSNC3McLW6M6qo2+eXs2hidkzNZMNYJBWwIkq0aHfBZhbo/mwtmKPT
W4v9OTOGi7gVobihF5flPiZK7ARpwXzLEVygHmGvcNSl0mt70bHN3h6dQa2qBlRtkb5UyZYknkpHqkoD
loNnU9Fte8Kv2PHWuAP+ULbPg/8R4haIYe3kTfYMs6Njh7tCXF9waW27xRxGVjNJtKDcH4qSEybQFEkD
R/o89L4XsshDwSrKG3XXJsGiDaldf4U4XO11UsJK9bsxLgjgu0OK70dl320ZO8qr2fLBAojESp0ANyhK
3LCQfZ2qjqqaj62TBwaoDs6pNJcxvZqZba3Pa3t5CvVULXSOUowh8jtrLm/BGoY75jtFq1eyle0z+Hw8
Msfd8+Lb2nTOzEzm2COQ1gsNuRYoWdzrWY174PW2Z0STwey1r6atGINxB4Z5QXDOUJwtUiiZ09RDHd9s
YVB7soBikYW2Q8aE5zW5GE4OifrIVR6ftdf3FS24NYMGFxlaoSvUltq/nFNalKljfHWlzckTWS58TxXj
zvxqBJkZsul2qzaK0TLUWlpP2TuIEjOj4msolmJPHtZH18PSvHufZVuVC6GGTyS527BmkdEDmwN91sqc
Y862vW1Zb7b+DiRFOP0Jn0nBIchKD8Jf2MpyUdzkeneOV/Cd7IDMgnyFPH4upe6wjepKusaa36NASpFk
3Q5kthCNON/3MneqnbQFCvmm8RpujO0vlT6m7xbnl3+eOC8Ge4aaQFnctwhFMyom8TqEqTTsZ29zOaxS
AhC/B+C82WS5TZ0XhehKgMCzkKUjX4G+C5iyDWjClzv8gDAIrhFnfxL4X0n94yClKrHzl/3Wk9k+E9A8
h7Wk6tW44AOeCUqLdwvbK1wL7cOtYh2KGJYQ/B83nuYLvBQ0F+PMZa7WnzcyRggV6azRv23cr1NIF2mL
66g/KFLebVgFRbQ3iX0Pc3U5Q8wzmeY5OX4x6jBmNljkMJRFS0BAduYBbJu1AMSsy6AQHd5ibUhPW/GF
/ZnfkSUVnGuo1YzbcE+nHrMbhwx/CmBk+++x4KjiubLtqsjOMuXpXH0WdkbhuSOBeRQCpgab01VS3l1n
DWOnKizo+SumLomraZCQdb4Pt4lUq3TkYCFPOcxmftyBUSsWiIxonL/WLC5x2OHKPQlhvC/zwR1pyGmc
0faazIbpS1tM7UylhKEcRV/YU5klGVU8TMzaSBpBR7XWVwa97mLSlmNomMXoCRdKRCXsaS29rlatCUU8
WFq2+Ho5LA4cGHGFUFy1iXUs+1nznblKV9ljDr9FqHM+R+iS665h5LeINYi+bm3pFQZTI/q9P8VSVJgV
1kQ3fBM/C7L8ewGF6MIdmofagHO27w36niknQCaDb5IzE3uLvGXhXgKY6Kg6ojYTNHw48vPLq8wr7LsV
XAo/W9k3bm8TrZVx2YOLyk2TmSnfITLwg6tUixGWimNiHdnsi71xOTucEuPJ+ZVOkW0yOn3TyWI7Oh+J
F7B9tfVZog4EYw7MoRWcsANs8m5EuxpcZzTY6iRVcCJf2TXUkc1icdtDxxXJBrdbCFdQ9pp5g8YriIxU
hDoxexrVNIx+9sIjyAeoP50c1XL6uB86FZA+msc9RBWWn4UGBJAy8YXsatortF/xrK9CB0+1dsOOJYK4
HLKYZuwdPEN9EaSyv8wIJrJmwxyyr03zpyBi9uBq1fqRyAOE/hrmUvgxWJsCsmvmMKFwNPzZ4Pk6xtiv
n9G9fJ9UqQweOgm+1QatMrd7Bp+nBKm0ZlmlPUu8cEtqUCsOzs6uznKrOS8lOdWbJwFAFWnp/9oDuMyB
A7Mi+dQEAj+0svvY1UNVHRnCVVkbWFQpe4xzfFilJCzWW+Tt60wFPzBy/ryjWDuwV5EEgr+QAfRndHXF
EAZRLNl2ISAsPT64l55RQhN5lVL2VTpz50LRj+uoAX5OZSmaLM4T9P8Jc6N22HqaOcrTwhzpJAuG9Uko
Kqa90ZU0PWOWUDfZOZVUH7B1+JpFABqfl9+OYjq9NOdtfyO5GTHG1kogLHxTBznLpidEzlHWdNfaCIwG
0EWOtyURvd2HocY6TrlV71su/lTI2967l/bkV2mXBuNRMIgEQGyCeY35wOhwJepkyuKOHP7kTB8vTEub
AP1WMs/vdHC/vtYXynGs+xpXWzNXtRHaQzuYMo867LJteI3P48aH9ljt7SG/jSPPmRIeQWljkpmdOWR4
xg/2QKajPW21gc7yV2HRF3dvAtod+XjtLUVkF+eSXcRsfJEkktE/3EbqtWo2ozkvZw+cwQ+LKkH8zSYx
0yf288S80t7o5O3+gHsOFo1so9hxquTg2HgdaEFucytZ/Ed16rWeU11pWJUCNXE/2WTFCM+1al8S83A1
PJPeBMIqJPQhhoZRcTj3kXpVvWkdM5sFslv1ZuQp3M7Bhhtxm5L5mtQtXLP+ZMFBI27XOSqc50PN8aNg
fgw2E0sExIbwf53F5GdZ2kPmWe9sNArNb9jhjdAKyVedC7oPxmUkyDX50GE7Mc4TFcbF0S2oksB9QzMC
a0D7pHpSh/io53GAUeAswq6XtEbrI7RqFzXLSbe2XwL3qsy924ot36mp6BdECfK0lut+kotQ3D7BukTA
Gvl6dxCUdZk9nTiwjiVykMskzmpVXhB7+5AtIu1dOvuDber7zDjitCUBXW57ExVcEzydDoW2H8zOaqoE
b4MUNuLSA6/dHLkGO91lG0NzAf3T+k0HPYlNiDvxhLI/M+2f3Qv/x//e/M637P//YWG92vFNeAJHi+rb
i26T8CwHISvpZAeiBIW/NwaJTJPoLfCDbMfcSGeZbSGiEDbbMgJQYqcn+0d7UaajBJVoz+P8wY4qy+l8
+CL19S5Rae/lj45/+AHVCa9Soe5//P1G6ItBkev2uVd+8bPvf3L13O0XnlBVaP/92on0++0Xn/rFn30P
xZefu/rJ9eu3L/zx7e9/8On1F3/xww9+8cQzn77ztv3v56dvfPLejz65+u4n1566/afPfvL+iz+/9O7P
333JPvnzcy/cvvT8Z68/5uuOaXDriaFgBlFbBSCC1YHH65Qqty2ScbAua+MOAjTg+Th+JpQwyy44lLj+
zZdVlDleHzSqTMfoMioPrZQPlyyyLBR4qWT9BDWYdX0gA+wT99UrQ9rDrDpspraUGFx3cwzjNXASQRR3
Lc+mjlR/Qx1MKGy2z1gGMgPXUcEgNKM7UJw2ngt6K/rd9sX0Oy4WubMK5e42K4crRLxukKNEovSzwCEp
gg+0xUqUHy2p3AfNQCj0/ZjKhieg/NfqQobu5kfPSE0S6n+uxdjqdkJd8jhVH6nKKPVJu8Jl6m+GWmGo
cUKRMd3ro+cwhzk7L+bXcd1Oag1KjTLuzb/f//B9alW+zZl/BX8l5UKoFaZr2qdwxbeoU3ktu1emjUh9
xavUFNU9QxPzcrr+ZaojhrblVb5HZU3ru7+k6qZUDpNOpn267cNHoXNJzch37XnxLFA0fQqqoa7YeSnT
Cr3kPXwBCp1QF/U+gQZlq2552Z6e/WPjEn0D9caL6Fd7onddefECVUy/Y89+0V5zBdAPL/EqH9j3vpNp
SF7Onv0C+0nKne+6iii1J6li+q637m3psHLE9JmrfKa3XEcVMwBPRh1P6kFKLfN9u8N1tuCqX8fHEcqV
VJa0e9sT4u8n2ALMz9S2D3/SzlvpYHJuvWc/T/qsuZZ9F8/yAfU3b0D5kqN4BZqynIF8cvvuB9Q0vcD+
UXulzfqB5rqN19WkFIt3P3Ad2vf4HP6ZqWe5kY3FVd2Pc+5GO4d5Z82Aq7G+qM958sOXs7XznjRioSWa
VFQvcR69j+fj07br5TL62kaY6yvTAL3caoRaWx7lpy9aK56TjqqvKSncanzf5xrAvP2uzdz3uW6O22/v
uf7uk3n7uR4v+Aq8xvG/QJXYk7wO7vuO3audwxjHdh0lPVTNOvY39p8/dy1b65+sNvdJVmG+ELWkT3n9
cdVAR8npKC3tJaRVI9s+8Czfej5+uRHVse0zL7clyNvrqJD0a9k1z0b5cpaZxusn+cq5qKZ9OmvPcZZo
v9F+Hv9ebtuGot6pWrfue43Vvc/E9Z+Pz7wR9dBTiWoWEPfP6yle9ArmuqaXbn+pvVd7X5Xwfoq/PM/P
v5kVxb7K26m1eq53+O/jfK7noyr3B1Ga/AobpkLw0Wy8/kN2zkvTz3i8fS7Vzvaa46mXno8C6K9HqfdT
WX151Z3Xw57nff8ivqX+fyX6JD2vjex7vG96xpPxmZf4IFdYNf7ZKNKdxvrFGMEz0bdxzVefzAqan427
p7E+HgXBz0SN8pPx7GdjjI57jXjvqxhHvP4Gr/9jXjb1uVpyge18J0b8JF9Mn/lOlG6/ODUfvN+usetO
+y++LtIcOB5PrcLur8W9XuSTnkS9eG//1agFf7V95DRv/Qrsf3z+xayvLscKusrLnon+POMF7ts2q69+
GCXUL7bP5b16nO15Ij7P5uHKp9nmC+zJk+yli+3Y+Tq6EaXkH8/2jcvx+pl2DqvfMMfeiK9ci8/rM1dj
nV5j807zk5pvmv8vRZ+cjkG5EnNAbb7iDda4t3M19eETsd6f5NWuRJ+8lu0Px7NnzPYcf6LoUtw3tecC
q9WnfYb3xdXOZ/Mnzc/jMUsv8y0WsvfxeiGbY6dizrzKm6a1prXwwvT+eZzf0lo7z2f/IK6j+a9N/vnp
Pf9afOa1bM5oYl/M9oGfRZ+8ETv5ad+j8JXz0bAf8InS9S/ECnqv7Qe89Xi8dTZG/EyMAluibmnX+wtT
e0U7uLHWfJ5f9odN+4P/qbHQ3HuG1+e08V36QnvG+fOmfj7FP6/yM29EI5/zZ/TPXI0Bupg94xPx7wu8
wmW+/k52Vl7w72Lf0Hn3ahp3qkVDF/tpKiS/TT3pR5Pq86Vb74Ri88cnoC798Sm+foWKyK1Ws5SUT926
SDXvpAOeFJZfzzSW37QrvAldcOhphzI4Xp3SEH9Myti438cn/V7hAVNVmrrXev0NtMnVpi+46jh+P4fP
+jXPfXySV1J73qLudVzzdXvvFBSp7TpX/fNQ6H6cn4K+9ROhUU4V6VeSNvlbt37Cp4DW+Jnsvk9Sn5tt
c4VzKVJfomq3FL+hzX0Kz88+DWXst6hv/rj0xqVdTR3xS9Sf1uuPUsX8rPfb43zKM1KsvnUWz4/r8NUr
1Et/mq9Dxfws+iB9lxrdrtd9ht94068v3XK1B9d+x5/xvM2Dp29d4hXfSnrdP8v+vUwFbe/zVuvcZkbb
J+ehh+7j/oara7fa8U/E62lMoe99DXMvxiKe8dZraI36wa7qiuPWX49TuTzUvWNcMPPe8vnzpv32JK+M
+X/d/oJO+mW2IObGGSq+n/W2XcXrjCsi8ge3vS0nisj/3gxmJm1wx55SUmN9PPToZb99h3LTEVam+DDY
eIPN2R1MhkivZQIUDyJ7KqK1Wg9Xx5secZzPscE5Jr9Z+hwSs81tZ2JWwHlAB8Fztq2eUu1y1p1U5D20
NMlAP4KSuvP2TyeERIdKtYd8IsJh9yO/s7oxhuyJyBae+d3L5F9kZhhkjzDs1hBlrT2hkWEgvrgWIHQy
Be7JUK/FprJQZb+yRyHOPQGDo8C4C/5kwRTkSToCkXUYelZRpb0dRDaT0tnB8RbSg8V+1OTKocVFW9e0
N5l7gAFvh8luHVtsG95K/dVVc3c+d+ZHg/uQld1vXTbbIpCoLNDC61wm2YP+92QgkjmPZIs0iXFIct+O
UV6DCgd0whuqkKDy8/3gFyKK169KZBOHpWQxhlkurqZOXko+FqrY513F2HaIqY0kYkssissMbgh10vK2
AavIMUAph81UhOvBziOdwaxxpIIO2ty9Byp2gJvmeJNWUIY0R1yInE7AfJIyvDUnxGi4whzcoEh7Uut1
KIXDhuuQuhYOm0WrU2HZ2RxmfSiDwiDrxfSFTQ2RHSIwXrRadPbKl5FWpCov6Il50hT5lCPMUYM12sru
7+0sFhlx4eFx05JOnFziQmxjpgCU1nPonlAdIDu2IAHhjLUFZD1afJMpoEhHzuQB7iJHDYfOQCXtisAw
WV97hQIVtS9brJWUBVyP2rWqPKVh02WotAMF1oecly6fSVyCY0Qy/fKlBZVWiK0zZ2m42k/AIEnSWrHZ
dZiKSUOvzlok5jvuk1Gve5O2LLOtBeZepAUynAILLWbIUQiXJtm73kTotW/lUDZvN0c7YAFLOd5ikJMb
Wj1/1W2m7Il9Zn3PwrGdzYY9y1GbjTtbPgrXqTTqmU15IEOQzzkKQniSDF9UtXJ2jsr0Eouc9lnepcU4
ItmbI0Ziq1Z+B/RpiC9BfSjHuM21CU376IILYfO4SzJ5EvSI2uY9F+woV4UyaCWZAe+RLrznvPuZRmUi
UlCqBalOfAq6qhuDTcTVVQZcBP5SIN40o7Al5ejPRttZwtVIa4dAwcSQJAq+amueNzlU74u9EP5RQlIK
nTrpigwj3ClaPYvlqURqAg65/lAMXtVVisxhSAfsbNkZgJIj417fh1e1wYlYDHHohF8n5jvAYqka6H6A
JTQhBR8ITU/hU+zkS+V+2x22LvsusKKi7g5x0h/5wxUtGcy25fmcZiIN9tAVCZwWhj7jvWyfORCCGISn
E/JYcL5UOQ503gsbqwSwr586OtEVMjE7He/NrPShEArAHhVIUkH4kooqPpyVvEhI5MaRV1pZToPcGMR2
m+FJexPs8VtboSrsguE8Xbi/JUy+mVbEpOJjS1PoYwd+iwWvNKgyrIeQLA4RFclas3wrspBewpmX1OKV
kEDUOeWkSKQqIkLAiJhxSkSC/GD7btUxC4paueZlzWpxXsm3CIn9EM2wbSKVZ26pZPYxaWS7VDZSsymP
LW5QEBOCLLNJ/WmcjgHhbCkCnSKWmbTNErDGJsK+fPdvQXvWgm05cTZT+etNciZpE+ck9xDikZ3n2i2y
ejtFW0emluZlEvUpW+4bJXUIp2GPpo0uoNcyL6a5BNYcCdXhZLBTsWUKQPBu0kdNSHLRkn4D5k4Sk8QU
G1E32nX8ihwPT+pyXeo4bAsZF61kWwH7YDQYHC4C4xPaUZw7GWGoN1nyPZU/QixbWye0bGMqEGBVgIJq
n8gEBKEgGoRW23Ltda/nY//kBN253DxuQkd8Iq6CzwNXL2PBYAIg25qettrvcraiC362XK7mENVKHckF
AzDQtXv2Z3C8uQPT7oufp+wVDGeUmHE5Iz+DMdPsTjwPVwZmUof81WxOAc3QaJ0iE/cEILypm6RcleSc
HYoSlPEm5EcJgBO9KvQ5IDABTCD+yGmbTWsJ8YI+4cZmlOCQOIRVKGWGXouJy7CBFB7HLJObulb3NotQ
2N4pFqIIvlE1gZMiiJTaKVqjpG686H2I8XlNZuztDlgTkGwMHslqxUqegHC1im1tURG7iGPFCqLA6yi0
7Me72WKBD3RVJq7IthCvXW1bTkXEeZqwYtive7WTVu/NgPbFvnw5J5F9fMxlM3QyZRW5ipLMoipRvmJe
E38bujMw90NEgEyaUJCCuTpleybOaiPZDqlyAM335VY9a7DWCkUTe3WkSuCr6HgCAInAExXSOiTnqR2p
ofr0/0O2nxOEjehIFH2whRGUCOwh6bRlrZxUFaQpnE1vq4SOWZgePP42KX46WFvOmduZAwV6op8j4L+E
fh4JbbnQQMHKyEG9j3MOIMcmV7WvZvJDQpa7/5FoA85XbqFbSXyeyMJgMkjTPKab3WdmalYlVdF6kFCu
/EFtxNCCai0hgJCJON7p0zmnwpIOxJneVFKi3fLiA4lsi/Mnm7C2J1ZRE979eskIQVCDqD6P6eRblfbw
wBbP5ENS9rh1SYwWSyZRK1sxbJgREQsgmdTlsrkacgWHxsNJUDLrd6P8CHVhQGPzo63uZ8ShhWXBsYKu
nIs3ZPLsjU6FkPtyv127WB4923SyHop5c6tp1emdwqThx/6cZNN79RGxpHz2RgWQ3uSeQYYV/mpu+2fC
dpQ1ag804Th9sQeX2gGBAel2Yfgwi5ZbaasaqNooFFZIRwn4WjrD8ufou40awf8kMjQJ15eeNKzktKsJ
UemaMjmVpfTCVY9wBS/kDNsy5xcTpBW1SaJ+B3HHIHXIhbQ2eqWtsgvt8UMJQmwWo714pI7N28GV8jeJ
XgwfvZWfwobvhfwYFnGCshiPGZPZHjtBKR0vnQDZ9m7NlmHWS4mWao2EkyVXZE44yzRYRWA2bcaLiaNJ
kVs1dF9S9Ks3KLv7zYI0a5ja7W2cWRJe6qmcw1L2JHTpTBQJLuGQIcozUa5Q3TzzKJOVivFivDeqigQE
n9ot91Td9pCgFFYAUpPTRQ3jIiPwo88eCoIOQ0Duo3RRCb4Aj+coMG2y+QJzGRwbB9EnsGhpG0mCrS9m
nIylnPcwyapZ4bAggvZoNTSLMheHLL8W2h3YCNI2CEa3I4XV6vQOLDsiucMfss6te+Hwcoft9+1F0C3g
T4ZuTf7YzbKHfhhHHbnynYyzux4sHnjwULHvvkN3f9VF4mV5jliSaeH3G7veXh2hDlVtobY2BTfywEAA
b8esPNMqQfcmbUQGe1/SDBg0mYtguxL0uTZDC8+lBzX9c/2ZPo2FMCxa6LeouMEybqrFnL3Y7sg2cRaz
yhR75LmGAmvSdxlR+K/NEPj5orNcPevfWSmtF8riftuZJ+P+YNgcNovv8ObNV3v6oz/hT2l4/fXLVPHy
NAQhpz0s1bVWfEt5kAQJRcP5h5dkbCuelZsr9fqYq+OuAc5M1Ia9Y664o+yqNr0H1+pNUFSYozCTIyq2
u4ZE5k9EQkU+wh7HZrsfkyuC2CpYzo2IJGLlst1r4Dl4fycnX+FjFR/1OyzlwbnlvfANf/t39/32l+6x
/y1NpUbip00O804WptJA396RL8v5JpMGmt031RN7i755FfuGw3ICksFUrGfqxFn8GrDBozHLZUzmOsu5
JsXU3Zf33sGZYXtnNbqj8OpTbiPPFXnwfqlXZ6okLOyZKhdmkqLYq0csreRPpPSHCgh1ipmpAHoq26rs
GLpMzDYIcUZJCs8w5BpF82z0vD90MRWskJxE6PJnWvMIfrTCJd3J/FQcu9ifp/AajVQ0JjiSigLt3Jn3
/UMQdSpUCYMilX4wILkC46lIcj5Y8xttUa+p+ATea40YdXJi0pYtc1mKiq0dE97xqvdSO1uPkM3WHllT
K2BGMbbGrdOpfR07faYlWEylVnyTxAYVXMS0/nKFB9t58nTEzqwWnI37nW1NCbvalKs7szSVksiUesF7
8CoO+t6SpphnZkgzSwxynkfJZqjbWBIY0DsWi4eb+bpb7LUZ31ZX2LXrtztT22khPtR+czYHALEzeh7B
ybXcGC2mMiy7R3k4BNV1raEpmo05kqq4bHH2bPrsmX+4yZZOVugVj6XtLTLjZNvdrX1r9uh8Vn9sVib7
qIt/hsspboWpVB7Ic7lzxVTUZP8jlZ09UWvOU+d/gCJOg8026wQbBck/miR0rKWJF9zx2akQGJQH2wpZ
mT5eSo4EF65NzTHpxee6Qz1xh+sP2Q40swQVYVtAyV9dnrqM1010h2Z2KkW+bWoLW57KKLXsSrQ1q9iH
oz6nJy9L2DliQx6b871ntRyuUKLKtpVuNTPlBcdzMlOwc2EqYJzVtVMhyGwnWppKyIajqOoph+r/fv0D
u/Uf1v/93SdGCv80biT7wmOJyj1f3DWVWphK4yzRYHR1oqobuX1YH51i6nCamXJ2i2rVLN+mLiUNLGs2
IlWt2gX6c2nKn6FSC3VlwyCTCY7IaE2/NEpiTkUbCvfvPZGtmHLsbh5L91HpTDmuU+G3wkuA+Ug37Ruj
EKveiU0c2AtMxCJyC+5A+P4SoAqhNzKtndgVUWdLL3C6Jea1l2y1g7U/GLWOGSZq8gdoUZvXB2UTBw2o
omakyVszE7Muad4Tb9BmbNDQTOjOfbK24Pu+PPVUZHV+zJ1NJwn9v6Wpo7mYMmdUTy7aQ98hyR1wx3S6
dy3DNyW12x2FyifhB4gnp/WmytXLVIxKjhnDHXiF8TVIt9RQtuEiz6LVNj2m7JDtU6u4yCrNMoQSezUu
un1q3Xq1Zz9NppLN0k4bho4+a7ylxEQWkoArWeRaeFnRjxR7WImjxFe4Fm7upUH3I54UplnYVNrBYCXX
aXttSy0gwpIVxS5QXhJAoWDQVqkqCe9e5JbxFO6mmPIli8Up/FKm1MAVkIGemlYdiugBwANSIetMu92m
UatVRottamfPSvd9/uyoi6kJM2WXAxrlQtFoIXX7WYoSczDSwFJ7GlY8h30fYQ+mHPkfol5ccstV3TH6
DSoqnLiMmvJ7yZPNRPF2bx3LdDQ8Wuh63ggPSGLC1+226QfM46TYIG0v6nmkx4N8cgebKJ4gju2Uo5cC
xAraZTqfhVRAMj6tazN5tC9FYbgXTIVzp5o5mp1C4gm2QroteLZthI1zMFS9saqosZGCOPnqa6pI/alf
dmdqgp7nSX3tzHEPG7hsvrv9Wd1B7/k2LzszldLMyhIWKuDBjB1TLy2PFnuZh2BS3joJ5hMFotSw52J8
SSNQtGclq0gFvaW2LhMLkSCMhNq2WAHfgHnaAl3KrXpUxrrdPpPhjRpXpgxusdAcY6VJj91/3712+ny1
okQJ85AJptZgR+tG7XZaVqk/pxImTTMerqlCSrLkkpYakAO2ABm7W518w87O1qNPqeiQnM8MvQNTdnl4
WaluQVa5T9WEQp2ckWTv4qp7V1txPtZtFaHd/VP+kU5RHGYYNS6lVOptaiavZuo69skpp3V7vaYi1yx8
tQa9aNUdQMuAHKtTGj7h4jiablE/4P2pOeGyaoM2n4V43FaVjfu+VqnC7jIztb3Faa9dgP2SzpXZqeU/
Bdgja7+FAqmw9WhDxS6UVYsdemE5n2jFFESS62g8BOjTV1Wrm7Polufa2tq3Z+ZnpjeKjVRQhtHLVHsW
Kaqpic3ES9qXaEGkgJ17iuERtXXF7SpTqQKmuFvs7lRTVrLajdYjsu1H1D+xQ28QyUO8tDzlQk9F1HZ6
9bF2L4g8g2fgXGCMZ2PgthiRaAuC292TiBzvmWVj7ZOy1QPDyVqNyZLzowcLHgGGjarIrsvseqjU5FAD
+5HjJYrMWJrZPjMVI1c1r1QeJ8E7uStm7bQ104bcfUYiheJIh6NeXEEGv1cm8b2nvSaKsHWm8BZZ5doC
hy33rIjYe+nDvZ3+oFOo0FuUXj5wYM7sX2sXHXm0pS0FHGHYeojyTW3ylCOWoxUFZk3+ZskgQyA0rF+y
arFJxC2Uu7x0t6zDKkty5Wp6drR7yrt2BaZWKbAoUx0GooGTLMxg4AVo2t6X3yYvIPPx+GPqbMTmkVl5
rRfFfaItVG6WQiuTLfuMSTvPqtJXSwUeA5+aVahJ5xUjWK5varPAT+Ym+X+tGmgWVIRlHJ2uWnqDIhNM
c2iyr5UomurLrMhPdEVjAveR+TkbrPK6qtLZKkBfFUmffNKi2dMTYUtmiaepPWRLvnJUAt227fN3b8ub
Z8eW9e4ULDAStG6fedbCF8VU8Hw1dgEl5Kbw+XOtRhYgf1P++9IUhtxW2FZzeLABbbzmsE33PJbw4Y/B
/ZeaxofXwF1u/0rWfaazUG/pL7LTyUcnz/sGVQiCgZ+/d4088nedI389Z6Xbu38hLvr/+D0oALTX/OiZ
Dy9SY0AqCNkn7f3nXHuBegP867rY8c7yzu/wirUAfPCr5Kdnygv2V3tNqBGcmNICyDjwH32XqiPQc8A1
L1LvQBxzaCOcSNd4nzz0J1KvUE2CvfE++fB/Snb7RTLJn/NeuUGVgatT3H2oBlwmG/19akq8PPV8YOo/
m3QZTlAL4u2PHsXdWpUDfNKZ/RecGX+d/Hq0533eNd0Bo5T1xGX+vETuu38vvffehz/mp9+lqsEFZ6M9
fuvsrTc/fir99nQwhMjiukIml/OpWnabWHOJx/YWeUevkU0WjLvgGb1in7lif708xeISn+rsrcsZO+n1
/JNsjV3TWVWviE3lvCdw/N6w7z3m750kZ0pXuXLrOthd/gwnwAGzTz7p33uL7LEzU0y2aAsYbNGWV26d
J//tLedsncgYZK9M/XWWz/s0eIP46+OTLVcrOGB+v/NkjL2ja7Inz9q/15zJ9TRYcH4/8dHO2VWu2XfF
YXvMOWJnQzXH+/PJjM/2CniI7d3zZ7A7nQV/Lb13XXxAFEUze1CAmuFiKoSpkygqvfiB35mO6mYlhbGd
evmVIMFgu8OG5rlS5Fy+1RbMW/qt7mCVmlQMPrqyp22JFbJES9MB46nMnFm+01v5dHKnaQNh6xXSelMh
3RmCSFZRmHaVUNtIPcHPB3RR8cOUrMwTN01EdrxVHt1Q3rtTZNZeOlyg0ylQ4sz04ReXivh4G0ag8zwV
2qYvmvlrOxanXNUp07+zvGM6C7cyldNpn3d1MDhcfy6CuPBt9NU3ZTvv2bWY1xCxC0Qdc7/U/HSyA8ds
5h1Nob5mZvLksZ2dS9OjkqXfcOXOFLag0/I2+G5bS5B/ehI15pU8thSW7CxPRQ2nra8lc3T1+aODYbeZ
i2xtoXStF/COG+UVH+y1hWlrzVp1tOr12rIFRa7ivn06mOG94sWwZ7Kq7WHSePRX1o2Av14x1o29xFqZ
cnj2TKeqlorpVHwkA9x6+TJr3idJ3ukQ5xc982qz8SHr7kkrNKdmtGkL8IE8DRZBIE7ktpZ3p5haKy3c
TDMeTm1rUz44xOodHCv2b4yHqxtZ4WJ8eNrvJb4rWzwCsmwQamZG3Ld3zOaWlsY6HrdJOFZd2qdZbGe4
3APMChCml5am8MsZ1GM87M0yxty6pM3nvJ9Iy8kcnmJX9pNXmwWs2jQF75v5PZkkID7fei4KhBVTSRXG
jdr+C3aVez4toLcAYnJ6N1s+mmpac6pQCvUbEC/HpfdmNbwzoz+82dD+9ZLIZpiGpqT7nrmQexZNwru5
RrFwaKnsC6IpU3m2KA8+bt2BIlRyGXLKw5BF7tvZiOYIKsZher1yK22U5ES20ddUu1LvquiMI2ZXJlkd
eY0glrNuRLTzuqrTa2tgq1pqQFrHAjGU07zTe6c3RonAJ78wC5OFK5vFmb7WV6lFe0IM3vL0FpSDHBkK
HWw9NBxsleuOtkk1mHnlrFhAEYSdRMiQrJy58ut9QEKrPuI/BxEvtWds88660QHmpdKotFsVt8KMGHvE
5qz82COhOjmNZ5Fn2cb7pzjU1u5pdI/iuQlOl5NdfLFnWfCpTXT7jDn4eSmrNFe1yTAn4nhJrDLNULck
9tRNkYOM44gRp3OxmIbhYGlkNXekfFjMShNxR6oyqGKG7ZGq4oc5+AubW+KjYkVT7uMsZTok0JRUgJ4N
RY7zmd7UxdD/+Y4rw0Cu5EzICiVtE2mkXA0ZkNB1wYcvumLV6RdcxsQVfn4UGikfUAzknMvm+LtXXIXJ
VV/yViVVmR+EsFISFQmtLdw3Pu8aStbUp/iV86FC80EIy1zLtGWszY9CYwRf+TGv/BPKnpzOVKdeDKmc
5/3KfqmXQjNHSiwvZJf9GZVhngk1lTPRjKQPIwWk1+LdN6ZEh1z5JJR/klBYGhTvydMu6+SSXCf41hsh
+fJmfP1kaLy8lmnghCQUbvTn0SrdVxov70TjXwyZsqdC1+g035Ls1Une8UleWYph3wlBp7MhovUKf/9J
6BHl8i9SK/pZKMA8y57RlV+I+57iPHyW7byBf1+lnJerDF11CR38fjr68LlQptITnYv580M0BpeSGthr
vNTVGMTXfGL7I1yL542e9Mn2LL+SlK9eD7GjD0JG6XJ03el43tcoJfRSfPdMXOdKjJHmRtKRey0m7emQ
JHoxVIDOZipn78Rk1i2OxwpK8lNJRed0rKYTsRs8kY3CjVAEkr7Qyy49hA8/HyP+ZqgSnYm18KhfytfR
d+KCL7Gf035yst0ivDPVpB/FbA9dL7+ytH0uxodjxnpPJtGw6Dp87Hn/Ct6SZFNoeeHPN+NGL8bWBBWp
YdP8Tl5jY+doOsvDl3Mtd/fuYLAhAzltcM8sfQ6GUUzxynr18ue84pFzRudtL+el5lftEDrcZraK6fNk
5+dM2pm4fvKry2mXfcfi53JDQC93zdyRgbKn+Jyt2uKTaA7tCT12D8UWdwqXDLp2HyijqOsYVvUSI7Go
kQaJgGqvEHitt/A5z28GcIy83liSdYnas90u4XP30feohgk/LEJs0XxuABY+FytwDWSzTJuJXWGzM21C
7h5ROHxv5xvI3B/uLFOTpmiRlxnaG3C8xZnPRQzmiulsfkkTW9Ya+JKfc9aX0v09w7j4uQ4QTqE1VYnV
yemZxTTiKXN+xMvM6nDBCgpXM3zN5ONS/6Gz3PmcRzVTFFNpVVx493/KiB2eb7qrWivNDpsVoStJqBR3
Th5RVXDXq4dw0LdGG/b+t9B/3zoC+GrmGma/CujyOT8kw8AC59HkuuD4wkFlnVJJm7zesDg4Wj5uJ+5x
pEYyIKcoI7gme6E/kK3YWZar0mIlc4ojx7uYxoNOz65du3x97DTzsETBD5E0QXlRfCjzoyk6Quc/q62H
WqyrmMGrcsM70w7/zntIoGWGuWwG/bnPLYdtzZ2TQ+U6Mv6zzY4/2vVfP2faLs1/7oV2JihAdgeb9f/V
dXW/TZ5X/LqW+B/euqqSaHEMo5pW4rgKga5MbUFdUDvtYnJsJxicOPPrkETVpIUApe0orVRGhaaWrrSk
GdAUmuFQQqTtHpE7LuFm0v6LPefrec7zgZBCYr+fz+c5v/M7vzMwwH7DgIqPYQMyKGRBQMfvY177PPoe
WVahXwIfpMdwhh2/U8H6YjXGqaj10KPLj342/+492n609ej+o5u750ANGDFzioPcR6R7BxHwPiLwd1Dr
GBF28//nGKkAJB/1fv14B2v+3qNv8ewvUCEY9IS3MSbwJUYRNvFbiliQojJqPuP//vEagWc9ZdbA7e+e
xzgGRAc2OTqxyVGBh/gEl3bPsQ4vqUZDDGYH9YZXSc3WPD+/3+4n/H7bGC9BpWxzxqbfHnj0Nj4rtc9m
EB2RqICvice6ZArXPg9IN+PKCvGHnxa//lFFElZBqe3JGp9/98kWaObR9Z7cApUyvIPTJqOzPrJafRdQ
702+x/uj3t66xBE8nbNvzROcpU+CZ3Sad3y/bmeq09PFWmwsn2K5RUy99ATLKuEehWscktx4pQsnVcUK
QwFbpmM2V9T6UXM/p3VYAYrhRKroSiGY/E2IAZJe6FciwSNXZ46RNUZyxRstBsub485Zhv4ihESbbsHH
qvOdOZzCOJmlumd2GEpKds2KOOIpN+wpeEgL5CpX/Mgo7DqCOXMTemYLUOLtKdwxRSmPY//XIBItPdIv
wur1tZLMEYXQ+uC11NEBOXdBrJmx4jgUzRvO3mi2T2O+6zD2i46COAiDT3ZJ7Oj5m82GOf/mB0Aj1Ypn
oUHVp4CbDGXQAN20OUBRoGKgwmzoseJCb7r062K14FialpB4ullrK1gSYCzqzSxvIjoe7nZZaA4h0Udw
PeSY6HQqeHRgcExTySXaBvzMGyQkqKRxxNqEet+sdadbS8Vq0LV7CpBq0yw1oC47CWMQFgxvBhsqMBmn
M8JRJ4zFZTatWg5V5ZvZqVYbmDVdkBIMTEfiGtV7dsRYPSQB4Y6d6CCElY1zxVyp4GFfn2MCbfsuB5tz
J2tQuQTU3U6ZBzHfNktgYkGrzdRmm7x+uEwec/C7VACKK2hJDaVMjINj3Q6SsH5j/pibgoxhLYRDVB+W
nkB1JGS8KCkwokUhO0VXU2VlN4mNiMvh8HHB1ISCKeQQZ93bpQ8xxbwsqWm2PbisFNhYiD7mfioUMIPI
QnUwJkpILEBaHqRKtOq5p/yFmCmTval4U22mw/N4j0zkPaFZUAD+WKYLPZsxM5zpFcGThYK7vNUyrhAk
8mbvYiQzt0aJrIWOhsbjQBkztLR5+mHYHh2iw0GRJATPoawTdSILVYowhaIy+S7EiDHt6kgVk2JIrbzT
tlkxcKCX/C2A5lFjEVuxE85ydbXPW1B/UfgoCAFzro29qC6BjfnQs8jJa/VsWoEuxEtMq64ZJlxhk0iL
NmmlDBUcoe5a0w9KjYeLtHcC7Ip1KIoEvGcZ2r3FTsnYvF1bmPHQApfDA6YWVCVsyAdwuW6r0/ATGTJq
IN+xYn08jtu1lz1RQp77TnkStl0sTNhV64enXwen0OghvByb2tPchLiFdUxqUzkIJxifLFyELch9QPDw
UeWVkqM0erK2ZOb7VM54QnnfiAtRSbYRdYbCucs8rbX5gyYIrPIlFCIZK5r1/HStbtwvZBHD9tccLL68
f0Kl+Q1Ez1w9quq+YRHNYeUJkq30y4ojT8peqkQ3jFNc6x0wG5rZt4CPJpMwmvuFyCDL4wbS1hNp52TR
yHPsTKnwWMxCQ60YeZRK14xvD4/1SrndMesyZ0821AClAekyAcUqQDW79rIS45A6iS4PazQyAnWgnPhu
nrghHg85FLXGMoosUDaaHwqCfdjaF9ZUzbyACvm6KDlGJVTRY6+8eOjoxOTvjx3OpCu0aA/9LFZDTMrr
YERVfL4f3GwsMjSATydimwttyCoNFhezVvhZT9Cvb9S65nkbGtFxRhVnTZOpDPm1AgYcXYLSXnrbZqv8
VHMZuQJmxvBbqJGmPAXOz5xGpYm2yiHWI5zM8ywy2/2cDPioEm00I9Hu7edS4IrehnHSVsF1YK7iqLeq
H2AT+pmNohzl8k5kU0P6AO5sniIVPrPN2bHmhc5wowQ6b4qCwVj32aJwpM8whn6vZSHGNBk9c+TX9By/
GICoZrfTZREfsxG3F3IUkPCSLxF90dXZyNszQ41ShK32zcSRcYabXjdjZarTOWW5AU4pY45GTs3GbiXv
2i3KmPbanFXZ+3Cd8V4b8LM6VYyl4Ld5E4GPhqUvuLZwz3HVaRXImfF/tNdTVSOr0RI5PpcFoXYldpKJ
3Cc4MAtdZxJMdOZoSBszgZxhGC0zxspZyDkVLz8GZF/Q7ZhxAXHNqmbzBFV8FMGASAKzLjtHR0IzdAhq
jZM15NTYMYa4lwcIGyM/ZwGiTFRPlSYsKd2Y6+JCawPzJ0iYVBTKMZ+RmRIWbj0EyCPaUJKLbWWBM8pQ
FVkjnakkWaROkZiMSK2bAHhkp6tRNbgOX50SsOooG0ID2AyPLkr8gsCh0M48p8BOK4s2gnUDzdkhzo8Z
X5YGk0Vuss/v1isATv5F02p5oIVg5inznRRD5WAHVl4QhGH1vDzIITMunaIE8sgMcuHBMKccSujfTg+S
P3KptikSTKDPo3Tf0U/ws39xFY38THtvUBBYGpk/MR9w7czoixbaglPHFOmjGohzdXCJYF/XR2mhrKPP
MYezRAjK2fGTOsMB313odUW6eXFo1Mn4tEhftulR7bCJcVPNtEQcp2khJEPaantHsyAY5euT4DjEHRZ9
vfJSCRBhdRPuxyxy5/W3hKLZ8IP9hdZMfJ75Fmq6PP5s96PHPwN3GeuFUZ2y8JPrVAUMmeTnAd/lym73
gypsUtWOMU7/k91LjKre5QpvgKsCrruDfzMy/PhHPHOHWOXIp36AvxHKu2HuR2jsPWSVM8aMDG/mdfPd
CVH+Gev6UV0zujvwvu/zWwTPA5gyIrjbjBj/dfcTZJ6fQ958n7FeqGz3I6PJ28j+3sYabZt4f3pTOIZ4
+PLJfXoLrtIGd/8Uj7+PNeW2ocofxlsvCmFgQwKyFzCiuoKx6TsY7aX4siUwqLpjXMLpnJzynYRrtyS8
flGi1RTS/VrVuvpOMQEo3q0rcAk7Aj6XsyDufBV//4pZHFxLiBgXV1Xw94wKu6/hM6yo6j8P1XtZtox9
i75c5zM85Y7UPlsTcsiG8Ar+gtff4Lg5cwmIV0NlcW4JReSBvOYFPEWfRS2j2pnbcF1OUVV4HMfgosTT
NbliRzE31qWRP5SO2FL8HNWGjkBiuQSaCvJQul7YCI6N83dHIfBq3q0oFoqtNvUB8jGoxXakd+4JKUKR
izymx0WpgbWOv+wgw+Qh129yT3tGqukRe+SqT025IwffwBPPuDd191qXHrmMZ91mggoX46MBdkPa5LZU
4KKmuy5ltqSmG9/9tjd64ZjzyJ9Zx88vCY3hYyEFUZE7ep6/qfY/L4/3gYxn2843mZfiaEUPZPSuyfRZ
kxJUdowJ68Z9Qt20ptp5012HyCE8L9ZkxtnCW2v4hD+oYnBYMRD+vG2vE8eRvNwUl5Gyao5aw2yOdZvV
INWM4Jgt8/8PXnUe94nUaQrjQ99znsgFjFD9hFEqujLktKxhxSJ+HqlxpD65i9GuszYydROfawWyObiO
z43wXnjspvymHEqBYBb3j3S6M+V9r776ankJRXzARwhBIXR74dvRzIYCIhRGVJtUfY4iqLeI6vdYsTM9
XdSSdizjNwrlNiBUL6R/Y7FEgFL2UpAfAmagDllxDMdaWS9ZY6EYeyS6oAd/VKhE8Zhy+fDbxUzfcBFE
SxrN4+8cmYAU0zm0lviGJ43VTZc4EAaeQfsgjKnkdYvqZBaP03JWfNsstu5if9wzyPjGcddmYIUGiJYE
KrDdCYgqJ/o2Bp6wJbCTKSj0WrWwGIVBXgtCb4itYKzfu1YWeawHYrylgGihV92jV4khqSyNlQRkdgXM
yMn++MaX8kpIkKqDl3COemGZL2HgIHsP8Nfp2NLQ4TMBXO1TluFkJb4kQzSLYon7bJ4JInJmIsxMQT1v
BgWMLz0DjJZoIrRmhVSlXJjxeq3RnCVcgpgjuUKShNWjvUp+/BEzaNiJOLh8pDHYagyRktxJIWaDSyxu
hkh7DY2y4ozXt7GJXvD6mTCyaowYC1e56bJcmCaOhS9YA0PXdODQtRcBp5/xytHyqkEQrBhohWFouwNp
z17hBwjFgfc/N9MDYcVDIxMj8bgvkQ6DaEEAsDGsS5OJuofzChsq3TpIG1IBM4E6OUMM4n+CP2YxADnb
yv3ybJ3pSQHWhrMT7BTmMbo5YZax2alWTV2suWQGJIuicHLKQk7VCVS7MRDoRX8BrvFBu9r0NBRd6KkX
Qu45tzFPKwfeKYW4CAIXYAWOOwKXmGtoqiPPNBeFs962LhnAk/uoxC4Xm1PmnZuoLFKDYGO355IWabcD
DMgG3YBnJLiijbaKCIJVuXidkV31yExl0hWAWBVeD5O3jT/s+gub0EtxquG6U6/N16QgiWi7+MCtN+Qg
NYWG3PRCF8epWsdce1EVA8jvkHIWbikFCGzZtMEMCMCRsFncQRU/NPRe6fh4af7Eck5sB1ukBniAZkuF
JUxGn8Wm6vBFHdh2g/IaLjiKywA2PPJG6B1zVuWwOBfnnFmLBqryaPiHgEgoddVFjSmYJhjOwH6sQ23B
LghFQLu8vP/wy/sneIyZP4pDQ6MhIgU7pCdSKBi2GVZ/DPIeQ34t0CyDRRqpl3Gc7b0S6MgeMjNpcAgW
7cnWrPktiyGYoretsGXhLCRn8wQJuViVzr6DMo1QqlZmF6/nctyAagM/dZb5xpaOo6J4CZOJEXq9PvXE
QNJ3ZmlW3xSBynqLk6gxXIPtepmH3oRNjcQe0PXuZOHxyLd8I1+7g5N6Ap5zj2QrZrq1WeS/WAaELnAk
5CV7Pce28BJr5bjEjh1vn38qVhIGjdqOrI3qxS/4aGrloKd+Va3Ai+ohLIpyegSiURdkYod8a2gXsc90
JLmY2DcT1luR+rLn9WWesPz2FOLnq6YGPi8GUpAO6o+NJjYNpxjmCqbYylVSnaQFxQy4bIPmYBPn3yNY
BZHPCvz0qklwXIzex1c/VlPvdKfVGNw7NFr0FMdtqnPsqrmYg1u6qwmT2+cf0m9BhjqSS4gDhTVHSfMO
3lcpW8lkqMQgc52j2rBztFvT2LzDXh1EIaPES1jmNCjhODIPGq35NgmLWgWb3On6uPfFgRHw37JEG3Dw
OhcbB+OLCfPRq3alTDevXBdpfEUeHZVSw2i3/U2XbpKqFGYE98LIirFxT9FIdGOrIcUieP2ypDMpiMRt
amv1qOM4ruW5R0GCNFIJsE9PA48IZJCboI6Uk2U3D/FOq3Q1aB1k50OotrIRUaeC7eyjRBdVs4QDiRwc
IiUgcQiejcqX+XQIHJFYFsjxK1V1KrRXFls5cOkwmo7TUNKTYX0Jbu4nXtK8pPphTYwpthr0fvxC8IeN
OtqomtogoEM6s2bkKsPLK5fIPTCdWF+Qj8lloZgfhGL6CzML/1nPs0GKrS8MiR7O7pXH27srGO3YwBhC
8Nnjaxg1WEGNIIqNbIWxC2KYm3POYhTggcRTzPUkCuJiCNukGSTRB9DWic9lrnz42TWKopjrAoe9bzn6
FA/ZtKo88fU+oeeFJ3ZaO+b+pA60gZ+hHo7omyDmdxMrr59nfO0nRgpXFXf8DH325BZ85u9Rxydfh7Uk
J+vLLJQqF8ZP3eVyrN6qI6MJZU3GsgEca7LYR8sOWFQBkkXoULh7435dTG0GiiPuliRrjRSUOYLTLZx+
lZSRIl96Fo7LChElMGNxRTYjXDgDDfJW/ZS3yw2KZasM2z8rwVCxdIrZMTTdB3LtV2WRQQiNFRraaM1H
23QPU1K8rYv+C9d2dWTw8yXQ/YTp+L6ZyiVO2yqkbFwSran64jW0eQVwhBxa0McGJkWh8mKp9AdfwGO8
1YUnqRYSLZKyTBef9q897d952v8efm6dfdq/8rT/j2er3z5b/fTZ6rVnq1eerX7zbPXqs9Uv/nvrm//9
83Obcr61Yv4akrjYhgQvKMrwNeL2H3IIjAM9ErXhjMuLEm6zWaVBBMeGJ2xQwGahrksSaJ+jkHCWDfz1
Ve6wzSy2ybNXVPgmCAh+LEnQOxLD+lIe75zkk26oIKPNGrbxyjVJ+NWBm5UoNfsyZ5hyUEzHs4I07euS
zHuRk9a5TdYwf3ZHvlqXANllOXJHQn5fqdOpfc7gM+sP1yV718+C56fdUFHI6ypCZPudzvpGTrwtrWru
/rVXuNR6wTGbEPgHyoxQaWnRsIf/2DsJLQgQW1G3kfwbXLBC/zK16xer4RpI0yWByy/NttWxbjEL5KVk
9VSaNMqbMbtAwoZK2cPlaghpkFczkl65lcfpJr1eSN3qGvMvYfkM3FDOBlWru3LxSuXyu/snyuVDk4ey
996YfOvNbN/I3sx3ugSRCRwelsoyj8s6Tei6QY6EaaiCt3vKKQ7J+K1p9N9xo6faMT84k/L/sqCx2KPF
uwwEvTkQY1BIIPKvwP2aJbessYFfJCJQleSWWYBAz3DWA+VOePVhDL2prC+Vjubnkcs4Sy796Qngb2fW
QEghRabnu61aibrAvHl3wThK/75XobYP50F7bO8o5aEr8+h95fjj0D6QgTJScqCeeOGFFJ5W60EF+fBJ
YjwI3jj5Ful9tZlshrFu8nbNsZSxoq3xRic72DVGentIaS32UbeRuDx3kBMENvK/HH/H0528I9mYmHt5
l9QjFacpcQXzKVzhEulDAsOHck/91TM7dvzgm0cmsuJcrzQZCBlA98WYygR8D2gM0850fJVWYrMQzuW6
7dPLwaT5k9bOfaWed0Fl2k6+w4eUExaymY2jOgNSbS0IFfXeNpNshPJWDiL9Nbl+zNVO5vGYNVey7uzQ
CPLhefDGNiyegGM43mti1BG/TiFdxrtVu4I26ivp3SJGrfCh1B6iJfcSnACcJemVMkZHsJFrI0lnJdms
s6lwLLwmV4gKR4seJzhMXhnZuy+b9Hd/G3B8zj0TLgY+ZDEEUnkHS7w8hj3Hkm3YGxzI0vvCc9qr2Egb
MTkwg9sJOkT8/jQ3KmnzBOLJyS9wLo3ELR3NZZ75gRlhN8fndGHhOc1ZSa3T8F7PabYqsjMvqRWKVy/i
YEruPHv9jvnYZxalzUMH9iWulTvIaLTXEa5ZX8xVa61fFraX9QCIAKg5bh8rVRiy7m8o4pJl5O0ogZ8d
vmbCnCfH5TJKTBFva0O4Wl+l/Ix13xO6KCJPD5H51fete+aO/R8EyzZRoN8BAA==`

/** @type {Uint8Array} */
let dictionary

function getDictionary() {
  if (!dictionary) {
    dictionary = new Uint8Array(122784)
    const gzipString = atob(dictionaryGz64)
    const gzipBytes = new Uint8Array(gzipString.length)
    for (let i = 0; i < gzipString.length; i++) {
      gzipBytes[i] = gzipString.charCodeAt(i)
    }
    gzip_gunzip(gzipBytes, dictionary)
  }
  return dictionary
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.transform.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

   http://www.apache.org/licenses/LICENSE-2.0

   Unless required by applicable law or agreed to in writing, software
   distributed under the License is distributed on an "AS IS" BASIS,
   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   See the License for the specific language governing permissions and
   limitations under the License.

   Transformations on dictionary words.
*/



const kIdentity = 0
const kOmitLast1 = 1
const kOmitLast2 = 2
const kOmitLast3 = 3
const kOmitLast4 = 4
const kOmitLast5 = 5
const kOmitLast6 = 6
const kOmitLast7 = 7
const kOmitLast8 = 8
const kOmitLast9 = 9
const kUppercaseFirst = 10
const kUppercaseAll = 11
const kOmitFirst1 = 12
const kOmitFirst2 = 13
const kOmitFirst3 = 14
const kOmitFirst4 = 15
const kOmitFirst5 = 16
const kOmitFirst6 = 17
const kOmitFirst7 = 18
// const kOmitFirst8 = 19
const kOmitFirst9 = 20

class Transform {
  /**
   * @param {string} prefix
   * @param {number} transform
   * @param {string} suffix
   */
  constructor(prefix, transform, suffix) {
    this.prefix = new Uint8Array(prefix.length)
    this.transform = transform
    this.suffix = new Uint8Array(suffix.length)

    for (let i = 0; i < prefix.length; i++) this.prefix[i] = prefix.charCodeAt(i)
    for (let i = 0; i < suffix.length; i++) this.suffix[i] = suffix.charCodeAt(i)
  }
}

const kTransforms = [
  new Transform( '', kIdentity, '' ),
  new Transform( '', kIdentity, ' ' ),
  new Transform( ' ', kIdentity, ' ' ),
  new Transform( '', kOmitFirst1, '' ),
  new Transform( '', kUppercaseFirst, ' ' ),
  new Transform( '', kIdentity, ' the ' ),
  new Transform( ' ', kIdentity, '' ),
  new Transform( 's ', kIdentity, ' ' ),
  new Transform( '', kIdentity, ' of ' ),
  new Transform( '', kUppercaseFirst, '' ),
  new Transform( '', kIdentity, ' and ' ),
  new Transform( '', kOmitFirst2, '' ),
  new Transform( '', kOmitLast1, '' ),
  new Transform( ', ', kIdentity, ' ' ),
  new Transform( '', kIdentity, ', ' ),
  new Transform( ' ', kUppercaseFirst, ' ' ),
  new Transform( '', kIdentity, ' in ' ),
  new Transform( '', kIdentity, ' to ' ),
  new Transform( 'e ', kIdentity, ' ' ),
  new Transform( '', kIdentity, '"' ),
  new Transform( '', kIdentity, '.' ),
  new Transform( '', kIdentity, '">' ),
  new Transform( '', kIdentity, '\n' ),
  new Transform( '', kOmitLast3, '' ),
  new Transform( '', kIdentity, ']' ),
  new Transform( '', kIdentity, ' for ' ),
  new Transform( '', kOmitFirst3, '' ),
  new Transform( '', kOmitLast2, '' ),
  new Transform( '', kIdentity, ' a ' ),
  new Transform( '', kIdentity, ' that ' ),
  new Transform( ' ', kUppercaseFirst, '' ),
  new Transform( '', kIdentity, '. ' ),
  new Transform( '.', kIdentity, '' ),
  new Transform( ' ', kIdentity, ', ' ),
  new Transform( '', kOmitFirst4, '' ),
  new Transform( '', kIdentity, ' with ' ),
  new Transform( '', kIdentity, '\'' ),
  new Transform( '', kIdentity, ' from ' ),
  new Transform( '', kIdentity, ' by ' ),
  new Transform( '', kOmitFirst5, '' ),
  new Transform( '', kOmitFirst6, '' ),
  new Transform( ' the ', kIdentity, '' ),
  new Transform( '', kOmitLast4, '' ),
  new Transform( '', kIdentity, '. The ' ),
  new Transform( '', kUppercaseAll, '' ),
  new Transform( '', kIdentity, ' on ' ),
  new Transform( '', kIdentity, ' as ' ),
  new Transform( '', kIdentity, ' is ' ),
  new Transform( '', kOmitLast7, '' ),
  new Transform( '', kOmitLast1, 'ing ' ),
  new Transform( '', kIdentity, '\n\t' ),
  new Transform( '', kIdentity, ':' ),
  new Transform( ' ', kIdentity, '. ' ),
  new Transform( '', kIdentity, 'ed ' ),
  new Transform( '', kOmitFirst9, '' ),
  new Transform( '', kOmitFirst7, '' ),
  new Transform( '', kOmitLast6, '' ),
  new Transform( '', kIdentity, '(' ),
  new Transform( '', kUppercaseFirst, ', ' ),
  new Transform( '', kOmitLast8, '' ),
  new Transform( '', kIdentity, ' at ' ),
  new Transform( '', kIdentity, 'ly ' ),
  new Transform( ' the ', kIdentity, ' of ' ),
  new Transform( '', kOmitLast5, '' ),
  new Transform( '', kOmitLast9, '' ),
  new Transform( ' ', kUppercaseFirst, ', ' ),
  new Transform( '', kUppercaseFirst, '"' ),
  new Transform( '.', kIdentity, '(' ),
  new Transform( '', kUppercaseAll, ' ' ),
  new Transform( '', kUppercaseFirst, '">' ),
  new Transform( '', kIdentity, '="' ),
  new Transform( ' ', kIdentity, '.' ),
  new Transform( '.com/', kIdentity, '' ),
  new Transform( ' the ', kIdentity, ' of the ' ),
  new Transform( '', kUppercaseFirst, '\'' ),
  new Transform( '', kIdentity, '. This ' ),
  new Transform( '', kIdentity, ',' ),
  new Transform( '.', kIdentity, ' ' ),
  new Transform( '', kUppercaseFirst, '(' ),
  new Transform( '', kUppercaseFirst, '.' ),
  new Transform( '', kIdentity, ' not ' ),
  new Transform( ' ', kIdentity, '="' ),
  new Transform( '', kIdentity, 'er ' ),
  new Transform( ' ', kUppercaseAll, ' ' ),
  new Transform( '', kIdentity, 'al ' ),
  new Transform( ' ', kUppercaseAll, '' ),
  new Transform( '', kIdentity, '=\'' ),
  new Transform( '', kUppercaseAll, '"' ),
  new Transform( '', kUppercaseFirst, '. ' ),
  new Transform( ' ', kIdentity, '(' ),
  new Transform( '', kIdentity, 'ful ' ),
  new Transform( ' ', kUppercaseFirst, '. ' ),
  new Transform( '', kIdentity, 'ive ' ),
  new Transform( '', kIdentity, 'less ' ),
  new Transform( '', kUppercaseAll, '\'' ),
  new Transform( '', kIdentity, 'est ' ),
  new Transform( ' ', kUppercaseFirst, '.' ),
  new Transform( '', kUppercaseAll, '">' ),
  new Transform( ' ', kIdentity, '=\'' ),
  new Transform( '', kUppercaseFirst, ',' ),
  new Transform( '', kIdentity, 'ize ' ),
  new Transform( '', kUppercaseAll, '.' ),
  new Transform( '\xc2\xa0', kIdentity, '' ),
  new Transform( ' ', kIdentity, ',' ),
  new Transform( '', kUppercaseFirst, '="' ),
  new Transform( '', kUppercaseAll, '="' ),
  new Transform( '', kIdentity, 'ous ' ),
  new Transform( '', kUppercaseAll, ', ' ),
  new Transform( '', kUppercaseFirst, '=\'' ),
  new Transform( ' ', kUppercaseFirst, ',' ),
  new Transform( ' ', kUppercaseAll, '="' ),
  new Transform( ' ', kUppercaseAll, ', ' ),
  new Transform( '', kUppercaseAll, ',' ),
  new Transform( '', kUppercaseAll, '(' ),
  new Transform( '', kUppercaseAll, '. ' ),
  new Transform( ' ', kUppercaseAll, '.' ),
  new Transform( '', kUppercaseAll, '=\'' ),
  new Transform( ' ', kUppercaseAll, '. ' ),
  new Transform( ' ', kUppercaseFirst, '="' ),
  new Transform( ' ', kUppercaseAll, '=\'' ),
  new Transform( ' ', kUppercaseFirst, '=\'' ),
]

const kNumTransforms = kTransforms.length

/**
 * @param {Uint8Array} p
 * @param {number} i
 * @returns {number}
 */
function ToUpperCase(p, i) {
  if (p[i] < 0xc0) {
    if (p[i] >= 97 && p[i] <= 122) {
      p[i] ^= 32
    }
    return 1
  }

  /* An overly simplified uppercasing model for utf-8. */
  if (p[i] < 0xe0) {
    p[i + 1] ^= 32
    return 2
  }

  /* An arbitrary transform for three byte characters. */
  p[i + 2] ^= 5
  return 3
}

/**
 * @param {Uint8Array} dst
 * @param {number} idx
 * @param {number} word
 * @param {number} len
 * @param {number} transform
 * @returns {number}
 */
function transformDictionaryWord(dst, idx, word, len, transform) {
  const dictionary = getDictionary()
  const { prefix } = kTransforms[transform]
  const { suffix } = kTransforms[transform]
  const t = kTransforms[transform].transform
  let skip = t < kOmitFirst1 ? 0 : t - (kOmitFirst1 - 1)
  const start_idx = idx

  if (skip > len) skip = len

  let prefix_pos = 0
  while (prefix_pos < prefix.length) {
    dst[idx++] = prefix[prefix_pos++]
  }

  word += skip
  len -= skip

  if (t <= kOmitLast9) len -= t

  for (let i = 0; i < len; i++) {
    dst[idx++] = dictionary[word + i]
  }

  let uppercase = idx - len

  if (t === kUppercaseFirst) {
    ToUpperCase(dst, uppercase)
  } else if (t === kUppercaseAll) {
    while (len > 0) {
      const step = ToUpperCase(dst, uppercase)
      uppercase += step
      len -= step
    }
  }

  let suffix_pos = 0
  while (suffix_pos < suffix.length) {
    dst[idx++] = suffix[suffix_pos++]
  }

  return idx - start_idx
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.js
/* Adapted from https://github.com/foliojs/brotli.js
 * Copyright 2015 Devon Govett, MIT License
 * Copyright 2013 Google Inc, Apache License 2.0
 */











const kNumLiteralCodes = 256
const kNumInsertAndCopyCodes = 704
const kNumBlockLengthCodes = 26
const kLiteralContextBits = 6
const kDistanceContextBits = 2

const NUM_DISTANCE_SHORT_CODES = 16
const kDistanceShortCodeIndexOffset = new Uint8Array([
  3, 2, 1, 0, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2,
])

const kDistanceShortCodeValueOffset = new Int8Array([
  0, 0, 0, 0, -1, 1, -2, 2, -3, 3, -1, 1, -2, 2, -3, 3,
])

// Brotli dictionary
const offsetsByLength = new Uint32Array([
  0, 0, 0, 0, 0, 4096, 9216, 21504, 35840, 44032,
  53248, 63488, 74752, 87040, 93696, 100864, 104704, 106752, 108928, 113536,
  115968, 118528, 119872, 121280, 122016,
])

const sizeBitsByLength = new Uint8Array([
  0, 0, 0, 0, 10, 10, 11, 11, 10, 10,
  10, 10, 10, 9, 9, 8, 7, 7, 8, 7,
  7, 6, 6, 5, 5,
])

const minDictionaryWordLength = 4
const maxDictionaryWordLength = 24

/**
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressBrotli(input, outputLength) {
  const output = new Uint8Array(outputLength)
  const brotliInput = new BrotliInput(input)
  const brotliOutput = new BrotliOutput(output)
  brotli(brotliInput, brotliOutput)
  return output
}

/**
 * @param {BrotliInput} input
 * @param {BrotliOutput} output
 */
function brotli(input, output) {
  let pos = 0
  let input_end = 0
  let max_distance = 0
  // This ring buffer holds a few past copy distances that will be used by special distance codes
  const dist_rb = [ 16, 15, 11, 4 ]
  let dist_rb_idx = 0
  const hgroup = [new HuffmanTreeGroup(0, 0), new HuffmanTreeGroup(0, 0), new HuffmanTreeGroup(0, 0)]

  // We need the slack region for the following reasons:
  //   - always doing two 8-byte copies for fast backward copying
  //   - transforms
  //   - flushing the input ringbuffer when decoding uncompressed blocks
  const kRingBufferWriteAheadSlack = 128 + BrotliBitReader.READ_SIZE

  const br = new BrotliBitReader(input)

  // Decode window size
  const window_bits = decodeWindowBits(br)
  const max_backward_distance = (1 << window_bits) - 16

  const ringbuffer_size = 1 << window_bits
  const ringbuffer_mask = ringbuffer_size - 1
  const ringbuffer = new Uint8Array(ringbuffer_size + kRingBufferWriteAheadSlack + maxDictionaryWordLength)
  const ringbuffer_end = ringbuffer_size

  const block_type_trees = []
  const block_len_trees = []
  for (let x = 0; x < 3 * HUFFMAN_MAX_TABLE_SIZE; x++) {
    block_type_trees[x] = new HuffmanCode(0, 0)
    block_len_trees[x] = new HuffmanCode(0, 0)
  }

  while (!input_end) {
    const block_length = [ 1 << 28, 1 << 28, 1 << 28 ]
    const block_type = [ 0 ]
    const num_block_types = [ 1, 1, 1 ]
    const block_type_rb = [ 0, 1, 0, 1, 0, 1 ]
    const block_type_rb_index = [ 0 ]

    for (let i = 0; i < 3; i++) {
      hgroup[i].codes = []
      hgroup[i].htrees = new Uint32Array()
    }

    br.readMoreInput()

    const _out = decodeMetaBlockLength(br)
    let meta_block_remaining_len = _out.meta_block_length
    if (pos + meta_block_remaining_len > output.buffer.length) {
      // We need to grow the output buffer to fit the additional data
      const tmp = new Uint8Array( pos + meta_block_remaining_len )
      tmp.set( output.buffer )
      output.buffer = tmp
    }
    input_end = _out.input_end

    if (_out.is_metadata) {
      jumpToByteBoundary(br)

      for (; meta_block_remaining_len > 0; --meta_block_remaining_len) {
        br.readMoreInput()
        // Read one byte and ignore it
        br.readBits(8)
      }

      continue
    }

    if (meta_block_remaining_len === 0) continue

    if (_out.is_uncompressed) {
      br.bit_pos_ = br.bit_pos_ + 7 & ~7
      copyUncompressedBlockToOutput(output, meta_block_remaining_len, pos, ringbuffer, ringbuffer_mask, br)
      pos += meta_block_remaining_len
      continue
    }

    for (let i = 0; i < 3; i++) {
      num_block_types[i] = decodeVarLenUint8(br) + 1
      if (num_block_types[i] >= 2) {
        readHuffmanCode(num_block_types[i] + 2, block_type_trees, i * HUFFMAN_MAX_TABLE_SIZE, br)
        readHuffmanCode(kNumBlockLengthCodes, block_len_trees, i * HUFFMAN_MAX_TABLE_SIZE, br)
        block_length[i] = readBlockLength(block_len_trees, i * HUFFMAN_MAX_TABLE_SIZE, br)
        block_type_rb_index[i] = 1
      }
    }

    br.readMoreInput()

    const distance_postfix_bits = br.readBits(2)
    const num_direct_distance_codes = NUM_DISTANCE_SHORT_CODES + (br.readBits(4) << distance_postfix_bits)
    const distance_postfix_mask = (1 << distance_postfix_bits) - 1
    const num_distance_codes = num_direct_distance_codes + (48 << distance_postfix_bits)
    const context_modes = new Uint8Array(num_block_types[0])

    for (let i = 0; i < num_block_types[0]; i++) {
      br.readMoreInput()
      context_modes[i] = br.readBits(2) << 1
    }

    const [num_literal_htrees, context_map] = decodeContextMap(num_block_types[0] << kLiteralContextBits, br)
    const [num_dist_htrees, dist_context_map] = decodeContextMap(num_block_types[2] << kDistanceContextBits, br)

    hgroup[0] = new HuffmanTreeGroup(kNumLiteralCodes, num_literal_htrees)
    hgroup[1] = new HuffmanTreeGroup(kNumInsertAndCopyCodes, num_block_types[1])
    hgroup[2] = new HuffmanTreeGroup(num_distance_codes, num_dist_htrees)

    for (let i = 0; i < 3; ++i) {
      hgroup[i].decode(br)
    }

    let context_map_slice = 0
    let dist_context_map_slice = 0
    let context_mode = context_modes[block_type[0]]
    let context_lookup_offset1 = lookupOffsets[context_mode]
    let context_lookup_offset2 = lookupOffsets[context_mode + 1]
    let htree_command = hgroup[1].htrees[0]

    while (meta_block_remaining_len > 0) {
      let distance_code

      br.readMoreInput()

      if (block_length[1] === 0) {
        decodeBlockType(num_block_types[1],
          block_type_trees, 1, block_type, block_type_rb,
          block_type_rb_index, br)
        block_length[1] = readBlockLength(block_len_trees, HUFFMAN_MAX_TABLE_SIZE, br)
        htree_command = hgroup[1].htrees[block_type[1]]
      }
      block_length[1]--
      const cmd_code = readSymbol(hgroup[1].codes, htree_command, br)
      let range_idx = cmd_code >> 6
      if (range_idx >= 2) {
        range_idx -= 2
        distance_code = -1
      } else {
        distance_code = 0
      }
      const insertIndex = kInsertRangeLut[range_idx] + (cmd_code >> 3 & 7)
      const insertPrefix = kInsertLengthPrefixCode[insertIndex]
      const insertLength = insertPrefix.offset + br.readBits(insertPrefix.nbits)
      const copyIndex = kCopyRangeLut[range_idx] + (cmd_code & 7)
      const copyCode = kCopyLengthPrefixCode[copyIndex]
      const copyLength = copyCode.offset + br.readBits(copyCode.nbits)
      let prev_byte1 = ringbuffer[pos - 1 & ringbuffer_mask]
      let prev_byte2 = ringbuffer[pos - 2 & ringbuffer_mask]
      for (let j = 0; j < insertLength; j++) {
        br.readMoreInput()

        if (block_length[0] === 0) {
          decodeBlockType(num_block_types[0],
            block_type_trees, 0, block_type, block_type_rb,
            block_type_rb_index, br)
          block_length[0] = readBlockLength(block_len_trees, 0, br)
          const context_offset = block_type[0] << kLiteralContextBits
          context_map_slice = context_offset
          context_mode = context_modes[block_type[0]]
          context_lookup_offset1 = lookupOffsets[context_mode]
          context_lookup_offset2 = lookupOffsets[context_mode + 1]
        }
        const context = lookup[context_lookup_offset1 + prev_byte1] |
                   lookup[context_lookup_offset2 + prev_byte2]
        const literal_htree_index = context_map[context_map_slice + context]
        block_length[0]--
        prev_byte2 = prev_byte1
        prev_byte1 = readSymbol(hgroup[0].codes, hgroup[0].htrees[literal_htree_index], br)
        ringbuffer[pos & ringbuffer_mask] = prev_byte1
        if ((pos & ringbuffer_mask) === ringbuffer_mask) {
          output.write(ringbuffer, ringbuffer_size)
        }
        pos++
      }
      meta_block_remaining_len -= insertLength
      if (meta_block_remaining_len <= 0) break

      if (distance_code < 0) {
        br.readMoreInput()
        if (block_length[2] === 0) {
          decodeBlockType(num_block_types[2],
            block_type_trees, 2, block_type, block_type_rb,
            block_type_rb_index, br)
          block_length[2] = readBlockLength(block_len_trees, 2 * HUFFMAN_MAX_TABLE_SIZE, br)
          dist_context_map_slice = block_type[2] << kDistanceContextBits
        }
        block_length[2]--
        const context = (copyLength > 4 ? 3 : copyLength - 2) & 0xff
        const dist_htree_index = dist_context_map[dist_context_map_slice + context]
        distance_code = readSymbol(hgroup[2].codes, hgroup[2].htrees[dist_htree_index], br)
        if (distance_code >= num_direct_distance_codes) {
          distance_code -= num_direct_distance_codes
          const postfix = distance_code & distance_postfix_mask
          distance_code >>= distance_postfix_bits
          const nbits = (distance_code >> 1) + 1
          const offset = (2 + (distance_code & 1) << nbits) - 4
          distance_code = num_direct_distance_codes +
              (offset + br.readBits(nbits) <<
               distance_postfix_bits) + postfix
        }
      }

      // Convert distance code to actual distance by possibly looking up past distnaces from the ringbuffer
      const distance = translateShortCodes(distance_code, dist_rb, dist_rb_idx)
      if (distance < 0) throw new Error('[BrotliDecompress] invalid distance')

      if (pos < max_backward_distance && max_distance !== max_backward_distance) {
        max_distance = pos
      } else {
        max_distance = max_backward_distance
      }

      let copy_dst = pos & ringbuffer_mask

      if (distance > max_distance) {
        if (copyLength >= minDictionaryWordLength && copyLength <= maxDictionaryWordLength) {
          let offset = offsetsByLength[copyLength]
          const word_id = distance - max_distance - 1
          const shift = sizeBitsByLength[copyLength]
          const mask = (1 << shift) - 1
          const word_idx = word_id & mask
          const transform_idx = word_id >> shift
          offset += word_idx * copyLength
          if (transform_idx < kNumTransforms) {
            const len = transformDictionaryWord(ringbuffer, copy_dst, offset, copyLength, transform_idx)
            copy_dst += len
            pos += len
            meta_block_remaining_len -= len
            if (copy_dst >= ringbuffer_end) {
              output.write(ringbuffer, ringbuffer_size)

              for (let _x = 0; _x < copy_dst - ringbuffer_end; _x++)
                ringbuffer[_x] = ringbuffer[ringbuffer_end + _x]
            }
          } else {
            throw new Error('Invalid backward reference')
          }
        } else {
          throw new Error('Invalid backward reference')
        }
      } else {
        if (distance_code > 0) {
          dist_rb[dist_rb_idx & 3] = distance
          dist_rb_idx++
        }

        if (copyLength > meta_block_remaining_len) {
          throw new Error('Invalid backward reference')
        }

        for (let j = 0; j < copyLength; j++) {
          ringbuffer[pos & ringbuffer_mask] = ringbuffer[pos - distance & ringbuffer_mask]
          if ((pos & ringbuffer_mask) === ringbuffer_mask) {
            output.write(ringbuffer, ringbuffer_size)
          }
          pos++
          meta_block_remaining_len--
        }
      }
    }

    // Protect pos from overflow, wrap it around at every GB of input data
    pos &= 0x3fffffff
  }

  output.write(ringbuffer, pos & ringbuffer_mask)
}

/**
 * @param {number} code
 * @param {number[]} ringbuffer
 * @param {number} index
 * @returns {number}
 */
function translateShortCodes(code, ringbuffer, index) {
  if (code < NUM_DISTANCE_SHORT_CODES) {
    index += kDistanceShortCodeIndexOffset[code]
    index &= 3
    return ringbuffer[index] + kDistanceShortCodeValueOffset[code]
  } else {
    return code - NUM_DISTANCE_SHORT_CODES + 1
  }
}

;// CONCATENATED MODULE: ./node_modules/fzstd/esm/index.mjs
// Some numerical data is initialized as -1 even when it doesn't need initialization to help the JIT infer types
// aliases for shorter compressed code (most minifers don't do this)
var ab = ArrayBuffer, u8 = Uint8Array, u16 = Uint16Array, i16 = Int16Array, u32 = (/* unused pure expression or super */ null && (Uint32Array)), i32 = Int32Array;
var slc = function (v, s, e) {
    if (u8.prototype.slice)
        return u8.prototype.slice.call(v, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    var n = new u8(e - s);
    n.set(v.subarray(s, e));
    return n;
};
var fill = function (v, n, s, e) {
    if (u8.prototype.fill)
        return u8.prototype.fill.call(v, n, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    for (; s < e; ++s)
        v[s] = n;
    return v;
};
var cpw = function (v, t, s, e) {
    if (u8.prototype.copyWithin)
        return u8.prototype.copyWithin.call(v, t, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    while (s < e) {
        v[t++] = v[s++];
    }
};
/**
 * Codes for errors generated within this library
 */
var ZstdErrorCode = {
    InvalidData: 0,
    WindowSizeTooLarge: 1,
    InvalidBlockType: 2,
    FSEAccuracyTooHigh: 3,
    DistanceTooFarBack: 4,
    UnexpectedEOF: 5
};
// error codes
var ec = [
    'invalid zstd data',
    'window size too large (>2046MB)',
    'invalid block type',
    'FSE accuracy too high',
    'match distance too far back',
    'unexpected EOF'
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
var rb = function (d, b, n) {
    var i = 0, o = 0;
    for (; i < n; ++i)
        o |= d[b++] << (i << 3);
    return o;
};
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read Zstandard frame header
var rzfh = function (dat, w) {
    var n3 = dat[0] | (dat[1] << 8) | (dat[2] << 16);
    if (n3 == 0x2FB528 && dat[3] == 253) {
        // Zstandard
        var flg = dat[4];
        //    single segment       checksum             dict flag     frame content flag
        var ss = (flg >> 5) & 1, cc = (flg >> 2) & 1, df = flg & 3, fcf = flg >> 6;
        if (flg & 8)
            err(0);
        // byte
        var bt = 6 - ss;
        // dict bytes
        var db = df == 3 ? 4 : df;
        // dictionary id
        var di = rb(dat, bt, db);
        bt += db;
        // frame size bytes
        var fsb = fcf ? (1 << fcf) : ss;
        // frame source size
        var fss = rb(dat, bt, fsb) + ((fcf == 1) && 256);
        // window size
        var ws = fss;
        if (!ss) {
            // window descriptor
            var wb = 1 << (10 + (dat[5] >> 3));
            ws = wb + (wb >> 3) * (dat[5] & 7);
        }
        if (ws > 2145386496)
            err(1);
        var buf = new u8((w == 1 ? (fss || ws) : w ? 0 : ws) + 12);
        buf[0] = 1, buf[4] = 4, buf[8] = 8;
        return {
            b: bt + fsb,
            y: 0,
            l: 0,
            d: di,
            w: (w && w != 1) ? w : buf.subarray(12),
            e: ws,
            o: new i32(buf.buffer, 0, 3),
            u: fss,
            c: cc,
            m: Math.min(131072, ws)
        };
    }
    else if (((n3 >> 4) | (dat[3] << 20)) == 0x184D2A5) {
        // skippable
        return b4(dat, 4) + 8;
    }
    err(0);
};
// most significant bit for nonzero
var msb = function (val) {
    var bits = 0;
    for (; (1 << bits) <= val; ++bits)
        ;
    return bits - 1;
};
// read finite state entropy
var rfse = function (dat, bt, mal) {
    // table pos
    var tpos = (bt << 3) + 4;
    // accuracy log
    var al = (dat[bt] & 15) + 5;
    if (al > mal)
        err(3);
    // size
    var sz = 1 << al;
    // probabilities symbols  repeat   index   high threshold
    var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
    // optimization: single allocation is much faster
    var buf = new ab(512 + (sz << 2));
    var freq = new i16(buf, 0, 256);
    // same view as freq
    var dstate = new u16(buf, 0, 256);
    var nstate = new u16(buf, 512, sz);
    var bb1 = 512 + (sz << 1);
    var syms = new u8(buf, bb1, sz);
    var nbits = new u8(buf, bb1 + sz);
    while (sym < 255 && probs > 0) {
        var bits = msb(probs + 1);
        var cbt = tpos >> 3;
        // mask
        var msk = (1 << (bits + 1)) - 1;
        var val = ((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (tpos & 7)) & msk;
        // mask (1 fewer bit)
        var msk1fb = (1 << bits) - 1;
        // max small value
        var msv = msk - probs - 1;
        // small value
        var sval = val & msk1fb;
        if (sval < msv)
            tpos += bits, val = sval;
        else {
            tpos += bits + 1;
            if (val > msk1fb)
                val -= msv;
        }
        freq[++sym] = --val;
        if (val == -1) {
            probs += val;
            syms[--ht] = sym;
        }
        else
            probs -= val;
        if (!val) {
            do {
                // repeat byte
                var rbt = tpos >> 3;
                re = ((dat[rbt] | (dat[rbt + 1] << 8)) >> (tpos & 7)) & 3;
                tpos += 2;
                sym += re;
            } while (re == 3);
        }
    }
    if (sym > 255 || probs)
        err(0);
    var sympos = 0;
    // sym step (coprime with sz - formula from zstd source)
    var sstep = (sz >> 1) + (sz >> 3) + 3;
    // sym mask
    var smask = sz - 1;
    for (var s = 0; s <= sym; ++s) {
        var sf = freq[s];
        if (sf < 1) {
            dstate[s] = -sf;
            continue;
        }
        // This is split into two loops in zstd to avoid branching, but as JS is higher-level that is unnecessary
        for (i = 0; i < sf; ++i) {
            syms[sympos] = s;
            do {
                sympos = (sympos + sstep) & smask;
            } while (sympos >= ht);
        }
    }
    // After spreading symbols, should be zero again
    if (sympos)
        err(0);
    for (i = 0; i < sz; ++i) {
        // next state
        var ns = dstate[syms[i]]++;
        // num bits
        var nb = nbits[i] = al - msb(ns);
        nstate[i] = (ns << nb) - sz;
    }
    return [(tpos + 7) >> 3, {
            b: al,
            s: syms,
            n: nbits,
            t: nstate
        }];
};
// read huffman
var rhu = function (dat, bt) {
    //  index  weight count
    var i = 0, wc = -1;
    //    buffer             header byte
    var buf = new u8(292), hb = dat[bt];
    // huffman weights
    var hw = buf.subarray(0, 256);
    // rank count
    var rc = buf.subarray(256, 268);
    // rank index
    var ri = new u16(buf.buffer, 268);
    // NOTE: at this point bt is 1 less than expected
    if (hb < 128) {
        // end byte, fse decode table
        var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
        bt += hb;
        var epos = ebt << 3;
        // last byte
        var lb = dat[bt];
        if (!lb)
            err(0);
        //  state1   state2   state1 bits   state2 bits
        var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
        // fse pos
        // pre-increment to account for original deficit of 1
        var fpos = (++bt << 3) - 8 + msb(lb);
        for (;;) {
            fpos -= btr1;
            if (fpos < epos)
                break;
            var cbt = fpos >> 3;
            st1 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr1) - 1);
            hw[++wc] = fdt.s[st1];
            fpos -= btr2;
            if (fpos < epos)
                break;
            cbt = fpos >> 3;
            st2 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr2) - 1);
            hw[++wc] = fdt.s[st2];
            btr1 = fdt.n[st1];
            st1 = fdt.t[st1];
            btr2 = fdt.n[st2];
            st2 = fdt.t[st2];
        }
        if (++wc > 255)
            err(0);
    }
    else {
        wc = hb - 127;
        for (; i < wc; i += 2) {
            var byte = dat[++bt];
            hw[i] = byte >> 4;
            hw[i + 1] = byte & 15;
        }
        ++bt;
    }
    // weight exponential sum
    var wes = 0;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        // bits must be at most 11, same as weight
        if (wt > 11)
            err(0);
        wes += wt && (1 << (wt - 1));
    }
    // max bits
    var mb = msb(wes) + 1;
    // table size
    var ts = 1 << mb;
    // remaining sum
    var rem = ts - wes;
    // must be power of 2
    if (rem & (rem - 1))
        err(0);
    hw[wc++] = msb(rem) + 1;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        ++rc[hw[i] = wt && (mb + 1 - wt)];
    }
    // huf buf
    var hbuf = new u8(ts << 1);
    //    symbols                      num bits
    var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
    ri[mb] = 0;
    for (i = mb; i > 0; --i) {
        var pv = ri[i];
        fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << (mb - i)));
    }
    if (ri[0] != ts)
        err(0);
    for (i = 0; i < wc; ++i) {
        var bits = hw[i];
        if (bits) {
            var code = ri[bits];
            fill(syms, i, code, ri[bits] = code + (1 << (mb - bits)));
        }
    }
    return [bt, {
            n: nb,
            b: mb,
            s: syms
        }];
};
// Tables generated using this:
// https://gist.github.com/101arrowz/a979452d4355992cbf8f257cbffc9edd
// default literal length table
var dllt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    81, 16, 99, 140, 49, 198, 24, 99, 12, 33, 196, 24, 99, 102, 102, 134, 70, 146, 4
]), 0, 6)[1];
// default match length table
var dmlt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    33, 20, 196, 24, 99, 140, 33, 132, 16, 66, 8, 33, 132, 16, 66, 8, 33, 68, 68, 68, 68, 68, 68, 68, 68, 36, 9
]), 0, 6)[1];
// default offset code table
var doct = /*#__PURE__ */ rfse(/*#__PURE__*/ new u8([
    32, 132, 16, 66, 102, 70, 68, 68, 68, 68, 36, 73, 2
]), 0, 5)[1];
// bits to baseline
var b2bl = function (b, s) {
    var len = b.length, bl = new i32(len);
    for (var i = 0; i < len; ++i) {
        bl[i] = s;
        s += 1 << b[i];
    }
    return bl;
};
// literal length bits
var llb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 16843009, 50528770, 134678020, 202050057, 269422093
])).buffer, 0, 36);
// literal length baseline
var llbl = /*#__PURE__ */ b2bl(llb, 0);
// match length bits
var mlb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 0, 0, 0, 0, 16843009, 50528770, 117769220, 185207048, 252579084, 16
])).buffer, 0, 53);
// match length baseline
var mlbl = /*#__PURE__ */ b2bl(mlb, 3);
// decode huffman stream
var dhu = function (dat, out, hu) {
    var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
    if (!lb)
        err(0);
    var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
    for (; pos > eb && i < ss;) {
        var cbt = pos >> 3;
        var val = (dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (pos & 7);
        st = ((st << btr) | val) & msk;
        out[++i] = hu.s[st];
        pos -= (btr = hu.n[st]);
    }
    if (pos != eb || i + 1 != ss)
        err(0);
};
// decode huffman stream 4x
// TODO: use workers to parallelize
var dhu4 = function (dat, out, hu) {
    var bt = 6;
    var ss = out.length, sz1 = (ss + 3) >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
    dhu(dat.subarray(bt, bt += dat[0] | (dat[1] << 8)), out.subarray(0, sz1), hu);
    dhu(dat.subarray(bt, bt += dat[2] | (dat[3] << 8)), out.subarray(sz1, sz2), hu);
    dhu(dat.subarray(bt, bt += dat[4] | (dat[5] << 8)), out.subarray(sz2, sz3), hu);
    dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
// read Zstandard block
var rzb = function (dat, st, out) {
    var _a;
    var bt = st.b;
    //    byte 0        block type
    var b0 = dat[bt], btype = (b0 >> 1) & 3;
    st.l = b0 & 1;
    var sz = (b0 >> 3) | (dat[bt + 1] << 5) | (dat[bt + 2] << 13);
    // end byte for block
    var ebt = (bt += 3) + sz;
    if (btype == 1) {
        if (bt >= dat.length)
            return;
        st.b = bt + 1;
        if (out) {
            fill(out, dat[bt], st.y, st.y += sz);
            return out;
        }
        return fill(new u8(sz), dat[bt]);
    }
    if (ebt > dat.length)
        return;
    if (btype == 0) {
        st.b = ebt;
        if (out) {
            out.set(dat.subarray(bt, ebt), st.y);
            st.y += sz;
            return out;
        }
        return slc(dat, bt, ebt);
    }
    if (btype == 2) {
        //    byte 3        lit btype     size format
        var b3 = dat[bt], lbt = b3 & 3, sf = (b3 >> 2) & 3;
        // lit src size  lit cmp sz 4 streams
        var lss = b3 >> 4, lcs = 0, s4 = 0;
        if (lbt < 2) {
            if (sf & 1)
                lss |= (dat[++bt] << 4) | ((sf & 2) && (dat[++bt] << 12));
            else
                lss = b3 >> 3;
        }
        else {
            s4 = sf;
            if (sf < 2)
                lss |= ((dat[++bt] & 63) << 4), lcs = (dat[bt] >> 6) | (dat[++bt] << 2);
            else if (sf == 2)
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 3) << 12), lcs = (dat[bt] >> 2) | (dat[++bt] << 6);
            else
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 63) << 12), lcs = (dat[bt] >> 6) | (dat[++bt] << 2) | (dat[++bt] << 10);
        }
        ++bt;
        // add literals to end - can never overlap with backreferences because unused literals always appended
        var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
        // starting point for literals
        var spl = buf.length - lss;
        if (lbt == 0)
            buf.set(dat.subarray(bt, bt += lss), spl);
        else if (lbt == 1)
            fill(buf, dat[bt++], spl);
        else {
            // huffman table
            var hu = st.h;
            if (lbt == 2) {
                var hud = rhu(dat, bt);
                // subtract description length
                lcs += bt - (bt = hud[0]);
                st.h = hu = hud[1];
            }
            else if (!hu)
                err(0);
            (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
        }
        // num sequences
        var ns = dat[bt++];
        if (ns) {
            if (ns == 255)
                ns = (dat[bt++] | (dat[bt++] << 8)) + 0x7F00;
            else if (ns > 127)
                ns = ((ns - 128) << 8) | dat[bt++];
            // symbol compression modes
            var scm = dat[bt++];
            if (scm & 3)
                err(0);
            var dts = [dmlt, doct, dllt];
            for (var i = 2; i > -1; --i) {
                var md = (scm >> ((i << 1) + 2)) & 3;
                if (md == 1) {
                    // rle buf
                    var rbuf = new u8([0, 0, dat[bt++]]);
                    dts[i] = {
                        s: rbuf.subarray(2, 3),
                        n: rbuf.subarray(0, 1),
                        t: new u16(rbuf.buffer, 0, 1),
                        b: 0
                    };
                }
                else if (md == 2) {
                    // accuracy log 8 for offsets, 9 for others
                    _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
                }
                else if (md == 3) {
                    if (!st.t)
                        err(0);
                    dts[i] = st.t[i];
                }
            }
            var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
            var lb = dat[ebt - 1];
            if (!lb)
                err(0);
            var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
            var lst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << llt.b) - 1);
            cbt = (spos -= oct.b) >> 3;
            var ost = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << oct.b) - 1);
            cbt = (spos -= mlt.b) >> 3;
            var mst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mlt.b) - 1);
            for (++ns; --ns;) {
                var llc = llt.s[lst];
                var lbtr = llt.n[lst];
                var mlc = mlt.s[mst];
                var mbtr = mlt.n[mst];
                var ofc = oct.s[ost];
                var obtr = oct.n[ost];
                cbt = (spos -= ofc) >> 3;
                var ofp = 1 << ofc;
                var off = ofp + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16) | (dat[cbt + 3] << 24)) >>> (spos & 7)) & (ofp - 1));
                cbt = (spos -= mlb[mlc]) >> 3;
                var ml = mlbl[mlc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << mlb[mlc]) - 1));
                cbt = (spos -= llb[llc]) >> 3;
                var ll = llbl[llc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << llb[llc]) - 1));
                cbt = (spos -= lbtr) >> 3;
                lst = llt.t[lst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << lbtr) - 1));
                cbt = (spos -= mbtr) >> 3;
                mst = mlt.t[mst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mbtr) - 1));
                cbt = (spos -= obtr) >> 3;
                ost = oct.t[ost] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << obtr) - 1));
                if (off > 3) {
                    st.o[2] = st.o[1];
                    st.o[1] = st.o[0];
                    st.o[0] = off -= 3;
                }
                else {
                    var idx = off - (ll != 0);
                    if (idx) {
                        off = idx == 3 ? st.o[0] - 1 : st.o[idx];
                        if (idx > 1)
                            st.o[2] = st.o[1];
                        st.o[1] = st.o[0];
                        st.o[0] = off;
                    }
                    else
                        off = st.o[0];
                }
                for (var i = 0; i < ll; ++i) {
                    buf[oubt + i] = buf[spl + i];
                }
                oubt += ll, spl += ll;
                var stin = oubt - off;
                if (stin < 0) {
                    var len = -stin;
                    var bs = st.e + stin;
                    if (len > ml)
                        len = ml;
                    for (var i = 0; i < len; ++i) {
                        buf[oubt + i] = st.w[bs + i];
                    }
                    oubt += len, ml -= len, stin = 0;
                }
                for (var i = 0; i < ml; ++i) {
                    buf[oubt + i] = buf[stin + i];
                }
                oubt += ml;
            }
            if (oubt != spl) {
                while (spl < buf.length) {
                    buf[oubt++] = buf[spl++];
                }
            }
            else
                oubt = buf.length;
            if (out)
                st.y += oubt;
            else
                buf = slc(buf, 0, oubt);
        }
        else if (out) {
            st.y += lss;
            if (spl) {
                for (var i = 0; i < lss; ++i) {
                    buf[i] = buf[spl + i];
                }
            }
        }
        else if (spl)
            buf = slc(buf, spl);
        st.b = ebt;
        return buf;
    }
    err(2);
};
// concat
var cct = function (bufs, ol) {
    if (bufs.length == 1)
        return bufs[0];
    var buf = new u8(ol);
    for (var i = 0, b = 0; i < bufs.length; ++i) {
        var chk = bufs[i];
        buf.set(chk, b);
        b += chk.length;
    }
    return buf;
};
/**
 * Decompresses Zstandard data
 * @param dat The input data
 * @param buf The output buffer. If unspecified, the function will allocate
 *            exactly enough memory to fit the decompressed data. If your
 *            data has multiple frames and you know the output size, specifying
 *            it will yield better performance.
 * @returns The decompressed data
 */
function decompress(dat, buf) {
    var bufs = [], nb = +!buf;
    var bt = 0, ol = 0;
    for (; dat.length;) {
        var st = rzfh(dat, nb || buf);
        if (typeof st == 'object') {
            if (nb) {
                buf = null;
                if (st.w.length == st.u) {
                    bufs.push(buf = st.w);
                    ol += st.u;
                }
            }
            else {
                bufs.push(buf);
                st.e = 0;
            }
            for (; !st.l;) {
                var blk = rzb(dat, st, buf);
                if (!blk)
                    err(5);
                if (buf)
                    st.e = st.y;
                else {
                    bufs.push(blk);
                    ol += blk.length;
                    cpw(st.w, 0, blk.length);
                    st.w.set(blk, st.w.length - blk.length);
                }
            }
            bt = st.b + (st.c * 4);
        }
        else
            bt = st;
        dat = dat.subarray(bt);
    }
    return cct(bufs, ol);
}
/**
 * Decompressor for Zstandard streamed data
 */
var Decompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a Zstandard decompressor
     * @param ondata The handler for stream data
     */
    function Decompress(ondata) {
        this.ondata = ondata;
        this.c = [];
        this.l = 0;
        this.z = 0;
    }
    /**
     * Pushes data to be decompressed
     * @param chunk The chunk of data to push
     * @param final Whether or not this is the last chunk in the stream
     */
    Decompress.prototype.push = function (chunk, final) {
        if (typeof this.s == 'number') {
            var sub = Math.min(chunk.length, this.s);
            chunk = chunk.subarray(sub);
            this.s -= sub;
        }
        var sl = chunk.length;
        var ncs = sl + this.l;
        if (!this.s) {
            if (final) {
                if (!ncs) {
                    this.ondata(new u8(0), true);
                    return;
                }
                // min for frame + one block
                if (ncs < 5)
                    err(5);
            }
            else if (ncs < 18) {
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (typeof (this.s = rzfh(chunk)) == 'number')
                return this.push(chunk, final);
        }
        if (typeof this.s != 'number') {
            if (ncs < (this.z || 3)) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (!this.z && ncs < (this.z = (chunk[this.s.b] & 2) ? 4 : 3 + ((chunk[this.s.b] >> 3) | (chunk[this.s.b + 1] << 5) | (chunk[this.s.b + 2] << 13)))) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            else
                this.z = 0;
            for (;;) {
                var blk = rzb(chunk, this.s);
                if (!blk) {
                    if (final)
                        err(5);
                    var adc = chunk.subarray(this.s.b);
                    this.s.b = 0;
                    this.c.push(adc), this.l += adc.length;
                    return;
                }
                else {
                    this.ondata(blk, false);
                    cpw(this.s.w, 0, blk.length);
                    this.s.w.set(blk, this.s.w.length - blk.length);
                }
                if (this.s.l) {
                    var rest = chunk.subarray(this.s.b);
                    this.s = this.s.c * 4;
                    this.push(rest, final);
                    return;
                }
            }
        }
        else if (final)
            err(5);
    };
    return Decompress;
}())));


;// CONCATENATED MODULE: ./node_modules/hysnappy/js/uncompress.js
/**
 * Uncompress a snappy compressed buffer.
 *
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function uncompress_snappyUncompress(input, outputLength) {
  return snappyUncompressor()(input, outputLength)
}

/**
 * Load wasm and return uncompressor function.
 *
 * @returns {(input: Uint8Array, outputLength: number) => Uint8Array}
 */
function snappyUncompressor() {
  // Instantiate wasm module
  const wasm = instantiateWasm()

  return (input, outputLength) => {
    /** @type {any} */
    const { memory, uncompress } = wasm.exports

    // Input data is passed into wasm memory at inputStart
    // Output data is expected to be written to wasm memory at outputStart
    // clang uses some wasm memory, so we need to skip past that
    const inputStart = 68000 // 68 kb
    const outputStart = inputStart + input.byteLength

    // WebAssembly memory
    const totalSize = inputStart + input.byteLength + outputLength
    if (memory.buffer.byteLength < totalSize) {
      // Calculate the number of pages needed, rounding up
      const pageSize = 64 * 1024 // 64KiB per page
      const currentPages = memory.buffer.byteLength / pageSize
      const requiredPages = Math.ceil(totalSize / pageSize)
      const pagesToGrow = requiredPages - currentPages
      memory.grow(pagesToGrow)
    }

    // Copy the compressed data to WASM memory
    const byteArray = new Uint8Array(memory.buffer)
    byteArray.set(input, inputStart)

    // Call wasm uncompress function
    const result = uncompress(inputStart, input.byteLength, outputStart)

    // Check for errors
    if (result === -1) throw new Error('invalid snappy length header')
    if (result === -2) throw new Error('missing eof marker')
    if (result === -3) throw new Error('premature end of input')
    if (result) throw new Error(`failed to uncompress data ${result}`)

    // Get uncompressed data from WASM memory
    return byteArray.slice(outputStart, outputStart + outputLength)
  }
}

/**
 * Instantiate WASM module from a base64 string.
 *
 * @returns {WebAssembly.Instance}
 */
function instantiateWasm() {
  const binaryString = atob(wasm64)
  const byteArray = new Uint8Array(binaryString.length)
  for (let i = 0; i < binaryString.length; i += 1) {
    byteArray[i] = binaryString.charCodeAt(i)
  }
  // only works for payload less than 4kb:
  const mod = new WebAssembly.Module(byteArray)
  return new WebAssembly.Instance(mod)
}

// Base64 encoded hysnappy.wasm
const wasm64 = 'AGFzbQEAAAABEANgAABgA39/fwF/YAF/AX8DBgUAAQEBAgUDAQACBj8KfwFBoIwEC38AQYAIC38AQaAMC38AQaAMC38AQaCMBAt/AEGACAt/AEGgjAQLfwBBgIAIC38AQQALfwBBAQsHwQEOBm1lbW9yeQIAEV9fd2FzbV9jYWxsX2N0b3JzAAAGbWVtY3B5AAEHbWVtbW92ZQACCnVuY29tcHJlc3MAAwxfX2Rzb19oYW5kbGUDAQpfX2RhdGFfZW5kAwILX19zdGFja19sb3cDAwxfX3N0YWNrX2hpZ2gDBA1fX2dsb2JhbF9iYXNlAwULX19oZWFwX2Jhc2UDBgpfX2hlYXBfZW5kAwcNX19tZW1vcnlfYmFzZQMIDF9fdGFibGVfYmFzZQMJCuASBQIAC8sBAQN/AkAgAkUNAAJAAkAgAkEHcSIDDQAgACEEIAIhBQwBCyAAIQQgAiEFA0AgBCABLQAAOgAAIARBAWohBCABQQFqIQEgBUF/aiEFIANBf2oiAw0ACwsgAkEISQ0AA0AgBCABLQAAOgAAIAQgAS0AAToAASAEIAEtAAI6AAIgBCABLQADOgADIAQgAS0ABDoABCAEIAEtAAU6AAUgBCABLQAGOgAGIAQgAS0ABzoAByAEQQhqIQQgAUEIaiEBIAVBeGoiBQ0ACwsgAAugAwEEfwJAIAAgAUYNAAJAAkAgACABSQ0AIAEgAmoiAyAASw0BCyACRQ0BAkACQCACQQdxIgMNACAAIQQgAiEFDAELIAAhBCACIQUDQCAEIAEtAAA6AAAgBEEBaiEEIAFBAWohASAFQX9qIQUgA0F/aiIDDQALCyACQQhJDQEDQCAEIAEtAAA6AAAgBCABLQABOgABIAQgAS0AAjoAAiAEIAEtAAM6AAMgBCABLQAEOgAEIAQgAS0ABToABSAEIAEtAAY6AAYgBCABLQAHOgAHIARBCGohBCABQQhqIQEgBUF4aiIFDQAMAgsLIAJFDQACQAJAIAJBA3EiBA0AIAAgAmohBiACIQUMAQsgAiEFA0AgBUF/aiIFIABqIgYgBSABaiIDLQAAOgAAIARBf2oiBA0ACwsgAkEESQ0AIAZBfGohASADQXxqIQQDQCABQQNqIARBA2otAAA6AAAgAUECaiAEQQJqLQAAOgAAIAFBAWogBEEBai0AADoAACABIAQtAAA6AAAgAUF8aiEBIARBfGohBCAFQXxqIgUNAAsLIAALswoBCX8jgICAgABBIGsiAySAgICAACADQQlqQgA3AAAgA0IANwIEIAMgA0EYajYCAEF/IQQCQCABRQ0AIAMgAUF/aiIFNgIcIAMgAEEBajYCGCAALAAAIgZB/wBxIQcCQCAGQX9KDQAgBUUNASADIAFBfmoiBTYCHCADIABBAmo2AhggACwAASIGQf8AcUEHdCAHciEHQX8hBCAGQX9KDQAgBUUNASADIAFBfWoiBTYCHCADIABBA2o2AhggACwAAiIGQf8AcUEOdCAHciEHQX8hBCAGQX9KDQAgBUUNASADIAFBfGoiBTYCHCADIABBBGo2AhggACwAAyIGQf8AcUEVdCAHciEHQX8hBCAGQX9KDQAgBUUNASADIAFBe2o2AhwgAyAAQQVqNgIYIAAsAAQiAUEASA0BIAFBHHQgB3IhBwsgAiAHaiEIAkACQCADEISAgIAADQAgAiEADAELIAMoAgQhASACIQADQAJAIAMoAgggAWtBBEoNACADIAE2AgQgAxCEgICAAEUNAiADKAIEIQELIAFBAWohBQJAAkAgAS0AACIGQQNxDQAgCCAAayEJIAMoAggiCiAFayEEIAZBAnYiC0EBaiEHAkAgBkE/Sw0AIARBEEkNACAJQRBIDQAgACABKAIBNgIAIAAgASgCBTYCBCAAIAEoAgk2AgggACABKAINNgIMIAAgB2ohACADKAIIIAUgB2oiAWtBBEoNAyADIAE2AgQgAxCEgICAAEUNBAwCCwJAAkAgBkHwAU8NACAFIQYMAQsgCiAFIAtBRWoiAWoiBmshBCABQQJ0QYCIgIAAaigCACAFKAIAcUEBaiEHCwJAIAcgBE0NAANAIAggAGsgBEkNBSAAIAYgBBCBgICAACEAIAMoAgAiASABKAIAIgkgAygCDCIFaiIGNgIAIAFBBGoiASABKAIAIgogBWsiATYCACADIAE2AgwgACAEaiEAIAFFDQUgAyAJIApqNgIIIAcgBGshByABIQQgByABSw0ACyAIIABrIQkLIAkgB0kNAyAAIAYgBxCBgICAACAHaiEAIAMoAgggBiAHaiIBa0EESg0CIAMgATYCBCADEISAgIAADQEMAwsgACACayAGQQF0QaCIgIAAai8BACIBQQt2IgpBAnRBgIiAgABqKAIAIAUoAgBxIAFBgA5xaiIHQX9qTQ0CIAggAGshBAJAAkAgAUH/AXEiCUEQSw0AIAdBCEkNACAEQRBJDQAgACAAIAdrIgEoAgA2AgAgACABKAIENgIEIAAgASgCCDYCCCAAIAFBDGooAgA2AgwMAQsCQAJAAkAgBCAJQQpqSQ0AIAAgB2shBCAAIQEgCSEGIAdBB0wNAQwCCyAEIAlJDQUgCUEBaiEEQQAgB2shByAAIQEDQCABIAEgB2otAAA6AAAgAUEBaiEBIARBf2oiBEEBSw0ADAMLCwNAIAEgBCgCADYCACABIAQoAgQ2AgQgBiAHayEGIAEgB2oiASAEayIHQQhIDQALCyAGQQFIDQAgBkEIaiEHA0AgASAEKAIANgIAIAEgBCgCBDYCBCABQQhqIQEgBEEIaiEEIAdBeGoiB0EISw0ACwsgACAJaiEAIAMoAgggBSAKaiIBa0EESg0BIAMgATYCBCADEISAgIAARQ0CCyADKAIEIQEMAAsLIAMoAgAiASABKAIEIAMoAgwiBGs2AgQgASAEIAEoAgBqNgIAAkAgAy0AEA0AQX4hBAwBC0EAQX0gCCAARhshBAsgA0EgaiSAgICAACAEC7YDAQd/AkAgACgCBCIBIAAoAggiAkcNACAAKAIAIgIgAigCACIDIAAoAgwiBGoiATYCACACQQRqIgIgAigCACICIARrIgU2AgAgACAFNgIMAkAgAiAERw0AIABBAToAEEEADwsgACADIAJqIgI2AggLAkACQAJAIAIgAWsiAiABLQAAQQF0QaCIgIAAai8BAEELdkEBaiIFTw0AIABBEWogASACEIKAgIAAIQYgACgCDCEEQQAhByAAQQA2AgwgACgCACIBIAEoAgQgBGs2AgQgASAEIAEoAgBqIgM2AgADQCABQQRqKAIAIgFFDQMgBiACaiADIAUgAmsiBCABIAQgAUkbIgQQgYCAgAAaIAAoAgAiASABKAIEIARrNgIEIAEgASgCACAEaiIDNgIAIAQgAmoiAiAFSQ0ACyAAIAY2AgQgACAGIAVqNgIIDAELAkAgAkEESw0AIAAgAEERaiABIAIQgoCAgAAiASACajYCCCAAIAE2AgQgACgCDCECIABBADYCDCAAKAIAIgEgASgCBCACazYCBCABIAIgASgCAGo2AgAMAQsgACABNgIEC0EBIQcLIAcLC6gEAQBBgAgLoAQAAAAA/wAAAP//AAD///8A/////wAAAAAAAAAAAAAAAAEABAgBEAEgAgAFCAIQAiADAAYIAxADIAQABwgEEAQgBQAICAUQBSAGAAkIBhAGIAcACggHEAcgCAALCAgQCCAJAAQJCRAJIAoABQkKEAogCwAGCQsQCyAMAAcJDBAMIA0ACAkNEA0gDgAJCQ4QDiAPAAoJDxAPIBAACwkQEBAgEQAEChEQESASAAUKEhASIBMABgoTEBMgFAAHChQQFCAVAAgKFRAVIBYACQoWEBYgFwAKChcQFyAYAAsKGBAYIBkABAsZEBkgGgAFCxoQGiAbAAYLGxAbIBwABwscEBwgHQAICx0QHSAeAAkLHhAeIB8ACgsfEB8gIAALCyAQICAhAAQMIRAhICIABQwiECIgIwAGDCMQIyAkAAcMJBAkICUACAwlECUgJgAJDCYQJiAnAAoMJxAnICgACwwoECggKQAEDSkQKSAqAAUNKhAqICsABg0rECsgLAAHDSwQLCAtAAgNLRAtIC4ACQ0uEC4gLwAKDS8QLyAwAAsNMBAwIDEABA4xEDEgMgAFDjIQMiAzAAYOMxAzIDQABw40EDQgNQAIDjUQNSA2AAkONhA2IDcACg43EDcgOAALDjgQOCA5AAQPORA5IDoABQ86EDogOwAGDzsQOyA8AAcPPBA8IAEICA89ED0gARAJDz4QPiABGAoPPxA/IAEgCw9AEEAgAGQEbmFtZQE9BQARX193YXNtX2NhbGxfY3RvcnMBBm1lbWNweQIHbWVtbW92ZQMKdW5jb21wcmVzcwQKcmVmaWxsX3RhZwcSAQAPX19zdGFja19wb2ludGVyCQoBAAcucm9kYXRhADIJcHJvZHVjZXJzAQxwcm9jZXNzZWQtYnkBDFVidW50dSBjbGFuZwsxNi4wLjYgKDE1KQAsD3RhcmdldF9mZWF0dXJlcwIrD211dGFibGUtZ2xvYmFscysIc2lnbi1leHQ='

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/lz4.js
/**
 * LZ4 decompression with legacy hadoop support.
 * https://github.com/apache/arrow/blob/apache-arrow-16.1.0/cpp/src/arrow/util/compression_lz4.cc#L475
 *
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressLz4(input, outputLength) {
  const output = new Uint8Array(outputLength)
  try {
    let i = 0 // input index
    let o = 0 // output index
    while (i < input.length - 8) {
      const expectedOutputLength = input[i++] << 24 | input[i++] << 16 | input[i++] << 8 | input[i++]
      const expectedInputLength = input[i++] << 24 | input[i++] << 16 | input[i++] << 8 | input[i++]
      if (input.length - i < expectedInputLength) throw new Error('lz4 not hadoop')
      if (output.length < expectedOutputLength) throw new Error('lz4 not hadoop')

      // decompress and compare with expected
      const chunk = lz4basic(input.subarray(i, i + expectedInputLength), output, o)
      if (chunk !== expectedOutputLength) throw new Error('lz4 not hadoop')
      i += expectedInputLength
      o += expectedOutputLength

      if (i === input.length) return output
    }
    if (i < input.length) throw new Error('lz4 not hadoop')
  } catch (error) {
    if (error instanceof Error && error.message !== 'lz4 not hadoop') throw error
    // fallback to basic lz4
    lz4basic(input, output, 0)
  }
  return output
}

/**
 * Basic LZ4 block decompression.
 *
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressLz4Raw(input, outputLength) {
  const output = new Uint8Array(outputLength)
  lz4basic(input, output, 0)
  return output
}

/**
 * @param {Uint8Array} input
 * @param {Uint8Array} output
 * @param {number} outputIndex
 * @returns {number} bytes written
 */
function lz4basic(input, output, outputIndex) {
  let len = outputIndex // output position
  for (let i = 0; i < input.length;) {
    const token = input[i++]

    let literals = token >> 4
    if (literals) {
      // literal length
      let byte = literals + 240
      while (byte === 255) literals += byte = input[i++]
      // copy literals
      output.set(input.subarray(i, i + literals), len)
      len += literals
      i += literals
      if (i >= input.length) return len - outputIndex
    }

    const offset = input[i++] | input[i++] << 8
    if (!offset || offset > len) {
      throw new Error(`lz4 offset out of range ${offset}`)
    }
    // match length
    let matchLength = token & 0xf
    let byte = matchLength + 240
    while (byte === 255) matchLength += byte = input[i++]
    matchLength += 4 // minmatch 4
    // copy match
    // TODO: fast path when no overlap
    let pos = len - offset
    const end = len + matchLength
    while (len < end) output[len++] = output[pos++]
  }
  return len - outputIndex
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/compressors.js






/** @type {import('hyparquet').Compressors} */
const compressors = {
  SNAPPY: snappyUncompressor(), // loads wasm
  GZIP: (input, length) => gzip_gunzip(input, new Uint8Array(length)),
  BROTLI: decompressBrotli,
  ZSTD: input => decompress(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/index.js








/**
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressGzip(input, outputLength) {
  return gunzip(input, new Uint8Array(outputLength))
}



;// CONCATENATED MODULE: ./packages/core/src/data/parquet.ts
/**
 * Apache Parquet through hyparquet (+ hyparquet-compressors: Snappy, gzip, ZSTD, Brotli, LZ4).
 * Only included columns are read, one row group and one column chunk at a time, page by page,
 * so memory holds the result columns plus one column chunk. hyparquet's page decoders are used
 * directly (its row assembly would box every value, 3x slower and 3x the memory on flights).
 *
 * Kinds come from the schema: integers, floats, decimals, dates and timestamps are numeric
 * (dates and timestamps as milliseconds since 1970-01-01, with `unit: 'epoch-ms'`); strings,
 * booleans ('true'/'false'), enums, UUIDs, JSON and binary are categorical. A NaN in a float
 * column is a missing cell; an infinity is an error. Lists, maps and structs cannot be compared
 * as one feature: leave them out with options.include. For messages, `line` is the 1-based row.
 */














/** Dates and timestamps as epoch milliseconds (numbers), not Date objects. */
const PARSERS = {
    ...DEFAULT_PARSERS,
    timestampFromMilliseconds: (ms) => Number(ms),
    timestampFromMicroseconds: (us) => Number(us) / 1000,
    timestampFromNanoseconds: (ns) => Number(ns) / 1e6,
    dateFromDays: (days) => days * 86400000,
};
function fileBuffer(fh, size) {
    return {
        byteLength: size,
        async slice(start, end) {
            const stop = Math.min(end ?? size, size);
            const len = Math.max(0, stop - start);
            const ab = new ArrayBuffer(len);
            let done = 0;
            while (done < len) {
                const { bytesRead } = await fh.read(new Uint8Array(ab, done, len - done), 0, len - done, start + done);
                if (bytesRead === 0)
                    break;
                done += bytesRead;
            }
            return ab;
        },
    };
}
function corrupt(file, e) {
    const msg = e instanceof Error ? e.message : String(e);
    return new errors_InputError(`${file} is not a readable Parquet file (${msg.length > 160 ? `${msg.slice(0, 160)}…` : msg}); it may be truncated or corrupt: write it again.`, { file });
}
function isTemporal(el) {
    const lt = el.logical_type?.type;
    const ct = el.converted_type;
    return lt === 'TIMESTAMP' || lt === 'DATE' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS' || ct === 'DATE' || (el.type === 'INT96' && !ct);
}
/** The kind a leaf column's values have, from its schema element. */
function kindOfElement(el) {
    const lt = el.logical_type?.type;
    const ct = el.converted_type;
    if (ct === 'DECIMAL' || lt === 'DECIMAL' || lt === 'FLOAT16')
        return 'numeric';
    if (lt === 'STRING' || lt === 'ENUM' || lt === 'UUID' || lt === 'JSON' || ct === 'UTF8' || ct === 'ENUM' || ct === 'JSON')
        return 'categorical';
    switch (el.type) {
        case 'INT32':
        case 'INT64':
        case 'INT96':
        case 'FLOAT':
        case 'DOUBLE':
            return 'numeric';
        default:
            return 'categorical';
    }
}
function isNested(node) {
    const el = node.element;
    return node.children.length > 0 || el.repetition_type === 'REPEATED' || el.converted_type === 'LIST' || el.converted_type === 'MAP' ||
        el.logical_type?.type === 'LIST' || el.logical_type?.type === 'MAP';
}
async function readParquet(file, table) {
    let fh;
    try {
        fh = await (0,promises_namespaceObject.open)(file, 'r');
    }
    catch (e) {
        throw fileError(file, e);
    }
    try {
        const size = (await fh.stat()).size;
        if (size === 0)
            throw new errors_InputError(`${file} is empty (0 bytes); it is not a Parquet file: write it again.`, { file });
        const buffer = fileBuffer(fh, size);
        let metadata;
        let schema;
        try {
            metadata = await parquetMetadataAsync(buffer);
            schema = parquetSchema(metadata);
        }
        catch (e) {
            throw corrupt(file, e);
        }
        const rows = Number(metadata.num_rows);
        const groupTotal = metadata.row_groups.reduce((sum, g) => sum + Number(g.num_rows), 0);
        if (!Number.isSafeInteger(rows) || rows < 0 || groupTotal !== rows) {
            throw corrupt(file, new Error(`the footer says ${rows} rows but its row groups hold ${groupTotal}`));
        }
        if (rows === 0)
            throw new errors_InputError(`${file} has no data rows; it needs at least one row of data.`, { file });
        const nodes = schema.children.filter((c) => table.included(c.element.name));
        for (const node of nodes) {
            if (isNested(node)) {
                throw new errors_InputError(`${file}: column '${node.element.name}' is a list, map or struct, which cannot be compared as one feature; ` +
                    `leave it out of the columns to check, or flatten it into plain columns.`, { file });
            }
        }
        table.beginFile(file);
        // The footer's row count is the file's claim: room for at most one row per byte of file up
        // front (columns grow as pages really deliver rows), so a lying footer allocates nothing.
        const room = Math.min(rows, size);
        const cols = nodes.map((node) => {
            const col = table.column(file, node.element.name, kindOfElement(node.element), 0, room);
            col.reserve(room);
            if (isTemporal(node.element) && col.kind === 'numeric' && col.length === 0)
                col.unit = 'epoch-ms';
            return col;
        });
        // one row group at a time, one column chunk at a time
        let groupStart = 0;
        for (const group of metadata.row_groups) {
            const groupRows = Number(group.num_rows);
            for (let c = 0; c < cols.length; c++) {
                const col = cols[c];
                const chunk = group.columns.find((x) => x.meta_data?.path_in_schema.length === 1 && x.meta_data.path_in_schema[0] === col.name);
                const meta = chunk?.meta_data;
                if (!chunk || !meta || chunk.file_path) {
                    throw corrupt(file, new Error(`row group at row ${groupStart + 1} has no data for column '${col.name}'`));
                }
                const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
                const end = start + Number(meta.total_compressed_size);
                if (!(start >= 0 && end <= size && end > start)) {
                    throw corrupt(file, new Error(`column '${col.name}' points at bytes ${start}-${end} of a ${size}-byte file`));
                }
                const bytes = await buffer.slice(start, end);
                const decoder = {
                    pathInSchema: [col.name],
                    type: meta.type,
                    element: nodes[c].element,
                    schemaPath: getSchemaPath(metadata.schema, [col.name]),
                    codec: meta.codec,
                    parsers: PARSERS,
                    compressors: compressors,
                    utf8: true,
                };
                try {
                    readChunk(bytes, decoder, col, file, groupStart, groupRows);
                }
                catch (e) {
                    if (e instanceof errors_InputError)
                        throw e;
                    throw corrupt(file, e);
                }
            }
            groupStart += groupRows;
        }
        if (groupStart !== rows)
            throw corrupt(file, new Error(`the row groups hold ${groupStart} rows, the footer says ${rows}`));
        table.endFile(file, rows, cols.map((c) => c.name));
    }
    finally {
        await fh.close();
    }
}
/** The largest page we decompress: a header claiming more is corrupt (real pages are ~1 MB). */
const MAX_PAGE_BYTES = 512 << 20;
/**
 * Decode one flat column chunk page by page straight into the column: definition levels give
 * the nulls; dictionary pages are converted once per chunk, and each dictionary entry is turned
 * into a number or a category code the first time a cell uses it.
 * Levels and dictionary indices are decoded here with every count checked against the page,
 * so a corrupt file ends in an error, never in a loop that runs for billions of steps.
 */
function readChunk(bytes, decoder, col, file, groupStart, groupRows) {
    const reader = { view: new DataView(bytes), offset: 0 };
    const maxDef = schema_getMaxDefinitionLevel(decoder.schemaPath);
    if (maxDef > 1)
        throw new Error(`column '${col.name}' is nested`);
    let dict;
    let done = 0;
    while (done < groupRows) {
        if (reader.offset >= bytes.byteLength - 1)
            throw new Error(`column '${col.name}' ends after ${done} of ${groupRows} rows`);
        const header = parquetHeader(reader);
        const size = header.compressed_page_size;
        const full = Number(header.uncompressed_page_size);
        if (!(size >= 0) || reader.offset + size > bytes.byteLength)
            throw new Error(`a page of column '${col.name}' runs past its column chunk`);
        if (!(full >= 0 && full <= MAX_PAGE_BYTES))
            throw new Error(`a page of column '${col.name}' claims ${full} bytes`);
        const compressed = new Uint8Array(bytes, reader.offset, size);
        reader.offset += size;
        if (header.type === 'DICTIONARY_PAGE') {
            const diph = header.dictionary_page_header;
            if (!diph || !(diph.num_values >= 0 && diph.num_values <= full))
                throw new Error('bad dictionary page header');
            const page = datapage_decompressPage(compressed, full, decoder.codec, decoder.compressors);
            const plain = plain_readPlain({ view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }, decoder.type, diph.num_values, decoder.element.type_length);
            dict = new Entries(convert_convert(plain, decoder), col);
            continue;
        }
        let n;
        let encoding;
        let defs;
        let values;
        let offset;
        if (header.type === 'DATA_PAGE') {
            const daph = header.data_page_header;
            if (!daph)
                throw new Error('data page header is missing');
            n = daph.num_values;
            checkCount(n, groupRows - done, col.name);
            const raw = datapage_decompressPage(compressed, full, decoder.codec, decoder.compressors);
            values = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
            offset = 0;
            if (maxDef > 0) {
                if (raw.byteLength < 4)
                    throw new Error('page too short for its definition levels');
                const len = values.getUint32(0, true);
                if (4 + len > raw.byteLength)
                    throw new Error('definition levels run past their page');
                defs = new Uint8Array(n);
                decodeHybrid(raw, 4, 4 + len, 1, defs, n);
                offset = 4 + len;
            }
            encoding = daph.encoding;
        }
        else if (header.type === 'DATA_PAGE_V2') {
            const daph2 = header.data_page_header_v2;
            if (!daph2)
                throw new Error('data page header is missing');
            n = daph2.num_values;
            checkCount(n, groupRows - done, col.name);
            const repLen = daph2.repetition_levels_byte_length ?? 0;
            const defLen = daph2.definition_levels_byte_length ?? 0;
            if (!(repLen >= 0 && defLen >= 0 && repLen + defLen <= size))
                throw new Error('levels run past their page');
            if (maxDef > 0) {
                defs = new Uint8Array(n);
                decodeHybrid(compressed, repLen, repLen + defLen, 1, defs, n);
            }
            let page = compressed.subarray(repLen + defLen);
            const valuesSize = full - repLen - defLen;
            if (daph2.is_compressed !== false && valuesSize > 0)
                page = datapage_decompressPage(page, valuesSize, decoder.codec, decoder.compressors);
            values = new DataView(page.buffer, page.byteOffset, page.byteLength);
            offset = 0;
            encoding = daph2.encoding;
        }
        else {
            continue; // index pages
        }
        const nonNull = defs ? countOnes(defs, n) : n;
        const rowBase = groupStart + done + 1;
        if (encoding.endsWith('_DICTIONARY')) {
            if (!dict)
                throw new Error(`column '${col.name}' has a dictionary-encoded page but no dictionary`);
            const idx = new Int32Array(nonNull);
            const bytesOfPage = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
            if (nonNull > 0) {
                if (offset >= values.byteLength)
                    throw new Error('dictionary indices are missing');
                const width = bytesOfPage[offset];
                if (width > 32)
                    throw new Error(`dictionary index width ${width}`);
                if (width > 0)
                    decodeHybrid(bytesOfPage, offset + 1, values.byteLength, width, idx, nonNull);
            }
            let k = 0;
            for (let r = 0; r < n; r++) {
                if (defs && defs[r] === 0)
                    col.pushMissing();
                else
                    dict.push(idx[k++], file, rowBase + r);
            }
        }
        else {
            const plain = decodeValues({ view: values, offset }, encoding, nonNull, decoder);
            const converted = convert_convert(plain, decoder);
            if (converted.length !== nonNull)
                throw new Error(`column '${col.name}' has ${converted.length} values for ${nonNull} non-null cells`);
            if (!defs)
                pushValues(col, converted, file, rowBase - 1);
            else {
                let k = 0;
                for (let r = 0; r < n; r++) {
                    if (defs[r] === 0)
                        col.pushMissing();
                    else
                        pushValue(col, converted[k++], file, rowBase + r);
                }
            }
        }
        done += n;
    }
}
function checkCount(n, left, name) {
    if (!(Number.isSafeInteger(n) && n >= 0 && n <= left))
        throw new Error(`a page of column '${name}' claims ${n} values where ${left} rows are left`);
}
function countOnes(defs, n) {
    let c = 0;
    for (let i = 0; i < n; i++)
        c += defs[i];
    return c;
}
/** Non-dictionary values of a data page, through hyparquet's decoders (each bounded by `count`). */
function decodeValues(reader, encoding, count, decoder) {
    const { type } = decoder;
    switch (encoding) {
        case 'PLAIN':
            return plain_readPlain(reader, type, count, decoder.element.type_length);
        case 'RLE': {
            // booleans: a 4-byte length, then the hybrid encoding at bit width 1
            const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset, reader.view.byteLength);
            if (reader.offset + 4 > bytes.length)
                throw new Error('boolean values are missing');
            const len = reader.view.getUint32(reader.offset, true);
            const out = new Uint8Array(count);
            decodeHybrid(bytes, reader.offset + 4, Math.min(bytes.length, reader.offset + 4 + len), 1, out, count);
            return Array.from(out, (x) => x === 1);
        }
        case 'BYTE_STREAM_SPLIT':
            return encoding_byteStreamSplit(reader, count, type, decoder.element.type_length);
        case 'ALP':
            return alp_alpDecode(reader, count, type);
        case 'DELTA_BINARY_PACKED': {
            checkDeltaHeader(reader);
            const out = type === 'INT32' ? new Int32Array(count) : new BigInt64Array(count);
            delta_deltaBinaryUnpack(reader, count, out);
            return out;
        }
        case 'DELTA_LENGTH_BYTE_ARRAY': {
            checkDeltaHeader(reader);
            const out = new Array(count);
            delta_deltaLengthByteArray(reader, count, out);
            return out;
        }
        case 'DELTA_BYTE_ARRAY': {
            checkDeltaHeader(reader);
            const out = new Array(count);
            delta_deltaByteArray(reader, count, out);
            return out;
        }
        default:
            throw new Error(`unsupported encoding ${encoding}`);
    }
}
/** A delta-binary-packed header must have sane block sizes (else the decoder may not advance). */
function checkDeltaHeader(reader) {
    const r = { view: reader.view, offset: reader.offset };
    const blockSize = thrift_readVarInt(r);
    const miniblocks = thrift_readVarInt(r);
    if (!(blockSize > 0 && blockSize <= 1 << 20 && blockSize % 128 === 0 && miniblocks > 0 && (blockSize / miniblocks) % 32 === 0)) {
        throw new Error(`bad delta encoding header (block ${blockSize}, miniblocks ${miniblocks})`);
    }
}
/**
 * Parquet's RLE / bit-packing hybrid, bytes [p, end) -> out[0, n), values of `width` bits.
 * Runs longer than what is left are cut to it; reading past `end` is an error.
 */
function decodeHybrid(b, p, end, width, out, n) {
    let seen = 0;
    const mask = width === 32 ? -1 : (1 << width) - 1;
    const valueBytes = (width + 7) >> 3;
    while (seen < n) {
        // header: a ULEB128 varint of at most 5 bytes
        let header = 0;
        let shift = 0;
        for (;;) {
            if (p >= end)
                throw new Error('encoded levels or indices end early');
            const byte = b[p++];
            header += (byte & 0x7f) * 2 ** shift;
            if (!(byte & 0x80))
                break;
            shift += 7;
            if (shift > 28)
                throw new Error('bad run header');
        }
        if (header % 2 === 1) {
            // bit-packed: groups of 8 values
            const count = Math.floor(header / 2) * 8;
            const take = Math.min(count, n - seen);
            const bytes = (Math.floor(header / 2) * width);
            if (p + Math.ceil((take * width) / 8) > end)
                throw new Error('bit-packed run past its end');
            let bit = p * 8;
            for (let i = 0; i < take; i++) {
                const byte = bit >>> 3;
                const sh = bit & 7;
                let v = (b[byte] | (b[byte + 1] << 8) | (b[byte + 2] << 16) | (b[byte + 3] << 24)) >>> sh;
                if (sh + width > 32)
                    v |= b[byte + 4] << (32 - sh);
                out[seen++] = v & mask;
                bit += width;
            }
            p += bytes;
        }
        else {
            const count = header / 2;
            if (p + valueBytes > end)
                throw new Error('run value past its end');
            let v = 0;
            for (let i = 0; i < valueBytes; i++)
                v |= b[p + i] << (8 * i);
            p += valueBytes;
            v &= mask;
            const take = Math.min(count, n - seen);
            out.fill(v, seen, seen + take);
            seen += take;
        }
    }
}
const ENTRY_PENDING = -2;
/** A dictionary page's values, each turned into a number or a category code on first use. */
class Entries {
    values;
    col;
    nums;
    codes;
    constructor(values, col) {
        this.values = values;
        this.col = col;
        this.nums = new Float64Array(values.length);
        this.codes = new Int32Array(values.length).fill(ENTRY_PENDING);
        if (col.kind === 'numeric') {
            for (let i = 0; i < values.length; i++) {
                const v = values[i];
                this.nums[i] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.getTime() : NaN;
                // a finite number is pushed as is; anything else (null, NaN, text, infinity) takes the slow path
                if (this.nums[i] - this.nums[i] === 0)
                    this.codes[i] = 0;
            }
        }
    }
    push(i, file, row) {
        const col = this.col;
        if (!(i >= 0 && i < this.values.length))
            throw new Error(`dictionary index ${i} is out of range`);
        if (col.kind === 'numeric') {
            if (this.codes[i] === 0)
                col.pushNumber(this.nums[i]);
            else
                pushValue(col, this.values[i], file, row);
            return;
        }
        const code = this.codes[i];
        if (code === ENTRY_PENDING) {
            // the first cell using this entry: the column decides (and counts) it, so categories
            // come in order of first use and entries no cell uses add none
            pushValue(col, this.values[i], file, row);
            this.codes[i] = col.codes[col.length - 1];
            return;
        }
        if (code === -1)
            col.pushMissing();
        else
            col.pushCode(code);
    }
}
function pushValues(col, data, file, rowStart) {
    const n = data.length;
    if (col.kind === 'numeric' && (data instanceof Float64Array || data instanceof Float32Array || data instanceof Int32Array ||
        data instanceof Uint32Array || data instanceof Int16Array || data instanceof Uint16Array || data instanceof Int8Array || data instanceof Uint8Array)) {
        for (let i = 0; i < n; i++) {
            const v = data[i];
            if (v - v === 0)
                col.pushNumber(v);
            else
                col.pushNumeric(v, file, rowStart + i + 1, 'row');
        }
        return;
    }
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
        for (let i = 0; i < n; i++)
            col.pushNumeric(Number(data[i]), file, rowStart + i + 1, 'row');
        return;
    }
    for (let i = 0; i < n; i++)
        pushValue(col, data[i], file, rowStart + i + 1);
}
function pushValue(col, v, file, row) {
    if (v === null || v === undefined)
        col.pushMissing();
    else if (typeof v === 'number')
        col.pushNumeric(v, file, row, 'row');
    else if (typeof v === 'string')
        col.pushString(v, file, row, 'row');
    else if (typeof v === 'bigint')
        col.pushNumeric(Number(v), file, row, 'row');
    else if (typeof v === 'boolean')
        col.pushString(v ? 'true' : 'false', file, row, 'row');
    else if (v instanceof Date)
        col.pushNumeric(v.getTime(), file, row, 'row');
    else if (v instanceof Uint8Array)
        col.pushString(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'), file, row, 'row');
    else
        col.pushString(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)), file, row, 'row');
}

;// CONCATENATED MODULE: ./packages/core/src/data/resolve-files.ts
/**
 * A data spec names one file, a directory, or a glob; this turns it into a sorted list of files.
 *
 * - A file: itself (any name; its extension picks the reader).
 * - A directory: every data file under it, recursively, skipping entries whose names start
 *   with '.' or '_' (hidden files, Spark's _SUCCESS and _temporary) and .txt files (notes).
 * - A glob: '*' (any characters but '/'), '?' (one character), '[abc]', '[a-z]', '[!abc]' within
 *   a path segment, and '**' for any number of directories (not descending into directories
 *   whose names start with '.' or '_'). Wildcards do not match a leading '.'.
 *   Only data files count; .txt ones only when the pattern itself ends in .txt (or .txt.gz).
 * Files are sorted by path (code-unit order), so a read is deterministic.
 */




const MAGIC = /[*?[]/;
function isGlob(spec) {
    return MAGIC.test(spec);
}
async function resolveFiles(spec) {
    if (spec.trim() === '') {
        throw new errors_InputError('The data path is empty; name a file, a directory or a glob such as data/*.csv.', {});
    }
    const st = await (0,promises_namespaceObject.stat)(spec).catch(() => undefined);
    if (st?.isFile())
        return [spec];
    if (st?.isDirectory()) {
        const files = (await walk(spec)).filter((f) => isDataFile(f, false));
        if (files.length === 0) {
            throw new errors_InputError(`Directory ${spec} holds no data files; put ${DATA_EXTENSIONS} files in it, or name the files with a glob.`, { file: spec });
        }
        return sortPaths(files);
    }
    if (!isGlob(spec)) {
        throw new errors_InputError(`File ${spec} does not exist; check the path (relative paths start at ${process.cwd()}).`, { file: spec });
    }
    const matched = await glob(spec);
    const wantTxt = /\.txt(\.gz)?$/i.test(spec);
    const files = matched.filter((f) => isDataFile(f, wantTxt));
    if (files.length === 0) {
        const why = matched.length === 0
            ? 'matches no files'
            : `matches ${matched.length} file${matched.length === 1 ? '' : 's'} but no data file`;
        throw new errors_InputError(`The glob ${spec} ${why}; check the pattern (relative paths start at ${process.cwd()}) and that the files are ${DATA_EXTENSIONS}.`, { file: spec });
    }
    return sortPaths(files);
}
function isDataFile(file, txt) {
    const f = formatOf(file);
    return f !== undefined && (f !== 'txt' || txt);
}
function sortPaths(files) {
    return [...new Set(files)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
async function entries(dir) {
    try {
        return await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return [];
        if (code === 'EACCES' || code === 'EPERM')
            throw new errors_InputError(`Directory ${dir} cannot be read (permission denied); make it readable.`, { file: dir });
        throw e;
    }
}
/** Is this entry a file / a directory (following a symbolic link for files only)? */
async function resolve_files_kindOf(dir, ent) {
    if (ent.isFile())
        return 'file';
    if (ent.isDirectory())
        return 'dir';
    if (ent.isSymbolicLink()) {
        const st = await (0,promises_namespaceObject.stat)((0,external_node_path_namespaceObject.join)(dir, ent.name)).catch(() => undefined);
        if (st?.isFile())
            return 'file';
    }
    return 'other';
}
async function walk(dir) {
    const out = [];
    for (const ent of await entries(dir)) {
        if (ent.name.startsWith('.') || ent.name.startsWith('_'))
            continue;
        const kind = await resolve_files_kindOf(dir, ent);
        if (kind === 'file')
            out.push((0,external_node_path_namespaceObject.join)(dir, ent.name));
        else if (kind === 'dir')
            out.push(...(await walk((0,external_node_path_namespaceObject.join)(dir, ent.name))));
    }
    return out;
}
/** A glob segment as a RegExp over one path segment. */
function segmentRegExp(seg) {
    let re = '';
    for (let i = 0; i < seg.length; i++) {
        const c = seg[i];
        if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const close = seg.indexOf(']', i + 2);
            if (close < 0) {
                re += '\\[';
                continue;
            }
            let body = seg.slice(i + 1, close);
            let neg = false;
            if (body[0] === '!' || body[0] === '^') {
                neg = true;
                body = body.slice(1);
            }
            const cls = body.replace(/[\\\]^]/g, (m) => `\\${m}`);
            re += `[${neg ? '^' : ''}${cls}]`;
            i = close;
        }
        else
            re += c.replace(/[.+^${}()|\\\]]/g, (m) => `\\${m}`);
    }
    return new RegExp(`^${re}$`);
}
async function glob(pattern) {
    const absolute = pattern.startsWith('/');
    const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
    if (segs[segs.length - 1] === '**')
        segs.push('*'); // 'dir/**': every file under dir
    // the leading segments without wildcards are the directory to start from
    let i = 0;
    const base = [];
    while (i < segs.length - 1 && !isGlob(segs[i]))
        base.push(segs[i++]);
    let root = base.join('/');
    if (absolute && root === '')
        root = '/';
    const out = [];
    await matchFrom(root, segs.slice(i), out);
    return out;
}
async function matchFrom(dir, segs, out) {
    const [seg, ...rest] = segs;
    const here = dir === '' ? '.' : dir;
    const path = (name) => (dir === '' ? name : dir === '/' ? `/${name}` : `${dir}/${name}`);
    if (seg === '**') {
        // zero directories, then one more directory at a time
        if (rest.length > 0)
            await matchFrom(dir, rest, out);
        for (const ent of await entries(here)) {
            if (ent.name.startsWith('.') || ent.name.startsWith('_'))
                continue;
            if ((await resolve_files_kindOf(here, ent)) === 'dir')
                await matchFrom(path(ent.name), segs, out);
        }
        return;
    }
    if (!isGlob(seg)) {
        const st = await (0,promises_namespaceObject.stat)(path(seg)).catch(() => undefined);
        if (rest.length === 0) {
            if (st?.isFile())
                out.push(path(seg));
        }
        else if (st?.isDirectory())
            await matchFrom(path(seg), rest, out);
        return;
    }
    const re = segmentRegExp(seg);
    const dotOk = seg.startsWith('.');
    for (const ent of await entries(here)) {
        if (!dotOk && ent.name.startsWith('.'))
            continue;
        if (!re.test(ent.name))
            continue;
        const kind = await resolve_files_kindOf(here, ent);
        if (rest.length === 0) {
            if (kind === 'file')
                out.push(path(ent.name));
        }
        else if (kind === 'dir')
            await matchFrom(path(ent.name), rest, out);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/data/time-columns.ts
// 2001-04-01, 2001-04-01T00:05, 2001-04-01 00:05:30.250Z, 2001-04-01T00:05+02:00, …-0130.
// Parsed by hand (no RegExp, no Date): a column of a million timestamps has ~100k distinct ones.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Hinnant's days_from_civil). */
function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
/** Milliseconds since 1970-01-01T00:00Z of an ISO-8601 date or date-time (no zone: UTC); NaN if not one. */
function parseIsoInstant(text) {
    const n = text.length;
    if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
        return NaN;
    const digits = (at, count) => {
        let v = 0;
        for (let k = at; k < at + count; k++) {
            const c = text.charCodeAt(k) - 48;
            if (c < 0 || c > 9)
                return -1;
            v = v * 10 + c;
        }
        return v;
    };
    const y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1])
        return NaN;
    if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))
        return NaN;
    let ms = daysFromCivil(y, mo, d) * 86_400_000;
    if (n === 10)
        return ms;
    const sep = text.charCodeAt(10);
    if ((sep !== 84 && sep !== 32) || n < 16 || text.charCodeAt(13) !== 58)
        return NaN; // 'T' or ' ', then hh:mm
    const h = digits(11, 2), mi = digits(14, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59)
        return NaN;
    ms += (h * 60 + mi) * 60_000;
    let i = 16;
    if (i < n && text.charCodeAt(i) === 58) {
        const sec = digits(i + 1, 2);
        if (i + 3 > n || sec < 0 || sec > 60)
            return NaN;
        ms += sec * 1000;
        i += 3;
        if (i < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44)) {
            let j = i + 1, frac = 0, scale = 100;
            while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) {
                frac += (text.charCodeAt(j) - 48) * scale;
                scale /= 10;
                j++;
            }
            if (j === i + 1)
                return NaN;
            ms += Math.floor(frac);
            i = j;
        }
    }
    if (i === n)
        return ms;
    const z = text.charCodeAt(i);
    if (z === 90)
        return i + 1 === n ? ms : NaN; // 'Z'
    if (z !== 43 && z !== 45)
        return NaN;
    const rest = n - i - 1;
    const colon = rest === 5 && text.charCodeAt(i + 3) === 58;
    if (rest !== 4 && !colon)
        return NaN;
    const zh = digits(i + 1, 2), zm = digits(colon ? i + 4 : i + 3, 2);
    if (zh < 0 || zh > 23 || zm < 0 || zm > 59)
        return NaN;
    return ms - (z === 45 ? -1 : 1) * (zh * 60 + zm) * 60_000;
}
/** The column as epoch milliseconds when every category is an ISO-8601 date/date-time; else undefined. */
function asTimeColumn(col) {
    const { categories } = col;
    if (categories.length === 0)
        return undefined;
    const epoch = new Float64Array(categories.length);
    for (let c = 0; c < categories.length; c++) {
        const t = parseIsoInstant(categories[c]);
        if (t !== t)
            return undefined;
        epoch[c] = t;
    }
    const values = new Float64Array(col.codes.length);
    const codes = col.codes;
    for (let i = 0; i < codes.length; i++)
        values[i] = codes[i] < 0 ? NaN : epoch[codes[i]];
    return { kind: 'numeric', name: col.name, values, missing: col.missing, textCells: 0, unit: 'epoch-ms' };
}

;// CONCATENATED MODULE: ./packages/core/src/data/table-builder.ts
/**
 * Columns shared by every file of one read: the first file fixes the column names, their
 * order and (with options.kinds) their kinds; each later file must have the same included
 * columns, in any order, and appends to the same builders.
 */



class TableBuilder {
    options;
    columns = [];
    byName = new Map();
    includeMemo = new Map();
    rowCount = 0;
    files = [];
    firstFile;
    constructor(options = {}) {
        this.options = options;
    }
    /** Whether a column is read; options.include is asked once per distinct name. */
    included(name) {
        let v = this.includeMemo.get(name);
        if (v === undefined) {
            v = this.options.include ? this.options.include(name) : true;
            this.includeMemo.set(name, v);
        }
        return v;
    }
    /** True while the first file is being read: only it may add columns. */
    firstFileOpen = false;
    /** The kind a column must have before looking at any cell: forced, or from an earlier file. */
    knownKind(name) {
        const col = this.byName.get(name);
        if (col)
            return col.decided ? col.kind : undefined;
        return this.options.kinds?.get(name);
    }
    existing(name) {
        return this.byName.get(name);
    }
    beginFile(file) {
        if (this.firstFile === undefined) {
            this.firstFile = file;
            this.firstFileOpen = true;
        }
        else {
            this.firstFileOpen = false;
        }
        this.files.push(file);
    }
    /**
     * The builder for column `name` of `file`; the first file creates it (filled with
     * `rowsSoFar` missing cells when it first appears mid-file, as in JSONL), a later file
     * must already have it. `inferred` is the kind seen in the file's first cells, if any.
     */
    column(file, name, inferred, rowsSoFar, capacity) {
        const existing = this.byName.get(name);
        if (existing) {
            if (!existing.decided && inferred === 'categorical')
                existing.toCategorical();
            else if (!existing.decided && inferred === 'numeric')
                existing.decided = true;
            return existing;
        }
        if (!this.firstFileOpen) {
            throw new errors_InputError(`${file} has column '${name}', which ${this.firstFile} (the first file read) does not have; ` +
                `files read together must have the same columns: remove it or add it to every file.`, { file });
        }
        const forced = this.options.kinds?.get(name);
        const kind = forced ?? inferred ?? 'numeric';
        const col = new ColumnBuilder(name, kind, forced !== undefined || inferred !== undefined, file, capacity);
        col.pushMissingRun(this.rowCount + rowsSoFar);
        this.columns.push(col);
        this.byName.set(name, col);
        return col;
    }
    /** Close a file that had `rows` data rows and these (included) column names. */
    endFile(file, rows, names) {
        const seen = new Set(names);
        for (const col of this.columns) {
            if (!seen.has(col.name)) {
                throw new errors_InputError(`${file} lacks column '${col.name}', which ${this.firstFile} (the first file read) has; ` +
                    `files read together must have the same columns: add it (empty cells are fine) or read the files separately.`, { file });
            }
        }
        this.rowCount += rows;
        for (const col of this.columns) {
            if (col.length !== this.rowCount)
                throw new Error(`internal: column '${col.name}' has ${col.length} cells, expected ${this.rowCount}`);
        }
        this.firstFileOpen = false;
    }
    finish() {
        return { rowCount: this.rowCount, columns: this.columns.map((c) => this.recogniseTime(c.finish())), files: [...this.files] };
    }
    /** ISO-8601 text becomes epoch milliseconds, unless the caller asked for the column as categories. */
    recogniseTime(col) {
        if (col.kind !== 'categorical' || this.options.kinds?.get(col.name) === 'categorical')
            return col;
        return asTimeColumn(col) ?? col;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/data/read-table.ts
/**
 * readTable: one file, a directory or a glob -> one columnar Table.
 *
 * Several files are concatenated in sorted order. They must have the same columns (among
 * those options.include keeps), in any order; the kinds the first file settles are used for
 * the following ones, so a column parses the same way in every file.
 * Readers only return or throw: on any error nothing is returned and nothing is left open.
 */










async function readTable(spec, options = {}) {
    const delimiter = options.delimiter === undefined ? undefined : parseDelimiterOption(options.delimiter);
    const files = await resolveFiles(spec);
    const table = new TableBuilder(options);
    for (const file of files) {
        await readFile(file, table, delimiter);
    }
    return table.finish();
}
async function readFile(file, table, delimiter) {
    const format = formatOf(file);
    switch (format) {
        case 'csv':
            return readDelimited(file, table, delimiter ?? 44, delimiter !== undefined);
        case 'tsv':
            return readDelimited(file, table, delimiter ?? 9, delimiter !== undefined);
        case 'txt':
            return readDelimited(file, table, delimiter, delimiter !== undefined);
        case 'jsonl':
            return readJsonl(file, table);
        case 'parquet':
            return readParquet(file, table);
        default:
            throw new errors_InputError(`${file} is not a format modelci reads; use ${DATA_EXTENSIONS}.`, { file });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/shared/format.ts
/** Number formats shared by every rendered report, so the summary and the terminal agree. */
function formatP(p) {
    if (p === undefined || Number.isNaN(p))
        return '–';
    if (p === 0)
        return '< 1e-300';
    if (p < 1e-4)
        return p.toExponential(1);
    if (p >= 0.9995)
        return '1';
    return p.toFixed(p < 0.001 ? 4 : 3);
}
/** "p = 0.003", or "p < 1e-300" when the p-value underflowed to zero. */
function pEquals(p) {
    return p === 0 ? 'p < 1e-300' : `p = ${formatP(p)}`;
}
function formatNumber(x, digits = 3) {
    if (x === undefined || Number.isNaN(x))
        return '–';
    if (!Number.isFinite(x))
        return x > 0 ? '∞' : '-∞';
    if (x === 0)
        return '0';
    const a = Math.abs(x);
    if (a >= 1e6 || a < 1e-3)
        return x.toExponential(2);
    return Number(x.toPrecision(digits + (a >= 100 ? 2 : 0))).toString();
}
function formatPercent(x) {
    if (x === undefined || x === null || Number.isNaN(x))
        return '–';
    return `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.001 ? 3 : 1)}%`;
}
/** A duration for people: whole minutes as `5 min`, anything else in seconds (`30 s`, `0.5 s`). */
function formatDuration(ms) {
    return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Number((ms / 1000).toPrecision(4))} s`;
}
function formatCount(n) {
    return Math.round(n).toLocaleString('en-US');
}

;// CONCATENATED MODULE: ./packages/core/src/shared/log-text.ts
/**
 * Untrusted text in a log line (column and category names, file names, server bodies, model
 * names) must never become a workflow command. The runner reads stdout line by line (\n, \r or
 * \r\n ends one), takes a line whose first non-blank characters are `::` as a command, and also
 * takes a legacy `##[command]` anywhere in a line. So: line breaks and other control characters
 * are shown as escapes (`\n`, `\x1b`), a leading `::` as `\::`, and `##[` as `##\[`.
 * Applying it twice changes nothing.
 */
function logText(text) {
    return text
        .replace(LINE_BREAK_OR_CONTROL, controlEscape)
        .replace(/##\[/g, '##\\[')
        .replace(/^(\s*)::/, '$1\\::');
}
// Control characters are what this matches, on purpose.
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_CONTROL = /\r\n|[\r\n\u0085\u2028\u2029]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const NAMED = { '\r\n': '\\r\\n', '\n': '\\n', '\r': '\\r' };
function controlEscape(c) {
    if (NAMED[c])
        return NAMED[c];
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}
/**
 * A block printed as it is (a report, a server's answer) between `::stop-commands::<token>` and
 * `::<token>::`: the runner runs no command inside it. The token must be unguessable (random per
 * block), or the block could end the pause itself.
 */
function withoutCommands(block, token) {
    if (!/^[A-Za-z0-9_-]{16,}$/.test(token))
        throw new Error('withoutCommands needs a random token of at least 16 letters, digits, - or _');
    if (block.includes(token))
        throw new Error('withoutCommands: the block contains its own token');
    return `::stop-commands::${token}\n${block.replace(/\n$/, '')}\n::${token}::\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/correction.ts
function adjustPValues(p, method) {
    const out = new Float64Array(p.length);
    const order = [];
    for (let i = 0; i < p.length; i++) {
        out[i] = p[i];
        if (!Number.isNaN(p[i]))
            order.push(i);
    }
    const m = order.length;
    if (method === 'none' || m === 0)
        return out;
    if (method === 'bonferroni') {
        for (const i of order)
            out[i] = Math.min(1, p[i] * m);
        return out;
    }
    order.sort((a, b) => p[a] - p[b]);
    if (method === 'holm') {
        let runningMax = 0;
        for (let k = 0; k < m; k++) {
            const i = order[k];
            runningMax = Math.max(runningMax, p[i] * (m - k));
            out[i] = Math.min(1, runningMax);
        }
        return out;
    }
    if (method === 'fdr_bh') {
        let runningMin = Infinity;
        for (let k = m - 1; k >= 0; k--) {
            const i = order[k];
            // statsmodels divides by the ECDF factor (k + 1) / m; the same rounding as p m / (k + 1).
            runningMin = Math.min(runningMin, p[i] / ((k + 1) / m));
            out[i] = Math.min(1, runningMin);
        }
        return out;
    }
    throw new Error(`adjustPValues: unknown correction '${String(method)}'; use holm, bonferroni, fdr_bh or none.`);
}

;// CONCATENATED MODULE: ./packages/core/src/stats/log-gamma.ts
/**
 * Log-gamma and its companions, written so that no digits are lost to cancellation:
 * Stirling's error term, log Gamma, and log(1 + t) - t. The incomplete gamma function (chi-square
 * p-values) and the Smirnov sum (large-sample KS p-values) are built on them.
 */
// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const log_gamma_Math = globalThis.Math;
const HALF_LOG_2PI = 0.5 * log_gamma_Math.log(2 * log_gamma_Math.PI);
const EPS = 2 ** -53;
/**
 * Stirling's error mu(z) = log Gamma(z) - [(z - 1/2) log z - z + log(2 pi)/2]
 * (equivalently log z! - log(sqrt(2 pi z) (z/e)^z), Loader's "stirlerr"). For z >= 10 the
 * asymptotic series 1/(12z) - 1/(360z^3) + ... (Bernoulli numbers B_2k / (2k(2k-1) z^(2k-1)))
 * is exact to double precision with seven terms; below that we step up with
 * mu(z) = mu(z + 1) + (z + 1/2) log1p(1/z) - 1, which loses nothing (no large terms cancel).
 */
function stirlingError(z) {
    let shift = 0;
    let w = z;
    while (w < 10) {
        shift += (w + 0.5) * log_gamma_Math.log1p(1 / w) - 1;
        w += 1;
    }
    const r = 1 / w;
    const r2 = r * r;
    const series = r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 / 156))))));
    return series + shift;
}
/** log Gamma(a) for a > 0. */
function logGamma(a) {
    if (Number.isNaN(a) || a < 0)
        return NaN;
    if (a === 0 || a === Infinity)
        return Infinity;
    return (a - 0.5) * log_gamma_Math.log(a) - a + HALF_LOG_2PI + stirlingError(a);
}
/**
 * log(1 + t) - t for t > -1. For |t| < 0.1 the power series -t^2/2 + t^3/3 - ... (at most ~16
 * terms); elsewhere log1p(t) - t, where the cancellation costs at most a digit and a half.
 */
function log1pMinusX(t) {
    if (log_gamma_Math.abs(t) < 0.1) {
        let power = t * t;
        let sum = -power / 2;
        for (let k = 3; k < 40; k++) {
            power *= -t;
            const term = -power / k;
            sum += term;
            if (log_gamma_Math.abs(term) <= EPS * log_gamma_Math.abs(sum))
                break;
        }
        return sum;
    }
    return log_gamma_Math.log1p(t) - t;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/incomplete-gamma.ts
/**
 * Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x) (scipy.special.gammainc
 * and gammaincc). Q is what chi-square p-values need, with *relative* accuracy deep in the tail
 * (p = 1e-200 must not come out as 0 or 1e-190), so it is never formed as 1 - P where P is near 1:
 *   - x < a + 1: power series for P (DLMF 8.11.4); there Q >= ~0.08, so Q = 1 - P is safe;
 *   - x >= a + 1: Lentz's continued fraction for Q (DLMF 8.9.2), which converges fast there.
 * Both are multiplied by x^a e^-x / Gamma(a); for a >= 10 that factor is computed as
 * sqrt(a / 2 pi) exp(a (log1p(s) - s) - stirlingError(a)) with s = (x - a)/a, which avoids the
 * cancellation between a log x, x and log Gamma(a) that costs ~log10(a) digits otherwise.
 */

// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const incomplete_gamma_Math = globalThis.Math;
const incomplete_gamma_Number = globalThis.Number;
const incomplete_gamma_EPS = 2 ** -53;
const TINY = 1e-300;
const MAX_ITERATIONS = 100000;
/** x^a e^-x / Gamma(a), the factor in front of both the series and the continued fraction. */
function gammaPrefactor(a, x) {
    if (a < 10)
        return incomplete_gamma_Math.exp(a * incomplete_gamma_Math.log(x) - x - logGamma(a));
    return incomplete_gamma_Math.sqrt(a / (2 * incomplete_gamma_Math.PI)) * incomplete_gamma_Math.exp(a * log1pMinusX((x - a) / a) - stirlingError(a));
}
/** Sum of the series for P(a, x) without the prefactor: sum_k x^k / (a (a+1) ... (a+k)). */
function lowerSeries(a, x) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < MAX_ITERATIONS; k++) {
        term *= x / (a + k);
        sum += term;
        if (term < sum * incomplete_gamma_EPS)
            break;
    }
    return sum;
}
/** Continued fraction for Q(a, x) without the prefactor (modified Lentz). */
function upperContinuedFraction(a, x) {
    let b = x + 1 - a;
    let c = 1 / TINY;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < MAX_ITERATIONS; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (incomplete_gamma_Math.abs(d) < TINY)
            d = TINY;
        c = b + an / c;
        if (incomplete_gamma_Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (incomplete_gamma_Math.abs(delta - 1) <= incomplete_gamma_EPS)
            break;
    }
    return h;
}
/** Regularized upper incomplete gamma Q(a, x) = gammaincc(a, x), relatively accurate in the tail. */
function regularizedGammaQ(a, x) {
    if (incomplete_gamma_Number.isNaN(a) || incomplete_gamma_Number.isNaN(x) || a <= 0 || x < 0)
        return NaN;
    if (x === 0)
        return 1;
    if (x === Infinity)
        return 0;
    if (x < a + 1)
        return incomplete_gamma_Math.max(0, 1 - gammaPrefactor(a, x) * lowerSeries(a, x));
    return incomplete_gamma_Math.min(1, gammaPrefactor(a, x) * upperContinuedFraction(a, x));
}

;// CONCATENATED MODULE: ./packages/core/src/stats/chi2.ts
/**
 * Chi-square distribution tail and Pearson's test of independence on a contingency table,
 * as scipy.stats.chi2.sf and scipy.stats.chi2_contingency (SciPy 1.10 defaults).
 */

/** P(X >= x) for X ~ chi-square(dof) = Q(dof/2, x/2); relatively accurate far into the tail. */
function chi2Sf(x, dof) {
    if (Number.isNaN(x) || Number.isNaN(dof) || !(dof > 0))
        return NaN;
    if (x <= 0)
        return 1;
    return regularizedGammaQ(dof / 2, x / 2);
}
/**
 * Pearson chi-square test of independence of the rows and columns of `observed` (rows of counts),
 * as scipy.stats.chi2_contingency(observed, correction):
 *   expected[i][j] = rowSum[i] * colSum[j] / total,  dof = (rows - 1)(cols - 1),
 *   statistic = sum (observed - expected)^2 / expected,  p = chi2Sf(statistic, dof).
 * With dof == 1 and `correction` (the default), Yates' continuity correction moves each observed
 * count up to 0.5 towards its expected count first. dof == 0 (a single row or column) gives
 * statistic 0 and p 1. Throws if an expected frequency is 0 (an all-zero row or column).
 */
function chi2Contingency(observed, correction = true) {
    const rows = observed.length;
    const cols = rows > 0 ? observed[0].length : 0;
    if (rows === 0 || cols === 0)
        throw new Error('chi2Contingency: the table is empty.');
    const rowSums = new Float64Array(rows);
    const colSums = new Float64Array(cols);
    let total = 0;
    for (let i = 0; i < rows; i++) {
        if (observed[i].length !== cols) {
            throw new Error(`chi2Contingency: row ${i} has ${observed[i].length} cells, row 0 has ${cols}; rows must be equally long.`);
        }
        for (let j = 0; j < cols; j++) {
            const o = observed[i][j];
            if (!(o >= 0) || !Number.isFinite(o))
                throw new Error(`chi2Contingency: cell [${i}][${j}] is ${o}; counts must be finite and >= 0.`);
            rowSums[i] += o;
            colSums[j] += o;
        }
    }
    for (let i = 0; i < rows; i++)
        total += rowSums[i];
    const expected = (i, j) => rowSums[i] * colSums[j] / total;
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            if (expected(i, j) === 0) {
                throw new Error(`chi2Contingency: the expected frequency at [${i}][${j}] is 0 (an all-zero row or column); drop it before testing.`);
            }
        }
    }
    const dof = rows * cols - (rows + cols) + 1;
    if (dof === 0)
        return { statistic: 0, pValue: 1, dof: 0 };
    const yates = dof === 1 && correction;
    let statistic = 0;
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            const e = expected(i, j);
            let o = observed[i][j];
            if (yates) {
                // Never move an observed count past its expected count (SciPy gh-13875).
                const diff = e - o;
                o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
            }
            const dev = o - e;
            statistic += dev * dev / e;
        }
    }
    return { statistic, pValue: chi2Sf(statistic, dof), dof };
}

;// CONCATENATED MODULE: ./packages/core/src/stats/ecdf.ts
/**
 * Empirical cumulative distribution function, stored as the sorted distinct values of a sample
 * with the running count of observations at or below each. A reference profile stores
 * value -> count, so counts are weights and need not be 1 (nor, for sketches, integers).
 */
// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const ecdf_Math = globalThis.Math;
const ecdf_Number = globalThis.Number;
/** ECDF of a sample already sorted ascending, without NaN. One pass, two allocations. */
function ecdfFromSorted(sorted) {
    const len = sorted.length;
    let distinct = 0;
    for (let i = 0; i < len; i++)
        if (i === 0 || sorted[i] !== sorted[i - 1])
            distinct++;
    const values = new Float64Array(distinct);
    const cumulative = new Float64Array(distinct);
    let j = -1;
    for (let i = 0; i < len; i++) {
        if (i === 0 || sorted[i] !== sorted[i - 1])
            values[++j] = sorted[i];
        // Every observation up to i is <= sorted[i], so the count at the current value is i + 1.
        cumulative[j] = i + 1;
    }
    return { values, cumulative, n: len };
}
/** ECDF of an unsorted sample; NaN (a missing cell) is dropped. The input is not modified. */
function ecdf_ecdfFromSample(sample) {
    let kept = 0;
    for (let i = 0; i < sample.length; i++)
        if (!ecdf_Number.isNaN(sample[i]))
            kept++;
    const copy = new Float64Array(kept);
    let k = 0;
    for (let i = 0; i < sample.length; i++) {
        const x = sample[i];
        if (!ecdf_Number.isNaN(x))
            copy[k++] = x;
    }
    // Typed-array sort is numeric and native: about 10x faster than Array.prototype.sort with a comparator.
    copy.sort();
    return ecdfFromSorted(copy);
}
/**
 * ECDF from a frequency table: `values` ascending and distinct, `counts[i]` how often values[i] occurs.
 * Entries with count 0 are dropped so that every stored value is actually observed (quantiles rely on it).
 */
function ecdfFromCounts(values, counts) {
    if (values.length !== counts.length) {
        throw new Error(`ecdfFromCounts: ${values.length} values but ${counts.length} counts; give one count per value.`);
    }
    let kept = 0;
    for (let i = 0; i < values.length; i++) {
        const c = counts[i];
        if (!(c >= 0) || !ecdf_Number.isFinite(c))
            throw new Error(`ecdfFromCounts: count ${c} at index ${i} is not a finite number >= 0.`);
        if (ecdf_Number.isNaN(values[i]))
            throw new Error(`ecdfFromCounts: value at index ${i} is NaN.`);
        if (i > 0 && !(values[i] > values[i - 1]))
            throw new Error(`ecdfFromCounts: values must be distinct and ascending (index ${i}).`);
        if (c > 0)
            kept++;
    }
    const outValues = new Float64Array(kept);
    const cumulative = new Float64Array(kept);
    let total = 0;
    let j = 0;
    for (let i = 0; i < values.length; i++) {
        if (counts[i] === 0)
            continue;
        total += counts[i];
        outValues[j] = values[i];
        cumulative[j++] = total;
    }
    return { values: outValues, cumulative, n: total };
}
/** Number of stored values <= x (an index into `values`): binary search for the upper bound. */
function countDistinctAtOrBelow(e, x) {
    let lo = 0;
    let hi = e.values.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (e.values[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Weight (count) of the i-th distinct value. */
function ecdfCountAt(e, i) {
    return i === 0 ? e.cumulative[0] : e.cumulative[i] - e.cumulative[i - 1];
}
/** Sample mean, weighting each distinct value by its count; NaN for an empty sample. */
function ecdfMean(e) {
    if (e.n === 0)
        return NaN;
    // Compensated (Neumaier) summation: profiles hold millions of rows, and numpy's pairwise sum is this accurate.
    let sum = 0;
    let comp = 0;
    for (let i = 0; i < e.values.length; i++) {
        const term = ecdfCountAt(e, i) * e.values[i];
        const t = sum + term;
        comp += ecdf_Math.abs(sum) >= ecdf_Math.abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }
    return (sum + comp) / e.n;
}
/** Population standard deviation (ddof = 0, as numpy.std); NaN for an empty sample. */
function ecdfStd(e) {
    if (e.n === 0)
        return NaN;
    const mean = ecdfMean(e);
    // Two passes (mean first, then squared deviations) avoid the cancellation of E[x^2] - E[x]^2.
    let sum = 0;
    let comp = 0;
    for (let i = 0; i < e.values.length; i++) {
        const dev = e.values[i] - mean;
        const term = ecdfCountAt(e, i) * dev * dev;
        const t = sum + term;
        comp += sum >= term ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }
    return ecdf_Math.sqrt((sum + comp) / e.n);
}

;// CONCATENATED MODULE: ./packages/core/src/stats/binning.ts
/**
 * Quantile binning of a numeric feature for the population stability index: edges at the
 * reference's deciles (or any `bins`-quantiles), then counts of a sample in the same bins.
 */

/** The value of rank r (0-based) in the sorted, count-expanded sample. */
function valueAtRank(e, r) {
    // First distinct value whose cumulative count exceeds r.
    let lo = 0;
    let hi = e.values.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (e.cumulative[mid] > r)
            hi = mid;
        else
            lo = mid + 1;
    }
    return e.values[lo];
}
/**
 * numpy.quantile(sample, q) with the default 'linear' method on the count-expanded sample:
 * virtual index (n - 1) q, linear interpolation between its neighbours computed as numpy's _lerp
 * does (from the upper neighbour when the weight is >= 0.5), so edges are bit-identical.
 */
function ecdfQuantile(e, q) {
    if (e.n === 0)
        return NaN;
    const virtual = (e.n - 1) * q;
    if (virtual >= e.n - 1)
        return e.values[e.values.length - 1];
    if (virtual < 0)
        return e.values[0];
    const prev = Math.floor(virtual);
    const gamma = virtual - prev;
    const a = valueAtRank(e, prev);
    const b = valueAtRank(e, prev + 1);
    const diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
/**
 * Interior bin edges at the quantiles i/bins (i = 1..bins-1) of the reference, ascending and
 * distinct: integer or heavily tied data repeat quantiles, and a repeated edge would only make an
 * empty bin. Fewer than bins - 1 edges come back then.
 */
function quantileBinEdges(ref, bins) {
    if (!Number.isInteger(bins) || bins < 1)
        throw new Error(`quantileBinEdges: bins must be a positive integer (got ${bins}).`);
    if (ref.n === 0)
        return new Float64Array(0);
    const raw = new Float64Array(bins - 1);
    for (let i = 1; i < bins; i++)
        raw[i - 1] = ecdfQuantile(ref, i / bins);
    raw.sort();
    let distinct = 0;
    for (let i = 0; i < raw.length; i++)
        if (i === 0 || raw[i] !== raw[i - 1])
            raw[distinct++] = raw[i];
    return raw.slice(0, distinct);
}
/**
 * Counts of e's observations in (-inf, edges[0]], (edges[0], edges[1]], ..., (edges[last], +inf):
 * edges.length + 1 bins. Edges must be ascending.
 */
function binCounts(e, edges) {
    const counts = new Float64Array(edges.length + 1);
    let below = 0; // observations <= the previous edge
    for (let k = 0; k < edges.length; k++) {
        if (k > 0 && !(edges[k] >= edges[k - 1]))
            throw new Error('binCounts: edges must be ascending.');
        const idx = countDistinctAtOrBelow(e, edges[k]);
        const atOrBelow = idx === 0 ? 0 : e.cumulative[idx - 1];
        counts[k] = atOrBelow - below;
        below = atOrBelow;
    }
    counts[edges.length] = e.n - below;
    return counts;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/divergence.ts
/**
 * Distances and effect sizes between two distributions given as counts over the same categories
 * (or bins): Jensen-Shannon distance, Cramer's V and the population stability index.
 * Effect sizes complement p-values: with a million rows every tiny shift is "significant".
 */


function total(xs) {
    let s = 0;
    for (let i = 0; i < xs.length; i++)
        s += xs[i];
    return s;
}
/** x log(x / y) with the conventions of scipy.special.rel_entr (0 log 0 = 0). */
function relativeEntropyTerm(x, y) {
    if (x > 0 && y > 0)
        return x * Math.log(x / y);
    if (x === 0 && y >= 0)
        return 0;
    return Number.isNaN(x) || Number.isNaN(y) ? NaN : Infinity;
}
/**
 * Jensen-Shannon distance with base-2 logarithms, in [0, 1]:
 * sqrt((KL(p || m) + KL(q || m)) / 2) with m = (p + q) / 2, after normalising p and q to sum to 1
 * (counts are fine), as scipy.spatial.distance.jensenshannon(p, q, base=2).
 * Rounding can make the divergence a hair below 0 for identical inputs; that is returned as 0
 * (SciPy would return NaN).
 */
function jensenShannonDistance(p, q) {
    if (p.length !== q.length)
        throw new Error(`jensenShannonDistance: p has ${p.length} entries, q has ${q.length}; they must match.`);
    const sp = total(p);
    const sq = total(q);
    let left = 0;
    let right = 0;
    for (let i = 0; i < p.length; i++) {
        const pi = p[i] / sp;
        const qi = q[i] / sq;
        const mi = (pi + qi) / 2.0;
        left += relativeEntropyTerm(pi, mi);
        right += relativeEntropyTerm(qi, mi);
    }
    const js = (left + right) / Math.LN2;
    return Math.sqrt(Math.max(0, js / 2.0));
}
/**
 * Cramer's V of a contingency table (rows = samples, columns = categories), in [0, 1]:
 * sqrt(chi2 / (N * min(rows - 1, cols - 1))) with the chi-square statistic computed *without*
 * Yates' correction, as scipy.stats.contingency.association(observed, method='cramer').
 * NaN for a table with a single row or column (as SciPy). Throws if an expected frequency is 0.
 */
function cramersV(observed) {
    const { statistic } = chi2Contingency(observed, false);
    let n = 0;
    for (const row of observed)
        n += total(row);
    const rows = observed.length;
    const cols = observed[0].length;
    return Math.sqrt(statistic / n / Math.min(cols - 1, rows - 1));
}
/**
 * Population stability index between binned reference and current counts:
 *   PSI = sum_i (c_i - r_i) ln(c_i / r_i)
 * on proportions r_i = ref_i / sum(ref), c_i = cur_i / sum(cur), each proportion first raised to
 * at least `floor` (default 1e-4) so that an empty bin gives a large but finite term.
 * Rules of thumb: < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 major shift.
 */
function populationStabilityIndex(refCounts, curCounts, floor = 1e-4) {
    if (refCounts.length !== curCounts.length) {
        throw new Error(`populationStabilityIndex: ${refCounts.length} reference bins but ${curCounts.length} current bins; they must match.`);
    }
    const sr = total(refCounts);
    const sc = total(curCounts);
    if (!(sr > 0) || !(sc > 0))
        return NaN;
    let psi = 0;
    for (let i = 0; i < refCounts.length; i++) {
        const r = Math.max(refCounts[i] / sr, floor);
        const c = Math.max(curCounts[i] / sc, floor);
        psi += (c - r) * Math.log(c / r);
    }
    return psi;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/seeded-random.ts
/**
 * A small seeded generator (mulberry32) for Monte Carlo estimates that must give the same number
 * on every run: a verdict may not change when the same data is checked twice.
 */
// Bound once: inside some sandboxes (jest's VM) every global lookup in a hot loop is slow.
const { imul, exp, log, log1p, sqrt, cos, round, min, max, PI } = Math;
function seededUniform(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = imul(a ^ (a >>> 15), a | 1);
        t ^= t + imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/**
 * One draw of Binomial(n, p): inversion (exact) when the smaller of n*p and n*(1-p) is below 30,
 * else the normal approximation rounded and clamped, which is what an expectation of a smooth
 * function needs there.
 */
function binomialDraw(n, p, uniform) {
    if (p <= 0 || n <= 0)
        return 0;
    if (p >= 1)
        return n;
    if (p > 0.5)
        return n - binomialDraw(n, 1 - p, uniform);
    const mean = n * p;
    if (mean < 30) {
        // Walk up the pmf from 0 until the cumulative probability passes a uniform draw.
        const q = 1 - p;
        let pmf = exp(n * log1p(-p));
        let cdf = pmf;
        const u = uniform();
        let k = 0;
        while (u > cdf && k < n) {
            pmf *= ((n - k) / (k + 1)) * (p / q);
            k++;
            cdf += pmf;
            if (pmf < 1e-300 && k > mean)
                break;
        }
        return k;
    }
    const z = sqrt(-2 * log(1 - uniform())) * cos(2 * PI * uniform());
    return min(n, max(0, round(mean + sqrt(mean * (1 - p)) * z)));
}

;// CONCATENATED MODULE: ./packages/core/src/stats/js-null.ts
/**
 * Jensen-Shannon divergence expected when nothing changed. Two finite samples of the same
 * distribution are never identical: with K categories their divergence is about
 * (K - 1)(1/n1 + 1/n2) / (8 ln 2), so 224 airports in a batch of 1000 give a distance near 0.2
 * with no drift at all. Subtracting this null expectation from the observed divergence gives an
 * effect size that does not grow as the batch shrinks.
 */

const { log: js_null_log, LN2 } = Math;
/** Enough replicates for a stable mean; fewer when there are many categories (the sum averages them). */
function replicates(categories) {
    return Math.max(20, Math.min(200, Math.ceil(10_000 / Math.max(1, categories))));
}
/** x log2(2x / (x + y)) / 2 summed for both sides: one category's share of the JS divergence. */
function term(a, b) {
    const m = (a + b) / 2;
    let t = 0;
    if (a > 0)
        t += a * js_null_log(a / m);
    if (b > 0)
        t += b * js_null_log(b / m);
    return t / 2 / LN2;
}
/**
 * E[JS divergence (base 2)] between samples of sizes n1 and n2 drawn from `proportions`, by a
 * seeded Monte Carlo over each category's binomial counts (the expectation of a sum is the sum of
 * the per-category expectations, so the margins suffice). Deterministic for given inputs.
 */
function jensenShannonNullDivergence(proportions, n1, n2, seed = 1) {
    if (!(n1 > 0) || !(n2 > 0))
        return 0;
    const uniform = seededUniform(seed);
    const reps = replicates(proportions.length);
    let sum = 0;
    for (let r = 0; r < reps; r++) {
        for (let j = 0; j < proportions.length; j++) {
            const p = proportions[j];
            if (!(p > 0))
                continue;
            sum += term(binomialDraw(n1, p, uniform) / n1, binomialDraw(n2, p, uniform) / n2);
        }
    }
    return sum / reps;
}
/**
 * Jensen-Shannon distance corrected for sample size: sqrt(max(0, observed divergence - its null
 * expectation at these sample sizes)), with the pooled shares of both samples as the null.
 */
function biasCorrectedJensenShannon(p, q, observedDistance) {
    let n1 = 0;
    let n2 = 0;
    for (let j = 0; j < p.length; j++) {
        n1 += p[j];
        n2 += q[j];
    }
    const pooled = Array.from({ length: p.length }, (_, j) => (p[j] + q[j]) / (n1 + n2));
    const nullDivergence = jensenShannonNullDivergence(pooled, Math.round(n1), Math.round(n2));
    return { distance: Math.sqrt(Math.max(0, observedDistance ** 2 - nullDivergence)), nullDistance: Math.sqrt(nullDivergence) };
}

;// CONCATENATED MODULE: ./packages/core/src/stats/sparse-categories.ts
function poolSparseCategories(ref, cur, minExpected = 5) {
    if (ref.length !== cur.length)
        throw new Error(`poolSparseCategories: ${ref.length} reference and ${cur.length} current counts; they must match.`);
    let refTotal = 0;
    let curTotal = 0;
    for (let j = 0; j < ref.length; j++) {
        refTotal += ref[j];
        curTotal += cur[j];
    }
    const total = refTotal + curTotal;
    const smaller = Math.min(refTotal, curTotal);
    // Expected count of the sparser side in column j: column total * smaller row total / total.
    const sparse = (j) => (ref[j] + cur[j]) * smaller / total < minExpected;
    const kept = [];
    const pooledIdx = [];
    for (let j = 0; j < ref.length; j++)
        (sparse(j) ? pooledIdx : kept).push(j);
    if (pooledIdx.length === 0)
        return { rows: [kept.map((j) => ref[j]), kept.map((j) => cur[j])], kept, pooled: 0 };
    // "other" itself may still be sparse: then fold the smallest kept categories into it too.
    kept.sort((a, b) => (ref[a] + cur[a]) - (ref[b] + cur[b]) || a - b);
    let otherTotal = pooledIdx.reduce((s, j) => s + ref[j] + cur[j], 0);
    while (kept.length > 0 && otherTotal * smaller / total < minExpected) {
        const j = kept.shift();
        pooledIdx.push(j);
        otherTotal += ref[j] + cur[j];
    }
    kept.sort((a, b) => a - b);
    const rows = [kept.map((j) => ref[j]), kept.map((j) => cur[j])];
    rows[0].push(pooledIdx.reduce((s, j) => s + ref[j], 0));
    rows[1].push(pooledIdx.reduce((s, j) => s + cur[j], 0));
    return { rows, kept, pooled: pooledIdx.length };
}

;// CONCATENATED MODULE: ./packages/core/src/drift/missing-rate.ts

/**
 * Compare the share of missing cells: a chi-square test of homogeneity on the 2x2 table
 * (missing, present) x (reference, current), as scipy.stats.chi2_contingency does it (Yates).
 */
function testMissingRate(refMissing, refRows, curMissing, curRows) {
    const current = curRows > 0 ? curMissing / curRows : 0;
    if (refMissing === null || refRows === 0)
        return { reference: null, current, change: null };
    const reference = refMissing / refRows;
    const change = current - reference;
    const anyMissing = refMissing + curMissing > 0;
    const anyPresent = refRows - refMissing + (curRows - curMissing) > 0;
    if (!anyMissing || !anyPresent || curRows === 0)
        return { reference, current, change };
    const { pValue } = chi2Contingency([
        [refMissing, refRows - refMissing],
        [curMissing, curRows - curMissing],
    ]);
    return { reference, current, change, pValue };
}

;// CONCATENATED MODULE: ./packages/core/src/drift/reference-from-table.ts


/** PSI uses ten reference-quantile bins (deciles), the usual choice in model monitoring. */
const PSI_BINS = 10;
/** The exact reference of raw data: full ECDFs and category counts. */
function referenceFromTable(table) {
    return {
        origin: 'data',
        files: table.files,
        rows: table.rowCount,
        features: table.columns.map((c) => featureReference(c, table.rowCount)),
    };
}
function featureReference(column, rows) {
    if (column.kind === 'categorical') {
        return { kind: 'categorical', name: column.name, rows, missing: column.missing, counts: categoryCounts(column.codes, column.categories), otherCount: 0 };
    }
    // Text cells in a reference column are not values: they leave the distribution, like missing cells.
    if (column.unit === 'epoch-ms')
        return timeReference(column.name, rows, column.missing, column.values);
    return numericReference(column.name, rows, column.missing, ecdf_ecdfFromSample(column.values));
}
/**
 * A date/time column is reported by its range, never tested: keep its count, first and last
 * instant only (a two-point distribution), without sorting a million timestamps.
 */
function timeReference(name, rows, missing, values) {
    let min = Infinity, max = -Infinity, n = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v)
            continue;
        n++;
        if (v < min)
            min = v;
        if (v > max)
            max = v;
    }
    const ecdf = n === 0 ? ecdfFromCounts([], []) : min === max ? ecdfFromCounts([min], [n]) : ecdfFromCounts([min, max], [1, n - 1]);
    return { ...numericReference(name, rows, missing, ecdf), mean: NaN, std: NaN, unit: 'epoch-ms' };
}
/** `psi` given: bins and counts a profile stored from the exact reference; else computed here. */
function numericReference(name, rows, missing, ecdf, sketchSize, psi) {
    const psiEdges = psi?.edges ?? quantileBinEdges(ecdf, PSI_BINS);
    return {
        kind: 'numeric', name, rows, missing, ecdf, sketchSize,
        mean: ecdf.n > 0 ? ecdfMean(ecdf) : NaN,
        std: ecdf.n > 0 ? ecdfStd(ecdf) : NaN,
        min: ecdf.n > 0 ? ecdf.values[0] : NaN,
        max: ecdf.n > 0 ? ecdf.values[ecdf.values.length - 1] : NaN,
        psiEdges,
        psiCounts: psi?.counts ?? binCounts(ecdf, psiEdges),
    };
}
function sumCounts(m) {
    let s = 0;
    for (const v of m.values())
        s += v;
    return s;
}
function categoryCounts(codes, categories) {
    const tally = new Float64Array(categories.length);
    for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (c >= 0)
            tally[c]++;
    }
    const counts = new Map();
    categories.forEach((name, i) => { if (tally[i] > 0)
        counts.set(name, tally[i]); });
    return counts;
}

;// CONCATENATED MODULE: ./packages/core/src/drift/compare-categorical.ts







/** How many unseen categories the report names; the rest are counted. */
const NEW_CATEGORIES_SHOWN = 20;
const OTHER = '(other)';
/**
 * Categorical feature: chi-square test of homogeneity on the 2xK table of reference and current
 * counts (not goodness of fit against the reference, which ignores the reference's own noise);
 * Jensen-Shannon distance and Cramer's V as effect sizes; unseen categories named.
 */
function compareCategorical(ref, column, rows, options) {
    const curCounts = categoryCounts(column.codes, column.categories);
    const missing = testMissingRate(ref.missing, ref.rows, column.missing, rows);
    const refTotal = sumCounts(ref.counts) + ref.otherCount;
    const curTotal = sumCounts(curCounts);
    // Align categories. When the profile folded rare categories into "other", an unseen current
    // category may be one of them: it is counted there instead of being called new.
    const names = [...ref.counts.keys()].sort();
    const refRow = names.map((n) => ref.counts.get(n) ?? 0);
    const curRow = names.map((n) => curCounts.get(n) ?? 0);
    const unseen = [...curCounts].filter(([n]) => !ref.counts.has(n)).sort((a, b) => b[1] - a[1]);
    let otherCur = 0;
    if (ref.otherCount > 0) {
        otherCur = unseen.reduce((s, [, c]) => s + c, 0);
    }
    else {
        for (const [n, c] of unseen) {
            names.push(n);
            refRow.push(0);
            curRow.push(c);
        }
    }
    if (ref.otherCount > 0 || otherCur > 0) {
        names.push(OTHER);
        refRow.push(ref.otherCount);
        curRow.push(otherCur);
    }
    const reference = { rows: ref.rows, count: refTotal, categories: ref.counts.size };
    const current = { rows, count: curTotal, categories: curCounts.size };
    const newCategories = ref.otherCount > 0 ? [] : unseen.slice(0, NEW_CATEGORIES_SHOWN).map(([name, count]) => ({ name, count }));
    const base = { name: ref.name, kind: 'categorical', missing, reference, current, newCategories, effects: {} };
    if (looksLikeIdentifier(ref.counts.size, refTotal)) {
        return { ...base, newCategories: [], untested: `it looks like an identifier or timestamp (${ref.counts.size} distinct values in ${refTotal} reference rows), so category frequencies say nothing; list it in ignore-columns` };
    }
    if (refTotal === 0)
        return { ...base, untested: 'every reference cell is missing, so there are no categories to compare with' };
    if (curTotal === 0)
        return { ...base, untested: 'every current cell is missing, so there are no categories to compare' };
    const rawJs = jensenShannonDistance(refRow, curRow);
    // Small batches inflate the raw distance (many categories, few rows each): correct it.
    const js = biasCorrectedJensenShannon(refRow, curRow, rawJs);
    // Pearson's chi-square needs expected counts of about 5: pool the sparse categories first.
    const pooledTable = poolSparseCategories(refRow, curRow);
    const observed = pooledTable.rows;
    const cells = observed[0].length;
    const v = cells > 1 ? cramersV(observed) : 0;
    // One category on both sides: the two distributions are identical, nothing to test.
    const chi2 = cells > 1 ? chi2Contingency(observed) : { statistic: 0, pValue: 1, dof: 0 };
    const effectName = options.categoricalEffect;
    const notes = [];
    if (pooledTable.pooled > 0)
        notes.push(`χ² pooled ${pooledTable.pooled} of ${names.length} categories with an expected count below 5 into one 'other'`);
    if (effectName === 'jensen-shannon' && js.nullDistance >= 0.02) {
        notes.push(`Jensen-Shannon is corrected for sample size: raw ${formatNumber(rawJs)}, ${formatNumber(js.nullDistance)} expected with no change`);
    }
    return {
        ...base, notes, movement: { shares: largestShareChanges(names, refRow, curRow) },
        effects: { 'jensen-shannon': js.distance, 'jensen-shannon-raw': rawJs, 'cramers-v': v },
        effect: { name: effectName, value: effectName === 'jensen-shannon' ? js.distance : v, threshold: options.minCategoricalEffect },
        test: { name: 'chi2', statistic: chi2.statistic, pValue: chi2.pValue, dof: chi2.dof, exact: true },
    };
}
/**
 * A column where most rows have their own value (ids, timestamps, free text) has no category
 * distribution to compare: a chi-square test on it is meaningless, so it is skipped, saying why.
 */
function looksLikeIdentifier(distinct, rows) {
    return distinct >= 20 && distinct >= 0.5 * rows;
}
/** The categories whose share moved most (at most five), largest change first. */
function largestShareChanges(names, ref, cur) {
    const sr = ref.reduce((s, x) => s + x, 0) || 1;
    const sc = cur.reduce((s, x) => s + x, 0) || 1;
    return names.map((category, j) => ({ category, reference: ref[j] / sr, current: cur[j] / sc }))
        .sort((a, b) => Math.abs(b.current - b.reference) - Math.abs(a.current - a.reference) || a.category.localeCompare(b.category))
        .slice(0, 5);
}

;// CONCATENATED MODULE: ./packages/core/src/stats/double-double.ts
const DD_ZERO = { hi: 0, lo: 0 };
const DD_ONE = { hi: 1, lo: 0 };
function dd(hi, lo = 0) {
    return { hi, lo };
}
// ---- error-free transformations on doubles ----
/** s + err == a + b exactly, assuming |a| >= |b|. */
function quickTwoSum(a, b) {
    const s = a + b;
    return { hi: s, lo: b - (s - a) };
}
/** s + err == a + b exactly (Knuth). */
function twoSum(a, b) {
    const s = a + b;
    const c = s - a;
    return { hi: s, lo: (a - (s - c)) + (b - c) };
}
const SPLITTER = 134217729.0; // 2^27 + 1
const SPLIT_THRESHOLD = 6.69692879491417e299; // 2^996: above it the splitter would overflow
/** Split a into hi + lo, each with at most 26 significant bits (Dekker). */
function split(a) {
    if (a > SPLIT_THRESHOLD || a < -SPLIT_THRESHOLD) {
        const s = a * 3.7252902984619140625e-9; // 2^-28
        const t = SPLITTER * s;
        const hi = t - (t - s);
        const lo = s - hi;
        return [hi * 268435456.0, lo * 268435456.0];
    }
    const t = SPLITTER * a;
    const hi = t - (t - a);
    return [hi, a - hi];
}
/** p + err == a * b exactly (Dekker). */
function twoProd(a, b) {
    const p = a * b;
    const [ah, al] = split(a);
    const [bh, bl] = split(b);
    const err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    return { hi: p, lo: err };
}
// ---- double-double operations (names: D = double-double operand, d = double operand) ----
/** double + double, exact. */
function addDd(a, b) {
    return twoSum(a, b);
}
/** double * double, exact. */
function mulDd(a, b) {
    return twoProd(a, b);
}
/** double-double + double. */
function addDDd(a, b) {
    const s = twoSum(a.hi, b);
    return quickTwoSum(s.hi, s.lo + a.lo);
}
/** double-double - double. */
function subDDd(a, b) {
    const s = twoSum(a.hi, -b);
    return quickTwoSum(s.hi, s.lo + a.lo);
}
/** double-double + double-double with IEEE-style error bound (Briggs and Kahan). */
function addDD(a, b) {
    const s = twoSum(a.hi, b.hi);
    const t = twoSum(a.lo, b.lo);
    const u = quickTwoSum(s.hi, s.lo + t.hi);
    return quickTwoSum(u.hi, u.lo + t.lo);
}
function negDD(a) {
    return { hi: -a.hi, lo: -a.lo };
}
function subDD(a, b) {
    return addDD(a, negDD(b));
}
function mulDD(a, b) {
    const p = twoProd(a.hi, b.hi);
    return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}
/** double-double * double. */
function mulDDd(a, b) {
    const p1 = twoProd(a.hi, b);
    const p2 = twoProd(a.lo, b);
    return quickTwoSum(p1.hi, p2.lo + p2.hi + p1.lo);
}
/** double * double-double. */
function muldDD(a, b) {
    return mulDDd(b, a);
}
/** Division with three quotient digits (QD's "accurate" division). */
function divDD(a, b) {
    const q1 = a.hi / b.hi;
    let r = subDD(a, mulDDd(b, q1));
    const q2 = r.hi / b.hi;
    r = subDD(r, mulDDd(b, q2));
    const q3 = r.hi / b.hi;
    return addDDd(quickTwoSum(q1, q2), q3);
}
function divDd(a, b) {
    return divDD(dd(a), dd(b));
}
function invDD(a) {
    return divDD(DD_ONE, a);
}
function floorDD(a) {
    const hi = Math.floor(a.hi);
    if (hi !== a.hi)
        return { hi, lo: 0 };
    // The high word is already an integer: the fraction lives in the low word.
    return quickTwoSum(hi, Math.floor(a.lo));
}
function isZeroDD(a) {
    return a.hi === 0;
}
// ---- binary exponent helpers (C's frexp/ldexp, which JavaScript lacks) ----
/**
 * x * 2^e for any integer e, rounding once (as C's ldexp): large |e| is applied in two steps whose
 * intermediate results stay normal (the approach of musl's scalbn).
 */
function ldexp(x, e) {
    let y = x;
    let n = e;
    if (n > 1023) {
        y *= 2 ** 1023;
        n -= 1023;
        if (n > 1023) {
            y *= 2 ** 1023;
            n -= 1023;
            if (n > 1023)
                n = 1023;
        }
    }
    else if (n < -1022) {
        // 2^-969 = 2^-1022 * 2^53 keeps a normal y normal, so only the last multiplication rounds.
        y *= 2 ** -969;
        n += 969;
        if (n < -1022) {
            y *= 2 ** -969;
            n += 969;
            if (n < -1022)
                n = -1022;
        }
    }
    return y * 2 ** n;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/smirnov.ts
/**
 * One-sided Kolmogorov-Smirnov (Smirnov) distribution: smirnovSf(n, d) = P(D+_n >= d), the same
 * function as scipy.special.smirnov, with SciPy's case analysis and cut-offs (cephes kolmogorov.c,
 * van Mulbregt, arXiv:1802.06966). The workhorse is the Birnbaum-Tingey / Smirnov finite sum
 *
 *   P(D+_n >= d) = sum_{v=0}^{floor(n(1-d))} d C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v).
 *
 * Its terms do not decay (near v = n/2 they are as large as anywhere), so it costs O(n) terms and
 * each must be accurate although it is a product of numbers like 10^(+-100000). SciPy evaluates
 * them in double-double arithmetic with explicit exponents; that costs microseconds a term, too
 * slow for n = 375 000 (a 1.5M vs 500k KS test). We instead write each term, exactly, as
 *
 *   d/(d + v/n) * b(v; n, v/n) * exp(-v h(nd/v) - (n-v) h(-nd/(n-v))),   h(t) = t - log(1 + t),
 *
 * where b(v; n, v/n) = sqrt(n / (2 pi v (n-v))) exp(s(n) - s(v) - s(n-v)) is the binomial
 * probability at its own mean (s = Stirling's error; Loader 2000, "Fast and accurate computation
 * of binomial probabilities"). Every piece is O(1) or a sum of same-signed O(n d^2) parts, so a
 * term costs a few logarithms and keeps ~13 significant digits. The few-term closed forms and the
 * alternating upper sum keep SciPy's double-double evaluation.
 */


// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const smirnov_Math = globalThis.Math;
const smirnov_Number = globalThis.Number;
/** log(2^-1075): below this exp() is 0 (cephes MINLOG with denormals). */
const MIN_LOG = -745.1332191019412;
/** Above this n, SciPy switches to an asymptotic formula instead of the O(n) sum. */
const SMIRNOV_MAX_COMPUTE_N = 1000000;
/** Use the alternating upper sum only when it has at most this many terms (it loses ~1.6 bits a term). */
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
const DBL_EPSILON = 2 ** -52;
/** P(D+_n >= d) for a sample of size n: scipy.special.smirnov(n, d). */
function smirnovSf(n, d) {
    if (smirnov_Number.isNaN(d))
        return NaN;
    return smirnov(n, d).sf;
}
/** floor(n x) and the fractional part n x - floor(n x), computed exactly in double-double. */
function splitNX(n, x) {
    const nxD = mulDd(n, x);
    const floorD = floorDD(nxD);
    let alpha = subDD(nxD, floorD).hi;
    let nxFloor = smirnov_Math.trunc(floorD.hi);
    // A fraction that rounds to 1 means n x is (within rounding) the next integer.
    if (alpha === 1) {
        nxFloor += 1;
        alpha = 0;
    }
    return { nxFloor, alpha };
}
/** a^m for double-double a and integer m, using pow() on the high word and a first-order fix for the low word. */
function powDD(a, m) {
    if (m <= 0) {
        if (m === 0)
            return DD_ONE;
        return invDD(powDD(a, -m));
    }
    if (isZeroDD(a))
        return DD_ZERO;
    const ans = smirnov_Math.pow(a.hi, m);
    const r = a.lo / a.hi;
    let adj = m * r;
    if (smirnov_Math.abs(adj) > 1e-8) {
        // (1 + r)^m - 1: two Taylor terms when small, otherwise through logs.
        if (smirnov_Math.abs(adj) < 1e-4)
            adj += (m * r) * ((m - 1) / 2.0 * r);
        else
            adj = smirnov_Math.expm1(m * smirnov_Math.log1p(r));
    }
    return addDd(ans, ans * adj);
}
/** (a + b)^m rounded to a double. */
function powSum(a, b, m) {
    return powDD(addDd(a, b), m).hi;
}
/** ((a + b) / (c + d))^m in double-double. */
function powRatio(a, b, c, d, m) {
    if (m <= 0) {
        if (m === 0)
            return DD_ONE;
        return powRatio(c, d, a, b, -m);
    }
    const num = addDd(a, b);
    const den = addDd(c, d);
    if (isZeroDD(num))
        return isZeroDD(den) ? dd(NaN, NaN) : DD_ZERO;
    if (isZeroDD(den))
        return num.hi < 0 ? dd(-Infinity, -Infinity) : dd(Infinity, Infinity);
    return powDD(divDD(num, den), m);
}
const smirnov_HALF_LOG_2PI = 0.5 * smirnov_Math.log(2 * smirnov_Math.PI);
/**
 * Term v >= 1 of the lower sum, d C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v), for 1 <= v < n(1-d),
 * in the binomial-at-the-mean form described at the top (`sn` = s(n), `nd` = n d).
 */
function lowerSumTerm(n, nd, v, sn) {
    const w = n - v;
    const logBinomialAtMean = sn - stirlingError(v) - stirlingError(w) - smirnov_HALF_LOG_2PI + 0.5 * smirnov_Math.log(n / (v * w));
    // v log(1 + nd/v) + w log(1 - nd/w): the linear parts +nd and -nd cancel exactly on paper, which
    // leaves two negative parts and nothing to cancel numerically.
    const logShift = v * log1pMinusX(nd / v) + w * log1pMinusX(-nd / w);
    return smirnov_Math.exp(-smirnov_Math.log1p(v / nd) + logBinomialAtMean + logShift);
}
/**
 * Term v = n - j (j = 1, 2) of the upper sum, C(n, j) (j/n - d)^j (d + v/n)^(v-1): the base
 * j/n - d may be negative (the sum alternates), so it is evaluated in double-double like SciPy.
 */
function upperSumTerm(n, x, j) {
    const v = n - j;
    const binomial = j === 1 ? n : n * (n - 1) / 2;
    const t2 = powDD(subDDd(divDd(j, n), x), j);
    const t1 = powDD(addDDd(divDd(v, n), x), v - 1);
    return mulDDd(mulDD(t1, t2), binomial);
}
function clip01(p) {
    return p < 0 ? 0 : smirnov_Math.min(p, 1);
}
/** Both tails of the one-sided KS distribution, following SciPy's case analysis. */
function smirnov(n, x) {
    if (!(n > 0 && x >= 0.0 && x <= 1.0))
        return { sf: NaN, cdf: NaN };
    if (n === 1)
        return { sf: 1 - x, cdf: x };
    if (x === 0.0)
        return { sf: 1.0, cdf: 0.0 };
    if (x === 1.0)
        return { sf: 0.0, cdf: 1.0 };
    const { nxFloor, alpha } = splitNX(n, x);
    let n1mxFloor = n - nxFloor - (alpha === 0 ? 0 : 1);
    let n1mxCeil = n - nxFloor;
    // When n x is an integer the boundary term belongs to neither sum.
    if (alpha === 0) {
        n1mxFloor -= 1;
        n1mxCeil += 1;
    }
    // x <= 1/n: closed form x (1 + x)^(n-1).
    if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
        const cdf = x * powSum(1, x, n - 1);
        return { sf: 1 - cdf, cdf };
    }
    // The sf underflows (it is below exp(-2 n x^2)).
    if (-2 * n * x * x < MIN_LOG)
        return { sf: 0, cdf: 1 };
    // x >= 1 - 1/n: closed form (1 - x)^n.
    if (nxFloor >= n - 1) {
        const sf = powSum(1, -x, n);
        return { sf, cdf: 1 - sf };
    }
    // Very large n: the O(n) sum is too slow; SciPy uses p ~ exp(-(6nx+1)^2 / (18n)).
    if (n > SMIRNOV_MAX_COMPUTE_N) {
        const logp = -smirnov_Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
        if (logp < -smirnov_Math.LN2) {
            const sf = smirnov_Math.exp(logp);
            return { sf, cdf: 1 - sf };
        }
        const cdf = -smirnov_Math.expm1(logp);
        return { sf: 1 - cdf, cdf };
    }
    // The upper sum alternates in sign; use it only when it has very few terms.
    const nUpperTerms = n - n1mxCeil + 1;
    const useUpperSum = (nUpperTerms <= 1 && x < 0.5)
        || (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / smirnov_Math.sqrt(n));
    if (useUpperSum) {
        // Few terms (v = n, n-1, n-2) that alternate in sign: the cdf directly.
        const nTerms = n - n1mxCeil + 1;
        let sum = powRatio(1, x, 1, 0, n - 1);
        for (let j = 1; j < nTerms; j++)
            sum = addDD(sum, upperSumTerm(n, x, j));
        const cdf = muldDD(x, sum).hi;
        return { sf: clip01(1 - cdf), cdf: clip01(cdf) };
    }
    // Lower sum, v = 0 .. floor(n(1-d)), all terms positive; term 0 is (1 - d)^n.
    const nTerms = n1mxFloor + 1;
    const nd = n * x;
    const sn = stirlingError(n);
    const vmid = smirnov_Math.trunc(n / 2);
    let sum = powRatio(1, -x, 1, 0, n);
    for (let v = 1; v < nTerms; v++) {
        const term = lowerSumTerm(n, nd, v, sn);
        if (smirnov_Number.isFinite(term) && term !== 0)
            sum = addDDd(sum, term);
        if (term !== 0) {
            // SciPy's stopping rule: the remaining terms cannot change the sum.
            if (4 * (nTerms - v) * smirnov_Math.abs(term) < DBL_EPSILON * sum.hi && v !== nTerms - 1)
                break;
        }
        else if (v > vmid) {
            break;
        }
    }
    const sf = sum.hi;
    return { sf: clip01(sf), cdf: clip01(1 - sf) };
}

;// CONCATENATED MODULE: ./packages/core/src/stats/kolmogorov.ts
/**
 * Two-sided one-sample Kolmogorov-Smirnov distribution: kstwoSf(d, n) = P(D_n >= d), the same
 * function as scipy.stats.kstwo.sf(d, n). ks_2samp's asymptotic p-value is kstwo.sf(d, round(n1 n2 / (n1 + n2))).
 *
 * Ported from SciPy's _ksstats.py, which follows Simard and L'Ecuyer (2011), "Computing the
 * Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Software 39(11): each region of (n, d) gets
 * the method that is accurate there:
 *   - Ruben-Gambino closed forms for n d <= 1 and n d >= n - 1;
 *   - 2 * smirnov(n, d) for d >= 0.5 (exact: the two one-sided events cannot both happen);
 *   - n <= 140: Durbin's matrix (Marsaglia-Tsang-Wang) for n d^2 <= 0.754693, Pomeranz's recursion
 *     for n d^2 <= 4, else 2 * smirnov;
 *   - n > 140: the sf is 0 for n d^2 >= 370, 2 * smirnov for n d^2 >= 2.2, and otherwise 1 - cdf
 *     with the cdf from Durbin's matrix (n <= 100000 and n d^1.5 <= 1.4) or the Pelz-Good series.
 * Keeping the same branches and cut-offs is what makes our p-values agree with SciPy's to ~1e-12.
 */


// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const kolmogorov_Math = globalThis.Math;
const kolmogorov_Number = globalThis.Number;
const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const SQRT_2PI = kolmogorov_Math.sqrt(2 * kolmogorov_Math.PI);
const LOG_2PI = kolmogorov_Math.log(2 * kolmogorov_Math.PI);
const kolmogorov_MIN_LOG = -708;
const SQRT3 = kolmogorov_Math.sqrt(3);
const PI_SQUARED = kolmogorov_Math.PI ** 2;
const PI_FOUR = kolmogorov_Math.PI ** 4;
const PI_SIX = kolmogorov_Math.PI ** 6;
/** Stirling-series coefficients B_2j / (2j (2j-1)), j = 8..1 (highest power first). */
const STIRLING_COEFFS = [-3617 / 122400, 1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12];
/** P(D_n >= d): scipy.stats.kstwo.sf(d, n). n must be a positive integer. */
function kstwoSf(d, n) {
    return kolmogn(n, d, false);
}
function kolmogorov_clip01(p) {
    return p < 0 ? 0 : p > 1 ? 1 : p;
}
function pick(cdfProb, sfProb, cdf) {
    return kolmogorov_clip01(cdf ? cdfProb : sfProb);
}
/** log(n! / n^n) by Stirling's series with n log n removed up front (no cancellation). */
function logFactorialOverPower(n) {
    const rn = 1.0 / n;
    const z = rn / n;
    let poly = 0;
    for (const c of STIRLING_COEFFS)
        poly = poly * z + c;
    return kolmogorov_Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
/** Square matrix product c = a b (row-major, size m). */
function matMul(a, b, m) {
    const c = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let k = 0; k < m; k++) {
            const aik = a[i * m + k];
            if (aik === 0)
                continue;
            const bRow = k * m;
            const cRow = i * m;
            for (let j = 0; j < m; j++)
                c[cRow + j] += aik * b[bRow + j];
        }
    }
    return c;
}
/**
 * P(D_n <= d) by Durbin's matrix method as organised by Marsaglia, Tsang and Wang (2003):
 * write d = (k - h)/n, build an m x m matrix H (m = 2k - 1) and take (n!/n^n) (H^n)[k,k],
 * rescaling by 2^128 as needed. Cost O(m^3 log n); used where k is small.
 */
function durbinMatrixCdf(n, d) {
    if (d >= 1.0)
        return 1.0;
    const nd = n * d;
    if (nd <= 0.5)
        return 0.0;
    const k = kolmogorov_Math.ceil(nd);
    const h = k - nd;
    const m = 2 * k - 1;
    // v[j] = (1 - h^(j+1)) / (j+1)!  (first column), w[j] = 1/j!  (the Toeplitz band).
    const v = new Float64Array(m);
    const w = new Float64Array(m);
    let fac = 1.0;
    for (let j = 1; j <= m; j++) {
        w[j - 1] = fac;
        fac /= j; // may underflow harmlessly
        v[j - 1] = (1.0 - h ** j) * fac;
    }
    const tt = kolmogorov_Math.max(2 * h - 1.0, 0) ** m - 2 * h ** m;
    v[m - 1] = (1.0 + tt) * fac;
    let H = new Float64Array(m * m);
    for (let col = 1; col < m; col++) {
        for (let row = col - 1; row < m; row++)
            H[row * m + col] = w[row - col + 1];
    }
    for (let row = 0; row < m; row++)
        H[row * m] = v[row];
    for (let col = 0; col < m; col++)
        H[(m - 1) * m + col] = v[m - 1 - col];
    // Binary powering with separate binary exponents for H and the accumulated power.
    let power = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
        power[i * m + i] = 1;
    let nn = n;
    let expnt = 0;
    let hExpnt = 0;
    while (nn > 0) {
        if (nn % 2) {
            power = matMul(power, H, m);
            expnt += hExpnt;
        }
        nn = kolmogorov_Math.floor(nn / 2);
        if (nn === 0)
            break; // the last squaring would not be used
        H = matMul(H, H, m);
        hExpnt *= 2;
        if (kolmogorov_Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
            for (let i = 0; i < H.length; i++)
                H[i] /= EP128;
            hExpnt += E128;
        }
    }
    let p = power[(k - 1) * m + (k - 1)];
    // Multiply by n!/n^n one factor at a time, rescaling to stay above underflow.
    for (let i = 1; i <= n; i++) {
        p = i * p / n;
        if (kolmogorov_Math.abs(p) < EM128) {
            p *= EP128;
            expnt -= E128;
        }
    }
    if (expnt !== 0)
        p = ldexp(p, expnt);
    return p;
}
/** Window [j1, j2] of nonzero entries in row i of Pomeranz's recursion. */
function pomeranzWindow(i, n, ll, ceilf, roundf) {
    let j1;
    let j2;
    if (i === 0) {
        j1 = -ll - ceilf - 1;
        j2 = ll + ceilf - 1;
    }
    else {
        const half = kolmogorov_Math.floor((i + 1) / 2);
        if ((i + 1) % 2 === 0) {
            // i is odd
            if (half === n + 1) {
                j1 = n - ll - ceilf - 1;
                j2 = n + ll + ceilf - 1;
            }
            else {
                j1 = half - 1 - ll - roundf - 1;
                j2 = half + ll - 1 + ceilf - 1;
            }
        }
        else {
            j1 = half - 1 - ll - 1;
            j2 = half + ll + roundf - 1;
        }
    }
    return [kolmogorov_Math.max(j1 + 2, 0), kolmogorov_Math.min(j2, n)];
}
/**
 * P(D_n <= d) by Pomeranz's (1974) recursion: each row is the previous one convolved with
 * (almost-)Poisson weights; only two rows and their nonzero window are kept. O(n^2 d).
 */
function pomeranzCdf(n, x) {
    const t = n * x;
    const ll = kolmogorov_Math.floor(t);
    const f = 1.0 * (t - ll);
    const g = kolmogorov_Math.min(f, 1.0 - f);
    const ceilf = f > 0 ? 1 : 0;
    const roundf = f > 0.5 ? 1 : 0;
    const npwrs = 2 * (ll + 1);
    // (g/n)^m/m!, (2g/n)^m/m!, ((1-2g)/n)^m/m!: Poisson probabilities without their normalising factor.
    const gPower = new Float64Array(npwrs);
    const twoGPower = new Float64Array(npwrs);
    const oneMinus2GPower = new Float64Array(npwrs);
    gPower[0] = 1.0;
    twoGPower[0] = 1.0;
    oneMinus2GPower[0] = 1.0;
    const gOverN = g / n;
    const twoGOverN = 2 * g / n;
    const oneMinus2GOverN = (1 - 2 * g) / n;
    for (let m = 1; m < npwrs; m++) {
        gPower[m] = gPower[m - 1] * gOverN / m;
        twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
        oneMinus2GPower[m] = oneMinus2GPower[m - 1] * oneMinus2GOverN / m;
    }
    let v0 = new Float64Array(npwrs);
    let v1 = new Float64Array(npwrs);
    v1[0] = 1;
    let v0s = 0;
    let v1s = 0; // column index of each row's first stored entry
    let expnt = 0;
    let [j1, j2] = pomeranzWindow(0, n, ll, ceilf, roundf);
    for (let i = 1; i < 2 * n + 2; i++) {
        const k1 = j1;
        [v0, v1] = [v1, v0];
        [v0s, v1s] = [v1s, v0s];
        v1.fill(0.0);
        [j1, j2] = pomeranzWindow(i, n, ll, ceilf, roundf);
        const pwrs = i === 1 || i === 2 * n + 1 ? gPower : i % 2 ? twoGPower : oneMinus2GPower;
        const ln2 = j2 - k1 + 1;
        if (ln2 > 0) {
            // Entries conv_start .. conv_start+conv_len-1 of the full convolution of
            // a = v0[k1-v0s .. k1-v0s+ln2) with b = pwrs[0 .. ln2).
            const aStart = k1 - v0s;
            const aLen = kolmogorov_Math.min(ln2, npwrs - aStart);
            const bLen = kolmogorov_Math.min(ln2, npwrs);
            const convStart = j1 - k1;
            const convLen = j2 - j1 + 1;
            let maxV = -Infinity;
            for (let c = 0; c < convLen; c++) {
                const kk = convStart + c;
                let s = 0;
                const lo = kolmogorov_Math.max(0, kk - bLen + 1);
                const hi = kolmogorov_Math.min(kk, aLen - 1);
                for (let a = lo; a <= hi; a++)
                    s += v0[aStart + a] * pwrs[kk - a];
                v1[c] = s;
            }
            for (let c = 0; c < npwrs; c++)
                if (v1[c] > maxV)
                    maxV = v1[c];
            if (maxV > 0 && maxV < EM128) {
                for (let c = 0; c < npwrs; c++)
                    v1[c] *= EP128;
                expnt -= E128;
            }
            v1s = v0s + j1 - k1;
        }
    }
    // Multiply by n!.
    let ans = v1[n - v1s];
    for (let m = 1; m <= n; m++) {
        if (kolmogorov_Math.abs(ans) > EP128) {
            ans *= EM128;
            expnt += E128;
        }
        ans *= m;
    }
    if (expnt !== 0)
        ans = ldexp(ans, expnt);
    return ans;
}
/**
 * Pelz-Good (1976) approximation to P(D_n <= x): the Li-Chien/Korolyuk expansion
 * K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5 with z = x sqrt(n), each K rewritten with Jacobi
 * theta identities into series that converge fast for small z.
 */
function pelzGoodCdf(n, x) {
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const z = kolmogorov_Math.sqrt(n) * x;
    const z2 = z ** 2;
    const z3 = z ** 3;
    const z4 = z ** 4;
    const z6 = z ** 6;
    const qlog = -PI_SQUARED / 8 / z2;
    if (qlog < kolmogorov_MIN_LOG)
        return 0.0; // z ~ 0.0417: the cdf underflows
    let q = kolmogorov_Math.exp(qlog);
    const k1a = -z2;
    const k1b = PI_SQUARED / 4;
    const k2a = 6 * z6 + 2 * z4;
    const k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
    const k2c = PI_FOUR * (1 - 2 * z2) / 16;
    const k3d = PI_SIX * (5 - 30 * z2) / 64;
    const k3c = PI_FOUR * (-60 * z2 + 212 * z4) / 16;
    const k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
    const k3a = -30 * z6 - 90 * z ** 8;
    // Horner scheme in q^8k for sum over odd m = 2k-1 of c_m q^(m^2).
    const K = [0, 0, 0, 0];
    const maxk = kolmogorov_Math.ceil(16 * z / kolmogorov_Math.PI);
    for (let k = maxk; k > 0; k--) {
        const m = 2 * k - 1;
        const m2 = m ** 2;
        const m4 = m ** 4;
        const m6 = m ** 6;
        const qpower = q ** (8 * k);
        K[0] = K[0] * qpower + 1.0;
        K[1] = K[1] * qpower + (k1a + k1b * m2);
        K[2] = K[2] * qpower + (k2a + k2b * m2 + k2c * m4);
        K[3] = K[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
    }
    const denominators = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
    for (let i = 0; i < 4; i++)
        K[i] = K[i] * q * SQRT_2PI / denominators[i];
    // The remaining sums over all integers k (no cancellation expected, so summed directly).
    q = kolmogorov_Math.exp(-PI_SQUARED / 2 / z2);
    const sqrt3z = SQRT3 * z;
    let k2extra = 0;
    let k3extra = 0;
    for (let k = maxk; k > 0; k--) {
        const k2 = k ** 2;
        const qpw = q ** k2;
        const kpi = kolmogorov_Math.PI * k;
        k2extra += k2 * qpw;
        k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qpw;
    }
    K[2] += k2extra * (PI_SQUARED * SQRT_2PI / (-36 * z3));
    K[3] += k3extra * (PI_SQUARED * SQRT_2PI / (216 * z6));
    let sum = 0;
    for (let i = 0; i < 4; i++)
        sum += K[i] / kolmogorov_Math.pow(n * 1.0, i / 2.0);
    return sum;
}
/** CDF (cdf = true) or SF of D_n at x, choosing the method as Simard and L'Ecuyer do. */
function kolmogn(n, x, cdf) {
    if (kolmogorov_Number.isNaN(n) || kolmogorov_Number.isNaN(x))
        return NaN;
    if (!kolmogorov_Number.isInteger(n) || n <= 0)
        return NaN;
    if (x >= 1.0)
        return pick(1.0, 0.0, cdf);
    if (x <= 0.0)
        return pick(0.0, 1.0, cdf);
    const t = n * x;
    if (t <= 1.0) {
        // Ruben-Gambino: 1/(2n) <= x <= 1/n, P(D_n <= x) = n!/n^n (2t - 1)^n
        if (t <= 0.5)
            return pick(0.0, 1.0, cdf);
        let prob;
        if (n <= 140) {
            prob = 1;
            for (let i = 1; i <= n; i++)
                prob *= i * (1.0 / n) * (2 * t - 1);
        }
        else {
            prob = kolmogorov_Math.exp(logFactorialOverPower(n) + n * kolmogorov_Math.log(2 * t - 1));
        }
        return pick(prob, 1.0 - prob, cdf);
    }
    if (t >= n - 1) {
        // Ruben-Gambino: P(D_n >= x) = 2 (1 - x)^n
        const prob = 2 * (1.0 - x) ** n;
        return pick(1 - prob, prob, cdf);
    }
    if (x >= 0.5) {
        const prob = 2 * smirnovSf(n, x);
        return pick(1.0 - prob, prob, cdf);
    }
    const nxSquared = t * x;
    if (n <= 140) {
        if (nxSquared <= 0.754693) {
            const prob = kolmogorov_clip01(durbinMatrixCdf(n, x));
            return pick(prob, 1.0 - prob, cdf);
        }
        if (nxSquared <= 4) {
            const prob = kolmogorov_clip01(pomeranzCdf(n, x));
            return pick(prob, 1.0 - prob, cdf);
        }
        // Miller's approximation: 2 * smirnov.
        const prob = 2 * smirnovSf(n, x);
        return pick(1.0 - prob, prob, cdf);
    }
    // The CDF and SF have different cut-offs on n x^2.
    if (!cdf) {
        if (nxSquared >= 370.0)
            return 0.0;
        if (nxSquared >= 2.2)
            return kolmogorov_clip01(2 * smirnovSf(n, x));
        // else fall through: sf = 1 - cdf
    }
    let cdfProb;
    if (nxSquared >= 18.0)
        cdfProb = 1.0;
    else if (n <= 100000 && n * x ** 1.5 <= 1.4)
        cdfProb = kolmogorov_clip01(durbinMatrixCdf(n, x));
    else
        cdfProb = pelzGoodCdf(n, x);
    return pick(cdfProb, 1.0 - cdfProb, cdf);
}

;// CONCATENATED MODULE: ./packages/core/src/stats/ks.ts
/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, as scipy.stats.ks_2samp (SciPy 1.10).
 *
 * Statistic: D = sup_x |F_a(x) - F_b(x)|, found by walking the two sorted distinct-value lists
 * once (O(n_a + n_b), no allocation), so ties within and across samples are handled exactly.
 * p-value: exact (Hodges 1958; Viehmann 2021 for the numerically stable "1 - p" recursion) when
 * both samples have at most 10 000 observations, otherwise kstwo.sf(D, round(n_a n_b / (n_a + n_b))).
 */


// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const ks_Math = globalThis.Math;
/** ks_2samp's 'auto' uses the exact distribution while max(n1, n2) <= this. */
const KS_MAX_EXACT_N = 10000;
/**
 * sup |F_a - F_b| over the union of both value lists. Each ECDF difference is computed as
 * (count_a / n_a) - (count_b / n_b), exactly as SciPy does, so D is bit-identical to SciPy's.
 */
function ksStatistic(a, b) {
    const na = a.n;
    const nb = b.n;
    const va = a.values;
    const vb = b.values;
    const ca = a.cumulative;
    const cb = b.cumulative;
    let i = 0;
    let j = 0;
    let countA = 0;
    let countB = 0;
    let d = 0;
    while (i < va.length || j < vb.length) {
        // Advance past the next value x in the union, in one or both lists.
        const x = j >= vb.length || (i < va.length && va[i] <= vb[j]) ? va[i] : vb[j];
        if (i < va.length && va[i] === x)
            countA = ca[i++];
        if (j < vb.length && vb[j] === x)
            countB = cb[j++];
        const diff = countA / na - countB / nb;
        const abs = diff < 0 ? -diff : diff;
        if (abs > d)
            d = abs;
    }
    return d;
}
function gcd(a, b) {
    let x = a;
    let y = b;
    while (y !== 0)
        [x, y] = [y, x % y];
    return x;
}
/** numpy.round: half to even. */
function roundHalfEven(x) {
    const r = ks_Math.round(x);
    return ks_Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
/**
 * Pr(D_{n,n} >= h/n) for equal sample sizes, by the reflection formula
 *   2 * sum_{k>=1} (-1)^(k-1) C(2n, n - k h) / C(2n, n),
 * evaluated Horner-style on ratios of binomials to avoid cancellation and overflow.
 */
function probOutsideSquare(n, h) {
    let p = 0.0;
    for (let k = ks_Math.floor(n / h); k >= 0; k--) {
        let ratio = 1.0;
        for (let j = 0; j < h; j++)
            ratio = (n - k * h - j) * ratio / (n + k * h + j + 1);
        p = ratio * (1.0 - p);
    }
    return 2 * p;
}
/**
 * Pr(D_{m,n} >= h / lcm(m, n)) for unequal sizes: the share of monotone lattice paths from (0,0)
 * to (m,n) that leave the band |x/m - y/n| < h/lcm. The column recursion carries the probability
 * of having stayed inside (Viehmann's form), one sliding window of a single column at a time:
 * O(m * window) time, O(n) memory.
 */
function probOutsideBand(m0, n0, g, h) {
    const m = ks_Math.max(m0, n0);
    const n = ks_Math.min(m0, n0);
    const mg = m / g;
    const ng = n / g;
    let minj = 0;
    let maxj = ks_Math.min(ks_Math.ceil(h / mg), n + 1);
    let curlen = maxj - minj;
    const lenA = ks_Math.min(2 * maxj + 2, n + 1);
    const A = new Float64Array(lenA).fill(1);
    A.fill(0, minj, maxj);
    for (let i = 1; i <= m; i++) {
        const lastminj = minj;
        const lastlen = curlen;
        minj = ks_Math.min(ks_Math.max(ks_Math.floor((ng * i - h) / mg) + 1, 0), n);
        maxj = ks_Math.min(ks_Math.ceil((ng * i + h) / mg), n + 1);
        if (maxj <= minj)
            return 1.0;
        let val = minj === 0 ? 0.0 : 1.0;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        // Entries that slid out of the window are outside the band: probability 1 of having left.
        if (lastlen > curlen)
            A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
    }
    return A[maxj - minj - 1];
}
/**
 * p-value for D = d between samples of sizes n1 and n2, two-sided, as ks_2samp.
 * method 'auto' is exact when max(n1, n2) <= 10000; 'exact' falls back to 'asymp' when the exact
 * computation fails numerically (as SciPy, which warns). Sizes are rounded to integers (a profile's
 * weighted ECDF may carry a total like 99999.99999999).
 */
function ksTwoSamplePValue(d, n1, n2, method = 'auto') {
    const m1 = ks_Math.round(n1);
    const m2 = ks_Math.round(n2);
    if (!(m1 >= 1 && m2 >= 1))
        throw new Error(`ksTwoSamplePValue: sample sizes must be at least 1 (got ${n1} and ${n2}).`);
    if (Number.isNaN(d))
        return { statistic: NaN, pValue: NaN, method: 'asymp' };
    let stat = d;
    let mode = method;
    if (mode === 'auto')
        mode = ks_Math.max(m1, m2) <= KS_MAX_EXACT_N ? 'exact' : 'asymp';
    const g = gcd(m1, m2);
    // SciPy gives up on 'exact' when lcm(n1, n2) would overflow an int32.
    if (mode === 'exact' && m1 / g >= 2147483647 / (m2 / g))
        mode = 'asymp';
    if (mode === 'exact') {
        // D is a multiple of 1/lcm: snap it to the lattice to remove floating-point noise.
        const lcm = (m1 / g) * m2;
        const h = roundHalfEven(d * lcm);
        stat = h / lcm;
        if (h === 0)
            return { statistic: stat, pValue: 1.0, method: 'exact' };
        const prob = m1 === m2 ? probOutsideSquare(m1, h) : probOutsideBand(m1, m2, g, h);
        if (prob >= 0 && prob <= 1)
            return { statistic: stat, pValue: prob, method: 'exact' };
        // Rounding pushed the exact value out of [0, 1]: fall back like SciPy.
    }
    const big = ks_Math.max(m1, m2);
    const small = ks_Math.min(m1, m2);
    const en = big * small / (big + small);
    const p = kstwoSf(stat, roundHalfEven(en));
    return { statistic: stat, pValue: p < 0 ? 0 : p > 1 ? 1 : p, method: 'asymp' };
}
/** ks_2samp on two ECDFs (e.g. a stored reference profile and the current sample). */
function ks2sampEcdf(a, b) {
    if (a.n === 0 || b.n === 0)
        throw new Error('ks2samp: both samples must be non-empty.');
    return ksTwoSamplePValue(ksStatistic(a, b), a.n, b.n, 'auto');
}
/** scipy.stats.ks_2samp(a, b) (two-sided, method 'auto'); NaN entries are dropped first. */
function ks2samp(a, b) {
    return ks2sampEcdf(ecdfFromSample(a), ecdfFromSample(b));
}

;// CONCATENATED MODULE: ./packages/core/src/stats/wasserstein.ts
// Module-level bindings of the builtins used in hot loops: under Jest's VM context every global
// lookup costs ~0.2 us, which made the O(n) loops here 20x slower in tests than in production.
const wasserstein_Math = globalThis.Math;
function wassersteinDistance(a, b) {
    if (a.n === 0 || b.n === 0)
        throw new Error('wassersteinDistance: both distributions must be non-empty.');
    const va = a.values;
    const vb = b.values;
    let i = 0;
    let j = 0;
    let fa = 0;
    let fb = 0;
    let prev = NaN;
    // Neumaier-compensated sum: millions of small terms, and numpy sums pairwise.
    let sum = 0;
    let comp = 0;
    while (i < va.length || j < vb.length) {
        const x = j >= vb.length || (i < va.length && va[i] <= vb[j]) ? va[i] : vb[j];
        if (i > 0 || j > 0) {
            // F is constant on [prev, x): it jumps only at union points.
            const term = wasserstein_Math.abs(fa - fb) * (x - prev);
            const t = sum + term;
            comp += sum >= term ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        if (i < va.length && va[i] === x)
            fa = a.cumulative[i++] / a.n;
        if (j < vb.length && vb[j] === x)
            fb = b.cumulative[j++] / b.n;
        prev = x;
    }
    return sum + comp;
}

;// CONCATENATED MODULE: ./packages/core/src/drift/time-range.ts
/** An instant as 2001-04-30 23:59 UTC (seconds only when they are not zero). */
function formatInstant(ms) {
    const iso = new Date(ms).toISOString();
    const seconds = iso.slice(16, 19) === ':00' && iso.endsWith('.000Z') ? '' : iso.slice(16, 19);
    const time = iso.slice(11, 16) === '00:00' && !seconds ? '' : ` ${iso.slice(11, 16)}${seconds}`;
    return `${iso.slice(0, 10)}${time}${time ? ' UTC' : ''}`;
}
/** How long ago, in the largest whole unit that fits (minutes, hours or days). */
function formatAge(ms) {
    const minutes = Math.round(ms / 60_000);
    if (Math.abs(minutes) < 120)
        return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.round(ms / 3_600_000);
    if (Math.abs(hours) < 48)
        return `${hours} hours`;
    return `${Math.round(ms / 86_400_000)} days`;
}
/**
 * The reason of a date/time column, which is not tested: both ranges and a freshness line
 * (how old the newest current row is when the check runs).
 */
function timeRangeText(reference, current, now) {
    const range = (s) => (s.count > 0 && s.min !== undefined && s.max !== undefined && s.min === s.min
        ? `${formatInstant(s.min)} to ${formatInstant(s.max)}` : 'no values');
    let text = `it is a date/time column, whose values move forward with time; reference ${range(reference)}, current ${range(current)}`;
    if (current.count > 0 && current.max !== undefined) {
        const age = now.getTime() - current.max;
        text += age >= 0 ? `; the newest current row is ${formatAge(age)} old` : `; the newest current row is ${formatAge(-age)} in the future`;
    }
    return text;
}

;// CONCATENATED MODULE: ./packages/core/src/drift/compare-numeric.ts







/**
 * Numeric feature: two-sample KS for the p-value; KS D, Wasserstein distance in reference
 * standard deviations and PSI on reference deciles as effect sizes.
 */
function compareNumeric(ref, column, rows, options, now = new Date()) {
    const missing = testMissingRate(ref.missing, ref.rows, column.missing, rows);
    // Dates and times move forward by nature: a later batch always "drifts" on them. Their range
    // and how fresh the newest row is say more (and need no sorted copy of the column).
    if (column.unit === 'epoch-ms' || ref.unit === 'epoch-ms') {
        const reference = { rows: ref.rows, count: ref.ecdf.n, min: ref.min, max: ref.max };
        const current = { rows, ...rangeOf(column.values) };
        return { name: ref.name, kind: 'numeric', missing, reference, current, effects: {}, unit: 'epoch-ms', untested: timeRangeText(reference, current, now) };
    }
    const cur = ecdf_ecdfFromSample(column.values);
    const reference = { rows: ref.rows, count: ref.ecdf.n, mean: ref.mean, std: ref.std, min: ref.min, max: ref.max };
    const current = cur.n > 0
        ? { rows, count: cur.n, mean: ecdfMean(cur), std: ecdfStd(cur), min: cur.values[0], max: cur.values[cur.values.length - 1] }
        : { rows, count: 0 };
    const base = { name: ref.name, kind: 'numeric', missing, reference, current, effects: {} };
    if (ref.ecdf.n === 0)
        return { ...base, untested: 'every reference cell is missing, so there is no distribution to compare with' };
    if (cur.n === 0)
        return { ...base, untested: 'every current cell is missing, so there is no distribution to compare' };
    const ks = ks2sampEcdf(ref.ecdf, cur);
    const sketch = ref.sketchSize;
    // From a quantile sketch, the reference CDF is known to within 1/k: D and the p-value are bracketed.
    const dBound = sketch ? 1 / sketch : 0;
    const pValueRange = sketch
        ? [ksTwoSamplePValue(Math.min(1, ks.statistic + dBound), ref.ecdf.n, cur.n).pValue, ksTwoSamplePValue(Math.max(0, ks.statistic - dBound), ref.ecdf.n, cur.n).pValue]
        : undefined;
    const psi = populationStabilityIndex(ref.psiCounts, binCounts(cur, ref.psiEdges));
    const effects = { ks: ks.statistic, psi };
    const w = wassersteinDistance(ref.ecdf, cur);
    if (ref.std > 0)
        effects.wasserstein = w / ref.std;
    let effect;
    let effectNote;
    if (options.numericEffect === 'wasserstein' && ref.std > 0) {
        effect = { name: 'wasserstein', value: w / ref.std, threshold: options.minNumericEffect,
            errorBound: sketch ? (ref.max - ref.min) / sketch / ref.std : undefined };
    }
    else if (options.numericEffect === 'psi') {
        effect = { name: 'psi', value: psi, threshold: options.minNumericEffect };
    }
    else {
        if (options.numericEffect === 'wasserstein')
            effectNote = 'the reference is constant, so the Wasserstein distance has no scale; KS D decides instead';
        effect = { name: 'ks', value: ks.statistic, threshold: options.minNumericEffect, errorBound: sketch ? dBound : undefined };
    }
    const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
    const movement = { quantiles: { levels, reference: levels.map((p) => ecdfQuantile(ref.ecdf, p)), current: levels.map((p) => ecdfQuantile(cur, p)) } };
    return {
        ...base, effects, effect, effectNote, movement,
        test: { name: 'ks', statistic: ks.statistic, pValue: ks.pValue, method: ks.method, exact: !sketch, pValueRange },
    };
}
function rangeOf(values) {
    let min = Infinity, max = -Infinity, count = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v)
            continue;
        count++;
        if (v < min)
            min = v;
        if (v > max)
            max = v;
    }
    return count > 0 ? { count, min, max } : { count };
}

;// CONCATENATED MODULE: ./packages/core/src/drift/profile.ts



const PROFILE_SCHEMA = 'modelci/profile@1';
const PROFILE_VERSION = 1;
/** A numeric column with at most this many distinct values is stored exactly (value -> count). */
const EXACT_DISTINCT_LIMIT = 10_000;
/** Otherwise it is stored as this many quantiles: KS D from the profile is then within 1/SKETCH_SIZE of exact. */
const SKETCH_SIZE = 2_000;
/** A categorical column keeps its most frequent categories up to this many; the rest are counted together. */
const CATEGORY_LIMIT = 10_000;
/** The compact, versioned profile of a reference, for checks that run without the raw data. */
function profileFromReference(ref, now = new Date()) {
    const features = {};
    for (const f of ref.features)
        features[f.name] = f.kind === 'numeric' ? numericJson(f) : categoricalJson(f);
    return { schema: PROFILE_SCHEMA, createdAt: now.toISOString(), source: { files: ref.files, rows: ref.rows }, features };
}
function numericJson(f) {
    const { ecdf } = f;
    const base = {
        type: 'numeric', rows: f.rows, missing: f.missing ?? 0, count: ecdf.n,
        mean: f.mean, std: f.std, min: f.min, max: f.max,
        psi: { edges: Array.from(f.psiEdges), counts: Array.from(f.psiCounts) },
        ...(f.unit ? { unit: f.unit } : {}),
    };
    if (f.sketchSize === undefined && ecdf.values.length <= EXACT_DISTINCT_LIMIT) {
        const counts = new Array(ecdf.values.length);
        for (let i = 0; i < counts.length; i++)
            counts[i] = ecdf.cumulative[i] - (i > 0 ? ecdf.cumulative[i - 1] : 0);
        return { ...base, values: Array.from(ecdf.values), counts };
    }
    return { ...base, quantiles: Array.from(quantileSketch(ecdf, SKETCH_SIZE)) };
}
/**
 * Quantiles q_i = min{x : F(x) >= i/k}, i = 1..k. The step CDF with mass 1/k at each q_i is
 * below the true F by less than 1/k everywhere, which bounds the KS error from a profile.
 */
function quantileSketch(ecdf, k) {
    const out = new Float64Array(k);
    let j = 0;
    for (let i = 1; i <= k; i++) {
        const target = (i / k) * ecdf.n;
        while (j < ecdf.values.length - 1 && ecdf.cumulative[j] < target - 1e-9 * ecdf.n)
            j++;
        out[i - 1] = ecdf.values[j];
    }
    return out;
}
function categoricalJson(f) {
    const sorted = [...f.counts].sort((a, b) => b[1] - a[1]);
    const kept = sorted.slice(0, CATEGORY_LIMIT);
    const other = f.otherCount + sorted.slice(CATEGORY_LIMIT).reduce((s, [, c]) => s + c, 0);
    return { type: 'categorical', rows: f.rows, missing: f.missing ?? 0, counts: Object.fromEntries(kept), other };
}
/** Read a profile (ours, or the seed article's `{"features": {...}}` format) into a Reference. */
function referenceFromProfile(json, file) {
    if (!isObject(json))
        throw bad(file, 'the top level', 'a JSON object with "schema" and "features"');
    const schema = json.schema;
    if (schema === undefined)
        return referenceFromSeedProfile(json, file);
    if (typeof schema !== 'string' || !schema.startsWith('modelci/profile@')) {
        throw new errors_InputError(`${file} has "schema": ${JSON.stringify(schema)}, which is not a modelci profile; make one with 'modelci profile <data> --out ${file}'.`, { file });
    }
    const version = Number(schema.slice('modelci/profile@'.length));
    if (!Number.isInteger(version) || version > PROFILE_VERSION) {
        throw new errors_InputError(`${file} is a ${schema} profile, newer than this modelci reads (${PROFILE_SCHEMA}); upgrade modelci or rewrite the profile with this version's 'modelci profile'.`, { file });
    }
    const source = isObject(json.source) ? json.source : {};
    const files = Array.isArray(source.files) ? source.files.filter((x) => typeof x === 'string') : [];
    if (!isObject(json.features))
        throw bad(file, '"features"', 'an object of column name to column profile');
    const features = [];
    for (const [name, raw] of Object.entries(json.features)) {
        const where = `features.${JSON.stringify(name)}`;
        if (!isObject(raw))
            throw bad(file, where, 'an object');
        features.push(raw.type === 'numeric' ? numericFromJson(name, raw, file, where)
            : raw.type === 'categorical' ? categoricalFromJson(name, raw, file, where)
                : badType(file, where, raw.type));
    }
    return { origin: 'profile', files, rows: num(source.rows, file, 'source.rows'), features };
}
function numericFromJson(name, raw, file, where) {
    const rows = num(raw.rows, file, `${where}.rows`);
    const missing = num(raw.missing, file, `${where}.missing`);
    const count = num(raw.count, file, `${where}.count`);
    let ecdf;
    let sketchSize;
    if (raw.values !== undefined) {
        const values = numbers(raw.values, file, `${where}.values`);
        const counts = numbers(raw.counts, file, `${where}.counts`);
        if (counts.length !== values.length)
            throw bad(file, `${where}.counts`, `an array as long as ${where}.values (${values.length})`);
        for (let i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1]))
                throw bad(file, `${where}.values`, 'distinct numbers in ascending order');
        }
        ecdf = ecdfFromCounts(values, counts);
    }
    else {
        const q = numbers(raw.quantiles, file, `${where}.quantiles`);
        if (q.length === 0)
            throw bad(file, `${where}.quantiles`, 'a non-empty array of numbers');
        for (let i = 1; i < q.length; i++)
            if (q[i] < q[i - 1])
                throw bad(file, `${where}.quantiles`, 'numbers in ascending order');
        sketchSize = q.length;
        ecdf = sketchEcdf(q, count);
    }
    // Keep the profile's own PSI bins and counts: they were computed from the exact reference.
    let psi;
    if (isObject(raw.psi)) {
        const edges = numbers(raw.psi.edges, file, `${where}.psi.edges`);
        const counts = numbers(raw.psi.counts, file, `${where}.psi.counts`);
        if (counts.length !== edges.length + 1)
            throw bad(file, `${where}.psi.counts`, `an array one longer than ${where}.psi.edges`);
        psi = { edges, counts };
    }
    const ref = numericReference(name, rows, missing, ecdf, sketchSize, psi);
    if (raw.unit === 'epoch-ms')
        ref.unit = 'epoch-ms';
    return ref;
}
/** The step CDF with mass n/k at each stored quantile. */
function sketchEcdf(q, n) {
    const values = [];
    const counts = [];
    const w = n / q.length;
    for (const x of q) {
        if (values.length > 0 && values[values.length - 1] === x)
            counts[counts.length - 1] += w;
        else {
            values.push(x);
            counts.push(w);
        }
    }
    return ecdfFromCounts(values, counts);
}
function categoricalFromJson(name, raw, file, where) {
    if (!isObject(raw.counts))
        throw bad(file, `${where}.counts`, 'an object of category to count');
    const counts = new Map();
    for (const [k, v] of Object.entries(raw.counts))
        counts.set(k, num(v, file, `${where}.counts.${JSON.stringify(k)}`));
    const rows = raw.rows === undefined ? sumCounts(counts) : num(raw.rows, file, `${where}.rows`);
    const other = raw.other === undefined ? 0 : num(raw.other, file, `${where}.other`);
    const missing = raw.missing === undefined ? null : num(raw.missing, file, `${where}.missing`);
    return { kind: 'categorical', name, rows, missing, counts, otherCount: other };
}
/** The seed article's reference_stats.json: numeric samples and categorical counts, no missing data. */
function referenceFromSeedProfile(json, file) {
    if (!isObject(json.features)) {
        throw new errors_InputError(`${file} is neither a modelci profile (no "schema") nor a seed-format profile (no "features" object); make one with 'modelci profile <data> --out ${file}'.`, { file });
    }
    const features = [];
    let rows = 0;
    for (const [name, raw] of Object.entries(json.features)) {
        const where = `features.${JSON.stringify(name)}`;
        if (!isObject(raw))
            throw bad(file, where, 'an object');
        if (raw.type === 'numeric') {
            const sample = numbers(raw.sample, file, `${where}.sample`);
            if (sample.length === 0)
                throw bad(file, `${where}.sample`, 'a non-empty array of numbers');
            features.push(numericReference(name, sample.length, null, ecdf_ecdfFromSample(sample)));
            rows = Math.max(rows, sample.length);
        }
        else if (raw.type === 'categorical') {
            const ref = categoricalFromJson(name, { counts: raw.counts }, file, where);
            features.push(ref);
            rows = Math.max(rows, ref.rows);
        }
        else {
            badType(file, where, raw.type);
        }
    }
    return { origin: 'seed-profile', files: [file], rows, features };
}
function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function num(x, file, where) {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
        throw bad(file, where, 'a non-negative number');
    return x;
}
function numbers(x, file, where) {
    if (!Array.isArray(x) || !x.every((v) => typeof v === 'number' && Number.isFinite(v)))
        throw bad(file, where, 'an array of finite numbers');
    return Float64Array.from(x);
}
function bad(file, where, expected) {
    return new errors_InputError(`${file}: ${where} must be ${expected}; fix the profile or make a new one with 'modelci profile'.`, { file });
}
function badType(file, where, type) {
    throw new errors_InputError(`${file}: ${where}.type is ${JSON.stringify(type)}; it must be "numeric" or "categorical".`, { file });
}

;// CONCATENATED MODULE: ./packages/core/src/drift/report.ts
const DRIFT_REPORT_SCHEMA = 'modelci/drift-report@1';

;// CONCATENATED MODULE: ./packages/core/src/drift/schema.ts


async function readSchema(path) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch {
        throw new errors_InputError(`Schema file ${path} cannot be read; check the 'schema' input points at a JSON file in the workspace.`, { file: path, input: 'schema' });
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new errors_InputError(`Schema file ${path} is not valid JSON (${e.message}); fix the file.`, { file: path, input: 'schema' });
    }
    const columns = json?.columns;
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
        throw new errors_InputError(`Schema file ${path} must hold {"columns": {"<name>": {"type": "numeric" | "categorical", ...}}}; add a "columns" object.`, { file: path, input: 'schema' });
    }
    const schema = new Map();
    for (const [name, raw] of Object.entries(columns)) {
        const r = (raw ?? {});
        const where = `${path}: columns.${JSON.stringify(name)}`;
        if (r.type !== undefined && r.type !== 'numeric' && r.type !== 'categorical') {
            throw new errors_InputError(`${where}.type is ${JSON.stringify(r.type)}; use "numeric" or "categorical".`, { file: path, input: 'schema' });
        }
        for (const key of ['min', 'max']) {
            if (r[key] !== undefined && (typeof r[key] !== 'number' || !Number.isFinite(r[key]))) {
                throw new errors_InputError(`${where}.${key} must be a finite number.`, { file: path, input: 'schema' });
            }
        }
        if (r.allowed !== undefined && (!Array.isArray(r.allowed) || !r.allowed.every((x) => typeof x === 'string'))) {
            throw new errors_InputError(`${where}.allowed must be an array of strings.`, { file: path, input: 'schema' });
        }
        schema.set(name, {
            type: r.type,
            required: r.required !== false,
            nullable: r.nullable !== false,
            min: r.min,
            max: r.max,
            allowed: r.allowed ? new Set(r.allowed) : undefined,
        });
    }
    return schema;
}
/** Check a table against the schema; every breach is critical. */
function validateSchema(table, schema) {
    const findings = [];
    const file = table.files.length === 1 ? table.files[0] : undefined;
    for (const [name, rule] of schema) {
        const col = table.columns.find((c) => c.name === name);
        if (!col) {
            if (rule.required)
                findings.push({ severity: 'critical', column: name, file, message: `Column '${name}' is required by the schema but absent from the current data.` });
            continue;
        }
        if (rule.type && rule.type !== col.kind) {
            findings.push({ severity: 'critical', column: name, file, message: `Column '${name}' should be ${rule.type} by the schema but was read as ${col.kind}.` });
            continue;
        }
        if (!rule.nullable && col.missing > 0) {
            findings.push({ severity: 'critical', column: name, file, message: `Column '${name}' must not be missing (schema: nullable false) but ${col.missing} of ${table.rowCount} cells are.` });
        }
        const range = rangeBreach(col, rule);
        if (range)
            findings.push({ severity: 'critical', column: name, file, message: range });
        const outside = allowedBreach(col, rule);
        if (outside)
            findings.push({ severity: 'critical', column: name, file, message: outside });
    }
    return findings;
}
function rangeBreach(col, rule) {
    if (col.kind !== 'numeric' || (rule.min === undefined && rule.max === undefined))
        return undefined;
    const lo = rule.min ?? -Infinity;
    const hi = rule.max ?? Infinity;
    let count = 0;
    let first = -1;
    const v = col.values;
    for (let i = 0; i < v.length; i++) {
        if (v[i] < lo || v[i] > hi) {
            if (count++ === 0)
                first = i;
        }
    }
    if (count === 0)
        return undefined;
    return `Column '${col.name}' has ${count} value(s) outside the schema's range [${rule.min ?? '-∞'}, ${rule.max ?? '∞'}], the first ${v[first]} in data row ${first + 1}.`;
}
function allowedBreach(col, rule) {
    if (col.kind !== 'categorical' || !rule.allowed)
        return undefined;
    const bad = col.categories.map((c) => !rule.allowed.has(c));
    let count = 0;
    let first = -1;
    for (let i = 0; i < col.codes.length; i++) {
        const c = col.codes[i];
        if (c >= 0 && bad[c]) {
            if (count++ === 0)
                first = i;
        }
    }
    if (count === 0)
        return undefined;
    return `Column '${col.name}' has ${count} value(s) the schema does not allow, the first '${col.categories[col.codes[first]]}' in data row ${first + 1}.`;
}

;// CONCATENATED MODULE: ./packages/core/src/drift/check-drift.ts












/** The check-drift use case: load both sides, compare every feature, correct, decide. */
async function checkDrift(input, now = new Date()) {
    const { options } = input;
    const schema = input.schema ? await readSchema(input.schema) : undefined;
    const reference = await loadReference(input.reference, options, schema, input.delimiter);
    const wanted = columnFilter(options);
    const features = selectFeatures(reference, options);
    // Time columns are not forced numeric: their text (ISO-8601) must reach the date recognition.
    const kinds = new Map(features.filter((f) => !isTimeReference(f)).map((f) => [f.name, f.kind]));
    const featureNames = new Set(features.map((f) => f.name));
    // Every column name of the current data, parsed or not, to report new columns.
    const seen = new Set();
    const current = await readTable(input.current, {
        kinds,
        delimiter: input.delimiter,
        include: (name) => {
            seen.add(name);
            return featureNames.has(name) || (schema?.has(name) ?? false) || (input.readNewColumns === true && wanted(name));
        },
    }).catch(rethrowFor('current'));
    const report = compareToReference(reference, current, options, { schema, seenColumns: [...seen] }, now);
    return { report, reference, current };
}
/**
 * Compare a table with a reference: every selected feature tested, p-values corrected as one
 * family, schema checked. `seenColumns` are the current data's column names (default: the table's).
 */
function compareToReference(reference, current, options, extra = {}, now = new Date()) {
    const features = selectFeatures(reference, options);
    const wanted = columnFilter(options);
    const seen = extra.seenColumns ?? current.columns.map((c) => c.name);
    const findings = extra.schema ? validateSchema(current, extra.schema) : [];
    const comparisons = features.map((f) => compareFeature(f, current, options, findings, now));
    const refNames = new Set(reference.features.map((f) => f.name));
    const added = seen.filter((name) => !refNames.has(name) && wanted(name));
    for (const name of added) {
        findings.push({ severity: 'notice', column: name, message: `Column '${name}' is new: it is in the current data but not in the reference.` });
    }
    const results = decide(comparisons, options);
    for (const name of added)
        results.push(newColumnResult(name, current));
    return buildReport(reference, current, options, results, findings, now);
}
/** A .json reference is a profile; anything else is data. */
async function loadReference(spec, options, schema, delimiter) {
    if (/\.json$/i.test(spec) && await isFile(spec)) {
        let json;
        try {
            json = JSON.parse(await (0,promises_namespaceObject.readFile)(spec, 'utf8'));
        }
        catch (e) {
            throw new errors_InputError(`Reference profile ${spec} is not valid JSON (${e.message}); make it again with 'modelci profile'.`, { file: spec, input: 'reference' });
        }
        return referenceFromProfile(json, spec);
    }
    const kinds = new Map();
    for (const name of options.categorical)
        kinds.set(name, 'categorical');
    for (const [name, rule] of schema ?? [])
        if (rule.type)
            kinds.set(name, rule.type);
    const wanted = columnFilter(options);
    const columns = [];
    const table = await readTable(spec, { kinds, delimiter, include: (name) => { if (!columns.includes(name))
            columns.push(name); return wanted(name); } })
        .catch(rethrowFor('reference'));
    return { ...referenceFromTable(table), columns };
}
/** include/ignore lists as a predicate on column names. */
function columnFilter(options) {
    const include = new Set(options.include);
    const ignore = new Set(options.ignore);
    return (name) => (include.size === 0 || include.has(name)) && !ignore.has(name);
}
function selectFeatures(reference, options) {
    const names = new Set(reference.columns ?? reference.features.map((f) => f.name));
    for (const name of options.include) {
        if (!names.has(name)) {
            throw new errors_InputError(`Input 'columns' names '${name}', which the reference does not have; its columns are ${[...names].map((n) => `'${n}'`).join(', ')}.`, { input: 'columns' });
        }
    }
    const wanted = columnFilter(options);
    const features = reference.features.filter((f) => wanted(f.name));
    if (features.length === 0) {
        throw new errors_InputError(`No columns are left to check after 'columns' and 'ignore-columns'; the reference has ${[...names].map((n) => `'${n}'`).join(', ')}.`, { input: 'ignore-columns' });
    }
    return features;
}
function isTimeReference(f) {
    return f.kind === 'numeric' && f.unit === 'epoch-ms';
}
function compareFeature(ref, current, options, findings, now) {
    const col = current.columns.find((c) => c.name === ref.name);
    if (!col) {
        const message = `Column '${ref.name}' is in the reference but missing from the current data.`;
        findings.push({ severity: 'critical', column: ref.name, message, file: current.files[0] });
        return criticalResult(ref, current, message);
    }
    if (col.kind !== ref.kind) {
        const message = `Column '${ref.name}' is ${ref.kind} in the reference but ${col.kind} in the current data.`;
        findings.push({ severity: 'critical', column: ref.name, message, file: current.files[0] });
        return criticalResult(ref, current, message);
    }
    if (col.kind === 'numeric' && col.textCells > 0) {
        const first = col.firstText;
        const message = `Column '${ref.name}' is numeric in the reference but ${col.textCells} current cell(s) hold text` +
            (first ? `, the first '${first.text}' at ${first.file} line ${first.line}.` : '.');
        findings.push({ severity: 'critical', column: ref.name, message, file: first?.file, line: first?.line });
        return criticalResult(ref, current, message);
    }
    return ref.kind === 'numeric'
        ? compareNumeric(ref, col, current.rowCount, options, now)
        : compareCategorical(ref, col, current.rowCount, options);
}
function criticalResult(ref, current, reason) {
    return {
        name: ref.name, kind: ref.kind, status: 'critical', reason, effects: {},
        reference: { rows: ref.rows, count: ref.kind === 'numeric' ? ref.ecdf.n : ref.rows - (ref.missing ?? 0) },
        current: { rows: current.rowCount, count: 0 },
    };
}
function newColumnResult(name, current) {
    const col = current.columns.find((c) => c.name === name);
    const kind = col?.kind ?? 'numeric';
    return {
        name, kind, status: 'new', reason: 'Not in the reference: reported, not tested.', effects: {},
        reference: { rows: 0, count: 0 }, current: { rows: current.rowCount, count: col ? current.rowCount - col.missing : 0 },
    };
}
/**
 * Correct all p-values of the run as one family (distribution and missing-rate tests of every
 * feature), then call a feature drifted only when a corrected p-value is below the level AND its
 * effect size reaches the minimum: large samples make trivial shifts significant.
 */
function decide(items, options) {
    const raw = [];
    const slots = items.map((item) => {
        if ('status' in item)
            return { dist: -1, miss: -1 };
        const dist = item.test ? raw.push(item.test.pValue) - 1 : -1;
        const miss = item.missing.pValue !== undefined ? raw.push(item.missing.pValue) - 1 : -1;
        return { dist, miss };
    });
    const adjusted = adjustPValues(raw, options.correction);
    return items.map((item, i) => {
        if ('status' in item)
            return item;
        const { dist, miss } = slots[i];
        return verdictFor(item, dist >= 0 ? adjusted[dist] : undefined, miss >= 0 ? adjusted[miss] : undefined, options);
    });
}
function verdictFor(c, pDist, pMiss, options) {
    const alpha = options.alpha;
    const correction = options.correction === 'none' ? '' : ` after ${correctionName(options.correction)}`;
    const reasons = [];
    let drifted = false;
    if (c.test && c.effect && pDist !== undefined) {
        const e = c.effect;
        const testText = `${c.test.name === 'ks' ? 'KS D' : 'χ²'} = ${formatNumber(c.test.statistic)}, ${pEquals(pDist)}${correction}`;
        const effectText = `${effectLabel(e.name)} = ${formatNumber(e.value)}${e.name === 'wasserstein' ? ' σ' : ''}`;
        const significant = pDist < alpha;
        const large = e.value >= e.threshold;
        if (significant && large) {
            drifted = true;
            reasons.push(`distribution changed: ${testText} < ${alpha}, ${effectText} ≥ ${e.threshold}`);
        }
        else if (significant) {
            reasons.push(`change is significant (${testText}) but small: ${effectText} < ${e.threshold}`);
        }
        else {
            reasons.push(`no evidence of change: ${testText} ≥ ${alpha} (${effectText})`);
        }
        if (c.effectNote)
            reasons.push(c.effectNote);
        for (const note of c.notes ?? [])
            reasons.push(note);
    }
    else if (c.untested) {
        reasons.push(`not tested: ${c.untested}`);
    }
    const m = c.missing;
    let missingDrifted = false;
    if (pMiss !== undefined && m.change !== null) {
        missingDrifted = pMiss < alpha && Math.abs(m.change) >= options.minMissingChange;
        if (missingDrifted || pMiss < alpha) {
            reasons.push(`missing rate ${formatPercent(m.reference)} → ${formatPercent(m.current)} (${pEquals(pMiss)}${correction}${missingDrifted ? `, change ≥ ${formatPercent(options.minMissingChange)}` : `, change < ${formatPercent(options.minMissingChange)}`})`);
        }
    }
    if (c.newCategories && c.newCategories.length > 0) {
        reasons.push(`unseen categories: ${c.newCategories.slice(0, 5).map((n) => `'${n.name}' (${n.count})`).join(', ')}${c.newCategories.length > 5 ? ', …' : ''}`);
    }
    const status = drifted || missingDrifted ? 'drift' : c.test || pMiss !== undefined ? 'ok' : 'skipped';
    const reason = reasons.length > 0 ? capitalize(reasons.join('; ')) + '.' : 'Nothing to compare.';
    return {
        name: c.name, kind: c.kind, status, reason,
        test: c.test && pDist !== undefined ? { ...c.test, pAdjusted: pDist } : undefined,
        effect: c.effect, effects: c.effects,
        missing: { reference: m.reference, current: m.current, change: m.change, pValue: m.pValue, pAdjusted: pMiss, drifted: missingDrifted },
        reference: c.reference, current: c.current,
        newCategories: c.newCategories,
        ...(c.unit ? { unit: c.unit } : {}),
        ...(c.movement ? { movement: c.movement } : {}),
    };
}
function buildReport(reference, current, options, features, findings, now) {
    const driftedFeatures = features.filter((f) => f.status === 'drift').map((f) => f.name);
    const criticalFeatures = [...new Set(findings.filter((f) => f.severity === 'critical').map((f) => f.column))];
    const tested = features.filter((f) => f.status === 'ok' || f.status === 'drift' || f.status === 'critical').length;
    const drifted = driftedFeatures.length > 0;
    const critical = criticalFeatures.length > 0;
    const failed = options.failOn === 'drift' ? drifted || critical : options.failOn === 'critical' ? critical : false;
    const driftShare = tested > 0 ? driftedFeatures.length / tested : 0;
    const parts = [];
    if (critical)
        parts.push(`${criticalFeatures.length} critical schema problem${criticalFeatures.length > 1 ? 's' : ''} (${fewNames(criticalFeatures)})`);
    if (drifted)
        parts.push(`${driftedFeatures.length} of ${tested} features drifted (${fewNames(driftedFeatures)})`);
    const summary = parts.length > 0 ? capitalize(parts.join('; ')) + '.' : `No drift: ${tested} feature${tested === 1 ? '' : 's'} checked at level ${options.alpha}.`;
    return {
        schema: DRIFT_REPORT_SCHEMA,
        createdAt: now.toISOString(),
        reference: { origin: reference.origin, files: reference.files, rows: reference.rows },
        current: { files: current.files, rows: current.rowCount },
        options,
        verdict: { failed, drifted, critical, driftedFeatures, criticalFeatures, driftShare, testedFeatures: tested, summary },
        features,
        findings,
    };
}
/** At most five names, then "and N more": a headline must stay one line. */
function fewNames(names) {
    const shown = names.slice(0, 5).map(logText).join(', ');
    return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
function correctionName(c) {
    return c === 'holm' ? 'Holm' : c === 'bonferroni' ? 'Bonferroni' : c === 'fdr_bh' ? 'Benjamini-Hochberg' : 'no correction';
}
function effectLabel(name) {
    return { wasserstein: 'Wasserstein', psi: 'PSI', ks: 'KS D', 'jensen-shannon': 'Jensen-Shannon', 'cramers-v': "Cramér's V" }[name] ?? name;
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
async function isFile(path) {
    try {
        return (await (0,promises_namespaceObject.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
/** Say which input a reader error came from when the message does not already name it. */
function rethrowFor(input) {
    return (e) => {
        if (e instanceof errors_InputError && !e.where.input)
            e.where.input ??= input;
        throw e;
    };
}

;// CONCATENATED MODULE: ./packages/core/src/render/markdown.ts
/**
 * The Markdown every renderer writes, built from text it does not control (column, category,
 * class and file names, server answers, model metadata). Such text shows as written: never as
 * an image, a link, HTML, a heading, a list, math or a broken table. GitHub renders job summaries
 * as GitHub-flavoured Markdown and sanitises HTML afterwards; the escaping here keeps the
 * structure of the page ours.
 */
/**
 * Characters that start emphasis, code, links and images, entities, tables, headings, math;
 * `_` only where it can (inside a word, as in temp_max, it never emphasises), and `<` only
 * where it can open HTML or an autolink (before a letter, `/`, `!` or `?`; `<= 5` stays).
 */
const INLINE_SPECIAL = /[\\`*~[\]&|#$@]|<(?=[A-Za-z/!?])|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** Line breaks, shown as `\n` (a table row, list item or heading is one line). */
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;
/** Inline text that reads exactly as written; safe in a paragraph, a list item, a heading or a table cell. */
function markdown_mdText(text) {
    return text
        .replace(INLINE_SPECIAL, '\\$&')
        .replace(LINE_BREAK, '\\\\n')
        .replace(/(^|[^a-z0-9])(https?|ftp)(:\/\/)/gi, '$1$2\\$3') // no bare-URL autolink
        .replace(/\bwww\./gi, 'www\\.')
        .replace(/^(\s*)([-+=>])/, '$1\\$2') // no list, setext underline or quote at the start of a line
        .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
/** A code span holding any text: the fence is longer than any backtick run inside. */
function mdCode(text) {
    const body = text.replace(LINE_BREAK, '\\n');
    if (body === '')
        return '` `';
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A code span inside a table cell: GitHub splits a row at every unescaped pipe, code spans included. */
function mdCodeCell(text) {
    return mdCode(text).replace(/\|/g, '\\|');
}
/** A heading of Markdown that is already inline-safe (mdText, mdCode, our own words). */
function markdown_mdHeading(level, inline) {
    return `${'#'.repeat(level)} ${inline.replace(LINE_BREAK, ' ')}`;
}
/** A table of cells that are already inline-safe Markdown; a cell can never add a row. */
function mdTable(header, align, rows) {
    const line = (cells) => `| ${cells.map((c) => c.replace(LINE_BREAK, ' ')).join(' | ')} |`;
    const rule = `|${header.map((_, i) => (align[i] === 'right' ? '---:' : '---')).join('|')}|`;
    return [line(header), rule, ...rows.map(line)].join('\n');
}
/**
 * A quoted label in a mermaid chart inside a ```mermaid fence: no quote or backslash to end the
 * string, no line break to end the statement or close the fence, no angle brackets for HTML.
 */
function mermaidLabel(text) {
    return JSON.stringify(text.replace(LINE_BREAK, ' ').replace(/["\\`<>]/g, ''));
}

;// CONCATENATED MODULE: ./packages/core/src/render/drift-markdown.ts



/** Rows shown in the summary table; GitHub caps a step summary at 1 MiB. */
const MAX_ROWS = 300;
const STATUS_ICON = { ok: '✅ ok', drift: '⚠️ drift', critical: '❌ critical', skipped: '➖ skipped', new: '🆕 new' };
/** The DriftReport as GitHub-flavoured Markdown for the job summary. */
function renderDriftMarkdown(report) {
    const v = report.verdict;
    const icon = v.critical ? '❌' : v.drifted ? '⚠️' : '✅';
    const out = [];
    out.push(markdown_mdHeading(2, `${icon} Data drift check: ${markdown_mdText(v.summary)}`), '');
    out.push(describeRun(report), '');
    const rows = orderForReading(report.features).slice(0, MAX_ROWS);
    // The missing-rate column only when some missing rate moved: a column of 0.0% → 0.0% is noise.
    const showMissing = report.features.some((f) => f.missing && f.missing.change !== null && f.missing.change !== 0);
    const header = ['Feature', 'Status', 'Test (statistic)', 'p (corrected)', 'Effect size', 'Threshold', ...(showMissing ? ['Missing ref → cur'] : [])];
    const align = ['left', 'left', 'left', 'right', 'right', 'right', 'left'];
    out.push(mdTable(header, align, rows.map((f) => {
        const t = f.test;
        const e = f.effect;
        return [
            markdown_mdText(f.name), STATUS_ICON[f.status], t ? testCell(f) : f.unit ? 'date/time: range only' : '–', t ? formatP(t.pAdjusted) : '–',
            e ? `${effectLabel(e.name)} ${formatNumber(e.value)}${e.errorBound ? ` ± ${formatNumber(e.errorBound)}` : ''}` : '–',
            e ? formatNumber(e.threshold) : '–', ...(showMissing ? [missingCell(f)] : []),
        ];
    })));
    if (report.features.length > MAX_ROWS)
        out.push('', `_${report.features.length - MAX_ROWS} more features are in the JSON report._`);
    const chart = effectChart(report.features);
    if (chart)
        out.push('', chart);
    const notes = orderForReading(report.features).filter((f) => f.status === 'drift' || f.status === 'critical');
    if (notes.length > 0 || report.findings.length > 0) {
        out.push('', '### Why', '');
        for (const f of notes.slice(0, MAX_ROWS)) {
            out.push(`- **${markdown_mdText(f.name)}** — ${markdown_mdText(f.reason)}`);
            const moved = movementText(f);
            if (moved)
                out.push(`  ${moved}`);
        }
        for (const s of report.findings.filter((x) => x.severity === 'notice'))
            out.push(`- ${markdown_mdText(s.message)}`);
    }
    out.push('', `<details><summary>Every feature</summary>`, '');
    for (const f of rows)
        out.push(`- **${markdown_mdText(f.name)}** (${f.status}): ${markdown_mdText(f.reason)}`);
    out.push('', '</details>', '');
    return out.join('\n');
}
function describeRun(report) {
    const o = report.options;
    const ref = report.reference;
    const origin = ref.origin === 'data' ? 'data' : ref.origin === 'profile' ? 'profile' : 'seed-format profile';
    return `Reference: ${ref.files.map(mdCode).join(', ') || '–'} (${origin}, ${formatCount(ref.rows)} rows) · ` +
        `Current: ${report.current.files.slice(0, 5).map(mdCode).join(', ')}${report.current.files.length > 5 ? ` and ${report.current.files.length - 5} more` : ''} (${formatCount(report.current.rows)} rows) · ` +
        `level ${o.alpha}, ${o.correction} correction · drift needs corrected p < ${o.alpha} and effect ≥ threshold`;
}
/** Drifted and critical first, then by effect relative to its threshold. */
function orderForReading(features) {
    const rank = { critical: 0, drift: 1, ok: 2, new: 3, skipped: 4 };
    return [...features].sort((a, b) => rank[a.status] - rank[b.status] || ratio(b) - ratio(a));
}
function ratio(f) {
    return f.effect && f.effect.threshold > 0 ? f.effect.value / f.effect.threshold : 0;
}
/** Charted features: the 15 largest effects, so labels stay readable. */
const CHART_FEATURES = 15;
/** Blue bars and a red threshold line: both read on GitHub's light and dark backgrounds. */
const CHART_INIT = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0366d6, #d73a49"}}}}%%';
function effectChart(features) {
    const shown = features.filter((f) => f.effect && f.effect.threshold > 0).sort((a, b) => ratio(b) - ratio(a)).slice(0, CHART_FEATURES);
    if (shown.length === 0)
        return undefined;
    const ratios = shown.map((f) => Number(Math.min(ratio(f), 99).toFixed(3)));
    const top = Math.max(2, Math.ceil(Math.max(...ratios)));
    const more = features.filter((f) => f.effect && f.effect.threshold > 0).length - shown.length;
    return [
        '```mermaid',
        CHART_INIT,
        'xychart-beta horizontal',
        `  title "Effect size ÷ threshold: blue bars past the red line (1) are large enough${more > 0 ? `; top ${CHART_FEATURES} of ${shown.length + more}` : ''}"`,
        `  x-axis [${shown.map((f) => mermaidLabel(f.name)).join(', ')}]`,
        `  y-axis "effect ÷ threshold" 0 --> ${top}`,
        `  bar [${ratios.join(', ')}]`,
        `  line [${shown.map(() => 1).join(', ')}]`,
        '```',
    ].join('\n');
}
/** How a drifted feature moved, in one line: quantiles for numbers, the largest share changes for categories. */
function movementText(f, code = markdown_mdText) {
    const q = f.movement?.quantiles;
    if (q) {
        const pct = (p) => `p${Math.round(p * 100)}`;
        return `Moved: ${q.levels.map((p, i) => `${pct(p)} ${formatNumber(q.reference[i])} → ${formatNumber(q.current[i])}`).join(', ')}`;
    }
    const s = f.movement?.shares;
    if (s && s.length > 0)
        return `Moved: ${s.slice(0, 3).map((x) => `${code(x.category)} ${formatPercent(x.reference)} → ${formatPercent(x.current)}`).join(', ')}`;
    return undefined;
}
/** The test and its own statistic in one cell, so one column never mixes χ² and KS D. */
function testCell(f) {
    const t = f.test;
    if (t.name === 'chi2')
        return `χ² ${formatNumber(t.statistic)} (dof ${t.dof})`;
    return `KS D ${formatNumber(t.statistic)}${t.method ? ` (${t.method}${t.exact ? '' : ', sketch'})` : t.exact ? '' : ' (sketch)'}`;
}
function missingCell(f) {
    const m = f.missing;
    if (!m)
        return '–';
    const text = `${formatPercent(m.reference)} → ${formatPercent(m.current)}`;
    return m.drifted ? `**${text}**` : text;
}

;// CONCATENATED MODULE: ./packages/core/src/drift/annotations.ts


/**
 * Critical schema problems are errors; drifted features are errors when they fail the step and
 * warnings when they do not (fail-on: critical or never), so the page tells the same story as the exit code.
 */
function driftAnnotations(report) {
    const out = [];
    const file = report.current.files.length === 1 ? report.current.files[0] : undefined;
    for (const f of report.findings) {
        if (f.severity === 'critical')
            out.push({ level: 'error', title: `Schema: ${f.column}`, message: f.message, file: f.file, line: f.line });
    }
    const driftLevel = report.options.failOn === 'drift' ? 'error' : 'warning';
    for (const f of report.features) {
        if (f.status !== 'drift')
            continue;
        const effect = f.effect ? ` (${effectLabel(f.effect.name)} ${formatNumber(f.effect.value)})` : '';
        out.push({ level: driftLevel, title: `Drift: ${f.name}${effect}`, message: f.reason, file });
    }
    for (const f of report.findings) {
        if (f.severity === 'notice')
            out.push({ level: 'notice', title: `New column: ${f.column}`, message: f.message, file });
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/shared/closest-name.ts
/** Edit distance (insertions, deletions, substitutions), for "did you mean" suggestions. */
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}
/** The known name closest to `name` (case-insensitive), or undefined when nothing is close. */
function closestName(name, known) {
    let best;
    let bestDistance = Infinity;
    for (const k of known) {
        const d = editDistance(name.toLowerCase(), k.toLowerCase());
        if (d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/shared/quantity.ts

// Decimal units are powers of 1000, binary ones powers of 1024, as `du` and the IEC define them.
const UNITS = {
    us: { factor: 1e-3, dimension: 'time' }, 'µs': { factor: 1e-3, dimension: 'time' },
    ms: { factor: 1, dimension: 'time' }, s: { factor: 1000, dimension: 'time' },
    b: { factor: 1, dimension: 'bytes' },
    kb: { factor: 1e3, dimension: 'bytes' }, mb: { factor: 1e6, dimension: 'bytes' }, gb: { factor: 1e9, dimension: 'bytes' }, tb: { factor: 1e12, dimension: 'bytes' },
    kib: { factor: 1024, dimension: 'bytes' }, mib: { factor: 1024 ** 2, dimension: 'bytes' }, gib: { factor: 1024 ** 3, dimension: 'bytes' }, tib: { factor: 1024 ** 4, dimension: 'bytes' },
    '%': { factor: 0.01, dimension: 'ratio' },
};
/** Parse `500MB`, `1.5GiB`, `100ms`, `2 s`, `92%` or a bare number. */
function parseQuantity(text, where = {}) {
    const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Zµ%]*)\s*$/.exec(text);
    const unit = m?.[2].toLowerCase() ?? '';
    if (!m || (unit !== '' && !(unit in UNITS))) {
        const context = where.context ? ` in '${where.context}'` : '';
        throw new errors_InputError(`'${text.trim()}'${context} is not a number with a known unit; write e.g. 0.92, 92%, 100ms, 1.5s, 500MB or 1.5GiB.`, { input: where.input });
    }
    const value = Number(m[1]);
    if (unit === '')
        return { value };
    const u = UNITS[unit];
    return { value: value * u.factor, dimension: u.dimension };
}
/** Format a canonical value for people: bytes in MB/GB, times in ms or s. */
function formatQuantity(value, dimension) {
    if (dimension === 'bytes') {
        const steps = [[1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];
        for (const [f, u] of steps)
            if (Math.abs(value) >= f)
                return `${Number((value / f).toPrecision(4))} ${u}`;
        return `${value} B`;
    }
    if (dimension === 'time')
        return Math.abs(value) >= 1000 ? `${Number((value / 1000).toPrecision(4))} s` : `${Number(value.toPrecision(4))} ms`;
    return `${Number(value.toPrecision(6))}`;
}

;// CONCATENATED MODULE: ./packages/core/src/shared/parse-input.ts
/**
 * The one reader of input text, for every step and both shells. Each type has one rule, so
 * `max-latency-p99: 150` means 150 ms wherever it appears, a bare size is refused rather than
 * read as bytes, and a share above 1 is refused rather than read as a fraction.
 */



/** Read every input of a catalogue: defaults filled in, required ones checked, each read by its type. */
function parse_input_parseInputs(catalogue, raw) {
    const out = {};
    for (const spec of catalogue) {
        const given = raw[spec.name]?.trim();
        const text = given || spec.default;
        if (!text) {
            if (spec.required)
                throw new errors_InputError(`Input '${spec.name}' is required: ${spec.what ? `give ${spec.what}.` : firstSentence(spec.description)}`, { input: spec.name });
            out[spec.name] = spec.type === 'list' || spec.type === 'lines' ? [] : undefined;
            continue;
        }
        out[spec.name] = parseInputValue(spec, text);
    }
    return out;
}
/** One value, read by its spec's type. */
function parseInputValue(spec, text) {
    const t = text.trim();
    const name = spec.name;
    const keyword = spec.keywords?.find((k) => k === t.toLowerCase());
    if (keyword)
        return keyword;
    switch (spec.type) {
        case 'string':
        case 'path':
        case 'uri': return t;
        case 'boolean': return parseBooleanText(t, name);
        case 'count': return parseCountText(t, name, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
        case 'number': return parse_input_parseNumberText(t, name, spec.min, spec.max);
        case 'probability': return parseProbabilityText(t, name);
        case 'choice': return parseChoiceText(t, name, spec.choices ?? []);
        case 'list': return parseListText(t);
        case 'lines': return parseLinesText(t);
        case 'duration': return parseDurationText(t, name);
        case 'latency': return parseLatencyText(t, name);
        case 'size': return parseSizeText(t, name);
        case 'share': return parseShareText(t, name);
        case 'rate': return parseRateText(t, name);
    }
}
function firstSentence(description) {
    const m = /^.*?[.!?](\s|$)/.exec(description);
    return (m ? m[0] : description).trim().replace(/^(\w)/, (c) => c.toLowerCase()).replace(/[^.!?]$/, (c) => `${c}.`);
}
/** true or false, in any case (as GitHub's getBooleanInput, plus mixed case). */
function parseBooleanText(text, input) {
    const t = text.trim().toLowerCase();
    if (t === 'true')
        return true;
    if (t === 'false')
        return false;
    throw new errors_InputError(`Input '${input}' is '${text.trim()}'; write true or false.`, { input });
}
/** A whole number in [min, max], refused before anything is allocated for it. */
function parseCountText(text, input, min, max) {
    const v = Number(text.trim());
    if (!Number.isInteger(v) || v < min)
        throw new errors_InputError(`Input '${input}' is '${text.trim()}'; give a whole number of at least ${min}.`, { input });
    if (v > max)
        throw new errors_InputError(`Input '${input}' is ${text.trim()}, above the most modelci accepts (${max.toLocaleString('en-US')}); give a whole number from ${min} to ${max.toLocaleString('en-US')}.`, { input });
    return v;
}
function parse_input_parseNumberText(text, input, min, max) {
    const v = Number(text.trim().replace(/x$/i, ''));
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : max !== undefined ? `of at most ${max}` : '';
    if (!Number.isFinite(v) || (min !== undefined && v < min) || (max !== undefined && v > max)) {
        throw new errors_InputError(`Input '${input}' is '${text.trim()}'; give a number${range ? ` ${range}` : ''}.`, { input });
    }
    return v;
}
function parseProbabilityText(text, input) {
    const t = text.trim();
    const percent = t.endsWith('%');
    const v = Number(percent ? t.slice(0, -1) : t) / (percent ? 100 : 1);
    if (!(v > 0 && v < 1))
        throw new errors_InputError(`Input '${input}' is '${t}'; give a probability strictly between 0 and 1, such as 0.05 or 5%.`, { input });
    return v;
}
function parseChoiceText(text, input, choices) {
    const t = text.trim().toLowerCase();
    const found = choices.find((c) => c.toLowerCase() === t);
    if (found)
        return found;
    const near = closestName(t, choices);
    const quoted = choices.map((c) => `'${c}'`);
    const list = quoted.length === 2 ? `${quoted[0]} or ${quoted[1]}` : `one of ${quoted.join(', ')}`;
    throw new errors_InputError(`Input '${input}' is '${text.trim()}'; use ${list}${near ? ` (did you mean '${near}'?)` : ''}.`, { input });
}
/** Names separated by commas or new lines; blanks dropped. */
function parseListText(text) {
    return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
/** One item per line, `;` separating lines as well (a shell flag cannot easily hold new lines; YAML can, and both agree). */
function parseLinesText(text) {
    return text.split(/[\n;]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
const TIME_UNITS = { us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
function splitUnit(text) {
    const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Zµ%]*)\s*$/.exec(text);
    return m ? { value: Number(m[1]), unit: m[2].toLowerCase() } : undefined;
}
/** A span of time with its unit, in ms. A bare number is refused: seconds or milliseconds cannot be told apart. */
function parseDurationText(text, input) {
    const t = text.trim();
    const q = splitUnit(t);
    if (q && q.unit === '' && Number.isFinite(q.value))
        throw new errors_InputError(`Input '${input}' is '${t}': ${t} what? Write ${t}s, ${t}m or ${t}ms.`, { input });
    const factor = q ? TIME_UNITS[q.unit] : undefined;
    const ms = q && factor !== undefined ? q.value * factor : NaN;
    if (!(ms > 0) || !Number.isFinite(ms))
        throw new errors_InputError(`Input '${input}' is '${t}', not a duration; write e.g. 30s, 5m or 1h.`, { input });
    return ms;
}
/** A latency in ms: a bare number is milliseconds (the unit latencies are quoted in), or give a unit. */
function parseLatencyText(text, input) {
    const t = text.trim();
    const q = splitUnit(t);
    const factor = q ? (q.unit === '' ? 1 : TIME_UNITS[q.unit]) : undefined;
    const ms = q && factor !== undefined && !['m', 'min', 'h'].includes(q.unit) ? q.value * factor : NaN;
    if (!(ms > 0) || !Number.isFinite(ms))
        throw new errors_InputError(`Input '${input}' is '${t}', not a latency; write e.g. 150 (milliseconds), 150ms or 0.2s.`, { input });
    return ms;
}
/** A size in bytes. A bare number is refused: 500 could be bytes, MB or MiB. */
function parseSizeText(text, input) {
    const t = text.trim();
    const q = splitUnit(t);
    if (q && q.unit === '' && Number.isFinite(q.value))
        throw new errors_InputError(`Input '${input}' is '${t}': ${t} what? Write ${t}MB or ${t}MiB.`, { input });
    let bytes = NaN;
    try {
        const parsed = parseQuantity(t, { input });
        if (parsed.dimension === 'bytes')
            bytes = parsed.value;
    }
    catch {
        // fall through to the sentence below
    }
    if (!(bytes > 0) || !Number.isFinite(bytes))
        throw new errors_InputError(`Input '${input}' is '${t}', not a size; write e.g. 500MB, 1.5GiB or 200kB.`, { input });
    return bytes;
}
/** A share between 0 and 1: `5%` or `0.05`. A bare number above 1 is refused with the two spellings. */
function parseShareText(text, input) {
    const t = text.trim();
    const q = splitUnit(t);
    if (!q || (q.unit !== '' && q.unit !== '%') || !Number.isFinite(q.value))
        throw new errors_InputError(`Input '${input}' is '${t}', not a share; write e.g. 5% or 0.05.`, { input });
    if (q.unit === '' && q.value > 1)
        throw new errors_InputError(`Input '${input}' is '${t}', above 1; for ${t}% write ${t}% or ${q.value / 100}.`, { input });
    const v = q.unit === '%' ? q.value / 100 : q.value;
    if (!(v >= 0 && v <= 1))
        throw new errors_InputError(`Input '${input}' is '${t}', outside 0..1; give a share such as 5% or 0.05.`, { input });
    return v;
}
/** A rate limit: a share, where a bare 1 (which would be 100%) is refused as well. */
function parseRateText(text, input) {
    const t = text.trim();
    const q = splitUnit(t);
    if (q && q.unit === '' && q.value >= 1)
        throw new errors_InputError(`Input '${input}' is '${t}', which would mean ${q.value * 100}%; write ${t}% or ${q.value / 100}.`, { input });
    return parseShareText(t, input);
}

;// CONCATENATED MODULE: ./packages/core/src/drift/options.ts

const DEFAULT_DRIFT_OPTIONS = {
    alpha: 0.05,
    correction: 'holm',
    numericEffect: 'wasserstein',
    minNumericEffect: 0.1,
    categoricalEffect: 'jensen-shannon',
    minCategoricalEffect: 0.1,
    minMissingChange: 0.02,
    include: [],
    ignore: [],
    categorical: [],
    failOn: 'drift',
};
function parseDriftOptions(raw) {
    const d = DEFAULT_DRIFT_OPTIONS;
    const text = (name) => raw[name]?.trim() || undefined;
    const number = (name, fallback, max) => {
        const t = text(name);
        return t === undefined ? fallback : parse_input_parseNumberText(t, name, 0, max);
    };
    const choice = (name, fallback, choices) => {
        const t = text(name);
        return t === undefined ? fallback : parseChoiceText(t, name, choices);
    };
    const level = text('significance-level');
    return {
        alpha: level === undefined ? d.alpha : parseProbabilityText(level, 'significance-level'),
        correction: choice('correction', d.correction, ['holm', 'bonferroni', 'fdr_bh', 'none']),
        numericEffect: choice('numeric-effect', d.numericEffect, ['wasserstein', 'psi', 'ks']),
        minNumericEffect: number('min-numeric-effect', d.minNumericEffect),
        categoricalEffect: choice('categorical-effect', d.categoricalEffect, ['jensen-shannon', 'cramers-v']),
        minCategoricalEffect: number('min-categorical-effect', d.minCategoricalEffect, 1),
        minMissingChange: number('min-missing-change', d.minMissingChange, 1),
        include: parseListText(raw.columns ?? ''),
        ignore: parseListText(raw['ignore-columns'] ?? ''),
        categorical: parseListText(raw['categorical-columns'] ?? ''),
        failOn: choice('fail-on', d.failOn, ['drift', 'critical', 'never']),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/check-drift-inputs.ts
const CHECK_DRIFT_INPUTS = [
    { name: 'reference', type: 'path', required: true, what: 'a profile (.json) or reference data (file, directory or glob)', description: "Reference: a profile JSON made by `modelci profile` or this action (the seed format {\"features\": ...} works too), or reference data: a CSV/TSV/JSONL/Parquet file, a directory or a glob." },
    { name: 'current', type: 'path', required: true, what: 'the data to check (file, directory or glob)', description: "The data to check: a CSV/TSV/JSONL/Parquet file, a directory or a glob (all matching files are read as one table)." },
    { name: 'schema', type: 'path', description: "Optional data contract JSON: {\"columns\": {\"name\": {\"type\": \"numeric|categorical\", \"required\", \"nullable\", \"min\", \"max\", \"allowed\"}}}. Breaches are critical." },
    { name: 'delimiter', type: 'string', description: "Field delimiter of delimited text files, one character (e.g. \";\" or \"|\"; \"\\t\" for a tab). Default: \",\" for .csv, tab for .tsv/.tab, sniffed for .txt." },
    { name: 'significance-level', type: 'probability', default: "0.05", description: "Family-wise significance level: with no drift, the whole check raises a false alarm at most this often." },
    { name: 'correction', type: 'choice', choices: ['holm', 'bonferroni', 'fdr_bh', 'none'], default: "holm", description: "Multiple-testing correction across all features: holm, bonferroni, fdr_bh or none." },
    { name: 'numeric-effect', type: 'choice', choices: ['wasserstein', 'psi', 'ks'], default: "wasserstein", description: "Effect size that decides for numeric features: wasserstein (in reference standard deviations), psi (on reference deciles) or ks (the KS statistic D)." },
    { name: 'min-numeric-effect', type: 'number', default: "0.1", description: "Smallest numeric effect size that counts as drift (with a significant test)." },
    { name: 'categorical-effect', type: 'choice', choices: ['jensen-shannon', 'cramers-v'], default: "jensen-shannon", description: "Effect size that decides for categorical features: jensen-shannon (distance, base 2) or cramers-v." },
    { name: 'min-categorical-effect', type: 'number', default: "0.1", description: "Smallest categorical effect size that counts as drift (with a significant test)." },
    { name: 'min-missing-change', type: 'number', default: "0.02", description: "Smallest absolute change in a column's missing rate that counts as drift (with a significant test)." },
    { name: 'columns', type: 'list', description: "Only check these columns (comma- or newline-separated). Default: all reference columns." },
    { name: 'ignore-columns', type: 'list', description: "Columns to skip (comma- or newline-separated), e.g. ids and timestamps." },
    { name: 'categorical-columns', type: 'list', description: "Columns to read as categorical even though they hold numbers (codes, zip codes)." },
    { name: 'fail-on', type: 'choice', choices: ['drift', 'critical', 'never'], default: "drift", description: "What fails the step: drift (any drifted feature or critical schema problem), critical (schema problems only) or never." },
    { name: 'report-path', type: 'path', default: "modelci-drift-report.json", description: "Where to write the DriftReport JSON (modelci/drift-report@1)." },
    { name: 'profile-path', type: 'path', description: "If set, also write a profile JSON here, to use as the next reference." },
    { name: 'profile-of', type: 'choice', choices: ['current', 'reference'], default: "current", description: "Which data the profile describes: current or reference." },
];
/** `modelci profile`: a CLI command only (the action writes a profile with profile-path). */
const PROFILE_INPUTS = [
    { name: 'data', type: 'path', required: true, what: 'the data to profile (file, directory or glob)', description: 'The data to profile: a CSV/TSV/JSONL/Parquet file, a directory or a glob.' },
    { name: 'out', type: 'path', required: true, what: 'the path of the profile JSON to write', description: 'Where to write the profile JSON.' },
    ...CHECK_DRIFT_INPUTS.filter((s) => ['columns', 'ignore-columns', 'categorical-columns', 'delimiter'].includes(s.name)),
];

;// CONCATENATED MODULE: ./packages/core/src/steps/check-drift.ts









/**
 * The whole step: validate inputs, check, then write the report (and profile) only once all
 * succeeded, each atomically, so a failed step leaves nothing half-written.
 */
async function runDriftCheck(req, now = new Date()) {
    const v = parse_input_parseInputs(CHECK_DRIFT_INPUTS, req);
    const options = parseDriftOptions(req);
    const profileOf = v['profile-of'];
    const reportPath = v['report-path'];
    const profilePath = v['profile-path'];
    const { report, reference: ref, current: table } = await checkDrift({ reference: v.reference, current: v.current, schema: v.schema, options, delimiter: req.delimiter || undefined, readNewColumns: profilePath !== undefined && profileOf === 'current' }, now);
    const profile = profilePath
        ? profileFromReference(profileOf === 'reference' ? ref : referenceFromTable(table), now)
        : undefined;
    const outputs = {
        drifted: String(report.verdict.drifted),
        'drifted-features': JSON.stringify(report.verdict.driftedFeatures),
        'drift-share': String(Number(report.verdict.driftShare.toFixed(6))),
        report: reportPath,
        failed: String(report.verdict.failed),
    };
    await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n', { input: 'report-path', example: 'drift-report.json' });
    if (profilePath && profile)
        await writeFileAtomic(profilePath, JSON.stringify(profile) + '\n', { input: 'profile-path', example: 'profile.json' });
    return { report, reportPath, profilePath, markdown: renderDriftMarkdown(report), annotations: driftAnnotations(report), outputs };
}
/** Profile a dataset and write the profile atomically; returns the path and a one-line summary. */
async function runProfile(req, now = new Date()) {
    const { data, out } = parse_input_parseInputs(PROFILE_INPUTS, req);
    const options = parseDriftOptions(req);
    const ref = await loadReference(data, options, undefined, req.delimiter || undefined);
    const profile = profileFromReference(ref, now);
    const text = JSON.stringify(profile) + '\n';
    await writeFileAtomic(out, text, { input: 'out', example: 'profile.json' });
    const exact = Object.values(profile.features).filter((f) => f.type === 'categorical' || f.values !== undefined).length;
    return { path: out, summary: `Profiled ${ref.rows.toLocaleString('en-US')} rows, ${ref.features.length} columns (${exact} exact, ${ref.features.length - exact} sketched) into ${out} (${(text.length / 1024).toFixed(1)} KiB).` };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./packages/core/src/model/onnx-runtime.ts

let loaded;
function loadOnnxRuntime() {
    loaded ??= __nccwpck_require__.e(/* import() */ 701).then(__nccwpck_require__.t.bind(__nccwpck_require__, 701, 23)).then((mod) => {
        // A CommonJS package: its exports arrive as the namespace or as its default, by loader.
        const ort = (mod.default ?? mod);
        ort.env.logLevel = 'error';
        return ort;
    }, (e) => {
        loaded = undefined;
        throw new errors_InputError(`onnxruntime-node could not be loaded on ${process.platform}/${process.arch} (${firstLine(e)}); ` +
            'modelci ships its native library for linux/x64 only: on other runners install onnxruntime-node 1.30 beside the action (see the quality-gates README).');
    });
    return loaded;
}
function firstLine(e) {
    const text = e instanceof Error ? e.message : String(e);
    return text.split('\n')[0].trim().replace(/\.$/, '');
}

;// CONCATENATED MODULE: ./packages/core/src/model/onnx-file.ts
/**
 * Reads what modelci needs from an ONNX file (protobuf wire format, decoded by hand) without
 * touching tensor payloads: names, types, shapes, metadata and external-data files. Models reach
 * 2 GB, so the file is read through a handle in small windows and payloads are skipped by offset.
 * A file that is not ONNX, or is cut short, gets one clear sentence here, before onnxruntime's.
 *
 * Field numbers are onnx.proto's (checked against onnx-proto's generated encoder).
 */



// Enough for every header between two tensor payloads in one read.
const WINDOW_BYTES = 64 * 1024;
// A name or metadata value longer than this is a mis-parse of random bytes, not a model.
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
const MAX_FIELD_NUMBER = 2 ** 29 - 1;
const WIRE_VARINT = 0;
const WIRE_LEN = 2;
// Payload sizes of the fixed-width wire types; 3 and 4 (groups) and 6, 7 do not occur in ONNX.
const FIXED_BYTES = { 1: 8, 5: 4 };
// TensorProto.DataType -> onnxruntime's names (onnxruntime-common Tensor.Type where it has one).
const ELEM_TYPES = {
    1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string',
    9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128',
    16: 'bfloat16', 17: 'float8e4m3fn', 18: 'float8e4m3fnuz', 19: 'float8e5m2', 20: 'float8e5m2fnuz',
    21: 'uint4', 22: 'int4', 23: 'float4e2m1',
};
// Bytes per element, to size external data that gives no length (onnxruntime does the same).
const ELEM_BYTES = {
    1: 4, 2: 1, 3: 1, 4: 2, 5: 2, 6: 4, 7: 8, 9: 1, 10: 2, 11: 8, 12: 4, 13: 8, 14: 8, 15: 16, 16: 2,
    17: 1, 18: 1, 19: 1, 20: 1, 21: 0.5, 22: 0.5, 23: 0.5,
};
const TENSOR_DATA_LOCATION_EXTERNAL = 1;
// ---------------------------------------------------------------------------------------------
// Why bytes are not a readable model; phrased once the file's name and size are known.
class BadBytes extends Error {
}
/** Bytes that protobuf (as ONNX uses it) cannot parse. */
class NotProtobuf extends BadBytes {
    at;
    what;
    constructor(at, what) {
        super(what);
        this.at = at;
        this.what = what;
    }
    sentence(file) {
        return `${file} is not an ONNX model: byte ${this.at} holds ${this.what}, which is not valid ONNX protobuf; export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file.`;
    }
}
/** A field that needs bytes past the end of the file. */
class CutShort extends BadBytes {
    at;
    end;
    constructor(at, end) {
        super(`cut short at ${at}`);
        this.at = at;
        this.end = end;
    }
    sentence(file, size) {
        const needs = this.end === undefined ? '' : ` needs bytes up to ${this.end}`;
        return `${file} is cut short: a field runs past the end of the file (the field at byte ${this.at}${needs}, but the file ends at byte ${size}); the file is probably truncated: download or export it again.`;
    }
}
/** Parsed as protobuf, but without what every ONNX model has. */
class MissingPart extends BadBytes {
    part;
    constructor(part) {
        super(`no ${part}`);
        this.part = part;
    }
    sentence(file) {
        return `${file} is not an ONNX model (or is cut short): it has no ${this.part}; export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file.`;
    }
}
// ---------------------------------------------------------------------------------------------
// Reading: one reusable window over the file, refilled by positional reads.
class FileWindow {
    handle;
    size;
    buf = Buffer.allocUnsafe(WINDOW_BYTES);
    start = 0;
    filled = 0;
    constructor(handle, size) {
        this.handle = handle;
        this.size = size;
    }
    /** Whether byte() can read [offset, offset + length) without a read. */
    holds(offset, length) {
        return offset >= this.start && offset + length <= this.start + this.filled;
    }
    /** Moves the window to start at `offset`: byte() then reads up to WINDOW_BYTES from there. */
    async load(offset) {
        const n = Math.min(WINDOW_BYTES, this.size - offset);
        await readFully(this.handle, this.buf, n, offset);
        this.start = offset;
        this.filled = n;
    }
    byte(offset) {
        return this.buf[offset - this.start];
    }
    async text(offset, length) {
        if (length <= WINDOW_BYTES) {
            if (!this.holds(offset, length))
                await this.load(offset);
            return this.buf.toString('utf8', offset - this.start, offset - this.start + length);
        }
        const own = Buffer.allocUnsafe(length);
        await readFully(this.handle, own, length, offset);
        return own.toString('utf8');
    }
    async head(length) {
        const n = Math.min(length, this.size);
        await this.load(0);
        return Buffer.from(this.buf.subarray(0, n));
    }
}
async function readFully(handle, buf, length, position) {
    for (let done = 0; done < length;) {
        const { bytesRead } = await handle.read(buf, done, length - done, position + done);
        // Only when the file shrank after we took its size.
        if (bytesRead === 0)
            throw new CutShort(position + done);
        done += bytesRead;
    }
}
// A tag and a length (or value) are two varints of at most 10 bytes each.
const MAX_VARINT_BYTES = 10;
const MAX_FIELD_HEAD_BYTES = 2 * MAX_VARINT_BYTES;
/**
 * Makes the next `length` bytes of a message ending at `limit` readable by byte(). Reads only
 * when the window lacks them, so walking many small fields (a graph's nodes) stays synchronous.
 */
async function reach(w, offset, length, limit) {
    if (!w.holds(offset, Math.min(length, limit - offset)))
        await w.load(offset);
}
/** A varint starting at `offset` inside a message ending at `limit` (in the window): its value and the next offset. */
function readVarint(w, offset, limit) {
    let value = 0;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
        if (offset + i >= limit) {
            throw offset + i >= w.size ? new CutShort(offset) : new NotProtobuf(offset, 'a number running past the end of its message');
        }
        const b = w.byte(offset + i);
        value += (b & 0x7f) * 2 ** (7 * i);
        if (b < 0x80)
            return [i >= 7 ? varintAsInt64(w, offset, i + 1) : value, offset + i + 1];
    }
    throw new NotProtobuf(offset, 'a number longer than 10 bytes');
}
// Past 2^53 a double loses bits; negative int64s (10 bytes) need two's complement.
function varintAsInt64(w, offset, count) {
    let v = 0n;
    for (let i = count - 1; i >= 0; i--)
        v = (v << 7n) | BigInt(w.byte(offset + i) & 0x7f);
    return Number(BigInt.asIntN(64, v));
}
/** The field whose tag is at `at`, its head already in the window. */
function readField(w, at, limit) {
    const [key, afterKey] = readVarint(w, at, limit);
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (number < 1 || number > MAX_FIELD_NUMBER)
        throw new NotProtobuf(at, `a field numbered ${number}`);
    if (wire === WIRE_VARINT) {
        const [value, end] = readVarint(w, afterKey, limit);
        return { number, wire, value, at, start: afterKey, end };
    }
    let start = afterKey;
    let length = FIXED_BYTES[wire];
    if (wire === WIRE_LEN)
        [length, start] = readVarint(w, afterKey, limit);
    if (length === undefined)
        throw new NotProtobuf(at, `a field of wire type ${wire}${wire === 3 || wire === 4 ? ' (a group)' : ''}`);
    const end = start + length;
    if (end > w.size)
        throw new CutShort(at, end);
    if (end > limit)
        throw new NotProtobuf(at, `a field running to byte ${end}, past the end of its message at byte ${limit}`);
    return { number, wire, value: length, at, start, end };
}
/**
 * The fields of the message spanning [start, end), only those numbered in `wanted` when given;
 * payloads are not read. Unwanted fields are skipped without a yield, which is what keeps a
 * graph of 100,000 nodes cheap.
 */
async function* fields(w, start, end, wanted) {
    for (let at = start; at < end;) {
        await reach(w, at, MAX_FIELD_HEAD_BYTES, end);
        const field = readField(w, at, end);
        at = field.end;
        if (!wanted || wanted.includes(field.number))
            yield field;
    }
}
// Protobuf parsers treat a known field with an unexpected wire type as unknown: so do we.
const isVarint = (f, number) => f.number === number && f.wire === WIRE_VARINT;
const isLen = (f, number) => f.number === number && f.wire === WIRE_LEN;
async function readText(w, f) {
    if (f.value > MAX_TEXT_BYTES)
        throw new NotProtobuf(f.at, `a ${f.value}-byte name or text value`);
    return w.text(f.start, f.value);
}
/** A repeated int64 field, packed (one length-delimited run) or not (one varint each). */
async function readInt64s(w, f, into) {
    if (f.wire === WIRE_VARINT) {
        into.push(f.value);
        return;
    }
    for (let at = f.start; at < f.end;) {
        await reach(w, at, MAX_VARINT_BYTES, f.end);
        const [value, next] = readVarint(w, at, f.end);
        into.push(value);
        at = next;
    }
}
// ---------------------------------------------------------------------------------------------
// ONNX messages.
/** StringStringEntryProto { key = 1, value = 2 }. */
async function readEntry(w, f) {
    let key = '';
    let value = '';
    for await (const g of fields(w, f.start, f.end)) {
        if (isLen(g, 1))
            key = await readText(w, g);
        else if (isLen(g, 2))
            value = await readText(w, g);
    }
    return [key, value];
}
/** OperatorSetIdProto { domain = 1, version = 2 }. */
async function readOpset(w, f) {
    let domain = '';
    let version = 0;
    for await (const g of fields(w, f.start, f.end)) {
        if (isLen(g, 1))
            domain = await readText(w, g);
        else if (isVarint(g, 2))
            version = g.value;
    }
    return [domain, version];
}
/** ValueInfoProto { name = 1, type = 2 }. */
async function readValueInfo(w, f) {
    const info = { name: '', kind: 'other' };
    for await (const g of fields(w, f.start, f.end)) {
        if (isLen(g, 1))
            info.name = await readText(w, g);
        else if (isLen(g, 2))
            await readType(w, g, info);
    }
    return info;
}
/** TypeProto { tensor_type = 1, sequence_type = 4, map_type = 5 }; sparse and optional types are 'other'. */
async function readType(w, f, info) {
    for await (const g of fields(w, f.start, f.end)) {
        if (isLen(g, 1)) {
            info.kind = 'tensor';
            await readTensorType(w, g, info);
        }
        else if (isLen(g, 4))
            info.kind = 'sequence';
        else if (isLen(g, 5))
            info.kind = 'map';
    }
}
/** TypeProto.Tensor { elem_type = 1, shape = 2 }. */
async function readTensorType(w, f, info) {
    for await (const g of fields(w, f.start, f.end)) {
        if (isVarint(g, 1))
            info.elemType = ELEM_TYPES[g.value] ?? `unknown(${g.value})`;
        else if (isLen(g, 2))
            info.shape = await readShape(w, g);
    }
}
/** TensorShapeProto { dim = 1 { dim_value = 1, dim_param = 2 } }. */
async function readShape(w, f) {
    const dims = [];
    for await (const d of fields(w, f.start, f.end)) {
        if (!isLen(d, 1))
            continue;
        let dim = '?';
        for await (const g of fields(w, d.start, d.end)) {
            if (isVarint(g, 1))
                dim = g.value;
            else if (isLen(g, 2))
                dim = await readText(w, g);
        }
        dims.push(dim);
    }
    return dims;
}
/** TensorProto { dims = 1, data_type = 2, name = 8, external_data = 13, data_location = 14 }; payloads skipped. */
async function readInitializer(w, f) {
    const init = { name: '', dims: [], dataType: 0, external: false, entries: new Map() };
    for await (const g of fields(w, f.start, f.end)) {
        if (g.number === 1 && (g.wire === WIRE_VARINT || g.wire === WIRE_LEN))
            await readInt64s(w, g, init.dims);
        else if (isVarint(g, 2))
            init.dataType = g.value;
        else if (isLen(g, 8))
            init.name = await readText(w, g);
        else if (isLen(g, 13)) {
            init.entries.set(...(await readEntry(w, g)));
        }
        else if (isVarint(g, 14))
            init.external = g.value === TENSOR_DATA_LOCATION_EXTERNAL;
    }
    return init;
}
/** SparseTensorProto { values = 1, indices = 2 }: the values tensor carries the name; either may be external. */
async function readSparseInitializer(w, f) {
    const parts = [];
    for await (const g of fields(w, f.start, f.end)) {
        if (isLen(g, 1) || isLen(g, 2))
            parts.push(await readInitializer(w, g));
    }
    return parts;
}
/** GraphProto { node = 1 (skipped), initializer = 5, input = 11, output = 12, sparse_initializer = 15 }. */
async function readGraph(w, f) {
    const graph = { inputs: [], outputs: [], initializers: [] };
    for await (const g of fields(w, f.start, f.end, [5, 11, 12, 15])) {
        if (isLen(g, 5))
            graph.initializers.push(await readInitializer(w, g));
        else if (isLen(g, 11))
            graph.inputs.push(await readValueInfo(w, g));
        else if (isLen(g, 12))
            graph.outputs.push(await readValueInfo(w, g));
        else if (isLen(g, 15))
            graph.initializers.push(...(await readSparseInitializer(w, g)));
    }
    return graph;
}
/**
 * ModelProto { ir_version = 1, producer_name = 2, producer_version = 3, graph = 7, opset_import = 8,
 * metadata_props = 14 }. The top level is scanned before any text is read, so random bytes
 * without the parts every model has are refused before they can ask for large reads.
 */
async function readModel(w) {
    let irVersion = 0;
    const graphs = [];
    let producerName;
    let producerVersion;
    const opsets = [];
    const metadata = [];
    for await (const f of fields(w, 0, w.size, [1, 2, 3, 7, 8, 14])) {
        if (isVarint(f, 1))
            irVersion = f.value;
        else if (isLen(f, 2))
            producerName = f;
        else if (isLen(f, 3))
            producerVersion = f;
        else if (isLen(f, 7))
            graphs.push(f);
        else if (isLen(f, 8))
            opsets.push(f);
        else if (isLen(f, 14))
            metadata.push(f);
    }
    // ONNX requires all three (onnxruntime refuses a model without an opset import).
    if (graphs.length === 0)
        throw new MissingPart('graph');
    if (irVersion < 1)
        throw new MissingPart('IR version');
    if (opsets.length === 0)
        throw new MissingPart('opset import');
    const name = producerName ? await readText(w, producerName) : '';
    const version = producerVersion ? await readText(w, producerVersion) : '';
    return {
        irVersion,
        producer: `${name} ${version}`.trim(),
        opsets: Object.fromEntries(await mapInOrder(opsets, (f) => readOpset(w, f))),
        metadata: Object.fromEntries(await mapInOrder(metadata, (f) => readEntry(w, f))),
        graph: mergeGraphs(await mapInOrder(graphs, (f) => readGraph(w, f))),
    };
}
// Protobuf merges a message field given twice; no exporter does, but onnxruntime would read both.
function mergeGraphs(parts) {
    return {
        inputs: parts.flatMap((g) => g.inputs),
        outputs: parts.flatMap((g) => g.outputs),
        initializers: parts.flatMap((g) => g.initializers),
    };
}
// One at a time: the reads share one window.
async function mapInOrder(items, fn) {
    const out = [];
    for (const item of items)
        out.push(await fn(item));
    return out;
}
const EXPORT_TO_ONNX = 'export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx) and give that file';
function sniff(head) {
    const ascii = head.toString('latin1');
    if (ascii.startsWith('PK\x03\x04') || ascii.startsWith('PK\x05\x06')) {
        return { looksLike: 'a zip archive (a PyTorch checkpoint, .npz or .keras file)', fix: 'export the model with torch.onnx.export (Keras: tf2onnx) and give the .onnx file' };
    }
    if (head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) {
        return { looksLike: 'a Python pickle (a pickled scikit-learn or PyTorch model)', fix: 'convert the model with skl2onnx or torch.onnx.export and give the .onnx file' };
    }
    if (ascii.startsWith('\x89HDF'))
        return { looksLike: 'an HDF5 file (a Keras .h5 model)', fix: 'convert it with tf2onnx and give the .onnx file' };
    if (ascii.startsWith('\x1f\x8b'))
        return { looksLike: 'a gzip archive', fix: 'unpack it and give the .onnx file inside' };
    if (head.length > 8 && head[8] === 0x7b && head.readBigUInt64LE(0) < 2n ** 32n) {
        return { looksLike: 'a safetensors weights file', fix: 'it holds weights only: export the whole model with torch.onnx.export and give the .onnx file' };
    }
    if (!head.every(isPrintable))
        return undefined;
    if (ascii.startsWith('version https://git-lfs')) {
        return { looksLike: 'a Git LFS pointer', fix: 'check the repository out with LFS files (actions/checkout with lfs: true, or git lfs pull)' };
    }
    if (/^\s*<(!doctype|html)/i.test(ascii))
        return { looksLike: 'an HTML page', fix: 'the download returned a web page: check the URL and its credentials' };
    if (/^\s*[{[]/.test(ascii))
        return { looksLike: 'JSON text', fix: EXPORT_TO_ONNX };
    return { looksLike: 'text', fix: EXPORT_TO_ONNX };
}
const isPrintable = (b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b <= 0x7e);
function externalRefs(initializers, file, where) {
    const ends = new Map();
    for (const init of initializers) {
        if (!init.external)
            continue;
        const location = init.entries.get('location');
        if (!location)
            throw new errors_InputError(`${file} marks initializer '${init.name}' as external data but gives no location; export the model again with its external data.`, where);
        const offset = byteCount(init, 'offset', file, where) ?? 0;
        const length = byteCount(init, 'length', file, where) ?? payloadBytes(init);
        ends.set(location, Math.max(ends.get(location) ?? 0, offset + length));
    }
    return [...ends].map(([location, end]) => ({ location, end }));
}
function byteCount(init, key, file, where) {
    const text = init.entries.get(key);
    if (text === undefined)
        return undefined;
    if (!/^\d+$/.test(text))
        throw new errors_InputError(`${file} gives initializer '${init.name}' an external-data ${key} of '${text}', which is not a byte count; export the model again with its external data.`, where);
    return Number(text);
}
// Without a length, onnxruntime reads the tensor's own size; 0 when that is unknown.
function payloadBytes(init) {
    const elements = init.dims.reduce((n, d) => n * Math.max(d, 0), 1);
    return Math.ceil(elements * (ELEM_BYTES[init.dataType] ?? 0));
}
async function checkExternalFiles(modelPath, refs, where) {
    const dir = external_node_path_default().dirname(external_node_path_default().resolve(modelPath));
    const files = [];
    for (const { location, end } of refs) {
        const resolved = external_node_path_default().resolve(dir, location);
        const outside = external_node_path_default().isAbsolute(location) ? 'an absolute path' : escapes(dir, resolved) ? 'it climbs out with ..' : undefined;
        if (outside) {
            throw new errors_InputError(`${modelPath} keeps weights in '${location}', outside the model's folder (${outside}), and onnxruntime only reads external data from the model's folder: export the model again with a location relative to it.`, where);
        }
        const bytes = await regularFileSize(resolved);
        if (bytes === undefined) {
            throw new errors_InputError(`${modelPath} keeps its weights in the external-data file '${location}', which is missing; it must sit beside the model (upload and download it with the .onnx file).`, where);
        }
        if (bytes < end) {
            throw new errors_InputError(`The external-data file '${location}' of ${modelPath} has ${bytes} bytes but the model reads up to byte ${end}; it is truncated: copy it again.`, where);
        }
        files.push({ location, path: resolved, bytes });
    }
    return files;
}
function escapes(dir, resolved) {
    const rel = external_node_path_default().relative(dir, resolved);
    return rel === '' || rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel);
}
async function regularFileSize(file) {
    try {
        const s = await (0,promises_namespaceObject.stat)(file);
        return s.isFile() ? s.size : undefined;
    }
    catch {
        return undefined;
    }
}
// ---------------------------------------------------------------------------------------------
async function openModelFile(modelPath, input, where) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(modelPath, 'r');
    }
    catch (e) {
        throw openError(e, modelPath, input, where);
    }
    try {
        const s = await handle.stat();
        if (s.isDirectory())
            throw new errors_InputError(`The ${input} path ${modelPath} is a directory; give the path of the .onnx file itself.`, where);
        if (s.size === 0)
            throw new errors_InputError(`The ${input} file ${modelPath} is empty; the export or download did not finish: export or download it again.`, where);
        return { handle, size: s.size };
    }
    catch (e) {
        await handle.close();
        throw e;
    }
}
function openError(e, modelPath, input, where) {
    const code = e.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
        return new errors_InputError(`The ${input} file ${modelPath} does not exist; check the path (relative paths start at ${process.cwd()}).`, where);
    }
    if (code === 'EISDIR')
        return new errors_InputError(`The ${input} path ${modelPath} is a directory; give the path of the .onnx file itself.`, where);
    if (code === 'EACCES' || code === 'EPERM')
        return new errors_InputError(`The ${input} file ${modelPath} cannot be read (${code}); check its permissions.`, where);
    return e;
}
/** Parses the model; when that fails, says what the file looks like instead. */
async function readModelOrExplain(w, modelPath, where) {
    try {
        return await readModel(w);
    }
    catch (e) {
        if (!(e instanceof BadBytes))
            throw e;
        const seen = sniff(await w.head(64));
        if (seen)
            throw new errors_InputError(`${modelPath} is not an ONNX model: its first bytes look like ${seen.looksLike}; ${seen.fix}.`, where);
        throw new errors_InputError(e.sentence(modelPath, w.size), where);
    }
}
/**
 * The header of the ONNX model at `modelPath`, checked: an InputError (one sentence) when the file
 * is missing, not ONNX, cut short, or refers to external data that is missing or outside its folder.
 * `input` names the action input or CLI flag that gave the path, for the error.
 */
async function readOnnxModelInfo(modelPath, input = 'model') {
    const where = { file: modelPath, input };
    const { handle, size } = await openModelFile(modelPath, input, where);
    let model;
    try {
        model = await readModelOrExplain(new FileWindow(handle, size), modelPath, where);
    }
    finally {
        await handle.close();
    }
    const { graph } = model;
    const externalData = await checkExternalFiles(modelPath, externalRefs(graph.initializers, modelPath, where), where);
    const initializerNames = new Set(graph.initializers.map((i) => i.name));
    return {
        path: modelPath,
        irVersion: model.irVersion,
        producer: model.producer,
        opsets: model.opsets,
        // Exporters before IR 4 list initializers as graph inputs too; nobody feeds those.
        inputs: graph.inputs.filter((i) => !initializerNames.has(i.name)),
        outputs: graph.outputs,
        metadata: model.metadata,
        externalData,
        fileBytes: size,
        totalBytes: size + externalData.reduce((sum, f) => sum + f.bytes, 0),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/model/model-session.ts







const EXECUTION_PROVIDERS = (/* unused pure expression or super */ null && (['cpu', 'cuda']));
/** The provider libraries onnxruntime-node loads for CUDA (from NuGet's Microsoft.ML.OnnxRuntime.Gpu.Linux). */
const CUDA_PROVIDER_FILES = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so'];
async function openModel(modelPath, options = {}) {
    const input = options.input ?? 'model';
    const provider = options.provider ?? 'cpu';
    const info = await readOnnxModelInfo(modelPath, input);
    const ort = await loadOnnxRuntime();
    if (provider === 'cuda') {
        if (options.cudaDir)
            installCudaProvider(options.cudaDir);
        checkCudaProvider();
    }
    let session;
    try {
        session = await ort.InferenceSession.create(modelPath, {
            executionProviders: [provider],
            graphOptimizationLevel: 'all',
        });
    }
    catch (e) {
        const why = firstLine(e);
        if (provider === 'cuda') {
            throw new errors_InputError(`execution-provider is cuda, but onnxruntime could not start the CUDA execution provider for ${modelPath} (${why}); run on a runner with an NVIDIA GPU, CUDA 12 and cuDNN 9, or set execution-provider: cpu.`, { input: 'execution-provider' });
        }
        throw new errors_InputError(`onnxruntime ${ort.env.versions.node} could not load the model ${modelPath}: ${why}; check that it was exported for an opset onnxruntime 1.30 supports and needs no custom operators.`, { file: modelPath, input });
    }
    return {
        path: modelPath,
        info,
        provider,
        inputs: session.inputMetadata.map(toSpec),
        outputs: session.outputMetadata.map(toSpec),
        ort,
        run: (feeds, fetch) => (fetch ? session.run(feeds, [...fetch]) : session.run(feeds)),
        release: () => session.release(),
    };
}
function toSpec(m) {
    return m.isTensor ? { name: m.name, type: m.type, shape: m.shape } : { name: m.name, shape: [] };
}
/**
 * onnxruntime-node loads the CUDA provider from libonnxruntime_providers_cuda.so beside its
 * native binding, and its npm package does not carry that file (see the action README for how a
 * GPU runner gets it). Saying so here beats onnxruntime's dlopen message.
 */
function checkCudaProvider() {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new errors_InputError(`execution-provider is cuda, which modelci supports on linux/x64 runners only; this runner is ${process.platform}/${process.arch}.`, { input: 'execution-provider' });
    }
    const dir = onnxRuntimeBinaryDir();
    if (dir && !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(dir, CUDA_PROVIDER_FILES[0]))) {
        throw new errors_InputError(`execution-provider is cuda, but onnxruntime's CUDA provider (${CUDA_PROVIDER_FILES[0]}) is not installed in ${dir}; set onnxruntime-cuda-dir to a folder holding ${CUDA_PROVIDER_FILES.join(' and ')} (see the quality-gates README), or set execution-provider: cpu.`, { input: 'onnxruntime-cuda-dir' });
    }
}
/** Copies the provider libraries next to libonnxruntime, where onnxruntime looks for them. */
function installCudaProvider(from) {
    const dir = onnxRuntimeBinaryDir();
    if (!dir)
        return;
    for (const file of CUDA_PROVIDER_FILES) {
        const source = external_node_path_default().join(from, file);
        if (!(0,external_node_fs_namespaceObject.existsSync)(source)) {
            throw new errors_InputError(`onnxruntime-cuda-dir is ${from}, which has no ${file}; point it at a folder holding ${CUDA_PROVIDER_FILES.join(' and ')} from onnxruntime 1.30.0 (see the quality-gates README).`, { input: 'onnxruntime-cuda-dir' });
        }
        const target = external_node_path_default().join(dir, file);
        if (!(0,external_node_fs_namespaceObject.existsSync)(target))
            (0,external_node_fs_namespaceObject.copyFileSync)(source, target);
    }
}
/**
 * The folder holding onnxruntime's native library, where provider libraries must sit: inside a
 * bundle, onnxruntime-node loads it from ../bin/napi-v6/<platform>/<arch>/ next to the bundle;
 * from source, from the installed package.
 */
function onnxRuntimeBinaryDir() {
    const tail = external_node_path_default().join('bin', 'napi-v6', process.platform, process.arch);
    const bundled = external_node_path_default().join(external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url)), '..', tail);
    if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(bundled, 'onnxruntime_binding.node')))
        return bundled;
    try {
        const pkg = (0,external_node_module_namespaceObject.createRequire)(import.meta.url).resolve('onnxruntime-node/package.json');
        return external_node_path_default().join(external_node_path_default().dirname(pkg), tail);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/model/input-mapping.ts
/**
 * Which table columns feed which model inputs. A model takes either one input per column (named
 * after it) or one [N, F] matrix of F feature columns, as scikit-learn and PyTorch exports do.
 * Each model input is bound to its columns once; batches are then views into prepared arrays, so
 * evaluation costs little beyond onnxruntime's own time.
 */


const NUMERIC_TYPES = new Set(['float32', 'float64', 'float16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool']);
const SUPPORTED_TYPES = new Set(['float32', 'float64', 'int64', 'int32', 'bool', 'string']);
/** Parses `input = col1, col2` lines (':' also accepted) of the input-mapping input. */
function parseInputMapping(text, inputName = 'input-mapping') {
    const mapping = new Map();
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.replace(/#.*$/, '').trim();
        if (!line)
            return;
        const m = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(line);
        const columns = m?.[2].split(',').map((c) => c.trim()).filter(Boolean) ?? [];
        if (!m || columns.length === 0) {
            throw new errors_InputError(`${inputName} line ${i + 1} ('${line}') is not 'model_input = column, column, ...'; write one model input per line followed by the columns it takes.`, { input: inputName, line: i + 1 });
        }
        if (mapping.has(m[1])) {
            throw new errors_InputError(`${inputName} maps model input '${m[1]}' twice (line ${i + 1}); give each input one line.`, { input: inputName, line: i + 1 });
        }
        mapping.set(m[1], columns);
    });
    return mapping;
}
/** Splits a comma list or parses a JSON array of names (the forms exporters store in metadata). */
function parseNameList(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('[')) {
        try {
            const parsed = JSON.parse(trimmed);
            if (Array.isArray(parsed))
                return parsed.map((v) => String(v));
        }
        catch {
            // not JSON after all: read it as a comma list
        }
    }
    return trimmed.split(',').map((s) => s.trim()).filter(Boolean);
}
function planFeeds(table, inputs, ort, options) {
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const chosen = chooseColumns(table, inputs, options);
    const bindings = [];
    const prepared = [];
    const rowHasMissing = new Uint8Array(table.rowCount);
    let fixedBatch;
    for (const spec of inputs) {
        const { columns, source } = chosen.get(spec.name);
        const binding = bindInput(spec, columns, source);
        const batch = spec.shape[0];
        if (typeof batch === 'number' && batch > 0) {
            if (batch !== 1) {
                throw new errors_InputError(`Model input '${spec.name}' has a fixed batch size of ${batch}; re-export the model with a dynamic first dimension (e.g. dynamic_axes in torch.onnx.export) so it can take any number of rows.`, { input: 'model' });
            }
            fixedBatch = 1;
        }
        bindings.push(binding);
        prepared.push(prepareValues(binding, columns.map((c) => byName.get(c)), table.rowCount, rowHasMissing));
    }
    let missingRows = 0;
    for (let r = 0; r < rowHasMissing.length; r++)
        missingRows += rowHasMissing[r];
    const tensor = (b, data, rows) => new ort.Tensor(b.type, data, b.dims.map((d) => (d === -1 ? rows : d)));
    return {
        bindings,
        rowCount: table.rowCount,
        rowHasMissing,
        missingRows,
        fixedBatch,
        feeds(start, end) {
            const feeds = {};
            bindings.forEach((b, i) => {
                const all = prepared[i];
                const slice = Array.isArray(all) ? all.slice(start * b.width, end * b.width) : all.subarray(start * b.width, end * b.width);
                feeds[b.input] = tensor(b, slice, end - start);
            });
            return feeds;
        },
        filledRow(fill) {
            if (!bindings.some((b) => b.type !== 'string'))
                return undefined;
            const feeds = {};
            for (const b of bindings)
                feeds[b.input] = tensor(b, filled(b, fill), 1);
            return feeds;
        },
    };
}
/** Decides each model input's columns: input-mapping, then same-name columns, then one matrix input. */
function chooseColumns(table, inputs, options) {
    const columnNames = table.columns.map((c) => c.name);
    const known = new Set(columnNames);
    const inputNames = inputs.map((s) => s.name);
    const chosen = new Map();
    const checkColumns = (columns, input, what) => {
        for (const c of columns) {
            if (!known.has(c)) {
                const near = closestName(c, columnNames);
                throw new errors_InputError(`${what} names column '${c}', which the test data does not have${near ? `; did you mean '${near}'?` : `; its columns are ${listNames(columnNames)}.`}`, { input });
            }
            if (c === options.labelColumn) {
                throw new errors_InputError(`${what} feeds the label column '${c}' to the model; a model must not see the answer it is scored on, so drop it from ${input}.`, { input });
            }
        }
    };
    for (const [input, columns] of options.mapping ?? []) {
        if (!inputNames.includes(input)) {
            const near = closestName(input, inputNames);
            throw new errors_InputError(`input-mapping names model input '${input}', which the model does not have${near ? `; did you mean '${near}'?` : `; its inputs are ${listNames(inputNames)}.`}`, { input: 'input-mapping' });
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
        throw new errors_InputError(`The test data has no columns named like the model inputs ${listNames(unbound.map((s) => s.name))}; rename the columns after the inputs or map them with input-mapping (one 'input = column, ...' per line).`, { input: 'input-mapping' });
    }
    if (unbound.length === 1) {
        const spec = unbound[0];
        const metadataNames = options.metadata?.feature_names;
        if (options.features?.length) {
            checkColumns(options.features, 'features', 'features');
            chosen.set(spec.name, { columns: options.features, source: 'features' });
        }
        else if (metadataNames && parseNameList(metadataNames).length > 0) {
            const columns = parseNameList(metadataNames);
            checkColumns(columns, 'features', `The model's feature_names metadata`);
            chosen.set(spec.name, { columns, source: 'model metadata' });
        }
        else {
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
function bindInput(spec, columns, source) {
    const type = spec.type;
    if (!type) {
        throw new errors_InputError(`Model input '${spec.name}' is not a tensor (a sequence or map); modelci feeds tables, so evaluate this model with your own script and pass its results as a report.`, { input: 'model' });
    }
    if (!SUPPORTED_TYPES.has(type)) {
        throw new errors_InputError(`Model input '${spec.name}' takes ${type} values, which modelci cannot build from a table; export the model with float32 inputs (or float64, int64, int32, bool, string).`, { input: 'model' });
    }
    const shape = spec.shape;
    if (shape.length > 2) {
        throw new errors_InputError(`Model input '${spec.name}' has shape [${shape.join(', ')}], more than rows x features; modelci feeds tables, so evaluate image or sequence models with your own script and pass its results as a report.`, { input: 'model' });
    }
    const last = shape.length === 2 ? shape[1] : 1;
    const fixedWidth = typeof last === 'number' ? last : undefined;
    const width = fixedWidth ?? columns.length;
    const origin = source === 'remaining columns' ? 'the test data has' : `${source} gives`;
    if (columns.length === 0) {
        throw new errors_InputError(`No column of the test data can feed model input '${spec.name}' (${type}, shape [${shape.join(', ')}]); list its columns with features or input-mapping.`, { input: 'features' });
    }
    if (fixedWidth !== undefined && columns.length !== fixedWidth) {
        throw new errors_InputError(`Model input '${spec.name}' takes ${fixedWidth} value${fixedWidth === 1 ? '' : 's'} per row (shape [${shape.join(', ')}]) but ${origin} ${columns.length} column${columns.length === 1 ? '' : 's'} for it (${listNames(columns)}); name exactly ${fixedWidth} with features or input-mapping.`, { input: source === 'input-mapping' ? 'input-mapping' : 'features' });
    }
    if (shape.length < 2 && columns.length !== 1) {
        throw new errors_InputError(`Model input '${spec.name}' takes one value per row (shape [${shape.join(', ')}]) but ${origin} ${columns.length} columns for it (${listNames(columns)}); map one column to it.`, { input: 'input-mapping' });
    }
    const dims = shape.length === 2 ? [-1, width] : [-1];
    return { input: spec.name, type, columns, width, dims, source };
}
/** Copies the columns into one row-major array of the input's type, marking rows with missing values. */
function prepareValues(b, columns, rows, rowHasMissing) {
    const w = b.width;
    if (b.type === 'string') {
        const out = new Array(rows * w);
        columns.forEach((col, j) => {
            for (let r = 0; r < rows; r++) {
                let text;
                if (col.kind === 'categorical') {
                    const code = col.codes[r];
                    if (code < 0)
                        rowHasMissing[r] = 1;
                    text = code < 0 ? '' : col.categories[code];
                }
                else {
                    const v = col.values[r];
                    if (Number.isNaN(v))
                        rowHasMissing[r] = 1;
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
            throw new errors_InputError(`Column '${col.name}' holds text (e.g. '${col.categories[0] ?? ''}') but model input '${b.input}' takes ${b.type}; encode it inside the model (e.g. a OneHotEncoder in the exported pipeline) or feed it to a string input.`, { input: 'input-mapping' });
        }
        const values = col.values;
        if (out instanceof Float32Array || out instanceof Float64Array) {
            // The common case, kept to one copy and one comparison per value: NaN !== NaN.
            for (let r = 0; r < rows; r++) {
                const v = values[r];
                out[r * w + j] = v;
                if (v !== v)
                    rowHasMissing[r] = 1;
            }
            return;
        }
        for (let r = 0; r < rows; r++) {
            const v = values[r];
            if (Number.isNaN(v)) {
                if (integer) {
                    throw new errors_InputError(`Column '${col.name}' has a missing value in row ${r + 1} but model input '${b.input}' takes ${b.type}, which cannot hold a missing value; fill or drop such rows.`, { input: 'test-data' });
                }
                rowHasMissing[r] = 1;
            }
            else if (integer && !Number.isInteger(v)) {
                throw new errors_InputError(`Column '${col.name}' holds ${v} in row ${r + 1} but model input '${b.input}' takes whole numbers (${b.type}); round the column or export the model with a float input.`, { input: 'test-data' });
            }
            if (out instanceof BigInt64Array)
                out[r * w + j] = BigInt(v);
            else
                out[r * w + j] = v;
        }
    });
    return out;
}
function allocate(type, n) {
    switch (type) {
        case 'float32': return new Float32Array(n);
        case 'float64': return new Float64Array(n);
        case 'int64': return new BigInt64Array(n);
        case 'int32': return new Int32Array(n);
        default: return new Uint8Array(n); // bool
    }
}
function filled(b, fill) {
    if (b.type === 'string')
        return new Array(b.width).fill('');
    const out = allocate(b.type, b.width);
    const integer = !b.type.startsWith('float');
    // Integer inputs cannot hold NaN or 1e6 in every type: clamp to what the type holds, 0 for NaN.
    const v = integer ? (Number.isNaN(fill) ? 0 : b.type === 'bool' ? (fill !== 0 ? 1 : 0) : Math.max(-2147483648, Math.min(2147483647, Math.trunc(fill)))) : fill;
    if (out instanceof BigInt64Array)
        out.fill(BigInt(v));
    else
        out.fill(v);
    return out;
}
function isNumericType(type) {
    return type !== undefined && NUMERIC_TYPES.has(type);
}
function listNames(names, max = 8) {
    const shown = names.slice(0, max).map((n) => `'${n}'`).join(', ');
    return names.length > max ? `${shown} and ${names.length - max} more` : shown || '(none)';
}

;// CONCATENATED MODULE: ./packages/core/src/model/model-outputs.ts
/**
 * Which model outputs hold the prediction, and whether the model classifies or regresses.
 * Exporters differ: scikit-learn gives a label tensor and a probability tensor, PyTorch a logit
 * or probability matrix, regressors one number per row. The roles are read off the outputs'
 * types and shapes; prediction-output / probability-output override the guess.
 */



const isFloat = (s) => s.type === 'float32' || s.type === 'float64' || s.type === 'float16';
const isLabelType = (s) => s.type === 'int64' || s.type === 'int32' || s.type === 'string';
/** One value per row: [N], [N, 1], or a shape onnxruntime does not know. */
const perRow = (s) => s.shape.length <= 1 || (s.shape.length === 2 && s.shape[1] === 1);
const matrix = (s) => s.shape.length === 2 && s.shape[1] !== 1;
function chooseOutputs(outputs, label, options = {}) {
    const named = (name, input) => {
        if (!name)
            return undefined;
        const spec = outputs.find((o) => o.name === name);
        if (!spec) {
            const near = closestName(name, outputs.map((o) => o.name));
            throw new errors_InputError(`${input} names output '${name}', which the model does not have${near ? `; did you mean '${near}'?` : `; its outputs are ${listNames(outputs.map((o) => o.name))}.`}`, { input });
        }
        if (!spec.type) {
            throw new errors_InputError(`Output '${name}' is a sequence or map (e.g. scikit-learn's ZipMap), which onnxruntime-node cannot return; export the model with zipmap=False so probabilities come as a tensor.`, { input });
        }
        return spec;
    };
    const tensors = outputs.filter((o) => o.type);
    const labelOut = named(options.predictionOutput, 'prediction-output');
    const probOut = named(options.probabilityOutput, 'probability-output');
    const labelCandidate = labelOut && isLabelType(labelOut) ? labelOut : tensors.find((o) => isLabelType(o) && perRow(o));
    const probCandidate = probOut ?? tensors.find((o) => isFloat(o) && matrix(o));
    const valueCandidate = labelOut && isFloat(labelOut) ? labelOut : tensors.find((o) => isFloat(o) && perRow(o));
    let task = options.task && options.task !== 'auto' ? options.task : undefined;
    if (!task) {
        task = label.kind === 'categorical' || labelCandidate || (probCandidate && !valueCandidate) ? 'classification' : 'regression';
    }
    const described = listNames(outputs.map((o) => `${o.name}: ${o.type ?? 'non-tensor'} [${o.shape.join(', ')}]`));
    if (task === 'classification') {
        if (labelOut && !isLabelType(labelOut)) {
            throw new errors_InputError(`prediction-output '${labelOut.name}' holds ${labelOut.type} values, not class labels; for a classifier name an int64 or string label output, or name the probabilities with probability-output.`, { input: 'prediction-output' });
        }
        if (!labelCandidate && !probCandidate) {
            throw new errors_InputError(`The label column '${label.name}' holds classes but the model has no class output (an int64/string label per row, or a float [N, classes] matrix); its outputs are ${described}.`, { input: 'label-column' });
        }
        if (probCandidate && (!isFloat(probCandidate) || !matrix(probCandidate))) {
            throw new errors_InputError(`probability-output '${probCandidate.name}' is ${probCandidate.type} [${probCandidate.shape.join(', ')}], not a float [N, classes] matrix; name the output that holds one probability per class.`, { input: 'probability-output' });
        }
        return { task, prediction: labelCandidate, probabilities: probCandidate };
    }
    if (label.kind === 'categorical') {
        throw new errors_InputError(`task is regression but the label column '${label.name}' holds text (e.g. '${label.categories[0] ?? ''}'); set task: classification or choose a numeric label-column.`, { input: 'task' });
    }
    if (!valueCandidate) {
        throw new errors_InputError(`The model has no output with one number per row to score as a regression (outputs: ${described}); name it with prediction-output, or set task: classification.`, { input: 'prediction-output' });
    }
    return { task, prediction: valueCandidate };
}

;// CONCATENATED MODULE: ./packages/core/src/model/predict.ts
/**
 * Runs a model over every row of the test data in batches and keeps the outputs that score it.
 */

// Jest's VM context makes global lookups slow in per-row loops.
const predict_Number = globalThis.Number;
/** Rows per evaluation batch: large enough that per-call overhead vanishes, small enough for big models. */
const EVALUATION_BATCH = 512;
async function predictAll(session, plan, roles, batchSize = EVALUATION_BATCH) {
    const n = plan.rowCount;
    const batch = plan.fixedBatch ?? batchSize;
    const fetch = [roles.prediction?.name, roles.probabilities?.name].filter((x) => !!x);
    const out = { rows: n, width: 0, nonFinite: new Uint8Array(n) };
    if (roles.prediction) {
        if (roles.prediction.type === 'string')
            out.strings = new Array(n);
        else
            out.numbers = new Float64Array(n);
    }
    for (let start = 0; start < n; start += batch) {
        const end = Math.min(n, start + batch);
        const outputs = await runBatch(session, plan, start, end, fetch);
        if (roles.prediction)
            copyPrediction(outputs, roles.prediction.name, start, end, out);
        if (roles.probabilities)
            copyProbabilities(outputs, roles.probabilities.name, start, end, out);
    }
    return out;
}
async function runBatch(session, plan, start, end, fetch) {
    try {
        return await session.run(plan.feeds(start, end), fetch);
    }
    catch (e) {
        const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
        throw new errors_InputError(`onnxruntime failed to run ${session.path} on rows ${start + 1}-${end} of the test data: ${why}; check that the columns fed to each input (see input-mapping) are the ones the model was trained on.`, { input: 'model' });
    }
}
function checkRows(name, dims, rows, perRowValues) {
    if (dims[0] !== rows && !(rows === 1 && dims.length === 0)) {
        throw new errors_InputError(`Output '${name}' has shape [${dims.join(', ')}] for a batch of ${rows} rows; modelci scores one prediction per row, so name a per-row output with prediction-output.`, { input: 'prediction-output' });
    }
    if (perRowValues !== 1 && rows > 0 && dims.length !== 2) {
        throw new errors_InputError(`Output '${name}' has shape [${dims.join(', ')}], not [rows, classes]; name the probability matrix with probability-output.`, { input: 'probability-output' });
    }
}
function copyPrediction(outputs, name, start, end, out) {
    const t = outputs[name];
    const rows = end - start;
    checkRows(name, t.dims, rows, 1);
    if (t.size !== rows) {
        throw new errors_InputError(`Output '${name}' gives ${t.size / rows} values per row; name an output with one prediction per row with prediction-output.`, { input: 'prediction-output' });
    }
    const data = t.data;
    if (out.strings) {
        const strings = data;
        for (let i = 0; i < rows; i++)
            out.strings[start + i] = strings[i];
        return;
    }
    const numbers = out.numbers;
    if (data instanceof BigInt64Array) {
        copyInt64(data, numbers, start, rows);
        return;
    }
    for (let i = 0; i < rows; i++) {
        const v = predict_Number(data[i]);
        numbers[start + i] = v;
        if (!predict_Number.isFinite(v))
            out.nonFinite[start + i] = 1;
    }
}
function copyProbabilities(outputs, name, start, end, out) {
    const t = outputs[name];
    const rows = end - start;
    const width = rows > 0 ? t.size / rows : 0;
    checkRows(name, t.dims, rows, width);
    if (out.width === 0) {
        out.width = width;
        out.probabilities = new Float64Array(out.rows * width);
    }
    else if (out.width !== width) {
        throw new errors_InputError(`Output '${name}' gave ${out.width} classes for earlier rows but ${width} for rows ${start + 1}-${end}; a classifier must give the same classes for every row.`, { input: 'probability-output' });
    }
    const data = t.data;
    const p = out.probabilities;
    const base = start * width;
    for (let i = 0; i < rows * width; i++) {
        const v = data[i];
        p[base + i] = v;
        if (!predict_Number.isFinite(v))
            out.nonFinite[start + Math.floor(i / width)] = 1;
    }
}
/**
 * int64 labels without a BigInt per row: read the two 32-bit halves (little-endian, as on every
 * platform onnxruntime-node ships for) and convert through BigInt only values beyond 32 bits.
 */
function copyInt64(data, into, start, rows) {
    const words = new Int32Array(data.buffer, data.byteOffset, rows * 2);
    for (let i = 0; i < rows; i++) {
        const lo = words[2 * i];
        const hi = words[2 * i + 1];
        into[start + i] = (hi === 0 && lo >= 0) || (hi === -1 && lo < 0) ? lo : predict_Number(data[i]);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/model/metrics/confusion.ts
/** Checks that `index` is a whole number naming one of `k` labels; says which row is wrong if not. */
function checkLabelIndex(what, row, index, k) {
    if (!Number.isInteger(index) || index < 0 || index >= k) {
        throw new Error(`${what}[${row}] is ${index}, which is not a label index in 0..${k - 1}.`);
    }
}
/**
 * Counts (truth, predicted) pairs; both are label indices into `labels`. Labels that occur in
 * neither still get a row and a column, so tables of two models over the same labels line up.
 */
function confusionMatrix(truth, predicted, labels) {
    const k = labels.length;
    const n = truth.length;
    if (k === 0)
        throw new Error('confusionMatrix: no labels were given.');
    if (predicted.length !== n) {
        throw new Error(`confusionMatrix: ${n} true labels but ${predicted.length} predictions; they must be equally long.`);
    }
    if (n === 0)
        throw new Error('confusionMatrix: there are no predictions to score.');
    const matrix = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let r = 0; r < n; r++) {
        const t = truth[r];
        const p = predicted[r];
        checkLabelIndex('truth', r, t, k);
        checkLabelIndex('predicted', r, p, k);
        matrix[t][p]++;
    }
    return { labels: labels.slice(), matrix, n };
}

;// CONCATENATED MODULE: ./packages/core/src/model/metrics/log-loss.ts
/**
 * Cross-entropy of predicted class probabilities, as sklearn.metrics.log_loss(y, p, eps=1e-15,
 * labels=range(k)) in scikit-learn 1.2: each probability is clipped to [1e-15, 1 - 1e-15] (so a
 * confident mistake costs about 34.5 nats rather than infinity) and each row is then divided by
 * its sum, as scikit-learn does; the loss is the mean of -ln p[true class].
 */

/** The clipping bound: scikit-learn's long-standing default, kept explicit so numbers do not move with its versions. */
const LOG_LOSS_EPS = 1e-15;
/** `probabilities` is row-major n x k: probabilities[r * k + j] = P(row r has label j). */
function logLoss(truth, probabilities, k) {
    const n = truth.length;
    checkProbabilityShape('logLoss', n, probabilities, k);
    const hi = 1 - LOG_LOSS_EPS;
    let sum = 0;
    for (let r = 0; r < n; r++) {
        const t = truth[r];
        checkLabelIndex('truth', r, t, k);
        let rowSum = 0;
        let pt = 0;
        for (let j = 0; j < k; j++) {
            const p = probabilities[r * k + j];
            if (!(p >= 0 && p <= 1))
                throw new Error(`logLoss: probability [${r}][${j}] is ${p}, not a number in [0, 1].`);
            const clipped = p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > hi ? hi : p;
            rowSum += clipped;
            if (j === t)
                pt = clipped;
        }
        sum -= Math.log(pt / rowSum);
    }
    return sum / n;
}
/** Shared checks for n x k probability matrices: at least 2 classes, n > 0, length n * k. */
function checkProbabilityShape(what, n, probabilities, k) {
    if (!Number.isInteger(k) || k < 2)
        throw new Error(`${what}: k must be a whole number of classes, at least 2 (got ${k}).`);
    if (n === 0)
        throw new Error(`${what}: there are no predictions to score.`);
    if (probabilities.length !== n * k) {
        throw new Error(`${what}: ${n} true labels and ${k} classes need ${n * k} probabilities, got ${probabilities.length}.`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/model/metrics/roc-auc.ts
/**
 * Area under the ROC curve, as sklearn.metrics.roc_auc_score: for two classes, the AUC of the
 * score of label 1; for more, the unweighted mean of one-vs-rest AUCs (multi_class='ovr',
 * average='macro'). It is computed as the Mann-Whitney U statistic: the chance that a random
 * positive outscores a random negative, ties counting one half (midranks), which equals the
 * trapezoidal area under the ROC curve that scikit-learn integrates.
 */


// Jest's VM context makes global lookups slow in the sort comparator and loops.
const roc_auc_Math = globalThis.Math;
/** `probabilities` is row-major n x k, as for logLoss. */
function rocAuc(truth, probabilities, k) {
    const n = truth.length;
    checkProbabilityShape('rocAuc', n, probabilities, k);
    const labels = new Int32Array(n);
    for (let r = 0; r < n; r++) {
        checkLabelIndex('truth', r, truth[r], k);
        labels[r] = truth[r];
    }
    for (let i = 0; i < probabilities.length; i++) {
        if (!Number.isFinite(probabilities[i]))
            throw new Error(`rocAuc: score [${roc_auc_Math.floor(i / k)}][${i % k}] is ${probabilities[i]}, not a finite number.`);
    }
    const scores = new Float64Array(n);
    if (k === 2) {
        for (let r = 0; r < n; r++)
            scores[r] = probabilities[r * 2 + 1];
        return binaryAuc(labels, 1, scores, 'label 1');
    }
    // scikit-learn refuses multiclass scores that are not probabilities (np.allclose(1, row sums)).
    for (let r = 0; r < n; r++) {
        let s = 0;
        for (let j = 0; j < k; j++)
            s += probabilities[r * k + j];
        if (!(roc_auc_Math.abs(s - 1) <= 1e-8 + 1e-5)) {
            throw new Error(`rocAuc: the scores of row ${r} sum to ${s}; multiclass AUC needs probabilities that sum to 1 over the classes.`);
        }
    }
    let sum = 0;
    for (let j = 0; j < k; j++) {
        for (let r = 0; r < n; r++)
            scores[r] = probabilities[r * k + j];
        sum += binaryAuc(labels, j, scores, `label ${j}`);
    }
    return sum / k;
}
/** AUC of `scores` for "label == positive" against the rest. */
function binaryAuc(labels, positive, scores, what) {
    const n = labels.length;
    const f32 = Float32Array.from(scores);
    let float32 = true;
    for (let i = 0; i < n && float32; i++)
        float32 = f32[i] === scores[i];
    const { u, pos, neg } = float32 ? uOfFloat32(labels, positive, f32) : uByComparison(labels, positive, scores);
    if (pos === 0 || neg === 0) {
        throw new Error(`rocAuc: the truth has ${pos === 0 ? 'no' : 'only'} rows with ${what}, so the AUC for it is undefined; it needs both classes.`);
    }
    return u / (pos * neg);
}
/**
 * U = sum over tie groups, in ascending score order, of positives x (negatives scored lower) +
 * positives x negatives / 2: whole and half counts, so exact until the final division.
 */
function uOfSorted(n, isPositive, sameAsNext) {
    let u = 0;
    let negBelow = 0;
    let pos = 0;
    for (let i = 0; i < n;) {
        let gPos = 0;
        let gNeg = 0;
        let j = i;
        do {
            if (isPositive(j))
                gPos++;
            else
                gNeg++;
            j++;
        } while (j < n && sameAsNext(j - 1));
        u += gPos * negBelow + (gPos * gNeg) / 2;
        negBelow += gNeg;
        pos += gPos;
        i = j;
    }
    return { u, pos, neg: negBelow };
}
/** Scores float64 cannot narrow to float32: a comparison sort of row indices. */
function uByComparison(labels, positive, scores) {
    const n = labels.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    order.sort((a, b) => scores[a] - scores[b]);
    return uOfSorted(n, (i) => labels[order[i]] === positive, (i) => scores[order[i]] === scores[order[i + 1]]);
}
/**
 * Models output float32 probabilities, whose bit patterns sort as unsigned integers once the sign
 * is folded: a two-pass radix sort of (key, is-positive) pairs, linear in n and ten times faster
 * than a comparison sort.
 */
function uOfFloat32(labels, positive, f32) {
    const n = labels.length;
    const bits = new Uint32Array(f32.buffer);
    let keys = new Uint32Array(n);
    let flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
        const b = bits[i] === 0x80000000 ? 0 : bits[i]; // -0 ties with +0
        // Negative floats: flip every bit; positive: set the sign bit. Then unsigned order = float order.
        keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
        flags[i] = labels[i] === positive ? 1 : 0;
    }
    let nextKeys = new Uint32Array(n);
    let nextFlags = new Uint8Array(n);
    const counts = new Uint32Array(65536);
    for (const shift of [0, 16]) {
        counts.fill(0);
        for (let i = 0; i < n; i++)
            counts[(keys[i] >>> shift) & 0xffff]++;
        let sum = 0;
        for (let d = 0; d < 65536; d++) {
            const c = counts[d];
            counts[d] = sum;
            sum += c;
        }
        for (let i = 0; i < n; i++) {
            const at = counts[(keys[i] >>> shift) & 0xffff]++;
            nextKeys[at] = keys[i];
            nextFlags[at] = flags[i];
        }
        [keys, nextKeys] = [nextKeys, keys];
        [flags, nextFlags] = [nextFlags, flags];
    }
    return uOfSorted(n, (i) => flags[i] === 1, (i) => keys[i] === keys[i + 1]);
}

;// CONCATENATED MODULE: ./packages/core/src/model/metrics/classification.ts
function classificationMetrics(c) {
    const k = c.labels.length;
    if (c.matrix.length !== k)
        throw new Error(`classificationMetrics: ${k} labels but ${c.matrix.length} matrix rows.`);
    const rowSums = new Float64Array(k);
    const colSums = new Float64Array(k);
    let total = 0;
    let correct = 0;
    for (let i = 0; i < k; i++) {
        if (c.matrix[i].length !== k)
            throw new Error(`classificationMetrics: matrix row ${i} has ${c.matrix[i].length} cells, expected ${k}.`);
        for (let j = 0; j < k; j++) {
            const v = c.matrix[i][j];
            rowSums[i] += v;
            colSums[j] += v;
            total += v;
        }
        correct += c.matrix[i][i];
    }
    if (total === 0)
        throw new Error('classificationMetrics: the confusion matrix is empty (no predictions to score).');
    const perClass = [];
    const collapsed = [];
    let recallSum = 0;
    let classesInTruth = 0;
    let f1Sum = 0;
    for (let i = 0; i < k; i++) {
        const support = rowSums[i];
        const predictedAs = colSums[i];
        if (support === 0 && predictedAs === 0)
            continue; // absent label: not scored (see above)
        const tp = c.matrix[i][i];
        // zero_division=0: an undefined ratio (nothing predicted / nothing to find) counts as 0.
        const precision = predictedAs > 0 ? tp / predictedAs : 0;
        const recall = support > 0 ? tp / support : 0;
        // 2PR/(P+R) written in counts, exact when P or R is 0.
        const f1 = tp > 0 ? (2 * tp) / (support + predictedAs) : 0;
        perClass.push({ label: c.labels[i], precision, recall, f1, support });
        f1Sum += f1;
        if (support > 0) {
            // balanced accuracy averages recall over the classes that occur in the truth only.
            recallSum += recall;
            classesInTruth++;
            if (predictedAs === 0)
                collapsed.push(c.labels[i]);
        }
    }
    return {
        accuracy: correct / total,
        balancedAccuracy: recallSum / classesInTruth,
        macroF1: f1Sum / perClass.length,
        perClass,
        collapsed,
    };
}
// The probabilistic scores live in their own files; re-exported so callers find every
// classification metric here.



;// CONCATENATED MODULE: ./packages/core/src/stats/proportion-interval.ts
/**
 * Wilson score interval for a proportion (e.g. accuracy = correct / n), as statsmodels'
 * proportion_confint(successes, n, alpha=1-confidence, method='wilson'). Unlike the normal
 * approximation it stays inside [0, 1] and is sensible at 0 or n successes and small n.
 */
// Jest's VM context makes global lookups slow; bind Math once.
const proportion_interval_Math = globalThis.Math;
function wilsonInterval(successes, n, confidence = 0.95) {
    if (!Number.isInteger(n) || n <= 0)
        throw new Error(`wilsonInterval: n must be a positive whole number (got ${n}).`);
    if (!(successes >= 0 && successes <= n))
        throw new Error(`wilsonInterval: successes must lie in 0..${n} (got ${successes}).`);
    if (!(confidence > 0 && confidence < 1))
        throw new Error(`wilsonInterval: confidence must lie strictly between 0 and 1 (got ${confidence}).`);
    // From the lower tail, as statsmodels' norm.isf(alpha / 2): 1 - alpha/2 would lose alpha's digits.
    const z = -normalQuantile((1 - confidence) / 2);
    const z2 = z * z;
    const p = successes / n;
    const denom = 1 + z2 / n;
    const center = (p + z2 / (2 * n)) / denom;
    const half = (z * proportion_interval_Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
    // At 0 or n successes the bound is 0 or 1 exactly; rounding can stray by an ulp, so clamp.
    return [proportion_interval_Math.max(0, center - half), proportion_interval_Math.min(1, center + half)];
}
/**
 * Standard normal quantile by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988),
 * accurate to about 1e-16 relative: enough that the interval matches scipy.stats.norm.ppf's.
 * Coefficients are the published ones written as the nearest doubles (same values, lint-clean).
 */
function normalQuantile(p) {
    if (Number.isNaN(p) || p < 0 || p > 1)
        return NaN;
    if (p === 0)
        return -Infinity;
    if (p === 1)
        return Infinity;
    const q = p - 0.5;
    if (proportion_interval_Math.abs(q) <= 0.425) {
        const r = 0.180625 - q * q;
        return ((q *
            (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
                13731.69376550946) * r + 1971.5909503065513) * r + 133.14166789178438) * r + 3.3871328727963665)) /
            (((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
                5394.196021424751) * r + 687.1870074920579) * r + 42.31333070160091) * r + 1));
    }
    let r = proportion_interval_Math.sqrt(-proportion_interval_Math.log(q < 0 ? p : 1 - p));
    let x;
    if (r <= 5) {
        r -= 1.6;
        x =
            (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
                3.6478483247632045) * r + 5.769497221460691) * r + 4.630337846156546) * r + 1.4234371107496835) /
                (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r +
                    0.6897673349851) * r + 1.6763848301838038) * r + 2.053191626637759) * r + 1);
    }
    else {
        r -= 5;
        x =
            (((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r +
                0.29656057182850487) * r + 1.7848265399172913) * r + 5.463784911164114) * r + 6.657904643501103) /
                (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r + 0.0007868691311456133) * r +
                    0.014875361290850615) * r + 0.1369298809227358) * r + 0.599832206555888) * r + 1);
    }
    return q < 0 ? -x : x;
}

;// CONCATENATED MODULE: ./packages/core/src/model/score-classification.ts
/**
 * Scores a classifier's predictions against the label column: the class list is settled first
 * (class-names, the model's `classes` metadata, or the labels themselves), so that a label the
 * model cannot produce is caught by name instead of silently counting as an error.
 */







const score_classification_Math = globalThis.Math;
/** The confusion-matrix label of rows whose outputs were all NaN: no class can be read from them. */
const NO_PREDICTION = '(no prediction)';
function scoreClassification(label, raw, options = {}) {
    const n = raw.rows;
    const notes = [];
    const truthLabels = truthCodes(label);
    const declared = declaredClasses(label, raw, options);
    const closed = declared !== undefined;
    const labels = declared ? [...declared] : [];
    const index = new Map(labels.map((l, i) => [l, i]));
    const indexOf = (name) => {
        let i = index.get(name);
        if (i === undefined) {
            i = labels.length;
            labels.push(name);
            index.set(name, i);
        }
        return i;
    };
    // Distinct labels are resolved once; rows then only translate codes.
    const codeToClass = truthLabels.names.map((name, code) => {
        if (closed && !index.has(name)) {
            const r = truthLabels.codes.indexOf(code);
            throw new errors_InputError(`Label '${name}' in column '${label.name}' (row ${r + 1} of the test data) is not a class the model can output (${listNames(declared)}${options.classNamesFrom ? `, from ${options.classNamesFrom}` : ''}); evaluate on data with the classes the model was trained on, or correct class-names.`, { input: 'label-column' });
        }
        return truthLabels.codes.includes(code) ? indexOf(name) : -1;
    });
    const truth = new Int32Array(n);
    for (let r = 0; r < n; r++)
        truth[r] = codeToClass[truthLabels.codes[r]];
    const predicted = new Int32Array(n);
    const indicesAreClasses = closed && label.kind === 'categorical' && raw.numbers !== undefined;
    const extra = new Set();
    if (raw.numbers) {
        const numbers = raw.numbers;
        for (let r = 0; r < n; r++) {
            const v = numbers[r];
            if (indicesAreClasses) {
                if (!Number.isInteger(v) || v < 0 || v >= declared.length) {
                    throw new errors_InputError(`The model predicted class index ${v} for row ${r + 1}, but it declares ${declared.length} classes (${listNames(declared)}); its label output and class list do not match: correct class-names.`, { input: 'class-names' });
                }
                predicted[r] = v;
            }
            else {
                predicted[r] = predictionIndex(Number.isFinite(v) ? String(v) : NO_PREDICTION);
            }
        }
    }
    else if (raw.strings) {
        for (let r = 0; r < n; r++)
            predicted[r] = predictionIndex(raw.strings[r]);
    }
    else {
        argmaxInto(raw, predicted, () => indexOf(NO_PREDICTION));
    }
    function predictionIndex(name) {
        if (closed && !index.has(name) && name !== NO_PREDICTION)
            extra.add(name);
        return indexOf(name);
    }
    if (extra.size > 0)
        notes.push(`The model predicted ${listNames([...extra])}, which are not among its declared classes; those predictions count as errors.`);
    const confusion = confusionMatrix(truth, predicted, labels);
    const metrics = classificationMetrics(confusion);
    const correct = new Uint8Array(n);
    let right = 0;
    for (let r = 0; r < n; r++) {
        if (truth[r] === predicted[r]) {
            correct[r] = 1;
            right++;
        }
    }
    const score = { labels, confusion, metrics, accuracyInterval: wilsonInterval(right, n), correct, notes };
    scoreProbabilities(score, truth, raw, declared, notes);
    return score;
}
/**
 * The true label of each row, as a code into the distinct label texts; a missing label is an
 * error (a row we cannot score).
 */
function truthCodes(label) {
    const n = label.kind === 'categorical' ? label.codes.length : label.values.length;
    let missing = 0;
    let first = -1;
    let codes;
    let names;
    if (label.kind === 'categorical') {
        codes = label.codes;
        names = label.categories;
        for (let r = 0; r < n; r++) {
            if (codes[r] < 0) {
                missing++;
                if (first < 0)
                    first = r;
            }
        }
    }
    else {
        codes = new Int32Array(n);
        names = [];
        const seen = new Map();
        for (let r = 0; r < n; r++) {
            const v = label.values[r];
            if (Number.isNaN(v)) {
                missing++;
                if (first < 0)
                    first = r;
                continue;
            }
            if (!Number.isInteger(v)) {
                throw new errors_InputError(`Label column '${label.name}' holds ${v} in row ${r + 1}, which is not a class; class labels are names or whole numbers; if the model predicts a quantity, set task: regression.`, { input: 'label-column' });
            }
            let code = seen.get(v);
            if (code === undefined) {
                code = names.length;
                seen.set(v, code);
                names.push(String(v));
            }
            codes[r] = code;
        }
    }
    if (missing > 0) {
        throw new errors_InputError(`${missing} row${missing === 1 ? ' has' : 's have'} no label in column '${label.name}' (the first is row ${first + 1} of the test data); drop unlabelled rows from the test set.`, { input: 'test-data' });
    }
    return { codes, names };
}
/** The classes in probability-column order, when they can be known; undefined = an open set. */
function declaredClasses(label, raw, options) {
    const given = options.classNames ? parseNameList(options.classNames) : undefined;
    if (given && raw.width > 0 && given.length !== raw.width) {
        throw new errors_InputError(`The model gives ${raw.width} probabilities per row but ${options.classNamesFrom ?? 'class-names'} lists ${given.length} classes (${listNames(given)}); list one class per probability column, in order.`, { input: 'class-names' });
    }
    if (given)
        return given;
    if (label.kind === 'categorical' && !raw.strings) {
        throw new errors_InputError(`The label column '${label.name}' holds names (${listNames(label.categories, 4)}) but the model outputs class numbers and carries no 'classes' metadata; set class-names to the classes in the model's output order.`, { input: 'class-names' });
    }
    // Whole-number labels with a probability matrix: column j is class j, as scikit-learn
    // exports do when it was trained on 0..k-1.
    if (label.kind === 'numeric' && raw.width > 0)
        return Array.from({ length: raw.width }, (_, j) => String(j));
    return undefined;
}
function argmaxInto(raw, predicted, noPrediction) {
    const p = raw.probabilities;
    const w = raw.width;
    for (let r = 0; r < raw.rows; r++) {
        let best = -1;
        let bestValue = -Infinity;
        for (let j = 0; j < w; j++) {
            const v = p[r * w + j];
            if (v > bestValue) {
                best = j;
                bestValue = v;
            }
        }
        predicted[r] = best >= 0 ? best : noPrediction();
    }
}
/** Log loss and ROC AUC when the matrix holds probabilities of the declared classes. */
function scoreProbabilities(score, truth, raw, declared, notes) {
    const p = raw.probabilities;
    if (!p)
        return;
    if (!declared || declared.length !== raw.width || score.labels.length !== raw.width) {
        notes.push('Log loss and ROC AUC were not computed: the probability columns cannot be matched to the classes the model predicted; set class-names.');
        return;
    }
    const w = raw.width;
    let probabilities = true;
    for (let r = 0; r < raw.rows && probabilities; r++) {
        let s = 0;
        for (let j = 0; j < w; j++) {
            const v = p[r * w + j];
            if (!(v >= 0 && v <= 1))
                probabilities = false;
            s += v;
        }
        if (score_classification_Math.abs(s - 1) > 1e-3)
            probabilities = false;
    }
    const nonFinite = raw.nonFinite.some((x) => x === 1);
    if (nonFinite) {
        notes.push('Log loss and ROC AUC were not computed: some rows have NaN or infinite outputs.');
        return;
    }
    if (!probabilities) {
        notes.push(`Log loss was not computed: the ${w}-column output holds scores, not probabilities (values outside [0, 1] or rows not summing to 1); add a Softmax to the export for log loss.`);
    }
    else {
        score.logLoss = logLoss(truth, p, w);
    }
    try {
        if (probabilities || w === 2)
            score.rocAuc = rocAuc(truth, p, w);
    }
    catch (e) {
        notes.push(`ROC AUC was not computed: ${e.message.replace(/^rocAuc: /, '')}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/model/metrics/regression.ts
/**
 * Regression metrics as scikit-learn 1.2: mean_absolute_error, the square root of
 * mean_squared_error, and r2_score (with its force_finite default: a constant truth scores
 * 1 when predicted exactly and 0 otherwise, instead of NaN or -Infinity).
 */
// Jest's VM context makes global lookups slow; bind Math once for the loops.
const regression_Math = globalThis.Math;
function regressionMetrics(truth, predicted) {
    const n = truth.length;
    if (predicted.length !== n) {
        throw new Error(`regressionMetrics: ${n} true values but ${predicted.length} predictions; they must be equally long.`);
    }
    if (n === 0)
        throw new Error('regressionMetrics: there are no predictions to score.');
    let mean = 0;
    for (let i = 0; i < n; i++) {
        const t = truth[i];
        const p = predicted[i];
        if (!Number.isFinite(t))
            throw new Error(`regressionMetrics: truth[${i}] is ${t}, not a finite number.`);
        if (!Number.isFinite(p))
            throw new Error(`regressionMetrics: predicted[${i}] is ${p}, not a finite number.`);
        mean += t;
    }
    mean /= n;
    let absSum = 0;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
        const e = truth[i] - predicted[i];
        absSum += regression_Math.abs(e);
        ssRes += e * e;
        const d = truth[i] - mean;
        ssTot += d * d;
    }
    let r2;
    if (n < 2)
        r2 = NaN;
    else if (ssTot === 0)
        r2 = ssRes === 0 ? 1 : 0;
    else
        r2 = 1 - ssRes / ssTot;
    return { mae: absSum / n, rmse: regression_Math.sqrt(ssRes / n), r2 };
}

;// CONCATENATED MODULE: ./packages/core/src/model/metrics/mcnemar.ts
/**
 * McNemar's test: do two models, scored on the same rows, have different error rates? Only the
 * discordant rows carry evidence: b = A right and B wrong, c = A wrong and B right. Matches
 * statsmodels.stats.contingency_tables.mcnemar: exact=True below 25 discordant rows (the
 * chi-square approximation is poor there), else exact=False with correction=True.
 */

/** Below this many discordant rows the exact binomial test is used. */
const MCNEMAR_EXACT_BELOW = 25;
function mcnemarTest(aRightBWrong, aWrongBRight) {
    const b = aRightBWrong;
    const c = aWrongBRight;
    if (!Number.isInteger(b) || b < 0 || !Number.isInteger(c) || c < 0) {
        throw new Error(`mcnemarTest: the discordant counts must be whole numbers >= 0 (got ${b} and ${c}).`);
    }
    const n = b + c;
    if (n < MCNEMAR_EXACT_BELOW) {
        // Two-sided binomial(n, 1/2) test as statsmodels does it: min(1, 2 P(X <= min(b, c))).
        // n < 25, so C(n, i) and 2^n are exact in doubles and the sum is exact until the division.
        const m = Math.min(b, c);
        let coef = 1;
        let tail = 0;
        for (let i = 0; i <= m; i++) {
            tail += coef;
            coef = (coef * (n - i)) / (i + 1);
        }
        return { statistic: m, pValue: Math.min(1, (2 * tail) / 2 ** n), exact: true };
    }
    // Continuity-corrected chi-square on 1 dof, without clamping |b - c| - 1 at 0, as statsmodels.
    const statistic = (Math.abs(b - c) - 1) ** 2 / n;
    return { statistic, pValue: chi2Sf(statistic, 1), exact: false };
}

;// CONCATENATED MODULE: ./packages/core/src/model/probe-robustness.ts
/** Rows run twice for the determinism check. */
const DETERMINISM_ROWS = 256;
const EXTREME_VALUE = 1e6;
async function probeRobustness(session, plan, fetch, predictions) {
    return [
        finiteOutputs(plan, predictions),
        await deterministic(session, plan, fetch),
        await probe(session, fetch, 'zero_input', 'warn', [0], plan),
        await probe(session, fetch, 'extreme_input', 'warn', [EXTREME_VALUE, -EXTREME_VALUE], plan),
        await probe(session, fetch, 'nan_input', 'info', [NaN], plan),
    ];
}
function finiteOutputs(plan, predictions) {
    let bad = 0;
    let first = -1;
    let complete = 0;
    for (let r = 0; r < predictions.rows; r++) {
        if (plan.rowHasMissing[r])
            continue;
        complete++;
        if (predictions.nonFinite[r]) {
            bad++;
            if (first < 0)
                first = r;
        }
    }
    const missingNote = plan.missingRows > 0 ? ` (${plan.missingRows} rows with missing inputs not counted)` : '';
    return bad === 0
        ? { name: 'finite_outputs', passed: true, severity: 'fail', detail: `All ${complete} rows with complete inputs gave finite outputs${missingNote}.` }
        : { name: 'finite_outputs', passed: false, severity: 'fail', detail: `${bad} of ${complete} rows with complete, finite inputs gave NaN or infinite outputs (the first is row ${first + 1} of the test data)${missingNote}.` };
}
async function deterministic(session, plan, fetch) {
    const rows = Math.min(plan.rowCount, plan.fixedBatch ?? DETERMINISM_ROWS);
    const first = await session.run(plan.feeds(0, rows), fetch);
    const second = await session.run(plan.feeds(0, rows), fetch);
    for (const name of fetch) {
        const a = first[name].data;
        const b = second[name].data;
        for (let i = 0; i < a.length; i++) {
            if (!Object.is(a[i], b[i])) {
                const width = a.length / rows;
                return { name: 'deterministic', passed: false, severity: 'fail', detail: `The same ${rows} rows gave different outputs on a second run: output '${name}' of row ${Math.floor(i / width) + 1} was ${String(a[i])}, then ${String(b[i])}.` };
            }
        }
    }
    return { name: 'deterministic', passed: true, severity: 'fail', detail: `The same ${rows} rows gave bit-identical outputs twice.` };
}
async function probe(session, fetch, name, severity, fills, plan) {
    const label = fills.map(formatFill).join(' and ');
    const results = [];
    let finite = true;
    for (const fill of fills) {
        const feeds = plan.filledRow(fill);
        if (!feeds)
            return { name, passed: null, severity, detail: `Not probed: the model has no numeric input to fill with ${label}.` };
        let outputs;
        try {
            outputs = await session.run(feeds, fetch);
        }
        catch (e) {
            const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
            return { name, passed: false, severity, detail: `A row of ${formatFill(fill)} makes onnxruntime fail: ${why}.` };
        }
        const bad = fetch.filter((o) => !allFinite(outputs[o].data));
        if (bad.length > 0)
            finite = false;
        results.push(bad.length === 0 ? `a row of ${formatFill(fill)} gives finite outputs` : `a row of ${formatFill(fill)} gives NaN or infinite ${bad.map((o) => `'${o}'`).join(', ')}`);
    }
    const detail = results.join('; ');
    return { name, passed: finite, severity, detail: detail.charAt(0).toUpperCase() + detail.slice(1) + '.' };
}
function allFinite(data) {
    for (let i = 0; i < data.length; i++) {
        const v = data[i];
        if (typeof v === 'number' && !Number.isFinite(v))
            return false;
    }
    return true;
}
function formatFill(v) {
    return Number.isNaN(v) ? 'NaN' : v === 0 ? 'zeros' : v > 0 ? `+${v.toExponential(0)}` : v.toExponential(0);
}

;// CONCATENATED MODULE: ./packages/core/src/model/latency-summary.ts
const SPREAD_BLOCKS = 5;
/** p99 per block of consecutive runs, in run order (not sorted: a slow stretch stays in its block). */
function p99Spread(samplesMs, blocks = SPREAD_BLOCKS) {
    const runsPerBlock = Math.floor(samplesMs.length / blocks);
    if (runsPerBlock < 200)
        return undefined;
    let low = Infinity;
    let high = -Infinity;
    for (let b = 0; b < blocks; b++) {
        const block = Float64Array.from({ length: runsPerBlock }, (_, i) => samplesMs[b * runsPerBlock + i]).sort();
        const p = percentileSorted(block, 99);
        low = Math.min(low, p);
        high = Math.max(high, p);
    }
    return { low, high, blocks, runsPerBlock };
}
/** Below this many runs, fewer than 10 samples lie beyond the p99: say so. */
const MIN_RUNS_FOR_P99 = 1000;
function percentileSorted(sorted, q) {
    if (sorted.length === 0)
        throw new Error('percentile of no samples');
    const h = (sorted.length - 1) * (q / 100);
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function summarizeLatencies(samplesMs) {
    const sorted = Float64Array.from(samplesMs).sort();
    if (sorted.length === 0)
        throw new Error('no latency samples');
    let sum = 0;
    for (let i = 0; i < sorted.length; i++)
        sum += sorted[i];
    const runs = sorted.length;
    return {
        runs,
        mean: sum / runs,
        p50: percentileSorted(sorted, 50),
        p95: percentileSorted(sorted, 95),
        p99: percentileSorted(sorted, 99),
        max: sorted[runs - 1],
        p99Spread: p99Spread(samplesMs),
        warning: runs < MIN_RUNS_FOR_P99
            ? `Only ${runs} runs: the p99 rests on ${Math.max(0, Math.floor(runs / 100))} sample(s) beyond it; use at least ${MIN_RUNS_FOR_P99} runs for a p99 to mean something.`
            : undefined,
    };
}
/**
 * Log-spaced histogram of latencies for the summary chart: bucket upper edges and counts.
 * Latencies are skewed (most runs fast, a few slow): equal widths up to the max put nearly
 * every run in the first bucket; geometric widths show the body and the tail.
 */
function latencyHistogram(samplesMs, buckets = 20) {
    const sorted = Float64Array.from(samplesMs).sort();
    if (sorted.length === 0)
        return { edges: [], counts: [] };
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    const counts = new Array(buckets).fill(0);
    if (!(lo > 0) || !(hi > lo)) {
        // Zero or constant latencies have no log scale: equal widths.
        const width = hi > lo ? (hi - lo) / buckets : 1;
        for (let i = 0; i < sorted.length; i++)
            counts[Math.min(buckets - 1, Math.floor((sorted[i] - lo) / width))]++;
        return { edges: counts.map((_, i) => lo + width * (i + 1)), counts };
    }
    const ratio = Math.log(hi / lo) / buckets;
    for (let i = 0; i < sorted.length; i++)
        counts[Math.min(buckets - 1, Math.floor(Math.log(sorted[i] / lo) / ratio))]++;
    return { edges: counts.map((_, i) => (i === buckets - 1 ? hi : lo * Math.exp(ratio * (i + 1)))), counts };
}

;// CONCATENATED MODULE: ./packages/core/src/model/measure-latency.ts
/**
 * Latency as a served model sees it: one row per call, after warm-up, timed around each
 * onnxruntime call only; plus throughput at a chosen batch size.
 */


const DEFAULT_LATENCY_RUNS = 1000;
const DEFAULT_WARMUP_RUNS = 50;
const DEFAULT_THROUGHPUT_BATCH = 32;
/** Most timed runs: 1e6 already rests the p99 on 10,000 samples; beyond, the run takes hours and the samples gigabytes. */
const MAX_LATENCY_RUNS = 1_000_000;
/** Most warm-up runs: onnxruntime settles in tens of calls. */
const MAX_WARMUP_RUNS = 100_000;
const hrtime = process.hrtime.bigint;
async function measureLatency(session, plan, options = {}) {
    const runs = Math.max(1, Math.floor(atMost(options.runs ?? DEFAULT_LATENCY_RUNS, MAX_LATENCY_RUNS, 'latency-runs', 'timed runs')));
    const warmupRuns = Math.max(0, Math.floor(atMost(options.warmupRuns ?? DEFAULT_WARMUP_RUNS, MAX_WARMUP_RUNS, 'warmup-runs', 'warm-up runs')));
    const batchSize = Math.max(1, Math.min(plan.fixedBatch ?? Infinity, Math.floor(options.batchSize ?? DEFAULT_THROUGHPUT_BATCH)));
    // Rows cycle through the test set, built before timing starts so only the model is timed.
    const distinct = Math.min(plan.rowCount, runs + warmupRuns);
    const rows = [];
    for (let r = 0; r < distinct; r++)
        rows.push(plan.feeds(r, r + 1));
    for (let i = 0; i < warmupRuns; i++)
        await session.run(rows[i % distinct]);
    const samples = await timeRuns(session, rows, runs, warmupRuns);
    const throughput = await measureThroughput(session, plan, batchSize, runs);
    return { ...summarizeLatencies(samples), warmupRuns, batchSize, throughput, histogram: latencyHistogram(samples), samples };
}
/** `n`, refused before anything is allocated for it when above `max` (or not a number). */
function atMost(n, max, input, what) {
    if (!(n <= max)) {
        throw new errors_InputError(`Input '${input}' is ${n}: at most ${max.toLocaleString('en-US')} ${what} are allowed; give a smaller number (the default is ${input === 'latency-runs' ? DEFAULT_LATENCY_RUNS : DEFAULT_WARMUP_RUNS}).`, { input });
    }
    return n;
}
/**
 * The timed loop: `runs` calls cycling through `rows` from `offset`, each timed alone (ms). Only
 * two clock reads per call are added to what is measured (`npm run bench` measures that cost).
 */
async function timeRuns(session, rows, runs, offset = 0) {
    atMost(runs, MAX_LATENCY_RUNS, 'latency-runs', 'timed runs');
    const samples = new Float64Array(runs);
    for (let i = 0; i < runs; i++) {
        const feeds = rows[(offset + i) % rows.length];
        const t0 = hrtime();
        await session.run(feeds);
        samples[i] = Number(hrtime() - t0) / 1e6;
    }
    return samples;
}
/** Rows per second over at least `rows` rows and 10 calls of `batchSize` rows. */
async function measureThroughput(session, plan, batchSize, rows) {
    const size = Math.min(batchSize, plan.rowCount);
    const batches = [];
    for (let start = 0; start + size <= plan.rowCount && batches.length < 16; start += size)
        batches.push(plan.feeds(start, start + size));
    await session.run(batches[0]);
    const calls = Math.max(10, Math.ceil(rows / size));
    const t0 = hrtime();
    for (let i = 0; i < calls; i++)
        await session.run(batches[i % batches.length]);
    const seconds = Number(hrtime() - t0) / 1e9;
    return (calls * size) / seconds;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./packages/core/src/gpu/probe-gpu.ts
/**
 * What the runner's NVIDIA GPUs are, from nvidia-smi: recorded with every latency figure so a
 * number measured on one card is never read as another's.
 */

/** The GPUs nvidia-smi lists; none when it is missing, fails, or hangs (5 s). */
function probeGpus(command = 'nvidia-smi') {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)(command, ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader,nounits'], { timeout: 5000 }, (error, stdout) => {
            if (error)
                return resolve([]);
            resolve(parseNvidiaSmi(stdout));
        });
    });
}
function parseNvidiaSmi(csv) {
    return csv.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
        const [name, memory, driver] = line.split(',').map((s) => s.trim());
        return { name, memoryMiB: Number(memory), driver: driver ?? '' };
    }).filter((g) => g.name && Number.isFinite(g.memoryMiB));
}

;// CONCATENATED MODULE: ./packages/core/src/model/evaluation-report.ts
const EVALUATION_REPORT_SCHEMA = 'modelci/evaluation-report@1';
/** The unit a metric is measured in, from its name: latency.* in ms, size in bytes. */
function metricDimension(name) {
    if (name.startsWith('latency.'))
        return 'time';
    if (name === 'size' || name.startsWith('size.'))
        return 'bytes';
    return 'ratio';
}
/** A metric key for a class label: gate names allow letters, digits and '_' after the dot. */
function classKey(label) {
    return label.replace(/[^A-Za-z0-9_]/g, '_');
}
function toMetrics(flat) {
    const map = new Map();
    for (const [name, value] of Object.entries(flat)) {
        map.set(name, { value: value ?? NaN, dimension: metricDimension(name) });
    }
    return map;
}
/** NaN and infinities are not JSON: they are written as null ("not measured"). */
function jsonNumber(v) {
    return v === undefined || !Number.isFinite(v) ? null : v;
}

;// CONCATENATED MODULE: ./packages/core/src/model/evaluate-model.ts
/**
 * Mode 1 of quality-gates: run the candidate ONNX model (and the production baseline, if given)
 * over the test data and measure everything the gates may ask about.
 */















const P_SIGNIFICANT = 0.05;
async function evaluateModel(input) {
    const table = await readTestData(input);
    const label = labelColumn(table, input.labelColumn);
    const candidate = await scoreModel(input.model, 'model', table, label, input);
    try {
        const robustness = await probeRobustness(candidate.session, candidate.plan, fetchNames(candidate.roles), candidate.predictions);
        const latency = input.latency === false ? undefined : await latencyReport(candidate, input.latency ?? {});
        const report = evaluate_model_buildReport(input, table, candidate, robustness, latency);
        if (input.baseline)
            report.baseline = await baselineReport(input, table, label, candidate);
        return report;
    }
    finally {
        await candidate.session.release();
    }
}
async function readTestData(input) {
    const table = await readTable(input.testData, { delimiter: input.delimiter });
    if (table.rowCount === 0) {
        throw new errors_InputError(`The test data ${input.testData} has no rows; a model cannot be judged on an empty test set: point test-data at the held-out split.`, { input: 'test-data' });
    }
    return table;
}
function labelColumn(table, name) {
    const found = table.columns.find((c) => c.name === name);
    if (found)
        return found;
    const names = table.columns.map((c) => c.name);
    const near = closestName(name, names);
    throw new errors_InputError(`The test data has no label column '${name}'${near ? `; did you mean '${near}'?` : `; its columns are ${listNames(names)}.`}`, { input: 'label-column' });
}
async function scoreModel(path, inputName, table, label, input) {
    const session = await openModel(path, { provider: input.provider, input: inputName, cudaDir: input.cudaDir });
    try {
        const plan = planFeeds(table, session.inputs, session.ort, {
            labelColumn: label.name, mapping: input.mapping, features: input.features, metadata: session.info.metadata,
        });
        const roles = chooseOutputs(session.outputs, label, {
            task: input.task, predictionOutput: input.predictionOutput, probabilityOutput: input.probabilityOutput,
        });
        const predictions = await predictAll(session, plan, roles);
        const scored = { session, plan, roles, predictions };
        if (roles.task === 'classification') {
            const classNames = input.classNames ?? session.info.metadata.classes;
            scored.classification = scoreClassification(label, predictions, {
                classNames,
                classNamesFrom: input.classNames ? 'class-names' : classNames ? `the 'classes' metadata of ${path}` : undefined,
            });
        }
        else {
            scored.regression = regressionMetrics(label.values, predictions.numbers);
        }
        return scored;
    }
    catch (e) {
        await session.release();
        throw e;
    }
}
function fetchNames(roles) {
    return [roles.prediction?.name, roles.probabilities?.name].filter((x) => !!x);
}
/** The flat metric map gates read. Every metric of the task is present; null = not measured. */
function flatMetrics(m, sizeBytes) {
    const out = { rows: m.predictions.rows, size: sizeBytes };
    let nonFinite = 0;
    for (let r = 0; r < m.predictions.rows; r++)
        nonFinite += m.predictions.nonFinite[r];
    out.nonfinite_outputs = nonFinite;
    const c = m.classification;
    if (c) {
        out.accuracy = c.metrics.accuracy;
        out['accuracy.ci_low'] = c.accuracyInterval[0];
        out['accuracy.ci_high'] = c.accuracyInterval[1];
        out.balanced_accuracy = c.metrics.balancedAccuracy;
        out.macro_f1 = c.metrics.macroF1;
        out.log_loss = jsonNumber(c.logLoss);
        out.roc_auc = jsonNumber(c.rocAuc);
        out.collapsed_classes = c.metrics.collapsed.length;
        for (const k of c.metrics.perClass) {
            out[`precision.${classKey(k.label)}`] = k.precision;
            out[`recall.${classKey(k.label)}`] = k.recall;
            out[`f1.${classKey(k.label)}`] = k.f1;
        }
    }
    if (m.regression) {
        out.mae = jsonNumber(m.regression.mae);
        out.rmse = jsonNumber(m.regression.rmse);
        out.r2 = jsonNumber(m.regression.r2);
    }
    return out;
}
function evaluate_model_buildReport(input, table, m, robustness, latency) {
    const info = m.session.info;
    const metrics = flatMetrics(m, info.totalBytes);
    for (const check of robustness)
        metrics[`robustness.${check.name}`] = check.passed === null ? null : check.passed ? 1 : 0;
    if (latency) {
        for (const k of ['mean', 'p50', 'p95', 'p99', 'max'])
            metrics[`latency.${k}`] = latency[k];
        metrics.throughput = latency.throughput;
    }
    else {
        for (const k of ['mean', 'p50', 'p95', 'p99', 'max'])
            metrics[`latency.${k}`] = null;
        metrics.throughput = null;
    }
    const c = m.classification;
    return {
        schema: EVALUATION_REPORT_SCHEMA,
        createdAt: (input.now ?? new Date()).toISOString(),
        task: m.roles.task,
        model: {
            path: input.model,
            sizeBytes: info.totalBytes,
            externalData: info.externalData.map((f) => ({ location: f.location, bytes: f.bytes })),
            producer: info.producer,
            irVersion: info.irVersion,
            opsets: info.opsets,
            inputs: m.plan.bindings.map((b) => ({ input: b.input, type: b.type, columns: b.columns, source: b.source })),
            outputs: { prediction: m.roles.prediction?.name, probabilities: m.roles.probabilities?.name },
        },
        data: { spec: input.testData, files: table.files, rows: table.rowCount, labelColumn: input.labelColumn, rowsWithMissingInputs: m.plan.missingRows },
        metrics,
        classification: c && {
            labels: c.labels,
            matrix: c.confusion.matrix,
            perClass: c.metrics.perClass,
            collapsed: c.metrics.collapsed,
            accuracyInterval: { low: c.accuracyInterval[0], high: c.accuracyInterval[1], confidence: 0.95 },
        },
        regression: m.regression,
        latency,
        robustness,
        notes: c ? [...c.notes] : [],
    };
}
async function latencyReport(m, options) {
    const result = await measureLatency(m.session, m.plan, options);
    const { samples: _samples, ...summary } = result;
    return { ...summary, hardware: await hardware(m.session) };
}
async function hardware(session) {
    const cpus = external_node_os_default().cpus();
    return {
        provider: session.provider,
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        memoryBytes: external_node_os_default().totalmem(),
        platform: `${process.platform}/${process.arch}`,
        node: process.version,
        onnxruntime: session.ort.env.versions.node ?? 'unknown',
        gpus: session.provider === 'cuda' ? await probeGpus() : [],
    };
}
async function baselineReport(input, table, label, candidate) {
    const base = await scoreModel(input.baseline, 'baseline', table, label, input);
    try {
        if (base.roles.task !== candidate.roles.task) {
            throw new errors_InputError(`The baseline ${input.baseline} is scored as a ${base.roles.task} model but the candidate as ${candidate.roles.task}; compare models that answer the same question.`, { input: 'baseline' });
        }
        const metrics = flatMetrics(base, base.session.info.totalBytes);
        if (input.baselineLatency && input.latency !== false) {
            const latency = await measureLatency(base.session, base.plan, input.latency ?? {});
            for (const k of ['mean', 'p50', 'p95', 'p99', 'max'])
                metrics[`latency.${k}`] = latency[k];
            metrics.throughput = latency.throughput;
        }
        const report = { model: input.baseline, metrics };
        if (candidate.classification && base.classification) {
            report.mcnemar = compareErrors(candidate.classification.correct, base.classification.correct);
        }
        return report;
    }
    finally {
        await base.session.release();
    }
}
/** McNemar on the rows where exactly one of the two models is right. */
function compareErrors(candidate, baseline) {
    let b = 0;
    let c = 0;
    for (let r = 0; r < candidate.length; r++) {
        if (candidate[r] && !baseline[r])
            b++;
        else if (!candidate[r] && baseline[r])
            c++;
    }
    const test = mcnemarTest(b, c);
    const p = test.pValue;
    const conclusion = b === c
        ? `Both models are wrong on the same number of rows where they disagree (${b} each): no difference.`
        : p < P_SIGNIFICANT
            ? `The candidate is ${b > c ? 'better' : 'worse'} than the baseline: right on ${b} rows the baseline gets wrong, wrong on ${c} it gets right (McNemar p = ${p.toPrecision(3)}).`
            : `The difference is within noise: the candidate is right on ${b} rows the baseline gets wrong and wrong on ${c} it gets right (McNemar p = ${p.toPrecision(3)} ≥ ${P_SIGNIFICANT}).`;
    return { ...test, candidateRightBaselineWrong: b, candidateWrongBaselineRight: c, conclusion };
}

;// CONCATENATED MODULE: ./packages/core/src/render/gates-markdown.ts




/** GitHub refuses a step summary over 1 MiB; stay below it with room for other steps' text. */
const MAX_SUMMARY_BYTES = 1_000_000;
/** Rows of the gate, metric and per-class tables. */
const MAX_TABLE_ROWS = 300;
/** Classes in the confusion matrix: a wider table is unreadable on a summary page. */
const MAX_MATRIX_CLASSES = 20;
/** Column names listed per model input (a matrix input may take hundreds). */
const MAX_INPUT_COLUMNS = 20;
const MAX_FILES = 5;
/** Shown for a metric that was not measured. */
const NOT_MEASURED = '—';
/** Baseline comparisons worth a row, in reading order. */
const BASELINE_METRICS = ['accuracy', 'macro_f1', 'log_loss', 'roc_auc', 'mae', 'rmse', 'r2', 'latency.p99', 'size'];
function renderGatesMarkdown(v) {
    const e = v.evaluation;
    const sections = [
        markdown_mdHeading(2, `${v.passed ? '✅' : '❌'} Quality gates: ${verdictCount(v)}`),
        markdown_mdText(v.summary),
        gateTable(v.gates),
        checkTable(v.checks),
        ...(e ? evaluationSections(e, new Set(v.checks.map((c) => c.name)), latencyGate(v)) : [reportSection(v)]),
        baselineSection(v),
        e && e.notes.length > 0 ? ['### Notes', '', ...e.notes.map((n) => `- ${markdown_mdText(n)}`)].join('\n') : undefined,
        `<sub>${v.schema}, ${v.createdAt}</sub>`,
    ];
    return capBytes(sections.filter((s) => s !== undefined).join('\n\n') + '\n', MAX_SUMMARY_BYTES);
}
/** "5 gates and 3 checks passed" or "2 of 5 gates and 1 of 3 checks failed": built-in checks are not gates. */
function verdictCount(v) {
    if (v.gates.length === 0)
        return 'no gate was evaluated';
    const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
    const gatesFailed = v.gates.filter((g) => !g.passed).length;
    const checksFailed = v.checks.filter((c) => !c.passed).length;
    if (gatesFailed === 0 && checksFailed === 0) {
        return v.checks.length > 0 ? `${count(v.gates.length, 'gate')} and ${count(v.checks.length, 'check')} passed` : `${count(v.gates.length, 'gate')} passed`;
    }
    const failed = [];
    if (gatesFailed > 0)
        failed.push(`${gatesFailed} of ${count(v.gates.length, 'gate')}`);
    if (checksFailed > 0)
        failed.push(`${checksFailed} of ${count(v.checks.length, 'check')}`);
    return `${failed.join(' and ')} failed`;
}
/** Actual, threshold and margin of a gate in the metric's own unit (ms, MB, plain number). */
function gateCells(r) {
    // One precision per metric: the same formatting as the metric tables.
    const value = (x) => (r.dimension === 'ratio' || r.dimension === undefined ? formatNumber(x, 4) : formatQuantity(x, r.dimension));
    return {
        actual: r.actual === null ? 'not measured' : value(r.actual),
        threshold: `${r.comparator} ${value(r.threshold)}`,
        margin: r.margin === null ? NOT_MEASURED : signed(r.margin, value),
    };
}
function gateTable(gates) {
    if (gates.length === 0)
        return undefined;
    // The user's order: it is the order they wrote the gates in, and the failures are marked.
    const rows = gates.slice(0, MAX_TABLE_ROWS).map((g) => {
        const c = gateCells(g);
        return `| ${mdCodeCell(g.gate)} | ${c.actual} | ${c.threshold} | ${c.margin} | ${g.passed ? '✅ pass' : '❌ fail'} |`;
    });
    return ['| Gate | Actual | Threshold | Margin | Result |', '|---|---:|---:|---:|---|', ...rows, ...more(gates.length, 'gates')].join('\n');
}
function checkTable(checks) {
    if (checks.length === 0)
        return undefined;
    const rows = checks.slice(0, MAX_TABLE_ROWS).map((c) => `| ${markdown_mdText(c.name)} | ${c.passed ? '✅ pass' : '❌ fail'} | ${markdown_mdText(c.detail)} |`);
    return ['| Built-in check | Result | Detail |', '|---|---|---|', ...rows, ...more(checks.length, 'checks')].join('\n');
}
/** The latency gate's threshold in ms, to mark it on the histogram. */
function latencyGate(v) {
    return v.gates.find((g) => g.dimension === 'time' && g.metric.startsWith('latency.'))?.threshold;
}
function evaluationSections(e, checkNames, gateMs) {
    return [
        modelSection(e),
        e.classification ? classificationSection(e) : regressionSection(e),
        confusionSection(e),
        perClassSection(e),
        e.latency ? latencySection(e.latency, gateMs) : undefined,
        robustnessSection(e.robustness, checkNames),
    ];
}
function modelSection(e) {
    const m = e.model;
    const d = e.data;
    const opsets = Object.entries(m.opsets).map(([domain, v]) => `${domain || 'ai.onnx'} ${v}`).join(', ');
    const external = m.externalData.length > 0 ? ` including ${m.externalData.length} external-data file${m.externalData.length === 1 ? '' : 's'}` : '';
    const outputs = [m.outputs.prediction && `prediction ${mdCode(m.outputs.prediction)}`, m.outputs.probabilities && `probabilities ${mdCode(m.outputs.probabilities)}`].filter(Boolean);
    const files = d.files.slice(0, MAX_FILES).map(mdCode).join(', ') + (d.files.length > MAX_FILES ? ` and ${d.files.length - MAX_FILES} more` : '');
    return [
        '### Model and data',
        '',
        `- **Model:** ${mdCode(m.path)}, ${formatQuantity(m.sizeBytes, 'bytes')}${external}${m.producer ? `, made by ${mdCode(m.producer)}` : ''}, IR ${m.irVersion}${opsets ? `, opset ${markdown_mdText(opsets)}` : ''} (${e.task})`,
        ...m.inputs.map((i) => `- **Input** ${mdCode(i.input)} (${markdown_mdText(i.type)}) ← ${columnList(i.columns)} _(${markdown_mdText(i.source)})_`),
        `- **Outputs used:** ${outputs.join(', ') || NOT_MEASURED}`,
        `- **Data:** ${formatCount(d.rows)} rows from ${files || mdCode(d.spec)}; label column ${mdCode(d.labelColumn)}` +
            (d.rowsWithMissingInputs > 0 ? `; ${formatCount(d.rowsWithMissingInputs)} rows with missing inputs` : '; no missing inputs'),
    ].join('\n');
}
function columnList(columns) {
    const shown = columns.slice(0, MAX_INPUT_COLUMNS).map(mdCode).join(', ');
    return columns.length > MAX_INPUT_COLUMNS ? `${shown} and ${columns.length - MAX_INPUT_COLUMNS} more columns` : shown;
}
function classificationSection(e) {
    const m = e.metrics;
    const ci = e.classification.accuracyInterval;
    const accuracy = m.accuracy === null || m.accuracy === undefined
        ? NOT_MEASURED
        : `${metricValue('accuracy', m.accuracy)} (${Math.round(ci.confidence * 100)}% CI ${metricValue('accuracy', ci.low)}–${metricValue('accuracy', ci.high)})`;
    const collapsed = e.classification.collapsed;
    return [
        '### Classification metrics',
        '',
        '| Metric | Value |',
        '|---|---:|',
        `| accuracy | ${accuracy} |`,
        ...metricRows(m, [['balanced accuracy', 'balanced_accuracy'], ['macro F1', 'macro_f1'], ['log loss', 'log_loss'], ['ROC AUC', 'roc_auc']]),
        ...(collapsed.length > 0 ? ['', `**Collapsed:** the model never predicts ${collapsed.map((l) => mdCode(l)).join(', ')}.`] : []),
    ].join('\n');
}
function regressionSection(e) {
    return ['### Regression metrics', '', '| Metric | Value |', '|---|---:|', ...metricRows(e.metrics, [['MAE', 'mae'], ['RMSE', 'rmse'], ['R²', 'r2']])].join('\n');
}
function metricRows(m, names) {
    return names.map(([label, key]) => `| ${label} | ${metricValue(key, m[key])} |`);
}
/** Rows are the true class, columns the prediction; the diagonal (right answers) in bold. */
function confusionSection(e) {
    const c = e.classification;
    if (!c || c.labels.length === 0)
        return undefined;
    const shown = matrixClasses(c.matrix, MAX_MATRIX_CLASSES);
    const capped = shown.length < c.labels.length;
    const header = ['true ↓ / predicted →', ...shown.map((i) => markdown_mdText(c.labels[i])), ...(capped ? ['(other)'] : [])];
    const rows = shown.map((i) => {
        const cells = shown.map((j) => (i === j ? `**${c.matrix[i][j]}**` : String(c.matrix[i][j])));
        if (capped)
            cells.push(String(c.matrix[i].reduce((s, n, j) => (shown.includes(j) ? s : s + n), 0)));
        return `| **${markdown_mdText(c.labels[i])}** | ${cells.join(' | ')} |`;
    });
    return [
        '### Confusion matrix',
        '',
        `| ${header.join(' | ')} |`,
        `|---|${header.slice(1).map(() => '---:').join('|')}|`,
        ...rows,
        ...(capped ? ['', `_Showing the ${shown.length} most frequent of ${c.labels.length} classes; (other) counts predictions of the classes not shown. The full matrix is in the verdict JSON._`] : []),
    ].join('\n');
}
/** The `limit` classes with most true rows (ties: first listed), in their original order. */
function matrixClasses(matrix, limit) {
    const support = matrix.map((row) => row.reduce((s, n) => s + n, 0));
    const order = support.map((_, i) => i).sort((a, b) => support[b] - support[a] || a - b);
    return order.slice(0, limit).sort((a, b) => a - b);
}
function perClassSection(e) {
    const c = e.classification;
    if (!c || c.perClass.length === 0)
        return undefined;
    const rows = c.perClass.slice(0, MAX_TABLE_ROWS).map((k) => `| ${markdown_mdText(k.label)} | ${k.precision.toFixed(3)} | ${k.recall.toFixed(3)} | ${k.f1.toFixed(3)} | ${formatCount(k.support)} |`);
    return ['### Per class', '', '| Class | Precision | Recall | F1 | Support |', '|---|---:|---:|---:|---:|', ...rows, ...more(c.perClass.length, 'classes')].join('\n');
}
function latencySection(l, gateMs) {
    const out = [
        '### Latency',
        '',
        '| p50 | p95 | p99 | max | mean | throughput |',
        '|---:|---:|---:|---:|---:|---:|',
        `| ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${ms(l.mean)} | ${rowsPerSecond(l.throughput)} |`,
        '',
        `${formatCount(l.runs)} timed runs after ${formatCount(l.warmupRuns)} warm-up runs, at batch size ${l.batchSize} (the throughput is rows per second at that batch size).`,
        '',
        `**Hardware:** ${markdown_mdText(hardwareLine(l))}`,
    ];
    const spread = l.p99Spread;
    if (spread) {
        out.push('', `p99 over ${spread.blocks} blocks of ${formatCount(spread.runsPerBlock)} consecutive runs: ${ms(spread.low)} to ${ms(spread.high)}.`);
        if (gateMs !== undefined && gateMs >= spread.low && gateMs <= spread.high) {
            out.push('', `> ⚠️ The latency gate (${ms(gateMs)}) lies inside that spread: the same model can pass or fail it from one run to the next. Measure on a quieter runner, with more runs, or set the gate outside it.`);
        }
    }
    if (l.warning)
        out.push('', `> ⚠️ ${markdown_mdText(l.warning)}`);
    const chart = latencyChart(l.histogram, { p50: l.p50, p99: l.p99, gate: gateMs });
    if (chart)
        out.push('', chart);
    return out.join('\n');
}
/** Where the numbers were measured: a latency means nothing without the machine. */
function hardwareLine(l) {
    const h = l.hardware;
    const gpus = h.gpus.length > 0 ? `GPU ${h.gpus.map((g) => `${g.name} (${formatCount(g.memoryMiB)} MiB)`).join(', ')}` : 'no GPU';
    return `${h.provider} provider · ${h.cpu}, ${h.cores} cores · ${gpus} · onnxruntime ${h.onnxruntime} · Node ${h.node} · ${h.platform}`;
}
function ms(x) {
    return `${formatNumber(x, 3)} ms`;
}
function rowsPerSecond(x) {
    return `${x >= 100 ? formatCount(x) : formatNumber(x, 3)} rows/s`;
}
/** Blue bars on GitHub's light and dark backgrounds (mermaid's default first colour is nearly white). */
const LATENCY_CHART_INIT = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0366d6, #d73a49"}}}}%%';
/**
 * A mermaid bar chart with one bar per histogram bucket, labelled by its upper edge in ms; the
 * buckets holding p50 and p99 (and the latency gate, when it falls inside) are named in their label.
 */
function latencyChart(h, marks = {}) {
    if (h.counts.length === 0 || h.edges.length !== h.counts.length)
        return undefined;
    const top = Math.max(...h.counts);
    if (top <= 0)
        return undefined;
    const labels = edgeLabels(h.edges);
    const bucketOf = (x) => (x === undefined ? -1 : h.edges.findIndex((edge) => x <= edge));
    const tags = labels.map(() => []);
    for (const [name, x] of [['p50', marks.p50], ['p99', marks.p99], ['gate', marks.gate]]) {
        const i = bucketOf(x);
        if (i >= 0)
            tags[i].push(name);
    }
    const gateOutside = marks.gate !== undefined && bucketOf(marks.gate) < 0;
    return [
        '```mermaid',
        LATENCY_CHART_INIT,
        'xychart-beta',
        `  title "Latency per run (ms, bucket upper edge, log-spaced)${gateOutside ? `; the gate, ${formatNumber(marks.gate, 3)} ms, is beyond the slowest run` : ''}"`,
        `  x-axis "ms" [${labels.map((s, i) => JSON.stringify(tags[i].length > 0 ? `${s} (${tags[i].join(', ')})` : s)).join(', ')}]`,
        `  y-axis "runs" 0 --> ${top}`,
        `  bar [${h.counts.join(', ')}]`,
        '```',
    ].join('\n');
}
/**
 * Enough decimals that rounding moves an edge by at most a twentieth of a bucket: the labels
 * stay distinct and close to the truth without printing float noise.
 */
function edgeLabels(edges) {
    if (edges.length === 1)
        return [String(Number(edges[0].toPrecision(3)))];
    // Log-spaced buckets: each label needs the decimals of its own bucket's width.
    return edges.map((x, i) => {
        const width = Math.abs(x - (i > 0 ? edges[i - 1] : 2 * edges[0] - edges[1]));
        const decimals = width > 0 ? Math.min(9, Math.max(0, Math.ceil(-Math.log10(width / 10)))) : 3;
        return String(Number(x.toFixed(decimals)));
    });
}
const ROBUSTNESS_LABEL = {
    finite_outputs: 'finite outputs', deterministic: 'deterministic', zero_input: 'all-zero row', extreme_input: 'extreme values', nan_input: 'NaN inputs',
};
function robustnessResult(r) {
    if (r.passed === null)
        return { icon: 'ℹ️', word: 'not probed' };
    if (r.passed)
        return { icon: '✅', word: 'pass' };
    return r.severity === 'fail' ? { icon: '❌', word: 'fail' } : r.severity === 'warn' ? { icon: '⚠️', word: 'warning' } : { icon: 'ℹ️', word: 'info' };
}
/** Probes that are not already a row of the built-in checks table (finite outputs, deterministic). */
function robustnessSection(all, checkNames) {
    const checks = all.filter((r) => !checkNames.has(ROBUSTNESS_LABEL[r.name] ?? r.name));
    if (checks.length === 0)
        return undefined;
    const rows = checks.map((r) => {
        const { icon, word } = robustnessResult(r);
        return `| ${ROBUSTNESS_LABEL[r.name] ?? r.name} (${mdCodeCell(`robustness.${r.name}`)}) | ${icon} ${word} | ${markdown_mdText(r.detail)} |`;
    });
    return ['### Robustness', '', '| Check | Result | Detail |', '|---|---|---|', ...rows].join('\n');
}
/** Candidate against production on the metrics both have, and McNemar's paired test. */
function baselineSection(v) {
    const base = v.baselineMetrics;
    if (!base)
        return undefined;
    const out = ['### Against the baseline', '', `Baseline: ${mdCode(v.evaluation?.baseline?.model ?? v.source.baseline ?? 'baseline')}`];
    const rows = baselineRows(v.metrics, base);
    if (rows.length > 0) {
        out.push('', '| Metric | Candidate | Baseline | Δ |', '|---|---:|---:|---:|');
        for (const r of rows)
            out.push(`| ${r.metric} | ${r.candidate} | ${r.baseline} | ${r.delta} |`);
    }
    const m = v.evaluation?.baseline?.mcnemar;
    if (m)
        out.push('', `**McNemar${m.exact ? ' (exact)' : ''}:** b = ${m.candidateRightBaselineWrong} (candidate right, baseline wrong), c = ${m.candidateWrongBaselineRight} (candidate wrong, baseline right), statistic ${formatNumber(m.statistic)}, ${pEquals(m.pValue)}. ${markdown_mdText(m.conclusion)}`);
    return out.join('\n');
}
/** Metrics where a larger value is better; for the rest (losses, errors, latency, size) smaller is. */
const HIGHER_IS_BETTER = new Set(['accuracy', 'macro_f1', 'roc_auc', 'r2', 'balanced_accuracy']);
function baselineRows(candidate, baseline) {
    const rows = [];
    for (const metric of BASELINE_METRICS) {
        const a = candidate[metric];
        const b = baseline[metric];
        if (typeof a !== 'number' || typeof b !== 'number')
            continue;
        const d = a - b;
        const mark = d === 0 ? '' : (d > 0) === HIGHER_IS_BETTER.has(metric) ? ' (better)' : ' (worse)';
        rows.push({ metric, candidate: metricValue(metric, a), baseline: metricValue(metric, b), delta: `${signed(d, (x) => metricValue(metric, x))}${mark}` });
    }
    return rows;
}
/** Mode 2: the team's own report, shown as it was read. */
function reportSection(v) {
    const entries = Object.entries(v.metrics);
    const rows = entries.slice(0, MAX_TABLE_ROWS).map(([name, value]) => `| ${mdCodeCell(name)} | ${metricValue(name, value)} |`);
    return [
        '### Metrics',
        '',
        `From the report ${mdCode(v.source.report ?? 'report')} (your own evaluation; modelci did not run the model).`,
        '',
        '| Metric | Value |',
        '|---|---:|',
        ...rows,
        ...more(entries.length, 'metrics'),
    ].join('\n');
}
/** A metric in its unit: latency in ms/s, size in MB, anything else as a plain number. */
function metricValue(name, value) {
    if (value === null || value === undefined || Number.isNaN(value))
        return NOT_MEASURED;
    const dimension = metricDimension(name);
    return dimension === 'ratio' ? formatNumber(value, 4) : formatQuantity(value, dimension);
}
function signed(x, format) {
    return x > 0 ? `+${format(x)}` : format(x);
}
function more(total, what) {
    return total > MAX_TABLE_ROWS ? ['', `_${total - MAX_TABLE_ROWS} more ${what} are in the verdict JSON._`] : [];
}
/**
 * The last guard on GitHub's limit: cut whole lines, close an open code fence so the page still
 * renders, and say where the rest is.
 */
function capBytes(markdown, limit) {
    if (Buffer.byteLength(markdown, 'utf8') <= limit)
        return markdown;
    const tail = '\n\n_The summary was cut at GitHub’s size limit; the full verdict is in the verdict JSON._\n';
    const budget = limit - Buffer.byteLength(tail, 'utf8') - 8;
    const kept = [];
    let bytes = 0;
    let fenceOpen = false;
    for (const line of markdown.split('\n')) {
        const n = Buffer.byteLength(line, 'utf8') + 1;
        if (bytes + n > budget)
            break;
        kept.push(line);
        bytes += n;
        if (line.startsWith('```'))
            fenceOpen = !fenceOpen;
    }
    if (fenceOpen)
        kept.push('```');
    return kept.join('\n') + tail;
}

;// CONCATENATED MODULE: ./packages/core/src/gates/gate-annotations.ts
/**
 * What blocks the model is an error (failed gates and built-in checks), what a reviewer should
 * weigh is a warning (a robustness probe with severity 'warn' that failed, a p99 on too few
 * runs), and the evaluation's notes are notices: the run page tells the same story as the exit code.
 */
function gateAnnotations(v) {
    const file = v.evaluation?.model.path ?? v.source.model;
    const at = file ? { file } : {};
    return [...errors(v, at), ...warnings(v, at), ...notices(v, at)];
}
function errors(v, at) {
    return [
        ...v.gates.filter((g) => !g.passed).map((g) => ({ level: 'error', title: `Gate failed: ${g.gate}`, message: g.reason, ...at })),
        ...v.checks.filter((c) => !c.passed).map((c) => ({ level: 'error', title: `Check failed: ${c.name}`, message: c.detail, ...at })),
    ];
}
function warnings(v, at) {
    const e = v.evaluation;
    if (!e)
        return [];
    const out = e.robustness
        .filter((r) => r.severity === 'warn' && r.passed === false)
        .map((r) => ({ level: 'warning', title: `Robustness: ${r.name}`, message: r.detail, ...at }));
    if (e.latency?.warning)
        out.push({ level: 'warning', title: 'Latency: too few runs', message: e.latency.warning, ...at });
    return out;
}
function notices(v, at) {
    return (v.evaluation?.notes ?? []).map((n) => ({ level: 'notice', title: 'Evaluation note', message: n, ...at }));
}

;// CONCATENATED MODULE: ./packages/core/src/gates/gate.ts


const METRIC = String.raw `[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*`;
const GATE = new RegExp(String.raw `^(${METRIC})\s*(>=|<=|==|!=|>|<)\s*(.+)$`);
const BASELINE = new RegExp(String.raw `^baseline\.(${METRIC})\s*(?:([+-])\s*(.+))?$`);
/**
 * The multi-line `gates` input: one `metric comparator threshold` per line, e.g.
 * `macro_f1 >= 0.9`, `latency.p99 <= 100ms`, `size <= 500MB`, `accuracy >= baseline.accuracy - 0.01`.
 * Blank lines and `#` comments are ignored.
 */
function parseGates(text, input = 'gates') {
    const gates = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.replace(/#.*$/, '').trim();
        if (line)
            gates.push(parseGate(line, input, i + 1));
    });
    return gates;
}
function parseGate(text, input, line) {
    const where = line ? `Input '${input}' line ${line}` : `Input '${input}'`;
    const m = GATE.exec(text);
    if (!m) {
        throw new errors_InputError(`${where}, '${text}', is not a gate; write 'metric comparator threshold', e.g. 'accuracy >= 0.92' or 'latency.p99 <= 100ms'.`, { input, line });
    }
    const [, metric, comparator, rhs] = m;
    const b = BASELINE.exec(rhs.trim());
    let threshold;
    if (b) {
        const offset = b[3] ? parseQuantity(b[3], { input, context: text }) : { value: 0 };
        threshold = { kind: 'baseline', metric: b[1], offset: b[2] === '-' ? { ...offset, value: -offset.value } : offset };
    }
    else {
        threshold = { kind: 'constant', value: parseQuantity(rhs, { input, context: text }) };
    }
    return { text, metric, comparator: comparator, threshold, input, line };
}
/** The seed pipeline's three inputs, as gates. Empty inputs add nothing. */
function legacyGates(inputs) {
    const gates = [];
    const add = (input, value, make) => {
        if (value?.trim())
            gates.push(parseGate(make(value.trim()), input));
    };
    add('min-accuracy', inputs['min-accuracy'], (v) => `accuracy >= ${v}`);
    // The seed gives the p99 budget as a bare number of milliseconds.
    add('max-latency-p99', inputs['max-latency-p99'], (v) => `latency.p99 <= ${/^[\d.]+$/.test(v) ? `${v}ms` : v}`);
    add('max-model-size', inputs['max-model-size'], (v) => `size <= ${v}`);
    return gates;
}
function compare(actual, comparator, threshold) {
    switch (comparator) {
        case '>=': return actual >= threshold;
        case '<=': return actual <= threshold;
        case '>': return actual > threshold;
        case '<': return actual < threshold;
        case '==': return actual === threshold;
        case '!=': return actual !== threshold;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/gates/evaluate-gates.ts




const GATE_VERDICT_SCHEMA = 'modelci/gate-verdict@1';
/**
 * Apply every gate. A metric the evaluation did not produce fails its gate (fail safe: an
 * unmeasured model does not ship); a metric name nobody knows is a mistake in the gate, refused
 * with the closest known name. No gate at all is not a pass: nothing was asked of the model.
 */
function evaluateGates(gates, metrics, options = {}) {
    const results = gates.map((g) => evaluateGate(g, metrics, options.baseline));
    const checks = options.checks ?? [];
    const failed = [...results.filter((r) => !r.passed).map((r) => r.gate), ...checks.filter((c) => !c.passed).map((c) => c.name)];
    const total = results.length + checks.length;
    const summary = failed.length === 0
        ? `All ${total} gate${total === 1 ? '' : 's'} passed.`
        : `${failed.length} of ${total} gates failed: ${failed.join('; ')}.`;
    return {
        schema: GATE_VERDICT_SCHEMA,
        createdAt: (options.now ?? new Date()).toISOString(),
        passed: failed.length === 0 && results.length > 0,
        gates: results,
        checks,
        summary,
    };
}
function evaluateGate(gate, metrics, baseline) {
    const metric = evaluate_gates_lookup(gate, gate.metric, metrics, 'metric');
    let threshold;
    let thresholdDimension;
    if (gate.threshold.kind === 'constant') {
        threshold = gate.threshold.value.value;
        thresholdDimension = gate.threshold.value.dimension;
    }
    else {
        if (!baseline) {
            throw new errors_InputError(`Gate '${gate.text}' compares with the baseline, but no baseline model or report was given; set the 'baseline' input or drop the gate.`, { input: gate.input, line: gate.line });
        }
        const base = evaluate_gates_lookup(gate, gate.threshold.metric, baseline, 'baseline metric');
        threshold = base.value + gate.threshold.offset.value;
        thresholdDimension = gate.threshold.offset.dimension ?? base.dimension;
    }
    if (thresholdDimension && thresholdDimension !== (metric.dimension ?? 'ratio')) {
        throw new errors_InputError(`Gate '${gate.text}' compares ${gate.metric}, measured in ${describe(metric.dimension)}, with a threshold in ${describe(thresholdDimension)}; use a unit of ${describe(metric.dimension)}.`, { input: gate.input, line: gate.line });
    }
    const shown = (v) => formatQuantity(v, metric.dimension);
    if (Number.isNaN(metric.value)) {
        return { gate: gate.text, metric: gate.metric, comparator: gate.comparator, actual: null, threshold, dimension: metric.dimension, passed: false, margin: null,
            reason: `${gate.metric} was not measured, so the gate cannot pass.` };
    }
    const passed = compare(metric.value, gate.comparator, threshold);
    const margin = gate.comparator.startsWith('<') ? threshold - metric.value : gate.comparator.startsWith('>') ? metric.value - threshold : passed ? 0 : -Math.abs(metric.value - threshold);
    const reason = passed
        ? `${gate.metric} = ${shown(metric.value)} ${gate.comparator} ${shown(threshold)}`
        : `${gate.metric} = ${shown(metric.value)} fails ${gate.comparator} ${shown(threshold)}${Number.isFinite(margin) && margin !== 0 ? ` by ${shown(Math.abs(margin))}` : ''}`;
    return { gate: gate.text, metric: gate.metric, comparator: gate.comparator, actual: metric.value, threshold, dimension: metric.dimension, passed, margin, reason };
}
function evaluate_gates_lookup(gate, name, metrics, what) {
    const found = metrics.get(name);
    if (found)
        return found;
    const suggestion = closestName(name, metrics.keys());
    const hint = suggestion ? `did you mean '${suggestion}'?` : `known metrics: ${[...metrics.keys()].sort().join(', ')}.`;
    throw new errors_InputError(`Gate '${gate.text}' names the ${what} '${name}', which the evaluation does not have; ${hint}`, { input: gate.input, line: gate.line });
}
function describe(d) {
    return d === 'time' ? 'time (ms, s)' : d === 'bytes' ? 'bytes (MB, GiB, ...)' : 'plain numbers (or %)';
}

;// CONCATENATED MODULE: ./packages/core/src/gates/read-metrics-report.ts
/**
 * Mode 2 of quality-gates: the team evaluated the model with its own script and wrote a report.
 * Accepted: an EvaluationReport (modelci/evaluation-report@1), a GateVerdict, or any JSON object
 * with a `metrics` object. Metric values are numbers, null (not measured), quantities with units
 * ("12ms", "450MB"), or nested objects whose keys join with dots ({"latency": {"p99": 12}}).
 */






/** Reports whose `metrics` object this reader understands. */
const READABLE = [EVALUATION_REPORT_SCHEMA, GATE_VERDICT_SCHEMA];
async function readMetricsReport(path, input = 'report') {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (e) {
        const code = e.code;
        throw new errors_InputError(code === 'ENOENT'
            ? `The ${input} file ${path} does not exist; write the evaluation report first or fix the path.`
            : `The ${input} file ${path} cannot be read (${code ?? e.message}); check the path.`, { input, file: path });
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        const where = jsonErrorLine(text, e.message);
        throw new errors_InputError(`The ${input} file ${path} is not valid JSON${where ? ` (line ${where.line}, column ${where.col})` : ''}: ${e.message.replace(/ in JSON at position \d+.*$/, '')}; write it with json.dump.`, { input, file: path, ...where });
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new errors_InputError(`The ${input} file ${path} holds ${Array.isArray(doc) ? 'a list' : typeof doc}, not an object; write {"metrics": {"accuracy": 0.93, ...}}.`, { input, file: path });
    }
    const record = doc;
    const schema = record.schema;
    if (schema !== undefined && !READABLE.includes(schema)) {
        throw new errors_InputError(`The ${input} file ${path} has schema '${String(schema)}', which this modelci does not read; write ${READABLE.join(' or ')}, or a plain {"metrics": {...}} without a schema.`, { input, file: path });
    }
    const metrics = record.metrics;
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) {
        throw new errors_InputError(`The ${input} file ${path} has no "metrics" object${metrics === undefined ? '' : ` (it is ${Array.isArray(metrics) ? 'a list' : typeof metrics})`}; write {"metrics": {"accuracy": 0.93, "latency": {"p99": 12}}}.`, { input, file: path });
    }
    const flat = {};
    flatten(metrics, '', flat, path, input);
    if (Object.keys(flat).length === 0) {
        throw new errors_InputError(`The ${input} file ${path} has an empty "metrics" object; a model with no measurements cannot pass a gate.`, { input, file: path });
    }
    return { path, digest: `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex')}`, metrics: flat, schema: schema, document: record };
}
function flatten(obj, prefix, out, path, input) {
    for (const [key, value] of Object.entries(obj)) {
        const name = prefix + key;
        if (value === null)
            out[name] = null;
        else if (typeof value === 'number')
            out[name] = value;
        else if (typeof value === 'string') {
            const q = parseQuantity(value, { input, context: `metrics.${name} in ${path}` });
            const expected = metricDimension(name);
            if (q.dimension && q.dimension !== expected) {
                throw new errors_InputError(`metrics.${name} in ${path} is '${value}', a ${q.dimension === 'time' ? 'time' : 'size'}, but ${name} is measured in ${expected === 'time' ? 'milliseconds' : expected === 'bytes' ? 'bytes' : 'plain numbers'}; fix the value or the name.`, { input, file: path });
            }
            out[name] = q.value;
        }
        else if (typeof value === 'object' && !Array.isArray(value)) {
            flatten(value, `${name}.`, out, path, input);
        }
        else {
            throw new errors_InputError(`metrics.${name} in ${path} is ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}; each metric must be a number, null, or a quantity such as "12ms".`, { input, file: path });
        }
    }
}
/** Node reports "at position N" (older) or "(line L column C)" (newer): turn either into line/col. */
function jsonErrorLine(text, message) {
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc)
        return { line: Number(lc[1]), col: Number(lc[2]) };
    const pos = /position (\d+)/.exec(message);
    if (!pos)
        return undefined;
    const before = text.slice(0, Number(pos[1]));
    const lines = before.split('\n');
    return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/quality-gates-inputs.ts
const QUALITY_GATES_INPUTS = [
    { name: 'model', type: 'path', description: "The candidate model: an .onnx file (external-data files beside it). modelci runs it with onnxruntime on this runner. Give this or report." },
    { name: 'test-data', type: 'path', description: "Held-out data to score the model on: a CSV/TSV/JSONL/Parquet file, a directory or a glob. Required with model." },
    { name: 'label-column', type: 'string', description: "The column of test-data holding the true label (a class name or number, or the value a regression predicts). Required with model." },
    { name: 'report', type: 'path', description: "Instead of model: a JSON report written by your own evaluation, {\"metrics\": {\"accuracy\": 0.93, \"latency\": {\"p99\": 12}}} or a modelci/evaluation-report@1. Values are numbers, null, or quantities such as \"12ms\" and \"450MB\"." },
    { name: 'baseline', type: 'path', description: "The model in production, for gates such as \"accuracy >= baseline.accuracy - 0.01\": an .onnx file (run on the same rows, with a McNemar test of the paired predictions) or a report JSON." },
    { name: 'gates', type: 'lines', description: "One gate per line, \"metric comparator threshold\": macro_f1 >= 0.9, latency.p99 <= 100ms, size <= 500MB, accuracy.ci_low >= 0.9, accuracy >= baseline.accuracy - 0.01. \"#\" starts a comment. See the README for the metric names." },
    { name: 'min-accuracy', type: 'share', description: "Shorthand for the gate \"accuracy >= <value>\" (as in the seed pipeline): 0.92 or 92%." },
    { name: 'max-latency-p99', type: 'latency', description: "Shorthand for \"latency.p99 <= <value>\"; a bare number is milliseconds." },
    { name: 'max-model-size', type: 'size', description: "Shorthand for \"size <= <value>\", with its unit: 500MB or 1.5GiB (a bare number is refused); the size is the .onnx file plus its external data." },
    { name: 'execution-provider', type: 'choice', choices: ['cpu', 'cuda'], default: "cpu", description: "Where to run the model: cpu, or cuda on a self-hosted runner with an NVIDIA GPU, CUDA 12 and cuDNN 9. When cuda is asked for and cannot start, the step fails; it never measures the CPU instead." },
    { name: 'onnxruntime-cuda-dir', type: 'path', description: "With execution-provider cuda: a folder on the runner holding libonnxruntime_providers_cuda.so and libonnxruntime_providers_shared.so of onnxruntime 1.30.0; they are copied beside the bundled onnxruntime on first use. Not needed when they are already there." },
    { name: 'task', type: 'choice', choices: ['auto', 'classification', 'regression'], default: "auto", description: "auto, classification or regression. auto: classification when the label column holds names or the model outputs labels or class probabilities." },
    { name: 'input-mapping', type: 'lines', description: "Which columns feed which model input, one \"input = column, column, ...\" per line. Default: inputs named after columns take them; a single [N, F] input takes features, the model's feature_names metadata, or the remaining numeric columns in file order." },
    { name: 'features', type: 'list', description: "Comma-separated columns, in order, for a model with a single [N, F] input." },
    { name: 'class-names', type: 'string', description: "The classes in the order of the model's probability columns (comma-separated or a JSON array). Default: the model's \"classes\" metadata." },
    { name: 'prediction-output', type: 'string', description: "The model output holding the predicted label (classifier) or value (regression). Default: chosen from the outputs' types and shapes." },
    { name: 'probability-output', type: 'string', description: "The model output holding class probabilities, [N, classes]. Default: the first float matrix output." },
    { name: 'latency-runs', type: 'count', min: 1, max: 1000000, default: "1000", description: "Timed single-row inferences for the latency percentiles. Fewer than 1000 leaves the p99 resting on under 10 samples (the summary says so)." },
    { name: 'warmup-runs', type: 'count', min: 0, max: 100000, default: "50", description: "Untimed inferences before timing starts." },
    { name: 'batch-size', type: 'count', min: 1, max: 1000000, default: "32", description: "Rows per inference for the throughput figure." },
    { name: 'delimiter', type: 'string', description: "Field delimiter of delimited text test data, one character. Default: \",\" for .csv, tab for .tsv, sniffed for .txt." },
    { name: 'verdict-path', type: 'path', default: "modelci-gate-verdict.json", description: "Where to write the GateVerdict JSON (modelci/gate-verdict@1, with the metrics and the full evaluation)." },
];

;// CONCATENATED MODULE: ./packages/core/src/steps/quality-gates.ts
/**
 * The quality-gates step, shared by the action and `modelci gates`: parse the gates, measure the
 * model (or read the team's report), apply the gates and built-in checks, and write the
 * GateVerdict atomically, only once everything succeeded.
 */













/** Metric names an evaluation produces (per-class ones are checked by prefix). */
const KNOWN_METRICS = [
    'accuracy', 'accuracy.ci_low', 'accuracy.ci_high', 'balanced_accuracy', 'macro_f1', 'log_loss', 'roc_auc',
    'collapsed_classes', 'mae', 'rmse', 'r2', 'rows', 'size', 'nonfinite_outputs', 'throughput',
    'latency.mean', 'latency.p50', 'latency.p95', 'latency.p99', 'latency.max',
    'robustness.finite_outputs', 'robustness.deterministic', 'robustness.zero_input', 'robustness.extreme_input', 'robustness.nan_input',
    'mcnemar.p_value',
];
const PER_CLASS = /^(precision|recall|f1)\.[A-Za-z0-9_]+$/;
/** Whether an evaluation (mode 1) can produce a metric of this name. */
function isKnownMetric(name) {
    return KNOWN_METRICS.includes(name) || PER_CLASS.test(name);
}
async function runQualityGates(req, now = new Date()) {
    const v = parse_input_parseInputs(QUALITY_GATES_INPUTS, req);
    const model = v.model;
    const reportPath = v.report;
    if (model && reportPath) {
        throw new errors_InputError(`Inputs 'model' and 'report' were both given; give 'model' (with test-data and label-column) for modelci to evaluate it, or 'report' to gate your own evaluation, not both.`, { input: 'report' });
    }
    if (!model && !reportPath) {
        throw new errors_InputError(`Input 'model' is required: give the .onnx file to evaluate (with test-data and label-column), or give 'report', the JSON your own evaluation wrote.`, { input: 'model' });
    }
    const gates = [...legacyGates(req), ...parseGates(v.gates.join('\n'))];
    if (gates.length === 0) {
        throw new errors_InputError(`No gates were given, so nothing decides whether the model may ship; set 'gates' (e.g. 'accuracy >= 0.9' and 'latency.p99 <= 100ms', one per line) or min-accuracy, max-latency-p99, max-model-size.`, { input: 'gates' });
    }
    const verdictPath = v['verdict-path'];
    const baseline = v.baseline;
    let metrics;
    let baselineMetrics;
    let evaluation;
    if (model) {
        checkMetricNames(gates);
        const baselineIsReport = baseline?.toLowerCase().endsWith('.json');
        evaluation = await evaluateModel({
            model,
            testData: required(req['test-data'], 'test-data', 'the held-out data to score the model on (file, directory or glob)'),
            labelColumn: required(req['label-column'], 'label-column', 'the name of the column holding the true labels'),
            baseline: baselineIsReport ? undefined : baseline,
            provider: v['execution-provider'],
            cudaDir: v['onnxruntime-cuda-dir'],
            task: v.task,
            mapping: v['input-mapping'].length > 0 ? parseInputMapping(v['input-mapping'].join('\n')) : undefined,
            features: req.features?.trim() ? parseNameList(req.features) : undefined,
            classNames: v['class-names'],
            predictionOutput: v['prediction-output'],
            probabilityOutput: v['probability-output'],
            delimiter: req.delimiter || undefined,
            latency: { runs: v['latency-runs'], warmupRuns: v['warmup-runs'], batchSize: v['batch-size'] },
            baselineLatency: gates.some((g) => g.threshold.kind === 'baseline' && /^(latency\.|throughput)/.test(g.threshold.metric)),
            now,
        });
        metrics = evaluation.metrics;
        if (evaluation.baseline) {
            baselineMetrics = evaluation.baseline.metrics;
            if (evaluation.baseline.mcnemar)
                metrics['mcnemar.p_value'] = evaluation.baseline.mcnemar.pValue;
        }
        else if (baseline) {
            baselineMetrics = (await readMetricsReport(baseline, 'baseline')).metrics;
        }
    }
    else {
        metrics = (await readMetricsReport(reportPath, 'report')).metrics;
        if (baseline) {
            if (!baseline.toLowerCase().endsWith('.json')) {
                throw new errors_InputError(`Input 'baseline' is ${baseline}, but with 'report' the baseline must be a report too (a .json with "metrics"); modelci only runs ONNX models when 'model' is given.`, { input: 'baseline' });
            }
            baselineMetrics = (await readMetricsReport(baseline, 'baseline')).metrics;
        }
    }
    const base = evaluateGates(gates, toMetrics(metrics), {
        baseline: baselineMetrics ? toMetrics(baselineMetrics) : undefined,
        checks: evaluation ? builtInChecks(evaluation) : [],
        now,
    });
    const verdict = {
        ...base,
        metrics,
        baselineMetrics,
        evaluation,
        source: { model, report: reportPath, baseline },
    };
    await writeFileAtomic(verdictPath, JSON.stringify(verdict, null, 2) + '\n', { input: 'verdict-path', example: 'gate-verdict.json' });
    const failed = [...verdict.gates.filter((g) => !g.passed).map((g) => g.gate), ...verdict.checks.filter((c) => !c.passed).map((c) => c.name)];
    const shown = (v) => (v === null || v === undefined ? '' : String(v));
    return {
        verdict,
        verdictPath,
        markdown: renderGatesMarkdown(verdict),
        annotations: gateAnnotations(verdict),
        outputs: {
            passed: String(verdict.passed),
            report: verdictPath,
            'failed-gates': JSON.stringify(failed),
            accuracy: shown(metrics.accuracy),
            'latency-p99': shown(metrics['latency.p99']),
            size: shown(metrics.size),
        },
    };
}
/**
 * Checks every model must pass whatever the gates say: every class it was trained on is
 * predicted, outputs are finite on clean rows, the same input gives the same output, and (with
 * a baseline) it is not significantly worse than production.
 */
function builtInChecks(report) {
    const checks = [];
    const c = report.classification;
    if (c) {
        checks.push(c.collapsed.length === 0
            ? { name: 'no collapsed class', passed: true, detail: `Every class in the test labels is predicted at least once.` }
            : { name: 'no collapsed class', passed: false, detail: `The model never predicts ${c.collapsed.map((l) => `'${l}'`).join(', ')}, though ${c.collapsed.length === 1 ? 'it is' : 'they are'} in the test labels (${c.collapsed.map((l) => c.perClass.find((k) => k.label === l)?.support ?? 0).join(', ')} rows): the class has collapsed.` });
    }
    for (const r of report.robustness) {
        if (r.severity !== 'fail' || r.passed === null)
            continue;
        checks.push({ name: r.name === 'finite_outputs' ? 'finite outputs' : 'deterministic', passed: r.passed, detail: r.detail });
    }
    const m = report.baseline?.mcnemar;
    if (m) {
        const worse = m.candidateWrongBaselineRight > m.candidateRightBaselineWrong && m.pValue < 0.05;
        checks.push({ name: 'not worse than baseline', passed: !worse, detail: m.conclusion });
    }
    return checks;
}
/** Catches a misspelt metric before minutes of evaluation, not after. */
function checkMetricNames(gates) {
    for (const g of gates) {
        const names = [g.metric, ...(g.threshold.kind === 'baseline' ? [g.threshold.metric] : [])];
        for (const name of names) {
            if (isKnownMetric(name))
                continue;
            const near = closestName(name, KNOWN_METRICS);
            throw new errors_InputError(`Gate '${g.text}' names the metric '${name}', which the evaluation does not produce; ${near ? `did you mean '${near}'?` : `known metrics: ${KNOWN_METRICS.join(', ')}, and precision.<class>, recall.<class>, f1.<class>.`}`, { input: g.input, line: g.line });
        }
    }
}
function required(value, name, what) {
    const v = value?.trim();
    if (!v)
        throw new errors_InputError(`Input '${name}' is required with 'model': give ${what}.`, { input: name });
    return v;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/register-model-policy.ts
/**
 * register-model's promotion policy: which aliases are protected (case does not matter), and
 * whether a GateVerdict really passed: its own `passed`, and every gate and check in it, so a
 * verdict whose `passed: true` contradicts its checks is not trusted.
 */

const DEFAULT_PROTECTED_ALIASES = (/* unused pure expression or super */ null && (['production', 'prod', 'champion']));
function isProtectedAlias(alias, protectedAliases) {
    return protectedAliases.some((p) => p.toLowerCase() === alias.toLowerCase());
}
/** Checks a modelci/gate-verdict@1 document's shape (file names the input it came from). */
function verdictOutcome(document, file, input) {
    const gates = document.gates;
    const checks = document.checks ?? [];
    const items = (v) => Array.isArray(v) && v.every((i) => typeof i === 'object' && i !== null && typeof i.passed === 'boolean');
    if (typeof document.passed !== 'boolean' || !items(gates) || !items(checks)) {
        throw new errors_InputError(`The ${input} file ${file} is not a complete GateVerdict: it needs "passed" (true or false), "gates" and "checks" (each with "passed"); give the file the quality-gates step wrote.`, { input, file });
    }
    const failed = [...gates.filter((g) => g.passed !== true).map((g) => `gate '${String(g.gate ?? '?')}'`), ...checks.filter((c) => c.passed !== true).map((c) => `check '${String(c.name ?? '?')}'`)];
    if (document.passed !== true)
        return { passed: false, why: failed.length > 0 ? `its verdict failed (${failed.join(', ')})` : 'its verdict failed' };
    if (gates.length === 0)
        return { passed: false, why: 'its verdict says passed but holds no gate' };
    if (failed.length > 0)
        return { passed: false, why: `its verdict says passed but ${failed.join(', ')} failed` };
    return { passed: true };
}

;// CONCATENATED MODULE: ./packages/core/src/shared/redact-uri.ts
/**
 * Credentials never go into a message or a record. In any text (a bare URI, or a message that
 * quotes one), every `scheme://` URI loses its userinfo and the values of query or fragment
 * parameters whose names look like credentials become `***`.
 *
 * The userinfo ends at the LAST `@` of the authority, as a URL parser reads it: passwords hold
 * `@` and `:` more often than people percent-encode them. The authority ends where RFC 3986
 * says it must (`/`, `?`, `#`) or at a character no URI holds unencoded (space, `"`, `<`, `>`,
 * backtick, `\`), so an IPv6 host (`[::1]`) and an `@` in the path are left alone.
 */
/** scheme:// authority path ?query #fragment, each part as a URI can hold it in running text. */
const URI_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#\\"<>`]*)([^\s?#"<>`]*)(\?[^\s#"<>`]*)?(#[^\s"<>`]*)?/gi;
/** Parameter names that carry a credential: whole words (api_key, X-Amz-Signature) or parts (privatetoken). */
const CREDENTIAL_WORD = /^(?:api[-_ ]?key|apikey|key|token|secret|password|passwd|pwd|pass|sig|signature|credential|credentials|auth|authorization|session|jwt|code|bearer)s?$/;
const CREDENTIAL_PART = /token|secret|passw|apikey|api_key|credential|signature/;
const REDACTED = '***';
function redactUri(text) {
    return text.replace(URI_IN_TEXT, (_all, scheme, authority, path, query, fragment) => scheme + hostOf(authority) + path + (query ? redactParams(query) : '') + (fragment ? redactParams(fragment) : ''));
}
/** Whether a query or fragment parameter of this name holds a credential. */
function isCredentialName(name) {
    const words = decodeLoosely(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const joined = words.join('_');
    return words.some((w) => CREDENTIAL_WORD.test(w)) || CREDENTIAL_PART.test(joined) || CREDENTIAL_WORD.test(joined);
}
/**
 * The credentials the URIs in a text carry, as written and percent-decoded: each password, a
 * userinfo without a password (a token as the user name), and every credential parameter's value.
 */
function uriCredentials(text) {
    const found = [];
    for (const m of text.matchAll(URI_IN_TEXT)) {
        const authority = m[2];
        const at = authority.lastIndexOf('@');
        if (at >= 0) {
            const userinfo = authority.slice(0, at);
            const colon = userinfo.indexOf(':');
            found.push(colon >= 0 ? userinfo.slice(colon + 1) : userinfo);
        }
        for (const part of [m[4], m[5]]) {
            if (!part)
                continue;
            for (const { name, value } of params(part.slice(1)))
                if (isCredentialName(name))
                    found.push(value);
        }
    }
    return [...new Set(found.flatMap((s) => [s, decodeLoosely(s), decodeLoosely(s.replace(/\+/g, ' '))]).filter((s) => s !== '' && s !== REDACTED))];
}
function hostOf(authority) {
    const at = authority.lastIndexOf('@');
    return at >= 0 ? authority.slice(at + 1) : authority;
}
/** `?a=1&api_key=s;b` keeps its shape, with each credential's value replaced. */
function redactParams(part) {
    return part[0] + params(part.slice(1)).map((p) => (p.value !== '' && isCredentialName(p.name) ? `${p.name}=${REDACTED}${p.rest}` : p.raw)).join('');
}
/**
 * Parameters with their separators kept: a value ends at `&`, `;` or a quote (a message's
 * closing quote belongs to the message, and no token holds one).
 */
function params(body) {
    const out = [];
    for (const m of body.matchAll(/([^&;=']*)(?:=([^&;']*))?([^&;]*[&;]?)/g)) {
        if (m[0] === '')
            continue;
        out.push({ raw: m[0], name: m[1], value: m[2] ?? '', rest: m[3] });
    }
    return out;
}
function decodeLoosely(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/model-registry.ts
/**
 * The ModelRegistry port: what register-model needs from any backend. Each backend is one
 * adapter file; `openRegistry` picks it from the registry URI.
 */


// OCI distribution's repository-name component rule, so a name moves unchanged to any registry.
const NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
// OCI tag rule; aliases must also not look like versions.
const ALIAS = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
function checkModelName(name, input = 'name', prefix = '') {
    if (NAME.test(name) && prefix.length + name.length <= 255)
        return;
    const bad = [...new Set([...name].filter((c) => !/[a-z0-9._\-/]/.test(c)))];
    const why = bad.length > 0
        ? `it contains ${bad.map((c) => (c === ' ' ? 'a space' : `'${c}'`)).join(', ')}`
        : prefix.length + name.length > 255 ? `with the namespace it is longer than 255 characters` : 'separators (. _ -) must sit between letters or digits';
    throw new errors_InputError(`Model name '${name}' is not a valid registry name: ${why}; use lowercase letters and digits, with '.', '_' or '-' between them (e.g. 'penguin-classifier').`, { input });
}
/** The path components of an OCI repository (namespace/name), by the distribution grammar. */
function checkOciNamespace(namespace, input = 'registry') {
    if (namespace === '' || (NAME.test(namespace) && namespace.length <= 255))
        return;
    const bad = [...new Set([...namespace].filter((c) => !/[a-z0-9._\-/]/.test(c)))];
    const why = bad.length > 0
        ? `it contains ${bad.map((c) => (c === ' ' ? 'a space' : `'${c}'`)).join(', ')}`
        : namespace.length > 255 ? 'it is longer than 255 characters' : "each '/'-separated part must start and end with a letter or digit, with '.', '_' or '-' only between them";
    throw new errors_InputError(`The registry namespace '${namespace}' is not a valid OCI repository path: ${why}; use lowercase parts such as 'acme/models'.`, { input });
}
/**
 * MLflow's own rules for a registered model name: any characters but '/', ':' and control
 * characters (MLflow stores names as path parts), not '.' or '..', at most 256 characters.
 */
function checkMlflowModelName(name, input = 'name') {
    const bad = [...new Set([...name].filter((c) => c === '/' || c === ':' || c === '\\' || c < ' ' || c === '\u007f'))];
    let why;
    if (name.trim() === '')
        why = 'it is empty';
    else if (name !== name.trim())
        why = 'it starts or ends with a space';
    else if (bad.length > 0)
        why = `it contains ${bad.map((c) => (c < ' ' || c === '\u007f' ? 'a control character' : `'${c}'`)).join(', ')}`;
    else if (name === '.' || name === '..')
        why = "'.' and '..' name folders";
    else if (name.length > 256)
        why = 'it is longer than 256 characters';
    if (why)
        throw new errors_InputError(`Model name '${name}' is not a valid MLflow registered model name: ${why}; e.g. 'FraudDetector' or 'penguin-classifier'.`, { input });
}
/** A version reference: a number, v<N>, 'latest', or an alias (a tag), nothing that reads as a path. */
function checkVersionRef(ref, input = 'version') {
    if (versionNumber(ref) !== undefined || ref === 'latest' || ALIAS.test(ref))
        return;
    throw new errors_InputError(`Input '${input}' is '${ref}', which is not a version: give a number (3 or v3), 'latest', or an alias such as production (letters, digits, '.', '_', '-').`, { input });
}
function checkAlias(alias, input = 'alias') {
    if (!ALIAS.test(alias)) {
        throw new errors_InputError(`Alias '${alias}' is not a valid tag: use letters, digits, '.', '_' and '-' (at most 128, not starting with '.' or '-'), e.g. 'production'.`, { input });
    }
    if (/^v?\d+$/.test(alias) || alias === 'latest') {
        throw new errors_InputError(`Alias '${alias}' would read as a version; choose a name such as 'production' or 'staging'.`, { input });
    }
}
/** `3` or `v3` -> 3; anything else is not a version number. */
function versionNumber(ref) {
    const m = /^v?(\d+)$/.exec(ref.trim());
    return m ? Number(m[1]) : undefined;
}
/** Backends by URI scheme; a plain path is the local registry. Registered by each adapter module. */
const FACTORIES = new Map();
function registerBackend(scheme, factory) {
    FACTORIES.set(scheme, factory);
}
function openRegistry(uri, input = 'registry') {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1].toLowerCase();
    const factory = FACTORIES.get(scheme ?? 'file');
    if (!factory) {
        throw new errors_InputError(redactUri(`Registry '${uri}' uses the scheme '${scheme}', which this modelci does not support yet; use a local folder (file://./registry or a plain path). Supported: ${[...FACTORIES.keys()].map((s) => `${s}://`).join(', ')}.`), { input });
    }
    return factory(uri);
}

;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: ./packages/core/src/registry/download-target.ts
/**
 * Where a version's file lands on download: inside the download folder, whatever path the
 * registry claims (a manifest is remote content: '../', '.', a file that another file needs as a
 * folder, or a symlink already in the folder must not write elsewhere or crash). Each file is
 * written under a temporary name and renamed into place once verified, so a killed or failed
 * download leaves what was there before, never a truncated file.
 */




/** Refuses a version whose file paths conflict with each other, before anything is written. */
function checkDownloadPaths(version) {
    const paths = version.files.map((f) => external_node_path_default().posix.normalize(f.path.replace(/\\/g, '/')).replace(/\/+$/, ''));
    const seen = new Set();
    for (const [i, p] of paths.entries()) {
        if (p === '.' || p === '' || p === '/')
            throw untrusted(version, version.files[i], 'names the download folder itself, not a file');
        if (seen.has(p))
            throw untrusted(version, version.files[i], 'appears twice');
        seen.add(p);
    }
    for (const p of paths) {
        const parent = paths.find((q) => p.startsWith(`${q}/`));
        if (parent !== undefined)
            throw untrusted(version, version.files[paths.indexOf(p)], `needs '${parent}' to be a folder, but it is also one of the files`);
    }
}
async function downloadTarget(into, version, file) {
    const root = external_node_path_default().resolve(into);
    const target = external_node_path_default().resolve(root, file.path);
    const relative = external_node_path_default().relative(root, target);
    if (relative === '')
        throw untrusted(version, file, 'names the download folder itself, not a file');
    if (relative.startsWith('..') || external_node_path_default().isAbsolute(relative)) {
        throw new errors_InputError(`Version ${version.version} of '${version.name}' names a file outside the download folder ('${file.path}'); the registry content is not trustworthy.`, { input: 'version' });
    }
    await (0,promises_namespaceObject.mkdir)(root, { recursive: true });
    // Every folder on the way and the file itself: a symlink there would write through it.
    let at = root;
    const parts = relative.split((external_node_path_default()).sep);
    for (const [i, part] of parts.entries()) {
        at = external_node_path_default().join(at, part);
        const s = await (0,promises_namespaceObject.lstat)(at).catch(() => undefined);
        const last = i === parts.length - 1;
        if (!s) {
            if (!last)
                await (0,promises_namespaceObject.mkdir)(at);
            continue;
        }
        if (s.isSymbolicLink()) {
            throw new errors_InputError(`The download folder ${root} holds a symlink at '${external_node_path_default().relative(root, at)}', where ${version.name} v${version.version} writes '${file.path}'; modelci does not write through symlinks: remove it or download into an empty folder.`, { input: 'download' });
        }
        if (last ? s.isDirectory() : !s.isDirectory()) {
            throw new errors_InputError(`The download folder ${root} has a ${s.isDirectory() ? 'folder' : 'file'} at '${external_node_path_default().relative(root, at)}', where ${version.name} v${version.version} needs a ${last ? 'file' : 'folder'} for '${file.path}'; remove it or download into an empty folder.`, { input: 'download' });
        }
    }
    const partial = external_node_path_default().join(external_node_path_default().dirname(target), `.${external_node_path_default().basename(target)}.modelci-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.part`);
    return {
        path: target,
        partial,
        commit: () => (0,promises_namespaceObject.rename)(partial, target),
        discard: () => (0,promises_namespaceObject.rm)(partial, { force: true }),
    };
}
function untrusted(version, file, why) {
    return new errors_InputError(`Version ${version.version} of '${version.name}' lists a file '${file.path}' that ${why}; the registry content is not trustworthy, nothing was downloaded.`, { input: 'version' });
}

;// CONCATENATED MODULE: ./packages/core/src/registry/file-lock.ts
/**
 * A lock between processes, on one machine or a shared (network) filesystem, that two writers can
 * never both hold:
 * - taken by link(2)ing a complete lock file (owner host, pid, token) into place: atomic, also
 *   over NFS, and never visible empty;
 * - held under a lease: the holder touches it every few seconds, so a lock untouched for longer
 *   than the lease is a dead writer's, on whatever host it ran; on this host a dead pid counts at
 *   once, and an empty or garbled lock (an older modelci killed while writing it) after a moment;
 * - taken over atomically: the stale lock is renamed to a unique name, and only the writer whose
 *   rename moved the very lock it judged stale proceeds (one that moved a newer lock puts it back);
 * - fenced: the work checks, before it commits, that the lock is still its own.
 */




/** A lock untouched this long belongs to a dead (or frozen) writer. */
const LEASE_MS = 30_000;
/** An empty or unreadable lock this old was left by a writer killed while creating it. */
const GARBLED_GRACE_MS = 2_000;
async function withFileLock(lockPath, work, options = {}) {
    const leaseMs = options.leaseMs ?? LEASE_MS;
    const token = (0,external_node_crypto_namespaceObject.randomBytes)(12).toString('hex');
    const raw = `${JSON.stringify({ host: (0,external_node_os_namespaceObject.hostname)(), pid: process.pid, token })}\n`;
    await acquire(lockPath, raw, leaseMs, options.timeoutMs ?? 60_000);
    const heartbeat = setInterval(() => {
        void holds(lockPath, raw).then((mine) => (mine ? (0,promises_namespaceObject.utimes)(lockPath, new Date(), new Date()) : undefined)).catch(() => undefined);
    }, Math.max(50, Math.floor(leaseMs / 4)));
    heartbeat.unref();
    const fence = async () => {
        if (!(await holds(lockPath, raw))) {
            throw new ServiceError('the registry lock', `Another writer took over the registry lock ${lockPath} (this one was held longer than the ${Math.round(leaseMs / 1000)} s lease); nothing was committed: try again.`, { retryable: true });
        }
    };
    try {
        return await work(fence);
    }
    finally {
        clearInterval(heartbeat);
        await releaseIfMine(lockPath, raw);
    }
}
async function acquire(lockPath, raw, leaseMs, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    const draft = `${lockPath}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.new`;
    await (0,promises_namespaceObject.writeFile)(draft, raw);
    let wait = 5;
    try {
        for (;;) {
            if (await place(draft, lockPath, raw))
                return;
            const seen = await look(lockPath);
            if (seen && (await isStale(seen, leaseMs))) {
                await takeOver(lockPath, seen);
                continue;
            }
            if (Date.now() > deadline) {
                throw new errors_InputError(`The registry is locked by another writer (${lockPath}) and stayed locked for ${Math.round(timeoutMs / 1000)} s; if no modelci is running, delete that file.`, { file: lockPath });
            }
            await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
            wait = Math.min(wait * 2, 200);
        }
    }
    finally {
        await (0,promises_namespaceObject.rm)(draft, { force: true });
    }
}
/** Puts the complete draft at lockPath unless a lock is there; false when one is. */
async function place(draft, lockPath, raw) {
    try {
        await (0,promises_namespaceObject.link)(draft, lockPath);
        return true;
    }
    catch (e) {
        const code = e.code;
        if (code === 'EEXIST')
            return false;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP')
            throw e;
    }
    // A filesystem without hard links: O_EXCL create (the lock is empty for a moment).
    try {
        const handle = await (0,promises_namespaceObject.open)(lockPath, 'wx');
        try {
            await handle.writeFile(raw);
        }
        finally {
            await handle.close();
        }
        return true;
    }
    catch (e) {
        if (e.code === 'EEXIST')
            return false;
        throw e;
    }
}
async function look(file) {
    try {
        const s = await (0,promises_namespaceObject.stat)(file);
        return { raw: await (0,promises_namespaceObject.readFile)(file, 'utf8'), ino: s.ino, mtimeMs: s.mtimeMs };
    }
    catch {
        return undefined; // just released: try again
    }
}
async function isStale(seen, leaseMs) {
    const age = Date.now() - seen.mtimeMs;
    if (age > leaseMs)
        return true;
    let owner;
    try {
        owner = JSON.parse(seen.raw);
    }
    catch {
        // An older modelci wrote the bare pid; an empty lock is a writer killed while creating it.
        const pid = Number(seen.raw.trim());
        if (seen.raw.trim() === '' || !Number.isInteger(pid) || pid <= 0)
            return age > GARBLED_GRACE_MS;
        owner = { host: (0,external_node_os_namespaceObject.hostname)(), pid };
    }
    if (owner.host !== (0,external_node_os_namespaceObject.hostname)() || !Number.isInteger(owner.pid))
        return false;
    try {
        process.kill(owner.pid, 0);
        return false;
    }
    catch (e) {
        return e.code === 'ESRCH';
    }
}
/**
 * Moves the stale lock aside. Only the writer whose rename moved that very lock (same inode and
 * content) removes it; one that moved a lock taken since puts it back for its owner.
 */
async function takeOver(lockPath, seen) {
    const now = await look(lockPath);
    if (!now || now.ino !== seen.ino || now.raw !== seen.raw)
        return;
    const aside = `${lockPath}.stale-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    try {
        await (0,promises_namespaceObject.rename)(lockPath, aside);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return; // another writer moved it first
        throw e;
    }
    const moved = await look(aside);
    if (moved && (moved.ino !== seen.ino || moved.raw !== seen.raw)) {
        // If a third writer holds the path by now, the moved lock's owner fails its fence instead.
        await (0,promises_namespaceObject.link)(aside, lockPath).catch(() => undefined);
    }
    await (0,promises_namespaceObject.rm)(aside, { force: true });
}
async function holds(lockPath, raw) {
    try {
        return (await (0,promises_namespaceObject.readFile)(lockPath, 'utf8')) === raw;
    }
    catch {
        return false;
    }
}
/** Removes the lock only if it is still this writer's (moved aside first, so nobody else's goes). */
async function releaseIfMine(lockPath, raw) {
    if (!(await holds(lockPath, raw)))
        return;
    const aside = `${lockPath}.done-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    try {
        await (0,promises_namespaceObject.rename)(lockPath, aside);
    }
    catch {
        return;
    }
    if ((await (0,promises_namespaceObject.readFile)(aside, 'utf8').catch(() => '')) !== raw)
        await (0,promises_namespaceObject.link)(aside, lockPath).catch(() => undefined);
    await (0,promises_namespaceObject.rm)(aside, { force: true });
}

;// CONCATENATED MODULE: ./packages/core/src/registry/attachments.ts
/** The version as its attachments leave it: the latest verdict and drift report count. */
function withAttachments(version, attachments) {
    if (attachments.length === 0)
        return version;
    const sorted = [...attachments].sort((a, b) => a.attachedAt.localeCompare(b.attachedAt));
    const provenance = { ...version.provenance, attachments: sorted };
    for (const a of sorted) {
        if (a.gateVerdict)
            provenance.gateVerdict = a.gateVerdict;
        if (a.driftReport)
            provenance.driftReport = a.driftReport;
    }
    return { ...version, provenance };
}
function parseAttachments(text) {
    if (!text)
        return [];
    try {
        const parsed = JSON.parse(text);
        return Array.isArray(parsed) ? parsed.filter((a) => typeof a === 'object' && a !== null && typeof a.attachedAt === 'string') : [];
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/blob-store.ts
/**
 * Content-addressed blobs in an OCI layout (blobs/sha256/<hex>): a file is hashed while it is
 * copied, in one streaming read, into a temporary file that is renamed to its digest. A blob that
 * is already there is not written again.
 */






/**
 * A temporary blob untouched this long was left by a killed writer (a live upload writes to it
 * continuously, so its mtime stays fresh).
 */
const UPLOAD_LEASE_MS = 5 * 60_000;
/** Removes temporary blobs (.upload-*, *.tmp) that killed writers left behind. */
async function reclaimAbandonedUploads(layout, leaseMs = UPLOAD_LEASE_MS) {
    const dir = external_node_path_default().join(layout, 'blobs', 'sha256');
    let names;
    try {
        names = await (0,promises_namespaceObject.readdir)(dir);
    }
    catch {
        return [];
    }
    const removed = [];
    for (const name of names.filter((n) => n.startsWith('.upload-') || n.endsWith('.tmp'))) {
        const file = external_node_path_default().join(dir, name);
        const s = await (0,promises_namespaceObject.stat)(file).catch(() => undefined);
        if (s && Date.now() - s.mtimeMs > leaseMs) {
            await (0,promises_namespaceObject.rm)(file, { force: true });
            removed.push(file);
        }
    }
    return removed;
}
function blobPath(layout, digest) {
    const [algorithm, hex] = digest.split(':');
    return external_node_path_default().join(layout, 'blobs', algorithm, hex);
}
async function storeFile(layout, file) {
    const dir = external_node_path_default().join(layout, 'blobs', 'sha256');
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const tmp = external_node_path_default().join(dir, `.upload-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`);
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    const tap = new external_node_stream_namespaceObject.Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
        },
    });
    try {
        await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(file, { highWaterMark: 1 << 20 }), tap, (0,external_node_fs_namespaceObject.createWriteStream)(tmp));
        const digest = `sha256:${hash.digest('hex')}`;
        const target = blobPath(layout, digest);
        if (await exists(target)) {
            await (0,promises_namespaceObject.rm)(tmp, { force: true });
            return { digest, size, written: false };
        }
        await (0,promises_namespaceObject.rename)(tmp, target);
        return { digest, size, written: true };
    }
    catch (e) {
        await (0,promises_namespaceObject.rm)(tmp, { force: true });
        throw e;
    }
}
async function storeBytes(layout, bytes) {
    const digest = `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex')}`;
    const target = blobPath(layout, digest);
    if (await exists(target))
        return { digest, size: bytes.length, written: false };
    await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.tmp`;
    await (0,promises_namespaceObject.writeFile)(tmp, bytes);
    await (0,promises_namespaceObject.rename)(tmp, target);
    return { digest, size: bytes.length, written: true };
}
async function exists(p) {
    try {
        await (0,promises_namespaceObject.stat)(p);
        return true;
    }
    catch {
        return false;
    }
}
/** sha256 of a file in one streaming read, writing nothing. */
async function hashFile(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(file, { highWaterMark: 1 << 20 })) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { digest: `sha256:${hash.digest('hex')}`, size };
}
async function hasBlob(layout, digest) {
    return exists(blobPath(layout, digest));
}

;// CONCATENATED MODULE: ./packages/core/src/registry/model-version.ts
/**
 * ModelVersion (modelci/model-version@1): what the registry knows about one registered model
 * version, whichever backend holds it. Versions are numbered per model name from 1; aliases
 * (staging, production, ...) point at versions; every version records the commit that made it.
 */
const MODEL_VERSION_SCHEMA = 'modelci/model-version@1';
/** OCI / CNCF ModelPack media types and annotation keys. */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const MODEL_ARTIFACT = 'application/vnd.cncf.model.manifest.v1+json';
const MODEL_CONFIG = 'application/vnd.cncf.model.config.v1+json';
const MODEL_WEIGHT_RAW = 'application/vnd.cncf.model.weight.v1.raw';
const ANNOTATION = {
    refName: 'org.opencontainers.image.ref.name',
    revision: 'org.opencontainers.image.revision',
    created: 'org.opencontainers.image.created',
    version: 'org.opencontainers.image.version',
    title: 'org.opencontainers.image.title',
    filepath: 'org.cncf.model.filepath',
    /** On a layer that is one part of a split file: "<index>/<count>" and the whole file's digest. */
    part: 'io.modelci.part',
    fileDigest: 'io.modelci.file.digest',
    /** JSON: metrics, provenance, creator, tags (ours: OCI allows any reverse-DNS key). */
    record: 'io.modelci.record',
    /** On an alias entry: the version that held the alias before, for rollback. */
    previous: 'io.modelci.alias.previous',
    forced: 'io.modelci.alias.forced',
    updated: 'io.modelci.alias.updated',
    /** On a version's index entry (local) or an attachment manifest (OCI): JSON Attachment(s). */
    attachments: 'io.modelci.attachments',
};

;// CONCATENATED MODULE: ./packages/core/src/registry/modelpack.ts

function modelPackConfig(input, version, files) {
    const config = {
        descriptor: {
            createdAt: input.now.toISOString(),
            name: input.name,
            version: String(version),
            ...(input.provenance.gitSha ? { revision: input.provenance.gitSha } : {}),
            ...(input.provenance.creator ? { authors: [input.provenance.creator] } : {}),
        },
        // ModelPack v0.0.7+ names it diffIds; format only when the files say which it is (OPTIONAL).
        config: modelpack_formatOf(files) ? { format: modelpack_formatOf(files) } : {},
        modelfs: { type: 'layers', diffIds: layersOf(files).map((l) => l.digest) },
    };
    return Buffer.from(JSON.stringify(config));
}
function modelPackManifest(input, version, files, config) {
    const record = { metrics: input.metrics, provenance: input.provenance, tags: input.tags };
    const annotations = {
        [ANNOTATION.created]: input.now.toISOString(),
        [ANNOTATION.title]: input.name,
        [ANNOTATION.version]: String(version),
        [ANNOTATION.record]: JSON.stringify(record),
    };
    if (input.provenance.gitSha)
        annotations[ANNOTATION.revision] = input.provenance.gitSha;
    return {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: MODEL_ARTIFACT,
        config: { mediaType: MODEL_CONFIG, digest: config.digest, size: config.size },
        layers: layersOf(files),
        annotations,
    };
}
function versionFromManifest(name, manifest, digest, uri, aliases) {
    const a = manifest.annotations ?? {};
    let record = { metrics: {}, provenance: {}, tags: {} };
    try {
        record = { ...record, ...JSON.parse(a[ANNOTATION.record] ?? '{}') };
    }
    catch {
        // A manifest pushed by another tool: no modelci record, the OCI fields still describe it.
    }
    return {
        schema: MODEL_VERSION_SCHEMA,
        name,
        version: Number(a[ANNOTATION.version] ?? 0),
        digest,
        uri,
        createdAt: a[ANNOTATION.created] ?? '',
        files: filesOf(manifest.layers),
        metrics: record.metrics,
        provenance: { ...record.provenance, gitSha: a[ANNOTATION.revision] ?? record.provenance.gitSha },
        tags: record.tags,
        aliases,
    };
}
/** One raw layer per file, or one per part of a split file (each annotated with its part). */
function layersOf(files) {
    return files.flatMap((f) => (f.parts
        ? f.parts.map((p, i) => ({ mediaType: MODEL_WEIGHT_RAW, digest: p.digest, size: p.size, annotations: { [ANNOTATION.filepath]: f.path, [ANNOTATION.part]: `${i + 1}/${f.parts.length}`, [ANNOTATION.fileDigest]: f.digest } }))
        : [{ mediaType: MODEL_WEIGHT_RAW, digest: f.digest, size: f.size, annotations: { [ANNOTATION.filepath]: f.path } }]));
}
/** The files back from the layers: parts of one file, in order, make one file again. */
function filesOf(layers) {
    const files = [];
    for (const l of layers) {
        const path = l.annotations?.[ANNOTATION.filepath] ?? l.digest;
        const part = l.annotations?.[ANNOTATION.part];
        const last = files[files.length - 1];
        if (part && !part.startsWith('1/') && last?.path === path && last.parts) {
            last.parts.push({ digest: l.digest, size: l.size });
            last.size += l.size;
        }
        else if (part) {
            files.push({ path, digest: l.annotations?.[ANNOTATION.fileDigest] ?? l.digest, size: l.size, parts: [{ digest: l.digest, size: l.size }] });
        }
        else {
            files.push({ path, digest: l.digest, size: l.size });
        }
    }
    return files;
}
/** The spec's format names (its examples: onnx, safetensors, pytorch, gguf), from the extensions. */
function modelpack_formatOf(files) {
    const ext = files.map((f) => f.path.split('.').pop()?.toLowerCase());
    if (ext.includes('onnx'))
        return 'onnx';
    if (ext.includes('safetensors'))
        return 'safetensors';
    if (ext.some((e) => e === 'pt' || e === 'pth'))
        return 'pytorch';
    if (ext.includes('gguf'))
        return 'gguf';
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/local-oci-registry.ts
/**
 * The embedded registry: a folder per model name, each an OCI image layout (oci-layout,
 * index.json, blobs/sha256/...) holding CNCF ModelPack artifacts, so a version moves unchanged to
 * a remote OCI registry. Versions are tags v1, v2, ...; aliases are more tags on the same
 * manifest. Blobs are written before the lock is taken (content-addressed, renamed into place);
 * numbering a version and rewriting index.json happen under a lock, atomically.
 */
















class LocalOciRegistry {
    uri;
    root;
    constructor(uri) {
        this.uri = uri;
        this.root = external_node_path_default().resolve(uri.replace(/^file:\/\//i, ''));
    }
    checkName(name) {
        checkModelName(name);
    }
    layout(name) {
        checkModelName(name);
        return external_node_path_default().join(this.root, name);
    }
    async register(input) {
        return this.inRegistry(() => this.registerLocked(input));
    }
    /** OS errors inside the registry folder (a file given as --registry, a full disk) as sentences naming the input. */
    inRegistry(work) {
        return onUserPath({ input: 'registry', path: this.uri.replace(/^file:\/\//i, ''), expect: 'folder' }, work, this.root);
    }
    async registerLocked(input) {
        const layout = this.layout(input.name);
        await (0,promises_namespaceObject.mkdir)(layout, { recursive: true });
        await reclaimAbandonedUploads(layout);
        let bytesWritten = 0;
        const files = [];
        // A file the size of a stored layer may be stored already: hash it first (one read, no
        // write), so re-registering a 1 GiB model writes nothing at all.
        const knownSizes = new Set((await this.versions(input.name, layout, await this.readIndex(layout))).flatMap((v) => v.files.map((f) => f.size)));
        for (const f of input.files) {
            if (knownSizes.has((await (0,promises_namespaceObject.stat)(f.source)).size)) {
                const hashed = await hashFile(f.source);
                if (await hasBlob(layout, hashed.digest)) {
                    files.push({ path: f.path, ...hashed });
                    continue;
                }
            }
            const blob = await storeFile(layout, f.source);
            if (blob.written)
                bytesWritten += blob.size;
            files.push({ path: f.path, digest: blob.digest, size: blob.size });
        }
        return withFileLock(external_node_path_default().join(layout, '.lock'), async (fence) => {
            const index = await this.readIndex(layout);
            const versions = await this.versions(input.name, layout, index);
            const same = versions.find((v) => sameFiles(v.files, files));
            if (same)
                return { version: same, existing: true, bytesWritten };
            const version = versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
            const config = await storeBytes(layout, modelPackConfig(input, version, files));
            const manifest = modelPackManifest(input, version, files, config);
            const bytes = Buffer.from(JSON.stringify(manifest));
            const stored = await storeBytes(layout, bytes);
            index.manifests.push({ mediaType: OCI_MANIFEST, digest: stored.digest, size: stored.size, artifactType: MODEL_ARTIFACT, annotations: { [ANNOTATION.refName]: `v${version}` } });
            await fence();
            await this.writeIndex(layout, index);
            return { version: versionFromManifest(input.name, manifest, stored.digest, this.versionUri(input.name, version), []), existing: false, bytesWritten };
        });
    }
    async resolve(name, ref) {
        checkVersionRef(ref);
        return this.inRegistry(() => this.resolveIn(name, ref));
    }
    async resolveIn(name, ref) {
        const layout = this.layout(name);
        const index = await this.readIndex(layout, true);
        const n = versionNumber(ref);
        const tag = ref === 'latest' ? latestTag(index) : n !== undefined ? `v${n}` : ref;
        const entry = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === tag);
        if (!entry) {
            const tags = index.manifests.map((m) => m.annotations?.[ANNOTATION.refName]).filter(Boolean);
            throw new errors_InputError(`Model '${name}' has no ${n !== undefined ? 'version' : 'alias'} '${ref}' in ${this.uri}; it has ${tags.length > 0 ? tags.join(', ') : 'no versions yet'}.`, { input: 'version' });
        }
        return this.versionOf(name, layout, index, entry.digest);
    }
    async list(name) {
        const layout = this.layout(name);
        return this.inRegistry(async () => (await this.versions(name, layout, await this.readIndex(layout, true))).sort((a, b) => a.version - b.version));
    }
    async moveAlias(name, alias, version, options) {
        const layout = this.layout(name);
        return this.inRegistry(() => withFileLock(external_node_path_default().join(layout, '.lock'), async (fence) => {
            const index = await this.readIndex(layout, true);
            const target = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === `v${version.version}`);
            if (!target || target.digest !== version.digest) {
                throw new errors_InputError(`Version ${version.version} of '${name}' is not in ${this.uri} as resolved; resolve it again.`, { input: 'version' });
            }
            const old = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === alias);
            const previousVersion = old ? this.tagOf(index, old.digest) : undefined;
            index.manifests = index.manifests.filter((m) => m !== old);
            const annotations = { [ANNOTATION.refName]: alias, [ANNOTATION.updated]: options.now.toISOString() };
            if (previousVersion !== undefined)
                annotations[ANNOTATION.previous] = `v${previousVersion}`;
            if (options.forced)
                annotations[ANNOTATION.forced] = 'true';
            index.manifests.push({ ...target, annotations });
            await fence();
            await this.writeIndex(layout, index);
            return { alias, version: version.version, digest: version.digest, previousVersion, forced: options.forced };
        }));
    }
    async attach(version, attachment) {
        const layout = this.layout(version.name);
        return withFileLock(external_node_path_default().join(layout, '.lock'), async (fence) => {
            const index = await this.readIndex(layout, true);
            const entry = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === `v${version.version}`);
            if (!entry || entry.digest !== version.digest) {
                throw new errors_InputError(`Version ${version.version} of '${version.name}' is not in ${this.uri} as resolved; resolve it again.`, { input: 'version' });
            }
            entry.annotations[ANNOTATION.attachments] = JSON.stringify([...parseAttachments(entry.annotations[ANNOTATION.attachments]), attachment]);
            await fence();
            await this.writeIndex(layout, index);
            return this.versionOf(version.name, layout, index, version.digest);
        });
    }
    async download(version, into) {
        const layout = this.layout(version.name);
        const written = [];
        checkDownloadPaths(version);
        for (const f of version.files) {
            // Errors making the folder or writing the copy are about --download; reading blobs, the registry's.
            const target = await onUserPath({ input: 'download', path: into, expect: 'folder' }, () => downloadTarget(into, version, f), external_node_path_default().resolve(into));
            try {
                await copyVerified(blobPath(layout, f.digest), target.partial, f.digest, f.size, `${f.path} of ${version.name} v${version.version}`);
            }
            catch (e) {
                await target.discard();
                throw e;
            }
            await onUserPath({ input: 'download', path: into, expect: 'folder' }, () => target.commit(), external_node_path_default().resolve(into));
            written.push(target.path);
        }
        return written;
    }
    versionUri(name, version) {
        return `${this.uri.replace(/\/+$/, '')}/${name}:v${version}`;
    }
    tagOf(index, digest) {
        for (const m of index.manifests) {
            const n = versionNumber(m.annotations?.[ANNOTATION.refName] ?? '');
            if (m.digest === digest && n !== undefined)
                return n;
        }
        return undefined;
    }
    async versions(name, layout, index) {
        const out = [];
        for (const m of index.manifests) {
            if (versionNumber(m.annotations?.[ANNOTATION.refName] ?? '') !== undefined)
                out.push(await this.versionOf(name, layout, index, m.digest));
        }
        return out;
    }
    async versionOf(name, layout, index, digest) {
        const manifest = JSON.parse((await readVerified(blobPath(layout, digest), digest, `the manifest of '${name}'`)).toString('utf8'));
        const aliases = index.manifests
            .filter((m) => m.digest === digest)
            .map((m) => m.annotations?.[ANNOTATION.refName])
            .filter((t) => !!t && versionNumber(t) === undefined);
        const version = versionNumber(manifest.annotations?.[ANNOTATION.version] ?? '') ?? 0;
        const entry = index.manifests.find((m) => m.digest === digest && m.annotations?.[ANNOTATION.refName] === `v${version}`);
        return withAttachments(versionFromManifest(name, manifest, digest, this.versionUri(name, version), aliases.sort()), parseAttachments(entry?.annotations?.[ANNOTATION.attachments]));
    }
    async readIndex(layout, mustExist = false) {
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(layout, 'index.json'), 'utf8');
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw e;
            if (mustExist) {
                throw new errors_InputError(`Model '${external_node_path_default().basename(layout)}' is not in the registry ${this.uri}; register it first (or check the name).`, { input: 'name' });
            }
            return { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] };
        }
        try {
            return JSON.parse(text);
        }
        catch {
            throw new errors_InputError(`${external_node_path_default().join(layout, 'index.json')} is not valid JSON; the registry folder was damaged outside modelci: restore it from a backup.`, { file: external_node_path_default().join(layout, 'index.json') });
        }
    }
    async writeIndex(layout, index) {
        await writeFileAtomic(external_node_path_default().join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }) + '\n');
        await writeFileAtomic(external_node_path_default().join(layout, 'index.json'), JSON.stringify(index, null, 2) + '\n');
    }
}
function latestTag(index) {
    let best = 0;
    for (const m of index.manifests)
        best = Math.max(best, versionNumber(m.annotations?.[ANNOTATION.refName] ?? '') ?? 0);
    return best > 0 ? `v${best}` : undefined;
}
function sameFiles(a, b) {
    const key = (fs) => fs.map((f) => `${f.path}\0${f.digest}`).sort().join('\n');
    return key(a) === key(b);
}
async function readVerified(file, digest, what) {
    let bytes;
    try {
        bytes = await (0,promises_namespaceObject.readFile)(file);
    }
    catch {
        throw new errors_InputError(`The registry is missing ${what} (blob ${digest}); it was deleted outside modelci.`, { file });
    }
    if (`sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex')}` !== digest) {
        throw new errors_InputError(`${what} does not match its digest ${digest}: the blob was changed or damaged; refusing to use it.`, { file });
    }
    return bytes;
}
/** Copies a blob while hashing it; a truncated or tampered blob is refused and the copy removed. */
async function copyVerified(from, to, digest, size, what) {
    try {
        const s = await (0,promises_namespaceObject.stat)(from);
        if (s.size !== size)
            throw new errors_InputError(`${what} has ${s.size} bytes in the registry but ${size} were registered: the blob is truncated or replaced; refusing to use it.`, { file: from });
    }
    catch (e) {
        if (e instanceof errors_InputError)
            throw e;
        throw new errors_InputError(`The registry is missing ${what} (blob ${digest}); it was deleted outside modelci.`, { file: from });
    }
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const tap = new external_node_stream_namespaceObject.Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
        },
    });
    // Through a temporary file: a full disk or a bad blob leaves what was there before.
    const tmp = `${to}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.tmp`;
    try {
        await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(from, { highWaterMark: 1 << 20 }), tap, (0,external_node_fs_namespaceObject.createWriteStream)(tmp));
        if (`sha256:${hash.digest('hex')}` !== digest) {
            throw new errors_InputError(`${what} does not match its digest ${digest}: the blob was tampered with or damaged; refusing to use it.`, { file: from });
        }
        await (0,promises_namespaceObject.rename)(tmp, to);
    }
    finally {
        await (0,promises_namespaceObject.rm)(tmp, { force: true });
    }
}
registerBackend('file', (uri) => new LocalOciRegistry(uri));

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: ./packages/core/src/shared/http-body.ts

class BoundedBody extends external_node_stream_namespaceObject.Transform {
    source;
    limits;
    fail;
    received = 0;
    timer;
    constructor(source, limits, fail) {
        super();
        this.source = source;
        this.limits = limits;
        this.fail = fail;
        // A body dropped unread may still fail (its idle timer): that must not crash the process.
        // Readers still see the error (async iteration and pipeline listen for it themselves).
        this.on('error', () => undefined);
        const declared = Number(source.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
            // Refused before reading a byte of it.
            queueMicrotask(() => this.destroy(fail('too-large', `${bytes(declared)} (Content-Length)`)));
            return;
        }
        source.on('error', (e) => this.destroy(fail('broken', e.code ?? e.message, e)));
        source.on('aborted', () => this.destroy(fail('broken', 'connection closed mid-answer')));
        this.arm();
        source.pipe(this);
    }
    _transform(chunk, _encoding, done) {
        this.received += chunk.length;
        if (this.received > this.limits.maxBytes)
            return done(this.fail('too-large', `more than ${bytes(this.limits.maxBytes)}`));
        this.arm();
        done(null, chunk);
    }
    _flush(done) {
        this.disarm();
        done();
    }
    _destroy(error, done) {
        this.disarm();
        this.source.unpipe(this);
        this.source.destroy();
        done(error);
    }
    arm() {
        this.disarm();
        if (!Number.isFinite(this.limits.idleMs))
            return;
        this.timer = setTimeout(() => this.destroy(this.fail('idle-timeout', `nothing received for ${this.limits.idleMs / 1000} s`)), this.limits.idleMs).unref();
    }
    disarm() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
}
/** 16777216 -> "16 MiB". */
function bytes(n) {
    if (n >= 1 << 30)
        return `${+(n / (1 << 30)).toFixed(1)} GiB`;
    if (n >= 1 << 20)
        return `${+(n / (1 << 20)).toFixed(1)} MiB`;
    if (n >= 1 << 10)
        return `${+(n / (1 << 10)).toFixed(1)} KiB`;
    return `${n} bytes`;
}

;// CONCATENATED MODULE: ./packages/core/src/shared/http-origin.ts
/**
 * Where credentials may go: an origin is scheme + host + port (URL.origin, default ports made
 * implicit, so http://a:80 and http://a are one origin; 127.0.0.1 and localhost are two).
 */

function originOf(url) {
    return (typeof url === 'string' ? new URL(url) : url).origin;
}
function sameOrigin(a, b) {
    return originOf(a) === originOf(b);
}
/**
 * The URL as a message may show it: no user:password, and no query or fragment, which may hold a
 * signature (a presigned storage URL) or an upload's state.
 */
function shownUrl(url) {
    const u = typeof url === 'string' ? new URL(url) : url;
    return redactUri(`${u.protocol}//${u.username || u.password ? `${u.username}:${u.password}@` : ''}${u.host}${u.pathname === '/' ? '' : u.pathname}`);
}

;// CONCATENATED MODULE: ./packages/core/src/shared/http-failure.ts
/**
 * How an HTTP call failed, as a ServiceError that names the service and its (redacted) URL, says
 * whether trying again can help, and keeps a short `reason` ("ECONNREFUSED", "no answer within
 * 30 s") for adapters that fold it into a sentence of their own.
 */


/** Kinds a second try can cure; a body over the cap will be over it again. */
const RETRYABLE = new Set(['unreachable', 'connect-timeout', 'headers-timeout', 'send-timeout', 'idle-timeout', 'deadline', 'broken']);
class HttpFailure extends ServiceError {
    kind;
    url;
    method;
    reason;
    constructor(service, kind, url, method, 
    /** Short, for a parenthesis: "ECONNREFUSED", "no answer within 30 s". */
    reason, options = {}) {
        super(`${service} ${shownUrl(url)}`, http_failure_sentence(service, kind, shownUrl(url), method, reason, options.hint), { retryable: RETRYABLE.has(kind), cause: options.cause });
        this.kind = kind;
        this.url = url;
        this.method = method;
        this.reason = reason;
        this.name = 'ServiceError';
    }
}
function isHttpFailure(e) {
    return e instanceof HttpFailure;
}
/** HTTP statuses a later try may not get: overload, a proxy between restarts, rate limits. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}
function seconds(ms) {
    return `${ms / 1000} s`;
}
function http_failure_sentence(service, kind, url, method, reason, hint) {
    const Service = service[0].toUpperCase() + service.slice(1);
    switch (kind) {
        case 'unreachable':
        case 'connect-timeout':
            return `Cannot reach ${service} at ${url} (${reason}); ${hint ? `${hint}, then try again` : 'check the address and that the service is up, then try again'}.`;
        case 'too-large':
            return `${Service} at ${url} answered ${method} with ${reason}, more than modelci reads; check the URI points at the right service.`;
        default:
            return `${Service} at ${url} did not finish answering ${method} (${reason}); try again, or check that the service is healthy.`;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/shared/http-client.ts
/**
 * The one HTTP client every adapter uses (registries, routers, metrics sources). Every call is
 * bounded: a connect timeout, a timeout for the answer's headers, an idle timeout while the body
 * streams (and while a request body goes up), a deadline for bodies read whole, and a size cap;
 * an AbortSignal stops it at any point. Credentials go only to the origin they were given for:
 * a redirect to another origin is followed without them. Only idempotent calls are retried.
 * Built on node:http (not fetch): a request body streams from a file at disk speed, and each
 * phase of a call can have its own timer.
 */






const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, idleMs: 30_000, totalMs: 120_000 };
/** Default cap on an answer: JSON APIs answer kilobytes; 16 MiB is a broken or wrong server. */
const JSON_MAX_BYTES = 16 * 1024 * 1024;
/** Tries after the first, for idempotent calls (GET, HEAD, and what the caller marks). */
const DEFAULT_RETRIES = 2;
const BACKOFF_MS = 250;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
class HttpClient {
    options;
    constructor(options) {
        this.options = options;
    }
    async request(call) {
        const method = call.method.toUpperCase();
        const timeouts = { ...DEFAULT_TIMEOUTS, ...this.options.timeouts, ...call.timeouts };
        const maxBytes = call.maxBytes ?? this.options.maxBytes ?? JSON_MAX_BYTES;
        const signal = anySignal(this.options.signal, call.signal);
        const replayable = !(call.body instanceof external_node_stream_namespaceObject.Readable);
        const idempotent = method === 'GET' || method === 'HEAD' || call.idempotent === true;
        const retries = idempotent && replayable ? (call.retries ?? this.options.retries ?? DEFAULT_RETRIES) : 0;
        const credentialsOrigin = call.authorization ? (call.credentialsOrigin ?? originOf(call.url)) : undefined;
        const started = Date.now();
        let url = new URL(call.url);
        let redirects = 0;
        const verb = method;
        for (let attempt = 0;; attempt++) {
            let res;
            try {
                res = await this.once(verb, url, call, credentialsOrigin, timeouts, maxBytes, started, signal);
            }
            catch (e) {
                if (attempt < retries && isHttpFailure(e) && e.retryable && !signal?.aborted) {
                    await sleep(BACKOFF_MS * 2 ** attempt, signal);
                    continue;
                }
                throw e;
            }
            if (REDIRECTS.has(res.status) && res.header('location') && (verb === 'GET' || verb === 'HEAD') && call.followRedirects !== false) {
                res.discard();
                if (++redirects > MAX_REDIRECTS)
                    throw this.failure('unreachable', url, verb, `more than ${MAX_REDIRECTS} redirects`);
                url = new URL(res.header('location'), url);
                attempt--;
                continue;
            }
            if (attempt < retries && isRetryableStatus(res.status) && !signal?.aborted) {
                res.discard();
                await sleep(retryAfterMs(res.header('retry-after')) ?? BACKOFF_MS * 2 ** attempt, signal);
                continue;
            }
            return res;
        }
    }
    /** One exchange: no retry, no redirect. */
    once(method, url, call, credentialsOrigin, timeouts, maxBytes, started, signal) {
        if (signal?.aborted)
            return Promise.reject(abortReason(signal));
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            return Promise.reject(this.failure('unreachable', url, method, `${url.protocol} is not HTTP`));
        const headers = { ...call.headers };
        // Credentials are for their own origin; a redirect or a Location elsewhere gets none.
        if (call.authorization && credentialsOrigin === url.origin)
            headers.Authorization = call.authorization;
        if (url.username || url.password) {
            headers.Authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
        }
        const target = new URL(url);
        target.username = '';
        target.password = '';
        return new Promise((resolve, reject) => {
            const send = url.protocol === 'https:' ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request;
            const req = send(target, { method, headers });
            let settled = false;
            let timer;
            const arm = (ms, kind, reason) => {
                if (timer)
                    clearTimeout(timer);
                timer = Number.isFinite(ms) ? setTimeout(() => fail(this.failure(kind, url, method, reason)), ms).unref() : undefined;
            };
            const done = () => {
                settled = true;
                if (timer)
                    clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
            };
            const fail = (e) => {
                if (settled)
                    return;
                done();
                req.destroy();
                reject(e);
            };
            const onAbort = () => fail(abortReason(signal));
            signal?.addEventListener('abort', onAbort, { once: true });
            // Headers are awaited once the connection is up and the whole request has gone out.
            let connected = false;
            let sent = false;
            const awaitHeaders = () => {
                if (connected && sent)
                    arm(timeouts.headersMs, 'headers-timeout', `no answer within ${seconds(timeouts.headersMs)}`);
            };
            arm(timeouts.connectMs, 'connect-timeout', `no connection within ${seconds(timeouts.connectMs)}`);
            req.on('socket', (socket) => {
                const up = () => {
                    connected = true;
                    if (!sent)
                        arm(timeouts.idleMs, 'send-timeout', `it took nothing for ${seconds(timeouts.idleMs)}`);
                    awaitHeaders();
                };
                if (socket.connecting)
                    socket.once('connect', up);
                else
                    up();
            });
            req.on('finish', () => {
                sent = true;
                awaitHeaders();
            });
            req.on('error', (e) => fail(isHttpFailure(e) ? e : this.failure('unreachable', url, method, e.code ?? e.message, e)));
            req.on('response', (res) => {
                if (settled)
                    return res.destroy();
                done();
                resolve(this.response(res, url, method, timeouts, maxBytes, started, signal));
            });
            const body = call.body;
            if (body instanceof external_node_stream_namespaceObject.Readable) {
                // Bytes leaving the file are progress: a server that stops reading stalls them.
                body.on('data', () => {
                    if (connected && !sent)
                        arm(timeouts.idleMs, 'send-timeout', `it took nothing for ${seconds(timeouts.idleMs)}`);
                });
                body.on('error', (e) => fail(e));
                body.pipe(req);
            }
            else {
                req.end(body);
            }
        });
    }
    response(res, url, method, timeouts, maxBytes, started, signal) {
        const body = new BoundedBody(res, { idleMs: timeouts.idleMs, maxBytes }, (kind, reason, cause) => this.failure(kind, url, method, reason, cause));
        if (signal) {
            const onAbort = () => body.destroy(abortReason(signal));
            signal.addEventListener('abort', onAbort, { once: true });
            body.once('close', () => signal.removeEventListener('abort', onAbort));
        }
        const buffer = async () => {
            const left = timeouts.totalMs - (Date.now() - started);
            const deadline = Number.isFinite(left)
                ? setTimeout(() => body.destroy(this.failure('deadline', url, method, `the answer took over ${seconds(timeouts.totalMs)}`)), Math.max(0, left)).unref()
                : undefined;
            try {
                const chunks = [];
                for await (const chunk of body)
                    chunks.push(chunk);
                return Buffer.concat(chunks);
            }
            finally {
                if (deadline)
                    clearTimeout(deadline);
            }
        };
        const text = async () => (await buffer()).toString('utf8');
        return {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            url: url.href,
            headers: res.headers,
            header: (name) => {
                const v = res.headers[name.toLowerCase()];
                return Array.isArray(v) ? v.join(', ') : v;
            },
            body,
            buffer,
            text,
            json: async () => {
                const t = await text();
                try {
                    return JSON.parse(t);
                }
                catch {
                    return undefined;
                }
            },
            discard: () => {
                body.destroy();
            },
        };
    }
    failure(kind, url, method, reason, cause) {
        return new HttpFailure(this.options.service, kind, url.href, method, reason, { hint: this.options.hint, cause });
    }
}
/** The reason a signal was aborted with, as an Error (AbortController.abort() gives an AbortError). */
function abortReason(signal) {
    const r = signal.reason;
    return r instanceof Error ? r : Object.assign(new Error(`The operation was cancelled${r === undefined ? '' : ` (${String(r)})`}.`), { name: 'AbortError' });
}
function anySignal(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(abortReason(signal));
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortReason(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Retry-After in seconds (capped at 30 s: a step should not sleep for an hour). */
function retryAfterMs(header) {
    const s = Number(header);
    return header && Number.isFinite(s) && s >= 0 ? Math.min(s, 30) * 1000 : undefined;
}


;// CONCATENATED MODULE: ./packages/core/src/registry/oci-registry.ts
/**
 * An OCI distribution registry (GHCR, Docker Hub, Harbor, ECR, distribution itself) as a model
 * registry: `oci://host[:port]/namespace`. A version is the immutable tag v<N> plus its manifest
 * digest; an alias is a mutable tag. Blobs the registry already has are not uploaded; large files
 * go up in chunks, hashed on the way. Auth follows the registry's challenge: anonymous, Basic, or
 * a Bearer token fetched from the realm it names (GHCR with GITHUB_TOKEN).
 */














/** Upload chunk size; also the size above which a file goes up in chunks instead of one PUT. */
const oci_registry_CHUNK_BYTES = 64 * 1024 * 1024;
/** GHCR refuses layers over 10 GB; larger files go up as several layers of at most this size. */
const MAX_LAYER_BYTES = 9_500_000_000;
/**
 * How long a new tag must stay ours before the version counts as registered: longer than any
 * writer's check-to-write gap (one small PUT, milliseconds to a few hundred on a far registry).
 * MODELCI_REGISTRY_SETTLE_MS overrides it (lower in tests, higher for a slow registry).
 */
const SETTLE_MS = 2_000;
/**
 * Files (parts) up to this size are hashed before uploading and not sent if the registry has the
 * blob (HEAD), so a re-run after a failure does not send finished blobs again. Larger new parts
 * are hashed while they upload (one read of a 1 GiB file, not two), unless a stored layer has
 * their size.
 */
const HASH_FIRST_BYTES = 256 * 1024 * 1024;
const ATTACHMENT_ARTIFACT = 'application/vnd.modelci.attachment.v1+json';
const ATTACH_TAG = /^v(\d+)\.attach-[0-9a-f]{12}$/;
/** Version numbers one registration tries before giving up (each lost claim moves to the next). */
const MAX_CLAIMS = 64;
class OciRegistry {
    uri;
    env;
    base;
    host;
    namespace;
    tokens = new Map();
    uriCredentials;
    chunkBytes;
    maxLayerBytes;
    http;
    settleMs;
    constructor(uri, env = process.env, options = {}) {
        this.uri = uri;
        this.env = env;
        this.chunkBytes = options.chunkBytes ?? oci_registry_CHUNK_BYTES;
        this.maxLayerBytes = options.maxLayerBytes ?? MAX_LAYER_BYTES;
        this.settleMs = options.settleMs ?? settleFromEnv(env.MODELCI_REGISTRY_SETTLE_MS);
        this.http = new HttpClient({ service: 'the registry', hint: 'check the registry URI and that the registry is up', timeouts: options.timeouts, signal: options.signal });
        const m = /^oci(\+https?)?:\/\/([^/]+)(\/.*)?$/i.exec(uri);
        if (!m)
            throw new errors_InputError(redactUri(`Registry '${uri}' is not oci://host/namespace (e.g. oci://ghcr.io/acme/models).`), { input: 'registry' });
        // Credentials in the URI (user:password@host, the password may hold '@'): used, never printed.
        const at = m[2].lastIndexOf('@');
        this.host = m[2].slice(at + 1);
        if (at >= 0) {
            const userinfo = m[2].slice(0, at);
            const colon = userinfo.indexOf(':');
            const decode = (t) => {
                try {
                    return decodeURIComponent(t);
                }
                catch {
                    return t;
                }
            };
            if (colon > 0)
                this.uriCredentials = { username: decode(userinfo.slice(0, colon)), password: decode(userinfo.slice(colon + 1)) };
        }
        const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(this.host);
        const scheme = m[1] ? m[1].slice(1).toLowerCase() : local ? 'http' : 'https';
        this.base = `${scheme}://${this.host}`;
        this.namespace = (m[3] ?? '').replace(/^\/+|\/+$/g, '');
        checkOciNamespace(this.namespace);
    }
    checkName(name) {
        this.repo(name);
    }
    repo(name) {
        checkModelName(name, 'name', this.namespace ? `${this.namespace}/` : '');
        return this.namespace ? `${this.namespace}/${name}` : name;
    }
    async register(input) {
        const repo = this.repo(input.name);
        let bytesWritten = 0;
        const files = [];
        const versions = await this.versionsOf(input.name);
        // Layers of these sizes may be stored already: such files are hashed before uploading.
        const knownSizes = new Set(versions.flatMap((v) => v.files.flatMap((f) => (f.parts ?? [f]).map((p) => p.size))));
        for (const f of input.files) {
            const pushed = await this.pushFile(repo, f.source, knownSizes);
            bytesWritten += pushed.uploaded;
            files.push({ path: f.path, digest: pushed.digest, size: pushed.size, ...(pushed.parts.length > 1 ? { parts: pushed.parts } : {}) });
        }
        const key = (fs) => fs.map((f) => `${f.path}\0${f.digest}`).sort().join('\n');
        const same = versions.find((v) => key(v.files) === key(files));
        if (same)
            return { version: same, existing: true, bytesWritten };
        let version = versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
        for (let attempt = 0; attempt < MAX_CLAIMS; attempt++, version++) {
            // A number already taken is skipped before anything is pushed for it.
            if (await this.manifestDigest(repo, `v${version}`))
                continue;
            const config = Buffer.from(modelPackConfig(input, version, files));
            const configDigest = await this.pushBytes(repo, config);
            const manifest = modelPackManifest(input, version, files, { digest: configDigest, size: config.length, written: true });
            const body = Buffer.from(JSON.stringify(manifest));
            const digest = await this.claimTag(repo, `v${version}`, body);
            if (!digest)
                continue;
            return { version: versionFromManifest(input.name, manifest, digest, `${this.uri.replace(/\/+$/, '')}/${input.name}:v${version}`, []), existing: false, bytesWritten };
        }
        throw new ServiceError(`the registry ${this.host}`, `Could not claim a version tag for '${input.name}' in ${this.uri} after ${MAX_CLAIMS} tries; other writers keep registering: try again.`, { retryable: true });
    }
    /**
     * Claims `tag` for `body`; returns its digest, or undefined when another writer holds the tag.
     * Distribution has no conditional tag write, so: the manifest goes up by digest first (the
     * check-to-write gap is one small PUT), the tag is written only if free, and read back after a
     * settle delay. Every writer that saw the tag free writes within its gap of seeing it, so after
     * the first write plus the delay all such writes have landed: the last one stays, and each
     * writer's read-back agrees on one owner. A writer whose own gap exceeded the delay cannot know
     * whether it overwrote a confirmed owner, and says so instead of claiming.
     */
    async claimTag(repo, tag, body) {
        const digest = await this.putManifest(repo, `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(body).digest('hex')}`, body);
        const checked = Date.now();
        if (await this.manifestDigest(repo, tag))
            return undefined;
        await this.putManifest(repo, tag, body);
        const gap = Date.now() - checked;
        await new Promise((resolve) => setTimeout(resolve, this.settleMs));
        if ((await this.manifestDigest(repo, tag)) !== digest)
            return undefined;
        // The last writer of a tag always reads back its own: if any writer overwrote a confirmed
        // owner, it had a gap over the delay, and the last such writer fails here, loudly.
        if (gap >= this.settleMs) {
            throw new ServiceError(`the registry ${this.host}`, `Tagging ${repo}:${tag} took ${gap} ms from check to write, longer than the settle delay of ${this.settleMs} ms, so another registration of ${tag} may have been overwritten; check the versions with 'modelci list', and raise MODELCI_REGISTRY_SETTLE_MS for this registry.`, { retryable: false });
        }
        return digest;
    }
    async resolve(name, ref) {
        checkVersionRef(ref);
        const repo = this.repo(name);
        const n = versionNumber(ref);
        let tag = n !== undefined ? `v${n}` : ref;
        if (ref === 'latest') {
            const tags = (await this.tags(repo)).filter((t) => versionNumber(t) !== undefined);
            if (tags.length === 0)
                throw new errors_InputError(redactUri(`Model '${name}' has no versions in ${this.uri}; register it first.`), { input: 'name' });
            tag = `v${Math.max(...tags.map((t) => versionNumber(t)))}`;
        }
        const got = await this.getManifest(repo, tag);
        if (!got) {
            const tags = await this.tags(repo);
            throw new errors_InputError(redactUri(`Model '${name}' has no ${n !== undefined ? 'version' : 'alias'} '${ref}' in ${this.uri}; it has ${tags.length > 0 ? tags.join(', ') : 'no versions yet'}.`), { input: 'version' });
        }
        return this.toVersion(name, repo, got.manifest, got.digest);
    }
    /** Every version; a model with none is a sentence, as on the other backends. */
    async list(name) {
        const versions = await this.versionsOf(name);
        if (versions.length === 0)
            throw new errors_InputError(redactUri(`Model '${name}' is not in the registry ${this.uri}; register it first (or check the name).`), { input: 'name' });
        return versions;
    }
    async versionsOf(name) {
        const repo = this.repo(name);
        const tags = await this.tags(repo);
        const digests = new Map();
        const versions = [];
        for (const tag of tags.filter((t) => !ATTACH_TAG.test(t))) {
            const got = await this.getManifest(repo, tag);
            if (!got)
                continue;
            if (versionNumber(tag) !== undefined)
                versions.push(versionFromManifest(name, got.manifest, got.digest, `${this.uri.replace(/\/+$/, '')}/${name}:${tag}`, []));
            else
                digests.set(got.digest, [...(digests.get(got.digest) ?? []), tag]);
        }
        const out = [];
        for (const v of versions)
            out.push(withAttachments({ ...v, aliases: (digests.get(v.digest) ?? []).sort() }, await this.attachmentsOf(repo, tags, v)));
        return out.sort((a, b) => a.version - b.version);
    }
    /**
     * An attachment is an OCI manifest whose subject is the version's manifest, tagged
     * v<N>.attach-<its digest>: the version's own tag and digest never change.
     */
    async attach(version, attachment) {
        const repo = this.repo(version.name);
        const current = await this.getManifest(repo, `v${version.version}`);
        if (!current || current.digest !== version.digest) {
            throw new errors_InputError(redactUri(`Version ${version.version} of '${version.name}' changed in ${this.uri} since it was resolved; resolve it again.`), { input: 'version' });
        }
        const empty = await this.pushBytes(repo, Buffer.from('{}'));
        const emptyDescriptor = { mediaType: 'application/vnd.oci.empty.v1+json', digest: empty, size: 2 };
        const body = Buffer.from(JSON.stringify({
            schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType: ATTACHMENT_ARTIFACT, config: emptyDescriptor, layers: [emptyDescriptor],
            subject: { mediaType: OCI_MANIFEST, digest: version.digest, size: current.body.length },
            annotations: { [ANNOTATION.created]: attachment.attachedAt, [ANNOTATION.attachments]: JSON.stringify(attachment) },
        }));
        const digest = await this.putManifest(repo, `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(body).digest('hex')}`, body);
        await this.putManifest(repo, `v${version.version}.attach-${digest.slice(7, 19)}`, body);
        return this.resolve(version.name, String(version.version));
    }
    async attachmentsOf(repo, tags, version) {
        const out = [];
        for (const tag of tags.filter((t) => ATTACH_TAG.exec(t)?.[1] === String(version.version))) {
            const got = await this.getManifest(repo, tag);
            const m = got?.manifest;
            // Only one that names this very version counts (a tag could be pushed by anyone with write access).
            if (m?.artifactType !== ATTACHMENT_ARTIFACT || m.subject?.digest !== version.digest)
                continue;
            out.push(...parseAttachments(`[${m.annotations?.[ANNOTATION.attachments] ?? ''}]`));
        }
        return out;
    }
    async moveAlias(name, alias, version, options) {
        const repo = this.repo(name);
        const before = await this.getManifest(repo, alias);
        const previousVersion = before ? versionNumber(before.manifest.annotations?.['org.opencontainers.image.version'] ?? '') : undefined;
        const current = await this.getManifest(repo, `v${version.version}`);
        if (!current || current.digest !== version.digest) {
            throw new errors_InputError(redactUri(`Version ${version.version} of '${name}' changed in ${this.uri} since it was resolved; resolve it again.`), { input: 'version' });
        }
        await this.putManifest(repo, alias, current.body);
        return { alias, version: version.version, digest: version.digest, previousVersion, forced: options.forced };
    }
    async download(version, into) {
        const repo = this.repo(version.name);
        const written = [];
        checkDownloadPaths(version);
        for (const f of version.files) {
            const target = await downloadTarget(into, version, f);
            const mismatch = () => new errors_InputError(`${f.path} of ${version.name} v${version.version} from ${this.uri} does not match its digest ${f.digest}: it was tampered with or cut short; refusing to use it.`, { input: 'version' });
            const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
            const out = (0,external_node_fs_namespaceObject.createWriteStream)(target.partial);
            let size = 0;
            try {
                for (const part of f.parts ?? [{ digest: f.digest, size: f.size }]) {
                    // Verified by digest as it streams: no size cap but the part's own size, which a longer answer cannot pass.
                    const res = await this.request('GET', `/v2/${repo}/blobs/${part.digest}`, repo, 'pull', { maxBytes: part.size });
                    if (res.status !== 200)
                        throw await this.failure(res, `download ${f.path}`);
                    const partHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
                    for await (const chunk of res.body) {
                        hash.update(chunk);
                        partHash.update(chunk);
                        size += chunk.length;
                        if (!out.write(chunk))
                            await new Promise((r) => out.once('drain', () => r()));
                    }
                    if (`sha256:${partHash.digest('hex')}` !== part.digest)
                        size = NaN; // caught below, after closing
                }
            }
            catch (e) {
                // What a failed download leaves is what was there before.
                out.destroy();
                await target.discard();
                // Longer than the recorded size: it cannot match its digest.
                if (isHttpFailure(e) && e.kind === 'too-large')
                    throw mismatch();
                throw e;
            }
            await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
            if (`sha256:${hash.digest('hex')}` !== f.digest || size !== f.size) {
                await target.discard();
                throw mismatch();
            }
            await target.commit();
            written.push(target.path);
        }
        return written;
    }
    async toVersion(name, repo, manifest, digest) {
        const version = versionNumber(manifest.annotations?.['org.opencontainers.image.version'] ?? '') ?? 0;
        const aliases = [];
        const tags = await this.tags(repo);
        for (const tag of tags) {
            if (versionNumber(tag) !== undefined || ATTACH_TAG.test(tag))
                continue;
            if ((await this.manifestDigest(repo, tag)) === digest)
                aliases.push(tag);
        }
        const v = versionFromManifest(name, manifest, digest, `${this.uri.replace(/\/+$/, '')}/${name}:v${version}`, aliases.sort());
        return withAttachments(v, await this.attachmentsOf(repo, tags, v));
    }
    /**
     * Uploads a file, as one layer or as parts of at most maxLayerBytes. A part the size of a stored
     * layer, or small enough (HASH_FIRST_BYTES), is hashed first and skipped if the registry has it
     * (re-registering, or re-running after a failure, uploads 0 bytes of it); any other part is
     * hashed while it uploads, so a large new file is read once.
     */
    async pushFile(repo, file, knownSizes) {
        const size = (await (0,promises_namespaceObject.stat)(file)).size;
        const whole = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        const parts = [];
        let uploaded = 0;
        for (let start = 0; start < size || parts.length === 0; start += this.maxLayerBytes) {
            const partSize = Math.min(this.maxLayerBytes, size - start);
            if (knownSizes.has(partSize) || partSize <= HASH_FIRST_BYTES) {
                const digest = await hashRange(file, start, partSize, whole);
                if (!(await this.hasBlob(repo, digest))) {
                    await this.uploadRange(repo, file, start, partSize, external_node_path_default().basename(file));
                    uploaded += partSize;
                }
                parts.push({ digest, size: partSize });
            }
            else {
                parts.push({ digest: await this.uploadRange(repo, file, start, partSize, external_node_path_default().basename(file), whole), size: partSize });
                uploaded += partSize;
            }
            if (size === 0)
                break;
        }
        return { digest: `sha256:${whole.digest('hex')}`, size, uploaded, parts };
    }
    /**
     * A chunked upload (POST, a PATCH per chunk, PUT with the digest) of bytes [start, start + size),
     * each chunk piped from the file by node:http and hashed on the way; returns the digest.
     * `alsoHash` receives the same bytes (the whole file's digest of a split file).
     */
    async uploadRange(repo, file, start, size, what, alsoHash) {
        let location = await this.startUpload(repo);
        const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        for (let offset = 0; offset < size; offset += this.chunkBytes) {
            const length = Math.min(this.chunkBytes, size - offset);
            const source = (0,external_node_fs_namespaceObject.createReadStream)(file, { start: start + offset, end: start + offset + length - 1, highWaterMark: 1 << 20 });
            source.on('data', (chunk) => {
                hash.update(chunk);
                alsoHash?.update(chunk);
            });
            const res = await this.pipeRequest(location, repo, source, {
                'Content-Type': 'application/octet-stream', 'Content-Range': `${offset}-${offset + length - 1}`, 'Content-Length': String(length),
            });
            if (res.status !== 202)
                throw await this.failure(res, `upload ${what}`);
            const next = res.header('location');
            location = next ? new URL(next, location).href : location;
            res.discard();
        }
        const digest = `sha256:${hash.digest('hex')}`;
        // Naming the content by its digest makes the PUT safe to repeat.
        const done = await this.request('PUT', withDigest(location, digest), repo, 'push,pull', { headers: { 'Content-Length': '0' }, idempotent: true });
        if (done.status !== 201)
            throw await this.failure(done, `finish the upload of ${what}`);
        done.discard();
        return digest;
    }
    /**
     * Streams a file range as a PATCH body (node:http under the client: web streams through fetch
     * cost twice the time on a 1 GiB upload). Uploads start with a POST of the same scope, whose
     * auth challenge has been answered, so the credentials are known here; they go only to the
     * registry's own origin, never to an upload Location elsewhere.
     */
    pipeRequest(target, repo, body, headers) {
        return this.http.request({
            method: 'PATCH', url: new URL(target, this.base), body: body, headers,
            authorization: this.tokens.get(`repository:${repo}:push,pull`), credentialsOrigin: originOf(this.base),
        });
    }
    async pushBytes(repo, bytes) {
        const digest = `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex')}`;
        if (await this.hasBlob(repo, digest))
            return digest;
        const location = await this.startUpload(repo);
        const res = await this.request('PUT', withDigest(location, digest), repo, 'push,pull', { body: bytes, idempotent: true, headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) } });
        if (res.status !== 201)
            throw await this.failure(res, 'upload the model config');
        res.discard();
        return digest;
    }
    async startUpload(repo) {
        const res = await this.request('POST', `/v2/${repo}/blobs/uploads/`, repo, 'push,pull');
        const location = res.header('location');
        if (res.status !== 202 || !location)
            throw await this.failure(res, 'start an upload');
        res.discard();
        return new URL(location, res.url).href;
    }
    async hasBlob(repo, digest) {
        const res = await this.request('HEAD', `/v2/${repo}/blobs/${digest}`, repo, 'pull');
        res.discard();
        if (res.status !== 200 && res.status !== 404)
            throw await this.failure(res, `look up a blob`);
        return res.status === 200;
    }
    async putManifest(repo, tag, body) {
        const res = await this.request('PUT', `/v2/${repo}/manifests/${tag}`, repo, 'push,pull', { body, headers: { 'Content-Type': OCI_MANIFEST } });
        if (res.status !== 201)
            throw await this.failure(res, `tag ${tag}`);
        res.discard();
        return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(body).digest('hex')}`;
    }
    async manifestDigest(repo, tag) {
        const got = await this.getManifest(repo, tag);
        return got?.digest;
    }
    async getManifest(repo, tag) {
        const res = await this.request('GET', `/v2/${repo}/manifests/${tag}`, repo, 'pull', { headers: { Accept: OCI_MANIFEST } });
        if (res.status === 404) {
            res.discard();
            return undefined;
        }
        if (res.status !== 200)
            throw await this.failure(res, `read ${tag}`);
        const body = await res.buffer();
        const digest = `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(body).digest('hex')}`;
        try {
            return { manifest: JSON.parse(body.toString('utf8')), digest, body };
        }
        catch {
            throw new errors_InputError(`The registry returned a manifest for ${repo}:${tag} that is not JSON; it is not a model pushed by modelci.`, { input: 'registry' });
        }
    }
    /** Every tag, following Link: <...>; rel="next" pages (registries that ignore `n` send all at once). */
    async tags(repo) {
        const out = [];
        let next = `/v2/${repo}/tags/list?n=1000`;
        while (next) {
            const res = await this.request('GET', next, repo, 'pull');
            if (res.status === 404) {
                res.discard();
                return out;
            }
            if (res.status !== 200)
                throw await this.failure(res, 'list tags');
            const body = await res.json();
            if (!body)
                throw new ServiceError(`the registry ${this.host}`, `The registry ${this.host} answered the tag list of ${repo} with something that is not JSON; check the registry URI.`);
            out.push(...(body.tags ?? []));
            // The next page may be on another host: it is read, but credentials stay with the registry.
            const link = /<([^>]+)>;\s*rel="?next"?/.exec(res.header('link') ?? '')?.[1];
            next = link ? new URL(link, res.url).href : undefined;
        }
        return out;
    }
    credentials() {
        const username = this.env.MODELCI_REGISTRY_USERNAME ?? (this.host === 'ghcr.io' ? this.env.GITHUB_ACTOR ?? 'token' : undefined);
        const password = this.env.MODELCI_REGISTRY_PASSWORD ?? (this.host === 'ghcr.io' ? this.env.GITHUB_TOKEN : undefined);
        return username && password ? { username, password } : this.uriCredentials;
    }
    /**
     * One request, answering the registry's auth challenge once. Never logs credentials, and sends
     * them only to the registry's own origin (a Location or Link elsewhere gets none).
     */
    async request(method, target, repo, actions, init = {}) {
        const url = new URL(target, this.base);
        const send = (auth) => this.http.request({ method, url, body: init.body, headers: init.headers, idempotent: init.idempotent, maxBytes: init.maxBytes, authorization: auth, credentialsOrigin: originOf(this.base) });
        const scope = `repository:${repo}:${actions}`;
        const cached = this.tokens.get(scope);
        let res = await send(cached);
        if (res.status !== 401)
            return res;
        res.discard();
        const challenge = res.header('www-authenticate') ?? '';
        const creds = this.credentials();
        if (/^basic/i.test(challenge)) {
            if (!creds)
                throw this.authError(401);
            const basic = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
            this.tokens.set(scope, basic);
            res = await send(basic);
        }
        else if (/^bearer/i.test(challenge)) {
            const token = await this.token(challenge, scope, creds);
            this.tokens.set(scope, `Bearer ${token}`);
            res = await send(`Bearer ${token}`);
        }
        // Distribution answers a valid token that lacks the action with 401 insufficient_scope: a
        // permission problem, not a missing credential.
        if (res.status === 401 || res.status === 403)
            res.discard();
        if (res.status === 401 && /error="insufficient_scope"/.test(res.header('www-authenticate') ?? ''))
            throw this.authError(403, '401 insufficient_scope');
        if (res.status === 401 || res.status === 403)
            throw this.authError(res.status);
        return res;
    }
    /**
     * A Bearer token from the realm the challenge names. The password goes there only when the realm
     * is the registry's own origin or is https: a plain-http realm elsewhere could be anyone's, and
     * is asked for an anonymous token.
     */
    async token(challenge, scope, creds) {
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        if (!params.realm)
            throw this.authError(401);
        let url;
        try {
            url = new URL(params.realm);
        }
        catch {
            throw new ServiceError(`the registry ${this.host}`, `The registry ${this.host} names a token realm '${params.realm}' that is not a URL; it is misconfigured.`);
        }
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', scope);
        const trusted = sameOrigin(url, this.base) || url.protocol === 'https:';
        const basic = creds && trusted ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : undefined;
        const res = await this.http.request({ method: 'GET', url, authorization: basic, credentialsOrigin: url.origin });
        if (res.status === 401 || res.status === 403) {
            res.discard();
            if (creds && !trusted)
                throw this.untrustedRealm(url);
            throw this.authError(res.status);
        }
        if (res.status !== 200)
            throw await this.failure(res, 'get a token');
        const body = await res.json();
        const token = body?.token ?? body?.access_token;
        if (!token)
            throw this.authError(401);
        return token;
    }
    untrustedRealm(realm) {
        return new errors_InputError(`The registry ${this.host} sends its clients to the token realm ${realm.origin}, which is plain http on another host; modelci does not send the registry password there. Use a registry whose realm is https or on its own address.`, { input: 'registry' });
    }
    authError(status, said = String(status)) {
        const ghcr = this.host === 'ghcr.io';
        return new errors_InputError(status === 403
            ? `The registry ${this.host} refused access (${said}); the credentials are valid but lack permission: ${ghcr ? "give the job 'permissions: packages: write'" : 'grant push and pull on the repository'}.`
            : this.credentials()
                ? `The registry ${this.host} refused the credentials sent (401); check ${this.env.MODELCI_REGISTRY_USERNAME && this.env.MODELCI_REGISTRY_PASSWORD ? 'MODELCI_REGISTRY_USERNAME and MODELCI_REGISTRY_PASSWORD' : ghcr && !this.uriCredentials ? 'GITHUB_TOKEN (and that the job has \'permissions: packages: write\')' : 'the user and password in the registry URI'}.`
                : `The registry ${this.host} asked for credentials (401) and none were set; ${ghcr ? "pass GITHUB_TOKEN in the step's env (with 'permissions: packages: write')" : 'set MODELCI_REGISTRY_USERNAME and MODELCI_REGISTRY_PASSWORD in the step\'s env'}.`, { input: 'registry' });
    }
    /**
     * A refusal in the protocol: a 5xx or 429 may pass (try again); any other answer will not,
     * because it is how this registry treats the request.
     */
    async failure(res, what) {
        const said = (await res.text().catch(() => '')).trim().split('\n')[0].slice(0, 120);
        const retryable = isRetryableStatus(res.status);
        const answer = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${said ? `: ${said}` : ''}`;
        return new ServiceError(`the registry ${this.host}`, `The registry ${this.host} failed to ${what} (${answer}); nothing was tagged, so no version points at partial content${retryable ? ': try again' : ''}.`, { retryable });
    }
}
function settleFromEnv(value) {
    if (value === undefined || value.trim() === '')
        return SETTLE_MS;
    const ms = Number(value);
    if (!Number.isInteger(ms) || ms < 0)
        throw new errors_InputError(`MODELCI_REGISTRY_SETTLE_MS is '${value}'; set it to a whole number of milliseconds (default ${SETTLE_MS}).`, { input: 'MODELCI_REGISTRY_SETTLE_MS' });
    return ms;
}
function withDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
registerBackend('oci', (uri) => new OciRegistry(uri));
registerBackend('oci+http', (uri) => new OciRegistry(uri));
registerBackend('oci+https', (uri) => new OciRegistry(uri));
/** sha256 of bytes [start, start + size) of a file; `alsoHash` receives the same bytes. */
async function hashRange(file, start, size, alsoHash) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    if (size > 0) {
        for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(file, { start, end: start + size - 1, highWaterMark: 1 << 20 })) {
            hash.update(chunk);
            alsoHash.update(chunk);
        }
    }
    return `sha256:${hash.digest('hex')}`;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/mlflow-registry.ts
/**
 * MLflow's Model Registry as a model registry: `mlflow+http://host:5000` or `mlflow+https://…`,
 * through the documented REST API of MLflow 2.x and 3.x. register = create the registered model
 * if needed, a run (metrics, git SHA as mlflow.source.git.commit), the files through the
 * mlflow-artifacts proxy, then a model version. Aliases are MLflow aliases (stages were
 * deprecated in 2.9). MLflow keeps no content digest, so modelci stores the files' sha256 as
 * version tags and checks them on download.
 */













const TAG = { files: 'modelci.files', digest: 'modelci.digest', record: 'modelci.record', recordArtifact: 'modelci.record_artifact', gitSha: 'mlflow.source.git.commit', attachments: 'modelci.attachments' };
/** MLflow 2.x refuses a tag value over 5000 characters (model-versions/create then fails). */
const MLFLOW_TAG_LIMIT = 5000;
/** The whole record (files and their sha256, metrics, provenance, tags), beside the model in the run. */
const RECORD_ARTIFACT = 'modelci/version.json';
const MLFLOW_EXPERIMENT = 'modelci-registrations';
/** A REST endpoint this server does not have (404 without an MLflow error body): older servers. */
const MISSING = Symbol('missing endpoint');
const STAGE_OF = { production: 'Production', staging: 'Staging' };
class MlflowRegistry {
    uri;
    env;
    base;
    http;
    /** `?stages=true`: also move the deprecated stages (Staging, Production), for servers before aliases (2.3). */
    stages;
    constructor(uri, env = process.env, options = {}) {
        this.uri = uri;
        this.env = env;
        this.http = new HttpClient({ service: 'the MLflow server', hint: 'check the registry URI and that the server is up', timeouts: options.timeouts, signal: options.signal });
        const m = /^mlflow\+(https?):\/\/([^?]+?)\/*(\?.*)?$/i.exec(uri);
        if (!m)
            throw new errors_InputError(redactUri(`Registry '${uri}' is not mlflow+http(s)://host[:port] (e.g. mlflow+https://mlflow.example.com).`), { input: 'registry' });
        this.base = `${m[1].toLowerCase()}://${m[2]}`;
        this.stages = new URLSearchParams(m[3] ?? '').get('stages') === 'true';
    }
    checkName(name) {
        checkMlflowModelName(name);
    }
    async register(input) {
        checkMlflowModelName(input.name);
        const files = [];
        for (const f of input.files)
            files.push({ path: f.path, ...(await hashFile(f.source)) });
        const digest = contentDigest(files);
        await this.call('POST', 'registered-models/create', { name: input.name }, ['RESOURCE_ALREADY_EXISTS']);
        const same = (await this.search(input.name)).find((v) => v.digest === digest);
        if (same)
            return { version: same, existing: true, bytesWritten: 0 };
        // The training run when named (the version links to it; its status is the trainer's), else a new one.
        const own = input.provenance.mlflowRunId === undefined;
        const run = own ? await this.newRun(input) : await this.existingRun(input.provenance.mlflowRunId);
        const runId = run.run.info.run_id;
        // In a training run, beside whatever it logged (its own model/ folder stays untouched).
        const artifactUri = own ? run.run.info.artifact_uri : `${run.run.info.artifact_uri}/modelci-${encodeURIComponent(input.name)}`;
        try {
            const metrics = Object.entries(input.metrics).filter(([, v]) => v !== null && Number.isFinite(v)).map(([key, value]) => ({ key, value, timestamp: input.now.getTime(), step: 0 }));
            for (let i = 0; i < metrics.length; i += 1000)
                await this.call('POST', 'runs/log-batch', { run_id: runId, metrics: metrics.slice(i, i + 1000) });
            const artifactRoot = artifactPath(artifactUri);
            let bytesWritten = 0;
            for (const f of input.files) {
                await this.upload(`${artifactRoot}/model/${f.path}`, f.source);
                bytesWritten += (await (0,promises_namespaceObject.stat)(f.source)).size;
            }
            const record = { metrics: input.metrics, provenance: input.provenance, tags: input.tags };
            // The full record is a run artifact; the tags repeat it only when short enough for MLflow 2.x.
            await this.uploadBytes(`${artifactRoot}/${RECORD_ARTIFACT}`, Buffer.from(JSON.stringify({ files, record })));
            const inline = [{ key: TAG.files, value: JSON.stringify(files) }, { key: TAG.record, value: JSON.stringify(record) }];
            const created = (await this.call('POST', 'model-versions/create', {
                name: input.name,
                source: `${artifactUri}/model`,
                run_id: runId,
                tags: [
                    ...(inline.every((t) => t.value.length <= MLFLOW_TAG_LIMIT) ? inline : [{ key: TAG.recordArtifact, value: RECORD_ARTIFACT }]),
                    { key: TAG.digest, value: digest },
                    ...(input.provenance.gitSha ? [{ key: TAG.gitSha, value: input.provenance.gitSha }] : []),
                ],
            }));
            if (own)
                await this.call('POST', 'runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() });
            return { version: await this.toVersion(created.model_version), existing: false, bytesWritten };
        }
        catch (e) {
            // Never leave a run RUNNING (or FINISHED without its version): it ends FAILED, best effort.
            if (own)
                await this.call('POST', 'runs/update', { run_id: runId, status: 'FAILED', end_time: Date.now() }).catch(() => undefined);
            throw e;
        }
    }
    async resolve(name, ref) {
        checkMlflowModelName(name);
        checkVersionRef(ref);
        const n = versionNumber(ref);
        if (ref === 'latest') {
            const all = await this.list(name);
            if (all.length === 0)
                throw new errors_InputError(redactUri(`Model '${name}' has no versions in ${this.uri}; register it first.`), { input: 'name' });
            return all[all.length - 1];
        }
        const missing = () => new errors_InputError(redactUri(`Model '${name}' has no ${n !== undefined ? 'version' : 'alias'} '${ref}' in ${this.uri}; list its versions with operation: list.`), { input: 'version' });
        const got = n !== undefined
            ? await this.call('GET', `model-versions/get?name=${encodeURIComponent(name)}&version=${n}`, undefined, ['RESOURCE_DOES_NOT_EXIST'])
            : await this.call('GET', `registered-models/alias?name=${encodeURIComponent(name)}&alias=${encodeURIComponent(ref)}`, undefined, ['RESOURCE_DOES_NOT_EXIST', 'INVALID_PARAMETER_VALUE', 'ENDPOINT_MISSING']);
        if (got === MISSING)
            return this.resolveStage(name, ref, missing);
        const mv = got?.model_version;
        if (!mv)
            throw missing();
        return await this.toVersion(mv);
    }
    /**
     * Every version, with aliases from registered-models/get: real servers (2.12 to 3.8) return
     * none in model-versions/search. A model that does not exist is a sentence, as on the other backends.
     */
    async list(name) {
        checkMlflowModelName(name);
        const got = (await this.call('GET', `registered-models/get?name=${encodeURIComponent(name)}`, undefined, ['RESOURCE_DOES_NOT_EXIST']));
        if (!got?.registered_model)
            throw new errors_InputError(redactUri(`Model '${name}' is not in the registry ${this.uri}; register it first (or check the name).`), { input: 'name' });
        const aliases = new Map();
        for (const a of got.registered_model.aliases ?? [])
            aliases.set(String(a.version), [...(aliases.get(String(a.version)) ?? []), a.alias]);
        return (await this.search(name)).map((v) => ({ ...v, aliases: (aliases.get(String(v.version)) ?? []).sort() }));
    }
    async search(name) {
        const out = [];
        for (const mv of await this.searchRaw(name))
            out.push(await this.toVersion(mv));
        return out.sort((a, b) => a.version - b.version);
    }
    async searchRaw(name) {
        const out = [];
        let token;
        do {
            const query = `model-versions/search?filter=${encodeURIComponent(`name='${name}'`)}&max_results=1000${token ? `&page_token=${encodeURIComponent(token)}` : ''}`;
            const page = (await this.call('GET', query));
            out.push(...(page.model_versions ?? []));
            token = page.next_page_token || undefined;
        } while (token);
        return out;
    }
    /** A server older than aliases (before 2.3): an alias is read as its stage, with ?stages=true. */
    async resolveStage(name, alias, missing) {
        const stage = this.oldServerStage(alias);
        const raw = await this.searchRaw(name);
        const mv = raw.filter((v) => v.current_stage === stage).sort((a, b) => Number(b.version) - Number(a.version))[0];
        if (!mv)
            throw missing();
        return { ...(await this.toVersion(mv)), aliases: [alias] };
    }
    oldServerStage(alias) {
        const stage = STAGE_OF[alias.toLowerCase()];
        if (!this.stages || !stage) {
            throw new errors_InputError(redactUri(`The MLflow server ${this.base} is older than model aliases (MLflow before 2.3): ${this.stages ? `only production and staging map to its stages, not '${alias}'` : 'add ?stages=true to the registry URI to use its stages (Production, Staging)'}.`), { input: 'registry' });
        }
        return stage;
    }
    async moveAlias(name, alias, version, options) {
        const probe = await this.call('GET', `registered-models/alias?name=${encodeURIComponent(name)}&alias=${encodeURIComponent(alias)}`, undefined, ['RESOURCE_DOES_NOT_EXIST', 'INVALID_PARAMETER_VALUE', 'ENDPOINT_MISSING']);
        if (probe === MISSING) {
            const stage = this.oldServerStage(alias);
            const previous = (await this.searchRaw(name)).filter((v) => v.current_stage === stage).map((v) => Number(v.version)).sort((a, b) => b - a)[0];
            await this.call('POST', 'model-versions/transition-stage', { name, version: String(version.version), stage, archive_existing_versions: true });
            return { alias, version: version.version, digest: version.digest, previousVersion: previous, forced: options.forced, notice: `The MLflow server ${this.base} is older than model aliases: version ${version.version} was moved to the ${stage} stage only.` };
        }
        const before = probe;
        await this.call('POST', 'registered-models/alias', { name, alias, version: String(version.version) });
        const stage = STAGE_OF[alias];
        if (this.stages && stage) {
            await this.call('POST', 'model-versions/transition-stage', { name, version: String(version.version), stage, archive_existing_versions: true });
        }
        const previous = before?.model_version ? Number(before.model_version.version) : undefined;
        return { alias, version: version.version, digest: version.digest, previousVersion: previous, forced: options.forced };
    }
    async attach(version, attachment) {
        const current = await this.resolve(version.name, String(version.version));
        if (current.digest !== version.digest)
            throw new errors_InputError(redactUri(`Version ${version.version} of '${version.name}' changed in ${this.uri} since it was resolved; resolve it again.`), { input: 'version' });
        const all = [...(current.provenance.attachments ?? []), attachment];
        await this.call('POST', 'model-versions/set-tag', { name: version.name, version: String(version.version), key: TAG.attachments, value: JSON.stringify(all) });
        return withAttachments(current, all);
    }
    async download(version, into) {
        const mv = (await this.call('GET', `model-versions/get?name=${encodeURIComponent(version.name)}&version=${version.version}`));
        const root = artifactPath(mv.model_version.source ?? '');
        const written = [];
        checkDownloadPaths(version);
        for (const f of version.files) {
            const target = await downloadTarget(into, version, f);
            const mismatch = () => new errors_InputError(`${f.path} of ${version.name} v${version.version} from ${this.uri} does not match the sha256 recorded at registration: it was changed or cut short; refusing to use it.`, { input: 'version' });
            // Verified by sha256 as it streams; no cap but the recorded size, which a longer answer cannot pass.
            const res = await this.fetch('GET', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(`${root}/${f.path}`)}`, { maxBytes: Number.isFinite(f.size) ? f.size : Infinity });
            if (res.status !== 200)
                throw await this.failure(res, `download ${f.path}`, undefined, false);
            const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
            const out = (0,external_node_fs_namespaceObject.createWriteStream)(target.partial);
            try {
                for await (const chunk of res.body) {
                    hash.update(chunk);
                    if (!out.write(chunk))
                        await new Promise((r) => out.once('drain', () => r()));
                }
            }
            catch (e) {
                // What a failed download leaves is what was there before.
                out.destroy();
                await target.discard();
                // Longer than the recorded size: it cannot match its digest.
                if (isHttpFailure(e) && e.kind === 'too-large')
                    throw mismatch();
                throw e;
            }
            await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
            if (`sha256:${hash.digest('hex')}` !== f.digest) {
                await target.discard();
                throw mismatch();
            }
            await target.commit();
            written.push(target.path);
        }
        return written;
    }
    async toVersion(mv) {
        const tags = Object.fromEntries((mv.tags ?? []).map((t) => [t.key, t.value]));
        let record = { metrics: {}, provenance: {}, tags: {} };
        let files = [];
        try {
            if (tags[TAG.recordArtifact] && !tags[TAG.files]) {
                const stored = await this.readRecord(mv, tags[TAG.recordArtifact]);
                record = { ...record, ...stored.record };
                files = stored.files;
            }
            else {
                record = { ...record, ...JSON.parse(tags[TAG.record] ?? '{}') };
                files = JSON.parse(tags[TAG.files] ?? '[]');
            }
        }
        catch (e) {
            if (e instanceof errors_InputError || e instanceof ServiceError)
                throw e;
            // A version registered by another tool: no modelci record.
        }
        return withAttachments({
            schema: MODEL_VERSION_SCHEMA,
            name: mv.name,
            version: Number(mv.version),
            digest: tags[TAG.digest] ?? '',
            uri: `${this.uri.replace(/\?.*$/, '').replace(/\/+$/, '')}/${mv.name}/${mv.version}`,
            createdAt: mv.creation_timestamp !== undefined ? new Date(Number(mv.creation_timestamp)).toISOString() : '',
            files,
            metrics: record.metrics,
            provenance: { ...record.provenance, gitSha: tags[TAG.gitSha] ?? record.provenance.gitSha },
            tags: record.tags,
            aliases: [...(mv.aliases ?? [])].sort(),
        }, parseAttachments(tags[TAG.attachments]));
    }
    async newRun(input) {
        const experimentId = await this.experiment();
        const tags = [{ key: 'mlflow.runName', value: `${input.name}-registration` }];
        if (input.provenance.gitSha)
            tags.push({ key: TAG.gitSha, value: input.provenance.gitSha });
        if (input.provenance.runUrl)
            tags.push({ key: 'modelci.run_url', value: input.provenance.runUrl });
        return (await this.call('POST', 'runs/create', { experiment_id: experimentId, start_time: input.now.getTime(), tags }));
    }
    async existingRun(runId) {
        const got = (await this.call('GET', `runs/get?run_id=${encodeURIComponent(runId)}`, undefined, ['RESOURCE_DOES_NOT_EXIST']));
        if (!got?.run)
            throw new errors_InputError(redactUri(`Input 'mlflow-run-id' names run ${runId}, which ${this.uri} does not have; give the run id the training step reported, on this server.`), { input: 'mlflow-run-id' });
        return { run: got.run };
    }
    async experiment() {
        const found = (await this.call('GET', `experiments/get-by-name?experiment_name=${encodeURIComponent(MLFLOW_EXPERIMENT)}`, undefined, ['RESOURCE_DOES_NOT_EXIST']));
        if (found?.experiment)
            return found.experiment.experiment_id;
        const created = (await this.call('POST', 'experiments/create', { name: MLFLOW_EXPERIMENT }, ['RESOURCE_ALREADY_EXISTS']));
        if (created?.experiment_id)
            return created.experiment_id;
        return this.experiment(); // created by a concurrent writer: read it back
    }
    /** The record artifact beside the version's model folder (source is <run artifacts>/model). */
    async readRecord(mv, artifact) {
        const root = artifactPath(mv.source ?? '').replace(/\/model$/, '');
        const res = await this.fetch('GET', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(`${root}/${artifact}`)}`, { maxBytes: 64 * 1024 * 1024 });
        if (res.status !== 200)
            throw await this.failure(res, `read the record of ${mv.name} v${mv.version}`, undefined, false);
        const parsed = await res.json();
        return { files: parsed?.files ?? [], record: parsed?.record ?? { metrics: {}, provenance: {}, tags: {} } };
    }
    async uploadBytes(artifact, bytes) {
        const res = await this.fetch('PUT', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(artifact)}`, { body: bytes.toString('utf8'), headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) } });
        if (res.status !== 200)
            throw await this.failure(res, `upload ${artifact} (is the server started with --serve-artifacts?)`);
        res.discard();
    }
    async upload(artifact, file) {
        const size = (await (0,promises_namespaceObject.stat)(file)).size;
        const body = (0,external_node_fs_namespaceObject.createReadStream)(file, { highWaterMark: 1 << 20 });
        const res = await this.fetch('PUT', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(artifact)}`, { body, headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) } });
        if (res.status !== 200)
            throw await this.failure(res, `upload ${external_node_path_default().basename(file)} (is the server started with --serve-artifacts?)`);
        res.discard();
    }
    /** A REST call; error codes in `tolerate` return undefined instead of failing. */
    async call(method, endpoint, body, tolerate = []) {
        // GETs are retried by the client; a POST creates things and is sent once.
        const res = await this.fetch(method, `${this.base}/api/2.0/mlflow/${endpoint}`, body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {});
        const text = await res.text();
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            parsed = undefined;
        }
        if (res.status === 200) {
            if (parsed === undefined)
                throw new ServiceError(`the MLflow server ${this.base}`, `The MLflow server ${this.base} answered ${endpoint.split('?')[0]} with something that is not JSON ('${text.trim().slice(0, 60)}'); check the registry URI points at MLflow.`);
            return parsed;
        }
        const error = (parsed ?? {});
        if (error.error_code && tolerate.includes(error.error_code))
            return undefined;
        if (res.status === 404 && !error.error_code && tolerate.includes('ENDPOINT_MISSING'))
            return MISSING;
        throw await this.failure(res, endpoint.split('?')[0], error, method === 'POST');
    }
    /** MLflow's Python client order: username and password first, then the token. */
    credential() {
        const user = this.env.MLFLOW_TRACKING_USERNAME;
        const password = this.env.MLFLOW_TRACKING_PASSWORD;
        if (user && password)
            return { kind: 'password', header: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
        const token = this.env.MLFLOW_TRACKING_TOKEN;
        return token ? { kind: 'token', header: `Bearer ${token}` } : undefined;
    }
    auth() {
        return this.credential()?.header;
    }
    /** Credentials go only to the MLflow server's own origin (the client drops them on a redirect elsewhere). */
    fetch(method, url, init = {}) {
        return this.http.request({ method, url, body: init.body, headers: init.headers, maxBytes: init.maxBytes, authorization: this.auth(), credentialsOrigin: new URL(this.base).origin });
    }
    /**
     * Credentials refused: the user's to fix (InputError). A 5xx or 429 may pass: try again. Any
     * other refusal is how this server treats the request, and trying again will not change it.
     */
    async failure(res, what, error, writing = true) {
        if (res.status === 401 || res.status === 403) {
            res.discard();
            const sent = this.credential();
            const fix = !sent
                ? "no credentials were sent: set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN, in the step's env"
                : res.status === 403
                    ? `the ${sent.kind === 'password' ? 'username and password' : 'MLFLOW_TRACKING_TOKEN'} sent are valid but not allowed to register models: use an account that is`
                    : `the ${sent.kind === 'password' ? 'MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD' : 'MLFLOW_TRACKING_TOKEN'} sent ${sent.kind === 'password' ? 'were' : 'was'} not accepted${sent.kind === 'password' && this.env.MLFLOW_TRACKING_TOKEN ? ' (they take precedence over MLFLOW_TRACKING_TOKEN, as in MLflow\'s client)' : ''}: check ${sent.kind === 'password' ? 'them' : 'it'}`;
            return new errors_InputError(`The MLflow server ${this.base} refused the request (${res.status}); ${fix}.`, { input: 'registry' });
        }
        if (!error) {
            const text = (await res.text().catch(() => '')).trim().split('\n')[0].slice(0, 120);
            error = text ? { message: text } : undefined;
        }
        const retryable = isRetryableStatus(res.status);
        const detail = error?.error_code ? `${error.error_code}: ${(error.message ?? '').split('\n')[0]}` : `HTTP ${res.status}${error?.message ? `: ${error.message}` : ''}`;
        const after = writing ? `no model version was created for content it did not finish storing${retryable ? ': try again' : ''}` : retryable ? "try again, or check the server's log" : "check the server's log";
        return new ServiceError(`the MLflow server ${this.base}`, `The MLflow server ${this.base} failed to ${what} (${detail}); ${after}.`, { retryable });
    }
}
/** The identity of a version's content: sha256 over its files' paths and digests. */
function contentDigest(files) {
    const canonical = files.map((f) => `${f.path}\0${f.digest}`).sort().join('\n');
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(canonical).digest('hex')}`;
}
/** mlflow-artifacts:/1/abc/artifacts -> 1/abc/artifacts (the proxy's path). */
function artifactPath(uri) {
    const m = /^mlflow-artifacts:(?:\/\/[^/]*)?\/(.*)$/.exec(uri);
    if (!m) {
        throw new errors_InputError(redactUri(`The MLflow server stores artifacts at '${uri}', which modelci cannot reach through the server; start it with --serve-artifacts (the mlflow-artifacts proxy).`), { input: 'registry' });
    }
    return m[1].replace(/\/+$/, '');
}
function encodePath(p) {
    return p.split('/').map(encodeURIComponent).join('/');
}
registerBackend('mlflow+http', (uri) => new MlflowRegistry(uri));
registerBackend('mlflow+https', (uri) => new MlflowRegistry(uri));

;// CONCATENATED MODULE: ./packages/core/src/registry/backends.ts
/**
 * Every registry backend, chosen by the URI's scheme. Importing this file is what makes each
 * adapter known to openRegistry, so a step (and its bundle) gets all of them or none.
 */





;// CONCATENATED MODULE: ./packages/core/src/steps/register-model-inputs.ts
const register_model_inputs_REGISTER_MODEL_INPUTS = [
    { name: 'operation', type: 'choice', choices: ['register', 'promote', 'resolve', 'list', 'attach'], default: "register", description: "register (default), promote, resolve, list, or attach (add a verdict, drift report or commit to an existing version)." },
    { name: 'registry', type: 'uri', default: "file://./model-registry", description: "Where versions live: a folder (file://./model-registry, the default: an OCI image layout), an OCI registry (oci://ghcr.io/acme/models; credentials MODELCI_REGISTRY_USERNAME/PASSWORD, or GITHUB_TOKEN on ghcr.io, in env), or MLflow (mlflow+https://host; MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD in env)." },
    { name: 'name', type: 'string', required: true, what: 'the model name, e.g. penguin-classifier', description: "The model name: for a folder or an OCI registry lowercase letters and digits, with \".\", \"_\" or \"-\" between them (an OCI repository name); for MLflow, MLflow's rules (e.g. FraudDetector)." },
    { name: 'model', type: 'path', description: "register: the model file or folder (every file under it is stored, by relative path)." },
    { name: 'metrics', type: 'string', description: "register: a JSON file with \"metrics\" (the quality-gates GateVerdict, an evaluation report, or plain {\"metrics\": {...}}), or inline \"accuracy=0.93, f1=0.91\". A GateVerdict is also recorded as the verdict this version passed." },
    { name: 'git-sha', type: 'string', description: "register: the commit that produced the model (attach: the commit that checked it). Default: the workflow's GITHUB_SHA." },
    { name: 'run-url', type: 'string', description: "register: the run that produced it (attach: the run that checked it). Default: this workflow run." },
    { name: 'mlflow-run-id', type: 'string', description: "register: the MLflow run that trained the model (e.g. the one train-on-gpu reports); with an MLflow registry the version is created from that run (its status is left alone) instead of a new run in modelci-registrations; other backends record it." },
    { name: 'tags', type: 'list', description: "register: free-form \"key=value\" tags, comma- or line-separated." },
    { name: 'gate-verdict', type: 'path', description: "register / attach: the GateVerdict JSON this version passed, when metrics come from elsewhere (attach: the verdict of a later evaluation)." },
    { name: 'drift-report', type: 'path', description: "register / attach: the DriftReport of the data it was trained on; its digest is recorded." },
    { name: 'version', type: 'string', description: "promote / resolve / attach: a version number (3 or v3), latest, or an alias. resolve defaults to production." },
    { name: 'alias', type: 'string', default: "production", description: "promote: the alias to move. Promotion to a protected alias requires a passing GateVerdict recorded with the version, unless force is true." },
    { name: 'protected-aliases', type: 'list', default: "production, prod, champion", description: "promote: aliases that need a passing GateVerdict (every gate and check passed), comma-separated; case does not matter." },
    { name: 'force', type: 'boolean', default: "false", description: "promote: true to promote to a protected alias without a passing GateVerdict (the summary and a warning say so)." },
    { name: 'download', type: 'path', description: "resolve: a folder to download the version's files into; every digest is checked and a tampered or truncated file is refused." },
];
const register_model_inputs_pick = (names) => register_model_inputs_REGISTER_MODEL_INPUTS.filter((s) => names.includes(s.name));
/** Each operation's inputs, for its CLI command (`modelci register | promote | resolve | list`). */
const REGISTER_INPUTS = [
    ...register_model_inputs_pick(['registry', 'name', 'model', 'metrics', 'git-sha', 'run-url', 'mlflow-run-id', 'tags', 'gate-verdict', 'drift-report']),
    { name: 'creator', type: 'string', description: 'Who registered it. Default: the workflow\'s GITHUB_ACTOR.' },
];
const PROMOTE_INPUTS = register_model_inputs_pick(['registry', 'name', 'version', 'alias', 'protected-aliases', 'force']);
const RESOLVE_INPUTS = register_model_inputs_pick(['registry', 'name', 'version', 'download']);
const LIST_INPUTS = register_model_inputs_pick(['registry', 'name']);
const ATTACH_INPUTS = register_model_inputs_pick(['registry', 'name', 'version', 'gate-verdict', 'drift-report', 'git-sha', 'run-url']);

;// CONCATENATED MODULE: ./packages/core/src/render/registry-markdown.ts




const registry_markdown_short = (digest) => digest.replace(/^sha256:/, '').slice(0, 12);
function provenanceRows(v) {
    const p = v.provenance;
    const rows = [
        ['version', `${v.version}${v.aliases.length > 0 ? ` (${v.aliases.join(', ')})` : ''}`],
        ['digest', v.digest],
        ['uri', redactUri(v.uri)],
        ['git SHA', p.gitSha ?? '(not recorded)'],
    ];
    if (p.runUrl)
        rows.push(['run', p.runUrl]);
    if (p.creator)
        rows.push(['creator', p.creator]);
    rows.push(['created', v.createdAt]);
    rows.push(['gate verdict', p.gateVerdict ? `${p.gateVerdict.passed ? 'passed' : 'FAILED'} (${registry_markdown_short(p.gateVerdict.digest)})` : '(none recorded)']);
    if (p.driftReport)
        rows.push(['drift report', registry_markdown_short(p.driftReport.digest)]);
    rows.push(['files', v.files.map((f) => `${f.path} (${formatQuantity(f.size, 'bytes')})`).join(', ')]);
    const metrics = Object.entries(v.metrics).filter(([, x]) => x !== null).slice(0, 12);
    if (metrics.length > 0)
        rows.push(['metrics', metrics.map(([k, x]) => `${k} ${Number(x.toPrecision(4))}`).join(', ')]);
    return rows;
}
function renderVersionText(v, headline) {
    const rows = provenanceRows(v);
    const width = Math.max(...rows.map(([k]) => k.length));
    return [logText(headline), ...rows.map(([k, x]) => `  ${k.padEnd(width)}  ${logText(x)}`)].join('\n') + '\n';
}
function registry_markdown_renderVersionMarkdown(v, headline, move, warning) {
    const lines = [markdown_mdHeading(2, markdown_mdText(headline)), ''];
    if (warning)
        lines.push(`> ⚠️ ${markdown_mdText(warning)}`, '');
    if (move) {
        lines.push(`${mdCode(move.alias)} → version ${move.version}${move.previousVersion !== undefined ? ` (was version ${move.previousVersion}: roll back with \`version: ${move.previousVersion}\`)` : ' (new alias)'}.`, '');
    }
    lines.push('| | |', '|---|---|', ...provenanceRows(v).map(([k, x]) => `| ${k} | ${markdown_mdText(x)} |`));
    return lines.join('\n') + '\n';
}
function registry_markdown_renderVersionListMarkdown(name, versions) {
    const lines = [mdHeading(2, `${mdText(name)}: ${versions.length} version${versions.length === 1 ? '' : 's'}`), '', '| version | aliases | created | git SHA | gates | metrics |', '|---:|---|---|---|---|---|'];
    for (const v of [...versions].reverse().slice(0, 100)) {
        const metrics = Object.entries(v.metrics).filter(([, x]) => x !== null).slice(0, 4).map(([k, x]) => `${mdText(k)} ${Number(x.toPrecision(4))}`).join(', ');
        const gate = v.provenance.gateVerdict ? (v.provenance.gateVerdict.passed ? '✅' : '❌') : '—';
        lines.push(`| ${v.version} | ${mdText(v.aliases.join(', '))} | ${mdText(v.createdAt)} | ${mdText((v.provenance.gitSha ?? '').slice(0, 12))} | ${gate} | ${metrics} |`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./packages/core/src/steps/register-model.ts
/**
 * register-model's operations, shared by the action and `modelci register | promote | resolve |
 * list`: inputs as the user typed them in, a ModelVersion (or alias move) out.
 */














/** The embedded default: a folder in the workspace. */
const DEFAULT_REGISTRY = 'file://./model-registry';
async function runRegister(req, env = process.env, now = new Date()) {
    parse_input_parseInputs(REGISTER_INPUTS, req);
    const registry = register_model_open(req.registry);
    // Each backend checks the name by its own rules (OCI's grammar, MLflow's).
    const name = register_model_required(req.name, 'name', 'the model name, e.g. penguin-classifier');
    registry.checkName(name);
    const files = await modelFiles(register_model_required(req.model, 'model', 'the model file or folder to register'));
    const provenance = {
        gitSha: req['git-sha']?.trim() || env.GITHUB_SHA || undefined,
        runUrl: req['run-url']?.trim() || runUrl(env),
        creator: req.creator?.trim() || env.GITHUB_ACTOR || undefined,
    };
    const mlflowRunId = req['mlflow-run-id']?.trim();
    if (mlflowRunId) {
        if (!/^[0-9a-f]{32}$/i.test(mlflowRunId))
            throw new errors_InputError(`Input 'mlflow-run-id' is '${mlflowRunId}', which is not an MLflow run id (32 hexadecimal characters, as the training step reports it).`, { input: 'mlflow-run-id' });
        provenance.mlflowRunId = mlflowRunId;
    }
    let metrics = {};
    let verdict;
    const metricsSpec = req.metrics?.trim();
    if (metricsSpec) {
        if (/\.json$/i.test(metricsSpec)) {
            const report = await readMetricsReport(metricsSpec, 'metrics');
            metrics = report.metrics;
            if (report.schema === GATE_VERDICT_SCHEMA)
                verdict = { digest: report.digest, ...verdictOutcome(report.document, metricsSpec, 'metrics') };
        }
        else {
            metrics = inlineMetrics(metricsSpec);
        }
    }
    if (req['gate-verdict']?.trim()) {
        const report = await readReport(req['gate-verdict'].trim(), 'gate-verdict', GATE_VERDICT_SCHEMA);
        verdict = { digest: report.digest, ...verdictOutcome(report.document, req['gate-verdict'].trim(), 'gate-verdict') };
    }
    if (verdict)
        provenance.gateVerdict = { digest: verdict.digest, passed: verdict.passed };
    if (req['drift-report']?.trim()) {
        provenance.driftReport = { digest: (await readReport(req['drift-report'].trim(), 'drift-report', DRIFT_REPORT_SCHEMA)).digest };
    }
    const result = await registry.register({ name, files, metrics, provenance, tags: parseTags(req.tags ?? ''), now });
    const warning = verdict && !verdict.passed ? `${name} v${result.version.version} was registered with a GateVerdict that did not pass: ${verdict.why}; it cannot be promoted to a protected alias without force.` : undefined;
    return { ...result, outputs: outputs(result.version), warning };
}
async function runPromote(req, now = new Date()) {
    parse_input_parseInputs(PROMOTE_INPUTS, req);
    const registry = register_model_open(req.registry);
    const name = register_model_required(req.name, 'name', 'the model name');
    const alias = req.alias?.trim() || 'production';
    checkAlias(alias);
    const version = await registry.resolve(name, register_model_required(req.version, 'version', "the version to promote (a number, 'latest', or an alias such as staging)"));
    const force = req.force?.trim() ? parseBooleanText(req.force, 'force') : false;
    const { 'protected-aliases': protectedAliases } = parse_input_parseInputs(PROMOTE_INPUTS, req);
    const gate = version.provenance.gateVerdict;
    let warning;
    if (isProtectedAlias(alias, protectedAliases) && !gate?.passed) {
        const why = gate ? 'its recorded GateVerdict did not pass' : 'no GateVerdict was recorded with it';
        if (!force) {
            const message = `Version ${version.version} of '${name}' cannot be promoted to ${alias} (a protected alias): ${why}; attach the passing quality-gates verdict to it (operation: attach, gate-verdict: modelci-gate-verdict.json), or set force: true to override.`;
            throw new PolicyError(message, { markdown: registry_markdown_renderVersionMarkdown(version, `Refused: ${alias} → ${name} v${version.version}`, undefined, message) });
        }
        warning = `Version ${version.version} was promoted to ${alias} with force: ${why}.`;
    }
    const move = await registry.moveAlias(name, alias, version, { forced: force && warning !== undefined, now });
    if (move.notice)
        warning = warning ? `${warning} ${move.notice}` : move.notice;
    return { version: { ...version, aliases: [...new Set([...version.aliases, alias])].sort() }, move, outputs: { ...outputs(version), 'previous-version': move.previousVersion !== undefined ? String(move.previousVersion) : '' }, warning };
}
async function runResolve(req) {
    parse_input_parseInputs(RESOLVE_INPUTS, req);
    const registry = register_model_open(req.registry);
    const name = register_model_required(req.name, 'name', 'the model name');
    const version = await registry.resolve(name, req.version?.trim() || 'production');
    const files = req.download?.trim() ? await registry.download(version, req.download.trim()) : [];
    return { version, files, outputs: outputs(version) };
}
/**
 * Adds a later step's verdict, drift report and commit to an existing version (the seed's order:
 * register after training, evaluate, then promote); its content and digest stay as they are.
 */
async function runAttach(req, env = process.env, now = new Date()) {
    parse_input_parseInputs(ATTACH_INPUTS, req);
    const registry = register_model_open(req.registry);
    const name = register_model_required(req.name, 'name', 'the model name');
    registry.checkName(name);
    const version = await registry.resolve(name, register_model_required(req.version, 'version', 'the version to attach to (a number, latest, or an alias such as staging)'));
    const attachment = { attachedAt: now.toISOString(), gitSha: req['git-sha']?.trim() || env.GITHUB_SHA || undefined, runUrl: req['run-url']?.trim() || runUrl(env), creator: env.GITHUB_ACTOR || undefined };
    let why;
    const verdictFile = req['gate-verdict']?.trim();
    if (verdictFile) {
        const report = await readReport(verdictFile, 'gate-verdict', GATE_VERDICT_SCHEMA);
        const outcome = verdictOutcome(report.document, verdictFile, 'gate-verdict');
        attachment.gateVerdict = { digest: report.digest, passed: outcome.passed };
        why = outcome.why;
    }
    if (req['drift-report']?.trim())
        attachment.driftReport = { digest: (await readReport(req['drift-report'].trim(), 'drift-report', DRIFT_REPORT_SCHEMA)).digest };
    if (!attachment.gateVerdict && !attachment.driftReport && !req['git-sha']?.trim()) {
        throw new errors_InputError("Nothing to attach: give gate-verdict, drift-report or git-sha.", { input: 'gate-verdict' });
    }
    const updated = await registry.attach(version, attachment);
    const warning = why ? `${name} v${version.version} got a GateVerdict that did not pass: ${why}; it cannot be promoted to a protected alias without force.` : undefined;
    return { version: updated, outputs: outputs(updated), warning };
}
async function runList(req) {
    parse_input_parseInputs(LIST_INPUTS, req);
    return register_model_open(req.registry).list(register_model_required(req.name, 'name', 'the model name'));
}
function register_model_open(uri) {
    return openRegistry(uri?.trim() || DEFAULT_REGISTRY);
}
function outputs(v) {
    return { version: String(v.version), digest: v.digest, uri: redactUri(v.uri), 'git-sha': v.provenance.gitSha ?? '', 'previous-version': '' };
}
/** A file registers as itself; a folder as every file under it, by relative path. */
async function modelFiles(spec) {
    let s;
    try {
        s = await (0,promises_namespaceObject.stat)(spec);
    }
    catch {
        throw new errors_InputError(`The model path ${spec} does not exist; give the trained model file or its folder (check the training step's output path).`, { input: 'model' });
    }
    if (s.isFile())
        return [{ source: spec, path: external_node_path_default().basename(spec) }];
    const files = [];
    const walk = async (dir) => {
        for (const entry of (await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = external_node_path_default().join(dir, entry.name);
            if (entry.isDirectory())
                await walk(full);
            else if (entry.isFile())
                files.push({ source: full, path: external_node_path_default().relative(spec, full).split((external_node_path_default()).sep).join('/') });
        }
    };
    await walk(spec);
    if (files.length === 0)
        throw new errors_InputError(`The model folder ${spec} is empty; point model at the folder the training step wrote.`, { input: 'model' });
    return files;
}
async function readReport(file, input, schema) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch {
        throw new errors_InputError(`The ${input} file ${file} does not exist; give the JSON the earlier step wrote.`, { input, file });
    }
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        throw new errors_InputError(`The ${input} file ${file} is not valid JSON; give the report the earlier step wrote.`, { input, file });
    }
    if (document?.schema !== schema) {
        throw new errors_InputError(`The ${input} file ${file} is not a ${schema} (its schema is ${JSON.stringify(document?.schema ?? null)}); give the report the earlier step wrote.`, { input, file });
    }
    return { digest: `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex')}`, document };
}
function inlineMetrics(text) {
    const out = {};
    for (const part of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
        const m = /^([A-Za-z_][\w.]*)\s*=\s*(\S+)$/.exec(part);
        if (!m || !Number.isFinite(Number(m[2]))) {
            throw new errors_InputError(`Input 'metrics' has '${part}', which is not 'name=number'; give a JSON file with "metrics", or e.g. 'accuracy=0.93, f1=0.91'.`, { input: 'metrics' });
        }
        out[m[1]] = Number(m[2]);
    }
    return out;
}
function parseTags(text) {
    const out = {};
    for (const part of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
        const i = part.indexOf('=');
        if (i <= 0)
            throw new errors_InputError(`Input 'tags' has '${part}', which is not 'key=value'; write e.g. 'dataset=2026-11, owner=ml-team'.`, { input: 'tags' });
        out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
    }
    return out;
}
function runUrl(env) {
    return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
}
function register_model_required(value, name, what) {
    const v = value?.trim();
    if (!v)
        throw new errors_InputError(`Input '${name}' is required: give ${what}.`, { input: name });
    return v;
}
/** The register-model action's one step: which operation, its outputs, and the summary to show. */
async function runRegistryOperation(req) {
    const { operation } = parseInputs(REGISTER_MODEL_INPUTS, req);
    if (operation === 'register') {
        const r = await runRegister(req);
        return { outputs: r.outputs, warning: r.warning, markdown: renderVersionMarkdown(r.version, r.existing ? `${r.version.name} v${r.version.version}: identical content, nothing new registered` : `Registered ${r.version.name} v${r.version.version}`) };
    }
    if (operation === 'promote') {
        const r = await runPromote(req);
        return { outputs: r.outputs, warning: r.warning, markdown: renderVersionMarkdown(r.version, `${r.move.alias} → ${r.version.name} v${r.move.version}`, r.move, r.warning) };
    }
    if (operation === 'resolve') {
        const r = await runResolve(req);
        return { outputs: r.outputs, markdown: renderVersionMarkdown(r.version, `${r.version.name} ${req.version?.trim() || 'production'} is v${r.version.version}`) };
    }
    if (operation === 'attach') {
        const r = await runAttach(req);
        return { outputs: r.outputs, warning: r.warning, markdown: renderVersionMarkdown(r.version, `Attached to ${r.version.name} v${r.version.version}`, undefined, r.warning) };
    }
    if (operation === 'list') {
        return { markdown: renderVersionListMarkdown(req.name ?? '', await runList(req)) };
    }
    throw new InputError(`Input 'operation' is '${operation}'; use register, promote, resolve, list or attach.`, { input: 'operation' });
}

;// CONCATENATED MODULE: ./packages/core/src/render/canary-markdown.ts



const HEADLINES = {
    promoted: '✅ Canary promoted',
    'rolled-back': '↩️ Canary rolled back',
    failed: '❌ Rollback FAILED',
    'dry-run': '🧪 Dry run',
    initializing: '⏳ Canary starting',
    progressing: '⏳ Canary in progress',
    promoting: '⏳ Canary being promoted',
    'rolling-back': '⏳ Canary rolling back',
};
/** GitHub caps a step's summary at 1 MiB: the checks table keeps the last rows. */
const MAX_CHECK_ROWS = 200;
function renderDeploymentMarkdown(r) {
    const m = r.model;
    const what = [m.name, m.version ? `v${m.version}` : undefined, m.gitSha ? `(${m.gitSha.slice(0, 12)})` : undefined].filter(Boolean).join(' ');
    const headline = r.state === 'failed' && r.serving === 'canary' ? '⚠️ Promotion stopped, the canary serves 100%' : HEADLINES[r.state];
    const lines = [markdown_mdHeading(2, `${headline}${what ? `: ${markdown_mdText(what)}` : ''}`), ''];
    if (r.reason)
        lines.push(`> ${markdown_mdText(r.reason)}`, '');
    if (r.serving === 'canary') {
        lines.push(`**The canary servers serve 100% of traffic; the stable servers still run the old version.** Next: put ${markdown_mdText(what || 'the new version')} on the stable servers, then give them all traffic back (\`modelci rollback --router …\`), or set \`promote-command\` so that canary-deploy does both.`, '');
    }
    for (const w of r.warnings ?? [])
        lines.push(`> [!WARNING]`, `> ${markdown_mdText(w)}`, '');
    const checks = r.steps.flatMap((s) => s.checks);
    const p = r.policy;
    lines.push('| | |', '|---|---|', `| router | ${mdCodeCell(redactUri(r.router))} |`, `| metrics | ${mdCodeCell(redactUri(r.metrics))} |`, `| steps | ${p.steps.map((w) => formatPercent(w)).join(' → ')} → 100% |`, `| per step | ${formatDuration(p.intervalMs)}, a check every ${formatDuration(p.checkIntervalMs)}, at least ${p.minRequests} canary requests per check |`, `| thresholds | error rate ≤ ${formatPercent(p.maxErrorRate)}${p.maxLatencyP99Ms !== null ? `, p99 ≤ ${formatNumber(p.maxLatencyP99Ms)} ms` : ''}${p.maxLatencyRatio !== null ? `, p99 ≤ ${p.maxLatencyRatio}x stable's` : ''}; ${p.failedChecks} failed check${p.failedChecks > 1 ? 's' : ''} roll back |`, `| sequential test | canary errors ${p.errorRateRatio}x stable's, false-rollback rate ${formatPercent(p.falseRollbackRate)} |`, `| error-rate confidence | ${formatPercent(p.errorRateConfidence ?? 0.95)} (Wilson lower bound, on each step's cumulative counts) |`, `| final canary share | ${r.finalWeight === undefined ? '–' : formatPercent(r.finalWeight)}${r.serving ? ` (the ${r.serving} servers serve everything)` : ''} |`, `| checks | ${tally(checks)} |`, `| duration | ${duration(r)} |`, '');
    if (checks.length > 0)
        lines.push(...charts(r, checks), '');
    if (checks.length > 0) {
        // One row per step, plus the failed and the deciding checks: readable at any length.
        lines.push('### Steps', '', '| step | share | checks | canary requests (step) | canary errors (step) | last decision | why |', '|---:|---:|---|---:|---:|---|---|');
        r.steps.forEach((st, i) => {
            const last = st.checks.at(-1);
            const totals = last?.step?.canary ?? last?.canary;
            lines.push(`| ${i + 1} | ${formatPercent(st.weight)} | ${st.checks.length > 0 ? tally(st.checks) : '–'} | ${totals ? canary_markdown_n(totals.requests) : '–'} | ${totals ? canary_markdown_n(totals.errors) : '–'} | ${last?.decision ?? '–'} | ${last ? markdown_mdText(last.reasons.join('; ')) : ''} |`);
        });
        lines.push('');
        const deciding = checks.at(-1);
        const notable = checks.filter((c) => c.decision === 'fail' || c.decision === 'bad canary' || (c === deciding && r.state !== 'promoted'));
        if (notable.length > 0) {
            lines.push('### Failed and deciding checks', '', ...canary_markdown_checkTable(notable), '');
        }
        lines.push('<details><summary>Every check</summary>', '');
        if (checks.length > MAX_CHECK_ROWS)
            lines.push(`The last ${MAX_CHECK_ROWS} of ${checks.length} checks; all are in the JSON record.`, '');
        lines.push(...canary_markdown_checkTable(checks.slice(-MAX_CHECK_ROWS)), '', '</details>', '');
    }
    lines.push('### Events', '', '| time | state | canary share | |', '|---|---|---:|---|');
    for (const e of r.events)
        lines.push(`| ${e.at.slice(11, 19)} | ${e.state} | ${e.weight === null ? '–' : formatPercent(e.weight)} | ${markdown_mdText(e.message)} |`);
    return lines.join('\n') + '\n';
}
function canary_markdown_checkTable(checks) {
    const rows = ['| time | share | canary requests | errors | error rate | p99 | stable requests | error rate | p99 | sequential LR | decision | why |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|'];
    for (const c of checks) {
        const lr = Math.exp(c.sequential.llr);
        rows.push(`| ${c.at.slice(11, 19)} | ${formatPercent(c.weight)} | ${canary_markdown_n(c.canary.requests)} | ${canary_markdown_n(c.canary.errors)} | ${formatPercent(c.canary.errorRate)} | ${canary_markdown_ms(c.canary.p99Ms)} | ${canary_markdown_n(c.stable.requests)} | ${formatPercent(c.stable.errorRate)} | ${canary_markdown_ms(c.stable.p99Ms)} | ${formatNumber(lr)} / ${formatNumber(Math.exp(c.sequential.upper))} | ${c.decision} | ${markdown_mdText(c.reasons.join('; '))} |`);
    }
    return rows;
}
/** "N (p passed, f failed, i inconclusive)": the sequential test's deciding check counts as failed. */
function tally(checks) {
    const bad = count(checks, 'bad canary');
    const notJudged = count(checks, 'not judged');
    return `${checks.length} (${count(checks, 'pass')} passed, ${count(checks, 'fail') + bad} failed${bad ? ` (${bad} by the sequential test)` : ''}, ${count(checks, 'inconclusive')} inconclusive${notJudged ? `, ${notJudged} not judged` : ''})`;
}
function duration(r) {
    const took = Date.parse(r.finishedAt ?? r.events.at(-1)?.at ?? r.startedAt) - Date.parse(r.startedAt);
    const planned = r.policy.steps.length * r.policy.intervalMs;
    return `${formatDuration(Math.round(took / 1000) * 1000)} of ${formatDuration(planned)} planned (timeout ${formatDuration(r.policy.timeoutMs)})`;
}
/** Mermaid's default first colour (#ECECFF) is invisible on white: red canary, blue stable. */
const PALETTE = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#d73a49, #0366d6, #6a737d"}}}}%%';
function charts(r, checks) {
    const start = Date.parse(r.startedAt);
    const shown = checks.slice(-60);
    const x = shown.map((c) => String(Math.round((Date.parse(c.at) - start) / 1000)));
    const rate = (v) => (v === null ? 0 : Number((v * 100).toFixed(3)));
    const canary = shown.map((c) => rate(c.canary.errorRate));
    const stable = shown.map((c) => rate(c.stable.errorRate));
    const top = Math.max(1, ...canary, ...stable);
    const p99 = (v) => (v === null ? 0 : Number(v.toFixed(1)));
    const limit = r.policy.maxLatencyP99Ms;
    const p99Top = Math.max(1, ...shown.map((c) => p99(c.canary.p99Ms)), ...shown.map((c) => p99(c.stable.p99Ms)), limit ?? 0);
    return [
        '### Canary share, error rates and p99', '',
        '```mermaid', PALETTE, 'xychart-beta', '  title "Canary share of traffic (%)"', `  x-axis "seconds since start" [${x.join(', ')}]`, '  y-axis "%" 0 --> 100',
        `  line [${shown.map((c) => Number((c.weight * 100).toFixed(2))).join(', ')}]`, '```', '',
        '```mermaid', PALETTE, 'xychart-beta', '  title "Error rate per check (%): canary red, stable blue"', `  x-axis "seconds since start" [${x.join(', ')}]`, `  y-axis "%" 0 --> ${Math.ceil(top * 10) / 10}`,
        `  line [${canary.join(', ')}]`, `  line [${stable.join(', ')}]`, '```', '',
        '```mermaid', PALETTE, 'xychart-beta', `  title "p99 per check (ms): canary red, stable blue${limit !== null ? `, limit ${formatNumber(limit)} ms grey` : ''}"`, `  x-axis "seconds since start" [${x.join(', ')}]`, `  y-axis "ms" 0 --> ${Math.ceil(p99Top * 1.1)}`,
        `  line [${shown.map((c) => p99(c.canary.p99Ms)).join(', ')}]`, `  line [${shown.map((c) => p99(c.stable.p99Ms)).join(', ')}]`,
        ...(limit !== null ? [`  line [${shown.map(() => limit).join(', ')}]`] : []), '```', '',
        `Checks without an error rate or p99 (no data or no traffic) are drawn at 0; the tables say which. Counts with decimals are Prometheus's extrapolations (≈). A histogram's p99 is an estimate within its bucket bounds.${stableOver(r, checks)}${checks.length > shown.length ? ` The charts show the last ${shown.length} of ${checks.length} checks.` : ''}`,
    ];
}
function count(checks, d) {
    return checks.filter((c) => c.decision === d).length;
}
function canary_markdown_n(v) {
    return v === null ? 'no data' : Number.isInteger(v) ? formatNumber(v) : `≈ ${formatNumber(v)}`;
}
/** Stable over the limits too: the canary is not the only problem. */
function stableOver(r, checks) {
    const p = r.policy;
    const over = checks.filter((c) => (c.stable.errorRate !== null && c.stable.errorRate > p.maxErrorRate) || (p.maxLatencyP99Ms !== null && c.stable.p99Ms !== null && c.stable.p99Ms > p.maxLatencyP99Ms));
    return over.length > 0 ? ` **Stable was over the limits too** in ${over.length} of ${checks.length} checks.` : '';
}
function canary_markdown_ms(v) {
    return v === null ? '–' : `${formatNumber(v)} ms`;
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/canary-policy.ts
/**
 * The canary policy: how traffic steps up and what counts as healthy, read from the action's
 * inputs (or the CLI's flags) with the seed pipeline's numbers as defaults: start at 5%, +10%
 * every 5 minutes, roll back above 1% errors or 150 ms p99.
 */


/** The documented defaults, as the user would type them. */
const CANARY_DEFAULTS = {
    'initial-weight': '5%',
    'step-weight': '10%',
    'max-weight': '100%',
    interval: '5m',
    'check-interval': '30s',
    'max-error-rate': '1%',
    'error-rate-confidence': '95%',
    'max-latency-p99': '150ms',
    'error-rate-ratio': '10',
    'false-rollback-rate': '1%',
    'min-requests': '50',
    'failed-checks': '2',
    'metrics-failures': '3',
    'rollback-timeout': '10m',
    'dry-run': 'false',
    resume: 'true',
    'start-from-full-canary': 'false',
};
function parseCanaryPolicy(req) {
    const get = (name) => req[name]?.trim() || CANARY_DEFAULTS[name];
    const maxWeight = parseWeight(get('max-weight'), 'max-weight');
    if (maxWeight === 0)
        throw new errors_InputError(`Input 'max-weight' is 0: the canary would never get traffic; give the share before promotion, e.g. 50% or 100%.`, { input: 'max-weight' });
    const steps = req.steps?.trim() ? parseSteps(req.steps) : stepSchedule(parseWeight(get('initial-weight'), 'initial-weight'), parseWeight(get('step-weight'), 'step-weight'), maxWeight);
    if (req.steps?.trim() && steps[steps.length - 1] > maxWeight) {
        throw new errors_InputError(`Input 'steps' goes up to ${canary_policy_pct(steps[steps.length - 1])}, above max-weight ${canary_policy_pct(maxWeight)}; drop the larger steps or raise max-weight.`, { input: 'steps' });
    }
    const intervalMs = parseDuration(get('interval'), 'interval');
    const checkIntervalMs = parseDuration(get('check-interval'), 'check-interval');
    if (checkIntervalMs > intervalMs) {
        throw new errors_InputError(`Input 'check-interval' (${req['check-interval']}) is longer than 'interval' (${get('interval')}): a step would end before its first check; make check-interval at most the step interval.`, { input: 'check-interval' });
    }
    const latency = req['max-latency-p99']?.trim();
    const ratio = req['max-latency-ratio']?.trim();
    const timeout = req.timeout?.trim();
    // Twice the planned rollout: room for steps that wait for enough traffic, yet bounded.
    const plannedMs = steps.length * intervalMs;
    return {
        steps,
        intervalMs,
        checkIntervalMs,
        maxErrorRate: parseRate(get('max-error-rate'), 'max-error-rate'),
        errorRateConfidence: parseConfidence(get('error-rate-confidence')),
        // A bare number is milliseconds, as in quality-gates (the seed's `150`).
        maxLatencyP99Ms: latency?.toLowerCase() === 'none' ? null : parseLatencyText(latency || CANARY_DEFAULTS['max-latency-p99'], 'max-latency-p99'),
        maxLatencyRatio: ratio ? parseFactor(ratio, 'max-latency-ratio', 1) : null,
        errorRateRatio: parseFactor(get('error-rate-ratio'), 'error-rate-ratio', 1),
        falseRollbackRate: parseFalseRollbackRate(get('false-rollback-rate')),
        minRequests: parseCount(get('min-requests'), 'min-requests', 1),
        failedChecks: parseCount(get('failed-checks'), 'failed-checks', 1),
        metricsFailures: parseCount(get('metrics-failures'), 'metrics-failures', 1),
        timeoutMs: timeout ? parseDuration(timeout, 'timeout') : 2 * plannedMs,
        rollbackTimeoutMs: parseDuration(get('rollback-timeout'), 'rollback-timeout'),
        dryRun: parseBoolean(get('dry-run'), 'dry-run'),
        resume: parseBoolean(get('resume'), 'resume'),
        startFromFullCanary: parseBoolean(get('start-from-full-canary'), 'start-from-full-canary'),
    };
}
/** initial, initial + step, … below max-weight, then max-weight itself when it is below 100%. */
function stepSchedule(initial, step, max) {
    if (initial === 0)
        throw new errors_InputError(`Input 'initial-weight' is 0: the first step would send the canary nothing to judge; give a share such as 5%.`, { input: 'initial-weight' });
    if (initial > max)
        throw new errors_InputError(`Input 'initial-weight' (${canary_policy_pct(initial)}) is above max-weight (${canary_policy_pct(max)}); lower it or raise max-weight.`, { input: 'initial-weight' });
    if (step === 0)
        throw new errors_InputError(`Input 'step-weight' is 0: the canary would never move past ${canary_policy_pct(initial)}; give a step such as 10%, or list the shares in 'steps'.`, { input: 'step-weight' });
    const steps = [];
    // Integer arithmetic in 1e-6 units keeps 5% + 9 × 10% at exactly 95%.
    const unit = 1e6;
    for (let w = Math.round(initial * unit); w < Math.round(max * unit) || steps.length === 0; w += Math.round(step * unit))
        steps.push(w / unit);
    if (max < 1 && steps[steps.length - 1] < max)
        steps.push(max);
    return steps;
}
function parseSteps(text) {
    const steps = text.split(/[\s,]+/).filter(Boolean).map((s) => parseWeight(s, 'steps'));
    for (let i = 0; i < steps.length; i++) {
        if (steps[i] === 0)
            throw new errors_InputError(`Input 'steps' has a step of 0; every step must send the canary some traffic (e.g. 5%, 25%, 50%).`, { input: 'steps' });
        if (i > 0 && steps[i] <= steps[i - 1]) {
            throw new errors_InputError(`Input 'steps' does not increase: ${canary_policy_pct(steps[i])} comes after ${canary_policy_pct(steps[i - 1])}; list the canary's shares in rising order, e.g. 5%, 25%, 50%.`, { input: 'steps' });
        }
    }
    return steps;
}
/** A share of traffic: `5%` or `0.05` (the shared rule). */
function parseWeight(text, input) {
    return parseShareText(text, input);
}
function parseRate(text, input) {
    const v = parseRateText(text, input);
    if (v === 0)
        throw new errors_InputError(`Input '${input}' is 0: every error would fail the canary; give a rate such as 1%.`, { input });
    return v;
}
/** `30s`, `5m`, `1h`, `250ms`; a bare number is refused (the shared rule). */
function parseDuration(text, input) {
    return parseDurationText(text, input);
}
function parseFactor(text, input, above) {
    const v = Number(text.replace(/x$/i, ''));
    if (!(Number.isFinite(v) && v > above))
        throw new errors_InputError(`Input '${input}' is '${text}'; give a factor above ${above}, e.g. 1.5 or 2x.`, { input });
    return v;
}
function parseConfidence(text) {
    const v = parseShareText(text, 'error-rate-confidence');
    if (!(v >= 0.5 && v < 1))
        throw new errors_InputError(`Input 'error-rate-confidence' is '${text}'; give a confidence from 50% up to (not including) 100%, e.g. 95%.`, { input: 'error-rate-confidence' });
    return v;
}
function parseFalseRollbackRate(text) {
    const v = parseRateText(text, 'false-rollback-rate');
    if (!(v > 0 && v < 0.5))
        throw new errors_InputError(`Input 'false-rollback-rate' is '${text}'; give a small chance strictly between 0 and 50%, e.g. 1%.`, { input: 'false-rollback-rate' });
    return v;
}
function parseCount(text, input, min) {
    return parseCountText(text, input, min, 1e9);
}
function parseBoolean(text, input) {
    return parseBooleanText(text, input);
}
function canary_policy_pct(w) {
    return `${Number((w * 100).toPrecision(4))}%`;
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/deployment-record.ts
const DEPLOYMENT_RECORD_SCHEMA = 'modelci/deployment-record@1';

;// CONCATENATED MODULE: ./packages/core/src/rollout/sequential-error-test.ts
/**
 * Is the canary failing more often than the stable version? A sequential probability ratio test
 * (Wald, 1945) that may be looked at after every metrics scrape: its error rates hold at every
 * look, so a clearly bad canary is rolled back after a handful of errors instead of after a
 * fixed window, and a healthy one is not rolled back by chance more often than `alpha`.
 *
 * The test conditions on the errors: with canary and stable serving nc and ns requests, whose
 * error rates are pc and ps, an error comes from the canary with probability
 * q = nc·pc / (nc·pc + ns·ps). H0 (healthy): pc = ps, so q0 = nc / (nc + ns), the canary's share of
 * traffic. H1 (bad): pc = riskRatio·ps. Each window adds ec·ln(q1/q0) + es·ln((1−q1)/(1−q0)) to
 * the log-likelihood ratio; the shares may change from window to window (traffic steps up),
 * which the per-window q0 and q1 absorb. The stable version's own error level cancels out, so a
 * stable version that is itself having a bad day cannot make a bad canary look good, and a
 * canary is not blamed for errors both versions share.
 */
function startSequentialTest(options) {
    const { alpha, beta, riskRatio } = options;
    if (!(alpha > 0 && alpha < 0.5) || (beta !== undefined && !(beta > 0 && beta < 0.5)))
        throw new RangeError(`alpha and beta must lie in (0, 0.5); got ${alpha} and ${beta}.`);
    if (!(riskRatio > 1))
        throw new RangeError(`riskRatio must exceed 1; got ${riskRatio}.`);
    return beta === undefined
        ? { llr: 0, upper: Math.log(1 / alpha), lower: -Infinity, decision: 'continue', windows: 0, canaryErrors: 0, stableErrors: 0 }
        : { llr: 0, upper: Math.log((1 - beta) / alpha), lower: Math.log(beta / (1 - alpha)), decision: 'continue', windows: 0, canaryErrors: 0, stableErrors: 0 };
}
/**
 * Adds one window of counts. Windows with no traffic on either side carry no evidence and leave
 * the state as it was (never a pass). Once a decision is reached it stays.
 */
function updateSequentialTest(state, w, options) {
    if (state.decision !== 'continue')
        return state;
    const { canaryRequests: nc, canaryErrors: ec, stableRequests: ns, stableErrors: es } = w;
    for (const [name, v] of Object.entries(w)) {
        if (!Number.isFinite(v) || v < 0)
            throw new RangeError(`${name} must be a finite count >= 0; got ${v}.`);
    }
    if (ec > nc || es > ns)
        throw new RangeError(`errors cannot exceed requests (canary ${ec}/${nc}, stable ${es}/${ns}).`);
    if (nc === 0 || ns === 0)
        return { ...state, windows: state.windows + 1 };
    const q0 = nc / (nc + ns);
    const q1 = (options.riskRatio * nc) / (options.riskRatio * nc + ns);
    const llr = state.llr + ec * Math.log(q1 / q0) + es * Math.log((1 - q1) / (1 - q0));
    const decision = llr >= state.upper ? 'bad' : llr <= state.lower ? 'healthy' : 'continue';
    return { ...state, llr, decision, windows: state.windows + 1, canaryErrors: state.canaryErrors + ec, stableErrors: state.stableErrors + es };
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/judge-check.ts
/**
 * One check of a canary: the metrics of one window against the policy's thresholds. Absolute
 * thresholds (error rate, p99) fail a check; anything missing or too thin to judge makes it
 * "inconclusive", which never counts as a pass. The sequential test (relative to stable) runs
 * on every window with data, however thin: thin windows are what it is built for.
 */



function summarize(m) {
    const errorRate = m.requests !== null && m.errors !== null && m.requests > 0 ? Math.min(1, m.errors / m.requests) : null;
    return { ...m, errorRate };
}
/**
 * Judges a reading taken while the router held `weight` since `weightSince` (ms). A reading that
 * reaches back before the last weight change mixes two traffic splits and is not judged. The
 * sequential test takes the window's counts; the thresholds judge `totals`, the counts since the
 * step began (evidence accumulates over a step: at low traffic one window is too thin), else the window.
 */
function judgeCheck(reading, weightSince, policy, sequential, totals) {
    const windowed = { canary: summarize(reading.canary), stable: summarize(reading.stable) };
    const canary = totals ? summarize(totals.canary) : windowed.canary;
    const stable = totals ? summarize(totals.stable) : windowed.stable;
    if (reading.from.getTime() < weightSince) {
        return { decision: 'not judged', reasons: [`the window starts at ${reading.from.toISOString()}, before the weight changed at ${new Date(weightSince).toISOString()}`], sequential, ...windowed };
    }
    const seq = sequentialUpdate(sequential, reading, policy);
    const reasons = [];
    if (seq.state.decision === 'bad') {
        const st = seq.state;
        reasons.push(`sequential test: ${fmt(st.canaryErrors)} canary errors against ${fmt(st.stableErrors)} stable errors make "the canary fails ${policy.errorRateRatio}x as often" ${Number(Math.exp(st.llr).toPrecision(3))} times likelier than "as often as stable", past the rollback bound ${Number(Math.exp(st.upper).toPrecision(3))} (false-rollback rate ${canary_policy_pct(policy.falseRollbackRate)})`);
        return { decision: 'bad canary', reasons, sequential: seq.state, ...windowed };
    }
    if (seq.note)
        reasons.push(seq.note);
    const failed = [];
    const missing = [];
    if (canary.requests === null)
        missing.push('no data for canary requests');
    else if (canary.requests < policy.minRequests)
        missing.push(`${fmt(canary.requests)} canary requests, fewer than min-requests ${policy.minRequests}`);
    else {
        if (canary.errors === null)
            missing.push('no data for canary errors');
        else {
            const n = Math.max(1, Math.round(canary.requests));
            const e = Math.min(n, Math.max(0, Math.round(canary.errors)));
            const [low] = wilsonInterval(e, n, policy.errorRateConfidence);
            const bound = `${canary_policy_pct(policy.errorRateConfidence)} lower bound ${canary_policy_pct(low)}`;
            const rate = canary.errorRate;
            if (rate > policy.maxErrorRate && low > policy.maxErrorRate)
                failed.push(`error rate ${canary_policy_pct(rate)} (${fmt(canary.errors)} of ${fmt(canary.requests)}) is above ${canary_policy_pct(policy.maxErrorRate)} (${bound})`);
            else if (rate > policy.maxErrorRate)
                missing.push(`error rate ${canary_policy_pct(rate)} (${fmt(canary.errors)} of ${fmt(canary.requests)}) is above ${canary_policy_pct(policy.maxErrorRate)} but could be chance (${bound})`);
            else
                reasons.push(`error rate ${canary_policy_pct(rate)} (${fmt(canary.errors)} of ${fmt(canary.requests)}) <= ${canary_policy_pct(policy.maxErrorRate)}`);
        }
        if (policy.maxLatencyP99Ms !== null) {
            if (canary.p99Ms === null)
                missing.push('no data for canary p99');
            else if (canary.p99Ms > policy.maxLatencyP99Ms)
                failed.push(`p99 ${judge_check_ms(canary.p99Ms)} is above ${judge_check_ms(policy.maxLatencyP99Ms)}`);
            else
                reasons.push(`p99 ${judge_check_ms(canary.p99Ms)} <= ${judge_check_ms(policy.maxLatencyP99Ms)}`);
        }
        if (policy.maxLatencyRatio !== null && canary.p99Ms !== null) {
            // A stable version without traffic or data cannot vouch for the canary: not judged, not passed.
            if (stable.p99Ms === null || stable.requests === null || stable.requests < policy.minRequests)
                missing.push(`no stable p99 to compare with (${stable.requests === null ? 'no data' : `${fmt(stable.requests)} stable requests`})`);
            else if (canary.p99Ms > policy.maxLatencyRatio * stable.p99Ms)
                failed.push(`p99 ${judge_check_ms(canary.p99Ms)} is above ${policy.maxLatencyRatio}x stable's ${judge_check_ms(stable.p99Ms)}`);
            else
                reasons.push(`p99 ${judge_check_ms(canary.p99Ms)} <= ${policy.maxLatencyRatio}x stable's ${judge_check_ms(stable.p99Ms)}`);
        }
    }
    const decision = failed.length > 0 ? 'fail' : missing.length > 0 ? 'inconclusive' : 'pass';
    return { decision, reasons: [...failed, ...missing, ...reasons], sequential: seq.state, ...windowed };
}
function sequentialUpdate(state, r, policy) {
    const { canary: c, stable: s } = r;
    if (c.requests === null || c.errors === null || s.requests === null || s.errors === null) {
        return { state, note: 'sequential test: no data on one side, window skipped' };
    }
    // Prometheus's increase() extrapolates, which can put errors a hair above requests.
    const counts = { canaryRequests: c.requests, canaryErrors: Math.min(c.errors, c.requests), stableRequests: s.requests, stableErrors: Math.min(s.errors, s.requests) };
    const next = updateSequentialTest(state, counts, { alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio });
    if (s.requests === 0)
        return { state: next, note: 'sequential test: stable served nothing, window skipped' };
    return { state: next };
}
function fmt(n) {
    return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
function judge_check_ms(v) {
    return `${Number(v.toPrecision(4))} ms`;
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/roll-back-router.ts
/**
 * The rollback itself: canary weight 0, read back, retried until it holds or `timeoutMs` has
 * passed. A router that is down for a few minutes (a restart, a frozen load balancer) must still
 * end with stable serving everything, so the rollback outlasts outages instead of giving up after
 * a few seconds; every wait is logged so the job log shows why the step is still running.
 */


/** HAProxy keeps weights in 1/256 steps: a held weight within this of the asked one is the same. */
const roll_back_router_WEIGHT_TOLERANCE = 1 / 256;
const realClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
class RollBackFailed extends Error {
    attempts;
    waitedMs;
    constructor(message, attempts, waitedMs) {
        super(message);
        this.attempts = attempts;
        this.waitedMs = waitedMs;
    }
}
/** Returns the canary share the router holds (≈0); throws RollBackFailed when the time is up. */
async function rollBackRouter(router, options = {}) {
    const { clock = realClock, timeoutMs = 60_000, log = () => { } } = options;
    const maxBackoff = options.maxBackoffMs ?? 10_000;
    const start = clock.now();
    for (let i = 1;; i++) {
        try {
            // No signal: a cancelled job must still get its traffic back.
            await router.setWeights(0);
            const held = await router.getWeights();
            if (held.canary > roll_back_router_WEIGHT_TOLERANCE)
                throw new Error(`the router still holds ${canary_policy_pct(held.canary)} for the canary`);
            if (i > 1)
                log(`rolling back: the router took 0% for the canary at attempt ${i}, after ${formatDuration(clock.now() - start)}`);
            return held.canary;
        }
        catch (e) {
            const message = e.message.replace(/\.$/, '');
            const waited = clock.now() - start;
            const wait = Math.min(maxBackoff, 500 * 2 ** (i - 1), Math.max(0, timeoutMs - waited));
            if (waited >= timeoutMs || wait <= 0) {
                throw new RollBackFailed(`the router did not take 0% for the canary in ${i} attempt${i > 1 ? 's' : ''} over ${formatDuration(waited)} (rollback-timeout ${formatDuration(timeoutMs)}); last: ${message}`, i, waited);
            }
            log(`rolling back: attempt ${i} failed (${message}); trying again in ${formatDuration(wait)} (waited ${formatDuration(waited)} of rollback-timeout ${formatDuration(timeoutMs)})`);
            await clock.sleep(wait);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/traffic-plan.ts
/**
 * What a plan can judge at the traffic there is: from the requests/s both versions served just
 * before the rollout, how many canary requests each step gets in its interval and how long it
 * needs to reach min-requests (a step waits for them, judged on its cumulative counts). When the
 * whole plan cannot reach them within its timeout, it is refused up front with the numbers and
 * the fixes, instead of rolling back after the timeout for a reason that hides the traffic.
 */



/** Per step: max(interval, time to min-requests) plus one check, rounded up to whole checks. */
function planTraffic(policy, rate, first = 0) {
    const steps = policy.steps.slice(first);
    const need = (w) => (rate > 0 ? (policy.minRequests / (rate * w)) * 1000 : Infinity);
    const stepMs = (w) => Math.ceil(Math.max(policy.intervalMs, need(w)) / policy.checkIntervalMs) * policy.checkIntervalMs + policy.checkIntervalMs;
    const expectedMs = steps.reduce((t, w) => t + stepMs(w), 0);
    const w0 = steps[0];
    const perInterval = rate * w0 * (policy.intervalMs / 1000);
    const r = Number(rate.toPrecision(3));
    const sentence = `at ${r} requests/s (both versions, measured before the start), the first step (${canary_policy_pct(w0)}) gets ≈ ${Math.round(perInterval)} canary requests per ${formatDuration(policy.intervalMs)} step${need(w0) > policy.intervalMs ? `, fewer than min-requests ${policy.minRequests}: it lasts ≈ ${formatDuration(roundTo(need(w0), need(w0) > 120_000 ? 60_000 : 1000))} instead` : ''}; the plan needs ≈ ${formatDuration(roundTo(expectedMs, expectedMs > 120_000 ? 60_000 : 1000))} of its timeout ${formatDuration(policy.timeoutMs)}`;
    // Only traffic is refused here: a plan too long for its timeout at any traffic is the timeout's business.
    const anyTrafficMs = steps.reduce((t) => t + Math.ceil(policy.intervalMs / policy.checkIntervalMs) * policy.checkIntervalMs + policy.checkIntervalMs, 0);
    if (expectedMs > policy.timeoutMs && anyTrafficMs <= policy.timeoutMs) {
        const minShare = rate > 0 ? policy.minRequests / (rate * (policy.intervalMs / 1000)) : Infinity;
        throw new errors_InputError(`Too little traffic for this plan: ${sentence}. Give the canary more traffic per step (initial-weight${Number.isFinite(minShare) && minShare <= 1 ? ` of at least ${canary_policy_pct(Math.ceil(minShare * 1000) / 1000)}` : ''}, or fewer, larger steps), lower min-requests, lengthen interval, or set a timeout of at least ${formatDuration(Math.ceil(expectedMs / 60_000) * 60_000)}.`, { input: 'min-requests' });
    }
    return { rate, expectedMs, sentence };
}
function roundTo(ms, unit) {
    return Math.ceil(ms / unit) * unit;
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/canary-analysis.ts
/**
 * The canary rollout loop: one analysis loop whose every decision moves the rollout to a named
 * state (Flagger's controller is the model). Each step sets the canary's share, reads it back,
 * then checks the metrics every check interval until the step has lasted its interval and its
 * last check passed. A bad canary (sequential test) is rolled back at the check that shows it;
 * failed checks, a router that stops holding its weight, a metrics source that keeps failing,
 * the timeout and cancellation roll back too. Whatever happens, the loop ends with the stable
 * version serving all traffic unless the canary was promoted.
 */










const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, Math.max(0, ms));
        const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
class RollBack extends Error {
}
/** The record is final already (a promotion that stalled with the canary serving). */
class Settled extends Error {
}
function emptyTotals() {
    return { requests: null, errors: null, p99Ms: null };
}
/** Adds a window's counts to the step's; p99 cannot be added, so the latest window's stands. */
function addTotals(totals, reading) {
    for (const side of ['canary', 'stable']) {
        const t = totals[side];
        const r = reading[side];
        if (r.requests !== null)
            t.requests = (t.requests ?? 0) + r.requests;
        if (r.errors !== null)
            t.errors = (t.errors ?? 0) + r.errors;
        if (r.p99Ms !== null)
            t.p99Ms = r.p99Ms;
    }
}
function versionName(model) {
    return model.version ? `${model.name ?? 'the model'} v${model.version}` : (model.name ?? 'the new version');
}
/** Checks that the router and the metrics source answer; throws an InputError before anything moves. */
async function preflight(deps, checkWindowMs) {
    const weights = await deps.router.getWeights(deps.signal);
    await deps.metrics.check(checkWindowMs, deps.signal);
    return weights.canary;
}
async function runRollout(policy, deps, model = {}) {
    const clock = deps.clock ?? systemClock;
    const log = deps.log ?? (() => { });
    const attempts = deps.routerAttempts ?? 4;
    const iso = (t = clock.now()) => new Date(t).toISOString();
    const startedAt = clock.now();
    const record = {
        schema: DEPLOYMENT_RECORD_SCHEMA, model, router: redactUri(deps.router.uri), metrics: redactUri(deps.metrics.uri), policy,
        startedAt: iso(startedAt), state: 'initializing', steps: [], events: [],
    };
    let weight = await preflight(deps, policy.checkIntervalMs);
    const save = async () => {
        try {
            await deps.onRecord?.(record);
        }
        catch (e) {
            const warning = `The deployment record could not be written (${e.message.replace(/\.$/, '')}); the rollout goes on, and traffic is moved regardless.`;
            if (!record.warnings?.includes(warning)) {
                (record.warnings ??= []).push(warning);
                log(`warning: ${warning}`);
            }
        }
    };
    const note = (state, message) => {
        record.state = state;
        record.events.push({ at: iso(), state, weight, message });
        log(`${state}: ${message}`);
    };
    const event = async (state, message) => {
        note(state, message);
        await save();
    };
    /** Retries with exponential backoff; the last error is thrown. */
    const retry = async (what, tries, signal) => {
        for (let i = 1;; i++) {
            try {
                return await what();
            }
            catch (e) {
                if (i >= tries || signal?.aborted)
                    throw e;
                log(`retrying after: ${e.message}`);
                await clock.sleep(500 * 2 ** (i - 1), signal);
            }
        }
    };
    const setAndVerify = async (w, signal) => {
        await retry(async () => {
            await deps.router.setWeights(w, signal);
            const held = await deps.router.getWeights(signal);
            if (Math.abs(held.canary - w) > roll_back_router_WEIGHT_TOLERANCE)
                throw new Error(`the router holds ${canary_policy_pct(held.canary)} for the canary after being set to ${canary_policy_pct(w)}`);
            // Within the router's resolution (HAProxy: 26/256 for 10%) it holds what was asked.
            weight = w;
        }, attempts, signal);
    };
    const plan = policy.steps.map(canary_policy_pct).join(' → ') + ' → promote (100%)';
    await event('initializing', `router holds ${canary_policy_pct(weight)} for the canary; plan: ${plan}, ${formatDuration(policy.intervalMs)} per step, a check every ${formatDuration(policy.checkIntervalMs)}`);
    if (policy.dryRun) {
        const now = clock.now();
        const reading = await deps.metrics.read({ start: new Date(now - policy.checkIntervalMs), end: new Date(now) }).catch((e) => e);
        if (reading instanceof Error)
            record.reason = `Dry run: the router and the metrics source answer, but reading the metrics failed (${reading.message}); nothing was changed.`;
        else {
            const verdict = judgeCheck(reading, -Infinity, policy, startSequentialTest({ alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio }));
            record.steps.push({ weight, startedAt: iso(now), endedAt: iso(now), checks: [checkRecord(reading, weight, verdict, iso(now), 'not judged', [`dry run: ${verdict.decision} at the current split (${verdict.reasons.join('; ')})`])] });
            record.reason = `Dry run: the router and the metrics source answer; nothing was changed (the canary keeps ${canary_policy_pct(weight)}).`;
        }
        record.finalWeight = weight;
        record.finishedAt = iso();
        await event('dry-run', record.reason);
        return record;
    }
    if (weight >= 1 - roll_back_router_WEIGHT_TOLERANCE && !policy.startFromFullCanary) {
        throw new errors_InputError(`The router already gives the canary 100% (an earlier promotion without promote-command?), so the stable servers may run an older version; put the promoted version on the stable servers and run 'modelci rollback', or set start-from-full-canary: true to send all traffic back to the stable servers and start over.`, { input: 'start-from-full-canary' });
    }
    let first = 0;
    if (weight >= 1 - roll_back_router_WEIGHT_TOLERANCE) {
        await event('initializing', `the router gives the canary 100% (start-from-full-canary is true): returning all traffic to the stable servers before starting over`);
        await guard(() => setAndVerify(0, deps.signal), 'the router did not take 0% for the canary');
    }
    else if (weight > roll_back_router_WEIGHT_TOLERANCE) {
        const own = resumable(deps.previous, model, weight);
        if (policy.resume && own === true) {
            const at = policy.steps.findLastIndex((s) => s <= weight + roll_back_router_WEIGHT_TOLERANCE);
            first = Math.max(0, at);
            await event('initializing', `an earlier run of this version left the canary at ${canary_policy_pct(weight)}: resuming at step ${first + 1} of ${policy.steps.length} (${canary_policy_pct(policy.steps[first])}) instead of starting over`);
        }
        else {
            // Another version's share (or one nobody recorded) is not evidence about this one: back to 0.
            await event('initializing', `the router holds ${canary_policy_pct(weight)} for the canary, ${policy.resume ? own : 'and resume is false'}: returning it to 0% before starting over`);
            try {
                await setAndVerify(0, deps.signal);
            }
            catch (e) {
                if (deps.signal?.aborted)
                    throw e;
                return rollBack(record, `The canary's leftover share of ${canary_policy_pct(weight)} could not be returned to 0% before starting (${e.message.replace(/\.$/, '')}).`, ctx(), true);
            }
        }
    }
    // What the plan can judge at the traffic there is; refused up front when it cannot (InputError).
    const before = await deps.metrics.read({ start: new Date(clock.now() - policy.checkIntervalMs), end: new Date(clock.now()) }, deps.signal).catch((e) => e);
    const served = before instanceof Error ? null : before.stable.requests === null ? null : before.stable.requests + (before.canary.requests ?? 0);
    if (served !== null && !(before instanceof Error)) {
        const secs = (before.to.getTime() - before.from.getTime()) / 1000;
        let plan;
        try {
            plan = planTraffic(policy, secs > 0 ? served / secs : 0, first);
        }
        catch (e) {
            // Refused with the canary holding a resumed share: that share goes back to stable first.
            if (weight > roll_back_router_WEIGHT_TOLERANCE)
                return rollBack(record, e.message, ctx(), true);
            throw e;
        }
        await event('initializing', plan.sentence);
    }
    else {
        await event('initializing', `the traffic could not be measured before the start (${before instanceof Error ? before.message : 'no data for stable requests'}); steps wait for min-requests up to the timeout`);
    }
    let sequential = startSequentialTest({ alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio });
    let failedChecks = 0;
    let lastRead = clock.now();
    try {
        for (let i = first; i < policy.steps.length; i++) {
            const w = policy.steps[i];
            await guard(() => setAndVerify(w, deps.signal), `the router did not take ${canary_policy_pct(w)} for the canary`);
            const changedAt = clock.now();
            const step = { weight: w, startedAt: iso(changedAt), checks: [] };
            record.steps.push(step);
            await event('progressing', `step ${i + 1} of ${policy.steps.length}: the canary gets ${canary_policy_pct(w)}`);
            // A read at the boundary lets counter-diffing sources start the new window here; it is not judged.
            await deps.metrics.read({ start: new Date(lastRead), end: new Date(changedAt) }, deps.signal).catch(() => undefined);
            lastRead = changedAt;
            let passes = 0;
            let metricsFailures = 0;
            // Evidence accumulates over the step: thresholds judge the counts since it began.
            const totals = { canary: emptyTotals(), stable: emptyTotals() };
            let thin;
            for (;;) {
                await clock.sleep(lastRead + policy.checkIntervalMs - clock.now(), deps.signal);
                const now = clock.now();
                if (now - startedAt > policy.timeoutMs) {
                    throw new RollBack(thin
                        ? `Too little traffic to judge the canary: the rollout ran past its timeout of ${formatDuration(policy.timeoutMs)} at ${canary_policy_pct(w)} with ${thin} since the step began; give the canary more traffic (a larger initial-weight), lower min-requests, or lengthen timeout.`
                        : `The rollout ran past its timeout of ${formatDuration(policy.timeoutMs)} at ${canary_policy_pct(w)} without finishing the step (${passes} passing checks in it).`);
                }
                const held = await guard(() => retry(() => deps.router.getWeights(deps.signal), attempts, deps.signal), "could not read the router's weights");
                if (Math.abs(held.canary - w) > roll_back_router_WEIGHT_TOLERANCE) {
                    throw new RollBack(`The router no longer holds ${canary_policy_pct(w)} for the canary but ${canary_policy_pct(held.canary)} (was it reloaded without its server-state file, or changed by hand?).`);
                }
                let reading;
                try {
                    reading = await retry(() => deps.metrics.read({ start: new Date(lastRead), end: new Date(now) }, deps.signal), 2, deps.signal);
                }
                catch (e) {
                    if (deps.signal?.aborted)
                        throw e;
                    metricsFailures++;
                    await event('progressing', `metrics read failed (${metricsFailures} of ${policy.metricsFailures} in a row): ${e.message}`);
                    if (metricsFailures >= policy.metricsFailures)
                        throw new RollBack(`The metrics source failed ${metricsFailures} reads in a row (last: ${e.message}); without metrics the canary cannot be judged.`);
                    continue;
                }
                metricsFailures = 0;
                lastRead = now;
                if (reading.from.getTime() >= changedAt)
                    addTotals(totals, reading);
                const verdict = judgeCheck(reading, changedAt, policy, sequential, totals);
                sequential = verdict.sequential;
                thin = verdict.decision === 'inconclusive' ? verdict.reasons.find((r) => /fewer than min-requests/.test(r)) : undefined;
                step.checks.push({ ...checkRecord(reading, w, verdict, iso(now)), step: { canary: summarize(totals.canary), stable: summarize(totals.stable) } });
                log(`check at ${canary_policy_pct(w)}: ${verdict.decision} (${verdict.reasons.join('; ')})`);
                await save();
                if (verdict.decision === 'bad canary')
                    throw new RollBack(`The canary fails more often than stable: ${verdict.reasons[0]}.`);
                if (verdict.decision === 'fail') {
                    failedChecks++;
                    if (failedChecks >= policy.failedChecks)
                        throw new RollBack(`${failedChecks} failed check${failedChecks > 1 ? 's' : ''} (failed-checks is ${policy.failedChecks}); the last at ${canary_policy_pct(w)}: ${verdict.reasons.filter((r) => / above /.test(r)).join('; ')}.`);
                }
                if (verdict.decision === 'pass')
                    passes++;
                if (now - changedAt >= policy.intervalMs && verdict.decision === 'pass')
                    break;
            }
            step.endedAt = iso();
        }
        const passed = `every step from ${canary_policy_pct(policy.steps[first])} to ${canary_policy_pct(policy.steps[policy.steps.length - 1])} passed its checks`;
        if (deps.promote) {
            await promoteToStable(passed);
        }
        else {
            await event('promoting', `every step passed: the canary gets 100%`);
            await guard(() => setAndVerify(1, deps.signal), 'the router did not take the promotion');
            record.serving = 'canary';
            record.reason = `Promoted: ${passed}; the canary servers now serve 100% of traffic. Next: put ${versionName(model)} on the stable servers, then give them the traffic back ('modelci rollback'), or set promote-command to do both here.`;
        }
        record.finalWeight = weight;
        record.finishedAt = iso();
        await event('promoted', record.reason);
        return record;
    }
    catch (e) {
        if (e instanceof Settled)
            return record;
        const reason = e instanceof RollBack ? e.message
            : deps.signal?.aborted ? `The rollout was cancelled at ${canary_policy_pct(weight)}.`
                : `modelci stopped on an error at ${canary_policy_pct(weight)}: ${e.message}.`;
        return rollBack(record, reason, ctx(), isInputError(e) || isServiceError(e) || e instanceof RollBack || deps.signal?.aborted === true);
    }
    function ctx() {
        return { deps, clock, note, save, log, timeoutMs: policy.rollbackTimeoutMs, setWeight: (w) => { weight = w; } };
    }
    /**
     * Flagger's promotion: the hook puts the new version on the stable servers; they are checked on
     * the metrics (with traffic: at least half of it while the canary holds 100%) and get all
     * traffic back, the canary 0%. A hook that fails rolls back (stable gets everything again); stable
     * servers that fail their check after the hook are no fallback, so the canary keeps serving and
     * the record ends `failed`.
     */
    async function promoteToStable(passed) {
        await event('promoting', `every step passed: running promote-command to put ${versionName(model)} on the stable servers (the canary keeps ${canary_policy_pct(weight)})`);
        try {
            await deps.promote(deps.signal);
        }
        catch (e) {
            if (deps.signal?.aborted)
                throw e;
            throw new RollBack(`Every step passed, but promote-command failed (${e.message.replace(/\.$/, '')}); the stable servers get all traffic again, check what they run.`);
        }
        if (weight > 0.5)
            await guard(() => setAndVerify(0.5, deps.signal), 'the router did not take 50% for the canary');
        await event('promoting', `promote-command finished: checking the stable servers at ${canary_policy_pct(1 - weight)} of traffic`);
        const since = clock.now();
        await deps.metrics.read({ start: new Date(lastRead), end: new Date(since) }, deps.signal).catch(() => undefined);
        lastRead = since;
        let last = 'no check yet';
        for (;;) {
            await clock.sleep(lastRead + policy.checkIntervalMs - clock.now(), deps.signal);
            const now = clock.now();
            const reading = await deps.metrics.read({ start: new Date(lastRead), end: new Date(now) }, deps.signal).catch((e) => e);
            if (!(reading instanceof Error)) {
                lastRead = now;
                // The stable servers judged on the same limits as the canary was (sides swapped).
                const verdict = judgeCheck({ ...reading, canary: reading.stable, stable: reading.canary }, since, { ...policy, maxLatencyRatio: null }, startSequentialTest({ alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio }));
                // Sides swapped: the sequential test's "canary" is the stable servers here.
                last = verdict.decision === 'bad canary'
                    ? `sequential test: ${verdict.sequential.canaryErrors} errors on the stable servers against ${verdict.sequential.stableErrors} on the canary's, at a false-rollback rate of ${canary_policy_pct(policy.falseRollbackRate)}`
                    : verdict.reasons.join('; ');
                log(`stable check after promote-command: ${verdict.decision} (${last})`);
                if (verdict.decision === 'pass')
                    break;
                if (verdict.decision === 'fail' || verdict.decision === 'bad canary')
                    return promotionStalled(`the stable servers failed their check after promote-command (${last})`);
            }
            else
                last = `metrics read failed: ${reading.message}`;
            if (now - since >= policy.intervalMs)
                return promotionStalled(`the stable servers could not be judged within ${formatDuration(policy.intervalMs)} after promote-command (last: ${last})`);
        }
        await guard(() => setAndVerify(0, deps.signal), 'the router did not take 0% for the canary after promotion');
        record.serving = 'stable';
        record.reason = `Promoted: ${passed}; promote-command put ${versionName(model)} on the stable servers, which passed their check (${last}); they serve 100% again and the canary 0%.`;
    }
    /** The canary (the new version) keeps serving: the stable servers after the hook are no safe place. */
    async function promotionStalled(why) {
        await guard(() => setAndVerify(1, deps.signal), 'the router did not take 100% for the canary');
        record.serving = 'canary';
        record.reason = `Every step passed, but ${why}; the canary servers serve 100% with ${versionName(model)} — fix the stable servers, then run 'modelci rollback'.`;
        record.finalWeight = weight;
        record.finishedAt = iso();
        await event('failed', record.reason);
        throw new Settled();
    }
    /** Router trouble mid-rollout is a reason to roll back, said in one sentence. */
    async function guard(what, doing) {
        try {
            return await what();
        }
        catch (e) {
            if (deps.signal?.aborted)
                throw e;
            throw new RollBack(`${doing[0].toUpperCase()}${doing.slice(1)} after ${attempts} attempts: ${e.message.replace(/\.$/, '')}.`);
        }
    }
}
/**
 * Sends all traffic to stable and reads it back, retried for rollback-timeout. Traffic first,
 * record after: the record is written only once the router has answered (or the time is up).
 */
async function rollBack(record, reason, ctx, expected) {
    record.reason = reason;
    ctx.note('rolling-back', reason);
    try {
        const held = await rollBackRouter(ctx.deps.router, { clock: ctx.clock, timeoutMs: ctx.timeoutMs, log: ctx.log });
        ctx.setWeight(held);
        record.finalWeight = held;
        record.serving = 'stable';
        record.finishedAt = new Date(ctx.clock.now()).toISOString();
        // The reason is said once, in the rolling-back event and record.reason.
        ctx.note('rolled-back', `stable serves 100%${expected ? '' : ' (after an unexpected error)'}`);
    }
    catch (e) {
        record.reason = `${reason} Rolling back FAILED: ${e.message.replace(/\.$/, '')}; the post step tries again, or run 'modelci rollback --router <uri>' (or set the canary's weight to 0 by hand).`;
        record.finishedAt = new Date(ctx.clock.now()).toISOString();
        ctx.note('failed', record.reason);
    }
    await ctx.save();
    return record;
}
/** Whether `previous` is this version's own unfinished run at `weight`: true, or why not (a clause). */
function resumable(previous, model, weight) {
    if (!previous)
        return 'and no record of an earlier run of this version says why';
    const who = (m) => `${m.name ?? 'a model'} v${m.version ?? '?'}`;
    if (previous.model.version !== model.version || previous.model.name !== model.name)
        return `left by ${who(previous.model)}, not ${who(model)}`;
    const left = previous.finalWeight ?? previous.events.at(-1)?.weight;
    if (left == null || Math.abs(left - weight) > roll_back_router_WEIGHT_TOLERANCE)
        return `but ${who(model)}'s record ends at ${left == null ? 'an unknown share' : canary_policy_pct(left)}`;
    return true;
}
function checkRecord(reading, weight, verdict, at, decision = verdict.decision, reasons = verdict.reasons) {
    const s = verdict.sequential;
    return {
        at, weight, from: reading.from.toISOString(), to: reading.to.toISOString(), canary: verdict.canary, stable: verdict.stable,
        sequential: { llr: s.llr, upper: s.upper, canaryErrors: s.canaryErrors, stableErrors: s.stableErrors },
        decision, reasons, queries: reading.queries,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/promote-hook.ts
/**
 * The team's promote hook (`promote-command`): after the last step passes, it puts the new version
 * on the stable servers, as Flagger copies the canary's spec to its primary. Run without a shell
 * (execFile), like command-router.ts: `./deploy/promote.sh --env prod` runs ./deploy/promote.sh
 * with `--env prod`, and the model in MODELCI_MODEL_NAME, MODELCI_MODEL_VERSION, MODELCI_GIT_SHA.
 * Exit 0 when the stable servers run the new version; the rollout then checks them on the metrics
 * before moving all traffic back to them.
 */


/** Updating a fleet may take a while; a hook that hangs must still end. */
const PROMOTE_TIMEOUT_MS = 15 * 60_000;
function promoteHook(command, model) {
    const [file, ...args] = command.trim().split(/\s+/).filter(Boolean);
    if (!file)
        throw new errors_InputError(`Input 'promote-command' is empty; give the script that puts the new version on the stable servers, e.g. ./deploy/promote.sh.`, { input: 'promote-command' });
    const env = { ...process.env, MODELCI_MODEL_NAME: model.name ?? '', MODELCI_MODEL_VERSION: model.version ?? '', MODELCI_GIT_SHA: model.gitSha ?? '' };
    return (signal) => new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)(file, args, { env, timeout: PROMOTE_TIMEOUT_MS, maxBuffer: 1 << 20, signal }, (error, _stdout, stderr) => {
            if (!error)
                return resolve();
            const e = error;
            if (e.name === 'AbortError')
                return reject(error);
            if (e.code === 'ENOENT' || e.code === 'EACCES') {
                return reject(new errors_InputError(`The promote-command '${file}' cannot be run (${e.code}); check the path and that the file is executable (chmod +x).`, { input: 'promote-command' }));
            }
            const why = e.killed ? `was stopped after ${PROMOTE_TIMEOUT_MS / 60_000} min` : `exited with ${e.code}`;
            const last = stderr.trim().split('\n').pop()?.slice(0, 200);
            reject(new Error(`promote-command '${file}' ${why}${last ? `: ${last}` : ''}`));
        });
    });
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/metrics-source.ts
/**
 * The MetricsSource port: where canary-deploy reads how each version is doing. One adapter per
 * file, picked from the metrics URI (`prometheus+http://…`, `http-json+https://…`).
 *
 * A reading covers one window of time and gives, per variant, the requests served, the failed
 * ones and the p99 latency in that window. A value the source could not give (an empty result,
 * NaN, a series that does not exist yet) is `null`: "no data", which the analysis never takes
 * for zero and never takes for a pass.
 */


const metrics_source_FACTORIES = new Map();
function registerMetricsSource(scheme, factory) {
    metrics_source_FACTORIES.set(scheme, factory);
}
function openMetricsSource(uri, options = {}, input = 'metrics') {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1].toLowerCase();
    const factory = scheme ? metrics_source_FACTORIES.get(scheme) : undefined;
    if (!factory) {
        throw new errors_InputError(`Metrics source '${redactUri(uri)}' has ${scheme ? `the type '${scheme}', which modelci does not know` : 'no type'}; use ${[...metrics_source_FACTORIES.keys()].map((s) => `${s}://…`).join(', ')}.`, { input });
    }
    return factory(uri, options);
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/prometheus-metrics.ts
/**
 * Prometheus as the metrics source, through its HTTP API: `prometheus+http://host:9090`, or
 * `prometheus+https://host/prom` for one behind a proxy (or started with --web.route-prefix).
 * Each metric of each variant is one instant query (`GET /api/v1/query`) evaluated at the
 * window's end over the window's length. Queries are templates: `{{selector}}` is the variant's
 * label selector (`variant="canary"`, `variant="stable"` unless options.selectors says otherwise)
 * and `{{window}}` the window as a Prometheus duration (`30s`).
 *
 * Credentials: user:password in the URI, else PROMETHEUS_TOKEN (Authorization: Bearer), else
 * PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD (Basic). Messages name where they came from, never them.
 */





/**
 * The default queries, for the usual `http_requests_total{code}` counter and
 * `http_request_duration_seconds` histogram.
 *
 * errors: `sum()` over no series is an empty result, not 0, and a service that has not failed yet
 * has no 5xx series at all; the `or (0 * requests)` arm makes that 0, but only where the request
 * series exist, so a selector that matches nothing stays "no data" instead of a flawless canary.
 *
 * p99: an override must also answer in seconds (it is converted to milliseconds), as
 * histogram_quantile over a `_seconds` histogram does.
 */
/** Counted from zero when the series first appears inside the window (see lazyIncrease). */
const lazyIncrease = (series) => `((increase(${series}[{{window}}]) and ${series} offset {{window}}) or (${series} unless ${series} offset {{window}}))`;
const PROMETHEUS_DEFAULT_QUERIES = {
    // A series created lazily (a client library's first 5xx) is first scraped at its current value,
    // which increase() cannot see; a series absent at the window's start is counted from zero, its
    // value now being all it grew by. Series present at the start keep increase().
    requests: `sum${lazyIncrease('http_requests_total{{{selector}}}')}`,
    errors: `sum${lazyIncrease('http_requests_total{{{selector}},code=~"5.."}')} or (0 * sum(increase(http_requests_total{{{selector}}}[{{window}}])))`,
    p99: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{{{selector}}}[{{window}}])))',
};
const PROMETHEUS_DEFAULT_SELECTORS = { canary: 'variant="canary"', stable: 'variant="stable"' };
/** canary-deploy's inputs, named in messages: the queries, and a selector per variant. */
const QUERIES_INPUT = 'metrics-queries';
const selectorInput = (variant) => `${variant}-selector`;
const NAMES = ['requests', 'errors', 'p99'];
const VARIANTS = ['canary', 'stable'];
const prometheus_metrics_METRIC = { requests: 'requests', errors: 'errors', p99: 'p99Ms' };
/** The window length as a whole-second Prometheus duration, at least 1s. */
function promDuration(window) {
    // Rounded down: a window that reaches before window.start could start before the last weight
    // change, and the analysis would then refuse to judge it.
    return `${Math.max(1, Math.floor((window.end.getTime() - window.start.getTime()) / 1000))}s`;
}
class PrometheusMetrics {
    uri;
    options;
    base;
    shown;
    authorization;
    /** Which setting the credentials came from, for a refusal's message. */
    credentials;
    templates;
    selectors;
    timeoutMs;
    http;
    constructor(uri, options = {}, context = {}) {
        this.uri = uri;
        this.options = options;
        const env = context.env ?? process.env;
        this.timeoutMs = context.timeoutMs ?? 10_000;
        const t = this.timeoutMs;
        this.http = new HttpClient({ service: 'Prometheus', hint: 'check the metrics URI and that Prometheus is running', timeouts: { connectMs: t, headersMs: t, idleMs: t, totalMs: 3 * t }, signal: context.signal });
        let url;
        try {
            url = new URL(uri.replace(/^prometheus\+/i, ''));
        }
        catch {
            url = undefined;
        }
        if (!url || !/^https?:$/.test(url.protocol) || !url.host) {
            throw new errors_InputError(`Metrics source '${redactUri(uri)}' is not a Prometheus URL; write prometheus+http://host:9090 (or prometheus+https://host/prefix).`, { input: 'metrics' });
        }
        this.base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
        this.shown = `prometheus+${this.base}`;
        const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        if (url.username || url.password) {
            this.authorization = basic(decodeURIComponent(url.username), decodeURIComponent(url.password));
            this.credentials = 'uri';
        }
        else if (env.PROMETHEUS_TOKEN) {
            this.authorization = `Bearer ${env.PROMETHEUS_TOKEN}`;
            this.credentials = 'token';
        }
        else if (env.PROMETHEUS_USERNAME) {
            this.authorization = basic(env.PROMETHEUS_USERNAME, env.PROMETHEUS_PASSWORD ?? '');
            this.credentials = 'basic';
        }
        this.templates = { ...PROMETHEUS_DEFAULT_QUERIES };
        for (const name of NAMES) {
            const q = options.queries?.[name];
            if (q === undefined)
                continue;
            const unknown = [...q.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]).find((p) => p !== 'selector' && p !== 'window');
            if (!q.trim() || unknown !== undefined) {
                throw new errors_InputError(`The ${name} query in the input '${QUERIES_INPUT}' ${q.trim() ? `has the placeholder {{${unknown}}}, which modelci does not fill` : 'is empty'}; use {{selector}} and {{window}}, e.g. ${PROMETHEUS_DEFAULT_QUERIES.requests}.`, { input: QUERIES_INPUT });
            }
            this.templates[name] = q;
        }
        this.selectors = { canary: options.selectors?.canary ?? PROMETHEUS_DEFAULT_SELECTORS.canary, stable: options.selectors?.stable ?? PROMETHEUS_DEFAULT_SELECTORS.stable };
    }
    /** The query as sent for a variant and a window length. */
    query(name, variant, window) {
        return this.templates[name].replaceAll(/\{\{\s*selector\s*\}\}/g, this.selectors[variant]).replaceAll(/\{\{\s*window\s*\}\}/g, window);
    }
    async check(checkWindowMs, signal) {
        const info = await this.get('/api/v1/status/buildinfo', undefined, signal).catch((e) => this.unreachable(e));
        this.refusesCredentials(info);
        // Any other answer will do here (a Prometheus-compatible server may lack buildinfo): the
        // queries below are the real test, and a wrong path shows up there.
        const time = Date.now() / 1000;
        let stableRequests = null;
        for (const variant of VARIANTS) {
            for (const name of NAMES) {
                const query = this.query(name, variant, '1m');
                const answer = await this.get('/api/v1/query', { query, time: time.toFixed(3) }, signal).catch((e) => this.unreachable(e));
                const data = this.data(answer, name, variant, query, true);
                const input = this.options.queries?.[name] !== undefined ? QUERIES_INPUT : selectorInput(variant);
                if (data.resultType !== 'vector' && data.resultType !== 'scalar') {
                    throw new errors_InputError(`The ${name} query for the ${variant}, ${query}, returns a ${data.resultType === 'matrix' ? 'range vector' : data.resultType}, not one number; make it an instant vector or a scalar in the input '${input}'.`, { input });
                }
                const rows = data.resultType === 'vector' && Array.isArray(data.result) ? data.result : [];
                if (rows.length > 1) {
                    throw new errors_InputError(`The ${name} query for the ${variant}, ${query}, returns ${rows.length} series (${seriesList(rows)}), not one; aggregate them, e.g. with sum(…), in the input '${input}'.`, { input });
                }
                if (variant === 'stable' && name === 'requests')
                    stableRequests = value(data).value;
            }
        }
        if (checkWindowMs !== undefined && stableRequests !== null)
            await this.checkWindow(checkWindowMs, time, signal);
    }
    /**
     * increase() needs two samples inside its range: a check interval shorter than two scrapes
     * gives "no data" at every check, and the rollout would wait for its timeout. Stable serves
     * traffic before the rollout starts, so if its requests show over 1m but not over one check
     * window, the window is too short for this Prometheus.
     */
    async checkWindow(checkWindowMs, time, signal) {
        const duration = promDuration({ start: new Date(time * 1000 - checkWindowMs), end: new Date(time * 1000) });
        const query = this.query('requests', 'stable', duration);
        const answer = await this.get('/api/v1/query', { query, time: time.toFixed(3) }, signal).catch((e) => this.unreachable(e));
        if (value(this.data(answer, 'requests', 'stable', query, true)).value === null) {
            throw new errors_InputError(`The stable version's requests show in Prometheus over 1m but not over one check interval (${duration}): a window needs two scrapes for increase() to answer; set check-interval to at least twice the scrape interval.`, { input: 'check-interval' });
        }
    }
    async read(window, signal) {
        const duration = promDuration(window);
        const time = (window.end.getTime() / 1000).toFixed(3);
        const asks = VARIANTS.flatMap((variant) => NAMES.map((name) => ({ variant, name, query: this.query(name, variant, duration) })));
        const answers = await Promise.all(asks.map(async ({ variant, name, query }) => {
            let answer;
            try {
                // The rollout loop retries a failed read: one try each here.
                answer = await this.get('/api/v1/query', { query, time }, signal, 0);
            }
            catch (e) {
                if (!isHttpFailure(e))
                    throw e;
                throw new ServiceError(`Prometheus ${this.shown}`, `Prometheus at ${this.shown} did not answer the ${name} query for the ${variant} (${e.reason})`, { retryable: e.retryable, cause: e });
            }
            const v = value(this.data(answer, name, variant, query, false));
            return name === 'p99' && v.value !== null ? { ...v, value: v.value * 1000 } : v;
        }));
        const reading = {
            from: new Date(window.end.getTime() - Number(duration.slice(0, -1)) * 1000),
            to: window.end,
            canary: { requests: null, errors: null, p99Ms: null },
            stable: { requests: null, errors: null, p99Ms: null },
            queries: [],
        };
        asks.forEach(({ variant, name, query }, i) => {
            const { value: v, note } = answers[i];
            reading[variant][prometheus_metrics_METRIC[name]] = v;
            reading.queries.push({ variant, metric: prometheus_metrics_METRIC[name], query, value: v, ...(note ? { note } : {}) });
        });
        return reading;
    }
    /**
     * The `data` of a successful answer; anything else throws, in one sentence: an InputError for
     * what the user must fix (a rejected query, credentials, and in check() a URI that does not lead
     * to Prometheus's API), a ServiceError for Prometheus failing (an overload, a proxy's 502, and
     * mid-rollout anything else), which may pass by itself.
     */
    data(answer, name, variant, query, checking) {
        this.refusesCredentials(answer);
        const body = answer.body;
        if (body?.status === 'success' && body.data)
            return body.data;
        if (body?.status === 'error' && (body.errorType === 'bad_data' || body.errorType === 'execution')) {
            const own = this.options.queries?.[name] !== undefined;
            const input = own ? QUERIES_INPUT : selectorInput(variant);
            // Prometheus prefixes parse errors with `invalid parameter "query": `; the column it gives is in the query shown.
            const says = (body.error ?? '').replace(/^invalid parameter "query": /, '');
            throw new errors_InputError(`Prometheus rejected the ${name} query for the ${variant}, ${query}: ${says}; fix ${own ? `the ${name} query in the input '${input}'` : `the input '${input}'`}.`, { input });
        }
        const failing = (message) => new ServiceError(`Prometheus ${this.shown}`, message, { retryable: true });
        if (body?.status === 'error') {
            throw failing(`Prometheus at ${this.shown} could not run the ${name} query for the ${variant} (HTTP ${answer.status}, ${body.errorType}: ${body.error}); ${checking ? 'try again, and check that Prometheus is healthy, or make the query cheaper' : 'check that Prometheus is healthy, or make the query cheaper'}.`);
        }
        const text = answer.text.trim().split('\n')[0].slice(0, 80);
        if (isRetryableStatus(answer.status)) {
            throw failing(`Prometheus at ${this.shown} answered the query API with HTTP ${answer.status}${text ? ` (${text})` : ''}${checking ? '; try again, or check Prometheus and any proxy in front of it' : ''}.`);
        }
        const message = `Prometheus at ${this.shown} answered the query API with HTTP ${answer.status}${text ? ` (${text})` : ''}, not Prometheus's JSON; check the metrics URI, including the path prefix if Prometheus sits behind a proxy.`;
        throw checking ? new errors_InputError(message, { input: 'metrics' }) : new ServiceError(`Prometheus ${this.shown}`, message);
    }
    refusesCredentials(answer) {
        if (answer.status !== 401 && answer.status !== 403)
            return;
        const from = { uri: 'the user and password in the metrics URI', token: 'PROMETHEUS_TOKEN', basic: 'PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD' };
        throw new errors_InputError(this.credentials
            ? `Prometheus at ${this.shown} refused the credentials from ${from[this.credentials]} (HTTP ${answer.status}); set ${this.credentials === 'uri' ? 'them' : from[this.credentials]} to ones it accepts.`
            : `Prometheus at ${this.shown} asks for credentials (HTTP ${answer.status}); set PROMETHEUS_TOKEN to a bearer token, or PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD, in the step's env.`, { input: 'metrics' });
    }
    unreachable(e) {
        if (!isHttpFailure(e) || e.kind === 'too-large')
            throw e;
        throw new ServiceError(`Prometheus ${this.shown}`, `Cannot reach Prometheus at ${this.shown} (${e.reason}); check the metrics URI and that Prometheus is running${e.retryable ? ', then try again' : ''}.`, { retryable: e.retryable, cause: e });
    }
    /** One GET of the API; transport failures throw HttpFailures (ServiceErrors). Credentials go to this origin only. */
    async get(path, params, signal, retries) {
        const url = `${this.base}${path}${params ? `?${new URLSearchParams(params)}` : ''}`;
        const res = await this.http.request({ method: 'GET', url, authorization: this.authorization, signal, retries });
        const text = await res.text();
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            body = undefined;
        }
        return { status: res.status, text, body: body && typeof body === 'object' ? body : undefined };
    }
}
/** One number from a vector or scalar result, or null and why. */
function value(data) {
    if (data.resultType === 'scalar')
        return sample(data.result[1]);
    if (data.resultType !== 'vector')
        return { value: null, note: `a ${data.resultType} result, not one number` };
    const rows = data.result;
    if (rows.length === 0)
        return { value: null, note: 'no series matched (empty result)' };
    if (rows.length > 1)
        return { value: null, note: `${rows.length} series (${seriesList(rows)}), not one: aggregate them` };
    return sample(rows[0].value[1]);
}
function sample(text) {
    // Prometheus writes NaN and the infinities as NaN, +Inf and -Inf.
    if (text === 'NaN')
        return { value: null, note: 'NaN (nothing observed in the window)' };
    if (text === '+Inf' || text === '-Inf')
        return { value: null, note: `${text} (a quantile in the +Inf bucket, or a division by zero)` };
    const v = Number(text);
    return Number.isFinite(v) ? { value: v } : { value: null, note: `not a number: ${text}` };
}
function seriesList(rows) {
    const one = (m = {}) => `{${Object.entries(m).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
    return rows.slice(0, 3).map((r) => one(r.metric)).join(', ') + (rows.length > 3 ? ', …' : '');
}
registerMetricsSource('prometheus+http', (uri, options) => new PrometheusMetrics(uri, options));
registerMetricsSource('prometheus+https', (uri, options) => new PrometheusMetrics(uri, options));

;// CONCATENATED MODULE: ./packages/core/src/rollout/http-json-metrics.ts
/**
 * A team's own metrics endpoint: `http-json+https://svc.example/metrics/model` (or
 * `http-json+http://…`). A GET of the URL (without the prefix) must answer, per variant, the
 * counters since the service started and its current p99 latency:
 *
 *   {"canary": {"requests": 1234, "errors": 5, "latency_p99_ms": 84.2},
 *    "stable": {"requests": 98765, "errors": 40, "latency_p99_ms": 80.1}}
 *
 * `requests` and `errors` (failed requests) only grow, until the service restarts; `p99_ms` is
 * accepted for `latency_p99_ms`, and the p99 may be missing or null. A variant not (yet) in the
 * answer is no data. user:password in the URI goes out as Basic auth.
 *
 * Counters say nothing about a window by themselves, so a reading is the difference between this
 * fetch and the previous one, and says so: `from` is when the previous snapshot was taken (by
 * check() or the previous read()); the very first snapshot is only a baseline. A counter that
 * went down (a restart) makes that window's counts no data.
 */





const CONTRACT = '{"canary": {"requests": <count>, "errors": <count>, "latency_p99_ms": <ms>}, "stable": {…}}';
const http_json_metrics_VARIANTS = ['canary', 'stable'];
class HttpJsonMetrics {
    uri;
    url;
    shown;
    authorization;
    timeoutMs;
    http;
    last;
    constructor(uri, context = {}) {
        this.uri = uri;
        this.timeoutMs = context.timeoutMs ?? 10_000;
        const t = this.timeoutMs;
        this.http = new HttpClient({ service: 'the metrics endpoint', hint: 'check the metrics URI and that the service is up', timeouts: { connectMs: t, headersMs: t, idleMs: t, totalMs: 3 * t }, signal: context.signal });
        let url;
        try {
            url = new URL(uri.replace(/^http-json\+/i, ''));
        }
        catch {
            url = undefined;
        }
        if (!url || !/^https?:$/.test(url.protocol) || !url.host) {
            throw new errors_InputError(`Metrics source '${redactUri(uri)}' is not an http-json URL; write http-json+https://host/path, the address of an endpoint that answers ${CONTRACT}.`, { input: 'metrics' });
        }
        if (url.username || url.password) {
            this.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
            // They travel in the header, to this origin only; messages show the URL without them.
            url.username = '';
            url.password = '';
        }
        this.url = url.href;
        this.shown = redactUri(`http-json+${this.url}`);
    }
    /** Takes the first snapshot, which the first read() subtracts. */
    async check(_checkWindowMs, signal) {
        this.last = await this.snapshot(true, signal);
    }
    async read(_window, signal) {
        const current = await this.snapshot(false, signal);
        const previous = this.last;
        this.last = current;
        const reading = {
            from: previous?.at ?? current.at,
            to: current.at,
            canary: { requests: null, errors: null, p99Ms: null },
            stable: { requests: null, errors: null, p99Ms: null },
            queries: [],
        };
        const put = (variant, metric, query, value, note) => {
            reading[variant][metric] = value;
            reading.queries.push({ variant, metric, query: `GET ${this.shown}: ${variant}.${query}`, value, ...(note ? { note } : {}) });
        };
        for (const variant of http_json_metrics_VARIANTS) {
            const now = current.variants[variant];
            const then = previous?.variants[variant];
            if (!now) {
                const note = `no "${variant}" in the answer`;
                for (const [metric, key] of [['requests', 'requests'], ['errors', 'errors'], ['p99Ms', 'latency_p99_ms']])
                    put(variant, metric, key, null, note);
                continue;
            }
            const counts = !previous ? 'the first snapshot, a baseline for the next reading'
                : !then ? `no "${variant}" in the previous snapshot`
                    : now.requests < then.requests || now.errors < then.errors ? `counter reset (requests ${then.requests} → ${now.requests}, errors ${then.errors} → ${now.errors}): the service restarted?`
                        : undefined;
            put(variant, 'requests', `requests (${then?.requests ?? '–'} → ${now.requests})`, counts ? null : now.requests - then.requests, counts);
            put(variant, 'errors', `errors (${then?.errors ?? '–'} → ${now.errors})`, counts ? null : now.errors - then.errors, counts);
            put(variant, 'p99Ms', now.p99Key, now.p99Ms, now.p99Ms === null ? `no ${now.p99Key} in the answer` : undefined);
        }
        return reading;
    }
    /**
     * One GET, parsed. In check() what the user must fix (the URI, its credentials, an endpoint that
     * does not answer the contract) is an InputError; in read() every failure is a ServiceError,
     * which the loop retries. An endpoint that is down or failing is a ServiceError in both.
     */
    async snapshot(checking, signal) {
        const fail = (message) => (checking ? new errors_InputError(message, { input: 'metrics' }) : new ServiceError(`the metrics endpoint ${this.shown}`, message, { retryable: true }));
        const at = new Date();
        let status;
        let text;
        try {
            // read() is retried by the rollout loop; check() runs once, so the client retries it.
            const res = await this.http.request({ method: 'GET', url: this.url, authorization: this.authorization, signal, retries: checking ? undefined : 0 });
            status = res.status;
            text = await res.text();
        }
        catch (e) {
            if (!isHttpFailure(e) || e.kind === 'too-large')
                throw e;
            throw new ServiceError(`the metrics endpoint ${this.shown}`, checking
                ? `Cannot reach the metrics endpoint at ${this.shown} (${e.reason}); check the metrics URI and that the service is up${e.retryable ? ', then try again' : ''}.`
                : `the metrics endpoint at ${this.shown} did not answer (${e.reason})`, { retryable: e.retryable, cause: e });
        }
        const snippet = text.trim().split('\n')[0].slice(0, 60);
        if (status < 200 || status > 299) {
            const message = `The metrics endpoint at ${this.shown} answered HTTP ${status}${snippet ? ` (${snippet})` : ''}`;
            if (isRetryableStatus(status))
                throw new ServiceError(`the metrics endpoint ${this.shown}`, checking ? `${message}; try again, or check the service.` : message, { retryable: true });
            throw fail(`${message}; check the metrics URI${status === 401 || status === 403 ? ' and the user:password in it' : ''}.`);
        }
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            throw fail(`The metrics endpoint at ${this.shown} answered with something that is not JSON ('${snippet}'); it must return ${CONTRACT}.`);
        }
        const object = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
        if (!object(body) || (body.canary === undefined && body.stable === undefined)) {
            throw fail(`The metrics endpoint at ${this.shown} answered ${JSON.stringify(body).slice(0, 60)}, with neither "canary" nor "stable"; it must return ${CONTRACT}.`);
        }
        const variants = {};
        for (const variant of http_json_metrics_VARIANTS) {
            const entry = body[variant];
            if (entry === undefined || entry === null)
                continue;
            const count = (x) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
            const bad = !object(entry) ? 'is not an object' : !count(entry.requests) ? 'has no "requests" count' : !count(entry.errors) ? 'has no "errors" count' : undefined;
            if (bad || !object(entry)) {
                throw fail(`The metrics endpoint at ${this.shown} answered "${variant}": ${JSON.stringify(entry).slice(0, 60)}, which ${bad}; it must return ${CONTRACT}, counts being numbers ≥ 0.`);
            }
            const p99Key = entry.latency_p99_ms !== undefined || entry.p99_ms === undefined ? 'latency_p99_ms' : 'p99_ms';
            const p99 = entry[p99Key];
            variants[variant] = { requests: entry.requests, errors: entry.errors, p99Ms: typeof p99 === 'number' && Number.isFinite(p99) ? p99 : null, p99Key };
        }
        return { at, variants };
    }
}
registerMetricsSource('http-json+http', (uri) => new HttpJsonMetrics(uri));
registerMetricsSource('http-json+https', (uri) => new HttpJsonMetrics(uri));

;// CONCATENATED MODULE: ./packages/core/src/rollout/metrics-sources.ts
/**
 * Every metrics source, chosen by the URI's scheme. Importing this file is what makes each
 * adapter known to openMetricsSource, so a step (and its bundle) gets all of them or none.
 */




;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./packages/core/src/rollout/traffic-router.ts
/**
 * The TrafficRouter port: how canary-deploy moves live traffic between the stable and the canary
 * version, and reads back what the router actually holds. One adapter per file, picked from the
 * router URI (`haproxy://…`, `http://…`, `command:…`).
 */


const traffic_router_FACTORIES = new Map();
function registerRouter(scheme, factory) {
    traffic_router_FACTORIES.set(scheme, factory);
}
function openRouter(uri, input = 'router') {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1].toLowerCase();
    const factory = scheme ? traffic_router_FACTORIES.get(scheme) : undefined;
    if (!factory) {
        throw new errors_InputError(`Router '${redactUri(uri)}' has ${scheme ? `the type '${scheme}', which modelci does not know` : 'no type'}; use ${[...traffic_router_FACTORIES.keys()].map((s) => (s === 'command' ? 'command:<script>' : `${s}://…`)).join(', ')}.`, { input });
    }
    return factory(uri);
}
function checkCanaryWeight(canary, input = 'weight') {
    if (!(Number.isFinite(canary) && canary >= 0 && canary <= 1)) {
        throw new errors_InputError(`A canary weight of ${canary} is outside 0..1; give the share of traffic, e.g. 0.05 for 5%.`, { input });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/rollout/haproxy-router.ts
/**
 * HAProxy as the traffic router, through its Runtime API (the stats socket at level admin):
 * `haproxy://127.0.0.1:9999/<backend>?stable=<server>&canary=<server>` for a TCP socket, or
 * `haproxy:///run/haproxy/admin.sock?backend=…&stable=…&canary=…` for a unix one. Weights are set
 * with `set server <backend>/<server> weight <n>` on HAProxy's 0..256 scale and read back with
 * `get weight`. Runtime weights are lost on reload unless the config keeps server state
 * (server-state-file + load-server-state-from-file): see the canary-deploy README.
 */




/** HAProxy's largest server weight. */
const HAPROXY_MAX_WEIGHT = 256;
const HAPROXY_TIMEOUTS = { connectMs: 5_000, idleMs: 5_000, totalMs: 15_000 };
/** A reply to `set server`/`get weight` is a line; anything near this is not HAProxy. */
const MAX_REPLY_BYTES = 64 * 1024;
class HaproxyRouter {
    uri;
    timeouts;
    target;
    backend;
    stable;
    canary;
    constructor(uri, options = {}) {
        this.uri = uri;
        this.timeouts = { ...HAPROXY_TIMEOUTS, ...options.timeouts };
        const url = new URL(uri);
        const q = url.searchParams;
        if (url.hostname) {
            this.target = { host: url.hostname, port: Number(url.port || 9999) };
            this.backend = decodeURIComponent(url.pathname.replace(/^\//, '')) || q.get('backend') || '';
        }
        else {
            this.target = { path: decodeURIComponent(url.pathname) };
            this.backend = q.get('backend') ?? '';
        }
        this.stable = q.get('stable') ?? 'stable';
        this.canary = q.get('canary') ?? 'canary';
        if (!this.backend) {
            throw new errors_InputError(redactUri(`Router '${uri}' names no HAProxy backend; write haproxy://host:port/<backend>?stable=<server>&canary=<server>.`), { input: 'router' });
        }
        for (const [what, name] of [['backend', this.backend], ['stable server', this.stable], ['canary server', this.canary]])
            checkHaproxyName(uri, what, name);
    }
    async setWeights(canary, signal) {
        checkCanaryWeight(canary);
        const c = Math.round(canary * HAPROXY_MAX_WEIGHT);
        // Canary first: the two weights move in opposite directions, so between the commands the
        // canary's share lies between the old and the new one, and a rollback stops canary traffic
        // with its first command.
        const commands = [`set server ${this.backend}/${this.canary} weight ${c}`, `set server ${this.backend}/${this.stable} weight ${HAPROXY_MAX_WEIGHT - c}`];
        for (const command of commands) {
            const reply = (await this.send(command, signal)).trim();
            if (reply)
                this.refuse(command, reply);
        }
    }
    async getWeights(signal) {
        const read = async (server) => {
            const command = `get weight ${this.backend}/${server}`;
            const reply = (await this.send(command, signal)).trim();
            const m = /^(\d+)\s+\(initial\s+\d+\)$/.exec(reply);
            if (!m)
                this.refuse(command, reply);
            return Number(m[1]);
        };
        const c = await read(this.canary);
        const s = await read(this.stable);
        if (c + s === 0)
            return { canary: 0, stable: 0 };
        return { canary: c / (c + s), stable: s / (c + s) };
    }
    refuse(command, reply) {
        throw new errors_InputError(redactUri(`HAProxy refused '${command}' at ${this.uri}: ${reply.split('\n')[0]}; check the backend and server names (and that the stats socket has 'level admin').`), { input: 'router' });
    }
    /**
     * One command per connection, as HAProxy's non-interactive mode expects; returns the reply.
     * Bounded like every outside call: connect, idle and total timeouts, a reply cap, and the
     * step's signal. A command that was sent may have been applied: the rollout reads weights back.
     */
    send(command, signal) {
        const shown = redactUri(this.uri);
        const service = `HAProxy's runtime API ${shown}`;
        return new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(signal.reason);
            const socket = (0,external_node_net_namespaceObject.createConnection)(this.target);
            let reply = '';
            let settled = false;
            const timers = [];
            const finish = (e) => {
                if (settled)
                    return;
                settled = true;
                for (const t of timers)
                    clearTimeout(t);
                signal?.removeEventListener('abort', onAbort);
                socket.destroy();
                if (e)
                    reject(e);
                else
                    resolve(reply);
            };
            const unreachable = (why) => new ServiceError(service, `Cannot reach HAProxy's runtime API at ${shown} (${why}); check the stats socket address and that HAProxy is running, then try again.`, { retryable: true });
            const stalled = (why) => new ServiceError(service, `HAProxy's runtime API at ${shown} did not finish answering '${command}' (${why}); try again, or check HAProxy.`, { retryable: true });
            const onAbort = () => finish(signal.reason instanceof Error ? signal.reason : Object.assign(new Error('The operation was cancelled.'), { name: 'AbortError' }));
            signal?.addEventListener('abort', onAbort, { once: true });
            timers.push(setTimeout(() => finish(socket.connecting ? unreachable(`no connection within ${this.timeouts.connectMs / 1000} s`) : stalled(`no full reply within ${this.timeouts.totalMs / 1000} s`)), socket.connecting ? this.timeouts.connectMs : this.timeouts.totalMs));
            socket.on('connect', () => {
                clearTimeout(timers[0]);
                timers.push(setTimeout(() => finish(stalled(`no full reply within ${this.timeouts.totalMs / 1000} s`)), this.timeouts.totalMs));
                socket.setTimeout(this.timeouts.idleMs, () => finish(stalled(`nothing received for ${this.timeouts.idleMs / 1000} s`)));
                socket.write(`${command}\n`);
            });
            socket.on('data', (d) => {
                reply += d.toString('utf8');
                if (reply.length > MAX_REPLY_BYTES)
                    finish(new ServiceError(service, `HAProxy's runtime API at ${shown} answered '${command}' with more than ${MAX_REPLY_BYTES / 1024} KiB; check that the address is HAProxy's stats socket.`));
            });
            socket.on('end', () => finish());
            socket.on('error', (e) => finish(unreachable(e.code ?? e.message)));
        });
    }
}
/**
 * HAProxy's own rule for proxy and server names (letters, digits, '-', '_', '.', ':'). Anything
 * else is refused before a command is sent: the runtime API reads ';' as a command separator and
 * a newline or space as the end of an argument, so 'model;disable server model/stable' would run
 * a second command (a dry run once put the stable server into maintenance that way).
 */
function checkHaproxyName(uri, what, name) {
    if (/^[A-Za-z0-9_.:-]+$/.test(name))
        return;
    const bad = [...name].find((ch) => !/[A-Za-z0-9_.:-]/.test(ch));
    const shown = bad === undefined ? 'is empty' : `contains ${JSON.stringify(bad)}`;
    throw new errors_InputError(redactUri(`Router '${uri}': the HAProxy ${what} name ${shown}; HAProxy names use only letters, digits, '-', '_', '.' and ':', as in haproxy://host:port/model?stable=stable&canary=canary.`), { input: 'router' });
}
registerRouter('haproxy', (uri) => new HaproxyRouter(uri));

;// CONCATENATED MODULE: ./packages/core/src/rollout/http-router.ts
/**
 * The seed pipeline's router contract, for a team's own load balancer: `http(s)://lb:8080`,
 * `PUT {url}/routes/model/weights` with {"canary": w, "stable": 1 - w}, and a GET of the same
 * path for what it holds. (The seed's own rollback sent {"canary": 1, "stable": 0}: all traffic
 * to the canary. Here a rollback is setWeights(0).) user:password in the URI goes out as Basic
 * auth, to that origin only.
 */





const WEIGHTS_PATH = '/routes/model/weights';
class HttpRouter {
    uri;
    endpoint;
    shown;
    http;
    constructor(uri, options = {}) {
        this.uri = uri;
        this.endpoint = `${uri.replace(/\/+$/, '')}${WEIGHTS_PATH}`;
        this.shown = shownUrl(this.endpoint);
        // The rollout retries router calls itself (and rolls back when they keep failing): one try here.
        this.http = new HttpClient({ service: 'the router', hint: 'check the router URI and that the load balancer is up', timeouts: options.timeouts, signal: options.signal, retries: 0 });
    }
    async setWeights(canary, signal) {
        checkCanaryWeight(canary);
        // Absolute weights: sending them twice is the same as once.
        const res = await this.http.request({ method: 'PUT', url: this.endpoint, body: JSON.stringify({ canary, stable: 1 - canary }), headers: { 'Content-Type': 'application/json' }, idempotent: true, signal });
        if (res.status < 200 || res.status > 299)
            throw await this.failure(res, `PUT ${WEIGHTS_PATH}`);
        res.discard();
    }
    async getWeights(signal) {
        const res = await this.http.request({ method: 'GET', url: this.endpoint, signal });
        if (res.status < 200 || res.status > 299)
            throw await this.failure(res, `GET ${WEIGHTS_PATH}`);
        const text = await res.text();
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            throw this.nonsense(`answered GET with something that is not JSON ('${text.slice(0, 60)}')`);
        }
        const canary = Number(body?.canary);
        const stable = Number(body?.stable);
        if (!(canary >= 0 && canary <= 1 && stable >= 0 && stable <= 1))
            throw this.nonsense(`holds weights ${JSON.stringify(body)}`);
        return { canary, stable };
    }
    nonsense(what) {
        return new ServiceError(`the router ${this.shown}`, `The router at ${this.shown} ${what}; it must return {"canary": <0..1>, "stable": <0..1>}.`);
    }
    async failure(res, what) {
        const text = (await res.text().catch(() => '')).trim().split('\n')[0].slice(0, 120);
        const retryable = isRetryableStatus(res.status);
        return new ServiceError(`the router ${this.shown}`, `The router at ${shownUrl(this.uri)} refused ${what} (HTTP ${res.status}${text ? `: ${text}` : ''}); ${retryable ? 'try again, or check the load balancer' : `check that it implements ${WEIGHTS_PATH}`}.`, { retryable });
    }
}
registerRouter('http', (uri) => new HttpRouter(uri));
registerRouter('https', (uri) => new HttpRouter(uri));

;// CONCATENATED MODULE: ./packages/core/src/rollout/command-router.ts
/**
 * The team's own script as the router: `command:./deploy/weights.sh` (words after the path are
 * passed first, e.g. `command:kubectl-weights --namespace prod`). It is run without a shell:
 *   <script> [args] set <canary> <stable>   moves traffic (weights 0..1; also in MODELCI_CANARY_WEIGHT
 *                                            and MODELCI_STABLE_WEIGHT); exit 0 when done
 *   <script> [args] get                      prints what the router holds, as {"canary": w, "stable": 1 - w}
 *                                            or as two numbers "canary stable"
 * A non-zero exit is a refusal; its last line of stderr is shown.
 */



/** A script that hangs must not hang the rollout. */
const COMMAND_TIMEOUT_MS = 60_000;
class CommandRouter {
    uri;
    file;
    args;
    constructor(uri) {
        this.uri = uri;
        const words = uri.replace(/^command:(\/\/)?/i, '').trim().split(/\s+/).filter(Boolean);
        if (words.length === 0)
            throw new errors_InputError(`Router '${uri}' names no command; write command:<path to script>, e.g. command:./deploy/set-weights.sh.`, { input: 'router' });
        [this.file, ...this.args] = words;
    }
    async setWeights(canary) {
        checkCanaryWeight(canary);
        const stable = 1 - canary;
        await this.run(['set', String(canary), String(stable)], { MODELCI_CANARY_WEIGHT: String(canary), MODELCI_STABLE_WEIGHT: String(stable) });
    }
    async getWeights() {
        const out = (await this.run(['get'], {})).trim();
        let canary;
        let stable;
        if (out.startsWith('{')) {
            let body;
            try {
                body = JSON.parse(out);
            }
            catch { /* shown below */ }
            canary = Number(body?.canary);
            stable = Number(body?.stable);
        }
        else {
            [canary, stable] = out.split(/\s+/).map(Number);
        }
        if (!(canary >= 0 && canary <= 1 && stable >= 0 && stable <= 1)) {
            throw new errors_InputError(`'${this.file} get' printed '${out.slice(0, 80)}'; it must print {"canary": <0..1>, "stable": <0..1>} or two numbers, canary then stable.`, { input: 'router' });
        }
        return { canary, stable };
    }
    run(args, env) {
        return new Promise((resolve, reject) => {
            (0,external_node_child_process_namespaceObject.execFile)(this.file, [...this.args, ...args], { env: { ...process.env, ...env }, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
                if (!error)
                    return resolve(stdout);
                const e = error;
                if (e.code === 'ENOENT' || e.code === 'EACCES') {
                    return reject(new errors_InputError(`The router command '${this.file}' cannot be run (${e.code}); check the path in the router input and that the file is executable (chmod +x).`, { input: 'router' }));
                }
                const why = e.killed ? `was stopped after ${COMMAND_TIMEOUT_MS / 1000} s` : `exited with ${e.code}`;
                const last = stderr.trim().split('\n').pop()?.slice(0, 200);
                reject(new errors_InputError(`The router command '${this.file} ${args[0]}' ${why}${last ? `: ${last}` : ''}.`, { input: 'router' }));
            });
        });
    }
}
registerRouter('command', (uri) => new CommandRouter(uri));

;// CONCATENATED MODULE: ./packages/core/src/rollout/routers.ts
/**
 * Every traffic router, chosen by the URI's scheme. Importing this file is what makes each
 * adapter known to openRouter, so a step (and its bundle) gets all of them or none.
 */





;// CONCATENATED MODULE: ./packages/core/src/steps/canary-deploy-inputs.ts
const CANARY_DEPLOY_INPUTS = [
    { name: 'router', type: 'uri', required: true, what: 'the traffic router, e.g. haproxy://127.0.0.1:9999/model?stable=stable&canary=canary', description: "The traffic router. haproxy://host:port/<backend>?stable=<server>&canary=<server> (HAProxy Runtime API, stats socket at level admin; haproxy:///path/admin.sock?backend=… for a unix socket), http(s)://lb:8080 (PUT/GET /routes/model/weights with {\"canary\": w, \"stable\": 1 - w}), or command:<script> (your script, called \"<script> set <canary> <stable>\" and \"<script> get\")." },
    { name: 'metrics', type: 'uri', required: true, what: 'the metrics source, e.g. prometheus+http://127.0.0.1:9090', description: "The metrics source. prometheus+http(s)://host:9090 (PromQL over the HTTP API; PROMETHEUS_TOKEN, or PROMETHEUS_USERNAME/PASSWORD, in env), or http-json+http(s)://host/path (an endpoint returning cumulative {\"canary\": {\"requests\", \"errors\", \"latency_p99_ms\"}, \"stable\": {...}})." },
    { name: 'metrics-queries', type: 'lines', description: "Prometheus queries replacing the defaults, one per line: \"requests = …\", \"errors = …\", \"p99 = …\" (p99 in seconds). {{selector}} becomes the variant's label selector and {{window}} the check window (e.g. 30s). Defaults read http_requests_total{code} and the http_request_duration_seconds histogram." },
    { name: 'canary-selector', type: 'string', default: "variant=\"canary\"", description: "PromQL label selector of the canary's series." },
    { name: 'stable-selector', type: 'string', default: "variant=\"stable\"", description: "PromQL label selector of the stable version's series." },
    { name: 'initial-weight', type: 'share', default: "5%", description: "The canary's first share of traffic (5% or 0.05)." },
    { name: 'step-weight', type: 'share', default: "10%", description: "How much the share grows at each step." },
    { name: 'steps', type: 'string', description: "An explicit list of shares, rising (e.g. \"1%, 5%, 25%, 50%\"); replaces initial-weight and step-weight." },
    { name: 'max-weight', type: 'share', default: "100%", description: "The largest share before promotion; after the step at or below it passes, the canary gets 100%." },
    { name: 'interval', type: 'duration', default: "5m", description: "How long each step lasts at least, with its unit (30s, 5m, 1h; a bare number is refused). A step ends on a passing check after this." },
    { name: 'check-interval', type: 'duration', default: "30s", description: "How often the metrics are read and judged; at most the step interval. With Prometheus it must span two scrapes (checked before anything moves)." },
    { name: 'max-error-rate', type: 'rate', default: "1%", description: "A check fails when the canary's error rate since the step began is above this with error-rate-confidence (the Wilson lower bound is above it): 1% or 0.01 (a bare 1 is refused, as it would mean 100%)." },
    { name: 'error-rate-confidence', type: 'share', default: "95%", description: "The confidence of that Wilson bound: at 95%, 2 errors in 100 requests do not fail a 1% limit (the lower bound is 0.55%). Higher waits for more evidence; from 50% up to, not including, 100%." },
    { name: 'max-latency-p99', type: 'latency', keywords: ['none'], default: "150ms", description: "A check fails when the canary's p99 latency is above this: 150ms, 0.2s, or a bare number of milliseconds (150), as in quality-gates; \"none\" to not check." },
    { name: 'max-latency-ratio', type: 'number', description: "A check fails when the canary's p99 is above this many times the stable version's over the same window (e.g. 1.5). Empty: not checked." },
    { name: 'error-rate-ratio', type: 'number', default: "10", description: "The sequential test, relative to stable: the canary is bad when it fails this many times as often as stable. Judged continuously at every check; rolls back as soon as the evidence is in." },
    { name: 'false-rollback-rate', type: 'rate', default: "1%", description: "The sequential test's chance of rolling back a canary that fails no more often than stable, however long it is watched." },
    { name: 'min-requests', type: 'count', min: 1, max: 1000000000, default: "50", description: "Canary requests a check needs to count; fewer is inconclusive, never a pass." },
    { name: 'failed-checks', type: 'count', min: 1, max: 1000, default: "2", description: "How many failed checks roll back." },
    { name: 'metrics-failures', type: 'count', min: 1, max: 1000, default: "3", description: "How many metrics reads in a row may fail (after a retry each) before rolling back." },
    { name: 'timeout', type: 'duration', description: "The whole rollout; past it, roll back. Default: twice the planned steps times interval." },
    { name: 'rollback-timeout', type: 'duration', default: "10m", description: "How long a rollback keeps trying a router that does not answer (a restart, a frozen load balancer), in the main step and again in the post step, with the wait shown in the log; keep the step's timeout-minutes above timeout plus this." },
    { name: 'dry-run', type: 'boolean', default: "false", description: "true: check that router and metrics answer, read one window, print the plan, move nothing." },
    { name: 'resume', type: 'boolean', default: "true", description: "true: when the router already gives the canary a share from an interrupted run, continue from the step at or below it instead of starting over." },
    { name: 'promote-command', type: 'string', description: "After the last step passes: the script that puts the new version on the stable servers (run without a shell, words after the path are its arguments; the model in MODELCI_MODEL_NAME, MODELCI_MODEL_VERSION, MODELCI_GIT_SHA; stopped after 15 min). The stable servers are then checked on the metrics and get 100% again, the canary 0%. Empty: the canary servers keep 100% and the summary says what to do." },
    { name: 'start-from-full-canary', type: 'boolean', default: "false", description: "true: start even when the router already gives the canary 100% (an earlier promotion without promote-command); its share first goes back to 0, to the stable servers. false: refuse with a sentence." },
    { name: 'model-name', type: 'string', description: "The model being deployed, for the record and the summary." },
    { name: 'model-version', type: 'string', description: "Its version (e.g. the register-model version output)." },
    { name: 'git-sha', type: 'string', description: "The commit that produced it. Default: the workflow's GITHUB_SHA." },
    { name: 'record-path', type: 'path', default: "modelci-deployment-record.json", description: "Where the DeploymentRecord JSON is written (after every check)." },
];
/** `modelci rollback`: what the post step does, by hand. */
const ROLLBACK_INPUTS = CANARY_DEPLOY_INPUTS.filter((s) => s.name === 'router' || s.name === 'record-path' || s.name === 'rollback-timeout');

;// CONCATENATED MODULE: ./packages/core/src/steps/canary-deploy.ts
/**
 * canary-deploy's use case, shared by the action and `modelci canary`: inputs as typed, a
 * DeploymentRecord out (also written to `record-path` after every check), plus the rollback the
 * action's post step runs when the main step did not finish.
 */















const DEFAULT_RECORD_PATH = 'modelci-deployment-record.json';
async function runCanaryDeploy(req, runtime = {}) {
    const env = runtime.env ?? process.env;
    const v = parse_input_parseInputs(CANARY_DEPLOY_INPUTS, req);
    const policy = parseCanaryPolicy(req);
    const router = openRouter(v.router);
    const metrics = openMetricsSource(v.metrics, metricsOptions(req));
    const recordPath = v['record-path'];
    const model = {
        name: req['model-name']?.trim() || undefined,
        version: req['model-version']?.trim() || undefined,
        gitSha: req['git-sha']?.trim() || env.GITHUB_SHA || undefined,
        runUrl: env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    };
    const record = await runRollout(policy, {
        router, metrics, clock: runtime.clock, signal: runtime.signal, log: runtime.log && ((line) => runtime.log(logText(line))),
        onRecord: (r) => writeRecord(recordPath, r), previous: await readRecord(recordPath),
        promote: req['promote-command']?.trim() ? promoteHook(req['promote-command'], model) : undefined,
    }, model);
    return outcome(record, recordPath);
}
/**
 * Whether a rollout with this record is over: promoted, a dry run, stable holding all traffic, or
 * the canary holding all of it on purpose (a promotion whose stable servers failed their check).
 */
function settled(record) {
    if (record.state === 'promoted' || record.state === 'dry-run')
        return true;
    if (record.state === 'rolled-back')
        return (record.finalWeight ?? 0) <= WEIGHT_TOLERANCE;
    return record.state === 'failed' && record.serving === 'canary' && (record.finalWeight ?? 0) >= 1 - WEIGHT_TOLERANCE;
}
/**
 * Did a rollout stop half-way? The record is written before any traffic moves and after every
 * change, so: no record, nothing moved (unless the main step said it could not roll back, or
 * could not write its record); a settled record, nothing to do; anything else — `failed`
 * included — the sentence that says where it stopped.
 */
async function unfinishedRollout(recordPath = DEFAULT_RECORD_PATH, mainOutcome) {
    const record = await readRecord(recordPath);
    if (!record)
        return mainOutcome === 'failed' ? 'The main step could not roll back (and could not write its record).' : undefined;
    if (settled(record) && mainOutcome !== 'failed')
        return undefined;
    if (record.state === 'failed' || mainOutcome === 'failed')
        return `The main step could not roll back: ${record.reason ?? 'the router did not answer'}`.replace(/([^.])$/, '$1.');
    const last = record.events.at(-1);
    return `The rollout stopped while ${record.state}${last?.weight != null ? ` with the canary at ${pct(last.weight)}` : ''} (the main step was cancelled, timed out or crashed).`;
}
/**
 * Send all traffic to stable and record why (`reason`, one sentence): the post step does this when
 * the main step did not finish, `modelci rollback` when asked. Idempotent: a router already at 0
 * is read back and left there.
 */
async function rollBackUnfinished(req, reason, runtime = {}) {
    const router = openRouter(canary_deploy_required(req.router, 'router', 'the traffic router'));
    const recordPath = req['record-path']?.trim() || DEFAULT_RECORD_PATH;
    const clock = runtime.clock ?? systemClock;
    const timeoutMs = parseCanaryPolicy(req).rollbackTimeoutMs;
    const now = () => new Date(clock.now()).toISOString();
    // No record yet: the main step stopped before its first write.
    const record = await readRecord(recordPath) ?? {
        schema: DEPLOYMENT_RECORD_SCHEMA, model: {}, router: redactUri(router.uri), metrics: redactUri(req.metrics ?? ''), policy: parseCanaryPolicy(req),
        startedAt: now(), state: 'initializing', steps: [], events: [],
    };
    record.events.push({ at: now(), state: 'rolling-back', weight: record.events.at(-1)?.weight ?? null, message: reason });
    try {
        const held = await rollBackRouter(router, { clock, timeoutMs, log: runtime.log && ((line) => runtime.log(logText(line))) });
        Object.assign(record, { state: 'rolled-back', reason, finalWeight: held, serving: 'stable', finishedAt: now() });
        record.events.push({ at: now(), state: 'rolled-back', weight: held, message: `stable serves 100% (${reason})` });
    }
    catch (e) {
        Object.assign(record, { state: 'failed', reason: `${reason} Rolling back FAILED: ${e.message.replace(/\.$/, '')}; run 'modelci rollback --router <uri>' again once the router answers, or set the canary's weight to 0 by hand.`, finishedAt: now() });
        record.events.push({ at: now(), state: 'failed', weight: null, message: record.reason });
    }
    // Traffic first, record after: a record that cannot be written is a warning.
    await writeRecord(recordPath, record).catch((e) => {
        (record.warnings ??= []).push(`The deployment record could not be written (${e.message.replace(/\.$/, '')}); the rollback itself is done.`);
    });
    return outcome(record, recordPath);
}
/** The record as JSON, atomically; a failure names the path (ENOSPC, EACCES, …). */
async function writeRecord(path, record) {
    try {
        await writeFileAtomic(path, JSON.stringify(record, null, 2) + '\n');
    }
    catch (e) {
        const err = e;
        throw new Error(`record-path '${path}': ${err.code ?? err.message}${err.code === 'ENOSPC' ? ', no space left on the device' : ''}`, { cause: e });
    }
}
/** The record at `path`, or undefined when there is none (or it is not a DeploymentRecord). */
async function readRecord(path) {
    try {
        const parsed = JSON.parse(await (0,promises_namespaceObject.readFile)(path, 'utf8'));
        return parsed.schema === DEPLOYMENT_RECORD_SCHEMA ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function outcome(record, recordPath) {
    return {
        record, recordPath, markdown: renderDeploymentMarkdown(record),
        outputs: { outcome: record.state, record: recordPath, 'final-weight': record.finalWeight === undefined ? '' : String(record.finalWeight), reason: record.reason ?? '', serving: record.serving ?? '' },
        passed: record.state === 'promoted' || record.state === 'dry-run',
        warnings: record.warnings ?? [],
    };
}
function metricsOptions(req) {
    const queries = {};
    const lines = (req['metrics-queries'] ?? '').split(/[\n;]/).map((l) => l.trim()).filter(Boolean);
    for (const [i, line] of lines.entries()) {
        const m = /^(requests|errors|p99)\s*[=:]\s*(.+)$/.exec(line);
        if (!m)
            throw new errors_InputError(`Input 'metrics-queries' line ${i + 1}, '${line.slice(0, 60)}', is not 'requests|errors|p99 = <query>'; write one query per line, e.g. 'errors = sum(increase(http_requests_total{code=~"5..",{{selector}}}[{{window}}]))'.`, { input: 'metrics-queries' });
        queries[m[1]] = m[2];
    }
    const selectors = {};
    if (req['canary-selector']?.trim())
        selectors.canary = req['canary-selector'].trim();
    if (req['stable-selector']?.trim())
        selectors.stable = req['stable-selector'].trim();
    return { queries, selectors };
}
function canary_deploy_required(value, input, what) {
    const v = value?.trim();
    if (!v)
        throw new errors_InputError(`Input '${input}' is required: ${what}.`, { input });
    return v;
}

;// CONCATENATED MODULE: ./packages/core/src/render/drift-text.ts



/** A terminal is 80 columns unless told otherwise. */
const WIDTH = 80;
const SHORT_EFFECT = { wasserstein: 'W', psi: 'PSI', ks: 'KS D', 'jensen-shannon': 'JS', 'cramers-v': 'V' };
/**
 * The DriftReport for a terminal: a table that fits `width` columns (long feature names are
 * cut, the full name is in the reasons below) and the reasons; the data's own text (names,
 * categories) escaped, as a CI log reads it.
 */
function renderDriftText(report, color = false, width = WIDTH) {
    const paint = (code, s) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const v = report.verdict;
    const head = v.critical ? paint(31, 'CRITICAL') : v.drifted ? paint(33, 'DRIFT') : paint(32, 'OK');
    const showMissing = report.features.some((f) => f.missing && f.missing.change !== null && f.missing.change !== 0);
    const ordered = orderForReading(report.features);
    const rows = ordered.map((f) => [
        logText(f.name),
        f.status,
        testText(f),
        f.test ? formatP(f.test.pAdjusted) : '-',
        f.effect ? `${SHORT_EFFECT[f.effect.name] ?? f.effect.name} ${formatNumber(f.effect.value)}` : '-',
        f.effect ? formatNumber(f.effect.threshold) : '-',
        ...(showMissing ? [f.missing ? `${formatPercent(f.missing.reference)}>${formatPercent(f.missing.current)}` : '-'] : []),
    ]);
    const header = ['feature', 'status', 'test', 'p corr.', 'effect', 'min', ...(showMissing ? ['missing'] : [])];
    const len = (s) => [...s].length;
    const widths = header.map((h, i) => Math.max(len(h), ...rows.map((r) => len(r[i]))));
    // Whatever the other columns leave (two spaces between columns) is the feature column's.
    const others = widths.slice(1).reduce((s, w) => s + w + 2, 0);
    widths[0] = Math.max(8, Math.min(widths[0], width - others));
    const cut = (s, w) => (len(s) <= w ? s : [...s].slice(0, w - 1).join('') + '…');
    const line = (r) => r.map((c, i) => { const t = cut(c, widths[i]); return t + ' '.repeat(widths[i] - len(t)); }).join('  ').trimEnd();
    const out = [`${head}  ${logText(v.summary)}`, logText(describeRun(report).replace(/`/g, '')), '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
    for (const f of ordered) {
        out.push(logText(`${f.name}: ${f.reason}`));
        if (f.status === 'drift') {
            const moved = movementText(f, (s) => s);
            if (moved)
                out.push(logText(`  ${moved}`));
        }
    }
    for (const s of report.findings)
        if (s.severity === 'notice')
            out.push(logText(s.message));
    return out.join('\n') + '\n';
}
function testText(f) {
    const t = f.test;
    if (!t)
        return f.unit ? 'range only' : '-';
    return t.name === 'ks' ? `KS D ${formatNumber(t.statistic)}` : `chi2 ${formatNumber(t.statistic)}/${t.dof}`;
}

;// CONCATENATED MODULE: ./packages/core/src/render/gates-text.ts




/** Wider matrices do not fit a terminal line. */
const MAX_TEXT_MATRIX_CLASSES = 10;
function renderGatesText(verdict) {
    // Names, paths, labels and model metadata are the user's and the model's text: escape every
    // string once, so none can break a line or start a workflow command in a CI log.
    const v = everyString(verdict, logText);
    const e = v.evaluation;
    const blocks = [
        [`${v.passed ? 'PASSED' : 'FAILED'}  quality gates: ${verdictCount(v)}`, v.summary, sourceLine(v)],
        gateLines(v.gates),
        v.checks.map((c) => `${c.passed ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`),
        e ? metricLines(e) : reportLines(v),
        e?.latency ? latencyLines(e.latency) : [],
        e ? confusionLines(e) : [],
        e ? robustnessLines(e) : [],
        baselineLines(v),
        (e?.notes ?? []).map((n) => `note: ${n}`),
    ];
    return ascii(blocks.filter((b) => b.length > 0).map((b) => b.join('\n')).join('\n\n')) + '\n';
}
function sourceLine(v) {
    const e = v.evaluation;
    if (!e)
        return `report: ${v.source.report ?? '-'}`;
    return `model: ${e.model.path} (${formatQuantity(e.model.sizeBytes, 'bytes')}, ${e.task}) on ${e.data.spec}: ${formatCount(e.data.rows)} rows, label ${e.data.labelColumn}` +
        (e.data.rowsWithMissingInputs > 0 ? `, ${formatCount(e.data.rowsWithMissingInputs)} with missing inputs` : '');
}
function gateLines(gates) {
    if (gates.length === 0)
        return [];
    const rows = gates.map((g) => {
        const c = gateCells(g);
        return [g.gate, c.actual, c.threshold, c.margin, g.passed ? 'PASS' : 'FAIL'];
    });
    return alignTable(['gate', 'actual', 'threshold', 'margin', 'result'], rows, [false, true, true, true, false]);
}
function metricLines(e) {
    const m = e.metrics;
    const c = e.classification;
    if (!c)
        return [`metrics: MAE ${metricValue('mae', m.mae)}, RMSE ${metricValue('rmse', m.rmse)}, R^2 ${metricValue('r2', m.r2)}`];
    const ci = c.accuracyInterval;
    const lines = [
        `metrics: accuracy ${metricValue('accuracy', m.accuracy)} (${Math.round(ci.confidence * 100)}% CI ${metricValue('accuracy', ci.low)}-${metricValue('accuracy', ci.high)}), ` +
            `balanced accuracy ${metricValue('balanced_accuracy', m.balanced_accuracy)}, macro F1 ${metricValue('macro_f1', m.macro_f1)}, ` +
            `log loss ${metricValue('log_loss', m.log_loss)}, ROC AUC ${metricValue('roc_auc', m.roc_auc)}`,
    ];
    if (c.collapsed.length > 0)
        lines.push(`collapsed: the model never predicts ${c.collapsed.map((l) => `'${l}'`).join(', ')}`);
    return lines;
}
function reportLines(v) {
    const rows = Object.entries(v.metrics).map(([name, value]) => [name, metricValue(name, value)]);
    return rows.length === 0 ? [] : ['metrics (from the report):', ...alignTable(['metric', 'value'], rows, [false, true]).map((l) => `  ${l}`)];
}
function latencyLines(l) {
    const lines = [
        `latency: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)}, mean ${ms(l.mean)}; ${rowsPerSecond(l.throughput)} at batch size ${l.batchSize}; ` +
            `${formatCount(l.runs)} runs after ${formatCount(l.warmupRuns)} warm-up`,
        `hardware: ${hardwareLine(l)}`,
    ];
    if (l.warning)
        lines.push(`warning: ${l.warning}`);
    return lines;
}
/** Only for a few classes: beyond that the summary's table (or the JSON) is the place. */
function confusionLines(e) {
    const c = e.classification;
    if (!c || c.labels.length === 0)
        return [];
    if (c.labels.length > MAX_TEXT_MATRIX_CLASSES)
        return [`confusion matrix: ${c.labels.length} classes, too many for a terminal; see --format markdown or json.`];
    const rows = c.labels.map((label, i) => [label, ...c.matrix[i].map(String)]);
    const table = alignTable(['true \\ predicted', ...c.labels], rows, [false, ...c.labels.map(() => true)]);
    return ['confusion matrix (rows = true class, columns = predicted):', ...table.map((l) => `  ${l}`)];
}
/** Probes that did not pass; the passing ones would only be noise here. */
function robustnessLines(e) {
    // An unprobed check's detail already starts with 'Not probed'.
    return e.robustness.filter((r) => r.passed !== true).map((r) => `robustness ${r.name}: ${r.passed === null ? '' : `${robustnessResult(r).word.toUpperCase()}  `}${r.detail}`);
}
function baselineLines(v) {
    if (!v.baselineMetrics)
        return [];
    const lines = [`baseline: ${v.evaluation?.baseline?.model ?? v.source.baseline ?? '-'}`];
    const rows = baselineRows(v.metrics, v.baselineMetrics).map((r) => [r.metric, r.candidate, r.baseline, r.delta]);
    if (rows.length > 0)
        lines.push(...alignTable(['metric', 'candidate', 'baseline', 'delta'], rows, [false, true, true, true]).map((l) => `  ${l}`));
    const m = v.evaluation?.baseline?.mcnemar;
    if (m)
        lines.push(`McNemar: b = ${m.candidateRightBaselineWrong}, c = ${m.candidateWrongBaselineRight}, statistic ${formatNumber(m.statistic)}, ${pEquals(m.pValue)}: ${m.conclusion}`);
    return lines;
}
/** Columns padded to their widest cell; numbers right-aligned so digits line up. */
function alignTable(header, rows, right) {
    const width = (s) => [...s].length;
    const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
    const pad = (s, i) => (right[i] ? ' '.repeat(widths[i] - width(s)) + s : s + ' '.repeat(widths[i] - width(s)));
    const line = (r) => r.map((c, i) => pad(c ?? '', i)).join('  ').trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
/** The typographic symbols the shared formatters and messages use, in ASCII for any terminal. */
const ASCII = [
    [/≥/g, '>='], [/≤/g, '<='], [/[–—]/g, '-'], [/∞/g, 'inf'], [/×/g, 'x'], [/Δ/g, 'delta'], [/²/g, '^2'], [/µ/g, 'u'], [/[’‘]/g, "'"], [/[“”]/g, '"'], [/·/g, '-'], [/…/g, '...'],
];
function ascii(s) {
    return ASCII.reduce((t, [re, to]) => t.replace(re, to), s);
}
/** A copy of a JSON-like value with every string (keys too) passed through f. */
function everyString(value, f) {
    if (typeof value === 'string')
        return f(value);
    if (Array.isArray(value))
        return value.map((x) => everyString(x, f));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([k, x]) => [f(k), everyString(x, f)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/core/src/render/canary-text.ts



function renderDeploymentText(r) {
    const checks = r.steps.flatMap((s) => s.checks);
    const reason = r.reason ?? '';
    const lines = [
        `${r.state.toUpperCase()}: ${logText(reason)}`,
        `  final canary share ${r.finalWeight === undefined ? '–' : formatPercent(r.finalWeight)}${r.serving ? ` (the ${r.serving} servers serve everything)` : ''}; ${r.steps.length} step(s), ${checks.length ? tally(checks) : '0'} check(s)`,
    ];
    // The reason is printed once, above: events that repeat it point there.
    for (const e of r.events) {
        const message = reason && e.message.includes(reason) ? e.message.replace(reason, '(the reason above)') : e.message;
        lines.push(`  ${e.at.slice(11, 19)}  ${e.state.padEnd(12)} ${e.weight === null ? '   –' : formatPercent(e.weight).padStart(6)}  ${logText(message)}`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./packages/core/src/shared/cancellation.ts
/**
 * An AbortSignal that fires on SIGINT or SIGTERM: Ctrl-C, and how the GitHub runner cancels a
 * step (SIGINT, then SIGTERM). The rollout loop hears it, rolls back, and returns.
 */
function abortOnSignals() {
    const controller = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'])
        process.once(signal, () => controller.abort(new Error(signal)));
    return controller.signal;
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts
/**
 * The public surface of @modelci/core. The shells (actions, CLI) use the steps and renderers;
 * the rest is here for the repository's own integration tests and benches. Everything else is
 * internal: import it by path from inside this package only.
 */
// Steps: one use case per action, with its inputs as the user typed them.




// Input catalogues: each step's inputs, once (action.yml, CLI flags and help agree with them).




// Renderers: the Markdown and terminal views of every report.







// The shared vocabulary the shells need.






// Building blocks the integration tests and benches drive directly.




















;// CONCATENATED MODULE: ./packages/cli/src/command.ts
class UsageError extends Error {
}

;// CONCATENATED MODULE: ./packages/cli/src/exit-codes.ts
/** The CLI's exit statuses, one meaning each; `modelci --help` and the README list them. */
const EXIT = {
    /** The check passed: no failing drift, gates passed, canary promoted, the operation done. */
    passed: 0,
    /** The verdict failed or a policy refused: drift per --fail-on, a failed gate, a rolled-back canary. */
    failed: 1,
    /** Bad input: a flag, a file or a value the user can fix; nothing was changed. */
    badInput: 2,
    /** An outside service failed (registry, router, metrics source, MLflow): the message says whether retrying helps. */
    service: 3,
    /** A bug in modelci: please report it. */
    bug: 4,
};
const EXIT_HELP = `Exit status:
  0  passed (no failing drift, gates passed, canary promoted, operation done)
  1  failed verdict or policy refusal (drift per --fail-on, a failed gate, a rolled-back canary)
  2  bad input (a flag, file or value to fix; nothing was changed)
  3  an outside service failed (registry, router, metrics source, MLflow); the message says whether to retry
  4  a bug in modelci (please report it)`;

;// CONCATENATED MODULE: ./packages/cli/src/commands/print-result.ts
/** JSON for machines, the rendered text for people. */
function printResult(io, format, value, text) {
    io.stdout(format === 'json' ? JSON.stringify(value, null, 2) + '\n' : text);
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/attach.ts



const attach = {
    name: 'attach',
    summary: 'add a later verdict, drift report or commit to an existing version',
    usage: '--name <name> --version <n|alias> [--gate-verdict <verdict.json>] [--drift-report <report.json>] [--git-sha <sha>] [flags]',
    inputs: ATTACH_INPUTS,
    formats: ['text', 'json'],
    async run(flags, io) {
        const r = await runAttach(flags);
        if (r.warning)
            io.stderr(`modelci: warning: ${r.warning}\n`);
        printResult(io, flags.format, r.version, renderVersionText(r.version, `Attached to ${r.version.name} v${r.version.version}.`));
        return EXIT.passed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/canary.ts


const canary = {
    name: 'canary',
    summary: 'shift traffic to a canary step by step; roll back by itself (Ctrl-C rolls back)',
    usage: '--router <uri> --metrics <uri> [policy flags]',
    inputs: CANARY_DEPLOY_INPUTS,
    formats: ['text', 'markdown', 'json'],
    async run(flags, io) {
        const outcome = await runCanaryDeploy(flags, { signal: abortOnSignals(), log: (line) => io.stderr(`${line}\n`) });
        printDeployment(io, flags.format, outcome);
        // No post step here: a rollback that did not take is the router's failure, said in one sentence.
        return outcome.passed ? EXIT.passed : outcome.record.state === 'failed' ? EXIT.service : EXIT.failed;
    },
};
function printDeployment(io, format, outcome) {
    const r = outcome.record;
    io.stdout(format === 'json' ? JSON.stringify(r, null, 2) + '\n' : format === 'markdown' ? renderDeploymentMarkdown(r) : renderDeploymentText(r));
    for (const warning of outcome.warnings)
        io.stderr(`warning: ${warning}\n`);
    io.stderr(`record: ${outcome.recordPath}${outcome.warnings.some((w) => /record could not be written/.test(w)) ? ' (not written, see the warning)' : ''}\n`);
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/drift.ts


const drift = {
    name: 'drift',
    summary: 'check data against a reference (data or profile); fail on real drift',
    usage: '--reference <profile.json|data> --current <data> [flags]',
    inputs: CHECK_DRIFT_INPUTS,
    formats: ['text', 'markdown', 'json'],
    aliases: { threshold: 'significance-level' },
    async run(flags, io) {
        const outcome = await runDriftCheck(flags);
        const r = outcome.report;
        io.stdout(flags.format === 'json' ? JSON.stringify(r, null, 2) + '\n' : flags.format === 'markdown' ? renderDriftMarkdown(r) : renderDriftText(r, io.isTTY));
        io.stderr(`report: ${outcome.reportPath}${outcome.profilePath ? `, profile: ${outcome.profilePath}` : ''}\n`);
        return r.verdict.failed ? EXIT.failed : EXIT.passed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/gates.ts


const gates = {
    name: 'gates',
    summary: 'evaluate a model (or read your report) and apply quality gates',
    usage: "--model <model.onnx> --test-data <data> --label-column <name> --gates '<a; b>' [flags]   or   --report <metrics.json> --gates '<a; b>'",
    inputs: QUALITY_GATES_INPUTS,
    formats: ['text', 'markdown', 'json'],
    aliases: { output: 'verdict-path' },
    async run(flags, io) {
        const outcome = await runQualityGates(flags);
        const v = outcome.verdict;
        io.stdout(flags.format === 'json' ? JSON.stringify(v, null, 2) + '\n' : flags.format === 'markdown' ? renderGatesMarkdown(v) : renderGatesText(v));
        io.stderr(`verdict: ${outcome.verdictPath}\n`);
        return v.passed ? EXIT.passed : EXIT.failed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/list.ts



const list = {
    name: 'list',
    summary: "list a model's versions",
    usage: '--name <name> [--registry <uri>] [flags]',
    inputs: LIST_INPUTS,
    formats: ['text', 'json'],
    async run(flags, io) {
        const versions = await runList(flags);
        printResult(io, flags.format, versions, versions.map((v) => renderVersionText(v, `v${v.version}`)).join(''));
        return EXIT.passed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/profile.ts


const profile = {
    name: 'profile',
    summary: 'profile a dataset into a reference JSON for later drift checks',
    usage: '<data> --out <profile.json> [flags]',
    inputs: PROFILE_INPUTS,
    formats: ['text'],
    positional: 'data',
    async run(flags, io) {
        const { summary } = await runProfile(flags);
        io.stdout(summary + '\n');
        return EXIT.passed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/promote.ts



const promote = {
    name: 'promote',
    summary: 'point an alias (production, staging, ...) at a version',
    usage: '--name <name> --version <n|alias> [--alias production] [--force true] [flags]',
    inputs: PROMOTE_INPUTS,
    formats: ['text', 'json'],
    async run(flags, io) {
        const r = await runPromote(flags);
        if (r.warning)
            io.stderr(`modelci: warning: ${r.warning}\n`);
        const was = r.move.previousVersion !== undefined ? ` (was v${r.move.previousVersion})` : '';
        printResult(io, flags.format, r.move, renderVersionText(r.version, `${r.move.alias} -> ${r.version.name} v${r.move.version}${was}.`));
        return EXIT.passed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/register.ts



const register = {
    name: 'register',
    summary: 'store a model version with its metrics and provenance',
    usage: '--name <name> --model <file|dir> [--metrics <verdict.json>] [--registry <uri>] [flags]',
    inputs: REGISTER_INPUTS,
    formats: ['text', 'json'],
    async run(flags, io) {
        const r = await runRegister(flags);
        if (r.warning)
            io.stderr(`modelci: warning: ${r.warning}\n`);
        const line = r.existing ? `${r.version.name} v${r.version.version} already holds this content: nothing registered, 0 bytes written.` : `Registered ${r.version.name} v${r.version.version}.`;
        printResult(io, flags.format, { ...r.version, existing: r.existing, bytesWritten: r.bytesWritten }, renderVersionText(r.version, line));
        return EXIT.passed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/resolve.ts



const resolve = {
    name: 'resolve',
    summary: 'find a version (by number or alias) and optionally download its files, verified',
    usage: '--name <name> [--version production] [--download <dir>] [flags]',
    inputs: RESOLVE_INPUTS,
    formats: ['text', 'json'],
    async run(flags, io) {
        const r = await runResolve(flags);
        const files = r.files.length > 0 ? `; ${r.files.length} file(s) downloaded and verified` : '';
        printResult(io, flags.format, { ...r.version, downloaded: r.files }, renderVersionText(r.version, `${r.version.name} ${flags.version ?? 'production'} is v${r.version.version}${files}.`));
        return EXIT.passed;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/rollback.ts



const rollback = {
    name: 'rollback',
    summary: 'give the stable version all traffic again (what the action\'s post step does)',
    usage: '--router <uri> [--record-path <file>] [flags]',
    inputs: ROLLBACK_INPUTS,
    formats: ['text', 'markdown', 'json'],
    async run(flags, io) {
        const outcome = await rollBackUnfinished(flags, 'Rolled back by hand (modelci rollback).', { log: (line) => io.stderr(`${line}\n`) });
        printDeployment(io, flags.format, outcome);
        return outcome.passed || outcome.record.state === 'rolled-back' ? EXIT.passed : EXIT.service;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/index.ts










const COMMANDS = [drift, profile, gates, register, attach, promote, resolve, list, canary, rollback];

;// CONCATENATED MODULE: ./packages/cli/src/flag-syntax.ts
/**
 * Core's sentences name inputs as an action user writes them (`Input 'report-path'`,
 * `set force: true`). The CLI shows the same sentences in flag syntax (`--report-path`,
 * `--force true`), so a fix can be typed as read.
 */
function toFlagSyntax(message) {
    return message
        .replace(/\bInputs '([a-z0-9-]+)' and '([a-z0-9-]+)'/g, '--$1 and --$2')
        .replace(/\b[Ii]nput '([a-z0-9-]+)'/g, '--$1')
        .replace(/\bset ([a-z0-9-]+): ([^\s,;.)]+)/g, 'add --$1 $2');
}

;// CONCATENATED MODULE: ./packages/cli/src/parse-flags.ts


/**
 * `--name value`, `--name=value`, and a bare `--name` for true/false flags. Unknown flags get the
 * nearest known one, and a flag from the seed's scripts gets the modelci flag that means the same.
 */
function parseFlags(command, args) {
    const specs = new Map(command.inputs.map((s) => [s.name, s]));
    const names = [...specs.keys(), 'format'];
    const flags = {};
    const positionals = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('--') || arg === '--') {
            positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        if (!names.includes(name))
            throw new UsageError(unknownFlag(command, name, names));
        let value = eq < 0 ? undefined : arg.slice(eq + 1);
        if (value === undefined) {
            const next = args[i + 1];
            if (next !== undefined && !next.startsWith('--')) {
                value = next;
                i++;
            }
            else if (specs.get(name)?.type === 'boolean') {
                value = 'true';
            }
            else {
                throw new UsageError(`--${name} needs a value, e.g. --${name} ${placeholder(name, command)}; run 'modelci ${command.name} --help' for the flags.`);
            }
        }
        if (name in flags)
            throw new UsageError(`--${name} was given twice; give it once.`);
        flags[name] = value;
    }
    if (command.positional) {
        if (positionals.length !== 1)
            throw new UsageError(`give exactly one ${command.positional} path, e.g. modelci ${command.name} ${command.usage}`);
        flags[command.positional] = positionals[0];
    }
    else if (positionals.length > 0) {
        throw new UsageError(`modelci ${command.name} takes no argument '${positionals[0]}'; give values as flags, e.g. --${command.inputs[0].name} ${placeholder(command.inputs[0].name, command)}.`);
    }
    const format = flags.format ?? command.formats[0];
    if (!command.formats.includes(format))
        throw new UsageError(`--format is '${format}'; use ${command.formats.join(', ')}.`);
    flags.format = format;
    return flags;
}
function unknownFlag(command, name, names) {
    const alias = command.aliases?.[name];
    if (alias)
        return `modelci ${command.name} has no --${name} (a seed script's flag); the flag that means the same here is --${alias}.`;
    const near = closestName(name, names);
    return `unknown flag --${name} for modelci ${command.name}; ${near ? `did you mean --${near}? ` : ''}run 'modelci ${command.name} --help' for the flags.`;
}
function placeholder(name, command) {
    const spec = command.inputs.find((s) => s.name === name);
    if (!spec)
        return '<text>';
    if (spec.type === 'choice' && spec.choices)
        return spec.choices.join('|');
    return { path: '<path>', uri: '<uri>', boolean: 'true|false', count: '<n>', number: '<x>', probability: '<p>', list: '<a,b>', lines: "'<a; b>'", duration: '<30s|5m>', latency: '<ms|150ms>', size: '<500MB>', share: '<5%>', rate: '<1%>', string: '<text>', choice: '<choice>' }[spec.type];
}

;// CONCATENATED MODULE: ./packages/cli/src/help.ts


const help_WIDTH = 100;
function commandHelp(c, version) {
    const lines = [`modelci ${version} — ${c.name}: ${c.summary}`, '', `Usage: modelci ${c.name} ${c.usage}`, '', 'Flags:'];
    const flag = (name, extra, description) => {
        const head = `  --${name} ${extra}`;
        lines.push(head);
        for (const l of wrap(description, help_WIDTH - 6))
            lines.push(`      ${l}`);
    };
    for (const s of c.inputs) {
        if (s.name === c.positional)
            continue;
        const notes = [s.required ? 'required' : '', s.default !== undefined ? `default ${s.default}` : ''].filter(Boolean).join(', ');
        flag(s.name, `${placeholder(s.name, c)}${notes ? `  (${notes})` : ''}`, s.description);
    }
    flag('format', `${c.formats.join('|')}  (default ${c.formats[0]})`, 'What to print on stdout; the report file is written either way.');
    flag('help', '', 'This text.');
    if (c.aliases) {
        lines.push('', 'From the seed scripts: ' + Object.entries(c.aliases).map(([from, to]) => `--${from} is --${to}`).join(', ') + '.');
    }
    lines.push('', EXIT_HELP, '');
    return lines.join('\n');
}
function overviewHelp(commands, version) {
    const width = Math.max(...commands.map((c) => c.name.length));
    return [
        `modelci ${version} — CI/CD for machine-learning models`,
        '',
        'Usage: modelci <command> [flags]      modelci <command> --help for its flags',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        'Data: CSV, TSV, JSON Lines or Parquet; a file, a directory or a glob (quote it).',
        'Flags have the names, types and defaults of the matching action\'s inputs.',
        '',
        EXIT_HELP,
        '',
    ].join('\n');
}
function wrap(text, width) {
    const out = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && line.length + 1 + word.length > width) {
            out.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        out.push(line);
    return out;
}

;// CONCATENATED MODULE: ./packages/cli/src/cli.ts
/**
 * `modelci <command> [flags]`: find the command (or the nearest one), read its flags, run it,
 * and map what went wrong to one line on stderr and one exit status.
 */







const HELP = new Set(['--help', '-h', 'help']);
async function runCli(argv, io, version) {
    const [name, ...rest] = argv;
    if (name === undefined) {
        io.stderr(overviewHelp(COMMANDS, version));
        return EXIT.badInput;
    }
    if (HELP.has(name)) {
        const about = rest[0] && COMMANDS.find((c) => c.name === rest[0]);
        io.stdout(about ? commandHelp(about, version) : overviewHelp(COMMANDS, version));
        return EXIT.passed;
    }
    if (name === '--version' || name === 'version') {
        io.stdout(`${version}\n`);
        return EXIT.passed;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
        const near = closestName(name, COMMANDS.map((c) => c.name));
        return fail(io, EXIT.badInput, `unknown command '${name}'; ${near ? `did you mean '${near}'? The` : 'the'} commands are ${COMMANDS.map((c) => c.name).join(', ')} (modelci --help).`);
    }
    if (rest.some((a) => a === '--help' || a === '-h')) {
        io.stdout(commandHelp(command, version));
        return EXIT.passed;
    }
    try {
        return await command.run(parseFlags(command, rest), io);
    }
    catch (e) {
        if (e instanceof UsageError || isInputError(e))
            return fail(io, EXIT.badInput, toFlagSyntax(e.message));
        if (isServiceError(e))
            return fail(io, EXIT.service, toFlagSyntax(e.message));
        if (isPolicyError(e))
            return fail(io, EXIT.failed, toFlagSyntax(e.message));
        const err = e instanceof Error ? e : new Error(String(e));
        io.stderr(`modelci: unexpected error, a bug in modelci (please report it with this text): ${err.stack ?? err.message}\n`);
        return EXIT.bug;
    }
}
function fail(io, code, message) {
    io.stderr(`modelci: ${message}\n`);
    return code;
}


/***/ }),

/***/ 49:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(330);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(35);
// The `modelci` command's entry: everything it does is in cli.ts and the command table.


const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), isTTY: process.stdout.isTTY === true };
process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .a)(process.argv.slice(2), io, _package_json__WEBPACK_IMPORTED_MODULE_0__/* .version */ .rE);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ }),

/***/ 330:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(49);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
