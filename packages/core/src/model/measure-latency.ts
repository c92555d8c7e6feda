/**
 * Latency as a served model sees it: one row per call, after warm-up, timed around each
 * onnxruntime call only; plus throughput at a chosen batch size.
 */
import { InputError } from '../shared/errors.js';
import type { FeedPlan } from './input-mapping.js';
import type { Feeds, ModelSession } from './model-session.js';
import { latencyHistogram, summarizeLatencies, type LatencySummary } from './latency-summary.js';

export interface LatencyOptions {
  /** Timed single-row runs (default 1000: fewer leave the p99 resting on a handful of samples). */
  runs?: number;
  /** Untimed runs first: onnxruntime allocates and picks kernels on the first calls. */
  warmupRuns?: number;
  /** Rows per call for the throughput figure. */
  batchSize?: number;
}

export const DEFAULT_LATENCY_RUNS = 1000;
export const DEFAULT_WARMUP_RUNS = 50;
export const DEFAULT_THROUGHPUT_BATCH = 32;
/** Most timed runs: 1e6 already rests the p99 on 10,000 samples; beyond, the run takes hours and the samples gigabytes. */
export const MAX_LATENCY_RUNS = 1_000_000;
/** Most warm-up runs: onnxruntime settles in tens of calls. */
export const MAX_WARMUP_RUNS = 100_000;

export interface LatencyResult extends LatencySummary {
  warmupRuns: number;
  batchSize: number;
  /** Rows per second at batchSize rows per call. */
  throughput: number;
  histogram: { edges: number[]; counts: number[] };
  /** The timed samples, milliseconds, in run order. */
  samples: Float64Array;
}

const hrtime = process.hrtime.bigint;

export async function measureLatency(session: ModelSession, plan: FeedPlan, options: LatencyOptions = {}): Promise<LatencyResult> {
  const runs = Math.max(1, Math.floor(atMost(options.runs ?? DEFAULT_LATENCY_RUNS, MAX_LATENCY_RUNS, 'latency-runs', 'timed runs')));
  const warmupRuns = Math.max(0, Math.floor(atMost(options.warmupRuns ?? DEFAULT_WARMUP_RUNS, MAX_WARMUP_RUNS, 'warmup-runs', 'warm-up runs')));
  const batchSize = Math.max(1, Math.min(plan.fixedBatch ?? Infinity, Math.floor(options.batchSize ?? DEFAULT_THROUGHPUT_BATCH)));
  // Rows cycle through the test set, built before timing starts so only the model is timed.
  const distinct = Math.min(plan.rowCount, runs + warmupRuns);
  const rows: Feeds[] = [];
  for (let r = 0; r < distinct; r++) rows.push(plan.feeds(r, r + 1));

  for (let i = 0; i < warmupRuns; i++) await session.run(rows[i % distinct]);
  const samples = await timeRuns(session, rows, runs, warmupRuns);

  const throughput = await measureThroughput(session, plan, batchSize, runs);
  return { ...summarizeLatencies(samples), warmupRuns, batchSize, throughput, histogram: latencyHistogram(samples), samples };
}

/** `n`, refused before anything is allocated for it when above `max` (or not a number). */
function atMost(n: number, max: number, input: string, what: string): number {
  if (!(n <= max)) {
    throw new InputError(
      `Input '${input}' is ${n}: at most ${max.toLocaleString('en-US')} ${what} are allowed; give a smaller number (the default is ${input === 'latency-runs' ? DEFAULT_LATENCY_RUNS : DEFAULT_WARMUP_RUNS}).`,
      { input },
    );
  }
  return n;
}

/**
 * The timed loop: `runs` calls cycling through `rows` from `offset`, each timed alone (ms). Only
 * two clock reads per call are added to what is measured (`npm run bench` measures that cost).
 */
export async function timeRuns(session: ModelSession, rows: Feeds[], runs: number, offset = 0): Promise<Float64Array> {
  atMost(runs, MAX_LATENCY_RUNS, 'latency-runs', 'timed runs');
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const feeds = rows[(offset + i) % rows.length];
    const t0 = hrtime();
    await session.run(feeds);
    samples[i] = Number(hrtime() - t0) / 1e6;
  }
  return samples;
}

/** Rows per second over at least `rows` rows and 10 calls of `batchSize` rows. */
async function measureThroughput(session: ModelSession, plan: FeedPlan, batchSize: number, rows: number): Promise<number> {
  const size = Math.min(batchSize, plan.rowCount);
  const batches: Feeds[] = [];
  for (let start = 0; start + size <= plan.rowCount && batches.length < 16; start += size) batches.push(plan.feeds(start, start + size));
  await session.run(batches[0]);
  const calls = Math.max(10, Math.ceil(rows / size));
  const t0 = hrtime();
  for (let i = 0; i < calls; i++) await session.run(batches[i % batches.length]);
  const seconds = Number(hrtime() - t0) / 1e9;
  return (calls * size) / seconds;
}
