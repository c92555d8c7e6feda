/**
 * A lock between processes, on one machine or a shared (network) filesystem, that two writers can
 * never both hold:
 * - taken by link(2)ing a complete lock file (owner host, pid, token) into place: atomic, also
 *   over NFS, and never visible empty;
 * - held under a lease: the holder touches it every few seconds, so a lock untouched for longer
 *   than the lease is a dead writer's, on whatever host it ran; on this host a dead pid counts at
 *   once, and an empty or garbled lock (an older modelci killed while writing it) after a moment;
 * - taken over atomically: the stale lock is renamed to a unique name, and only the writer whose
 *   rename moved the very lock it judged stale proceeds (one that moved a newer lock puts it back);
 * - fenced: the work checks, before it commits, that the lock is still its own.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { InputError, ServiceError } from '../shared/errors.js';

/** A lock untouched this long belongs to a dead (or frozen) writer. */
export const LEASE_MS = 30_000;
/** An empty or unreadable lock this old was left by a writer killed while creating it. */
const GARBLED_GRACE_MS = 2_000;

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  leaseMs?: number;
}

/** Throws unless the lock is still held by this writer: call it right before committing. */
export type Fence = () => Promise<void>;

interface Seen {
  raw: string;
  ino: number;
  mtimeMs: number;
}

export async function withFileLock<T>(lockPath: string, work: (fence: Fence) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const token = randomBytes(12).toString('hex');
  const raw = `${JSON.stringify({ host: hostname(), pid: process.pid, token })}\n`;
  await acquire(lockPath, raw, leaseMs, options.timeoutMs ?? 60_000);
  const heartbeat = setInterval(
    () => {
      void holds(lockPath, raw)
        .then((mine) => (mine ? utimes(lockPath, new Date(), new Date()) : undefined))
        .catch(() => undefined);
    },
    Math.max(50, Math.floor(leaseMs / 4)),
  );
  heartbeat.unref();
  const fence: Fence = async () => {
    if (!(await holds(lockPath, raw))) {
      throw new ServiceError(
        'the registry lock',
        `Another writer took over the registry lock ${lockPath} (this one was held longer than the ${Math.round(leaseMs / 1000)} s lease); nothing was committed: try again.`,
        { retryable: true },
      );
    }
  };
  try {
    return await work(fence);
  } finally {
    clearInterval(heartbeat);
    await releaseIfMine(lockPath, raw);
  }
}

async function acquire(lockPath: string, raw: string, leaseMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const draft = `${lockPath}.${randomBytes(6).toString('hex')}.new`;
  await writeFile(draft, raw);
  let wait = 5;
  try {
    for (;;) {
      if (await place(draft, lockPath, raw)) return;
      const seen = await look(lockPath);
      if (seen && (await isStale(seen, leaseMs))) {
        await takeOver(lockPath, seen);
        continue;
      }
      if (Date.now() > deadline) {
        throw new InputError(
          `The registry is locked by another writer (${lockPath}) and stayed locked for ${Math.round(timeoutMs / 1000)} s; if no modelci is running, delete that file.`,
          { file: lockPath },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
      wait = Math.min(wait * 2, 200);
    }
  } finally {
    await rm(draft, { force: true });
  }
}

/** Puts the complete draft at lockPath unless a lock is there; false when one is. */
async function place(draft: string, lockPath: string, raw: string): Promise<boolean> {
  try {
    await link(draft, lockPath);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
  }
  // A filesystem without hard links: O_EXCL create (the lock is empty for a moment).
  try {
    const handle = await open(lockPath, 'wx');
    try {
      await handle.writeFile(raw);
    } finally {
      await handle.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

async function look(file: string): Promise<Seen | undefined> {
  try {
    const s = await stat(file);
    return { raw: await readFile(file, 'utf8'), ino: s.ino, mtimeMs: s.mtimeMs };
  } catch {
    return undefined; // just released: try again
  }
}

async function isStale(seen: Seen, leaseMs: number): Promise<boolean> {
  const age = Date.now() - seen.mtimeMs;
  if (age > leaseMs) return true;
  let owner: { host?: string; pid?: number };
  try {
    owner = JSON.parse(seen.raw) as { host?: string; pid?: number };
  } catch {
    // An older modelci wrote the bare pid; an empty lock is a writer killed while creating it.
    const pid = Number(seen.raw.trim());
    if (seen.raw.trim() === '' || !Number.isInteger(pid) || pid <= 0) return age > GARBLED_GRACE_MS;
    owner = { host: hostname(), pid };
  }
  if (owner.host !== hostname() || !Number.isInteger(owner.pid)) return false;
  try {
    process.kill(owner.pid!, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves the stale lock aside. Only the writer whose rename moved that very lock (same inode and
 * content) removes it; one that moved a lock taken since puts it back for its owner.
 */
async function takeOver(lockPath: string, seen: Seen): Promise<void> {
  const now = await look(lockPath);
  if (!now || now.ino !== seen.ino || now.raw !== seen.raw) return;
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // another writer moved it first
    throw e;
  }
  const moved = await look(aside);
  if (moved && (moved.ino !== seen.ino || moved.raw !== seen.raw)) {
    // If a third writer holds the path by now, the moved lock's owner fails its fence instead.
    await link(aside, lockPath).catch(() => undefined);
  }
  await rm(aside, { force: true });
}

async function holds(lockPath: string, raw: string): Promise<boolean> {
  try {
    return (await readFile(lockPath, 'utf8')) === raw;
  } catch {
    return false;
  }
}

/** Removes the lock only if it is still this writer's (moved aside first, so nobody else's goes). */
async function releaseIfMine(lockPath: string, raw: string): Promise<void> {
  if (!(await holds(lockPath, raw))) return;
  const aside = `${lockPath}.done-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  if ((await readFile(aside, 'utf8').catch(() => '')) !== raw) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
}
