// Debian's prometheus (2.42) on 127.0.0.1, scraping the given targets every second, with a temp
// storage dir and --web.enable-lifecycle (so a test can reload it). Installed by .ci/run and npm test.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './docker-registry.js';

export interface ScrapeTarget {
  /** host:port of a server answering GET /metrics in Prometheus's text format. */
  address: string;
  /** Labels Prometheus adds to every series of the target (e.g. `{ variant: 'canary' }`); a target's own labels win (honor_labels). */
  labels?: Record<string, string>;
}

export interface PrometheusOptions {
  targets: ScrapeTarget[];
  /** Require Basic auth on every endpoint (--web.config.file); the helper's own calls send it. */
  basicAuth?: { username: string; password: string; bcrypt: string };
  /** Seconds between scrapes; default 1. */
  scrapeIntervalS?: number;
}

export interface RunningPrometheus {
  /** http://127.0.0.1:<port> (no credentials). */
  url: string;
  /** An instant query through the HTTP API; returns `data`. */
  query(promql: string): Promise<{ resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] }>;
  /** Successful scrapes so far, per target address. */
  scrapes(): Promise<Record<string, number>>;
  /** Waits until every target has been scraped successfully `n` more times than now (2 guarantees one scrape that began after the call). */
  waitForScrapes(n: number, timeoutMs?: number): Promise<void>;
  /** Rewrites the scrape targets, POSTs /-/reload, and waits until Prometheus scrapes exactly those. */
  reload(targets: ScrapeTarget[]): Promise<void>;
  /** SIGTERM, wait for exit, remove the temp dir. */
  stop(): Promise<void>;
  /** SIGKILL (a crash), wait for exit, remove the temp dir. */
  kill(): Promise<void>;
}

const JOB = 'modelci-test';

function config(targets: ScrapeTarget[], intervalS = 1): string {
  // JSON is YAML: no quoting rules to get wrong.
  return JSON.stringify(
    {
      global: { scrape_interval: `${intervalS}s`, scrape_timeout: '1s', evaluation_interval: '1s' },
      scrape_configs: [
        {
          job_name: JOB,
          honor_labels: true,
          static_configs: targets.map((t) => ({ targets: [t.address], labels: t.labels ?? {} })),
        },
      ],
    },
    null,
    2,
  );
}

export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, config(options.targets, options.scrapeIntervalS));
  const args = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--web.enable-lifecycle',
    '--log.level=warn',
  ];
  if (options.basicAuth) {
    const web = join(dir, 'web.yml');
    writeFileSync(web, JSON.stringify({ basic_auth_users: { [options.basicAuth.username]: options.basicAuth.bcrypt } }));
    args.push(`--web.config.file=${web}`);
  }
  const headers: Record<string, string> = options.basicAuth
    ? { Authorization: `Basic ${Buffer.from(`${options.basicAuth.username}:${options.basicAuth.password}`).toString('base64')}` }
    : {};
  const binary = existsSync('/usr/bin/prometheus') ? '/usr/bin/prometheus' : 'prometheus';
  const log = join(dir, 'prometheus.log');
  const logFd = openSync(log, 'w');
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', logFd] });
  closeSync(logFd);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const tail = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' | ') : '');

  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode} (${tail()}); is Debian's prometheus installed?`);
    const ready = await fetch(`${url}/-/ready`, { headers }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() - started > 20_000) {
      child.kill('SIGKILL');
      throw new Error(`prometheus was not ready within 20 s (${tail()})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const query: RunningPrometheus['query'] = async (promql) => {
    const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql })}`, { headers });
    const body = (await res.json()) as { status: string; error?: string; data: Awaited<ReturnType<RunningPrometheus['query']>> };
    if (body.status !== 'success') throw new Error(`query ${promql} failed: ${body.error}`);
    return body.data;
  };
  let targets = options.targets;
  const scrapes = async () => {
    // up is 1 for each successful scrape; 1h is longer than any test.
    const data = await query(`sum by (instance) (sum_over_time(up{job="${JOB}"}[1h]))`);
    const counts: Record<string, number> = Object.fromEntries(targets.map((t) => [t.address, 0]));
    for (const row of data.result) if (row.metric.instance in counts) counts[row.metric.instance] = Number(row.value[1]);
    return counts;
  };
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    url,
    query,
    scrapes,
    async waitForScrapes(n, timeoutMs = 30_000) {
      const before = await scrapes();
      const since = Date.now();
      for (;;) {
        const now = await scrapes();
        if (Object.keys(before).every((a) => now[a] >= before[a] + n)) return;
        if (Date.now() - since > timeoutMs)
          throw new Error(
            `prometheus did not scrape every target ${n} more times within ${timeoutMs / 1000} s (before ${JSON.stringify(before)}, now ${JSON.stringify(now)})`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async reload(next) {
      targets = next;
      writeFileSync(configFile, config(next, options.scrapeIntervalS));
      const res = await fetch(`${url}/-/reload`, { method: 'POST', headers });
      if (!res.ok) throw new Error(`prometheus refused the reload: HTTP ${res.status} ${await res.text()}`);
      // The reload returns before the new targets are in use (service discovery hands them over
      // every 5 s): wait until the targets API lists exactly the new ones.
      const want = next
        .map((t) => t.address)
        .sort()
        .join(' ');
      const since = Date.now();
      for (;;) {
        const body = (await (await fetch(`${url}/api/v1/targets?state=active`, { headers })).json()) as {
          data: { activeTargets: { labels: { instance: string } }[] };
        };
        const have = body.data.activeTargets
          .map((t) => t.labels.instance)
          .sort()
          .join(' ');
        if (have === want) return;
        if (Date.now() - since > 20_000) throw new Error(`prometheus still scrapes ${have || 'nothing'} 20 s after a reload to ${want || 'nothing'}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
