/**
 * A trainer runs in its own process group (spawned detached), so that the workers it forks
 * (data loaders, torchrun ranks) can be ended together: SIGTERM to the group first, so they can
 * save and release the GPU, SIGKILL after the grace period for whatever is left.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of live processes in process group `pgid`, from /proc (Linux); empty elsewhere. */
export function processesInGroup(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    // Zombies are dead already: they hold no GPU memory, only a slot in the process table.
    if (stat && stat.pgrp === pgid && stat.state !== 'Z') out.push(Number(name));
  }
  return out;
}

function readStat(pid: string): { state: string; pgrp: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ')'.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], pgrp: Number(rest[2]) };
  } catch {
    return undefined;
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nobody left in the group
  }
}

export interface GroupEnding {
  /** Pids that were alive when the ending began. */
  found: number[];
  /** Whether SIGKILL was needed after the grace period. */
  forced: boolean;
}

/** End every process of the group: SIGTERM, wait up to `graceMs`, then SIGKILL and wait for /proc to agree. */
export async function endGroup(pgid: number, graceMs: number): Promise<GroupEnding> {
  const found = processesInGroup(pgid);
  if (!signalGroup(pgid, 'SIGTERM') && found.length === 0) return { found, forced: false };
  if (await waitUntilEmpty(pgid, graceMs)) return { found, forced: false };
  signalGroup(pgid, 'SIGKILL');
  await waitUntilEmpty(pgid, 5000);
  return { found, forced: true };
}

/** The same, synchronously, for process 'exit' (a crash of the step itself): no waiting is possible there. */
export function killGroupNow(pgid: number): void {
  signalGroup(pgid, 'SIGKILL');
}

async function waitUntilEmpty(pgid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (processesInGroup(pgid).length === 0) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
