import { compareToReference } from '../../src/drift/check-drift.js';
import { DEFAULT_DRIFT_OPTIONS, parseDriftOptions } from '../../src/drift/options.js';
import { referenceFromTable } from '../../src/drift/reference-from-table.js';
import { categorical, numeric, table } from '../helpers/tables.js';

const opts = DEFAULT_DRIFT_OPTIONS;
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('compareToReference', () => {
  test('a real shift with a large effect drifts; the reason carries the numbers', () => {
    const ref = referenceFromTable(
      table(
        numeric(
          'x',
          range(2000, (i) => (i % 100) / 10),
        ),
      ),
    );
    const cur = table(
      numeric(
        'x',
        range(2000, (i) => (i % 100) / 10 + 3),
      ),
    );
    const report = compareToReference(ref, cur, opts);
    const f = report.features[0];
    expect(f.status).toBe('drift');
    expect(f.test?.name).toBe('ks');
    expect(f.test?.statistic).toBeCloseTo(0.3, 10);
    expect(f.effect?.name).toBe('wasserstein');
    // Shifting by 3 moves every value by 3: W = 3, over the reference SD of 0..9.9 in steps of 0.1.
    const sd = Math.sqrt(range(100, (i) => i / 10).reduce((s, v) => s + (v - 4.95) ** 2, 0) / 100);
    expect(f.effect?.value).toBeCloseTo(3 / sd, 9);
    expect(f.reason).toMatch(/^Distribution changed: KS D = 0\.3, p = .* after Holm < 0\.05, Wasserstein = 1\.04 σ ≥ 0\.1\.$/);
    expect(report.verdict).toMatchObject({ drifted: true, failed: true, driftedFeatures: ['x'], driftShare: 1 });
  });

  test('a significant but tiny shift on many rows does not drift', () => {
    const n = 200_000;
    const ref = referenceFromTable(
      table(
        numeric(
          'x',
          range(n, (i) => (i * 7919) % 10_000),
        ),
      ),
    );
    const cur = table(
      numeric(
        'x',
        range(n, (i) => ((i * 7919) % 10_000) + 150),
      ),
    );
    const f = compareToReference(ref, cur, opts).features[0];
    expect(f.test!.pAdjusted).toBeLessThan(1e-6);
    expect(f.effect!.value).toBeLessThan(0.1);
    expect(f.status).toBe('ok');
    expect(f.reason).toMatch(/^Change is significant .* but small/);
  });

  test('categorical: unseen categories are named, the 2xK chi-square decides', () => {
    const ref = referenceFromTable(
      table(
        categorical(
          'c',
          range(600, (i) => ['a', 'b', 'c'][i % 3]),
        ),
      ),
    );
    const cur = table(
      categorical(
        'c',
        range(600, (i) => (i % 4 === 0 ? 'z' : ['a', 'b', 'c'][i % 3])),
      ),
    );
    const f = compareToReference(ref, cur, opts).features[0];
    expect(f.status).toBe('drift');
    expect(f.newCategories).toEqual([{ name: 'z', count: 150 }]);
    expect(f.test?.dof).toBe(3);
    expect(f.reason).toContain("unseen categories: 'z' (150)");
  });

  test('a change in the missing rate drifts even when the values do not', () => {
    const values = range(1000, (i) => i % 50);
    const ref = referenceFromTable(table(numeric('x', values)));
    const cur = table(
      numeric(
        'x',
        values.map((v, i) => (i % 5 === 0 ? null : v)),
      ),
    );
    const f = compareToReference(ref, cur, opts).features[0];
    expect(f.missing).toMatchObject({ reference: 0, current: 0.2, drifted: true });
    expect(f.status).toBe('drift');
    expect(f.reason).toContain('missing rate 0.0% → 20.0%');
  });

  test('a missing column is critical; a new one is reported; fail-on critical fails only on critical', () => {
    const ref = referenceFromTable(table(numeric('a', [1, 2, 3]), numeric('b', [1, 2, 3])));
    const cur = table(numeric('a', [1, 2, 3]), numeric('c', [4, 5, 6]));
    const report = compareToReference(ref, cur, { ...opts, failOn: 'critical' });
    expect(report.features.map((f) => [f.name, f.status])).toEqual([
      ['a', 'ok'],
      ['b', 'critical'],
      ['c', 'new'],
    ]);
    expect(report.verdict).toMatchObject({ critical: true, failed: true, criticalFeatures: ['b'] });
    expect(report.findings.map((f) => f.message)).toEqual([
      "Column 'b' is in the reference but missing from the current data.",
      "Column 'c' is new: it is in the current data but not in the reference.",
    ]);
  });

  test('text in a numeric column is critical with the count and first line', () => {
    const ref = referenceFromTable(table(numeric('a', [1, 2, 3])));
    const cur = table({
      kind: 'numeric',
      name: 'a',
      values: Float64Array.from([1, NaN, NaN]),
      missing: 0,
      textCells: 2,
      firstText: { file: 'cur.csv', line: 3, text: 'n/a?' },
    });
    const report = compareToReference(ref, cur, opts);
    expect(report.features[0].status).toBe('critical');
    expect(report.findings[0]).toMatchObject({ severity: 'critical', file: 'cur.csv', line: 3 });
    expect(report.findings[0].message).toBe("Column 'a' is numeric in the reference but 2 current cell(s) hold text, the first 'n/a?' at cur.csv line 3.");
  });

  test('a constant reference column falls back to KS D and says why', () => {
    const ref = referenceFromTable(
      table(
        numeric(
          'k',
          range(500, () => 7),
        ),
      ),
    );
    const cur = table(
      numeric(
        'k',
        range(500, (i) => (i < 400 ? 7 : 8)),
      ),
    );
    const f = compareToReference(ref, cur, opts).features[0];
    expect(f.effect).toMatchObject({ name: 'ks', value: 0.2 });
    expect(f.status).toBe('drift');
    expect(f.reason).toContain('the reference is constant');
  });

  test('all-missing current column: no distribution test, the missing rate drifts', () => {
    const ref = referenceFromTable(
      table(
        numeric(
          'x',
          range(300, (i) => i),
        ),
      ),
    );
    const cur = table(
      numeric(
        'x',
        range(300, () => null),
      ),
    );
    const f = compareToReference(ref, cur, opts).features[0];
    expect(f.test).toBeUndefined();
    expect(f.status).toBe('drift');
    expect(f.reason).toMatch(/^Not tested: every current cell is missing/);
  });

  test('Holm correction counts every test in the family', () => {
    // Same data and same raw p-value, more features: the corrected p-value grows with the family.
    const x = range(300, (i) => i % 30);
    const y = range(300, (i) => (i % 30) + (i % 7 === 0 ? 1 : 0));
    const one = compareToReference(referenceFromTable(table(numeric('a', x))), table(numeric('a', y)), opts).features[0];
    const many = compareToReference(
      referenceFromTable(table(numeric('a', x), numeric('b', x), numeric('c', x))),
      table(numeric('a', y), numeric('b', x), numeric('c', x)),
      opts,
    ).features[0];
    expect(many.test!.pValue).toBe(one.test!.pValue);
    expect(many.test!.pAdjusted).toBeCloseTo(Math.min(1, 3 * one.test!.pValue), 12);
  });
});

describe('parseDriftOptions', () => {
  test('defaults', () => {
    expect(parseDriftOptions({})).toEqual(DEFAULT_DRIFT_OPTIONS);
  });
  test.each([
    ['significance-level', '0', "Input 'significance-level' is '0'; give a probability strictly between 0 and 1, such as 0.05 or 5%."],
    ['significance-level', 'abc', "Input 'significance-level' is 'abc'"],
    ['correction', 'sidak', "Input 'correction' is 'sidak'; use one of 'holm', 'bonferroni', 'fdr_bh', 'none'."],
    ['fail-on', 'always', "Input 'fail-on' is 'always'; use one of 'drift', 'critical', 'never'."],
    ['min-categorical-effect', '2', "Input 'min-categorical-effect' is '2'"],
    ['numeric-effect', 'kl', "Input 'numeric-effect' is 'kl'"],
  ])('%s = %s is refused with one sentence', (name, value, message) => {
    expect(() => parseDriftOptions({ [name]: value })).toThrow(message);
  });
  test('lists split on commas and newlines', () => {
    expect(parseDriftOptions({ 'ignore-columns': 'id, ts\n\nuser ' }).ignore).toEqual(['id', 'ts', 'user']);
  });
});

describe('identifier-like columns', () => {
  test('a categorical column with a value per row is skipped, saying why', () => {
    const ids = (from: number) => Array.from({ length: 100 }, (_, i) => `id-${from + i}`);
    const report = compareToReference(referenceFromTable(table(categorical('id', ids(0)))), table(categorical('id', ids(1000))), DEFAULT_DRIFT_OPTIONS);
    const f = report.features[0];
    expect(f.status).toBe('skipped');
    expect(f.test).toBeUndefined();
    expect(f.reason).toBe(
      'Not tested: it looks like an identifier or timestamp (100 distinct values in 100 reference rows), so category frequencies say nothing; list it in ignore-columns.',
    );
    expect(report.verdict.drifted).toBe(false);
  });
});

describe('time columns', () => {
  test('a Parquet date/time column is not tested, saying why', () => {
    const day = 86_400_000;
    const ref = referenceFromTable(
      table(
        numeric(
          't',
          Array.from({ length: 50 }, (_, i) => i * day),
        ),
      ),
    );
    const cur = table({
      ...numeric(
        't',
        Array.from({ length: 50 }, (_, i) => (i + 100) * day),
      ),
      unit: 'epoch-ms',
    });
    const f = compareToReference(ref, cur, DEFAULT_DRIFT_OPTIONS).features[0];
    expect(f.status).toBe('skipped');
    expect(f.reason).toMatch(/^Not tested: it is a date\/time column/);
  });
});
