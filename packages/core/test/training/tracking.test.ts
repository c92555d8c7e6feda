// The tracking env the trainer gets, the run id it reports back, and the artifact checks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkArtifactName, checkRetentionDays } from '../../src/training/artifact-name.js';
import { checkTrackingUri, readTrackingFile, trackingEnv } from '../../src/training/tracking.js';

test("MLflow and W&B variables, with the seed's ci-<sha> experiment and the git tags", () => {
  const env = trackingEnv({
    mlflowTrackingUri: 'https://user:s3cret@mlflow.example.com',
    wandbProject: 'penguins',
    tags: ['team=ml', 'nightly'],
    gitSha: 'abc',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    runName: '1-1',
    trackingFile: '/tmp/t.json',
  });
  expect(env).toEqual({
    MODELCI_TRACKING_FILE: '/tmp/t.json',
    MODELCI_TRACKING_TAGS: JSON.stringify({ team: 'ml', nightly: '', git_sha: 'abc', run_url: 'https://github.com/o/r/actions/runs/1' }),
    MLFLOW_TRACKING_URI: 'https://user:s3cret@mlflow.example.com',
    MLFLOW_EXPERIMENT_NAME: 'ci-abc',
    MLFLOW_RUN_NAME: '1-1',
    WANDB_NAME: '1-1',
    WANDB_PROJECT: 'penguins',
    WANDB_RUN_GROUP: 'ci-abc',
    WANDB_TAGS: 'team:ml,nightly,git_sha:abc',
  });
});

test('a malformed tracking URI is refused with the fix, its credentials never shown', () => {
  expect(() => checkTrackingUri('ftp://mlflow.example.com')).toThrow("Input 'mlflow-tracking-uri' has scheme 'ftp:', which MLflow does not track to");
  expect(() => checkTrackingUri('http://user:hunter2@')).toThrow(/^Input 'mlflow-tracking-uri' is 'http:.*', which is not a URI/);
  expect(() => checkTrackingUri('http://user:hunter2@')).not.toThrow(/hunter2/);
  expect(checkTrackingUri('file:///tmp/mlruns')).toBe('file:///tmp/mlruns');
});

test('the run ids the trainer wrote; nothing when it wrote nothing; a warning when it wrote nonsense', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-tracking-'));
  writeFileSync(join(dir, 'ok.json'), '{"mlflow_run_id": " 0af3 ", "wandb_run_id": "x1"}');
  writeFileSync(join(dir, 'bad.json'), 'run 0af3');
  expect(await readTrackingFile(join(dir, 'ok.json'))).toEqual({ runs: { mlflowRunId: '0af3', wandbRunId: 'x1' } });
  expect(await readTrackingFile(join(dir, 'none.json'))).toEqual({ runs: {} });
  expect((await readTrackingFile(join(dir, 'bad.json'))).warning).toMatch(/is not JSON/);
});

test.each(['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'])('GitHub refuses %j in an artifact name, and so do we, before training', (c) => {
  expect(() => checkArtifactName(`model${c}x`)).toThrow(/which GitHub refuses in an artifact name/);
});

test('retention: 1 to 90 days', () => {
  expect(checkRetentionDays(1)).toBe(1);
  expect(checkRetentionDays(90)).toBe(90);
  expect(() => checkRetentionDays(91)).toThrow("Input 'retention-days' is 91; GitHub keeps artifacts from 1 to 90 days");
  expect(() => checkRetentionDays(0)).toThrow(/from 1 to 90 days/);
});
