import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readTable } from '../../src/data/read-table.js';
import type { ColumnKind } from '../../src/data/table.js';
import { FIXTURES, inputError, tempDir } from './helpers.js';

/** Every message is one sentence: no line breaks, ends with a period, no stack. */
function oneSentence(message: string): void {
  expect(message).not.toMatch(/\n/);
  expect(message).toMatch(/\.$/);
  expect(message).not.toMatch(/\bat .*\.(js|ts):\d+/);
}

describe('readTable: bad input is an InputError naming file, line and column', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    tmp = await tempDir();
  });
  afterAll(async () => {
    await tmp.cleanup();
  });

  test('empty file', async () => {
    const f = await tmp.file('empty.csv', '');
    const e = await inputError(readTable(f));
    expect(e.message).toBe(`${f} is empty; it needs a header row of column names and at least one data row.`);
    expect(e.where.file).toBe(f);
    oneSentence(e.message);
    const g = await tmp.file('blank.csv', '\n\r\n\n');
    expect((await inputError(readTable(g))).message).toMatch(/is empty/);
    const bom = await tmp.file('bom.csv', '\uFEFF');
    expect((await inputError(readTable(bom))).message).toMatch(/is empty/);
  });

  test('header only', async () => {
    const f = await tmp.file('header.csv', 'a,b\n');
    const e = await inputError(readTable(f));
    expect(e.message).toBe(`${f} has a header row but no data rows; it needs at least one row of data.`);
    oneSentence(e.message);
  });

  test('ragged row: expected vs found and the line', async () => {
    const f = await tmp.file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n');
    const e = await inputError(readTable(f));
    expect(e.message).toBe(`${f} line 3 has 2 fields but the header (line 1) has 3; give every row one value per column (quote values that contain ',').`);
    expect(e.where).toEqual({ file: f, line: 3 });
    const g = await tmp.file('ragged2.csv', 'a,b\n1,2\n3,4,5\n');
    expect((await inputError(readTable(g))).message).toMatch(/line 3 has 3 fields but the header \(line 1\) has 2/);
  });

  test('ragged row deep in a large file reports the right line', async () => {
    const rows = ['a,b', ...Array.from({ length: 300_000 }, (_, i) => `${i},x${i % 10}`), '1,2,3'];
    const f = await tmp.file('ragged-big.csv', `${rows.join('\n')}\n`);
    expect((await inputError(readTable(f))).where.line).toBe(300_002);
  });

  test('unterminated quote: the line where it opened', async () => {
    const f = await tmp.file('quote.csv', 'a,b\n1,x\n2,"never\nclosed\n3,y\n');
    const e = await inputError(readTable(f));
    expect(e.message).toBe(`${f} line 3: a quoted field opens there and never closes; add the closing '"' (a '"' inside a quoted field is written '""').`);
    expect(e.where).toEqual({ file: f, line: 3, col: 3 });
  });

  test('text after a closing quote', async () => {
    const f = await tmp.file('after.csv', 'a,b\n1,"x"y\n');
    const e = await inputError(readTable(f));
    expect(e.message).toMatch(/line 2, column 6: a quoted field is followed by 'y'/);
  });

  test('wrong delimiter: a .csv that is ;-separated or tab-separated', async () => {
    const f = await tmp.file('semi.csv', 'a;b;c\n1;2;3\n');
    const e = await inputError(readTable(f));
    expect(e.message).toBe(
      `${f} line 1: the header is one column, 'a;b;c', which contains ';'; the file looks ';'-separated, not ','-separated: save it with ',' separators or set the 'delimiter' input (--delimiter) to ';'.`,
    );
    const g = await tmp.file('tabs.csv', 'a\tb\n1\t2\n');
    expect((await inputError(readTable(g))).message).toMatch(/looks tab-separated/);
    const h = await tmp.file('commas.tsv', 'a,b\n1,2\n');
    expect((await inputError(readTable(h))).message).toMatch(/looks ','-separated, not tab-separated/);
    // the user's explicit delimiter is taken at its word
    const t = await readTable(f, { delimiter: ',' });
    expect(t.columns.map((c) => c.name)).toEqual(['a;b;c']);
  });

  test('a bad delimiter option', async () => {
    const f = await tmp.file('ok.csv', 'a\n1\n');
    const e = await inputError(readTable(f, { delimiter: '::' }));
    expect(e.where.input).toBe('delimiter');
  });

  test('invalid UTF-8: line and byte column', async () => {
    const f = await tmp.file('latin1.csv', Buffer.concat([Buffer.from('name,n\nok,1\ncaf'), Buffer.from([0xe9]), Buffer.from(',2\n')]));
    const e = await inputError(readTable(f));
    expect(e.message).toBe(`${f} line 3, byte 4 of the line, is not valid UTF-8 (byte 0xe9); save the file as UTF-8 (for example: iconv -f latin1 -t utf-8).`);
    expect(e.where).toEqual({ file: f, line: 3, col: 4 });
    // truncated multi-byte character at the very end
    const g = await tmp.file('trunc.csv', Buffer.concat([Buffer.from('a\nx'), Buffer.from([0xc3])]));
    expect((await inputError(readTable(g))).where).toEqual({ file: g, line: 2, col: 2 });
    // deep in a large file, past the first chunk
    const big = Buffer.concat([Buffer.from(`a,b\n${'1,xyz\n'.repeat(1_000_000)}`), Buffer.from([0xff]), Buffer.from(',1\n')]);
    const h = await tmp.file('late-latin1.csv', big);
    expect((await inputError(readTable(h))).where).toEqual({ file: h, line: 1_000_002, col: 1 });
  });

  test('infinity in a numeric column says it is not a finite number and how to fix it', async () => {
    for (const inf of ['Infinity', 'inf', '-Infinity', '+inf', 'INF', '1e999']) {
      const f = await tmp.file(`inf-${inf}.csv`, `x,y\n1,a\n${inf},b\n`);
      const e = await inputError(readTable(f));
      expect(e.message).toBe(
        `${f} line 3, column 'x': '${inf}' is not a finite number; leave the cell empty (or write NA) to mark it missing, or remove the row.`,
      );
      expect(e.where).toEqual({ file: f, line: 3 });
    }
    // also when the column is forced numeric
    const g = await tmp.file('inf-forced.csv', 'x\nInfinity\n');
    const kinds = new Map<string, ColumnKind>([['x', 'numeric']]);
    expect((await inputError(readTable(g, { kinds }))).message).toMatch(/not a finite number/);
    // but a categorical column may hold the word
    const h = await tmp.file('inf-text.csv', 'x\nInfinity\nfoo\n');
    expect((await readTable(h)).columns[0].kind).toBe('categorical');
  });

  test('duplicate and empty header names', async () => {
    const f = await tmp.file('dup.csv', 'a,b,a\n1,2,3\n');
    const e = await inputError(readTable(f));
    expect(e.message).toBe(`${f} line 1: the column name 'a' appears twice (columns 1 and 3); rename one of them.`);
    expect(e.where).toEqual({ file: f, line: 1, col: 3 });
    const g = await tmp.file('empty-name.csv', 'a,,c\n1,2,3\n');
    const e2 = await inputError(readTable(g));
    expect(e2.message).toBe(`${g} line 1: column 2 has an empty name; give every column a name in the header row.`);
  });

  test('a missing file, a directory without data files, a glob that matches nothing', async () => {
    const missing = join(tmp.dir, 'nope.csv');
    const e = await inputError(readTable(missing));
    expect(e.message).toMatch(new RegExp(`^File ${missing} does not exist; check the path`));
    expect(e.where.file).toBe(missing);
    oneSentence(e.message);

    await tmp.file('nodata/readme.md', '# hi\n');
    await tmp.file('nodata/notes.txt', 'a\n1\n');
    const dir = join(tmp.dir, 'nodata');
    const e2 = await inputError(readTable(dir));
    expect(e2.message).toMatch(new RegExp(`^Directory ${dir} holds no data files`));

    const pattern = join(tmp.dir, 'nodata', '*.parquet');
    const e3 = await inputError(readTable(pattern));
    expect(e3.message).toMatch(/^The glob .*\*\.parquet matches no files; check the pattern/);
    expect(e3.where.file).toBe(pattern);
    const e4 = await inputError(readTable(join(tmp.dir, 'nodata', '*')));
    expect(e4.message).toMatch(/matches 2 files but no data file/);
    const e5 = await inputError(readTable(join(tmp.dir, 'no-such-dir', '**', '*.csv')));
    expect(e5.message).toMatch(/matches no files/);
  });

  test('an unsupported extension', async () => {
    const f = await tmp.file('data.xlsx', 'PK');
    expect((await inputError(readTable(f))).message).toMatch(/is not a format modelci reads; use \.csv/);
  });

  test('malformed JSONL: line number and the JSON error', async () => {
    const f = await tmp.file('bad.jsonl', '{"a": 1}\n{"a": 2,}\n');
    const e = await inputError(readTable(f));
    expect(e.message).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 2 is not valid JSON \\(.+\\); write one JSON object per line\\.$`));
    expect(e.where).toEqual({ file: f, line: 2 });
    const g = await tmp.file('array.jsonl', '{"a": 1}\n[1, 2]\n');
    expect((await inputError(readTable(g))).message).toBe(`${g} line 2 holds an array, not a JSON object; write one object per line, like {"column": value}.`);
    const h = await tmp.file('empty.jsonl', '\n\n');
    expect((await inputError(readTable(h))).message).toMatch(/is empty/);
    const i = await tmp.file('inf.jsonl', '{"a": 1}\n{"a": 1e999}\n');
    expect((await inputError(readTable(i))).message).toMatch(/line 2, column 'a': 'Infinity' is not a finite number/);
  });

  test('a corrupt or truncated gzip file', async () => {
    const whole = gzipSync('a,b\n' + '1,2\n'.repeat(10000));
    const f = await tmp.file('cut.csv.gz', whole.subarray(0, whole.length / 2));
    expect((await inputError(readTable(f))).message).toMatch(/is not a valid gzip file .*; it may be truncated or corrupt/);
    const g = await tmp.file('plain.csv.gz', 'a,b\n1,2\n');
    expect((await inputError(readTable(g))).message).toMatch(/is not a valid gzip file/);
  });

  test('a truncated or corrupt parquet file', async () => {
    const { readFile } = await import('node:fs/promises');
    const real = await readFile(join(FIXTURES, '..', '..', '..', '..', '..', 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet'));
    const cut = await tmp.file('cut.parquet', real.subarray(0, 1_000_000));
    const e = await inputError(readTable(cut));
    expect(e.message).toMatch(/^.*cut\.parquet is not a readable Parquet file \(.*\); it may be truncated or corrupt: write it again\.$/);
    oneSentence(e.message);
    const junk = await tmp.file('junk.parquet', 'this is not parquet at all');
    expect((await inputError(readTable(junk))).message).toMatch(/is not a readable Parquet file/);
    const empty = await tmp.file('empty.parquet', '');
    expect((await inputError(readTable(empty))).message).toMatch(/is empty \(0 bytes\)/);
    // footer intact, the first page header damaged
    const damaged = Buffer.from(real);
    for (let i = 4; i < 12; i++) damaged[i] ^= 0x5a;
    const d = await tmp.file('damaged.parquet', damaged);
    expect((await inputError(readTable(d, { include: (n) => n === 'date' }))).message).toMatch(/is not a readable Parquet file/);
  });
});

test('an InputError is one line even when it quotes text with line breaks', async () => {
  const { InputError: E } = await import('../../src/shared/errors.js');
  expect(new E("the header is one column, '\r\n;', which contains ';'").message).toBe("the header is one column, '\\r\\n;', which contains ';'");
});
