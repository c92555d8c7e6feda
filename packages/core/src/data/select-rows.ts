/**
 * selectRows: the rows of a table where `keep` is non-zero, as a new table of typed arrays.
 * Categorical columns keep their dictionary (codes stay comparable with the original's).
 */
import type { CategoricalColumn, Column, NumericColumn, Table } from './table.js';

export function selectRows(table: Table, keep: Uint8Array): Table {
  if (keep.length !== table.rowCount) throw new Error(`internal: a mask of ${keep.length} rows for a table of ${table.rowCount}`);
  let kept = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) kept++;
  return { rowCount: kept, columns: table.columns.map((c) => selectColumn(c, keep, kept)), files: [...table.files] };
}

function selectColumn(col: Column, keep: Uint8Array, kept: number): Column {
  return col.kind === 'numeric' ? selectNumeric(col, keep, kept) : selectCategorical(col, keep, kept);
}

function selectNumeric(col: NumericColumn, keep: Uint8Array, kept: number): NumericColumn {
  const values = new Float64Array(kept);
  let nan = 0;
  for (let i = 0, j = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    const v = col.values[i];
    if (v !== v) nan++;
    values[j++] = v;
  }
  // NaN marks both a missing cell and a text cell; the table does not say which row was which.
  // With no text cells the split is exact; otherwise text cells are counted first, up to the
  // original count, so a schema problem is never hidden as missing data.
  const textCells = Math.min(col.textCells, nan);
  const out: NumericColumn = { kind: 'numeric', name: col.name, values, missing: nan - textCells, textCells };
  if (textCells > 0 && col.firstText) out.firstText = col.firstText;
  if (col.unit) out.unit = col.unit;
  return out;
}

function selectCategorical(col: CategoricalColumn, keep: Uint8Array, kept: number): CategoricalColumn {
  const codes = new Int32Array(kept);
  let missing = 0;
  for (let i = 0, j = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    const c = col.codes[i];
    if (c < 0) missing++;
    codes[j++] = c;
  }
  return { kind: 'categorical', name: col.name, codes, categories: col.categories, missing };
}
