/**
 * The environment the trainer gets for experiment tracking, and how modelci learns which run the
 * trainer created. modelci never talks to MLflow or W&B itself; the trainer's own client does,
 * with the credentials the job passes through its env (masked by the shells).
 *
 * The contract (documented in actions/train-on-gpu/README.md):
 * - MLflow: MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_NAME (default ci-<sha>), MLFLOW_RUN_NAME, and
 *   MODELCI_TRACKING_TAGS, a JSON object of tags (git_sha, run_url, and the `tags` input) to set.
 * - W&B: WANDB_PROJECT, WANDB_RUN_GROUP, WANDB_NAME, WANDB_TAGS (comma-separated), as wandb reads them.
 * - MODELCI_TRACKING_FILE: a path where the trainer writes a JSON object naming its runs,
 *   {"mlflow_run_id": "…", "wandb_run_id": "…"}; modelci reads it after the trainer exits.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../shared/errors.js';
import { redactUri } from '../shared/redact-uri.js';

export interface TrackingRequest {
  mlflowTrackingUri?: string;
  experimentName?: string;
  runName?: string;
  wandbProject?: string;
  wandbGroup?: string;
  tags: string[];
  gitSha?: string;
  runUrl?: string;
  trackingFile: string;
}

export interface TrackingRuns {
  mlflowRunId?: string;
  wandbRunId?: string;
}

// The schemes MLflow's tracking client accepts (a server, a local store, a database, Databricks).
const MLFLOW_SCHEMES = new Set(['http:', 'https:', 'file:', 'databricks:', 'sqlite:', 'postgresql:', 'mysql:', 'mssql:']);

/** Refuse a tracking URI MLflow would refuse later, half-way through training. */
export function checkTrackingUri(uri: string, input = 'mlflow-tracking-uri'): string {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw new InputError(
      `Input '${input}' is '${redactUri(uri)}', which is not a URI; give the tracking server's address, e.g. https://mlflow.example.com or file:///tmp/mlruns.`,
      { input },
    );
  }
  if (!MLFLOW_SCHEMES.has(u.protocol))
    throw new InputError(
      `Input '${input}' has scheme '${u.protocol}', which MLflow does not track to; use http(s)://, file://, databricks, or a database URI (sqlite://, postgresql://, mysql://, mssql://).`,
      { input },
    );
  if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname)
    throw new InputError(`Input '${input}' is '${redactUri(uri)}', which names no host; give e.g. https://mlflow.example.com.`, { input });
  return uri;
}

/** Tags as key=value (a bare word becomes a tag with an empty value). */
function parseTags(tags: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) {
    const at = t.indexOf('=');
    if (at < 0) out[t.trim()] = '';
    else out[t.slice(0, at).trim()] = t.slice(at + 1).trim();
  }
  return out;
}

/** The variables added to the trainer's environment (only those with a value). */
export function trackingEnv(req: TrackingRequest): Record<string, string> {
  const env: Record<string, string> = { MODELCI_TRACKING_FILE: req.trackingFile };
  const tags = { ...parseTags(req.tags), ...(req.gitSha ? { git_sha: req.gitSha } : {}), ...(req.runUrl ? { run_url: req.runUrl } : {}) };
  env.MODELCI_TRACKING_TAGS = JSON.stringify(tags);
  if (req.mlflowTrackingUri) env.MLFLOW_TRACKING_URI = checkTrackingUri(req.mlflowTrackingUri);
  const experiment = req.experimentName || (req.gitSha ? `ci-${req.gitSha}` : undefined);
  if (experiment) env.MLFLOW_EXPERIMENT_NAME = experiment;
  if (req.runName) {
    env.MLFLOW_RUN_NAME = req.runName;
    env.WANDB_NAME = req.runName;
  }
  if (req.wandbProject) env.WANDB_PROJECT = req.wandbProject;
  const group = req.wandbGroup || experiment;
  if (req.wandbProject && group) env.WANDB_RUN_GROUP = group;
  if (req.wandbProject)
    env.WANDB_TAGS = Object.entries(tags)
      .filter(([k]) => k !== 'run_url')
      .map(([k, v]) => (v ? `${k}:${v}` : k))
      .join(',');
  return env;
}

/** What the trainer wrote to MODELCI_TRACKING_FILE; nothing when it wrote nothing, a warning when it wrote nonsense. */
export async function readTrackingFile(path: string): Promise<{ runs: TrackingRuns; warning?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { runs: {} };
  }
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return { runs: { mlflowRunId: str(o.mlflow_run_id), wandbRunId: str(o.wandb_run_id) } };
  } catch {
    return {
      runs: {},
      warning: `The trainer wrote ${path} (MODELCI_TRACKING_FILE) but it is not JSON; write {"mlflow_run_id": "…"} there so the run can be linked.`,
    };
  }
}
