// A stand-in for the GitHub Actions results service, which cannot run here: the Twirp JSON API
// that @actions/artifact v6 calls (github.actions.results.api.v1.ArtifactService: CreateArtifact,
// FinalizeArtifact, ListArtifacts, GetSignedArtifactURL), with the content in Azurite through
// SAS URLs, as the real service hands out signed Azure Blob Storage URLs.
//
// What it follows: the toolkit's generated client (lib/generated/results/api/v1/artifact.js) for
// paths and proto field names; proto3 JSON for the encoding (int64 and its wrapper as strings,
// google.protobuf.StringValue as a bare string, Timestamp as RFC 3339, both the proto name and
// lowerCamel accepted on input, as protojson does); Twirp's wire protocol for errors
// ({"code","msg"} with Twirp's HTTP status per code); the runtime token as the toolkit parses it
// (a JWT whose `scp` claim holds `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`).
// Tokens are HS256-signed with a secret only this process knows, so a forged or foreign token is
// refused as the real service refuses one it did not issue (401 unauthenticated).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BlobSASPermissions, generateBlobSASQueryParameters } from '@azure/storage-blob';
import type { RunningAzurite } from './azurite.js';

const PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const CONTAINER = 'actions-results';

/** Twirp's error codes and the HTTP status each is sent with (twirp's errors.go). */
const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
  unavailable: 503,
} as const;
type TwirpCode = keyof typeof TWIRP_STATUS;

class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    msg: string,
  ) {
    super(msg);
  }
}

export interface Job {
  runBackendId: string;
  jobBackendId: string;
  /** ACTIONS_RUNTIME_TOKEN for this job. */
  token: string;
}

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  blobName: string;
  expiresAt?: string;
  mimeType?: string;
  createdAt: string;
  /** Set by FinalizeArtifact; until then the artifact is invisible to List and GetSignedArtifactURL. */
  finalized?: { size: number; digest?: string };
}

export interface Call {
  method: string;
  authorization?: string;
  contentType?: string;
  /** The request body exactly as sent (parsed JSON). */
  body: Record<string, unknown>;
  status: number;
}

export interface ResultsService {
  /** ACTIONS_RESULTS_URL */
  url: string;
  /** The first job of the run (the one the tests upload from). */
  job: Job;
  /** Another job of the same workflow run (a later job downloading what the first one uploaded). */
  newJob(): Job;
  /** ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL as the runner gives them to a job's JavaScript action. */
  env(job?: Job): { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string };
  calls: Call[];
  artifacts: StoredArtifact[];
  /** The next `times` calls of `method` (or of any method: '*') answer this status with Twirp's error body. */
  failNext(method: string, status: 401 | 403 | 404 | 409 | 500 | 503, times?: number): void;
  /** The downloaded artifact's files, through @actions/artifact's own download (ListArtifacts, GetSignedArtifactURL, the blob). */
  downloadArtifactTo(dir: string, name: string, job?: Job): Promise<{ id: number; digest?: string; digestMismatch: boolean }>;
  stop(): Promise<void>;
}

const b64url = (v: object | string) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export async function startResultsService(azurite: RunningAzurite): Promise<ResultsService> {
  await azurite.blobs.getContainerClient(CONTAINER).createIfNotExists();
  const secret = randomBytes(32);
  const runBackendId = randomUUID();
  const jobs = new Map<string, Job>(); // by job backend id
  const calls: Call[] = [];
  const artifacts: StoredArtifact[] = [];
  const failures: { method: string; status: number; times: number }[] = [];
  let nextId = 4000 + Math.floor(Math.random() * 1000);

  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('base64url');
  function mintJob(): Job {
    const jobBackendId = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64url({ typ: 'JWT', alg: 'HS256' })}.${b64url({
      scp: `Actions.GenericRead:${randomUUID()} Actions.Results:${runBackendId}:${jobBackendId}`,
      nbf: now - 60,
      exp: now + 6 * 3600,
      iss: 'vstoken.actions.githubusercontent.com',
    })}`;
    const job = { runBackendId, jobBackendId, token: `${body}.${sign(body)}` };
    jobs.set(jobBackendId, job);
    return job;
  }
  const first = mintJob();

  /** The job a bearer token was issued to; anything else is 401, as a token the service did not sign. */
  function authenticate(header: string | undefined): Job {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (!token) throw new TwirpError('unauthenticated', 'no bearer token in the Authorization header');
    const [h, p, s] = token.split('.');
    if (!h || !p || !s || sign(`${h}.${p}`) !== s) throw new TwirpError('unauthenticated', 'the runtime token is not valid');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { scp?: string; exp?: number };
    if ((claims.exp ?? 0) * 1000 < Date.now()) throw new TwirpError('unauthenticated', 'the runtime token has expired');
    const scope = (claims.scp ?? '').split(' ').find((s) => s.startsWith('Actions.Results:'));
    const job = scope ? jobs.get(scope.split(':')[2]) : undefined;
    if (!job) throw new TwirpError('unauthenticated', 'the runtime token has no Actions.Results scope');
    return job;
  }

  /** A field by its proto name or its lowerCamel JSON name, as protojson accepts either. */
  function field(body: Record<string, unknown>, protoName: string): unknown {
    const camel = protoName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    return body[protoName] ?? body[camel];
  }
  function str(body: Record<string, unknown>, name: string, required = true): string | undefined {
    const v = field(body, name);
    if (v === undefined || v === '') {
      if (required) throw new TwirpError('invalid_argument', `${name} is required`);
      return undefined;
    }
    if (typeof v !== 'string') throw new TwirpError('malformed', `${name}: expected a string`);
    return v;
  }
  function int64(body: Record<string, unknown>, name: string): number | undefined {
    const v = field(body, name);
    if (v === undefined) return undefined;
    if ((typeof v !== 'string' && typeof v !== 'number') || !/^-?\d+$/.test(String(v))) throw new TwirpError('malformed', `${name}: expected an int64`);
    return Number(v);
  }
  /** The run and job ids of a request: those of the token, or the request is for a run or job the caller cannot see. */
  function ids(body: Record<string, unknown>, caller: Job): void {
    const run = str(body, 'workflow_run_backend_id')!;
    const job = str(body, 'workflow_job_run_backend_id')!;
    if (run !== runBackendId || !jobs.has(job)) throw new TwirpError('not_found', `workflow run ${run} job ${job} not found`);
    if (run !== caller.runBackendId || job !== caller.jobBackendId) throw new TwirpError('permission_denied', 'the runtime token is not for this workflow job');
  }
  function sasUrl(blobName: string, permissions: string): string {
    const sas = generateBlobSASQueryParameters(
      { containerName: CONTAINER, blobName, permissions: BlobSASPermissions.parse(permissions), expiresOn: new Date(Date.now() + 3600_000) },
      azurite.credential,
    );
    return `${azurite.blobUrl}/${CONTAINER}/${blobName}?${sas.toString()}`;
  }
  const finalizedInRun = (name?: string, id?: number) =>
    artifacts.filter((a) => a.finalized && a.runBackendId === runBackendId && (name === undefined || a.name === name) && (id === undefined || a.id === id));

  const methods: Record<string, (body: Record<string, unknown>, caller: Job) => Promise<object>> = {
    async CreateArtifact(body, caller) {
      ids(body, caller);
      const name = str(body, 'name')!;
      if (/[":<>|*?\r\n\\/]/.test(name))
        throw new TwirpError('invalid_argument', `artifact name ${JSON.stringify(name)} holds a character that is not allowed`);
      const version = field(body, 'version');
      if (typeof version !== 'number' || version < 4)
        throw new TwirpError('invalid_argument', `version ${String(version)} is not supported; upload with @actions/artifact v2 or later`);
      const expiresAt = str(body, 'expires_at', false);
      if (expiresAt !== undefined && (Number.isNaN(Date.parse(expiresAt)) || Date.parse(expiresAt) <= Date.now()))
        throw new TwirpError('invalid_argument', `expires_at ${expiresAt} is not a time in the future`);
      if (artifacts.some((a) => a.runBackendId === runBackendId && a.name === name))
        throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run');
      const id = nextId++;
      const blobName = `${caller.jobBackendId}/${id}/${name}.zip`;
      artifacts.push({
        id,
        name,
        runBackendId,
        jobBackendId: caller.jobBackendId,
        blobName,
        expiresAt,
        mimeType: str(body, 'mime_type', false),
        createdAt: new Date().toISOString(),
      });
      return { ok: true, signed_upload_url: sasUrl(blobName, 'cw') };
    },
    async FinalizeArtifact(body, caller) {
      ids(body, caller);
      const name = str(body, 'name')!;
      const size = int64(body, 'size') ?? 0;
      const hash = str(body, 'hash', false);
      if (hash !== undefined && !/^sha256:[0-9a-f]{64}$/.test(hash)) throw new TwirpError('invalid_argument', `hash ${hash} is not sha256:<64 hex digits>`);
      const artifact = artifacts.find((a) => a.name === name && a.jobBackendId === caller.jobBackendId && !a.finalized);
      if (!artifact) throw new TwirpError('not_found', `no artifact ${name} is being uploaded by this job`);
      // The content must be there, of the size the client says it uploaded.
      const blob = azurite.blobs.getContainerClient(CONTAINER).getBlobClient(artifact.blobName);
      const stored = await blob.getProperties().catch(() => undefined);
      if (!stored) throw new TwirpError('failed_precondition', `artifact ${name} has no uploaded content`);
      if (stored.contentLength !== size) throw new TwirpError('invalid_argument', `size ${size} does not match the ${stored.contentLength} bytes uploaded`);
      artifact.finalized = { size, digest: hash };
      return { ok: true, artifact_id: String(artifact.id) };
    },
    async ListArtifacts(body, caller) {
      ids(body, caller);
      const list = finalizedInRun(str(body, 'name_filter', false), int64(body, 'id_filter'));
      return {
        artifacts: list.map((a) => ({
          workflow_run_backend_id: a.runBackendId,
          workflow_job_run_backend_id: a.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.finalized!.size),
          created_at: a.createdAt,
          ...(a.finalized!.digest ? { digest: a.finalized!.digest } : {}),
        })),
      };
    },
    async GetSignedArtifactURL(body, caller) {
      // An artifact of the run is readable from any of its jobs: the ids are the uploading job's.
      const run = str(body, 'workflow_run_backend_id')!;
      const job = str(body, 'workflow_job_run_backend_id')!;
      if (run !== runBackendId || !jobs.has(job)) throw new TwirpError('not_found', `workflow run ${run} job ${job} not found`);
      if (run !== caller.runBackendId) throw new TwirpError('permission_denied', 'the runtime token is not for this workflow run');
      const name = str(body, 'name')!;
      const artifact = finalizedInRun(name).find((a) => a.jobBackendId === job);
      if (!artifact) throw new TwirpError('not_found', `artifact ${name} not found`);
      return { signed_url: sasUrl(artifact.blobName, 'r') };
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
    const method = (req.url ?? '').startsWith(PREFIX) ? (req.url ?? '').slice(PREFIX.length) : '';
    let body: Record<string, unknown> = {};
    const answer = (status: number, payload: object) => {
      calls.push({ method, authorization: req.headers.authorization, contentType: req.headers['content-type'], body, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    try {
      if (req.method !== 'POST') throw new TwirpError('bad_route', `unsupported method ${req.method} (only POST is allowed)`);
      const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
      if (!handler) throw new TwirpError('bad_route', `no handler for path ${req.url}`);
      if ((req.headers['content-type'] ?? '').split(';')[0].trim() !== 'application/json')
        throw new TwirpError('bad_route', `unexpected Content-Type: ${req.headers['content-type'] ?? ''}`);
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        body = parsed as Record<string, unknown>;
      } catch {
        throw new TwirpError('malformed', 'the json request could not be decoded');
      }
      const failure = failures.find((f) => f.method === method || f.method === '*');
      if (failure) {
        if (--failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
        const code = (Object.keys(TWIRP_STATUS) as TwirpCode[]).find((c) => TWIRP_STATUS[c] === failure.status)!;
        throw new TwirpError(code, `stand-in: ${method} answered ${failure.status} as asked by the test`);
      }
      const caller = authenticate(req.headers.authorization);
      answer(200, await handler(body, caller));
    } catch (e) {
      if (e instanceof TwirpError) answer(TWIRP_STATUS[e.code], { code: e.code, msg: e.message });
      else answer(500, { code: 'internal', msg: e instanceof Error ? e.message : String(e) });
    }
  }

  const server: Server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      text += d;
    });
    req.on('end', () => void handle(req, res, text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const env = (job: Job = first) => ({ ACTIONS_RUNTIME_TOKEN: job.token, ACTIONS_RESULTS_URL: url });

  return {
    url,
    job: first,
    newJob: mintJob,
    env,
    calls,
    artifacts,
    failNext: (method, status, times = 1) => failures.push({ method, status, times }),
    downloadArtifactTo: (dir, name, job) => downloadWithToolkit(env(job ?? mintJob()), dir, name),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * What a later job does to get the model: @actions/artifact's getArtifact (ListArtifacts by name)
 * then downloadArtifact (ListArtifacts by id, GetSignedArtifactURL, the blob), unzipped into dir
 * and checked against the digest the upload recorded. The toolkit reads its endpoint and token
 * from the environment, so they are set for the call and put back after.
 */
async function downloadWithToolkit(
  env: { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string },
  dir: string,
  name: string,
): Promise<{ id: number; digest?: string; digestMismatch: boolean }> {
  const keys = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL'] as const;
  const saved = keys.map((k) => process.env[k]);
  Object.assign(process.env, env, { GITHUB_SERVER_URL: 'https://github.com' });
  // The toolkit logs through @actions/core (::debug:: lines and all): kept, and shown only if it fails.
  const write = process.stdout.write;
  let log = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    log += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const { artifact } = await client.getArtifact(name);
    const { digestMismatch } = await client.downloadArtifact(artifact.id, { path: dir, expectedHash: artifact.digest });
    return { id: artifact.id, digest: artifact.digest, digestMismatch: digestMismatch ?? false };
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n@actions/artifact's log:\n${log}`, { cause: e });
  } finally {
    process.stdout.write = write;
    keys.forEach((k, i) => {
      if (saved[i] === undefined) delete process.env[k];
      else process.env[k] = saved[i];
    });
  }
}
