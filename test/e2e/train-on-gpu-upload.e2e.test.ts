// train-on-gpu's artifact upload end to end: the committed bundle, started as the runner starts
// it with ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, uploads through the real @actions/artifact
// to a stand-in of the Actions results service (which cannot run here; test/helpers/results-service.ts
// follows the toolkit's own protocol) in front of Azurite, so the content goes through the real
// Azure Blob protocol. What arrives is checked byte for byte, and downloaded again the way a later
// job gets the model (@actions/artifact's downloadArtifact).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/results-service.js';
import { ROOT, startAction, type ActionRun } from '../helpers/run-bundle.js';

// Debian's python3-torch lives in /usr/bin/python3 (a pyenv python3 first on PATH may lack it).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const TRAIN = join(ROOT, 'examples/training/train.py');
const SHA = 'fedcba9876543210fedcba9876543210fedcba98';
const SERVICE_TITLE = 'Service failed: the GitHub Actions artifact service';
// A trainer in one line: a model file, a nested file and 300 kB that does not compress.
const TINY = 'mkdir -p artifacts/sub; printf weights > artifacts/model.bin; head -c 300000 /dev/urandom > artifacts/sub/noise.bin';

let azurite: RunningAzurite;
let results: ResultsService;

beforeAll(async () => {
  azurite = await startAzurite();
  results = await startResultsService(azurite);
});

afterAll(async () => {
  await results?.stop();
  await azurite?.stop();
});

function train(inputs: Record<string, string>, env: Record<string, string> = results.env()): Promise<{ run: ActionRun; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-train-upload-'));
  return startAction('train-on-gpu', { gpus: 'none', ...inputs }, { cwd: dir, env: { GITHUB_SHA: SHA, ...env } }).result.then((run) => ({ run, dir }));
}

const annotations = (r: ActionRun, command: string) => r.commands.filter((c) => c.command === command);
const callsOf = (name: string) => results.calls.filter((c) => c.body.name === name);

/** Every file under dir, relative path -> bytes. */
function filesIn(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

test('the real trainer: the output folder is uploaded, arrives byte for byte, and a later job downloads it', async () => {
  const { run, dir } = await train({ command: `${PYTHON}\n${TRAIN}\n--output-dir\nout\n--epochs\n30`, 'output-dir': 'out' });
  expect(annotations(run, 'error')).toEqual([]);
  expect(run.status).toBe(0);
  const name = `model-${SHA}`;
  const stored = results.artifacts.find((a) => a.name === name)!;
  expect(run.outputs).toMatchObject({ 'artifact-name': name, 'artifact-id': String(stored.id), 'artifact-digest': expect.stringMatching(/^[0-9a-f]{64}$/) });

  // The toolkit's calls, as the real service receives them: proto field names, the runtime token.
  const [create, finalize] = callsOf(name);
  expect(callsOf(name).map((c) => [c.method, c.status])).toEqual([
    ['CreateArtifact', 200],
    ['FinalizeArtifact', 200],
  ]);
  expect(create.authorization).toBe(`Bearer ${results.job.token}`);
  expect(create.contentType).toBe('application/json');
  expect(create.body).toEqual({
    workflow_run_backend_id: results.job.runBackendId,
    workflow_job_run_backend_id: results.job.jobBackendId,
    name,
    expires_at: expect.any(String),
    version: 7,
    mime_type: 'application/zip',
  });
  const days = (Date.parse(create.body.expires_at as string) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);

  // The blob in Azurite is the zip whose digest the step reports and the service was told.
  const zip = await azurite.blobs.getContainerClient('actions-results').getBlobClient(stored.blobName).downloadToBuffer();
  const digest = createHash('sha256').update(zip).digest('hex');
  expect(run.outputs['artifact-digest']).toBe(digest);
  expect(finalize.body).toMatchObject({ size: String(zip.length), hash: `sha256:${digest}` });

  // A later job of the run gets exactly the folder: every file, no other, the same bytes.
  const into = mkdtempSync(join(tmpdir(), 'modelci-downloaded-'));
  const downloaded = await results.downloadArtifactTo(into, name);
  expect(downloaded).toEqual({ id: stored.id, digest: `sha256:${digest}`, digestMismatch: false });
  const sent = filesIn(join(dir, 'out'));
  const got = filesIn(into);
  expect([...got.keys()].sort()).toEqual(['metrics.json', 'model.onnx', 'modelci-training-run.json', 'test.csv']);
  expect([...got.keys()].sort()).toEqual([...sent.keys()].sort());
  for (const [path, bytes] of sent) expect(got.get(path)!.equals(bytes)).toBe(true);
  // The report inside the artifact lists the model with the sha256 of what arrived.
  const report = JSON.parse(got.get('modelci-training-run.json')!.toString());
  const onnx = report.outputs.find((f: { path: string }) => f.path === 'model.onnx');
  expect(onnx.sha256).toBe(createHash('sha256').update(got.get('model.onnx')!).digest('hex'));
  expect(run.summary).toContain(`Artifact \`${name}\` uploaded: id ${stored.id}`);
});

test('artifact-name and retention-days reach the service; nested files keep their paths', async () => {
  const { run, dir } = await train({ run: TINY, 'artifact-name': 'penguins-model_v1.2', 'retention-days': '1' });
  expect(annotations(run, 'error')).toEqual([]);
  expect(run.outputs['artifact-name']).toBe('penguins-model_v1.2');
  const [create] = callsOf('penguins-model_v1.2');
  const days = (Date.parse(create.body.expires_at as string) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(0.9);
  expect(days).toBeLessThanOrEqual(1);
  const into = mkdtempSync(join(tmpdir(), 'modelci-downloaded-'));
  await results.downloadArtifactTo(into, 'penguins-model_v1.2');
  expect(readFileSync(join(into, 'model.bin'), 'utf8')).toBe('weights');
  expect(readFileSync(join(into, 'sub/noise.bin')).equals(readFileSync(join(dir, 'artifacts/sub/noise.bin')))).toBe(true);
});

test('off GitHub (no runtime token, no results URL) the upload is skipped in one line; the step passes', async () => {
  const { run, dir } = await train({ run: TINY, 'artifact-name': 'never-uploaded' }, {});
  expect(run.status).toBe(0);
  expect(annotations(run, 'warning').map((c) => c.message)).toEqual([
    'ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set (the GitHub runner gives them to JavaScript actions only), so the artifact upload is skipped; the model and its TrainingRun report stay in the output folder.',
  ]);
  expect(run.outputs).not.toHaveProperty('artifact-id');
  expect(run.outputs).not.toHaveProperty('artifact-name');
  expect(existsSync(join(dir, 'artifacts/modelci-training-run.json'))).toBe(true);
  expect(callsOf('never-uploaded')).toEqual([]);
});

describe('an upload that fails: one ServiceError sentence, exit code 3, the report stays, no artifact claimed', () => {
  function expectNothingClaimed(run: ActionRun, dir: string) {
    expect(run.status).toBe(3);
    expect(run.outputs).not.toHaveProperty('artifact-id');
    expect(run.outputs).not.toHaveProperty('artifact-name');
    expect(run.outputs).not.toHaveProperty('artifact-digest');
    expect(run.outputs['exit-code']).toBe('0');
    expect(existsSync(join(dir, 'artifacts/modelci-training-run.json'))).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.summary).toContain('❌ Artifact upload failed');
  }

  test('a runtime token the service did not issue (401): not worth a re-run', async () => {
    const forged = results.job.token.replace(/\.[^.]+$/, '.forged-signature');
    const { run, dir } = await train({ run: TINY, 'artifact-name': 'model-401' }, { ...results.env(), ACTIONS_RUNTIME_TOKEN: forged });
    expectNothingClaimed(run, dir);
    const errors = annotations(run, 'error');
    expect(errors.map((c) => c.properties.title)).toEqual([SERVICE_TITLE]);
    expect(errors[0].message).toBe(
      `Uploading artifact model-401 failed (Failed to CreateArtifact: Received non-retryable error: Failed request: (401) Unauthorized: the runtime token is not valid): the service refused the job's runtime token (ACTIONS_RUNTIME_TOKEN); re-running will not help until the runner gives a valid one; the model and its TrainingRun report are still in ${join(dir, 'artifacts')} on this runner.`,
    );
    expect(results.artifacts.find((a) => a.name === 'model-401')).toBeUndefined();
  });

  test('the service answers 500 to FinalizeArtifact (after the toolkit retried): the blob is there but nothing is published', async () => {
    results.failNext('FinalizeArtifact', 500, 5);
    const { run, dir } = await train({ run: TINY, 'artifact-name': 'model-500' });
    expectNothingClaimed(run, dir);
    const errors = annotations(run, 'error');
    expect(errors.map((c) => c.properties.title)).toEqual([SERVICE_TITLE]);
    expect(errors[0].message).toMatch(
      /^Uploading artifact model-500 failed \(Failed to FinalizeArtifact: Failed to make request after 5 attempts: Failed request: \(500\) Internal Server Error: .*\): re-run the job to try again; the model and its TrainingRun report are still in .*artifacts on this runner\.$/,
    );
    expect(callsOf('model-500').map((c) => [c.method, c.status])).toEqual([['CreateArtifact', 200], ...Array(5).fill(['FinalizeArtifact', 500])]);
    expect(results.artifacts.find((a) => a.name === 'model-500')?.finalized).toBeUndefined();
    await expect(results.downloadArtifactTo(mkdtempSync(join(tmpdir(), 'modelci-none-')), 'model-500')).rejects.toThrow(
      /Artifact not found for name: model-500/,
    );
  });

  test('the same name twice in one run (409): the fix is a unique artifact-name', async () => {
    expect((await train({ run: TINY, 'artifact-name': 'model-twice' })).run.status).toBe(0);
    const { run, dir } = await train({ run: TINY, 'artifact-name': 'model-twice' });
    expectNothingClaimed(run, dir);
    expect(annotations(run, 'error').map((c) => c.message)).toEqual([
      expect.stringMatching(
        /\(409\) Conflict: an artifact with this name already exists on the workflow run\): an artifact of this name already exists .* give artifact-name a name unique to this job/,
      ),
    ]);
  });
});

describe('refused before training, with nothing sent to the service', () => {
  test.each([
    ['retention of 91 days', { 'retention-days': '91' }, /^Input 'retention-days' is 91, above the most modelci accepts \(90\)/],
    ['retention of 0 days', { 'retention-days': '0' }, /^Input 'retention-days' is '0'; give a whole number of at least 1/],
    ['a backslash in the name', { 'artifact-name': 'model\\v1' }, /^Input 'artifact-name' holds backslash \\, which GitHub refuses in an artifact name/],
    ['a double quote and a pipe', { 'artifact-name': 'model"v1|2' }, /^Input 'artifact-name' holds double quote ", vertical bar \|, which GitHub refuses/],
  ])('%s', async (_, inputs, message) => {
    const before = results.calls.length;
    const { run, dir } = await train({ run: 'touch trained; mkdir -p artifacts; echo 1 > artifacts/m', ...inputs });
    expect(run.status).toBe(1);
    expect(annotations(run, 'error').map((c) => c.message)).toEqual([expect.stringMatching(message)]);
    expect(existsSync(join(dir, 'trained'))).toBe(false);
    expect(results.calls.length).toBe(before);
  });
});
