// The seed's router contract (PUT/GET /routes/model/weights), against a load balancer stub that
// implements exactly that contract, as a team's own router would.
import { createServer, type Server } from 'node:http';
import { openRouter } from '../../packages/core/src/index.js';
import { freePort } from '../helpers/docker-registry.js';
import { inputError } from '../../packages/core/test/data/helpers.js';

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
afterEach(() => { answer = undefined; });

test('weights go out as {"canary": w, "stable": 1 - w} and are read back; a rollback is canary 0', async () => {
  const router = openRouter(`${url}/`);
  await router.setWeights(0.15);
  expect(puts.at(-1)).toEqual({ canary: 0.15, stable: 0.85 });
  expect(await router.getWeights()).toEqual({ canary: 0.15, stable: 0.85 });
  await router.setWeights(0);
  expect(puts.at(-1)).toEqual({ canary: 0, stable: 1 });
});

test.each([
  ['a refusal', { status: 500, body: 'upstream config locked' }, 'set', /The router at http:\/\/127.0.0.1:\d+ refused PUT \/routes\/model\/weights \(HTTP 500: upstream config locked\)/],
  ['an answer that is not JSON', { status: 200, body: '<html>' }, 'get', /answered GET with something that is not JSON \('<html>'\)/],
  ['weights out of range', { status: 200, body: '{"canary": 2, "stable": -1}' }, 'get', /holds weights \{"canary":2,"stable":-1\}; it must return/],
] as const)('%s: one sentence', async (_what, reply, op, message) => {
  answer = reply;
  const router = openRouter(url);
  expect((await inputError(op === 'set' ? router.setWeights(0.1) : router.getWeights())).message).toMatch(message);
});

test('an unreachable router: one sentence', async () => {
  const port = await freePort();
  expect((await inputError(openRouter(`http://127.0.0.1:${port}`).getWeights())).message).toBe(`Cannot reach the router at http://127.0.0.1:${port}/routes/model/weights (ECONNREFUSED); check the router URI and that the load balancer is up.`);
});
