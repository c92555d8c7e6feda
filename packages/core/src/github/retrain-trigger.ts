/**
 * The monitor's way back to training: dispatch the training workflow when production needs it, at
 * most once per cooldown and never while a retrain run is queued or running (both read from the
 * API, so the scheduled job keeps no state of its own). Implemented in the retrain branch.
 */
import type { GitHubApi } from './github-api.js';

export interface RetrainPolicy {
  /** The workflow file (e.g. "pipeline.yml") or its numeric id. */
  workflow: string;
  /** Branch or tag to run it on. */
  ref: string;
  /** No new dispatch within this many milliseconds of the last retrain dispatch. */
  cooldownMs: number;
}

export type RetrainOutcome =
  | { action: 'dispatched'; workflow: string; ref: string; reason: string }
  /** `why` is one sentence with the numbers, e.g. "a retrain run is already in progress: <url>". */
  | { action: 'skipped'; why: string; runUrl?: string };

/** One open issue per repository and monitor, found by a hidden marker, kept in step with health. */
export type HealthIssueOutcome = {
  action: 'opened' | 'updated' | 'closed' | 'unchanged';
  number?: number;
  url?: string;
  /** 'opened' by reopening the monitor's issue closed within the last 30 days. */
  reopened?: boolean;
};

export interface HealthIssueRequest {
  /** Distinguishes monitors of different models in one repository. */
  monitor: string;
  healthy: boolean;
  title: string;
  markdown: string;
  /** The label that lists the monitors' issues; default "modelci-monitor". */
  label?: string;
  /** When this check ran (for the 30-day reopen window and the recovery note); default now. */
  now?: Date;
}

export type RequestRetrain = (api: GitHubApi, policy: RetrainPolicy, reason: string, now?: Date) => Promise<RetrainOutcome>;
export type SyncHealthIssue = (api: GitHubApi, request: HealthIssueRequest) => Promise<HealthIssueOutcome>;
