/**
 * What a later step adds to an existing version without changing its content or identity: the
 * verdict it passed after evaluation, the drift report, the commit and run that checked it. The
 * seed registers after training (staging) and evaluates later; promotion reads the latest
 * attachment's verdict. Each backend stores attachments beside the version (an index annotation,
 * an OCI manifest whose subject is the version, an MLflow version tag).
 */
import type { ModelVersion, Provenance } from './model-version.js';

export interface Attachment {
  attachedAt: string;
  gitSha?: string;
  runUrl?: string;
  creator?: string;
  gateVerdict?: { digest: string; passed: boolean };
  driftReport?: { digest: string };
}

/** The version as its attachments leave it: the latest verdict and drift report count. */
export function withAttachments(version: ModelVersion, attachments: Attachment[]): ModelVersion {
  if (attachments.length === 0) return version;
  const sorted = [...attachments].sort((a, b) => a.attachedAt.localeCompare(b.attachedAt));
  const provenance: Provenance = { ...version.provenance, attachments: sorted };
  for (const a of sorted) {
    if (a.gateVerdict) provenance.gateVerdict = a.gateVerdict;
    if (a.driftReport) provenance.driftReport = a.driftReport;
  }
  return { ...version, provenance };
}

export function parseAttachments(text: string | undefined): Attachment[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((a): a is Attachment => typeof a === 'object' && a !== null && typeof (a as Attachment).attachedAt === 'string')
      : [];
  } catch {
    return [];
  }
}
