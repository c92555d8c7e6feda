import { renderVersionMarkdown, renderVersionListMarkdown } from '../../src/render/registry-markdown.js';
import { renderVersionListText, renderVersionText } from '../../src/render/registry-text.js';
import { VERSION } from './summary-samples.js';

describe('register-model summary', () => {
  const md = renderVersionMarkdown(VERSION, 'Registered penguins v7');

  test('the metrics that decide, in a table of their own, not the first keys of the record', () => {
    expect(md).toContain('| accuracy | macro F1 | p99 latency | size |\n|---:|---:|---:|---:|\n| 0.9710 | 0.9623 | 0.84 ms | 2.89 kB |');
    // The rest is folded, sorted by name; bookkeeping keys are not in the headline table.
    expect(md).toContain('<details><summary>Other metrics (4)</summary>');
    expect(md.indexOf('`log_loss`')).toBeGreaterThan(md.indexOf('<details>'));
  });

  test('tags shown, the git SHA linked to its commit, no empty header row', () => {
    expect(md).toContain('- **tags**: `dataset=penguins-2026-11` `framework=sklearn`');
    expect(md).toContain('- **git SHA**: [`0123456789ab`](https://github.com/acme/models/commit/0123456789abcdef0123456789abcdef01234567)');
    expect(md).not.toContain('| | |');
  });

  test('a SHA without a GitHub run is shown, not linked', () => {
    const v = { ...VERSION, provenance: { gitSha: 'abc1234' } };
    expect(renderVersionMarkdown(v, 'x')).toContain('- **git SHA**: `abc1234`');
  });

  test('the list links each SHA and shows the key metrics', () => {
    const list = renderVersionListMarkdown('penguins', [VERSION]);
    expect(list).toContain('| 7 | production | 2026-12-01T10:42:17.000Z | [`0123456789ab`](https://github.com/acme/models/commit/');
    expect(list).toContain('accuracy 0.9710, macro F1 0.9623, p99 latency 0.84 ms, size 2.89 kB');
  });
});

describe('terminal', () => {
  test('modelci list prints a table: a header, a rule, one line per version, newest first', () => {
    const older = { ...VERSION, version: 6, aliases: [], metrics: { accuracy: 0.95 } };
    const lines = renderVersionListText([older, VERSION]).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^version\s+aliases\s+created\s+git SHA\s+gates\s+accuracy\s+macro F1\s+p99 latency\s+size$/);
    expect(lines[2]).toMatch(/^\s*7\s+production\s+2026-12-01T10:42:17Z\s+0123456789ab\s+passed\s+0\.9710\s+0\.9623\s+0\.84 ms\s+2\.89 kB$/);
    expect(lines[3]).toMatch(/^\s*6\s+2026-12-01T10:42:17Z\s+0123456789ab\s+passed\s+0\.9500$/);
  });

  test('one version: key metrics first, tags', () => {
    const text = renderVersionText(VERSION, 'v7');
    expect(text).toContain('metrics       accuracy 0.9710, macro F1 0.9623, p99 latency 0.84 ms, size 2.89 kB, log_loss 0.0912');
    expect(text).toContain('tags          dataset=penguins-2026-11, framework=sklearn');
  });
});
