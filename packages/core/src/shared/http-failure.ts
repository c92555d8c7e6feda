/**
 * How an HTTP call failed, as a ServiceError that names the service and its (redacted) URL, says
 * whether trying again can help, and keeps a short `reason` ("ECONNREFUSED", "no answer within
 * 30 s") for adapters that fold it into a sentence of their own.
 */
import { ServiceError } from './errors.js';
import { shownUrl } from './http-origin.js';

export type HttpFailureKind =
  | 'unreachable' // refused, unknown host, reset before an answer
  | 'connect-timeout'
  | 'headers-timeout'
  | 'send-timeout' // the server stopped reading the request body
  | 'idle-timeout' // the server stopped sending the answer
  | 'deadline' // the whole answer took too long (a trickle that never stops)
  | 'broken' // the connection broke in the middle of the answer
  | 'too-large';

/** Kinds a second try can cure; a body over the cap will be over it again. */
const RETRYABLE: ReadonlySet<HttpFailureKind> = new Set([
  'unreachable',
  'connect-timeout',
  'headers-timeout',
  'send-timeout',
  'idle-timeout',
  'deadline',
  'broken',
]);

export class HttpFailure extends ServiceError {
  constructor(
    service: string,
    readonly kind: HttpFailureKind,
    readonly url: string,
    readonly method: string,
    /** Short, for a parenthesis: "ECONNREFUSED", "no answer within 30 s". */
    readonly reason: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(`${service} ${shownUrl(url)}`, sentence(service, kind, shownUrl(url), method, reason, options.hint), {
      retryable: RETRYABLE.has(kind),
      cause: options.cause,
    });
    this.name = 'ServiceError';
  }
}

export function isHttpFailure(e: unknown): e is HttpFailure {
  return e instanceof HttpFailure;
}

/** HTTP statuses a later try may not get: overload, a proxy between restarts, rate limits. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

export function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

function sentence(service: string, kind: HttpFailureKind, url: string, method: string, reason: string, hint?: string): string {
  const Service = service[0].toUpperCase() + service.slice(1);
  switch (kind) {
    case 'unreachable':
    case 'connect-timeout':
      return `Cannot reach ${service} at ${url} (${reason}); ${hint ? `${hint}, then try again` : 'check the address and that the service is up, then try again'}.`;
    case 'too-large':
      return `${Service} at ${url} answered ${method} with ${reason}, more than modelci reads; check the URI points at the right service.`;
    default:
      return `${Service} at ${url} did not finish answering ${method} (${reason}); try again, or check that the service is healthy.`;
  }
}
