// N registrations of N different files to one name, each in its own process, started at once.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HERE = new URL('./', import.meta.url).pathname;

export interface WriterOutcome {
  /** The file this writer registered, and its content. */
  file: string;
  content: string;
  status: number | null;
  stderr: string;
  /** What an exit-0 writer was told. */
  version?: number;
  digest?: string;
  fileDigest?: string;
}

export interface WriterOptions {
  env?: NodeJS.ProcessEnv;
  /** SIGKILL writer 0 this long after the start (a writer that dies mid-registration). */
  killFirstAfterMs?: number;
}

export async function concurrentRegistrations(
  count: number,
  registry: string,
  name: string,
  dir: string,
  options: WriterOptions = {},
): Promise<WriterOutcome[]> {
  const runs = Array.from({ length: count }, (_, i) => {
    const content = `weights of writer ${i} ${name} ${Date.now()}`;
    const file = join(dir, `${name}-writer-${i}.bin`);
    writeFileSync(file, content);
    return new Promise<WriterOutcome>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--experimental-transform-types', '--no-warnings', '--import', join(HERE, 'ts-resolve.mjs'), join(HERE, 'register-writer.ts'), registry, name, file],
        {
          env: { ...process.env, NODE_OPTIONS: '', ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      if (i === 0 && options.killFirstAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), options.killFirstAfterMs);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => {
        const told = status === 0 ? (JSON.parse(stdout) as { version: number; digest: string; files: { digest: string }[] }) : undefined;
        resolve({ file, content, status, stderr, version: told?.version, digest: told?.digest, fileDigest: told?.files[0].digest });
      });
    });
  });
  return Promise.all(runs);
}
