/**
 * The canary rollout loop: one analysis loop whose every decision moves the rollout to a named
 * state (Flagger's controller is the model). Each step sets the canary's share, reads it back,
 * then checks the metrics every check interval until the step has lasted its interval and its
 * last check passed. A bad canary (sequential test) is rolled back at the check that shows it;
 * failed checks, a router that stops holding its weight, a metrics source that keeps failing,
 * the timeout and cancellation roll back too. Whatever happens, the loop ends with the stable
 * version serving all traffic unless the canary was promoted.
 */
import { InputError, isInputError, isServiceError } from '../shared/errors.js';
import { pct, type CanaryPolicy } from './canary-policy.js';
import { DEPLOYMENT_RECORD_SCHEMA, type CheckRecord, type DeploymentRecord, type RolloutState, type StepRecord } from './deployment-record.js';
import { judgeCheck, summarize } from './judge-check.js';
import { redactUri } from '../shared/redact-uri.js';
import { formatDuration } from '../shared/format.js';
import type { MetricsReading, MetricsSource } from './metrics-source.js';
import { startSequentialTest, type SequentialState } from './sequential-error-test.js';
import type { TrafficRouter } from './traffic-router.js';
import { rollBackRouter, WEIGHT_TOLERANCE } from './roll-back-router.js';
import type { PromoteHook } from './promote-hook.js';
import { planTraffic } from './traffic-plan.js';
import type { VariantMetrics } from './metrics-source.js';

export { rollBackRouter, WEIGHT_TOLERANCE };

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface RolloutDeps {
  router: TrafficRouter;
  metrics: MetricsSource;
  clock?: Clock;
  /** Aborts on cancellation (SIGINT/SIGTERM): the loop rolls back and returns. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /**
   * Called whenever the record changes, so that a killed run leaves it up to date. A write that
   * fails is a warning (in the log and record.warnings), never a reason to stop or skip a rollback.
   */
  onRecord?: (record: DeploymentRecord) => Promise<void>;
  /** The record an earlier run left at the same path, if any: `resume` continues only that run. */
  previous?: DeploymentRecord;
  /** The promote hook: puts the new version on the stable servers after the last step passes. */
  promote?: PromoteHook;
  /** Router call attempts before giving up (backoff 0.5 s, 1 s, 2 s, …). */
  routerAttempts?: number;
}

export interface RolloutModel {
  name?: string;
  version?: string;
  gitSha?: string;
  runUrl?: string;
}

class RollBack extends Error {}
/** The record is final already (a promotion that stalled with the canary serving). */
class Settled extends Error {}

function emptyTotals(): VariantMetrics {
  return { requests: null, errors: null, p99Ms: null };
}

/** Adds a window's counts to the step's; p99 cannot be added, so the latest window's stands. */
function addTotals(totals: { canary: VariantMetrics; stable: VariantMetrics }, reading: MetricsReading): void {
  for (const side of ['canary', 'stable'] as const) {
    const t = totals[side];
    const r = reading[side];
    if (r.requests !== null) t.requests = (t.requests ?? 0) + r.requests;
    if (r.errors !== null) t.errors = (t.errors ?? 0) + r.errors;
    if (r.p99Ms !== null) t.p99Ms = r.p99Ms;
  }
}

function versionName(model: RolloutModel): string {
  return model.version ? `${model.name ?? 'the model'} v${model.version}` : (model.name ?? 'the new version');
}

/** Checks that the router and the metrics source answer; throws an InputError before anything moves. */
export async function preflight(deps: RolloutDeps, checkWindowMs?: number): Promise<number> {
  const weights = await deps.router.getWeights(deps.signal);
  await deps.metrics.check(checkWindowMs, deps.signal);
  return weights.canary;
}

export async function runRollout(policy: CanaryPolicy, deps: RolloutDeps, model: RolloutModel = {}): Promise<DeploymentRecord> {
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? (() => {});
  const attempts = deps.routerAttempts ?? 4;
  const iso = (t = clock.now()) => new Date(t).toISOString();
  const startedAt = clock.now();
  const record: DeploymentRecord = {
    schema: DEPLOYMENT_RECORD_SCHEMA,
    model,
    router: redactUri(deps.router.uri),
    metrics: redactUri(deps.metrics.uri),
    policy,
    startedAt: iso(startedAt),
    state: 'initializing',
    steps: [],
    events: [],
  };
  let weight = await preflight(deps, policy.checkIntervalMs);
  const save = async () => {
    try {
      await deps.onRecord?.(record);
    } catch (e) {
      const warning = `The deployment record could not be written (${(e as Error).message.replace(/\.$/, '')}); the rollout goes on, and traffic is moved regardless.`;
      if (!record.warnings?.includes(warning)) {
        (record.warnings ??= []).push(warning);
        log(`warning: ${warning}`);
      }
    }
  };
  const note = (state: RolloutState, message: string) => {
    record.state = state;
    record.events.push({ at: iso(), state, weight, message });
    log(`${state}: ${message}`);
  };
  const event = async (state: RolloutState, message: string) => {
    note(state, message);
    await save();
  };

  /** Retries with exponential backoff; the last error is thrown. */
  const retry = async <T>(what: () => Promise<T>, tries: number, signal?: AbortSignal): Promise<T> => {
    for (let i = 1; ; i++) {
      try {
        return await what();
      } catch (e) {
        if (i >= tries || signal?.aborted) throw e;
        log(`retrying after: ${(e as Error).message}`);
        await clock.sleep(500 * 2 ** (i - 1), signal);
      }
    }
  };
  const setAndVerify = async (w: number, signal?: AbortSignal) => {
    await retry(
      async () => {
        await deps.router.setWeights(w, signal);
        const held = await deps.router.getWeights(signal);
        if (Math.abs(held.canary - w) > WEIGHT_TOLERANCE) throw new Error(`the router holds ${pct(held.canary)} for the canary after being set to ${pct(w)}`);
        // Within the router's resolution (HAProxy: 26/256 for 10%) it holds what was asked.
        weight = w;
      },
      attempts,
      signal,
    );
  };

  const plan = policy.steps.map(pct).join(' → ') + ' → promote (100%)';
  await event(
    'initializing',
    `router holds ${pct(weight)} for the canary; plan: ${plan}, ${formatDuration(policy.intervalMs)} per step, a check every ${formatDuration(policy.checkIntervalMs)}`,
  );

  if (policy.dryRun) {
    const now = clock.now();
    const reading = await deps.metrics.read({ start: new Date(now - policy.checkIntervalMs), end: new Date(now) }).catch((e: Error) => e);
    if (reading instanceof Error)
      record.reason = `Dry run: the router and the metrics source answer, but reading the metrics failed (${reading.message}); nothing was changed.`;
    else {
      const verdict = judgeCheck(reading, -Infinity, policy, startSequentialTest({ alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio }));
      record.steps.push({
        weight,
        startedAt: iso(now),
        endedAt: iso(now),
        checks: [
          checkRecord(reading, weight, verdict, iso(now), 'not judged', [`dry run: ${verdict.decision} at the current split (${verdict.reasons.join('; ')})`]),
        ],
      });
      record.reason = `Dry run: the router and the metrics source answer; nothing was changed (the canary keeps ${pct(weight)}).`;
    }
    record.finalWeight = weight;
    record.finishedAt = iso();
    await event('dry-run', record.reason);
    return record;
  }

  if (weight >= 1 - WEIGHT_TOLERANCE && !policy.startFromFullCanary) {
    throw new InputError(
      `The router already gives the canary 100% (an earlier promotion without promote-command?), so the stable servers may run an older version; put the promoted version on the stable servers and run 'modelci rollback', or set start-from-full-canary: true to send all traffic back to the stable servers and start over.`,
      { input: 'start-from-full-canary' },
    );
  }
  let first = 0;
  if (weight >= 1 - WEIGHT_TOLERANCE) {
    await event(
      'initializing',
      `the router gives the canary 100% (start-from-full-canary is true): returning all traffic to the stable servers before starting over`,
    );
    await guard(() => setAndVerify(0, deps.signal), 'the router did not take 0% for the canary');
  } else if (weight > WEIGHT_TOLERANCE) {
    const own = resumable(deps.previous, model, weight);
    if (policy.resume && own === true) {
      const at = policy.steps.findLastIndex((s) => s <= weight + WEIGHT_TOLERANCE);
      first = Math.max(0, at);
      await event(
        'initializing',
        `an earlier run of this version left the canary at ${pct(weight)}: resuming at step ${first + 1} of ${policy.steps.length} (${pct(policy.steps[first])}) instead of starting over`,
      );
    } else {
      // Another version's share (or one nobody recorded) is not evidence about this one: back to 0.
      await event(
        'initializing',
        `the router holds ${pct(weight)} for the canary, ${policy.resume ? own : 'and resume is false'}: returning it to 0% before starting over`,
      );
      try {
        await setAndVerify(0, deps.signal);
      } catch (e) {
        if (deps.signal?.aborted) throw e;
        return rollBack(
          record,
          `The canary's leftover share of ${pct(weight)} could not be returned to 0% before starting (${(e as Error).message.replace(/\.$/, '')}).`,
          ctx(),
          true,
        );
      }
    }
  }

  // What the plan can judge at the traffic there is; refused up front when it cannot (InputError).
  const before = await deps.metrics
    .read({ start: new Date(clock.now() - policy.checkIntervalMs), end: new Date(clock.now()) }, deps.signal)
    .catch((e: Error) => e);
  const served = before instanceof Error ? null : before.stable.requests === null ? null : before.stable.requests + (before.canary.requests ?? 0);
  if (served !== null && !(before instanceof Error)) {
    const secs = (before.to.getTime() - before.from.getTime()) / 1000;
    let plan: ReturnType<typeof planTraffic>;
    try {
      plan = planTraffic(policy, secs > 0 ? served / secs : 0, first);
    } catch (e) {
      // Refused with the canary holding a resumed share: that share goes back to stable first.
      if (weight > WEIGHT_TOLERANCE) return rollBack(record, (e as Error).message, ctx(), true);
      throw e;
    }
    await event('initializing', plan.sentence);
  } else {
    await event(
      'initializing',
      `the traffic could not be measured before the start (${before instanceof Error ? before.message : 'no data for stable requests'}); steps wait for min-requests up to the timeout`,
    );
  }
  let sequential: SequentialState = startSequentialTest({ alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio });
  let failedChecks = 0;
  let lastRead = clock.now();
  try {
    for (let i = first; i < policy.steps.length; i++) {
      const w = policy.steps[i];
      await guard(() => setAndVerify(w, deps.signal), `the router did not take ${pct(w)} for the canary`);
      const changedAt = clock.now();
      const step: StepRecord = { weight: w, startedAt: iso(changedAt), checks: [] };
      record.steps.push(step);
      await event('progressing', `step ${i + 1} of ${policy.steps.length}: the canary gets ${pct(w)}`);
      // A read at the boundary lets counter-diffing sources start the new window here; it is not judged.
      await deps.metrics.read({ start: new Date(lastRead), end: new Date(changedAt) }, deps.signal).catch(() => undefined);
      lastRead = changedAt;
      let passes = 0;
      let metricsFailures = 0;
      // Evidence accumulates over the step: thresholds judge the counts since it began.
      const totals = { canary: emptyTotals(), stable: emptyTotals() };
      let thin: string | undefined;
      for (;;) {
        await clock.sleep(lastRead + policy.checkIntervalMs - clock.now(), deps.signal);
        const now = clock.now();
        if (now - startedAt > policy.timeoutMs) {
          throw new RollBack(
            thin
              ? `Too little traffic to judge the canary: the rollout ran past its timeout of ${formatDuration(policy.timeoutMs)} at ${pct(w)} with ${thin} since the step began; give the canary more traffic (a larger initial-weight), lower min-requests, or lengthen timeout.`
              : `The rollout ran past its timeout of ${formatDuration(policy.timeoutMs)} at ${pct(w)} without finishing the step (${passes} passing checks in it).`,
          );
        }
        const held = await guard(() => retry(() => deps.router.getWeights(deps.signal), attempts, deps.signal), "could not read the router's weights");
        if (Math.abs(held.canary - w) > WEIGHT_TOLERANCE) {
          throw new RollBack(
            `The router no longer holds ${pct(w)} for the canary but ${pct(held.canary)} (was it reloaded without its server-state file, or changed by hand?).`,
          );
        }
        let reading: MetricsReading;
        try {
          reading = await retry(() => deps.metrics.read({ start: new Date(lastRead), end: new Date(now) }, deps.signal), 2, deps.signal);
        } catch (e) {
          if (deps.signal?.aborted) throw e;
          metricsFailures++;
          await event('progressing', `metrics read failed (${metricsFailures} of ${policy.metricsFailures} in a row): ${(e as Error).message}`);
          if (metricsFailures >= policy.metricsFailures)
            throw new RollBack(
              `The metrics source failed ${metricsFailures} reads in a row (last: ${(e as Error).message}); without metrics the canary cannot be judged.`,
            );
          continue;
        }
        metricsFailures = 0;
        lastRead = now;
        if (reading.from.getTime() >= changedAt) addTotals(totals, reading);
        const verdict = judgeCheck(reading, changedAt, policy, sequential, totals);
        sequential = verdict.sequential;
        thin = verdict.decision === 'inconclusive' ? verdict.reasons.find((r) => /fewer than min-requests/.test(r)) : undefined;
        step.checks.push({ ...checkRecord(reading, w, verdict, iso(now)), step: { canary: summarize(totals.canary), stable: summarize(totals.stable) } });
        log(`check at ${pct(w)}: ${verdict.decision} (${verdict.reasons.join('; ')})`);
        await save();
        if (verdict.decision === 'bad canary') throw new RollBack(`The canary fails more often than stable: ${verdict.reasons[0]}.`);
        if (verdict.decision === 'fail') {
          failedChecks++;
          if (failedChecks >= policy.failedChecks)
            throw new RollBack(
              `${failedChecks} failed check${failedChecks > 1 ? 's' : ''} (failed-checks is ${policy.failedChecks}); the last at ${pct(w)}: ${verdict.reasons.filter((r) => / above /.test(r)).join('; ')}.`,
            );
        }
        if (verdict.decision === 'pass') passes++;
        if (now - changedAt >= policy.intervalMs && verdict.decision === 'pass') break;
      }
      step.endedAt = iso();
    }
    const passed = `every step from ${pct(policy.steps[first])} to ${pct(policy.steps[policy.steps.length - 1])} passed its checks`;
    if (deps.promote) {
      await promoteToStable(passed);
    } else {
      await event('promoting', `every step passed: the canary gets 100%`);
      await guard(() => setAndVerify(1, deps.signal), 'the router did not take the promotion');
      record.serving = 'canary';
      record.reason = `Promoted: ${passed}; the canary servers now serve 100% of traffic. Next: put ${versionName(model)} on the stable servers, then give them the traffic back ('modelci rollback'), or set promote-command to do both here.`;
    }
    record.finalWeight = weight;
    record.finishedAt = iso();
    await event('promoted', record.reason!);
    return record;
  } catch (e) {
    if (e instanceof Settled) return record;
    const reason =
      e instanceof RollBack
        ? e.message
        : deps.signal?.aborted
          ? `The rollout was cancelled at ${pct(weight)}.`
          : `modelci stopped on an error at ${pct(weight)}: ${(e as Error).message}.`;
    return rollBack(record, reason, ctx(), isInputError(e) || isServiceError(e) || e instanceof RollBack || deps.signal?.aborted === true);
  }

  function ctx(): RollBackContext {
    return {
      deps,
      clock,
      note,
      save,
      log,
      timeoutMs: policy.rollbackTimeoutMs,
      setWeight: (w) => {
        weight = w;
      },
    };
  }

  /**
   * Flagger's promotion: the hook puts the new version on the stable servers; they are checked on
   * the metrics (with traffic: at least half of it while the canary holds 100%) and get all
   * traffic back, the canary 0%. A hook that fails rolls back (stable gets everything again); stable
   * servers that fail their check after the hook are no fallback, so the canary keeps serving and
   * the record ends `failed`.
   */
  async function promoteToStable(passed: string): Promise<void> {
    await event('promoting', `every step passed: running promote-command to put ${versionName(model)} on the stable servers (the canary keeps ${pct(weight)})`);
    try {
      await deps.promote!(deps.signal);
    } catch (e) {
      if (deps.signal?.aborted) throw e;
      throw new RollBack(
        `Every step passed, but promote-command failed (${(e as Error).message.replace(/\.$/, '')}); the stable servers get all traffic again, check what they run.`,
      );
    }
    if (weight > 0.5) await guard(() => setAndVerify(0.5, deps.signal), 'the router did not take 50% for the canary');
    await event('promoting', `promote-command finished: checking the stable servers at ${pct(1 - weight)} of traffic`);
    const since = clock.now();
    await deps.metrics.read({ start: new Date(lastRead), end: new Date(since) }, deps.signal).catch(() => undefined);
    lastRead = since;
    let last = 'no check yet';
    for (;;) {
      await clock.sleep(lastRead + policy.checkIntervalMs - clock.now(), deps.signal);
      const now = clock.now();
      const reading = await deps.metrics.read({ start: new Date(lastRead), end: new Date(now) }, deps.signal).catch((e: Error) => e);
      if (!(reading instanceof Error)) {
        lastRead = now;
        // The stable servers judged on the same limits as the canary was (sides swapped).
        const verdict = judgeCheck(
          { ...reading, canary: reading.stable, stable: reading.canary },
          since,
          { ...policy, maxLatencyRatio: null },
          startSequentialTest({ alpha: policy.falseRollbackRate, riskRatio: policy.errorRateRatio }),
        );
        // Sides swapped: the sequential test's "canary" is the stable servers here.
        last =
          verdict.decision === 'bad canary'
            ? `sequential test: ${verdict.sequential.canaryErrors} errors on the stable servers against ${verdict.sequential.stableErrors} on the canary's, at a false-rollback rate of ${pct(policy.falseRollbackRate)}`
            : verdict.reasons.join('; ');
        log(`stable check after promote-command: ${verdict.decision} (${last})`);
        if (verdict.decision === 'pass') break;
        if (verdict.decision === 'fail' || verdict.decision === 'bad canary')
          return promotionStalled(`the stable servers failed their check after promote-command (${last})`);
      } else last = `metrics read failed: ${reading.message}`;
      if (now - since >= policy.intervalMs)
        return promotionStalled(`the stable servers could not be judged within ${formatDuration(policy.intervalMs)} after promote-command (last: ${last})`);
    }
    await guard(() => setAndVerify(0, deps.signal), 'the router did not take 0% for the canary after promotion');
    record.serving = 'stable';
    record.reason = `Promoted: ${passed}; promote-command put ${versionName(model)} on the stable servers, which passed their check (${last}); they serve 100% again and the canary 0%.`;
  }

  /** The canary (the new version) keeps serving: the stable servers after the hook are no safe place. */
  async function promotionStalled(why: string): Promise<void> {
    await guard(() => setAndVerify(1, deps.signal), 'the router did not take 100% for the canary');
    record.serving = 'canary';
    record.reason = `Every step passed, but ${why}; the canary servers serve 100% with ${versionName(model)} — fix the stable servers, then run 'modelci rollback'.`;
    record.finalWeight = weight;
    record.finishedAt = iso();
    await event('failed', record.reason);
    throw new Settled();
  }

  /** Router trouble mid-rollout is a reason to roll back, said in one sentence. */
  async function guard<T>(what: () => Promise<T>, doing: string): Promise<T> {
    try {
      return await what();
    } catch (e) {
      if (deps.signal?.aborted) throw e;
      throw new RollBack(`${doing[0].toUpperCase()}${doing.slice(1)} after ${attempts} attempts: ${(e as Error).message.replace(/\.$/, '')}.`);
    }
  }
}

interface RollBackContext {
  deps: RolloutDeps;
  clock: Clock;
  note: (state: RolloutState, message: string) => void;
  save: () => Promise<void>;
  log: (line: string) => void;
  timeoutMs: number;
  setWeight: (w: number) => void;
}

/**
 * Sends all traffic to stable and reads it back, retried for rollback-timeout. Traffic first,
 * record after: the record is written only once the router has answered (or the time is up).
 */
async function rollBack(record: DeploymentRecord, reason: string, ctx: RollBackContext, expected: boolean): Promise<DeploymentRecord> {
  record.reason = reason;
  ctx.note('rolling-back', reason);
  try {
    const held = await rollBackRouter(ctx.deps.router, { clock: ctx.clock, timeoutMs: ctx.timeoutMs, log: ctx.log });
    ctx.setWeight(held);
    record.finalWeight = held;
    record.serving = 'stable';
    record.finishedAt = new Date(ctx.clock.now()).toISOString();
    // The reason is said once, in the rolling-back event and record.reason.
    ctx.note('rolled-back', `stable serves 100%${expected ? '' : ' (after an unexpected error)'}`);
  } catch (e) {
    record.reason = `${reason} Rolling back FAILED: ${(e as Error).message.replace(/\.$/, '')}; the post step tries again, or run 'modelci rollback --router <uri>' (or set the canary's weight to 0 by hand).`;
    record.finishedAt = new Date(ctx.clock.now()).toISOString();
    ctx.note('failed', record.reason);
  }
  await ctx.save();
  return record;
}

/** Whether `previous` is this version's own unfinished run at `weight`: true, or why not (a clause). */
function resumable(previous: DeploymentRecord | undefined, model: RolloutModel, weight: number): true | string {
  if (!previous) return 'and no record of an earlier run of this version says why';
  const who = (m: RolloutModel) => `${m.name ?? 'a model'} v${m.version ?? '?'}`;
  if (previous.model.version !== model.version || previous.model.name !== model.name) return `left by ${who(previous.model)}, not ${who(model)}`;
  const left = previous.finalWeight ?? previous.events.at(-1)?.weight;
  if (left == null || Math.abs(left - weight) > WEIGHT_TOLERANCE) return `but ${who(model)}'s record ends at ${left == null ? 'an unknown share' : pct(left)}`;
  return true;
}

function checkRecord(
  reading: MetricsReading,
  weight: number,
  verdict: ReturnType<typeof judgeCheck>,
  at: string,
  decision = verdict.decision,
  reasons = verdict.reasons,
): CheckRecord {
  const s = verdict.sequential;
  return {
    at,
    weight,
    from: reading.from.toISOString(),
    to: reading.to.toISOString(),
    canary: verdict.canary,
    stable: verdict.stable,
    sequential: { llr: s.llr, upper: s.upper, canaryErrors: s.canaryErrors, stableErrors: s.stableErrors },
    decision,
    reasons,
    queries: reading.queries,
  };
}
