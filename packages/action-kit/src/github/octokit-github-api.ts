/**
 * The GitHubApi port over @actions/github's Octokit, for one repository. The API URL comes from
 * GITHUB_API_URL (GitHub Enterprise Server, or the tests' stand-in), then api.github.com; the
 * token goes only there. Every call is bounded in time and fails as a GitHubApiError carrying
 * GitHub's status, retryable only when trying again can help (timeouts, 429, 5xx).
 */
import { getOctokit } from '@actions/github';
import { logText } from '@modelci/core/shared';
import { GitHubApiError, type GitHubApi, type Issue, type IssueComment, type WorkflowRun } from '@modelci/core/github';

export interface OctokitGitHubApiOptions {
  token: string;
  /** "owner/repo". */
  repository: string;
  /** Defaults to GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string;
  /** Per call; pagination counts as one call. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const PER_PAGE = 100;
/** 10,000 comments: a discussion longer than that is not one a report comment should be searched in. */
const MAX_COMMENT_PAGES = 100;
/** Lists of runs and issues stop here unless the caller asks for fewer. */
const DEFAULT_RUN_LIMIT = 100;
const DEFAULT_ISSUE_LIMIT = 1000;

/** Page by hand up to `limit` items: octokit.paginate does not pass the abort signal on, so a silent server would hang it. */
async function pages<T>(limit: number, page: (n: number, perPage: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  const perPage = Math.min(PER_PAGE, Math.max(1, limit));
  for (let n = 1; all.length < limit; n++) {
    const data = await page(n, perPage);
    all.push(...data);
    if (data.length < perPage) break;
  }
  return all.slice(0, limit);
}

export function octokitGitHubApi(options: OctokitGitHubApiOptions): GitHubApi {
  const [owner, repo] = options.repository.split('/');
  const baseUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const octokit = getOctokit(options.token, { baseUrl });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bounded = async <T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await call(signal);
    } catch (e) {
      // Octokit reports an aborted fetch as an HttpError with status 500: the signal says what happened.
      if (signal.aborted)
        throw new GitHubApiError(`GitHub's API did not answer within ${timeoutMs / 1000} s while ${what} in ${options.repository}; try again.`, 0, {
          retryable: true,
          cause: e,
        });
      throw asGitHubApiError(e, what, options.repository);
    }
  };
  const comment = (c: { id: number; body?: string; html_url: string }): IssueComment => ({ id: c.id, body: c.body ?? '', url: c.html_url });
  const run = (r: { id: number; html_url: string; status: string | null; conclusion: string | null; event: string; created_at: string }): WorkflowRun => ({
    id: r.id,
    url: r.html_url,
    status: r.status ?? '',
    conclusion: r.conclusion,
    event: r.event,
    createdAt: r.created_at,
  });
  const issue = (i: {
    number: number;
    title: string;
    body?: string | null;
    state: string;
    html_url: string;
    labels: Array<string | { name?: string }>;
    closed_at: string | null;
  }): Issue => ({
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    state: i.state === 'closed' ? 'closed' : 'open',
    url: i.html_url,
    labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    closedAt: i.closed_at,
  });

  return {
    repository: options.repository,
    listIssueComments: (issue) =>
      bounded(`listing the comments of #${issue}`, async (signal) => {
        // Page by hand: octokit.paginate does not pass the abort signal on, so a silent server would hang it.
        const all: IssueComment[] = [];
        for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
          const { data } = await octokit.rest.issues.listComments({ owner, repo, issue_number: issue, per_page: PER_PAGE, page, request: { signal } });
          all.push(...data.map(comment));
          if (data.length < PER_PAGE) break;
        }
        return all;
      }),
    createIssueComment: (issue, body) =>
      bounded(`commenting on #${issue}`, async (signal) =>
        comment((await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body, request: { signal } })).data),
      ),
    updateIssueComment: (id, body) =>
      bounded(`editing comment ${id}`, async (signal) =>
        comment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body, request: { signal } })).data),
      ),
    createDeployment: (d) =>
      bounded(`creating a deployment to ${d.environment}`, async (signal) => {
        const res = await octokit.rest.repos.createDeployment({
          owner,
          repo,
          ref: d.ref,
          environment: d.environment,
          payload: d.payload,
          description: d.description,
          production_environment: d.productionEnvironment,
          // The model was checked by modelci's own gates; the run's own pending checks must not block it (409),
          // and GitHub must not merge the default branch into the ref first.
          required_contexts: [],
          auto_merge: false,
          request: { signal },
        });
        // 202 is GitHub merging the default branch into the ref, which auto_merge: false rules out.
        if (!('id' in res.data))
          throw new GitHubApiError(
            `GitHub did not create the deployment to ${d.environment} of ${options.repository}: ${res.data.message ?? `status ${res.status}`}.`,
            res.status,
          );
        return { id: res.data.id };
      }),
    createDeploymentStatus: (id, s) =>
      bounded(`setting deployment ${id} to ${s.state}`, async (signal) => {
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: id,
          state: s.state,
          description: s.description,
          ...(s.logUrl ? { log_url: s.logUrl } : {}),
          ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
          request: { signal },
        });
      }),
    dispatchWorkflow: (workflow, d) =>
      bounded(`dispatching ${workflow} on ${d.ref}`, async (signal) => {
        await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref: d.ref, inputs: d.inputs, request: { signal } });
      }),
    listWorkflowRuns: (workflow, f = {}) =>
      bounded(`listing the runs of ${workflow}`, (signal) =>
        pages(f.limit ?? DEFAULT_RUN_LIMIT, async (page, per_page) => {
          const { data } = await octokit.rest.actions.listWorkflowRuns({
            owner,
            repo,
            workflow_id: workflow,
            ...(f.status ? { status: f.status } : {}),
            ...(f.event ? { event: f.event } : {}),
            per_page,
            page,
            request: { signal },
          });
          return data.workflow_runs.map(run);
        }),
      ),
    listIssues: (f) =>
      bounded(`listing the ${f.state === 'all' ? '' : `${f.state} `}issues${f.labels?.length ? ` labelled ${f.labels.join(', ')}` : ''}`, async (signal) => {
        const listed = await pages(f.limit ?? DEFAULT_ISSUE_LIMIT, async (page, per_page) => {
          const { data } = await octokit.rest.issues.listForRepo({
            owner,
            repo,
            state: f.state,
            ...(f.labels?.length ? { labels: f.labels.join(',') } : {}),
            ...(f.since ? { since: f.since.toISOString() } : {}),
            sort: 'updated',
            direction: 'desc',
            per_page,
            page,
            request: { signal },
          });
          return data;
        });
        // GitHub lists pull requests as issues; they carry a pull_request key.
        return listed.filter((i) => !('pull_request' in i && i.pull_request)).map(issue);
      }),
    createIssue: (r) =>
      bounded('opening an issue', async (signal) =>
        issue(
          (await octokit.rest.issues.create({ owner, repo, title: r.title, body: r.body, ...(r.labels ? { labels: r.labels } : {}), request: { signal } }))
            .data,
        ),
      ),
    updateIssue: (n, u) =>
      bounded(`editing issue #${n}`, async (signal) =>
        issue(
          (
            await octokit.rest.issues.update({
              owner,
              repo,
              issue_number: n,
              ...(u.title !== undefined ? { title: u.title } : {}),
              ...(u.body !== undefined ? { body: u.body } : {}),
              ...(u.state ? { state: u.state } : {}),
              ...(u.stateReason ? { state_reason: u.stateReason } : {}),
              request: { signal },
            })
          ).data,
        ),
      ),
  };
}

/** One sentence for a failed call: GitHub's status and message. */
function asGitHubApiError(e: unknown, what: string, repository: string): GitHubApiError {
  if (e instanceof GitHubApiError) return e;
  const err = e as { status?: number; message?: string; response?: { data?: { message?: string } } };
  const status = typeof err.status === 'number' ? err.status : 0;
  const githubMessage = err.response?.data?.message ?? err.message ?? String(e);
  // GitHub's message is untrusted text in a log line: it must not become a workflow command.
  const message = logText(githubMessage.split('\n')[0].slice(0, 300));
  const retryable = status === 0 || status === 429 || status >= 500;
  return new GitHubApiError(
    `GitHub's API answered ${status || 'with a network error'} while ${what} in ${repository}: ${message}${retryable ? '; try again' : ''}.`,
    status,
    { retryable, cause: e, githubMessage },
  );
}
