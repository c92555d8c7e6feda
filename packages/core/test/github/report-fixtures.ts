// A drift report and a quality-gates verdict as the steps write them, for the PR report's tests.
import type { DriftReport } from '../../src/drift/report.js';
import type { QualityGatesVerdict } from '../../src/gates/quality-gates-verdict.js';

const CREATED = '2026-03-01T12:00:00.000Z';

export function driftReport(drifted: boolean): DriftReport {
  const feature = (name: string, status: 'ok' | 'drift') => ({
    name,
    kind: 'numeric' as const,
    status,
    effects: {},
    reason: status === 'drift' ? `Wasserstein distance 0.41 ≥ 0.1 and p = 2e-9 after Holm correction` : 'no change',
    reference: { rows: 200, count: 200 },
    current: { rows: 180, count: 180 },
  });
  return {
    schema: 'modelci/drift-report@1',
    createdAt: CREATED,
    reference: { origin: 'profile', files: ['reference.json'], rows: 200 },
    current: { files: ['data/current.csv'], rows: 180 },
    options: {} as DriftReport['options'],
    verdict: {
      failed: drifted,
      drifted,
      critical: false,
      driftedFeatures: drifted ? ['temp_max'] : [],
      criticalFeatures: [],
      driftShare: drifted ? 0.5 : 0,
      testedFeatures: 2,
      summary: drifted ? '1 of 2 features drifted: temp_max.' : 'No drift in 2 features.',
    },
    features: [feature('temp_max', drifted ? 'drift' : 'ok'), feature('wind', 'ok')],
    findings: [],
  };
}

export function gateVerdict(withBaseline: boolean): QualityGatesVerdict {
  return {
    schema: 'modelci/gate-verdict@1',
    createdAt: CREATED,
    passed: false,
    checks: [],
    summary: '1 of 2 gates failed: latency.p99 <= 50ms.',
    gates: [
      {
        gate: 'accuracy >= baseline.accuracy - 0.01',
        metric: 'accuracy',
        comparator: '>=',
        actual: 0.91,
        threshold: 0.88,
        dimension: 'ratio',
        passed: true,
        margin: 0.03,
        reason: 'ok',
      },
      {
        gate: 'latency.p99 <= 50ms',
        metric: 'latency.p99',
        comparator: '<=',
        actual: 52.3,
        threshold: 50,
        dimension: 'time',
        passed: false,
        margin: -2.3,
        reason: 'too slow',
      },
    ],
    metrics: { accuracy: 0.91, 'latency.p99': 52.3, size: 3_210_000 },
    ...(withBaseline ? { baselineMetrics: { accuracy: 0.89, 'latency.p99': 40.1, size: 3_000_000 } } : {}),
    source: { model: 'models/model.onnx', baseline: withBaseline ? 'production' : undefined },
  };
}
