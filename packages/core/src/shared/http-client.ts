/**
 * The one HTTP client every adapter uses (registries, routers, metrics sources). Every call is
 * bounded: a connect timeout, a timeout for the answer's headers, an idle timeout while the body
 * streams (and while a request body goes up), a deadline for bodies read whole, and a size cap;
 * an AbortSignal stops it at any point. Credentials go only to the origin they were given for:
 * a redirect to another origin is followed without them. Only idempotent calls are retried.
 * Built on node:http (not fetch): a request body streams from a file at disk speed, and each
 * phase of a call can have its own timer.
 */
import { request as httpRequest, type IncomingMessage, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { BoundedBody, bytes } from './http-body.js';
import { HttpFailure, isHttpFailure, isRetryableStatus, seconds, type HttpFailureKind } from './http-failure.js';
import { originOf } from './http-origin.js';

export interface HttpTimeouts {
  /** Until the TCP connection is up. */
  connectMs: number;
  /** From the request sent until the answer's status and headers. */
  headersMs: number;
  /** Longest silence while a body streams, either way. */
  idleMs: number;
  /** The whole call, for answers read whole (text, json, buffer): an answer that trickles a byte at a time still ends. */
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<HttpTimeouts> = { connectMs: 10_000, headersMs: 30_000, idleMs: 30_000, totalMs: 120_000 };

/** Default cap on an answer: JSON APIs answer kilobytes; 16 MiB is a broken or wrong server. */
export const JSON_MAX_BYTES = 16 * 1024 * 1024;

/** Tries after the first, for idempotent calls (GET, HEAD, and what the caller marks). */
export const DEFAULT_RETRIES = 2;
const BACKOFF_MS = 250;
const MAX_REDIRECTS = 5;
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface HttpClientOptions {
  /** The service as a sentence names it: "the registry", "Prometheus", "the MLflow server". */
  service: string;
  /** What to check when it cannot be reached: "check the registry URI and that the registry is up". */
  hint?: string;
  timeouts?: Partial<HttpTimeouts>;
  maxBytes?: number;
  retries?: number;
  /** Stops every call of this client (the step's cancellation). */
  signal?: AbortSignal;
}

export interface HttpCall {
  method: string;
  url: string | URL;
  headers?: Record<string, string>;
  /** A Buffer or string can be sent again on a retry; a stream cannot, so such a call is tried once. */
  body?: Buffer | string | Readable;
  /** An Authorization header, sent only to `credentialsOrigin` (default: the origin of `url`). */
  authorization?: string;
  credentialsOrigin?: string;
  /** PUT of content named by its digest, a PUT of absolute weights: safe to repeat. GET and HEAD always are. */
  idempotent?: boolean;
  /** Follow redirects (GET and HEAD only; default true), never carrying credentials to another origin. */
  followRedirects?: boolean;
  timeouts?: Partial<HttpTimeouts>;
  /** Cap on the answer's body; Infinity for a download that is verified by digest as it streams. */
  maxBytes?: number;
  retries?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Where the answer came from (after redirects). */
  url: string;
  headers: IncomingHttpHeaders;
  header(name: string): string | undefined;
  /** The body as it arrives, bounded by the idle timeout and the cap. Read it, or call discard(). */
  body: Readable;
  buffer(): Promise<Buffer>;
  text(): Promise<string>;
  /** The body parsed as JSON; undefined if it is not JSON. */
  json<T = unknown>(): Promise<T | undefined>;
  discard(): void;
}

export class HttpClient {
  constructor(readonly options: HttpClientOptions) {}

  async request(call: HttpCall): Promise<HttpResponse> {
    const method = call.method.toUpperCase();
    const timeouts: HttpTimeouts = { ...DEFAULT_TIMEOUTS, ...this.options.timeouts, ...call.timeouts };
    const maxBytes = call.maxBytes ?? this.options.maxBytes ?? JSON_MAX_BYTES;
    const signal = anySignal(this.options.signal, call.signal);
    const replayable = !(call.body instanceof Readable);
    const idempotent = method === 'GET' || method === 'HEAD' || call.idempotent === true;
    const retries = idempotent && replayable ? (call.retries ?? this.options.retries ?? DEFAULT_RETRIES) : 0;
    const credentialsOrigin = call.authorization ? (call.credentialsOrigin ?? originOf(call.url)) : undefined;
    const started = Date.now();
    let url = new URL(call.url);
    let redirects = 0;
    const verb = method;
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.once(verb, url, call, credentialsOrigin, timeouts, maxBytes, started, signal);
      } catch (e) {
        if (attempt < retries && isHttpFailure(e) && e.retryable && !signal?.aborted) {
          await sleep(BACKOFF_MS * 2 ** attempt, signal);
          continue;
        }
        throw e;
      }
      if (REDIRECTS.has(res.status) && res.header('location') && (verb === 'GET' || verb === 'HEAD') && call.followRedirects !== false) {
        res.discard();
        if (++redirects > MAX_REDIRECTS) throw this.failure('unreachable', url, verb, `more than ${MAX_REDIRECTS} redirects`);
        url = new URL(res.header('location')!, url);
        attempt--;
        continue;
      }
      if (attempt < retries && isRetryableStatus(res.status) && !signal?.aborted) {
        res.discard();
        await sleep(retryAfterMs(res.header('retry-after')) ?? BACKOFF_MS * 2 ** attempt, signal);
        continue;
      }
      return res;
    }
  }

  /** One exchange: no retry, no redirect. */
  private once(
    method: string,
    url: URL,
    call: HttpCall,
    credentialsOrigin: string | undefined,
    timeouts: HttpTimeouts,
    maxBytes: number,
    started: number,
    signal?: AbortSignal,
  ): Promise<HttpResponse> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(this.failure('unreachable', url, method, `${url.protocol} is not HTTP`));
    const headers: Record<string, string> = { ...call.headers };
    // Credentials are for their own origin; a redirect or a Location elsewhere gets none.
    if (call.authorization && credentialsOrigin === url.origin) headers.Authorization = call.authorization;
    if (url.username || url.password) {
      headers.Authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    }
    const target = new URL(url);
    target.username = '';
    target.password = '';
    return new Promise<HttpResponse>((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(target, { method, headers });
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = (ms: number, kind: HttpFailureKind, reason: string) => {
        if (timer) clearTimeout(timer);
        timer = Number.isFinite(ms) ? setTimeout(() => fail(this.failure(kind, url, method, reason)), ms).unref() : undefined;
      };
      const done = () => {
        settled = true;
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (e: unknown) => {
        if (settled) return;
        done();
        req.destroy();
        reject(e);
      };
      const onAbort = () => fail(abortReason(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });

      // Headers are awaited once the connection is up and the whole request has gone out.
      let connected = false;
      let sent = false;
      const awaitHeaders = () => {
        if (connected && sent) arm(timeouts.headersMs, 'headers-timeout', `no answer within ${seconds(timeouts.headersMs)}`);
      };
      arm(timeouts.connectMs, 'connect-timeout', `no connection within ${seconds(timeouts.connectMs)}`);
      req.on('socket', (socket) => {
        const up = () => {
          connected = true;
          if (!sent) arm(timeouts.idleMs, 'send-timeout', `it took nothing for ${seconds(timeouts.idleMs)}`);
          awaitHeaders();
        };
        if (socket.connecting) socket.once('connect', up);
        else up();
      });
      req.on('finish', () => {
        sent = true;
        awaitHeaders();
      });
      req.on('error', (e: NodeJS.ErrnoException) => fail(isHttpFailure(e) ? e : this.failure('unreachable', url, method, e.code ?? e.message, e)));
      req.on('response', (res: IncomingMessage) => {
        if (settled) return res.destroy();
        done();
        resolve(this.response(res, url, method, timeouts, maxBytes, started, signal));
      });

      const body = call.body;
      if (body instanceof Readable) {
        // Bytes leaving the file are progress: a server that stops reading stalls them.
        body.on('data', () => {
          if (connected && !sent) arm(timeouts.idleMs, 'send-timeout', `it took nothing for ${seconds(timeouts.idleMs)}`);
        });
        body.on('error', (e) => fail(e));
        body.pipe(req);
      } else {
        req.end(body);
      }
    });
  }

  private response(
    res: IncomingMessage,
    url: URL,
    method: string,
    timeouts: HttpTimeouts,
    maxBytes: number,
    started: number,
    signal?: AbortSignal,
  ): HttpResponse {
    const body = new BoundedBody(res, { idleMs: timeouts.idleMs, maxBytes }, (kind, reason, cause) => this.failure(kind, url, method, reason, cause));
    if (signal) {
      const onAbort = () => body.destroy(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      body.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    const buffer = async (): Promise<Buffer> => {
      const left = timeouts.totalMs - (Date.now() - started);
      const deadline = Number.isFinite(left)
        ? setTimeout(() => body.destroy(this.failure('deadline', url, method, `the answer took over ${seconds(timeouts.totalMs)}`)), Math.max(0, left)).unref()
        : undefined;
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of body) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      } finally {
        if (deadline) clearTimeout(deadline);
      }
    };
    const text = async () => (await buffer()).toString('utf8');
    return {
      status: res.statusCode ?? 0,
      statusText: res.statusMessage ?? '',
      url: url.href,
      headers: res.headers,
      header: (name) => {
        const v = res.headers[name.toLowerCase()];
        return Array.isArray(v) ? v.join(', ') : v;
      },
      body,
      buffer,
      text,
      json: async <T>() => {
        const t = await text();
        try {
          return JSON.parse(t) as T;
        } catch {
          return undefined;
        }
      },
      discard: () => {
        body.destroy();
      },
    };
  }

  private failure(kind: HttpFailureKind, url: URL, method: string, reason: string, cause?: unknown): HttpFailure {
    return new HttpFailure(this.options.service, kind, url.href, method, reason, { hint: this.options.hint, cause });
  }
}

/** The reason a signal was aborted with, as an Error (AbortController.abort() gives an AbortError). */
function abortReason(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  return r instanceof Error ? r : Object.assign(new Error(`The operation was cancelled${r === undefined ? '' : ` (${String(r)})`}.`), { name: 'AbortError' });
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in seconds (capped at 30 s: a step should not sleep for an hour). */
function retryAfterMs(header: string | undefined): number | undefined {
  const s = Number(header);
  return header && Number.isFinite(s) && s >= 0 ? Math.min(s, 30) * 1000 : undefined;
}

export { bytes };
