/**
 * onnxruntime loads a provider library by file name from the folder of the libonnxruntime it
 * runs (no search path, no environment variable), so the CUDA provider must sit beside the
 * bundled runtime. Only checked bytes go there: each file is copied to a temporary name, hashed
 * again, and renamed into place only when it matches the digest taken from the checked archive.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import { sha256OfFile, type VerifiedCudaProviders } from './cuda-provider-archive.js';

/** Returns the files it wrote (those already in place with the right digest are left alone). */
export async function installCudaProviders(providers: VerifiedCudaProviders, runtimeDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [file, expected] of Object.entries(providers.sha256)) {
    const target = path.join(runtimeDir, file);
    if (existsSync(target) && (await sha256OfFile(target)) === expected) continue;
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      copyFileSync(path.join(providers.dir, file), tmp);
      const actual = await sha256OfFile(tmp);
      if (actual !== expected) {
        throw new InputError(
          `${path.join(providers.dir, file)} changed while it was installed (sha256 ${actual}, expected ${expected}); nothing was installed from it: run the step again.`,
          { input: 'onnxruntime-cuda-url' },
        );
      }
      renameSync(tmp, target);
      written.push(target);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(
        `Could not install ${file} beside the bundled onnxruntime in ${runtimeDir} (${(e as NodeJS.ErrnoException).code ?? String(e)}); the action's folder must be writable by the runner's user.`,
        { input: 'execution-provider' },
      );
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return written;
}
