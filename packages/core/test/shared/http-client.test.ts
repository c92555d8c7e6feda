// The HTTP client against real node:http servers on 127.0.0.1: servers that never answer, trickle,
// send too much, redirect elsewhere, or fail, and what each call then does. Timeouts here are
// tiny so a test is quick; the assertions are on the error, never on the wall time.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { HttpClient, JSON_MAX_BYTES } from '../../src/shared/http-client.js';
import { HttpFailure } from '../../src/shared/http-failure.js';
import { ServiceError } from '../../src/shared/errors.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  host: string;
}
interface Running {
  url: string;
  port: number;
  seen: Seen[];
  server: Server;
  stop(): Promise<void>;
}

const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

/** A server on 127.0.0.1 that records every request (and its Authorization) before `handle` answers it. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse, seen: Seen[]) => void, host = '127.0.0.1'): Promise<Running> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, host: req.headers.host ?? '' });
    handle(req, res, seen);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const r: Running = {
    url: `http://${host}:${port}`,
    port,
    seen,
    server,
    stop: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
  running.push(r);
  return r;
}

const client = (over: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) => new HttpClient({ service: 'the test service', retries: 0, ...over });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as HttpFailure,
  );

test('a server that accepts and never answers: a retryable ServiceError naming the service and its URL, after the headers timeout', async () => {
  const silent = await serve(() => undefined);
  const e = await failure(client({ timeouts: { headersMs: 150 } }).request({ method: 'GET', url: `${silent.url}/quiet?token=secret` }));
  expect(e).toBeInstanceOf(ServiceError);
  expect(e.kind).toBe('headers-timeout');
  expect(e.retryable).toBe(true);
  expect(e.message).toBe(
    `The test service at ${silent.url}/quiet did not finish answering GET (no answer within 0.15 s); try again, or check that the service is healthy.`,
  );
  expect(e.service).toBe(`the test service ${silent.url}/quiet`);
});

test('a connection that cannot be made: ECONNREFUSED, retryable, with the hint', async () => {
  const gone = await serve(() => undefined);
  await gone.stop();
  running.pop();
  const e = await failure(client({ hint: 'check the test URI' }).request({ method: 'GET', url: `http://user:pw@127.0.0.1:${gone.port}/x` }));
  expect(e).toBeInstanceOf(ServiceError);
  expect(e.message).toBe(`Cannot reach the test service at http://127.0.0.1:${gone.port}/x (ECONNREFUSED); check the test URI, then try again.`);
  expect(e.retryable).toBe(true);
});

test('a body that trickles slower than the idle timeout fails with a ServiceError', async () => {
  const trickle = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"a":');
    // The next byte never comes in time.
    setTimeout(() => res.end('1}'), 2000).unref();
  });
  const res = await client({ timeouts: { idleMs: 100 } }).request({ method: 'GET', url: trickle.url });
  const e = await failure(res.text());
  expect(e).toBeInstanceOf(HttpFailure);
  expect(e.kind).toBe('idle-timeout');
  expect(e.message).toMatch(/^The test service at http:\/\/127\.0\.0\.1:\d+ did not finish answering GET \(nothing received for 0\.1 s\); try again/);
});

test('a body that trickles just fast enough for the idle timeout still ends at the deadline', async () => {
  let timer: NodeJS.Timeout | undefined;
  const trickle = await serve((_req, res) => {
    res.writeHead(200);
    timer = setInterval(() => res.write(' '), 20);
  });
  const res = await client({ timeouts: { idleMs: 200, totalMs: 300 } }).request({ method: 'GET', url: trickle.url });
  const e = await failure(res.text());
  clearInterval(timer);
  expect(e.kind).toBe('deadline');
  expect(e.retryable).toBe(true);
});

test('a huge body is refused at the cap without being buffered: by Content-Length before reading, or as it streams', async () => {
  let written = 0;
  const huge = await serve((req, res) => {
    const chunk = Buffer.alloc(1 << 20, 120);
    if (req.url === '/declared') res.writeHead(200, { 'Content-Length': String(3 * 1024 ** 3) });
    else res.writeHead(200);
    // Write as fast as the client takes it, at most 3 GiB.
    const pump = () => {
      while (written < 3 * 1024 ** 3 && res.write(chunk)) written += chunk.length;
    };
    res.on('drain', pump);
    res.on('close', () => res.off('drain', pump));
    pump();
  });
  const declared = await failure(
    client()
      .request({ method: 'GET', url: `${huge.url}/declared` })
      .then((r) => r.json()),
  );
  expect(declared.kind).toBe('too-large');
  expect(declared.retryable).toBe(false);
  expect(declared.message).toBe(
    `The test service at ${huge.url}/declared answered GET with 3 GiB (Content-Length), more than modelci reads; check the URI points at the right service.`,
  );

  written = 0;
  const before = process.memoryUsage().rss;
  const streamed = await failure(
    client({ maxBytes: 4 * 1024 * 1024 })
      .request({ method: 'GET', url: `${huge.url}/chunked` })
      .then((r) => r.buffer()),
  );
  expect(streamed.kind).toBe('too-large');
  expect(streamed.message).toMatch(/answered GET with more than 4 MiB, more than modelci reads/);
  // Stopped within a few socket buffers of the cap, nowhere near the 3 GiB on offer.
  expect(written).toBeLessThan(64 * 1024 * 1024);
  expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  expect(JSON_MAX_BYTES).toBe(16 * 1024 * 1024);
});

test('an abort signal stops a call waiting for headers, and one streaming a body', async () => {
  const silent = await serve(() => undefined);
  const controller = new AbortController();
  const call = client().request({ method: 'GET', url: silent.url, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  const e = await failure(call);
  expect((e as Error).name).toBe('AbortError');
  expect(e).not.toBeInstanceOf(ServiceError);

  const slow = await serve((_req, res) => {
    res.writeHead(200);
    res.write('part');
  });
  const second = new AbortController();
  const res = await client({ signal: second.signal }).request({ method: 'GET', url: slow.url });
  setTimeout(() => second.abort(), 50);
  expect(((await failure(res.text())) as Error).name).toBe('AbortError');
});

test('a redirect to another origin is followed without the Authorization header; the same origin keeps it', async () => {
  const other = await serve((_req, res) => res.end('elsewhere'), 'localhost');
  const origin = await serve((req, res) => {
    if (req.url === '/same') {
      res.writeHead(302, { Location: '/final' });
      return res.end();
    }
    if (req.url === '/final') return res.end('here');
    res.writeHead(307, { Location: `${other.url}/blob?X-Signature=abc` });
    res.end();
  });
  const c = client();
  const away = await c.request({ method: 'GET', url: `${origin.url}/away`, authorization: 'Bearer secret-token' });
  expect(await away.text()).toBe('elsewhere');
  expect(away.url).toBe(`${other.url}/blob?X-Signature=abc`);
  expect(origin.seen[0].authorization).toBe('Bearer secret-token');
  expect(other.seen).toEqual([expect.objectContaining({ url: '/blob?X-Signature=abc', authorization: undefined })]);

  const same = await c.request({ method: 'GET', url: `${origin.url}/same`, authorization: 'Bearer secret-token' });
  expect(await same.text()).toBe('here');
  expect(origin.seen.slice(1).map((s) => [s.url, s.authorization])).toEqual([
    ['/same', 'Bearer secret-token'],
    ['/final', 'Bearer secret-token'],
  ]);
});

test('a second port on the same host is another origin: no credentials to it, even when asked to call it directly', async () => {
  const registry = await serve((_req, res) => res.end('{}'));
  const elsewhere = await serve((_req, res) => res.end('{}'));
  const c = client();
  // A Location or Link: next naming the other port: the adapter passes the registry as the credentials' origin.
  await (await c.request({ method: 'GET', url: `${elsewhere.url}/v2/next`, authorization: 'Basic c2VjcmV0', credentialsOrigin: registry.url })).text();
  await (await c.request({ method: 'GET', url: `${registry.url}/v2/next`, authorization: 'Basic c2VjcmV0', credentialsOrigin: registry.url })).text();
  expect(elsewhere.seen[0].authorization).toBeUndefined();
  expect(registry.seen[0].authorization).toBe('Basic c2VjcmV0');
});

test('retries with backoff only for idempotent calls: GET and a PUT marked idempotent, never POST or PATCH', async () => {
  const flaky = await serve((req, res, seen) => {
    const tries = seen.filter((s) => s.method === req.method).length;
    res.writeHead(tries < 3 ? 503 : 200);
    res.end(tries < 3 ? 'busy' : 'ok');
  });
  const c = client({ retries: 2 });
  const get = await c.request({ method: 'GET', url: flaky.url });
  expect([get.status, await get.text()]).toEqual([200, 'ok']);
  const put = await c.request({ method: 'PUT', url: flaky.url, body: 'w', idempotent: true });
  expect(put.status).toBe(200);
  put.discard();
  const post = await c.request({ method: 'POST', url: flaky.url, body: 'create' });
  expect(post.status).toBe(503);
  post.discard();
  const patch = await c.request({ method: 'PATCH', url: flaky.url, body: Readable.from([Buffer.from('chunk')]) });
  expect(patch.status).toBe(503);
  patch.discard();
  const plainPut = await c.request({ method: 'PUT', url: `${flaky.url}/plain`, body: 'x' });
  plainPut.discard();
  const count = (m: string) => flaky.seen.filter((s) => s.method === m).length;
  expect([count('GET'), count('PUT'), count('POST'), count('PATCH')]).toEqual([3, 4, 1, 1]);
});

test('a connection dropped before any answer is retried for a GET, not for a POST', async () => {
  const dropping = await serve((req) => req.socket.destroy());
  let connections = 0;
  dropping.server.on('connection', () => connections++);
  const c = client({ retries: 2 });
  const post = await failure(c.request({ method: 'POST', url: dropping.url, body: '{}' }));
  expect([post.kind, post.retryable, connections]).toEqual(['unreachable', true, 1]);
  const get = await failure(c.request({ method: 'GET', url: dropping.url }));
  expect([get.kind, connections]).toEqual(['unreachable', 4]);
});

test('a request body the server stops reading fails with the idle timeout, not a hang', async () => {
  const stuck = await serve((req) => req.pause());
  const huge = Readable.from(
    (function* () {
      for (let i = 0; i < 4096; i++) yield Buffer.alloc(1 << 20);
    })(),
  );
  const e = await failure(client({ timeouts: { idleMs: 200 } }).request({ method: 'PATCH', url: stuck.url, body: huge }));
  expect(e.kind).toBe('send-timeout');
  expect(e.retryable).toBe(true);
});
