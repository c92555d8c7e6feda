// A stand-in for GitHub's REST API (api.github.com cannot be reached from here), checked against
// GitHub's own OpenAPI description (npm @octokit/openapi, api.github.com.json). Every request is
// matched to a documented operation (path + method); its path parameters, required query
// parameters and JSON body are validated against that operation's schemas. It answers as GitHub
// does: 401 without a known token, 403 "Resource not accessible by integration" for a write with
// a read-only token (a fork's pull request), 404 for a missing pull request, comment or
// deployment, 422 with GitHub's validation-error shape on a bad body, and otherwise the documented
// status with a body of the documented shape (the smallest one the schema allows, filled in from
// the in-memory state), itself checked against the response schema. A request to an operation
// GitHub does not document, or an answer that does not fit the description, is a problem: tests
// call `assertNoProblems()`, which throws with every one of them.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { deref, fillOf, validate, type OpenApiDocument, type Schema } from './openapi-schema.js';
import type { Handler, Operation, StandInContext } from './github-api-context.js';
import { issueRoutes, type IssueRecord, type IssuesState } from './github-api-issues.js';
import { workflowRoutes, type Workflow, type WorkflowRunRecord, type WorkflowsState } from './github-api-workflows.js';

export type { IssueRecord, Workflow, WorkflowRunRecord };

const require = createRequire(import.meta.url);
let description: OpenApiDocument | undefined;
/** Parsed once per test file: the description is 13 MB of JSON. */
export function githubOpenApi(): OpenApiDocument {
  description ??= JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as OpenApiDocument;
  return description;
}

function compileOperations(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, node] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)');
      ops.push({
        id: (node as Schema).operationId as string,
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        params,
        node: node as Schema,
      });
    }
  }
  // Literal segments win over parameters (`/issues/comments/{id}` before `/issues/{number}/…`).
  return ops.sort((a, b) => a.params.length - b.params.length);
}

export interface IssueComment {
  id: number;
  body: string;
  issue: number;
  created_at: string;
  updated_at: string;
}
export interface Deployment {
  id: number;
  ref: string;
  environment: string;
  payload: unknown;
  description: string | null;
  task: string;
  production_environment: boolean;
  transient_environment: boolean;
  statuses: Array<{ id: number; state: string; description: string; environment: string; log_url: string }>;
}
export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  status: number;
  body: unknown;
}

export interface GitHubApiStandIn {
  /** GITHUB_API_URL for the code under test. */
  url: string;
  owner: string;
  repo: string;
  /** A token that may write (the default GITHUB_TOKEN with pull-requests and deployments: write). */
  writeToken: string;
  /** A token that may only read (the token of a pull request from a fork). */
  readOnlyToken: string;
  /** A token that may write issues but not push (`permissions: issues: write` only): labels on a new issue are dropped. */
  issuesToken: string;
  /** Open a pull request; its number is also an issue number, as on GitHub. */
  openPullRequest(number: number): void;
  /** A workflow file in .github/workflows/; `dispatch` (default true) gives it `on: workflow_dispatch` with `inputs`. */
  addWorkflow(file: string, options?: { dispatch?: boolean; inputs?: string[]; requiredInputs?: string[] }): Workflow;
  /** Every run of every workflow, oldest first; tests move a run on by editing its status, conclusion and created_at. */
  workflowRuns: WorkflowRunRecord[];
  /** Branches and tags that exist (main by default). */
  refs: Set<string>;
  /** Issues and pull requests, as GitHub numbers them; edit created_at, updated_at, closed_at to age one. */
  issues: IssueRecord[];
  /** The repository's labels: name to id. */
  labels: Map<string, number>;
  comments(issue: number): IssueComment[];
  deployments: Deployment[];
  requests: RecordedRequest[];
  /** Requests to undocumented operations, unanswerable ones, answers off the documented shape. */
  problems: string[];
  assertNoProblems(): void;
  stop(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

export async function startGitHubApi(options: { owner?: string; repo?: string } = {}): Promise<GitHubApiStandIn> {
  const doc = githubOpenApi();
  const ops = compileOperations(doc);
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'models';
  const writeToken = 'ghs_standin_write_token';
  const readOnlyToken = 'ghs_standin_read_only_token';
  const issuesToken = 'ghs_standin_issues_only_token';
  const pulls = new Set<number>();
  const comments: IssueComment[] = [];
  const deployments: Deployment[] = [];
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  let nextId = 1000;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date((clock += 1000)).toISOString().replace(/\.\d+Z$/, 'Z');
  let base = 'http://127.0.0.1'; // the port is known once listening

  const workflowsState: WorkflowsState = { workflows: [], runs: [], refs: new Set(['main']) };
  const issuesState: IssuesState = { issues: [], labels: new Map() };
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
    return { status, body };
  };
  const error = (res: ServerResponse, status: number, message: string, docs = DOCS) =>
    send(res, status, { message, documentation_url: docs, status: String(status) });

  /** The documented answer: the smallest value of the response schema with our fields over it. */
  const documented = (op: Operation, status: number, fields: unknown): unknown => {
    const response = deref(doc, (op.node.responses as Record<string, unknown>)[String(status)]);
    const schema = (response?.content as Record<string, { schema: unknown }> | undefined)?.['application/json']?.schema;
    if (!response) {
      problems.push(`${op.id} documents no ${status} answer`);
      return fields;
    }
    if (!schema) return undefined;
    const value = fillOf(doc, schema, fields);
    for (const e of validate(doc, schema, value, `answer of ${op.id}`)) problems.push(e);
    return value;
  };

  const user = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
  const context: StandInContext = {
    owner,
    repo,
    base: () => base,
    now,
    nextId: () => nextId++,
    send,
    error,
    validationFailed: (res, errors, docs) => send(res, 422, { message: 'Validation Failed', errors, documentation_url: docs, status: '422' }),
    documented,
    user,
    docs: DOCS,
  };
  const commentView = (c: IssueComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    body: c.body,
    user,
    url: `${base}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    issue_url: `${base}/repos/${owner}/${repo}/issues/${c.issue}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE',
  });
  const deploymentView = (d: Deployment) => ({
    id: d.id,
    node_id: `DE_${d.id}`,
    url: `${base}/repos/${owner}/${repo}/deployments/${d.id}`,
    statuses_url: `${base}/repos/${owner}/${repo}/deployments/${d.id}/statuses`,
    repository_url: `${base}/repos/${owner}/${repo}`,
    sha: 'a'.repeat(40),
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    environment: d.environment,
    original_environment: d.environment,
    description: d.description,
    creator: user,
    created_at: now(),
    updated_at: now(),
    production_environment: d.production_environment,
    transient_environment: d.transient_environment,
  });

  const handlers: Record<string, Handler> = {
    ...workflowRoutes(context, workflowsState),
    ...issueRoutes(context, issuesState),
    'issues/list-comments': ({ op, res, params, query }) => {
      const issue = Number(params.issue_number);
      if (!pulls.has(issue)) return error(res, 404, 'Not Found', `${DOCS}/issues/comments#list-issue-comments`);
      const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
      const page = Number(query.get('page') ?? 1);
      const all = comments.filter((c) => c.issue === issue);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        headers.link = `<${base}/repos/${owner}/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      }
      return send(res, 200, documented(op, 200, slice.map(commentView)), headers);
    },
    'issues/create-comment': ({ op, res, params, body }) => {
      const issue = Number(params.issue_number);
      if (!pulls.has(issue)) return error(res, 404, 'Not Found', `${DOCS}/issues/comments#create-an-issue-comment`);
      const at = now();
      const c: IssueComment = { id: nextId++, body: body.body as string, issue, created_at: at, updated_at: at };
      comments.push(c);
      return send(res, 201, documented(op, 201, commentView(c)), { location: `${base}/repos/${owner}/${repo}/issues/comments/${c.id}` });
    },
    'issues/update-comment': ({ op, res, params, body }) => {
      const c = comments.find((x) => x.id === Number(params.comment_id));
      if (!c) return error(res, 404, 'Not Found', `${DOCS}/issues/comments#update-an-issue-comment`);
      c.body = body.body as string;
      c.updated_at = now();
      return send(res, 200, documented(op, 200, commentView(c)));
    },
    'repos/create-deployment': ({ op, res, body }) => {
      const environment = (body.environment as string | undefined) ?? 'production';
      const d: Deployment = {
        id: nextId++,
        ref: body.ref as string,
        environment,
        payload: body.payload ?? {},
        description: (body.description as string | null | undefined) ?? '',
        task: (body.task as string | undefined) ?? 'deploy',
        production_environment: (body.production_environment as boolean | undefined) ?? environment === 'production',
        transient_environment: (body.transient_environment as boolean | undefined) ?? false,
        statuses: [],
      };
      deployments.push(d);
      return send(res, 201, documented(op, 201, deploymentView(d)));
    },
    'repos/create-deployment-status': ({ op, res, params, body }) => {
      const d = deployments.find((x) => x.id === Number(params.deployment_id));
      if (!d) return error(res, 404, 'Not Found', `${DOCS}/deployments/statuses#create-a-deployment-status`);
      const s = {
        id: nextId++,
        state: body.state as string,
        description: (body.description as string | undefined) ?? '',
        environment: (body.environment as string | undefined) ?? d.environment,
        log_url: (body.log_url as string | undefined) ?? '',
      };
      if (s.description.length > 140) {
        return send(res, 422, {
          message: 'Validation Failed',
          errors: [{ resource: 'DeploymentStatus', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }],
          documentation_url: `${DOCS}/deployments/statuses#create-a-deployment-status`,
          status: '422',
        });
      }
      d.statuses.push(s);
      return send(
        res,
        201,
        documented(op, 201, {
          id: s.id,
          node_id: `DES_${s.id}`,
          state: s.state,
          description: s.description,
          environment: s.environment,
          log_url: s.log_url,
          target_url: s.log_url,
          creator: user,
          url: `${base}/repos/${owner}/${repo}/deployments/${d.id}/statuses/${s.id}`,
          deployment_url: `${base}/repos/${owner}/${repo}/deployments/${d.id}`,
          repository_url: `${base}/repos/${owner}/${repo}`,
          created_at: now(),
          updated_at: now(),
        }),
      );
    },
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): { status: number; body: unknown; operationId?: string } => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    let match: RegExpExecArray | null = null;
    const op = ops.find((o) => o.method === method && (match = o.pattern.exec(url.pathname)) !== null);
    if (!op || !match) {
      problems.push(`${method} ${url.pathname} is not an operation of GitHub's REST API`);
      return error(res, 404, 'Not Found');
    }
    const m: RegExpExecArray = match;
    const params = Object.fromEntries(op.params.map((p, i) => [p, decodeURIComponent(m[i + 1])]));
    const result = (r: { status: number; body: unknown }) => ({ ...r, operationId: op.id });

    // Parameters: path ones by their schema, required query ones present and of their type.
    for (const pnode of (op.node.parameters ?? []) as unknown[]) {
      const p = deref<{ name: string; in: string; required?: boolean; schema?: Schema }>(doc, pnode);
      const value = p.in === 'path' ? params[p.name] : p.in === 'query' ? url.searchParams.get(p.name) : undefined;
      if (value === undefined || value === null) {
        if (p.required && p.in !== 'header') return result(error(res, 422, `Invalid request.\n\n"${p.name}" wasn't supplied.`));
        continue;
      }
      const type = p.schema?.type;
      const typed =
        type === 'integer' || type === 'number'
          ? /^-?\d+(\.\d+)?$/.test(value)
            ? Number(value)
            : value
          : type === 'boolean'
            ? value === 'true'
              ? true
              : value === 'false'
                ? false
                : value
            : value;
      const errs = validate(doc, p.schema ?? {}, typed, p.name);
      if (errs.length > 0) {
        if (p.in === 'path') return result(error(res, 404, 'Not Found'));
        return result(error(res, 422, `Invalid request.\n\n${errs[0]}.`));
      }
    }
    if (params.owner !== owner || params.repo !== repo) return result(error(res, 404, 'Not Found'));

    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (auth !== writeToken && auth !== readOnlyToken && auth !== issuesToken) return result(error(res, 401, 'Bad credentials'));
    const issueWrite = op.id === 'issues/create' || op.id === 'issues/update';
    if (method !== 'GET' && (auth === readOnlyToken || (auth === issuesToken && !issueWrite)))
      return result(error(res, 403, 'Resource not accessible by integration'));

    let body: Record<string, unknown> = {};
    const content = (deref(doc, op.node.requestBody ?? {}).content ?? {}) as Record<string, { schema: unknown }>;
    if (content['application/json']) {
      if (raw !== '') {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return result(error(res, 400, 'Problems parsing JSON'));
        }
      }
      const errs = validate(doc, content['application/json'].schema, body);
      if (errs.length > 0) return result(send(res, 422, { message: `Invalid request.\n\n${errs.join('\n')}`, documentation_url: DOCS, status: '422' }));
    }
    const handler = handlers[op.id];
    if (!handler) {
      problems.push(`${op.id} (${method} ${op.template}) is documented but this stand-in does not answer it; add a handler`);
      return result(error(res, 501, 'Not Implemented'));
    }
    return result(handler({ op, res, params, query: url.searchParams, body, canPush: auth === writeToken }));
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let outcome: { status: number; body: unknown; operationId?: string };
    try {
      outcome = handle(req, res, raw);
    } catch (e) {
      problems.push(`the stand-in failed on ${req.method} ${req.url}: ${(e as Error).message}`);
      outcome = error(res, 500, 'Server Error');
    }
    let sent: unknown = raw;
    try {
      sent = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      /* recorded as text */
    }
    requests.push({ method: req.method ?? '', path: req.url ?? '', operationId: outcome.operationId, status: outcome.status, body: sent });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url: base,
    owner,
    repo,
    writeToken,
    readOnlyToken,
    issuesToken,
    openPullRequest: (n) => {
      pulls.add(n);
      if (issuesState.issues.some((i) => i.number === n)) return;
      const at = now();
      issuesState.issues.push({
        number: n,
        title: `Pull request #${n}`,
        body: null,
        state: 'open',
        state_reason: null,
        labels: [],
        created_at: at,
        updated_at: at,
        closed_at: null,
        pullRequest: true,
      });
    },
    addWorkflow: (file, o = {}) => {
      const w: Workflow = { id: nextId++, file, dispatch: o.dispatch ?? true, inputs: o.inputs ?? [], requiredInputs: o.requiredInputs ?? [] };
      workflowsState.workflows.push(w);
      return w;
    },
    workflowRuns: workflowsState.runs,
    refs: workflowsState.refs,
    issues: issuesState.issues,
    labels: issuesState.labels,
    comments: (issue) => comments.filter((c) => c.issue === issue),
    deployments,
    requests,
    problems,
    assertNoProblems() {
      if (problems.length > 0) throw new Error(`The GitHub API stand-in saw ${problems.length} problem(s):\n${problems.join('\n')}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
