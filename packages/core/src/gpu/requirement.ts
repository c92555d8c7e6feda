/**
 * What a training step asks of the GPUs, checked against the probe before anything runs, and
 * which GPUs it gets (CUDA_VISIBLE_DEVICES). Each unmet requirement is one sentence.
 */
import { InputError } from '../shared/errors.js';
import type { GpuDevice, GpuProbe, GpuProcess } from './probe-gpu.js';

export interface GpuRequirement {
  /** How many GPUs; 'none' allows a CPU run and skips the probe's verdict. */
  count: number | 'none';
  /** Free memory each chosen GPU needs, in MiB. */
  minFreeMiB?: number;
  /** Run even when another process holds memory on a chosen GPU. */
  allowBusy: boolean;
  /** 'auto', or the indices / UUIDs to use (as CUDA_VISIBLE_DEVICES takes them). */
  devices: 'auto' | string[];
}

export interface GpuSelection {
  gpus: GpuDevice[];
  /** The value for CUDA_VISIBLE_DEVICES; undefined for a CPU run. */
  cudaVisibleDevices?: string;
}

/** The GPUs the step uses, or an InputError saying which requirement the runner does not meet. */
export function selectGpus(probe: GpuProbe, req: GpuRequirement): GpuSelection {
  if (req.count === 'none') return { gpus: probe.found ? probe.gpus : [] };
  if (!probe.found) throw new InputError(probe.message, { input: 'gpus' });
  const candidates = req.devices === 'auto' ? probe.gpus : req.devices.map((d) => findDevice(probe.gpus, d));
  const mib = req.minFreeMiB;
  const roomy = mib === undefined ? candidates : candidates.filter((g) => g.memoryFreeMiB === undefined || g.memoryFreeMiB >= mib);
  const usable = req.allowBusy ? roomy : roomy.filter((g) => holders(probe.processes, g).length === 0);
  if (usable.length >= req.count) {
    // Most free memory first, so 'auto' takes the emptiest cards; the order of a given list is kept.
    const chosen =
      req.devices === 'auto' ? [...usable].sort((a, b) => (b.memoryFreeMiB ?? 0) - (a.memoryFreeMiB ?? 0)).slice(0, req.count) : usable.slice(0, req.count);
    return { gpus: chosen, cudaVisibleDevices: chosen.map((g) => g.uuid || String(g.index)).join(',') };
  }
  throw new InputError(shortfall(probe.processes, candidates, roomy, { ...req, count: req.count }), { input: 'gpus' });
}

function findDevice(gpus: GpuDevice[], id: string): GpuDevice {
  const g = gpus.find((d) => String(d.index) === id || d.uuid === id);
  if (!g)
    throw new InputError(
      `Input 'cuda-visible-devices' names GPU '${id}', which nvidia-smi does not list (it lists ${gpus.map((d) => `${d.index} ${d.uuid}`).join(', ')}); give indices or UUIDs from that list, or auto.`,
      { input: 'cuda-visible-devices' },
    );
  return g;
}

function holders(processes: GpuProcess[], g: GpuDevice): GpuProcess[] {
  return processes.filter((p) => p.gpuUuid === g.uuid);
}

function shortfall(processes: GpuProcess[], candidates: GpuDevice[], roomy: GpuDevice[], req: GpuRequirement & { count: number }): string {
  const n = (k: number) => `${k} GPU${k === 1 ? '' : 's'}`;
  if (candidates.length < req.count)
    return `The step asks for ${n(req.count)} but the runner has ${n(candidates.length)}${req.devices === 'auto' ? '' : ' among cuda-visible-devices'}; lower gpus or run on a larger runner.`;
  if (roomy.length < req.count) {
    const free = candidates.map((g) => `GPU ${g.index} ${g.memoryFreeMiB ?? '?'} MiB`).join(', ');
    return `The step asks for ${n(req.count)} with ${req.minFreeMiB} MiB free each, but only ${roomy.length} ha${roomy.length === 1 ? 's' : 've'} that much (${free}); free the memory, lower min-free-memory, or use another runner.`;
  }
  const busy = roomy.flatMap((g) => holders(processes, g).map((p) => `pid ${p.pid} ${p.name || '?'} holds ${p.usedMemoryMiB ?? '?'} MiB on GPU ${g.index}`));
  return `Another process holds the GPU (${busy.join('; ')}): a trainer left over from an earlier job, or another job on this runner; end it, or set allow-busy-gpu: true to share the card.`;
}
