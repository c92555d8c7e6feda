// register-model against MLflow's REST API, on a stand-in that answers as MLflow 2.x does
// (MLflow itself cannot run here: see test/helpers/mlflow-fake.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowRegistry, runList, runPromote, runRegister, runResolve } from '../../packages/core/src/index.js';
import { startFakeMlflow, type FakeMlflow } from '../helpers/mlflow-fake.js';
import { inputError } from '../../packages/core/test/data/helpers.js';
import { serviceError } from '../helpers/service-error.js';

let mlflow: FakeMlflow;
let dir: string;
let registry: string;
beforeAll(async () => {
  mlflow = await startFakeMlflow();
  dir = mkdtempSync(join(tmpdir(), 'modelci-mlflow-'));
  registry = `mlflow+${mlflow.url}`;
});
afterAll(async () => {
  await mlflow?.stop();
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

test('register: model, run with metrics and git SHA, artifacts through the proxy, version; identical content is not registered twice', async () => {
  const verdict = file(
    'verdict.json',
    JSON.stringify({
      schema: 'modelci/gate-verdict@1',
      passed: true,
      gates: [{ gate: 'accuracy >= 0.9', passed: true }],
      checks: [],
      metrics: { accuracy: 0.97 },
    }),
  );
  const env = { GITHUB_SHA: '1111111111111111111111111111111111111111' };
  const r = await runRegister({ registry, name: 'penguins', model: file('model.onnx', 'mlflow weights'), metrics: verdict }, env);
  expect(r.version).toMatchObject({ version: 1, metrics: { accuracy: 0.97 }, provenance: { gitSha: env.GITHUB_SHA, gateVerdict: { passed: true } } });
  expect(r.outputs.uri).toBe(`${registry}/penguins/1`);
  expect([...mlflow.artifacts.keys()]).toEqual([
    expect.stringMatching(/^1\/[0-9a-f]{32}\/artifacts\/model\/model.onnx$/),
    expect.stringMatching(/^1\/[0-9a-f]{32}\/artifacts\/modelci\/version.json$/),
  ]);
  expect(mlflow.calls).toEqual(
    expect.arrayContaining([
      'POST /api/2.0/mlflow/registered-models/create',
      'POST /api/2.0/mlflow/runs/create',
      'POST /api/2.0/mlflow/runs/log-batch',
      'POST /api/2.0/mlflow/model-versions/create',
    ]),
  );
  const again = await runRegister({ registry, name: 'penguins', model: join(dir, 'model.onnx') }, env);
  expect(again).toMatchObject({ existing: true, bytesWritten: 0 });
  expect(again.version.version).toBe(1);
});

test('aliases (not stages), previous holder, resolve with a verified download, paginated list', async () => {
  for (const i of [2, 3, 4]) await runRegister({ registry, name: 'penguins', model: file(`m${i}.onnx`, `weights ${i}`), metrics: `accuracy=0.9${i}` }, {});
  await runPromote({ registry, name: 'penguins', version: '1' });
  const moved = await runPromote({ registry, name: 'penguins', version: '3', force: 'true' });
  expect(moved.move.previousVersion).toBe(1);
  const r = await runResolve({ registry, name: 'penguins', download: join(dir, 'out') });
  expect(r.version.version).toBe(3);
  expect(readFileSync(join(dir, 'out', 'm3.onnx'), 'utf8')).toBe('weights 3');
  const all = await runList({ registry, name: 'penguins' });
  expect(all.map((v) => [v.version, v.aliases])).toEqual([
    [1, []],
    [2, []],
    [3, ['production']],
    [4, []],
  ]);
});

test('a tampered artifact is refused on download', async () => {
  const { version: v } = await runResolve({ registry, name: 'penguins', version: '2' });
  const key = [...mlflow.artifacts.keys()].find((k) => k.endsWith('/m2.onnx'))!;
  mlflow.artifacts.set(key, Buffer.from('weights 2 but changed'));
  expect((await inputError(new MlflowRegistry(registry).download(v, join(dir, 'tampered')))).message).toMatch(
    /m2.onnx of penguins v2 from .* does not match the sha256 recorded at registration/,
  );
});

test.each([
  ['an alias that does not exist', () => runResolve({ registry, name: 'penguins', version: 'canary' }), /Model 'penguins' has no alias 'canary'/],
  ['a version that does not exist', () => runResolve({ registry, name: 'penguins', version: '99' }), /Model 'penguins' has no version '99'/],
])('%s: one sentence', async (_what, call, message) => {
  expect((await inputError(call())).message).toMatch(message);
});

test('a server that wants credentials: 401 names the variables, never the secret; with them it works', async () => {
  const secured = await startFakeMlflow({ basicAuth: { username: 'ml', password: 's3cret-value' } });
  try {
    const uri = `mlflow+${secured.url}`;
    const error = await inputError(new MlflowRegistry(uri, {}).list('penguins'));
    expect(error.message).toMatch(
      /refused the request \(401\); no credentials were sent: set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN/,
    );
    const wrong = await inputError(new MlflowRegistry(uri, { MLFLOW_TRACKING_USERNAME: 'ml', MLFLOW_TRACKING_PASSWORD: 'nope-nope' }).list('penguins'));
    expect(wrong.message).not.toContain('nope-nope');
    expect(wrong.message).toMatch(/the MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD sent were not accepted: check them\.$/);
    // Both set: the username and password win, as in MLflow's Python client (a token sent here got 401).
    const reg = new MlflowRegistry(uri, { MLFLOW_TRACKING_USERNAME: 'ml', MLFLOW_TRACKING_PASSWORD: 's3cret-value', MLFLOW_TRACKING_TOKEN: 'some-token' });
    const r = await reg.register({
      name: 'secured',
      files: [{ source: file('s.onnx', 'secured'), path: 's.onnx' }],
      metrics: {},
      provenance: {},
      tags: {},
      now: new Date(),
    });
    expect(r.version.version).toBe(1);
  } finally {
    await secured.stop();
  }
});

test('old servers: with ?stages=true, promotion also moves the deprecated stage and archives the previous holder', async () => {
  const uri = `${registry}?stages=true`;
  await runRegister({ registry: uri, name: 'staged', model: file('st1.onnx', 'stage 1'), metrics: 'accuracy=0.9' }, {});
  await runRegister({ registry: uri, name: 'staged', model: file('st2.onnx', 'stage 2'), metrics: 'accuracy=0.91' }, {});
  await runPromote({ registry: uri, name: 'staged', version: '1', force: 'true' });
  await runPromote({ registry: uri, name: 'staged', version: '2', force: 'true' });
  expect(mlflow.stages('staged')).toEqual({ 1: 'Archived', 2: 'Production' });
  // Without the option, stages are left alone (MLflow deprecated them in 2.9).
  await runPromote({ registry, name: 'penguins', version: '2', force: 'true' });
  expect(Object.values(mlflow.stages('penguins')).every((s) => s === 'None')).toBe(true);
});

test('the uri output of a ?stages=true registry is the version address, without the query in the middle', async () => {
  const r = await runRegister({ registry: `${registry}?stages=true`, name: 'uri-check', model: file('u.onnx', 'uri weights') }, {});
  expect(r.outputs.uri).toBe(`${registry}/uri-check/1`);
});

test('a model that does not exist: list says so in a sentence (InputError, exit 2), as the other backends do', async () => {
  expect((await inputError(runList({ registry, name: 'nobody-here' }))).message).toMatch(/^Model 'nobody-here' is not in the registry .*; register it first/);
});

test('a registration that fails after its run started ends the run FAILED, never RUNNING or FINISHED', async () => {
  const before = new Set(mlflow.runs.keys());
  mlflow.failNext('/api/2.0/mlflow/model-versions/create', 500, 1);
  await serviceError(runRegister({ registry, name: 'penguins', model: file('failing.onnx', 'weights that fail') }, {}));
  const started = [...mlflow.runs].filter(([id]) => !before.has(id));
  expect(started.map(([, status]) => status)).toEqual(['FAILED']);
});

test("a 61-file folder with 300 metrics (tags over MLflow 2.x's 5000 characters): registered, the record kept as a run artifact, read back whole", async () => {
  const { mkdirSync } = await import('node:fs');
  const folder = join(dir, 'many-files');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < 61; i++) writeFileSync(join(folder, `shard-${String(i).padStart(3, '0')}.bin`), `shard ${i}`);
  const metrics = Object.entries(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`metric_${i}`, i / 300])))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const before = new Set(mlflow.runs.keys());
  const r = await runRegister({ registry, name: 'many-files', model: folder, metrics }, {});
  expect([...mlflow.runs].filter(([id]) => !before.has(id)).map(([, s]) => s)).toEqual(['FINISHED']);
  const back = await runResolve({ registry, name: 'many-files', version: String(r.version.version), download: join(dir, 'many-out') });
  expect(back.version.files).toHaveLength(61);
  expect(Object.keys(back.version.metrics)).toHaveLength(300);
  expect(back.files).toHaveLength(61);
  expect(readFileSync(join(dir, 'many-out', 'shard-060.bin'), 'utf8')).toBe('shard 60');
  expect((await runList({ registry, name: 'many-files' }))[0].files).toHaveLength(61);
});

test('a server older than aliases (MLflow 2.2): with ?stages=true, promote moves the stage alone with a notice and resolve reads it; without, one sentence', async () => {
  const old = await startFakeMlflow({ beforeAliases: true });
  try {
    const uri = `mlflow+${old.url}?stages=true`;
    await runRegister({ registry: uri, name: 'old', model: file('o1.onnx', 'old 1') }, {});
    await runRegister({ registry: uri, name: 'old', model: file('o2.onnx', 'old 2') }, {});
    await runPromote({ registry: uri, name: 'old', version: '1', force: 'true' });
    const second = await runPromote({ registry: uri, name: 'old', version: '2', force: 'true' });
    expect(second.warning).toMatch(/older than model aliases: version 2 was moved to the Production stage only\.$/);
    expect(second.move.previousVersion).toBe(1);
    expect(old.stages('old')).toEqual({ 1: 'Archived', 2: 'Production' });
    expect((await runResolve({ registry: uri, name: 'old' })).version.version).toBe(2);
    expect((await inputError(runPromote({ registry: `mlflow+${old.url}`, name: 'old', version: '1', force: 'true' }))).message).toMatch(
      /is older than model aliases \(MLflow before 2\.3\): add \?stages=true to the registry URI/,
    );
    expect((await inputError(runPromote({ registry: uri, name: 'old', version: '1', alias: 'champion', force: 'true' }))).message).toMatch(
      /only production and staging map to its stages, not 'champion'/,
    );
  } finally {
    await old.stop();
  }
});

test('register from the training run: mlflow-run-id links the version to it, leaves its status alone, and makes no new run', async () => {
  const created = (await (
    await fetch(`${mlflow.url}/api/2.0/mlflow/runs/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ experiment_id: '0', start_time: Date.now() }),
    })
  ).json()) as { run: { info: { run_id: string } } };
  const trainRun = created.run.info.run_id;
  await fetch(`${mlflow.url}/api/2.0/mlflow/runs/update`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ run_id: trainRun, status: 'FINISHED' }),
  });
  const before = mlflow.runs.size;
  const r = await runRegister({ registry, name: 'from-training', model: file('trained.onnx', 'trained weights'), 'mlflow-run-id': trainRun }, {});
  expect(mlflow.versionRun('from-training', String(r.version.version))).toBe(trainRun);
  expect(mlflow.runs.size).toBe(before);
  expect(mlflow.runs.get(trainRun)).toBe('FINISHED');
  expect((await runResolve({ registry, name: 'from-training', version: '1', download: join(dir, 'trained-out') })).files).toHaveLength(1);
  expect((await inputError(runRegister({ registry, name: 'from-training', model: file('t2.onnx', 'x'), 'mlflow-run-id': 'not-a-run' }, {}))).message).toMatch(
    /is not an MLflow run id \(32 hexadecimal characters/,
  );
  expect(
    (await inputError(runRegister({ registry, name: 'from-training', model: file('t3.onnx', 'y'), 'mlflow-run-id': 'f'.repeat(32) }, {}))).message,
  ).toMatch(/names run f{32}, which .* does not have/);
});

test('an unreachable MLflow server: one sentence', async () => {
  const { freePort } = await import('../helpers/docker-registry.js');
  const port = await freePort();
  const error = await serviceError(runList({ registry: `mlflow+http://127.0.0.1:${port}`, name: 'penguins' }));
  expect(error.message).toBe(
    `Cannot reach the MLflow server at http://127.0.0.1:${port}/api/2.0/mlflow/registered-models/get (ECONNREFUSED); check the registry URI and that the server is up, then try again.`,
  );
  expect(error.retryable).toBe(true);
});

test('a failing server is a ServiceError: a GET is retried through a passing 503; a POST that creates things is sent once, and says try again', async () => {
  const calls = (what: string) => mlflow.calls.filter((c) => c === what).length;
  const searches = async () => {
    const before = calls('GET /api/2.0/mlflow/model-versions/search');
    expect((await runList({ registry, name: 'penguins' })).length).toBeGreaterThan(0);
    return calls('GET /api/2.0/mlflow/model-versions/search') - before;
  };
  const plain = await searches();
  mlflow.failNext('/api/2.0/mlflow/model-versions/search', 503, 1);
  expect(await searches()).toBe(plain + 1);

  mlflow.failNext('/api/2.0/mlflow/registered-models/create', 500, 3);
  const posts = calls('POST /api/2.0/mlflow/registered-models/create');
  const e = await serviceError(runRegister({ registry, name: 'penguins', model: file('f.onnx', 'weights f') }));
  expect(e.message).toBe(
    `The MLflow server ${mlflow.url} failed to registered-models/create (INTERNAL_ERROR: the backend store is unavailable); no model version was created for content it did not finish storing: try again.`,
  );
  expect(e.retryable).toBe(true);
  expect(calls('POST /api/2.0/mlflow/registered-models/create') - posts).toBe(1);
  mlflow.failNext('/api/2.0/mlflow/registered-models/create', 500, 0);
});

test("attach: each attachment is its own tag, so 25 (over MLflow's 5000 characters as one list) and two at once all survive", async () => {
  const { runAttach } = await import('../../packages/core/src/index.js');
  await runRegister({ registry, name: 'attached', model: file('attach.onnx', 'attach weights') }, { GITHUB_SHA: 'a'.repeat(40) });
  const verdict = (accuracy: number) =>
    file(
      `attach-verdict-${accuracy}.json`,
      JSON.stringify({ schema: 'modelci/gate-verdict@1', passed: true, gates: [{ gate: 'accuracy >= 0.9', passed: true }], checks: [], metrics: { accuracy } }),
    );
  const sha = (i: number) => i.toString(16).padStart(40, '0');
  for (let i = 0; i < 23; i++) await runAttach({ registry, name: 'attached', version: '1', 'gate-verdict': verdict(0.9 + i / 1000) }, { GITHUB_SHA: sha(i) });
  // Two jobs at once: with one list tag, the second write would drop the first one's attachment.
  await Promise.all([23, 24].map((i) => runAttach({ registry, name: 'attached', version: '1', 'gate-verdict': verdict(0.95) }, { GITHUB_SHA: sha(i) })));
  const [v] = await runList({ registry, name: 'attached' });
  const shas = (v.provenance.attachments ?? []).map((a) => a.gitSha).sort();
  expect(shas).toEqual(Array.from({ length: 25 }, (_, i) => sha(i)).sort());
  expect(JSON.stringify(v.provenance.attachments).length).toBeGreaterThan(5000);
  expect(v.provenance.gateVerdict?.passed).toBe(true);
});
