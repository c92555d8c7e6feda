import { writeFileAtomic } from '../shared/atomic-write.js';
import { renderDriftMarkdown } from '../render/drift-markdown.js';
import { driftAnnotations } from '../drift/annotations.js';
import type { Annotation } from '../shared/annotation.js';
import { checkDrift, loadReference } from '../drift/check-drift.js';
import { parseDriftOptions } from '../drift/options.js';
import { parseInputs } from '../shared/parse-input.js';
import type { RawInputs } from '../shared/input-spec.js';
import { CHECK_DRIFT_INPUTS, PROFILE_INPUTS } from './check-drift-inputs.js';
import { profileFromReference } from '../drift/profile.js';
import { referenceFromTable } from '../drift/reference-from-table.js';
import type { DriftReport } from '../drift/report.js';

/** Inputs of the check-drift action and the `modelci drift` command, as typed by the user. */
export type DriftCheckRequest = RawInputs<typeof CHECK_DRIFT_INPUTS>;

export interface DriftCheckOutcome {
  report: DriftReport;
  reportPath: string;
  profilePath?: string;
  markdown: string;
  annotations: Annotation[];
  outputs: { drifted: string; 'drifted-features': string; 'drift-share': string; report: string; failed: string };
}

/**
 * The whole step: validate inputs, check, then write the report (and profile) only once all
 * succeeded, each atomically, so a failed step leaves nothing half-written.
 */
export async function runDriftCheck(req: DriftCheckRequest, now = new Date()): Promise<DriftCheckOutcome> {
  const v = parseInputs(CHECK_DRIFT_INPUTS, req);
  const options = parseDriftOptions(req);
  const profileOf = v['profile-of'];
  const reportPath = v['report-path'];
  const profilePath = v['profile-path'];
  const {
    report,
    reference: ref,
    current: table,
  } = await checkDrift(
    {
      reference: v.reference,
      current: v.current,
      schema: v.schema,
      options,
      delimiter: req.delimiter || undefined,
      readNewColumns: profilePath !== undefined && profileOf === 'current',
    },
    now,
  );

  const profile = profilePath ? profileFromReference(profileOf === 'reference' ? ref : referenceFromTable(table), now) : undefined;
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
export type ProfileRequest = RawInputs<typeof PROFILE_INPUTS>;

/** Profile a dataset and write the profile atomically; returns the path and a one-line summary. */
export async function runProfile(req: ProfileRequest, now = new Date()): Promise<{ path: string; summary: string }> {
  const { data, out } = parseInputs(PROFILE_INPUTS, req);
  const options = parseDriftOptions(req);
  const ref = await loadReference(data, options, undefined, req.delimiter || undefined);
  const profile = profileFromReference(ref, now);
  const text = JSON.stringify(profile) + '\n';
  await writeFileAtomic(out, text, { input: 'out', example: 'profile.json' });
  const exact = Object.values(profile.features).filter((f) => f.type === 'categorical' || f.values !== undefined).length;
  return {
    path: out,
    summary: `Profiled ${ref.rows.toLocaleString('en-US')} rows, ${ref.features.length} columns (${exact} exact, ${ref.features.length - exact} sketched) into ${out} (${(text.length / 1024).toFixed(1)} KiB).`,
  };
}
