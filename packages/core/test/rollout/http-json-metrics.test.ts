// The http-json metrics source against a node http server in the test: this adapter's "real
// thing" is the user's own endpoint, which answers cumulative counters per variant.
import { serviceError } from '../../../../test/helpers/service-error.js';
import { createServer, type Server } from 'node:http';
import { HttpJsonMetrics, InputError, ServiceError, openMetricsSource, type MetricsReading, type MetricsWindow } from '../../src/index.js';
import { inputError } from '../data/helpers.js';

let server: Server;
let base: string;
/** What the endpoint answers next: a JSON-able body, or raw text with a status. */
let answer: unknown = {};
let raw: { status: number; body: string } | undefined;
let hang = false;
let lastAuthorization: string | undefined;
beforeAll(async () => {
  server = createServer((req, res) => {
    lastAuthorization = req.headers.authorization;
    if (hang) return; // never answers
    if (raw) {
      res.writeHead(raw.status);
      return res.end(raw.body);
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});
afterEach(() => {
  raw = undefined;
  hang = false;
});

// The adapter times its own snapshots; the window only says when the loop asked.
const window: MetricsWindow = { start: new Date(0), end: new Date(0) };
const counters = (canary?: object, stable?: object) => ({ ...(canary ? { canary } : {}), ...(stable ? { stable } : {}) });
const note = (r: MetricsReading, variant: string, metric: string) => r.queries.find((q) => q.variant === variant && q.metric === metric)?.note;

test('each read is the difference from the previous snapshot, and says so in from/to', async () => {
  const metrics = openMetricsSource(`http-json+http://${base}/metrics/model`);
  answer = counters({ requests: 1000, errors: 5, latency_p99_ms: 80 }, { requests: 50_000, errors: 20, latency_p99_ms: 70 });
  await metrics.check(); // the baseline
  answer = counters({ requests: 1100, errors: 8, latency_p99_ms: 84.2 }, { requests: 51_000, errors: 21, latency_p99_ms: 71 });
  const first = await metrics.read(window);
  expect(first.canary).toEqual({ requests: 100, errors: 3, p99Ms: 84.2 });
  expect(first.stable).toEqual({ requests: 1000, errors: 1, p99Ms: 71 });
  expect(first.from.getTime()).toBeLessThanOrEqual(first.to.getTime());
  expect(first.queries.find((q) => q.variant === 'canary' && q.metric === 'requests')).toEqual({
    variant: 'canary',
    metric: 'requests',
    query: `GET http-json+http://${base}/metrics/model: canary.requests (1000 → 1100)`,
    value: 100,
  });
  expect(first.queries.every((q) => q.note === undefined)).toBe(true);

  answer = counters({ requests: 1100, errors: 8, p99_ms: 90 }, { requests: 51_500, errors: 21 });
  const second = await metrics.read(window);
  expect(second.from).toEqual(first.to);
  expect(second.canary).toEqual({ requests: 0, errors: 0, p99Ms: 90 }); // p99_ms is accepted too
  expect(second.stable).toEqual({ requests: 500, errors: 0, p99Ms: null });
  expect(note(second, 'stable', 'p99Ms')).toBe('no latency_p99_ms in the answer');
});

test("a counter that went down (a restart): that window's counts are no data; the next window counts again", async () => {
  const metrics = new HttpJsonMetrics(`http-json+http://${base}/`);
  answer = counters({ requests: 5000, errors: 50, latency_p99_ms: 80 }, { requests: 9000, errors: 9, latency_p99_ms: 70 });
  await metrics.check();
  answer = counters({ requests: 40, errors: 1, latency_p99_ms: 95 }, { requests: 9100, errors: 9, latency_p99_ms: 70 });
  const reset = await metrics.read(window);
  expect(reset.canary).toEqual({ requests: null, errors: null, p99Ms: 95 });
  expect(note(reset, 'canary', 'errors')).toBe('counter reset (requests 5000 → 40, errors 50 → 1): the service restarted?');
  expect(reset.stable).toEqual({ requests: 100, errors: 0, p99Ms: 70 });
  answer = counters({ requests: 140, errors: 2, latency_p99_ms: 90 }, { requests: 9200, errors: 10, latency_p99_ms: 70 });
  expect((await metrics.read(window)).canary).toEqual({ requests: 100, errors: 1, p99Ms: 90 });
});

test('a variant missing from the answer is no data for it; one that appears has no baseline yet', async () => {
  const metrics = new HttpJsonMetrics(`http-json+http://${base}/`);
  answer = counters(undefined, { requests: 100, errors: 0 });
  await metrics.check();
  answer = counters({ requests: 10, errors: 0, latency_p99_ms: 50 }, { requests: 150, errors: 1 });
  const r = await metrics.read(window);
  expect(r.canary).toEqual({ requests: null, errors: null, p99Ms: 50 });
  expect(note(r, 'canary', 'requests')).toBe('no "canary" in the previous snapshot');
  expect(r.stable).toEqual({ requests: 50, errors: 1, p99Ms: null });
  answer = counters({ requests: 30, errors: 1, latency_p99_ms: 55 });
  const next = await metrics.read(window);
  expect(next.canary).toEqual({ requests: 20, errors: 1, p99Ms: 55 });
  expect(next.stable).toEqual({ requests: null, errors: null, p99Ms: null });
  expect(note(next, 'stable', 'requests')).toBe('no "stable" in the answer');
});

test('a read without a snapshot before it is only a baseline: no data', async () => {
  const metrics = new HttpJsonMetrics(`http-json+http://${base}/`);
  answer = counters({ requests: 10, errors: 0, latency_p99_ms: 50 }, { requests: 20, errors: 0, latency_p99_ms: 40 });
  const r = await metrics.read(window);
  expect(r.from).toEqual(r.to);
  expect(r.canary).toEqual({ requests: null, errors: null, p99Ms: 50 });
  expect(note(r, 'canary', 'requests')).toBe('the first snapshot, a baseline for the next reading');
});

test.each([
  [
    'not JSON',
    { status: 200, body: '<html>metrics</html>' },
    /answered with something that is not JSON \('<html>metrics<\/html>'\); it must return \{"canary": \{"requests": <count>/,
  ],
  ['neither variant', { status: 200, body: '{"requests": 5}' }, /answered \{"requests":5\}, with neither "canary" nor "stable"; it must return/],
  [
    'a count that is a string',
    { status: 200, body: '{"canary": {"requests": "12", "errors": 0}}' },
    /answered "canary": \{"requests":"12","errors":0\}, which has no "requests" count; it must return .*, counts being numbers ≥ 0\.$/,
  ],
  [
    'a negative count',
    { status: 200, body: '{"stable": {"requests": 12, "errors": -1}}' },
    /answered "stable": \{"requests":12,"errors":-1\}, which has no "errors" count;/,
  ],
  [
    'a path it does not serve',
    { status: 404, body: 'no such path' },
    /^The metrics endpoint at http-json\+http:\/\/127.0.0.1:\d+\/m answered HTTP 404 \(no such path\); check the metrics URI\.$/,
  ],
] as const)('%s: one sentence from check(), a plain error from read()', async (_what, reply, message) => {
  raw = reply;
  const metrics = new HttpJsonMetrics(`http-json+http://${base}/m`);
  const e = await inputError(metrics.check());
  expect(e.message).toMatch(message);
  expect(e.message).not.toContain('\n');
  expect(e.where.input).toBe('metrics');
  const r = await metrics.read(window).catch((x: Error) => x);
  expect(r).not.toBeInstanceOf(InputError);
  expect((r as Error).message).toMatch(message);
});

test('unreachable: one sentence from check(); read() throws for the loop to retry, keeping the baseline', async () => {
  const gone = createServer();
  await new Promise<void>((r) => gone.listen(0, '127.0.0.1', () => r()));
  const port = (gone.address() as { port: number }).port;
  await new Promise<void>((r) => gone.close(() => r()));
  const metrics = new HttpJsonMetrics(`http-json+http://127.0.0.1:${port}/metrics`);
  const unreachable = await serviceError(metrics.check());
  expect(unreachable.message).toBe(
    `Cannot reach the metrics endpoint at http-json+http://127.0.0.1:${port}/metrics (ECONNREFUSED); check the metrics URI and that the service is up, then try again.`,
  );
  expect(unreachable.retryable).toBe(true);
  const e = await metrics.read(window).catch((x: Error) => x);
  expect(e).toBeInstanceOf(ServiceError);
  expect((e as Error).message).toBe(`the metrics endpoint at http-json+http://127.0.0.1:${port}/metrics did not answer (ECONNREFUSED)`);

  // A failed read leaves the previous snapshot as the baseline: the next reading spans both windows.
  const flaky = new HttpJsonMetrics(`http-json+http://${base}/`, { timeoutMs: 100 });
  answer = counters({ requests: 10, errors: 0 }, { requests: 10, errors: 0 });
  await flaky.check();
  hang = true;
  expect(((await flaky.read(window).catch((x: Error) => x)) as Error).message).toBe(
    `the metrics endpoint at http-json+http://${base}/ did not answer (no answer within 0.1 s)`,
  );
  hang = false;
  answer = counters({ requests: 30, errors: 1 }, { requests: 40, errors: 0 });
  expect((await flaky.read(window)).canary.requests).toBe(20);
});

test("a failing endpoint (HTTP 500) is the service's failure, not the user's: a retryable ServiceError from check() and read()", async () => {
  raw = { status: 500, body: 'database down\nstack…' };
  const metrics = new HttpJsonMetrics(`http-json+http://${base}/m`);
  const e = await serviceError(metrics.check());
  expect(e.message).toBe(`The metrics endpoint at http-json+http://${base}/m answered HTTP 500 (database down); try again, or check the service.`);
  expect(e.retryable).toBe(true);
  const r = await serviceError(metrics.read(window));
  expect(r.message).toBe(`The metrics endpoint at http-json+http://${base}/m answered HTTP 500 (database down)`);
});

test('an answer bigger than any metrics document is refused at the cap, in one sentence', async () => {
  raw = { status: 200, body: `{"canary": ${' '.repeat(17 * 1024 * 1024)}}` };
  const e = await serviceError(new HttpJsonMetrics(`http-json+http://${base}/m`).check());
  expect(e.message).toMatch(
    /^The metrics endpoint at http:\/\/127.0.0.1:\d+\/m answered GET with (17 MiB \(Content-Length\)|more than 16 MiB), more than modelci reads;/,
  );
  expect(e.retryable).toBe(false);
});

test('user:password in the URI goes out as Basic auth and never shows in messages', async () => {
  raw = { status: 401, body: 'who are you' };
  const metrics = openMetricsSource(`http-json+http://svc:s3cr3t-pw@${base}/`);
  const e = await inputError(metrics.check());
  expect(lastAuthorization).toBe(`Basic ${Buffer.from('svc:s3cr3t-pw').toString('base64')}`);
  expect(e.message).toBe(
    `The metrics endpoint at http-json+http://${base}/ answered HTTP 401 (who are you); check the metrics URI and the user:password in it.`,
  );
  expect(() => new HttpJsonMetrics('http-json+http://svc:s3cr3t-pw@/x')).toThrow(
    /^Metrics source 'http-json\+http:\/\/\/x' is not an http-json URL; write http-json\+https:\/\/host\/path/,
  );
  expect(() => openMetricsSource('http-json+ftp://svc:s3cr3t-pw@host/x')).toThrow(
    /^Metrics source 'http-json\+ftp:\/\/host\/x' has the type 'http-json\+ftp', which modelci does not know;/,
  );
});

test('unknown metrics types list the known ones', () => {
  expect(() => openMetricsSource('datadog://x')).toThrow(
    /has the type 'datadog', which modelci does not know; use .*prometheus\+http:\/\/…, .*http-json\+https:\/\/…/,
  );
});
