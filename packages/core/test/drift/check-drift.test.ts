import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDrift } from '../../src/drift/check-drift.js';
import { DEFAULT_DRIFT_OPTIONS, parseDriftOptions } from '../../src/drift/options.js';
import { runDriftCheck, runProfile } from '../../src/steps/check-drift.js';
import { InputError } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-check-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n') + '\n';

const ref = write('ref.csv', 'age,city,zip\n' + rows(400, (i) => `${20 + (i % 40)},${['a', 'b', 'c'][i % 3]},${10000 + (i % 7)}`));
const cur = write('cur.csv', 'age,city,zip,extra\n' + rows(400, (i) => `${20 + (i % 40)},${['a', 'b', 'c'][i % 3]},${10000 + (i % 7)},${i}`));

describe('checkDrift on files', () => {
  test('same data: no drift; a column only in the current data is reported as new', async () => {
    const { report } = await checkDrift({ reference: ref, current: cur, options: DEFAULT_DRIFT_OPTIONS });
    expect(report.verdict).toMatchObject({ drifted: false, failed: false, testedFeatures: 3 });
    expect(report.features.map((f) => [f.name, f.status])).toEqual([
      ['age', 'ok'],
      ['city', 'ok'],
      ['zip', 'ok'],
      ['extra', 'new'],
    ]);
    expect(report.findings).toEqual([
      { severity: 'notice', column: 'extra', message: "Column 'extra' is new: it is in the current data but not in the reference." },
    ]);
  });

  test('categorical-columns reads numbers as categories', async () => {
    const { report } = await checkDrift({ reference: ref, current: cur, options: parseDriftOptions({ 'categorical-columns': 'zip' }) });
    expect(report.features.find((f) => f.name === 'zip')).toMatchObject({ kind: 'categorical', test: { name: 'chi2', dof: 6 } });
  });

  test('columns naming a column the reference lacks is one clear sentence', async () => {
    await expect(checkDrift({ reference: ref, current: cur, options: parseDriftOptions({ columns: 'age, salary' }) })).rejects.toThrow(
      "Input 'columns' names 'salary', which the reference does not have; its columns are 'age', 'city', 'zip'.",
    );
  });

  test('ignoring every column is refused', async () => {
    await expect(checkDrift({ reference: ref, current: cur, options: parseDriftOptions({ 'ignore-columns': 'age,city,zip' }) })).rejects.toBeInstanceOf(
      InputError,
    );
  });

  test('the schema contract: ranges, allowed values, nullability and required columns are critical', async () => {
    const schema = write(
      'schema.json',
      JSON.stringify({
        columns: {
          age: { type: 'numeric', min: 0, max: 50 },
          city: { type: 'categorical', allowed: ['a', 'b'] },
          country: { type: 'categorical' },
          note: { required: false },
        },
      }),
    );
    const { report } = await checkDrift({ reference: ref, current: cur, schema, options: DEFAULT_DRIFT_OPTIONS });
    expect(report.verdict.critical).toBe(true);
    expect(report.findings.filter((f) => f.severity === 'critical').map((f) => f.message)).toEqual([
      "Column 'age' has 90 value(s) outside the schema's range [0, 50], the first 51 in data row 32.",
      "Column 'city' has 133 value(s) the schema does not allow, the first 'c' in data row 3.",
      "Column 'country' is required by the schema but absent from the current data.",
    ]);
  });

  test.each([
    ['{', 'is not valid JSON'],
    ['{"columns": []}', 'must hold {"columns": {"<name>": {"type": "numeric" | "categorical", ...}}}'],
    ['{"columns": {"age": {"type": "int"}}}', 'columns."age".type is "int"; use "numeric" or "categorical".'],
    ['{"columns": {"age": {"min": "0"}}}', 'columns."age".min must be a finite number.'],
  ])('a bad schema file is refused with one sentence: %s', async (text, message) => {
    const schema = write(`bad-schema-${Math.random()}.json`, text);
    await expect(checkDrift({ reference: ref, current: cur, schema, options: DEFAULT_DRIFT_OPTIONS })).rejects.toThrow(message);
  });
});

describe('runDriftCheck writes nothing on failure', () => {
  test('a bad input leaves an existing report untouched', async () => {
    const reportPath = write('keep.json', '{"old": true}\n');
    await expect(runDriftCheck({ reference: ref, current: join(dir, 'missing.csv'), 'report-path': reportPath })).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(reportPath, 'utf8')).toBe('{"old": true}\n');
  });

  test('outputs, report and profile are written on success', async () => {
    const reportPath = join(dir, 'out', 'report.json');
    const profilePath = join(dir, 'out', 'cur.profile.json');
    const outcome = await runDriftCheck({ reference: ref, current: cur, 'report-path': reportPath, 'profile-path': profilePath });
    expect(outcome.outputs).toEqual({ drifted: 'false', 'drifted-features': '[]', 'drift-share': '0', report: reportPath, failed: 'false' });
    expect(JSON.parse(readFileSync(reportPath, 'utf8')).schema).toBe('modelci/drift-report@1');
    const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
    expect(Object.keys(profile.features)).toEqual(['age', 'city', 'zip', 'extra']);
  });

  test('profile-of must be current or reference', async () => {
    await expect(runDriftCheck({ reference: ref, current: cur, 'profile-of': 'both' })).rejects.toThrow(
      "Input 'profile-of' is 'both'; use 'current' or 'reference'.",
    );
  });

  test('runProfile writes a profile that checks the same as the data', async () => {
    const out = join(dir, 'ref.profile.json');
    const { summary } = await runProfile({ data: ref, out });
    expect(summary).toMatch(/^Profiled 400 rows, 3 columns \(3 exact, 0 sketched\) into .*ref\.profile\.json/);
    expect(existsSync(out)).toBe(true);
    const a = await checkDrift({ reference: ref, current: cur, options: DEFAULT_DRIFT_OPTIONS });
    const b = await checkDrift({ reference: out, current: cur, options: DEFAULT_DRIFT_OPTIONS });
    expect(b.report.features).toEqual(a.report.features);
  });
});
