/** The inputs of register-model: the action's input list, the CLI's flags and help come from here (CI checks action.yml against it). */
import type { InputSpec } from '../shared/input-spec.js';

export const REGISTER_MODEL_INPUTS = [
  {
    name: 'operation',
    type: 'choice',
    choices: ['register', 'promote', 'resolve', 'list', 'attach'],
    default: 'register',
    description: 'register (default), promote, resolve, list, or attach (add a verdict, drift report or commit to an existing version).',
  },
  {
    name: 'registry',
    type: 'uri',
    default: 'file://./model-registry',
    description:
      'Where versions live: a folder (file://./model-registry, the default: an OCI image layout), an OCI registry (oci://ghcr.io/acme/models; credentials MODELCI_REGISTRY_USERNAME/PASSWORD, or GITHUB_TOKEN on ghcr.io, in env), or MLflow (mlflow+https://host; MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD in env).',
  },
  {
    name: 'name',
    type: 'string',
    required: true,
    what: 'the model name, e.g. penguin-classifier',
    description:
      'The model name: for a folder or an OCI registry lowercase letters and digits, with ".", "_" or "-" between them (an OCI repository name); for MLflow, MLflow\'s rules (e.g. FraudDetector).',
  },
  { name: 'model', type: 'path', description: 'register: the model file or folder (every file under it is stored, by relative path).' },
  {
    name: 'metrics',
    type: 'string',
    description:
      'register: a JSON file with "metrics" (the quality-gates GateVerdict, an evaluation report, or plain {"metrics": {...}}), or inline "accuracy=0.93, f1=0.91". A GateVerdict is also recorded as the verdict this version passed.',
  },
  {
    name: 'git-sha',
    type: 'string',
    description: "register: the commit that produced the model (attach: the commit that checked it). Default: the workflow's GITHUB_SHA.",
  },
  { name: 'run-url', type: 'string', description: 'register: the run that produced it (attach: the run that checked it). Default: this workflow run.' },
  {
    name: 'mlflow-run-id',
    type: 'string',
    description:
      'register: the MLflow run that trained the model (e.g. the one train-on-gpu reports); with an MLflow registry the version is created from that run (its status is left alone) instead of a new run in modelci-registrations; other backends record it.',
  },
  { name: 'tags', type: 'list', description: 'register: free-form "key=value" tags, comma- or line-separated.' },
  {
    name: 'gate-verdict',
    type: 'path',
    description: 'register / attach: the GateVerdict JSON this version passed, when metrics come from elsewhere (attach: the verdict of a later evaluation).',
  },
  { name: 'drift-report', type: 'path', description: 'register / attach: the DriftReport of the data it was trained on; its digest is recorded.' },
  {
    name: 'version',
    type: 'string',
    description: 'promote / resolve / attach: a version number (3 or v3), latest, or an alias. resolve defaults to production.',
  },
  {
    name: 'alias',
    type: 'string',
    default: 'production',
    description: 'promote: the alias to move. Promotion to a protected alias requires a passing GateVerdict recorded with the version, unless force is true.',
  },
  {
    name: 'protected-aliases',
    type: 'list',
    default: 'production, prod, champion',
    description: 'promote: aliases that need a passing GateVerdict (every gate and check passed), comma-separated; case does not matter.',
  },
  {
    name: 'force',
    type: 'boolean',
    default: 'false',
    description: 'promote: true to promote to a protected alias without a passing GateVerdict (the summary and a warning say so).',
  },
  {
    name: 'download',
    type: 'path',
    description: "resolve: a folder to download the version's files into; every digest is checked and a tampered or truncated file is refused.",
  },
] as const satisfies readonly InputSpec[];

const pick = <const N extends readonly string[]>(names: N) =>
  REGISTER_MODEL_INPUTS.filter((s) => names.includes(s.name)) as Extract<(typeof REGISTER_MODEL_INPUTS)[number], { name: N[number] }>[];

/** Each operation's inputs, for its CLI command (`modelci register | promote | resolve | list`). */
export const REGISTER_INPUTS = [
  ...pick(['registry', 'name', 'model', 'metrics', 'git-sha', 'run-url', 'mlflow-run-id', 'tags', 'gate-verdict', 'drift-report'] as const),
  { name: 'creator', type: 'string', description: "Who registered it. Default: the workflow's GITHUB_ACTOR." },
] as const satisfies readonly InputSpec[];
export const PROMOTE_INPUTS = pick(['registry', 'name', 'version', 'alias', 'protected-aliases', 'force'] as const);
export const RESOLVE_INPUTS = pick(['registry', 'name', 'version', 'download'] as const);
export const LIST_INPUTS = pick(['registry', 'name'] as const);
export const ATTACH_INPUTS = pick(['registry', 'name', 'version', 'gate-verdict', 'drift-report', 'git-sha', 'run-url'] as const);
