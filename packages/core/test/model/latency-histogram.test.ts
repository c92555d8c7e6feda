import { latencyHistogram } from '../../src/model/latency-summary.js';
import { baselineRows } from '../../src/render/gates-markdown.js';

describe('latencyHistogram', () => {
  test('log-spaced buckets show the body and the tail of a skewed sample', () => {
    // 984 fast runs near 0.3 ms, a tail up to 7 ms: equal widths put 984 in the first bucket.
    const samples = [...Array.from({ length: 984 }, (_, i) => 0.25 + (i % 50) / 500), 0.9, 1.2, 2, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.2, 6.5, 6.8, 6.9, 7, 7.05];
    const h = latencyHistogram(samples);
    expect(h.counts.reduce((s, c) => s + c, 0)).toBe(samples.length);
    expect(h.edges[h.edges.length - 1]).toBe(7.05);
    // Equal ratios between edges, and the fast runs spread over several buckets.
    expect(h.edges[2] / h.edges[1]).toBeCloseTo(h.edges[10] / h.edges[9], 9);
    expect(h.counts.filter((c) => c > 50).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...h.counts)).toBeLessThan(984);
  });
  test('constant or zero latencies fall back to equal widths', () => {
    expect(latencyHistogram([1, 1, 1]).counts.reduce((s, c) => s + c, 0)).toBe(3);
    expect(latencyHistogram([0, 0.5, 1]).counts.reduce((s, c) => s + c, 0)).toBe(3);
  });
});

describe('baseline deltas say better or worse', () => {
  test('a higher log loss is worse, a higher accuracy better', () => {
    const rows = baselineRows({ accuracy: 0.9, log_loss: 1.2, 'latency.p99': 3 }, { accuracy: 0.8, log_loss: 0.45, 'latency.p99': 3 });
    expect(rows.map((r) => [r.metric, r.delta])).toEqual([
      ['accuracy', '+0.1 (better)'],
      ['log_loss', '+0.75 (worse)'],
      ['latency.p99', '0 ms'],
    ]);
  });
});

describe('p99 spread over blocks of consecutive runs', () => {
  test('a slow stretch in one block shows as a wide spread; steady runs as a narrow one', async () => {
    const { p99Spread } = await import('../../src/model/latency-summary.js');
    const steady = Array.from({ length: 1000 }, (_, i) => 0.3 + (i % 100) / 1000);
    const s = p99Spread(steady)!;
    expect(s.blocks).toBe(5);
    expect(s.runsPerBlock).toBe(200);
    expect(s.high - s.low).toBeLessThan(0.01);
    // 10 runs of 7 ms in the third block only.
    const hiccup = steady.map((x, i) => (i >= 400 && i < 410 ? 7 : x));
    const h = p99Spread(hiccup)!;
    expect(h.low).toBeLessThan(0.4);
    expect(h.high).toBeGreaterThan(6.9);
    expect(p99Spread(steady.slice(0, 999))).toBeUndefined();
  });
});
