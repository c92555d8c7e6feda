/**
 * The public surface of @modelci/core. The shells (actions, CLI) use the steps and renderers;
 * the rest is here for the repository's own integration tests and benches. Everything else is
 * internal: import it by path from inside this package only.
 */

// Steps: one use case per action, with its inputs as the user typed them.
export { runDriftCheck, runProfile } from './steps/check-drift.js';
export { runQualityGates, isKnownMetric, type QualityGatesRequest } from './steps/quality-gates.js';
export { runAttach, runList, runPromote, runRegister, runRegistryOperation, runResolve } from './steps/register-model.js';
export { runMonitor, type MonitorContext, type MonitorOutcome } from './steps/monitor.js';
export { runCanaryDeploy, rollBackUnfinished, unfinishedRollout, DEFAULT_RECORD_PATH, type CanaryOutcome } from './steps/canary-deploy.js';

// Input catalogues: each step's inputs, once (action.yml, CLI flags and help agree with them).
export { CHECK_DRIFT_INPUTS, PROFILE_INPUTS } from './steps/check-drift-inputs.js';
export { QUALITY_GATES_INPUTS } from './steps/quality-gates-inputs.js';
export { REGISTER_MODEL_INPUTS, REGISTER_INPUTS, PROMOTE_INPUTS, RESOLVE_INPUTS, LIST_INPUTS, ATTACH_INPUTS } from './steps/register-model-inputs.js';
export { CANARY_DEPLOY_INPUTS, ROLLBACK_INPUTS } from './steps/canary-deploy-inputs.js';
export { MONITOR_INPUTS } from './steps/monitor-inputs.js';
export type { InputSpec, InputType, RawInputs } from './shared/input-spec.js';

// Renderers: the Markdown and terminal views of every report.
export { renderDriftMarkdown } from './render/drift-markdown.js';
export { renderDriftText } from './render/drift-text.js';
export { renderGatesMarkdown } from './render/gates-markdown.js';
export { renderGatesText } from './render/gates-text.js';
export { renderVersionListText, renderVersionText } from './render/registry-text.js';
export { renderDeploymentMarkdown } from './render/canary-markdown.js';
export { renderDeploymentText } from './render/canary-text.js';
export { renderMonitorMarkdown } from './render/monitor-markdown.js';
export { renderMonitorText } from './render/monitor-text.js';
export type { MonitorReport } from './monitor/monitor-report.js';
export { renderTrainingText } from './render/training-text.js';
export { runTrainOnGpu, type TrainOutcome } from './steps/train-on-gpu.js';
export { TRAIN_ON_GPU_INPUTS } from './steps/train-on-gpu-inputs.js';

// The shared vocabulary the shells need.
export { InputError, isInputError, ServiceError, isServiceError, PolicyError, isPolicyError } from './shared/errors.js';
export type { Annotation } from './shared/annotation.js';
export { abortOnSignals } from './shared/cancellation.js';
export { closestName } from './shared/closest-name.js';
export { collectSecrets } from './shared/secrets.js';
export { logText, withoutCommands } from './shared/log-text.js';
export { redactUri } from './shared/redact-uri.js';

// Building blocks the integration tests and benches drive directly.
export { readTable } from './data/read-table.js';
export type { Table } from './data/table.js';
export { readMetricsReport } from './gates/read-metrics-report.js';
export { parseInputMapping, parseNameList, planFeeds } from './model/input-mapping.js';
export { timeRuns } from './model/measure-latency.js';
export { rocAuc } from './model/metrics/roc-auc.js';
export { chooseOutputs } from './model/model-outputs.js';
export { openModel, type Feeds, type ModelSession } from './model/model-session.js';
export { EVALUATION_BATCH, predictAll } from './model/predict.js';
export { scoreClassification } from './model/score-classification.js';
export { MlflowRegistry } from './registry/mlflow-registry.js';
export { OciRegistry } from './registry/oci-registry.js';
export { ANNOTATION, MODEL_ARTIFACT, MODEL_CONFIG, MODEL_WEIGHT_RAW } from './registry/model-version.js';
export { rollBackRouter, runRollout, type Clock } from './rollout/canary-analysis.js';
export { parseCanaryPolicy, parseDuration, parseWeight, type CanaryPolicyRequest } from './rollout/canary-policy.js';
export type { DeploymentRecord } from './rollout/deployment-record.js';
export { HttpJsonMetrics } from './rollout/http-json-metrics.js';
export { PrometheusMetrics } from './rollout/prometheus-metrics.js';
export { openMetricsSource } from './rollout/metrics-sources.js';
export type { MetricsReading, MetricsSource, MetricsWindow, VariantMetrics } from './rollout/metrics-source.js';
export { openRouter } from './rollout/routers.js';
export type { TrafficRouter, Weights } from './rollout/traffic-router.js';
export { startSequentialTest, updateSequentialTest, type SequentialTestOptions } from './rollout/sequential-error-test.js';
