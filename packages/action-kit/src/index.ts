import * as core from '@actions/core';
import { isInputError, type Annotation } from '@modelci/core';

/** Read the named inputs as the runner passes them (INPUT_<NAME> with spaces as '_', upper-cased). */
export function readInputs<K extends string>(names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = core.getInput(name);
    if (value !== '') out[name] = value;
  }
  return out;
}

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

/**
 * Run an action's body. A user mistake (InputError) becomes one error annotation pointing at the
 * file, line or input, and a failed step, with no stack trace; anything else is a bug, reported
 * as such with its stack in the debug log.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (isInputError(e)) {
      core.error(e.message, { title: e.where.input ? `Input: ${e.where.input}` : 'Bad input', file: e.where.file, startLine: e.where.line, startColumn: e.where.col });
      process.exitCode = 1;
      return;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    core.debug(err.stack ?? String(err));
    core.setFailed(`modelci failed unexpectedly: ${err.message}. This is a bug in modelci; please report it with the debug log (re-run with debug logging).`);
  }
}
