/**
 * The real data the test models learn from (vega-datasets): Palmer penguins for classification,
 * the classic cars set for regression. Rows missing a used value are dropped; splits are seeded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VEGA } from '../helpers/datasets.js';
import { mulberry32, shuffled } from './random.js';

export const PENGUIN_FEATURES = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'] as const;
export const CAR_FEATURES = ['horsepower', 'weight_lbs', 'acceleration'] as const;
export type PenguinFeature = (typeof PENGUIN_FEATURES)[number];

/** Our column name → the key in vega-datasets' JSON. */
const PENGUIN_KEYS: Record<PenguinFeature, string> = {
  bill_length_mm: 'Beak Length (mm)',
  bill_depth_mm: 'Beak Depth (mm)',
  flipper_length_mm: 'Flipper Length (mm)',
  body_mass_g: 'Body Mass (g)',
};
const CAR_KEYS: Record<(typeof CAR_FEATURES)[number], string> = {
  horsepower: 'Horsepower',
  weight_lbs: 'Weight_in_lbs',
  acceleration: 'Acceleration',
};

export interface Penguin {
  species: string;
  island: string;
  /** In PENGUIN_FEATURES order. */
  features: number[];
}

export interface Car {
  /** In CAR_FEATURES order. */
  features: number[];
  mpg: number;
}

export interface Split<T> {
  train: T[];
  test: T[];
}

type JsonRow = Record<string, unknown>;

const TRAIN_FRACTION = 0.7;
const PENGUIN_SEED = 20240611;
const CAR_SEED = 1970;

export function loadPenguins(): Split<Penguin> {
  const rows = readJson('penguins.json').flatMap((row): Penguin[] => {
    const features = PENGUIN_FEATURES.map((name) => row[PENGUIN_KEYS[name]]);
    if (!features.every(isNumber) || typeof row.Species !== 'string' || typeof row.Island !== 'string') return [];
    return [{ species: row.Species, island: row.Island, features }];
  });
  // Stratified, so the small Chinstrap class keeps its share in both halves.
  return splitRows(rows, mulberry32(PENGUIN_SEED), (p) => p.species);
}

export function loadCars(): Split<Car> {
  const rows = readJson('cars.json').flatMap((row): Car[] => {
    const features = CAR_FEATURES.map((name) => row[CAR_KEYS[name]]);
    const mpg = row.Miles_per_Gallon;
    return features.every(isNumber) && isNumber(mpg) ? [{ features, mpg }] : [];
  });
  return splitRows(rows, mulberry32(CAR_SEED), () => 'all');
}

/** 70/30 split within each stratum; each half keeps the file's row order. */
function splitRows<T>(rows: T[], random: () => number, stratum: (row: T) => string): Split<T> {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const group = groups.get(stratum(row)) ?? [];
    group.push(i);
    groups.set(stratum(row), group);
  });
  const trainIndices = new Set<number>();
  for (const indices of groups.values()) {
    const order = shuffled(indices, random);
    order.slice(0, Math.round(order.length * TRAIN_FRACTION)).forEach((i) => trainIndices.add(i));
  }
  return { train: rows.filter((_, i) => trainIndices.has(i)), test: rows.filter((_, i) => !trainIndices.has(i)) };
}

export function penguinsCsv(rows: Penguin[]): string {
  return toCsv(
    ['species', 'island', ...PENGUIN_FEATURES],
    rows.map((p) => [p.species, p.island, ...p.features]),
  );
}

export function carsCsv(rows: Car[]): string {
  return toCsv(
    [...CAR_FEATURES, 'mpg'],
    rows.map((c) => [...c.features, c.mpg]),
  );
}

/** No value here contains a comma or quote, so none needs quoting. */
function toCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((cells) => cells.join(',')).join('\n') + '\n';
}

function readJson(name: string): JsonRow[] {
  return JSON.parse(readFileSync(join(VEGA, name), 'utf8')) as JsonRow[];
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
