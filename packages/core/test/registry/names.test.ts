// Names and version references are checked by the rules of the backend in use, before any request
// (a port nothing listens on: a request would be a ServiceError, not this InputError).
import { checkMlflowModelName, checkVersionRef, openRegistry } from '../../src/registry/backends.js';
import { checkModelName } from '../../src/registry/model-registry.js';
import { inputError } from '../data/helpers.js';

const DOWN = 'oci://127.0.0.1:9/';

test.each([
  ['acme models', /The registry namespace 'acme models' is not a valid OCI repository path: it contains a space/],
  ['Acme/models', /it contains 'A'/],
  ['acme//models', /each '\/'-separated part must start and end with a letter or digit/],
  [`${'a'.repeat(300)}`, /longer than 255 characters/],
])('OCI namespace %j is refused before any request', (namespace, message) => {
  expect(() => openRegistry(`${DOWN}${namespace}`)).toThrow(message);
});

test('a name that makes the repository longer than 255 characters is refused before any request', async () => {
  const error = await inputError(openRegistry(`${DOWN}acme/models`).list('m'.repeat(250)));
  expect(error.message).toMatch(/with the namespace it is longer than 255 characters/);
});

test('MLflow names follow MLflow: CamelCase is fine, a slash or a control character is not; OCI still refuses CamelCase', () => {
  expect(() => checkMlflowModelName('FraudDetector')).not.toThrow();
  expect(() => checkMlflowModelName('Fraud Detector v2')).not.toThrow();
  expect(() => checkMlflowModelName('team/model')).toThrow("Model name 'team/model' is not a valid MLflow registered model name: it contains '/'");
  expect(() => checkMlflowModelName('..')).toThrow(/'\.' and '\.\.' name folders/);
  expect(() => checkMlflowModelName('a\nb')).toThrow(/a control character/);
  expect(() => checkModelName('FraudDetector')).toThrow(/is not a valid registry name: it contains 'F', 'D'/);
});

test.each(['../../../other-team/secret-model/manifests/production', 'a/b', '.hidden', ''])(
  'version %j is refused on every backend before any request',
  async (ref) => {
    expect(() => checkVersionRef(ref)).toThrow(/which is not a version: give a number \(3 or v3\), 'latest', or an alias/);
    for (const uri of [`${DOWN}acme/models`, 'mlflow+http://127.0.0.1:9', '/tmp/modelci-no-such-registry']) {
      expect((await inputError(openRegistry(uri).resolve('penguins', ref))).message).toMatch(/is not a version/);
    }
  },
);

test.each(['3', 'v3', 'latest', 'production', 'Production', 'champion', 'release-1.2'])('version %j is accepted', (ref) => {
  expect(() => checkVersionRef(ref)).not.toThrow();
});
