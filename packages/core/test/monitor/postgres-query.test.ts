// The production-query input's rules and the window's SQL, without a server (the integration test
// test/integration/postgres-source.test.ts runs them on a real PostgreSQL).
import { quoteIdentifier, subquery, windowCondition, windowParameters } from '../../src/monitor/postgres-query.js';
import { parsePostgresUri } from '../../src/monitor/postgres-connection.js';
import { InputError } from '../../src/shared/errors.js';

const T = { connectMs: 1000, statementMs: 2000 };

describe('the production-query input', () => {
  test('a table name is quoted (folded to lower case, as PostgreSQL folds unquoted names)', () => {
    expect(subquery('Flights', 'q')).toBe('SELECT * FROM "flights"');
    expect(subquery('logs.predictions', 'q')).toBe('SELECT * FROM "logs"."predictions"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  test('a SELECT or WITH, with comments first and one trailing semicolon, goes on lines of its own', () => {
    expect(subquery('select * from t;', 'q')).toBe('\nselect * from t\n');
    expect(subquery('-- recent\n/* all */ WITH x AS (SELECT 1) SELECT * FROM x', 'q')).toBe('\n-- recent\n/* all */ WITH x AS (SELECT 1) SELECT * FROM x\n');
  });

  test.each(['DROP TABLE t', 'SELECT 1; DELETE FROM t', 'INSERT INTO t VALUES (1)', 'flights; drop table x', 'COPY t TO STDOUT'])('%s is refused', (q) => {
    expect(() => subquery(q, 'production-query')).toThrow(InputError);
    expect(() => subquery(q, 'production-query')).toThrow(/which modelci does not run: give a table name or one SELECT/);
  });

  test('no query at all: what to give', () => {
    expect(() => subquery(undefined, 'production-query')).toThrow(
      new InputError("PostgreSQL production data needs input 'production-query': a table name (e.g. predictions) or a SELECT statement."),
    );
  });

  test('the window is parameters, never text: epoch numbers as two ranges, instants as timestamptz', () => {
    expect(windowCondition('t', 'instant')).toBe('q."t" >= $1::timestamptz AND q."t" < $2::timestamptz');
    expect(windowParameters('instant', 0, 3_600_000)).toEqual(['1970-01-01T00:00:00.000Z', '1970-01-01T01:00:00.000Z']);
    expect(windowCondition('t', 'number')).toContain('$4::float8');
    expect(windowParameters('number', 978_700_000_000, 978_703_600_000)).toEqual([978_700_000, 978_703_600, 978_700_000_000, 978_703_600_000]);
  });
});

describe('the postgres:// URI', () => {
  test('a password holding @ and : is read whole; the description has no credentials', () => {
    const t = parsePostgresUri('postgresql://app:p@ss:w0rd@db.internal:6543/prod?sslmode=require', 'production-data', T);
    expect([t.config.user, t.config.password, t.config.host, t.config.port, t.config.database]).toEqual(['app', 'p@ss:w0rd', 'db.internal', 6543, 'prod']);
    expect(t.description).toBe('postgres://db.internal:6543/prod');
    expect(t.sslAttempts).toEqual([{ rejectUnauthorized: false }]);
  });

  test('sslmode as libpq means it: prefer tries TLS then plain, disable never TLS; an unknown mode is refused', () => {
    expect(parsePostgresUri('postgres://u@h/d', 'i', T).sslAttempts).toEqual([{ rejectUnauthorized: false }, false]);
    expect(parsePostgresUri('postgres://u@h/d?sslmode=disable', 'i', T).sslAttempts).toEqual([false]);
    expect(() => parsePostgresUri('postgres://u@h/d?sslmode=on', 'production-data', T)).toThrow(
      new InputError("Input 'production-data' has sslmode=on; write one of disable, allow, prefer, require, verify-ca, verify-full."),
    );
  });
});
