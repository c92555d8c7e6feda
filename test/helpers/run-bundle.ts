import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** The Node binaries the bundles are tested on: this machine's and Node 24 (GitHub's node24). */
export function testNodes(): string[] {
  const fromEnv = process.env.MODELCI_TEST_NODES?.split(':').filter(Boolean);
  return fromEnv && fromEnv.length > 0 ? fromEnv : [process.execPath];
}

export function nodeVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands the action printed (::error ..., ::warning ...). */
  commands: { command: string; properties: Record<string, string>; message: string }[];
  /** What the step saved for its post step (GITHUB_STATE). */
  state: Record<string, string>;
}

/**
 * Run an action's committed bundle the way the GitHub runner does: every input as INPUT_<NAME>
 * (upper-cased, spaces to '_', hyphens kept), defaults from action.yml filled in, and the
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV files created empty.
 */
export function runAction(action: string, inputs: Record<string, string>, opts: { node?: string; cwd?: string } = {}): ActionRun {
  const { env, files, main, cwd } = prepareAction(action, inputs, opts);
  const run = spawnSync(opts.node ?? process.execPath, [main], { cwd, env, encoding: 'utf8', timeout: 600_000 });
  return collect(run.status, run.stdout, run.stderr, files);
}

export interface StartedAction {
  child: ChildProcess;
  /** Resolves when the process exits (however it was stopped). */
  result: Promise<ActionRun>;
}

/**
 * Start an action's bundle without waiting, so a test can kill it as a cancelled job would be.
 * `state` is what an earlier run saved (GITHUB_STATE), passed as STATE_<name> as the runner
 * does; `post` runs the action's post entry (runs.post) instead of its main one.
 */
export function startAction(
  action: string,
  inputs: Record<string, string>,
  opts: { node?: string; cwd?: string; state?: Record<string, string>; env?: Record<string, string>; post?: boolean } = {},
): StartedAction {
  const { env, files, main, post, cwd } = prepareAction(action, inputs, opts);
  if (opts.post && !post) throw new Error(`test bug: action ${action} has no post step`);
  for (const [name, value] of Object.entries(opts.state ?? {})) env[`STATE_${name}`] = value;
  Object.assign(env, opts.env ?? {});
  const child = spawn(opts.node ?? process.execPath, [opts.post ? post! : main], { cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const result = new Promise<ActionRun>((resolve) => child.once('close', (status) => resolve(collect(status, stdout, stderr, files))));
  return { child, result };
}

function prepareAction(action: string, inputs: Record<string, string>, opts: { cwd?: string }) {
  const meta = parse(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; main: string; post?: string };
  };
  const dir = mkdtempSync(join(tmpdir(), `modelci-${action}-`));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: opts.cwd ?? dir,
    ...files,
  };
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    if (spec.default !== undefined) env[inputEnvName(name)] = String(spec.default);
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in (meta.inputs ?? {}))) throw new Error(`test bug: action ${action} has no input '${name}'`);
    env[inputEnvName(name)] = value;
  }
  return {
    env,
    files,
    main: join(ROOT, 'actions', action, meta.runs.main),
    post: meta.runs.post ? join(ROOT, 'actions', action, meta.runs.post) : undefined,
    cwd: opts.cwd ?? dir,
  };
}

function collect(
  status: number | null,
  stdout: string,
  stderr: string,
  files: { GITHUB_OUTPUT: string; GITHUB_STEP_SUMMARY: string; GITHUB_STATE: string },
): ActionRun {
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands: parseCommands(stdout),
    state: parseOutputFile(readFileSync(files.GITHUB_STATE, 'utf8')),
  };
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks (and plain name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

function parseCommands(stdout: string): ActionRun['commands'] {
  const out: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const at = kv.indexOf('=');
      properties[kv.slice(0, at)] = decodeURIComponent(kv.slice(at + 1).replace(/%2C/g, ','));
    }
    out.push({ command: m[1], properties, message: m[3].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%') });
  }
  return out;
}
