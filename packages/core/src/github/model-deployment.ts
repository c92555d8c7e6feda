/**
 * A GitHub deployment for a model rollout, so the repository's Environments page shows which
 * model version serves: created when the canary starts (payload: model name and version), moved
 * to in_progress, then success (promoted), failure (the rollout failed) or inactive (rolled back:
 * the version never took over).
 */
import type { DeploymentState, GitHubApi } from './github-api.js';

export interface ModelDeployment {
  environment: string;
  ref: string;
  model: string;
  version: string;
  logUrl?: string;
  environmentUrl?: string;
}

export type RolloutEnd = 'promoted' | 'failed' | 'rolled-back';

const END_STATE: Record<RolloutEnd, DeploymentState> = { promoted: 'success', failed: 'failure', 'rolled-back': 'inactive' };
/** GitHub's limit on a deployment status description. */
export const MAX_STATUS_DESCRIPTION = 140;

export function statusDescription(text: string): string {
  return text.length <= MAX_STATUS_DESCRIPTION ? text : `${text.slice(0, MAX_STATUS_DESCRIPTION - 1)}…`;
}

/** Create the deployment and mark it in progress; returns its id for `endDeployment`. */
export async function startDeployment(api: GitHubApi, d: ModelDeployment): Promise<number> {
  const { id } = await api.createDeployment({
    ref: d.ref,
    environment: d.environment,
    payload: { model: d.model, version: d.version },
    description: statusDescription(`${d.model} ${d.version}`),
    productionEnvironment: d.environment === 'production',
  });
  await api.createDeploymentStatus(id, {
    state: 'in_progress',
    description: statusDescription(`Canary of ${d.model} ${d.version} started`),
    logUrl: d.logUrl,
    environmentUrl: d.environmentUrl,
  });
  return id;
}

export async function endDeployment(
  api: GitHubApi,
  id: number,
  end: RolloutEnd,
  detail: string,
  d: Pick<ModelDeployment, 'logUrl' | 'environmentUrl'> = {},
): Promise<DeploymentState> {
  const state = END_STATE[end];
  await api.createDeploymentStatus(id, {
    state,
    description: statusDescription(detail),
    logUrl: d.logUrl,
    environmentUrl: end === 'promoted' ? d.environmentUrl : undefined,
  });
  return state;
}
