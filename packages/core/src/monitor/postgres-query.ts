/**
 * What the production-query input may be, and the SQL that applies a window around it. Only a
 * table name or one SELECT (or WITH … SELECT) is run, inside a READ ONLY transaction: the monitor
 * never changes the database. Window bounds are always parameters, never text in the SQL.
 */
import { InputError } from '../shared/errors.js';

/** `schema.table` or `table`, unquoted: PostgreSQL folds such names to lower case, and so does this. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)?$/;

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The query as the inside of `SELECT * FROM (…) AS q`. */
export function subquery(query: string | undefined, input: string): string {
  const q = (query ?? '').trim();
  if (q === '') {
    throw new InputError(`PostgreSQL production data needs input '${input}': a table name (e.g. predictions) or a SELECT statement.`, { input });
  }
  if (TABLE_NAME.test(q))
    return `SELECT * FROM ${q
      .split('.')
      .map((p) => quoteIdentifier(p.toLowerCase()))
      .join('.')}`;
  const body = q.replace(/;\s*$/, '');
  const first = /^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(body)?.[1]?.toUpperCase();
  if ((first !== 'SELECT' && first !== 'WITH') || body.includes(';')) {
    throw new InputError(
      `Input '${input}' is '${oneLine(q)}', which modelci does not run: give a table name or one SELECT (or WITH … SELECT) statement; the monitor only reads.`,
      { input },
    );
  }
  // On lines of its own, so a trailing -- comment cannot swallow the window around it.
  return `\n${body}\n`;
}

export type TimeKind = 'instant' | 'number' | 'text';

/**
 * The WHERE clause for the time column. Instants compare as timestamptz (timestamp and date read
 * as UTC: the session's time zone is UTC). Numbers are epoch seconds below 1e11 in magnitude and
 * epoch ms above (see epoch-ms.ts): two ranges, each usable with an index on the column. Text is
 * cast to timestamptz.
 */
export function windowCondition(timeColumn: string, kind: TimeKind): string {
  const t = `q.${quoteIdentifier(timeColumn)}`;
  switch (kind) {
    case 'instant':
      return `${t} >= $1::timestamptz AND ${t} < $2::timestamptz`;
    case 'text':
      return `${t}::timestamptz >= $1::timestamptz AND ${t}::timestamptz < $2::timestamptz`;
    case 'number':
      return (
        `((${t} >= $1::float8 AND ${t} < $2::float8 AND ${t} > -1e11 AND ${t} < 1e11)` +
        ` OR (${t} >= $3::float8 AND ${t} < $4::float8 AND (${t} >= 1e11 OR ${t} <= -1e11)))`
      );
  }
}

/** The parameters windowCondition's SQL takes, for a window of epoch ms. */
export function windowParameters(kind: TimeKind, startMs: number, endMs: number): unknown[] {
  return kind === 'number' ? [startMs / 1000, endMs / 1000, startMs, endMs] : [new Date(startMs).toISOString(), new Date(endMs).toISOString()];
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
