/**
 * An answer's body as it arrives, bounded: no bytes for `idleMs` and the stream fails; more than
 * `maxBytes` and it fails before passing them on, so a reader that buffers never holds more than
 * the cap. The socket is closed whenever the stream fails or is dropped.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { HttpFailureKind } from './http-failure.js';

export interface BodyLimits {
  idleMs: number;
  maxBytes: number;
}

export type BodyFailure = (kind: HttpFailureKind, reason: string, cause?: unknown) => Error;

export class BoundedBody extends Transform {
  private received = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: IncomingMessage,
    private readonly limits: BodyLimits,
    private readonly fail: BodyFailure,
  ) {
    super();
    // A body dropped unread may still fail (its idle timer): that must not crash the process.
    // Readers still see the error (async iteration and pipeline listen for it themselves).
    this.on('error', () => undefined);
    const declared = Number(source.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      // Refused before reading a byte of it.
      queueMicrotask(() => this.destroy(fail('too-large', `${bytes(declared)} (Content-Length)`)));
      return;
    }
    source.on('error', (e: NodeJS.ErrnoException) => this.destroy(fail('broken', e.code ?? e.message, e)));
    source.on('aborted', () => this.destroy(fail('broken', 'connection closed mid-answer')));
    this.arm();
    source.pipe(this);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limits.maxBytes) return done(this.fail('too-large', `more than ${bytes(this.limits.maxBytes)}`));
    this.arm();
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.disarm();
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.disarm();
    this.source.unpipe(this);
    this.source.destroy();
    done(error);
  }

  private arm(): void {
    this.disarm();
    if (!Number.isFinite(this.limits.idleMs)) return;
    this.timer = setTimeout(() => this.destroy(this.fail('idle-timeout', `nothing received for ${this.limits.idleMs / 1000} s`)), this.limits.idleMs).unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** 16777216 -> "16 MiB". */
export function bytes(n: number): string {
  if (n >= 1 << 30) return `${+(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${+(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${+(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} bytes`;
}
