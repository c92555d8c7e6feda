/** Every file of the trainer's output folder, with its size and sha256: what the artifact will hold. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../shared/errors.js';

export interface OutputFile {
  /** Relative to the output folder, with '/' separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export async function listOutputFiles(dir: string, shownAs: string, skip: readonly string[] = []): Promise<OutputFile[]> {
  const s = await stat(dir).catch(() => undefined);
  if (!s)
    throw new InputError(
      `The trainer finished but its output folder ${shownAs} does not exist; write the model there (e.g. --output-dir ${shownAs}) or set output-dir to where it writes.`,
      { input: 'output-dir' },
    );
  if (!s.isDirectory())
    throw new InputError(`output-dir ${shownAs} is a file, not a folder; give the folder the trainer writes into.`, { input: 'output-dir' });
  const files: OutputFile[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (skip.includes(path)) continue;
    files.push({ path, bytes: (await stat(full)).size, sha256: await sha256File(full) });
  }
  if (files.length === 0)
    throw new InputError(`The trainer finished but its output folder ${shownAs} is empty; write the model there or set output-dir to where it writes.`, {
      input: 'output-dir',
    });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
