/**
 * What a person wants to see of a model version, whatever the view: the metrics that decide
 * (accuracy, macro F1, p99 latency, size) first, then the rest, and the commit as a link.
 */
import type { ModelVersion } from '../registry/model-version.js';
import { formatQuantity } from '../shared/quantity.js';

/** The metrics shown first, in this order, with their names for people and their units. */
const KEY_METRICS: Array<{ key: string; label: string; show: (x: number) => string }> = [
  { key: 'accuracy', label: 'accuracy', show: (x) => fixed(x) },
  { key: 'macro_f1', label: 'macro F1', show: (x) => fixed(x) },
  { key: 'latency.p99', label: 'p99 latency', show: (x) => formatQuantity(x, 'time') },
  { key: 'size', label: 'size', show: (x) => formatQuantity(x, 'bytes') },
];

/** Four decimals for a share, as the gates show them. */
const fixed = (x: number) => (Math.abs(x) <= 1 ? x.toFixed(4) : String(Number(x.toPrecision(6))));

export interface ShownMetric {
  key: string;
  label: string;
  value: string;
}

/** The key metrics this version has, in order. */
export function keyMetrics(v: ModelVersion): ShownMetric[] {
  const out: ShownMetric[] = [];
  for (const m of KEY_METRICS) {
    const x = v.metrics[m.key];
    if (typeof x === 'number') out.push({ key: m.key, label: m.label, value: m.show(x) });
  }
  return out;
}

/** Every other metric with a value, sorted by name. */
export function otherMetrics(v: ModelVersion): ShownMetric[] {
  const key = new Set(KEY_METRICS.map((m) => m.key));
  return Object.entries(v.metrics)
    .filter(([k, x]) => !key.has(k) && typeof x === 'number')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, x]) => ({ key: k, label: k, value: fixed(x as number) }));
}

/** https://github.com/<owner>/<repo>/commit/<sha> when the run URL is a GitHub Actions run, else undefined. */
export function commitUrl(v: ModelVersion): string | undefined {
  const { gitSha, runUrl } = v.provenance;
  if (!gitSha || !/^[0-9a-f]{7,64}$/i.test(gitSha) || !runUrl) return undefined;
  const m = /^(https:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+)\/actions\/runs\/\d+/.exec(runUrl);
  return m ? `${m[1]}/commit/${gitSha}` : undefined;
}

export const shortDigest = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
