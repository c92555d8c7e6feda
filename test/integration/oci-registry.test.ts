// register-model against a real OCI registry: Debian's docker-registry on 127.0.0.1.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runList, runPromote, runRegister, runResolve } from '../../packages/core/src/index.js';
import { TEST_USER, freePort, startDockerRegistry, type RunningRegistry } from '../helpers/docker-registry.js';
import { inputError } from '../../packages/core/test/data/helpers.js';
import { serviceError } from '../helpers/service-error.js';

// Every registration waits the claim's settle delay (registry-concurrency.test.ts runs the real one).
process.env.MODELCI_REGISTRY_SETTLE_MS ??= '100';

let server: RunningRegistry;
let dir: string;
let registry: string;
beforeAll(async () => {
  server = await startDockerRegistry();
  dir = mkdtempSync(join(tmpdir(), 'modelci-oci-'));
  registry = `oci://127.0.0.1:${server.port}/acme/models`;
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

test('register pushes a ModelPack artifact; identical content uploads 0 bytes; promote, resolve, list', async () => {
  const model = file('model.onnx', Buffer.alloc(3_000_000, 7));
  const verdict = file(
    'verdict.json',
    JSON.stringify({
      schema: 'modelci/gate-verdict@1',
      passed: true,
      gates: [{ gate: 'accuracy >= 0.9', passed: true }],
      checks: [],
      metrics: { accuracy: 0.97 },
    }),
  );
  const env = { GITHUB_SHA: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd' };
  const first = await runRegister({ registry, name: 'penguins', model, metrics: verdict }, env);
  expect(first.existing).toBe(false);
  expect(first.version.version).toBe(1);
  expect(first.bytesWritten).toBe(3_000_000);
  expect(first.outputs.uri).toBe(`${registry}/penguins:v1`);

  // What the registry holds, read with the distribution API directly.
  const manifest = (await (
    await fetch(`${server.url}/v2/acme/models/penguins/manifests/v1`, { headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' } })
  ).json()) as { artifactType: string; config: { mediaType: string }; layers: { annotations: Record<string, string> }[]; annotations: Record<string, string> };
  expect(manifest.artifactType).toBe('application/vnd.cncf.model.manifest.v1+json');
  expect(manifest.config.mediaType).toBe('application/vnd.cncf.model.config.v1+json');
  expect(manifest.layers[0].annotations['org.cncf.model.filepath']).toBe('model.onnx');
  expect(manifest.annotations['org.opencontainers.image.revision']).toBe(env.GITHUB_SHA);

  const again = await runRegister({ registry, name: 'penguins', model }, env);
  expect(again).toMatchObject({ existing: true, bytesWritten: 0 });
  expect(again.version.version).toBe(1);

  const second = await runRegister({ registry, name: 'penguins', model: file('model2.onnx', 'other weights') }, env);
  expect(second.version.version).toBe(2);
  expect(second.bytesWritten).toBe('other weights'.length);

  const promoted = await runPromote({ registry, name: 'penguins', version: '1' });
  expect(promoted.move.previousVersion).toBeUndefined();
  await expect(runPromote({ registry, name: 'penguins', version: '2' })).rejects.toThrow(/no GateVerdict was recorded with it/);
  const forced = await runPromote({ registry, name: 'penguins', version: '2', force: 'true' });
  expect(forced.move.previousVersion).toBe(1);

  const resolved = await runResolve({ registry, name: 'penguins', download: join(dir, 'out') });
  expect(resolved.version.version).toBe(2);
  expect(resolved.version.aliases).toEqual(['production']);
  expect(readFileSync(join(dir, 'out', 'model2.onnx'), 'utf8')).toBe('other weights');
  expect((await runList({ registry, name: 'penguins' })).map((v) => [v.version, v.aliases])).toEqual([
    [1, []],
    [2, ['production']],
  ]);
});

test("an unreachable registry and a missing alias: one sentence each (the registry's failure, the user's mistake)", async () => {
  const port = await freePort();
  const down = `oci://127.0.0.1:${port}/acme/models`;
  const unreachable = await serviceError(runList({ registry: down, name: 'penguins' }));
  expect(unreachable.message).toBe(
    `Cannot reach the registry at http://127.0.0.1:${port}/v2/acme/models/penguins/tags/list (ECONNREFUSED); check the registry URI and that the registry is up, then try again.`,
  );
  expect(unreachable.retryable).toBe(true);
  expect((await inputError(runResolve({ registry, name: 'penguins', version: 'canary' }))).message).toMatch(/has no alias 'canary' in .*; it has /);
});

describe('a registry that asks for credentials (htpasswd, Basic challenge)', () => {
  let secured: RunningRegistry;
  beforeAll(async () => {
    secured = await startDockerRegistry({ htpasswd: true });
  });
  afterAll(async () => secured?.stop());
  const uri = () => `oci://127.0.0.1:${secured.port}/team`;

  test('without credentials: 401, and the sentence names the variables to set, never a secret', async () => {
    const error = await inputError(runRegister({ registry: uri(), name: 'penguins', model: file('a.onnx', 'weights') }, {}));
    expect(error.message).toBe(
      `The registry 127.0.0.1:${secured.port} asked for credentials (401) and none were set; set MODELCI_REGISTRY_USERNAME and MODELCI_REGISTRY_PASSWORD in the step's env.`,
    );
  });

  test('a wrong password: 401 again, the password is not printed', async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const reg = new OciRegistry(uri(), { MODELCI_REGISTRY_USERNAME: TEST_USER.username, MODELCI_REGISTRY_PASSWORD: 'wrong-secret-123' });
    const error = await inputError(reg.list('penguins'));
    expect(error.message).toMatch(/refused the credentials sent \(401\); check MODELCI_REGISTRY_USERNAME and MODELCI_REGISTRY_PASSWORD\.$/);
    expect(error.message).not.toContain('wrong-secret-123');
  });

  test('credentials in the registry URI (a password with @ and :) are used over plain http on 127.0.0.1, and never printed', async () => {
    const port = new URL(uri().replace(/^oci/, 'http')).port;
    const withPassword = `oci://${TEST_USER.username}:${TEST_USER.password}@127.0.0.1:${port}/acme/models`;
    const r = await runRegister({ registry: withPassword, name: 'uri-creds', model: file('uc.onnx', 'uri creds') }, {});
    expect(r.version.version).toBe(1);
    expect(JSON.stringify(r.outputs)).not.toContain(TEST_USER.password);
    const wrong = await inputError(runList({ registry: `oci://${TEST_USER.username}:Wr@ng:pw@127.0.0.1:${port}/acme/models`, name: 'uri-creds' }));
    expect(wrong.message).toMatch(/refused the credentials sent \(401\); check the user and password in the registry URI\.$/);
    expect(wrong.message).not.toContain('Wr@ng:pw');
  });

  test('with the right credentials, register and resolve work', async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const reg = new OciRegistry(uri(), { MODELCI_REGISTRY_USERNAME: TEST_USER.username, MODELCI_REGISTRY_PASSWORD: TEST_USER.password });
    const r = await reg.register({
      name: 'penguins',
      files: [{ source: file('b.onnx', 'secured weights'), path: 'b.onnx' }],
      metrics: {},
      provenance: {},
      tags: {},
      now: new Date(),
    });
    expect(r.version.version).toBe(1);
    expect((await reg.resolve('penguins', 'v1')).files[0].path).toBe('b.onnx');
  });
});

test('a registry that dies mid-upload: one sentence, and no tag points at the partial version', async () => {
  // A proxy in front of the real registry that goes away during the third chunk.
  let patches = 0;
  const sockets = new Set<import('node:net').Socket>();
  const proxy: Server = createServer((req, res) => {
    if (req.method === 'PATCH' && ++patches === 3) {
      for (const s of sockets) s.destroy();
      proxy.close();
      return;
    }
    const upstream = httpRequest({ host: '127.0.0.1', port: server.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const headers = { ...up.headers };
      // Upload locations point at the registry itself: keep the client talking to the proxy.
      if (headers.location) headers.location = headers.location.replace(`127.0.0.1:${server.port}`, `127.0.0.1:${proxyPort}`);
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  proxy.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  const proxyPort = (proxy.address() as { port: number }).port;
  const { OciRegistry } = await import('../../packages/core/src/index.js');
  const reg = new OciRegistry(`oci://127.0.0.1:${proxyPort}/acme/dying`, {}, { chunkBytes: 256 * 1024 });
  const big = file('big.onnx', Buffer.alloc(2 * 1024 * 1024, 3));
  const error = await serviceError(
    reg.register({ name: 'halfway', files: [{ source: big, path: 'big.onnx' }], metrics: {}, provenance: {}, tags: {}, now: new Date() }),
  );
  expect(error.message).toMatch(
    /^Cannot reach the registry at http:\/\/127.0.0.1:\d+\/v2\/acme\/dying\/halfway\/blobs\/uploads\/[^ ?]+ \(.+\); check the registry URI and that the registry is up, then try again\.$/,
  );
  expect(error.retryable).toBe(true);
  expect(error.message).not.toMatch(/\n/);
  expect(patches).toBe(3);
  // Straight to the registry: the repository has no tag at all.
  const tags = await fetch(`${server.url}/v2/acme/dying/halfway/tags/list`);
  expect(tags.status === 404 || ((await tags.json()) as { tags: string[] | null }).tags === null).toBe(true);
});

test('a re-run after a registry died mid-upload of a two-file folder does not send the finished blob again (HEAD first)', async () => {
  let patches = 0;
  const sockets = new Set<import('node:net').Socket>();
  // 4 chunks of the first file go through; the registry vanishes during the second file.
  const proxy: Server = createServer((req, res) => {
    if (req.method === 'PATCH' && ++patches === 6) {
      for (const s of sockets) s.destroy();
      proxy.close();
      return;
    }
    const upstream = httpRequest({ host: '127.0.0.1', port: server.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const headers = { ...up.headers };
      if (headers.location) headers.location = headers.location.replace(`127.0.0.1:${server.port}`, `127.0.0.1:${proxyPort}`);
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  proxy.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  const proxyPort = (proxy.address() as { port: number }).port;
  const { OciRegistry } = await import('../../packages/core/src/index.js');
  const files = [
    { source: file('first.bin', Buffer.alloc(1024 * 1024, 5)), path: 'first.bin' },
    { source: file('second.bin', Buffer.alloc(1024 * 1024, 6)), path: 'second.bin' },
  ];
  const input = { name: 'resumed', files, metrics: {}, provenance: {}, tags: {}, now: new Date() };
  await serviceError(new OciRegistry(`oci://127.0.0.1:${proxyPort}/acme/resume`, {}, { chunkBytes: 256 * 1024 }).register(input));
  const rerun = await new OciRegistry(`oci://127.0.0.1:${server.port}/acme/resume`, {}, { chunkBytes: 256 * 1024, settleMs: 50 }).register(input);
  expect(rerun.bytesWritten).toBe(1024 * 1024);
  expect(rerun.version.version).toBe(1);
});

test('a file above the layer limit (GHCR: 10 GB) goes up in parts and comes back whole', async () => {
  const { OciRegistry } = await import('../../packages/core/src/index.js');
  const reg = new OciRegistry(registry, {}, { chunkBytes: 256 * 1024, maxLayerBytes: 1024 * 1024 });
  const bytes = Buffer.alloc(2.5 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  const big = file('split.onnx', bytes);
  const r = await reg.register({ name: 'split', files: [{ source: big, path: 'split.onnx' }], metrics: {}, provenance: {}, tags: {}, now: new Date() });
  expect(r.bytesWritten).toBe(bytes.length);
  const manifest = (await (
    await fetch(`${server.url}/v2/acme/models/split/manifests/v1`, { headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' } })
  ).json()) as { layers: { size: number; annotations: Record<string, string> }[] };
  expect(manifest.layers.map((l) => [l.size, l.annotations['io.modelci.part']])).toEqual([
    [1048576, '1/3'],
    [1048576, '2/3'],
    [524288, '3/3'],
  ]);
  const v = await reg.resolve('split', 'latest');
  expect(v.files).toHaveLength(1);
  expect(v.files[0]).toMatchObject({ path: 'split.onnx', size: bytes.length, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` });
  const out = join(dir, 'split-out');
  await reg.download(v, out);
  expect(readFileSync(join(out, 'split.onnx')).equals(bytes)).toBe(true);
  const again = await reg.register({ name: 'split', files: [{ source: big, path: 'split.onnx' }], metrics: {}, provenance: {}, tags: {}, now: new Date() });
  expect(again).toMatchObject({ existing: true, bytesWritten: 0 });
});

describe('a registry with token auth (the Bearer challenge flow GHCR uses)', () => {
  const READER = { username: 'reader', password: 'read-only-secret' };
  let tokens: Awaited<ReturnType<typeof import('../helpers/token-server.js').startTokenServer>>;
  let secured: RunningRegistry;
  beforeAll(async () => {
    const { startTokenServer } = await import('../helpers/token-server.js');
    tokens = await startTokenServer(TEST_USER, READER);
    secured = await startDockerRegistry({ token: tokens });
    // The client talks to the token server's origin, which passes the registry through: the
    // realm is then on the registry's own origin, as ghcr.io/token is for ghcr.io.
    tokens.front(secured.url);
  });
  const front = () => `oci://${tokens.url.replace('http://', '')}/org`;
  afterAll(async () => {
    await secured?.stop();
    await tokens?.stop();
  });

  test('credentials buy a scoped token from the realm the challenge names; push and pull work', async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const reg = new OciRegistry(front(), { MODELCI_REGISTRY_USERNAME: TEST_USER.username, MODELCI_REGISTRY_PASSWORD: TEST_USER.password });
    const r = await reg.register({
      name: 'penguins',
      files: [{ source: file('t.onnx', 'token weights'), path: 't.onnx' }],
      metrics: {},
      provenance: {},
      tags: {},
      now: new Date(),
    });
    expect(r.version.version).toBe(1);
    const out = join(dir, 'token-out');
    await reg.download(await reg.resolve('penguins', '1'), out);
    expect(readFileSync(join(out, 't.onnx'), 'utf8')).toBe('token weights');
    expect(tokens.requests.some((q) => q.authenticated && q.scope === 'repository:org/penguins:push,pull')).toBe(true);
  });

  test('credentials that may pull but not push: the registry refuses the scope, and the sentence says it is a permission, not a missing credential', async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const writer = new OciRegistry(front(), { MODELCI_REGISTRY_USERNAME: TEST_USER.username, MODELCI_REGISTRY_PASSWORD: TEST_USER.password });
    await writer.register({
      name: 'shared',
      files: [{ source: file('s.onnx', 'shared weights'), path: 's.onnx' }],
      metrics: {},
      provenance: {},
      tags: {},
      now: new Date(),
    });
    const reader = new OciRegistry(front(), { MODELCI_REGISTRY_USERNAME: READER.username, MODELCI_REGISTRY_PASSWORD: READER.password });
    expect((await reader.resolve('shared', '1')).version).toBe(1);
    const e = await inputError(
      reader.register({
        name: 'shared',
        files: [{ source: file('s2.onnx', 'other weights'), path: 's.onnx' }],
        metrics: {},
        provenance: {},
        tags: {},
        now: new Date(),
      }),
    );
    expect(e.message).toBe(
      `The registry ${tokens.url.replace('http://', '')} refused access (401 insufficient_scope); the credentials are valid but lack permission: grant push and pull on the repository.`,
    );
    expect(e.message).not.toContain(READER.password);
    expect((await writer.list('shared')).map((v) => v.version)).toEqual([1]);
  });

  test('no credentials: the token server says 401 and the sentence says what to set', async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const reg = new OciRegistry(front(), {});
    expect((await inputError(reg.list('penguins'))).message).toMatch(
      /asked for credentials \(401\) and none were set; set MODELCI_REGISTRY_USERNAME and MODELCI_REGISTRY_PASSWORD/,
    );
  });

  test("a realm on plain http at another origin (the registry's own port, the realm another) gets no password", async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const before = tokens.requests.length;
    const reg = new OciRegistry(`oci://127.0.0.1:${secured.port}/org`, {
      MODELCI_REGISTRY_USERNAME: TEST_USER.username,
      MODELCI_REGISTRY_PASSWORD: TEST_USER.password,
    });
    const e = await inputError(reg.list('penguins'));
    expect(e.message).toBe(
      `The registry 127.0.0.1:${secured.port} sends its clients to the token realm ${tokens.url}, which is plain http on another host; modelci does not send the registry password there. Use a registry whose realm is https or on its own address.`,
    );
    const asked = tokens.requests.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((q) => !q.authorization)).toBe(true);
  });
});

test('tag lists are followed across pages (Link: rel="next"), as GHCR and Harbor paginate', async () => {
  // distribution 2.8 answers every tag at once, so the paging path needs a registry that pages:
  // this one forwards to the real registry and splits its tag list two at a time.
  const reg = `oci://127.0.0.1:${server.port}/acme/models`;
  for (const i of [1, 2, 3, 4, 5]) await runRegister({ registry: reg, name: 'paged', model: file(`p${i}.onnx`, `paged ${i}`) }, {});
  let pages = 0;
  const paging: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.endsWith('/tags/list')) {
      pages++;
      fetch(`${server.url}${url.pathname}`)
        .then((r) => r.json() as Promise<{ name: string; tags: string[] }>)
        .then(
          (body) => {
            const sorted = [...body.tags].sort();
            const after = url.searchParams.get('last');
            const rest = after ? sorted.filter((t) => t > after) : sorted;
            const page = rest.slice(0, 2);
            const headers: Record<string, string> = { 'Content-Type': 'application/json' };
            if (rest.length > 2) headers.Link = `<${url.pathname}?n=2&last=${page[page.length - 1]}>; rel="next"`;
            res.writeHead(200, headers);
            res.end(JSON.stringify({ name: body.name, tags: page }));
          },
          () => res.destroy(),
        );
      return;
    }
    const upstream = httpRequest({ host: '127.0.0.1', port: server.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => paging.listen(0, '127.0.0.1', () => r()));
  try {
    const port = (paging.address() as { port: number }).port;
    const versions = await runList({ registry: `oci://127.0.0.1:${port}/acme/models`, name: 'paged' });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(pages).toBe(3);
  } finally {
    await new Promise<void>((r) => paging.close(() => r()));
  }
});

/**
 * A pass-through to the registry at `to` that records the Authorization of every request, keeps
 * upload Locations on itself, and lets `edit` change an answer's headers.
 */
async function forwarder(to: number, edit?: (req: import('node:http').IncomingMessage, headers: Record<string, string | string[] | undefined>) => void) {
  const seen: Array<{ method: string; url: string; authorization?: string }> = [];
  const proxy: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const upstream = httpRequest({ host: '127.0.0.1', port: to, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const headers: Record<string, string | string[] | undefined> = { ...up.headers };
      if (typeof headers.location === 'string') headers.location = headers.location.replace(`127.0.0.1:${to}`, `127.0.0.1:${port}`);
      edit?.(req, headers);
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  const port = (proxy.address() as { port: number }).port;
  return { port, seen, close: () => new Promise<void>((r) => proxy.close(() => r())) };
}

describe("credentials stay with the registry's origin (htpasswd registry behind a proxy)", () => {
  let secured: RunningRegistry;
  beforeAll(async () => {
    secured = await startDockerRegistry({ htpasswd: true });
  });
  afterAll(async () => secured?.stop());
  const env = { MODELCI_REGISTRY_USERNAME: TEST_USER.username, MODELCI_REGISTRY_PASSWORD: TEST_USER.password };

  test('an upload Location on another origin gets no Authorization: the upload fails in one sentence instead', async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const elsewhere = await forwarder(secured.port);
    const front = await forwarder(secured.port, (req, headers) => {
      if (req.method === 'POST' && typeof headers.location === 'string')
        headers.location = headers.location
          .replace(/^http:\/\/127\.0\.0\.1:\d+/, `http://localhost:${elsewhere.port}`)
          .replace(/^\//, `http://localhost:${elsewhere.port}/`);
    });
    try {
      const reg = new OciRegistry(`oci://127.0.0.1:${front.port}/team`, env);
      const e = await serviceError(
        reg.register({
          name: 'moved',
          files: [{ source: file('m.onnx', 'moved weights'), path: 'm.onnx' }],
          metrics: {},
          provenance: {},
          tags: {},
          now: new Date(),
        }),
      );
      expect(e.message).toMatch(new RegExp(`^The registry 127.0.0.1:${front.port} failed to upload m.onnx \\(HTTP 401 Unauthorized.*\\); nothing was tagged`));
      expect(e.retryable).toBe(false);
      expect(front.seen.some((q) => q.authorization?.startsWith('Basic '))).toBe(true);
      expect(elsewhere.seen.length).toBeGreaterThan(0);
      expect(elsewhere.seen.map((q) => q.authorization)).toEqual(elsewhere.seen.map(() => undefined));
    } finally {
      await front.close();
      await elsewhere.close();
    }
  });

  test('a Link: next page on another origin is asked without Authorization', async () => {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const direct = new OciRegistry(`oci://127.0.0.1:${secured.port}/team`, env);
    await direct.register({
      name: 'linked',
      files: [{ source: file('l.onnx', 'linked weights'), path: 'l.onnx' }],
      metrics: {},
      provenance: {},
      tags: {},
      now: new Date(),
    });
    const elsewhere = await forwarder(secured.port);
    const front = await forwarder(secured.port, (req, headers) => {
      if (req.url?.includes('/tags/list') && !req.url.includes('last='))
        headers.link = `<http://localhost:${elsewhere.port}/v2/team/linked/tags/list?n=1000&last=v1>; rel="next"`;
    });
    try {
      const e = await inputError(new OciRegistry(`oci://127.0.0.1:${front.port}/team`, env).list('linked'));
      expect(e.message).toMatch(/\(401\)/);
      expect(front.seen.some((q) => q.authorization?.startsWith('Basic '))).toBe(true);
      expect(elsewhere.seen.length).toBeGreaterThan(0);
      expect(elsewhere.seen.map((q) => q.authorization)).toEqual(elsewhere.seen.map(() => undefined));
    } finally {
      await front.close();
      await elsewhere.close();
    }
  });
});

test('a registry that accepts connections and never answers: a retryable ServiceError after the headers timeout', async () => {
  const silent: Server = createServer(() => undefined);
  const sockets = new Set<import('node:net').Socket>();
  silent.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const port = (silent.address() as { port: number }).port;
  try {
    const { OciRegistry } = await import('../../packages/core/src/index.js');
    const e = await serviceError(new OciRegistry(`oci://127.0.0.1:${port}/acme`, {}, { timeouts: { headersMs: 100 } }).list('penguins'));
    expect(e.message).toBe(
      `The registry at http://127.0.0.1:${port}/v2/acme/penguins/tags/list did not finish answering GET (no answer within 0.1 s); try again, or check that the service is healthy.`,
    );
    expect(e.retryable).toBe(true);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});

test('attach adds a later verdict and commit to a version on docker-registry: its tag and digest unchanged, promotion then allowed', async () => {
  const { runAttach } = await import('../../packages/core/src/index.js');
  const model = file('attach.onnx', 'attach weights');
  const first = await runRegister({ registry, name: 'attached', model }, { GITHUB_SHA: 'a'.repeat(40) });
  await expect(runPromote({ registry, name: 'attached', version: '1', alias: 'Champion' })).rejects.toThrow(/a protected alias/);
  const verdict = file(
    'attach-verdict.json',
    JSON.stringify({
      schema: 'modelci/gate-verdict@1',
      passed: true,
      gates: [{ gate: 'accuracy >= 0.9', passed: true }],
      checks: [],
      metrics: { accuracy: 0.95 },
    }),
  );
  const attached = await runAttach({ registry, name: 'attached', version: '1', 'gate-verdict': verdict }, { GITHUB_SHA: 'b'.repeat(40) });
  expect(attached.version.digest).toBe(first.version.digest);
  expect(attached.version.provenance.attachments?.[0].gitSha).toBe('b'.repeat(40));
  const promoted = await runPromote({ registry, name: 'attached', version: '1', alias: 'Champion' });
  expect(promoted.move.forced).toBe(false);
  const listed = await runList({ registry, name: 'attached' });
  expect(listed.map((v) => [v.version, v.aliases, v.provenance.gateVerdict?.passed])).toEqual([[1, ['Champion'], true]]);
  const tags = ((await (await fetch(`${server.url}/v2/acme/models/attached/tags/list`)).json()) as { tags: string[] }).tags;
  expect(tags.some((t) => /^v1\.attach-[0-9a-f]{12}$/.test(t))).toBe(true);
  const v1 = await fetch(`${server.url}/v2/acme/models/attached/manifests/v1`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
  });
  expect(v1.headers.get('docker-content-digest')).toBe(first.version.digest);
  // A wrong alias lists versions and aliases, not the attachments' own tags.
  expect((await inputError(runResolve({ registry, name: 'attached', version: 'canary' }))).message).toMatch(/; it has v1 and the aliases Champion\.$/);
});

test('a model that does not exist: list says so in a sentence, as the local and MLflow backends do', async () => {
  expect((await inputError(runList({ registry, name: 'nobody-here' }))).message).toMatch(/^Model 'nobody-here' is not in the registry .*; register it first/);
});
