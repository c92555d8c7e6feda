/**
 * The quality-gates step, shared by the action and `modelci gates`: parse the gates, measure the
 * model (or read the team's report), apply the gates and built-in checks, and write the
 * GateVerdict atomically, only once everything succeeded.
 */
import { writeFileAtomic } from '../shared/atomic-write.js';
import { InputError } from '../shared/errors.js';
import type { Annotation } from '../shared/annotation.js';
import { evaluateModel } from '../model/evaluate-model.js';
import type { ExecutionProvider } from '../model/model-session.js';
import type { VerifiedCudaProviders } from '../model/cuda-provider-archive.js';
import { parseInputMapping, parseNameList } from '../model/input-mapping.js';
import { toMetrics, type EvaluationReport } from '../model/evaluation-report.js';
import { renderGatesMarkdown } from '../render/gates-markdown.js';
import { gateAnnotations } from '../gates/gate-annotations.js';
import { closestName } from '../shared/closest-name.js';
import { evaluateGates, type GateCheck } from '../gates/evaluate-gates.js';
import { legacyGates, parseGates, type Gate } from '../gates/gate.js';
import { readMetricsReport } from '../gates/read-metrics-report.js';
import { parseInputs, requireInput } from '../shared/parse-input.js';
import type { RawInputs } from '../shared/input-spec.js';
import { QUALITY_GATES_INPUTS } from './quality-gates-inputs.js';
import { checkEndpointUrl, type EndpointLatencyOptions } from '../model/measure-endpoint-latency.js';
import type { EndpointFormat } from '../model/endpoint-requests.js';
import type { QualityGatesVerdict } from '../gates/quality-gates-verdict.js';

export type { QualityGatesVerdict } from '../gates/quality-gates-verdict.js';

/** Inputs of the quality-gates action and the `modelci gates` command, as typed by the user. */
export type QualityGatesRequest = RawInputs<typeof QUALITY_GATES_INPUTS>;

export interface QualityGatesOutcome {
  verdict: QualityGatesVerdict;
  verdictPath: string;
  markdown: string;
  annotations: Annotation[];
  outputs: { passed: string; report: string; 'failed-gates': string; accuracy: string; 'latency-p99': string; size: string };
}

/** Metric names an evaluation produces (per-class ones are checked by prefix). */
const KNOWN_METRICS = [
  'accuracy',
  'accuracy.ci_low',
  'accuracy.ci_high',
  'balanced_accuracy',
  'macro_f1',
  'log_loss',
  'roc_auc',
  'collapsed_classes',
  'mae',
  'rmse',
  'r2',
  'rows',
  'size',
  'nonfinite_outputs',
  'throughput',
  'latency.mean',
  'latency.p50',
  'latency.p95',
  'latency.p99',
  'latency.max',
  'robustness.finite_outputs',
  'robustness.deterministic',
  'robustness.zero_input',
  'robustness.extreme_input',
  'robustness.nan_input',
  'mcnemar.p_value',
];
const PER_CLASS = /^(precision|recall|f1)\.[A-Za-z0-9_]+$/;

/** Whether an evaluation (mode 1) can produce a metric of this name. */
export function isKnownMetric(name: string): boolean {
  return KNOWN_METRICS.includes(name) || PER_CLASS.test(name);
}

/** What a shell provides the step: with cuda, how to fetch and check the provider libraries (called once the inputs passed their checks, so bad input never waits for a download). */
export interface QualityGatesPrepared {
  cudaProviders?: () => Promise<VerifiedCudaProviders>;
}

export async function runQualityGates(req: QualityGatesRequest, now = new Date(), prepared: QualityGatesPrepared = {}): Promise<QualityGatesOutcome> {
  const v = parseInputs(QUALITY_GATES_INPUTS, req);
  const model = v.model;
  const reportPath = v.report;
  if (model && reportPath) {
    throw new InputError(
      `Inputs 'model' and 'report' were both given; give 'model' (with test-data and label-column) for modelci to evaluate it, or 'report' to gate your own evaluation, not both.`,
      { input: 'report' },
    );
  }
  if (!model && !reportPath) {
    throw new InputError(
      `Input 'model' is required: give the .onnx file to evaluate (with test-data and label-column), or give 'report', the JSON your own evaluation wrote.`,
      { input: 'model' },
    );
  }
  const gates = [...legacyGates(req), ...parseGates(v.gates.join('\n'))];
  if (gates.length === 0) {
    throw new InputError(
      `No gates were given, so nothing decides whether the model may ship; set 'gates' (e.g. 'accuracy >= 0.9' and 'latency.p99 <= 100ms', one per line) or min-accuracy, max-latency-p99, max-model-size.`,
      { input: 'gates' },
    );
  }
  const verdictPath = v['verdict-path'];
  const baseline = v.baseline;
  const endpoint = endpointOptions(v, req, gates, Boolean(reportPath));

  let metrics: Record<string, number | null>;
  let baselineMetrics: Record<string, number | null> | undefined;
  let evaluation: EvaluationReport | undefined;
  if (model) {
    checkMetricNames(gates);
    const baselineIsReport = baseline?.toLowerCase().endsWith('.json');
    const testData = requireInput(req['test-data'], 'test-data', 'the held-out data to score the model on (file, directory or glob)', { with: 'model' });
    const labelColumn = requireInput(req['label-column'], 'label-column', 'the name of the column holding the true labels', { with: 'model' });
    const cudaProviders = prepared.cudaProviders ? await prepared.cudaProviders() : undefined;
    evaluation = await evaluateModel({
      model,
      testData,
      labelColumn,
      baseline: baselineIsReport ? undefined : baseline,
      provider: v['execution-provider'] as ExecutionProvider,
      cudaProviders,
      task: v.task as 'classification' | 'regression' | 'auto',
      mapping: v['input-mapping'].length > 0 ? parseInputMapping(v['input-mapping'].join('\n')) : undefined,
      features: req.features?.trim() ? parseNameList(req.features) : undefined,
      classNames: v['class-names'],
      predictionOutput: v['prediction-output'],
      probabilityOutput: v['probability-output'],
      delimiter: req.delimiter || undefined,
      latency: { runs: v['latency-runs'], warmupRuns: v['warmup-runs'], batchSize: v['batch-size'] },
      endpoint,
      baselineLatency: gates.some((g) => g.threshold.kind === 'baseline' && /^(latency\.|throughput)/.test(g.threshold.metric)),
      now,
    });
    metrics = evaluation.metrics;
    if (evaluation.baseline) {
      baselineMetrics = evaluation.baseline.metrics;
      if (evaluation.baseline.mcnemar) metrics['mcnemar.p_value'] = evaluation.baseline.mcnemar.pValue;
    } else if (baseline) {
      baselineMetrics = (await readMetricsReport(baseline, 'baseline')).metrics;
    }
  } else {
    metrics = (await readMetricsReport(reportPath!, 'report')).metrics;
    if (baseline) {
      if (!baseline.toLowerCase().endsWith('.json')) {
        throw new InputError(
          `Input 'baseline' is ${baseline}, but with 'report' the baseline must be a report too (a .json with "metrics"); modelci only runs ONNX models when 'model' is given.`,
          { input: 'baseline' },
        );
      }
      baselineMetrics = (await readMetricsReport(baseline, 'baseline')).metrics;
    }
  }

  const base = evaluateGates(gates, toMetrics(metrics), {
    baseline: baselineMetrics ? toMetrics(baselineMetrics) : undefined,
    checks: evaluation ? builtInChecks(evaluation) : [],
    now,
  });
  const verdict: QualityGatesVerdict = {
    ...base,
    metrics,
    baselineMetrics,
    evaluation,
    source: { model, report: reportPath, baseline },
  };
  await writeFileAtomic(verdictPath, JSON.stringify(verdict, null, 2) + '\n', { input: 'verdict-path', example: 'gate-verdict.json' });
  const failed = [...verdict.gates.filter((g) => !g.passed).map((g) => g.gate), ...verdict.checks.filter((c) => !c.passed).map((c) => c.name)];
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    verdict,
    verdictPath,
    markdown: renderGatesMarkdown(verdict),
    annotations: gateAnnotations(verdict),
    outputs: {
      passed: String(verdict.passed),
      report: verdictPath,
      'failed-gates': JSON.stringify(failed),
      accuracy: shown(metrics.accuracy),
      'latency-p99': shown(metrics['latency.p99']),
      size: shown(metrics.size),
    },
  };
}

/**
 * Checks every model must pass whatever the gates say: every class it was trained on is
 * predicted, outputs are finite on clean rows, the same input gives the same output, and (with
 * a baseline) it is not significantly worse than production.
 */
function builtInChecks(report: EvaluationReport): GateCheck[] {
  const checks: GateCheck[] = [];
  const c = report.classification;
  if (c) {
    checks.push(
      c.collapsed.length === 0
        ? { name: 'no collapsed class', passed: true, detail: `Every class in the test labels is predicted at least once.` }
        : {
            name: 'no collapsed class',
            passed: false,
            detail: `The model never predicts ${c.collapsed.map((l) => `'${l}'`).join(', ')}, though ${c.collapsed.length === 1 ? 'it is' : 'they are'} in the test labels (${c.collapsed.map((l) => c.perClass.find((k) => k.label === l)?.support ?? 0).join(', ')} rows): the class has collapsed.`,
          },
    );
  }
  for (const r of report.robustness) {
    if (r.severity !== 'fail' || r.passed === null) continue;
    checks.push({ name: r.name === 'finite_outputs' ? 'finite outputs' : 'deterministic', passed: r.passed, detail: r.detail });
  }
  const m = report.baseline?.mcnemar;
  if (m) {
    const worse = m.candidateWrongBaselineRight > m.candidateRightBaselineWrong && m.pValue < 0.05;
    checks.push({ name: 'not worse than baseline', passed: !worse, detail: m.conclusion });
  }
  return checks;
}

/**
 * latency-endpoint's options, checked before the model is run: it needs the model (requests are
 * built from the rows it takes), and its latency is not comparable with a baseline run in-process.
 */
function endpointOptions(
  v: ReturnType<typeof parseInputs<typeof QUALITY_GATES_INPUTS>>,
  req: QualityGatesRequest,
  gates: Gate[],
  withReport: boolean,
): EndpointLatencyOptions | undefined {
  const url = v['latency-endpoint'];
  if (!url) return undefined;
  if (withReport) {
    throw new InputError(
      `Input 'latency-endpoint' needs 'model' (with test-data): the requests are built from the rows the model takes; with 'report', put the server's latency in your report instead.`,
      { input: 'latency-endpoint' },
    );
  }
  const compared = gates.find((g) => g.threshold.kind === 'baseline' && /^(latency\.|throughput)/.test(g.threshold.metric));
  if (compared) {
    throw new InputError(
      `Gate '${compared.text}' compares latency with the baseline, but with latency-endpoint the candidate's latency is the server's and the baseline's would be in-process; gate on a fixed threshold (e.g. latency.p99 <= 50ms) instead.`,
      { input: compared.input, line: compared.line },
    );
  }
  const format = v['latency-endpoint-format'] as EndpointFormat;
  checkEndpointUrl(url, format);
  return {
    url,
    format,
    requests: v['latency-endpoint-requests'],
    concurrency: v['latency-endpoint-concurrency'],
    warmupRequests: v['latency-endpoint-warmup'],
    timeoutMs: v['latency-endpoint-timeout'],
    maxErrorRate: v['latency-endpoint-max-error-rate'],
    token: req['latency-endpoint-token']?.trim() || undefined,
  };
}

/** Catches a misspelt metric before minutes of evaluation, not after. */
function checkMetricNames(gates: Gate[]): void {
  for (const g of gates) {
    const names = [g.metric, ...(g.threshold.kind === 'baseline' ? [g.threshold.metric] : [])];
    for (const name of names) {
      if (isKnownMetric(name)) continue;
      const near = closestName(name, KNOWN_METRICS);
      throw new InputError(
        `Gate '${g.text}' names the metric '${name}', which the evaluation does not produce; ${near ? `did you mean '${near}'?` : `known metrics: ${KNOWN_METRICS.join(', ')}, and precision.<class>, recall.<class>, f1.<class>.`}`,
        { input: g.input, line: g.line },
      );
    }
  }
}
