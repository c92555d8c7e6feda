/**
 * DeploymentRecord (`modelci/deployment-record@1`): what a canary rollout did and why, written
 * after every check so that a killed run leaves an up-to-date record for the post step.
 */
import type { CanaryPolicy } from './canary-policy.js';
import type { MetricsReading, VariantMetrics } from './metrics-source.js';

export const DEPLOYMENT_RECORD_SCHEMA = 'modelci/deployment-record@1';

/** Where the rollout stands; each decision moves it to a named state, as Flagger's controller does. */
export type RolloutState = 'initializing' | 'progressing' | 'promoting' | 'promoted' | 'rolling-back' | 'rolled-back' | 'dry-run' | 'failed';

export type CheckDecision = 'pass' | 'fail' | 'inconclusive' | 'not judged' | 'bad canary';

export interface VariantSummary extends VariantMetrics {
  /** errors / requests, or null when either is missing or there were no requests. */
  errorRate: number | null;
}

export interface CheckRecord {
  at: string;
  /** Canary share the router held at this check. */
  weight: number;
  from: string;
  to: string;
  canary: VariantSummary;
  stable: VariantSummary;
  /** The sequential test after this window: log-likelihood ratio and the bound that rolls back. */
  sequential: { llr: number; upper: number; canaryErrors: number; stableErrors: number };
  /** Counts since the step began (what the thresholds judged); canary/stable above are this window's. */
  step?: { canary: VariantSummary; stable: VariantSummary };
  decision: CheckDecision;
  /** Every reason, in numbers: why the check passed, failed or could not be judged. */
  reasons: string[];
  queries: MetricsReading['queries'];
}

export interface StepRecord {
  weight: number;
  startedAt: string;
  endedAt?: string;
  checks: CheckRecord[];
}

export interface RolloutEvent {
  at: string;
  state: RolloutState;
  /** Canary share after the event; null where it could not be known (a failed rollback). */
  weight: number | null;
  message: string;
}

export interface DeploymentRecord {
  schema: typeof DEPLOYMENT_RECORD_SCHEMA;
  model: { name?: string; version?: string; gitSha?: string; runUrl?: string };
  router: string;
  metrics: string;
  policy: CanaryPolicy;
  startedAt: string;
  finishedAt?: string;
  state: RolloutState;
  /** One sentence: why the rollout ended as it did. */
  reason?: string;
  /** Canary share the router held at the end (read back). */
  finalWeight?: number;
  /** Which servers carry the traffic at the end; 'canary' after a promotion without promote-command. */
  serving?: 'stable' | 'canary';
  steps: StepRecord[];
  events: RolloutEvent[];
  /** What went wrong beside the rollout itself (a record that could not be written), one sentence each. */
  warnings?: string[];
}
