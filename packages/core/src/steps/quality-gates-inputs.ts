/** The inputs of quality-gates: the action's input list, the CLI's flags and help come from here (CI checks action.yml against it). */
import type { InputSpec } from '../shared/input-spec.js';
import { ONNXRUNTIME_VERSION, officialArchiveUrl } from '../model/cuda-provider-archive.js';

export const QUALITY_GATES_INPUTS = [
  {
    name: 'model',
    type: 'path',
    description: 'The candidate model: an .onnx file (external-data files beside it). modelci runs it with onnxruntime on this runner. Give this or report.',
  },
  {
    name: 'test-data',
    type: 'path',
    description: 'Held-out data to score the model on: a CSV/TSV/JSONL/Parquet file, a directory or a glob. Required with model.',
  },
  {
    name: 'label-column',
    type: 'string',
    description: 'The column of test-data holding the true label (a class name or number, or the value a regression predicts). Required with model.',
  },
  {
    name: 'report',
    type: 'path',
    description:
      'Instead of model: a JSON report written by your own evaluation, {"metrics": {"accuracy": 0.93, "latency": {"p99": 12}}} or a modelci/evaluation-report@1. Values are numbers, null, or quantities such as "12ms" and "450MB".',
  },
  {
    name: 'baseline',
    type: 'path',
    description:
      'The model in production, for gates such as "accuracy >= baseline.accuracy - 0.01": an .onnx file (run on the same rows, with a McNemar test of the paired predictions) or a report JSON.',
  },
  {
    name: 'gates',
    type: 'lines',
    description:
      'One gate per line, "metric comparator threshold": macro_f1 >= 0.9, latency.p99 <= 100ms, size <= 500MB, accuracy.ci_low >= 0.9, accuracy >= baseline.accuracy - 0.01. "#" starts a comment. See the README for the metric names.',
  },
  { name: 'min-accuracy', type: 'share', description: 'Shorthand for the gate "accuracy >= <value>" (as in the seed pipeline): 0.92 or 92%.' },
  { name: 'max-latency-p99', type: 'latency', description: 'Shorthand for "latency.p99 <= <value>"; a bare number is milliseconds.' },
  {
    name: 'max-model-size',
    type: 'size',
    description:
      'Shorthand for "size <= <value>", with its unit: 500MB or 1.5GiB (a bare number is refused); the size is the .onnx file plus its external data.',
  },
  {
    name: 'execution-provider',
    type: 'choice',
    choices: ['cpu', 'cuda'],
    default: 'cpu',
    description:
      'Where to run the model: cpu, or cuda on a self-hosted runner with an NVIDIA GPU, CUDA 12 and cuDNN 9. When cuda is asked for and cannot start, the step fails; it never measures the CPU instead.',
  },
  {
    name: 'onnxruntime-cuda-url',
    type: 'uri',
    default: officialArchiveUrl(ONNXRUNTIME_VERSION),
    description:
      "With execution-provider cuda: where to get onnxruntime's GPU release archive (the CUDA provider libraries) of the bundled version: an https URL, or a path or file:// URL of the .tgz on the runner. Checked by its sha256, extracted once into the runner's tool cache, and only its checked provider libraries are installed beside the bundled onnxruntime.",
  },
  {
    name: 'onnxruntime-cuda-sha256',
    type: 'string',
    description:
      'The sha256 of the archive at onnxruntime-cuda-url (from `curl -sL <url> | sha256sum`). Not needed for the official archive by its file name (onnxruntime-linux-x64-gpu_cuda12-1.30.0.tgz, from GitHub, a mirror or a path), whose published digest modelci knows; required for any other. A mismatch stops the step before anything is extracted or cached.',
  },
  {
    name: 'task',
    type: 'choice',
    choices: ['auto', 'classification', 'regression'],
    default: 'auto',
    description:
      'auto, classification or regression. auto: classification when the label column holds names or the model outputs labels or class probabilities.',
  },
  {
    name: 'input-mapping',
    type: 'lines',
    description:
      'Which columns feed which model input, one "input = column, column, ..." per line. Default: inputs named after columns take them; a single [N, F] input takes features, the model\'s feature_names metadata, or the remaining numeric columns in file order.',
  },
  { name: 'features', type: 'list', description: 'Comma-separated columns, in order, for a model with a single [N, F] input.' },
  {
    name: 'class-names',
    type: 'string',
    description: 'The classes in the order of the model\'s probability columns (comma-separated or a JSON array). Default: the model\'s "classes" metadata.',
  },
  {
    name: 'prediction-output',
    type: 'string',
    description: "The model output holding the predicted label (classifier) or value (regression). Default: chosen from the outputs' types and shapes.",
  },
  {
    name: 'probability-output',
    type: 'string',
    description: 'The model output holding class probabilities, [N, classes]. Default: the first float matrix output.',
  },
  {
    name: 'latency-runs',
    type: 'count',
    min: 1,
    max: 1000000,
    default: '1000',
    description: 'Timed single-row inferences for the latency percentiles. Fewer than 1000 leaves the p99 resting on under 10 samples (the summary says so).',
  },
  { name: 'warmup-runs', type: 'count', min: 0, max: 100000, default: '50', description: 'Untimed inferences before timing starts.' },
  { name: 'batch-size', type: 'count', min: 1, max: 1000000, default: '32', description: 'Rows per inference for the throughput figure.' },
  {
    name: 'delimiter',
    type: 'string',
    description: 'Field delimiter of delimited text test data, one character. Default: "," for .csv, tab for .tsv, sniffed for .txt.',
  },
  {
    name: 'verdict-path',
    type: 'path',
    default: 'modelci-gate-verdict.json',
    description: 'Where to write the GateVerdict JSON (modelci/gate-verdict@1, with the metrics and the full evaluation).',
  },
  {
    name: 'latency-endpoint',
    type: 'uri',
    description:
      "Measure latency against the HTTP model server you deploy instead of in-process: the URL each request is POSTed to (http://host:8080/predict, or http://host:8000/v2/models/<name>/infer for v2). One test-data row per request; latency.* and throughput are then the server's.",
  },
  {
    name: 'latency-endpoint-format',
    type: 'choice',
    choices: ['json-rows', 'v2'],
    default: 'json-rows',
    description:
      'How requests are written: json-rows sends {"rows": [{"column": value, ...}]}; v2 the KServe/Triton v2 inference protocol, {"inputs": [{"name", "shape", "datatype", "data"}]} with the model\'s own input tensors.',
  },
  {
    name: 'latency-endpoint-requests',
    type: 'count',
    min: 1,
    max: 1000000,
    default: '1000',
    description: 'Timed requests to latency-endpoint. Fewer than 1000 leaves the p99 resting on under 10 samples (the summary says so).',
  },
  {
    name: 'latency-endpoint-concurrency',
    type: 'count',
    min: 1,
    max: 1024,
    default: '1',
    description: 'Requests in flight at once, as many clients would send them.',
  },
  { name: 'latency-endpoint-warmup', type: 'count', min: 0, max: 100000, default: '50', description: 'Untimed requests before timing starts.' },
  {
    name: 'latency-endpoint-timeout',
    type: 'duration',
    default: '10s',
    description: 'Longest wait for one whole answer (e.g. 10s or 500ms); a slower request counts as an error.',
  },
  {
    name: 'latency-endpoint-max-error-rate',
    type: 'rate',
    default: '1%',
    description: 'Share of timed requests that may fail (non-2xx, timeout) before the step fails: the latency of a failing server means nothing.',
  },
  {
    name: 'latency-endpoint-token',
    type: 'string',
    secret: true,
    description: 'Sent as "Authorization: Bearer <token>" to the endpoint\'s own origin only; masked in the log. Pass it from a secret.',
  },
] as const satisfies readonly InputSpec[];
