// The Actions routes of the GitHub API stand-in: dispatching a workflow and listing its runs.
// As GitHub does: a workflow is named by its numeric id or its file name; a dispatch answers 204
// (200 with the run's ids when `return_run_details` is true) and the run is listed as queued;
// 404 for a workflow that does not exist, 422 with GitHub's messages for a ref that does not
// exist, a workflow without a workflow_dispatch trigger, inputs it does not declare, a required
// input left out, an input that is not a string, more than 25 inputs. Runs are listed newest
// first, filtered by event and by status (or conclusion), paged with a Link header.
import { pageOf, type Handler, type StandInContext } from './github-api-context.js';

export interface Workflow {
  id: number;
  /** The file name under .github/workflows/, e.g. "pipeline.yml". */
  file: string;
  /** Has `on: workflow_dispatch`. */
  dispatch: boolean;
  /** The workflow_dispatch inputs it declares. */
  inputs: string[];
  requiredInputs: string[];
}

export interface WorkflowRunRecord {
  id: number;
  workflowId: number;
  event: string;
  status: string;
  conclusion: string | null;
  head_branch: string;
  inputs: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export interface WorkflowsState {
  workflows: Workflow[];
  runs: WorkflowRunRecord[];
  /** Branches and tags a dispatch may name. */
  refs: Set<string>;
}

const DISPATCH_DOCS = 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event';
const RUNS_DOCS = 'https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow';

export function workflowRoutes(ctx: StandInContext, state: WorkflowsState): Record<string, Handler> {
  const find = (id: string) => state.workflows.find((w) => String(w.id) === id || w.file === id);
  const repoUrl = () => `${ctx.base()}/repos/${ctx.owner}/${ctx.repo}`;
  const runView = (r: WorkflowRunRecord, w: Workflow) => ({
    id: r.id,
    node_id: `WFR_${r.id}`,
    name: w.file.replace(/\.ya?ml$/, ''),
    head_branch: r.head_branch,
    head_sha: '0'.repeat(40),
    path: `.github/workflows/${w.file}`,
    display_title: w.file,
    run_number: r.id,
    run_attempt: 1,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: w.id,
    url: `${repoUrl()}/actions/runs/${r.id}`,
    html_url: `https://github.com/${ctx.owner}/${ctx.repo}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.created_at,
    updated_at: r.updated_at,
    run_started_at: r.created_at,
    jobs_url: `${repoUrl()}/actions/runs/${r.id}/jobs`,
    logs_url: `${repoUrl()}/actions/runs/${r.id}/logs`,
    check_suite_url: `${repoUrl()}/check-suites/${r.id}`,
    artifacts_url: `${repoUrl()}/actions/runs/${r.id}/artifacts`,
    cancel_url: `${repoUrl()}/actions/runs/${r.id}/cancel`,
    rerun_url: `${repoUrl()}/actions/runs/${r.id}/rerun`,
    workflow_url: `${repoUrl()}/actions/workflows/${w.id}`,
    head_commit: null,
  });

  return {
    'actions/create-workflow-dispatch': ({ op, res, params, body }) => {
      const w = find(params.workflow_id);
      if (!w) return ctx.error(res, 404, 'Not Found', DISPATCH_DOCS);
      const ref = String(body.ref).replace(/^refs\/(heads|tags)\//, '');
      if (!state.refs.has(ref)) return ctx.error(res, 422, `No ref found for: ${String(body.ref)}`, DISPATCH_DOCS);
      if (!w.dispatch) return ctx.error(res, 422, "Workflow does not have 'workflow_dispatch' trigger", DISPATCH_DOCS);
      const inputs = (body.inputs ?? {}) as Record<string, unknown>;
      const keys = Object.keys(inputs);
      if (keys.length > 25) return ctx.error(res, 422, `you may only define up to 25 \`inputs\` for a \`workflow_dispatch\` event`, DISPATCH_DOCS);
      for (const [k, v] of Object.entries(inputs)) {
        if (typeof v !== 'string') return ctx.error(res, 422, `For 'properties/${k}', ${JSON.stringify(v)} is not a string.`, DISPATCH_DOCS);
      }
      const unexpected = keys.filter((k) => !w.inputs.includes(k));
      if (unexpected.length > 0) return ctx.error(res, 422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, DISPATCH_DOCS);
      const missing = w.requiredInputs.find((k) => !keys.includes(k));
      if (missing) return ctx.error(res, 422, `Required input '${missing}' not provided`, DISPATCH_DOCS);
      const at = ctx.now();
      const run: WorkflowRunRecord = {
        id: ctx.nextId(),
        workflowId: w.id,
        event: 'workflow_dispatch',
        status: 'queued',
        conclusion: null,
        head_branch: ref,
        inputs: inputs as Record<string, string>,
        created_at: at,
        updated_at: at,
      };
      state.runs.push(run);
      if (body.return_run_details === true) {
        return ctx.send(
          res,
          200,
          ctx.documented(op, 200, {
            workflow_run_id: run.id,
            run_url: `${repoUrl()}/actions/runs/${run.id}`,
            html_url: `https://github.com/${ctx.owner}/${ctx.repo}/actions/runs/${run.id}`,
          }),
        );
      }
      return ctx.send(res, 204, undefined);
    },
    'actions/list-workflow-runs': ({ op, res, params, query }) => {
      const w = find(params.workflow_id);
      if (!w) return ctx.error(res, 404, 'Not Found', RUNS_DOCS);
      const event = query.get('event');
      const status = query.get('status');
      const all = state.runs
        .filter((r) => r.workflowId === w.id && (!event || r.event === event) && (!status || r.status === status || r.conclusion === status))
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
      const { slice, headers } = pageOf(all, query, (page, perPage) => {
        const next = new URLSearchParams(query);
        next.set('page', String(page));
        next.set('per_page', String(perPage));
        return `${repoUrl()}/actions/workflows/${params.workflow_id}/runs?${next}`;
      });
      return ctx.send(res, 200, ctx.documented(op, 200, { total_count: all.length, workflow_runs: slice.map((r) => runView(r, w)) }), headers);
    },
  };
}
