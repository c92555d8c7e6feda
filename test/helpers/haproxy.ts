// Debian's haproxy 2.6 in front of two servers, "stable" and "canary", in backend `model`, with
// its runtime API on a TCP stats socket at level admin. By default the servers are tiny HTTP
// servers that answer their name; with `models`, they are ONNX model servers (model-server.ts).
// Installed by .ci/run and npm test.
//
// HAProxy runs as Debian's systemd unit runs it: master-worker (-W), reloaded with SIGUSR2 to the
// master (after `haproxy -c`, as the unit's ExecReload does). The master re-executes itself as
// `haproxy -sf <old worker> -x sockpair@<fd>`: the new worker takes the listening sockets (frontend
// and stats port) from the old one, which then finishes its requests and exits. The ports never
// close, so no request is refused during a reload.
// Runtime weights live in the worker and die with it unless saved: the config has
// `server-state-file` + `load-server-state-from-file global`, and reload() first writes
// `show servers state` to that file, as an operator does with socat before `systemctl reload`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './docker-registry.js';
import { spawnModelServer, startModelServer, VARIANT_HEADER, type Faults, type ModelServer, type InProcessModelServer } from './model-server.js';

export type Side = 'stable' | 'canary';

export interface HaproxyOptions {
  /** ONNX model servers instead of the trivial ones: stable serves `stable` (the tests use models.penguins), canary `canary`. */
  models?: {
    stable: string;
    canary: string;
    faults?: Partial<Record<Side, Faults>>;
    /** Run them as child processes (see spawnModelServer); default in this process. */
    separateProcesses?: boolean;
  };
  /** Weights in the config, 0..256; default stable 256, canary 0. */
  weights?: Record<Side, number>;
}

export interface RunningHaproxy {
  frontend: string;
  statsPort: number;
  /** The file `show servers state` is saved to and loaded from. */
  stateFile: string;
  /** The model servers (with `models`), for faults and their own counts. */
  servers?: Record<Side, ModelServer>;
  /**
   * Requests each server answered (what actually happened, not what HAProxy says), live. Not
   * available for model servers in separate processes: use servedCounts().
   */
  served: Record<Side, number>;
  /** The same as `served`, in every mode. */
  servedCounts(): Promise<Record<Side, number>>;
  /**
   * HAProxy's own counters: sessions per server (`show stat`, column stot), added up across
   * reloads. A new worker starts from zero, so each reload adds the old worker's last reading,
   * taken just before the reload; requests the old worker still answers after that (in flight
   * during a reload) are not counted. Assert exact numbers on servedCounts().
   */
  counters(): Promise<Record<Side, number>>;
  /** One runtime API command, its reply. */
  command(command: string): Promise<string>;
  /** The current worker's pid (`show info`). */
  workerPid(): Promise<number>;
  /**
   * Saves server state to stateFile, reloads, and returns once the new worker alone serves: the
   * old one has exited, after its requests in flight (it waits up to 10 s).
   */
  reload(): Promise<void>;
  /** Reloads with an empty state file (none saved, none stale): runtime weights go back to the config's. */
  reloadWithoutState(): Promise<void>;
  stop(): Promise<void>;
}

// Debian installs it in /usr/sbin, which a non-login PATH may lack.
const BINARY = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
const SIDES: Side[] = ['stable', 'canary'];
const WAIT_MS = 10_000;

interface Backend {
  port: number;
  served(): number | undefined;
  server?: ModelServer;
  close(): Promise<void>;
}

async function trivialServer(name: Side): Promise<Backend> {
  let served = 0;
  const server: Server = createServer((_req, res) => {
    served++;
    res.setHeader(VARIANT_HEADER, name);
    res.end(name);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    served: () => served,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

async function modelBackend(name: Side, models: NonNullable<HaproxyOptions['models']>): Promise<Backend> {
  const options = { model: models[name], variant: name, faults: models.faults?.[name] };
  const server = models.separateProcesses ? await spawnModelServer(options) : await startModelServer(options);
  const inProcess = 'countsNow' in server ? (server as InProcessModelServer) : undefined;
  return { port: server.port, server, served: () => inProcess?.countsNow().requests, close: () => server.close() };
}

export async function startHaproxy(options: HaproxyOptions = {}): Promise<RunningHaproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-'));
  const backends = {} as Record<Side, Backend>;
  for (const side of SIDES) backends[side] = options.models ? await modelBackend(side, options.models) : await trivialServer(side);
  const weights = options.weights ?? { stable: 256, canary: 0 };
  const config = join(dir, 'haproxy.cfg');
  const stateFile = join(dir, 'state');
  writeFileSync(stateFile, '');
  let frontendPort = 0;
  let statsPort = 0;
  let master!: ChildProcess;
  let logText = '';
  const failure = (what: string) => new Error(`${what}; is Debian's haproxy installed? Its log:\n${logText.trim()}`);

  const send = (command: string) =>
    new Promise<string>((resolve, reject) => {
      const s = connect(statsPort, '127.0.0.1', () => s.write(`${command}\n`));
      let out = '';
      s.setTimeout(5000, () => s.destroy(new Error(`no answer to '${command}' within 5 s`)));
      s.on('data', (d) => {
        out += d;
      });
      s.on('end', () => resolve(out));
      s.on('error', reject);
    });
  const workerPid = async () => {
    const m = /^Pid: (\d+)$/m.exec(await send('show info'));
    if (!m) throw new Error('show info gave no Pid');
    return Number(m[1]);
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const started = Date.now();
    for (;;) {
      if (master.exitCode !== null || master.signalCode !== null)
        throw failure(`haproxy exited (${master.exitCode ?? master.signalCode}) while waiting until ${what}`);
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() - started > WAIT_MS) throw failure(`haproxy did not get to ${what} within ${WAIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  // A port freePort found may be taken before haproxy binds it (tests run in parallel): new ports, up to three times.
  for (let attempt = 1; ; attempt++) {
    frontendPort = await freePort();
    statsPort = await freePort();
    writeFileSync(
      config,
      [
        'global',
        `  stats socket ipv4@127.0.0.1:${statsPort} level admin`,
        `  server-state-file ${stateFile}`,
        'defaults',
        '  mode http',
        '  load-server-state-from-file global',
        '  timeout connect 2s',
        '  timeout client 10s',
        '  timeout server 10s',
        'frontend models',
        `  bind 127.0.0.1:${frontendPort}`,
        '  default_backend model',
        'backend model',
        '  balance roundrobin',
        ...SIDES.map((side) => `  server ${side} 127.0.0.1:${backends[side].port} weight ${weights[side]}`),
      ].join('\n') + '\n',
    );
    // -db keeps the master in the foreground and its log on stderr: kept for error messages.
    logText = '';
    master = spawn(BINARY, ['-W', '-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    master.stderr!.on('data', (d) => {
      logText += d;
    });
    try {
      // Our worker, not whatever else may listen there: its parent is our master.
      await until('open its stats socket', async () => (parentOf(await workerPid()) === master.pid ? true : undefined));
      break;
    } catch (e) {
      if (master.exitCode === null && master.signalCode === null) {
        master.kill('SIGTERM');
        await new Promise((r) => master.once('exit', r));
      }
      if (attempt === 3 || !/cannot bind/i.test(logText)) {
        for (const side of SIDES) await backends[side].close();
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
    }
  }
  const exited = new Promise<void>((r) => (master.exitCode !== null || master.signalCode !== null ? r() : master.once('exit', () => r())));

  const readCounters = async (): Promise<Record<Side, number>> => {
    const csv = (await send('show stat')).split('\n');
    const header = csv[0].replace(/^# /, '').split(',');
    const rows = csv
      .slice(1)
      .map((l) => l.split(','))
      .filter((r) => r[0] === 'model');
    const stot = (side: Side) => Number(rows.find((r) => r[1] === side)![header.indexOf('stot')]);
    return { stable: stot('stable'), canary: stot('canary') };
  };
  const before = { stable: 0, canary: 0 };

  const reloadWith = async (state: string) => {
    const check = spawnSync(BINARY, ['-c', '-q', '-f', config], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy -c rejects the config: ${check.stderr}`);
    const old = await workerPid();
    const last = await readCounters();
    // Atomic, so the new worker never reads half a file.
    writeFileSync(`${stateFile}.tmp`, state);
    renameSync(`${stateFile}.tmp`, stateFile);
    master.kill('SIGUSR2');
    await until('start a new worker', async () => ((await workerPid()) !== old ? true : undefined));
    // Until the old worker has exited it may still take connections on the shared ports.
    await until(`let the old worker ${old} exit`, async () => (isRunning(old) ? undefined : true));
    for (const side of SIDES) before[side] += last[side];
  };

  const served = {} as Record<Side, number>;
  for (const side of SIDES) {
    Object.defineProperty(served, side, {
      enumerable: true,
      get: () => {
        const n = backends[side].served();
        if (n === undefined) throw new Error('the model servers run in separate processes: use servedCounts()');
        return n;
      },
    });
  }
  const servers = options.models ? { stable: backends.stable.server!, canary: backends.canary.server! } : undefined;

  return {
    frontend: `http://127.0.0.1:${frontendPort}`,
    statsPort,
    stateFile,
    servers,
    served,
    servedCounts: async () => {
      if (!servers) return { stable: served.stable, canary: served.canary };
      const [stable, canary] = await Promise.all([servers.stable.counts(), servers.canary.counts()]);
      return { stable: stable.requests, canary: canary.requests };
    },
    counters: async () => {
      const now = await readCounters();
      return { stable: before.stable + now.stable, canary: before.canary + now.canary };
    },
    command: send,
    workerPid,
    reload: async () => reloadWith(await send('show servers state')),
    reloadWithoutState: () => reloadWith(''),
    stop: async () => {
      if (master.exitCode === null && master.signalCode === null) {
        master.kill('SIGTERM');
        await exited;
      }
      for (const side of SIDES) await backends[side].close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a process exists and is not a zombie (the master reaps its old workers). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] !== 'Z';
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name may hold spaces and parentheses: fields after the last ')'.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

/**
 * A TCP gate in front of HAProxy's stats socket, to stage a router outage as a client sees it:
 * `down()` stops listening and drops open connections (ECONNREFUSED at once, as when HAProxy
 * restarts or the socket's host is unreachable), `up()` listens on the same port again.
 */
export interface SocketGate {
  port: number;
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSocketGate(targetPort: number): Promise<SocketGate> {
  const open = new Set<Socket>();
  const server = createTcpServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      open.clear();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  await listen(0);
  const port = (server.address() as { port: number }).port;
  return { port, down: close, up: () => listen(port), stop: close };
}
