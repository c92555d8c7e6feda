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
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../shared/errors.js';
import { DATA_EXTENSIONS, formatOf } from './formats.js';

const MAGIC = /[*?[]/;

export function isGlob(spec: string): boolean {
  return MAGIC.test(spec);
}

export async function resolveFiles(spec: string): Promise<string[]> {
  if (spec.trim() === '') {
    throw new InputError('The data path is empty; name a file, a directory or a glob such as data/*.csv.', {});
  }
  const st = await stat(spec).catch(() => undefined);
  if (st?.isFile()) return [spec];
  if (st?.isDirectory()) {
    const files = (await walk(spec)).filter((f) => isDataFile(f, false));
    if (files.length === 0) {
      throw new InputError(`Directory ${spec} holds no data files; put ${DATA_EXTENSIONS} files in it, or name the files with a glob.`, { file: spec });
    }
    return sortPaths(files);
  }
  if (!isGlob(spec)) {
    throw new InputError(`File ${spec} does not exist; check the path (relative paths start at ${process.cwd()}).`, { file: spec });
  }
  const matched = await glob(spec);
  const wantTxt = /\.txt(\.gz)?$/i.test(spec);
  const files = matched.filter((f) => isDataFile(f, wantTxt));
  if (files.length === 0) {
    const why = matched.length === 0 ? 'matches no files' : `matches ${matched.length} file${matched.length === 1 ? '' : 's'} but no data file`;
    throw new InputError(`The glob ${spec} ${why}; check the pattern (relative paths start at ${process.cwd()}) and that the files are ${DATA_EXTENSIONS}.`, {
      file: spec,
    });
  }
  return sortPaths(files);
}

function isDataFile(file: string, txt: boolean): boolean {
  const f = formatOf(file);
  return f !== undefined && (f !== 'txt' || txt);
}

function sortPaths(files: string[]): string[] {
  return [...new Set(files)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`Directory ${dir} cannot be read (permission denied); make it readable.`, { file: dir });
    throw e;
  }
}

/** Is this entry a file / a directory (following a symbolic link for files only)? */
async function kindOf(dir: string, ent: Dirent): Promise<'file' | 'dir' | 'other'> {
  if (ent.isFile()) return 'file';
  if (ent.isDirectory()) return 'dir';
  if (ent.isSymbolicLink()) {
    const st = await stat(join(dir, ent.name)).catch(() => undefined);
    if (st?.isFile()) return 'file';
  }
  return 'other';
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const ent of await entries(dir)) {
    if (ent.name.startsWith('.') || ent.name.startsWith('_')) continue;
    const kind = await kindOf(dir, ent);
    if (kind === 'file') out.push(join(dir, ent.name));
    else if (kind === 'dir') out.push(...(await walk(join(dir, ent.name))));
  }
  return out;
}

/** A glob segment as a RegExp over one path segment. */
export function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
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
    } else re += c.replace(/[.+^${}()|\\\]]/g, (m) => `\\${m}`);
  }
  return new RegExp(`^${re}$`);
}

async function glob(pattern: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (segs[segs.length - 1] === '**') segs.push('*'); // 'dir/**': every file under dir
  // the leading segments without wildcards are the directory to start from
  let i = 0;
  const base: string[] = [];
  while (i < segs.length - 1 && !isGlob(segs[i])) base.push(segs[i++]);
  let root = base.join('/');
  if (absolute && root === '') root = '/';
  const out: string[] = [];
  await matchFrom(root, segs.slice(i), out);
  return out;
}

async function matchFrom(dir: string, segs: string[], out: string[]): Promise<void> {
  const [seg, ...rest] = segs;
  const here = dir === '' ? '.' : dir;
  const path = (name: string): string => (dir === '' ? name : dir === '/' ? `/${name}` : `${dir}/${name}`);
  if (seg === '**') {
    // zero directories, then one more directory at a time
    if (rest.length > 0) await matchFrom(dir, rest, out);
    for (const ent of await entries(here)) {
      if (ent.name.startsWith('.') || ent.name.startsWith('_')) continue;
      if ((await kindOf(here, ent)) === 'dir') await matchFrom(path(ent.name), segs, out);
    }
    return;
  }
  if (!isGlob(seg)) {
    const st = await stat(path(seg)).catch(() => undefined);
    if (rest.length === 0) {
      if (st?.isFile()) out.push(path(seg));
    } else if (st?.isDirectory()) await matchFrom(path(seg), rest, out);
    return;
  }
  const re = segmentRegExp(seg);
  const dotOk = seg.startsWith('.');
  for (const ent of await entries(here)) {
    if (!dotOk && ent.name.startsWith('.')) continue;
    if (!re.test(ent.name)) continue;
    const kind = await kindOf(here, ent);
    if (rest.length === 0) {
      if (kind === 'file') out.push(path(ent.name));
    } else if (kind === 'dir') await matchFrom(path(ent.name), rest, out);
  }
}
