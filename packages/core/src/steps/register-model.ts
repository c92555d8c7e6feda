/**
 * register-model's operations, shared by the action and `modelci register | promote | resolve |
 * list`: inputs as the user typed them in, a ModelVersion (or alias move) out.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, PolicyError } from '../shared/errors.js';
import { isProtectedAlias, verdictOutcome } from './register-model-policy.js';
import { readMetricsReport } from '../gates/read-metrics-report.js';
import { GATE_VERDICT_SCHEMA } from '../gates/evaluate-gates.js';
import { DRIFT_REPORT_SCHEMA } from '../drift/report.js';
import { checkAlias, type ModelRegistry } from '../registry/model-registry.js';
import { openRegistry } from '../registry/backends.js';
import type { AliasMove, ModelVersion, Provenance } from '../registry/model-version.js';
import type { Attachment } from '../registry/attachments.js';
import { parseInputs, parseBooleanText, requireInput } from '../shared/parse-input.js';
import { ATTACH_INPUTS, LIST_INPUTS, PROMOTE_INPUTS, REGISTER_INPUTS, REGISTER_MODEL_INPUTS, RESOLVE_INPUTS } from './register-model-inputs.js';
import { redactUri } from '../shared/redact-uri.js';
import { renderVersionListMarkdown, renderVersionMarkdown } from '../render/registry-markdown.js';

/** The embedded default: a folder in the workspace. */
export const DEFAULT_REGISTRY = 'file://./model-registry';

export interface RegisterRequest {
  registry?: string;
  name?: string;
  model?: string;
  /** A JSON file with "metrics" (GateVerdict, EvaluationReport, plain), or inline "accuracy=0.93, f1=0.9". */
  metrics?: string;
  'git-sha'?: string;
  'run-url'?: string;
  'mlflow-run-id'?: string;
  /** "key=value" per line or comma-separated. */
  tags?: string;
  'gate-verdict'?: string;
  'drift-report'?: string;
  creator?: string;
}

export interface PromoteRequest {
  registry?: string;
  name?: string;
  version?: string;
  alias?: string;
  'protected-aliases'?: string;
  force?: string;
}

export interface ResolveRequest {
  registry?: string;
  name?: string;
  version?: string;
  download?: string;
}

export interface RegistryOutputs {
  version: string;
  digest: string;
  uri: string;
  'git-sha': string;
  'previous-version': string;
}

export async function runRegister(req: RegisterRequest, env: NodeJS.ProcessEnv = process.env, now = new Date()) {
  parseInputs(REGISTER_INPUTS, req);
  const registry = open(req.registry);
  // Each backend checks the name by its own rules (OCI's grammar, MLflow's).
  const name = requireInput(req.name, 'name', 'the model name, e.g. penguin-classifier');
  registry.checkName(name);
  const files = await modelFiles(requireInput(req.model, 'model', 'the model file or folder to register'));
  const provenance: Provenance = {
    gitSha: req['git-sha']?.trim() || env.GITHUB_SHA || undefined,
    runUrl: req['run-url']?.trim() || runUrl(env),
    creator: req.creator?.trim() || env.GITHUB_ACTOR || undefined,
  };
  const mlflowRunId = req['mlflow-run-id']?.trim();
  if (mlflowRunId) {
    if (!/^[0-9a-f]{32}$/i.test(mlflowRunId))
      throw new InputError(
        `Input 'mlflow-run-id' is '${mlflowRunId}', which is not an MLflow run id (32 hexadecimal characters, as the training step reports it).`,
        { input: 'mlflow-run-id' },
      );
    provenance.mlflowRunId = mlflowRunId;
  }
  let metrics: Record<string, number | null> = {};
  let verdict: { digest: string; passed: boolean; why?: string } | undefined;
  const metricsSpec = req.metrics?.trim();
  if (metricsSpec) {
    if (/\.json$/i.test(metricsSpec)) {
      const report = await readMetricsReport(metricsSpec, 'metrics');
      metrics = report.metrics;
      if (report.schema === GATE_VERDICT_SCHEMA)
        verdict = { digest: report.digest, ...verdictOutcome(report.document as Record<string, unknown>, metricsSpec, 'metrics') };
    } else {
      metrics = inlineMetrics(metricsSpec);
    }
  }
  if (req['gate-verdict']?.trim()) {
    const report = await readReport(req['gate-verdict'].trim(), 'gate-verdict', GATE_VERDICT_SCHEMA);
    verdict = { digest: report.digest, ...verdictOutcome(report.document, req['gate-verdict'].trim(), 'gate-verdict') };
  }
  if (verdict) provenance.gateVerdict = { digest: verdict.digest, passed: verdict.passed };
  if (req['drift-report']?.trim()) {
    provenance.driftReport = { digest: (await readReport(req['drift-report'].trim(), 'drift-report', DRIFT_REPORT_SCHEMA)).digest };
  }
  const result = await registry.register({ name, files, metrics, provenance, tags: parseTags(req.tags ?? ''), now });
  const warning =
    verdict && !verdict.passed
      ? `${name} v${result.version.version} was registered with a GateVerdict that did not pass: ${verdict.why}; it cannot be promoted to a protected alias without force.`
      : undefined;
  return { ...result, outputs: outputs(result.version), warning };
}

export async function runPromote(
  req: PromoteRequest,
  now = new Date(),
): Promise<{ version: ModelVersion; move: AliasMove; outputs: RegistryOutputs; warning?: string }> {
  parseInputs(PROMOTE_INPUTS, req);
  const registry = open(req.registry);
  const name = requireInput(req.name, 'name', 'the model name');
  const alias = req.alias?.trim() || 'production';
  checkAlias(alias);
  const version = await registry.resolve(
    name,
    requireInput(req.version, 'version', "the version to promote (a number, 'latest', or an alias such as staging)"),
  );
  const force = req.force?.trim() ? parseBooleanText(req.force, 'force') : false;
  const { 'protected-aliases': protectedAliases } = parseInputs(PROMOTE_INPUTS, req);
  const gate = version.provenance.gateVerdict;
  let warning: string | undefined;
  if (isProtectedAlias(alias, protectedAliases) && !gate?.passed) {
    const why = gate ? 'its recorded GateVerdict did not pass' : 'no GateVerdict was recorded with it';
    if (!force) {
      const message = `Version ${version.version} of '${name}' cannot be promoted to ${alias} (a protected alias): ${why}; attach the passing quality-gates verdict to it (operation: attach, gate-verdict: modelci-gate-verdict.json), or set force: true to override.`;
      throw new PolicyError(message, { markdown: renderVersionMarkdown(version, `Refused: ${alias} → ${name} v${version.version}`, undefined, message) });
    }
    warning = `Version ${version.version} was promoted to ${alias} with force: ${why}.`;
  }
  const move = await registry.moveAlias(name, alias, version, { forced: force && warning !== undefined, now });
  if (move.notice) warning = warning ? `${warning} ${move.notice}` : move.notice;
  return {
    version: { ...version, aliases: [...new Set([...version.aliases, alias])].sort() },
    move,
    outputs: { ...outputs(version), 'previous-version': move.previousVersion !== undefined ? String(move.previousVersion) : '' },
    warning,
  };
}

export async function runResolve(req: ResolveRequest): Promise<{ version: ModelVersion; files: string[]; outputs: RegistryOutputs }> {
  parseInputs(RESOLVE_INPUTS, req);
  const registry = open(req.registry);
  const name = requireInput(req.name, 'name', 'the model name');
  const version = await registry.resolve(name, req.version?.trim() || 'production');
  const files = req.download?.trim() ? await registry.download(version, req.download.trim()) : [];
  return { version, files, outputs: outputs(version) };
}

export interface AttachRequest {
  registry?: string;
  name?: string;
  version?: string;
  'gate-verdict'?: string;
  'drift-report'?: string;
  'git-sha'?: string;
  'run-url'?: string;
}

/**
 * Adds a later step's verdict, drift report and commit to an existing version (the seed's order:
 * register after training, evaluate, then promote); its content and digest stay as they are.
 */
export async function runAttach(
  req: AttachRequest,
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): Promise<{ version: ModelVersion; outputs: RegistryOutputs; warning?: string }> {
  parseInputs(ATTACH_INPUTS, req);
  const registry = open(req.registry);
  const name = requireInput(req.name, 'name', 'the model name');
  registry.checkName(name);
  const version = await registry.resolve(
    name,
    requireInput(req.version, 'version', 'the version to attach to (a number, latest, or an alias such as staging)'),
  );
  const attachment: Attachment = {
    attachedAt: now.toISOString(),
    gitSha: req['git-sha']?.trim() || env.GITHUB_SHA || undefined,
    runUrl: req['run-url']?.trim() || runUrl(env),
    creator: env.GITHUB_ACTOR || undefined,
  };
  let why: string | undefined;
  const verdictFile = req['gate-verdict']?.trim();
  if (verdictFile) {
    const report = await readReport(verdictFile, 'gate-verdict', GATE_VERDICT_SCHEMA);
    const outcome = verdictOutcome(report.document, verdictFile, 'gate-verdict');
    attachment.gateVerdict = { digest: report.digest, passed: outcome.passed };
    why = outcome.why;
  }
  if (req['drift-report']?.trim())
    attachment.driftReport = { digest: (await readReport(req['drift-report'].trim(), 'drift-report', DRIFT_REPORT_SCHEMA)).digest };
  if (!attachment.gateVerdict && !attachment.driftReport && !req['git-sha']?.trim()) {
    throw new InputError('Nothing to attach: give gate-verdict, drift-report or git-sha.', { input: 'gate-verdict' });
  }
  const updated = await registry.attach(version, attachment);
  const warning = why
    ? `${name} v${version.version} got a GateVerdict that did not pass: ${why}; it cannot be promoted to a protected alias without force.`
    : undefined;
  return { version: updated, outputs: outputs(updated), warning };
}

export async function runList(req: { registry?: string; name?: string }): Promise<ModelVersion[]> {
  parseInputs(LIST_INPUTS, req);
  return open(req.registry).list(requireInput(req.name, 'name', 'the model name'));
}

function open(uri: string | undefined): ModelRegistry {
  return openRegistry(uri?.trim() || DEFAULT_REGISTRY);
}

function outputs(v: ModelVersion): RegistryOutputs {
  return { version: String(v.version), digest: v.digest, uri: redactUri(v.uri), 'git-sha': v.provenance.gitSha ?? '', 'previous-version': '' };
}

/** A file registers as itself; a folder as every file under it, by relative path. */
async function modelFiles(spec: string): Promise<Array<{ source: string; path: string }>> {
  let s;
  try {
    s = await stat(spec);
  } catch {
    throw new InputError(`The model path ${spec} does not exist; give the trained model file or its folder (check the training step's output path).`, {
      input: 'model',
    });
  }
  if (s.isFile()) return [{ source: spec, path: path.basename(spec) }];
  const files: Array<{ source: string; path: string }> = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push({ source: full, path: path.relative(spec, full).split(path.sep).join('/') });
    }
  };
  await walk(spec);
  if (files.length === 0) throw new InputError(`The model folder ${spec} is empty; point model at the folder the training step wrote.`, { input: 'model' });
  return files;
}

async function readReport(file: string, input: string, schema: string): Promise<{ digest: string; document: Record<string, unknown> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(`The ${input} file ${file} does not exist; give the JSON the earlier step wrote.`, { input, file });
  }
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new InputError(`The ${input} file ${file} is not valid JSON; give the report the earlier step wrote.`, { input, file });
  }
  if (document?.schema !== schema) {
    throw new InputError(
      `The ${input} file ${file} is not a ${schema} (its schema is ${JSON.stringify(document?.schema ?? null)}); give the report the earlier step wrote.`,
      { input, file },
    );
  }
  return { digest: `sha256:${createHash('sha256').update(text).digest('hex')}`, document };
}

function inlineMetrics(text: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const part of text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z_][\w.]*)\s*=\s*(\S+)$/.exec(part);
    if (!m || !Number.isFinite(Number(m[2]))) {
      throw new InputError(`Input 'metrics' has '${part}', which is not 'name=number'; give a JSON file with "metrics", or e.g. 'accuracy=0.93, f1=0.91'.`, {
        input: 'metrics',
      });
    }
    out[m[1]] = Number(m[2]);
  }
  return out;
}

function parseTags(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const i = part.indexOf('=');
    if (i <= 0) throw new InputError(`Input 'tags' has '${part}', which is not 'key=value'; write e.g. 'dataset=2026-11, owner=ml-team'.`, { input: 'tags' });
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
}

export type RegistryRequest = RegisterRequest & PromoteRequest & ResolveRequest & AttachRequest & { operation?: string };

/** The register-model action's one step: which operation, its outputs, and the summary to show. */
export async function runRegistryOperation(req: RegistryRequest): Promise<{ outputs?: RegistryOutputs; markdown: string; warning?: string }> {
  const { operation } = parseInputs(REGISTER_MODEL_INPUTS, req);
  if (operation === 'register') {
    const r = await runRegister(req);
    return {
      outputs: r.outputs,
      warning: r.warning,
      markdown: renderVersionMarkdown(
        r.version,
        r.existing
          ? `${r.version.name} v${r.version.version}: identical content, nothing new registered`
          : `Registered ${r.version.name} v${r.version.version}`,
      ),
    };
  }
  if (operation === 'promote') {
    const r = await runPromote(req);
    return {
      outputs: r.outputs,
      warning: r.warning,
      markdown: renderVersionMarkdown(r.version, `${r.move.alias} → ${r.version.name} v${r.move.version}`, r.move, r.warning),
    };
  }
  if (operation === 'resolve') {
    const r = await runResolve(req);
    return {
      outputs: r.outputs,
      markdown: renderVersionMarkdown(r.version, `${r.version.name} ${req.version?.trim() || 'production'} is v${r.version.version}`),
    };
  }
  if (operation === 'attach') {
    const r = await runAttach(req);
    return {
      outputs: r.outputs,
      warning: r.warning,
      markdown: renderVersionMarkdown(r.version, `Attached to ${r.version.name} v${r.version.version}`, undefined, r.warning),
    };
  }
  if (operation === 'list') {
    return { markdown: renderVersionListMarkdown(req.name ?? '', await runList(req)) };
  }
  throw new InputError(`Input 'operation' is '${operation}'; use register, promote, resolve, list or attach.`, { input: 'operation' });
}
