/**
 * Open-loop load: request i is sent at start + i/rate whether or not earlier ones have been
 * answered, as independent users would send them, so a slow server raises the number in flight
 * instead of lowering the rate. When the event loop runs late, the overdue requests go out at
 * once and `maxLagMs` says by how much the schedule slipped.
 *
 * Runs in the test process: keep that process's event loop free while it runs (spawn, not
 * spawnSync, for anything started meanwhile).
 */
import { readFileSync } from 'node:fs';
import { VARIANT_HEADER } from './model-server.js';

export interface LoadOptions {
  url: string;
  /** Requests per second. */
  rate: number;
  /** Stop scheduling after this long; default: run until stop(). */
  durationMs?: number;
  /** JSON bodies, request i sends bodies[i % length]; default: none (GET). */
  bodies?: unknown[];
  /** Per-request limit; a request still open then is aborted and recorded as status 0. Default 10 s. */
  timeoutMs?: number;
}

export interface RequestRecord {
  /** Index in the schedule. */
  i: number;
  /** Epoch milliseconds when it was due and when it was sent. */
  dueAt: number;
  sentAt: number;
  latencyMs: number;
  /** HTTP status, or 0 for a network error or timeout. */
  status: number;
  /** The x-model-variant header of the answer; null when there was none. */
  variant: string | null;
}

export interface LoadSummary {
  /** Epoch milliseconds of the first due time. */
  startedAt: number;
  sent: number;
  completed: number;
  inFlight: number;
  /** The most requests open at once: above 1 whenever answers take longer than the interval. */
  maxInFlight: number;
  /** By status code; '0' counts network errors and timeouts. */
  byStatus: Record<string, number>;
  /** By answering server; a request with no variant header counts under 'unknown'. `errors` are 5xx and network errors. */
  byVariant: Record<string, { requests: number; errors: number }>;
  /** How late the latest-sent request left, at worst. */
  maxLagMs: number;
  /** Completed requests, in completion order. */
  records: RequestRecord[];
}

export interface LoadGenerator {
  /** Stops scheduling, waits for the requests in flight, and gives the final summary. */
  stop(): Promise<LoadSummary>;
  /** A snapshot so far. */
  summary(): LoadSummary;
  /** Settles with the final summary once durationMs has passed and the last answer is in (or after stop()). */
  done: Promise<LoadSummary>;
}

export function startLoad(options: LoadOptions): LoadGenerator {
  if (!(options.rate > 0)) throw new RangeError(`rate ${options.rate} is not a positive number of requests per second`);
  const interval = 1000 / options.rate;
  const total = options.durationMs === undefined ? Infinity : Math.floor((options.durationMs * options.rate) / 1000);
  const bodies = options.bodies?.map((b) => JSON.stringify(b));
  const timeoutMs = options.timeoutMs ?? 10_000;
  // performance.now() for the schedule (monotonic), Date.now() only to label it.
  const t0 = performance.now();
  const startedAt = Date.now();
  const records: RequestRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  let maxLagMs = 0;
  let maxInFlight = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const send = (i: number) => {
    const due = t0 + i * interval;
    const sent = performance.now();
    maxLagMs = Math.max(maxLagMs, sent - due);
    const body = bodies?.[i % bodies.length];
    const record = (status: number, variant: string | null) => {
      records.push({ i, dueAt: startedAt + (due - t0), sentAt: startedAt + (sent - t0), latencyMs: performance.now() - sent, status, variant });
    };
    const request = fetch(options.url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        record(res.status, res.headers.get(VARIANT_HEADER));
      })
      .catch(() => record(0, null));
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    maxInFlight = Math.max(maxInFlight, inFlight.size);
  };

  let finish!: () => void;
  const finished = new Promise<void>((r) => {
    finish = r;
  });
  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    while (next < total && t0 + next * interval <= now) send(next++);
    if (next >= total) {
      stopped = true;
      finish();
      return;
    }
    timer = setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
  };

  const summary = (): LoadSummary => {
    const byStatus: Record<string, number> = {};
    const byVariant: Record<string, { requests: number; errors: number }> = {};
    for (const r of records) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      const v = (byVariant[r.variant ?? 'unknown'] ??= { requests: 0, errors: 0 });
      v.requests++;
      if (r.status === 0 || r.status >= 500) v.errors++;
    }
    return { startedAt, sent: next, completed: records.length, inFlight: inFlight.size, maxInFlight, byStatus, byVariant, maxLagMs, records: [...records] };
  };
  const drain = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
    return summary();
  };
  const done = finished.then(drain);
  tick();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      finish();
      return done;
    },
    summary,
    done,
  };
}

/** Request bodies of one penguin each, `{"rows": [row]}`, from a CSV the test models wrote (penguins-test.csv). */
export function penguinBodies(
  csvPath: string,
  features: readonly string[] = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'],
): { rows: Record<string, number>[] }[] {
  const [header, ...lines] = readFileSync(csvPath, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const at = features.map((f) => {
    const j = header.indexOf(f);
    if (j < 0) throw new Error(`${csvPath} has no column ${f}`);
    return j;
  });
  return lines.map((cells) => ({ rows: [Object.fromEntries(features.map((f, k) => [f, Number(cells[at[k]])]))] }));
}
