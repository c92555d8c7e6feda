// Telemetry against the nvidia-smi stand-in: samples per GPU, the summary, the idle warning, and
// a GPU that falls off the bus mid-run (a warning, not a crash).
import { startTelemetry, summarizeTelemetry } from '../../src/gpu/telemetry.js';
import { L4, makeStandin } from '../../../../test/helpers/nvidia-smi-standin/standin.js';

const smi = makeStandin();

/** Sample until the stand-in answered `queries` telemetry queries (counting calls, not seconds). */
async function sampleFor(queries: number) {
  const before = smi.calls().length;
  const s = startTelemetry([0], { intervalMs: 50, command: smi.command });
  while (smi.calls().length - before < queries) await new Promise((r) => setTimeout(r, 20));
  return s.stop();
}

test('samples utilisation, memory, power and temperature; summary has the peak and the mean', async () => {
  smi.set({});
  const t = await sampleFor(2);
  expect(t.samples.length).toBeGreaterThanOrEqual(2);
  expect(t.samples[0]).toMatchObject({ gpu: 0, utilizationPct: 87, memoryUsedMiB: 422, powerW: 61.52, temperatureC: 54 });
  expect(t.gpus[0]).toMatchObject({ gpu: 0, meanUtilizationPct: 87, peakMemoryUsedMiB: 422 });
  expect(t.warnings).toEqual([]);
  expect(smi.calls().at(-1)).toBe('--query-gpu=index,utilization.gpu,memory.used,power.draw,temperature.gpu --format=csv,noheader,nounits');
});

test('a mostly idle GPU is a warning that asks whether the model is on it', () => {
  const t = summarizeTelemetry(
    [0],
    [0, 5, 4].map((u, i) => ({ atMs: i * 5000, gpu: 0, utilizationPct: u })),
    [],
    5000,
  );
  expect(t.warnings).toEqual([
    'GPU 0: mean utilisation 3%: is the model on the GPU? (tensors and model need .to("cuda"); a data loader that cannot keep up looks the same.)',
  ]);
});

test('[N/A] power (a card that does not report it) is absent, not zero', async () => {
  smi.set({ gpus: [{ ...L4, 'power.draw': '[N/A]' }] });
  const t = await sampleFor(1);
  expect(t.samples[0].powerW).toBeUndefined();
  expect(t.gpus[0].peakPowerW).toBeUndefined();
});

test('a GPU that disappears mid-run leaves a warning and the samples before it', async () => {
  smi.set({ lostAfter: 2 });
  const t = await sampleFor(4);
  expect(t.samples.length).toBe(2);
  expect(t.warnings).toEqual([
    expect.stringMatching(
      /^nvidia-smi stopped answering during training \(exit code 15: Unable to determine the device handle for GPU00000000:3B:00.0: GPU is lost/,
    ),
  ]);
});
