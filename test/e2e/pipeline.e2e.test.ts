// The reusable pipeline (.github/workflows/pipeline.yml) end to end, as the example caller's push
// runs it (its `with:`, changed only where things are on this machine): the workflow FILE run job
// by job (test/helpers/workflow-runner.ts) through the committed bundles, on real data (Palmer penguins from vega-datasets), the real PyTorch trainer, a local registry,
// the model handed from train to evaluate and register as an artifact through the results-service
// stand-in and Azurite, and the canary on the real stack (HAProxy, Prometheus, ONNX model servers).
// The first run has no production model and ships; the second trains a worse model, which the
// baseline gate stops before anything is registered or deployed; the third brings drifted data,
// which stops it before training.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runList } from '../../packages/core/src/index.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { startCanaryStack, type CanaryStack } from '../helpers/canary-stack.js';
import { VEGA } from '../helpers/datasets.js';
import { startModelServer, type ModelServer } from '../helpers/model-server.js';
import { startResultsService, type ResultsService } from '../helpers/results-service.js';
import { ROOT, testNodes } from '../helpers/run-bundle.js';
import { substitute, type Scope } from '../helpers/workflow-expressions.js';
import { failedSteps, runWorkflow, type WorkflowRun } from '../helpers/workflow-runner.js';
import { buildTestModels, type TestModels } from '../models/test-models.js';

// Debian's python3-torch lives in /usr/bin/python3 (a pyenv python3 first on PATH may lack it).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const NODE = testNodes().at(-1)!;
const RATE = 50;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let t: TestModels;
let azurite: RunningAzurite;
let stack: CanaryStack;
let agent: Server;
let agentUrl: string;
/** What the deploy agent put on each side, in order: the sha256 of the model it received. */
const deployed: { side: 'stable' | 'canary'; sha256: string }[] = [];
const replaced: ModelServer[] = [];

/**
 * The caller's "put this model on those servers": restarts a model server on the same port (so
 * HAProxy and Prometheus keep their targets) serving the ONNX bytes it is sent.
 */
function startDeployAgent(): Promise<string> {
  agent = createServer((req, res) => {
    const side = req.url === '/canary' ? 'canary' : req.url === '/stable' ? 'stable' : undefined;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (!side || req.method !== 'POST') return res.writeHead(404).end();
        const bytes = Buffer.concat(chunks);
        const model = join(dir, `deployed-${side}-${deployed.length}.onnx`);
        writeFileSync(model, bytes);
        const old = stack[side];
        await old.close().catch(() => undefined);
        const server = await startModelServer({ model, variant: side, port: old.port });
        replaced.push(server);
        stack[side] = server;
        deployed.push({ side, sha256: createHash('sha256').update(bytes).digest('hex') });
        res.writeHead(200).end('deployed\n');
      })().catch((e: Error) => res.writeHead(500).end(e.message));
    });
  });
  return new Promise((resolve) => agent.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(agent.address() as { port: number }).port}`)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-pipeline-e2e-'));
  t = await buildTestModels(dir, { slowLayers: 4 });
  azurite = await startAzurite();
  // Before the first run, stable and canary serve the test models' penguin classifier.
  stack = await startCanaryStack({ stable: t.models.penguins, canary: t.models.penguins }, t.data.penguinsTest, RATE);
  agentUrl = await startDeployAgent();
  // The caller's repository, as actions/checkout leaves it: the trainer and this batch's data.
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'training'), { recursive: true });
  mkdirSync(join(repo, 'data'));
  writeFileSync(join(repo, 'training/train.py'), readFileSync(join(ROOT, 'examples/training/train.py')));
  writeFileSync(join(repo, 'data/reference.csv'), readFileSync(t.data.penguinsTrain));
  writeFileSync(join(repo, 'data/current.csv'), readFileSync(t.data.penguinsTest));
  // A batch that drifted: only Gentoo penguins arrive (the heaviest, with the longest flippers).
  const [header, ...rows] = readFileSync(t.data.penguinsTest, 'utf8').trimEnd().split('\n');
  writeFileSync(join(repo, 'data/drifted.csv'), [header, ...rows.filter((r) => r.startsWith('Gentoo,'))].join('\n') + '\n');
}, 600_000);

afterAll(async () => {
  await new Promise((r) => agent?.close(r));
  for (const s of replaced) await s.close().catch(() => undefined);
  await stack?.stop().catch(() => undefined);
  await azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const registry = () => `file://${join(dir, 'registry')}`;
const MODEL = 'penguin-classifier';

/**
 * The example caller's `with:` (workflows-examples/pipeline.yml), its expressions evaluated as a
 * push evaluates them (no dispatch inputs, no vars set): the test calls the pipeline as it does.
 */
function callerWith(): Record<string, string | boolean | number> {
  const caller = parse(readFileSync(join(ROOT, 'workflows-examples/pipeline.yml'), 'utf8')) as {
    jobs: { pipeline: { uses: string; with: Record<string, string | boolean | number> } };
  };
  expect(caller.jobs.pipeline.uses).toBe('<owner>/modelci/.github/workflows/pipeline.yml@v1');
  const scope: Scope = { contexts: { github: { event_name: 'push' }, inputs: {}, vars: {} }, status: { success: true, failure: false, cancelled: false } };
  return Object.fromEntries(
    Object.entries(caller.jobs.pipeline.with).map(([k, v]) => {
      const value = typeof v === 'string' ? substitute(v, scope) : v;
      return [k, value === null ? '' : (value as string | boolean | number)];
    }),
  );
}

/** One push: a workflow run of its own (its own results service: artifacts belong to a run). */
async function push(n: number, epochs: number, data = 'data/current.csv'): Promise<{ run: WorkflowRun; results: ResultsService }> {
  const results = await startResultsService(azurite);
  const run = await runWorkflow({
    workflow: '.github/workflows/pipeline.yml',
    inputs: {
      ...callerWith(),
      // What differs from the example caller: where things are on this machine, and seconds, not minutes.
      data,
      'reference-profile': 'data/reference.csv',
      'training-command': `${PYTHON} training/train.py --data ${join(VEGA, 'penguins.json')} --output-dir artifacts --epochs ${epochs}`,
      // The GPU jobs run here on the CPU: the pipeline's own switch for it.
      gpus: 'none',
      'execution-provider': 'cpu',
      // The example's size and latency gates are for a real model on a GPU runner; accuracy is the point here.
      gates: 'accuracy >= 0.9',
      registry: registry(),
      router: stack.router,
      metrics: `prometheus+${stack.prometheus.url}`,
      'deploy-canary-command': `curl -fsS --data-binary @"$MODEL_DIR/model.onnx" ${agentUrl}/canary`,
      'promote-command': `/usr/bin/curl -fsS --data-binary @build/model/model.onnx ${agentUrl}/stable`,
      'canary-steps': '25%, 50%',
      'canary-interval': '30s',
      // The model servers share this busy machine with everything else.
      'max-latency-p99': '1s',
    },
    github: {
      sha: `${n}`.repeat(40).slice(0, 40),
      ref: 'refs/heads/main',
      event_name: 'push',
      run_id: String(1000 + n),
      repository: 'acme/penguins',
      server_url: 'https://github.com',
    },
    checkout: join(dir, 'repo'),
    results,
    node: NODE,
    env: { PATH: process.env.PATH ?? '' },
    log: (line) => process.stderr.write(`[pipeline run ${n}] ${line}\n`),
  });
  await results.stop();
  return { run, results };
}

const results = (run: WorkflowRun) => Object.fromEntries(Object.entries(run.jobs).map(([id, j]) => [id, j.result]));
const step = (run: WorkflowRun, job: string, name: string) => run.jobs[job].steps.find((s) => s.name === name || s.id === name)!;

test('a push: validate, train, evaluate with no baseline, register, canary, promote; then a worse model stops at evaluate, drifted data at validate-data', async () => {
  const first = await push(1, 150);
  const jobs = results(first.run);
  if (jobs.promote !== 'success') throw new Error(`the first run did not reach promote: ${JSON.stringify(jobs)}\n${failedSteps(first.run)}`);
  expect(jobs).toEqual({
    'validate-data': 'success',
    train: 'success',
    evaluate: 'success',
    report: 'skipped',
    register: 'success',
    canary: 'success',
    promote: 'success',
  });
  // The pipeline never interpolates ${{ }} into a run: script (rule 9).
  expect(first.run.interpolatedRun).toEqual([]);
  expect(first.run.outputs).toMatchObject({ drifted: 'false', 'gates-passed': 'true', version: '1', outcome: 'promoted' });
  expect(first.run.jobs.train.recorded.runsOn).toEqual(['self-hosted', 'gpu']);
  expect(first.run.jobs.canary.recorded).toMatchObject({
    environment: 'production',
    concurrency: { group: `modelci-deploy-${MODEL}`, 'cancel-in-progress': false },
  });

  // The model evaluate scored is, byte for byte, what train wrote; it travelled through Azurite.
  const trained = sha256(join(first.run.jobs.train.workspace, 'artifacts/model.onnx'));
  expect(sha256(join(first.run.jobs.evaluate.workspace, 'model/model.onnx'))).toBe(trained);
  expect(sha256(join(first.run.jobs.register.workspace, 'model/model.onnx'))).toBe(trained);
  const modelArtifact = first.results.artifacts.find((a) => a.name === `model-${'1'.repeat(40)}`);
  expect(modelArtifact?.finalized).toBeDefined();
  expect(first.results.artifacts.map((a) => a.name).sort()).toEqual(['deployment-record', 'drift-report', 'gate-verdict', `model-${'1'.repeat(40)}`]);

  // A first run: no production model, said so, and the baseline gates skipped.
  expect(step(first.run, 'evaluate', 'production').outcome).toBe('failure');
  expect(step(first.run, 'evaluate', 'No production model yet').commands).toContainEqual(
    expect.objectContaining({ command: 'notice', properties: { title: 'No baseline' } }),
  );
  expect(step(first.run, 'evaluate', 'gates').inputs.baseline).toBe('');
  expect(step(first.run, 'evaluate', 'gates').inputs.gates).toContain('# no production model: baseline gates skipped');

  // The registry holds version 1 with the verdict and the drift report the run produced, in production now.
  const [v1] = await runList({ registry: registry(), name: MODEL });
  expect(v1.version).toBe(1);
  expect(v1.aliases.sort()).toEqual(['production', 'staging']);
  expect(v1.files.find((f) => f.path === 'model.onnx')?.digest).toContain(trained);
  expect(v1.provenance.gateVerdict).toEqual({
    digest: expect.stringContaining(sha256(join(first.run.jobs.evaluate.workspace, 'modelci-gate-verdict.json'))),
    passed: true,
  });
  expect(v1.provenance.driftReport?.digest).toContain(sha256(join(first.run.jobs['validate-data'].workspace, 'modelci-drift-report.json')));

  // The canary was the trained model, promoted onto stable, which serves all traffic again.
  expect(deployed).toEqual([
    { side: 'canary', sha256: trained },
    { side: 'stable', sha256: trained },
  ]);
  expect(await stack.weights()).toEqual({ stable: 256, canary: 0 });

  // Second push: a model trained one epoch, worse than production; evaluate stops it.
  const second = await push(2, 1);
  expect(results(second.run)).toEqual({
    'validate-data': 'success',
    train: 'success',
    evaluate: 'failure',
    report: 'skipped',
    register: 'skipped',
    canary: 'skipped',
    promote: 'skipped',
  });
  expect(step(second.run, 'evaluate', 'production').outcome).toBe('success');
  expect(second.run.jobs.evaluate.outputs['baseline-version']).toBe('1');
  expect(step(second.run, 'evaluate', 'gates').inputs.baseline).toBe('production/model.onnx');
  expect(step(second.run, 'evaluate', 'gates').outputs['failed-gates']).toContain('baseline.accuracy');
  expect(step(second.run, 'evaluate', 'gates').outputs.passed).toBe('false');
  // Production unchanged: still version 1, nothing new registered, nothing deployed.
  const versions = await runList({ registry: registry(), name: MODEL });
  expect(versions.map((v) => [v.version, v.aliases.sort()])).toEqual([[1, ['production', 'staging']]]);
  expect(deployed).toHaveLength(2);
  expect(await stack.weights()).toEqual({ stable: 256, canary: 0 });

  // Third push: the data drifted; validate-data stops the run before any training.
  const third = await push(3, 150, 'data/drifted.csv');
  expect(results(third.run)).toEqual({
    'validate-data': 'failure',
    train: 'skipped',
    evaluate: 'skipped',
    report: 'skipped',
    register: 'skipped',
    canary: 'skipped',
    promote: 'skipped',
  });
  expect(third.run.outputs.drifted).toBe('true');
  expect(third.run.jobs['validate-data'].outputs['drifted-features']).toMatch(/flipper_length_mm|body_mass_g|bill_depth_mm/);
  // The drift report is kept even so (if: always()), and nothing was trained or uploaded besides it.
  expect(third.results.artifacts.map((a) => a.name)).toEqual(['drift-report']);
  expect((await runList({ registry: registry(), name: MODEL })).map((v) => [v.version, v.aliases.sort()])).toEqual([[1, ['production', 'staging']]]);
  expect(deployed).toHaveLength(2);
}, 1_800_000);
