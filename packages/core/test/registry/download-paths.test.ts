// A manifest's file paths are remote input: hostile ones are refused with a sentence, and a
// download that fails leaves what was in the folder before.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDownloadPaths, downloadTarget } from '../../src/registry/download-target.js';
import { LocalOciRegistry } from '../../src/registry/local-oci-registry.js';
import type { ModelVersion } from '../../src/registry/model-version.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-download-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const versionWith = (...paths: string[]) =>
  ({ name: 'penguins', version: 3, files: paths.map((p) => ({ path: p, digest: 'sha256:0', size: 0 })) }) as unknown as ModelVersion;

test.each([
  [['.'], /lists a file '\.' that names the download folder itself/],
  [['a', 'a/b'], /lists a file 'a\/b' that needs 'a' to be a folder, but it is also one of the files/],
  [['a/b', 'a'], /lists a file 'a\/b' that needs 'a' to be a folder/],
  [['m.onnx', './m.onnx'], /lists a file '\.\/m\.onnx' that appears twice/],
])('file paths %j are refused before anything is written', (paths, message) => {
  expect(() => checkDownloadPaths(versionWith(...paths))).toThrow(message);
});

test('a symlink already in the download folder is not written through', async () => {
  const outside = join(dir, 'outside');
  mkdirSync(outside);
  const into = join(dir, 'into');
  mkdirSync(into);
  symlinkSync(outside, join(into, 'sub'));
  symlinkSync(join(outside, 'x'), join(into, 'model.onnx'));
  const v = versionWith('sub/model.onnx');
  await expect(downloadTarget(into, v, v.files[0])).rejects.toThrow(
    /holds a symlink at 'sub', where penguins v3 writes 'sub\/model\.onnx'; modelci does not write through symlinks/,
  );
  await expect(downloadTarget(into, v, { ...v.files[0], path: 'model.onnx' })).rejects.toThrow(/holds a symlink at 'model\.onnx'/);
  mkdirSync(join(into, 'dir.onnx'));
  await expect(downloadTarget(into, v, { ...v.files[0], path: 'dir.onnx' })).rejects.toThrow(/has a folder at 'dir\.onnx', where penguins v3 needs a file/);
  expect(readdirSync(outside)).toEqual([]);
});

test('a download that fails its digest leaves the good file that was there, and no partial file', async () => {
  const registry = new LocalOciRegistry(join(dir, 'registry'));
  const model = join(dir, 'model.onnx');
  writeFileSync(model, 'good weights');
  const { version } = await registry.register({
    name: 'penguins',
    files: [{ source: model, path: 'model.onnx' }],
    metrics: {},
    provenance: {},
    tags: {},
    now: new Date(),
  });
  const into = join(dir, 'out');
  await registry.download(version, into);
  // The stored blob is damaged afterwards (same size, other bytes).
  const blob = join(dir, 'registry', 'penguins', 'blobs', 'sha256', version.files[0].digest.slice(7));
  writeFileSync(blob, 'evil weights');
  await expect(registry.download(version, into)).rejects.toThrow(/does not match its digest/);
  expect(readFileSync(join(into, 'model.onnx'), 'utf8')).toBe('good weights');
  expect(readdirSync(into)).toEqual(['model.onnx']);
});
