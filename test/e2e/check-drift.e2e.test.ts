import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { day, month, splitCsv } from '../helpers/datasets.js';
import { nodeVersion, runAction, testNodes } from '../helpers/run-bundle.js';

// Seattle's weather, 2012-2015 (vega-datasets): winters against summers drift. Odd against even
// days of the same four years do not (whole years do: the weather labels and wind vary year to year).
const seasons = splitCsv('seattle-weather.csv', (l) => ([12, 1, 2].includes(month(l)) ? 'a' : [6, 7, 8].includes(month(l)) ? 'b' : null));
const days = splitCsv('seattle-weather.csv', (l) => (day(l) % 2 === 1 ? 'a' : 'b'));

describe.each(testNodes().map((node) => [nodeVersion(node), node]))('check-drift bundle on Node %s', (_version, node) => {
  test('winter against summer: drift found, step fails, summary explains it', () => {
    const report = join(seasons.dir, `report-${_version}.json`);
    const run = runAction(
      'check-drift',
      { reference: seasons.a, current: seasons.b, 'ignore-columns': 'date', 'report-path': report },
      { node, cwd: seasons.dir },
    );
    expect(run.status).toBe(1);
    expect(run.outputs.drifted).toBe('true');
    const drifted = JSON.parse(run.outputs['drifted-features']) as string[];
    expect(drifted).toEqual(expect.arrayContaining(['temp_max', 'temp_min', 'weather']));
    expect(Number(run.outputs['drift-share'])).toBeCloseTo(drifted.length / 5, 6);
    expect(run.outputs.report).toBe(report);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.schema).toBe('modelci/drift-report@1');
    expect(json.verdict.failed).toBe(true);
    expect(run.summary).toContain('| Feature | Status |');
    expect(run.summary).toContain('```mermaid');
    expect(run.summary).toMatch(/temp_max \| ⚠️ drift/);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors.some((c) => c.properties.title?.startsWith('Drift: temp_max'))).toBe(true);
    expect(run.stdout).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('odd days against even days: no drift, step passes', () => {
    const report = join(days.dir, `report-${_version}.json`);
    const run = runAction('check-drift', { reference: days.a, current: days.b, 'ignore-columns': 'date', 'report-path': report }, { node, cwd: days.dir });
    expect(run.stdout + run.stderr).not.toContain('::error');
    expect(run.status).toBe(0);
    expect(run.outputs.drifted).toBe('false');
    expect(run.outputs['drifted-features']).toBe('[]');
    expect(run.summary).toContain('No drift');
  });

  test('fail-on never reports drift as warnings and passes', () => {
    const run = runAction(
      'check-drift',
      { reference: seasons.a, current: seasons.b, 'ignore-columns': 'date', 'fail-on': 'never', 'report-path': join(seasons.dir, 'never.json') },
      { node, cwd: seasons.dir },
    );
    expect(run.status).toBe(0);
    expect(run.outputs.drifted).toBe('true');
    expect(run.outputs.failed).toBe('false');
    expect(run.commands.filter((c) => c.command === 'warning').length).toBeGreaterThan(0);
    expect(run.commands.filter((c) => c.command === 'error')).toHaveLength(0);
  });

  test('a profile written by one run is the reference of the next, with the same verdict', () => {
    const profile = join(seasons.dir, `winter-profile-${_version}.json`);
    const first = runAction(
      'check-drift',
      { reference: seasons.a, current: seasons.a, 'profile-path': profile, 'profile-of': 'reference', 'report-path': join(seasons.dir, 'p1.json') },
      { node, cwd: seasons.dir },
    );
    expect(first.status).toBe(0);
    expect(JSON.parse(readFileSync(profile, 'utf8')).schema).toBe('modelci/profile@1');
    const fromData = runAction(
      'check-drift',
      { reference: seasons.a, current: seasons.b, 'ignore-columns': 'date', 'report-path': join(seasons.dir, 'p2.json') },
      { node, cwd: seasons.dir },
    );
    const fromProfile = runAction(
      'check-drift',
      { reference: profile, current: seasons.b, 'ignore-columns': 'date', 'report-path': join(seasons.dir, 'p3.json') },
      { node, cwd: seasons.dir },
    );
    expect(fromProfile.outputs['drifted-features']).toBe(fromData.outputs['drifted-features']);
    const a = JSON.parse(readFileSync(join(seasons.dir, 'p2.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(seasons.dir, 'p3.json'), 'utf8'));
    // Few distinct values: the profile stores them exactly, so the statistics are identical.
    expect(b.features.map((f: { test?: { pValue: number } }) => f.test?.pValue)).toEqual(a.features.map((f: { test?: { pValue: number } }) => f.test?.pValue));
  });

  test('a column missing from the current data is critical and named', () => {
    const cur = join(seasons.dir, 'no-wind.csv');
    const lines = readFileSync(seasons.b, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 4)
          .join(','),
      );
    writeFileSync(cur, lines.join('\n') + '\n');
    const run = runAction(
      'check-drift',
      { reference: seasons.a, current: cur, 'fail-on': 'critical', 'report-path': join(seasons.dir, 'crit.json') },
      { node, cwd: seasons.dir },
    );
    expect(run.status).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors.map((e) => e.message).join('\n')).toContain("Column 'wind' is in the reference but missing from the current data.");
  });

  test('bad input: one clear sentence, exit 1, no stack trace, nothing written', () => {
    const report = join(seasons.dir, `never-written-${_version}.json`);
    const run = runAction('check-drift', { reference: seasons.a, current: join(seasons.dir, 'nope.csv'), 'report-path': report }, { node, cwd: seasons.dir });
    expect(run.status).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('nope.csv');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(report)).toBe(false);
  });

  test('a semicolon-separated file: the wrong-delimiter sentence, then the delimiter input reads it', () => {
    const semi = join(seasons.dir, 'summer-semicolon.csv');
    writeFileSync(semi, readFileSync(seasons.b, 'utf8').replace(/,/g, ';'));
    const wrong = runAction(
      'check-drift',
      { reference: seasons.b, current: semi, 'report-path': join(seasons.dir, `semi-${_version}.json`) },
      { node, cwd: seasons.dir },
    );
    expect(wrong.status).toBe(1);
    expect(wrong.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([
      `${semi} line 1: the header is one column, 'date;precipitation;temp_max;temp_min;wind;weather', which contains ';'; the file looks ';'-separated, not ','-separated: save it with ',' separators or set the 'delimiter' input (--delimiter) to ';'.`,
    ]);
    // The same delimiter applies to both sides: the reference is a profile here, so only the current file is text.
    const profile = join(seasons.dir, `summer-${_version}.profile.json`);
    runAction(
      'check-drift',
      { reference: seasons.b, current: seasons.b, 'profile-path': profile, 'report-path': join(seasons.dir, `semi-p-${_version}.json`) },
      { node, cwd: seasons.dir },
    );
    const right = runAction(
      'check-drift',
      { reference: profile, current: semi, delimiter: ';', 'ignore-columns': 'date', 'report-path': join(seasons.dir, `semi-ok-${_version}.json`) },
      { node, cwd: seasons.dir },
    );
    expect(right.status).toBe(0);
    expect(right.outputs.drifted).toBe('false');
  });

  test('bad input value names the input and how to fix it', () => {
    const run = runAction('check-drift', { reference: seasons.a, current: seasons.b, 'significance-level': '1.5' }, { node, cwd: seasons.dir });
    expect(run.status).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe("Input 'significance-level' is '1.5'; give a probability strictly between 0 and 1, such as 0.05 or 5%.");
  });
});
