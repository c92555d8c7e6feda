/**
 * Latency samples (milliseconds, one per single-sample inference after warm-up) summarised as
 * people gate on them. Percentiles use linear interpolation between order statistics, numpy's
 * default ("linear", Hyndman-Fan type 7), so the numbers match `numpy.percentile`.
 */
export interface LatencySummary {
  runs: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /**
   * The p99 of each block of consecutive runs (5 blocks, at least 200 runs each), lowest and
   * highest: how much the p99 moves within one measurement (a noisy neighbour, a GC pause, CPU
   * frequency). A gate between the two passes or fails by luck. Absent below 1000 runs.
   */
  p99Spread?: { low: number; high: number; blocks: number; runsPerBlock: number };
  /** Set when there are too few runs for the p99 to rest on more than a handful of samples. */
  warning?: string;
}

const SPREAD_BLOCKS = 5;

/** p99 per block of consecutive runs, in run order (not sorted: a slow stretch stays in its block). */
export function p99Spread(samplesMs: ArrayLike<number>, blocks = SPREAD_BLOCKS): LatencySummary['p99Spread'] {
  const runsPerBlock = Math.floor(samplesMs.length / blocks);
  if (runsPerBlock < 200) return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (let b = 0; b < blocks; b++) {
    const block = Float64Array.from({ length: runsPerBlock }, (_, i) => samplesMs[b * runsPerBlock + i]).sort();
    const p = percentileSorted(block, 99);
    low = Math.min(low, p);
    high = Math.max(high, p);
  }
  return { low, high, blocks, runsPerBlock };
}

/** Below this many runs, fewer than 10 samples lie beyond the p99: say so. */
export const MIN_RUNS_FOR_P99 = 1000;

export function percentileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const h = (sorted.length - 1) * (q / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** `unit` names what a sample is in the warning: in-process runs, or requests to a model server. */
export function summarizeLatencies(samplesMs: ArrayLike<number>, unit = 'runs'): LatencySummary {
  const sorted = Float64Array.from(samplesMs).sort();
  if (sorted.length === 0) throw new Error('no latency samples');
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  const runs = sorted.length;
  return {
    runs,
    mean: sum / runs,
    p50: percentileSorted(sorted, 50),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
    max: sorted[runs - 1],
    p99Spread: p99Spread(samplesMs),
    warning:
      runs < MIN_RUNS_FOR_P99
        ? `Only ${runs} ${unit}: the p99 rests on ${Math.max(0, Math.floor(runs / 100))} sample(s) beyond it; use at least ${MIN_RUNS_FOR_P99} ${unit} for a p99 to mean something.`
        : undefined,
  };
}

/**
 * Log-spaced histogram of latencies for the summary chart: bucket upper edges and counts.
 * Latencies are skewed (most runs fast, a few slow): equal widths up to the max put nearly
 * every run in the first bucket; geometric widths show the body and the tail.
 */
export function latencyHistogram(samplesMs: ArrayLike<number>, buckets = 20): { edges: number[]; counts: number[] } {
  const sorted = Float64Array.from(samplesMs).sort();
  if (sorted.length === 0) return { edges: [], counts: [] };
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const counts = new Array<number>(buckets).fill(0);
  if (!(lo > 0) || !(hi > lo)) {
    // Zero or constant latencies have no log scale: equal widths.
    const width = hi > lo ? (hi - lo) / buckets : 1;
    for (let i = 0; i < sorted.length; i++) counts[Math.min(buckets - 1, Math.floor((sorted[i] - lo) / width))]++;
    return { edges: counts.map((_, i) => lo + width * (i + 1)), counts };
  }
  const ratio = Math.log(hi / lo) / buckets;
  for (let i = 0; i < sorted.length; i++) counts[Math.min(buckets - 1, Math.floor(Math.log(sorted[i] / lo) / ratio))]++;
  return { edges: counts.map((_, i) => (i === buckets - 1 ? hi : lo * Math.exp(ratio * (i + 1)))), counts };
}
