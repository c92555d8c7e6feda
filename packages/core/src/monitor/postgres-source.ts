/**
 * Production data in PostgreSQL: a table or a SELECT, with the window applied around it as
 * `SELECT * FROM (<query>) AS q WHERE <time in window>` with the bounds as parameters. Rows come
 * through a server-side cursor, a batch at a time, into typed-array columns (postgres-columns.ts),
 * inside a READ ONLY transaction whose time zone is UTC.
 */
import pg from 'pg';
import { closestName } from '../shared/closest-name.js';
import { InputError } from '../shared/errors.js';
import { ResultColumns, timeKindOf } from './postgres-columns.js';
import { parsePostgresUri, type PostgresTarget } from './postgres-connection.js';
import { postgresError, type PostgresErrorContext } from './postgres-errors.js';
import { subquery, windowCondition, windowParameters } from './postgres-query.js';
import type { ProductionBatch, ProductionReadOptions, ProductionSource, ProductionSourceSpec, TimeWindow } from './production-source.js';

/** Rows per FETCH: the only rows held as JS values at once. */
export const FETCH_ROWS = 10_000;
const PREFIX = 'SELECT * FROM (';

export class PostgresProductionSource implements ProductionSource {
  readonly description: string;
  private readonly target: PostgresTarget;
  private readonly inner: string;
  private readonly inputs: { location: string; query: string; timeColumn: string };
  private readonly connectMs: number;
  private readonly statementMs: number;
  private client: pg.Client | undefined;
  private readonly fetchRows: number;

  /** `fetchRows`: rows per FETCH (tests make it small to cross batch boundaries). */
  constructor(
    private readonly spec: ProductionSourceSpec,
    options: { fetchRows?: number } = {},
  ) {
    this.fetchRows = options.fetchRows ?? FETCH_ROWS;
    this.inputs = {
      location: spec.inputs?.location ?? 'production-data',
      query: spec.inputs?.query ?? 'production-query',
      timeColumn: spec.inputs?.timeColumn ?? 'time-column',
    };
    this.connectMs = spec.connectTimeoutMs ?? 10_000;
    this.statementMs = spec.statementTimeoutMs ?? 300_000;
    this.target = parsePostgresUri(spec.location, this.inputs.location, { connectMs: this.connectMs, statementMs: this.statementMs });
    this.description = this.target.description;
    this.inner = subquery(spec.query, this.inputs.query);
  }

  async read(window: TimeWindow, options: ProductionReadOptions = {}): Promise<ProductionBatch> {
    const { signal } = options;
    signal?.throwIfAborted();
    const ctx = this.errorContext();
    let client: pg.Client | undefined;
    const onAbort = () => void this.drop();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      client = await this.connect();
      await client.query("BEGIN READ ONLY; SET LOCAL TimeZone = 'UTC'");
      const probe = await client.query({ text: `${PREFIX}${this.inner}) AS q LIMIT 0`, rowMode: 'array' });
      const fields = probe.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
      const kind = this.timeKind(fields);
      const sql = `DECLARE modelci_rows NO SCROLL CURSOR FOR ${PREFIX}${this.inner}) AS q WHERE ${windowCondition(this.spec.timeColumn, kind)}`;
      await client.query(sql, windowParameters(kind, window.start.getTime(), window.end.getTime()));
      const columns = new ResultColumns(fields, this.spec.timeColumn, options);
      for (;;) {
        signal?.throwIfAborted();
        const batch = await client.query<string[]>({ text: `FETCH ${this.fetchRows} FROM modelci_rows`, rowMode: 'array' });
        columns.push(batch.rows as unknown as (string | null)[][]);
        if (batch.rows.length < this.fetchRows) break;
      }
      await client.query('COMMIT');
      const { table, rowsWithoutTime } = columns.finish();
      return { table, window, source: this.description, rowsWithoutTime };
    } catch (e) {
      if (signal?.aborted) {
        // The connection may be mid-transaction (an abort while connecting): never reuse it.
        await this.drop();
        throw signal.reason instanceof Error ? signal.reason : new Error('The read was cancelled.');
      }
      // A statement the server refused leaves a usable connection (after ROLLBACK); anything else may not.
      const refused = /^[0-9A-Z]{5}$/.test(String((e as { code?: unknown })?.code));
      if (client && refused) await client.query('ROLLBACK').catch(() => this.drop());
      else await this.drop();
      throw e instanceof InputError ? e : postgresError(e, ctx);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    await this.drop();
  }

  /** The time column's kind, or one sentence when the result lacks it or it holds no times. */
  private timeKind(fields: Array<{ name: string; dataTypeID: number }>) {
    const names = fields.map((f) => f.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) {
      throw new InputError(`Input '${this.inputs.query}' returns two columns named '${dup}'; give them different names (AS …).`, { input: this.inputs.query });
    }
    const field = fields.find((f) => f.name === this.spec.timeColumn);
    if (!field) {
      const near = closestName(this.spec.timeColumn, names);
      throw new InputError(
        `Input '${this.inputs.timeColumn}' is '${this.spec.timeColumn}', but the rows of input '${this.inputs.query}' have no such column${near ? ` (did you mean '${near}'?)` : ''}; their columns are ${names.map((n) => `'${n}'`).join(', ')}.`,
        { input: this.inputs.timeColumn },
      );
    }
    const kind = timeKindOf(field.dataTypeID);
    if (!kind) {
      throw new InputError(
        `Input '${this.inputs.timeColumn}' names column '${field.name}', which holds neither times nor numbers (type OID ${field.dataTypeID}); use a timestamptz, timestamp, date, epoch-number or ISO-8601 text column.`,
        { input: this.inputs.timeColumn },
      );
    }
    return kind;
  }

  /** One connection per source, kept for the next window; TLS as sslmode says (prefer: TLS, else plain). */
  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    let last: unknown;
    for (const ssl of this.target.sslAttempts) {
      const client = new pg.Client({ ...this.target.config, ssl });
      client.on('error', () => {
        // A connection lost between reads: the next read reconnects.
        if (this.client === client) this.client = undefined;
      });
      try {
        await client.connect();
        this.client = client;
        return client;
      } catch (e) {
        last = e;
        await client.end().catch(() => undefined);
        const tlsRefused = /does not support SSL/i.test(String((e as Error)?.message));
        if (!(tlsRefused && ssl !== false) && !(ssl === false && /no pg_hba\.conf entry|SSL/i.test(String((e as Error)?.message)))) break;
      }
    }
    throw last;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private errorContext(): PostgresErrorContext {
    return {
      description: this.description,
      password: this.target.password,
      user: this.target.config.user,
      inputs: this.inputs,
      query: this.inner.trim(),
      queryOffset: PREFIX.length + (this.inner.startsWith('\n') ? 1 : 0),
      statementTimeoutMs: this.statementMs,
      connectTimeoutMs: this.connectMs,
    };
  }
}
