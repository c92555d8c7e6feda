// The monitor's A/B counts read from Debian's Prometheus, scraping servers in this test whose
// http_requests_total{variant,code} counters grow at known rates (value = rate × (1000 + t), as in
// prometheus-metrics.test.ts, so increase() over a 10 s window is about rate × 10, within 6%).
import { createServer, type Server } from 'node:http';
import { abFromPrometheus } from '../../packages/core/src/steps/monitor-ab.js';
import { ServiceError } from '../../packages/core/src/shared/errors.js';
import { startPrometheus, type RunningPrometheus } from '../helpers/prometheus.js';

/** Requests per second by status code, per variant. */
const RATES: Record<string, Record<string, number>> = {
  // A fair 50/50 split, champion c failing 1% of its requests, challenger d none (no 5xx series).
  c: { '200': 495, '500': 5 },
  d: { '200': 500 },
  // A 45/55 split where the router was told 50/50.
  a: { '200': 450 },
  b: { '200': 550 },
};
const began = Date.now();
let prom: RunningPrometheus;
let server: Server;
let window: { start: Date; end: Date };

beforeAll(async () => {
  server = createServer((_req, res) => {
    const scale = 1000 + (Date.now() - began) / 1000;
    const lines = ['# TYPE http_requests_total counter'];
    for (const [variant, codes] of Object.entries(RATES))
      for (const [code, r] of Object.entries(codes)) lines.push(`http_requests_total{variant="${variant}",code="${code}"} ${r * scale}`);
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(lines.join('\n') + '\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  prom = await startPrometheus({ targets: [{ address: `127.0.0.1:${(server.address() as { port: number }).port}` }] });
  await prom.waitForScrapes(13);
  const end = Date.now();
  await prom.waitForScrapes(2);
  window = { start: new Date(end - 10_000), end: new Date(end) };
});
afterAll(async () => {
  await prom?.stop();
  await new Promise<void>((r) => server.close(() => r()));
});

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.06 * expected);

test('per-variant totals and successes (requests − 5xx) from Prometheus; a fair split is a valid comparison', async () => {
  const r = await abFromPrometheus(`prometheus+${prom.url}`, ['variant="c"', 'variant="d"'], ['c', 'd'], window, 0.5, { alpha: 0.05 });
  expect(r.source).toBe('prometheus');
  expect([r.champion, r.challenger]).toEqual(['c', 'd']);
  const [c, d] = r.comparison.rates;
  near(c.total, 5000);
  near(d.total, 5000);
  // c's successes are 99% of its requests; d has no 5xx series at all, so every request succeeded.
  expect(c.rate).toBeCloseTo(0.99, 3);
  expect(d.rate).toBe(1);
  expect(r.sampleRatio.mismatch).toBe(false);
  expect(r.valid).toBe(true);
  expect(r.decision).not.toBe('invalid');
});

test('a 45/55 split the router was told to make 50/50: sample-ratio mismatch, the comparison is invalid and says so', async () => {
  const r = await abFromPrometheus(`prometheus+${prom.url}`, ['variant="a"', 'variant="b"'], ['a', 'b'], window, 0.5, {});
  near(r.comparison.rates[0].total, 4500);
  near(r.comparison.rates[1].total, 5500);
  expect(r.sampleRatio.mismatch).toBe(true);
  expect(r.valid).toBe(false);
  expect(r.decision).toBe('invalid');
  expect(r.summary).toMatch(/sample.ratio|split/i);
});

test('a selector that matches nothing: one sentence naming the selector and the input to fix', async () => {
  const e = await abFromPrometheus(`prometheus+${prom.url}`, ['variant="c"', 'variant="nobody"'], ['c', 'nobody'], window, 0.5, {}).catch((x) => x);
  expect(e).toBeInstanceOf(ServiceError);
  expect(e.message).toMatch(/no request count for nobody .*variant="nobody".*ab-selectors/);
});
