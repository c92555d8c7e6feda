/**
 * GPU telemetry while a trainer runs: ONE long-running `nvidia-smi --query-gpu=… -lms <interval>`
 * whose rows stream in, one per GPU per loop (a process start per sample would cost a fork, an exec
 * and, without persistence mode, an NVML initialisation each time). Kept in memory, summarised at
 * the end. A GPU whose rows stop, or a loop that dies (restarted a couple of times with backoff),
 * is a warning in the summary, never a crash; stop() always ends the process and waits for it.
 *
 * Each row carries nvidia-smi's own `timestamp` (when it probed, "YYYY/MM/DD HH:MM:SS.mmm", local
 * time): a sample's time is the probe's, not the pipe's, should nvidia-smi's stdout ever be block
 * buffered. Local time has no zone, so a stamp more than a minute from the row's arrival (a DST
 * change, a clock step, a fake clock) falls back to the arrival time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { smiNumber } from './probe-gpu.js';

export const TELEMETRY_FIELDS = 'index,utilization.gpu,memory.used,power.draw,temperature.gpu';

export interface TelemetrySample {
  /** Milliseconds since sampling started. */
  atMs: number;
  gpu: number;
  utilizationPct?: number;
  memoryUsedMiB?: number;
  powerW?: number;
  temperatureC?: number;
}

export interface GpuTelemetrySummary {
  gpu: number;
  samples: number;
  meanUtilizationPct?: number;
  peakMemoryUsedMiB?: number;
  peakPowerW?: number;
  peakTemperatureC?: number;
}

export interface TelemetrySummary {
  intervalMs: number;
  samples: TelemetrySample[];
  gpus: GpuTelemetrySummary[];
  warnings: string[];
}

/** Below this mean utilisation the GPU sat mostly idle. */
export const IDLE_UTILIZATION_PCT = 10;

export interface TelemetrySampler {
  /** Stop sampling (ends the nvidia-smi loop, SIGTERM then SIGKILL, and waits for it) and summarise. */
  stop(): Promise<TelemetrySummary>;
}

export interface TelemetryOptions {
  intervalMs: number;
  command?: string;
  now?: () => number;
  /** Restarts of a loop that died, before sampling stops (default 2). */
  restarts?: number;
  /** After SIGTERM, how long stop() waits before SIGKILL (default 2 s). */
  graceMs?: number;
  /** A GPU with no row for this long, while others' rows or the process live, is lost (default max(3 intervals, 10 s)). */
  staleAfterMs?: number;
}

/** nvidia-smi's query: its probe time, then the telemetry fields. */
export const TELEMETRY_QUERY = `timestamp,${TELEMETRY_FIELDS}`;
const FIELD_COUNT = TELEMETRY_QUERY.split(',').length;

/** Sample the given GPU indices every `intervalMs` until stopped, from one nvidia-smi loop. */
export function startTelemetry(gpus: number[], options: TelemetryOptions): TelemetrySampler {
  const command = options.command ?? 'nvidia-smi';
  const now = options.now ?? Date.now;
  const restarts = options.restarts ?? 2;
  const graceMs = options.graceMs ?? 2000;
  const staleAfterMs = options.staleAfterMs ?? Math.max(3 * options.intervalMs, 10_000);
  const start = now();
  const startWall = Date.now();
  const samples: TelemetrySample[] = [];
  const warnings: string[] = [];
  const warnOnce = (w: string) => {
    if (!warnings.includes(w)) warnings.push(w);
  };
  const lastRowAt = new Map<number, number>();
  const lost = new Set<number>();
  let errorLine: string | undefined;
  let failure: string | undefined;
  let failures = 0;
  let gaveUp = false;
  let stopped = false;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let restartTimer: NodeJS.Timeout | undefined;
  const fellOff = 'the GPU may have fallen off the bus (check dmesg for Xid errors).';

  const checkStale = (at: number) => {
    const seen = [...lastRowAt.values()];
    if (seen.length === 0) return;
    const first = Math.min(...seen);
    for (const g of gpus) {
      if (lost.has(g) || at - (lastRowAt.get(g) ?? first) <= staleAfterMs) continue;
      lost.add(g);
      warnOnce(`GPU ${g} disappeared from nvidia-smi during training${errorLine ? ` (${errorLine})` : ''}: telemetry has gaps; ${fellOff}`);
    }
  };

  const onLine = (line: string) => {
    const text = line.trim();
    if (!text) return;
    const row = text.split(',').map((x) => x.trim());
    const g = smiNumber(row[1]);
    if (row.length !== FIELD_COUNT || g === undefined) {
      errorLine = text.slice(0, 200);
      return;
    }
    const arrival = now() - start;
    if (gpus.includes(g)) {
      const probed = smiTimestamp(row[0]);
      const at = probed !== undefined && Math.abs(probed - startWall - arrival) <= 60_000 ? Math.max(0, probed - startWall) : arrival;
      samples.push({
        atMs: at,
        gpu: g,
        utilizationPct: smiNumber(row[2]),
        memoryUsedMiB: smiNumber(row[3]),
        powerW: smiNumber(row[4]),
        temperatureC: smiNumber(row[5]),
      });
      lastRowAt.set(g, arrival);
    }
    checkStale(arrival);
  };

  const launch = () => {
    errorLine = undefined;
    const p = spawn(command, [`--query-gpu=${TELEMETRY_QUERY}`, '--format=csv,noheader,nounits', '-lms', String(Math.max(1, Math.round(options.intervalMs)))], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = p;
    let spawnError: string | undefined;
    const lines = (onText: (l: string) => void) => {
      let rest = '';
      return {
        data: (chunk: Buffer) => {
          const parts = (rest + chunk.toString('utf8')).split('\n');
          rest = parts.pop() ?? '';
          if (rest.length > 64 * 1024) rest = '';
          parts.forEach(onText);
        },
        end: () => rest && onText(rest),
      };
    };
    const out = lines(onLine);
    const err = lines((l) => {
      if (l.trim()) errorLine = l.trim().slice(0, 200);
    });
    p.stdout.on('data', out.data);
    p.stderr.on('data', err.data);
    exited = new Promise<void>((resolve) => {
      let done = false;
      const finish = (code: number | null) => {
        if (done) return;
        done = true;
        out.end();
        err.end();
        ended(code, spawnError);
        resolve();
      };
      p.on('error', (e: NodeJS.ErrnoException) => {
        spawnError = e.code ?? e.message;
        // 'close' follows a failed spawn too, but do not count on it.
        if (p.pid === undefined) setImmediate(() => finish(null));
      });
      p.on('close', (code) => finish(code));
    });
  };

  /** The loop process ended: by stop(), or by itself (restart with backoff, then give up). */
  const ended = (code: number | null, spawnError: string | undefined): void => {
    if (spawnError) {
      gaveUp = true;
      warnOnce(`${command} could not be started for GPU telemetry (${spawnError}): this run has no telemetry.`);
      return;
    }
    if (stopped) return;
    failures++;
    failure = `${code === null ? 'killed by a signal' : `exit code ${code}`}${errorLine ? `: ${errorLine}` : ''}`;
    if (failures > restarts) {
      gaveUp = true;
      warnOnce(`nvidia-smi stopped answering during training (${failure}): telemetry stopped after ${restarts} restarts; ${fellOff}`);
      return;
    }
    restartTimer = setTimeout(launch, options.intervalMs * 2 ** (failures - 1));
  };

  // Never leave the loop running when this process goes (an uncaught error, process.exit).
  const killOnExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  if (gpus.length > 0) {
    process.on('exit', killOnExit);
    launch();
  }

  return {
    async stop() {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      const p = child;
      if (p && p.exitCode === null && p.signalCode === null) {
        p.kill('SIGTERM');
        const force = setTimeout(() => p.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(force);
      } else await exited;
      process.off('exit', killOnExit);
      if (!gaveUp) checkStale(now() - start);
      if (failures > 0 && !gaveUp) warnOnce(`nvidia-smi stopped answering during training (${failure}): telemetry has gaps (it was restarted); ${fellOff}`);
      return summarizeTelemetry(gpus, samples, warnings, options.intervalMs);
    },
  };
}

/** nvidia-smi's timestamp ("2026/12/02 00:19:54.171", local time) in epoch milliseconds. */
export function smiTimestamp(text: string | undefined): number | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text ?? '');
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const t = new Date(y, mo - 1, d, h, mi, s, Number((m[7] ?? '0').padEnd(3, '0'))).getTime();
  return Number.isFinite(t) ? t : undefined;
}

export function summarizeTelemetry(gpus: number[], samples: TelemetrySample[], warnings: string[], intervalMs: number): TelemetrySummary {
  const out = { intervalMs, samples, gpus: [] as GpuTelemetrySummary[], warnings: [...warnings] };
  for (const g of gpus) {
    const mine = samples.filter((s) => s.gpu === g);
    const util = mine.map((s) => s.utilizationPct).filter((v): v is number => v !== undefined);
    const peak = (f: (s: TelemetrySample) => number | undefined) => {
      const vs = mine.map(f).filter((v): v is number => v !== undefined);
      return vs.length ? Math.max(...vs) : undefined;
    };
    const mean = util.length ? util.reduce((a, b) => a + b, 0) / util.length : undefined;
    out.gpus.push({
      gpu: g,
      samples: mine.length,
      meanUtilizationPct: mean,
      peakMemoryUsedMiB: peak((s) => s.memoryUsedMiB),
      peakPowerW: peak((s) => s.powerW),
      peakTemperatureC: peak((s) => s.temperatureC),
    });
    if (mean !== undefined && mean < IDLE_UTILIZATION_PCT)
      out.warnings.push(
        `GPU ${g}: mean utilisation ${Math.round(mean)}%: is the model on the GPU? (tensors and model need .to("cuda"); a data loader that cannot keep up looks the same.)`,
      );
  }
  return out;
}
