/**
 * GPU telemetry while a trainer runs: one nvidia-smi query every few seconds (a process start per
 * sample, far under 1% of a core at 5 s), kept in memory, summarised at the end. A GPU that
 * disappears or an nvidia-smi that stops answering is a warning in the summary, never a crash.
 */
import { parseCsvRows, runSmi, smiNumber } from './probe-gpu.js';

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
  /** Stop sampling (waits for a query in flight) and summarise. */
  stop(): Promise<TelemetrySummary>;
}

/** Sample the given GPU indices every `intervalMs` until stopped. */
export function startTelemetry(gpus: number[], options: { intervalMs: number; command?: string; now?: () => number }): TelemetrySampler {
  const command = options.command ?? 'nvidia-smi';
  const now = options.now ?? Date.now;
  const start = now();
  const samples: TelemetrySample[] = [];
  const warnings: string[] = [];
  const warnOnce = (w: string) => {
    if (!warnings.includes(w)) warnings.push(w);
  };
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const sampleOnce = async () => {
    const r = await runSmi(command, [`--query-gpu=${TELEMETRY_FIELDS}`, '--format=csv,noheader,nounits'], Math.max(15_000, 2 * options.intervalMs));
    const at = now() - start;
    if (r.code !== 0 || r.spawnError) {
      warnOnce(
        `nvidia-smi stopped answering during training (${r.spawnError ?? `exit code ${r.code}`}${firstLine(r.stdout + r.stderr)}): telemetry has gaps; the GPU may have fallen off the bus (check dmesg for Xid errors).`,
      );
      return;
    }
    const rows = parseCsvRows(r.stdout);
    for (const g of gpus) {
      const row = rows.find((x) => smiNumber(x[0]) === g);
      if (!row) {
        warnOnce(`GPU ${g} disappeared from nvidia-smi during training: telemetry has gaps; the GPU may have fallen off the bus (check dmesg for Xid errors).`);
        continue;
      }
      samples.push({
        atMs: at,
        gpu: g,
        utilizationPct: smiNumber(row[1]),
        memoryUsedMiB: smiNumber(row[2]),
        powerW: smiNumber(row[3]),
        temperatureC: smiNumber(row[4]),
      });
    }
  };
  const tick = () => {
    if (stopped) return;
    inFlight = sampleOnce().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  if (gpus.length > 0) tick();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
      return summarizeTelemetry(gpus, samples, warnings, options.intervalMs);
    },
  };
}

function firstLine(text: string): string {
  const l = text
    .split('\n')
    .map((s) => s.trim())
    .find(Boolean);
  return l ? `: ${l.slice(0, 200)}` : '';
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
