import { selectRows } from '../../src/data/select-rows.js';
import type { Table } from '../../src/data/table.js';

const table: Table = {
  rowCount: 5,
  files: ['a.csv'],
  columns: [
    {
      kind: 'numeric',
      name: 'x',
      values: Float64Array.from([1, NaN, 3, NaN, 5]),
      missing: 1,
      textCells: 1,
      firstText: { file: 'a.csv', line: 5, text: 'n/a' },
      unit: 'epoch-ms',
    },
    { kind: 'numeric', name: 'y', values: Float64Array.from([NaN, 2, 3, 4, NaN]), missing: 2, textCells: 0 },
    { kind: 'categorical', name: 'c', codes: Int32Array.from([0, 1, -1, 0, 2]), categories: ['a', 'b', 'c'], missing: 1 },
  ],
};

describe('selectRows', () => {
  test('keeps the masked rows in order, recounts missing cells, keeps the dictionary and the unit', () => {
    const t = selectRows(table, Uint8Array.from([1, 0, 1, 1, 0]));
    expect(t.rowCount).toBe(3);
    expect(t.files).toEqual(['a.csv']);
    const [x, y, c] = t.columns;
    expect(x.kind === 'numeric' && [...x.values]).toEqual([1, 3, NaN]);
    // One NaN kept, one text cell in the original: counted as the text cell, never hidden as missing.
    expect(x.kind === 'numeric' && [x.missing, x.textCells, x.unit, x.firstText?.text]).toEqual([0, 1, 'epoch-ms', 'n/a']);
    expect(y.kind === 'numeric' && [[...y.values], y.missing, y.textCells]).toEqual([[NaN, 3, 4], 1, 0]);
    expect(c.kind === 'categorical' && [[...c.codes], c.categories, c.missing]).toEqual([[0, -1, 0], ['a', 'b', 'c'], 1]);
    expect(c.kind === 'categorical' && c.categories).toBe((table.columns[2] as { categories: string[] }).categories);
  });

  test('an all-zero mask is an empty table with the same columns', () => {
    const t = selectRows(table, new Uint8Array(5));
    expect(t.rowCount).toBe(0);
    expect(t.columns.map((col) => [col.name, col.kind, col.missing])).toEqual([
      ['x', 'numeric', 0],
      ['y', 'numeric', 0],
      ['c', 'categorical', 0],
    ]);
  });
});
