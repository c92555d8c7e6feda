import { InputError } from './errors.js';

/** What a number measures, so that `size <= 100ms` is caught instead of compared. */
export type Dimension = 'time' | 'bytes' | 'ratio';

export interface Quantity {
  /** In the canonical unit of its dimension: milliseconds, bytes, or a plain number. */
  value: number;
  /** Undefined for a bare number, which takes the metric's own unit. */
  dimension?: Dimension;
}

// Decimal units are powers of 1000, binary ones powers of 1024, as `du` and the IEC define them.
const UNITS: Record<string, { factor: number; dimension: Dimension }> = {
  us: { factor: 1e-3, dimension: 'time' },
  µs: { factor: 1e-3, dimension: 'time' },
  ms: { factor: 1, dimension: 'time' },
  s: { factor: 1000, dimension: 'time' },
  b: { factor: 1, dimension: 'bytes' },
  kb: { factor: 1e3, dimension: 'bytes' },
  mb: { factor: 1e6, dimension: 'bytes' },
  gb: { factor: 1e9, dimension: 'bytes' },
  tb: { factor: 1e12, dimension: 'bytes' },
  kib: { factor: 1024, dimension: 'bytes' },
  mib: { factor: 1024 ** 2, dimension: 'bytes' },
  gib: { factor: 1024 ** 3, dimension: 'bytes' },
  tib: { factor: 1024 ** 4, dimension: 'bytes' },
  '%': { factor: 0.01, dimension: 'ratio' },
};

/** Parse `500MB`, `1.5GiB`, `100ms`, `2 s`, `92%` or a bare number. */
export function parseQuantity(text: string, where: { input?: string; context?: string } = {}): Quantity {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Zµ%]*)\s*$/.exec(text);
  const unit = m?.[2].toLowerCase() ?? '';
  if (!m || (unit !== '' && !(unit in UNITS))) {
    const context = where.context ? ` in '${where.context}'` : '';
    throw new InputError(`'${text.trim()}'${context} is not a number with a known unit; write e.g. 0.92, 92%, 100ms, 1.5s, 500MB or 1.5GiB.`, {
      input: where.input,
    });
  }
  const value = Number(m[1]);
  if (unit === '') return { value };
  const u = UNITS[unit];
  return { value: value * u.factor, dimension: u.dimension };
}

/** Format a canonical value for people: bytes in MB/GB, times in ms or s. */
export function formatQuantity(value: number, dimension: Dimension | undefined): string {
  if (dimension === 'bytes') {
    const steps: [number, string][] = [
      [1e12, 'TB'],
      [1e9, 'GB'],
      [1e6, 'MB'],
      [1e3, 'kB'],
    ];
    for (const [f, u] of steps) if (Math.abs(value) >= f) return `${Number((value / f).toPrecision(4))} ${u}`;
    return `${value} B`;
  }
  if (dimension === 'time') return Math.abs(value) >= 1000 ? `${Number((value / 1000).toPrecision(4))} s` : `${Number(value.toPrecision(4))} ms`;
  return `${Number(value.toPrecision(6))}`;
}
