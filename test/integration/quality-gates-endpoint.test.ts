// quality-gates' latency-endpoint mode against the project's own ONNX model server (real
// onnxruntime behind real HTTP), in both request formats. Latency is made known with the
// server's delayMs fault: a 20 ms delay must give a p50 of at least 20 ms. No wall-clock limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isServiceError, runQualityGates, type QualityGatesRequest } from '../../packages/core/src/index.js';
import { buildTestModels, type TestModels } from '../models/test-models.js';
import { startModelServer, type InProcessModelServer } from '../helpers/model-server.js';
import { inputError } from '../../packages/core/test/data/helpers.js';

let dir: string;
let t: TestModels;
let server: InProcessModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-qg-endpoint-'));
  t = await buildTestModels(dir);
  server = await startModelServer({ model: t.models.penguins, variant: 'candidate' });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => server.setFaults({ failRate: 0, delayMs: 0 }));

const gates = (extra: QualityGatesRequest) =>
  runQualityGates({
    model: t.models.penguins,
    'test-data': t.data.penguinsTest,
    'label-column': 'species',
    gates: 'accuracy >= 0.9\nlatency.p99 <= 5s',
    'latency-endpoint-requests': '60',
    'latency-endpoint-warmup': '5',
    'latency-endpoint-concurrency': '4',
    'verdict-path': join(dir, `verdict-${Math.random().toString(36).slice(2)}.json`),
    ...extra,
  });
const v2 = () => `${server.url}/v2/models/${server.modelName}/infer`;

describe.each([
  ['json-rows', () => `${server.url}/predict`],
  ['v2', v2],
] as const)('latency-endpoint, %s', (format, url) => {
  test('a 20 ms server: p50 at least 20 ms, every request answered, gated as latency.p99', async () => {
    await server.setFaults({ delayMs: 20 });
    const before = server.countsNow();
    const out = await gates({ 'latency-endpoint': url(), 'latency-endpoint-format': format });
    const e = out.verdict.evaluation!;
    const l = e.endpointLatency!;
    expect(l.format).toBe(format);
    expect([l.requests, l.runs, l.errors, l.concurrency, l.warmupRequests]).toEqual([60, 60, 0, 4, 5]);
    expect(l.p50).toBeGreaterThanOrEqual(20);
    expect(l.p99).toBeGreaterThanOrEqual(l.p50);
    // The server saw the warm-up and the timed requests, all answered 200.
    const after = server.countsNow();
    expect(after.requests - before.requests).toBe(65);
    expect((after.byCode['200'] ?? 0) - (before.byCode['200'] ?? 0)).toBe(65);
    // The gated latency is the server's; no in-process latency was measured.
    expect(out.verdict.metrics['latency.p99']).toBe(l.p99);
    expect(out.verdict.metrics.throughput).toBe(l.throughput);
    expect(e.latency).toBeUndefined();
    expect(out.verdict.gates.find((g) => g.metric === 'latency.p99')!.actual).toBe(l.p99);
    expect(out.verdict.passed).toBe(true);
    expect(out.outputs['latency-p99']).toBe(String(l.p99));
    expect(l.warning).toMatch(/^Only 60 timed requests answered/);
    expect(out.markdown).toContain('### Latency (model server)');
    expect(out.markdown).toContain(
      `over 60 requests at concurrency 4 against \`${url()}\` (${format === 'v2' ? 'v2 inference protocol' : 'json-rows'}, after 5 warm-up, timeout 10 s)`,
    );
  });

  test('a gate below the server latency fails', async () => {
    await server.setFaults({ delayMs: 20 });
    const out = await gates({ 'latency-endpoint': url(), 'latency-endpoint-format': format, gates: 'latency.p99 <= 10ms' });
    expect(out.verdict.passed).toBe(false);
    expect(JSON.parse(out.outputs['failed-gates'])).toEqual(['latency.p99 <= 10ms']);
  });
});

test('v2 with one input tensor per column: each named and shaped as the model takes it', async () => {
  const perColumn = await startModelServer({ model: t.models.penguinsPerColumn, variant: 'candidate' });
  try {
    const out = await gates({
      model: t.models.penguinsPerColumn,
      'latency-endpoint': `${perColumn.url}/v2/models/${perColumn.modelName}/infer`,
      'latency-endpoint-format': 'v2',
    });
    const l = out.verdict.evaluation!.endpointLatency!;
    expect([l.runs, l.errors]).toEqual([60, 0]);
    expect(perColumn.countsNow().byCode).toEqual({ '200': 65 });
  } finally {
    await perColumn.close();
  }
});

describe('errors from the server', () => {
  test('a few failures within the allowed rate are reported and left out of the percentiles', async () => {
    await server.setFaults({ failRate: 0.01 });
    const out = await gates({
      'latency-endpoint': `${server.url}/predict`,
      'latency-endpoint-requests': '200',
      'latency-endpoint-warmup': '0',
      'latency-endpoint-max-error-rate': '2%',
    });
    const l = out.verdict.evaluation!.endpointLatency!;
    expect([l.errors, l.runs, l.failures]).toEqual([2, 198, { '500': 2 }]);
    expect(out.markdown).toContain('2 of 200 requests failed (500 ×2) and are not in the percentiles');
  });

  test('failing more than the allowed rate is a ServiceError that says how often and why', async () => {
    await server.setFaults({ failRate: 0.05 });
    const err = await gates({ 'latency-endpoint': `${server.url}/predict`, 'latency-endpoint-requests': '200', 'latency-endpoint-warmup': '0' }).catch(
      (e: unknown) => e,
    );
    expect(isServiceError(err)).toBe(true);
    expect((err as Error).message).toBe(
      `The model server at ${server.url}/predict failed 10 of 200 timed requests (5%: 500 ×10; first: 500 {"error":"injected failure"}), above latency-endpoint-max-error-rate (1%): a latency measured over failing requests means nothing; fix the server or its capacity (or lower latency-endpoint-concurrency), then try again.`,
    );
    expect((err as { retryable: boolean }).retryable).toBe(true);
  });

  test('requests the server refuses (json-rows sent to a v2 route) are an InputError about the format', async () => {
    const e = await inputError(gates({ 'latency-endpoint': v2(), 'latency-endpoint-format': 'json-rows' }));
    expect(e.where.input).toBe('latency-endpoint-format');
    expect(e.message).toMatch(/failed 60 of 60 timed requests \(100%: 400 ×60; first: 400 \{"error":"the request needs \\"inputs\\"/);
    expect(e.message).toMatch(/check latency-endpoint-format/);
  });

  test('a 200 that is not a v2 answer is a ServiceError naming the protocol', async () => {
    // A wrong service behind a v2 URL: it answers any POST with {}.
    const wrong = createServer((req: IncomingMessage, res) => {
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((r) => wrong.listen(0, '127.0.0.1', () => r()));
    const port = (wrong.address() as { port: number }).port;
    try {
      const e = await gates({ 'latency-endpoint': `http://127.0.0.1:${port}/v2/models/penguins/infer`, 'latency-endpoint-format': 'v2' }).catch(
        (x: unknown) => x,
      );
      expect(isServiceError(e)).toBe(true);
      expect((e as Error).message).toMatch(/answered 2xx with no "outputs" array, so it does not speak the v2 inference protocol/);
    } finally {
      wrong.closeAllConnections();
      await new Promise((r) => wrong.close(r));
    }
  });

  test('an unreachable endpoint is a ServiceError sentence, retryable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const err = await gates({ 'latency-endpoint': `http://127.0.0.1:${port}/predict` }).catch((e: unknown) => e);
    expect(isServiceError(err)).toBe(true);
    expect((err as Error).message).toBe(
      `Cannot reach the model server at http://127.0.0.1:${port}/predict (ECONNREFUSED); check latency-endpoint and that the model server is up, then try again.`,
    );
  });

  test('a bearer token goes to the endpoint, and its answer waits on it', async () => {
    const seen: Array<string | undefined> = [];
    const guard = createServer((req, res) => {
      seen.push(req.headers.authorization);
      req.resume();
      req.on('end', () => {
        res.writeHead(req.headers.authorization === 'Bearer s3cret' ? 200 : 401, { 'content-type': 'application/json' });
        res.end('{"predictions": []}');
      });
    });
    await new Promise<void>((r) => guard.listen(0, '127.0.0.1', () => r()));
    const port = (guard.address() as { port: number }).port;
    try {
      const out = await gates({
        'latency-endpoint': `http://127.0.0.1:${port}/predict`,
        'latency-endpoint-token': 's3cret',
        'latency-endpoint-requests': '10',
        'latency-endpoint-warmup': '0',
      });
      expect(out.verdict.evaluation!.endpointLatency!.errors).toBe(0);
      expect(new Set(seen)).toEqual(new Set(['Bearer s3cret']));
      expect(JSON.stringify(out.verdict)).not.toContain('s3cret');
      const refused = await inputError(
        gates({ 'latency-endpoint': `http://127.0.0.1:${port}/predict`, 'latency-endpoint-requests': '10', 'latency-endpoint-warmup': '0' }),
      );
      expect(refused.message).toMatch(/401 ×10/);
    } finally {
      guard.closeAllConnections();
      await new Promise((r) => guard.close(r));
    }
  });
});

describe('bad input, refused before anything is sent', () => {
  test.each([
    [
      { 'latency-endpoint': 'localhost:8080/predict' },
      'latency-endpoint',
      "Input 'latency-endpoint' is 'localhost:8080/predict', not a URL; write the full address requests go to, e.g. http://localhost:8080/predict.",
    ],
    [
      { 'latency-endpoint': 'ftp://models.example/predict' },
      'latency-endpoint',
      "Input 'latency-endpoint' is ftp://models.example/predict, a ftp: URL; the model server is reached over http:// or https://.",
    ],
    [
      { 'latency-endpoint': 'http://' },
      'latency-endpoint',
      "Input 'latency-endpoint' is 'http://', not a URL; write the full address requests go to, e.g. http://localhost:8080/predict.",
    ],
    [
      { 'latency-endpoint': 'http://localhost:8000/predict', 'latency-endpoint-format': 'v2' },
      'latency-endpoint',
      "Input 'latency-endpoint' is http://localhost:8000/predict, but the v2 inference protocol posts to /v2/models/<name>/infer (or /v2/models/<name>/versions/<v>/infer); give that full URL, e.g. http://localhost:8000/v2/models/penguins/infer.",
    ],
    [
      { 'latency-endpoint': 'http://localhost:1/predict', 'latency-endpoint-concurrency': '0' },
      'latency-endpoint-concurrency',
      "Input 'latency-endpoint-concurrency' is '0'; give a whole number of at least 1.",
    ],
    [
      { 'latency-endpoint': 'http://localhost:1/predict', 'latency-endpoint-requests': '2000000' },
      'latency-endpoint-requests',
      "Input 'latency-endpoint-requests' is 2000000, above the most modelci accepts (1,000,000); give a whole number from 1 to 1,000,000.",
    ],
    [
      { 'latency-endpoint': 'http://localhost:1/predict', 'latency-endpoint-timeout': '10' },
      'latency-endpoint-timeout',
      "Input 'latency-endpoint-timeout' is '10': 10 what? Write 10s, 10m or 10ms.",
    ],
    [
      { 'latency-endpoint': 'http://localhost:1/predict', 'latency-endpoint-format': 'grpc' },
      'latency-endpoint-format',
      "Input 'latency-endpoint-format' is 'grpc'; use 'json-rows' or 'v2'.",
    ],
    [
      { 'latency-endpoint': 'http://localhost:1/predict', gates: 'latency.p99 <= baseline.latency.p99', baseline: 'base.onnx' },
      'gates',
      "Gate 'latency.p99 <= baseline.latency.p99' compares latency with the baseline, but with latency-endpoint the candidate's latency is the server's and the baseline's would be in-process; gate on a fixed threshold (e.g. latency.p99 <= 50ms) instead.",
    ],
  ] as Array<[QualityGatesRequest, string, string]>)('%j', async (extra, input, message) => {
    const e = await inputError(gates(extra));
    expect(e.where.input).toBe(input);
    expect(e.message).toBe(message);
  });

  test('with report instead of model', async () => {
    const e = await inputError(runQualityGates({ report: join(dir, 'r.json'), gates: 'latency.p99 <= 5s', 'latency-endpoint': 'http://localhost:1/predict' }));
    expect(e.message).toMatch(/^Input 'latency-endpoint' needs 'model'/);
  });
});
