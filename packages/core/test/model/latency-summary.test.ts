import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { latencyHistogram, summarizeLatencies } from '../../src/model/latency-summary.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/numpy/latency.json', import.meta.url), 'utf8'));

describe('summarizeLatencies', () => {
  test('percentiles, mean and max match numpy.percentile (linear) on recorded samples', () => {
    const s = summarizeLatencies(fixture.samples);
    for (const k of ['p50', 'p95', 'p99', 'mean', 'max'] as const) expect(s[k]).toBeCloseTo(fixture[k], 10);
    expect(s.runs).toBe(1234);
    expect(s.warning).toBeUndefined();
  });

  test('few runs: numbers still match numpy, with a warning that says why the p99 is weak', () => {
    const s = summarizeLatencies(fixture.small.samples);
    expect(s.p50).toBeCloseTo(fixture.small.p50, 12);
    expect(s.p99).toBeCloseTo(fixture.small.p99, 12);
    expect(s.warning).toBe('Only 4 runs: the p99 rests on 0 sample(s) beyond it; use at least 1000 runs for a p99 to mean something.');
  });

  test('percentiles are ordered and bounded by the samples', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const s = summarizeLatencies(xs);
        expect(s.p50).toBeLessThanOrEqual(s.p95);
        expect(s.p95).toBeLessThanOrEqual(s.p99);
        expect(s.p99).toBeLessThanOrEqual(s.max);
        expect(s.p50).toBeGreaterThanOrEqual(Math.min(...xs));
      }),
    );
  });

  test('no samples is an error', () => {
    expect(() => summarizeLatencies([])).toThrow('no latency samples');
  });
});

describe('latencyHistogram', () => {
  test('every sample lands in exactly one bucket', () => {
    const h = latencyHistogram(fixture.samples, 20);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1234);
    expect(h.edges).toHaveLength(20);
    expect(h.edges[19]).toBeCloseTo(fixture.max, 9);
  });
});
