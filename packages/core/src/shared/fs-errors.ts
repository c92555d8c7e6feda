/**
 * The operating system's answer about a path the user gave (EISDIR, ENOSPC, ...) as one sentence
 * naming that input and saying what to do: the shells print InputErrors without a stack trace.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';

export interface UserPath {
  /** The action input or CLI flag the path came from: 'report-path', 'registry'. */
  input?: string;
  /** The path as the user gave it (shown as given, not resolved). */
  path: string;
  /** What the input must name: a file to write, or a folder to write into. */
  expect: 'file' | 'folder';
  /** A file name to suggest inside a folder given where a file is expected: 'report.json'. */
  example?: string;
}

/** Codes a person can act on; anything else (a bug, a broken disk) is left as it was thrown. */
const KNOWN = new Set([
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
  'ENOENT',
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EMFILE',
  'ENFILE',
  'EBUSY',
  'ENOTEMPTY',
  'ENAMETOOLONG',
  'ELOOP',
]);

export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * An InputError for an OS error on a user-given path, or the error unchanged when its code says
 * nothing the user can fix. `where.path` may be the user's path or one inside it (a registry's
 * index file); the sentence names the user's, and the inner path where it differs.
 */
export function userPathError(e: unknown, where: UserPath): unknown {
  const code = errnoCode(e);
  if (code === undefined || !KNOWN.has(code)) return e;
  return new InputError(sentence(code, where, (e as NodeJS.ErrnoException).path), { input: where.input, file: where.path });
}

/**
 * Run `work`, turning OS errors on the user's path into sentences (see userPathError). With
 * `within` (a resolved folder), only errors on paths inside it are the user's: a model file read
 * elsewhere in the same work keeps its own error.
 */
export async function onUserPath<T>(where: UserPath, work: () => Promise<T>, within?: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const failed = (e as NodeJS.ErrnoException | undefined)?.path;
    if (within !== undefined && typeof failed === 'string' && isOutside(within, path.resolve(failed))) throw e;
    throw userPathError(e, where);
  }
}

function isOutside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel.startsWith('..') || path.isAbsolute(rel);
}

function sentence(code: string, where: UserPath, inner: string | undefined): string {
  const shown = where.path;
  const subject = where.input ? `Input '${where.input}' (${shown})` : shown;
  const what = where.expect === 'file' ? 'a file path' : 'a folder';
  // The inner path helps when it is a registry's own file; our temporary file beside the target would only confuse.
  const at = inner && path.resolve(inner) !== path.resolve(where.path) && !inner.startsWith(`${where.path}.`) ? ` at ${inner}` : '';
  const kind = kindOf(where.path);
  // Directory where a file should be, or a file where a folder should be: say which and show a fix.
  if (where.expect === 'file' && kind === 'folder') {
    const example = path.join(where.path, where.example ?? 'out.json');
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
      return `${subject} could not be written${at} (${code}): it names something that cannot be replaced; give ${what} such as ${where.expect === 'file' ? path.join(path.dirname(where.path), where.example ?? 'out.json') : './out'}.`;
  }
}

function kindOf(p: string): 'file' | 'folder' | undefined {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** The nearest existing ancestor of `from` (the inner path, else the user's) that is a file. */
function firstFileAbove(userPath: string, inner: string | undefined): string | undefined {
  let p = path.resolve(inner ?? userPath);
  for (;;) {
    const kind = kindOf(p);
    if (kind === 'file') return path.relative(process.cwd(), p) || p;
    if (kind === 'folder') return undefined;
    const up = path.dirname(p);
    if (up === p) return undefined;
    p = up;
  }
}

function withSlash(p: string): string {
  return p.endsWith('/') ? p : `${p}/`;
}
