// The real stack canary-deploy runs against, on 127.0.0.1: Debian's HAProxy (master-worker mode,
// with a server-state file) in front of two ONNX model servers, Prometheus scraping them every
// second, and an open-loop load generator sending penguins through HAProxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './docker-registry.js';
import { startModelServer, type ModelServer } from './onnx-model-server.js';
import { startPrometheus, type RunningPrometheus } from './prometheus.js';

export interface RunningHaproxyStack {
  frontend: string;
  statsPort: number;
  /** The router URI canary-deploy takes. */
  router: string;
  stateFile: string;
  /** One Runtime API command, its reply. */
  send(command: string): Promise<string>;
  /** The weights HAProxy holds now (0..256). */
  weights(): Promise<{ stable: number; canary: number }>;
  /**
   * A graceful reload (SIGUSR2 to the master), as `systemctl reload haproxy` does; with
   * `saveState`, first writes `show servers state` to the server-state file, as an operator's
   * reload script should.
   */
  reload(saveState: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startHaproxyStack(stable: { port: number }, canary: { port: number }, canaryWeight = 0): Promise<RunningHaproxyStack> {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-stack-'));
  const frontendPort = await freePort();
  const statsPort = await freePort();
  const stateFile = join(dir, 'server-state');
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(config, [
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
    `  server stable 127.0.0.1:${stable.port} weight ${256 - canaryWeight}`,
    `  server canary 127.0.0.1:${canary.port} weight ${canaryWeight}`,
  ].join('\n') + '\n');
  const binary = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
  const master: ChildProcess = spawn(binary, ['-W', '-db', '-f', config], { stdio: 'ignore' });
  const send = (command: string) => new Promise<string>((resolve, reject) => {
    const s = connect(statsPort, '127.0.0.1', () => s.write(`${command}\n`));
    let out = '';
    s.on('data', (d) => { out += d; });
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
  const pid = async () => /^Pid: (\d+)$/m.exec(await send('show info'))?.[1];
  const waitForWorker = async (other?: string) => {
    const started = Date.now();
    for (;;) {
      if (master.exitCode !== null) throw new Error(`haproxy exited with ${master.exitCode}; is Debian's haproxy installed?`);
      try {
        const p = await pid();
        if (p && p !== other) return p;
      } catch { /* not listening yet */ }
      if (Date.now() - started > 10_000) throw new Error('haproxy did not answer on its stats socket within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await waitForWorker();
  const weight = async (server: string) => Number(/^(\d+)/.exec(await send(`get weight model/${server}`))?.[1]);
  return {
    frontend: `http://127.0.0.1:${frontendPort}`,
    statsPort,
    router: `haproxy://127.0.0.1:${statsPort}/model?stable=stable&canary=canary`,
    stateFile,
    send,
    weights: async () => ({ stable: await weight('stable'), canary: await weight('canary') }),
    reload: async (saveState) => {
      if (saveState) writeFileSync(stateFile, await send('show servers state'));
      else rmSync(stateFile, { force: true });
      const before = await pid();
      master.kill('SIGUSR2');
      await waitForWorker(before);
    },
    stop: async () => {
      master.kill('SIGTERM');
      if (master.exitCode === null) await new Promise((r) => master.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LoadSummary {
  sent: number;
  /** Answers by the model server that gave them (x-model-variant) and status. */
  byVariant: Record<string, Record<number, number>>;
  failedToConnect: number;
}

export interface LoadGenerator {
  summary(): LoadSummary;
  stop(): Promise<LoadSummary>;
}

/**
 * Open-loop load: `rate` requests per second on a fixed schedule, whatever the answers' latency
 * (a slow canary must not slow the load down, as it would not slow real users down).
 */
export function startLoad(url: string, rows: number[][], rate: number): LoadGenerator {
  const summary: LoadSummary = { sent: 0, byVariant: {}, failedToConnect: 0 };
  const inflight = new Set<Promise<void>>();
  const started = Date.now();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    while (summary.sent < due) {
      const features = rows[summary.sent % rows.length];
      summary.sent++;
      const p = fetch(`${url}/predict`, { method: 'POST', body: JSON.stringify({ features }), headers: { 'Content-Type': 'application/json' } })
        .then(async (res) => {
          await res.arrayBuffer();
          const v = res.headers.get('x-model-variant') ?? 'haproxy';
          summary.byVariant[v] ??= {};
          summary.byVariant[v][res.status] = (summary.byVariant[v][res.status] ?? 0) + 1;
        }, () => { summary.failedToConnect++; })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    setTimeout(tick, 10);
  };
  tick();
  return {
    summary: () => structuredClone(summary),
    stop: async () => {
      stopped = true;
      await Promise.all(inflight);
      return structuredClone(summary);
    },
  };
}

/** Penguin feature rows from the test split CSV, in the model's input order (rows with a gap dropped). */
export function penguinRows(csvPath: string, featureNames: string[]): number[][];
/** The `label` column of the same rows. */
export function penguinRows(csvPath: string, featureNames: string[], label: string): string[];
export function penguinRows(csvPath: string, featureNames: string[], label?: string): number[][] | string[] {
  const [header, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  const cols = header.split(',');
  const idx = featureNames.map((f) => cols.indexOf(f));
  const kept = lines.map((l) => l.split(',')).filter((cells) => idx.every((i) => cells[i] !== '' && Number.isFinite(Number(cells[i]))));
  return label === undefined ? kept.map((cells) => idx.map((i) => Number(cells[i]))) : kept.map((cells) => cells[cols.indexOf(label)]);
}

export interface CanaryStack {
  stable: ModelServer;
  canary: ModelServer;
  haproxy: RunningHaproxyStack;
  prometheus: RunningPrometheus;
  load: LoadGenerator;
  stop(): Promise<void>;
}

/** Everything at once: stable and canary serving the same model, 0% to the canary, load running. */
export async function startCanaryStack(models: { stable: string; canary: string }, rows: number[][], rate: number): Promise<CanaryStack> {
  const stable = await startModelServer('stable', models.stable);
  const canary = await startModelServer('canary', models.canary);
  const haproxy = await startHaproxyStack(stable, canary);
  const prometheus = await startPrometheus({ targets: [{ address: stable.address }, { address: canary.address }] });
  const load = startLoad(haproxy.frontend, rows, rate);
  await prometheus.waitForScrapes(2);
  return {
    stable, canary, haproxy, prometheus, load,
    stop: async () => {
      await load.stop();
      await prometheus.stop().catch(() => undefined);
      await haproxy.stop();
      await stable.close();
      await canary.close();
    },
  };
}
