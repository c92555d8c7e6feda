import { join, relative } from 'node:path';
import { readTable } from '../../src/data/read-table.js';
import { resolveFiles, segmentRegExp } from '../../src/data/resolve-files.js';
import type { ColumnKind } from '../../src/data/table.js';
import { cat, FIXTURES, inputError, labels, num, numbers, tempDir } from './helpers.js';

const PARTS = join(FIXTURES, 'parts');

describe('resolveFiles', () => {
  test('a directory: data files under it, recursively, sorted; hidden, _-prefixed and .txt left out', async () => {
    const files = await resolveFiles(PARTS);
    expect(files.map((f) => relative(PARTS, f))).toEqual(['2024-01.csv', '2024-02.csv', 'more/2024-03.csv']);
  });

  test('globs: *, ?, [abc], [a-z], [!x], **', async () => {
    const rel = async (p: string): Promise<string[]> => (await resolveFiles(join(PARTS, p))).map((f) => relative(PARTS, f));
    expect(await rel('*.csv')).toEqual(['2024-01.csv', '2024-02.csv']);
    expect(await rel('2024-0?.csv')).toEqual(['2024-01.csv', '2024-02.csv']);
    expect(await rel('2024-0[13].csv')).toEqual(['2024-01.csv']);
    expect(await rel('2024-0[2-3].csv')).toEqual(['2024-02.csv']);
    expect(await rel('2024-0[!1].csv')).toEqual(['2024-02.csv']);
    expect(await rel('**/*.csv')).toEqual(['2024-01.csv', '2024-02.csv', 'more/2024-03.csv']);
    expect(await rel('**/2024-03.csv')).toEqual(['more/2024-03.csv']);
    expect(await rel('m*/*.csv')).toEqual(['more/2024-03.csv']);
    expect(await rel('**')).toEqual(['2024-01.csv', '2024-02.csv', 'more/2024-03.csv']);
    // .txt only when the pattern asks for it; _tmp is matched when named
    expect(await rel('*.txt')).toEqual(['README.txt']);
    expect(await rel('_tmp/*.csv')).toEqual(['_tmp/ignored.csv']);
  });

  test('a relative glob stays relative', async () => {
    const cwd = process.cwd();
    process.chdir(FIXTURES);
    try {
      expect(await resolveFiles('parts/*.csv')).toEqual(['parts/2024-01.csv', 'parts/2024-02.csv']);
      expect(await resolveFiles('./parts/more/*.csv')).toEqual(['./parts/more/2024-03.csv']);
      expect(await resolveFiles('**/2024-03.csv')).toEqual(['parts/more/2024-03.csv']);
    } finally {
      process.chdir(cwd);
    }
  });

  test('segment patterns', () => {
    expect(segmentRegExp('a.b*').test('a.bcd')).toBe(true);
    expect(segmentRegExp('a.b*').test('axbcd')).toBe(false);
    expect(segmentRegExp('[ab]+(x)').test('a+(x)')).toBe(true);
    expect(segmentRegExp('[]]x').test(']x')).toBe(true);
    expect(segmentRegExp('x[').test('x[')).toBe(true);
  });

  test('a literal file name with glob characters is read as a file', async () => {
    const tmp = await tempDir();
    try {
      const f = await tmp.file('odd[1].csv', 'a\n1\n');
      expect(await resolveFiles(f)).toEqual([f]);
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('readTable: several files', () => {
  test('a directory concatenates its files in order; columns may come in another order', async () => {
    const t = await readTable(PARTS);
    expect(t.files.map((f) => relative(PARTS, f))).toEqual(['2024-01.csv', '2024-02.csv', 'more/2024-03.csv']);
    expect(t.rowCount).toBe(5);
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'y']);
    expect(numbers(num(t, 'x'))).toEqual([1, 2, 3, 4, 5]);
    expect(labels(cat(t, 'y'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('a glob concatenates the same way', async () => {
    const t = await readTable(join(PARTS, '**', '*.csv'));
    expect(t.rowCount).toBe(5);
  });

  test('kinds settled by the first file are used for the next: text there counts as textCells', async () => {
    const tmp = await tempDir();
    try {
      await tmp.file('k/a.csv', 'v,w\n1,x\n2,y\n');
      const b = await tmp.file('k/b.csv', 'v,w\nthree,3\n4,4\n');
      const t = await readTable(join(tmp.dir, 'k'));
      const v = num(t, 'v');
      expect(numbers(v)).toEqual([1, 2, null, 4]);
      expect(v.textCells).toBe(1);
      expect(v.firstText).toEqual({ file: b, line: 2, text: 'three' });
      expect(labels(cat(t, 'w'))).toEqual(['x', 'y', '3', '4']);
    } finally {
      await tmp.cleanup();
    }
  });

  test('a column all missing in the first file takes its kind from the next', async () => {
    const tmp = await tempDir();
    try {
      await tmp.file('u/a.csv', 'v,w\n1,\n2,\n');
      await tmp.file('u/b.csv', 'v,w\n3,red\n');
      const t = await readTable(join(tmp.dir, 'u'));
      expect(labels(cat(t, 'w'))).toEqual([null, null, 'red']);
      expect(cat(t, 'w').missing).toBe(2);
      await tmp.file('n/a.csv', 'v,w\n1,\n');
      await tmp.file('n/b.csv', 'v,w\n3,2.5\n');
      expect(numbers(num(await readTable(join(tmp.dir, 'n')), 'w'))).toEqual([null, 2.5]);
    } finally {
      await tmp.cleanup();
    }
  });

  test('a file lacking a column, or with an extra one, names both files and the column', async () => {
    const tmp = await tempDir();
    try {
      const a = await tmp.file('l/a.csv', 'x,y\n1,2\n');
      const b = await tmp.file('l/b.csv', 'x\n3\n');
      const e = await inputError(readTable(join(tmp.dir, 'l')));
      expect(e.message).toBe(
        `${b} lacks column 'y', which ${a} (the first file read) has; files read together must have the same columns: add it (empty cells are fine) or read the files separately.`,
      );
      expect(e.where.file).toBe(b);

      const c = await tmp.file('e/a.csv', 'x\n1\n');
      const d = await tmp.file('e/b.csv', 'x,z\n3,4\n');
      const e2 = await inputError(readTable(join(tmp.dir, 'e')));
      expect(e2.message).toBe(
        `${d} has column 'z', which ${c} (the first file read) does not have; files read together must have the same columns: remove it or add it to every file.`,
      );

      // columns left out by include do not count
      const t = await readTable(join(tmp.dir, 'e'), { include: (n) => n === 'x' });
      expect(numbers(num(t, 'x'))).toEqual([1, 3]);
    } finally {
      await tmp.cleanup();
    }
  });

  test('CSV and JSONL files read together', async () => {
    const tmp = await tempDir();
    try {
      await tmp.file('m/a.csv', 'id,v\n1,a\n');
      await tmp.file('m/b.jsonl', '{"v": "b", "id": 2}\n{"id": 3}\n');
      const t = await readTable(join(tmp.dir, 'm'), { kinds: new Map<string, ColumnKind>([['id', 'categorical']]) });
      expect(labels(cat(t, 'id'))).toEqual(['1', '2', '3']);
      expect(labels(cat(t, 'v'))).toEqual(['a', 'b', null]);
    } finally {
      await tmp.cleanup();
    }
  });
});
