/**
 * The rollback itself: canary weight 0, read back, retried until it holds or `timeoutMs` has
 * passed. A router that is down for a few minutes (a restart, a frozen load balancer) must still
 * end with stable serving everything, so the rollback outlasts outages instead of giving up after
 * a few seconds; every wait is logged so the job log shows why the step is still running.
 */
import { formatDuration } from '../shared/format.js';
import { pct } from './canary-policy.js';
import type { TrafficRouter } from './traffic-router.js';

/** HAProxy keeps weights in 1/256 steps: a held weight within this of the asked one is the same. */
export const WEIGHT_TOLERANCE = 1 / 256;

export interface RollBackClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RollBackOptions {
  clock: RollBackClock;
  /** How long to keep trying, ms (the rollback-timeout input). */
  timeoutMs: number;
  log?: (line: string) => void;
  /** Longest wait between attempts, ms. */
  maxBackoffMs?: number;
}

const realClock: RollBackClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class RollBackFailed extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly waitedMs: number,
  ) {
    super(message);
  }
}

/** Returns the canary share the router holds (≈0); throws RollBackFailed when the time is up. */
export async function rollBackRouter(router: TrafficRouter, options: Partial<RollBackOptions> = {}): Promise<number> {
  const { clock = realClock, timeoutMs = 60_000, log = () => {} } = options;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const start = clock.now();
  for (let i = 1; ; i++) {
    try {
      // No signal: a cancelled job must still get its traffic back.
      await router.setWeights(0);
      const held = await router.getWeights();
      if (held.canary > WEIGHT_TOLERANCE) throw new Error(`the router still holds ${pct(held.canary)} for the canary`);
      if (i > 1) log(`rolling back: the router took 0% for the canary at attempt ${i}, after ${formatDuration(clock.now() - start)}`);
      return held.canary;
    } catch (e) {
      const message = (e as Error).message.replace(/\.$/, '');
      const waited = clock.now() - start;
      const wait = Math.min(maxBackoff, 500 * 2 ** (i - 1), Math.max(0, timeoutMs - waited));
      if (waited >= timeoutMs || wait <= 0) {
        throw new RollBackFailed(
          `the router did not take 0% for the canary in ${i} attempt${i > 1 ? 's' : ''} over ${formatDuration(waited)} (rollback-timeout ${formatDuration(timeoutMs)}); last: ${message}`,
          i,
          waited,
        );
      }
      log(
        `rolling back: attempt ${i} failed (${message}); trying again in ${formatDuration(wait)} (waited ${formatDuration(waited)} of rollback-timeout ${formatDuration(timeoutMs)})`,
      );
      await clock.sleep(wait);
    }
  }
}
