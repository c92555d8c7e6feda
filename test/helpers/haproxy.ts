// Debian's haproxy in front of two tiny HTTP servers ("stable" and "canary"), with its runtime
// API on a TCP stats socket at level admin. Installed by .ci/run and npm test.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './docker-registry.js';

export interface RunningHaproxy {
  frontend: string;
  statsPort: number;
  /** Requests each model server answered (what actually happened, not what HAProxy says). */
  served: { stable: number; canary: number };
  /** HAProxy's own counters: total sessions per server (`show stat`, column stot). */
  counters(): Promise<{ stable: number; canary: number }>;
  stop(): Promise<void>;
}

async function modelServer(name: 'stable' | 'canary', served: RunningHaproxy['served']): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    served[name]++;
    res.end(name);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as { port: number }).port };
}

export async function startHaproxy(): Promise<RunningHaproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-'));
  const served = { stable: 0, canary: 0 };
  const stable = await modelServer('stable', served);
  const canary = await modelServer('canary', served);
  const frontendPort = await freePort();
  const statsPort = await freePort();
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(config, [
    'global',
    `  stats socket ipv4@127.0.0.1:${statsPort} level admin`,
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 10s',
    '  timeout server 10s',
    'frontend models',
    `  bind 127.0.0.1:${frontendPort}`,
    '  default_backend model',
    'backend model',
    '  balance roundrobin',
    `  server stable 127.0.0.1:${stable.port} weight 256`,
    `  server canary 127.0.0.1:${canary.port} weight 0`,
  ].join('\n') + '\n');
  // Debian installs it in /usr/sbin, which a non-login PATH may lack.
  const binary = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
  const child: ChildProcess = spawn(binary, ['-db', '-f', config], { stdio: 'ignore' });
  const send = (command: string) => new Promise<string>((resolve, reject) => {
    const s = connect(statsPort, '127.0.0.1', () => s.write(`${command}\n`));
    let out = '';
    s.on('data', (d) => { out += d; });
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}; is Debian's haproxy installed?`);
    try {
      await send('show info');
      break;
    } catch {
      if (Date.now() - started > 10_000) throw new Error('haproxy did not open its stats socket within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    frontend: `http://127.0.0.1:${frontendPort}`,
    statsPort,
    served,
    counters: async () => {
      const csv = (await send('show stat')).split('\n');
      const header = csv[0].replace(/^# /, '').split(',');
      const col = (row: string[], name: string) => Number(row[header.indexOf(name)]);
      const rows = csv.slice(1).map((l) => l.split(',')).filter((r) => r[0] === 'model');
      const stot = (sv: string) => col(rows.find((r) => r[1] === sv)!, 'stot');
      return { stable: stot('stable'), canary: stot('canary') };
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await new Promise<void>((r) => stable.server.close(() => r()));
      await new Promise<void>((r) => canary.server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
