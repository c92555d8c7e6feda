// Runs a reusable workflow's jobs (on: workflow_call) here, from the workflow FILE, so an e2e test
// exercises what GitHub would run: jobs in `needs` order with GitHub's job and step conditions,
// `${{ }}` in with:/env:/if:/outputs (workflow-expressions.ts), each job in a fresh folder (jobs
// share only outputs and artifacts), and each step as the runner runs it:
//   <owner>/modelci/actions/<name>@v1  the committed bundle, through run-bundle.ts (and its post step)
//   actions/checkout@*                 copies the prepared checkout into the job's folder
//   actions/upload-/download-artifact  @actions/artifact against the results-service stand-in (artifact-step.mjs)
//   run:                               bash -e, with the step's env
// environment, concurrency, runs-on, permissions and timeout-minutes are recorded, not enforced.
// Anything else (a key, a context, a function, an action) is refused with an Error.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ResultsService } from './results-service.js';
import { inputEnvName, parseOutputFile, ROOT, startAction, type ActionRun } from './run-bundle.js';
import { condition, hasExpression, stringify, substitute, type Scope, type Value } from './workflow-expressions.js';

type Result = 'success' | 'failure' | 'skipped';

export interface StepRun {
  name: string;
  id?: string;
  outcome: Result;
  conclusion: Result;
  outputs: Record<string, string>;
  /** The `with:` the step got, after substitution. */
  inputs: Record<string, string>;
  stdout: string;
  stderr: string;
  commands: ActionRun['commands'];
  summary: string;
  post?: ActionRun;
}

export interface JobRun {
  result: Result;
  outputs: Record<string, string>;
  /** The job's own folder (kept, so a test can read what the job left). */
  workspace: string;
  recorded: { runsOn?: Value; environment?: Value; concurrency?: Value; timeoutMinutes?: Value; permissions?: unknown };
  steps: StepRun[];
}

export interface WorkflowRun {
  jobs: Record<string, JobRun>;
  /** on.workflow_call.outputs, as the caller sees them. */
  outputs: Record<string, string>;
  /** run: steps whose script had ${{ }} in it (GitHub interpolates it: an injection risk to flag). */
  interpolatedRun: string[];
}

export interface RunWorkflowOptions {
  /** Path of the workflow file, relative to the repository root or absolute. */
  workflow: string;
  inputs: Record<string, string | boolean | number>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** The caller's github context: sha, ref, event_name, run_id, repository, server_url (and event, the payload). */
  github: { sha: string; ref: string; event_name: string; run_id: string; repository: string; server_url: string; event?: Value };
  /** The folder actions/checkout copies into a job's workspace: the caller's repository. */
  checkout: string;
  /** Where artifacts go; each job gets its own runtime token from it. */
  results: ResultsService;
  /** Node for the bundles (default: this one). */
  node?: string;
  /** Added to every step's environment (e.g. a PATH with the python that has torch). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

interface StepSpec {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string | boolean;
  'continue-on-error'?: boolean;
  'working-directory'?: string;
  'timeout-minutes'?: number | string;
}
interface JobSpec {
  name?: string;
  needs?: string | string[];
  if?: string | boolean;
  'runs-on'?: unknown;
  environment?: unknown;
  concurrency?: unknown;
  permissions?: unknown;
  'timeout-minutes'?: unknown;
  outputs?: Record<string, string>;
  env?: Record<string, unknown>;
  steps: StepSpec[];
}
interface InputSpec {
  type: 'string' | 'boolean' | 'number';
  required?: boolean;
  default?: string | boolean | number;
}
interface Workflow {
  on: { workflow_call: { inputs?: Record<string, InputSpec>; secrets?: Record<string, unknown>; outputs?: Record<string, { value: string }> } };
  jobs: Record<string, JobSpec>;
}

const JOB_KEYS = ['name', 'needs', 'if', 'runs-on', 'environment', 'concurrency', 'permissions', 'timeout-minutes', 'outputs', 'env', 'steps'];
const STEP_KEYS = ['name', 'id', 'uses', 'run', 'shell', 'with', 'env', 'if', 'continue-on-error', 'working-directory', 'timeout-minutes'];
const MODELCI = /^[^/]+\/modelci\/actions\/([a-z0-9-]+)@v1$/;

/** Every workflow_call input with its declared type, defaults filled in; undeclared, missing or mistyped ones are refused. */
function callInputs(spec: Record<string, InputSpec>, given: RunWorkflowOptions['inputs']): Record<string, Value> {
  for (const name of Object.keys(given)) if (!(name in spec)) throw new Error(`the workflow has no input '${name}'`);
  const out: Record<string, Value> = {};
  for (const [name, s] of Object.entries(spec)) {
    const v = name in given ? given[name] : s.default;
    if (v === undefined) {
      if (s.required) throw new Error(`the workflow's required input '${name}' was not given`);
      out[name] = s.type === 'boolean' ? false : s.type === 'number' ? 0 : '';
    } else if (typeof v !== s.type) throw new Error(`input '${name}' is a ${s.type}; the caller gave ${JSON.stringify(v)}`);
    else out[name] = v;
  }
  return out;
}

/** Jobs in an order where every job comes after its needs. */
function order(jobs: Record<string, JobSpec>): string[] {
  const done: string[] = [];
  const visit = (id: string, path: string[]) => {
    if (done.includes(id)) return;
    if (path.includes(id)) throw new Error(`a needs cycle: ${[...path, id].join(' -> ')}`);
    if (!jobs[id]) throw new Error(`job '${path.at(-1)}' needs '${id}', which does not exist`);
    for (const need of needsOf(jobs[id])) visit(need, [...path, id]);
    done.push(id);
  };
  Object.keys(jobs).forEach((id) => visit(id, []));
  return done;
}
const needsOf = (job: JobSpec): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

function ancestors(jobs: Record<string, JobSpec>, id: string): string[] {
  const direct = needsOf(jobs[id]);
  return [...new Set([...direct, ...direct.flatMap((n) => ancestors(jobs, n))])];
}

/** Workflow commands a step printed (::notice title=...::text). */
function commandsIn(stdout: string): ActionRun['commands'] {
  return [...stdout.matchAll(/^::([a-z-]+)( [^:]*)?::(.*)$/gm)].map((m) => ({
    command: m[1],
    properties: Object.fromEntries(
      (m[2] ?? '')
        .trim()
        .split(',')
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    ),
    message: m[3],
  }));
}

function spawnCollect(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function stepFiles(): { dir: string; files: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-step-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), GITHUB_ENV: join(dir, 'env'), GITHUB_PATH: join(dir, 'path') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  return { dir, files };
}

export async function runWorkflow(opts: RunWorkflowOptions): Promise<WorkflowRun> {
  const file = opts.workflow.startsWith('/') ? opts.workflow : join(ROOT, opts.workflow);
  const wf = parse(readFileSync(file, 'utf8')) as Workflow;
  const call = wf.on?.workflow_call;
  if (!call) throw new Error(`${opts.workflow} is not a reusable workflow (no on.workflow_call)`);
  const inputs = callInputs(call.inputs ?? {}, opts.inputs);
  const declaredSecrets = Object.keys(call.secrets ?? {});
  for (const s of Object.keys(opts.secrets ?? {})) if (!declaredSecrets.includes(s)) throw new Error(`the workflow declares no secret '${s}'`);
  const secrets = Object.fromEntries(declaredSecrets.map((s) => [s, opts.secrets?.[s] ?? '']));
  const github: Record<string, Value> = { event: {}, ...opts.github, workflow_ref: `${opts.github.repository}/${opts.workflow}@${opts.github.ref}` };
  const log = opts.log ?? (() => undefined);
  const run: WorkflowRun = { jobs: {}, outputs: {}, interpolatedRun: [] };

  // A context path the workflow reads must exist: a typo in inputs.x is an error here, not ''.
  const check = (known: Record<string, string[]>) => (path: string[]) => {
    if (path.length < 2) return;
    const [ctx, key] = path;
    if (ctx === 'github' && key !== 'event' && !(key in github)) throw new Error(`github.${key} is not emulated by this runner`);
    const names = known[ctx];
    if (names && !names.includes(key)) throw new Error(`${path.slice(0, 2).join('.')} does not exist here (there are: ${names.join(', ') || 'none'})`);
  };
  const known = (job?: JobSpec, steps: string[] = []) => ({
    inputs: Object.keys(inputs),
    secrets: declaredSecrets,
    needs: job ? needsOf(job) : [],
    steps,
    jobs: Object.keys(wf.jobs),
  });

  for (const id of order(wf.jobs)) {
    const job = wf.jobs[id];
    for (const key of Object.keys(job)) if (!JOB_KEYS.includes(key)) throw new Error(`job '${id}': the key '${key}' is not emulated by this runner`);
    const needs: Record<string, Value> = Object.fromEntries(needsOf(job).map((n) => [n, { result: run.jobs[n].result, outputs: run.jobs[n].outputs }]));
    const before = ancestors(wf.jobs, id).map((n) => run.jobs[n].result);
    const jobScope: Scope = {
      contexts: { github, inputs, needs, vars: opts.vars ?? {} },
      status: { success: before.every((r) => r === 'success'), failure: before.includes('failure'), cancelled: false },
      check: check(known(job)),
    };
    const workspace = mkdtempSync(join(tmpdir(), `modelci-job-${id}-`));
    const jobRun: JobRun = { result: 'skipped', outputs: {}, workspace, steps: [], recorded: {} };
    run.jobs[id] = jobRun;
    if (!condition(job.if, jobScope)) {
      log(
        `job ${id}: skipped (${job.if === undefined ? 'a job it needs did not succeed' : `if: ${String(job.if)} was false, or a job it needs did not succeed`})`,
      );
      continue;
    }
    const sub = (v: unknown, scope: Scope): Value =>
      typeof v === 'string'
        ? substitute(v, scope)
        : v === null || typeof v !== 'object'
          ? ((v ?? null) as Value)
          : Array.isArray(v)
            ? v.map((x) => sub(x, scope))
            : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sub(x, scope)]));
    jobRun.recorded = {
      runsOn: sub(job['runs-on'], jobScope),
      environment: sub(job.environment, jobScope),
      concurrency: sub(job.concurrency, jobScope),
      timeoutMinutes: sub(job['timeout-minutes'], jobScope),
      permissions: job.permissions,
    };
    log(`job ${id}: runs-on ${JSON.stringify(jobRun.recorded.runsOn)}`);

    const token = opts.results.newJob();
    const baseEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? workspace,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: mkdtempSync(join(tmpdir(), `modelci-runner-temp-${id}-`)),
      GITHUB_WORKSPACE: workspace,
      GITHUB_JOB: id,
      GITHUB_SHA: opts.github.sha,
      GITHUB_REF: opts.github.ref,
      GITHUB_EVENT_NAME: opts.github.event_name,
      GITHUB_RUN_ID: opts.github.run_id,
      GITHUB_REPOSITORY: opts.github.repository,
      GITHUB_SERVER_URL: opts.github.server_url,
      ...(opts.env ?? {}),
    };
    // The runner gives the runtime token only to JavaScript and container actions, never to run: steps.
    const jsEnv = opts.results.env(token);
    const stepsCtx: Record<string, Value> = {};
    const posts: {
      action: string;
      inputs: Record<string, string>;
      env: Record<string, string>;
      step: StepRun;
      state: Record<string, string>;
      postIf: string;
    }[] = [];
    let failed = false;

    for (const [i, step] of job.steps.entries()) {
      for (const key of Object.keys(step))
        if (!STEP_KEYS.includes(key)) throw new Error(`job '${id}' step ${i + 1}: the key '${key}' is not emulated by this runner`);
      const name = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${i + 1}`;
      const scope: Scope = {
        contexts: {
          github,
          inputs,
          needs,
          vars: opts.vars ?? {},
          secrets,
          steps: stepsCtx,
          env: { ...(opts.env ?? {}) },
          job: { status: failed ? 'failure' : 'success' },
        },
        status: { success: !failed, failure: failed, cancelled: false },
        check: check(known(job, Object.keys(stepsCtx))),
      };
      const stepRun: StepRun = {
        name,
        id: step.id,
        outcome: 'skipped',
        conclusion: 'skipped',
        outputs: {},
        inputs: {},
        stdout: '',
        stderr: '',
        commands: [],
        summary: '',
      };
      jobRun.steps.push(stepRun);
      const record = () => {
        if (step.id) stepsCtx[step.id] = { outputs: stepRun.outputs, outcome: stepRun.outcome, conclusion: stepRun.conclusion };
      };
      if (!condition(step.if, scope)) {
        log(`job ${id}: step '${name}' skipped`);
        record();
        continue;
      }
      const env: Record<string, string> = { ...baseEnv };
      for (const [k, v] of Object.entries({ ...(job.env ?? {}), ...(step.env ?? {}) })) env[k] = stringify(sub(v, scope));
      const withs: Record<string, string> = {};
      for (const [k, v] of Object.entries(step.with ?? {})) withs[k] = stringify(sub(v, scope));
      stepRun.inputs = withs;
      const cwd = step['working-directory'] ? join(workspace, stringify(sub(step['working-directory'], scope))) : workspace;

      let status: number | null;
      if (step.run !== undefined) {
        if (hasExpression(step.run)) run.interpolatedRun.push(`${id}: ${name}`);
        const shell = step.shell === undefined ? ['-e'] : step.shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail'] : undefined;
        if (!shell) throw new Error(`job '${id}' step '${name}': shell '${step.shell}' is not emulated`);
        const { dir, files } = stepFiles();
        const script = join(dir, 'script.sh');
        writeFileSync(script, stringify(substitute(step.run, scope)));
        const r = await spawnCollect('bash', [...shell, script], cwd, { ...env, ...files });
        status = r.status;
        Object.assign(stepRun, { stdout: r.stdout, stderr: r.stderr, commands: commandsIn(r.stdout) });
        stepRun.outputs = parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
        stepRun.summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
        Object.assign(baseEnv, parseOutputFile(readFileSync(files.GITHUB_ENV, 'utf8')));
      } else if (step.uses && MODELCI.test(step.uses)) {
        const action = MODELCI.exec(step.uses)![1];
        const r = await startAction(action, withs, { cwd, node: opts.node, env: { ...env, ...jsEnv } }).result;
        status = r.status;
        Object.assign(stepRun, { stdout: r.stdout, stderr: r.stderr, commands: r.commands, outputs: r.outputs, summary: r.summary });
        const meta = parse(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8')) as { runs: { post?: string; 'post-if'?: string } };
        if (meta.runs.post)
          posts.unshift({ action, inputs: withs, env: { ...env, ...jsEnv }, step: stepRun, state: r.state, postIf: meta.runs['post-if'] ?? 'always()' });
      } else if (step.uses?.startsWith('actions/checkout@')) {
        cpSync(opts.checkout, workspace, { recursive: true });
        status = 0;
      } else if (/^actions\/(upload|download)-artifact@v4$/.test(step.uses ?? '')) {
        const mode = /^actions\/(upload|download)/.exec(step.uses!)![1];
        const { files } = stepFiles();
        const inputEnv = Object.fromEntries(Object.entries(withs).map(([k, v]) => [inputEnvName(k), v]));
        const r = await spawnCollect(opts.node ?? process.execPath, [join(ROOT, 'test/helpers/artifact-step.mjs'), mode], cwd, {
          ...env,
          ...jsEnv,
          ...files,
          ...inputEnv,
        });
        status = r.status;
        Object.assign(stepRun, { stdout: r.stdout, stderr: r.stderr, commands: commandsIn(r.stdout) });
        stepRun.outputs = parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
      } else {
        throw new Error(`job '${id}' step '${name}': '${step.uses ?? '(neither uses nor run)'}' is not emulated by this runner`);
      }
      stepRun.outcome = status === 0 ? 'success' : 'failure';
      stepRun.conclusion = status === 0 || step['continue-on-error'] === true ? 'success' : 'failure';
      if (stepRun.conclusion === 'failure') failed = true;
      log(`job ${id}: step '${name}' ${stepRun.outcome}${stepRun.outcome !== stepRun.conclusion ? ' (continue-on-error)' : ''}`);
      record();
    }

    // Post steps, last first, as the runner runs them, each when its post-if holds (default always()).
    for (const post of posts) {
      const postScope: Scope = { contexts: {}, status: { success: !failed, failure: failed, cancelled: false } };
      if (!condition(post.postIf, postScope)) continue;
      const startedPost = startAction(post.action, post.inputs, { cwd: workspace, node: opts.node, env: post.env, state: post.state, post: true });
      post.step.post = await startedPost.result;
      if (post.step.post.status !== 0) failed = true;
      log(`job ${id}: post '${post.step.name}' ${post.step.post.status === 0 ? 'success' : 'failure'}`);
    }

    const outScope: Scope = {
      contexts: { github, inputs, needs, vars: opts.vars ?? {}, secrets, steps: stepsCtx },
      status: { success: !failed, failure: failed, cancelled: false },
      check: check(known(job, Object.keys(stepsCtx))),
    };
    for (const [k, v] of Object.entries(job.outputs ?? {})) jobRun.outputs[k] = stringify(substitute(v, outScope));
    jobRun.result = failed ? 'failure' : 'success';
    log(`job ${id}: ${jobRun.result}`);
  }

  const wfScope: Scope = {
    contexts: {
      github,
      inputs,
      vars: opts.vars ?? {},
      jobs: Object.fromEntries(Object.entries(run.jobs).map(([k, j]) => [k, { result: j.result, outputs: j.outputs }])),
    },
    status: { success: true, failure: false, cancelled: false },
    check: check(known()),
  };
  for (const [k, o] of Object.entries(call.outputs ?? {})) run.outputs[k] = stringify(substitute(o.value, wfScope));
  return run;
}

/** What a test shows when a job did not do what it expected: each failed step's log, trimmed. */
export function failedSteps(run: WorkflowRun): string {
  return Object.entries(run.jobs)
    .flatMap(([id, j]) =>
      j.steps
        .filter((s) => s.outcome === 'failure' || (s.post && s.post.status !== 0))
        .map((s) => `--- ${id}: ${s.name}\n${(s.stdout + s.stderr + (s.post ? s.post.stdout + s.post.stderr : '')).slice(-3000)}`),
    )
    .join('\n');
}
