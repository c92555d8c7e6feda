// The workflow runner the pipeline's e2e test relies on, on a fixture that shows GitHub's rules:
// job outputs and workflow outputs, continue-on-error (outcome failure, conclusion success), a
// failed step skipping the rest but not always(), a failed job skipping its dependents unless
// they say always(), fresh workspaces per job, an artifact through the results-service stand-in
// and Azurite, and no runtime token for run: steps. Then what it refuses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/results-service.js';
import { runWorkflow, type RunWorkflowOptions } from '../helpers/workflow-runner.js';

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

const options = (extra: Partial<RunWorkflowOptions> = {}): RunWorkflowOptions => ({
  workflow: 'test/fixtures/workflows/runner-semantics.yml',
  inputs: { greeting: 'hi', shout: true },
  github: { sha: 'a'.repeat(40), ref: 'refs/heads/main', event_name: 'push', run_id: '7', repository: 'acme/p', server_url: 'https://github.com' },
  checkout: mkdtempSync(join(tmpdir(), 'modelci-checkout-')),
  results,
  ...extra,
});

test("GitHub's job and step rules, an artifact between jobs, outputs to the caller", async () => {
  const run = await runWorkflow(options());
  expect(Object.fromEntries(Object.entries(run.jobs).map(([id, j]) => [id, j.result]))).toEqual({
    first: 'success',
    second: 'failure',
    third: 'skipped',
    fourth: 'success',
  });
  expect(run.outputs).toEqual({ said: 'hi!' });
  const steps = run.jobs.second.steps.map((s) => [s.name, s.outcome, s.conclusion]);
  expect(steps).toEqual([
    ['Fails but may', 'failure', 'success'],
    ['Sees the outcome', 'success', 'success'],
    ['actions/download-artifact@v4', 'success', 'success'],
    ['Fails', 'failure', 'failure'],
    ['Skipped after a failure', 'skipped', 'skipped'],
    ['Runs anyway', 'success', 'success'],
  ]);
  expect(run.jobs.second.steps[5].commands).toEqual([{ command: 'notice', properties: { title: 'Cleanup' }, message: 'ran' }]);
  // The file came through Azurite byte for byte; the run: step that wrote it had no runtime token.
  const kept = readFileSync(join(run.jobs.first.workspace, 'out/kept.txt'), 'utf8');
  expect(readFileSync(join(run.jobs.second.workspace, 'got/kept.txt'), 'utf8')).toBe(kept);
  expect(kept).toMatch(/\ntoken=none\n$/);
  expect(results.artifacts.map((a) => [a.name, Boolean(a.finalized)])).toEqual([['kept', true]]);
  // ${{ }} in a run: script is interpolated, as GitHub does, and flagged.
  expect(run.interpolatedRun).toEqual(['fourth: echo "${{ needs.first.outputs.said }}"']);
});

test('refused: an input the workflow does not declare, a missing required one, an action it cannot run', async () => {
  await expect(runWorkflow(options({ inputs: { greeting: 'hi', greting: 'x' } }))).rejects.toThrow("the workflow has no input 'greting'");
  await expect(runWorkflow(options({ inputs: {} }))).rejects.toThrow("the workflow's required input 'greeting' was not given");
  await expect(runWorkflow(options({ inputs: { greeting: 'hi', shout: 'yes' } }))).rejects.toThrow("input 'shout' is a boolean");
  const dir = mkdtempSync(join(tmpdir(), 'modelci-wf-'));
  const workflow = join(dir, 'cache.yml');
  writeFileSync(workflow, 'on:\n  workflow_call: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n');
  await expect(runWorkflow(options({ workflow, inputs: {} }))).rejects.toThrow("'actions/cache@v4' is not emulated by this runner");
  writeFileSync(workflow, 'on:\n  workflow_call: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy: {}\n    steps: []\n');
  await expect(runWorkflow(options({ workflow, inputs: {} }))).rejects.toThrow("job 'a': the key 'strategy' is not emulated by this runner");
});
