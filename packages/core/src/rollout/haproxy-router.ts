/**
 * HAProxy as the traffic router, through its Runtime API (the stats socket at level admin):
 * `haproxy://127.0.0.1:9999/<backend>?stable=<server>&canary=<server>` for a TCP socket, or
 * `haproxy:///run/haproxy/admin.sock?backend=…&stable=…&canary=…` for a unix one. Weights are set
 * with `set server <backend>/<server> weight <n>` on HAProxy's 0..256 scale and read back with
 * `get weight`. Runtime weights are lost on reload unless the config keeps server state
 * (server-state-file + load-server-state-from-file): see the canary-deploy README.
 */
import { createConnection } from 'node:net';
import { redactUri } from '../shared/redact-uri.js';
import { InputError } from '../shared/errors.js';
import { checkCanaryWeight, registerRouter, type TrafficRouter, type Weights } from './traffic-router.js';

/** HAProxy's largest server weight. */
export const HAPROXY_MAX_WEIGHT = 256;

export class HaproxyRouter implements TrafficRouter {
  private readonly target: { host: string; port: number } | { path: string };
  private readonly backend: string;
  private readonly stable: string;
  private readonly canary: string;

  constructor(readonly uri: string) {
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
      throw new InputError(redactUri(`Router '${uri}' names no HAProxy backend; write haproxy://host:port/<backend>?stable=<server>&canary=<server>.`), { input: 'router' });
    }
  }

  async setWeights(canary: number): Promise<void> {
    checkCanaryWeight(canary);
    const c = Math.round(canary * HAPROXY_MAX_WEIGHT);
    // Canary first: the two weights move in opposite directions, so between the commands the
    // canary's share lies between the old and the new one, and a rollback stops canary traffic
    // with its first command.
    const commands = [`set server ${this.backend}/${this.canary} weight ${c}`, `set server ${this.backend}/${this.stable} weight ${HAPROXY_MAX_WEIGHT - c}`];
    for (const command of commands) {
      const reply = (await this.send(command)).trim();
      if (reply) this.refuse(command, reply);
    }
  }

  async getWeights(): Promise<Weights> {
    const read = async (server: string) => {
      const command = `get weight ${this.backend}/${server}`;
      const reply = (await this.send(command)).trim();
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
    throw new InputError(redactUri(`HAProxy refused '${command}' at ${this.uri}: ${reply.split('\n')[0]}; check the backend and server names (and that the stats socket has 'level admin').`), { input: 'router' });
  }

  /** One command per connection, as HAProxy's non-interactive mode expects; returns the reply. */
  private send(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(this.target as { host: string; port: number });
      let reply = '';
      socket.setTimeout(5000, () => socket.destroy(new Error('timed out after 5 s')));
      socket.on('connect', () => socket.write(`${command}\n`));
      socket.on('data', (d) => { reply += d.toString('utf8'); });
      socket.on('end', () => resolve(reply));
      socket.on('error', (e: NodeJS.ErrnoException) => reject(new InputError(redactUri(`Cannot reach HAProxy's runtime API at ${this.uri} (${e.code ?? e.message}); check the stats socket address and that HAProxy is running.`), { input: 'router' })));
    });
  }
}

registerRouter('haproxy', (uri) => new HaproxyRouter(uri));
