// The committed quality-gates bundle with execution-provider cuda, as the runner runs it, against
// a local HTTP server serving an archive of onnxruntime's GPU release layout whose "libraries" are
// placeholders (no GPU here). What it proves: the archive is downloaded once, checked, cached in
// RUNNER_TOOL_CACHE, its providers installed beside the bundled libonnxruntime, and onnxruntime
// itself then tries to load them from exactly there. What it cannot: a real CUDA load
// (scripts/gpu-proof.sh).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestModels, type TestModels } from '../models/test-models.js';
import { ROOT, startAction, testNodes } from '../helpers/run-bundle.js';

const NAME = 'onnxruntime-linux-x64-gpu_cuda12-1.30.0';
const PROVIDERS = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so'];
const RUNTIME = join(ROOT, 'dist/bin/napi-v6/linux/x64');

let dir: string;
let t: TestModels;
let server: Server;
let url: string;
let digest: string;
let requests = 0;
// Whatever provider libraries a developer has there are put back afterwards.
const before = new Map(PROVIDERS.filter((f) => existsSync(join(RUNTIME, f))).map((f) => [f, readFileSync(join(RUNTIME, f))]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-qg-cuda-e2e-'));
  t = await buildTestModels(dir);
  const lib = join(dir, 'src', NAME, 'lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(dir, 'src', NAME, 'VERSION_NUMBER'), '1.30.0\n');
  for (const f of PROVIDERS) writeFileSync(join(lib, f), `placeholder for ${f}\n`);
  execFileSync('tar', ['czf', join(dir, 'ort.tgz'), '-C', join(dir, 'src'), NAME]);
  const body = readFileSync(join(dir, 'ort.tgz'));
  digest = createHash('sha256').update(body).digest('hex');
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ort.tgz`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // Leave dist/bin as it was: the placeholders must not meet another test's CUDA session.
  for (const f of PROVIDERS) {
    const kept = before.get(f);
    if (kept) writeFileSync(join(RUNTIME, f), kept);
    else rmSync(join(RUNTIME, f), { force: true });
  }
  rmSync(dir, { recursive: true, force: true });
});

test('downloads once into the tool cache, installs the checked providers beside the bundled runtime, and onnxruntime loads from there', async () => {
  const cache = join(dir, 'tool-cache');
  mkdirSync(cache);
  const run = async () =>
    startAction(
      'quality-gates',
      {
        model: t.models.penguins,
        'test-data': t.data.penguinsTest,
        'label-column': 'species',
        gates: 'accuracy >= 0.5',
        'execution-provider': 'cuda',
        'onnxruntime-cuda-url': url,
        'onnxruntime-cuda-sha256': digest,
        'verdict-path': join(dir, 'verdict.json'),
      },
      { node: testNodes()[0], cwd: dir, env: { RUNNER_TOOL_CACHE: cache } },
    ).result;

  const first = await run();
  expect(requests).toBe(1);
  expect(first.stdout).toContain(`sha256 ${digest} checked, cached in ${join(cache, 'onnxruntime-cuda-providers', `1.30.0-sha256-${digest}`, 'x64')}`);
  for (const f of PROVIDERS) expect(readFileSync(join(RUNTIME, f), 'utf8')).toBe(`placeholder for ${f}\n`);
  // onnxruntime's own message: it looked for the provider beside its libonnxruntime, found our file.
  expect(first.stdout + first.stderr).toContain(`Failed to load library ${join(RUNTIME, 'libonnxruntime_providers_shared.so')}`);
  const errors = first.commands.filter((c) => c.command === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0].message).toMatch(/^execution-provider is cuda, but onnxruntime could not start the CUDA execution provider for /);
  expect(first.status).not.toBe(0);
  expect(existsSync(join(dir, 'verdict.json'))).toBe(false);

  const second = await run();
  expect(requests).toBe(1);
  expect(second.stdout).toContain('CUDA provider libraries: from the tool cache');
});
