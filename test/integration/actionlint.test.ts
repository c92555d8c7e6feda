// scripts/actionlint.mjs as CI runs it: actionlint over every workflow, and modelci's own check
// that a workflow names only inputs and outputs this repository's actions and its reusable
// pipeline declare. Bad files are written outside the repository and given as arguments.
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'actionlint-'));

function lint(...files: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/actionlint.mjs'), ...files], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** A copy of a repository workflow with `edits` applied (each must change something). */
function variant(name: string, source: string, edits: [string, string][]): string {
  let text = readFileSync(join(ROOT, source), 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// The repository's own files passing is `npm run lint`'s job (it runs this script on all of them).

test('a with: key that check-drift does not have fails, naming the input and the one meant', () => {
  const file = variant('bad-input.yml', '.github/workflows/pipeline.yml', [['          current: ${{ inputs.data }}', '          curent: ${{ inputs.data }}']]);
  const { status, out } = lint(file);
  expect(status).toBe(1);
  expect(out).toMatch(/bad-input\.yml:\d+:\d+ input "curent" is not an input of check-drift \(did you mean 'current'\?\) \[ modelci-uses \]/);
  expect(out).toMatch(/check-drift needs its required input "current" \[ modelci-uses \]/);
});

test('a step output the action does not have, and a needs output the job does not have, fail', () => {
  const file = variant('bad-outputs.yml', '.github/workflows/pipeline.yml', [
    ['${{ steps.gates.outputs.passed }}', '${{ steps.gates.outputs.pass }}'],
    ['needs.register.outputs.git-sha', 'needs.register.outputs.sha'],
  ]);
  const { status, out } = lint(file);
  expect(status).toBe(1);
  expect(out).toMatch(/"steps\.gates\.outputs\.pass": quality-gates has no output "pass"/);
  expect(out).toMatch(/"needs\.register\.outputs\.sha": job "register" has no output "sha"/);
});

test('a caller of the reusable pipeline: an unknown input, a missing required one, an unknown secret', () => {
  const file = variant('bad-caller.yml', 'workflows-examples/pipeline.yml', [
    ['      label-column: species', '      label-col: species'],
    ['      prometheus-token:', '      prometheus-tokn:'],
  ]);
  const { status, out } = lint(file);
  expect(status).toBe(1);
  expect(out).toMatch(/input "label-col" is not an input of the reusable pipeline\.yml \(did you mean 'label-column'\?\)/);
  expect(out).toMatch(/does not give the reusable pipeline\.yml its required input "label-column"/);
  expect(out).toMatch(/secret "prometheus-tokn" is not a secret of the reusable pipeline\.yml \(did you mean 'prometheus-token'\?\)/);
});

test('a modelci action that does not exist is named', () => {
  const file = variant('bad-action.yml', 'workflows-examples/data-validation.yml', [['/actions/check-drift@v1', '/actions/check-drfit@v1']]);
  const { status, out } = lint(file);
  expect(status).toBe(1);
  expect(out).toMatch(/names no action of this repository \(there is no actions\/check-drfit\/action\.yml\)/);
});
