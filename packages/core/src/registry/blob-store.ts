/**
 * Content-addressed blobs in an OCI layout (blobs/sha256/<hex>): a file is hashed while it is
 * copied, in one streaming read, into a temporary file that is renamed to its digest. A blob that
 * is already there is not written again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface StoredBlob {
  digest: string;
  size: number;
  /** False when the store already had it. */
  written: boolean;
}

/**
 * A temporary blob untouched this long was left by a killed writer (a live upload writes to it
 * continuously, so its mtime stays fresh).
 */
export const UPLOAD_LEASE_MS = 5 * 60_000;

/** Removes temporary blobs (.upload-*, *.tmp) that killed writers left behind. */
export async function reclaimAbandonedUploads(layout: string, leaseMs = UPLOAD_LEASE_MS): Promise<string[]> {
  const dir = path.join(layout, 'blobs', 'sha256');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => n.startsWith('.upload-') || n.endsWith('.tmp'))) {
    const file = path.join(dir, name);
    const s = await stat(file).catch(() => undefined);
    if (s && Date.now() - s.mtimeMs > leaseMs) {
      await rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}

export function blobPath(layout: string, digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return path.join(layout, 'blobs', algorithm, hex);
}

export async function storeFile(layout: string, file: string): Promise<StoredBlob> {
  const dir = path.join(layout, 'blobs', 'sha256');
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.upload-${process.pid}-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), tap, createWriteStream(tmp));
    const digest = `sha256:${hash.digest('hex')}`;
    const target = blobPath(layout, digest);
    if (await exists(target)) {
      await rm(tmp, { force: true });
      return { digest, size, written: false };
    }
    await rename(tmp, target);
    return { digest, size, written: true };
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function storeBytes(layout: string, bytes: Uint8Array): Promise<StoredBlob> {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const target = blobPath(layout, digest);
  if (await exists(target)) return { digest, size: bytes.length, written: false };
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, target);
  return { digest, size: bytes.length, written: true };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** sha256 of a file in one streaming read, writing nothing. */
export async function hashFile(file: string): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

export async function hasBlob(layout: string, digest: string): Promise<boolean> {
  return exists(blobPath(layout, digest));
}
