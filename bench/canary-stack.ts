// Bad requests served (issue 5), once on the real stack: HAProxy in front of two ONNX model
// servers, Prometheus scraping them every second, 50 requests/s. The canary fails 5% of requests,
// stable 0.1%. modelci's loop (its defaults, a check every 10 s, as in the simulation) against a
// fixed-window analysis (every minute, roll back when the last minute's error rate is above the
// 2% the simulation tuned it to). Both read the same Prometheus and drive the same HAProxy; the
// failed requests are counted by the canary's model server itself. One run each: a noisy number
// that shows the simulation's numbers hold on real components. Prints, asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMetricsSource, openRouter, parseCanaryPolicy, rollBackRouter, runRollout } from '../packages/core/src/index.js';
import { startCanaryStack } from '../test/helpers/canary-stack.js';
import { buildTestModels } from '../test/models/test-models.js';

const RATE = 50;
const FIXED_THRESHOLD = 0.02;
const FIXED_WINDOW_S = 60;

const dir = mkdtempSync(join(tmpdir(), 'modelci-canary-bench-'));
const t = await buildTestModels(dir, { slowLayers: 4 });
const stack = await startCanaryStack({ stable: t.models.penguins, canary: t.models.penguins }, t.data.penguinsTest, RATE);
const router = openRouter(stack.router);
const metricsUri = `prometheus+${stack.prometheus.url}`;
const canaryFailures = async () => (await stack.canary.counts()).errors;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(run: () => Promise<void>): Promise<{ failed: number; seconds: number }> {
  await rollBackRouter(router);
  await stack.stable.setFaults({ failRate: 0.001 });
  await stack.canary.setFaults({ failRate: 0.05 });
  await sleep(2000);
  const before = await canaryFailures();
  const t0 = Date.now();
  await run();
  const seconds = (Date.now() - t0) / 1000;
  // Requests in flight at the rollback finish before counting.
  await sleep(500);
  return { failed: (await canaryFailures()) - before, seconds };
}

try {
  const ours = await measure(async () => {
    const policy = parseCanaryPolicy({ 'check-interval': '10s', 'min-requests': '20' });
    const record = await runRollout(policy, { router, metrics: openMetricsSource(metricsUri) });
    if (record.state !== 'rolled-back') throw new Error(`modelci did not roll the bad canary back: ${record.state}`);
  });
  const fixed = await measure(async () => {
    const metrics = openMetricsSource(metricsUri);
    await router.setWeights(0.05);
    for (let start = Date.now(); ; start += FIXED_WINDOW_S * 1000) {
      await sleep(start + FIXED_WINDOW_S * 1000 - Date.now());
      const r = await metrics.read({ start: new Date(start), end: new Date() });
      const { requests, errors } = r.canary;
      if (requests !== null && errors !== null && requests >= 50 && errors / requests > FIXED_THRESHOLD) break;
    }
    await rollBackRouter(router);
  });
  console.log(`\nOn the real stack (HAProxy + 2 ONNX model servers + Prometheus, ${RATE} req/s; canary 5% errors, stable 0.1%; one run each)\n`);
  console.log('| analysis | rolled back after | failed canary requests served |');
  console.log('|---|---:|---:|');
  console.log(`| modelci canary-deploy loop (defaults, a check every 10 s) | ${ours.seconds.toFixed(0)} s | ${ours.failed} |`);
  console.log(`| fixed window, 1 min, error rate > ${FIXED_THRESHOLD * 100}% | ${fixed.seconds.toFixed(0)} s | ${fixed.failed} |`);
  console.log(
    `\nReal stack: ${(fixed.failed / Math.max(1, ours.failed)).toFixed(1)}x fewer failed requests (one run; the simulation's 200 runs are the measure).`,
  );
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
