// The rollout tests' model servers, load generator and HAProxy harness, against the real things:
// penguin models trained here and run by onnxruntime-node, Debian's haproxy 2.6 reloaded as its
// systemd unit reloads it. Latency shows only through histogram buckets, with a wide margin: a
// 200 ms delay must stay out of the 0.15 s bucket. No assertion on wall-clock time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openModel } from '../../packages/core/src/index.js';
import { buildTestModels, type TestModels } from '../models/test-models.js';
import { startHaproxy, type RunningHaproxy } from '../helpers/haproxy.js';
import { penguinBodies, startLoad } from '../helpers/load-generator.js';
import {
  LATENCY_BUCKETS,
  spawnModelServer,
  startHttpJsonMetrics,
  startModelServer,
  type InProcessModelServer,
  type ModelServer,
} from '../helpers/model-server.js';

let dir: string;
let t: TestModels;
let rows: Record<string, number>[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-model-server-'));
  t = await buildTestModels(dir);
  rows = penguinBodies(t.data.penguinsTest).map((b) => b.rows[0]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader of the text format 0.0.4: every line a HELP, a TYPE or a sample of a declared family. */
function parseExposition(text: string): { types: Record<string, string>; samples: Sample[] } {
  const types: Record<string, string> = {};
  const samples: Sample[] = [];
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') types[meta[2]] = meta[3];
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (m[2] ?? '').match(/[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"/g) ?? []) {
      const eq = pair.indexOf('=');
      labels[pair.slice(0, eq)] = pair.slice(eq + 2, -1);
    }
    const family = m[1].replace(/_(bucket|sum|count)$/, '');
    if (!types[m[1]] && !types[family]) throw new Error(`sample before its TYPE: ${line}`);
    const value = Number(m[3]);
    if (Number.isNaN(value) && m[3] !== 'NaN') throw new Error(`not a number: ${line}`);
    samples.push({ name: m[1], labels, value });
  }
  return { types, samples };
}

async function scrape(server: ModelServer) {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const { types, samples } = parseExposition(await res.text());
  expect(types).toEqual({ http_requests_total: 'counter', http_request_duration_seconds: 'histogram' });
  const one = (name: string, labels: Record<string, string>) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  const requests = (code: string) => one('http_requests_total', { code })[0]?.value ?? 0;
  const buckets = one('http_request_duration_seconds_bucket', {});
  const bucket = (le: string) => buckets.find((b) => b.labels.le === le)!.value;
  return {
    samples,
    requests,
    buckets,
    bucket,
    count: one('http_request_duration_seconds_count', {})[0].value,
    sum: one('http_request_duration_seconds_sum', {})[0].value,
  };
}

describe('an in-process model server', () => {
  let server: InProcessModelServer;
  beforeAll(async () => {
    server = await startModelServer({ model: t.models.penguins, variant: 'stable' });
  });
  afterAll(() => server?.close());
  // A failed test must not leave its faults to the next.
  afterEach(() => server.setFaults({ failRate: 0, delayMs: 0 }));

  test('predicts what the model predicts when run directly', async () => {
    const res = await post(`${server.url}/predict`, { rows });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-model-variant')).toBe('stable');
    const body = (await res.json()) as { variant: string; predictions: { label: string; probabilities: number[] }[] };
    expect(body.variant).toBe('stable');

    const session = await openModel(t.models.penguins);
    const features = t.penguins.featureNames;
    const data = Float32Array.from(rows.flatMap((r) => features.map((f) => r[f])));
    const out = await session.run({ features: new session.ort.Tensor('float32', data, [rows.length, features.length]) });
    await session.release();
    const labels = Array.from(out.label.data as BigInt64Array, (l) => t.penguins.classes[Number(l)]);
    const probabilities = out.probabilities.data as Float32Array;
    expect(body.predictions.map((p) => p.label)).toEqual(labels);
    body.predictions.forEach((p, r) => {
      expect(p.probabilities).toHaveLength(3);
      p.probabilities.forEach((v, c) => expect(v).toBeCloseTo(probabilities[r * 3 + c], 6));
    });

    // One row without the array: the same answer as its row in the batch.
    const single = (await (await post(`${server.url}/predict`, rows[7])).json()) as typeof body;
    expect(single.predictions).toHaveLength(1);
    expect(single.predictions[0].label).toBe(labels[7]);
  });

  test('a row without a feature is a 400 that says which', async () => {
    const { body_mass_g: _dropped, ...partial } = rows[0];
    const res = await post(`${server.url}/predict`, { rows: [rows[0], partial] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(
      'row 2 has no number for body_mass_g; every row needs bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g',
    );
    expect((await post(`${server.url}/predict`, { rows: [] })).status).toBe(400);
  });

  test("v2 inference protocol: the same predictions as /predict, in the spec's response shape", async () => {
    const features = t.penguins.featureNames;
    const batch = rows.slice(0, 5);
    const infer = `${server.url}/v2/models/${server.modelName}/infer`;
    const res = await post(infer, {
      id: 'r1',
      inputs: [{ name: 'features', shape: [5, features.length], datatype: 'FP32', data: batch.flatMap((r) => features.map((f) => r[f])) }],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { model_name: string; id: string; outputs: { name: string; shape: number[]; datatype: string; data: number[] }[] };
    expect(body.model_name).toBe('penguins');
    expect(body.id).toBe('r1');
    const label = body.outputs.find((o) => o.name === 'label')!;
    const probabilities = body.outputs.find((o) => o.name === 'probabilities')!;
    expect([label.shape, label.datatype]).toEqual([[5], 'INT64']);
    expect([probabilities.shape, probabilities.datatype]).toEqual([[5, 3], 'FP32']);
    const viaRows = (await (await post(`${server.url}/predict`, { rows: batch })).json()) as { predictions: { label: string }[] };
    expect(label.data.map((l) => t.penguins.classes[l])).toEqual(viaRows.predictions.map((p) => p.label));
    // Nested data (as the shape) is the same tensor; "outputs" limits what is returned.
    const nested = await post(infer, {
      inputs: [{ name: 'features', shape: [1, features.length], datatype: 'FP32', data: [features.map((f) => batch[0][f])] }],
      outputs: [{ name: 'label' }],
    });
    const one = (await nested.json()) as typeof body;
    expect(one.outputs.map((o) => [o.name, o.data])).toEqual([['label', [label.data[0]]]]);
    // The metadata names the model's tensors as v2 does.
    const meta = (await (await fetch(`${server.url}/v2/models/penguins`)).json()) as { inputs: unknown[] };
    expect(meta.inputs).toEqual([{ name: 'features', datatype: 'FP32', shape: [-1, features.length] }]);
  });

  test.each([
    ['no inputs', {}, 'the request needs "inputs": [{"name", "shape", "datatype", "data"}]'],
    [
      'an unknown input',
      { inputs: [{ name: 'x', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3, 4] }] },
      "unexpected input 'x'; the model's inputs are features",
    ],
    [
      'the wrong datatype',
      { inputs: [{ name: 'features', shape: [1, 4], datatype: 'FP64', data: [1, 2, 3, 4] }] },
      'input \'features\' has datatype "FP64"; the model takes FP32',
    ],
    [
      'data short of the shape',
      { inputs: [{ name: 'features', shape: [2, 4], datatype: 'FP32', data: [1, 2, 3, 4] }] },
      "input 'features' has 4 values for shape [2, 4], which holds 8",
    ],
    [
      'a shape the model does not take',
      { inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }] },
      "input 'features' has shape [1, 3]; the model takes [-1, 4]",
    ],
    [
      'text in FP32 data',
      { inputs: [{ name: 'features', shape: [1, 4], datatype: 'FP32', data: [1, 'x', 3, 4] }] },
      'input \'features\' has "x" at 1, not a FP32 value',
    ],
  ])('v2: %s is a 400 with {"error"}', async (_what, body, error) => {
    const res = await post(`${server.url}/v2/models/penguins/infer`, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error });
  });

  test('v2: another model name is a 404', async () => {
    const res = await post(`${server.url}/v2/models/other/infer`, { inputs: [] });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown model: 'other'/);
  });

  test('/metrics parses as the text format and counts what was served; /stats agrees', async () => {
    const before = await scrape(server);
    const counts = server.countsNow();
    for (let i = 0; i < 30; i++) expect((await post(`${server.url}/predict`, { rows: [rows[i]] })).status).toBe(200);
    expect((await post(`${server.url}/predict`, 'not a row')).status).toBe(400);
    const after = await scrape(server);
    expect(after.requests('200') - before.requests('200')).toBe(30);
    expect(after.requests('400') - before.requests('400')).toBe(1);
    expect(after.count - before.count).toBe(31);
    // Every series carries the variant; buckets are cumulative, in order, and end at +Inf = count.
    for (const s of after.samples) expect(s.labels.variant).toBe('stable');
    expect(after.buckets.map((b) => b.labels.le)).toEqual([...LATENCY_BUCKETS.map(String), '+Inf']);
    after.buckets.slice(1).forEach((b, i) => expect(b.value).toBeGreaterThanOrEqual(after.buckets[i].value));
    expect(after.bucket('+Inf')).toBe(after.count);
    expect(after.sum).toBeGreaterThan(before.sum);

    const now = server.countsNow();
    expect(now.requests - counts.requests).toBe(31);
    expect(await server.counts()).toEqual(now);
    expect(now.requests).toBe(after.count);
    expect(now.byCode).toEqual({ 200: after.requests('200'), 400: after.requests('400') });
    const stats = (await (await fetch(`${server.url}/stats`)).json()) as { requests: number; errors: number; latency_p99_ms: number };
    expect(stats).toEqual({ requests: now.requests, errors: 0, latency_p99_ms: expect.any(Number) });
    expect(stats.latency_p99_ms).toBeGreaterThan(0);
  });

  test('failRate 0.05, set at run time: exactly 20 of 400 requests fail, every 20th', async () => {
    const admin = await post(`${server.url}/admin`, { failRate: 0.05 });
    expect(await admin.json()).toEqual({ failRate: 0.05, delayMs: 0 });
    const before = await scrape(server);
    const statuses: number[] = [];
    for (let i = 0; i < 400; i++) {
      const res = await post(`${server.url}/predict`, { rows: [rows[i % rows.length]] });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    const failed = statuses.flatMap((s, i) => (s === 500 ? [i + 1] : []));
    expect(failed).toEqual(Array.from({ length: 20 }, (_, k) => 20 * (k + 1)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(380);
    const after = await scrape(server);
    expect(after.requests('500') - before.requests('500')).toBe(20);
    expect(after.requests('200') - before.requests('200')).toBe(380);
    const stats = (await (await fetch(`${server.url}/stats`)).json()) as { errors: number };
    expect(stats.errors).toBe(20);
  });

  test('a 200 ms delay, set at run time, lands above the 0.15 s bucket', async () => {
    expect(await server.setFaults({ delayMs: 200 })).toEqual({ failRate: 0, delayMs: 200 });
    const before = await scrape(server);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => post(`${server.url}/predict`, { rows: [rows[i]] })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const after = await scrape(server);
    expect(after.count - before.count).toBe(5);
    expect(after.bucket('0.15')).toBe(before.bucket('0.15'));
    expect(after.bucket('+Inf') - before.bucket('+Inf')).toBe(5);
    await server.setFaults({ delayMs: 0 });
    expect(await (await fetch(`${server.url}/admin`)).json()).toEqual({ failRate: 0, delayMs: 0 });
  });

  test('faults out of range are refused', async () => {
    const res = await post(`${server.url}/admin`, { failRate: 1.5 });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'failRate 1.5 is outside 0..1' });
  });
});

test('a model server in its own process, with faults from the start; an http-json endpoint over two servers', async () => {
  const canary = await spawnModelServer({ model: t.models.penguinsSlow, variant: 'canary', faults: { failRate: 0.05, delayMs: 200 } });
  const stable = await startModelServer({ model: t.models.penguins, variant: 'stable' });
  try {
    expect(canary.pid).not.toBe(process.pid);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(`${canary.url}/predict`, { rows: [rows[i]] })));
    expect(answers.filter((a) => a.status === 500)).toHaveLength(1);
    expect(answers.every((a) => a.headers.get('x-model-variant') === 'canary')).toBe(true);
    const m = await scrape(canary);
    expect(m.bucket('0.15')).toBe(0);
    expect(m.count).toBe(20);
    expect(m.requests('500')).toBe(1);
    expect(await canary.counts()).toEqual({ requests: 20, errors: 1, byCode: { 200: 19, 500: 1 } });
    await post(`${stable.url}/predict`, { rows: [rows[0]] });

    const endpoint = await startHttpJsonMetrics({ canary, stable });
    const combined = (await (await fetch(endpoint.url)).json()) as Record<string, { requests: number; errors: number; latency_p99_ms: number }>;
    await endpoint.close();
    expect(combined.canary).toEqual({ requests: 20, errors: 1, latency_p99_ms: expect.any(Number) });
    expect(combined.canary.latency_p99_ms).toBeGreaterThan(150);
    expect(combined.stable).toEqual({ requests: 1, errors: 0, latency_p99_ms: expect.any(Number) });
  } finally {
    await canary.close();
    await stable.close();
  }
  expect(canary.child.exitCode).toBe(0);
});

test('the load generator is open-loop: a 200 ms server does not slow the rate', async () => {
  const server = await startModelServer({ model: t.models.penguins, variant: 'canary', faults: { delayMs: 200 } });
  try {
    const load = startLoad({ url: `${server.url}/predict`, rate: 50, durationMs: 1000, bodies: penguinBodies(t.data.penguinsTest) });
    const summary = await load.done;
    expect(summary.sent).toBe(50);
    expect(summary.completed).toBe(50);
    expect(summary.inFlight).toBe(0);
    // Answers take 10 intervals: a closed loop would never have two open.
    expect(summary.maxInFlight).toBeGreaterThan(1);
    expect(summary.byStatus).toEqual({ 200: 50 });
    expect(summary.byVariant).toEqual({ canary: { requests: 50, errors: 0 } });
    expect(summary.records.map((r) => r.i).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(summary.records.every((r) => r.sentAt >= r.dueAt && r.latencyMs > 0)).toBe(true);
    expect(server.countsNow().requests).toBe(50);
  } finally {
    await server.close();
  }
});

describe.each([
  ['in this process', false],
  ['in their own processes', true],
])('HAProxy in front of two model servers %s', (_where, separateProcesses) => {
  let haproxy: RunningHaproxy;
  beforeAll(async () => {
    haproxy = await startHaproxy({ models: { stable: t.models.penguins, canary: t.models.penguinsSlow, separateProcesses } });
  });
  afterAll(() => haproxy?.stop());
  const ask = async (command: string) => (await haproxy.command(command)).trim();

  /** n requests through HAProxy, one after another; what each model server answered. */
  async function route(n: number) {
    const before = await haproxy.servedCounts();
    for (let i = 0; i < n; i++) {
      const res = await post(`${haproxy.frontend}/predict`, { rows: [rows[i % rows.length]] });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const after = await haproxy.servedCounts();
    if (!separateProcesses) expect({ ...haproxy.served }).toEqual(after);
    else expect(() => haproxy.served.stable).toThrow(/use servedCounts\(\)/);
    return { stable: after.stable - before.stable, canary: after.canary - before.canary };
  }

  test('a runtime weight survives a reload through the state file, and is lost without it', async () => {
    expect(await ask('set server model/canary weight 64')).toBe('');
    expect(await ask('get weight model/canary')).toBe('64 (initial 0)');
    // Stable 256, canary 64: a fifth to the canary; the round robin's phase moves it by one or two.
    const first = await route(320);
    expect(Math.abs(first.canary - 64)).toBeLessThanOrEqual(2);
    expect(first.canary + first.stable).toBe(320);

    const counters = await haproxy.counters();
    const worker = await haproxy.workerPid();
    await haproxy.reload();
    expect(await haproxy.workerPid()).not.toBe(worker);
    expect(await ask('get weight model/canary')).toBe('64 (initial 0)');
    const second = await route(320);
    expect(Math.abs(second.canary - 64)).toBeLessThanOrEqual(2);
    // The new worker counts from zero; counters() adds the old worker's count.
    const after = await haproxy.counters();
    expect(after.canary - counters.canary).toBe(second.canary);
    expect(after.stable - counters.stable).toBe(second.stable);

    await haproxy.reloadWithoutState();
    expect(await ask('get weight model/canary')).toBe('0 (initial 0)');
    expect(await route(100)).toEqual({ stable: 100, canary: 0 });
  });

  test('load through HAProxy: what the generator saw is what the model servers served, across a reload', async () => {
    expect(await ask('set server model/canary weight 64')).toBe('');
    const before = await haproxy.servedCounts();
    const load = startLoad({ url: `${haproxy.frontend}/predict`, rate: 50, durationMs: 2000, bodies: penguinBodies(t.data.penguinsTest) });
    await new Promise((r) => setTimeout(r, 700));
    await haproxy.reload();
    const summary = await load.done;
    const after = await haproxy.servedCounts();
    expect(summary.sent).toBe(100);
    // The old worker closes its idle keep-alive connections on reload; a request the client sends
    // on one at that very moment is reset before any server sees it (status 0 here): a client-side
    // race of every graceful reload, seen once under a busy CI. Nothing else may be lost.
    const reset = summary.byStatus[0] ?? 0;
    expect(reset).toBeLessThanOrEqual(2);
    expect(summary.byStatus).toEqual(reset > 0 ? { 0: reset, 200: 100 - reset } : { 200: 100 });
    // Every answer the generator saw was served; a reset request may or may not have reached one.
    for (const side of ['canary', 'stable'] as const) {
      const extra = after[side] - before[side] - summary.byVariant[side].requests;
      expect(extra).toBeGreaterThanOrEqual(0);
      expect(extra).toBeLessThanOrEqual(reset);
    }
    expect(Math.abs(summary.byVariant.canary.requests - 20)).toBeLessThanOrEqual(3);
    expect(await ask('get weight model/canary')).toBe('64 (initial 0)');
  });
});
