/**
 * A/B counts from Prometheus: the canary's metrics source (the same adapter and queries), with the
 * champion read as "stable" and the challenger as "canary"; a success is a request that did not
 * fail. Requests from increase() may be fractional (Prometheus extrapolates): they are rounded.
 */
import type { AbOptions } from '../monitor/ab-sequential-test.js';
import { abResult, newTally } from '../monitor/ab-counts.js';
import type { AbResult } from '../monitor/monitor-report.js';
import type { TimeWindow } from '../monitor/production-source.js';
import { openMetricsSource } from '../rollout/metrics-sources.js';
import { ServiceError } from '../shared/errors.js';

export async function abFromPrometheus(
  uri: string,
  selectors: string[],
  variants: [string, string],
  window: TimeWindow,
  challengerShare: number,
  options: AbOptions,
  signal?: AbortSignal,
): Promise<AbResult> {
  const source = openMetricsSource(uri, { selectors: { stable: selectors[0], canary: selectors[1] } }, 'ab-metrics');
  await source.check(window.end.getTime() - window.start.getTime(), signal);
  const reading = await source.read({ start: window.start, end: window.end }, signal);
  const tally = newTally(variants[0], variants[1]);
  for (const [arm, m] of [
    [tally.champion, reading.stable],
    [tally.challenger, reading.canary],
  ] as const) {
    if (m.requests === null) {
      throw new ServiceError(
        'Prometheus',
        `it has no request count for ${arm.name} in the window (selector ${arm === tally.champion ? selectors[0] : selectors[1]}): check ab-selectors.`,
        {
          retryable: false,
        },
      );
    }
    arm.total = Math.round(m.requests);
    arm.successes = Math.max(0, arm.total - Math.round(m.errors ?? 0));
  }
  return abResult(tally, challengerShare, options, 'prometheus');
}
