// Azurite's blob service (npm `azurite`, the Azure Storage emulator), started on 127.0.0.1 for the
// tests that need real Azure Blob Storage: the artifact upload's blob protocol goes through it.
// Strict mode (no --loose): a header or parameter Azurite does not support is refused, as Azure
// would refuse it. --skipApiVersionCheck only because @azure/storage-blob may name an API version
// newer than this Azurite release knows.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { freePort } from './docker-registry.js';
import { ROOT } from './run-bundle.js';

/** Azurite's well-known development account (documented; it accepts no other by default). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  /** The account's blob endpoint, path style: http://127.0.0.1:<port>/devstoreaccount1 */
  blobUrl: string;
  credential: StorageSharedKeyCredential;
  blobs: BlobServiceClient;
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startAzurite(): Promise<RunningAzurite> {
  const dir = mkdtempSync(join(tmpdir(), 'azurite-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules/.bin/azurite-blob'),
    ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', dir, '--silent', '--disableTelemetry', '--skipApiVersionCheck'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  // Wait for the port itself: the SDK's retries back off for minutes on a refused connection.
  const started = Date.now();
  while (!(await accepts(port))) {
    if (child.exitCode !== null) throw new Error(`azurite-blob exited with ${child.exitCode}: ${stderr.trim()}`);
    if (Date.now() - started > 30_000) throw new Error(`azurite-blob did not listen on ${port} within 30 s: ${stderr.trim()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const blobUrl = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
  return {
    blobUrl,
    credential,
    blobs: new BlobServiceClient(blobUrl, credential),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
