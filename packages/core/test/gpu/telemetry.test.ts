// Telemetry against the nvidia-smi stand-in: ONE `nvidia-smi -lms` loop per run, its rows as
// samples, the summary, the idle warning, a GPU that falls off the bus mid-run (a warning, not a
// crash), and no loop process left behind by stop(). Waits count the stand-in's probes, not seconds.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smiTimestamp, startTelemetry, summarizeTelemetry, TELEMETRY_QUERY } from '../../src/gpu/telemetry.js';
import { L4, makeStandin } from '../../../../test/helpers/nvidia-smi-standin/standin.js';

const smi = makeStandin();
const LOOP_ARGS = `--query-gpu=${TELEMETRY_QUERY} --format=csv,noheader,nounits -lms 50`;

const tick = () => new Promise((r) => setTimeout(r, 20));
async function until(done: () => boolean) {
  while (!done()) await tick();
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Processes still running the stand-in of this test file (its state folder is in their argv). */
function standinsRunning(): number[] {
  const mine: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(smi.command)) mine.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return mine;
}

/** Sample until the stand-in made `probes` probes, then stop. */
async function sampleFor(probes: number, gpus = [0], more: Partial<Parameters<typeof startTelemetry>[1]> = {}) {
  const calls = smi.calls().length;
  const s = startTelemetry(gpus, { intervalMs: 50, command: smi.command, ...more });
  await until(() => smi.probes() >= probes);
  const t = await s.stop();
  return { t, calls: smi.calls().slice(calls) };
}

afterEach(() => expect(standinsRunning()).toEqual([]));

test('one nvidia-smi loop for the whole run; samples at its interval; summary has the peak and the mean', async () => {
  smi.set({});
  const pidsBefore = smi.pids().length;
  const { t, calls } = await sampleFor(6);
  expect(calls).toEqual([LOOP_ARGS]);
  expect(t.samples.length).toBeGreaterThanOrEqual(5);
  expect(t.samples[0]).toMatchObject({ gpu: 0, utilizationPct: 87, memoryUsedMiB: 422, powerW: 61.52, temperatureC: 54 });
  expect(t.gpus[0]).toMatchObject({ gpu: 0, samples: t.samples.length, meanUtilizationPct: 87, peakMemoryUsedMiB: 422 });
  expect(t.warnings).toEqual([]);
  // Times are nvidia-smi's probe times: in order, never closer than the interval (ms stamps: 2 ms slack).
  const at = t.samples.map((s) => s.atMs);
  for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(48);
  const pids = smi.pids().slice(pidsBefore);
  expect(pids).toHaveLength(1);
  expect(alive(pids[0])).toBe(false);
});

test('rows follow the GPU while the loop runs (the stand-in re-reads its state each loop)', async () => {
  smi.set({});
  const s = startTelemetry([0], { intervalMs: 50, command: smi.command });
  await until(() => smi.probes() >= 3);
  writeFileSync(join(smi.bin, 'gpus'), JSON.stringify({ ...L4, 'utilization.gpu': 5 }));
  const seen = smi.probes();
  await until(() => smi.probes() >= seen + 3);
  const t = await s.stop();
  const util = t.samples.map((x) => x.utilizationPct);
  expect(util).toContain(87);
  expect(util.at(-1)).toBe(5);
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
  const { t } = await sampleFor(2);
  expect(t.samples[0].powerW).toBeUndefined();
  expect(t.gpus[0].peakPowerW).toBeUndefined();
});

test('a GPU lost mid-run ends the loop (exit 15): restarted twice, then a warning; the samples before it stay', async () => {
  smi.set({ lostAfter: 2 });
  const calls = smi.calls().length;
  const pidsBefore = smi.pids().length;
  const s = startTelemetry([0], { intervalMs: 50, command: smi.command });
  // Each restart finds the GPU still lost; after the second the sampler gives up.
  await until(() => smi.pids().length - pidsBefore === 3 && !alive(smi.pids().at(-1)!));
  await until(() => standinsRunning().length === 0);
  const t = await s.stop();
  expect(smi.calls().slice(calls)).toEqual([LOOP_ARGS, LOOP_ARGS, LOOP_ARGS]);
  expect(t.samples.length).toBe(2);
  expect(t.warnings).toEqual([
    expect.stringMatching(
      /^nvidia-smi stopped answering during training \(exit code 15: Unable to determine the device handle for GPU00000000:3B:00.0: GPU is lost.*\): telemetry stopped after 2 restarts/,
    ),
  ]);
});

test('a GPU whose rows stop while the loop lives is a warning; the other GPU is still sampled', async () => {
  smi.set({ gpus: [L4, { ...L4, index: 1, uuid: 'GPU-second', 'utilization.gpu': 60 }], lostAfter: 2, lostKeepsLooping: true });
  const { t, calls } = await sampleFor(2 + 30, [0, 1], { staleAfterMs: 1000 });
  expect(calls).toEqual([LOOP_ARGS]);
  expect(t.gpus.find((g) => g.gpu === 0)?.samples).toBe(2);
  expect(t.gpus.find((g) => g.gpu === 1)?.samples).toBeGreaterThan(10);
  expect(t.warnings).toEqual([
    'GPU 0 disappeared from nvidia-smi during training (Unable to determine the device handle for GPU00000000:3B:00.0: GPU is lost.  Reboot the system to recover this GPU): telemetry has gaps; the GPU may have fallen off the bus (check dmesg for Xid errors).',
  ]);
});

test('stop() while nvidia-smi is still starting ends it and waits for it', async () => {
  smi.set({});
  const pidsBefore = smi.pids().length;
  const s = startTelemetry([0], { intervalMs: 50, command: smi.command });
  const t = await s.stop();
  expect(t.warnings).toEqual([]);
  expect(standinsRunning()).toEqual([]);
  for (const pid of smi.pids().slice(pidsBefore)) expect(alive(pid)).toBe(false);
});

test('no nvidia-smi: a warning, not a crash', async () => {
  const s = startTelemetry([0], { intervalMs: 50, command: join(smi.bin, 'missing', 'nvidia-smi') });
  const t = await s.stop();
  expect(t.samples).toEqual([]);
  expect(t.warnings).toEqual([expect.stringMatching(/could not be started for GPU telemetry \(ENOENT\): this run has no telemetry/)]);
});

test("nvidia-smi's timestamp is local time to the millisecond", () => {
  expect(smiTimestamp('2026/12/02 00:19:54.171')).toBe(new Date(2026, 11, 2, 0, 19, 54, 171).getTime());
  expect(smiTimestamp('[N/A]')).toBeUndefined();
});
