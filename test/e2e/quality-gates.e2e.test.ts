// The committed quality-gates bundle run the way the runner runs it, on Node 20 and 24: it must
// load onnxruntime's native library from dist/bin with no npm install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestModels, type TestModels } from '../models/test-models.js';
import { ROOT, nodeVersion, runAction, testNodes } from '../helpers/run-bundle.js';
import { spawnModelServer } from '../helpers/model-server.js';

let dir: string;
let t: TestModels;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-qg-e2e-'));
  t = await buildTestModels(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testNodes().map((node) => [nodeVersion(node), node]))('quality-gates bundle on Node %s', (version, node) => {
  const inputs = () => ({
    model: t.models.penguins,
    'test-data': t.data.penguinsTest,
    'label-column': 'species',
    'latency-runs': '200',
    'verdict-path': join(dir, `verdict-${version}.json`),
  });

  test('a good model passes; outputs, verdict file and summary tell why', () => {
    const run = runAction(
      'quality-gates',
      { ...inputs(), baseline: t.models.penguinsBaseline, gates: 'accuracy.ci_low >= 0.9\naccuracy >= baseline.accuracy - 0.01', 'max-model-size': '1MB' },
      { node, cwd: dir },
    );
    expect(run.stdout + run.stderr).not.toContain('::error');
    expect(run.status).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(Number(run.outputs.accuracy)).toBeCloseTo(t.accuracy.penguins, 12);
    expect(Number(run.outputs['latency-p99'])).toBeGreaterThan(0);
    expect(run.outputs.report).toBe(join(dir, `verdict-${version}.json`));
    const verdict = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(verdict.schema).toBe('modelci/gate-verdict@1');
    expect(verdict.evaluation.latency.hardware.node).toBe(version);
    expect(verdict.evaluation.latency.hardware.onnxruntime).toBe('1.30.0');
    expect(run.summary).toContain('## ✅ Quality gates');
    expect(run.summary).toContain('### Confusion matrix');
    expect(run.summary).toContain('McNemar');
    expect(run.summary).toContain('```mermaid');
  });

  test('latency-endpoint: the p99 of a model server in its own process (v2 protocol), in outputs and summary; the token masked', async () => {
    const server = await spawnModelServer({ model: t.models.penguins, variant: 'candidate', faults: { delayMs: 20 } });
    try {
      const url = `${server.url}/v2/models/${server.modelName}/infer`;
      const run = runAction(
        'quality-gates',
        {
          ...inputs(),
          gates: 'accuracy >= 0.9\nlatency.p50 >= 20ms\nlatency.p99 <= 10s',
          'latency-endpoint': url,
          'latency-endpoint-format': 'v2',
          'latency-endpoint-requests': '100',
          'latency-endpoint-concurrency': '4',
          'latency-endpoint-warmup': '10',
          'latency-endpoint-token': 'e2e-token-value',
        },
        { node, cwd: dir },
      );
      expect(run.stdout + run.stderr).not.toContain('::error');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('::add-mask::e2e-token-value');
      const verdict = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
      const l = verdict.evaluation.endpointLatency;
      expect([l.format, l.requests, l.errors, l.concurrency]).toEqual(['v2', 100, 0, 4]);
      expect(l.p50).toBeGreaterThanOrEqual(20);
      expect(Number(run.outputs['latency-p99'])).toBe(l.p99);
      expect(verdict.evaluation.latency).toBeUndefined();
      expect(run.summary).toContain('### Latency (model server)');
      expect(run.summary).toContain(`over 100 requests at concurrency 4 against \`${url}\``);
      expect((await server.counts()).byCode).toEqual({ '200': 110 });
    } finally {
      await server.close();
    }
  });

  test('a collapsed model fails with an error annotation naming the class', () => {
    const run = runAction('quality-gates', { ...inputs(), model: t.models.penguinsCollapsed, 'min-accuracy': '0.5' }, { node, cwd: dir });
    expect(run.status).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(JSON.parse(run.outputs['failed-gates'])).toEqual(['no collapsed class']);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors.some((e) => e.properties.title === 'Check failed: no collapsed class' && e.message.includes("'Chinstrap'"))).toBe(true);
    expect(run.summary).toContain('## ❌ Quality gates');
  });

  test('bad input: one error annotation, exit 1, no stack trace, nothing written', () => {
    const verdictPath = join(dir, `never-${version}.json`);
    const run = runAction(
      'quality-gates',
      { ...inputs(), model: t.models.penguins2Class, gates: 'accuracy >= 0.9', 'verdict-path': verdictPath },
      { node, cwd: dir },
    );
    expect(run.status).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^Label 'Chinstrap' in column 'species' \(row \d+ of the test data\) is not a class the model can output/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(verdictPath)).toBe(false);
  });

  test('modelci gates: exit 0 pass, 1 fail, 2 bad input', () => {
    const cli = (...args: string[]) => spawnSync(node, [join(ROOT, 'dist/cli/index.js'), 'gates', ...args], { cwd: dir, encoding: 'utf8' });
    const base = ['--test-data', t.data.carsTest, '--label-column', 'mpg', '--latency-runs', '100', '--verdict-path', join(dir, `cli-${version}.json`)];
    const pass = cli('--model', t.models.carsRegression, ...base, '--gates', 'r2 >= 0.6; mae <= 10');
    expect(pass.status).toBe(0);
    expect(pass.stdout).toMatch(/^PASSED/);
    const fail = cli('--model', t.models.carsRegression, ...base, '--gates', 'r2 >= 0.9');
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/r2 >= 0.9 .* FAIL/);
    const bad = cli('--model', t.data.carsTest, ...base, '--gates', 'r2 >= 0.6');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^modelci: .*cars-test.csv is not an ONNX model: its first bytes look like text/);
  });

  test('modelci gates: a directory as --verdict-path and --latency-runs 1e12 are one sentence each, exit 2', () => {
    const cli = (...args: string[]) =>
      spawnSync(
        node,
        [
          join(ROOT, 'dist/cli/index.js'),
          'gates',
          '--model',
          t.models.carsRegression,
          '--test-data',
          t.data.carsTest,
          '--label-column',
          'mpg',
          '--gates',
          'r2 >= 0.6',
          ...args,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
    mkdirSync(join(dir, `verdicts-${version}`));
    const toDir = cli('--latency-runs', '100', '--verdict-path', `verdicts-${version}`);
    expect(toDir.stderr).toBe(
      `modelci: --verdict-path is a directory (verdicts-${version}/): give a file path such as verdicts-${version}/gate-verdict.json.\n`,
    );
    expect(toDir.status).toBe(2);
    expect(readdirSync(join(dir, `verdicts-${version}`))).toEqual([]);
    const huge = cli('--latency-runs', '1e12', '--verdict-path', `huge-${version}.json`);
    expect(huge.stderr).toBe('modelci: --latency-runs is 1e12, above the most modelci accepts (1,000,000); give a whole number from 1 to 1,000,000.\n');
    expect(huge.status).toBe(2);
    expect(existsSync(join(dir, `huge-${version}.json`))).toBe(false);
  });
});
