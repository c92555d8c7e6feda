/**
 * A mistake in what the user gave us: bad data, a bad input, a missing file.
 * The message is one sentence a person can act on (what, where, how to fix);
 * shells print it as an error annotation and exit non-zero, never with a stack trace.
 */
export interface ErrorLocation {
  /** File the problem is in, as the user wrote its path. */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** 1-based column (character position) in that line. */
  col?: number;
  /** Name of the action input or CLI flag at fault. */
  input?: string;
}

export class InputError extends Error {
  readonly where: ErrorLocation;
  constructor(message: string, where: ErrorLocation = {}) {
    super(message);
    this.name = 'InputError';
    this.where = where;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
