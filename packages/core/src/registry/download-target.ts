/**
 * Where a version's file lands on download: inside the download folder, whatever path the
 * registry claims (a manifest is remote content, and '../' in it must not write elsewhere).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import type { ModelFile, ModelVersion } from './model-version.js';

export async function downloadTarget(into: string, version: ModelVersion, file: ModelFile): Promise<string> {
  const root = path.resolve(into);
  const target = path.resolve(root, file.path);
  if (path.relative(root, target).startsWith('..') || path.isAbsolute(path.relative(root, target))) {
    throw new InputError(`Version ${version.version} of '${version.name}' names a file outside the download folder ('${file.path}'); the registry content is not trustworthy.`, { input: 'version' });
  }
  await mkdir(path.dirname(target), { recursive: true });
  return target;
}
