// Secrets stay secret, untrusted text stays text: the committed bundles, run as the runner runs
// them, with credentials planted in every place a user puts them (URI userinfo, ?api_key=, the
// step's env) and steps that fail against a closed port on 127.0.0.1, so that every error path
// that quotes a URI runs. Nothing written anywhere (stdout, stderr, summary, outputs, state,
// records) may hold a planted secret, except the ::add-mask:: commands that mask them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/docker-registry.js';
import { startAction, type ActionRun } from '../helpers/run-bundle.js';

/** What the runner reads as workflow commands: `::name` after leading blanks, legacy `##[name` anywhere. */
function workflowCommands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).flatMap((line) => {
    const v2 = /^::([A-Za-z-]+)[ :]/.exec(line.trimStart());
    if (v2) return [v2[1]];
    const v1 = /##\[([A-Za-z-]+)[\] ]/.exec(line);
    return v1 ? [v1[1]] : [];
  });
}

/** Every file under a folder, with its text. */
function filesUnder(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

let dir: string;
let closed: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-secrets-e2e-'));
  closed = await freePort(); // nothing listens there: every call fails
  writeFileSync(join(dir, 'model.onnx'), 'weights');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV_SECRETS: Record<string, string> = {
  MODELCI_REGISTRY_USERNAME: 'env-registry-user-7f3a',
  MODELCI_REGISTRY_PASSWORD: 'env-registry-pass-9c1d',
  MODELCI_REGISTRY_TOKEN: 'env-registry-token-2b8e',
  MLFLOW_TRACKING_TOKEN: 'env-mlflow-token-5a6f',
  MLFLOW_TRACKING_USERNAME: 'env-mlflow-user-1e2d',
  MLFLOW_TRACKING_PASSWORD: 'env-mlflow-pass-8d7c',
  PROMETHEUS_TOKEN: 'env-prom-token-3c4b',
  PROMETHEUS_USERNAME: 'env-prom-user-6e5f',
  PROMETHEUS_PASSWORD: 'env-prom-pass-0a9b',
  GITHUB_TOKEN: 'ghs_envGithubToken4d3c',
};

async function run(action: string, inputs: Record<string, string>, sub: string): Promise<{ run: ActionRun; files: Array<{ path: string; text: string }> }> {
  const cwd = mkdtempSync(join(dir, `${sub}-`));
  const result = await startAction(action, inputs, { cwd, env: ENV_SECRETS }).result;
  return { run: result, files: filesUnder(cwd) };
}

/** Each planted secret: masked with ::add-mask::, and nowhere else. */
function expectKeptSecret(r: { run: ActionRun; files: Array<{ path: string; text: string }> }, secrets: string[]): void {
  const stdout = r.run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const masked = r.run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
  const places: Record<string, string> = {
    stdout,
    stderr: r.run.stderr,
    summary: r.run.summary,
    outputs: JSON.stringify(r.run.outputs),
    state: JSON.stringify(r.run.state),
    ...Object.fromEntries(r.files.map((f) => [f.path, f.text])),
  };
  for (const secret of secrets) {
    expect(masked).toContain(secret);
    for (const [where, text] of Object.entries(places)) expect({ where, leaks: text.includes(secret) }).toEqual({ where, leaks: false });
  }
}

test('register-model: a password with @ and : in an OCI registry URI, and every credential variable', async () => {
  const r = await run(
    'register-model',
    { registry: `oci://reg-user:Reg@Pass:w0rd@127.0.0.1:${closed}/models`, name: 'penguins', model: join(dir, 'model.onnx') },
    'oci',
  );
  expect(r.run.status).toBe(1);
  expect(r.run.commands.filter((c) => c.command === 'error')[0].message).toMatch(
    new RegExp(`Cannot reach the registry at https?://127\\.0\\.0\\.1:${closed}\\b`),
  );
  expectKeptSecret(r, ['Reg@Pass:w0rd', ...Object.values(ENV_SECRETS)]);
});

test('register-model: an MLflow URI with a percent-encoded password', async () => {
  const r = await run(
    'register-model',
    { registry: `mlflow+http://ml-user:Ml%40Pass%3Ax@127.0.0.1:${closed}`, name: 'penguins', model: join(dir, 'model.onnx') },
    'mlflow',
  );
  expect(r.run.status).toBe(1);
  expect(r.run.commands.some((c) => c.command === 'error')).toBe(true);
  expectKeptSecret(r, ['Ml%40Pass%3Ax', 'Ml@Pass:x', ...Object.values(ENV_SECRETS)]);
});

test('canary-deploy: an HTTP router with user:pass@ (the password holds @ and :)', async () => {
  const r = await run(
    'canary-deploy',
    { router: `http://router-user:Rt@Pass:1@127.0.0.1:${closed}`, metrics: `prometheus+http://127.0.0.1:${closed}`, 'record-path': 'record.json' },
    'router',
  );
  expect(r.run.status).toBe(1);
  expect(r.run.commands.filter((c) => c.command === 'error')[0].message).toMatch(new RegExp(`^Cannot reach the router at http://127\\.0\\.0\\.1:${closed}/`));
  expectKeptSecret(r, ['Rt@Pass:1', ...Object.values(ENV_SECRETS)]);
});

test.each([
  ['prometheus', (port: number) => `prometheus+http://prom-user:Pr@m:Pass@127.0.0.1:${port}/prom?api_key=PromApiKey77`, ['Pr@m:Pass', 'PromApiKey77']],
  ['http-json', (port: number) => `http-json+http://hj-user:Hj@Pass@127.0.0.1:${port}/metrics?api_key=HjApiKey88&variant=x`, ['Hj@Pass', 'HjApiKey88']],
])('canary-deploy: a %s metrics source with user:pass@ and ?api_key=', async (kind, metrics, planted) => {
  // A router that works (a script holding no traffic on the canary), so the metrics source is what fails.
  const router = join(dir, `router-${kind}.sh`);
  writeFileSync(router, '#!/bin/sh\n[ "$1" = get ] && echo "0 1"\nexit 0\n', { mode: 0o755 });
  const r = await run('canary-deploy', { router: `command:${router}`, metrics: metrics(closed), 'record-path': 'record.json' }, kind);
  expect(r.run.status).toBe(1);
  expect(r.run.commands.filter((c) => c.command === 'error')[0].message).toMatch(/127\.0\.0\.1/);
  expectKeptSecret(r, [...(planted as string[]), ...Object.values(ENV_SECRETS)]);
});

describe('check-drift with a hostile CSV header', () => {
  const NAMES = [
    'x\n::set-output name=drifted::false',
    'y\r::save-state name=finished::true',
    '![x](http://evil/x.png)',
    '<img src=x onerror=alert(1)>',
    '# heading',
    'a|b',
    '`tick`',
    'z ##[set-output name=drifted;]false',
  ];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  let r: ActionRun;
  beforeAll(async () => {
    const header = NAMES.map(quote).join(',');
    // Every column drifts (0..99 against 100..199), so every name is in the verdict's sentence.
    const rows = (offset: number) => Array.from({ length: 100 }, (_, i) => NAMES.map(() => String(i + offset)).join(','));
    writeFileSync(join(dir, 'ref.csv'), [header, ...rows(0)].join('\n') + '\n');
    writeFileSync(join(dir, 'cur.csv'), [header, ...rows(100)].join('\n') + '\n');
    r = (await run('check-drift', { reference: join(dir, 'ref.csv'), current: join(dir, 'cur.csv') }, 'drift')).run;
  });

  test('no workflow command from it reaches stdout; the outputs are the real verdict', () => {
    expect(r.status).toBe(1);
    expect(r.outputs.drifted).toBe('true');
    expect(r.state).toEqual({});
    const ours = new Set(['error', 'warning', 'notice', 'add-mask', 'debug']);
    expect(workflowCommands(r.stdout).filter((c) => !ours.has(c))).toEqual([]);
    expect(workflowCommands(r.stderr)).toEqual([]);
    expect(JSON.parse(r.outputs['drifted-features'])).toEqual(expect.arrayContaining(NAMES));
  });

  test('the summary shows each name escaped: no image, HTML, heading or broken table row', () => {
    const s = r.summary;
    expect(s).toContain('x\\\\n::set-output name=drifted::false'); // renders as x\n::set-output…
    expect(s).not.toMatch(/^::/m);
    expect(s).toContain('!\\[x\\](http\\://evil/x.png)');
    expect(s).not.toMatch(/(^|[^\\])<img/);
    expect(s).toContain('\\<img src=x onerror=alert(1)>');
    expect(s).not.toMatch(/^#+ heading/m);
    expect(s).toContain('a\\|b');
    const table = s.split('\n').filter((l) => l.startsWith('| ') && l.includes('drift |'));
    expect(table).toHaveLength(NAMES.length);
    // Every row has as many cells as its table's header (two lines above the first row, over the
    // separator): no name broke a row apart.
    const lines = s.split('\n');
    const cells = lines[lines.indexOf(table[0]) - 2].split(/(?<!\\)\|/).length;
    expect(cells).toBeGreaterThan(4);
    for (const row of table) expect(row.split(/(?<!\\)\|/)).toHaveLength(cells);
  });
});
