// Each OS error on a user-given path, produced for real on this machine's filesystem, must come
// back as one InputError sentence naming the input; and nothing half-written may stay behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/shared/atomic-write.js';
import { InputError } from '../../src/shared/errors.js';
import { onUserPath, userPathError } from '../../src/shared/fs-errors.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-fs-errors-'));
const at = (name: string) => join(dir, name);

async function failure(work: Promise<unknown>): Promise<InputError> {
  try {
    await work;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected the write to fail');
}

/** A tmpfs of `options` mounted for the test, or undefined where mounting is not allowed. */
function mountTmpfs(name: string, options: string): string | undefined {
  const mnt = at(name);
  mkdirSync(mnt);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mnt]);
  return r.status === 0 ? mnt : undefined;
}
function unmount(mnt: string | undefined) {
  if (mnt) spawnSync('umount', [mnt]);
}

test('a directory where a file is expected (EISDIR): names the input and suggests a file in it', async () => {
  mkdirSync(at('out'));
  const e = await failure(writeFileAtomic(at('out'), '{}', { input: 'report-path', example: 'report.json' }));
  expect(e.message).toBe(`Input 'report-path' is a directory (${at('out')}/): give a file path such as ${at('out/report.json')}.`);
  expect(e.where).toEqual({ input: 'report-path', file: at('out') });
  expect(readdirSync(at('out'))).toEqual([]);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('a file where a folder of the path should be (ENOTDIR): names that file', async () => {
  writeFileSync(at('plain'), 'x');
  const e = await failure(writeFileAtomic(at('plain/report.json'), '{}', { input: 'verdict-path' }));
  expect(e.message).toMatch(
    /^Input 'verdict-path' \(.*plain\/report\.json\) cannot be created: .*plain is a file, not a folder; give a file path whose folders are folders\.$/,
  );
  expect(readFileSync(at('plain'), 'utf8')).toBe('x');
});

test('a file where a folder is expected (mkdir EEXIST / ENOTDIR): says it is a file', async () => {
  writeFileSync(at('registry-file'), 'x');
  for (const make of [() => mkdirSync(at('registry-file'), { recursive: true }), () => mkdirSync(at('registry-file/m'), { recursive: true })]) {
    const e = await failure(onUserPath({ input: 'registry', path: at('registry-file'), expect: 'folder' }, async () => make()));
    expect(e.message).toBe(`Input 'registry' is a file (${at('registry-file')}), not a folder: give a folder path (it is created if missing).`);
  }
});

test('a parent removed while writing (ENOENT): says the folder does not exist', () => {
  const e = userPathError(Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: at('gone/x.json.tmp') }), {
    input: 'record-path',
    path: at('gone/x.json'),
    expect: 'file',
  }) as InputError;
  expect(e.message).toMatch(/^Input 'record-path' \(.*gone\/x\.json\) could not be written: its folder does not exist/);
});

test('permission denied (EACCES, here from /sys, which refuses new files even to root)', async () => {
  const e = await failure(writeFileAtomic('/sys/modelci-report.json', '{}', { input: 'report-path' }));
  expect(e.message).toMatch(/^Input 'report-path' \(\/sys\/modelci-report\.json\) could not be written: permission denied; give a file path you may write to/);
});

test('a full disk (ENOSPC, a 64 KiB tmpfs): names the path, says what to do, leaves the old file whole', async () => {
  const mnt = mountTmpfs('tiny', 'size=64k');
  if (!mnt) {
    console.warn('skipped the real ENOSPC check: mounting a tmpfs needs root');
    return;
  }
  try {
    writeFileSync(join(mnt, 'report.json'), 'old');
    const e = await failure(writeFileAtomic(join(mnt, 'report.json'), Buffer.alloc(1 << 20, 1), { input: 'report-path' }));
    expect(e.message).toMatch(
      /^Input 'report-path' \(.*tiny\/report\.json\) could not be written: the disk is full \(ENOSPC\); free some space or give a file path on another disk\. Nothing was half-written\.$/,
    );
    expect(readFileSync(join(mnt, 'report.json'), 'utf8')).toBe('old');
    expect(readdirSync(mnt)).toEqual(['report.json']);
  } finally {
    unmount(mnt);
  }
});

test('a read-only filesystem (EROFS, a tmpfs mounted ro)', async () => {
  const mnt = mountTmpfs('ro', 'ro,size=64k');
  if (!mnt) {
    console.warn('skipped the real EROFS check: mounting a tmpfs needs root');
    return;
  }
  try {
    const e = await failure(writeFileAtomic(join(mnt, 'r.json'), '{}', { input: 'profile-path' }));
    expect(e.message).toMatch(
      /^Input 'profile-path' \(.*ro\/r\.json\) could not be written: that filesystem is read-only; give a file path on a writable disk\.$/,
    );
  } finally {
    unmount(mnt);
  }
});

test('too many open files (EMFILE) and a bug-shaped error', () => {
  const emfile = userPathError(Object.assign(new Error('EMFILE'), { code: 'EMFILE' }), { input: 'download', path: 'models', expect: 'folder' }) as InputError;
  expect(emfile.message).toBe(
    "Input 'download' (models) could not be opened: too many files are open (EMFILE); raise the limit (ulimit -n) or run fewer jobs at once.",
  );
  const bug = new TypeError('x is undefined');
  expect(userPathError(bug, { input: 'download', path: 'models', expect: 'folder' })).toBe(bug);
  expect(userPathError(Object.assign(new Error('EIO'), { code: 'EIO' }), { path: 'x', expect: 'file' })).toBeInstanceOf(Error);
});

test('errors on paths outside the user folder keep their own error', async () => {
  const outside = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/elsewhere/model.onnx' });
  await expect(
    onUserPath(
      { input: 'registry', path: at('reg'), expect: 'folder' },
      async () => {
        throw outside;
      },
      at('reg'),
    ),
  ).rejects.toBe(outside);
});

test('without an input name the write error is unchanged (internal files)', async () => {
  mkdirSync(at('internal'));
  await expect(writeFileAtomic(at('internal'), '{}')).rejects.toMatchObject({ code: 'EISDIR' });
  rmdirSync(at('internal'));
  expect(existsSync(at('internal'))).toBe(false);
});
