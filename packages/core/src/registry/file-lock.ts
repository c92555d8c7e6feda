/**
 * An advisory lock between processes on one machine (or one shared filesystem): a lock file
 * created with O_EXCL holding the owner's pid. A lock whose owner died is taken over, so a
 * crashed writer cannot block the registry forever.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { InputError } from '../shared/errors.js';

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
}

export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let wait = 5;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (await ownerIsGone(lockPath)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new InputError(`The registry is locked by another writer (${lockPath}) and stayed locked for ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s; if no modelci is running, delete that file.`, { file: lockPath });
      }
      await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
      wait = Math.min(wait * 2, 200);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** True when the lock names a process on this machine that no longer exists. */
async function ownerIsGone(lockPath: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number((await readFile(lockPath, 'utf8')).trim());
  } catch {
    return false; // just released, or being written: try again
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
