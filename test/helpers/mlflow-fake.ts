// A stand-in for an MLflow 2.x tracking server started with --serve-artifacts: MLflow is a Python
// service not packaged for Debian, so it cannot run here. It answers the REST endpoints modelci
// calls with MLflow's status codes and error bodies ({"error_code", "message"}: 400
// RESOURCE_ALREADY_EXISTS / INVALID_PARAMETER_VALUE, 404 RESOURCE_DOES_NOT_EXIST), and the
// basic-auth app's 401.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

interface Version {
  name: string;
  version: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  current_stage: string;
  description: string;
  source: string;
  run_id: string;
  status: 'READY';
  tags: Array<{ key: string; value: string }>;
  run_link: string;
}

export interface FakeMlflow {
  url: string;
  /** The stage of each version, by model name. */
  stages(name: string): Record<string, string>;
  artifacts: Map<string, Buffer>;
  calls: string[];
  /**
   * The next `times` calls to `path` answer `status` as MLflow's server does when its backend
   * store is down (a JSON error with INTERNAL_ERROR, or TEMPORARILY_UNAVAILABLE for a 503).
   */
  failNext(path: string, status: number, times: number): void;
  /** The run a model version was created from. */
  versionRun(name: string, version: string): string | undefined;
  /** Each run's status (RUNNING, FINISHED, FAILED), by run id. */
  runs: Map<string, string>;
  stop(): Promise<void>;
}

/** `beforeAliases`: answer as MLflow 2.2 does, which has no registered-models/alias (Flask's HTML 404). */
export async function startFakeMlflow(options: { basicAuth?: { username: string; password: string }; beforeAliases?: boolean } = {}): Promise<FakeMlflow> {
  const models = new Map<string, { versions: Version[]; aliases: Map<string, string> }>();
  const experiments = new Map<string, string>();
  const artifacts = new Map<string, Buffer>();
  const calls: string[] = [];
  const runs = new Map<string, string>();
  const runInfos = new Map<string, Record<string, unknown>>();
  const failing = new Map<string, { status: number; times: number }>();

  const error = (res: ServerResponse, status: number, error_code: string, message: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error_code, message }));
  };
  const ok = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const withAliases = (name: string, v: Version) => ({
    ...v,
    aliases: [...models.get(name)!.aliases].filter(([, version]) => version === v.version).map(([a]) => a),
  });

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(`${req.method} ${url.pathname}`);
    const failure = failing.get(url.pathname);
    if (failure && failure.times > 0) {
      failure.times--;
      return error(res, failure.status, failure.status === 503 ? 'TEMPORARILY_UNAVAILABLE' : 'INTERNAL_ERROR', 'the backend store is unavailable');
    }
    if (options.basicAuth) {
      const expected = `Basic ${Buffer.from(`${options.basicAuth.username}:${options.basicAuth.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="mlflow"', 'Content-Type': 'text/plain' });
        res.end('You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.');
        return;
      }
    }
    const artifactPrefix = '/api/2.0/mlflow-artifacts/artifacts/';
    if (url.pathname.startsWith(artifactPrefix)) {
      const key = decodeURIComponent(url.pathname.slice(artifactPrefix.length));
      if (req.method === 'PUT') {
        artifacts.set(key, raw);
        return ok(res, {});
      }
      const got = artifacts.get(key);
      if (!got) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `File not found: ${key}`);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      return res.end(got);
    }
    const endpoint = url.pathname.replace('/api/2.0/mlflow/', '');
    const body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    const q = (k: string) => url.searchParams.get(k) ?? '';
    const model = (name: string) => models.get(name);
    if (options.beforeAliases && endpoint === 'registered-models/alias') {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<!doctype html><title>404 Not Found</title><h1>Not Found</h1>');
    }
    switch (`${req.method} ${endpoint}`) {
      case 'POST registered-models/create': {
        const name = String(body.name);
        if (models.has(name)) return error(res, 400, 'RESOURCE_ALREADY_EXISTS', `Registered Model (name=${name}) already exists.`);
        models.set(name, { versions: [], aliases: new Map() });
        return ok(res, { registered_model: { name, creation_timestamp: Date.now() } });
      }
      case 'GET experiments/get-by-name': {
        const id = experiments.get(q('experiment_name'));
        if (!id) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${q('experiment_name')}'`);
        return ok(res, { experiment: { experiment_id: id, name: q('experiment_name'), lifecycle_stage: 'active' } });
      }
      case 'POST experiments/create': {
        const name = String(body.name);
        if (experiments.has(name)) return error(res, 400, 'RESOURCE_ALREADY_EXISTS', `Experiment '${name}' already exists.`);
        experiments.set(name, String(experiments.size + 1));
        return ok(res, { experiment_id: experiments.get(name) });
      }
      case 'POST runs/create': {
        const runId = randomBytes(16).toString('hex');
        runs.set(runId, 'RUNNING');
        const info = {
          run_id: runId,
          run_uuid: runId,
          experiment_id: body.experiment_id,
          status: 'RUNNING',
          start_time: body.start_time,
          artifact_uri: `mlflow-artifacts:/${String(body.experiment_id)}/${runId}/artifacts`,
          lifecycle_stage: 'active',
        };
        runInfos.set(runId, info);
        return ok(res, { run: { info, data: { tags: body.tags ?? [] } } });
      }
      case 'GET runs/get': {
        const info = runInfos.get(q('run_id'));
        if (!info) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${q('run_id')} not found`);
        return ok(res, { run: { info: { ...info, status: runs.get(q('run_id')) }, data: { tags: [] } } });
      }
      case 'POST runs/log-batch':
        return ok(res, {});
      case 'POST runs/update':
        runs.set(String(body.run_id), String(body.status));
        return ok(res, { run_info: { run_id: body.run_id, status: body.status } });
      case 'POST model-versions/create': {
        // MLflow 2.x's limit on a tag value.
        const long = ((body.tags as Version['tags']) ?? []).find((t) => String(t.value).length > 5000);
        if (long)
          return error(
            res,
            400,
            'INVALID_PARAMETER_VALUE',
            `Tag value '${String(long.value).slice(0, 20)}...' had length ${String(long.value).length}, which exceeded length limit of 5000`,
          );
        const m = model(String(body.name));
        if (!m) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${String(body.name)} not found`);
        const now = Date.now();
        const v: Version = {
          name: String(body.name),
          version: String(m.versions.length + 1),
          creation_timestamp: now,
          last_updated_timestamp: now,
          current_stage: 'None',
          description: '',
          source: String(body.source),
          run_id: String(body.run_id),
          status: 'READY',
          tags: (body.tags as Version['tags']) ?? [],
          run_link: '',
        };
        m.versions.push(v);
        return ok(res, { model_version: withAliases(v.name, v) });
      }
      case 'GET model-versions/get': {
        const v = model(q('name'))?.versions.find((x) => x.version === q('version'));
        if (!v) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Model Version (name=${q('name')}, version=${q('version')}) not found`);
        return ok(res, { model_version: withAliases(v.name, v) });
      }
      case 'POST model-versions/set-tag': {
        // MLflow's tag-name rule (mlflow/utils/validation.py): alphanumerics, _ - . / and space, at most 250.
        if (!/^[/\w.\- ]{1,250}$/.test(String(body.key)))
          return error(
            res,
            400,
            'INVALID_PARAMETER_VALUE',
            `Invalid tag name: '${String(body.key)}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).`,
          );
        if (String(body.value).length > 5000)
          return error(res, 400, 'INVALID_PARAMETER_VALUE', `Tag value had length ${String(body.value).length}, which exceeded length limit of 5000`);
        const v = model(String(body.name))?.versions.find((x) => x.version === String(body.version));
        if (!v) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Model Version (name=${String(body.name)}, version=${String(body.version)}) not found`);
        v.tags = [...v.tags.filter((t) => t.key !== body.key), { key: String(body.key), value: String(body.value) }];
        return ok(res, {});
      }
      case 'GET registered-models/get': {
        const m = model(q('name'));
        if (!m) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${q('name')} not found`);
        // Real servers carry the aliases here, as [{alias, version}].
        return ok(res, { registered_model: { name: q('name'), aliases: [...m.aliases].map(([alias, version]) => ({ alias, version })) } });
      }
      case 'GET model-versions/search': {
        const name = /^name='(.*)'$/.exec(q('filter'))?.[1] ?? '';
        // As real servers (2.12.2, 3.6.0, 3.8.1) answer: versions from search carry no aliases.
        const all = (model(name)?.versions ?? []).map((v) => ({ ...v, aliases: [] as string[] }));
        // Two per page, to exercise next_page_token.
        const start = Number(q('page_token') || 0);
        const page = all.slice(start, start + 2);
        return ok(res, { model_versions: page, ...(start + 2 < all.length ? { next_page_token: String(start + 2) } : {}) });
      }
      case 'POST registered-models/alias': {
        const m = model(String(body.name));
        if (!m) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${String(body.name)} not found`);
        if (!m.versions.some((v) => v.version === String(body.version)))
          return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Model Version (name=${String(body.name)}, version=${String(body.version)}) not found`);
        m.aliases.set(String(body.alias), String(body.version));
        return ok(res, {});
      }
      case 'POST model-versions/transition-stage': {
        const m = model(String(body.name));
        const v = m?.versions.find((x) => x.version === String(body.version));
        if (!m || !v) return error(res, 404, 'RESOURCE_DOES_NOT_EXIST', `Model Version (name=${String(body.name)}, version=${String(body.version)}) not found`);
        if (body.archive_existing_versions) for (const other of m.versions) if (other.current_stage === body.stage) other.current_stage = 'Archived';
        v.current_stage = String(body.stage);
        return ok(res, { model_version: withAliases(v.name, v) });
      }
      case 'GET registered-models/alias': {
        const m = model(q('name'));
        const version = m?.aliases.get(q('alias'));
        if (!m || !version) return error(res, 400, 'INVALID_PARAMETER_VALUE', `Registered model alias ${q('alias')} not found.`);
        return ok(res, {
          model_version: withAliases(
            q('name'),
            m.versions.find((v) => v.version === version)!,
          ),
        });
      }
      default:
        return error(res, 404, 'ENDPOINT_NOT_FOUND', `No API endpoint ${req.method} ${url.pathname}`);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const stages = (name: string) => Object.fromEntries((models.get(name)?.versions ?? []).map((v) => [v.version, v.current_stage]));
  const failNext = (path: string, status: number, times: number) => {
    failing.set(path, { status, times });
  };
  return {
    url: `http://127.0.0.1:${port}`,
    stages,
    artifacts,
    calls,
    failNext,
    runs,
    versionRun: (name: string, version: string) => models.get(name)?.versions.find((v) => v.version === version)?.run_id,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
