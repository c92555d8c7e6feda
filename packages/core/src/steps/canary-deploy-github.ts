/**
 * canary-deploy's GitHub deployment: the rollout shown on the repository's Environments page.
 * Created and moved to in_progress when the rollout starts (payload: model name and version),
 * then success (promoted), failure (the rollout failed) or inactive (rolled back). GitHub is a
 * bystander here: a token without `deployments: write`, or GitHub not answering, is a warning
 * and the rollout goes on — traffic is never held back by the Environments page.
 */
import { endDeployment, startDeployment, type RolloutEnd } from '../github/model-deployment.js';
import type { GitHubApi } from '../github/github-api.js';
import { isReadOnlyRefusal } from '../github/github-api.js';
import type { DeploymentRecord } from '../rollout/deployment-record.js';

/** Where the deployment is recorded; the shell builds `api` from the token and the repository. */
export interface DeploymentTarget {
  api: () => GitHubApi;
  environment: string;
  /** The commit (or branch, tag) being deployed. */
  ref: string;
  /** The run doing it, linked from the Environments page. */
  logUrl?: string;
  /** Told the deployment's id as soon as it exists (the action's post step needs it after a cancellation). */
  onStarted?: (deployment: TrackedDeployment) => void;
}

export interface TrackedDeployment {
  /** GitHub's deployment id, for the post step. */
  id: number;
  environment: string;
}

/** Create the deployment and mark it in progress; undefined (with a warning) when GitHub would not. */
export async function startModelDeployment(
  target: DeploymentTarget,
  model: { name?: string; version?: string },
  warn: (sentence: string) => void,
): Promise<TrackedDeployment | undefined> {
  try {
    const id = await startDeployment(target.api(), {
      environment: target.environment,
      ref: target.ref,
      model: model.name ?? 'model',
      version: model.version ?? 'unversioned',
      logUrl: target.logUrl,
    });
    const deployment = { id, environment: target.environment };
    target.onStarted?.(deployment);
    return deployment;
  } catch (e) {
    warn(refusal(e, `create a deployment to '${target.environment}'`));
    return undefined;
  }
}

/** The GitHub end state of a finished rollout, or undefined while it is not over (a dry run never starts one). */
export function rolloutEnd(record: Pick<DeploymentRecord, 'state'>): RolloutEnd | undefined {
  if (record.state === 'promoted' || record.state === 'rolled-back' || record.state === 'failed') return record.state;
  return undefined;
}

/** Move the deployment to the status the rollout ended with; a refusal is a warning. */
export async function endModelDeployment(
  target: Pick<DeploymentTarget, 'api' | 'logUrl'>,
  deployment: TrackedDeployment,
  end: RolloutEnd,
  detail: string,
  warn: (sentence: string) => void,
): Promise<void> {
  try {
    await endDeployment(target.api(), deployment.id, end, detail, { logUrl: target.logUrl });
  } catch (e) {
    warn(refusal(e, `set deployment ${deployment.id} (${deployment.environment}) to its end state`));
  }
}

function refusal(e: unknown, what: string): string {
  const message = (e as Error).message?.replace(/\.$/, '') ?? String(e);
  const fix = isReadOnlyRefusal(e) ? " Give the job 'permissions: deployments: write' (a fork's token cannot have it)." : '';
  return `The GitHub deployment was not recorded: could not ${what} (${message}); the rollout goes on regardless.${fix}`;
}
