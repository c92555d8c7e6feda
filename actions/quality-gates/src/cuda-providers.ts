/**
 * With execution-provider cuda: onnxruntime's CUDA provider libraries from its GPU release
 * archive, through the runner's tool cache, so a self-hosted runner downloads them once. The
 * archive's sha256 is checked before anything is extracted; the cache holds only the provider
 * libraries and their manifest, under a key naming the version and that digest, and a cached copy
 * is checked against its manifest on every use.
 */
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ONNXRUNTIME_VERSION,
  checkArchiveDigest,
  expectedArchiveSha256,
  findProviderLibraries,
  sha256OfFile,
  stageProviderLibraries,
  redactUri,
  verifyProviderDir,
  type VerifiedCudaProviders,
} from '@modelci/core/steps/quality-gates-cuda';
import { InputError, ServiceError } from '@modelci/core/shared';

export const CUDA_PROVIDERS_TOOL = 'onnxruntime-cuda-providers';
const ARCH = 'x64';

export interface CudaArchiveRequest {
  url: string;
  sha256?: string;
}

/** The tool-cache version: semver with the archive's digest, so another archive gets another entry. */
export function cacheVersion(digest: string, version = ONNXRUNTIME_VERSION): string {
  return `${version}-sha256-${digest}`;
}

export async function prepareCudaProviders(req: CudaArchiveRequest): Promise<VerifiedCudaProviders> {
  const expected = expectedArchiveSha256(req.url, req.sha256);
  if (!process.env.RUNNER_TOOL_CACHE) {
    throw new InputError(
      `execution-provider is cuda, which needs the runner's tool cache for onnxruntime's CUDA provider libraries, but RUNNER_TOOL_CACHE is not set; run the step on a GitHub Actions runner (or set RUNNER_TOOL_CACHE to a folder that persists).`,
      { input: 'execution-provider' },
    );
  }
  const key = cacheVersion(expected);
  const cached = tc.find(CUDA_PROVIDERS_TOOL, key, ARCH);
  if (cached) {
    core.info(`onnxruntime ${ONNXRUNTIME_VERSION} CUDA provider libraries: from the tool cache, ${cached}.`);
    return verifyProviderDir(cached);
  }
  const temp = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'modelci-ort-cuda-'));
  try {
    const archive = await fetchArchive(req.url, path.join(temp, 'archive.tgz'));
    checkArchiveDigest(await sha256OfFile(archive), expected, req.url);
    const extracted = path.join(temp, 'extracted');
    try {
      await tc.extractTar(archive, extracted, 'xz');
    } catch (e) {
      throw new InputError(
        `The archive from ${redactUri(req.url)} matches its sha256 but could not be unpacked as a .tgz (${firstLine(e)}); onnxruntime-cuda-url must be onnxruntime's GPU release archive.`,
        { input: 'onnxruntime-cuda-url' },
      );
    }
    const lib = findProviderLibraries(extracted, req.url);
    const stage = path.join(temp, 'stage');
    mkdirSync(stage);
    await stageProviderLibraries(lib, stage);
    const dir = await tc.cacheDir(stage, CUDA_PROVIDERS_TOOL, key, ARCH);
    core.info(`onnxruntime ${ONNXRUNTIME_VERSION} CUDA provider libraries: downloaded, sha256 ${expected} checked, cached in ${dir}.`);
    return verifyProviderDir(dir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** A local archive (a path or file:// URL) is read where it is; anything else is downloaded. */
async function fetchArchive(url: string, dest: string): Promise<string> {
  if (url.startsWith('file://') || !/^https?:\/\//i.test(url)) {
    const file = url.startsWith('file://') ? fileURLToPath(url) : path.resolve(url);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new InputError(
        `Input 'onnxruntime-cuda-url' is ${url}, which is not a file on this runner; give the path of onnxruntime's GPU release .tgz there, or an https URL to download it from.`,
        { input: 'onnxruntime-cuda-url' },
      );
    }
    return file;
  }
  const shown = redactUri(url);
  try {
    return await tc.downloadTool(url, dest);
  } catch (e) {
    const status = e instanceof tc.HTTPError ? e.httpStatusCode : undefined;
    const why = status ? `HTTP ${status}` : firstLine(e);
    const retryable = status === undefined || status >= 500 || status === 408 || status === 429;
    throw new ServiceError(
      `onnxruntime's release download ${shown}`,
      `Downloading onnxruntime's GPU archive from ${shown} failed (${why})${status === 404 ? '; check onnxruntime-cuda-url' : ''}${retryable ? '; try again' : ''}.`,
      { retryable, cause: e },
    );
  }
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].trim().replace(/\.$/, '');
}
