// `npm run bench`: modelci against the peer (the seed article's drift check, pandas + SciPy) on
// the same files in the same run, printing wall-time and peak-memory ratios. A benchmark, not a
// test: it asserts nothing and prints what it measured.
//
// Data: 3 million US flights from vega-datasets; reference January-March 2001 (1.5M rows),
// current April 2001 (0.5M rows). Targets (issue 2): CSV pair at most 0.5x the peer's time and
// 0.5x its peak memory; from a saved profile at most 0.25x the peer's time.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFlightsSplit } from '../scripts/flights-split.mjs';
import { benchTraining } from './train.mjs';
import { writeHourlyLogs } from './monitor-logs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// `npm run bench` runs every benchmark; `npm run bench -- evaluation` (or drift, registry, canary, train, monitor) runs one;
// `npm run bench -- registry-concurrency` only the concurrent registrations of `registry`.
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const python = '/usr/bin/python3';
const peer = join(root, '../shared/peers/seed_drift_check.py');
const cli = join(root, 'dist/cli/index.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);

if (wanted('drift')) await benchDrift();
if (wanted('evaluation')) benchEvaluation();
if (wanted('registry')) benchRegistry();
// Only the concurrent registrations (also part of `registry`).
if (only.includes('registry-concurrency')) {
  const dir = join(root, '.bench', 'registry-concurrency');
  rmSync(dir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', dir]);
  benchConcurrentRegistrations(dir);
  rmSync(dir, { recursive: true, force: true });
}
if (wanted('canary')) benchCanary();
// Issue 12: the telemetry's overhead on a trainer (bench/train.mjs).
if (wanted('train')) benchTraining({ root, cli, runs });
if (wanted('monitor')) await benchMonitor();

async function benchDrift() {
  const probe = spawnSync(python, ['-c', 'import pandas, scipy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error("The peer needs Debian's pandas and SciPy: apt-get update && apt-get install -y python3-pandas python3-scipy");
    process.exit(2);
  }
  if (!existsSync(peer)) {
    console.error(`The peer is not at ${peer}.`);
    process.exit(2);
  }

  const dir = join(root, '.bench');
  console.log('Preparing flights data (Q1 vs April 2001)...');
  const f = await ensureFlightsSplit(dir);
  const profile = join(dir, 'flights-2001-q1.profile.json');

  function measure(cmd) {
    const out = spawnSync(python, [join(root, 'bench/measure.py'), ...cmd], { encoding: 'utf8', cwd: dir });
    if (out.status !== 0) throw new Error(`measure failed: ${out.stderr}`);
    const m = JSON.parse(out.stdout);
    if (m.status !== 0 && m.status !== 1) throw new Error(`${cmd.join(' ')} exited ${m.status}: ${m.stderr}`);
    return m;
  }

  function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  }

  function bench(name, cmd) {
    measure(cmd); // warm the page cache
    const ms = Array.from({ length: runs }, () => measure(cmd));
    return { name, seconds: median(ms.map((m) => m.seconds)), peakMib: median(ms.map((m) => m.peak_mib)) };
  }

  const drift = (ref, cur, ignore = ['--ignore-columns', 'date']) => [
    process.execPath,
    cli,
    'drift',
    '--reference',
    ref,
    '--current',
    cur,
    ...ignore,
    '--fail-on',
    'never',
    '--report-path',
    join(dir, 'report.json'),
    '--format',
    'json',
  ];
  // Issue 15: a small batch (every 500th April flight, ~1000 rows) against the Q1 profile.
  const batch = join(dir, 'flights-2001-04-batch.csv');
  if (!existsSync(batch)) {
    const lines = readFileSync(f.aprilCsv, 'utf8').split('\n');
    writeFileSync(batch, [lines[0], ...lines.slice(1).filter((l, i) => l && i % 500 === 0)].join('\n') + '\n');
  }
  spawnSync(process.execPath, [cli, 'profile', f.q1Csv, '--out', profile], { stdio: 'ignore' });

  const peerCsv = bench('peer (pandas + SciPy), CSV', [python, peer, '--reference', f.q1Csv, '--current', f.aprilCsv, '--skip', 'date']);
  const oursCsv = bench('modelci, CSV', drift(f.q1Csv, f.aprilCsv));
  const oursParquet = bench('modelci, Parquet', drift(f.q1Parquet, f.aprilParquet));
  const oursProfile = bench('modelci, saved profile + CSV', drift(profile, f.aprilCsv));
  const oursDate = bench('modelci, CSV with the date column left in', drift(f.q1Csv, f.aprilCsv, []));
  const oursBatch = bench('modelci, saved profile + 1000-row batch', drift(profile, batch, []));
  const profileBuild = bench('modelci profile (once per reference)', [process.execPath, cli, 'profile', f.q1Csv, '--out', join(dir, 'profile-bench.json')]);

  const rows = [peerCsv, oursCsv, oursParquet, oursProfile, oursDate, oursBatch, profileBuild];
  console.log(`\nDrift check, flights Q1 (1.5M rows) vs April 2001 (0.5M rows); median of ${runs} runs, Node ${process.version}\n`);
  console.log('| run | wall s | peak MiB | time vs peer | memory vs peer |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.seconds.toFixed(2)} | ${r.peakMib.toFixed(0)} | ${(r.seconds / peerCsv.seconds).toFixed(2)}x | ${(r.peakMib / peerCsv.peakMib).toFixed(2)}x |`,
    );
  }
  // What each one concluded on the same files: the peer tests without a correction or effect sizes.
  const peerOut = spawnSync(python, [peer, '--reference', f.q1Csv, '--current', f.aprilCsv, '--skip', 'date'], { encoding: 'utf8' });
  const peerDrifted = Object.entries(JSON.parse(peerOut.stdout).features)
    .filter(([, v]) => v.status !== 'OK')
    .map(([k]) => k);
  const runDrift = (cmd) => spawnSync(cmd[0], cmd.slice(1), { stdio: 'ignore' });
  runDrift(drift(f.q1Csv, f.aprilCsv));
  const ours = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  console.log(
    `\nVerdicts on the same files: peer flags ${peerDrifted.length} of ${Object.keys(JSON.parse(peerOut.stdout).features).length} features (${peerDrifted.join(', ') || 'none'}); ` +
      `modelci flags ${ours.verdict.driftedFeatures.length} of ${ours.verdict.testedFeatures} (${ours.verdict.driftedFeatures.join(', ') || 'none'}).`,
  );
  for (const feature of ours.features) console.log(`  ${feature.name}: ${feature.reason}`);

  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log(
    `\nTargets: CSV time <= 0.5x: ${(oursCsv.seconds / peerCsv.seconds).toFixed(2)}x ${verdict(oursCsv.seconds / peerCsv.seconds <= 0.5)}; ` +
      `CSV memory <= 0.5x: ${(oursCsv.peakMib / peerCsv.peakMib).toFixed(2)}x ${verdict(oursCsv.peakMib / peerCsv.peakMib <= 0.5)}; ` +
      `profile time <= 0.25x: ${(oursProfile.seconds / peerCsv.seconds).toFixed(2)}x ${verdict(oursProfile.seconds / peerCsv.seconds <= 0.25)}; ` +
      `date left in (date-in / date-out) <= 1.3x: ${(oursDate.seconds / oursCsv.seconds).toFixed(2)}x time ${verdict(oursDate.seconds / oursCsv.seconds <= 1.3)}, ` +
      `${(oursDate.peakMib / oursCsv.peakMib).toFixed(2)}x memory ${verdict(oursDate.peakMib / oursCsv.peakMib <= 1.3)}`,
  );
  runDrift(drift(profile, batch, []));
  const small = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  console.log(`Small batch (${small.current.rows} April rows) against the Q1 profile: ${small.verdict.summary}`);
}

// Issue 3: the evaluation bench is TypeScript (it trains its model with the test tooling); ncc
// bundles it like an action, and the bundle loads onnxruntime's native library from ../bin/.
function benchEvaluation() {
  const dir = join(root, '.bench');
  const out = join(dir, 'evaluation');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(root, 'bench/evaluation.ts'), '-o', out, '--quiet', '--target', 'es2022'],
    { cwd: root, stdio: 'inherit' },
  );
  rmSync(join(dir, 'bin'), { recursive: true, force: true });
  cpSync(join(root, 'dist/bin'), join(dir, 'bin'), { recursive: true });
  const run = spawnSync(process.execPath, [join(out, 'index.js'), join(dir, 'evaluation-data')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the evaluation bench exited ${run.status}`);
}

// Issue 4: registering a 1 GiB model into the local registry against what a shell does to keep a
// copy with its checksum (sha256sum + cp), on the same file in the same run.
function benchRegistry() {
  const dir = join(root, '.bench', 'registry');
  rmSync(dir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', dir]);
  const model = join(dir, 'model-1gib.bin');
  execFileSync('bash', ['-c', `head -c 1073741824 /dev/urandom > '${model}'`]);
  const time = (fn) => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const register = (registry, name = 'big') =>
    JSON.parse(
      execFileSync(process.execPath, [cli, 'register', '--registry', registry, '--name', name, '--model', model, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      }),
    );
  const oci = startDockerRegistry(join(dir, 'docker-registry'));
  const shell = [];
  const ours = [];
  const pushed = [];
  const floor = [];
  // The registry's own cost: one monolithic upload of the same bytes with curl, digest known.
  const digest = execFileSync('sha256sum', [model], { encoding: 'utf8' }).split(' ')[0];
  const curlPut = (repo) => {
    const location = execFileSync(
      'bash',
      ['-c', `curl -s -i -X POST http://127.0.0.1:${oci.port}/v2/${repo}/blobs/uploads/ | tr -d '\\r' | sed -n 's/^[Ll]ocation: //p'`],
      { encoding: 'utf8' },
    ).trim();
    execFileSync('curl', [
      '-s',
      '-f',
      '-o',
      '/dev/null',
      '-X',
      'PUT',
      '-H',
      'Content-Type: application/octet-stream',
      '-T',
      model,
      `${location}${location.includes('?') ? '&' : '?'}digest=sha256:${digest}`,
    ]);
  };
  for (let i = 0; i < runs; i++) {
    rmSync(join(dir, 'copy.bin'), { force: true });
    rmSync(join(dir, 'reg'), { recursive: true, force: true });
    execFileSync('sync');
    shell.push(time(() => execFileSync('bash', ['-c', `sha256sum '${model}' > /dev/null && cp '${model}' '${join(dir, 'copy.bin')}'`])));
    rmSync(join(dir, 'copy.bin'), { force: true });
    execFileSync('sync');
    ours.push(time(() => register(join(dir, 'reg'))));
    execFileSync('sync');
    // A new repository each run, so the registry does not have the blob yet.
    pushed.push(time(() => register(`oci://127.0.0.1:${oci.port}/bench`, `big${i}`)));
    execFileSync('sync');
    floor.push(time(() => curlPut(`floor/big${i}`)));
  }
  let again;
  const againSeconds = time(() => {
    again = register(join(dir, 'reg'));
  });
  let againOci;
  const againOciSeconds = time(() => {
    againOci = register(`oci://127.0.0.1:${oci.port}/bench`, 'big0');
  });
  oci.stop();
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratio = med(ours) / med(shell);
  console.log(`\nRegistering a 1 GiB model (random bytes), median of ${runs}, Node ${process.version}\n`);
  console.log('| run | s | vs sha256sum + cp |');
  console.log('|---|---:|---:|');
  console.log(`| sha256sum + cp | ${med(shell).toFixed(2)} | 1.00x |`);
  console.log(`| modelci register, local OCI-layout registry | ${med(ours).toFixed(2)} | ${ratio.toFixed(2)}x |`);
  const ociRatio = med(pushed) / med(shell);
  console.log(`| modelci register, docker-registry on 127.0.0.1 (OCI push, 64 MiB chunks) | ${med(pushed).toFixed(2)} | ${ociRatio.toFixed(2)}x |`);
  console.log(
    `| curl, one monolithic PUT of the same bytes to the same registry (its floor; digest known in advance) | ${med(floor).toFixed(2)} | ${(med(floor) / med(shell)).toFixed(2)}x |`,
  );
  console.log(
    `\nRe-registering the same file: local ${again.bytesWritten} bytes written (${againSeconds.toFixed(2)} s, one read to hash it); docker-registry ${againOci.bytesWritten} bytes uploaded (${againOciSeconds.toFixed(2)} s).`,
  );
  console.log(
    `Target: <= 1.3x: local ${ratio.toFixed(2)}x ${ratio <= 1.3 ? 'met' : 'NOT met'}, docker-registry ${ociRatio.toFixed(2)}x ${ociRatio <= 1.3 ? 'met' : 'NOT met'}; re-registering uploads 0 bytes: ${again.bytesWritten === 0 && againOci.bytesWritten === 0 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `(The docker-registry row includes the version claim's settle delay, ${process.env.MODELCI_REGISTRY_SETTLE_MS ?? 2000} ms flat per registration: distribution has no conditional tag write.)`,
  );
  benchConcurrentRegistrations(dir);
  rmSync(dir, { recursive: true, force: true });
}

// Issue 10: 8 `modelci register` processes of 8 different files to one name at once, on each
// backend: wall time, exit statuses, and whether every exit-0 registration owns its version.
function benchConcurrentRegistrations(dir) {
  const oci = startDockerRegistry(join(dir, 'docker-registry-concurrent'));
  const files = Array.from({ length: 8 }, (_, i) => {
    const f = join(dir, `writer-${i}.bin`);
    writeFileSync(f, `weights of writer ${i} ${Date.now()}`);
    return f;
  });
  const backends = [
    ['local OCI layout', join(dir, 'reg-concurrent')],
    ['docker-registry on 127.0.0.1', `oci://127.0.0.1:${oci.port}/bench`],
  ];
  console.log('\n8 concurrent registrations of different files to one name (processes)\n');
  console.log('| backend | s (all done) | exit 0 | distinct versions | each exit-0 version holds its own file |');
  console.log('|---|---:|---:|---:|---|');
  for (const [label, registry] of backends) {
    const t0 = process.hrtime.bigint();
    const script =
      files
        .map(
          (f) =>
            `'${process.execPath}' '${cli}' register --registry '${registry}' --name race --model '${f}' --format json > '${f}.out' 2> '${f}.err'; echo $? > '${f}.rc' &`,
        )
        .join('\n') + '\nwait';
    execFileSync('bash', ['-c', script]);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const outcomes = files.map((f) => ({ f, rc: Number(readFileSync(`${f}.rc`, 'utf8').trim()), out: readFileSync(`${f}.out`, 'utf8') }));
    const ok = outcomes.filter((o) => o.rc === 0).map((o) => ({ ...o, version: JSON.parse(o.out).version }));
    const owns = ok.every((o) => {
      const held = JSON.parse(
        execFileSync(process.execPath, [cli, 'resolve', '--registry', registry, '--name', 'race', '--version', String(o.version), '--format', 'json'], {
          encoding: 'utf8',
        }),
      );
      return held.files[0].digest === `sha256:${execFileSync('sha256sum', [o.f], { encoding: 'utf8' }).split(' ')[0]}`;
    });
    console.log(`| ${label} | ${seconds.toFixed(2)} | ${ok.length}/8 | ${new Set(ok.map((o) => o.version)).size} | ${owns ? 'yes' : 'NO'} |`);
  }
  oci.stop();
}

/** Debian's docker-registry on a free port, storing under `dir`; the bench waits until it answers. */
function startDockerRegistry(dir) {
  execFileSync('mkdir', ['-p', dir]);
  const port = 5000 + Math.floor(Math.random() * 1000);
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: 127.0.0.1:${port}\n`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    if (spawnSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`]).status === 0) return { port, stop: () => child.kill('SIGTERM') };
    spawnSync('sleep', ['0.05']);
  }
  child.kill('SIGTERM');
  throw new Error('docker-registry did not start: apt-get install -y docker-registry');
}

// Issue 5: failed requests a bad canary serves before rollback, sequential test against a fixed
// window, in a seeded simulation (TypeScript, bundled with ncc like the evaluation bench).
function benchCanary() {
  const out = join(root, '.bench', 'canary');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(root, 'bench/canary.ts'), '-o', out, '--quiet', '--target', 'es2022'],
    { cwd: root, stdio: 'inherit' },
  );
  const run = spawnSync(process.execPath, [join(out, 'index.js')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the canary bench exited ${run.status}`);
  // And once on the real stack (HAProxy, ONNX model servers, Prometheus): about two minutes.
  const dir = join(root, '.bench');
  const stackOut = join(dir, 'canary-stack');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(root, 'bench/canary-stack.ts'), '-o', stackOut, '--quiet', '--target', 'es2022'],
    { cwd: root, stdio: 'inherit' },
  );
  rmSync(join(dir, 'bin'), { recursive: true, force: true });
  cpSync(join(root, 'dist/bin'), join(dir, 'bin'), { recursive: true });
  const stack = spawnSync(process.execPath, [join(stackOut, 'index.js')], { stdio: 'inherit' });
  if (stack.status !== 0) throw new Error(`the real-stack canary bench exited ${stack.status}`);
}

// Issue 14: one day of flights-sized production logs (April 2001, 500k rows, 24-25 hourly CSV
// partitions) through `modelci monitor` against the saved Q1 profile, split hourly (25 windows,
// each compared as check-drift does), against the peer comparing the raw Q1 reference with the
// same 500k rows once. Target: under 0.25x the peer's time.
async function benchMonitor() {
  const probe = spawnSync(python, ['-c', 'import pandas, scipy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error("The peer needs Debian's pandas and SciPy: apt-get update && apt-get install -y python3-pandas python3-scipy");
    process.exit(2);
  }
  const dir = join(root, '.bench');
  console.log('Preparing flights data (Q1 profile; April as one day of hourly logs)...');
  const f = await ensureFlightsSplit(dir);
  const profile = join(dir, 'flights-2001-q1.profile.json');
  if (!existsSync(profile)) spawnSync(process.execPath, [cli, 'profile', f.q1Csv, '--out', profile, '--ignore-columns', 'date'], { stdio: 'ignore' });
  const logs = writeHourlyLogs(f.aprilCsv, join(dir, 'monitor-logs'));
  const measure = (cmd) => {
    const out = spawnSync(python, [join(root, 'bench/measure.py'), ...cmd], { encoding: 'utf8', cwd: dir });
    const m = JSON.parse(out.stdout);
    if (m.status !== 0 && m.status !== 1) throw new Error(`${cmd.join(' ')} exited ${m.status}: ${m.stderr}`);
    return m;
  };
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const bench = (name, cmd) => {
    measure(cmd);
    const ms = Array.from({ length: runs }, () => measure(cmd));
    return { name, seconds: med(ms.map((m) => m.seconds)), peakMib: med(ms.map((m) => m.peak_mib)) };
  };
  const report = join(dir, 'monitor-report.json');
  const monitor = (split, data = logs.csv) => [
    process.execPath,
    cli,
    'monitor',
    '--production-data',
    data,
    '--time-column',
    'ts',
    '--reference',
    profile,
    '--window',
    '24h',
    '--split',
    split,
    '--fail-on',
    'never',
    '--report-path',
    report,
    '--format',
    'json',
  ];
  const peer = bench('peer (pandas + SciPy), raw Q1 reference vs the 500k rows', [
    python,
    join(root, '../shared/peers/seed_drift_check.py'),
    '--reference',
    f.q1Csv,
    '--current',
    f.aprilCsv,
    '--skip',
    'date',
  ]);
  const hourly = bench('modelci monitor, saved profile, split hourly', monitor('hourly'));
  const whole = bench('modelci monitor, saved profile, one window', monitor('none'));
  const parquet = bench('modelci monitor, saved profile, split hourly, Parquet partitions', monitor('hourly', logs.parquet));
  console.log(
    `\nMonitor, one day of logs (${logs.rows.toLocaleString('en-US')} rows in ${logs.files} hourly files) vs the Q1 2001 reference; median of ${runs} runs, Node ${process.version}\n`,
  );
  console.log('| run | wall s | peak MiB | time vs peer | memory vs peer |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of [peer, hourly, whole, parquet]) {
    console.log(
      `| ${r.name} | ${r.seconds.toFixed(2)} | ${r.peakMib.toFixed(0)} | ${(r.seconds / peer.seconds).toFixed(2)}x | ${(r.peakMib / peer.peakMib).toFixed(2)}x |`,
    );
  }
  const again = monitor('hourly');
  spawnSync(again[0], again.slice(1), { stdio: 'ignore' });
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\nWhat it found: ${r.decision.summary} (${r.windows.filter((w) => w.drifted).length} of ${r.windows.length} windows drifted; ${r.level.why})`);
  const ratio = hourly.seconds / peer.seconds;
  const pqRatio = parquet.seconds / peer.seconds;
  console.log(
    `Target: hourly monitor <= 0.25x the peer's time: CSV ${ratio.toFixed(2)}x ${ratio <= 0.25 ? 'met' : 'NOT met'}, Parquet ${pqRatio.toFixed(2)}x ${pqRatio <= 0.25 ? 'met' : 'NOT met'}`,
  );
}
