import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readTable } from '../../src/data/read-table.js';
import type { ColumnKind } from '../../src/data/table.js';
import { cat, FIXTURES, labels, num, numbers, tempDir } from './helpers.js';

describe('readTable: JSON Lines', () => {
  test('keys become columns in order of first appearance; absent keys and null are missing', async () => {
    const t = await readTable(join(FIXTURES, 'rows.jsonl'));
    expect(t.rowCount).toBe(3);
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['age', 'numeric'],
      ['city', 'categorical'],
      ['vip', 'categorical'],
      ['tags', 'categorical'],
      ['extra', 'categorical'],
    ]);
    expect(numbers(num(t, 'age'))).toEqual([34, null, 28.5]);
    expect(labels(cat(t, 'city'))).toEqual(['Lyon', 'Paris', null]);
    expect(labels(cat(t, 'vip'))).toEqual(['true', 'false', 'true']);
    expect(labels(cat(t, 'tags'))).toEqual(['["a","b"]', null, null]);
    expect(labels(cat(t, 'extra'))).toEqual([null, null, 'late']);
    expect(cat(t, 'extra').missing).toBe(2);
  });

  test('numbers written as strings count as numbers; text in a numeric column is counted', async () => {
    const tmp = await tempDir();
    try {
      const lines = [...Array.from({ length: 1500 }, (_, i) => JSON.stringify({ v: i % 2 ? i : String(i) })), '{"v": "oops"}'];
      const f = await tmp.file('v.ndjson', `${lines.join('\r\n')}\r\n`);
      const v = num(await readTable(f), 'v');
      expect(v.values[3]).toBe(3);
      expect(v.values[4]).toBe(4);
      expect(v.textCells).toBe(1);
      expect(v.firstText).toEqual({ file: f, line: 1501, text: 'oops' });
    } finally {
      await tmp.cleanup();
    }
  });

  test('forced kinds, gzip, include', async () => {
    const tmp = await tempDir();
    try {
      const f = await tmp.file('k.jsonl.gz', gzipSync('{"id": 7, "x": 1}\n{"id": 8, "x": 2}\n'));
      const t = await readTable(f, { kinds: new Map<string, ColumnKind>([['id', 'categorical']]), include: (n) => n !== 'x' });
      expect(t.columns.map((c) => c.name)).toEqual(['id']);
      expect(labels(cat(t, 'id'))).toEqual(['7', '8']);
    } finally {
      await tmp.cleanup();
    }
  });

  test('long lines across chunk boundaries', async () => {
    const tmp = await tempDir();
    try {
      const big = 'x'.repeat(5 << 20);
      const f = await tmp.file('long.jsonl', `{"s": "a", "n": 1}\n{"s": "${big}", "n": 2}\n{"s": "b", "n": 3}\n`);
      const t = await readTable(f);
      expect(numbers(num(t, 'n'))).toEqual([1, 2, 3]);
      expect(cat(t, 's').categories[1].length).toBe(5 << 20);
    } finally {
      await tmp.cleanup();
    }
  });
});
