// The probe and the requirement checks against the nvidia-smi stand-in, which answers with the
// real tool's fields, CSV format, texts and exit codes.
import { join } from 'node:path';
import { probeGpuDevices } from '../../src/gpu/probe-gpu.js';
import { selectGpus, type GpuRequirement } from '../../src/gpu/requirement.js';
import { isInputError } from '../../src/shared/errors.js';
import { L4, makeStandin } from '../../../../test/helpers/nvidia-smi-standin/standin.js';

const smi = makeStandin();
const ONE: GpuRequirement = { count: 1, allowBusy: false, devices: 'auto' };

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isInputError(e)) return e.message;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('probeGpuDevices', () => {
  beforeEach(() => smi.set({}));

  test('reads each GPU, the CUDA version and the processes holding memory; [N/A] is absent, not 0', async () => {
    smi.set({ apps: [{ pid: 4242, gpu_uuid: L4.uuid, process_name: 'python3, worker', used_memory: 1024 }] });
    const p = await probeGpuDevices(smi.command);
    expect(p).toEqual({
      found: true,
      cudaVersion: '12.4',
      gpus: [
        {
          index: 0,
          uuid: L4.uuid,
          name: 'NVIDIA L4',
          memoryTotalMiB: 23034,
          memoryFreeMiB: 22612,
          driver: '550.90.07',
          migMode: undefined,
          computeMode: 'Default',
        },
      ],
      processes: [{ pid: 4242, gpuUuid: L4.uuid, name: 'python3, worker', usedMemoryMiB: 1024 }],
    });
  });

  test('no nvidia-smi, the driver unreachable, no devices: each its own sentence', async () => {
    expect(await probeGpuDevices(join(smi.bin, 'missing'))).toMatchObject({
      found: false,
      why: 'missing',
      message: expect.stringMatching(/was not found on PATH.*gpus: none/),
    });
    smi.set({ mode: 'driver' });
    expect(await probeGpuDevices(smi.command)).toMatchObject({
      found: false,
      why: 'driver',
      message: expect.stringContaining("couldn't communicate with the NVIDIA driver"),
    });
    smi.set({ mode: 'no-devices' });
    expect(await probeGpuDevices(smi.command)).toMatchObject({ found: false, why: 'no-devices', message: expect.stringContaining('No devices were found') });
  });
});

describe('selectGpus', () => {
  test('a missing driver fails the step up front, unless gpus: none', async () => {
    smi.set({ mode: 'driver' });
    const p = await probeGpuDevices(smi.command);
    expect(failure(() => selectGpus(p, ONE))).toMatch(/could not reach the driver/);
    expect(selectGpus(p, { ...ONE, count: 'none' })).toEqual({ gpus: [] });
  });

  test('fewer GPUs than asked', async () => {
    smi.set({});
    const p = await probeGpuDevices(smi.command);
    expect(failure(() => selectGpus(p, { ...ONE, count: 2 }))).toBe('The step asks for 2 GPUs but the runner has 1 GPU; lower gpus or run on a larger runner.');
  });

  test('less free memory than asked', async () => {
    smi.set({ gpus: [{ ...L4, 'memory.free': 1000 }] });
    const p = await probeGpuDevices(smi.command);
    expect(failure(() => selectGpus(p, { ...ONE, minFreeMiB: 20480 }))).toMatch(
      /^The step asks for 1 GPU with 20480 MiB free each, but only 0 have that much \(GPU 0 1000 MiB\)/,
    );
  });

  test('another process holding the GPU is named; allow-busy-gpu shares the card', async () => {
    smi.set({ apps: [{ pid: 777, gpu_uuid: L4.uuid, process_name: 'python3', used_memory: 15000 }] });
    const p = await probeGpuDevices(smi.command);
    expect(failure(() => selectGpus(p, ONE))).toMatch(/^Another process holds the GPU \(pid 777 python3 holds 15000 MiB on GPU 0\)/);
    expect(selectGpus(p, { ...ONE, allowBusy: true }).cudaVisibleDevices).toBe(L4.uuid);
  });

  test('auto takes the emptiest free cards; a given list is kept in order and checked', async () => {
    const b = { ...L4, index: 1, uuid: 'GPU-bbbb', 'memory.free': 23000 };
    const c = { ...L4, index: 2, uuid: 'GPU-cccc', 'memory.free': 100 };
    smi.set({ gpus: [L4, b, c], apps: [{ pid: 9, gpu_uuid: 'GPU-bbbb', process_name: 'x', used_memory: 5 }] });
    const p = await probeGpuDevices(smi.command);
    expect(selectGpus(p, { ...ONE, count: 2 }).cudaVisibleDevices).toBe(`${L4.uuid},GPU-cccc`);
    expect(selectGpus(p, { ...ONE, count: 1, devices: ['2'] }).cudaVisibleDevices).toBe('GPU-cccc');
    expect(failure(() => selectGpus(p, { ...ONE, devices: ['7'] }))).toMatch(/^Input 'cuda-visible-devices' names GPU '7', which nvidia-smi does not list/);
  });
});
