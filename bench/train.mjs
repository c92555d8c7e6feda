// `npm run bench -- train` (issue 12): what train-on-gpu's telemetry costs the trainer. The same
// CPU-bound PyTorch trainer (examples/training, a fixed number of epochs) runs through the
// committed `modelci train`, alternately without telemetry (--gpus none) and with it (--gpus 1:
// the nvidia-smi stand-in on PATH, one `-lms` loop sampling every --telemetry-interval). The trainer's own
// duration comes from the TrainingRun report, so the CLI's start and the GPU probe are not in it.
// Prints the medians, the overhead ratio and whether it is under the 1%; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STANDIN_GPU = {
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

/**
 * @param {{ root: string, cli: string, runs: number }} o
 */
export function benchTraining({ root, cli, runs }) {
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status !== 0) {
    console.error("The trainer needs PyTorch: apt-get install -y python3-torch (Debian's CPU build).");
    process.exit(2);
  }
  const dir = join(root, '.bench', 'train');
  rmSync(dir, { recursive: true, force: true });
  const smi = join(dir, 'smi');
  mkdirSync(smi, { recursive: true });
  symlinkSync(join(root, 'test/helpers/nvidia-smi-standin/nvidia-smi'), join(smi, 'nvidia-smi'));
  writeFileSync(join(smi, 'gpus'), JSON.stringify(STANDIN_GPU) + '\n');
  const epochs = Number(process.env.BENCH_TRAIN_EPOCHS ?? 400);
  const env = { ...process.env, PATH: `${smi}:/usr/bin:${process.env.PATH}`, NVIDIA_SMI_STANDIN: smi };

  /** One trainer run; its duration (ms) as the TrainingRun records it, and the telemetry samples taken. */
  const train = (telemetry) => {
    const out = join(dir, 'out');
    rmSync(out, { recursive: true, force: true });
    const gpu = telemetry ? ['--gpus', '1', '--telemetry-interval', telemetry] : ['--gpus', 'none'];
    const trainer = [python, join(root, 'examples/training/train.py'), '--epochs', String(epochs), '--hidden', '256', '--output-dir', out];
    const r = spawnSync(process.execPath, [cli, 'train', ...gpu, '--output-dir', out, '--', ...trainer], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`modelci train exited ${r.status}: ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(join(out, 'modelci-training-run.json'), 'utf8'));
    return { ms: report.durationMs, samples: report.telemetry?.samples ?? 0 };
  };

  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `\nTelemetry overhead on a CPU-bound trainer (examples/training, ${epochs} epochs, hidden 256), ${runs} alternating repetitions, Node ${process.version}\n`,
  );
  train(undefined); // warm the page cache and torch's import
  const rows = [];
  for (const interval of ['5s', '1s']) {
    const without = [];
    const withT = [];
    let samples = 0;
    for (let i = 0; i < runs; i++) {
      // Alternate, so a slow stretch of the machine falls on both sides.
      if (i % 2 === 0) {
        without.push(train(undefined).ms);
        const w = train(interval);
        withT.push(w.ms);
        samples += w.samples;
      } else {
        const w = train(interval);
        withT.push(w.ms);
        samples += w.samples;
        without.push(train(undefined).ms);
      }
    }
    rows.push({ interval, without: med(without), with: med(withT), samples: samples / runs, spread: [Math.min(...without), Math.max(...without)] });
  }
  console.log('| telemetry interval | trainer s, without | trainer s, with | samples per run | overhead | under 1% |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const overhead = r.with / r.without - 1;
    console.log(
      `| ${r.interval}${r.interval === '5s' ? ' (default)' : ''} | ${(r.without / 1000).toFixed(2)} | ${(r.with / 1000).toFixed(2)} | ${r.samples.toFixed(1)} | ${(overhead * 100).toFixed(2)}% | ${overhead < 0.01 ? 'yes' : 'NO'} |`,
    );
  }
  const noise = rows[0].spread;
  console.log(
    `\nRun-to-run spread without telemetry (5s row): ${(noise[0] / 1000).toFixed(2)}-${(noise[1] / 1000).toFixed(2)} s; an overhead inside it is noise, not cost.`,
  );
  // What the telemetry costs in CPU, measured alone: since issue 12's fix it is ONE nvidia-smi
  // loop process per run (`-lms <interval>`), so the cost is that process's CPU time (utime +
  // stime from /proc/<pid>/stat) over the run's wall time: the floor of the overhead on a trainer
  // that keeps every core busy, whatever the noise. Startup (one process start, and on a real
  // driver one NVML initialisation) is paid once per run; the steady state is per loop.
  const startupS = 3;
  const steadyS = Number(process.env.BENCH_TRAIN_CPU_SECONDS ?? 20);
  const tck = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  for (const ms of [5000, 1000]) {
    const query = `nvidia-smi --query-gpu=timestamp,index,utilization.gpu,memory.used,power.draw,temperature.gpu --format=csv,noheader,nounits -lms ${ms}`;
    const cpu = "awk '{print $14 + $15}' /proc/$p/stat";
    const script = `${query} > /dev/null & p=$!; sleep ${startupS}; a=$(${cpu}); sleep ${steadyS}; b=$(${cpu}); kill $p; wait $p; echo $a $b`;
    const r = spawnSync('bash', ['-c', script], { env, encoding: 'utf8' });
    const [a, b] = r.stdout.trim().split(/\s+/).map(Number);
    const total = b / tck / (startupS + steadyS);
    const steady = (b - a) / tck / steadyS;
    console.log(
      `The nvidia-smi loop at ${ms / 1000} s (the stand-in, a Python process; the real tool is a C binary): ${((b / tck) * 1000).toFixed(0)} ms of CPU over a ${startupS + steadyS} s run ` +
        `(${(total * 100).toFixed(2)}% of one core, its start included; ${(steady * 100).toFixed(2)}% in the steady state, ${(((b - a) / tck / (steadyS / (ms / 1000))) * 1000).toFixed(1)} ms per sample): ` +
        `${total < 0.01 ? 'under' : 'NOT under'} 1%.`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
