/**
 * Where a version's file lands on download: inside the download folder, whatever path the
 * registry claims (a manifest is remote content: '../', '.', a file that another file needs as a
 * folder, or a symlink already in the folder must not write elsewhere or crash). Each file is
 * written under a temporary name and renamed into place once verified, so a killed or failed
 * download leaves what was there before, never a truncated file.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import type { ModelFile, ModelVersion } from './model-version.js';

export interface DownloadTarget {
  /** Where the file ends up. */
  path: string;
  /** Where it is written first. */
  partial: string;
  /** Renames the verified file into place. */
  commit(): Promise<void>;
  /** Removes the partial file (after a failure). */
  discard(): Promise<void>;
}

/** Refuses a version whose file paths conflict with each other, before anything is written. */
export function checkDownloadPaths(version: ModelVersion): void {
  const paths = version.files.map((f) => path.posix.normalize(f.path.replace(/\\/g, '/')).replace(/\/+$/, ''));
  const seen = new Set<string>();
  for (const [i, p] of paths.entries()) {
    if (p === '.' || p === '' || p === '/') throw untrusted(version, version.files[i], 'names the download folder itself, not a file');
    if (seen.has(p)) throw untrusted(version, version.files[i], 'appears twice');
    seen.add(p);
  }
  for (const p of paths) {
    const parent = paths.find((q) => p.startsWith(`${q}/`));
    if (parent !== undefined) throw untrusted(version, version.files[paths.indexOf(p)], `needs '${parent}' to be a folder, but it is also one of the files`);
  }
}

export async function downloadTarget(into: string, version: ModelVersion, file: ModelFile): Promise<DownloadTarget> {
  const root = path.resolve(into);
  const target = path.resolve(root, file.path);
  const relative = path.relative(root, target);
  if (relative === '') throw untrusted(version, file, 'names the download folder itself, not a file');
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new InputError(
      `Version ${version.version} of '${version.name}' names a file outside the download folder ('${file.path}'); the registry content is not trustworthy.`,
      { input: 'version' },
    );
  }
  await mkdir(root, { recursive: true });
  // Every folder on the way and the file itself: a symlink there would write through it.
  let at = root;
  const parts = relative.split(path.sep);
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    const s = await lstat(at).catch(() => undefined);
    const last = i === parts.length - 1;
    if (!s) {
      if (!last) await mkdir(at);
      continue;
    }
    if (s.isSymbolicLink()) {
      throw new InputError(
        `The download folder ${root} holds a symlink at '${path.relative(root, at)}', where ${version.name} v${version.version} writes '${file.path}'; modelci does not write through symlinks: remove it or download into an empty folder.`,
        { input: 'download' },
      );
    }
    if (last ? s.isDirectory() : !s.isDirectory()) {
      throw new InputError(
        `The download folder ${root} has a ${s.isDirectory() ? 'folder' : 'file'} at '${path.relative(root, at)}', where ${version.name} v${version.version} needs a ${last ? 'file' : 'folder'} for '${file.path}'; remove it or download into an empty folder.`,
        { input: 'download' },
      );
    }
  }
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.modelci-${randomBytes(6).toString('hex')}.part`);
  return {
    path: target,
    partial,
    commit: () => rename(partial, target),
    discard: () => rm(partial, { force: true }),
  };
}

function untrusted(version: ModelVersion, file: ModelFile, why: string): InputError {
  return new InputError(
    `Version ${version.version} of '${version.name}' lists a file '${file.path}' that ${why}; the registry content is not trustworthy, nothing was downloaded.`,
    { input: 'version' },
  );
}
