import { formatNumber } from '../shared/format.js';
import { effectLabel } from './check-drift.js';
import type { DriftReport } from './report.js';
import type { Annotation } from '../shared/annotation.js';

/**
 * Critical schema problems are errors; drifted features are errors when they fail the step and
 * warnings when they do not (fail-on: critical or never), so the page tells the same story as the exit code.
 */
export function driftAnnotations(report: DriftReport): Annotation[] {
  const out: Annotation[] = [];
  const file = report.current.files.length === 1 ? report.current.files[0] : undefined;
  for (const f of report.findings) {
    if (f.severity === 'critical') out.push({ level: 'error', title: `Schema: ${f.column}`, message: f.message, file: f.file, line: f.line });
  }
  const driftLevel = report.options.failOn === 'drift' ? 'error' : 'warning';
  for (const f of report.features) {
    if (f.status !== 'drift') continue;
    const effect = f.effect ? ` (${effectLabel(f.effect.name)} ${formatNumber(f.effect.value)})` : '';
    out.push({ level: driftLevel, title: `Drift: ${f.name}${effect}`, message: f.reason, file });
  }
  for (const f of report.findings) {
    if (f.severity === 'notice') out.push({ level: 'notice', title: `New column: ${f.column}`, message: f.message, file });
  }
  return out;
}
