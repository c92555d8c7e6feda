import { compareToReference } from '../../src/drift/check-drift.js';
import { DEFAULT_DRIFT_OPTIONS } from '../../src/drift/options.js';
import { referenceFromTable } from '../../src/drift/reference-from-table.js';
import { renderDriftMarkdown } from '../../src/render/drift-markdown.js';
import { renderDriftText } from '../../src/render/drift-text.js';
import { categorical, numeric, table } from '../helpers/tables.js';

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const N = 600;

/** 40 features, 30 of them shifted, one with a name full of Markdown and a long one; a categorical one. */
function wideReport(missingInCurrent = false) {
  const names = range(40, (i) => (i === 0 ? 'a|b *bold* [x](y)' : i === 1 ? 'a_really_long_feature_name_that_would_not_fit_any_terminal' : `feature_${i}`));
  const ref = table(
    ...names.map((n, i) =>
      numeric(
        n,
        range(N, (k) => ((k * (i + 7)) % 100) / 10),
      ),
    ),
    categorical(
      'city',
      range(N, (k) => ['SEA', 'LAX', 'JFK'][k % 3]),
    ),
  );
  const cur = table(
    ...names.map((n, i) =>
      numeric(
        n,
        range(N, (k) => (missingInCurrent && i === 2 && k % 4 === 0 ? null : ((k * (i + 7)) % 100) / 10 + (i < 30 ? 2 + i / 10 : 0))),
      ),
    ),
    categorical(
      'city',
      range(N, (k) => (k % 2 === 0 ? 'SEA' : ['SEA', 'LAX', 'JFK'][k % 3])),
    ),
  );
  return compareToReference(referenceFromTable(ref), cur, DEFAULT_DRIFT_OPTIONS);
}

describe('drift reports', () => {
  const report = wideReport();
  const md = renderDriftMarkdown(report);

  test('the headline names at most five features, then "and N more"', () => {
    expect(report.verdict.driftedFeatures.length).toBe(31);
    expect(report.verdict.summary).toMatch(/^31 of 41 features drifted \([^,]+(, [^,]+){4} and 26 more\)\.$/);
  });

  test('the chart: explicit palette, horizontal, the 15 largest effects', () => {
    const chart = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3) + 3);
    expect(chart).toContain('%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0366d6, #d73a49"}}}}%%');
    expect(chart).toContain('xychart-beta horizontal');
    const labels = /x-axis \[(.*)\]/.exec(chart)![1].split('", "');
    expect(labels).toHaveLength(15);
    expect(chart).toContain('top 15 of 41');
    // The largest shift (feature_29, +4.9) leads.
    expect(labels[0]).toBe('"feature_29');
  });

  test('one test column carries its own statistic; no missing column when no missing rate moved', () => {
    expect(md).toContain('| Feature | Status | Test (statistic) | p (corrected) | Effect size | Threshold |\n');
    expect(md).toMatch(/\| KS D 0\.\d+ \(exact|asymp\)/);
    expect(md).toMatch(/\| χ² [\d.]+ \(dof 2\) \|/);
    expect(md).not.toContain('Missing ref');
    expect(renderDriftMarkdown(wideReport(true))).toContain('| Missing ref → cur |');
  });

  test('each drifted feature says how it moved; untrusted names are escaped', () => {
    expect(md).toMatch(/- \*\*feature_29\*\* — .*\n {2}Moved: p5 [\d.]+ → [\d.]+, p25 .* p95 [\d.]+ → [\d.]+/);
    expect(md).toMatch(/- \*\*city\*\* — .*\n {2}Moved: SEA 33\.3% → 66\.\d%/);
    expect(md).toContain('a\\|b \\*bold\\* \\[x\\](y)');
    expect(md).not.toContain('*bold*');
  });

  test('the terminal table fits 80 columns', () => {
    const text = renderDriftText(report);
    const tableLines = text.split('\n').slice(3, 3 + 2 + 41);
    for (const line of tableLines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).toContain('a_really_long_feature_na');
    expect(text).toContain('…');
    expect(text).toMatch(/\n {2}Moved: p5 /);
  });
});
