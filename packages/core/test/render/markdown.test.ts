import { mdCode, mdCodeCell, mdHeading, mdTable, mdText, mermaidLabel } from '../../src/render/markdown.js';

const HOSTILE = [
  '![x](http://evil/x.png)',
  '<img src=x onerror=alert(1)>',
  '# heading',
  'a|b',
  '`tick` and ``double``',
  'two\nlines',
  'x\r\n::set-output name=drifted::false',
  '**bold** _em_ ~~gone~~',
  '$x^2$',
  '[link](javascript:alert(1))',
  '&lt;b&gt;',
  '- item',
  '1. first',
  '> quote',
  'see https://evil.example and www.evil.example',
  'back\\slash',
];

describe('mdText', () => {
  test.each([
    ['![x](http://evil/x.png)', '!\\[x\\](http\\://evil/x.png)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    ['</details><!-- x --><?php', '\\</details>\\<!-- x -->\\<?php'],
    ['size <= 1kB, accuracy >= 0.9', 'size <= 1kB, accuracy >= 0.9'],
    ['> quote', '\\> quote'],
    ['# heading', '\\# heading'],
    ['a|b', 'a\\|b'],
    ['`tick`', '\\`tick\\`'],
    ['two\nlines', 'two\\\\nlines'],
    ['temp_max', 'temp_max'],
    ['_em_ *b*', '\\_em\\_ \\*b\\*'],
    ['$x$', '\\$x\\$'],
    ['&amp;', '\\&amp;'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['www.evil.example', 'www\\.evil.example'],
    ['p = 0.05, 2 of 6 features drifted (temp_max, wind).', 'p = 0.05, 2 of 6 features drifted (temp_max, wind).'],
  ])('%j', (input, escaped) => {
    expect(mdText(input)).toBe(escaped);
  });

  test.each(HOSTILE)('%j: one line, no raw HTML, link, image or heading', (input) => {
    const md = mdText(input);
    expect(md).not.toMatch(/[\r\n]/);
    expect(md).not.toMatch(/(^|[^\\])<[A-Za-z/!?]/); // no HTML tag, comment or autolink can open
    expect(md).not.toMatch(/(^|[^\\])(!?\[)/); // no unescaped [ to open a link or image
    expect(md).not.toMatch(/(^|[^\\])\|/); // no unescaped pipe to split a table cell
    expect(md).not.toMatch(/^\s*(#|[-+>]\s|\d+[.)])/); // no heading, list or quote
    expect(md).not.toMatch(/(^|[^\\])`/); // no code span
  });
});

describe('mdCode', () => {
  test('the fence outgrows any backtick run inside; line breaks shown', () => {
    expect(mdCode('ref.csv')).toBe('`ref.csv`');
    expect(mdCode('a `b` c')).toBe('``a `b` c``');
    expect(mdCode('``x``')).toBe('``` ``x`` ```');
    expect(mdCode('x\n::set-output name=a::b')).toBe('`x\\n::set-output name=a::b`');
    expect(mdCode('')).toBe('` `');
  });

  test('in a table cell, pipes are escaped even inside the code span', () => {
    expect(mdCodeCell('accuracy >= 0.9 | x')).toBe('`accuracy >= 0.9 \\| x`');
  });
});

test('a heading and a table stay one line per row whatever the cells hold', () => {
  expect(mdHeading(2, `Drift: ${mdText('x\n# y')}`)).toBe('## Drift: x\\\\n\\# y');
  const table = mdTable(
    ['Feature', 'p'],
    ['left', 'right'],
    HOSTILE.map((h) => [mdText(h), '1']),
  );
  const lines = table.split('\n');
  expect(lines).toHaveLength(2 + HOSTILE.length);
  expect(lines[1]).toBe('|---|---:|');
  for (const row of lines.slice(2)) expect(row.split(/(?<!\\)\|/)).toHaveLength(4); // two cells: | a | b |
});

test('mermaid labels cannot end their string, their line or the fence', () => {
  for (const h of HOSTILE) {
    const label = mermaidLabel(`${h}"\n\`\`\``);
    expect(label).toMatch(/^"[^"\n`<>]*"$/);
  }
});
