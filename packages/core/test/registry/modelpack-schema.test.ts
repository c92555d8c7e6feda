// Every ModelPack config modelci writes passes the spec's own JSON schema (model-spec v0.0.7+,
// kept in ../shared/specs), checked with ajv (the schema's 2020-12 keywords used here are all
// draft-07 ones, so ajv 6 reads it once its $schema line is dropped).
import Ajv from 'ajv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobPath } from '../../src/registry/blob-store.js';
import { LocalOciRegistry } from '../../src/registry/local-oci-registry.js';
import { modelPackConfig } from '../../src/registry/modelpack.js';

const SCHEMA = join(new URL('../../../../', import.meta.url).pathname, '..', 'shared', 'specs', 'modelpack-config-schema.json');

function validator(): (config: unknown) => string[] {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.$id;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  return (config) => (validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-modelpack-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = () =>
  ({ name: 'penguins', files: [], metrics: {}, provenance: { gitSha: 'abc', creator: 'ci' }, tags: {}, now: new Date('2026-01-02T03:04:05Z') }) as Parameters<
    typeof modelPackConfig
  >[0];

test.skip = test.skip ?? test;

test.each([['model.onnx'], ['weights.safetensors', 'config.json'], ['model.pt'], ['model.gguf'], ['model.bin'], ['a.onnx', 'b.onnx', 'c.txt']])(
  'the config written for %j passes the spec schema',
  (...paths) => {
    const files = paths.map((p, i) => ({ path: p, digest: `sha256:${String(i).repeat(64)}`, size: 10 }));
    const config = JSON.parse(Buffer.from(modelPackConfig(input(), 3, files)).toString('utf8')) as { modelfs: { diffIds: string[] } };
    expect(validator()(config)).toEqual([]);
    expect(config.modelfs.diffIds).toEqual(files.map((f) => f.digest));
  },
);

test("the config a real registration stores, and a split file's, pass the schema", async () => {
  const registry = new LocalOciRegistry(join(dir, 'registry'));
  const model = join(dir, 'model.onnx');
  writeFileSync(model, 'weights');
  const { version } = await registry.register({
    name: 'penguins',
    files: [{ source: model, path: 'model.onnx' }],
    metrics: { accuracy: 0.9 },
    provenance: { gitSha: 'abc' },
    tags: {},
    now: new Date(),
  });
  const layout = join(dir, 'registry', 'penguins');
  const manifest = JSON.parse(readFileSync(blobPath(layout, version.digest), 'utf8')) as { config: { digest: string } };
  const config = JSON.parse(readFileSync(blobPath(layout, manifest.config.digest), 'utf8')) as unknown;
  expect(validator()(config)).toEqual([]);
  expect(config).toMatchObject({ config: { format: 'onnx' }, modelfs: { type: 'layers', diffIds: [version.files[0].digest] } });
  const split = [
    {
      path: 'big.gguf',
      digest: 'sha256:f',
      size: 20,
      parts: [
        { digest: 'sha256:p1', size: 10 },
        { digest: 'sha256:p2', size: 10 },
      ],
    },
  ];
  const splitConfig = JSON.parse(Buffer.from(modelPackConfig(input(), 1, split)).toString('utf8')) as { modelfs: { diffIds: string[] } };
  expect(validator()(splitConfig)).toEqual([]);
  expect(splitConfig.modelfs.diffIds).toEqual(['sha256:p1', 'sha256:p2']);
});

test('the check can fail: the old diff_ids config is refused by the schema', () => {
  expect(validator()({ descriptor: { name: 'x' }, config: { format: 'unknown' }, modelfs: { type: 'layers', diff_ids: ['sha256:0'] } }).join('; ')).toMatch(
    /diffIds|additional/,
  );
});
