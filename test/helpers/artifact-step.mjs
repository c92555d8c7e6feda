// actions/upload-artifact@v4 and actions/download-artifact@v4 for the workflow runner, which
// cannot fetch them: a step run as a JavaScript action is (INPUT_* in, GITHUB_OUTPUT out), doing
// what those actions do with the same toolkit, @actions/artifact, against ACTIONS_RESULTS_URL
// (the results-service stand-in, its blobs in Azurite). Only the inputs the pipeline uses are
// taken; any other is refused, so a workflow needing more fails its test instead of being guessed.
//   node artifact-step.mjs upload|download
import { appendFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';

const KNOWN = {
  upload: ['name', 'path', 'if-no-files-found', 'overwrite', 'retention-days'],
  download: ['name', 'path', 'pattern', 'merge-multiple'],
};

const mode = process.argv[2];
const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const output = (name, value) => appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
const fail = (message) => {
  console.log(`::error::${message}`);
  process.exit(1);
};

for (const key of Object.keys(process.env)) {
  if (!key.startsWith('INPUT_')) continue;
  const name = key.slice(6).toLowerCase();
  if (!KNOWN[mode].includes(name)) fail(`artifact-step: the ${mode}-artifact input '${name}' is not emulated here`);
}

/** download-artifact's pattern is a minimatch glob; these have braces and stars only. */
function globToRegExp(glob) {
  if (/[[\]!+@()]/.test(glob)) fail(`artifact-step: pattern '${glob}' uses glob syntax not emulated here`);
  const body = glob
    .replace(/[.^$|\\]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, (_, alts) => `(${alts.split(',').join('|')})`)
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((e) => filesUnder(join(path, e)));
}

const client = new DefaultArtifactClient();
const workspace = process.env.GITHUB_WORKSPACE;

if (mode === 'upload') {
  const name = input('name') || 'artifact';
  const paths = input('path')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  if (paths.some((p) => /[*?[\]{}!]/.test(p))) fail(`artifact-step: a glob in path is not emulated here: ${paths.join(', ')}`);
  const found = paths.map((p) => resolve(workspace, p)).filter((p) => existsSync(p));
  if (found.length === 0) {
    const ifNone = input('if-no-files-found') || 'warn';
    const message = `No files were found with the provided path: ${paths.join(', ')}. No artifacts will be uploaded.`;
    if (ifNone === 'error') fail(message);
    if (ifNone === 'warn') console.log(`::warning::${message}`);
    process.exit(0);
  }
  // upload-artifact's root: the folder itself for one folder, else the files' common parent.
  const single = found.length === 1 && statSync(found[0]).isDirectory();
  const root = single ? found[0] : found.map(dirname).reduce((a, b) => (b.startsWith(a + sep) || b === a ? a : dirname(a)));
  if (input('overwrite') === 'true') {
    const { artifacts } = await client.listArtifacts();
    if (artifacts.some((a) => a.name === name))
      fail(`artifact-step: overwriting '${name}' needs DeleteArtifact, which the results-service stand-in does not answer`);
  }
  const retentionDays = input('retention-days') ? Number(input('retention-days')) : undefined;
  const { id, digest } = await client.uploadArtifact(name, found.flatMap(filesUnder), root, { retentionDays });
  output('artifact-id', id);
  output('artifact-digest', digest ?? '');
} else if (mode === 'download') {
  const into = resolve(workspace, input('path') || '.');
  const name = input('name');
  const pattern = input('pattern');
  if (name && pattern) fail('artifact-step: give name or pattern, not both');
  let chosen;
  if (name) {
    const { artifact } = await client
      .getArtifact(name)
      .catch((e) => fail(`Unable to download artifact(s): Artifact not found for name: ${name} (${e.message})`));
    chosen = [{ artifact, path: into }];
  } else {
    const { artifacts } = await client.listArtifacts({ latest: true });
    const re = pattern ? globToRegExp(pattern) : /.*/;
    const merge = input('merge-multiple') === 'true';
    chosen = artifacts.filter((a) => re.test(a.name)).map((artifact) => ({ artifact, path: merge ? into : join(into, artifact.name) }));
    if (chosen.length === 0) console.log(`::warning::No artifacts found matching pattern '${pattern}'`);
  }
  for (const { artifact, path } of chosen) {
    const { digestMismatch } = await client.downloadArtifact(artifact.id, { path, expectedHash: artifact.digest });
    if (digestMismatch) fail(`The digest of artifact '${artifact.name}' does not match what was uploaded`);
  }
  output('download-path', into);
} else {
  fail(`artifact-step: unknown mode ${mode}`);
}
