/**
 * monitor: one scheduled look at production. Read the window's rows (split hourly or daily),
 * compare each piece with the reference as check-drift does, check the model's outputs, its live
 * accuracy and the A/B test, then decide: retrain (dispatch the training workflow) or not, and
 * keep the health issue in step. The report is written only once everything succeeded.
 */
import type { ColumnKind } from '../data/table.js';
import { parseDriftOptions, type DriftOptions } from '../drift/options.js';
import type { GitHubApi } from '../github/github-api.js';
import { requestRetrain } from '../github/request-retrain.js';
import type { HealthIssueOutcome, RetrainOutcome } from '../github/retrain-trigger.js';
import { syncHealthIssue } from '../github/sync-health-issue.js';
import { abResult, newTally, tallyArms } from '../monitor/ab-counts.js';
import { countCorrect, liveQuality, type QualityCounts } from '../monitor/live-quality.js';
import { MONITOR_REPORT_SCHEMA, type MonitorDecision, type MonitorReport, type WindowDrift } from '../monitor/monitor-report.js';
import { openProductionSource } from '../monitor/open-production-source.js';
import { checkPredictionDrift, type PredictionWindow } from '../monitor/prediction-drift.js';
import { RETRAIN_TRIGGERS, retrainReasons, type RetrainTrigger } from '../monitor/retrain-policy.js';
import { parseSplitText, parseWindowText, recordWindowEnd, resolveWindow, splitWindow } from '../monitor/time-window.js';
import { checkWindow, levelPerWindow } from '../monitor/window-drift.js';
import { renderMonitorMarkdown } from '../render/monitor-markdown.js';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { closestName } from '../shared/closest-name.js';
import { InputError } from '../shared/errors.js';
import { logText } from '../shared/log-text.js';
import type { RawInputs } from '../shared/input-spec.js';
import { parseInputs } from '../shared/parse-input.js';
import { abFromPrometheus } from './monitor-ab.js';
import { MONITOR_INPUTS } from './monitor-inputs.js';
import { loadMonitorReference } from './monitor-reference.js';

export type MonitorRequest = RawInputs<typeof MONITOR_INPUTS>;

export interface MonitorContext {
  now?: Date;
  /** The GitHub API for the dispatch and the issue, or why there is none (not in GitHub Actions, no token). */
  github?: { api: () => GitHubApi; defaultRef?: string } | { unavailable: string };
  signal?: AbortSignal;
}

export interface MonitorOutcome {
  report: MonitorReport;
  reportPath: string;
  markdown: string;
  failed: boolean;
  outputs: { drifted: string; degraded: string; 'ab-decision': string; retrain: string; alert: string; 'issue-url': string; report: string };
}

export async function runMonitor(req: MonitorRequest, ctx: MonitorContext = {}): Promise<MonitorOutcome> {
  const now = ctx.now ?? new Date();
  const v = parseInputs(MONITOR_INPUTS, req);
  const level = v['significance-level'];
  const splitText = v.split;
  const stepMs = parseSplitText(splitText, 'split');
  const spec = parseWindowText(v.window, 'window');
  const policy = retrainPolicy(v['retrain-on']);
  const variants = abVariants(v['ab-variants'], v['ab-variant-column'] !== undefined || v['ab-metrics'] !== undefined);
  checkAbInputs(v);

  const { window, note } = await resolveWindow(spec, { now, statePath: v['state-file'], input: 'window', stateInput: 'state-file' });
  const pieces = stepMs === undefined ? [window] : splitWindow(window, stepMs);
  const windowMs = pieces.length > 0 ? Math.max(...pieces.map((p) => p.end.getTime() - p.start.getTime())) : 0;
  const perWindow = levelPerWindow(level, stepMs ?? Math.max(windowMs, 1));

  // Outcome columns are not features: never part of the dataset-drift family.
  const extra = [v['time-column'], v['prediction-column'], v['label-column'], v['ab-variant-column'], v['ab-success-column']].filter(
    (c): c is string => c !== undefined,
  );
  const base = parseDriftOptions({ ...req, 'fail-on': 'never' });
  const options: DriftOptions = { ...base, alpha: perWindow, ignore: [...base.ignore, ...extra] };
  const ref = await loadMonitorReference({ reference: v.reference, registry: v.registry, model: v.model, alias: v.alias }, { ...options, ignore: base.ignore });
  const gated = v['gated-accuracy'] !== undefined ? { value: v['gated-accuracy'], from: "the input 'gated-accuracy'" } : ref.gatedAccuracy;

  const kinds = new Map<string, ColumnKind>(
    ref.reference.features.filter((f) => !(f.kind === 'numeric' && f.unit === 'epoch-ms')).map((f) => [f.name, f.kind]),
  );
  for (const c of extra) kinds.delete(c);
  if (v['ab-variant-column']) kinds.set(v['ab-variant-column'], 'categorical');
  const wanted = new Set([...ref.reference.features.map((f) => f.name), ...extra]);

  const source = openProductionSource({ location: v['production-data'], timeColumn: v['time-column'], query: v['production-query'] });
  const windows: WindowDrift[] = [];
  const alerts: string[] = [];
  let lastReport: MonitorReport['lastWindow'];
  const withRows: PredictionWindow[] = [];
  const quality: QualityCounts = { correct: 0, labelled: 0 };
  const tally = variants ? newTally(variants[0], variants[1]) : undefined;
  let rowsWithoutTime = 0;
  const criticals = new Set<string>();
  const seen = new Set<string>();
  try {
    for (const [i, piece] of pieces.entries()) {
      const batch = await source.read(piece, {
        kinds,
        include: (name) => {
          seen.add(name);
          return wanted.has(name);
        },
        signal: ctx.signal,
      });
      if (batch.table.rowCount > 0) checkOutcomeColumns(seen, v);
      rowsWithoutTime += batch.rowsWithoutTime ?? 0;
      const checked = checkWindow(ref.reference, batch.table, piece, options, now);
      windows.push(checked.summary);
      for (const c of checked.report?.verdict.criticalFeatures ?? []) criticals.add(c);
      if (i === pieces.length - 1) lastReport = checked.report;
      if (batch.table.rowCount > 0) {
        if (v['prediction-column']) withRows.push({ start: piece.start, end: piece.end, table: batch.table });
        if (v['prediction-column'] && v['label-column']) countCorrect(batch.table, v['prediction-column'], v['label-column'], quality);
        if (tally && v['ab-variant-column'] && v['ab-success-column']) tallyArms(batch.table, v['ab-variant-column'], v['ab-success-column'], tally);
      }
      // Only the first and the newest window are needed for prediction drift.
      if (withRows.length > 2) withRows.splice(1, 1);
    }
  } finally {
    await source.close();
  }

  const span = spanText(window.end.getTime() - window.start.getTime());
  const total = windows.reduce((a, w) => a + w.rows, 0);
  const last = windows.at(-1);
  if (total === 0) alerts.push(`No production inputs in the last ${span} (${source.description}): is serving down?`);
  else if (last && last.rows === 0)
    alerts.push(
      `No production inputs in the newest window (${last.start} to ${last.end}) though the ${span} before had ${total.toLocaleString('en-US')}: is serving down?`,
    );
  if (rowsWithoutTime > 0)
    alerts.push(`${rowsWithoutTime.toLocaleString('en-US')} rows had no readable time in '${v['time-column']}' and belong to no window.`);
  if (criticals.size > 0) alerts.push(`Schema problems in production data: ${[...criticals].join(', ')} (see the last window's findings).`);

  const prediction = v['prediction-column'] ? checkPredictionDrift(v['prediction-column'], ref.reference, withRows, options, now) : undefined;
  const live = liveQuality(quality, 1 - level, gated);
  const ab =
    tally && v['ab-variant-column']
      ? abResult(tally, v['ab-split'], { alpha: level, minEffect: v['ab-min-effect'] }, 'log')
      : variants && v['ab-metrics']
        ? await abFromPrometheus(
            v['ab-metrics'],
            v['ab-selectors'],
            variants,
            window,
            v['ab-split'],
            { alpha: level, minEffect: v['ab-min-effect'] },
            ctx.signal,
          )
        : undefined;

  const reasons = retrainReasons(policy, { lastWindow: last, quality: live, prediction });
  const drifted = last?.drifted ?? false;
  const degraded = live?.degraded ?? false;
  const healthy = reasons.length === 0 && alerts.length === 0 && !drifted && !degraded;
  const decision = await decide(v, ctx, reasons, now);
  const monitor = v['monitor-name'] ?? v.model ?? 'production';

  const report: MonitorReport = {
    schema: MONITOR_REPORT_SCHEMA,
    createdAt: now.toISOString(),
    source: source.description,
    window: { start: window.start.toISOString(), end: window.end.toISOString(), split: splitText as MonitorReport['window']['split'] },
    reference: { origin: ref.reference.origin, from: ref.from, rows: ref.reference.rows, ...(ref.model ? { model: ref.model } : {}) },
    level: {
      perDay: level,
      perWindow,
      why: `Each ${stepMs === undefined ? 'run' : splitText === 'hourly' ? 'hourly window' : 'daily window'} is tested at ${Number(perWindow.toPrecision(3))}, its share of ${level} per day, so repeated looks raise at most ${level} false alarms a day.`,
    },
    windows,
    ...(lastReport ? { lastWindow: lastReport } : {}),
    ...(prediction ? { prediction } : {}),
    ...(live ? { quality: live } : {}),
    ...(ab ? { ab } : {}),
    alerts,
    ...(note ? { notes: [note] } : {}),
    decision: { drifted, degraded, ...decision, summary: '' },
  };
  report.decision.summary = decisionSummary(report, healthy);
  const markdown = renderMonitorMarkdown(report);

  if (v['health-issue'] && 'api' in (ctx.github ?? {})) {
    const gh = ctx.github as { api: () => GitHubApi };
    const outcome: HealthIssueOutcome = await syncHealthIssue(gh.api(), {
      monitor,
      healthy,
      title: `Production monitor: ${monitor} needs attention`,
      markdown,
    });
    report.decision.healthIssue = { action: outcome.action, ...(outcome.url ? { url: outcome.url } : {}) };
  } else if (v['health-issue']) {
    report.decision.healthIssue = {
      action: 'skipped',
      why: 'github' in ctx && ctx.github && 'unavailable' in ctx.github ? ctx.github.unavailable : 'not running in GitHub Actions',
    };
  }

  const reportPath = v['report-path'];
  await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n', { input: 'report-path', example: 'monitor-report.json' });
  if (spec.kind === 'since-last-run' && v['state-file']) await recordWindowEnd(v['state-file'], window.end);
  const failOn = v['fail-on'];
  const failed = failOn === 'never' ? false : failOn === 'alert' ? alerts.length > 0 : !healthy;
  return {
    report,
    reportPath,
    markdown: renderMonitorMarkdown(report),
    failed,
    outputs: {
      drifted: String(drifted),
      degraded: String(degraded),
      'ab-decision': ab?.decision ?? 'none',
      retrain: report.decision.retrain,
      alert: alerts.join(' '),
      'issue-url': report.decision.healthIssue?.url ?? '',
      report: reportPath,
    },
  };
}

const OUTCOME_COLUMNS = ['prediction-column', 'label-column', 'ab-variant-column', 'ab-success-column'] as const;

/** Every outcome column named must be in the data: said with the nearest name the data has. */
function checkOutcomeColumns(seen: Set<string>, v: Partial<Record<(typeof OUTCOME_COLUMNS)[number], string>>): void {
  for (const input of OUTCOME_COLUMNS) {
    const name = v[input];
    if (name === undefined || seen.has(name)) continue;
    const near = closestName(name, seen);
    throw new InputError(
      `Input '${input}' is '${logText(name)}', but the production data has no such column${near ? ` (did you mean '${logText(near)}'?)` : ''}; its columns are ${[...seen].map((n) => `'${logText(n)}'`).join(', ')}.`,
      { input },
    );
  }
}

function retrainPolicy(list: string[]): RetrainTrigger[] {
  for (const t of list) {
    if (!(RETRAIN_TRIGGERS as readonly string[]).includes(t)) {
      throw new InputError(`Input 'retrain-on' names '${t}'; use ${RETRAIN_TRIGGERS.join(', ')} (comma-separated), or leave it empty for never.`, {
        input: 'retrain-on',
      });
    }
  }
  return list as RetrainTrigger[];
}

function abVariants(list: string[], used: boolean): [string, string] | undefined {
  if (!used) return undefined;
  if (list.length !== 2 || list[0] === list[1]) {
    throw new InputError(`Input 'ab-variants' names ${list.length} variant(s); name two different ones, champion first (e.g. "v3, v4").`, {
      input: 'ab-variants',
    });
  }
  return [list[0], list[1]];
}

function checkAbInputs(v: {
  'ab-variant-column'?: string;
  'ab-success-column'?: string;
  'ab-metrics'?: string;
  'ab-selectors': string[];
  'ab-split': number;
}): void {
  if ((v['ab-variant-column'] === undefined) !== (v['ab-success-column'] === undefined)) {
    const missing = v['ab-variant-column'] === undefined ? 'ab-variant-column' : 'ab-success-column';
    throw new InputError(`A/B from the log needs both ab-variant-column and ab-success-column; give ${missing} too.`, { input: missing });
  }
  if (v['ab-variant-column'] !== undefined && v['ab-metrics'] !== undefined) {
    throw new InputError('Give A/B counts one way: ab-variant-column with ab-success-column (the log), or ab-metrics (Prometheus), not both.', {
      input: 'ab-metrics',
    });
  }
  if (v['ab-metrics'] !== undefined && v['ab-selectors'].length !== 2) {
    throw new InputError(
      `Input 'ab-selectors' has ${v['ab-selectors'].length} line(s); with ab-metrics give two label selectors, champion first (e.g. 'variant="a"; variant="b"').`,
      { input: 'ab-selectors' },
    );
  }
  if (!(v['ab-split'] > 0 && v['ab-split'] < 1)) {
    throw new InputError(`Input 'ab-split' is ${v['ab-split']}; the challenger's share must lie strictly between 0% and 100% (e.g. 50%).`, {
      input: 'ab-split',
    });
  }
}

type Decided = Pick<MonitorDecision, 'reasons' | 'retrain' | 'retrainWhy' | 'runUrl'>;

async function decide(
  v: { 'retrain-workflow'?: string; 'retrain-ref'?: string; 'retrain-cooldown': number },
  ctx: MonitorContext,
  reasons: string[],
  now: Date,
): Promise<Decided> {
  if (reasons.length === 0) return { reasons, retrain: 'none', retrainWhy: 'Nothing met the retrain policy.' };
  const workflow = v['retrain-workflow'];
  if (!workflow) return { reasons, retrain: 'skipped', retrainWhy: 'The retrain policy is met, but no retrain-workflow is set: reported only.' };
  if (!ctx.github || 'unavailable' in ctx.github) {
    return {
      reasons,
      retrain: 'skipped',
      retrainWhy: `The retrain policy is met, but the dispatch is skipped: ${ctx.github?.unavailable ?? 'not running in GitHub Actions'}.`,
    };
  }
  const ref = v['retrain-ref'] ?? ctx.github.defaultRef ?? 'main';
  const reason = `modelci monitor: ${reasons.join('; ')}`;
  const outcome: RetrainOutcome = await requestRetrain(ctx.github.api(), { workflow, ref, cooldownMs: v['retrain-cooldown'] }, reason, now);
  return outcome.action === 'dispatched'
    ? { reasons, retrain: 'dispatched', retrainWhy: `Dispatched ${outcome.workflow} on ${outcome.ref} with retrain: true.` }
    : { reasons, retrain: 'skipped', retrainWhy: outcome.why, ...(outcome.runUrl ? { runUrl: outcome.runUrl } : {}) };
}

function decisionSummary(r: MonitorReport, healthy: boolean): string {
  const rows = r.windows.reduce((a, w) => a + w.rows, 0);
  const drifted = r.windows.filter((w) => w.drifted).length;
  const head = healthy
    ? `Healthy: ${rows.toLocaleString('en-US')} production rows in ${r.windows.length} window(s), ${drifted} drifted; the newest shows no drift.`
    : r.decision.reasons.length > 0
      ? `Unhealthy: ${r.decision.reasons.join('; ')}.`
      : `Needs attention: ${r.alerts.join(' ') || 'drift or degradation outside the retrain policy.'}`;
  return `${head} Retrain: ${r.decision.retrain} (${r.decision.retrainWhy})`;
}

/** "24 h", "7 d", "90 min": a window's length as people say it. */
function spanText(ms: number): string {
  const DAY = 86_400_000;
  const HOUR = 3_600_000;
  if (ms >= 2 * DAY && ms % DAY === 0) return `${ms / DAY} d`;
  if (ms >= HOUR && ms % HOUR === 0) return `${ms / HOUR} h`;
  return `${Math.round(ms / 60_000)} min`;
}
