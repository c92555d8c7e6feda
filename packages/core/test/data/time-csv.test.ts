import { readTable } from '../../src/data/read-table.js';
import { cat, num, tempDir } from './helpers.js';

// The CSV reader takes a column for dates from its first cells and parses every cell straight
// to epoch-ms; JSONL dictionary-encodes and parses the distinct values at the end. They must agree.
const MINUTE = 60_000;
const T0 = Date.UTC(2001, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('date/time columns in CSV', () => {
  let t: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    t = await tempDir();
  });
  afterAll(() => t.cleanup());

  const dates = (n: number) => Array.from({ length: n }, (_, i) => iso(T0 + i * 7 * MINUTE));

  test('every cell parsed to epoch-ms, missing cells and quoted cells included; the same as JSONL', async () => {
    const cells = dates(3000).map((d, i) => (i % 97 === 5 ? '' : i % 89 === 3 ? `"${d}"` : i === 2500 ? 'NA' : d));
    const csv = await t.file('a.csv', 'date,x\n' + cells.map((c, i) => `${c},${i}`).join('\n') + '\n');
    const jsonl = await t.file(
      'a.jsonl',
      cells.map((c, i) => JSON.stringify({ date: c === '' || c === 'NA' ? null : c.replaceAll('"', ''), x: i })).join('\n') + '\n',
    );
    const fromCsv = num(await readTable(csv), 'date');
    const fromJsonl = num(await readTable(jsonl), 'date');
    expect(fromCsv.unit).toBe('epoch-ms');
    expect(fromJsonl.unit).toBe('epoch-ms');
    expect(fromCsv.missing).toBe(cells.filter((c) => c === '' || c === 'NA').length);
    expect(Array.from(fromCsv.values)).toEqual(Array.from(fromJsonl.values));
    expect(fromCsv.values[1]).toBe(T0 + 7 * MINUTE);
    expect(fromCsv.values[5]).toBeNaN();
  });

  test('a column that looks like dates at first but holds other text later is categories, as in JSONL', async () => {
    const cells = dates(5000);
    cells[4000] = 'unknown';
    const csv = await t.file('b.csv', 'date,x\n' + cells.map((c, i) => `${c},${i}`).join('\n') + '\n');
    const jsonl = await t.file('b.jsonl', cells.map((c, i) => JSON.stringify({ date: c, x: i })).join('\n') + '\n');
    const fromCsv = cat(await readTable(csv), 'date');
    const fromJsonl = cat(await readTable(jsonl), 'date');
    expect(fromCsv.categories).toEqual(fromJsonl.categories);
    expect(Array.from(fromCsv.codes)).toEqual(Array.from(fromJsonl.codes));
    expect(fromCsv.categories[fromCsv.codes[4000]]).toBe('unknown');
    expect(num(await readTable(csv), 'x').values[4999]).toBe(4999);
  });

  test('a later file with a non-date cell turns the column of every file into categories', async () => {
    const a = await t.file(
      'multi/1.csv',
      'date,x\n' +
        dates(50)
          .map((c, i) => `${c},${i}`)
          .join('\n') +
        '\n',
    );
    await t.file('multi/2.csv', 'date,x\n' + ['2001-02-01T00:00,1', '42,2'].join('\n') + '\n');
    const table = await readTable(a.replace(/1\.csv$/, '*.csv'));
    const date = cat(table, 'date');
    expect(date.categories).toContain('42');
    expect(date.categories[date.codes[0]]).toBe(iso(T0));
  });

  test('dates mixed with numbers in the first cells are categories', async () => {
    const csv = await t.file('c.csv', 'date,x\n2001-01-01,1\n17,2\n2001-01-03,3\n');
    expect(cat(await readTable(csv), 'date').categories).toEqual(['2001-01-01', '17', '2001-01-03']);
  });

  test('a column forced categorical stays text', async () => {
    const csv = await t.file(
      'd.csv',
      'date,x\n' +
        dates(20)
          .map((c, i) => `${c},${i}`)
          .join('\n') +
        '\n',
    );
    const date = cat(await readTable(csv, { kinds: new Map([['date', 'categorical']]) }), 'date');
    expect(date.categories[0]).toBe(iso(T0));
  });
});
