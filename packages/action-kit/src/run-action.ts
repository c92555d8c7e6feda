import * as core from '@actions/core';
import { isInputError, isPolicyError, isServiceError } from '@modelci/core/shared';

/**
 * Run an action's body. A user mistake (InputError) becomes one error annotation pointing at the
 * file, line or input; a failed outside service (ServiceError) one annotation titled with the
 * service; both fail the step with no stack trace. Anything else is a bug, reported as such with
 * its stack in the debug log.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (isInputError(e)) {
      core.error(e.message, {
        title: e.where.input ? `Input: ${e.where.input}` : 'Bad input',
        file: e.where.file,
        startLine: e.where.line,
        startColumn: e.where.col,
      });
      process.exitCode = 1;
      return;
    }
    if (isServiceError(e)) {
      core.error(e.message, { title: `Service failed: ${e.service}` });
      process.exitCode = 1;
      return;
    }
    if (isPolicyError(e)) {
      // The refusal is the step's result: the summary says it, not an empty page.
      core.error(e.message, { title: 'Refused by policy' });
      await core.summary
        .addRaw(e.markdown ?? `## Refused\n\n${e.message}\n`, true)
        .write()
        .catch(() => undefined);
      process.exitCode = 1;
      return;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    core.debug(err.stack ?? String(err));
    core.setFailed(`modelci failed unexpectedly: ${err.message}. This is a bug in modelci; please report it with the debug log (re-run with debug logging).`);
  }
}
