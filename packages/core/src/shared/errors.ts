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
    // One line, always: user text quoted into a message (a header cell, a file name) may hold
    // line breaks, which would split the annotation; show them escaped instead.
    super(message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
    this.name = 'InputError';
    this.where = where;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/**
 * An outside service (registry, router, metrics source, MLflow, the GitHub API) failed or answered
 * nonsense. Not the user's mistake: shells give it its own annotation title and exit code (CLI 3).
 * `retryable` says whether running the step again can help (a timeout, a 503) or not (a 403,
 * a body that is not what the protocol says); only then does the message say "try again".
 */
export class ServiceError extends Error {
  /** Which service, as people name it, with its redacted address: "the OCI registry ghcr.io". */
  readonly service: string;
  readonly retryable: boolean;
  constructor(service: string, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServiceError';
    this.service = service;
    this.retryable = options.retryable ?? false;
  }
}

export function isServiceError(e: unknown): e is ServiceError {
  return e instanceof ServiceError;
}

/**
 * A policy refused the operation (a protected alias without a passing verdict): not bad input,
 * the check did its job. The CLI exits 1 (failed), the action writes `markdown` to the summary.
 */
export class PolicyError extends Error {
  readonly markdown?: string;
  constructor(message: string, options: { markdown?: string } = {}) {
    super(message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
    this.name = 'PolicyError';
    this.markdown = options.markdown;
  }
}

export function isPolicyError(e: unknown): e is PolicyError {
  return e instanceof PolicyError;
}
