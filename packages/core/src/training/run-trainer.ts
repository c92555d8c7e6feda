/**
 * Run the trainer as a workflow `run:` step would, or as an argv list, streaming its output and
 * keeping the last lines for the error. The text is one argument to `bash -e -o pipefail -c`,
 * never a string that inputs are pasted into. On timeout or abort (the step cancelled) the whole
 * process group ends, politely then by force; if the step itself exits first, the group is killed.
 */
import { spawn } from 'node:child_process';
import { endGroup, killGroupNow, type GroupEnding } from './process-group.js';

export type TrainerCommand = { shell: string } | { argv: string[] };

export interface TrainerOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  graceMs: number;
  signal?: AbortSignal;
  /** Each output line, as the trainer wrote it (the caller makes it safe for the log). */
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Called with the group id as soon as the trainer started (the action saves it for its post step). */
  onStart?: (pgid: number) => void;
  tailLines?: number;
}

export interface TrainerResult {
  /** The trainer's exit code; 127 when it could not start, 128+n when a signal ended it. */
  exitCode: number;
  signal?: string;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  tail: string[];
  /** What had to be ended after a timeout or cancellation. */
  ended?: GroupEnding;
  /** The program could not be started at all (ENOENT for an argv list). */
  spawnError?: string;
  pgid?: number;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGABRT: 6, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 };

export function runTrainer(command: TrainerCommand, options: TrainerOptions): Promise<TrainerResult> {
  const [file, args] = 'shell' in command ? ['bash', ['-e', '-o', 'pipefail', '-c', command.shell]] : [command.argv[0], command.argv.slice(1)];
  const started = Date.now();
  const tail: string[] = [];
  const keep = options.tailLines ?? 20;
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pgid = child.pid;
    let timedOut = false;
    let cancelled = false;
    let ending: Promise<GroupEnding> | undefined;
    const killOnExit = () => {
      if (pgid) killGroupNow(pgid);
    };
    const stop = () => {
      if (pgid && !ending) ending = endGroup(pgid, options.graceMs);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    if (pgid) {
      process.on('exit', killOnExit);
      options.onStart?.(pgid);
    }
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    for (const [stream, readable] of [
      ['stdout', child.stdout],
      ['stderr', child.stderr],
    ] as const) {
      let partial = '';
      readable.setEncoding('utf8');
      readable.on('data', (chunk: string) => {
        const lines = (partial + chunk).split(/\r?\n/);
        partial = lines.pop() ?? '';
        for (const l of lines) emit(l, stream);
      });
      readable.on('end', () => {
        if (partial) emit(partial, stream);
        partial = '';
      });
    }
    function emit(line: string, stream: 'stdout' | 'stderr') {
      tail.push(line);
      if (tail.length > keep) tail.shift();
      options.onLine(line, stream);
    }

    let spawnError: string | undefined;
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e.code ?? e.message;
    });
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    // 'exit', not 'close': a worker left running keeps the output pipes open, and 'close' would wait for it.
    const finish = async (code: number | null, sig: NodeJS.Signals | null) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // The leader is gone; its workers may not be. End them whatever happened.
      if (pgid && !ending) ending = endGroup(pgid, options.graceMs);
      const ended = ending ? await ending : undefined;
      await closed; // the rest of the output, now that no process holds the pipes
      process.removeListener('exit', killOnExit);
      const exitCode = spawnError ? 127 : (code ?? 128 + (SIGNALS[sig ?? ''] ?? 0));
      resolve({
        exitCode,
        signal: sig ?? undefined,
        timedOut,
        cancelled,
        durationMs: Date.now() - started,
        tail,
        ended: ended && ended.found.length > 0 ? ended : undefined,
        spawnError,
        pgid,
      });
    };
    if (pgid === undefined) child.once('close', (code, sig) => void finish(code, sig));
    else child.once('exit', (code, sig) => void finish(code, sig));
  });
}
