/** Number formats shared by every rendered report, so the summary and the terminal agree. */

export function formatP(p: number | undefined): string {
  if (p === undefined || Number.isNaN(p)) return '–';
  if (p === 0) return '< 1e-300';
  if (p < 1e-4) return p.toExponential(1);
  if (p >= 0.9995) return '1';
  return p.toFixed(p < 0.001 ? 4 : 3);
}

/** "p = 0.003", or "p < 1e-300" when the p-value underflowed to zero. */
export function pEquals(p: number | undefined): string {
  return p === 0 ? 'p < 1e-300' : `p = ${formatP(p)}`;
}

export function formatNumber(x: number | undefined, digits = 3): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(2);
  return Number(x.toPrecision(digits + (a >= 100 ? 2 : 0))).toString();
}

export function formatPercent(x: number | undefined | null): string {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  return `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.001 ? 3 : 1)}%`;
}

/** A duration for people: whole minutes as `5 min`, anything else in seconds (`30 s`, `0.5 s`). */
export function formatDuration(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Number((ms / 1000).toPrecision(4))} s`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
