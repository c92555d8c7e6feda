// The issue routes of the GitHub API stand-in: list a repository's issues, open one, edit one.
// As GitHub does: the list holds pull requests too (each with a `pull_request` key), filters by
// state (open by default), by labels (all of them), by `since` (updated at or after), sorts by
// created or updated time, newest first, and pages with a Link header. A new issue's labels are
// created when they do not exist yet if the token can push, and silently dropped otherwise (the
// documented rule); a label name over 50 characters is refused with 422 Validation Failed.
// Closing records closed_at and the state_reason (completed by default); reopening clears it.
import { pageOf, type Handler, type StandInContext } from './github-api-context.js';

export interface IssueRecord {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** A pull request, listed with the issues as GitHub does. */
  pullRequest: boolean;
}

export interface IssuesState {
  issues: IssueRecord[];
  /** The repository's labels by name. */
  labels: Map<string, number>;
}

const LIST_DOCS = 'https://docs.github.com/rest/issues/issues#list-repository-issues';
const CREATE_DOCS = 'https://docs.github.com/rest/issues/issues#create-an-issue';
const UPDATE_DOCS = 'https://docs.github.com/rest/issues/issues#update-an-issue';
const MAX_LABEL_CHARS = 50;

export function issueRoutes(ctx: StandInContext, state: IssuesState): Record<string, Handler> {
  const repoUrl = () => `${ctx.base()}/repos/${ctx.owner}/${ctx.repo}`;
  const labelView = (name: string) => ({
    id: state.labels.get(name),
    node_id: `LA_${state.labels.get(name)}`,
    url: `${repoUrl()}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  });
  const view = (i: IssueRecord) => ({
    id: 500_000 + i.number,
    node_id: `I_${i.number}`,
    url: `${repoUrl()}/issues/${i.number}`,
    repository_url: repoUrl(),
    labels_url: `${repoUrl()}/issues/${i.number}/labels{/name}`,
    comments_url: `${repoUrl()}/issues/${i.number}/comments`,
    events_url: `${repoUrl()}/issues/${i.number}/events`,
    html_url: `https://github.com/${ctx.owner}/${ctx.repo}/${i.pullRequest ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state_reason,
    title: i.title,
    body: i.body,
    user: ctx.user,
    labels: i.labels.map(labelView),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: 0,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    author_association: 'NONE',
    ...(i.pullRequest
      ? {
          pull_request: {
            url: `${repoUrl()}/pulls/${i.number}`,
            html_url: `https://github.com/${ctx.owner}/${ctx.repo}/pull/${i.number}`,
            diff_url: `https://github.com/${ctx.owner}/${ctx.repo}/pull/${i.number}.diff`,
            patch_url: `https://github.com/${ctx.owner}/${ctx.repo}/pull/${i.number}.patch`,
          },
        }
      : {}),
  });
  const labelNames = (labels: unknown[]) => labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: string }).name ?? '')));

  return {
    'issues/list-for-repo': ({ op, res, query }) => {
      const wanted = query.get('state') ?? 'open';
      const labels = (query.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      const since = query.get('since');
      if (since !== null && Number.isNaN(Date.parse(since))) return ctx.error(res, 422, 'Validation Failed', LIST_DOCS);
      const key = query.get('sort') === 'updated' ? 'updated_at' : 'created_at';
      const ascending = query.get('direction') === 'asc';
      const all = state.issues
        .filter((i) => (wanted === 'all' || i.state === wanted) && labels.every((l) => i.labels.includes(l)))
        .filter((i) => since === null || Date.parse(i.updated_at) >= Date.parse(since))
        .sort((a, b) => (ascending ? 1 : -1) * (a[key].localeCompare(b[key]) || a.number - b.number));
      const { slice, headers } = pageOf(all, query, (page, perPage) => {
        const next = new URLSearchParams(query);
        next.set('page', String(page));
        next.set('per_page', String(perPage));
        return `${repoUrl()}/issues?${next}`;
      });
      return ctx.send(res, 200, ctx.documented(op, 200, slice.map(view)), headers);
    },
    'issues/create': ({ op, res, body, canPush }) => {
      const requested = labelNames((body.labels ?? []) as unknown[]);
      const tooLong = requested.find((l) => l.length > MAX_LABEL_CHARS);
      if (canPush && tooLong !== undefined)
        return ctx.validationFailed(res, [{ value: tooLong, resource: 'Label', field: 'name', code: 'invalid' }], CREATE_DOCS);
      const labels = canPush ? [...new Set(requested)] : [];
      for (const l of labels) if (!state.labels.has(l)) state.labels.set(l, ctx.nextId());
      const at = ctx.now();
      const number = Math.max(0, ...state.issues.map((i) => i.number)) + 1;
      const issue: IssueRecord = {
        number,
        title: String(body.title),
        body: (body.body as string | undefined) ?? null,
        state: 'open',
        state_reason: null,
        labels,
        created_at: at,
        updated_at: at,
        closed_at: null,
        pullRequest: false,
      };
      state.issues.push(issue);
      return ctx.send(res, 201, ctx.documented(op, 201, view(issue)), { location: `${repoUrl()}/issues/${number}` });
    },
    'issues/update': ({ op, res, params, body, canPush }) => {
      const issue = state.issues.find((i) => i.number === Number(params.issue_number));
      if (!issue) return ctx.error(res, 404, 'Not Found', UPDATE_DOCS);
      if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
      if (body.body !== undefined) issue.body = body.body as string | null;
      const to = body.state as 'open' | 'closed' | undefined;
      const at = ctx.now();
      if (to && to !== issue.state) {
        issue.state = to;
        issue.closed_at = to === 'closed' ? at : null;
        issue.state_reason = to === 'closed' ? ((body.state_reason as string | null | undefined) ?? 'completed') : 'reopened';
      }
      if (canPush && Array.isArray(body.labels)) issue.labels = labelNames(body.labels as unknown[]);
      issue.updated_at = at;
      return ctx.send(res, 200, ctx.documented(op, 200, view(issue)));
    },
  };
}
