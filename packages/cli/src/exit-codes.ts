/** The CLI's exit statuses, one meaning each; `modelci --help` and the README list them. */
export const EXIT = {
  /** The check passed: no failing drift, gates passed, canary promoted, the operation done. */
  passed: 0,
  /** The verdict failed or a policy refused: drift per --fail-on, a failed gate, a rolled-back canary. */
  failed: 1,
  /** Bad input: a flag, a file or a value the user can fix; nothing was changed. */
  badInput: 2,
  /** An outside service failed (registry, router, metrics source, MLflow): the message says whether retrying helps. */
  service: 3,
  /** A bug in modelci: please report it. */
  bug: 4,
} as const;

export const EXIT_HELP = `Exit status:
  0  passed (no failing drift, gates passed, canary promoted, operation done)
  1  failed verdict or policy refusal (drift per --fail-on, a failed gate, a rolled-back canary)
  2  bad input (a flag, file or value to fix; nothing was changed)
  3  an outside service failed (registry, router, metrics source, MLflow); the message says whether to retry
  4  a bug in modelci (please report it)`;
