/** The inputs of train-on-gpu: the action's input list, the CLI's flags and help come from here (CI checks action.yml against it). */
import type { InputSpec } from '../shared/input-spec.js';

export const TRAIN_ON_GPU_INPUTS = [
  {
    name: 'run',
    type: 'string',
    description:
      'The training command, run like a workflow run: step (bash -e -o pipefail -c, as one argument), e.g. python training/train.py --output-dir artifacts/. Pass values through env:, never as expressions inside the text. Give run or command.',
  },
  {
    name: 'command',
    type: 'lines',
    description:
      'The training command as a list, one argument per line (no shell), e.g. python, training/train.py, --output-dir, artifacts. Give run or command.',
  },
  { name: 'working-directory', type: 'path', default: '.', description: 'Where the command runs.' },
  {
    name: 'output-dir',
    type: 'path',
    default: 'artifacts',
    description:
      'The folder the trainer writes its model into (relative to working-directory): listed with sizes and sha256 in the TrainingRun report, which is written into it, and uploaded as the artifact.',
  },
  {
    name: 'gpus',
    type: 'count',
    min: 1,
    max: 64,
    keywords: ['none'],
    default: '1',
    description: 'How many GPUs the step needs, checked with nvidia-smi before training; none for a CPU run (no check, no telemetry).',
  },
  { name: 'min-free-memory', type: 'size', description: 'Free memory each chosen GPU needs before training starts (e.g. 20GiB); empty: not checked.' },
  {
    name: 'allow-busy-gpu',
    type: 'boolean',
    default: 'false',
    description:
      'true: train even when another process holds memory on the GPU (a shared card). By default a process left on the card fails the step up front.',
  },
  {
    name: 'cuda-visible-devices',
    type: 'string',
    default: 'auto',
    description:
      'Which GPUs the trainer sees: auto (those with the most free memory and no other process), or indices or UUIDs as CUDA_VISIBLE_DEVICES takes them (0,1).',
  },
  {
    name: 'timeout',
    type: 'duration',
    default: '6h',
    description: 'The longest the trainer may run (30m, 6h); past it, its whole process tree is ended and the step fails.',
  },
  {
    name: 'kill-grace-period',
    type: 'duration',
    default: '30s',
    description: "After SIGTERM (timeout or cancellation), how long the trainer's processes get to save and exit before SIGKILL.",
  },
  { name: 'telemetry-interval', type: 'duration', default: '5s', description: 'How often utilisation, memory, power and temperature are sampled per GPU.' },
  {
    name: 'mlflow-tracking-uri',
    type: 'uri',
    description:
      "MLflow's tracking server, given to the trainer as MLFLOW_TRACKING_URI (default: the job's MLFLOW_TRACKING_URI). Credentials go in env (MLFLOW_TRACKING_TOKEN or _USERNAME/_PASSWORD), masked.",
  },
  { name: 'experiment-name', type: 'string', description: 'MLFLOW_EXPERIMENT_NAME for the trainer. Default: ci-<sha>, as in the seed pipeline.' },
  { name: 'run-name', type: 'string', description: "The tracking run's name (MLFLOW_RUN_NAME, WANDB_NAME). Default: <workflow run id>-<attempt>." },
  {
    name: 'wandb-project',
    type: 'string',
    description: 'Weights & Biases project (WANDB_PROJECT); the group (WANDB_RUN_GROUP) is the experiment name. WANDB_API_KEY goes in env, masked.',
  },
  {
    name: 'tags',
    type: 'list',
    description: 'Tags for the tracking run, key=value, comma-separated; git_sha and run_url are always added (MODELCI_TRACKING_TAGS, WANDB_TAGS).',
  },
  {
    name: 'artifact-name',
    type: 'string',
    description: 'The artifact\'s name. Default: model-<sha>. GitHub refuses " : < > | * ? \\ / and line breaks (checked before training).',
  },
  {
    name: 'retention-days',
    type: 'count',
    min: 1,
    max: 90,
    default: '30',
    description: 'How many days GitHub keeps the artifact (1 to 90; checked before training).',
  },
  { name: 'upload', type: 'boolean', default: 'true', description: 'false: write the TrainingRun report but upload nothing.' },
  { name: 'git-sha', type: 'string', description: "The commit being trained. Default: the workflow's GITHUB_SHA." },
] as const satisfies readonly InputSpec[];
