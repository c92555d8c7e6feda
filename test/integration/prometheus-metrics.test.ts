// The Prometheus metrics source against Debian's prometheus, scraping small servers in this test
// that expose http_requests_total{variant,code} and an http_request_duration_seconds histogram.
//
// Every counter the servers expose grows linearly with time: value = perSecond × (1000 + t), t the
// seconds since the test began (the 1000 keeps increase() from clamping its extrapolation at zero).
// increase() extrapolates the first-to-last sample difference to the window's edges; for a
// straight line that is exact in principle, and what is left comes from the milliseconds between
// Prometheus's scrape timestamp and our server's clock, and from a late scrape that makes
// Prometheus extrapolate only half an interval at an edge (at most ~0.5 s of a 10 s window).
// Hence counts are checked within 6%. Ratios are exact: all series of a target share their sample
// timestamps and so their extrapolation factor, which cancels in errors/requests and in
// histogram_quantile (it only uses ratios of bucket rates); those are checked to 1e-9.
import { createServer, type Server } from 'node:http';
import { InputError, ServiceError, openMetricsSource, PrometheusMetrics, type MetricsReading, type MetricsWindow } from '../../packages/core/src/index.js';
import { serviceError } from '../helpers/service-error.js';
import { freePort, TEST_USER } from '../helpers/docker-registry.js';
import { startPrometheus, type RunningPrometheus } from '../helpers/prometheus.js';
import { inputError } from '../../packages/core/test/data/helpers.js';

const LE = ['0.05', '0.1', '0.25', '0.5', '1', '+Inf'];
interface Served {
  /** Own `variant` label, or none (then it comes from the scrape config). */
  variant?: string;
  /** Requests per second, by status code. */
  codes: Record<string, number>;
  /** Cumulative observations per second at each bucket bound of LE. */
  buckets: number[];
  /** False: the counters stand still (a variant without traffic). */
  growing: boolean;
  /** Series that do not exist until `late.appear` is set, then hold a fixed value (a client library's first 5xx, created lazily). */
  late?: { codes: Record<string, number>; appear: boolean };
}
// Canary: 10 req/s, 1 of them a 500. p99: rank 0.99 × 10 = 9.9 lies in (0.25, 0.5], which holds
// 9.5..10, so 0.25 + 0.25 × (9.9 − 9.5) / 0.5 = 0.45 s.
const CANARY: Served = { variant: 'canary', codes: { '200': 9, '500': 1 }, buckets: [5, 8, 9.5, 10, 10, 10], growing: true };
// Stable: 20 req/s, no 5xx series at all. p99: rank 19.8 in (0.1, 0.25], which holds 19..20:
// 0.1 + 0.15 × 0.8 = 0.22 s.
const STABLE: Served = { variant: 'stable', codes: { '200': 20 }, buckets: [10, 19, 20, 20, 20, 20], growing: true };
// Idle: series exist, nothing happens in any window: increase() is 0, histogram_quantile NaN.
const IDLE: Served = { codes: { '200': 3 }, buckets: [1, 2, 3, 3, 3, 3], growing: false };
// Late: 10 req/s of 200s; its 500 series is created inside the window, at 7 (seven failures since).
const LATE: Served = { codes: { '200': 10 }, buckets: [5, 8, 9.5, 10, 10, 10], growing: true, late: { codes: { '500': 7 }, appear: false } };

const began = Date.now();
function exposition(s: Served): string {
  const scale = 1000 + (s.growing ? (Date.now() - began) / 1000 : 0);
  const own = s.variant ? `variant="${s.variant}",` : '';
  return (
    [
      '# TYPE http_requests_total counter',
      ...Object.entries(s.codes).map(([code, r]) => `http_requests_total{${own}code="${code}"} ${r * scale}`),
      ...Object.entries(s.late?.appear ? s.late.codes : {}).map(([code, v]) => `http_requests_total{${own}code="${code}"} ${v}`),
      '# TYPE http_request_duration_seconds histogram',
      ...LE.map((le, i) => `http_request_duration_seconds_bucket{${own}le="${le}"} ${s.buckets[i] * scale}`),
      `http_request_duration_seconds_sum{${own.replace(/,$/, '')}} ${0.1 * scale}`,
      `http_request_duration_seconds_count{${own.replace(/,$/, '')}} ${s.buckets[LE.length - 1] * scale}`,
    ].join('\n') + '\n'
  );
}

async function serve(s: Served): Promise<{ server: Server; address: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(exposition(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, address: `127.0.0.1:${(server.address() as { port: number }).port}` };
}

let prom: RunningPrometheus;
const servers: Server[] = [];
let window: MetricsWindow;
const source = (options: ConstructorParameters<typeof PrometheusMetrics>[1] = {}) => new PrometheusMetrics(`prometheus+${prom.url}`, options, { env: {} });

beforeAll(async () => {
  const targets = [];
  for (const [s, labels] of [
    [CANARY, undefined],
    [STABLE, undefined],
    [IDLE, { variant: 'idle' }],
    [LATE, { variant: 'late' }],
  ] as const) {
    const { server, address } = await serve(s);
    servers.push(server);
    targets.push({ address, labels });
  }
  prom = await startPrometheus({ targets });
  // 13 scrapes cover the 10 s window below with samples on both sides of its start; the two
  // after choosing its end make sure the samples up to the end are in.
  // LATE's 500 series appears after the 9th scrape: about 4 s before the window's end, well inside it.
  await prom.waitForScrapes(9);
  LATE.late!.appear = true;
  await prom.waitForScrapes(4);
  const end = Date.now();
  await prom.waitForScrapes(2);
  window = { start: new Date(end - 10_000), end: new Date(end) };
});
afterAll(async () => {
  await prom?.stop();
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
});

const within = (actual: number | null, expected: number, share: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(share * expected);
};
const note = (r: MetricsReading, variant: string, metric: string) => r.queries.find((q) => q.variant === variant && q.metric === metric)?.note;

test('per variant, requests, errors and p99 agree with what the servers counted', async () => {
  const metrics = openMetricsSource(`prometheus+${prom.url}`);
  await metrics.check();
  const r = await metrics.read(window);
  expect(r.from).toEqual(window.start);
  expect(r.to).toEqual(window.end);
  within(r.canary.requests, 100, 0.06);
  within(r.canary.errors, 10, 0.06);
  expect(r.canary.errors! / r.canary.requests!).toBeCloseTo(0.1, 9);
  expect(r.canary.p99Ms).toBeCloseTo(450, 6);
  within(r.stable.requests, 200, 0.06);
  expect(r.stable.p99Ms).toBeCloseTo(220, 6);
  // What was asked, as sent: the defaults with the selector and a 10s window filled in.
  expect(r.queries.map((q) => [q.variant, q.metric, q.query])).toEqual([
    [
      'canary',
      'requests',
      'sum((increase(http_requests_total{variant="canary"}[10s]) and http_requests_total{variant="canary"} offset 10s) or (http_requests_total{variant="canary"} unless http_requests_total{variant="canary"} offset 10s))',
    ],
    [
      'canary',
      'errors',
      'sum((increase(http_requests_total{variant="canary",code=~"5.."}[10s]) and http_requests_total{variant="canary",code=~"5.."} offset 10s) or (http_requests_total{variant="canary",code=~"5.."} unless http_requests_total{variant="canary",code=~"5.."} offset 10s)) or (0 * sum(increase(http_requests_total{variant="canary"}[10s])))',
    ],
    ['canary', 'p99Ms', 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{variant="canary"}[10s])))'],
    [
      'stable',
      'requests',
      'sum((increase(http_requests_total{variant="stable"}[10s]) and http_requests_total{variant="stable"} offset 10s) or (http_requests_total{variant="stable"} unless http_requests_total{variant="stable"} offset 10s))',
    ],
    [
      'stable',
      'errors',
      'sum((increase(http_requests_total{variant="stable",code=~"5.."}[10s]) and http_requests_total{variant="stable",code=~"5.."} offset 10s) or (http_requests_total{variant="stable",code=~"5.."} unless http_requests_total{variant="stable",code=~"5.."} offset 10s)) or (0 * sum(increase(http_requests_total{variant="stable"}[10s])))',
    ],
    ['stable', 'p99Ms', 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{variant="stable"}[10s])))'],
  ]);
  expect(r.queries.every((q) => q.note === undefined)).toBe(true);
});

test('no 5xx series yet: errors are 0, not "no data", while requests exist', async () => {
  const r = await source().read(window);
  expect(r.stable.errors).toBe(0);
  expect(r.stable.requests).toBeGreaterThan(0);
});

test('a 5xx series created inside the window (lazily, at its first failures) is counted from zero, where increase() alone sees nothing', async () => {
  const r = await source({ selectors: { canary: 'variant="late"' } }).read(window);
  expect(r.canary.errors).toBe(7);
  within(r.canary.requests, 107, 0.06);
  // increase() alone: the series has one value inside the window, so it grew by nothing it can see.
  const alone = await fetch(
    `${prom.url}/api/v1/query?query=${encodeURIComponent('sum(increase(http_requests_total{variant="late",code="500"}[10s]))')}&time=${window.end.getTime() / 1000}`,
  );
  const result = ((await alone.json()) as { data: { result: { value: [number, string] }[] } }).data.result;
  expect(result.length === 0 || Number(result[0].value[1]) < 1).toBe(true);
});

test('a selector that matches nothing: every value is null, with a note', async () => {
  const r = await source({ selectors: { canary: 'variant="blue"', stable: 'variant="green"' } }).read(window);
  expect(r.canary).toEqual({ requests: null, errors: null, p99Ms: null });
  expect(r.stable).toEqual({ requests: null, errors: null, p99Ms: null });
  expect(r.queries.map((q) => q.note)).toEqual(Array(6).fill('no series matched (empty result)'));
});

test('no observations in the window: the p99 is NaN, so null with a note; the counts are 0', async () => {
  const r = await source({ selectors: { canary: 'variant="idle"' } }).read(window);
  expect(r.canary).toEqual({ requests: 0, errors: 0, p99Ms: null });
  expect(note(r, 'canary', 'p99Ms')).toBe('NaN (nothing observed in the window)');
});

test('an override that returns a series per code: null, naming the series; check() refuses it', async () => {
  const metrics = source({ queries: { requests: 'sum by (code) (increase(http_requests_total{{{selector}}}[{{window}}]))' } });
  const r = await metrics.read(window);
  expect(r.canary.requests).toBeNull();
  expect(note(r, 'canary', 'requests')).toBe('2 series ({code="200"}, {code="500"}), not one: aggregate them');
  within(r.stable.requests, 200, 0.06); // one code, one series
  const e = await inputError(metrics.check());
  expect(e.message).toBe(
    `The requests query for the canary, sum by (code) (increase(http_requests_total{variant="canary"}[1m])), returns 2 series ({code="200"}, {code="500"}), not one; aggregate them, e.g. with sum(…), in the input 'metrics-queries'.`,
  );
  expect(e.where.input).toBe('metrics-queries');
});

test('+Inf and -Inf are no data, with a note', async () => {
  const r = await source({
    queries: {
      requests: 'sum(increase(http_requests_total{{{selector}}}[{{window}}])) / 0',
      errors: '-1 * sum(increase(http_requests_total{{{selector}}}[{{window}}])) / 0',
    },
  }).read(window);
  expect(r.canary).toEqual({ requests: null, errors: null, p99Ms: expect.closeTo(450, 6) });
  expect(note(r, 'canary', 'requests')).toBe('+Inf (a quantile in the +Inf bucket, or a division by zero)');
  expect(note(r, 'canary', 'errors')).toBe('-Inf (a quantile in the +Inf bucket, or a division by zero)');
});

test('a scalar result is accepted, and an override p99 answers in seconds', async () => {
  const r = await source({
    queries: { p99: 'scalar(histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{{{selector}}}[{{window}}]))))' },
  }).read(window);
  expect(r.canary.p99Ms).toBeCloseTo(450, 6);
});

test('a check interval shorter than two scrapes: check() says so before anything moves; a long enough one passes', async () => {
  // A Prometheus scraping every 3 s: a 2 s window holds at most one sample, a minute many.
  const stableServer = servers[1];
  const slow = await startPrometheus({ targets: [{ address: `127.0.0.1:${(stableServer.address() as { port: number }).port}` }], scrapeIntervalS: 3 });
  try {
    await slow.waitForScrapes(2);
    const metrics = new PrometheusMetrics(`prometheus+${slow.url}`, {}, { env: {} });
    const e = await inputError(metrics.check(2000));
    expect(e.message).toBe(
      "The stable version's requests show in Prometheus over 1m but not over one check interval (2s): a window needs two scrapes for increase() to answer; set check-interval to at least twice the scrape interval.",
    );
    expect(e.where.input).toBe('check-interval');
    await metrics.check(30_000);
  } finally {
    await slow.stop();
  }
});

test('a PromQL syntax error in an override: check() says which query, where, and what Prometheus said', async () => {
  const e = await inputError(source({ queries: { errors: 'sum(increase(http_requests_total{{{selector}},code=~"5.."}[{{window}}])' } }).check());
  expect(e.message).toBe(
    `Prometheus rejected the errors query for the canary, sum(increase(http_requests_total{variant="canary",code=~"5.."}[1m]): 1:68: parse error: unclosed left parenthesis; fix the errors query in the input 'metrics-queries'.`,
  );
  expect(e.where.input).toBe('metrics-queries');
});

test('a selector that is not PromQL: check() names the selector input', async () => {
  const e = await inputError(source({ selectors: { stable: 'variant=stable' } }).check());
  expect(e.message).toMatch(
    /^Prometheus rejected the requests query for the stable, sum\(\(increase\(http_requests_total\{variant=stable\}\[1m\]\) and .*\): 1:\d+: parse error: .+; fix the input 'stable-selector'\.$/,
  );
  expect(e.where.input).toBe('stable-selector');
});

test('an unknown placeholder is refused before anything is asked', () => {
  expect(() => source({ queries: { p99: 'histogram_quantile(0.99, rate(x{{{selector}}}[{{interval}}]))' } })).toThrow(InputError);
  expect(() => source({ queries: { p99: 'histogram_quantile(0.99, rate(x{{{selector}}}[{{interval}}]))' } })).toThrow(
    /^The p99 query in the input 'metrics-queries' has the placeholder \{\{interval\}\}, which modelci does not fill; use \{\{selector\}\} and \{\{window\}\}/,
  );
});

test('unreachable Prometheus: one sentence from check(), a (retried) ServiceError from read()', async () => {
  const port = await freePort();
  const metrics = new PrometheusMetrics(`prometheus+http://127.0.0.1:${port}`, {}, { env: {} });
  const unreachable = await serviceError(metrics.check());
  expect(unreachable.message).toBe(
    `Cannot reach Prometheus at prometheus+http://127.0.0.1:${port} (ECONNREFUSED); check the metrics URI and that Prometheus is running, then try again.`,
  );
  expect(unreachable.retryable).toBe(true);
  const e = await metrics.read(window).catch((x: Error) => x);
  expect(e).toBeInstanceOf(ServiceError);
  expect(e).not.toBeInstanceOf(InputError);
  expect((e as Error).message).toMatch(
    new RegExp(`^Prometheus at prometheus\\+http://127.0.0.1:${port} did not answer the \\w+ query for the \\w+ \\(ECONNREFUSED\\)$`),
  );
});

test('a wrong path prefix: one sentence that points at the URI', async () => {
  const e = await inputError(new PrometheusMetrics(`prometheus+${prom.url}/prom`, {}, { env: {} }).check());
  expect(e.message).toBe(
    `Prometheus at prometheus+${prom.url}/prom answered the query API with HTTP 404 (404 page not found), not Prometheus's JSON; check the metrics URI, including the path prefix if Prometheus sits behind a proxy.`,
  );
});

describe('behind a proxy at /prom that wants a bearer token', () => {
  const TOKEN = 'prom-token-0123456789';
  let proxy: Server;
  let base: string;
  beforeAll(async () => {
    proxy = createServer(async (req, res) => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401);
        return res.end('unauthorized');
      }
      if (!req.url?.startsWith('/prom/')) {
        res.writeHead(404);
        return res.end('not here');
      }
      const upstream = await fetch(`${prom.url}${req.url.slice('/prom'.length)}`);
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'text/plain' });
      res.end(await upstream.text());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    base = `prometheus+http://127.0.0.1:${(proxy.address() as { port: number }).port}/prom`;
  });
  afterAll(() => new Promise<void>((r) => proxy.close(() => r())));

  test('PROMETHEUS_TOKEN goes out as a bearer token; the path prefix is kept', async () => {
    const metrics = new PrometheusMetrics(`${base}/`, {}, { env: { PROMETHEUS_TOKEN: TOKEN } });
    await metrics.check();
    expect((await metrics.read(window)).canary.p99Ms).toBeCloseTo(450, 6);
  });

  test('no token, or a wrong one: one sentence naming what to set, never the token', async () => {
    expect((await inputError(new PrometheusMetrics(base, {}, { env: {} }).check())).message).toBe(
      `Prometheus at ${base} asks for credentials (HTTP 401); set PROMETHEUS_TOKEN to a bearer token, or PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD, in the step's env.`,
    );
    const wrong = await inputError(new PrometheusMetrics(base, {}, { env: { PROMETHEUS_TOKEN: 'stale-token-xyz' } }).check());
    expect(wrong.message).toBe(`Prometheus at ${base} refused the credentials from PROMETHEUS_TOKEN (HTTP 401); set PROMETHEUS_TOKEN to ones it accepts.`);
  });
});

describe('Prometheus with Basic auth (--web.config.file)', () => {
  let secured: RunningPrometheus;
  beforeAll(async () => {
    secured = await startPrometheus({ targets: [], basicAuth: TEST_USER });
  });
  afterAll(async () => secured?.stop());
  const at = (userinfo = '') => `prometheus+http://${userinfo}${secured.url.slice('http://'.length)}`;

  test('user:password in the URI, or PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD: accepted; nothing scraped is no data', async () => {
    await new PrometheusMetrics(at(`${TEST_USER.username}:${encodeURIComponent(TEST_USER.password)}@`), {}, { env: {} }).check();
    const metrics = new PrometheusMetrics(at(), {}, { env: { PROMETHEUS_USERNAME: TEST_USER.username, PROMETHEUS_PASSWORD: TEST_USER.password } });
    await metrics.check();
    const r = await metrics.read(window);
    expect(r.canary).toEqual({ requests: null, errors: null, p99Ms: null });
  });

  test('wrong credentials: one sentence naming where they came from, never the password', async () => {
    const fromUri = await inputError(new PrometheusMetrics(at(`${TEST_USER.username}:not-the-password@`), {}, { env: {} }).check());
    expect(fromUri.message).toBe(
      `Prometheus at ${at()} refused the credentials from the user and password in the metrics URI (HTTP 401); set them to ones it accepts.`,
    );
    const fromEnv = await inputError(
      new PrometheusMetrics(at(), {}, { env: { PROMETHEUS_USERNAME: TEST_USER.username, PROMETHEUS_PASSWORD: 'not-the-password' } }).check(),
    );
    expect(fromEnv.message).toBe(
      `Prometheus at ${at()} refused the credentials from PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD (HTTP 401); set PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD to ones it accepts.`,
    );
    expect(`${fromUri.message} ${fromEnv.message}`).not.toContain('not-the-password');
  });

  test('Prometheus gone mid-rollout (killed): read() throws a plain error for the loop to retry', async () => {
    const metrics = new PrometheusMetrics(at(), {}, { env: { PROMETHEUS_USERNAME: TEST_USER.username, PROMETHEUS_PASSWORD: TEST_USER.password } });
    await metrics.check();
    await secured.kill();
    const e = await metrics.read(window).catch((x: Error) => x);
    expect(e).not.toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/did not answer the \w+ query for the \w+ \(ECONNREFUSED\)$/);
  });
});

test("the canary's target gone (Prometheus reloaded without it): no data for the canary, not zero", async () => {
  const metrics = source();
  const before = await prom.scrapes();
  const [, stable, idle] = Object.keys(before);
  await prom.reload([{ address: stable }, { address: idle, labels: { variant: 'idle' } }]);
  // Four more scrapes of the others: over 3 s, so a 2 s window holds no canary sample.
  await prom.waitForScrapes(4);
  const end = Date.now();
  const r = await metrics.read({ start: new Date(end - 2000), end: new Date(end) });
  expect(r.canary).toEqual({ requests: null, errors: null, p99Ms: null });
  expect(r.stable.requests).toBeGreaterThan(0);
  expect(r.stable.p99Ms).toBeCloseTo(220, 6);
});

test('a proxy in front of Prometheus that fails (HTTP 503): a retryable ServiceError, not bad input', async () => {
  const failing: Server = createServer((_req, res) => {
    res.writeHead(503);
    res.end('upstream unavailable');
  });
  await new Promise<void>((r) => failing.listen(0, '127.0.0.1', () => r()));
  const at = `prometheus+http://127.0.0.1:${(failing.address() as { port: number }).port}`;
  try {
    const e = await serviceError(new PrometheusMetrics(at, {}, { env: {} }).check());
    expect(e.message).toBe(
      `Prometheus at ${at} answered the query API with HTTP 503 (upstream unavailable); try again, or check Prometheus and any proxy in front of it.`,
    );
    expect(e.retryable).toBe(true);
  } finally {
    await new Promise<void>((r) => failing.close(() => r()));
  }
});
