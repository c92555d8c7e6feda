/**
 * What went wrong talking to PostgreSQL, as one sentence: the server unreachable or overloaded
 * (ServiceError, retrying helps), authentication or TLS refused (ServiceError, it does not), the
 * query naming what the database lacks or not parsing (InputError naming the input). The password
 * never appears: every message is built from the redacted address and scrubbed once more.
 */
import { InputError, ServiceError } from '../shared/errors.js';
import { REDACTED } from '../shared/redact-uri.js';

export interface PostgresErrorContext {
  /** postgres://host:port/database, no credentials. */
  description: string;
  password: string | undefined;
  user: string | undefined;
  inputs: { location: string; query: string };
  /** The user's query, and where it starts in the SQL sent, to point at a syntax error. */
  query: string;
  queryOffset: number;
  statementTimeoutMs: number;
  connectTimeoutMs: number;
}

const RETRYABLE_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|DEPTH_ZERO/;

export function postgresError(e: unknown, ctx: PostgresErrorContext): Error {
  const mapped = classify(e, ctx);
  const scrub = (s: string) => (ctx.password ? s.split(ctx.password).join(REDACTED).split(encodeURIComponent(ctx.password)).join(REDACTED) : s);
  if (mapped instanceof ServiceError) return new ServiceError(mapped.service, scrub(mapped.message), { retryable: mapped.retryable });
  if (mapped instanceof InputError) return new InputError(scrub(mapped.message), mapped.where);
  return mapped;
}

function classify(e: unknown, ctx: PostgresErrorContext): Error {
  const err = e as { code?: string; message?: string; position?: string; hostname?: string };
  const code = typeof err?.code === 'string' ? err.code : '';
  const text = typeof err?.message === 'string' ? err.message : String(e);
  const db = ctx.description;
  const service = `the PostgreSQL database ${db}`;
  const retry = (message: string) => new ServiceError(service, message, { retryable: true });
  const fatal = (message: string) => new ServiceError(service, message, { retryable: false });
  const input = (message: string, which: 'location' | 'query') => new InputError(message, { input: ctx.inputs[which] });

  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return retry(`${db} cannot be reached: its host name does not resolve (${code}); check the host in input '${ctx.inputs.location}', or try again.`);
  if (RETRYABLE_NETWORK.has(code)) return retry(`${db} cannot be reached (${code}); check that PostgreSQL listens there and try again.`);
  if (/connection timeout|timeout expired/i.test(text)) return retry(`${db} did not accept a connection within ${ctx.connectTimeoutMs / 1000} s; try again.`);
  if (/Connection terminated unexpectedly|not queryable|Connection terminated/i.test(text))
    return retry(`${db} closed the connection unexpectedly; try again.`);
  if (/does not support SSL/i.test(text))
    return fatal(
      `${db} does not accept TLS connections, which sslmode asks for; set sslmode=disable or prefer in input '${ctx.inputs.location}', or turn on ssl in the server.`,
    );
  if (TLS_CODES.test(code) || /certificate/i.test(text))
    return fatal(
      `${db} presented a TLS certificate that cannot be verified (${code || text}); give its CA with sslrootcert=<file>, or use sslmode=require to encrypt without verifying.`,
    );
  switch (code) {
    case '28P01':
    case '28000':
      return fatal(
        `${db} refused the login of user '${ctx.user ?? ''}' (authentication failed); check the user and password in input '${ctx.inputs.location}' (retrying will not help).`,
      );
    case '3D000':
      return input(`${db} does not exist on the server (${text}); check the database name in input '${ctx.inputs.location}'.`, 'location');
    case '42P01':
      return input(`Input '${ctx.inputs.query}' reads a table ${db} does not have (${text}); check the table name and its schema.`, 'query');
    case '42703':
      return input(`Input '${ctx.inputs.query}' uses a column the table does not have (${text}); check the column names in the query.`, 'query');
    case '42601':
    case '0A000':
    case '42804':
    case '42883':
    case '42702': {
      const at = Number(err.position) - ctx.queryOffset;
      const where = Number.isFinite(at) && at >= 1 && at <= ctx.query.length ? ` at character ${at} of the query` : '';
      return input(`Input '${ctx.inputs.query}' is not a query PostgreSQL runs: ${text}${where}; fix the statement, or give a table name.`, 'query');
    }
    case '22007':
    case '22008':
      return input(
        `The time column holds text PostgreSQL cannot read as a time (${text}); store it as timestamptz or epoch numbers, or convert it in input '${ctx.inputs.query}'.`,
        'query',
      );
    case '25006':
      return input(`Input '${ctx.inputs.query}' tries to change the database (${text}); the monitor only reads: give a SELECT or a table name.`, 'query');
    case '42501':
      return fatal(`${db} does not let user '${ctx.user ?? ''}' read what input '${ctx.inputs.query}' asks (${text}); GRANT SELECT on it to that user.`);
    case '57014':
      return retry(
        `${db} cancelled the query after the statement timeout of ${ctx.statementTimeoutMs / 1000} s; narrow the window, index the time column, or try again.`,
      );
    case '53300':
    case '57P01':
    case '57P02':
    case '57P03':
    case '40001':
    case '40P01':
      return retry(`${db} could not serve the query now (${text}); try again.`);
  }
  if (/^[0-9A-Z]{5}$/.test(code)) return fatal(`${db} refused the query (${code}: ${text}).`);
  return e instanceof Error ? e : new Error(text);
}
