/**
 * A model server for the rollout tests: an ONNX model behind HTTP, run by onnxruntime-node
 * through the project's openModel, with the metrics a real service exposes and faults a test can
 * inject.
 *
 *   POST /predict  {"rows": [{"bill_length_mm": 39.1, ...}, ...]} or one row object
 *                  → {"variant", "predictions": [{"label", "probabilities"}]}
 *   POST /v2/models/<modelName>/infer  the KServe / Triton v2 inference protocol (REST):
 *                  {"inputs": [{"name", "shape", "datatype", "data"}], "outputs"?: [{"name"}]}
 *                  → {"model_name", "outputs": [{"name", "shape", "datatype", "data"}]}, data
 *                  flattened row-major; 400 {"error"} on a bad body, 404 {"error"} for another model
 *   GET  /v2/models/<modelName>  the model's metadata: {"name", "platform", "inputs", "outputs"}
 *   GET  /metrics  Prometheus text format 0.0.4: http_requests_total{variant,code} and the
 *                  http_request_duration_seconds{variant} histogram, for the two inference routes
 *   GET  /stats    {"requests", "errors", "latency_p99_ms"}: cumulative counts (errors = 5xx) and
 *                  the p99 (nearest rank) of the last 1000 requests, null before the first
 *   GET|POST /admin  read or set faults: {"failRate": 0.05, "delayMs": 200}
 *   GET  /admin/counts  {"requests", "errors", "byCode"}: what counts() returns
 *
 * Every response carries `x-model-variant: <variant>`, so a client behind a load balancer knows
 * which server answered.
 *
 * Faults are deterministic: with failRate r, the n-th inference request (/predict or v2) after r was set fails iff
 * floor(n·r) > floor((n-1)·r), so exactly floor(n·r) of the first n fail, evenly spread (r = 0.05:
 * every 20th). The decision is taken on arrival, in arrival order, so concurrency cannot change the
 * count. delayMs is waited before answering, failed answers included, and is part of the measured
 * duration.
 *
 * In the test process (startModelServer) or as a child process (spawnModelServer). A child keeps
 * serving while the test process is blocked (spawnSync of an action bundle) and is what to use when
 * a test kills or stalls things around it; in-process is quicker to start and its counts are
 * synchronous. A child exits when its stdin closes, so a crashed test leaves no server behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The model module rather than the package index: a child process transpiles every file it loads.
import { openModel, type Feeds, type ModelSession } from '../../packages/core/src/model/model-session.js';

export interface Faults {
  /** Share of /predict requests answered 500, 0..1 (deterministic, see above). */
  failRate?: number;
  /** Milliseconds added before every /predict answer. */
  delayMs?: number;
}

export interface ModelServerOptions {
  /** Path of the ONNX model. */
  model: string;
  /** The `variant` label and x-model-variant header, e.g. 'stable' or 'canary'. */
  variant: string;
  /** 0 (default) for any free port. */
  port?: number;
  faults?: Faults;
  /** Columns of a matrix input, in order; default: the model's `feature_names` metadata. */
  features?: string[];
  /** The name in v2 URLs (/v2/models/<modelName>/infer); default: the model file's name without .onnx. */
  modelName?: string;
}

export interface ServerCounts {
  /** /predict requests answered, any status. */
  requests: number;
  /** Of those, 5xx. */
  errors: number;
  byCode: Record<string, number>;
}

export interface ModelServer {
  url: string;
  /** The model's name in v2 URLs. */
  modelName: string;
  port: number;
  variant: string;
  /** The serving process: this one in-process, the child's otherwise. */
  pid: number;
  /** Merges into the current faults; a given failRate restarts its every-k-th sequence. Returns the faults now in force. */
  setFaults(faults: Faults): Promise<Required<Faults>>;
  counts(): Promise<ServerCounts>;
  close(): Promise<void>;
}

export interface InProcessModelServer extends ModelServer {
  /** The same as counts(), synchronously. */
  countsNow(): ServerCounts;
}

export interface SpawnedModelServer extends ModelServer {
  child: ChildProcess;
}

/** Upper bounds in seconds: fine below 10 ms, where an unloaded model answers, coarse above. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2.5];
/** How many recent requests /stats takes its p99 over. */
export const P99_WINDOW = 1000;
export const VARIANT_HEADER = 'x-model-variant';
/** Largest /predict body accepted. */
const MAX_BODY_BYTES = 1 << 20;

export async function startModelServer(options: ModelServerOptions): Promise<InProcessModelServer> {
  const model = await loadModel(options.model, options.features, modelNameOf(options));
  const state = new ServerState(options.variant, options.faults ?? {});
  const server = createServer((req, res) => {
    res.setHeader(VARIANT_HEADER, options.variant);
    handle(req, res, model, state).catch((e: unknown) => {
      if (!res.headersSent) reply(res, 500, { error: `model server bug: ${e instanceof Error ? e.message : String(e)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    modelName: model.name,
    port,
    variant: options.variant,
    pid: process.pid,
    setFaults: async (f) => state.setFaults(f),
    counts: async () => state.counts(),
    countsNow: () => state.counts(),
    close: () => closeServer(server).then(() => model.session.release()),
  };
}

/** The same server in a child Node process (see model-server-main.ts). */
export async function spawnModelServer(options: ModelServerOptions): Promise<SpawnedModelServer> {
  const dir = mkdtempSync(join(tmpdir(), 'model-server-'));
  const main = fileURLToPath(new URL('./model-server-main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', writeTsLoader(dir), main, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('did not start within 30 s')), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      reject(new Error(`model server '${options.variant}' (${options.model}): ${e.message}\n${stderr}`));
    };
    child.once('exit', (code) => fail(new Error(`exited with ${code} before listening`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    modelName: modelNameOf(options),
    port,
    variant: options.variant,
    pid: child.pid!,
    child,
    setFaults: async (f) => json(await fetch(`${url}/admin`, { method: 'POST', body: JSON.stringify(f) })),
    counts: async () => json(await fetch(`${url}/admin/counts`)),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An http-json metrics endpoint (`http-json+http://…`) over two model servers: GET answers
 * {"canary": <canary /stats>, "stable": <stable /stats>}.
 */
export async function startHttpJsonMetrics(servers: { canary: ModelServer; stable: ModelServer }): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    Promise.all([fetch(`${servers.canary.url}/stats`), fetch(`${servers.stable.url}/stats`)])
      .then(async ([c, s]) => reply(res, 200, { canary: await c.json(), stable: await s.json() }))
      .catch((e: unknown) => reply(res, 502, { error: String(e) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => closeServer(server) };
}

// ---- serving ----

function modelNameOf(options: ModelServerOptions): string {
  return options.modelName ?? basename(options.model).replace(/\.onnx$/i, '');
}

interface LoadedModel {
  name: string;
  session: ModelSession;
  /** Builds the feeds for rows that have every feature (checked before). */
  feeds(rows: Record<string, number>[]): Feeds;
  features: string[];
  classes?: string[];
  labelOutput?: string;
  probabilityOutput?: string;
  /** Models with neither a label nor a probability output: the first output, per row. */
  valueOutput?: string;
}

async function loadModel(path: string, features: string[] | undefined, name: string): Promise<LoadedModel> {
  const session = await openModel(path);
  const { ort } = session;
  const metadata = session.info.metadata;
  const classes = metadata.classes ? nameList(metadata.classes) : undefined;
  const matrix =
    session.inputs.length === 1 &&
    !(features ?? []).includes(session.inputs[0].name) &&
    session.inputs[0].shape.length === 2 &&
    session.inputs[0].shape[1] !== 1;
  const names = matrix ? (features ?? (metadata.feature_names ? nameList(metadata.feature_names) : undefined)) : session.inputs.map((i) => i.name);
  if (!names) throw new Error(`${path} takes one feature matrix and has no feature_names metadata; pass features.`);
  const float = (values: Float32Array, dims: number[]) => new ort.Tensor('float32', values, dims);
  const labelOutput = session.outputs.find((o) => o.name === 'label')?.name;
  const probabilityOutput = session.outputs.find((o) => o.name === 'probabilities')?.name;
  return {
    name,
    session,
    features: names,
    classes,
    labelOutput,
    probabilityOutput,
    valueOutput: labelOutput || probabilityOutput ? undefined : session.outputs[0]?.name,
    feeds: (rows) => {
      if (matrix) {
        const data = new Float32Array(rows.length * names.length);
        rows.forEach((row, r) =>
          names.forEach((name, j) => {
            data[r * names.length + j] = row[name];
          }),
        );
        return { [session.inputs[0].name]: float(data, [rows.length, names.length]) };
      }
      return Object.fromEntries(
        names.map((name) => [
          name,
          float(
            Float32Array.from(rows, (row) => row[name]),
            [rows.length, 1],
          ),
        ]),
      );
    },
  };
}

function nameList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // a comma list
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

class ServerState {
  private faults: Required<Faults> = { failRate: 0, delayMs: 0 };
  /** /predict requests since failRate was set, and how many of them were failed. */
  private sinceRate = 0;
  private failedSinceRate = 0;
  private readonly byCode = new Map<number, number>();
  private readonly buckets = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  private count = 0;
  private sum = 0;
  private readonly recent: number[] = [];
  private next = 0;

  constructor(
    readonly variant: string,
    faults: Faults,
  ) {
    this.setFaults(faults);
  }

  setFaults(f: Faults): Required<Faults> {
    if (f.failRate !== undefined) {
      if (!(f.failRate >= 0 && f.failRate <= 1)) throw new RangeError(`failRate ${f.failRate} is outside 0..1`);
      this.faults.failRate = f.failRate;
      this.sinceRate = 0;
      this.failedSinceRate = 0;
    }
    if (f.delayMs !== undefined) {
      if (!(f.delayMs >= 0 && Number.isFinite(f.delayMs))) throw new RangeError(`delayMs ${f.delayMs} is not a duration`);
      this.faults.delayMs = f.delayMs;
    }
    return { ...this.faults };
  }

  getFaults(): Required<Faults> {
    return { ...this.faults };
  }

  /** Whether this request fails: the every-k-th rule, taken on arrival. */
  arrive(): boolean {
    this.sinceRate++;
    // The epsilon keeps 0.05 × 20 from flooring to 0.
    const due = Math.floor(this.sinceRate * this.faults.failRate + 1e-9);
    if (due <= this.failedSinceRate) return false;
    this.failedSinceRate = due;
    return true;
  }

  record(code: number, seconds: number): void {
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]) this.buckets[i]++;
    this.count++;
    this.sum += seconds;
    if (this.recent.length < P99_WINDOW) this.recent.push(seconds);
    else this.recent[this.next] = seconds;
    this.next = (this.next + 1) % P99_WINDOW;
  }

  counts(): ServerCounts {
    const byCode = Object.fromEntries([...this.byCode].sort((a, b) => a[0] - b[0]).map(([c, n]) => [String(c), n]));
    const errors = [...this.byCode].filter(([c]) => c >= 500).reduce((s, [, n]) => s + n, 0);
    return { requests: this.count, errors, byCode };
  }

  stats(): { requests: number; errors: number; latency_p99_ms: number | null } {
    const { requests, errors } = this.counts();
    if (this.recent.length === 0) return { requests, errors, latency_p99_ms: null };
    const sorted = [...this.recent].sort((a, b) => a - b);
    const p99 = sorted[Math.ceil(0.99 * sorted.length) - 1];
    return { requests, errors, latency_p99_ms: p99 * 1000 };
  }

  /** Text exposition format 0.0.4. The counter has a series per status code seen; the histogram is there from the start. */
  metrics(): string {
    const v = `variant="${escapeLabel(this.variant)}"`;
    const lines = [
      '# HELP http_requests_total Requests to /predict, by variant and HTTP status code.',
      '# TYPE http_requests_total counter',
      ...[...this.byCode].sort((a, b) => a[0] - b[0]).map(([code, n]) => `http_requests_total{${v},code="${code}"} ${n}`),
      '# HELP http_request_duration_seconds Time to answer /predict, injected delay included.',
      '# TYPE http_request_duration_seconds histogram',
      ...LATENCY_BUCKETS.map((le, i) => `http_request_duration_seconds_bucket{${v},le="${le}"} ${this.buckets[i]}`),
      `http_request_duration_seconds_bucket{${v},le="+Inf"} ${this.count}`,
      `http_request_duration_seconds_sum{${v}} ${this.sum}`,
      `http_request_duration_seconds_count{${v}} ${this.count}`,
    ];
    return lines.join('\n') + '\n';
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

async function handle(req: IncomingMessage, res: ServerResponse, model: LoadedModel, state: ServerState): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/predict' && req.method === 'POST') return predict(req, res, model, state);
  const v2 = /^\/v2\/models\/([^/]+)(?:\/versions\/[^/]+)?(\/infer)?$/.exec(path);
  if (v2) {
    const name = decodeURIComponent(v2[1]);
    if (name !== model.name) return reply(res, 404, { error: `Request for unknown model: '${name}' is not found; this server serves '${model.name}'` });
    if (v2[2] && req.method === 'POST') return inferV2(req, res, model, state);
    if (!v2[2] && req.method === 'GET') return reply(res, 200, v2Metadata(model));
  }
  if (path === '/metrics' && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(state.metrics());
    return;
  }
  if (path === '/stats' && req.method === 'GET') return reply(res, 200, state.stats());
  if (path === '/admin/counts' && req.method === 'GET') return reply(res, 200, state.counts());
  if (path === '/admin' && req.method === 'GET') return reply(res, 200, state.getFaults());
  if (path === '/admin' && req.method === 'POST') {
    const body = await readJson(req);
    if (!body.ok) return reply(res, 400, { error: body.error });
    try {
      return reply(res, 200, state.setFaults(body.value as Faults));
    } catch (e) {
      return reply(res, 400, { error: (e as Error).message });
    }
  }
  reply(res, 404, { error: `no ${req.method} ${path}; try POST /predict, POST /v2/models/<name>/infer, GET /metrics, GET /stats, GET|POST /admin` });
}

/** What every inference route does first: count it, read the body, wait the delay, fail if due. Undefined when answered. */
async function arrive(req: IncomingMessage, res: ServerResponse, state: ServerState): Promise<unknown> {
  const started = process.hrtime.bigint();
  const fail = state.arrive();
  const { delayMs } = state.getFaults();
  res.once('finish', () => state.record(res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
  const body = await readJson(req);
  if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  if (fail) return reply(res, 500, { error: 'injected failure' });
  if (!body.ok) return reply(res, 400, { error: body.error });
  return body.value;
}

async function predict(req: IncomingMessage, res: ServerResponse, model: LoadedModel, state: ServerState): Promise<void> {
  const value = await arrive(req, res, state);
  if (res.headersSent) return;
  const rows = parseRows(value, model.features);
  if (typeof rows === 'string') return reply(res, 400, { error: rows });
  const out = await model.session.run(model.feeds(rows));
  const n = rows.length;
  const predictions = rows.map((_, r) => {
    const p: { label?: string | number; probabilities?: number[]; value?: number[] } = {};
    if (model.labelOutput) {
      const raw = out[model.labelOutput].data[r];
      p.label = typeof raw === 'string' ? raw : (model.classes?.[Number(raw)] ?? Number(raw));
    }
    if (model.probabilityOutput) {
      const t = out[model.probabilityOutput];
      const width = t.size / n;
      p.probabilities = Array.from(t.data as Float32Array).slice(r * width, (r + 1) * width);
    }
    if (model.valueOutput) {
      const t = out[model.valueOutput];
      const width = t.size / n;
      p.value = Array.from(t.data as Float32Array, Number).slice(r * width, (r + 1) * width);
    }
    return p;
  });
  reply(res, 200, { variant: state.variant, predictions });
}

// ---- the v2 inference protocol (KServe "Open Inference Protocol", REST) ----

/** onnxruntime tensor types and their v2 names (the spec's "Tensor Data Types"). */
const V2_TYPES: Record<string, string> = {
  float32: 'FP32',
  float64: 'FP64',
  int64: 'INT64',
  int32: 'INT32',
  uint8: 'UINT8',
  int8: 'INT8',
  bool: 'BOOL',
  string: 'BYTES',
};

function v2Metadata(model: LoadedModel) {
  const spec = (t: { name: string; type?: string; shape: ReadonlyArray<number | string> }) => ({
    name: t.name,
    datatype: V2_TYPES[t.type ?? ''] ?? String(t.type),
    shape: t.shape.map((d) => (typeof d === 'number' ? d : -1)),
  });
  return { name: model.name, platform: 'onnxruntime_onnx', inputs: model.session.inputs.map(spec), outputs: model.session.outputs.map(spec) };
}

async function inferV2(req: IncomingMessage, res: ServerResponse, model: LoadedModel, state: ServerState): Promise<void> {
  const body = await arrive(req, res, state);
  if (res.headersSent) return;
  const feeds = v2Feeds(body, model);
  if (typeof feeds === 'string') return reply(res, 400, { error: feeds });
  const asked = isObject(body) && Array.isArray(body.outputs) ? body.outputs.map((o) => (isObject(o) ? String(o.name) : '')) : undefined;
  const unknown = asked?.find((n) => !model.session.outputs.some((o) => o.name === n));
  if (unknown !== undefined)
    return reply(res, 400, { error: `unknown output '${unknown}'; the model's outputs are ${model.session.outputs.map((o) => o.name).join(', ')}` });
  const out = await model.session.run(feeds, asked);
  const outputs = Object.entries(out).map(([name, t]) => ({
    name,
    shape: [...t.dims],
    datatype: V2_TYPES[t.type] ?? t.type.toUpperCase(),
    data: Array.from(t.data as ArrayLike<number | bigint | string>, (v) => (typeof v === 'bigint' ? Number(v) : t.type === 'bool' ? v === 1 : v)),
  }));
  const id = isObject(body) && typeof body.id === 'string' ? { id: body.id } : {};
  reply(res, 200, { model_name: model.name, ...id, outputs });
}

/** The request's tensors as feeds, each checked against the model's input: or why not (a 400). */
function v2Feeds(body: unknown, model: LoadedModel): Feeds | string {
  if (!isObject(body) || !Array.isArray(body.inputs) || body.inputs.length === 0) return 'the request needs "inputs": [{"name", "shape", "datatype", "data"}]';
  const { ort } = model.session;
  const feeds: Feeds = {};
  for (const [i, input] of body.inputs.entries()) {
    if (!isObject(input) || typeof input.name !== 'string') return `inputs[${i}] has no "name"`;
    const spec = model.session.inputs.find((s) => s.name === input.name);
    if (!spec) return `unexpected input '${input.name}'; the model's inputs are ${model.session.inputs.map((s) => s.name).join(', ')}`;
    const want = V2_TYPES[spec.type ?? ''];
    if (input.datatype !== want) return `input '${spec.name}' has datatype ${JSON.stringify(input.datatype)}; the model takes ${want}`;
    const shape = input.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) return `input '${spec.name}' has no "shape" of whole numbers`;
    if (spec.shape.length > 0 && (shape.length !== spec.shape.length || spec.shape.some((d, k) => typeof d === 'number' && d >= 0 && d !== shape[k])))
      return `input '${spec.name}' has shape [${shape.join(', ')}]; the model takes [${spec.shape.map((d) => (typeof d === 'number' ? d : -1)).join(', ')}]`;
    if (!Array.isArray(input.data)) return `input '${spec.name}' has no "data" array`;
    // The spec allows the data flat (row-major) or nested as the shape.
    const data = (input.data as unknown[]).flat(Infinity);
    const size = (shape as number[]).reduce((a, b) => a * b, 1);
    if (data.length !== size) return `input '${spec.name}' has ${data.length} values for shape [${shape.join(', ')}], which holds ${size}`;
    const bad = data.findIndex((v) =>
      want === 'BYTES' ? typeof v !== 'string' : want === 'BOOL' ? typeof v !== 'boolean' : typeof v !== 'number' && v !== null,
    );
    if (bad >= 0) return `input '${spec.name}' has ${JSON.stringify(data[bad])} at ${bad}, not a ${want} value`;
    feeds[spec.name] = new ort.Tensor(spec.type as 'float32', v2Values(spec.type!, data) as Float32Array, shape as number[]);
  }
  const missing = model.session.inputs.find((s) => !(s.name in feeds));
  if (missing) return `input '${missing.name}' is missing`;
  return feeds;
}

function v2Values(type: string, data: unknown[]): unknown {
  const num = (v: unknown) => (v === null ? NaN : (v as number));
  switch (type) {
    case 'float32':
      return Float32Array.from(data, num);
    case 'float64':
      return Float64Array.from(data, num);
    case 'int64':
      return BigInt64Array.from(data, (v) => BigInt(Math.trunc(num(v))));
    case 'int32':
      return Int32Array.from(data, num);
    case 'uint8':
    case 'bool':
      return Uint8Array.from(data, (v) => Number(v));
    case 'int8':
      return Int8Array.from(data, num);
    default:
      return data.map(String);
  }
}

/** Rows with every feature a number, or why not. */
function parseRows(body: unknown, features: string[]): Record<string, number>[] | string {
  const rows = isObject(body) && Array.isArray(body.rows) ? body.rows : [body];
  if (rows.length === 0) return 'rows is empty';
  for (const [i, row] of rows.entries()) {
    if (!isObject(row)) return `row ${i + 1} is not an object`;
    const bad = features.find((f) => typeof row[f] !== 'number');
    if (bad) return `row ${i + 1} has no number for ${bad}; every row needs ${features.join(', ')}`;
  }
  return rows as Record<string, number>[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > MAX_BODY_BYTES) return { ok: false, error: `body over ${MAX_BODY_BYTES} bytes` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`model server answered ${res.status}: ${body.error}`);
  return body;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections from clients would hold close() open.
    server.closeAllConnections();
  });
}

/**
 * Lets a child Node run the TypeScript sources as the tests see them: `.js` imports resolve to
 * the `.ts` beside them (as jest's moduleNameMapper does) and `.ts` files go through
 * typescript's transpileModule (no type check). Works on Node 20 and 24 alike, whatever syntax
 * the sources use. Returns the --import argument.
 */
export function writeTsLoader(dir: string): string {
  const typescript = createRequire(import.meta.url).resolve('typescript');
  const hooks = join(dir, 'ts-hooks.mjs');
  writeFileSync(
    hooks,
    `
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const ts = createRequire(import.meta.url)(${JSON.stringify(typescript)});
export function resolve(specifier, context, next) {
  if (/^\\.{1,2}\\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
    const asTs = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (!existsSync(new URL(specifier, context.parentURL)) && existsSync(asTs)) return { url: asTs.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}
export function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(readFileSync(fileName, 'utf8'), {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`,
  );
  const register = join(dir, 'ts-register.mjs');
  writeFileSync(
    register,
    `
import * as mod from 'node:module';
const hooks = ${JSON.stringify(pathToFileURL(hooks).href)};
// In-thread hooks where Node has them (22.15+, 24), the loader thread otherwise (20).
if (mod.registerHooks) mod.registerHooks(await import(hooks));
else mod.register(hooks);
`,
  );
  return pathToFileURL(register).href;
}
