import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { userPathError } from './fs-errors.js';

/** Which input the path came from, so an OS error becomes a sentence naming it. */
export interface WriteTarget {
  input: string;
  /** A file name to suggest when the path is a directory: 'report.json'. */
  example?: string;
}

/**
 * Write a file so that readers see the old content or the new, never half of it:
 * write a temporary file beside the target, then rename over it (atomic on POSIX).
 * With `user`, OS errors (a directory given, a full disk) become InputErrors naming that input.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, user?: WriteTarget): Promise<void> {
  try {
    await writeThroughTemp(path, content);
  } catch (e) {
    throw user ? userPathError(e, { input: user.input, path, expect: 'file', example: user.example }) : e;
  }
}

async function writeThroughTemp(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
