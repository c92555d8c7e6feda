/** The inputs of monitor: the action's input list, the CLI's flags and help come from here (CI checks action.yml against it). */
import type { InputSpec } from '../shared/input-spec.js';
import { CHECK_DRIFT_INPUTS } from './check-drift-inputs.js';

const DRIFT_OPTIONS = [
  'numeric-effect',
  'min-numeric-effect',
  'categorical-effect',
  'min-categorical-effect',
  'min-missing-change',
  'correction',
  'columns',
  'ignore-columns',
  'categorical-columns',
] as const;

export const MONITOR_INPUTS = [
  {
    name: 'production-data',
    type: 'uri',
    required: true,
    what: 'where serving logs its traffic (files, a glob, or postgres://…)',
    description:
      'Where serving logs its traffic: CSV/TSV/JSONL/Parquet files, a directory or a glob (hour=/day=/date= partitions are pruned by path), or a postgres:// URI (with production-query). Credentials in the URI are masked.',
  },
  {
    name: 'time-column',
    type: 'string',
    required: true,
    what: "the column holding each row's time",
    description: "The column holding each row's time: epoch seconds or milliseconds, or ISO-8601 text.",
  },
  { name: 'production-query', type: 'string', description: 'PostgreSQL only: a table name or a SELECT statement; the window is applied around it.' },
  {
    name: 'window',
    type: 'string',
    default: '24h',
    description: 'How much production data one run reads: a duration such as 1h, 24h or 7d (the last N before now), or since-last-run (needs state-file).',
  },
  {
    name: 'state-file',
    type: 'path',
    description: 'For window: since-last-run, the JSON file that remembers where the previous run stopped (keep it in a cache).',
  },
  {
    name: 'split',
    type: 'choice',
    choices: ['hourly', 'daily', 'none'],
    default: 'hourly',
    description: 'Cut the window into UTC hours or days and check drift in each (the chart); none checks the window as one.',
  },
  {
    name: 'reference',
    type: 'path',
    description:
      'The reference: a profile JSON (modelci profile, or check-drift profile-path) or reference data. Leave empty to use the profile registered with the production version (registry, model, alias).',
  },
  { name: 'registry', type: 'uri', description: 'Registry URI (file://./model-registry, oci://…, mlflow+https://…) holding the production version.' },
  { name: 'model', type: 'string', description: 'The model name in the registry.' },
  {
    name: 'alias',
    type: 'string',
    default: 'production',
    description: 'The alias (or version) serving production, whose profile and gated metrics are the reference.',
  },
  {
    name: 'significance-level',
    type: 'probability',
    default: '0.05',
    description:
      'False-alarm rate per day of monitoring: each window is tested at its share of it (hourly: level ÷ 24), so hourly looks raise at most this many false alarms a day.',
  },
  ...CHECK_DRIFT_INPUTS.filter((s) => (DRIFT_OPTIONS as readonly string[]).includes(s.name)),
  {
    name: 'prediction-column',
    type: 'string',
    description:
      "The column holding the model's output: checked for drift against the reference's predictions (or, when the reference has none, this run's earliest window), and compared with label-column.",
  },
  {
    name: 'label-column',
    type: 'string',
    description: 'The column holding the true label once it arrives: live accuracy with a Wilson interval against the gated accuracy.',
  },
  {
    name: 'gated-accuracy',
    type: 'share',
    description: 'The accuracy the version passed its gates with, when there is no registry to read it from (e.g. 93% or 0.93).',
  },
  { name: 'ab-variant-column', type: 'string', description: 'A/B from the log: the column naming the variant that served each row.' },
  {
    name: 'ab-success-column',
    type: 'string',
    description: "A/B from the log: the column holding each request's success (1/0, true/false; a correct prediction, a conversion, no error).",
  },
  {
    name: 'ab-metrics',
    type: 'uri',
    description: 'A/B from Prometheus instead of the log: prometheus+http://host:9090, with ab-selectors (successes = requests − errors).',
  },
  {
    name: 'ab-selectors',
    type: 'lines',
    description: 'With ab-metrics: the label selector of each variant, champion first, e.g. `variant="a"; variant="b"`.',
  },
  { name: 'ab-variants', type: 'list', default: 'champion, challenger', description: 'The two variants, champion first, as the variant column names them.' },
  {
    name: 'ab-split',
    type: 'share',
    default: '50%',
    description: 'The share of traffic the router sends to the challenger; a different observed split is a sample-ratio mismatch.',
  },
  {
    name: 'ab-min-effect',
    type: 'share',
    default: '1%',
    description: 'Differences in success rate smaller than this do not matter: an interval within ± it is "no difference".',
  },
  {
    name: 'retrain-on',
    type: 'list',
    default: 'drift, degradation',
    description:
      'What triggers a retrain: drift (dataset drift in the last window), degradation (live accuracy below the gated), prediction-drift; empty for never.',
  },
  {
    name: 'retrain-workflow',
    type: 'string',
    description: 'The training workflow to dispatch (a file in .github/workflows, e.g. pipeline.yml); empty: report only, never dispatch.',
  },
  { name: 'retrain-ref', type: 'string', description: "Branch or tag to run the training workflow on; default: the repository's current ref." },
  {
    name: 'retrain-cooldown',
    type: 'duration',
    default: '24h',
    description: 'No new retrain dispatch within this long of the last one (read from the workflow runs).',
  },
  {
    name: 'health-issue',
    type: 'boolean',
    default: 'true',
    description: 'Keep one issue with the report open while production is unhealthy; close it when healthy again.',
  },
  { name: 'monitor-name', type: 'string', description: 'Tells this monitor\'s issue from others in the repository; default: the model name, or "production".' },
  {
    name: 'token',
    type: 'string',
    default: '${{ github.token }}',
    description: "GitHub token for the dispatch and the issue (needs actions: write and issues: write); the job's GITHUB_TOKEN by default.",
  },
  {
    name: 'fail-on',
    type: 'choice',
    choices: ['alert', 'unhealthy', 'never'],
    default: 'alert',
    description: 'What fails the step: alert (no production data, schema problems), unhealthy (also drift, degradation), or never.',
  },
  {
    name: 'report-path',
    type: 'path',
    default: 'modelci-monitor-report.json',
    description: 'Where to write the MonitorReport JSON (modelci/monitor-report@1).',
  },
] as const satisfies readonly InputSpec[];
