// The monitor's PostgreSQL source against Debian's PostgreSQL started here (test/helpers/postgres.ts),
// holding 5,000 real flights of vega-datasets. Every window's rows are checked against the same
// window computed independently on the raw rows; every failure against its sentence, and no
// message may ever hold the password.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProductionSource } from '../../packages/core/src/monitor/open-production-source.js';
import { PostgresProductionSource } from '../../packages/core/src/monitor/postgres-source.js';
import type { ProductionSourceSpec, TimeWindow } from '../../packages/core/src/monitor/production-source.js';
import type { Table } from '../../packages/core/src/data/table.js';
import { splitWindow } from '../../packages/core/src/monitor/time-window.js';
import { InputError, ServiceError } from '../../packages/core/src/shared/errors.js';
import { cat, inputError, num } from '../../packages/core/test/data/helpers.js';
import { flights, inWindow, iso, type Flight } from '../../packages/core/test/monitor/flights-rows.js';
import { freePort } from '../helpers/docker-registry.js';
import { PG_PASSWORD, startPostgres, type RunningPostgres } from '../helpers/postgres.js';
import { serviceError } from '../helpers/service-error.js';

const ROWS = flights('flights-5k.json');
const W: TimeWindow = { start: new Date('2001-01-05T13:00:00Z'), end: new Date('2001-01-12T07:30:00Z') };
const WANT = inWindow(ROWS, W.start, W.end);
const DAY_MS = 86_400_000;

let db: RunningPostgres;
/** Every message any source gave in this file: none may hold the password. */
const messages: string[] = [];

async function load(server: RunningPostgres): Promise<void> {
  await server.sql(`CREATE TABLE flights (
    id integer PRIMARY KEY, ts timestamptz, ts_local timestamp, day date, epoch_s bigint, epoch_ms bigint, ts_text text,
    delay integer, distance double precision, origin text, destination varchar(3), late boolean)`);
  for (let at = 0; at < ROWS.length; at += 500) {
    const chunk = ROWS.slice(at, at + 500);
    const values: unknown[] = [];
    const tuples = chunk.map((r, i) => {
      const t = iso(r.ms);
      values.push(
        at + i,
        t,
        t.replace('T', ' ').replace('Z', ''),
        t.slice(0, 10),
        r.ms / 1000,
        r.ms,
        t,
        r.delay,
        r.distance,
        r.origin,
        r.destination,
        r.delay > 15,
      );
      return `(${Array.from({ length: 12 }, (_, k) => `$${i * 12 + k + 1}`).join(', ')})`;
    });
    await server.sql(`INSERT INTO flights VALUES ${tuples.join(', ')}`, values);
  }
}

beforeAll(async () => {
  db = await startPostgres();
  await load(db);
});
afterAll(async () => {
  await db?.stop();
});

async function read(spec: Partial<ProductionSourceSpec>, window = W, fetchRows?: number): Promise<Awaited<ReturnType<PostgresProductionSource['read']>>> {
  const source = new PostgresProductionSource({ location: db.uri, timeColumn: 'ts', query: 'flights', ...spec }, { fetchRows });
  try {
    return await source.read(window);
  } finally {
    await source.close();
  }
}

async function failure<E extends InputError | ServiceError>(kind: 'input' | 'service', spec: Partial<ProductionSourceSpec>): Promise<E> {
  const p = (async () => {
    const source = new PostgresProductionSource({ location: db.uri, timeColumn: 'ts', query: 'flights', ...spec });
    try {
      return await source.read(W);
    } finally {
      await source.close();
    }
  })();
  const e = (kind === 'input' ? await inputError(p) : await serviceError(p)) as E;
  messages.push(e.message, e instanceof ServiceError ? e.service : '');
  return e;
}

function expectRows(table: Table, want: Flight[], timeColumn = 'ts'): void {
  expect(table.rowCount).toBe(want.length);
  const time = num(table, timeColumn);
  expect(time.unit).toBe('epoch-ms');
  expect([...time.values].sort((a, b) => a - b)).toEqual(want.map((r) => r.ms).sort((a, b) => a - b));
  expect([...num(table, 'delay').values].reduce((s, v) => s + v, 0)).toBe(want.reduce((s, r) => s + r.delay, 0));
  const origin = cat(table, 'origin');
  expect([...origin.codes].map((c) => origin.categories[c]).sort()).toEqual(want.map((r) => r.origin).sort());
}

describe('the PostgreSQL production source', () => {
  test('a table name: exactly the rows of the window, each column of the kind its type says', async () => {
    const source = openProductionSource({ location: db.uri, timeColumn: 'ts', query: 'Flights' });
    expect(source).toBeInstanceOf(PostgresProductionSource);
    expect(source.description).toBe(`postgres://127.0.0.1:${db.port}/production`);
    const batch = await source.read(W);
    await source.close();
    expect(WANT.length).toBeGreaterThan(300);
    expectRows(batch.table, WANT);
    expect(batch.rowsWithoutTime).toBe(0);
    expect(batch.source).toBe(source.description);
    expect(batch.table.columns.map((c) => [c.name, c.kind, c.kind === 'numeric' ? (c.unit ?? '') : ''])).toEqual([
      ['id', 'numeric', ''],
      ['ts', 'numeric', 'epoch-ms'],
      ['ts_local', 'numeric', 'epoch-ms'],
      ['day', 'numeric', 'epoch-ms'],
      ['epoch_s', 'numeric', ''],
      ['epoch_ms', 'numeric', ''],
      ['ts_text', 'categorical', ''],
      ['delay', 'numeric', ''],
      ['distance', 'numeric', ''],
      ['origin', 'categorical', ''],
      ['destination', 'categorical', ''],
      ['late', 'categorical', ''],
    ]);
    expect([...num(batch.table, 'ts_local').values]).toEqual([...num(batch.table, 'ts').values]);
    expect(cat(batch.table, 'late').categories.sort()).toEqual(['false', 'true']);
    const late = cat(batch.table, 'late');
    expect([...late.codes].filter((c) => late.categories[c] === 'true').length).toBe(WANT.filter((r) => r.delay > 15).length);
  });

  test.each(['ts_local', 'epoch_s', 'epoch_ms', 'ts_text'])(
    'time column %s (timestamp, epoch seconds, epoch ms, ISO text): the same rows, as epoch ms',
    async (timeColumn) => {
      const batch = await read({ timeColumn });
      expectRows(batch.table, WANT, timeColumn);
    },
  );

  test('a date column: whole days, compared as UTC midnights', async () => {
    const batch = await read({ timeColumn: 'day' });
    const want = ROWS.filter((r) => {
      const midnight = Math.floor(r.ms / DAY_MS) * DAY_MS;
      return midnight >= W.start.getTime() && midnight < W.end.getTime();
    });
    expect(batch.table.rowCount).toBe(want.length);
    expect(new Set(num(batch.table, 'day').values).size).toBe(7);
  });

  test('a SELECT with its own filter and a trailing comment, read in many small batches', async () => {
    const query = "SELECT ts, delay, origin FROM flights WHERE origin = 'LAX' -- only Los Angeles";
    const batch = await read({ query }, W, 7);
    expectRows(
      batch.table,
      WANT.filter((r) => r.origin === 'LAX'),
    );
    const all = await read({ query: 'flights' }, { start: new Date('2000-01-01Z'), end: new Date('2002-01-01Z') }, 333);
    expectRows(all.table, ROWS);
  });

  test('one source, the window split by day: each piece exact, the pieces adding up to the whole', async () => {
    const source = openProductionSource({ location: db.uri, timeColumn: 'epoch_s', query: 'flights' });
    try {
      const pieces = splitWindow(W, DAY_MS);
      expect(pieces).toHaveLength(8);
      let total = 0;
      for (const piece of pieces) {
        const batch = await source.read(piece);
        expectRows(batch.table, inWindow(ROWS, piece.start, piece.end), 'epoch_s');
        total += batch.table.rowCount;
      }
      expect(total).toBe(WANT.length);
      const connections = await db.sql("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'modelci-monitor'");
      expect(connections).toEqual([{ n: 1 }]);
    } finally {
      await source.close();
    }
  });

  test('include keeps the time column and the named ones; kinds force a kind, as for files', async () => {
    const source = new PostgresProductionSource({ location: db.uri, timeColumn: 'ts', query: 'flights' });
    try {
      const kinds = new Map([
        ['distance', 'categorical' as const],
        ['origin', 'numeric' as const],
      ]);
      const batch = await source.read(W, { include: (n) => ['delay', 'distance', 'origin'].includes(n), kinds });
      expect(batch.table.columns.map((c) => [c.name, c.kind])).toEqual([
        ['ts', 'numeric'],
        ['delay', 'numeric'],
        ['distance', 'categorical'],
        ['origin', 'numeric'],
      ]);
      const distance = cat(batch.table, 'distance');
      expect([...distance.codes].map((c) => distance.categories[c]).sort()).toEqual(WANT.map((r) => String(r.distance)).sort());
      expect([num(batch.table, 'origin').textCells, num(batch.table, 'origin').missing]).toEqual([WANT.length, 0]);
    } finally {
      await source.close();
    }
  });

  test('a connection the server ends between reads: at most one retryable failure, then the source reconnects', async () => {
    const source = new PostgresProductionSource({ location: db.uri, timeColumn: 'ts', query: 'flights' });
    try {
      expect((await source.read(W)).table.rowCount).toBe(WANT.length);
      await db.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'modelci-monitor'");
      const next = await source.read(W).catch((e: Error) => e);
      if (next instanceof Error) {
        expect(next).toBeInstanceOf(ServiceError);
        expect(next instanceof ServiceError && next.retryable).toBe(true);
        messages.push(next.message);
      } else expect(next.table.rowCount).toBe(WANT.length);
      expect((await source.read(W)).table.rowCount).toBe(WANT.length);
    } finally {
      await source.close();
    }
  });

  test('a window with no rows: an empty table with the columns and their kinds', async () => {
    const batch = await read({}, { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-02T00:00:00Z') });
    expect(batch.table.rowCount).toBe(0);
    expect(num(batch.table, 'ts').values.length).toBe(0);
    expect(cat(batch.table, 'origin').codes.length).toBe(0);
  });

  test('text that is no ISO-8601 time yet PostgreSQL reads is kept, and counted', async () => {
    await db.sql(`CREATE TABLE odd AS SELECT ts, delay, origin, to_char(ts AT TIME ZONE 'UTC', 'YYYY/MM/DD HH24:MI') AS ts_text FROM flights`);
    const batch = await read({ query: 'odd', timeColumn: 'ts_text' });
    expect(batch.table.rowCount).toBe(WANT.length);
    expect(batch.rowsWithoutTime).toBe(WANT.length);
  });
});

describe('the PostgreSQL source: every failure in one sentence, the password never in it', () => {
  test('connection refused: the service, retryable', async () => {
    const port = await freePort();
    const e = await failure<ServiceError>('service', { location: `postgres://modelci:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/production` });
    expect(e.retryable).toBe(true);
    expect(e.message).toBe(`postgres://127.0.0.1:${port}/production cannot be reached (ECONNREFUSED); check that PostgreSQL listens there and try again.`);
    expect(e.service).toBe(`the PostgreSQL database postgres://127.0.0.1:${port}/production`);
  });

  test('an unknown host: retryable, names the input', async () => {
    const e = await failure<ServiceError>('service', {
      location: `postgres://modelci:${encodeURIComponent(PG_PASSWORD)}@no-such-host.invalid:5432/production`,
    });
    expect(e.retryable).toBe(true);
    expect(e.message).toMatch(
      /^postgres:\/\/no-such-host\.invalid:5432\/production cannot be reached: its host name does not resolve \((ENOTFOUND|EAI_AGAIN)\); check the host in input 'production-data', or try again\.$/,
    );
  });

  test('a wrong password: not retryable, neither password shown (raw @ and : in the URI too)', async () => {
    const wrong = 'wr0ng@pass:word';
    const e = await failure<ServiceError>('service', { location: `postgresql://modelci:${wrong}@127.0.0.1:${db.port}/production` });
    messages.push(e.message);
    expect(e.retryable).toBe(false);
    expect(e.message).toBe(
      `postgres://127.0.0.1:${db.port}/production refused the login of user 'modelci' (authentication failed); check the user and password in input 'production-data' (retrying will not help).`,
    );
    expect(e.message).not.toContain(wrong);
    expect(e.message).not.toContain('pass:word');
  });

  test('a URI that does not parse: a sentence that does not echo it (where would the password end?)', async () => {
    const e = await inputError(
      Promise.resolve().then(
        () => new PostgresProductionSource({ location: `postgres://modelci:${PG_PASSWORD}@127.0.0.1:${db.port}/x`, timeColumn: 'ts', query: 't' }),
      ),
    );
    messages.push(e.message);
    expect(e.message).toBe(
      "Input 'production-data' is not a URI PostgreSQL reads; write postgres://user:password@host:5432/database, percent-encoding any '/', '?' or '#' in the password.",
    );
  });

  test('a database that does not exist', async () => {
    const e = await failure<InputError>('input', { location: db.uri.replace(/\/production$/, '/nodb') });
    expect(e.message).toBe(
      `postgres://127.0.0.1:${db.port}/nodb does not exist on the server (database "nodb" does not exist); check the database name in input 'production-data'.`,
    );
  });

  test('a table that does not exist, a column that does not, a syntax error: InputErrors naming the query input', async () => {
    expect((await failure<InputError>('input', { query: 'flight' })).message).toBe(
      `Input 'production-query' reads a table postgres://127.0.0.1:${db.port}/production does not have (relation "flight" does not exist); check the table name and its schema.`,
    );
    expect((await failure<InputError>('input', { query: 'SELECT ts, nope FROM flights' })).message).toBe(
      `Input 'production-query' uses a column the table does not have (column "nope" does not exist); check the column names in the query.`,
    );
    const syntax = await failure<InputError>('input', { query: 'SELECT ts FORM flights' });
    expect(syntax.message).toBe(
      `Input 'production-query' is not a query PostgreSQL runs: syntax error at or near "flights" at character 16 of the query; fix the statement, or give a table name.`,
    );
    expect(syntax.where.input).toBe('production-query');
  });

  test('a time column the rows lack, or one that holds no times', async () => {
    expect((await failure<InputError>('input', { timeColumn: 'tss' })).message).toBe(
      `Input 'time-column' is 'tss', but the rows of input 'production-query' have no such column (did you mean 'ts'?); their columns are 'id', 'ts', 'ts_local', 'day', 'epoch_s', 'epoch_ms', 'ts_text', 'delay', 'distance', 'origin', 'destination', 'late'.`,
    );
    expect((await failure<InputError>('input', { timeColumn: 'late' })).message).toMatch(
      /^Input 'time-column' names column 'late', which holds neither times nor numbers/,
    );
  });

  test('anything but a table name or a SELECT is refused, and nothing is changed', async () => {
    for (const query of ['DELETE FROM flights', 'SELECT 1; DROP TABLE flights', 'UPDATE flights SET delay = 0']) {
      const e = await inputError(Promise.resolve().then(() => new PostgresProductionSource({ location: db.uri, timeColumn: 'ts', query })));
      messages.push(e.message);
      expect(e.message).toMatch(
        /^Input 'production-query' is '.*', which modelci does not run: give a table name or one SELECT \(or WITH … SELECT\) statement; the monitor only reads\.$/,
      );
    }
    // A data-modifying WITH is valid SQL that looks like a read: the server refuses it.
    const e = await failure<InputError>('input', { query: 'WITH gone AS (DELETE FROM flights RETURNING *) SELECT * FROM gone' });
    expect(e.message).toBe(
      "Input 'production-query' is not a query PostgreSQL runs: WITH clause containing a data-modifying statement must be at the top level at character 6 of the query; fix the statement, or give a table name.",
    );
    expect(await db.sql('SELECT count(*)::int AS n FROM flights')).toEqual([{ n: ROWS.length }]);
  });

  test('the statement timeout: the server cancels, retryable', async () => {
    const e = await failure<ServiceError>('service', { query: 'SELECT *, pg_sleep(0.05)::text AS z FROM flights', statementTimeoutMs: 200 });
    expect(e.retryable).toBe(true);
    expect(e.message).toBe(
      `postgres://127.0.0.1:${db.port}/production cancelled the query after the statement timeout of 0.2 s; narrow the window, index the time column, or try again.`,
    );
  });

  test('an abort signal ends the read with its reason; the source reads the next window afresh', async () => {
    // One second of sleep per query, before any row: the abort lands while the server works.
    const query = 'SELECT f.*, s.z FROM flights f, (SELECT pg_sleep(1)::text AS z) s';
    const source = new PostgresProductionSource({ location: db.uri, timeColumn: 'ts', query });
    const controller = new AbortController();
    const reading = source.read(W, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 300);
    await expect(reading).rejects.toThrow('cancelled by the test');
    expectRows((await source.read(W)).table, WANT);
    await source.close();
  });
});

describe('the PostgreSQL source over TLS (sslmode)', () => {
  let tls: RunningPostgres;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'modelci-pg-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = await startPostgres({ tls: { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') } });
    await tls.sql('CREATE TABLE t (ts timestamptz, x integer)');
    await tls.sql("INSERT INTO t VALUES ('2001-01-06T00:00Z', 1), ('2001-01-07T00:00Z', 2), ('2001-02-01T00:00Z', 3)");
  });
  afterAll(async () => {
    await tls?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  // Each row says whether its own connection is encrypted (pg_stat_ssl of the backend serving it).
  const readTls = (params: string) => {
    const query = 'SELECT ts, x, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS encrypted FROM t';
    const source = new PostgresProductionSource({ location: `${tls.uri}?${params}`, timeColumn: 'ts', query });
    return source.read(W).finally(() => source.close());
  };
  const encrypted = (t: Table) => cat(t, 'encrypted').categories;

  test('require encrypts; verify-full with the CA checks the certificate and the host', async () => {
    const required = await readTls('sslmode=require');
    expect(required.table.rowCount).toBe(2);
    expect(encrypted(required.table)).toEqual(['true']);
    const verified = await readTls(`sslmode=verify-full&sslrootcert=${join(dir, 'cert.pem')}`);
    expect(verified.table.rowCount).toBe(2);
    expect(encrypted(verified.table)).toEqual(['true']);
    expect(encrypted((await readTls('sslmode=prefer')).table)).toEqual(['true']);
    expect(encrypted((await readTls('sslmode=disable')).table)).toEqual(['false']);
  });

  test('verify-full without the CA: a sentence, not retryable', async () => {
    const e = await serviceError(readTls('sslmode=verify-full'));
    messages.push(e.message);
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(
      /presented a TLS certificate that cannot be verified \(.*\); give its CA with sslrootcert=<file>, or use sslmode=require to encrypt without verifying\.$/,
    );
  });

  test('require against a server without TLS: a sentence; prefer falls back to plain', async () => {
    const source = new PostgresProductionSource({ location: `${db.uri}?sslmode=require`, timeColumn: 'ts', query: 'flights' });
    const e = await serviceError(source.read(W).finally(() => source.close()));
    messages.push(e.message);
    expect(e.message).toBe(
      `postgres://127.0.0.1:${db.port}/production does not accept TLS connections, which sslmode asks for; set sslmode=disable or prefer in input 'production-data', or turn on ssl in the server.`,
    );
    expect((await read({ location: `${db.uri}?sslmode=prefer` })).table.rowCount).toBe(WANT.length);
    expect((await read({ location: `${db.uri}?sslmode=disable` })).table.rowCount).toBe(WANT.length);
  });
});

// Last in the file: every message gathered above, the service names with them.
test('no message any failure gave held the password, raw or percent-encoded', () => {
  expect(messages.length).toBeGreaterThan(15);
  for (const m of messages) {
    expect(m).not.toContain(PG_PASSWORD);
    expect(m).not.toContain(encodeURIComponent(PG_PASSWORD));
    expect(m).not.toContain('s3cr');
  }
});
