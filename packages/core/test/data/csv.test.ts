import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readTable } from '../../src/data/read-table.js';
import type { ColumnKind } from '../../src/data/table.js';
import { cat, FIXTURES, labels, num, numbers, tempDir } from './helpers.js';

describe('readTable: CSV', () => {
  test('reads numbers, categories and missing markers from a small CSV', async () => {
    const t = await readTable(join(FIXTURES, 'basic.csv'));
    expect(t.rowCount).toBe(5);
    expect(t.files).toEqual([join(FIXTURES, 'basic.csv')]);
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['age', 'numeric'],
      ['income', 'numeric'],
      ['city', 'categorical'],
      ['score', 'numeric'],
    ]);
    expect(numbers(num(t, 'age'))).toEqual([34, 28, null, 45, 51]);
    expect(num(t, 'age').missing).toBe(1);
    expect(numbers(num(t, 'income'))).toEqual([52000.5, null, 41000, 100000, 73000]);
    expect(numbers(num(t, 'score'))).toEqual([0.25, -0.5, 3, null, 0.0015]);
    expect(num(t, 'score').textCells).toBe(0);
    const city = cat(t, 'city');
    expect(labels(city)).toEqual(['Lyon', 'Paris', 'Saint-Étienne', 'Paris', null]);
    expect(city.categories).toEqual(['Lyon', 'Paris', 'Saint-Étienne']);
    expect(city.missing).toBe(1);
  });

  test('handles a BOM, CRLF, quotes, "" escapes, embedded delimiters and line breaks, blank lines', async () => {
    const t = await readTable(join(FIXTURES, 'quoted-crlf-bom.csv'));
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'comment', 'value']);
    expect(t.rowCount).toBe(4);
    expect(labels(cat(t, 'comment'))).toEqual(['hello, world', 'she said "hi"', 'two\r\nlines', 'plain']);
    expect(numbers(num(t, 'value'))).toEqual([10, 20, 30, 40]);
  });

  test('reads .tsv with tabs and sniffs the delimiter of a .txt', async () => {
    const tsv = await readTable(join(FIXTURES, 'tabbed.tsv'));
    expect(labels(cat(tsv, 'b'))).toEqual(['x y', 'z']);
    expect(numbers(num(tsv, 'c'))).toEqual([2.5, null]);
    const txt = await readTable(join(FIXTURES, 'semicolon.txt'));
    expect(txt.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(numbers(num(txt, 'c'))).toEqual([2, 4]);
  });

  test('options.delimiter overrides the extension', async () => {
    const tmp = await tempDir();
    try {
      const f = await tmp.file('d.csv', 'a|b\n1|x\n');
      const t = await readTable(f, { delimiter: '|' });
      expect(numbers(num(t, 'a'))).toEqual([1]);
      expect(labels(cat(t, 'b'))).toEqual(['x']);
    } finally {
      await tmp.cleanup();
    }
  });

  test('reads .csv.gz and .tsv.gz', async () => {
    const tmp = await tempDir();
    try {
      const f = await tmp.file('z.csv.gz', gzipSync('a,b\n1,x\n2,y\n'));
      const t = await readTable(f);
      expect(numbers(num(t, 'a'))).toEqual([1, 2]);
      const g = await tmp.file('z.tsv.gz', gzipSync('a\tb\n1\tx\n'));
      expect(labels(cat(await readTable(g), 'b'))).toEqual(['x']);
    } finally {
      await tmp.cleanup();
    }
  });

  test('number forms: exponents, signs, leading dots, hex, 17 significant digits, -0', async () => {
    const tmp = await tempDir();
    try {
      const cells = [
        '1e5',
        '-.5',
        '+3',
        '5.',
        '0x1F',
        '0.1',
        '1.7976931348623157e308',
        '5e-324',
        '123456789012345678',
        '0.30000000000000004',
        '-0',
        ' 7 ',
        '2.5E+3',
      ];
      const f = await tmp.file('n.csv', `v\n${cells.join('\n')}\n`);
      const t = await readTable(f);
      const v = num(t, 'v');
      expect(v.textCells).toBe(0);
      expect(Array.from(v.values)).toEqual(cells.map(Number));
      expect(Object.is(v.values[10], -0)).toBe(true);
    } finally {
      await tmp.cleanup();
    }
  });

  test('every missing marker is missing; near-markers are text', async () => {
    const tmp = await tempDir();
    try {
      const f = await tmp.file('m.csv', 'x,y\n,1\nNA,1\nN/A,1\nNaN,1\nnan,1\nnull,1\nNULL,1\nNone,1\n"",1\n"NA",1\n5,1\n');
      const t = await readTable(f);
      expect(num(t, 'x').missing).toBe(10);
      expect(numbers(num(t, 'x')).slice(-1)).toEqual([5]);
      const g = await tmp.file('g.csv', 'x\nna\nNone\n" NA"\nnone\n');
      const c = cat(await readTable(g), 'x');
      expect(labels(c)).toEqual(['na', null, ' NA', 'none']);
    } finally {
      await tmp.cleanup();
    }
  });

  test('kind inference: text within the first cells makes a column categorical; later text counts as textCells', async () => {
    const tmp = await tempDir();
    try {
      const early = ['v', ...Array.from({ length: 50 }, (_, i) => String(i)), 'oops', '3'];
      const t1 = await readTable(await tmp.file('early.csv', `${early.join('\n')}\n`));
      expect(t1.columns[0].kind).toBe('categorical');

      const late = ['v', ...Array.from({ length: 3000 }, (_, i) => String(i)), 'oops', '7', 'again'];
      const f = await tmp.file('late.csv', `${late.join('\n')}\n`);
      const t2 = await readTable(f);
      const v = num(t2, 'v');
      expect(v.textCells).toBe(2);
      expect(v.firstText).toEqual({ file: f, line: 3002, text: 'oops' });
      expect(Number.isNaN(v.values[3000])).toBe(true);
      expect(v.values[3001]).toBe(7);
      expect(v.missing).toBe(0);
    } finally {
      await tmp.cleanup();
    }
  });

  test('options.kinds forces categorical, or numeric with text cells counted (not an error)', async () => {
    const tmp = await tempDir();
    try {
      const f = await tmp.file('k.csv', 'zip,n\n01000,1\n75001,2\n,x\n');
      const kinds = new Map<string, ColumnKind>([
        ['zip', 'categorical'],
        ['n', 'numeric'],
      ]);
      const t = await readTable(f, { kinds });
      expect(labels(cat(t, 'zip'))).toEqual(['01000', '75001', null]);
      const n = num(t, 'n');
      expect(numbers(n)).toEqual([1, 2, null]);
      expect(n.textCells).toBe(1);
      expect(n.missing).toBe(0);
      expect(n.firstText).toEqual({ file: f, line: 4, text: 'x' });
    } finally {
      await tmp.cleanup();
    }
  });

  test('a constant column and an all-missing column are read, not rejected', async () => {
    const tmp = await tempDir();
    try {
      const t = await readTable(await tmp.file('c.csv', 'k,e\n1,\n1,NA\n1,\n'));
      expect(numbers(num(t, 'k'))).toEqual([1, 1, 1]);
      expect(num(t, 'e').missing).toBe(3);
    } finally {
      await tmp.cleanup();
    }
  });

  test('a column missing in the first cells turns categorical at its first text, keeping earlier cells missing', async () => {
    const tmp = await tempDir();
    try {
      const rows = ['a,b', ...Array.from({ length: 200_000 }, (_, i) => `${i},`), '1,late', '2,'];
      const t = await readTable(await tmp.file('u.csv', `${rows.join('\n')}\n`));
      const b = cat(t, 'b');
      expect(b.categories).toEqual(['late']);
      expect(b.missing).toBe(200_001);
      expect(b.codes[200_000]).toBe(0);
      expect(t.rowCount).toBe(200_002);
    } finally {
      await tmp.cleanup();
    }
  });

  test('options.include skips other columns without parsing them', async () => {
    const t = await readTable(join(FIXTURES, 'basic.csv'), { include: (n) => n === 'city' });
    expect(t.columns.map((c) => c.name)).toEqual(['city']);
    expect(t.rowCount).toBe(5);
  });

  test('include is asked once per column name', async () => {
    const asked: string[] = [];
    await readTable(join(FIXTURES, 'parts'), {
      include: (n) => {
        asked.push(n);
        return true;
      },
    });
    expect(asked).toEqual(['x', 'y']);
  });

  test('large input across many chunks matches a straightforward parse', async () => {
    const tmp = await tempDir();
    try {
      // ~12 MB: several 4 MiB chunks, records split across chunk ends, quoted fields with
      // line breaks, CRLF, missing cells and text cells mixed in
      const lines: string[] = ['i,x,s,q'];
      const expectX: (number | null)[] = [];
      const expectS: (string | null)[] = [];
      const expectQ: (string | null)[] = [];
      let seed = 12345;
      const rnd = (): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      for (let i = 0; i < 250_000; i++) {
        const r = rnd();
        const x = r < 0.01 ? '' : (rnd() * 1e6 - 5e5).toFixed(Math.floor(rnd() * 6));
        const s = r > 0.99 ? 'NA' : `cat${Math.floor(rnd() * 50)}`;
        const q = r < 0.02 ? `"multi\nline ""${i}"""` : r < 0.04 ? '"a,b"' : `q${i % 7}`;
        lines.push(`${i},${x},${s},${q}`);
        expectX.push(x === '' ? null : Number(x));
        expectS.push(s === 'NA' ? null : s);
        expectQ.push(q.startsWith('"multi') ? `multi\nline "${i}"` : q === '"a,b"' ? 'a,b' : q);
      }
      const text = lines.map((l) => (rnd() < 0.5 ? `${l}\r\n` : `${l}\n`)).join('');
      const f = await tmp.file('big.csv', text);
      const t = await readTable(f);
      expect(t.rowCount).toBe(250_000);
      expect(numbers(num(t, 'x'))).toEqual(expectX);
      expect(labels(cat(t, 's'))).toEqual(expectS);
      expect(labels(cat(t, 'q'))).toEqual(expectQ);
      expect(Array.from(num(t, 'i').values)).toEqual(Array.from({ length: 250_000 }, (_, i) => i));
    } finally {
      await tmp.cleanup();
    }
  });

  test('line numbers count physical lines, quoted line breaks included', async () => {
    const tmp = await tempDir();
    try {
      const rows = ['a,b', ...Array.from({ length: 1200 }, (_, i) => `${i},"x\ny"`), 'bad,"z"'];
      const f = await tmp.file('l.csv', `${rows.join('\n')}\n`);
      const a = num(await readTable(f), 'a');
      expect(a.firstText).toEqual({ file: f, line: 2 + 1200 * 2, text: 'bad' });
    } finally {
      await tmp.cleanup();
    }
  });
});
