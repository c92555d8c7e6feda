import type { Annotation } from '../shared/annotation.js';
import type { QualityGatesVerdict } from './quality-gates-verdict.js';

/**
 * What blocks the model is an error (failed gates and built-in checks), what a reviewer should
 * weigh is a warning (a robustness probe with severity 'warn' that failed, a p99 on too few
 * runs), and the evaluation's notes are notices: the run page tells the same story as the exit code.
 */
export function gateAnnotations(v: QualityGatesVerdict): Annotation[] {
  const file = v.evaluation?.model.path ?? v.source.model;
  const at = file ? { file } : {};
  return [...errors(v, at), ...warnings(v, at), ...notices(v, at)];
}

type At = { file?: string };

function errors(v: QualityGatesVerdict, at: At): Annotation[] {
  return [
    ...v.gates.filter((g) => !g.passed).map((g): Annotation => ({ level: 'error', title: `Gate failed: ${g.gate}`, message: g.reason, ...at })),
    ...v.checks.filter((c) => !c.passed).map((c): Annotation => ({ level: 'error', title: `Check failed: ${c.name}`, message: c.detail, ...at })),
  ];
}

function warnings(v: QualityGatesVerdict, at: At): Annotation[] {
  const e = v.evaluation;
  if (!e) return [];
  const out = e.robustness
    .filter((r) => r.severity === 'warn' && r.passed === false)
    .map((r): Annotation => ({ level: 'warning', title: `Robustness: ${r.name}`, message: r.detail, ...at }));
  if (e.latency?.warning) out.push({ level: 'warning', title: 'Latency: too few runs', message: e.latency.warning, ...at });
  if (e.endpointLatency?.warning) out.push({ level: 'warning', title: 'Latency: too few requests', message: e.endpointLatency.warning, ...at });
  return out;
}

function notices(v: QualityGatesVerdict, at: At): Annotation[] {
  return (v.evaluation?.notes ?? []).map((n): Annotation => ({ level: 'notice', title: 'Evaluation note', message: n, ...at }));
}
