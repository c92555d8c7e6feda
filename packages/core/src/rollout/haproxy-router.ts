/**
 * HAProxy as the traffic router, through its Runtime API (the stats socket at level admin):
 * `haproxy://127.0.0.1:9999/<backend>?stable=<server>&canary=<server>` for a TCP socket, or
 * `haproxy:///run/haproxy/admin.sock?backend=…&stable=…&canary=…` for a unix one. Weights are set
 * with `set server <backend>/<server> weight <n>` on HAProxy's 0..256 scale and read back with
 * `get weight`. Runtime weights are lost on reload unless the config keeps server state
 * (server-state-file + load-server-state-from-file): see the canary-deploy README.
 */
import { createConnection } from 'node:net';
import { InputError, ServiceError } from '../shared/errors.js';
import { redactUri } from '../shared/redact-uri.js';
import { checkCanaryWeight, registerRouter, type TrafficRouter, type Weights } from './traffic-router.js';

/** HAProxy's largest server weight. */
export const HAPROXY_MAX_WEIGHT = 256;

/** Bounds of one runtime-API command; HAProxy answers in milliseconds. */
export interface HaproxyTimeouts {
  /** Until the socket is connected. */
  connectMs: number;
  /** Longest silence once connected. */
  idleMs: number;
  /** The whole command: a reply that trickles still ends. */
  totalMs: number;
}

export const HAPROXY_TIMEOUTS: Readonly<HaproxyTimeouts> = { connectMs: 5_000, idleMs: 5_000, totalMs: 15_000 };

/** A reply to `set server`/`get weight` is a line; anything near this is not HAProxy. */
const MAX_REPLY_BYTES = 64 * 1024;

export class HaproxyRouter implements TrafficRouter {
  private readonly timeouts: HaproxyTimeouts;
  private readonly target: { host: string; port: number } | { path: string };
  private readonly backend: string;
  private readonly stable: string;
  private readonly canary: string;

  constructor(
    readonly uri: string,
    options: { timeouts?: Partial<HaproxyTimeouts> } = {},
  ) {
    this.timeouts = { ...HAPROXY_TIMEOUTS, ...options.timeouts };
    const url = new URL(uri);
    const q = url.searchParams;
    if (url.hostname) {
      this.target = { host: url.hostname, port: Number(url.port || 9999) };
      this.backend = decodeURIComponent(url.pathname.replace(/^\//, '')) || q.get('backend') || '';
    } else {
      this.target = { path: decodeURIComponent(url.pathname) };
      this.backend = q.get('backend') ?? '';
    }
    this.stable = q.get('stable') ?? 'stable';
    this.canary = q.get('canary') ?? 'canary';
    if (!this.backend) {
      throw new InputError(redactUri(`Router '${uri}' names no HAProxy backend; write haproxy://host:port/<backend>?stable=<server>&canary=<server>.`), {
        input: 'router',
      });
    }
    for (const [what, name] of [
      ['backend', this.backend],
      ['stable server', this.stable],
      ['canary server', this.canary],
    ] as const)
      checkHaproxyName(uri, what, name);
  }

  async setWeights(canary: number, signal?: AbortSignal): Promise<void> {
    checkCanaryWeight(canary);
    const c = Math.round(canary * HAPROXY_MAX_WEIGHT);
    // Canary first: the two weights move in opposite directions, so between the commands the
    // canary's share lies between the old and the new one, and a rollback stops canary traffic
    // with its first command.
    const commands = [`set server ${this.backend}/${this.canary} weight ${c}`, `set server ${this.backend}/${this.stable} weight ${HAPROXY_MAX_WEIGHT - c}`];
    for (const command of commands) {
      const reply = (await this.send(command, signal)).trim();
      if (reply) this.refuse(command, reply);
    }
  }

  async getWeights(signal?: AbortSignal): Promise<Weights> {
    const read = async (server: string) => {
      const command = `get weight ${this.backend}/${server}`;
      const reply = (await this.send(command, signal)).trim();
      const m = /^(\d+)\s+\(initial\s+\d+\)$/.exec(reply);
      if (!m) this.refuse(command, reply);
      return Number(m![1]);
    };
    const c = await read(this.canary);
    const s = await read(this.stable);
    if (c + s === 0) return { canary: 0, stable: 0 };
    return { canary: c / (c + s), stable: s / (c + s) };
  }

  private refuse(command: string, reply: string): never {
    throw new InputError(
      redactUri(
        `HAProxy refused '${command}' at ${this.uri}: ${reply.split('\n')[0]}; check the backend and server names (and that the stats socket has 'level admin').`,
      ),
      { input: 'router' },
    );
  }

  /**
   * One command per connection, as HAProxy's non-interactive mode expects; returns the reply.
   * Bounded like every outside call: connect, idle and total timeouts, a reply cap, and the
   * step's signal. A command that was sent may have been applied: the rollout reads weights back.
   */
  private send(command: string, signal?: AbortSignal): Promise<string> {
    const shown = redactUri(this.uri);
    const service = `HAProxy's runtime API ${shown}`;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const socket = createConnection(this.target as { host: string; port: number });
      let reply = '';
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (e?: Error) => {
        if (settled) return;
        settled = true;
        for (const t of timers) clearTimeout(t);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        if (e) reject(e);
        else resolve(reply);
      };
      const unreachable = (why: string) =>
        new ServiceError(
          service,
          `Cannot reach HAProxy's runtime API at ${shown} (${why}); check the stats socket address and that HAProxy is running, then try again.`,
          { retryable: true },
        );
      const stalled = (why: string) =>
        new ServiceError(service, `HAProxy's runtime API at ${shown} did not finish answering '${command}' (${why}); try again, or check HAProxy.`, {
          retryable: true,
        });
      const onAbort = () =>
        finish(signal!.reason instanceof Error ? signal!.reason : Object.assign(new Error('The operation was cancelled.'), { name: 'AbortError' }));
      signal?.addEventListener('abort', onAbort, { once: true });
      timers.push(
        setTimeout(
          () =>
            finish(
              socket.connecting
                ? unreachable(`no connection within ${this.timeouts.connectMs / 1000} s`)
                : stalled(`no full reply within ${this.timeouts.totalMs / 1000} s`),
            ),
          socket.connecting ? this.timeouts.connectMs : this.timeouts.totalMs,
        ),
      );
      socket.on('connect', () => {
        clearTimeout(timers[0]);
        timers.push(setTimeout(() => finish(stalled(`no full reply within ${this.timeouts.totalMs / 1000} s`)), this.timeouts.totalMs));
        socket.setTimeout(this.timeouts.idleMs, () => finish(stalled(`nothing received for ${this.timeouts.idleMs / 1000} s`)));
        socket.write(`${command}\n`);
      });
      socket.on('data', (d) => {
        reply += d.toString('utf8');
        if (reply.length > MAX_REPLY_BYTES)
          finish(
            new ServiceError(
              service,
              `HAProxy's runtime API at ${shown} answered '${command}' with more than ${MAX_REPLY_BYTES / 1024} KiB; check that the address is HAProxy's stats socket.`,
            ),
          );
      });
      socket.on('end', () => finish());
      socket.on('error', (e: NodeJS.ErrnoException) => finish(unreachable(e.code ?? e.message)));
    });
  }
}

/**
 * HAProxy's own rule for proxy and server names (letters, digits, '-', '_', '.', ':'). Anything
 * else is refused before a command is sent: the runtime API reads ';' as a command separator and
 * a newline or space as the end of an argument, so 'model;disable server model/stable' would run
 * a second command (a dry run once put the stable server into maintenance that way).
 */
export function checkHaproxyName(uri: string, what: string, name: string): void {
  if (/^[A-Za-z0-9_.:-]+$/.test(name)) return;
  const bad = [...name].find((ch) => !/[A-Za-z0-9_.:-]/.test(ch));
  const shown = bad === undefined ? 'is empty' : `contains ${JSON.stringify(bad)}`;
  throw new InputError(
    redactUri(
      `Router '${uri}': the HAProxy ${what} name ${shown}; HAProxy names use only letters, digits, '-', '_', '.' and ':', as in haproxy://host:port/model?stable=stable&canary=canary.`,
    ),
    { input: 'router' },
  );
}

registerRouter('haproxy', (uri) => new HaproxyRouter(uri));
