/**
 * Dispatch the training workflow when the monitor asks for it: never while a dispatched run of
 * that workflow is unfinished (queued, waiting, requested, pending, in progress), at most once per
 * cooldown (measured from the newest workflow_dispatch run, whoever started it), and otherwise
 * with the inputs `retrain: 'true'` and `reason`. Everything is read from the API, so the
 * scheduled job keeps no state of its own. GitHub queues a dispatched run a few seconds after
 * answering 204: two monitor jobs started at once could both dispatch, which the monitor's
 * workflow rules out with a `concurrency:` group.
 */
import { InputError } from '../shared/errors.js';
import { logText } from '../shared/log-text.js';
import { GitHubApiError, isGitHubApiError, isReadOnlyRefusal, UNFINISHED_RUN_STATUSES, type GitHubApi, type WorkflowRun } from './github-api.js';
import type { RequestRetrain, RetrainOutcome, RetrainPolicy } from './retrain-trigger.js';

/**
 * GitHub caps the whole inputs payload at 65,535 characters; the reason also becomes part of the
 * run's page, so a sentence or two is what fits there.
 */
export const MAX_REASON_CHARS = 1000;
const DISPATCH_EVENT = 'workflow_dispatch';
// Control characters, line breaks included, are what this matches, on purpose.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** One line (workflow_dispatch inputs are single-line strings in the run's form), trimmed and capped. */
export function retrainReason(reason: string): string {
  const line = reason.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (line === '') return 'requested by the modelci monitor';
  return line.length <= MAX_REASON_CHARS ? line : `${line.slice(0, MAX_REASON_CHARS - 1).trimEnd()}…`;
}

/** "2 h 10 min", "45 min", "30 s": elapsed time for people. */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${Math.max(0, Math.floor(ms / 1000))} s`;
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (h === 0) return `${min} min`;
  return min === 0 ? `${h} h` : `${h} h ${min} min`;
}

export const requestRetrain: RequestRetrain = async (api, policy, reason, now = new Date()) => {
  checkPolicy(policy);
  const runs = (filter: Parameters<GitHubApi['listWorkflowRuns']>[1]) =>
    api.listWorkflowRuns(policy.workflow, filter).catch((e: unknown) => {
      throw explained(e, api, policy, 'list');
    });

  // The newest dispatched run answers both questions when it is the one still going.
  const [latest] = await runs({ event: DISPATCH_EVENT, limit: 1 });
  if (latest && isUnfinished(latest)) return busy(latest, policy);
  for (const status of UNFINISHED_RUN_STATUSES) {
    const [run] = await runs({ event: DISPATCH_EVENT, status, limit: 1 });
    if (run) return busy(run, policy);
  }
  if (latest) {
    const elapsed = now.getTime() - Date.parse(latest.createdAt);
    // A run dated in the future (a skewed clock) counts as just dispatched.
    if (!(elapsed >= policy.cooldownMs)) {
      return {
        action: 'skipped',
        why: `last retrain dispatched ${formatElapsed(Math.max(0, elapsed))} ago, cooldown ${formatElapsed(policy.cooldownMs)}: ${latest.url}`,
        runUrl: latest.url,
      };
    }
  }

  const line = retrainReason(reason);
  try {
    await api.dispatchWorkflow(policy.workflow, { ref: policy.ref, inputs: { retrain: 'true', reason: line } });
  } catch (e) {
    throw explained(e, api, policy, 'dispatch');
  }
  return { action: 'dispatched', workflow: policy.workflow, ref: policy.ref, reason: line };
};

function isUnfinished(run: WorkflowRun): boolean {
  return (UNFINISHED_RUN_STATUSES as readonly string[]).includes(run.status);
}

function busy(run: WorkflowRun, policy: RetrainPolicy): RetrainOutcome {
  const state = run.status === 'in_progress' ? 'in progress' : run.status;
  return { action: 'skipped', why: `a retrain run of ${policy.workflow} is already ${state}: ${run.url}`, runUrl: run.url };
}

function checkPolicy(policy: RetrainPolicy): void {
  if (policy.workflow.trim() === '') throw new InputError('The retrain workflow is empty: name its file (e.g. pipeline.yml) or give its numeric id.');
  if (policy.ref.trim() === '') throw new InputError(`The ref to run ${policy.workflow} on is empty: give a branch or tag (e.g. main).`);
  if (!Number.isFinite(policy.cooldownMs) || policy.cooldownMs < 0)
    throw new InputError(`The retrain cooldown must be a duration of 0 or more (e.g. 6h), not ${policy.cooldownMs} ms.`);
}

/** GitHub's refusals as one sentence each, with the fix; anything else as the adapter said it. */
function explained(e: unknown, api: GitHubApi, policy: RetrainPolicy, phase: 'list' | 'dispatch'): unknown {
  if (!isGitHubApiError(e)) return e;
  const where = `${policy.workflow} in ${api.repository}`;
  const options = { cause: e, githubMessage: e.githubMessage };
  const refused: boolean = isReadOnlyRefusal(e);
  if (refused) {
    return phase === 'dispatch'
      ? new GitHubApiError(
          `GitHub refused to dispatch ${where} (403): the token needs \`actions: write\` (add \`permissions: actions: write\` to the monitor's job).`,
          403,
          options,
        )
      : new GitHubApiError(`GitHub refused to list the runs of ${where} (403): the token needs \`actions: read\`.`, 403, options);
  }
  if (e.status === 404) {
    return new GitHubApiError(
      `The workflow ${policy.workflow} does not exist on ${policy.ref} in ${api.repository} (GitHub answered 404): name a file in .github/workflows/ on that ref, or its numeric id.`,
      404,
      options,
    );
  }
  if (e.status === 422) {
    const said = logText((e.githubMessage ?? '').trim()).slice(0, 300) || 'no message';
    return new GitHubApiError(
      `GitHub refused to dispatch ${where} on ${policy.ref} (422: "${said}"): the workflow needs an \`on: workflow_dispatch\` trigger that declares the inputs \`retrain\` and \`reason\`, on a ref that exists.`,
      422,
      options,
    );
  }
  return e;
}
