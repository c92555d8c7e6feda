// Debian's docker-registry (distribution 2.8), started on 127.0.0.1 for the tests that need a
// real OCI registry. .ci/run installs it (apt-get install docker-registry).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningRegistry {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A port nothing listens on (just released by the OS). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A test-only account: bcrypt (cost 4) of 'modelci-test-password', as htpasswd stores it. */
export const TEST_USER = { username: 'tester', password: 'modelci-test-password', bcrypt: '$2b$04$ghlAFxR8LicMr2W9igDZ4u7aiXB4c2p5AP92AOEGv4lu520eOrcTS' };

export interface TokenAuth {
  /** The token endpoint the registry's challenge names (a test server, as GHCR's is a real one). */
  realm: string;
  service: string;
  issuer: string;
  /** PEM of the certificate whose key signs the tokens. */
  certificatePath: string;
}

export async function startDockerRegistry(options: { htpasswd?: boolean; token?: TokenAuth } = {}): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'docker-registry-'));
  const port = await freePort();
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      ...(options.htpasswd ? ['auth:', '  htpasswd:', '    realm: modelci-test', `    path: ${join(dir, 'htpasswd')}`] : []),
      ...(options.token
        ? [
            'auth:',
            '  token:',
            `    realm: ${options.token.realm}`,
            `    service: ${options.token.service}`,
            `    issuer: ${options.token.issuer}`,
            `    rootcertbundle: ${options.token.certificatePath}`,
          ]
        : []),
    ].join('\n') + '\n',
  );
  if (options.htpasswd) writeFileSync(join(dir, 'htpasswd'), `${TEST_USER.username}:${TEST_USER.bcrypt}\n`);
  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}; is Debian's docker-registry installed?`);
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200 || ((options.htpasswd || options.token) && res.status === 401)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 20_000) throw new Error('docker-registry did not answer on /v2/ within 20 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
