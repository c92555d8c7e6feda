// Debian's PostgreSQL (any installed major version) on 127.0.0.1, in a temp dir, for the monitor's
// PostgreSQL source. Installed by .ci/run and npm test. initdb and postgres refuse to run as root:
// as root they run as the `postgres` user (runuser), the temp dir chowned to it.
//
// The server is started under a watchdog shell whose stdin is a pipe from this process: when this
// process ends for any reason (a crashed test, a killed jest worker) the pipe closes, the watchdog
// reads end-of-file, stops the postmaster and removes the temp dir, so no test leaves a server behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './docker-registry.js';

export interface PostgresOptions {
  /** TLS on, with this certificate and key (PEM files readable by the server). */
  tls?: { cert: string; key: string };
}

export interface RunningPostgres {
  host: string;
  port: number;
  user: string;
  /** Holds '@', ':' and '/' on purpose: URIs must encode it, messages must never show it. */
  password: string;
  database: string;
  /** postgres://user:password@127.0.0.1:port/database (password percent-encoded). */
  uri: string;
  /** Runs SQL as the superuser, returning the rows. */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export const PG_PASSWORD = 'pr0d@ta:s3cr/et';

/** The newest installed PostgreSQL's bin directory. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres); apt-get install postgresql');
  versions.sort((a, b) => Number(b) - Number(a));
  return join(root, versions[0], 'bin');
}

function asServerUser(argv: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...argv] : argv;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function startPostgres(options: PostgresOptions = {}): Promise<RunningPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'modelci-pg-'));
  const data = join(dir, 'data');
  const user = 'modelci';
  const database = 'production';
  // The server reads its certificate and key from its own dir: the caller's may be closed to it.
  const tls = options.tls && { cert: join(dir, 'server.crt'), key: join(dir, 'server.key') };
  if (options.tls && tls) {
    copyFileSync(options.tls.cert, tls.cert);
    copyFileSync(options.tls.key, tls.key);
    chmodSync(tls.key, 0o600);
  }
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
    if (tls) for (const f of [tls.cert, tls.key]) chownSync(f, uid, gid);
  }
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, PG_PASSWORD + '\n', { mode: 0o600 });
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres', pwfile]);
  const [cmd, ...rest] = asServerUser([
    join(bin, 'initdb'),
    '-D',
    data,
    '-U',
    user,
    `--pwfile=${pwfile}`,
    '--auth-host=scram-sha-256',
    '--auth-local=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const init = spawnSync(cmd, rest, { encoding: 'utf8', cwd: dir });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  const port = await freePort();
  const args = [
    join(bin, 'postgres'),
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'full_page_writes=off',
  ];
  if (tls) args.push('-c', 'ssl=on', '-c', `ssl_cert_file=${tls.cert}`, '-c', `ssl_key_file=${tls.key}`);
  const log = join(dir, 'postgres.log');
  const logFd = openSync(log, 'w');
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres', log]);
  // The watchdog: start the server; a background reader of stdin stops the postmaster (fast
  // shutdown, SIGINT) at end-of-file; when the server exits, for whatever reason, the dir goes too.
  const pidFile = quote(join(data, 'postmaster.pid'));
  const script =
    `exec 3<&0; ${asServerUser(args).map(quote).join(' ')} & child=$!; ` +
    `( cat <&3 >/dev/null; pid=$(head -1 ${pidFile} 2>/dev/null); kill -INT \${pid:-$child} 2>/dev/null ) & ` +
    `wait $child; rm -rf ${quote(dir)}`;
  const watchdog: ChildProcess = spawn('sh', ['-c', script], { stdio: ['pipe', 'ignore', logFd] });
  closeSync(logFd);
  const exited = new Promise<void>((r) => watchdog.once('exit', () => r()));
  const tail = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' | ') : '');
  const uri = `postgres://${user}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${database}`;
  const stop = async () => {
    watchdog.stdin?.end();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };

  const admin = (db: string) => new pg.Client({ host: '127.0.0.1', port, user, password: PG_PASSWORD, database: db, connectionTimeoutMillis: 2000 });
  const started = Date.now();
  for (;;) {
    if (watchdog.exitCode !== null) {
      const why = tail();
      await stop();
      throw new Error(`postgres exited (${why})`);
    }
    const c = admin('postgres');
    const ok = await c.connect().then(
      () => true,
      () => false,
    );
    if (ok) {
      await c.query(`CREATE DATABASE ${database}`);
      await c.end();
      break;
    }
    if (Date.now() - started > 30_000) {
      await stop();
      throw new Error(`postgres was not ready within 30 s (${tail()})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password: PG_PASSWORD,
    database,
    uri,
    async sql(text, values) {
      const c = admin(database);
      await c.connect();
      try {
        return (await c.query(text, values)).rows as Record<string, unknown>[];
      } finally {
        await c.end();
      }
    },
    stop,
  };
}
