import { collectSecrets, CREDENTIAL_ENV } from '../../src/shared/secrets.js';

test('every credential variable the adapters read, and nothing else from a plain variable', () => {
  const env: Record<string, string> = Object.fromEntries(CREDENTIAL_ENV.map((name, i) => [name, `value-${i}-${name.toLowerCase()}`]));
  Object.assign(env, { PATH: '/usr/bin', GITHUB_SHA: 'feedface', HOME: '/home/runner', MODELCI_S3_SECRET: 'later-one' });
  const secrets = collectSecrets([], env);
  expect(secrets.sort()).toEqual([...CREDENTIAL_ENV.map((name, i) => `value-${i}-${name.toLowerCase()}`), 'later-one'].sort());
});

test('the adapters read these variables (the list cannot fall behind the code)', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = new URL('../../src/', import.meta.url).pathname;
  const read = new Set<string>();
  for (const dir of ['registry', 'rollout']) {
    for (const file of readdirSync(join(root, dir))) {
      for (const m of readFileSync(join(root, dir, file), 'utf8').matchAll(/env(?:\?)?\.([A-Z][A-Z0-9_]*(?:TOKEN|PASSWORD|USERNAME))\b/g)) read.add(m[1]);
    }
  }
  expect(read.size).toBeGreaterThan(5);
  for (const name of read) expect(CREDENTIAL_ENV).toContain(name);
});

test('credentials in URI inputs and URI-valued variables', () => {
  const secrets = collectSecrets(
    ['oci://alice:Pw@Secret1@127.0.0.1:5000/models', 'prometheus+http://bob:b%3Ac@h:9090?api_key=K1', 'plain', undefined, '0.05'],
    { HTTPS_PROXY: 'http://proxy-user:proxy-pass@proxy:3128', GITHUB_SERVER_URL: 'https://github.com' },
  );
  expect(secrets).toEqual(['Pw@Secret1', 'b%3Ac', 'b:c', 'K1', 'proxy-pass']);
});

test('a multi-line secret is masked whole and line by line; blanks are not secrets', () => {
  expect(collectSecrets([], { PROMETHEUS_TOKEN: 'line-one\nline-two\n', MLFLOW_TRACKING_TOKEN: '  ', GITHUB_TOKEN: '' })).toEqual([
    'line-one\nline-two',
    'line-one',
    'line-two',
  ]);
});
