// `npm run demo`: the seed's pipeline, stage by stage, on real data and real services:
//   1. validate data: April 2001's US flights against January to March (3 million flights from
//      the vega-datasets package), from the raw CSV and from a saved profile;
//   2. train: the example PyTorch trainer (examples/training) through `modelci train`, or a Node
//      trainer where python3-torch is absent;
//   3. evaluate: quality gates against the model in production (a weaker one); a model whose rare
//      class collapsed is stopped;
//   4. register: both versions in a local registry, the new one with its verdict and drift report;
//   5. canary: real HAProxy and Prometheus in front of two model servers on 127.0.0.1, traffic
//      shifted step by step, then the new version promoted to production;
//   6. monitor: a day of serving logs (April's flights, hourly files) against the Q1 profile, with
//      delays 30 min longer from the fourteenth hour on: the alarm and the retrain it would dispatch.
// Each stage prints what it decided; the last lines sum them up.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureFlightsSplit } from './flights-split.mjs';
import { writeHourlyLogs } from '../bench/monitor-logs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/index.js');
if (!existsSync(cli)) {
  console.error('dist/cli/index.js is missing: run `npm run bundle` first (it is committed, so a fresh clone has it).');
  process.exit(2);
}
const dir = join(root, '.demo');
const decided = [];
const stage = (title) => console.log(`\n=== ${title} ===`);

function modelci(title, args) {
  console.log(`\n$ modelci ${args.map((a) => a.replace(root, '')).join(' ')}   # ${title}`);
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`(exit ${run.status}, ${(ms / 1000).toFixed(2)} s)`);
  if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 2);
  return run.status;
}

/** Bundles one of the tests' TypeScript tools with ncc; onnxruntime-node (native) stays in node_modules. */
function bundleTool(entry, out) {
  const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const args = ['build', join(root, entry), '-o', out, '--quiet', '--target', 'es2022', '-e', 'onnxruntime-node'];
  execFileSync(process.execPath, [ncc, ...args], { cwd: root, stdio: 'inherit' });
  return join(out, 'index.js');
}

stage('1. validate data (check-drift)');
console.log('Preparing the flights data (January-March vs April 2001)...');
const f = await ensureFlightsSplit(dir);
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
const driftReport = join(dir, 'report-profile.json');
const drift = modelci('April against the saved Q1 profile', [
  'drift',
  '--reference',
  profile,
  '--current',
  f.aprilCsv,
  '--ignore-columns',
  'date',
  '--report-path',
  driftReport,
]);
decided.push(`validate data: ${drift === 1 ? 'drift found: the job would fail (exit 1) and nothing would train on this data' : 'no drift'}`);

stage('2. train (train-on-gpu)');
// The weaker model in production and the collapsed one come from the tests' Node trainer (ncc
// bundles it like an action); the candidate from the PyTorch example when the system has it.
const t = JSON.parse(
  execFileSync(process.execPath, [bundleTool('test/models/build-models-cli.ts', join(dir, 'trainer')), join(dir, 'models')], { encoding: 'utf8' }),
);
let candidate = { model: t.models.penguins, testData: t.data.penguinsTest };
if (spawnSync('/usr/bin/python3', ['-c', 'import torch, onnx']).status === 0) {
  const out = join(dir, 'train');
  rmSync(out, { recursive: true, force: true });
  const trained = modelci('the PyTorch example trainer, on the CPU here (a GPU runner checks its GPUs first)', [
    'train',
    '--run',
    `/usr/bin/python3 examples/training/train.py --output-dir ${out} --epochs 200`,
    '--output-dir',
    out,
    '--gpus',
    'none',
  ]);
  if (trained !== 0) process.exit(1);
  candidate = { model: join(out, 'model.onnx'), testData: join(out, 'test.csv') };
  decided.push('train: the PyTorch trainer exported model.onnx; its TrainingRun report lists every output file with its sha256');
} else {
  console.log('python3 with torch and onnx is not installed (apt-get install python3-torch python3-onnx): the Node trainer stands in.');
  decided.push('train: the Node trainer (no python3-torch here)');
}

stage('3. evaluate (quality-gates)');
const gates = 'accuracy.ci_low >= 0.85; macro_f1 >= 0.85; accuracy >= baseline.accuracy - 0.01; latency.p99 <= 50ms; size <= 1MB';
const verdict = join(dir, 'verdict-good.json');
const good = modelci('the candidate, against the weaker model in production', [
  'gates',
  '--model',
  candidate.model,
  '--baseline',
  t.models.penguinsBaseline,
  '--test-data',
  candidate.testData,
  '--label-column',
  'species',
  '--gates',
  gates,
  '--verdict-path',
  verdict,
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
decided.push(
  `evaluate: the candidate ${good === 0 ? 'passed' : 'FAILED'} its gates; the collapsed model ${collapsed === 1 ? 'was stopped' : 'was NOT stopped'}`,
);
if (good !== 0 || collapsed !== 1) {
  console.log(decided.map((d) => `- ${d}`).join('\n'));
  process.exit(1);
}

stage('4. register (register-model)');
const registryDir = join(dir, 'registry');
rmSync(registryDir, { recursive: true, force: true });
const registry = `file://${registryDir}`;
modelci('what production serves today: version 1', ['register', '--registry', registry, '--name', 'penguins', '--model', t.models.penguinsBaseline]);
modelci('the weaker model is production', [
  'promote',
  '--registry',
  registry,
  '--name',
  'penguins',
  '--version',
  '1',
  '--alias',
  'production',
  '--force',
  'true',
]);
modelci('the candidate, with its verdict and drift report: version 2', [
  'register',
  '--registry',
  registry,
  '--name',
  'penguins',
  '--model',
  candidate.model,
  '--gate-verdict',
  verdict,
  '--drift-report',
  driftReport,
]);
modelci('version 2 to staging', ['promote', '--registry', registry, '--name', 'penguins', '--version', '2', '--alias', 'staging']);
decided.push('register: version 2 in staging with its gate verdict and drift report; version 1 in production');

stage('5. canary (canary-deploy)');
const haproxy = spawnSync('sh', ['-c', 'command -v haproxy || test -x /usr/sbin/haproxy']).status === 0;
const prometheus = existsSync('/usr/bin/prometheus');
if (!haproxy || !prometheus) {
  const missing = [haproxy ? '' : 'haproxy', prometheus ? '' : 'prometheus'].filter(Boolean).join(' ');
  console.log(`Skipped: the canary needs Debian's ${missing} (sudo apt-get install -y ${missing}; npm test installs it when run as root).`);
  decided.push(`canary: skipped, ${missing} not installed`);
} else {
  // Stable serves version 1, the canary version 2; 40 requests/s of penguins through HAProxy.
  const child = spawn(
    process.execPath,
    [bundleTool('test/helpers/canary-stack-cli.ts', join(dir, 'canary-stack')), t.models.penguinsBaseline, candidate.model, t.data.penguinsTest, '40'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const first = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the canary stack exited (${code}) before it was ready`)));
  });
  const stack = JSON.parse(first);
  let canary;
  try {
    canary = modelci('shift traffic to version 2 in three steps, checking error rate and p99 every 2 s', [
      'canary',
      '--router',
      stack.router,
      '--metrics',
      stack.metrics,
      '--steps',
      '10%, 30%, 60%',
      '--interval',
      '4s',
      '--check-interval',
      '2s',
      '--min-requests',
      '5',
      '--max-latency-p99',
      '1s',
      '--timeout',
      '2m',
      '--model-name',
      'penguins',
      '--model-version',
      '2',
      '--record-path',
      join(dir, 'deployment-record.json'),
    ]);
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
  if (canary === 0) {
    modelci('the canary held: version 2 is production', ['promote', '--registry', registry, '--name', 'penguins', '--version', '2', '--alias', 'production']);
    decided.push('canary: version 2 promoted step by step and is production; version 1 kept for a rollback');
  } else {
    decided.push('canary: rolled back, version 1 serves all traffic');
  }
}

stage('6. monitor (monitor)');
// Serving logs as a log sink partitions them: one CSV per UTC hour of the last day. From the
// fourteenth hour on, every delay is 30 minutes longer (the shift the monitor should catch there).
const logs = join(dir, 'serving-logs');
writeHourlyLogs(f.aprilCsv, logs);
const hours = readdirSync(join(logs, 'csv')).sort();
for (const file of hours.slice(13)) {
  const path = join(logs, 'csv', file);
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const shifted = rows.map((r) => {
    const cells = r.split(',');
    cells[1] = String(Number(cells[1]) + 30);
    return cells.join(',');
  });
  writeFileSync(path, [header, ...shifted].join('\n') + '\n');
}
const watched = modelci(`the last 24 h in hourly windows, from ${hours[13].slice(11, 13)}:00 UTC with longer delays`, [
  'monitor',
  '--production-data',
  join(logs, 'csv'),
  '--time-column',
  'ts',
  '--reference',
  profile,
  '--window',
  '24h',
  '--split',
  'hourly',
  '--ignore-columns',
  'date',
  '--report-path',
  join(dir, 'monitor-report.json'),
]);
const monitorReport = JSON.parse(readFileSync(join(dir, 'monitor-report.json'), 'utf8'));
// April's own day-to-day swings in delay already differ from Q1 hour by hour; the injected shift
// shows as a jump in the effect from the fourteenth hour on.
const effect = (ws) => Math.max(...ws.map((w) => w.maxEffectRatio ?? 0)).toFixed(1);
decided.push(
  `monitor (exit ${watched}): ${monitorReport.decision.summary} Largest effect/threshold before the shift ${effect(monitorReport.windows.slice(1, 13))}, after it ${effect(monitorReport.windows.slice(13))}.`,
);

console.log(`\nDemo done. What each stage decided:\n${decided.map((d) => `- ${d}`).join('\n')}\nReports are in .demo/.`);
