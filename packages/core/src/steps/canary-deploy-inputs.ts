/** The inputs of canary-deploy: the action's input list, the CLI's flags and help come from here (CI checks action.yml against it). */
import type { InputSpec } from '../shared/input-spec.js';

export const CANARY_DEPLOY_INPUTS = [
  {
    name: 'router',
    type: 'uri',
    required: true,
    what: 'the traffic router, e.g. haproxy://127.0.0.1:9999/model?stable=stable&canary=canary',
    description:
      'The traffic router. haproxy://host:port/<backend>?stable=<server>&canary=<server> (HAProxy Runtime API, stats socket at level admin; haproxy:///path/admin.sock?backend=… for a unix socket), http(s)://lb:8080 (PUT/GET /routes/model/weights with {"canary": w, "stable": 1 - w}), or command:<script> (your script, called "<script> set <canary> <stable>" and "<script> get").',
  },
  {
    name: 'metrics',
    type: 'uri',
    required: true,
    what: 'the metrics source, e.g. prometheus+http://127.0.0.1:9090',
    description:
      'The metrics source. prometheus+http(s)://host:9090 (PromQL over the HTTP API; PROMETHEUS_TOKEN, or PROMETHEUS_USERNAME/PASSWORD, in env), or http-json+http(s)://host/path (an endpoint returning cumulative {"canary": {"requests", "errors", "latency_p99_ms"}, "stable": {...}}).',
  },
  {
    name: 'metrics-queries',
    type: 'lines',
    description:
      'Prometheus queries replacing the defaults, one per line: "requests = …", "errors = …", "p99 = …" (p99 in seconds). {{selector}} becomes the variant\'s label selector and {{window}} the check window (e.g. 30s). Defaults read http_requests_total{code} and the http_request_duration_seconds histogram.',
  },
  { name: 'canary-selector', type: 'string', default: 'variant="canary"', description: "PromQL label selector of the canary's series." },
  { name: 'stable-selector', type: 'string', default: 'variant="stable"', description: "PromQL label selector of the stable version's series." },
  { name: 'initial-weight', type: 'share', default: '5%', description: "The canary's first share of traffic (5% or 0.05)." },
  { name: 'step-weight', type: 'share', default: '10%', description: 'How much the share grows at each step.' },
  { name: 'steps', type: 'string', description: 'An explicit list of shares, rising (e.g. "1%, 5%, 25%, 50%"); replaces initial-weight and step-weight.' },
  {
    name: 'max-weight',
    type: 'share',
    default: '100%',
    description: 'The largest share before promotion; after the step at or below it passes, the canary gets 100%.',
  },
  {
    name: 'interval',
    type: 'duration',
    default: '5m',
    description: 'How long each step lasts at least, with its unit (30s, 5m, 1h; a bare number is refused). A step ends on a passing check after this.',
  },
  {
    name: 'check-interval',
    type: 'duration',
    default: '30s',
    description:
      'How often the metrics are read and judged; at most the step interval. With Prometheus it must span two scrapes (checked before anything moves).',
  },
  {
    name: 'max-error-rate',
    type: 'rate',
    default: '1%',
    description:
      "A check fails when the canary's error rate since the step began is above this with error-rate-confidence (the Wilson lower bound is above it): 1% or 0.01 (a bare 1 is refused, as it would mean 100%).",
  },
  {
    name: 'error-rate-confidence',
    type: 'share',
    default: '95%',
    description:
      'The confidence of that Wilson bound: at 95%, 2 errors in 100 requests do not fail a 1% limit (the lower bound is 0.55%). Higher waits for more evidence; from 50% up to, not including, 100%.',
  },
  {
    name: 'max-latency-p99',
    type: 'latency',
    keywords: ['none'],
    default: '150ms',
    description:
      'A check fails when the canary\'s p99 latency is above this: 150ms, 0.2s, or a bare number of milliseconds (150), as in quality-gates; "none" to not check.',
  },
  {
    name: 'max-latency-ratio',
    type: 'number',
    description: "A check fails when the canary's p99 is above this many times the stable version's over the same window (e.g. 1.5). Empty: not checked.",
  },
  {
    name: 'error-rate-ratio',
    type: 'number',
    default: '10',
    description:
      'The sequential test, relative to stable: the canary is bad when it fails this many times as often as stable. Judged continuously at every check; rolls back as soon as the evidence is in.',
  },
  {
    name: 'false-rollback-rate',
    type: 'rate',
    default: '1%',
    description: "The sequential test's chance of rolling back a canary that fails no more often than stable, however long it is watched.",
  },
  {
    name: 'min-requests',
    type: 'count',
    min: 1,
    max: 1000000000,
    default: '50',
    description: 'Canary requests a check needs to count; fewer is inconclusive, never a pass.',
  },
  { name: 'failed-checks', type: 'count', min: 1, max: 1000, default: '2', description: 'How many failed checks roll back.' },
  {
    name: 'metrics-failures',
    type: 'count',
    min: 1,
    max: 1000,
    default: '3',
    description: 'How many metrics reads in a row may fail (after a retry each) before rolling back.',
  },
  { name: 'timeout', type: 'duration', description: 'The whole rollout; past it, roll back. Default: twice the planned steps times interval.' },
  {
    name: 'rollback-timeout',
    type: 'duration',
    default: '10m',
    description:
      "How long a rollback keeps trying a router that does not answer (a restart, a frozen load balancer), in the main step and again in the post step, with the wait shown in the log; keep the step's timeout-minutes above timeout plus this.",
  },
  {
    name: 'dry-run',
    type: 'boolean',
    default: 'false',
    description: 'true: check that router and metrics answer, read one window, print the plan, move nothing.',
  },
  {
    name: 'resume',
    type: 'boolean',
    default: 'true',
    description:
      'true: when the router already gives the canary a share from an interrupted run, continue from the step at or below it instead of starting over.',
  },
  {
    name: 'promote-command',
    type: 'string',
    description:
      'After the last step passes: the script that puts the new version on the stable servers (run without a shell, words after the path are its arguments; the model in MODELCI_MODEL_NAME, MODELCI_MODEL_VERSION, MODELCI_GIT_SHA; stopped after 15 min). The stable servers are then checked on the metrics and get 100% again, the canary 0%. Empty: the canary servers keep 100% and the summary says what to do.',
  },
  {
    name: 'start-from-full-canary',
    type: 'boolean',
    default: 'false',
    description:
      'true: start even when the router already gives the canary 100% (an earlier promotion without promote-command); its share first goes back to 0, to the stable servers. false: refuse with a sentence.',
  },
  { name: 'model-name', type: 'string', description: 'The model being deployed, for the record and the summary.' },
  { name: 'model-version', type: 'string', description: 'Its version (e.g. the register-model version output).' },
  { name: 'git-sha', type: 'string', description: "The commit that produced it. Default: the workflow's GITHUB_SHA." },
  {
    name: 'record-path',
    type: 'path',
    default: 'modelci-deployment-record.json',
    description: 'Where the DeploymentRecord JSON is written (after every check).',
  },
] as const satisfies readonly InputSpec[];

/** `modelci rollback`: what the post step does, by hand. */
export const ROLLBACK_INPUTS = CANARY_DEPLOY_INPUTS.filter((s) => s.name === 'router' || s.name === 'record-path' || s.name === 'rollback-timeout');

/**
 * The action's inputs beyond the rollout's: the GitHub deployment that shows it on the
 * Environments page. Off GitHub (`modelci canary`) there is none, so the CLI has no such flags.
 */
export const CANARY_DEPLOY_GITHUB_INPUTS = [
  {
    name: 'environment',
    type: 'string',
    default: 'production',
    description:
      "The GitHub environment the rollout is recorded in as a deployment (payload: model name and version; status in_progress, then success when promoted, inactive when rolled back, failure when the rollout failed), so the Environments page shows which model version serves. Usually the job's own environment:.",
  },
  {
    name: 'token',
    type: 'string',
    default: '${{ github.token }}',
    description:
      'Token that may create deployments (deployments: write). Without that permission the step warns and the rollout goes on: the Environments page never blocks it. Empty: no deployment is recorded.',
  },
] as const satisfies readonly InputSpec[];

/** Everything actions/canary-deploy/action.yml lists, in its order. */
export const CANARY_DEPLOY_ACTION_INPUTS = [...CANARY_DEPLOY_INPUTS, ...CANARY_DEPLOY_GITHUB_INPUTS] as const;
