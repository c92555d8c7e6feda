// HAProxy forgets runtime weights on reload. With server-state-file + load-server-state-from-file
// and the state saved before the reload, a canary's weight survives; without, HAProxy goes back
// to its config and canary-deploy must notice. Also checks the ONNX model servers the canary
// end-to-end tests stand on: real predictions, Prometheus metrics, injected failures and delay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRouter } from '../../packages/core/src/index.js';
import { penguinRows, startHaproxyStack, startLoad, type RunningHaproxyStack } from '../helpers/canary-stack.js';
import { LATENCY_BUCKETS, startModelServer, type ModelServer } from '../helpers/onnx-model-server.js';
import { buildTestModels, type TestModels } from '../models/test-models.js';

let dir: string;
let t: TestModels;
let stable: ModelServer;
let canary: ModelServer;
let haproxy: RunningHaproxyStack;
let rows: number[][];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-reload-'));
  t = await buildTestModels(dir, { slowLayers: 4 });
  rows = penguinRows(t.data.penguinsTest, t.penguins.featureNames);
  stable = await startModelServer('stable', t.models.penguins);
  canary = await startModelServer('canary', t.models.penguins);
  haproxy = await startHaproxyStack(stable, canary);
});
afterAll(async () => {
  await haproxy?.stop();
  await stable?.close();
  await canary?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, features: number[]) => fetch(`${url}/predict`, { method: 'POST', body: JSON.stringify({ features }) });

test('the model server answers with the trained model\'s predictions and counts them for Prometheus', async () => {
  const species = penguinRows(t.data.penguinsTest, t.penguins.featureNames, 'species');
  const answers = await Promise.all(rows.map(async (r) => (await (await post(`http://${stable.address}`, r)).json()) as { label: number; variant: string }));
  expect(answers.every((a) => a.variant === 'stable')).toBe(true);
  const correct = answers.filter((a, i) => t.penguins.classes[a.label] === species[i]).length;
  // The trainer measured this model's test accuracy; served one row at a time it is the same.
  expect(correct / rows.length).toBeCloseTo(t.accuracy.penguins, 12);
  const text = await (await fetch(`http://${stable.address}/metrics`)).text();
  expect(text).toContain(`http_requests_total{variant="stable",code="200"} ${rows.length}`);
  expect(text).toContain(`http_request_duration_seconds_count{variant="stable"} ${rows.length}`);
});

test('failRate 5% fails exactly 20 of 400 requests; a 200 ms delay lands above the 150 ms bucket', async () => {
  const server = await startModelServer('faulty', t.models.penguins, { failRate: 0.05 });
  try {
    for (let i = 0; i < 400; i++) await post(`http://${server.address}`, rows[i % rows.length]);
    expect(server.counts()).toEqual({ 200: 380, 500: 20 });
    server.setFaults({ delayMs: 200 });
    for (let i = 0; i < 5; i++) await post(`http://${server.address}`, rows[i]);
    const text = await (await fetch(`http://${server.address}/metrics`)).text();
    const bucket = (le: number) => Number(new RegExp(`le="${le}"\\} (\\d+)`).exec(text)![1]);
    // The five delayed requests are all above 150 ms (the delay alone is 200 ms).
    expect(bucket(0.15)).toBe(400);
    expect(bucket(LATENCY_BUCKETS.at(-1)!)).toBe(405);
  } finally {
    await server.close();
  }
});

test('with the state saved, a reload keeps the canary\'s runtime weight; without it, HAProxy goes back to its config', async () => {
  const router = openRouter(haproxy.router);
  await router.setWeights(0.25);
  await haproxy.reload(true);
  expect(await haproxy.weights()).toEqual({ stable: 192, canary: 64 });
  expect(await router.getWeights()).toEqual({ canary: 0.25, stable: 0.75 });
  // Traffic follows the restored weights: the canary answers about a quarter.
  const before = { ...canary.counts() };
  const load = startLoad(haproxy.frontend, rows, 100);
  await new Promise((r) => setTimeout(r, 2000));
  const s = await load.stop();
  const canaryServed = (canary.counts()[200] ?? 0) - (before[200] ?? 0);
  expect(s.byVariant.canary?.[200]).toBe(canaryServed);
  expect(canaryServed / s.sent).toBeGreaterThan(0.15);
  expect(canaryServed / s.sent).toBeLessThan(0.35);

  await haproxy.reload(false);
  expect(await haproxy.weights()).toEqual({ stable: 256, canary: 0 });
  expect((await router.getWeights()).canary).toBe(0);
});
