// The committed register-model bundle and `modelci register`, run as the runner and a shell would.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, nodeVersion, runAction, testNodes } from '../helpers/run-bundle.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-register-e2e-'));
  writeFileSync(join(dir, 'model.onnx'), 'weights v1');
  writeFileSync(
    join(dir, 'verdict.json'),
    JSON.stringify({
      schema: 'modelci/gate-verdict@1',
      passed: true,
      gates: [{ gate: 'accuracy >= 0.9', passed: true }],
      checks: [],
      metrics: { accuracy: 0.97 },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testNodes().map((node) => [nodeVersion(node), node]))('register-model bundle on Node %s', (version, node) => {
  const registry = () => join(dir, `registry-${version}`);

  test('register, promote to production, resolve with download, list', () => {
    const sha = 'feedfacefeedfacefeedfacefeedfacefeedface';
    const reg = runAction(
      'register-model',
      { registry: registry(), name: 'penguins', model: join(dir, 'model.onnx'), metrics: join(dir, 'verdict.json'), 'git-sha': sha },
      { node, cwd: dir },
    );
    expect(reg.stdout + reg.stderr).not.toContain('::error');
    expect(reg.status).toBe(0);
    expect(reg.outputs).toMatchObject({ version: '1', 'git-sha': sha, uri: `${registry()}/penguins:v1` });
    expect(reg.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(reg.summary).toContain('## Registered penguins v1');

    const promote = runAction('register-model', { operation: 'promote', registry: registry(), name: 'penguins', version: '1' }, { node, cwd: dir });
    expect(promote.status).toBe(0);
    expect(promote.outputs['previous-version']).toBe('');
    expect(promote.summary).toContain('`production` → version 1 (new alias)');

    const resolve = runAction(
      'register-model',
      { operation: 'resolve', registry: registry(), name: 'penguins', download: join(dir, `out-${version}`) },
      { node, cwd: dir },
    );
    expect(resolve.status).toBe(0);
    expect(resolve.outputs).toMatchObject({ version: '1', 'git-sha': sha, digest: reg.outputs.digest });
    expect(readFileSync(join(dir, `out-${version}`, 'model.onnx'), 'utf8')).toBe('weights v1');

    const list = runAction('register-model', { operation: 'list', registry: registry(), name: 'penguins' }, { node, cwd: dir });
    // The SHA links to its commit when the run is a GitHub run, else shows as code; key metrics at four decimals.
    expect(list.summary).toMatch(
      /\| 1 \| production \| .* \| (\[`feedfacefeed`\]\([^)]+\/commit\/(feedface){5}\)|`feedfacefeed`) \| ✅ \| accuracy 0\.9700 \|/,
    );
  });

  test('bad input: one error annotation naming the characters, exit 1', () => {
    const run = runAction('register-model', { registry: registry(), name: 'Penguins!', model: join(dir, 'model.onnx') }, { node, cwd: dir });
    expect(run.status).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^Model name 'Penguins!' is not a valid registry name: it contains 'P', '!'/);
  });
});

test('eight modelci register processes at once: eight distinct versions, nothing lost', async () => {
  const registry = join(dir, 'parallel');
  const runs = Array.from({ length: 8 }, (_, i) => {
    const model = join(dir, `parallel-${i}.onnx`);
    writeFileSync(model, `weights ${i}`);
    return new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'dist/cli/index.js'), 'register', '--registry', registry, '--name', 'parallel', '--model', model, '--format', 'json'],
        { cwd: dir },
      );
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
  });
  const versions = (await Promise.all(runs)).map((out) => JSON.parse(out) as { version: number; files: { path: string }[] });
  expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  const index = JSON.parse(readFileSync(join(registry, 'parallel', 'index.json'), 'utf8'));
  expect(index.manifests).toHaveLength(8);
});
