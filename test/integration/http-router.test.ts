// The seed's router contract (PUT/GET /routes/model/weights), against a load balancer stub that
// implements exactly that contract, as a team's own router would.
import { createServer, type Server } from 'node:http';
import { openRouter } from '../../packages/core/src/index.js';
import { freePort } from '../helpers/docker-registry.js';
import { serviceError } from '../helpers/service-error.js';

let server: Server;
let url: string;
let held: unknown = { canary: 0, stable: 1 };
let answer: { status: number; body?: string } | undefined;
const puts: unknown[] = [];
beforeAll(async () => {
  server = createServer(async (req, res) => {
    let raw = '';
    for await (const c of req) raw += c;
    if (answer) {
      res.writeHead(answer.status);
      return res.end(answer.body ?? '');
    }
    if (req.url !== '/routes/model/weights') {
      res.writeHead(404);
      return res.end('no such route');
    }
    if (req.method === 'PUT') {
      held = JSON.parse(raw);
      puts.push(held);
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(held));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  answer = undefined;
});

test('weights go out as {"canary": w, "stable": 1 - w} and are read back; a rollback is canary 0', async () => {
  const router = openRouter(`${url}/`);
  await router.setWeights(0.15);
  expect(puts.at(-1)).toEqual({ canary: 0.15, stable: 0.85 });
  expect(await router.getWeights()).toEqual({ canary: 0.15, stable: 0.85 });
  await router.setWeights(0);
  expect(puts.at(-1)).toEqual({ canary: 0, stable: 1 });
});

test.each([
  [
    'a refusal',
    { status: 500, body: 'upstream config locked' },
    'set',
    /The router at http:\/\/127.0.0.1:\d+ refused PUT \/routes\/model\/weights \(HTTP 500: upstream config locked\); try again, or check the load balancer\./,
  ],
  ['an answer that is not JSON', { status: 200, body: '<html>' }, 'get', /answered GET with something that is not JSON \('<html>'\)/],
  ['weights out of range', { status: 200, body: '{"canary": 2, "stable": -1}' }, 'get', /holds weights \{"canary":2,"stable":-1\}; it must return/],
  [
    'a route it does not have',
    { status: 404, body: 'no such route' },
    'get',
    /refused GET \/routes\/model\/weights \(HTTP 404: no such route\); check that it implements \/routes\/model\/weights\.$/,
  ],
] as const)('%s: one sentence', async (_what, reply, op, message) => {
  answer = reply;
  const router = openRouter(url);
  const e = await serviceError(op === 'set' ? router.setWeights(0.1) : router.getWeights());
  expect(e.message).toMatch(message);
  expect(e.retryable).toBe(reply.status >= 500);
});

test('an unreachable router: one sentence', async () => {
  const port = await freePort();
  const e = await serviceError(openRouter(`http://127.0.0.1:${port}`).getWeights());
  expect(e.message).toBe(
    `Cannot reach the router at http://127.0.0.1:${port}/routes/model/weights (ECONNREFUSED); check the router URI and that the load balancer is up, then try again.`,
  );
  expect(e.retryable).toBe(true);
});

test('a load balancer that accepts and never answers: bounded by the headers timeout; the abort signal ends it at once', async () => {
  const { HttpRouter } = await import('../../packages/core/src/rollout/http-router.js');
  const silent: Server = createServer(() => undefined);
  const sockets = new Set<import('node:net').Socket>();
  silent.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const at = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  try {
    const e = await serviceError(new HttpRouter(at, { timeouts: { headersMs: 100 } }).setWeights(0.1));
    expect(e.message).toBe(
      `The router at ${at}/routes/model/weights did not finish answering PUT (no answer within 0.1 s); try again, or check that the service is healthy.`,
    );
    const controller = new AbortController();
    const call = new HttpRouter(at).getWeights(controller.signal).catch((x: Error) => x);
    setTimeout(() => controller.abort(), 50);
    expect(((await call) as Error).name).toBe('AbortError');
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});
