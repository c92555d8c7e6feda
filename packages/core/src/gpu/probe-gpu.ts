/**
 * What the runner's NVIDIA GPUs are, from nvidia-smi: recorded with every latency figure so a
 * number measured on one card is never read as another's.
 */
import { execFile } from 'node:child_process';

export interface GpuInfo {
  name: string;
  memoryMiB: number;
  driver: string;
}

/** The GPUs nvidia-smi lists; none when it is missing, fails, or hangs (5 s). */
export function probeGpus(command = 'nvidia-smi'): Promise<GpuInfo[]> {
  return new Promise((resolve) => {
    execFile(command, ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader,nounits'], { timeout: 5000 }, (error, stdout) => {
      if (error) return resolve([]);
      resolve(parseNvidiaSmi(stdout));
    });
  });
}

export function parseNvidiaSmi(csv: string): GpuInfo[] {
  return csv.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [name, memory, driver] = line.split(',').map((s) => s.trim());
    return { name, memoryMiB: Number(memory), driver: driver ?? '' };
  }).filter((g) => g.name && Number.isFinite(g.memoryMiB));
}
