import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANNOTATION, MODEL_ARTIFACT, MODEL_CONFIG, MODEL_WEIGHT_RAW, runList, runPromote, runRegister, runResolve } from '../../src/index.js';
import { inputError } from '../data/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-registry-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const env = {
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/models',
  GITHUB_RUN_ID: '42',
  GITHUB_ACTOR: 'ci-bot',
};
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('local OCI-layout registry', () => {
  const registry = `file://${join(dir, 'reg')}`;
  const model = file('model.onnx', Buffer.from('pretend onnx bytes 1'));
  const passing = file(
    'verdict.json',
    JSON.stringify({
      schema: 'modelci/gate-verdict@1',
      passed: true,
      gates: [{ gate: 'accuracy >= 0.9', passed: true }],
      checks: [],
      metrics: { accuracy: 0.97, 'latency.p99': 1.2 },
    }),
  );
  const failing = file(
    'verdict-failed.json',
    JSON.stringify({
      schema: 'modelci/gate-verdict@1',
      passed: false,
      gates: [{ gate: 'accuracy >= 0.9', passed: false }],
      checks: [],
      metrics: { accuracy: 0.5 },
    }),
  );

  test('register writes a CNCF ModelPack artifact into an OCI image layout, with provenance', async () => {
    const r = await runRegister({ registry, name: 'penguins', model, metrics: passing, tags: 'dataset=2026-11, owner=ml' }, env);
    expect(r.existing).toBe(false);
    expect(r.version).toMatchObject({
      schema: 'modelci/model-version@1',
      name: 'penguins',
      version: 1,
      metrics: { accuracy: 0.97, 'latency.p99': 1.2 },
      tags: { dataset: '2026-11', owner: 'ml' },
    });
    expect(r.version.provenance).toMatchObject({
      gitSha: env.GITHUB_SHA,
      runUrl: 'https://github.com/acme/models/actions/runs/42',
      creator: 'ci-bot',
      gateVerdict: { passed: true, digest: sha256(readFileSync(passing)) },
    });
    expect(r.outputs).toEqual({ version: '1', digest: r.version.digest, uri: `${registry}/penguins:v1`, 'git-sha': env.GITHUB_SHA, 'previous-version': '' });
    expect(r.bytesWritten).toBe(readFileSync(model).length);

    const layout = join(dir, 'reg', 'penguins');
    expect(JSON.parse(readFileSync(join(layout, 'oci-layout'), 'utf8'))).toEqual({ imageLayoutVersion: '1.0.0' });
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
    expect(index.manifests).toHaveLength(1);
    expect(index.manifests[0]).toMatchObject({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: r.version.digest,
      artifactType: MODEL_ARTIFACT,
      annotations: { [ANNOTATION.refName]: 'v1' },
    });
    // Every blob is named by the sha256 of its bytes.
    for (const name of readdirSync(join(layout, 'blobs', 'sha256'))) expect(sha256(readFileSync(join(layout, 'blobs', 'sha256', name)))).toBe(`sha256:${name}`);
    const manifest = JSON.parse(readFileSync(join(layout, 'blobs', 'sha256', r.version.digest.slice(7)), 'utf8'));
    expect(manifest.config.mediaType).toBe(MODEL_CONFIG);
    expect(manifest.layers).toEqual([
      {
        mediaType: MODEL_WEIGHT_RAW,
        digest: sha256(readFileSync(model)),
        size: readFileSync(model).length,
        annotations: { [ANNOTATION.filepath]: 'model.onnx' },
      },
    ]);
    expect(manifest.annotations[ANNOTATION.revision]).toBe(env.GITHUB_SHA);
    const config = JSON.parse(readFileSync(join(layout, 'blobs', 'sha256', manifest.config.digest.slice(7)), 'utf8'));
    expect(config).toMatchObject({
      descriptor: { name: 'penguins', version: '1', revision: env.GITHUB_SHA },
      config: { format: 'onnx' },
      modelfs: { type: 'layers', diffIds: [sha256(readFileSync(model))] },
    });
  });

  test('re-registering identical content returns the existing version and writes 0 bytes', async () => {
    const again = await runRegister({ registry, name: 'penguins', model, metrics: 'accuracy=0.1' }, env);
    expect(again.existing).toBe(true);
    expect(again.version.version).toBe(1);
    expect(again.bytesWritten).toBe(0);
  });

  test('promotion: production needs a passing GateVerdict unless forced; the previous holder is recorded', async () => {
    const v2 = await runRegister({ registry, name: 'penguins', model: file('model2.onnx', 'pretend onnx bytes 2'), metrics: failing }, env);
    expect(v2.version.version).toBe(2);
    const first = await runPromote({ registry, name: 'penguins', version: '1' });
    expect(first.move).toEqual({ alias: 'production', version: 1, digest: first.version.digest, previousVersion: undefined, forced: false });
    await expect(runPromote({ registry, name: 'penguins', version: 'v2' })).rejects.toThrow(
      /^Version 2 of 'penguins' cannot be promoted to production \(a protected alias\): its recorded GateVerdict did not pass; .* or set force: true/,
    );
    const forced = await runPromote({ registry, name: 'penguins', version: 'latest', force: 'true' });
    expect(forced.warning).toMatch(/promoted to production with force/);
    expect(forced.outputs['previous-version']).toBe('1');
    const staging = await runPromote({ registry, name: 'penguins', version: '1', alias: 'staging' });
    expect(staging.warning).toBeUndefined();
    const index = JSON.parse(readFileSync(join(dir, 'reg', 'penguins', 'index.json'), 'utf8'));
    const production = index.manifests.find((m: { annotations: Record<string, string> }) => m.annotations[ANNOTATION.refName] === 'production');
    expect(production.annotations).toMatchObject({ [ANNOTATION.previous]: 'v1', [ANNOTATION.forced]: 'true' });
    const listed = await runList({ registry, name: 'penguins' });
    expect(listed.map((v) => [v.version, v.aliases])).toEqual([
      [1, ['staging']],
      [2, ['production']],
    ]);
  });

  test('resolve returns version and commit, and downloads files checking every digest', async () => {
    const into = join(dir, 'download');
    const r = await runResolve({ registry, name: 'penguins', version: 'staging', download: into });
    expect(r.outputs.version).toBe('1');
    expect(r.outputs['git-sha']).toBe(env.GITHUB_SHA);
    expect(readFileSync(join(into, 'model.onnx'), 'utf8')).toBe('pretend onnx bytes 1');
  });

  test('a tampered or truncated blob is refused and leaves no file behind', async () => {
    const layer = sha256(Buffer.from('pretend onnx bytes 2')).slice(7);
    const blob = join(dir, 'reg', 'penguins', 'blobs', 'sha256', layer);
    writeFileSync(blob, 'pretend onnx bytes 3');
    const into = join(dir, 'tampered');
    expect((await inputError(runResolve({ registry, name: 'penguins', version: '2', download: into }))).message).toMatch(
      /model2.onnx of penguins v2 does not match its digest .* tampered with or damaged; refusing to use it/,
    );
    expect(existsSync(join(into, 'model2.onnx'))).toBe(false);
    writeFileSync(blob, 'pretend');
    expect((await inputError(runResolve({ registry, name: 'penguins', version: '2', download: into }))).message).toMatch(
      /has 7 bytes in the registry but 20 were registered: the blob is truncated/,
    );
  });

  test('a folder registers every file by its relative path', async () => {
    const folder = join(dir, 'model-folder');
    mkdirSync(join(folder, 'tokenizer'), { recursive: true });
    writeFileSync(join(folder, 'model.onnx'), 'weights');
    writeFileSync(join(folder, 'model.onnx.data'), 'external data');
    writeFileSync(join(folder, 'tokenizer', 'vocab.txt'), 'a b c');
    const r = await runRegister({ registry, name: 'folder-model', model: folder }, {});
    expect(r.version.files.map((f) => f.path)).toEqual(['model.onnx', 'model.onnx.data', 'tokenizer/vocab.txt']);
    expect(r.version.provenance.gitSha).toBeUndefined();
  });

  test('eight concurrent registrations give eight distinct versions and lose nothing', async () => {
    const files = Array.from({ length: 8 }, (_, i) => file(`concurrent-${i}.onnx`, `content ${i}`));
    const results = await Promise.all(files.map((m) => runRegister({ registry, name: 'concurrent', model: m }, {})));
    expect(results.map((r) => r.version.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await runList({ registry, name: 'concurrent' })).map((v) => v.files[0].path).sort()).toEqual(files.map((f) => f.split('/').pop()).sort());
  });

  test.each([
    [{ name: 'Penguin Model' }, /Model name 'Penguin Model' is not a valid registry name: it contains 'P', a space, 'M'; use lowercase letters/],
    [{ name: 'penguins-', model: 'x' }, /separators \(. _ -\) must sit between letters or digits/],
    [{ name: 'penguins', model: join(dir, 'missing.onnx') }, /The model path .*missing.onnx does not exist/],
    [{ name: 'penguins', model: join(dir, 'model.onnx'), metrics: 'accuracy:0.9' }, /Input 'metrics' has 'accuracy:0.9', which is not 'name=number'/],
    [{ name: 'penguins', model: join(dir, 'model.onnx'), tags: 'nokey' }, /Input 'tags' has 'nokey', which is not 'key=value'/],
    [
      { name: 'penguins', model: join(dir, 'model.onnx'), 'drift-report': join(dir, 'verdict.json') },
      /is not a modelci\/drift-report@1 \(its schema is "modelci\/gate-verdict@1"\)/,
    ],
    [
      { name: 'penguins', model: join(dir, 'model.onnx'), registry: 's3://bucket/models' },
      /Registry 's3:\/\/bucket\/models' uses the scheme 's3', which this modelci does not support yet/,
    ],
  ])('register %j: one sentence', async (req, message) => {
    expect((await inputError(runRegister({ registry, ...req }, {}))).message).toMatch(message);
  });

  test.each([
    [{ name: 'penguins', version: 'canary' }, /Model 'penguins' has no alias 'canary' in .*; it has v1, v2, .*production/],
    [{ name: 'penguins', version: '9' }, /Model 'penguins' has no version '9'/],
    [{ name: 'nobody', version: '1' }, /Model 'nobody' is not in the registry .*; register it first/],
  ])('resolve %j: one sentence', async (req, message) => {
    expect((await inputError(runResolve({ registry, ...req }))).message).toMatch(message);
  });

  test.each([
    [{ alias: 'v3' }, /Alias 'v3' would read as a version/],
    [{ alias: '-prod' }, /Alias '-prod' is not a valid tag/],
    [{ force: 'yes' }, /Input 'force' is 'yes'; write true or false/],
  ])('promote %j: one sentence', async (req, message) => {
    expect((await inputError(runPromote({ registry, name: 'penguins', version: '1', ...req }))).message).toMatch(message);
  });
});

test('a file path that climbs out of the download folder is refused (registry content is remote input)', async () => {
  const { downloadTarget } = await import('../../src/registry/download-target.js');
  const version = { name: 'penguins', version: 3 } as Parameters<typeof downloadTarget>[1];
  const into = join(dir, 'safe');
  await expect(downloadTarget(into, version, { path: '../../etc/passwd', digest: 'sha256:0', size: 0 })).rejects.toThrow(
    "Version 3 of 'penguins' names a file outside the download folder ('../../etc/passwd')",
  );
  expect((await downloadTarget(into, version, { path: 'sub/model.onnx', digest: 'sha256:0', size: 0 })).path).toBe(join(into, 'sub', 'model.onnx'));
});
