// Many registrations of different files to one name at once, each in its own process, on both
// backends: every one that exits 0 must own the version it was told (its tag holds its content).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegistry } from '../../packages/core/src/registry/backends.js';
import { startDockerRegistry, type RunningRegistry } from '../helpers/docker-registry.js';
import { concurrentRegistrations, type WriterOptions, type WriterOutcome } from '../helpers/concurrent-writers.js';

let server: RunningRegistry;
let dir: string;
beforeAll(async () => {
  server = await startDockerRegistry();
  dir = mkdtempSync(join(tmpdir(), 'modelci-concurrency-'));
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

/** Every exit-0 writer's version, read back now, holds that writer's own file; no two share one. */
async function expectEachOwnsItsVersion(registry: string, name: string, outcomes: WriterOutcome[]): Promise<WriterOutcome[]> {
  const ok = outcomes.filter((o) => o.status === 0);
  for (const f of outcomes.filter((o) => o.status !== 0 && o.status !== null)) expect(f.stderr.trim()).toMatch(/^[A-Z].*\.$/); // a sentence, no stack
  const versions = ok.map((o) => o.version);
  expect(new Set(versions).size).toBe(versions.length);
  const reg = openRegistry(registry);
  for (const o of ok) {
    expect(o.fileDigest).toBe(sha(o.content));
    const held = await reg.resolve(name, String(o.version));
    expect({ version: held.version, file: held.files[0].digest }).toEqual({ version: o.version, file: sha(o.content) });
  }
  return ok;
}

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('docker-registry: concurrent registrations to one name', () => {
  const registry = () => `oci://127.0.0.1:${server.port}/acme/models`;
  const run = async (count: number, name: string, options: WriterOptions) =>
    expectEachOwnsItsVersion(registry(), name, await concurrentRegistrations(count, registry(), name, dir, options));

  test('8 writers, the real settle delay: all exit 0, each owns its version', async () => {
    expect((await run(8, 'race-8', {})).length).toBe(8);
  });

  test('8 writers, one killed mid-registration: the rest exit 0, each owns its version', async () => {
    const ok = await run(8, 'race-8-killed', { env: { MODELCI_REGISTRY_SETTLE_MS: '1000' }, killFirstAfterMs: 1500 });
    expect(ok.length).toBeGreaterThanOrEqual(7);
  });

  // 32 node processes on a small machine: a writer starved past the delay between its check and
  // its write says so and exits 1 (it may have overwritten a claim); no exit-0 writer is wrong.
  test('32 writers: each exit-0 registration owns its version', async () => {
    const ok = await run(32, 'race-32', { env: { MODELCI_REGISTRY_SETTLE_MS: '1500' } });
    expect(ok.length).toBeGreaterThanOrEqual(16);
  }, 600_000); // 32 rounds of claims, one version each, on a shared 2-core machine
});

describe.each([8, 32])('a local layout: %i concurrent registrations to one name', (count) => {
  test('all exit 0, each owns its version', async () => {
    const registry = join(dir, `local-${count}`);
    expect((await expectEachOwnsItsVersion(registry, 'race', await concurrentRegistrations(count, registry, 'race', dir))).length).toBe(count);
  }, 600_000); // starting 32 node processes on a shared 2-core machine

  // 8 meet the bare pid older modelci wrote, 32 this host's JSON lock.
  test("with a dead writer's lock: all exit 0, each owns its version", async () => {
    const lock = count === 8 ? `${deadPid()}\n` : JSON.stringify({ host: hostname(), pid: deadPid(), token: 'dead' });
    const registry = join(dir, `local-dead-${count}`);
    mkdirSync(join(registry, 'race'), { recursive: true });
    writeFileSync(join(registry, 'race', '.lock'), lock);
    expect((await expectEachOwnsItsVersion(registry, 'race', await concurrentRegistrations(count, registry, 'race', dir))).length).toBe(count);
  }, 600_000);
});

test("an empty lock (a writer killed while creating it) and a killed writer's partial blob do not block: taken over in seconds, reclaimed", async () => {
  const registry = join(dir, 'local-empty');
  const layout = join(registry, 'race');
  mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(layout, '.lock'), '');
  const partial = join(layout, 'blobs', 'sha256', '.upload-999999-abcdef');
  writeFileSync(partial, Buffer.alloc(1000));
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(partial, hourAgo, hourAgo);
  const live = join(layout, 'blobs', 'sha256', '.upload-999998-fresh');
  writeFileSync(live, 'being written');
  const started = Date.now();
  const ok = await expectEachOwnsItsVersion(registry, 'race', await concurrentRegistrations(8, registry, 'race', dir));
  expect(ok.length).toBe(8);
  expect(Date.now() - started).toBeLessThan(60_000); // before: 60 s blocked, then every writer failed
  expect(existsSync(partial)).toBe(false);
  expect(existsSync(live)).toBe(true);
  expect(existsSync(join(layout, '.lock'))).toBe(false);
});
