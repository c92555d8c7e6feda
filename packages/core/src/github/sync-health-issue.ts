/**
 * One issue per monitor, kept in step with production's health: unhealthy opens it (or edits the
 * open one in place, never a second), healthy closes it (completed) with a note that production
 * recovered, and healthy with nothing open changes nothing. The issue is named by a hidden
 * marker on the first line of its body and listed by a label; the marker is what counts, so an
 * issue whose label GitHub dropped (a token without push access) or a person removed is still
 * found. A monitor that turns unhealthy again within 30 days of recovering reopens its issue
 * rather than opening another: a flapping model keeps one thread with its whole history and its
 * subscribers; after 30 days it is a new incident and gets a new issue.
 */
import { InputError } from '../shared/errors.js';
import { GitHubApiError, isGitHubApiError, isReadOnlyRefusal, type GitHubApi, type Issue } from './github-api.js';
import { fitGitHubLimit } from './report-comment.js';
import type { HealthIssueOutcome, HealthIssueRequest, SyncHealthIssue } from './retrain-trigger.js';

export const HEALTH_LABEL = 'modelci-monitor';
export const REOPEN_WITHIN_MS = 30 * 24 * 3_600_000;
/** Issues searched by marker alone when none carries the label: the most recently updated this many. */
const UNLABELLED_SEARCH_LIMIT = 1000;
const MAX_MONITOR_CHARS = 100;

/** Letters, digits, `.`, `_` and single `-`: nothing that could end the HTML comment or break a label search. */
export function monitorName(monitor: string): string {
  const name = monitor
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, MAX_MONITOR_CHARS);
  if (name === '') throw new InputError(`The monitor name ${JSON.stringify(monitor)} has no letter or digit: name the monitor (e.g. the model's name).`);
  return name;
}

export function healthMarker(monitor: string): string {
  return `<!-- modelci-monitor:${monitorName(monitor)} -->`;
}

/** The marker, then the report (after a recovery note when healthy), within GitHub's limit. */
export function healthIssueBody(request: HealthIssueRequest, now: Date): string {
  const recovered = request.healthy
    ? `> [!NOTE]\n> Production is healthy again (checked ${now.toISOString().replace(/\.\d+Z$/, 'Z')}): modelci's monitor closed this issue.\n\n`
    : '';
  return fitGitHubLimit(`${healthMarker(request.monitor)}\n${recovered}${request.markdown}`);
}

export const syncHealthIssue: SyncHealthIssue = async (api, request) => {
  const now = request.now ?? new Date();
  const label = request.label ?? HEALTH_LABEL;
  const marker = healthMarker(request.monitor);
  const body = healthIssueBody(request, now);
  try {
    const { open, recentlyClosed } = await findHealthIssue(api, marker, label, now, !request.healthy);
    if (request.healthy) {
      if (!open) return { action: 'unchanged' };
      return outcome('closed', await api.updateIssue(open.number, { body, state: 'closed', stateReason: 'completed' }));
    }
    if (open) {
      if (open.body === body && open.title === request.title) return outcome('unchanged', open);
      return outcome('updated', await api.updateIssue(open.number, { title: request.title, body }));
    }
    if (recentlyClosed) {
      const reopened = await api.updateIssue(recentlyClosed.number, { title: request.title, body, state: 'open', stateReason: 'reopened' });
      return { ...outcome('opened', reopened), reopened: true };
    }
    return outcome('opened', await createWithLabel(api, { title: request.title, body }, label));
  } catch (e) {
    throw explained(e, api, monitorName(request.monitor));
  }
};

function outcome(action: HealthIssueOutcome['action'], issue: Issue): HealthIssueOutcome {
  return { action, number: issue.number, url: issue.url };
}

/** The monitor's open issue (the oldest, should there be two), and else its latest one closed within 30 days. */
async function findHealthIssue(
  api: GitHubApi,
  marker: string,
  label: string,
  now: Date,
  wantClosed: boolean,
): Promise<{ open?: Issue; recentlyClosed?: Issue }> {
  const ours = (issues: Issue[]) => issues.filter((i) => i.body === marker || i.body.startsWith(`${marker}\n`));
  const since = new Date(now.getTime() - REOPEN_WITHIN_MS);
  const oldestOpen = (issues: Issue[]) => issues.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number)[0];
  const latestClosed = (issues: Issue[]) =>
    issues
      .filter((i) => i.state === 'closed' && i.closedAt !== null && Date.parse(i.closedAt) >= since.getTime())
      .sort((a, b) => Date.parse(b.closedAt ?? '') - Date.parse(a.closedAt ?? ''))[0];

  const labelled = ours(await api.listIssues({ state: wantClosed ? 'all' : 'open', labels: [label] }));
  let open = oldestOpen(labelled);
  let recentlyClosed = wantClosed ? latestClosed(labelled) : undefined;
  // Without the label (dropped for a token that cannot push, or removed by a person) the marker still finds it.
  if (!open) open = oldestOpen(ours(await api.listIssues({ state: 'open', limit: UNLABELLED_SEARCH_LIMIT })));
  if (!open && wantClosed && !recentlyClosed)
    recentlyClosed = latestClosed(ours(await api.listIssues({ state: 'closed', since, limit: UNLABELLED_SEARCH_LIMIT })));
  return { open, recentlyClosed };
}

/** GitHub may refuse the label (422); the marker finds the issue without it. */
async function createWithLabel(api: GitHubApi, request: { title: string; body: string }, label: string): Promise<Issue> {
  try {
    return await api.createIssue({ ...request, labels: [label] });
  } catch (e) {
    if (isGitHubApiError(e) && e.status === 422) return api.createIssue(request);
    throw e;
  }
}

function explained(e: unknown, api: GitHubApi, monitor: string): unknown {
  if (!isGitHubApiError(e)) return e;
  const options = { cause: e, githubMessage: e.githubMessage };
  const refused: boolean = isReadOnlyRefusal(e);
  if (refused)
    return new GitHubApiError(
      `GitHub refused to open or edit the health issue of monitor ${monitor} in ${api.repository} (403): the token needs \`issues: write\` (add \`permissions: issues: write\` to the monitor's job).`,
      403,
      options,
    );
  if (e.status === 410)
    return new GitHubApiError(
      `Issues are turned off in ${api.repository} (GitHub answered 410), so monitor ${monitor} cannot keep a health issue: turn them on in the repository's settings.`,
      410,
      options,
    );
  return e;
}
