// onnxruntime's GPU archive through the real @actions/tool-cache, from a real HTTP server on
// 127.0.0.1 serving a .tgz of the release's layout (small placeholder libraries: no GPU here, so
// what onnxruntime makes of them is left to scripts/gpu-proof.sh). The real @actions/core too:
// tool-cache calls more of it than the shells' stand-in has; its debug lines only go to stdout.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, ServiceError } from '@modelci/core/shared';
import { CUDA_PROVIDERS_TOOL as TOOL, prepareCudaProviders as prepare } from '../src/cuda-providers.js';

const NAME = 'onnxruntime-linux-x64-gpu_cuda12-1.30.0';
const PROVIDERS = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so'];
const work = mkdtempSync(path.join(tmpdir(), 'qg-cuda-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A .tgz as the release lays it out; `lib: false` leaves out lib/, `omit` one library. */
function archive(label: string, opts: { lib?: boolean; omit?: string } = {}): Buffer {
  const src = path.join(work, `src-${label}`);
  const root = path.join(src, NAME);
  mkdirSync(path.join(root, 'include'), { recursive: true });
  writeFileSync(path.join(root, 'VERSION_NUMBER'), '1.30.0\n');
  writeFileSync(path.join(root, 'include', 'onnxruntime_c_api.h'), '// header\n');
  if (opts.lib !== false) {
    mkdirSync(path.join(root, 'lib'));
    for (const f of [...PROVIDERS, 'libonnxruntime_providers_tensorrt.so', 'libonnxruntime.so.1.30.0']) {
      if (f !== opts.omit) writeFileSync(path.join(root, 'lib', f), `${f} `.repeat(2000));
    }
  }
  const out = path.join(work, `${label}.tgz`);
  execFileSync('tar', ['czf', out, '-C', src, NAME]);
  return readFileSync(out);
}

const good = archive('good');
const corrupt = Buffer.from(good);
for (let i = 100; i < 140; i++) corrupt[i] ^= 0xff;
writeFileSync(path.join(work, 'corrupt.tgz'), corrupt);
const noLib = archive('nolib', { lib: false });
const noCuda = archive('nocuda', { omit: PROVIDERS[0] });
const notTgz = Buffer.from('this is not a gzip stream at all\n'.repeat(50));
const files: Record<string, Buffer> = { good, corrupt, noLib, noCuda, notTgz };

const requests: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const name = /^\/(\w+)\.tgz$/.exec(req.url ?? '')?.[1];
    if (name === 'flaky') return void res.writeHead(503).end('busy');
    const body = name ? files[name] : undefined;
    if (!body) return void res.writeHead(404).end('Not Found');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // tool-cache's own retry pauses (10-20 s) would only slow the tests down.
  Object.assign(globalThis, { TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS: 0, TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS: 0 });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A fresh runner: its own tool cache and temp folder. */
function runner(): { cache: string; temp: string } {
  const dir = mkdtempSync(path.join(work, 'runner-'));
  const cache = path.join(dir, 'tool-cache');
  const temp = path.join(dir, 'temp');
  mkdirSync(cache);
  mkdirSync(temp);
  process.env.RUNNER_TOOL_CACHE = cache;
  process.env.RUNNER_TEMP = temp;
  return { cache, temp };
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

test('downloads once: the second run takes the checked copy from the tool cache', async () => {
  const { cache, temp } = runner();
  requests.length = 0;
  const url = `${base}/good.tgz`;
  const first = await prepare({ url, sha256: sha(good) });
  expect(requests).toEqual(['/good.tgz']);
  expect(first.dir).toBe(path.join(cache, TOOL, `1.30.0-sha256-${sha(good)}`, 'x64'));
  expect(existsSync(`${first.dir}.complete`)).toBe(true);
  // Only the provider libraries and their manifest are cached, not the TensorRT provider or headers.
  expect(readdirSync(first.dir).sort()).toEqual([...PROVIDERS, 'modelci-cuda-providers.sha256']);
  for (const f of PROVIDERS) expect(first.sha256[f]).toBe(sha(Buffer.from(`${f} `.repeat(2000))));
  expect(readdirSync(temp)).toEqual([]);

  const second = await prepare({ url, sha256: sha(good) });
  expect(requests).toEqual(['/good.tgz']);
  expect(second).toEqual(first);
});

test('a corrupt archive is refused by its checksum: both digests named, nothing extracted or cached', async () => {
  const { cache, temp } = runner();
  const error = await failure(prepare({ url: `${base}/corrupt.tgz`, sha256: sha(good) }));
  expect(error).toBeInstanceOf(InputError);
  expect(error.message).toBe(
    `The archive from ${base}/corrupt.tgz has sha256 ${sha(corrupt)}, but onnxruntime-cuda-sha256 expects ${sha(good)}; nothing was extracted or cached: check onnxruntime-cuda-url and the digest (curl -sL <url> | sha256sum).`,
  );
  expect(readdirSync(cache)).toEqual([]);
  expect(readdirSync(temp)).toEqual([]);
});

test('a cached copy that changed since it was extracted is refused, not used', async () => {
  runner();
  const first = await prepare({ url: `${base}/good.tgz`, sha256: sha(good) });
  writeFileSync(path.join(first.dir, PROVIDERS[0]), 'swapped');
  const error = await failure(prepare({ url: `${base}/good.tgz`, sha256: sha(good) }));
  expect(error.message).toMatch(/^The cached .*libonnxruntime_providers_cuda\.so has sha256 [0-9a-f]{64}, not the [0-9a-f]{64} it had when extracted; delete /);
});

test('a local archive (path or file:// URL) is checked the same way, with no download', async () => {
  const { cache } = runner();
  requests.length = 0;
  const file = path.join(work, 'good.tgz');
  const viaUrl = await prepare({ url: pathToFileURL(file).href, sha256: sha(good) });
  expect(viaUrl.dir.startsWith(cache)).toBe(true);
  runner();
  const error = await failure(prepare({ url: path.join(work, 'corrupt.tgz'), sha256: sha(good) }));
  expect(error.message).toMatch(/has sha256 [0-9a-f]{64}, but onnxruntime-cuda-sha256 expects/);
  const missing = await failure(prepare({ url: path.join(work, 'absent.tgz'), sha256: sha(good) }));
  expect(missing.message).toBe(
    `Input 'onnxruntime-cuda-url' is ${path.join(work, 'absent.tgz')}, which is not a file on this runner; give the path of onnxruntime's GPU release .tgz there, or an https URL to download it from.`,
  );
  expect(requests).toEqual([]);
});

test.each([
  ['no lib/ folder', 'noLib', () => noLib, /has no lib\/ folder \(it holds onnxruntime-linux-x64-gpu_cuda12-1\.30\.0\)/],
  ['no CUDA provider', 'noCuda', () => noCuda, /has no lib\/libonnxruntime_providers_cuda\.so, which the CUDA execution provider needs/],
  ['not a .tgz', 'notTgz', () => notTgz, /matches its sha256 but could not be unpacked as a \.tgz/],
])('%s: one sentence, nothing cached', async (_what, name, body, message) => {
  const { cache, temp } = runner();
  const error = await failure(prepare({ url: `${base}/${name}.tgz`, sha256: sha(body()) }));
  expect(error).toBeInstanceOf(InputError);
  expect(error.message).toMatch(message);
  expect(error.message).not.toMatch(/\n/);
  expect(readdirSync(cache)).toEqual([]);
  expect(readdirSync(temp)).toEqual([]);
});

test('a 404 is a ServiceError that says to check the URL, and retrying would not help', async () => {
  const { cache } = runner();
  const error = await failure(prepare({ url: `${base}/missing.tgz`, sha256: sha(good) }));
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).retryable).toBe(false);
  expect(error.message).toBe(`Downloading onnxruntime's GPU archive from ${base}/missing.tgz failed (HTTP 404); check onnxruntime-cuda-url.`);
  expect(readdirSync(cache)).toEqual([]);
});

test('a server error, after tool-cache retried it, and a refused connection are retryable ServiceErrors', async () => {
  runner();
  requests.length = 0;
  const busy = await failure(prepare({ url: `${base}/flaky.tgz`, sha256: sha(good) }));
  expect(busy).toBeInstanceOf(ServiceError);
  expect((busy as ServiceError).retryable).toBe(true);
  expect(busy.message).toBe(`Downloading onnxruntime's GPU archive from ${base}/flaky.tgz failed (HTTP 503); try again.`);
  expect(requests).toEqual(['/flaky.tgz', '/flaky.tgz', '/flaky.tgz']);

  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const refused = await failure(prepare({ url: `http://127.0.0.1:${port}/x.tgz`, sha256: sha(good) }));
  expect(refused).toBeInstanceOf(ServiceError);
  expect((refused as ServiceError).retryable).toBe(true);
  expect(refused.message).toMatch(
    new RegExp(`^Downloading onnxruntime's GPU archive from http://127\\.0\\.0\\.1:${port}/x\\.tgz failed \\(.*ECONNREFUSED.*\\); try again\\.$`),
  );
});

test('another URL without a sha256 is refused before any download', async () => {
  runner();
  requests.length = 0;
  const error = await failure(prepare({ url: `${base}/good.tgz` }));
  expect(error.message).toMatch(
    /^Input 'onnxruntime-cuda-sha256' is required when onnxruntime-cuda-url is not onnxruntime's official onnxruntime-linux-x64-gpu_cuda12-1\.30\.0\.tgz/,
  );
  expect(requests).toEqual([]);
});
