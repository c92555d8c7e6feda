/**
 * MLflow's Model Registry as a model registry: `mlflow+http://host:5000` or `mlflow+https://…`,
 * through the documented REST API of MLflow 2.x and 3.x. register = create the registered model
 * if needed, a run (metrics, git SHA as mlflow.source.git.commit), the files through the
 * mlflow-artifacts proxy, then a model version. Aliases are MLflow aliases (stages were
 * deprecated in 2.9). MLflow keeps no content digest, so modelci stores the files' sha256 as
 * version tags and checks them on download.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { redactUri } from '../shared/redact-uri.js';
import { InputError, ServiceError } from '../shared/errors.js';
import { HttpClient, type HttpResponse, type HttpTimeouts } from '../shared/http-client.js';
import { isHttpFailure, isRetryableStatus } from '../shared/http-failure.js';
import { checkDownloadPaths, downloadTarget } from './download-target.js';
import { parseAttachments, withAttachments, type Attachment } from './attachments.js';
import { hashFile } from './blob-store.js';
import {
  checkMlflowModelName,
  checkVersionRef,
  registerBackend,
  versionNumber,
  type ModelRegistry,
  type RegisterInput,
  type RegisterResult,
} from './model-registry.js';
import { MODEL_VERSION_SCHEMA, type AliasMove, type ModelFile, type ModelVersion, type Provenance } from './model-version.js';

const TAG = {
  files: 'modelci.files',
  digest: 'modelci.digest',
  record: 'modelci.record',
  recordArtifact: 'modelci.record_artifact',
  gitSha: 'mlflow.source.git.commit',
  /** Before one tag per attachment: the whole list in one tag (read, never written). */
  attachments: 'modelci.attachments',
  /** One tag per attachment, `modelci.attachment.<ms>-<random>`: see attach(). */
  attachmentPrefix: 'modelci.attachment.',
} as const;
/** MLflow 2.x refuses a tag value over 5000 characters (model-versions/create then fails). */
export const MLFLOW_TAG_LIMIT = 5000;
/** The whole record (files and their sha256, metrics, provenance, tags), beside the model in the run. */
const RECORD_ARTIFACT = 'modelci/version.json';
export const MLFLOW_EXPERIMENT = 'modelci-registrations';

/** A REST endpoint this server does not have (404 without an MLflow error body): older servers. */
const MISSING = Symbol('missing endpoint');
const STAGE_OF: Record<string, string> = { production: 'Production', staging: 'Staging' };

interface MlflowModelVersion {
  name: string;
  version: string;
  current_stage?: string;
  creation_timestamp?: number | string;
  run_id?: string;
  source?: string;
  tags?: Array<{ key: string; value: string }>;
  aliases?: string[];
}

export interface MlflowRegistryOptions {
  /** Per-phase limits of every call (defaults: shared/http-client's). */
  timeouts?: Partial<HttpTimeouts>;
  /** Stops every call (the step's cancellation). */
  signal?: AbortSignal;
}

export class MlflowRegistry implements ModelRegistry {
  private readonly base: string;
  private readonly http: HttpClient;
  /** `?stages=true`: also move the deprecated stages (Staging, Production), for servers before aliases (2.3). */
  private readonly stages: boolean;

  constructor(
    readonly uri: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    options: MlflowRegistryOptions = {},
  ) {
    this.http = new HttpClient({
      service: 'the MLflow server',
      hint: 'check the registry URI and that the server is up',
      timeouts: options.timeouts,
      signal: options.signal,
    });
    const m = /^mlflow\+(https?):\/\/([^?]+?)\/*(\?.*)?$/i.exec(uri);
    if (!m)
      throw new InputError(redactUri(`Registry '${uri}' is not mlflow+http(s)://host[:port] (e.g. mlflow+https://mlflow.example.com).`), { input: 'registry' });
    this.base = `${m[1].toLowerCase()}://${m[2]}`;
    this.stages = new URLSearchParams(m[3] ?? '').get('stages') === 'true';
  }

  checkName(name: string): void {
    checkMlflowModelName(name);
  }

  async register(input: RegisterInput): Promise<RegisterResult> {
    checkMlflowModelName(input.name);
    const files: ModelFile[] = [];
    for (const f of input.files) files.push({ path: f.path, ...(await hashFile(f.source)) });
    const digest = contentDigest(files);
    await this.call('POST', 'registered-models/create', { name: input.name }, ['RESOURCE_ALREADY_EXISTS']);
    const same = (await this.search(input.name)).find((v) => v.digest === digest);
    if (same) return { version: same, existing: true, bytesWritten: 0 };

    // The training run when named (the version links to it; its status is the trainer's), else a new one.
    const own = input.provenance.mlflowRunId === undefined;
    const run = own ? await this.newRun(input) : await this.existingRun(input.provenance.mlflowRunId!);
    const runId = run.run.info.run_id;
    // In a training run, beside whatever it logged (its own model/ folder stays untouched).
    const artifactUri = own ? run.run.info.artifact_uri : `${run.run.info.artifact_uri}/modelci-${encodeURIComponent(input.name)}`;
    try {
      const metrics = Object.entries(input.metrics)
        .filter(([, v]) => v !== null && Number.isFinite(v))
        .map(([key, value]) => ({ key, value, timestamp: input.now.getTime(), step: 0 }));
      for (let i = 0; i < metrics.length; i += 1000) await this.call('POST', 'runs/log-batch', { run_id: runId, metrics: metrics.slice(i, i + 1000) });

      const artifactRoot = artifactPath(artifactUri);
      let bytesWritten = 0;
      for (const f of input.files) {
        await this.upload(`${artifactRoot}/model/${f.path}`, f.source);
        bytesWritten += (await stat(f.source)).size;
      }
      const record = { metrics: input.metrics, provenance: input.provenance, tags: input.tags };
      // The full record is a run artifact; the tags repeat it only when short enough for MLflow 2.x.
      await this.uploadBytes(`${artifactRoot}/${RECORD_ARTIFACT}`, Buffer.from(JSON.stringify({ files, record })));
      const inline = [
        { key: TAG.files, value: JSON.stringify(files) },
        { key: TAG.record, value: JSON.stringify(record) },
      ];
      const created = (await this.call('POST', 'model-versions/create', {
        name: input.name,
        source: `${artifactUri}/model`,
        run_id: runId,
        tags: [
          ...(inline.every((t) => t.value.length <= MLFLOW_TAG_LIMIT) ? inline : [{ key: TAG.recordArtifact, value: RECORD_ARTIFACT }]),
          { key: TAG.digest, value: digest },
          ...(input.provenance.gitSha ? [{ key: TAG.gitSha, value: input.provenance.gitSha }] : []),
        ],
      })) as { model_version: MlflowModelVersion };
      if (own) await this.call('POST', 'runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() });
      return { version: await this.toVersion(created.model_version), existing: false, bytesWritten };
    } catch (e) {
      // Never leave a run RUNNING (or FINISHED without its version): it ends FAILED, best effort.
      if (own) await this.call('POST', 'runs/update', { run_id: runId, status: 'FAILED', end_time: Date.now() }).catch(() => undefined);
      throw e;
    }
  }

  async resolve(name: string, ref: string): Promise<ModelVersion> {
    checkMlflowModelName(name);
    checkVersionRef(ref);
    const n = versionNumber(ref);
    if (ref === 'latest') {
      const all = await this.list(name);
      if (all.length === 0) throw new InputError(redactUri(`Model '${name}' has no versions in ${this.uri}; register it first.`), { input: 'name' });
      return all[all.length - 1];
    }
    const missing = () =>
      new InputError(
        redactUri(`Model '${name}' has no ${n !== undefined ? 'version' : 'alias'} '${ref}' in ${this.uri}; list its versions with operation: list.`),
        { input: 'version' },
      );
    const got =
      n !== undefined
        ? await this.call('GET', `model-versions/get?name=${encodeURIComponent(name)}&version=${n}`, undefined, ['RESOURCE_DOES_NOT_EXIST'])
        : await this.call('GET', `registered-models/alias?name=${encodeURIComponent(name)}&alias=${encodeURIComponent(ref)}`, undefined, [
            'RESOURCE_DOES_NOT_EXIST',
            'INVALID_PARAMETER_VALUE',
            'ENDPOINT_MISSING',
          ]);
    if (got === MISSING) return this.resolveStage(name, ref, missing);
    const mv = (got as { model_version?: MlflowModelVersion } | undefined)?.model_version;
    if (!mv) throw missing();
    return await this.toVersion(mv);
  }

  /**
   * Every version, with aliases from registered-models/get: real servers (2.12 to 3.8) return
   * none in model-versions/search. A model that does not exist is a sentence, as on the other backends.
   */
  async list(name: string): Promise<ModelVersion[]> {
    checkMlflowModelName(name);
    const got = (await this.call('GET', `registered-models/get?name=${encodeURIComponent(name)}`, undefined, ['RESOURCE_DOES_NOT_EXIST'])) as
      { registered_model?: { aliases?: Array<{ alias: string; version: string }> } } | undefined;
    if (!got?.registered_model)
      throw new InputError(redactUri(`Model '${name}' is not in the registry ${this.uri}; register it first (or check the name).`), { input: 'name' });
    const aliases = new Map<string, string[]>();
    for (const a of got.registered_model.aliases ?? []) aliases.set(String(a.version), [...(aliases.get(String(a.version)) ?? []), a.alias]);
    return (await this.search(name)).map((v) => ({ ...v, aliases: (aliases.get(String(v.version)) ?? []).sort() }));
  }

  private async search(name: string): Promise<ModelVersion[]> {
    const out: ModelVersion[] = [];
    for (const mv of await this.searchRaw(name)) out.push(await this.toVersion(mv));
    return out.sort((a, b) => a.version - b.version);
  }

  private async searchRaw(name: string): Promise<MlflowModelVersion[]> {
    const out: MlflowModelVersion[] = [];
    let token: string | undefined;
    do {
      const query = `model-versions/search?filter=${encodeURIComponent(`name='${name}'`)}&max_results=1000${token ? `&page_token=${encodeURIComponent(token)}` : ''}`;
      const page = (await this.call('GET', query)) as { model_versions?: MlflowModelVersion[]; next_page_token?: string };
      out.push(...(page.model_versions ?? []));
      token = page.next_page_token || undefined;
    } while (token);
    return out;
  }

  /** A server older than aliases (before 2.3): an alias is read as its stage, with ?stages=true. */
  private async resolveStage(name: string, alias: string, missing: () => InputError): Promise<ModelVersion> {
    const stage = this.oldServerStage(alias);
    const raw = await this.searchRaw(name);
    const mv = raw.filter((v) => v.current_stage === stage).sort((a, b) => Number(b.version) - Number(a.version))[0];
    if (!mv) throw missing();
    return { ...(await this.toVersion(mv)), aliases: [alias] };
  }

  private oldServerStage(alias: string): string {
    const stage = STAGE_OF[alias.toLowerCase()];
    if (!this.stages || !stage) {
      throw new InputError(
        redactUri(
          `The MLflow server ${this.base} is older than model aliases (MLflow before 2.3): ${this.stages ? `only production and staging map to its stages, not '${alias}'` : 'add ?stages=true to the registry URI to use its stages (Production, Staging)'}.`,
        ),
        { input: 'registry' },
      );
    }
    return stage;
  }

  async moveAlias(name: string, alias: string, version: ModelVersion, options: { forced: boolean; now: Date }): Promise<AliasMove> {
    const probe = await this.call('GET', `registered-models/alias?name=${encodeURIComponent(name)}&alias=${encodeURIComponent(alias)}`, undefined, [
      'RESOURCE_DOES_NOT_EXIST',
      'INVALID_PARAMETER_VALUE',
      'ENDPOINT_MISSING',
    ]);
    if (probe === MISSING) {
      const stage = this.oldServerStage(alias);
      const previous = (await this.searchRaw(name))
        .filter((v) => v.current_stage === stage)
        .map((v) => Number(v.version))
        .sort((a, b) => b - a)[0];
      await this.call('POST', 'model-versions/transition-stage', { name, version: String(version.version), stage, archive_existing_versions: true });
      return {
        alias,
        version: version.version,
        digest: version.digest,
        previousVersion: previous,
        forced: options.forced,
        notice: `The MLflow server ${this.base} is older than model aliases: version ${version.version} was moved to the ${stage} stage only.`,
      };
    }
    const before = probe as { model_version?: MlflowModelVersion } | undefined;
    await this.call('POST', 'registered-models/alias', { name, alias, version: String(version.version) });
    const stage = STAGE_OF[alias];
    if (this.stages && stage) {
      await this.call('POST', 'model-versions/transition-stage', { name, version: String(version.version), stage, archive_existing_versions: true });
    }
    const previous = before?.model_version ? Number(before.model_version.version) : undefined;
    return { alias, version: version.version, digest: version.digest, previousVersion: previous, forced: options.forced };
  }

  async attach(version: ModelVersion, attachment: Attachment): Promise<ModelVersion> {
    const current = await this.resolve(version.name, String(version.version));
    if (current.digest !== version.digest)
      throw new InputError(redactUri(`Version ${version.version} of '${version.name}' changed in ${this.uri} since it was resolved; resolve it again.`), {
        input: 'version',
      });
    // Each attachment is a tag of its own: no read-modify-write, so two jobs attaching at once both
    // land, and no list can outgrow MLflow's 5000-character tag value.
    const key = `${TAG.attachmentPrefix}${Date.parse(attachment.attachedAt) || Date.now()}-${randomBytes(4).toString('hex')}`;
    await this.call('POST', 'model-versions/set-tag', { name: version.name, version: String(version.version), key, value: JSON.stringify(attachment) });
    const all = [...(current.provenance.attachments ?? []), attachment];
    return withAttachments(current, all);
  }

  async download(version: ModelVersion, into: string): Promise<string[]> {
    const mv = (await this.call('GET', `model-versions/get?name=${encodeURIComponent(version.name)}&version=${version.version}`)) as {
      model_version: MlflowModelVersion;
    };
    const root = artifactPath(mv.model_version.source ?? '');
    const written: string[] = [];
    checkDownloadPaths(version);
    for (const f of version.files) {
      const target = await downloadTarget(into, version, f);
      const mismatch = () =>
        new InputError(
          `${f.path} of ${version.name} v${version.version} from ${this.uri} does not match the sha256 recorded at registration: it was changed or cut short; refusing to use it.`,
          { input: 'version' },
        );
      // Verified by sha256 as it streams; no cap but the recorded size, which a longer answer cannot pass.
      const res = await this.fetch('GET', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(`${root}/${f.path}`)}`, {
        maxBytes: Number.isFinite(f.size) ? f.size : Infinity,
      });
      if (res.status !== 200) throw await this.failure(res, `download ${f.path}`, undefined, false);
      const hash = createHash('sha256');
      const out = createWriteStream(target.partial);
      try {
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
      } catch (e) {
        // What a failed download leaves is what was there before.
        out.destroy();
        await target.discard();
        // Longer than the recorded size: it cannot match its digest.
        if (isHttpFailure(e) && e.kind === 'too-large') throw mismatch();
        throw e;
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      if (`sha256:${hash.digest('hex')}` !== f.digest) {
        await target.discard();
        throw mismatch();
      }
      await target.commit();
      written.push(target.path);
    }
    return written;
  }

  private async toVersion(mv: MlflowModelVersion): Promise<ModelVersion> {
    const tags = Object.fromEntries((mv.tags ?? []).map((t) => [t.key, t.value]));
    let record: { metrics: Record<string, number | null>; provenance: Provenance; tags: Record<string, string> } = { metrics: {}, provenance: {}, tags: {} };
    let files: ModelFile[] = [];
    try {
      if (tags[TAG.recordArtifact] && !tags[TAG.files]) {
        const stored = await this.readRecord(mv, tags[TAG.recordArtifact]);
        record = { ...record, ...stored.record };
        files = stored.files;
      } else {
        record = { ...record, ...JSON.parse(tags[TAG.record] ?? '{}') };
        files = JSON.parse(tags[TAG.files] ?? '[]') as ModelFile[];
      }
    } catch (e) {
      if (e instanceof InputError || e instanceof ServiceError) throw e;
      // A version registered by another tool: no modelci record.
    }
    return withAttachments(
      {
        schema: MODEL_VERSION_SCHEMA,
        name: mv.name,
        version: Number(mv.version),
        digest: tags[TAG.digest] ?? '',
        uri: `${this.uri.replace(/\?.*$/, '').replace(/\/+$/, '')}/${mv.name}/${mv.version}`,
        createdAt: mv.creation_timestamp !== undefined ? new Date(Number(mv.creation_timestamp)).toISOString() : '',
        files,
        metrics: record.metrics,
        provenance: { ...record.provenance, gitSha: tags[TAG.gitSha] ?? record.provenance.gitSha },
        tags: record.tags,
        aliases: [...(mv.aliases ?? [])].sort(),
      },
      [
        ...parseAttachments(tags[TAG.attachments]),
        // One by one: a tag another tool mangled costs that attachment only.
        ...Object.keys(tags)
          .filter((k) => k.startsWith(TAG.attachmentPrefix))
          .flatMap((k) => parseAttachments(`[${tags[k]}]`)),
      ],
    );
  }

  private async newRun(input: RegisterInput): Promise<{ run: { info: { run_id: string; artifact_uri: string } } }> {
    const experimentId = await this.experiment();
    const tags = [{ key: 'mlflow.runName', value: `${input.name}-registration` }];
    if (input.provenance.gitSha) tags.push({ key: TAG.gitSha, value: input.provenance.gitSha });
    if (input.provenance.runUrl) tags.push({ key: 'modelci.run_url', value: input.provenance.runUrl });
    return (await this.call('POST', 'runs/create', { experiment_id: experimentId, start_time: input.now.getTime(), tags })) as {
      run: { info: { run_id: string; artifact_uri: string } };
    };
  }

  private async existingRun(runId: string): Promise<{ run: { info: { run_id: string; artifact_uri: string } } }> {
    const got = (await this.call('GET', `runs/get?run_id=${encodeURIComponent(runId)}`, undefined, ['RESOURCE_DOES_NOT_EXIST'])) as
      { run?: { info: { run_id: string; artifact_uri: string } } } | undefined;
    if (!got?.run)
      throw new InputError(
        redactUri(`Input 'mlflow-run-id' names run ${runId}, which ${this.uri} does not have; give the run id the training step reported, on this server.`),
        { input: 'mlflow-run-id' },
      );
    return { run: got.run };
  }

  private async experiment(): Promise<string> {
    const found = (await this.call('GET', `experiments/get-by-name?experiment_name=${encodeURIComponent(MLFLOW_EXPERIMENT)}`, undefined, [
      'RESOURCE_DOES_NOT_EXIST',
    ])) as { experiment?: { experiment_id: string } } | undefined;
    if (found?.experiment) return found.experiment.experiment_id;
    const created = (await this.call('POST', 'experiments/create', { name: MLFLOW_EXPERIMENT }, ['RESOURCE_ALREADY_EXISTS'])) as
      { experiment_id?: string } | undefined;
    if (created?.experiment_id) return created.experiment_id;
    return this.experiment(); // created by a concurrent writer: read it back
  }

  /** The record artifact beside the version's model folder (source is <run artifacts>/model). */
  private async readRecord(
    mv: MlflowModelVersion,
    artifact: string,
  ): Promise<{ files: ModelFile[]; record: { metrics: Record<string, number | null>; provenance: Provenance; tags: Record<string, string> } }> {
    const root = artifactPath(mv.source ?? '').replace(/\/model$/, '');
    const res = await this.fetch('GET', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(`${root}/${artifact}`)}`, { maxBytes: 64 * 1024 * 1024 });
    if (res.status !== 200) throw await this.failure(res, `read the record of ${mv.name} v${mv.version}`, undefined, false);
    const parsed = await res.json<{
      files?: ModelFile[];
      record?: { metrics: Record<string, number | null>; provenance: Provenance; tags: Record<string, string> };
    }>();
    return { files: parsed?.files ?? [], record: parsed?.record ?? { metrics: {}, provenance: {}, tags: {} } };
  }

  private async uploadBytes(artifact: string, bytes: Buffer): Promise<void> {
    const res = await this.fetch('PUT', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(artifact)}`, {
      body: bytes.toString('utf8'),
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) },
    });
    if (res.status !== 200) throw await this.failure(res, `upload ${artifact} (is the server started with --serve-artifacts?)`);
    res.discard();
  }

  private async upload(artifact: string, file: string): Promise<void> {
    const size = (await stat(file)).size;
    const body = createReadStream(file, { highWaterMark: 1 << 20 });
    const res = await this.fetch('PUT', `${this.base}/api/2.0/mlflow-artifacts/artifacts/${encodePath(artifact)}`, {
      body,
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) },
    });
    if (res.status !== 200) throw await this.failure(res, `upload ${path.basename(file)} (is the server started with --serve-artifacts?)`);
    res.discard();
  }

  /** A REST call; error codes in `tolerate` return undefined instead of failing. */
  private async call(method: 'GET' | 'POST', endpoint: string, body?: unknown, tolerate: string[] = []): Promise<unknown> {
    // GETs are retried by the client; a POST creates things and is sent once.
    const res = await this.fetch(
      method,
      `${this.base}/api/2.0/mlflow/${endpoint}`,
      body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {},
    );
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (res.status === 200) {
      if (parsed === undefined)
        throw new ServiceError(
          `the MLflow server ${this.base}`,
          `The MLflow server ${this.base} answered ${endpoint.split('?')[0]} with something that is not JSON ('${text.trim().slice(0, 60)}'); check the registry URI points at MLflow.`,
        );
      return parsed;
    }
    const error = (parsed ?? {}) as { error_code?: string; message?: string };
    if (error.error_code && tolerate.includes(error.error_code)) return undefined;
    if (res.status === 404 && !error.error_code && tolerate.includes('ENDPOINT_MISSING')) return MISSING;
    throw await this.failure(res, endpoint.split('?')[0], error, method === 'POST');
  }

  /** MLflow's Python client order: username and password first, then the token. */
  private credential(): { kind: 'password' | 'token'; header: string } | undefined {
    const user = this.env.MLFLOW_TRACKING_USERNAME;
    const password = this.env.MLFLOW_TRACKING_PASSWORD;
    if (user && password) return { kind: 'password', header: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
    const token = this.env.MLFLOW_TRACKING_TOKEN;
    return token ? { kind: 'token', header: `Bearer ${token}` } : undefined;
  }

  private auth(): string | undefined {
    return this.credential()?.header;
  }

  /** Credentials go only to the MLflow server's own origin (the client drops them on a redirect elsewhere). */
  private fetch(
    method: string,
    url: string,
    init: { body?: string | NodeJS.ReadableStream; headers?: Record<string, string>; maxBytes?: number } = {},
  ): Promise<HttpResponse> {
    return this.http.request({
      method,
      url,
      body: init.body as string | import('node:stream').Readable | undefined,
      headers: init.headers,
      maxBytes: init.maxBytes,
      authorization: this.auth(),
      credentialsOrigin: new URL(this.base).origin,
    });
  }

  /**
   * Credentials refused: the user's to fix (InputError). A 5xx or 429 may pass: try again. Any
   * other refusal is how this server treats the request, and trying again will not change it.
   */
  private async failure(
    res: HttpResponse,
    what: string,
    error?: { error_code?: string; message?: string },
    writing = true,
  ): Promise<InputError | ServiceError> {
    if (res.status === 401 || res.status === 403) {
      res.discard();
      const sent = this.credential();
      const fix = !sent
        ? "no credentials were sent: set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN, in the step's env"
        : res.status === 403
          ? `the ${sent.kind === 'password' ? 'username and password' : 'MLFLOW_TRACKING_TOKEN'} sent are valid but not allowed to register models: use an account that is`
          : `the ${sent.kind === 'password' ? 'MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD' : 'MLFLOW_TRACKING_TOKEN'} sent ${sent.kind === 'password' ? 'were' : 'was'} not accepted${sent.kind === 'password' && this.env.MLFLOW_TRACKING_TOKEN ? " (they take precedence over MLFLOW_TRACKING_TOKEN, as in MLflow's client)" : ''}: check ${sent.kind === 'password' ? 'them' : 'it'}`;
      return new InputError(`The MLflow server ${this.base} refused the request (${res.status}); ${fix}.`, { input: 'registry' });
    }
    if (!error) {
      const text = (await res.text().catch(() => '')).trim().split('\n')[0].slice(0, 120);
      error = text ? { message: text } : undefined;
    }
    const retryable = isRetryableStatus(res.status);
    const detail = error?.error_code
      ? `${error.error_code}: ${(error.message ?? '').split('\n')[0]}`
      : `HTTP ${res.status}${error?.message ? `: ${error.message}` : ''}`;
    const after = writing
      ? `no model version was created for content it did not finish storing${retryable ? ': try again' : ''}`
      : retryable
        ? "try again, or check the server's log"
        : "check the server's log";
    return new ServiceError(`the MLflow server ${this.base}`, `The MLflow server ${this.base} failed to ${what} (${detail}); ${after}.`, { retryable });
  }
}

/** The identity of a version's content: sha256 over its files' paths and digests. */
function contentDigest(files: ModelFile[]): string {
  const canonical = files
    .map((f) => `${f.path}\0${f.digest}`)
    .sort()
    .join('\n');
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/** mlflow-artifacts:/1/abc/artifacts -> 1/abc/artifacts (the proxy's path). */
function artifactPath(uri: string): string {
  const m = /^mlflow-artifacts:(?:\/\/[^/]*)?\/(.*)$/.exec(uri);
  if (!m) {
    throw new InputError(
      redactUri(
        `The MLflow server stores artifacts at '${uri}', which modelci cannot reach through the server; start it with --serve-artifacts (the mlflow-artifacts proxy).`,
      ),
      { input: 'registry' },
    );
  }
  return m[1].replace(/\/+$/, '');
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

registerBackend('mlflow+http', (uri) => new MlflowRegistry(uri));
registerBackend('mlflow+https', (uri) => new MlflowRegistry(uri));
