import * as core from '@actions/core';
import type { Annotation } from '@modelci/core/shared';

export function annotate(a: Annotation): void {
  const props = { title: a.title, file: a.file, startLine: a.line };
  if (a.level === 'error') core.error(a.message, props);
  else if (a.level === 'warning') core.warning(a.message, props);
  else core.notice(a.message, props);
}

/** GitHub shows this many annotations of each level per step, and drops the rest. */
export const SHOWN_PER_LEVEL = 10;

export interface AnnotateAllOptions {
  /** Shown per level (default 10, GitHub's). */
  limit?: number;
  /**
   * Slots left for what the shell adds afterwards. By default one error: the verdict that
   * core.setFailed prints is the step's 11th error otherwise, and the one GitHub drops.
   */
  reserve?: Partial<Record<Annotation['level'], number>>;
}

/** Every annotation that fits the level's budget; past it, the last slot says how many more there are. */
export function annotateAll(list: Annotation[], options: AnnotateAllOptions = {}): void {
  const reserve = { error: 1, ...options.reserve };
  for (const level of ['error', 'warning', 'notice'] as const) {
    const budget = Math.max(1, (options.limit ?? SHOWN_PER_LEVEL) - (reserve[level] ?? 0));
    const same = list.filter((a) => a.level === level);
    const shown = same.length <= budget ? same : same.slice(0, budget - 1);
    shown.forEach(annotate);
    const more = same.length - shown.length;
    if (more > 0) annotate({ level, title: `${more} more`, message: `${more} more ${level} findings are in the job summary and the JSON report.` });
  }
}
