// The trainer runs in its own process group; on timeout or cancellation the whole tree ends
// (politely, then by force), checked in /proc, so no worker is left holding a GPU.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processesInGroup } from '../../src/training/process-group.js';
import { runTrainer, type TrainerOptions } from '../../src/training/run-trainer.js';

const cwd = mkdtempSync(join(tmpdir(), 'modelci-trainer-'));
function options(over: Partial<TrainerOptions> = {}): TrainerOptions & { lines: string[] } {
  const lines: string[] = [];
  return { cwd, env: { PATH: process.env.PATH }, timeoutMs: 600_000, graceMs: 2000, onLine: (l) => lines.push(l), lines, ...over };
}

// Three data-loader-like workers, forked and waited for, as torch's DataLoader does.
const FORKING = 'for i in 1 2 3; do sleep 300 & done; echo started; wait';

test("the output streams line by line and the exit code is the trainer's, with the last lines kept", async () => {
  const o = options();
  const r = await runTrainer({ shell: 'echo one; echo two >&2; printf "three"; exit 3' }, o);
  expect(r.exitCode).toBe(3);
  expect(o.lines.sort()).toEqual(['one', 'three', 'two']);
  expect(r.tail).toHaveLength(3);
});

test('the run text is one argument to bash -e -o pipefail: a failing command in a pipe fails the step', async () => {
  const r = await runTrainer({ shell: 'false | cat; echo not reached' }, options());
  expect(r.exitCode).toBe(1);
  expect(r.tail).not.toContain('not reached');
});

test('an argv list runs with no shell: its arguments are never interpreted', async () => {
  const o = options();
  const r = await runTrainer({ argv: ['printf', '%s\\n', '$(touch /tmp/modelci-pwned); `id`'] }, o);
  expect(r.exitCode).toBe(0);
  expect(o.lines).toEqual(['$(touch /tmp/modelci-pwned); `id`']);
});

test('a program that does not exist is exit code 127', async () => {
  expect((await runTrainer({ argv: ['modelci-no-such-trainer'] }, options())).exitCode).toBe(127);
  expect((await runTrainer({ shell: 'modelci-no-such-trainer --epochs 3' }, options())).exitCode).toBe(127);
});

test('on timeout the trainer and every worker it forked are ended; /proc shows none left', async () => {
  let pgid = 0;
  const r = await runTrainer(
    { shell: FORKING },
    options({
      timeoutMs: 1500,
      onStart: (g) => {
        pgid = g;
      },
    }),
  );
  expect(r.timedOut).toBe(true);
  expect(r.ended?.found.length).toBeGreaterThanOrEqual(4); // bash and its three workers
  expect(r.ended?.forced).toBe(false); // SIGTERM was enough
  expect(processesInGroup(pgid)).toEqual([]);
});

test("cancellation (the step's SIGINT/SIGTERM as an abort) ends the tree; a worker ignoring SIGTERM gets SIGKILL after the grace period", async () => {
  const controller = new AbortController();
  let pgid = 0;
  const o = options({
    signal: controller.signal,
    graceMs: 500,
    onStart: (g) => {
      pgid = g;
    },
  });
  const running = runTrainer({ shell: `trap '' TERM; ${FORKING}` }, o);
  while (!o.lines.includes('started')) await new Promise((r) => setTimeout(r, 50));
  expect(processesInGroup(pgid).length).toBeGreaterThanOrEqual(4);
  controller.abort();
  const r = await running;
  expect(r.cancelled).toBe(true);
  expect(r.ended?.forced).toBe(true);
  expect(r.exitCode).toBe(137);
  expect(processesInGroup(pgid)).toEqual([]);
});

test('workers left behind by a trainer that exited are ended too, and reported', async () => {
  let pgid = 0;
  const r = await runTrainer(
    { shell: '(sleep 300 &) ; echo done' },
    options({
      onStart: (g) => {
        pgid = g;
      },
    }),
  );
  expect(r.exitCode).toBe(0);
  expect(r.ended?.found.length).toBe(1);
  expect(processesInGroup(pgid)).toEqual([]);
});
