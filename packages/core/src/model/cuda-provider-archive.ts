/**
 * onnxruntime's GPU release archive, from which a runner gets the CUDA provider libraries that no
 * npm package ships: its name and official URL for the bundled runtime, the archive's sha256, its
 * layout, and the per-file manifest kept beside the extracted libraries so a cached copy is
 * checked again before use. No download here: the action's shell fetches and caches.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import { redactUri } from '../shared/redact-uri.js';

/** The onnxruntime-node version bundled (a test checks it against the installed package). */
export const ONNXRUNTIME_VERSION = '1.30.0';

/** What onnxruntime loads for the CUDA execution provider, from the folder of libonnxruntime. */
export const CUDA_PROVIDER_FILES = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so'] as const;

/** Written beside the cached libraries: `sha256sum` lines of each, as extracted from the checked archive. */
export const PROVIDER_MANIFEST = 'modelci-cuda-providers.sha256';

/**
 * Since 1.26 the Linux GPU archive is split by CUDA major version; onnxruntime-node's own CUDA
 * install (NuGet Microsoft.ML.OnnxRuntime.Gpu.Linux) is the CUDA 12 build, so this is too.
 */
export function cudaArchiveName(version: string): string {
  return `onnxruntime-linux-x64-gpu_cuda12-${version}`;
}

export function officialArchiveUrl(version: string): string {
  return `https://github.com/microsoft/onnxruntime/releases/download/v${version}/${cudaArchiveName(version)}.tgz`;
}

/**
 * sha256 of the official archives. Not computed here (GitHub cannot be reached from where this
 * was written): it is the asset digest GitHub publishes on the release page, as two unrelated
 * projects pin it. Wrong, it fails safe: the download is refused and nothing is cached.
 */
export const OFFICIAL_ARCHIVE_SHA256: Readonly<Record<string, string>> = {
  '1.30.0': 'f9886932ee7bb0b4d3fcab736a392d4ff5efaa0672b47f19f0cec03437cf64f1',
};

const SHA256 = /^[0-9a-f]{64}$/;

/** The sha256 the archive at `url` must have: the input, or the published one for the official archive (by file name, from anywhere). */
export function expectedArchiveSha256(url: string, given: string | undefined, version = ONNXRUNTIME_VERSION): string {
  if (given) {
    const digest = given
      .trim()
      .toLowerCase()
      .replace(/^sha256:/, '');
    if (!SHA256.test(digest)) {
      throw new InputError(
        `Input 'onnxruntime-cuda-sha256' is '${given}', which is not a sha256; give the 64 hex digits that \`sha256sum\` prints for the archive (curl -sL <url> | sha256sum).`,
        { input: 'onnxruntime-cuda-sha256' },
      );
    }
    return digest;
  }
  // The official archive's bytes are the same from a mirror or a local copy: its digest holds.
  const known = OFFICIAL_ARCHIVE_SHA256[version];
  const fileName = url.split(/[?#]/)[0].split(/[/\\]/).pop();
  if (known && fileName === `${cudaArchiveName(version)}.tgz`) return known;
  throw new InputError(
    `Input 'onnxruntime-cuda-sha256' is required when onnxruntime-cuda-url is not onnxruntime's official ${cudaArchiveName(version)}.tgz (it is ${redactUri(url)}); give the archive's sha256, from \`curl -sL <url> | sha256sum\`.`,
    { input: 'onnxruntime-cuda-sha256' },
  );
}

/** The archive is refused before anything is extracted when its digest differs. */
export function checkArchiveDigest(actual: string, expected: string, url: string): void {
  if (actual === expected) return;
  throw new InputError(
    `The archive from ${redactUri(url)} has sha256 ${actual}, but onnxruntime-cuda-sha256 expects ${expected}; nothing was extracted or cached: check onnxruntime-cuda-url and the digest (curl -sL <url> | sha256sum).`,
    { input: 'onnxruntime-cuda-sha256' },
  );
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The provider libraries in an extracted archive: `<name>/lib/` as the release lays it out (or
 * `lib/` at the top), each a regular file, and a VERSION_NUMBER, when there is one, that matches
 * the bundled runtime (provider libraries of another version crash onnxruntime, not refuse).
 */
export function findProviderLibraries(extracted: string, url: string, version = ONNXRUNTIME_VERSION): string {
  const where = redactUri(url);
  const top = readdirSync(extracted);
  const root = top.length === 1 && lstatSync(path.join(extracted, top[0])).isDirectory() ? path.join(extracted, top[0]) : extracted;
  const lib = path.join(root, 'lib');
  if (!existsSync(lib) || !lstatSync(lib).isDirectory()) {
    throw new InputError(
      `The archive from ${where} has no lib/ folder (it holds ${top.slice(0, 5).join(', ') || 'nothing'}); onnxruntime-cuda-url must be onnxruntime's GPU release archive, ${cudaArchiveName(version)}.tgz.`,
      { input: 'onnxruntime-cuda-url' },
    );
  }
  const versionFile = path.join(root, 'VERSION_NUMBER');
  if (existsSync(versionFile)) {
    const found = readFileSync(versionFile, 'utf8').trim();
    if (found !== version) {
      throw new InputError(
        `The archive from ${where} is onnxruntime ${found}, but the bundled runtime is ${version}, whose provider libraries must be the same version; use ${cudaArchiveName(version)}.tgz.`,
        { input: 'onnxruntime-cuda-url' },
      );
    }
  }
  for (const file of CUDA_PROVIDER_FILES) {
    const full = path.join(lib, file);
    if (!existsSync(full) || !lstatSync(full).isFile()) {
      throw new InputError(
        `The archive from ${where} has no lib/${file}, which the CUDA execution provider needs; onnxruntime-cuda-url must be onnxruntime's GPU release archive, ${cudaArchiveName(version)}.tgz.`,
        { input: 'onnxruntime-cuda-url' },
      );
    }
  }
  return lib;
}

/** Provider libraries whose every byte was checked: the folder and each file's sha256. */
export interface VerifiedCudaProviders {
  dir: string;
  sha256: Record<string, string>;
}

export function formatManifest(sha256: Record<string, string>): string {
  return Object.entries(sha256)
    .map(([file, digest]) => `${digest}  ${file}\n`)
    .join('');
}

/** Reads the manifest of a cached folder and checks each provider file against it. */
export async function verifyProviderDir(dir: string): Promise<VerifiedCudaProviders> {
  const manifestPath = path.join(dir, PROVIDER_MANIFEST);
  const stale = `delete ${dir} (and ${dir}.complete) so the next run downloads the archive again`;
  if (!existsSync(manifestPath)) {
    throw new InputError(`The cached CUDA provider folder ${dir} has no ${PROVIDER_MANIFEST}, so its libraries cannot be checked; ${stale}.`, {
      input: 'onnxruntime-cuda-url',
    });
  }
  const listed: Record<string, string> = {};
  for (const line of readFileSync(manifestPath, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line.trim());
    if (m) listed[m[2]] = m[1];
  }
  const sha256: Record<string, string> = {};
  for (const file of CUDA_PROVIDER_FILES) {
    const expected = listed[file];
    const full = path.join(dir, file);
    const actual = existsSync(full) && lstatSync(full).isFile() ? await sha256OfFile(full) : undefined;
    if (!expected || actual !== expected) {
      throw new InputError(
        `The cached ${full} ${actual ? `has sha256 ${actual}, not the ${expected ?? 'listed'} it had when extracted` : 'is missing'}; ${stale}.`,
        { input: 'onnxruntime-cuda-url' },
      );
    }
    sha256[file] = actual;
  }
  return { dir, sha256 };
}

/** Copies the provider libraries out of an extracted archive into `stage`, with their manifest. */
export async function stageProviderLibraries(lib: string, stage: string): Promise<VerifiedCudaProviders> {
  const sha256: Record<string, string> = {};
  for (const file of CUDA_PROVIDER_FILES) {
    copyFileSync(path.join(lib, file), path.join(stage, file));
    sha256[file] = await sha256OfFile(path.join(stage, file));
  }
  writeFileSync(path.join(stage, PROVIDER_MANIFEST), formatManifest(sha256));
  return { dir: stage, sha256 };
}
