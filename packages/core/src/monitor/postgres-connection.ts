/**
 * A postgres:// URI as libpq reads it, turned into pg's client settings: host, port, user,
 * password (percent-decoded; a password may hold '@' and ':'), database, and TLS per `sslmode`.
 */
import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import type { ConnectionOptions } from 'node:tls';
import { InputError } from '../shared/errors.js';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export interface PostgresTarget {
  /** pg's settings, without `ssl` (chosen per attempt, see sslAttempts). */
  config: ClientConfig;
  sslmode: SslMode;
  /** The TLS settings to try, in order: prefer tries TLS then plain, allow plain then TLS (as libpq). */
  sslAttempts: Array<false | ConnectionOptions>;
  /** postgres://host:port/database, no credentials: for messages. */
  description: string;
  password: string | undefined;
}

export function parsePostgresUri(location: string, input: string, timeouts: { connectMs: number; statementMs: number }): PostgresTarget {
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    // Not echoed: in a URI that does not parse, nothing says where a password ends.
    throw new InputError(
      `Input '${input}' is not a URI PostgreSQL reads; write postgres://user:password@host:5432/database, percent-encoding any '/', '?' or '#' in the password.`,
      { input },
    );
  }
  const params = url.searchParams;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const host = params.get('host') ?? (url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost');
  const port = Number(params.get('port') ?? (url.port || 5432));
  const user = params.get('user') ?? (decode(url.username) || undefined);
  const password = params.get('password') ?? (url.password === '' ? undefined : decode(url.password));
  const database = params.get('dbname') ?? (decode(url.pathname.replace(/^\//, '')) || user);
  const mode = (params.get('sslmode') ?? 'prefer') as SslMode;
  if (!SSL_MODES.includes(mode)) {
    throw new InputError(`Input '${input}' has sslmode=${mode}; write one of ${SSL_MODES.join(', ')}.`, { input });
  }
  const description = `postgres://${url.host || host}/${database ?? ''}`;
  const config: ClientConfig = {
    host,
    port,
    user,
    password,
    database,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    application_name: 'modelci-monitor',
    // Every value arrives as the server's text: columns are built from it by type (see postgres-columns.ts).
    types: { getTypeParser: () => (value: string) => value },
  };
  return { config, sslmode: mode, sslAttempts: sslAttempts(mode, params, input), description, password };
}

function sslAttempts(mode: SslMode, params: URLSearchParams, input: string): Array<false | ConnectionOptions> {
  const rootcert = params.get('sslrootcert');
  let ca: string | undefined;
  if (rootcert && rootcert !== 'system') {
    try {
      ca = readFileSync(rootcert, 'utf8');
    } catch {
      throw new InputError(`Input '${input}' has sslrootcert=${rootcert}, which cannot be read; give the path of the server's CA certificate (PEM).`, {
        input,
        file: rootcert,
      });
    }
  }
  // require: encrypted, certificate not checked (libpq's meaning); verify-ca: the chain only; verify-full: chain and host name.
  const encrypted: ConnectionOptions = { rejectUnauthorized: false };
  switch (mode) {
    case 'disable':
      return [false];
    case 'allow':
      return [false, encrypted];
    case 'prefer':
      return [encrypted, false];
    case 'require':
      return [encrypted];
    case 'verify-ca':
      return [{ rejectUnauthorized: true, ca, checkServerIdentity: () => undefined }];
    case 'verify-full':
      return [{ rejectUnauthorized: true, ca }]; // pg sends the host name as SNI and Node checks it (or the IP) against the certificate
  }
}
