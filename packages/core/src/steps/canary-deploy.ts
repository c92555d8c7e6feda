/**
 * canary-deploy's use case, shared by the action and `modelci canary`: inputs as typed, a
 * DeploymentRecord out (also written to `record-path` after every check), plus the rollback the
 * action's post step runs when the main step did not finish.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { renderDeploymentMarkdown } from '../render/canary-markdown.js';
import { parseCanaryPolicy, pct, type CanaryPolicyRequest } from '../rollout/canary-policy.js';
import { runRollout, systemClock, type Clock, type RolloutModel } from '../rollout/canary-analysis.js';
import { rollBackRouter, WEIGHT_TOLERANCE } from '../rollout/roll-back-router.js';
import { promoteHook } from '../rollout/promote-hook.js';
import { DEPLOYMENT_RECORD_SCHEMA, type DeploymentRecord } from '../rollout/deployment-record.js';
import type { MetricsSourceOptions } from '../rollout/metrics-source.js';
import { openMetricsSource } from '../rollout/metrics-sources.js';
import { openRouter } from '../rollout/routers.js';
import { redactUri } from '../shared/redact-uri.js';
import { parseInputs } from '../shared/parse-input.js';
import type { RawInputs } from '../shared/input-spec.js';
import { CANARY_DEPLOY_INPUTS } from './canary-deploy-inputs.js';
import { logText } from '../shared/log-text.js';
import { endModelDeployment, rolloutEnd, startModelDeployment, type DeploymentTarget, type TrackedDeployment } from './canary-deploy-github.js';

export const DEFAULT_RECORD_PATH = 'modelci-deployment-record.json';
/** Where the record goes, for error sentences naming the input. */

/** Inputs of the canary-deploy action and `modelci canary`, as typed by the user. */
export type CanaryRequest = RawInputs<typeof CANARY_DEPLOY_INPUTS> & CanaryPolicyRequest;

export interface CanaryOutcome {
  record: DeploymentRecord;
  recordPath: string;
  markdown: string;
  outputs: { outcome: string; record: string; 'final-weight': string; reason: string; serving: string };
  /** Trouble beside the rollout (a record that could not be written): shown as warnings, never a failure by itself. */
  warnings: string[];
  /** The step passes only when the canary was promoted (or a dry run found everything answering). */
  passed: boolean;
  /** The GitHub deployment that shows this rollout, when one was asked for and GitHub created it. */
  deployment?: TrackedDeployment;
}

export interface CanaryRuntime {
  clock?: Clock;
  signal?: AbortSignal;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Record the rollout as a GitHub deployment (not for a dry run); GitHub refusing is a warning, never a failure. */
  deployment?: DeploymentTarget;
}

export async function runCanaryDeploy(req: CanaryRequest, runtime: CanaryRuntime = {}): Promise<CanaryOutcome> {
  const env = runtime.env ?? process.env;
  const v = parseInputs(CANARY_DEPLOY_INPUTS, req);
  const policy = parseCanaryPolicy(req);
  const router = openRouter(v.router);
  const metrics = openMetricsSource(v.metrics, metricsOptions(req));
  const recordPath = v['record-path'];
  const model: RolloutModel = {
    name: req['model-name']?.trim() || undefined,
    version: req['model-version']?.trim() || undefined,
    gitSha: req['git-sha']?.trim() || env.GITHUB_SHA || undefined,
    runUrl:
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
  };
  const deploymentWarnings: string[] = [];
  const warn = (sentence: string) => {
    deploymentWarnings.push(sentence);
    runtime.log?.(`warning: ${sentence}`);
  };
  const deployment = runtime.deployment && !v['dry-run'] ? await startModelDeployment(runtime.deployment, model, warn) : undefined;
  let record: DeploymentRecord;
  try {
    record = await runRollout(
      policy,
      {
        router,
        metrics,
        clock: runtime.clock,
        signal: runtime.signal,
        log: runtime.log && ((line) => runtime.log!(logText(line))),
        onRecord: (r) => writeRecord(recordPath, r),
        previous: await readRecord(recordPath),
        promote: req['promote-command']?.trim() ? promoteHook(req['promote-command'], model) : undefined,
      },
      model,
    );
  } catch (e) {
    // The rollout could not start or stopped on a bug: the Environments page must not say in progress.
    if (deployment) await endModelDeployment(runtime.deployment!, deployment, 'failed', `The rollout stopped: ${(e as Error).message}`, warn);
    throw e;
  }
  const end = rolloutEnd(record);
  if (deployment && end) await endModelDeployment(runtime.deployment!, deployment, end, record.reason ?? record.state, warn);
  const out = outcome(record, recordPath);
  out.warnings.push(...deploymentWarnings);
  if (deployment) out.deployment = deployment;
  return out;
}

/**
 * Whether a rollout with this record is over: promoted, a dry run, stable holding all traffic, or
 * the canary holding all of it on purpose (a promotion whose stable servers failed their check).
 */
export function settled(record: Pick<DeploymentRecord, 'state' | 'finalWeight' | 'serving'>): boolean {
  if (record.state === 'promoted' || record.state === 'dry-run') return true;
  if (record.state === 'rolled-back') return (record.finalWeight ?? 0) <= WEIGHT_TOLERANCE;
  return record.state === 'failed' && record.serving === 'canary' && (record.finalWeight ?? 0) >= 1 - WEIGHT_TOLERANCE;
}

/**
 * Did a rollout stop half-way? The record is written before any traffic moves and after every
 * change, so: no record, nothing moved (unless the main step said it could not roll back, or
 * could not write its record); a settled record, nothing to do; anything else — `failed`
 * included — the sentence that says where it stopped.
 */
export async function unfinishedRollout(recordPath = DEFAULT_RECORD_PATH, mainOutcome?: string): Promise<string | undefined> {
  const record = await readRecord(recordPath);
  if (!record) return mainOutcome === 'failed' ? 'The main step could not roll back (and could not write its record).' : undefined;
  if (settled(record) && mainOutcome !== 'failed') return undefined;
  if (record.state === 'failed' || mainOutcome === 'failed')
    return `The main step could not roll back: ${record.reason ?? 'the router did not answer'}`.replace(/([^.])$/, '$1.');
  const last = record.events.at(-1);
  return `The rollout stopped while ${record.state}${last?.weight != null ? ` with the canary at ${pct(last.weight)}` : ''} (the main step was cancelled, timed out or crashed).`;
}

/**
 * Send all traffic to stable and record why (`reason`, one sentence): the post step does this when
 * the main step did not finish, `modelci rollback` when asked. Idempotent: a router already at 0
 * is read back and left there.
 */
export async function rollBackUnfinished(req: CanaryRequest, reason: string, runtime: Omit<CanaryRuntime, 'signal' | 'env'> = {}): Promise<CanaryOutcome> {
  const router = openRouter(required(req.router, 'router', 'the traffic router'));
  const recordPath = req['record-path']?.trim() || DEFAULT_RECORD_PATH;
  const clock = runtime.clock ?? systemClock;
  const timeoutMs = parseCanaryPolicy(req).rollbackTimeoutMs;
  const now = () => new Date(clock.now()).toISOString();
  // No record yet: the main step stopped before its first write.
  const record: DeploymentRecord = (await readRecord(recordPath)) ?? {
    schema: DEPLOYMENT_RECORD_SCHEMA,
    model: {},
    router: redactUri(router.uri),
    metrics: redactUri(req.metrics ?? ''),
    policy: parseCanaryPolicy(req),
    startedAt: now(),
    state: 'initializing',
    steps: [],
    events: [],
  };
  record.events.push({ at: now(), state: 'rolling-back', weight: record.events.at(-1)?.weight ?? null, message: reason });
  try {
    const held = await rollBackRouter(router, { clock, timeoutMs, log: runtime.log && ((line) => runtime.log!(logText(line))) });
    Object.assign(record, { state: 'rolled-back', reason, finalWeight: held, serving: 'stable', finishedAt: now() });
    record.events.push({ at: now(), state: 'rolled-back', weight: held, message: `stable serves 100% (${reason})` });
  } catch (e) {
    Object.assign(record, {
      state: 'failed',
      reason: `${reason} Rolling back FAILED: ${(e as Error).message.replace(/\.$/, '')}; run 'modelci rollback --router <uri>' again once the router answers, or set the canary's weight to 0 by hand.`,
      finishedAt: now(),
    });
    record.events.push({ at: now(), state: 'failed', weight: null, message: record.reason! });
  }
  // Traffic first, record after: a record that cannot be written is a warning.
  await writeRecord(recordPath, record).catch((e: Error) => {
    (record.warnings ??= []).push(`The deployment record could not be written (${e.message.replace(/\.$/, '')}); the rollback itself is done.`);
  });
  return outcome(record, recordPath);
}

/** The record as JSON, atomically; a failure names the path (ENOSPC, EACCES, …). */
async function writeRecord(path: string, record: DeploymentRecord): Promise<void> {
  try {
    await writeFileAtomic(path, JSON.stringify(record, null, 2) + '\n');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`record-path '${path}': ${err.code ?? err.message}${err.code === 'ENOSPC' ? ', no space left on the device' : ''}`, { cause: e });
  }
}

/** The record at `path`, or undefined when there is none (or it is not a DeploymentRecord). */
async function readRecord(path: string): Promise<DeploymentRecord | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as DeploymentRecord;
    return parsed.schema === DEPLOYMENT_RECORD_SCHEMA ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function outcome(record: DeploymentRecord, recordPath: string): CanaryOutcome {
  return {
    record,
    recordPath,
    markdown: renderDeploymentMarkdown(record),
    outputs: {
      outcome: record.state,
      record: recordPath,
      'final-weight': record.finalWeight === undefined ? '' : String(record.finalWeight),
      reason: record.reason ?? '',
      serving: record.serving ?? '',
    },
    passed: record.state === 'promoted' || record.state === 'dry-run',
    warnings: [...(record.warnings ?? [])],
  };
}

function metricsOptions(req: CanaryRequest): MetricsSourceOptions {
  const queries: NonNullable<MetricsSourceOptions['queries']> = {};
  const lines = (req['metrics-queries'] ?? '')
    .split(/[\n;]/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const m = /^(requests|errors|p99)\s*[=:]\s*(.+)$/.exec(line);
    if (!m)
      throw new InputError(
        `Input 'metrics-queries' line ${i + 1}, '${line.slice(0, 60)}', is not 'requests|errors|p99 = <query>'; write one query per line, e.g. 'errors = sum(increase(http_requests_total{code=~"5..",{{selector}}}[{{window}}]))'.`,
        { input: 'metrics-queries' },
      );
    queries[m[1] as 'requests' | 'errors' | 'p99'] = m[2];
  }
  const selectors: NonNullable<MetricsSourceOptions['selectors']> = {};
  if (req['canary-selector']?.trim()) selectors.canary = req['canary-selector'].trim();
  if (req['stable-selector']?.trim()) selectors.stable = req['stable-selector'].trim();
  return { queries, selectors };
}

function required(value: string | undefined, input: string, what: string): string {
  const v = value?.trim();
  if (!v) throw new InputError(`Input '${input}' is required: ${what}.`, { input });
  return v;
}
