// The checks on onnxruntime's GPU release archive: the digest it must have, its layout, the
// manifest a cached copy is checked against, and the install beside the runtime.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CUDA_PROVIDER_FILES,
  ONNXRUNTIME_VERSION,
  OFFICIAL_ARCHIVE_SHA256,
  checkArchiveDigest,
  cudaArchiveName,
  expectedArchiveSha256,
  findProviderLibraries,
  officialArchiveUrl,
  sha256OfFile,
  stageProviderLibraries,
  verifyProviderDir,
} from '../../src/model/cuda-provider-archive.js';
import { installCudaProviders } from '../../src/model/install-cuda-providers.js';
import { InputError } from '../../src/shared/errors.js';

const URL_ = 'https://mirror.example/ort.tgz';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const temp = () => mkdtempSync(path.join(tmpdir(), 'ort-cuda-'));

/** An extracted archive of the release's layout: <name>/lib/*.so, VERSION_NUMBER. */
function release(opts: { version?: string; omit?: string; noLib?: boolean } = {}): string {
  const dir = temp();
  const root = path.join(dir, cudaArchiveName(ONNXRUNTIME_VERSION));
  mkdirSync(path.join(root, 'include'), { recursive: true });
  writeFileSync(path.join(root, 'VERSION_NUMBER'), `${opts.version ?? ONNXRUNTIME_VERSION}\n`);
  if (opts.noLib) return dir;
  mkdirSync(path.join(root, 'lib'));
  for (const f of [...CUDA_PROVIDER_FILES, 'libonnxruntime.so.1.30.0']) if (f !== opts.omit) writeFileSync(path.join(root, 'lib', f), `bytes of ${f}`);
  return dir;
}

test('the bundled version is the installed onnxruntime-node, and the official URL is its GPU (CUDA 12) archive', () => {
  const pkg = createRequire(import.meta.url)('onnxruntime-node/package.json') as { version: string };
  expect(ONNXRUNTIME_VERSION).toBe(pkg.version);
  expect(officialArchiveUrl('1.30.0')).toBe('https://github.com/microsoft/onnxruntime/releases/download/v1.30.0/onnxruntime-linux-x64-gpu_cuda12-1.30.0.tgz');
  expect(OFFICIAL_ARCHIVE_SHA256[ONNXRUNTIME_VERSION]).toMatch(/^[0-9a-f]{64}$/);
});

describe('expectedArchiveSha256', () => {
  test('the official archive needs no digest, from GitHub, a mirror or a local path; the given one wins, in any case, with or without "sha256:"', () => {
    const known = OFFICIAL_ARCHIVE_SHA256[ONNXRUNTIME_VERSION];
    expect(expectedArchiveSha256(officialArchiveUrl(ONNXRUNTIME_VERSION), undefined)).toBe(known);
    expect(expectedArchiveSha256('https://mirror.example/ort/onnxruntime-linux-x64-gpu_cuda12-1.30.0.tgz?x=1', undefined)).toBe(known);
    expect(expectedArchiveSha256('/opt/onnxruntime-linux-x64-gpu_cuda12-1.30.0.tgz', undefined)).toBe(known);
    expect(() => expectedArchiveSha256('/opt/onnxruntime-linux-x64-gpu_cuda12-1.29.0.tgz', undefined)).toThrow(/is required/);
    const d = sha('x');
    expect(expectedArchiveSha256(URL_, `sha256:${d.toUpperCase()}`)).toBe(d);
  });
  test('any other URL without a digest is refused, saying how to get one', () => {
    const refuse = () => expectedArchiveSha256('https://u:secret@mirror.example/ort.tgz', undefined);
    expect(refuse).toThrow(
      /^Input 'onnxruntime-cuda-sha256' is required when onnxruntime-cuda-url is not onnxruntime's official onnxruntime-linux-x64-gpu_cuda12-1\.30\.0\.tgz \(it is https:\/\/mirror.example\/ort.tgz\); .*curl -sL <url> \| sha256sum/,
    );
    expect(refuse).not.toThrow(/secret/);
  });
  test('a digest that is not 64 hex digits is refused', () => {
    expect(() => expectedArchiveSha256(URL_, 'abc123')).toThrow(/'abc123', which is not a sha256/);
  });
});

test('a digest mismatch names both digests and says nothing was extracted', () => {
  const [a, b] = [sha('a'), sha('b')];
  expect(() => checkArchiveDigest(a, a, URL_)).not.toThrow();
  let err: unknown;
  try {
    checkArchiveDigest(a, b, URL_);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as Error).message).toBe(
    `The archive from ${URL_} has sha256 ${a}, but onnxruntime-cuda-sha256 expects ${b}; nothing was extracted or cached: check onnxruntime-cuda-url and the digest (curl -sL <url> | sha256sum).`,
  );
});

test('sha256OfFile is sha256sum', async () => {
  const f = path.join(temp(), 'f');
  writeFileSync(f, 'hello\n');
  expect(await sha256OfFile(f)).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
});

describe('findProviderLibraries', () => {
  test("the release's layout: <name>/lib holding both provider libraries", () => {
    const dir = release();
    expect(findProviderLibraries(dir, URL_)).toBe(path.join(dir, cudaArchiveName(ONNXRUNTIME_VERSION), 'lib'));
  });
  test('no lib/ folder', () => {
    expect(() => findProviderLibraries(release({ noLib: true }), URL_)).toThrow(
      /^The archive from https:\/\/mirror.example\/ort.tgz has no lib\/ folder .*onnxruntime-linux-x64-gpu_cuda12-1\.30\.0\.tgz\.$/,
    );
  });
  test.each(CUDA_PROVIDER_FILES)('no %s', (file) => {
    expect(() => findProviderLibraries(release({ omit: file }), URL_)).toThrow(new RegExp(`has no lib/${file.replace(/\./g, '\\.')}, which the CUDA`));
  });
  test('another onnxruntime version', () => {
    expect(() => findProviderLibraries(release({ version: '1.29.0' }), URL_)).toThrow(/is onnxruntime 1\.29\.0, but the bundled runtime is 1\.30\.0/);
  });
  test('a provider library that is a symlink (it could point anywhere) is refused', () => {
    const dir = release({ omit: CUDA_PROVIDER_FILES[0] });
    symlinkSync('/etc/passwd', path.join(dir, cudaArchiveName(ONNXRUNTIME_VERSION), 'lib', CUDA_PROVIDER_FILES[0]));
    expect(() => findProviderLibraries(dir, URL_)).toThrow(/has no lib\/libonnxruntime_providers_cuda\.so/);
  });
});

describe('the manifest and the install beside the runtime', () => {
  async function staged() {
    const lib = findProviderLibraries(release(), URL_);
    const stage = temp();
    return { stage, providers: await stageProviderLibraries(lib, stage) };
  }

  test('staging copies only the provider libraries, with sha256sum lines', async () => {
    const { stage, providers } = await staged();
    expect(readdirSync(stage).sort()).toEqual([...CUDA_PROVIDER_FILES, 'modelci-cuda-providers.sha256'].sort());
    expect(readFileSync(path.join(stage, 'modelci-cuda-providers.sha256'), 'utf8')).toBe(
      CUDA_PROVIDER_FILES.map((f) => `${sha(`bytes of ${f}`)}  ${f}\n`).join(''),
    );
    expect(await verifyProviderDir(stage)).toEqual(providers);
  });

  test('a cached file that changed since extraction is refused, saying what to delete', async () => {
    const { stage } = await staged();
    writeFileSync(path.join(stage, CUDA_PROVIDER_FILES[1]), 'tampered');
    await expect(verifyProviderDir(stage)).rejects.toThrow(
      new RegExp(
        `^The cached .*libonnxruntime_providers_shared\\.so has sha256 ${sha('tampered')}, not the ${sha(`bytes of ${CUDA_PROVIDER_FILES[1]}`)} it had when extracted; delete `,
      ),
    );
  });

  test('installs each file once; a wrong file in place is replaced', async () => {
    const { providers } = await staged();
    const runtime = temp();
    writeFileSync(path.join(runtime, CUDA_PROVIDER_FILES[0]), 'some other build');
    expect(await installCudaProviders(providers, runtime)).toHaveLength(2);
    for (const f of CUDA_PROVIDER_FILES) expect(readFileSync(path.join(runtime, f), 'utf8')).toBe(`bytes of ${f}`);
    expect(await installCudaProviders(providers, runtime)).toEqual([]);
    expect(readdirSync(runtime).sort()).toEqual([...CUDA_PROVIDER_FILES].sort());
  });

  test('a source that no longer matches its digest installs nothing', async () => {
    const { stage, providers } = await staged();
    writeFileSync(path.join(stage, CUDA_PROVIDER_FILES[0]), 'swapped after the check');
    const runtime = temp();
    await expect(installCudaProviders(providers, runtime)).rejects.toThrow(/changed while it was installed .*nothing was installed from it/);
    expect(readdirSync(runtime)).toEqual([]);
  });
});
