// The results-service stand-in refuses what the real service refuses, in Twirp's error shape
// ({"code","msg"} with Twirp's HTTP status), so a client that sends the wrong field names, ids or
// token cannot pass against it. The happy path is test/e2e/train-on-gpu-upload.e2e.test.ts.
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { startResultsService, type ResultsService } from '../helpers/results-service.js';

let azurite: RunningAzurite;
let results: ResultsService;

beforeAll(async () => {
  azurite = await startAzurite();
  results = await startResultsService(azurite);
});

afterAll(async () => {
  await results?.stop();
  await azurite?.stop();
});

async function twirp(method: string, body: unknown, opts: { token?: string; contentType?: string; httpMethod?: string } = {}) {
  const res = await fetch(`${results.url}twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
    method: opts.httpMethod ?? 'POST',
    headers: { 'content-type': opts.contentType ?? 'application/json', authorization: `Bearer ${opts.token ?? results.job.token}` },
    body: opts.httpMethod === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ids = () => ({ workflow_run_backend_id: results.job.runBackendId, workflow_job_run_backend_id: results.job.jobBackendId });

test('the runtime token carries the backend ids in its scp claim, as @actions/artifact parses it', () => {
  const claims = JSON.parse(Buffer.from(results.job.token.split('.')[1], 'base64url').toString());
  expect(claims.scp.split(' ')).toContain(`Actions.Results:${results.job.runBackendId}:${results.job.jobBackendId}`);
});

test.each([
  ['no name', 'CreateArtifact', () => ({ ...ids(), version: 7 }), 400, 'invalid_argument', 'name is required'],
  ['no run or job ids', 'CreateArtifact', () => ({ name: 'm', version: 7 }), 400, 'invalid_argument', 'workflow_run_backend_id is required'],
  [
    'an unknown run',
    'CreateArtifact',
    () => ({ ...ids(), workflow_run_backend_id: 'no-such-run', name: 'm', version: 7 }),
    404,
    'not_found',
    /workflow run no-such-run/,
  ],
  ['a v3 client', 'CreateArtifact', () => ({ ...ids(), name: 'm', version: 3 }), 400, 'invalid_argument', /version 3 is not supported/],
  ['a name GitHub refuses', 'CreateArtifact', () => ({ ...ids(), name: 'a/b', version: 7 }), 400, 'invalid_argument', /not allowed/],
  [
    'retention in the past',
    'CreateArtifact',
    () => ({ ...ids(), name: 'm', version: 7, expires_at: '2001-01-01T00:00:00Z' }),
    400,
    'invalid_argument',
    /not a time in the future/,
  ],
  ['finalizing what was never created', 'FinalizeArtifact', () => ({ ...ids(), name: 'never', size: '1' }), 404, 'not_found', /no artifact never/],
  ['a size that is not an int64', 'FinalizeArtifact', () => ({ ...ids(), name: 'never', size: 'ten' }), 400, 'malformed', 'size: expected an int64'],
  ['a signed URL for no artifact', 'GetSignedArtifactURL', () => ({ ...ids(), name: 'never' }), 404, 'not_found', 'artifact never not found'],
  ['a method the service does not have', 'DeleteEverything', () => ({}), 404, 'bad_route', /no handler/],
])('%s', async (_, method, body, status, code, msg) => {
  const r = await twirp(method, body());
  expect(r.status).toBe(status);
  expect(r.body).toEqual({ code, msg: typeof msg === 'string' ? msg : expect.stringMatching(msg) });
});

test('a token it did not sign, or another job of the run, is refused', async () => {
  const forged = results.job.token.replace(/\.[^.]+$/, '.x');
  expect(await twirp('ListArtifacts', ids(), { token: forged })).toEqual({
    status: 401,
    body: { code: 'unauthenticated', msg: 'the runtime token is not valid' },
  });
  const other = results.newJob();
  expect((await twirp('CreateArtifact', { ...ids(), name: 'm', version: 7 }, { token: other.token })).body.code).toBe('permission_denied');
});

test("Twirp's protocol errors: not POST, not JSON, a body that does not decode", async () => {
  expect((await twirp('ListArtifacts', ids(), { httpMethod: 'GET' })).body.code).toBe('bad_route');
  expect((await twirp('ListArtifacts', ids(), { contentType: 'text/plain' })).body.code).toBe('bad_route');
  expect(await twirp('ListArtifacts', '{"workflow_run', {})).toEqual({
    status: 400,
    body: { code: 'malformed', msg: 'the json request could not be decoded' },
  });
});

test('an artifact created but never uploaded cannot be finalized, and lists nowhere', async () => {
  const created = await twirp('CreateArtifact', { ...ids(), name: 'empty', version: 7 });
  expect(created.body).toMatchObject({ ok: true, signed_upload_url: expect.stringContaining('/actions-results/') });
  expect((await twirp('FinalizeArtifact', { ...ids(), name: 'empty', size: '0' })).body).toEqual({
    code: 'failed_precondition',
    msg: 'artifact empty has no uploaded content',
  });
  expect((await twirp('ListArtifacts', { ...ids(), name_filter: 'empty' })).body).toEqual({ artifacts: [] });
  expect((await twirp('CreateArtifact', { ...ids(), name: 'empty', version: 7 })).status).toBe(409);
});
