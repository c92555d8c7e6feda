/**
 * pr-report: the drift report and gate verdict as one comment on the pull request, edited in
 * place on every push. Without a pull request (a push, a schedule) or with a read-only token (a
 * fork), the report is for the job summary only, and the outcome says why.
 */
import { readFile } from 'node:fs/promises';
import { DRIFT_REPORT_SCHEMA, type DriftReport } from '../drift/report.js';
import { GATE_VERDICT_SCHEMA } from '../gates/evaluate-gates.js';
import type { QualityGatesVerdict } from '../gates/quality-gates-verdict.js';
import type { GitHubApi } from '../github/github-api.js';
import { upsertReportComment, type ReportCommentOutcome } from '../github/report-comment.js';
import { renderPrReport, type PrReportLink } from '../render/pr-report-markdown.js';
import { InputError } from '../shared/errors.js';
import { parseInputs } from '../shared/parse-input.js';
import { PR_REPORT_INPUTS } from './pr-report-inputs.js';

export interface PrReportContext {
  /** The event's pull request, when the run is for one. */
  pullRequest?: number;
  commit?: string;
  links?: PrReportLink[];
}

export type PrReportOutcome = ReportCommentOutcome | { action: 'skipped'; notice: string };

export interface PrReportResult {
  markdown: string;
  outcome: PrReportOutcome;
  outputs: { 'comment-url': string; outcome: PrReportOutcome['action'] };
}

/** `api` is called only when there is a pull request to comment on. */
export async function runPrReport(raw: Record<string, string>, context: PrReportContext, api: () => GitHubApi): Promise<PrReportResult> {
  const inputs = parseInputs(PR_REPORT_INPUTS, raw);
  if (inputs['drift-report'] === undefined && inputs['gate-verdict'] === undefined) {
    throw new InputError(
      "pr-report has nothing to report: give drift-report (check-drift's report-path), gate-verdict (quality-gates' verdict path), or both.",
      { input: 'drift-report' },
    );
  }
  const drift = inputs['drift-report'] === undefined ? undefined : await readReport<DriftReport>(inputs['drift-report'], 'drift-report', DRIFT_REPORT_SCHEMA);
  const gates =
    inputs['gate-verdict'] === undefined ? undefined : await readReport<QualityGatesVerdict>(inputs['gate-verdict'], 'gate-verdict', GATE_VERDICT_SCHEMA);
  const markdown = renderPrReport({ drift, gates, commit: context.commit, links: context.links });
  const pullRequest = inputs['pull-request'] ?? context.pullRequest;
  const outcome: PrReportOutcome =
    pullRequest === undefined
      ? { action: 'skipped', notice: 'This run is not for a pull request (and pull-request was not given): the report is in the job summary only.' }
      : await upsertReportComment(api(), pullRequest, markdown);
  return { markdown, outcome, outputs: { 'comment-url': 'comment' in outcome ? outcome.comment.url : '', outcome: outcome.action } };
}

async function readReport<T>(file: string, input: string, schema: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(
      `The ${input} file ${file} does not exist; give the JSON the earlier step wrote (download its artifact first when it ran in another job).`,
      { input, file },
    );
  }
  let document: { schema?: unknown };
  try {
    document = JSON.parse(text) as { schema?: unknown };
  } catch {
    throw new InputError(`The ${input} file ${file} is not valid JSON; give the report the earlier step wrote.`, { input, file });
  }
  if (document?.schema !== schema) {
    throw new InputError(
      `The ${input} file ${file} is not a ${schema} (its schema is ${JSON.stringify(document?.schema ?? null)}); give the report the earlier step wrote.`,
      { input, file },
    );
  }
  return document as T;
}
