import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/shared/errors.js';
import type { CategoricalColumn, Column, NumericColumn, Table } from '../../src/data/table.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; file: (name: string, content: string | Uint8Array) => Promise<string>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'modelci-data-'));
  return {
    dir,
    async file(name, content) {
      const path = join(dir, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export function col(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}; have ${table.columns.map((x) => x.name).join(', ')}`);
  return c;
}

export function num(table: Table, name: string): NumericColumn {
  const c = col(table, name);
  if (c.kind !== 'numeric') throw new Error(`column ${name} is ${c.kind}`);
  return c;
}

export function cat(table: Table, name: string): CategoricalColumn {
  const c = col(table, name);
  if (c.kind !== 'categorical') throw new Error(`column ${name} is ${c.kind}`);
  return c;
}

/** A categorical column's cells as strings (null for missing). */
export function labels(c: CategoricalColumn): (string | null)[] {
  return Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k]));
}

/** A numeric column's cells (null for NaN). */
export function numbers(c: NumericColumn): (number | null)[] {
  return Array.from(c.values, (v) => (Number.isNaN(v) ? null : v));
}

/** Await a promise that must reject with an InputError; returns it. */
export async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
  }
  throw new Error('expected an InputError, but the promise resolved');
}
