import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readTable } from '../../src/data/read-table.js';
import type { ColumnKind } from '../../src/data/table.js';
import { cat, FIXTURES, inputError, labels, num, numbers, tempDir } from './helpers.js';

const FLIGHTS = join(FIXTURES, '..', '..', '..', '..', '..', 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');

describe('readTable: Parquet', () => {
  test('the flights file: 3,000,000 rows, ZSTD, only the included columns', async () => {
    const t = await readTable(FLIGHTS, { include: (n) => n !== 'date' });
    expect(t.rowCount).toBe(3_000_000);
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['delay', 'numeric'],
      ['distance', 'numeric'],
      ['origin', 'categorical'],
      ['destination', 'categorical'],
    ]);
    const distance = num(t, 'distance');
    let min = Infinity,
      max = -Infinity;
    for (const v of distance.values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([21, 4962]);
    expect(distance.missing).toBe(0);
    const delay = num(t, 'delay');
    expect(Array.from(delay.values.subarray(0, 3))).toEqual([33, 19, 14]);
    const origin = cat(t, 'origin');
    expect(origin.categories.length).toBeGreaterThan(200);
    expect(origin.categories).toContain('LAX');
    expect(origin.missing).toBe(0);
    expect(origin.codes.length).toBe(3_000_000);
  });

  test('the flights date column: a TIMESTAMP(MICROS), read as epoch milliseconds', async () => {
    const t = await readTable(FLIGHTS, { include: (n) => n === 'date' });
    const date = num(t, 'date');
    expect(date.unit).toBe('epoch-ms');
    expect(new Date(date.values[0]).toISOString()).toBe('2001-01-01T00:01:00.000Z');
    let max = -Infinity;
    for (const v of date.values) if (v > max) max = v;
    expect(new Date(max).toISOString()).toBe('2001-07-01T00:00:00.000Z');
  });

  describe('files written by hyparquet-writer', () => {
    let tmp: Awaited<ReturnType<typeof tempDir>>;
    beforeAll(async () => {
      tmp = await tempDir();
    });
    afterAll(async () => {
      await tmp.cleanup();
    });

    const columnData = [
      { name: 'i32', data: [1, 2, null, 4], type: 'INT32' as const },
      { name: 'i64', data: [10n, null, 30n, -40n], type: 'INT64' as const },
      { name: 'f64', data: [0.5, NaN, null, 2.25], type: 'DOUBLE' as const },
      { name: 'str', data: ['a', null, 'NA', 'é'], type: 'STRING' as const },
      { name: 'flag', data: [true, false, null, true], type: 'BOOLEAN' as const },
      { name: 'ts', data: [new Date(0), new Date(86_400_000), null, new Date(1_000)], type: 'TIMESTAMP' as const },
    ];

    for (const codec of ['SNAPPY', 'UNCOMPRESSED', 'GZIP'] as const) {
      test(`types, nulls and NaN (${codec})`, async () => {
        const buf = parquetWriteBuffer({ columnData, codec, compressors: { GZIP: (b: Uint8Array) => gzipSync(b) }, rowGroupSize: 3 });
        const f = await tmp.file(`t-${codec}.parquet`, new Uint8Array(buf));
        const t = await readTable(f);
        expect(t.rowCount).toBe(4);
        expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
          ['i32', 'numeric'],
          ['i64', 'numeric'],
          ['f64', 'numeric'],
          ['str', 'categorical'],
          ['flag', 'categorical'],
          ['ts', 'numeric'],
        ]);
        expect(numbers(num(t, 'i32'))).toEqual([1, 2, null, 4]);
        expect(numbers(num(t, 'i64'))).toEqual([10, null, 30, -40]);
        expect(numbers(num(t, 'f64'))).toEqual([0.5, null, null, 2.25]);
        expect(num(t, 'f64').missing).toBe(2);
        expect(labels(cat(t, 'str'))).toEqual(['a', null, null, 'é']);
        expect(labels(cat(t, 'flag'))).toEqual(['true', 'false', null, 'true']);
        expect(numbers(num(t, 'ts'))).toEqual([0, 86_400_000, null, 1_000]);
        expect(num(t, 'ts').unit).toBe('epoch-ms');
      });
    }

    test('encodings (dictionary, delta, byte-stream-split, plain) over several row groups and pages, with nulls', async () => {
      const n = 25_000;
      const ints = Array.from({ length: n }, (_, i) => (i % 97 === 0 ? null : BigInt(i * 3 - 1000)));
      const floats = Array.from({ length: n }, (_, i) => (i % 89 === 0 ? null : i / 8));
      const cities = ['Lyon', 'Paris', 'NA', 'Nice', ''];
      const strs = Array.from({ length: n }, (_, i) => (i % 83 === 0 ? null : cities[i % 5]));
      const plain = Array.from({ length: n }, (_, i) => `id-${i}`);
      const buf = parquetWriteBuffer({
        columnData: [
          { name: 'ints', data: ints, type: 'INT64', encoding: 'DELTA_BINARY_PACKED' },
          { name: 'floats', data: floats, type: 'DOUBLE', encoding: 'BYTE_STREAM_SPLIT' },
          { name: 'strs', data: strs, type: 'STRING' },
          { name: 'plain', data: plain, type: 'STRING', encoding: 'PLAIN' },
        ],
        rowGroupSize: 7_000,
        pageSize: 4096,
      });
      const f = await tmp.file('enc.parquet', new Uint8Array(buf));
      const t = await readTable(f);
      expect(t.rowCount).toBe(n);
      expect(numbers(num(t, 'ints'))).toEqual(ints.map((v) => (v === null ? null : Number(v))));
      expect(numbers(num(t, 'floats'))).toEqual(floats);
      const s = cat(t, 'strs');
      expect(labels(s)).toEqual(strs.map((v) => (v === null || v === 'NA' || v === '' ? null : v)));
      expect(s.categories).toEqual(['Paris', 'Nice', 'Lyon']); // order of first appearance (row 1 is null)
      expect(s.missing).toBe(strs.filter((v) => v === null || v === 'NA' || v === '').length);
      expect(labels(cat(t, 'plain'))).toEqual(plain);
    });

    test('forced kinds: numbers as categories, strings parsed as numbers with text counted', async () => {
      const buf = parquetWriteBuffer({
        columnData: [
          { name: 'code', data: [75001, 69001], type: 'INT32' },
          { name: 'n', data: ['1.5', 'x'], type: 'STRING' },
        ],
      });
      const f = await tmp.file('forced.parquet', new Uint8Array(buf));
      const kinds = new Map<string, ColumnKind>([
        ['code', 'categorical'],
        ['n', 'numeric'],
      ]);
      const t = await readTable(f, { kinds });
      expect(labels(cat(t, 'code'))).toEqual(['75001', '69001']);
      const n = num(t, 'n');
      expect(numbers(n)).toEqual([1.5, null]);
      expect(n.textCells).toBe(1);
      expect(n.firstText).toEqual({ file: f, line: 2, text: 'x' });
    });

    test('an infinity in a float column is an error naming the row', async () => {
      const buf = parquetWriteBuffer({ columnData: [{ name: 'x', data: [1, Infinity], type: 'DOUBLE' }] });
      const f = await tmp.file('inf.parquet', new Uint8Array(buf));
      const e = await inputError(readTable(f));
      expect(e.message).toBe(
        `${f} row 2, column 'x': 'Infinity' is not a finite number; leave the cell empty (or write NA) to mark it missing, or remove the row.`,
      );
    });

    test('a list column is an error unless left out', async () => {
      const buf = parquetWriteBuffer({
        columnData: [
          { name: 'a', data: [1, 2] },
          { name: 'l', data: [[1], [2, 3]] },
        ],
        schema: [
          { name: 'root', num_children: 2 },
          { name: 'a', type: 'INT32', repetition_type: 'OPTIONAL' },
          { name: 'l', repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', type: 'INT32', repetition_type: 'OPTIONAL' },
        ],
      });
      const f = await tmp.file('list.parquet', new Uint8Array(buf));
      expect((await inputError(readTable(f))).message).toMatch(/column 'l' is a list, map or struct/);
      const t = await readTable(f, { include: (n) => n === 'a' });
      expect(numbers(num(t, 'a'))).toEqual([1, 2]);
    });

    test('a CSV and a Parquet file read together', async () => {
      const csv = await tmp.file('mix/a.csv', 'x,s\n1,p\n2,q\n');
      const pq = parquetWriteBuffer({
        columnData: [
          { name: 's', data: ['q', 'r'], type: 'STRING' },
          { name: 'x', data: [3, 4], type: 'DOUBLE' },
        ],
      });
      await tmp.file('mix/b.parquet', new Uint8Array(pq));
      const t = await readTable(join(tmp.dir, 'mix'));
      expect(t.files).toEqual([csv, join(tmp.dir, 'mix', 'b.parquet')]);
      expect(numbers(num(t, 'x'))).toEqual([1, 2, 3, 4]);
      expect(labels(cat(t, 's'))).toEqual(['p', 'q', 'q', 'r']);
      expect(cat(t, 's').categories).toEqual(['p', 'q', 'r']);
    });
  });
});
