/**
 * What the runner's NVIDIA GPUs are, from nvidia-smi: recorded with every latency figure so a
 * number measured on one card is never read as another's, and read before training so a missing
 * driver or a busy card fails the step up front instead of half-way through.
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
  return csv
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, memory, driver] = line.split(',').map((s) => s.trim());
      return { name, memoryMiB: Number(memory), driver: driver ?? '' };
    })
    .filter((g) => g.name && Number.isFinite(g.memoryMiB));
}

/** One GPU as training needs it. Values nvidia-smi reports as [N/A] or [Not Supported] are absent. */
export interface GpuDevice {
  index: number;
  uuid: string;
  name: string;
  memoryTotalMiB?: number;
  memoryFreeMiB?: number;
  driver: string;
  /** "Enabled" / "Disabled", absent on cards without MIG. */
  migMode?: string;
  /** Default, Exclusive_Process, Prohibited. */
  computeMode?: string;
}

/** A process holding GPU memory (nvidia-smi --query-compute-apps). */
export interface GpuProcess {
  pid: number;
  gpuUuid: string;
  name: string;
  usedMemoryMiB?: number;
}

export type GpuProbe =
  | { found: true; gpus: GpuDevice[]; processes: GpuProcess[]; cudaVersion?: string }
  | { found: false; why: 'missing' | 'driver' | 'no-devices' | 'failed'; message: string };

const GPU_FIELDS = 'index,uuid,name,memory.total,memory.free,driver_version,mig.mode.current,compute_mode';
export const APP_FIELDS = 'pid,gpu_uuid,process_name,used_memory';

export interface SmiResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** ENOENT and the like: the program could not be started. */
  spawnError?: string;
}

/** Run nvidia-smi once; never throws (its failures are data for the caller). */
export function runSmi(command: string, args: string[], timeoutMs = 10_000): Promise<SmiResult> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: unknown }) | null;
      if (e && typeof e.code === 'string') return resolve({ code: null, stdout: '', stderr: '', spawnError: e.code });
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Read every GPU, its driver and CUDA version, and the processes already holding memory. */
export async function probeGpuDevices(command = 'nvidia-smi'): Promise<GpuProbe> {
  const gpus = await runSmi(command, [`--query-gpu=${GPU_FIELDS}`, '--format=csv,noheader,nounits']);
  const failed = smiFailure(command, gpus);
  if (failed) return failed;
  const devices = parseCsvRows(gpus.stdout)
    .map(toDevice)
    .filter((d): d is GpuDevice => d !== undefined);
  if (devices.length === 0)
    return {
      found: false,
      why: 'no-devices',
      message: `${command} lists no GPU ("No devices were found"): this runner has no NVIDIA GPU the driver can see; run on a GPU runner (runs-on: [self-hosted, gpu]) or set gpus: none for a CPU run.`,
    };
  const apps = await runSmi(command, [`--query-compute-apps=${APP_FIELDS}`, '--format=csv,noheader,nounits']);
  const processes =
    apps.code === 0
      ? parseCsvRows(apps.stdout)
          .map(toProcess)
          .filter((p): p is GpuProcess => p !== undefined)
      : [];
  // The CUDA version the driver supports appears only in the plain table's header.
  const header = await runSmi(command, []);
  const cudaVersion = /CUDA Version:\s*([\d.]+)/.exec(header.stdout)?.[1];
  return { found: true, gpus: devices, processes, cudaVersion };
}

/** nvidia-smi's own failures, each as the sentence a person acts on; undefined when it answered. */
export function smiFailure(command: string, r: SmiResult): (GpuProbe & { found: false }) | undefined {
  if (r.spawnError === 'ENOENT')
    return {
      found: false,
      why: 'missing',
      message: `${command} was not found on PATH: the NVIDIA driver (which installs nvidia-smi) is missing on this runner; install it, run on a GPU runner, or set gpus: none for a CPU run.`,
    };
  if (r.spawnError)
    return { found: false, why: 'failed', message: `${command} could not be started (${r.spawnError}); check that it is an executable on this runner.` };
  const text = `${r.stdout}\n${r.stderr}`;
  if (/couldn't communicate with the NVIDIA driver/i.test(text))
    return {
      found: false,
      why: 'driver',
      message: `${command} could not reach the driver ("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver"): the kernel module is not loaded or does not match the installed driver; reboot the runner or reinstall the driver.`,
    };
  if (/No devices were found/i.test(text))
    return {
      found: false,
      why: 'no-devices',
      message: `${command} found no GPU ("No devices were found"): this runner has no NVIDIA GPU the driver can see; run on a GPU runner or set gpus: none for a CPU run.`,
    };
  if (r.code !== 0)
    return {
      found: false,
      why: 'failed',
      message: `${command} failed with exit code ${r.code ?? 'none (it was stopped or timed out)'}: ${firstLine(text) || 'no message'}; run it by hand on the runner to see why.`,
    };
  return undefined;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean)
      ?.slice(0, 300) ?? ''
  );
}

/** `--format=csv,noheader,nounits` rows: fields separated by ", ". */
export function parseCsvRows(csv: string): string[][] {
  return csv
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => line.split(',').map((s) => s.trim()));
}

/** A number, or undefined for [N/A], [Not Supported], [Unknown Error] and the like. */
export function smiNumber(text: string | undefined): number | undefined {
  if (text === undefined || text === '' || text.startsWith('[')) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

function smiText(text: string | undefined): string | undefined {
  return text === undefined || text === '' || text.startsWith('[') ? undefined : text;
}

function toDevice(row: string[]): GpuDevice | undefined {
  const [index, uuid, name, total, free, driver, mig, compute] = row;
  const i = smiNumber(index);
  if (i === undefined || !name) return undefined;
  return {
    index: i,
    uuid: uuid ?? '',
    name,
    memoryTotalMiB: smiNumber(total),
    memoryFreeMiB: smiNumber(free),
    driver: driver ?? '',
    migMode: smiText(mig),
    computeMode: smiText(compute),
  };
}

function toProcess(row: string[]): GpuProcess | undefined {
  // A process name may hold commas; pid and uuid come first and the memory last.
  const p = smiNumber(row[0]);
  if (p === undefined || row.length < 4) return undefined;
  return { pid: p, gpuUuid: row[1], name: row.slice(2, -1).join(', '), usedMemoryMiB: smiNumber(row.at(-1)) };
}
