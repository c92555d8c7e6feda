/**
 * Test helper: a folder holding the nvidia-smi stand-in and its state, to put first on PATH (or
 * call by path). See nvidia-smi beside this file for what it answers.
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const STANDIN = new URL('./nvidia-smi', import.meta.url).pathname;

export interface StandinGpu {
  index: number;
  uuid: string;
  name: string;
  'memory.total': number | string;
  'memory.free': number | string;
  'memory.used'?: number | string;
  driver_version?: string;
  'mig.mode.current'?: string;
  compute_mode?: string;
  'utilization.gpu'?: number | string;
  'power.draw'?: number | string;
  'temperature.gpu'?: number | string;
}

export const L4: StandinGpu = {
  index: 0,
  uuid: 'GPU-5f1c3a6e-1111-2222-3333-444455556666',
  name: 'NVIDIA L4',
  'memory.total': 23034,
  'memory.free': 22612,
  'memory.used': 422,
  driver_version: '550.90.07',
  'mig.mode.current': '[N/A]',
  compute_mode: 'Default',
  'utilization.gpu': 87,
  'power.draw': 61.52,
  'temperature.gpu': 54,
};

export interface Standin {
  /** The folder to put first on PATH: it holds `nvidia-smi`. */
  bin: string;
  /** The stand-in's path. */
  command: string;
  /** Env that points the stand-in at this state. */
  env: Record<string, string>;
  set(state: {
    mode?: 'ok' | 'driver' | 'no-devices';
    gpus?: StandinGpu[];
    apps?: { pid: number; gpu_uuid: string; process_name: string; used_memory: number | string }[];
    lostAfter?: number;
    /** In loop mode, a lost GPU 0's rows stop while the loop goes on (instead of exit 15). */
    lostKeepsLooping?: boolean;
    cuda?: string;
  }): void;
  calls(): string[];
  /** The process id of each invocation, in order. */
  pids(): number[];
  /** --query-gpu probes since the last set() (one per one-shot call or loop). */
  probes(): number;
}

export function makeStandin(): Standin {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-nvidia-smi-'));
  symlinkSync(STANDIN, join(dir, 'nvidia-smi'));
  const s: Standin = {
    bin: dir,
    command: join(dir, 'nvidia-smi'),
    env: { NVIDIA_SMI_STANDIN: dir },
    set(state) {
      writeFileSync(join(dir, 'mode'), state.mode ?? 'ok');
      writeFileSync(join(dir, 'gpus'), (state.gpus ?? [L4]).map((g) => JSON.stringify(g)).join('\n'));
      writeFileSync(join(dir, 'apps'), (state.apps ?? []).map((a) => JSON.stringify(a)).join('\n'));
      writeFileSync(join(dir, 'lost-after'), state.lostAfter === undefined ? '' : String(state.lostAfter));
      writeFileSync(join(dir, 'lost-keeps-looping'), state.lostKeepsLooping ? '1' : '');
      writeFileSync(join(dir, 'query-count'), '0');
      writeFileSync(join(dir, 'cuda'), state.cuda ?? '12.4');
    },
    calls: () => readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean),
    probes: () => Number(readFileSync(join(dir, 'query-count'), 'utf8') || 0),
    pids: () => readFileSync(join(dir, 'pids'), 'utf8').split('\n').filter(Boolean).map(Number),
  };
  writeFileSync(join(dir, 'calls'), '');
  writeFileSync(join(dir, 'pids'), '');
  s.set({});
  return s;
}
