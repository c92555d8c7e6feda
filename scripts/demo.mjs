// `npm run demo`: the main job on real data. Checks April 2001's US flights against January to
// March (3 million flights from the vega-datasets package), from the data and from a saved profile;
// then quality gates on classifiers trained on the Palmer penguins (vega-datasets): a good one
// passes, one whose rare class collapsed fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFlightsSplit } from './flights-split.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/index.js');
if (!existsSync(cli)) {
  console.error('dist/cli/index.js is missing: run `npm run bundle` first (it is committed, so a fresh clone has it).');
  process.exit(2);
}
const dir = join(root, '.demo');
console.log('Preparing the flights data (January-March vs April 2001)...');
const f = await ensureFlightsSplit(dir);

function modelci(title, args) {
  console.log(`\n$ modelci ${args.map((a) => a.replace(root, '')).join(' ')}   # ${title}`);
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`(exit ${run.status}, ${(ms / 1000).toFixed(2)} s)`);
  if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 2);
  return run.status;
}

const profile = join(dir, 'flights-2001-q1.profile.json');
modelci('profile the reference once', ['profile', f.q1Csv, '--out', profile]);
modelci('April against Q1, from the raw CSV', [
  'drift',
  '--reference',
  f.q1Csv,
  '--current',
  f.aprilCsv,
  '--ignore-columns',
  'date',
  '--report-path',
  join(dir, 'report-csv.json'),
]);
const status = modelci('April against the saved Q1 profile', [
  'drift',
  '--reference',
  profile,
  '--current',
  f.aprilCsv,
  '--ignore-columns',
  'date',
  '--report-path',
  join(dir, 'report-profile.json'),
]);
console.log(`\nDrift: modelci ${status === 1 ? 'found drift and would fail the job (exit 1)' : 'found no drift (exit 0)'}.`);

// The model trainer is the tests' TypeScript tooling: ncc bundles it like an action.
console.log('\nTraining penguin classifiers and exporting them to ONNX...');
const trainer = join(dir, 'trainer');
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(root, 'test/models/build-models-cli.ts'),
    '-o',
    trainer,
    '--quiet',
    '--target',
    'es2022',
  ],
  { cwd: root, stdio: 'inherit' },
);
const t = JSON.parse(execFileSync(process.execPath, [join(trainer, 'index.js'), join(dir, 'models')], { encoding: 'utf8' }));
const gates = 'accuracy.ci_low >= 0.85; macro_f1 >= 0.85; accuracy >= baseline.accuracy - 0.01; latency.p99 <= 50ms; size <= 1MB';
const good = modelci('a good classifier, against a weaker one in production', [
  'gates',
  '--model',
  t.models.penguins,
  '--baseline',
  t.models.penguinsBaseline,
  '--test-data',
  t.data.penguinsTest,
  '--label-column',
  'species',
  '--gates',
  gates,
  '--verdict-path',
  join(dir, 'verdict-good.json'),
]);
const collapsed = modelci('a classifier trained on 3 Chinstraps: the class collapsed', [
  'gates',
  '--model',
  t.models.penguinsCollapsed,
  '--test-data',
  t.data.penguinsTest,
  '--label-column',
  'species',
  '--min-accuracy',
  '0.75',
  '--verdict-path',
  join(dir, 'verdict-collapsed.json'),
]);
console.log(
  `\nDemo done: the good model ${good === 0 ? 'passed' : 'FAILED'} its gates, the collapsed one ${collapsed === 1 ? 'was stopped' : 'was NOT stopped'}. Reports are in .demo/.`,
);
if (good !== 0 || collapsed !== 1) process.exit(1);
