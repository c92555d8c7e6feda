// The latency-endpoint numbers in the summary and the terminal text: the line people quote, the
// failures left out of the percentiles, and the warning when the gate sits inside the p99 spread.
import type { QualityGatesVerdict } from '../../src/gates/quality-gates-verdict.js';
import type { EndpointLatencyReport } from '../../src/model/measure-endpoint-latency.js';
import { renderGatesMarkdown } from '../../src/render/gates-markdown.js';
import { renderGatesText } from '../../src/render/gates-text.js';

const endpoint: EndpointLatencyReport = {
  url: 'https://models.example/v2/models/penguins/infer',
  format: 'v2',
  requests: 2000,
  concurrency: 8,
  warmupRequests: 50,
  timeoutMs: 10_000,
  errors: 3,
  failures: { '503': 2, timeout: 1 },
  runs: 1997,
  mean: 9.1,
  p50: 8.2,
  p95: 11.4,
  p99: 12.3,
  max: 40.2,
  p99Spread: { low: 11.8, high: 13.1, blocks: 5, runsPerBlock: 399 },
  throughput: 870,
  histogram: { edges: [5, 10, 20, 40.2], counts: [100, 1700, 190, 7] },
};

function verdict(): QualityGatesVerdict {
  return {
    schema: 'modelci/gate-verdict@1',
    createdAt: '2026-03-01T12:00:00.000Z',
    passed: true,
    summary: 'All 1 gates passed.',
    gates: [
      {
        gate: 'latency.p99 <= 12.5ms',
        metric: 'latency.p99',
        comparator: '<=',
        actual: 12.3,
        threshold: 12.5,
        margin: 0.2,
        passed: true,
        dimension: 'time',
        reason: 'latency.p99 = 12.3 ms passes <= 12.5 ms by 0.2 ms',
      },
    ],
    checks: [],
    metrics: { 'latency.p99': 12.3 },
    evaluation: {
      schema: 'modelci/evaluation-report@1',
      createdAt: '2026-03-01T12:00:00.000Z',
      task: 'regression',
      model: { path: 'm.onnx', sizeBytes: 10, externalData: [], producer: '', irVersion: 8, opsets: {}, inputs: [], outputs: {} },
      data: { spec: 't.csv', files: ['t.csv'], rows: 10, labelColumn: 'y', rowsWithMissingInputs: 0 },
      metrics: { 'latency.p99': 12.3 },
      endpointLatency: endpoint,
      robustness: [],
      notes: [],
    },
    source: { model: 'm.onnx' },
  } as unknown as QualityGatesVerdict;
}

test('the summary says p99 over how many requests at what concurrency against which endpoint, and the failures', () => {
  const md = renderGatesMarkdown(verdict());
  expect(md).toContain('### Latency (model server)');
  expect(md).toContain(
    'p99 12.3 ms over 2,000 requests at concurrency 8 against `https://models.example/v2/models/penguins/infer` (v2 inference protocol, after 50 warm-up, timeout 10 s).',
  );
  expect(md).toContain('3 of 2,000 requests failed (503 ×2, timeout ×1) and are not in the percentiles.');
  expect(md).toContain('p99 over 5 blocks of 399 consecutive requests: 11.8 ms to 13.1 ms.');
  expect(md).toContain('> ⚠️ The latency gate (12.5 ms) lies inside that spread');
  expect(md).toContain('xychart-beta');
});

test('the terminal text carries the same line', () => {
  const text = renderGatesText(verdict());
  expect(text).toContain('p99 12.3 ms over 2,000 requests at concurrency 8 against https://models.example/v2/models/penguins/infer (v2 inference protocol');
  expect(text).toMatch(/3 of 2,000 requests failed \(503 .2, timeout .1\)/);
  expect(text).toContain('p99 over 5 blocks of 399 requests: 11.8 ms to 13.1 ms');
});
