// A small model server for the canary tests: serves a real ONNX model (trained on penguins by
// test/models) with onnxruntime-node, exposes Prometheus metrics (http_requests_total{variant,code}
// and an http_request_duration_seconds histogram), and can be told to fail a share of requests
// or to be slow, as a bad model version would.
import { createServer, type Server } from 'node:http';
import { openModel, type ModelSession } from '../../packages/core/src/index.js';

/** Bucket edges in seconds: fine around the 150 ms threshold the seed pipeline uses. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2.5];

export interface Faults {
  /** Share of /predict requests answered 500: exactly every (1/failRate)-th on average, deterministic. */
  failRate?: number;
  /** Added to every /predict answer, ms. */
  delayMs?: number;
}

export interface ModelServer {
  name: string;
  port: number;
  address: string;
  setFaults(f: Faults): void;
  /** /predict requests answered, by status code. */
  counts(): Record<number, number>;
  close(): Promise<void>;
}

export async function startModelServer(name: string, modelPath: string, faults: Faults = {}): Promise<ModelServer> {
  const model: ModelSession = await openModel(modelPath);
  const input = model.inputs[0].name;
  let current = { ...faults };
  let seen = 0;
  let failed = 0;
  const byCode = new Map<number, number>();
  const buckets = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  let sum = 0;
  let count = 0;

  const observe = (code: number, seconds: number) => {
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
    sum += seconds;
    count++;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]) buckets[i]++;
  };

  const metrics = () => {
    const lines = ['# TYPE http_requests_total counter'];
    for (const [code, n] of byCode) lines.push(`http_requests_total{variant="${name}",code="${code}"} ${n}`);
    lines.push('# TYPE http_request_duration_seconds histogram');
    LATENCY_BUCKETS.forEach((le, i) => lines.push(`http_request_duration_seconds_bucket{variant="${name}",le="${le}"} ${buckets[i]}`));
    lines.push(`http_request_duration_seconds_bucket{variant="${name}",le="+Inf"} ${count}`);
    lines.push(`http_request_duration_seconds_sum{variant="${name}"} ${sum}`, `http_request_duration_seconds_count{variant="${name}"} ${count}`);
    return lines.join('\n') + '\n';
  };

  const server: Server = createServer(async (req, res) => {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      return res.end(metrics());
    }
    if (req.url !== '/predict' || req.method !== 'POST') {
      res.writeHead(404);
      return res.end('not found');
    }
    const started = process.hrtime.bigint();
    let body = '';
    for await (const chunk of req) body += chunk;
    let code = 200;
    let answer: string;
    try {
      const features = (JSON.parse(body) as { features: number[] }).features;
      const feeds = { [input]: new model.ort.Tensor('float32', Float32Array.from(features), [1, features.length]) };
      const out = await model.run(feeds, ['label']);
      answer = JSON.stringify({ label: Number((out.label?.data as ArrayLike<number | bigint> | undefined)?.[0] ?? -1), variant: name });
      // Fail exactly failRate of the requests, spread evenly: the count is known, not sampled.
      seen++;
      const rate = current.failRate ?? 0;
      if (Math.floor(seen * rate) > failed) {
        failed++;
        code = 500;
        answer = JSON.stringify({ error: 'injected failure', variant: name });
      }
    } catch (e) {
      code = 400;
      answer = JSON.stringify({ error: (e as Error).message });
    }
    if (current.delayMs) await new Promise((r) => setTimeout(r, current.delayMs));
    observe(code, Number(process.hrtime.bigint() - started) / 1e9);
    res.writeHead(code, { 'Content-Type': 'application/json', 'x-model-variant': name });
    res.end(answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    name, port, address: `127.0.0.1:${port}`,
    setFaults: (f) => { current = { ...f }; },
    counts: () => Object.fromEntries(byCode),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await model.release();
    },
  };
}
