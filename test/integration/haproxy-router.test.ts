// The HAProxy router against Debian's haproxy: weights set through the runtime API, read back,
// and checked on what HAProxy actually routed (its counters, and the model servers' own counts).
import { openRouter } from '../../packages/core/src/index.js';
import { freePort } from '../helpers/docker-registry.js';
import { startHaproxy, type RunningHaproxy } from '../helpers/haproxy.js';
import { inputError } from '../../packages/core/test/data/helpers.js';
import { serviceError } from '../helpers/service-error.js';

let haproxy: RunningHaproxy;
beforeAll(async () => {
  haproxy = await startHaproxy();
});
afterAll(async () => haproxy?.stop());

const router = () => openRouter(`haproxy://127.0.0.1:${haproxy.statsPort}/model?stable=stable&canary=canary`);

test('a quarter of the traffic to the canary: held by HAProxy and routed so', async () => {
  const r = router();
  expect(await r.getWeights()).toEqual({ canary: 0, stable: 1 });
  await r.setWeights(0.25);
  expect(await r.getWeights()).toEqual({ canary: 0.25, stable: 0.75 });
  const before = await haproxy.counters();
  const served = { ...haproxy.served };
  for (let i = 0; i < 400; i++) await (await fetch(haproxy.frontend)).text();
  const after = await haproxy.counters();
  // Weighted round robin gives the canary 64 of every 256 picks; the cycle's phase moves the
  // count by a request or two.
  const canary = after.canary - before.canary;
  expect(Math.abs(canary - 100)).toBeLessThanOrEqual(2);
  expect(canary + after.stable - before.stable).toBe(400);
  // HAProxy's counters agree with what the model servers answered.
  expect(haproxy.served.canary - served.canary).toBe(canary);
});

test('rollback: all traffic back to stable', async () => {
  const r = router();
  await r.setWeights(0);
  expect(await r.getWeights()).toEqual({ canary: 0, stable: 1 });
  const before = haproxy.served.canary;
  for (let i = 0; i < 50; i++) await (await fetch(haproxy.frontend)).text();
  expect(haproxy.served.canary).toBe(before);
});

test.each([
  [
    'a backend HAProxy does not have',
    () => openRouter(`haproxy://127.0.0.1:${haproxy.statsPort}/nope`).setWeights(0.1),
    /HAProxy refused 'set server nope\/canary weight \d+' .*: No such backend\./,
  ],
  [
    'a server HAProxy does not have',
    () => openRouter(`haproxy://127.0.0.1:${haproxy.statsPort}/model?canary=green`).getWeights(),
    /HAProxy refused 'get weight model\/green' .*: No such server\./,
  ],
  ['a weight outside 0..1', () => router().setWeights(1.5), /A canary weight of 1.5 is outside 0..1/],
])('%s: one sentence', async (_what, call, message) => {
  expect((await inputError(call())).message).toMatch(message);
});

test('an unreachable runtime API and an unknown router type: one sentence each', async () => {
  const port = await freePort();
  const e = await serviceError(openRouter(`haproxy://127.0.0.1:${port}/model`).getWeights());
  expect(e.message).toBe(
    `Cannot reach HAProxy's runtime API at haproxy://127.0.0.1:${port}/model (ECONNREFUSED); check the stats socket address and that HAProxy is running, then try again.`,
  );
  expect(e.retryable).toBe(true);
  expect(() => openRouter('nginx://127.0.0.1/x')).toThrow(
    /Router 'nginx:\/\/127.0.0.1\/x' has the type 'nginx', which modelci does not know; use haproxy:\/\//,
  );
});

test('a runtime API that accepts and never answers, or trickles: bounded by the idle and total timeouts; the abort signal ends it at once', async () => {
  const { HaproxyRouter } = await import('../../packages/core/src/rollout/haproxy-router.js');
  const { createServer } = await import('node:net');
  let trickle = false;
  const sockets = new Set<import('node:net').Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined); // the client hangs up first
    if (trickle) {
      const t = setInterval(() => socket.write('1'), 20);
      socket.on('close', () => clearInterval(t));
    }
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const uri = `haproxy://127.0.0.1:${(silent.address() as { port: number }).port}/model`;
  try {
    const quiet = await serviceError(new HaproxyRouter(uri, { timeouts: { idleMs: 100 } }).getWeights());
    expect(quiet.message).toBe(
      `HAProxy's runtime API at ${uri} did not finish answering 'get weight model/canary' (nothing received for 0.1 s); try again, or check HAProxy.`,
    );
    expect(quiet.retryable).toBe(true);
    trickle = true;
    const slow = await serviceError(new HaproxyRouter(uri, { timeouts: { idleMs: 100, totalMs: 300 } }).setWeights(0.1));
    expect(slow.message).toMatch(/did not finish answering 'set server model\/canary weight 26' \(no full reply within 0.3 s\)/);
    trickle = false;
    const controller = new AbortController();
    const call = new HaproxyRouter(uri).getWeights(controller.signal).catch((x: Error) => x);
    setTimeout(() => controller.abort(), 50);
    expect(((await call) as Error).name).toBe('AbortError');
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});
