/**
 * Which span of production data one monitor run reads: the last N before now (`24h`, `1h`, `7d`),
 * or `since-last-run`, from where the previous run's window ended (kept in a small JSON state file
 * the caller names) to now. Also the split of a window into hourly or daily sub-windows, for
 * drift per window.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { errnoCode } from '../shared/fs-errors.js';
import { InputError } from '../shared/errors.js';
import type { TimeWindow } from './production-source.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const DEFAULT_WINDOW_MS = DAY_MS;
export const STATE_SCHEMA = 'modelci/monitor-state@1';

const UNITS: Record<string, number> = { m: 60_000, min: 60_000, h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS };
const ACCEPTED = 'a duration such as 1h, 24h or 7d (the last N before now), or since-last-run';

export type WindowSpec = { kind: 'duration'; ms: number } | { kind: 'since-last-run' };

/** The window input's text; `input` names it in the sentence when it is not one of the accepted forms. */
export function parseWindowText(text: string, input = 'window'): WindowSpec {
  const t = text.trim();
  if (t.toLowerCase() === 'since-last-run') return { kind: 'since-last-run' };
  if (/^\d+(?:\.\d+)?$/.test(t)) throw new InputError(`Input '${input}' is '${t}': ${t} what? Write ${t}h or ${t}d, or since-last-run.`, { input });
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(t);
  const factor = m ? UNITS[m[2].toLowerCase()] : undefined;
  const ms = m && factor !== undefined ? Number(m[1]) * factor : NaN;
  if (!(ms >= 60_000) || !Number.isFinite(ms)) throw new InputError(`Input '${input}' is '${t}', not a window; write ${ACCEPTED}.`, { input });
  return { kind: 'duration', ms };
}

export interface ResolvedWindow {
  window: TimeWindow;
  /** Said when the window is not what the input literally asked: the first since-last-run. */
  note?: string;
}

export interface WindowContext {
  now: Date;
  /** The JSON file where since-last-run keeps the previous window's end. */
  statePath?: string;
  /** The window when no previous run is recorded; default 24 h. */
  fallbackMs?: number;
  input?: string;
  stateInput?: string;
}

export async function resolveWindow(spec: WindowSpec, ctx: WindowContext): Promise<ResolvedWindow> {
  const end = ctx.now;
  if (spec.kind === 'duration') return { window: { start: new Date(end.getTime() - spec.ms), end } };
  const input = ctx.input ?? 'window';
  if (ctx.statePath === undefined || ctx.statePath.trim() === '') {
    throw new InputError(
      `Input '${input}' is since-last-run, which needs a state file to remember the last run; give one (e.g. .modelci/monitor-state.json), or write a duration such as 24h.`,
      {
        input,
      },
    );
  }
  const fallback = ctx.fallbackMs ?? DEFAULT_WINDOW_MS;
  const last = await readLastEnd(ctx.statePath, ctx.stateInput ?? 'state-file');
  if (last === undefined) {
    return {
      window: { start: new Date(end.getTime() - fallback), end },
      note: `No previous run is recorded in ${ctx.statePath}: this first run reads the last ${describeMs(fallback)}.`,
    };
  }
  if (last.getTime() > end.getTime()) {
    return {
      window: { start: end, end },
      note: `The previous run ended at ${last.toISOString()}, after now (${end.toISOString()}): the clock moved back, so this run reads nothing new.`,
    };
  }
  return { window: { start: last, end } };
}

/** Where the previous run's window ended, or undefined when no run is recorded yet. */
async function readLastEnd(path: string, input: string): Promise<Date | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw new InputError(`State file ${path} cannot be read (${errnoCode(e) ?? 'error'}); check input '${input}'.`, { input, file: path });
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    state = undefined;
  }
  const end = (state as { schema?: unknown; lastWindowEnd?: unknown } | undefined)?.lastWindowEnd;
  const at = typeof end === 'string' ? new Date(end) : undefined;
  if ((state as { schema?: unknown } | undefined)?.schema !== STATE_SCHEMA || at === undefined || Number.isNaN(at.getTime())) {
    throw new InputError(`State file ${path} is not a monitor state (${STATE_SCHEMA} with lastWindowEnd); delete it to start again from the default window.`, {
      input,
      file: path,
    });
  }
  return at;
}

/** Records the end of the window this run read, for the next since-last-run (written atomically). */
export async function recordWindowEnd(path: string, end: Date, input = 'state-file'): Promise<void> {
  await writeFileAtomic(path, JSON.stringify({ schema: STATE_SCHEMA, lastWindowEnd: end.toISOString() }, null, 2) + '\n', {
    input,
    example: 'monitor-state.json',
  });
}

/** `hourly`, `daily` or `none` (one window) as a step in ms; undefined for none. */
export function parseSplitText(text: string, input = 'split'): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'hourly') return HOUR_MS;
  if (t === 'daily') return DAY_MS;
  if (t === 'none' || t === '') return undefined;
  throw new InputError(`Input '${input}' is '${text.trim()}'; write hourly, daily or none.`, { input });
}

/**
 * The window cut at every multiple of `stepMs` since the epoch: UTC hours or days, as the
 * partitions are. The first and last pieces may be partial; an empty window has none.
 */
export function splitWindow(window: TimeWindow, stepMs: number): TimeWindow[] {
  if (!(stepMs > 0)) throw new Error(`internal: split step ${stepMs}`);
  const start = window.start.getTime();
  const end = window.end.getTime();
  const out: TimeWindow[] = [];
  let at = start;
  while (at < end) {
    const next = Math.min(end, (Math.floor(at / stepMs) + 1) * stepMs);
    out.push({ start: new Date(at), end: new Date(next) });
    at = next;
  }
  return out;
}

function describeMs(ms: number): string {
  if (ms % DAY_MS === 0 && ms !== DAY_MS) return `${ms / DAY_MS} days`;
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS} h`;
  return `${ms / 60_000} min`;
}
