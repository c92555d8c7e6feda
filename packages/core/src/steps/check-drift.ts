import { writeFileAtomic } from '../shared/atomic-write.js';
import { InputError } from '../shared/errors.js';
import { renderDriftMarkdown } from '../render/drift-markdown.js';
import { driftAnnotations } from '../drift/annotations.js';
import type { Annotation } from '../shared/annotation.js';
import { checkDrift, loadReference } from '../drift/check-drift.js';
import { parseDriftOptions, type RawDriftOptions } from '../drift/options.js';
import { profileFromReference } from '../drift/profile.js';
import { referenceFromTable } from '../drift/reference-from-table.js';
import type { DriftReport } from '../drift/report.js';

/** Inputs of the check-drift action and the `modelci drift` command, as typed by the user. */
export interface DriftCheckRequest extends RawDriftOptions {
  reference?: string;
  current?: string;
  schema?: string;
  delimiter?: string;
  /** Where the DriftReport JSON goes. */
  'report-path'?: string;
  /** Where to write a profile (of the current data unless 'profile-of' says reference). */
  'profile-path'?: string;
  'profile-of'?: string;
}

export interface DriftCheckOutcome {
  report: DriftReport;
  reportPath: string;
  profilePath?: string;
  markdown: string;
  annotations: Annotation[];
  outputs: { drifted: string; 'drifted-features': string; 'drift-share': string; report: string; failed: string };
}

export const DEFAULT_REPORT_PATH = 'modelci-drift-report.json';

/**
 * The whole step: validate inputs, check, then write the report (and profile) only once all
 * succeeded, each atomically, so a failed step leaves nothing half-written.
 */
export async function runDriftCheck(req: DriftCheckRequest, now = new Date()): Promise<DriftCheckOutcome> {
  const reference = required(req.reference, 'reference', 'a profile (.json) or reference data (file, directory or glob)');
  const current = required(req.current, 'current', 'the data to check (file, directory or glob)');
  const options = parseDriftOptions(req);
  const profileOf = (req['profile-of'] ?? '').trim() || 'current';
  if (profileOf !== 'current' && profileOf !== 'reference') {
    throw new InputError(`Input 'profile-of' is '${profileOf}'; use 'current' or 'reference'.`, { input: 'profile-of' });
  }
  const reportPath = req['report-path']?.trim() || DEFAULT_REPORT_PATH;
  const profilePath = req['profile-path']?.trim() || undefined;
  const { report, reference: ref, current: table } = await checkDrift({ reference, current, schema: req.schema?.trim() || undefined, options, delimiter: req.delimiter || undefined, readNewColumns: profilePath !== undefined && profileOf === 'current' }, now);

  const profile = profilePath
    ? profileFromReference(profileOf === 'reference' ? ref : referenceFromTable(table), now)
    : undefined;
  const outputs = {
    drifted: String(report.verdict.drifted),
    'drifted-features': JSON.stringify(report.verdict.driftedFeatures),
    'drift-share': String(Number(report.verdict.driftShare.toFixed(6))),
    report: reportPath,
    failed: String(report.verdict.failed),
  };
  await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n', { input: 'report-path', example: 'drift-report.json' });
  if (profilePath && profile) await writeFileAtomic(profilePath, JSON.stringify(profile) + '\n', { input: 'profile-path', example: 'profile.json' });
  return { report, reportPath, profilePath, markdown: renderDriftMarkdown(report), annotations: driftAnnotations(report), outputs };
}

/** Inputs of the `modelci profile` command. */
export interface ProfileRequest {
  data?: string;
  out?: string;
  'categorical-columns'?: string;
  columns?: string;
  'ignore-columns'?: string;
  delimiter?: string;
}

/** Profile a dataset and write the profile atomically; returns the path and a one-line summary. */
export async function runProfile(req: ProfileRequest, now = new Date()): Promise<{ path: string; summary: string }> {
  const data = required(req.data, 'data', 'the data to profile (file, directory or glob)');
  const out = required(req.out, 'out', 'the path of the profile JSON to write');
  const options = parseDriftOptions(req);
  const ref = await loadReference(data, options, undefined, req.delimiter || undefined);
  const profile = profileFromReference(ref, now);
  const text = JSON.stringify(profile) + '\n';
  await writeFileAtomic(out, text, { input: 'out', example: 'profile.json' });
  const exact = Object.values(profile.features).filter((f) => f.type === 'categorical' || f.values !== undefined).length;
  return { path: out, summary: `Profiled ${ref.rows.toLocaleString('en-US')} rows, ${ref.features.length} columns (${exact} exact, ${ref.features.length - exact} sketched) into ${out} (${(text.length / 1024).toFixed(1)} KiB).` };
}

function required(value: string | undefined, name: string, what: string): string {
  const v = value?.trim();
  if (!v) throw new InputError(`Input '${name}' is required: give ${what}.`, { input: name });
  return v;
}
