import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readTable } from '../../src/data/read-table.js';
import { MISSING_MARKERS } from '../../src/data/cells.js';
import { InputError } from '../../src/shared/errors.js';
import type { ColumnKind } from '../../src/data/table.js';
import { labels, numbers, tempDir } from './helpers.js';

type Cell = number | string | null;
interface GenColumn {
  kind: ColumnKind;
  cells: Cell[];
}

const specialText = fc.constantFrom(',', '"', '""', '\r', '\n', '\r\n', '\t', ' ', ';', 'NA ', 'a"b', '"x', 'é', '日本', '\uFEFF', '😀', '0x', '1e', '-');
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  specialText,
  fc.array(specialText, { maxLength: 4 }).map((a) => a.join('')),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: -99999, max: 99999 }).map((i) => i / 100),
);
const missing = fc.constantFrom(...MISSING_MARKERS);

function column(rows: number): fc.Arbitrary<GenColumn> {
  return fc.oneof(
    fc.array(fc.option(number, { freq: 6 }), { minLength: rows, maxLength: rows }).map((cells) => ({ kind: 'numeric' as const, cells })),
    fc.array(fc.option(text, { freq: 6 }), { minLength: rows, maxLength: rows }).map((cells) => ({ kind: 'categorical' as const, cells })),
  );
}

const table = fc.integer({ min: 1, max: 25 }).chain((rows) =>
  fc.record({
    columns: fc.array(column(rows), { minLength: 1, maxLength: 5 }),
    delimiter: fc.constantFrom(',', '\t'),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    // per cell: quote it even when not needed; per line: CRLF or LF; which marker writes a missing cell
    quoting: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
    crlf: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
    markers: fc.array(missing, { minLength: 20, maxLength: 20 }),
  }),
);

describe('fuzz', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    tmp = await tempDir();
  });
  afterAll(async () => {
    await tmp.cleanup();
  });

  test('random tables written as CSV/TSV (quoting, CRLF, BOM, missing markers) read back exactly', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(table, async ({ columns, delimiter, bom, finalNewline, quoting, crlf, markers }) => {
        const rows = columns[0].cells.length;
        let q = 0;
        const field = (s: string, forceQuote: boolean): string => {
          const needs = s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || forceQuote;
          return needs || quoting[q++ % quoting.length] ? `"${s.replaceAll('"', '""')}"` : s;
        };
        const lines: string[] = [columns.map((_, i) => field(`c${i}`, false)).join(delimiter)];
        for (let r = 0; r < rows; r++) {
          lines.push(
            columns
              .map((c, i) => {
                const v = c.cells[r];
                const s = v === null ? markers[(r + i) % markers.length] : typeof v === 'number' ? String(v) : v;
                // a lone empty cell would make a blank line, which readers skip: quote it
                return field(s, columns.length === 1 && s === '');
              })
              .join(delimiter),
          );
        }
        const body = lines.map((l, i) => (i < lines.length - 1 || finalNewline ? l + (crlf[i % crlf.length] ? '\r\n' : '\n') : l)).join('');
        const file = await tmp.file(`t${n++}.${delimiter === ',' ? 'csv' : 'tsv'}`, (bom ? '\uFEFF' : '') + body);
        const kinds = new Map<string, ColumnKind>(columns.map((c, i) => [`c${i}`, c.kind]));
        const t = await readTable(file, { kinds });
        expect(t.rowCount).toBe(rows);
        expect(t.columns.map((c) => c.name)).toEqual(columns.map((_, i) => `c${i}`));
        columns.forEach((c, i) => {
          const got = t.columns[i];
          expect(got.kind).toBe(c.kind);
          if (got.kind === 'numeric') {
            expect(numbers(got)).toEqual(c.cells.map((v) => (v === null ? null : Number(String(v)))));
            expect(got.textCells).toBe(0);
            expect(got.missing).toBe(c.cells.filter((v) => v === null).length);
          } else {
            const expected = c.cells.map((v) => (v === null || MISSING_MARKERS.includes(v as string) ? null : (v as string)));
            expect(labels(got)).toEqual(expected);
            expect(got.missing).toBe(expected.filter((v) => v === null).length);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  test('inferred kinds: numbers-only columns are numeric, columns with a letter are categorical', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(number, { freq: 4 }), { minLength: 1, maxLength: 40 }),
        fc.array(
          fc.string({ unit: 'grapheme-ascii', maxLength: 6 }).map((s) => `x${s.replace(/[",\r\n]/g, '')}`),
          { minLength: 1, maxLength: 40 },
        ),
        async (nums, strs) => {
          const rows = Math.min(nums.length, strs.length);
          const lines = ['n,s', ...Array.from({ length: rows }, (_, r) => `${nums[r] === null ? '' : String(nums[r])},${strs[r]}`)];
          const t = await readTable(await tmp.file(`i${n++}.csv`, `${lines.join('\n')}\n`));
          const got = t.columns[0];
          const present = nums.slice(0, rows).filter((v) => v !== null);
          expect(got.kind).toBe('numeric');
          if (got.kind === 'numeric') expect(numbers(got).filter((v) => v !== null)).toEqual(present.map((v) => Number(String(v))));
          expect(t.columns[1].kind).toBe('categorical');
        },
      ),
      { numRuns: 200 },
    );
  });

  const tokens = fc.constantFrom(
    ',',
    '"',
    '""',
    '\n',
    '\r',
    '\r\n',
    'a',
    '1',
    '2.5',
    '.',
    'e',
    '-',
    'NA',
    'inf',
    ' ',
    ';',
    '\t',
    '{',
    '}',
    ':',
    '[',
    '"k"',
    'null',
    '\uFEFF',
    'é',
  );
  const bytesLike = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.array(tokens, { maxLength: 60 }).map((a) => new Uint8Array(Buffer.from(a.join('')))),
    fc.tuple(fc.array(tokens, { maxLength: 40 }), fc.uint8Array({ maxLength: 4 })).map(([a, b]) => new Uint8Array(Buffer.concat([Buffer.from(a.join('')), b]))),
  );

  test('damaged or truncated Parquet files either read or throw an InputError', async () => {
    const n = 3000;
    const good = Buffer.from(
      parquetWriteBuffer({
        columnData: [
          { name: 'i', data: Array.from({ length: n }, (_, k) => (k % 7 ? k : null)), type: 'INT32' },
          { name: 'd', data: Array.from({ length: n }, (_, k) => k / 3), type: 'DOUBLE', encoding: 'BYTE_STREAM_SPLIT' },
          { name: 's', data: Array.from({ length: n }, (_, k) => `s${k % 13}`), type: 'STRING' },
          { name: 'b', data: Array.from({ length: n }, (_, k) => BigInt(k * 1000)), type: 'INT64', encoding: 'DELTA_BINARY_PACKED' },
        ],
        rowGroupSize: 1000,
        pageSize: 2048,
      }),
    );
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ cut: fc.integer({ min: 0, max: good.length - 1 }) }),
          fc.record({ at: fc.integer({ min: 0, max: good.length - 1 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
        ),
        async (damage) => {
          let buf: Buffer;
          if ('cut' in damage) buf = good.subarray(0, damage.cut);
          else {
            buf = Buffer.from(good);
            buf.set(damage.bytes.subarray(0, buf.length - damage.at), damage.at);
          }
          const file = await tmp.file(`p${k++}.parquet`, buf);
          try {
            await readTable(file);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test('random bytes either read or throw an InputError, never another error', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytesLike, fc.constantFrom('csv', 'tsv', 'txt', 'jsonl', 'parquet'), fc.boolean(), async (bytes, ext, forced) => {
        const file = await tmp.file(`b${n++}.${ext}`, bytes);
        const options = forced
          ? {
              kinds: new Map<string, ColumnKind>([
                ['a', 'numeric'],
                ['1', 'categorical'],
              ]),
            }
          : {};
        try {
          const t = await readTable(file, options);
          expect(t.rowCount).toBeGreaterThan(0);
          for (const c of t.columns) expect(c.kind === 'numeric' ? c.values.length : c.codes.length).toBe(t.rowCount);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 600 },
    );
  });
});
