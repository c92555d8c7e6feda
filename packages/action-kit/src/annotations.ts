import * as core from '@actions/core';
import type { Annotation } from '@modelci/core';

export function annotate(a: Annotation): void {
  const props = { title: a.title, file: a.file, startLine: a.line };
  if (a.level === 'error') core.error(a.message, props);
  else if (a.level === 'warning') core.warning(a.message, props);
  else core.notice(a.message, props);
}

/** GitHub shows at most 10 errors and 10 warnings per step: past that, the last slot says how many more. */
export function annotateAll(list: Annotation[], limit = 10): void {
  for (const level of ['error', 'warning', 'notice'] as const) {
    const same = list.filter((a) => a.level === level);
    const shown = same.length <= limit ? same : same.slice(0, limit - 1);
    shown.forEach(annotate);
    const more = same.length - shown.length;
    if (more > 0) annotate({ level, title: `${more} more`, message: `${more} more ${level} findings are in the job summary and the JSON report.` });
  }
}
