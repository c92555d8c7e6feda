/**
 * Mode 1 of quality-gates: run the candidate ONNX model (and the production baseline, if given)
 * over the test data and measure everything the gates may ask about.
 */
import os from 'node:os';
import { InputError } from '../shared/errors.js';
import { readTable } from '../data/read-table.js';
import type { Column, Table } from '../data/table.js';
import { closestName } from '../shared/closest-name.js';
import { openModel, type ExecutionProvider, type ModelSession } from './model-session.js';
import type { VerifiedCudaProviders } from './cuda-provider-archive.js';
import { planFeeds, listNames, type FeedPlan } from './input-mapping.js';
import { chooseOutputs, type OutputRoles, type Task } from './model-outputs.js';
import { predictAll, type RawPredictions } from './predict.js';
import { scoreClassification, type ClassificationScore } from './score-classification.js';
import { regressionMetrics, type RegressionMetrics } from './metrics/regression.js';
import { mcnemarTest } from './metrics/mcnemar.js';
import { probeRobustness, type RobustnessCheck } from './probe-robustness.js';
import { measureLatency, type LatencyOptions } from './measure-latency.js';
import { measureEndpointLatency, type EndpointLatencyOptions, type EndpointLatencyReport } from './measure-endpoint-latency.js';
import { endpointBodies } from './endpoint-requests.js';
import { probeGpus } from '../gpu/probe-gpu.js';
import {
  EVALUATION_REPORT_SCHEMA,
  classKey,
  jsonNumber,
  type BaselineReport,
  type EvaluationReport,
  type Hardware,
  type LatencyReport,
} from './evaluation-report.js';

export interface EvaluateModelInput {
  model: string;
  testData: string;
  labelColumn: string;
  baseline?: string;
  provider?: ExecutionProvider;
  /** With cuda: the provider libraries the shell fetched and checked, installed beside the runtime. */
  cudaProviders?: VerifiedCudaProviders;
  task?: Task | 'auto';
  /** input-mapping: model input -> columns. */
  mapping?: ReadonlyMap<string, string[]>;
  features?: string[];
  classNames?: string;
  predictionOutput?: string;
  probabilityOutput?: string;
  delimiter?: string;
  /** false skips latency (a report without latency metrics fails latency gates). */
  latency?: LatencyOptions | false;
  /** Time the model server at this endpoint instead of the model in-process (latency is then ignored). */
  endpoint?: EndpointLatencyOptions;
  /** Also time the baseline (only when a gate compares latency with it). */
  baselineLatency?: boolean;
  now?: Date;
}

/** One model scored on the test rows. */
interface ScoredModel {
  session: ModelSession;
  plan: FeedPlan;
  roles: OutputRoles;
  predictions: RawPredictions;
  classification?: ClassificationScore;
  regression?: RegressionMetrics;
}

const P_SIGNIFICANT = 0.05;

export async function evaluateModel(input: EvaluateModelInput): Promise<EvaluationReport> {
  const table = await readTestData(input);
  const label = labelColumn(table, input.labelColumn);
  const candidate = await scoreModel(input.model, 'model', table, label, input);
  try {
    const robustness = await probeRobustness(candidate.session, candidate.plan, fetchNames(candidate.roles), candidate.predictions);
    const latency = input.latency === false || input.endpoint ? undefined : await latencyReport(candidate, input.latency ?? {});
    const endpoint = input.endpoint ? await endpointReport(table, candidate, input.endpoint) : undefined;
    const report = buildReport(input, table, candidate, robustness, latency, endpoint);
    if (input.baseline) report.baseline = await baselineReport(input, table, label, candidate);
    return report;
  } finally {
    await candidate.session.release();
  }
}

async function readTestData(input: EvaluateModelInput): Promise<Table> {
  const table = await readTable(input.testData, { delimiter: input.delimiter });
  if (table.rowCount === 0) {
    throw new InputError(`The test data ${input.testData} has no rows; a model cannot be judged on an empty test set: point test-data at the held-out split.`, {
      input: 'test-data',
    });
  }
  return table;
}

function labelColumn(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (found) return found;
  const names = table.columns.map((c) => c.name);
  const near = closestName(name, names);
  throw new InputError(`The test data has no label column '${name}'${near ? `; did you mean '${near}'?` : `; its columns are ${listNames(names)}.`}`, {
    input: 'label-column',
  });
}

async function scoreModel(path: string, inputName: string, table: Table, label: Column, input: EvaluateModelInput): Promise<ScoredModel> {
  const session = await openModel(path, { provider: input.provider, input: inputName, cudaProviders: input.cudaProviders });
  try {
    const plan = planFeeds(table, session.inputs, session.ort, {
      labelColumn: label.name,
      mapping: input.mapping,
      features: input.features,
      metadata: session.info.metadata,
    });
    const roles = chooseOutputs(session.outputs, label, {
      task: input.task,
      predictionOutput: input.predictionOutput,
      probabilityOutput: input.probabilityOutput,
    });
    const predictions = await predictAll(session, plan, roles);
    const scored: ScoredModel = { session, plan, roles, predictions };
    if (roles.task === 'classification') {
      const classNames = input.classNames ?? session.info.metadata.classes;
      scored.classification = scoreClassification(label, predictions, {
        classNames,
        classNamesFrom: input.classNames ? 'class-names' : classNames ? `the 'classes' metadata of ${path}` : undefined,
      });
    } else {
      scored.regression = regressionMetrics((label as Extract<Column, { kind: 'numeric' }>).values, predictions.numbers!);
    }
    return scored;
  } catch (e) {
    await session.release();
    throw e;
  }
}

function fetchNames(roles: OutputRoles): string[] {
  return [roles.prediction?.name, roles.probabilities?.name].filter((x): x is string => !!x);
}

/** The flat metric map gates read. Every metric of the task is present; null = not measured. */
function flatMetrics(m: ScoredModel, sizeBytes: number): Record<string, number | null> {
  const out: Record<string, number | null> = { rows: m.predictions.rows, size: sizeBytes };
  let nonFinite = 0;
  for (let r = 0; r < m.predictions.rows; r++) nonFinite += m.predictions.nonFinite[r];
  out.nonfinite_outputs = nonFinite;
  const c = m.classification;
  if (c) {
    out.accuracy = c.metrics.accuracy;
    out['accuracy.ci_low'] = c.accuracyInterval[0];
    out['accuracy.ci_high'] = c.accuracyInterval[1];
    out.balanced_accuracy = c.metrics.balancedAccuracy;
    out.macro_f1 = c.metrics.macroF1;
    out.log_loss = jsonNumber(c.logLoss);
    out.roc_auc = jsonNumber(c.rocAuc);
    out.collapsed_classes = c.metrics.collapsed.length;
    for (const k of c.metrics.perClass) {
      out[`precision.${classKey(k.label)}`] = k.precision;
      out[`recall.${classKey(k.label)}`] = k.recall;
      out[`f1.${classKey(k.label)}`] = k.f1;
    }
  }
  if (m.regression) {
    out.mae = jsonNumber(m.regression.mae);
    out.rmse = jsonNumber(m.regression.rmse);
    out.r2 = jsonNumber(m.regression.r2);
  }
  return out;
}

function buildReport(
  input: EvaluateModelInput,
  table: Table,
  m: ScoredModel,
  robustness: RobustnessCheck[],
  latency: LatencyReport | undefined,
  endpointLatency?: EndpointLatencyReport,
): EvaluationReport {
  const info = m.session.info;
  const metrics = flatMetrics(m, info.totalBytes);
  for (const check of robustness) metrics[`robustness.${check.name}`] = check.passed === null ? null : check.passed ? 1 : 0;
  // The latency gated is the one measured: the model server's when an endpoint was given.
  const timed = endpointLatency ?? latency;
  if (timed) {
    for (const k of ['mean', 'p50', 'p95', 'p99', 'max'] as const) metrics[`latency.${k}`] = timed[k];
    metrics.throughput = timed.throughput;
  } else {
    for (const k of ['mean', 'p50', 'p95', 'p99', 'max']) metrics[`latency.${k}`] = null;
    metrics.throughput = null;
  }
  const c = m.classification;
  return {
    schema: EVALUATION_REPORT_SCHEMA,
    createdAt: (input.now ?? new Date()).toISOString(),
    task: m.roles.task,
    model: {
      path: input.model,
      sizeBytes: info.totalBytes,
      externalData: info.externalData.map((f) => ({ location: f.location, bytes: f.bytes })),
      producer: info.producer,
      irVersion: info.irVersion,
      opsets: info.opsets,
      inputs: m.plan.bindings.map((b) => ({ input: b.input, type: b.type, columns: b.columns, source: b.source })),
      outputs: { prediction: m.roles.prediction?.name, probabilities: m.roles.probabilities?.name },
    },
    data: { spec: input.testData, files: table.files, rows: table.rowCount, labelColumn: input.labelColumn, rowsWithMissingInputs: m.plan.missingRows },
    metrics,
    classification: c && {
      labels: c.labels,
      matrix: c.confusion.matrix,
      perClass: c.metrics.perClass,
      collapsed: c.metrics.collapsed,
      accuracyInterval: { low: c.accuracyInterval[0], high: c.accuracyInterval[1], confidence: 0.95 },
    },
    regression: m.regression,
    latency,
    endpointLatency,
    robustness,
    notes: c ? [...c.notes] : [],
  };
}

async function latencyReport(m: ScoredModel, options: LatencyOptions): Promise<LatencyReport> {
  const result = await measureLatency(m.session, m.plan, options);
  const { samples: _samples, ...summary } = result;
  return { ...summary, hardware: await hardware(m.session) };
}

/** Requests built from the same rows the model was scored on, one row each. */
async function endpointReport(table: Table, m: ScoredModel, options: EndpointLatencyOptions): Promise<EndpointLatencyReport> {
  const bodies = endpointBodies(options.format, table, m.plan, options.requests + options.warmupRequests);
  return measureEndpointLatency(bodies, options);
}

async function hardware(session: ModelSession): Promise<Hardware> {
  const cpus = os.cpus();
  return {
    provider: session.provider,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${process.platform}/${process.arch}`,
    node: process.version,
    onnxruntime: session.ort.env.versions.node ?? 'unknown',
    gpus: session.provider === 'cuda' ? await probeGpus() : [],
  };
}

async function baselineReport(input: EvaluateModelInput, table: Table, label: Column, candidate: ScoredModel): Promise<BaselineReport> {
  const base = await scoreModel(input.baseline!, 'baseline', table, label, input);
  try {
    if (base.roles.task !== candidate.roles.task) {
      throw new InputError(
        `The baseline ${input.baseline} is scored as a ${base.roles.task} model but the candidate as ${candidate.roles.task}; compare models that answer the same question.`,
        { input: 'baseline' },
      );
    }
    const metrics = flatMetrics(base, base.session.info.totalBytes);
    if (input.baselineLatency && input.latency !== false) {
      const latency = await measureLatency(base.session, base.plan, input.latency ?? {});
      for (const k of ['mean', 'p50', 'p95', 'p99', 'max'] as const) metrics[`latency.${k}`] = latency[k];
      metrics.throughput = latency.throughput;
    }
    const report: BaselineReport = { model: input.baseline!, metrics };
    if (candidate.classification && base.classification) {
      report.mcnemar = compareErrors(candidate.classification.correct, base.classification.correct);
    }
    return report;
  } finally {
    await base.session.release();
  }
}

/** McNemar on the rows where exactly one of the two models is right. */
function compareErrors(candidate: Uint8Array, baseline: Uint8Array): BaselineReport['mcnemar'] {
  let b = 0;
  let c = 0;
  for (let r = 0; r < candidate.length; r++) {
    if (candidate[r] && !baseline[r]) b++;
    else if (!candidate[r] && baseline[r]) c++;
  }
  const test = mcnemarTest(b, c);
  const p = test.pValue;
  const conclusion =
    b === c
      ? `Both models are wrong on the same number of rows where they disagree (${b} each): no difference.`
      : p < P_SIGNIFICANT
        ? `The candidate is ${b > c ? 'better' : 'worse'} than the baseline: right on ${b} rows the baseline gets wrong, wrong on ${c} it gets right (McNemar p = ${p.toPrecision(3)}).`
        : `The difference is within noise: the candidate is right on ${b} rows the baseline gets wrong and wrong on ${c} it gets right (McNemar p = ${p.toPrecision(3)} ≥ ${P_SIGNIFICANT}).`;
  return { ...test, candidateRightBaselineWrong: b, candidateWrongBaselineRight: c, conclusion };
}
