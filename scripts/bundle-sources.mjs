// What each bundle in dist/ is built from, and one hash of those sources: bundle.mjs writes it to
// dist/<name>/sources.sha256, and the end-to-end tests refuse bundles whose hash is not today's
// (mtimes cannot tell: a fresh clone gives every file the checkout time).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLES = {
  'check-drift': 'actions/check-drift/src/index.ts',
  'quality-gates': 'actions/quality-gates/src/index.ts',
  'register-model': 'actions/register-model/src/index.ts',
  'canary-deploy': 'actions/canary-deploy/src/index.ts',
  'pr-report': 'actions/pr-report/src/index.ts',
  monitor: 'actions/monitor/src/index.ts',
  // After its main bundle: that one's folder is cleared first.
  'canary-deploy/post': 'actions/canary-deploy/src/post-index.ts',
  'train-on-gpu': 'actions/train-on-gpu/src/index.ts',
  'train-on-gpu/post': 'actions/train-on-gpu/src/post-index.ts',
  cli: 'packages/cli/src/main.ts',
};

/** Every file under packages/*\/src and actions/*\/src, relative to root, sorted. */
export function sourceFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const p = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) out.push(p);
    }
  };
  for (const top of ['packages', 'actions']) {
    for (const entry of readdirSync(join(root, top), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      try {
        walk(`${top}/${entry.name}/src`);
      } catch (e) {
        if (e.code !== 'ENOENT') throw e;
      }
    }
  }
  return out.sort();
}

/** sha256 over each source's path and content: changes when any source (or its name) changes. */
export function sourcesHash(root) {
  const hash = createHash('sha256');
  for (const file of sourceFiles(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Names of the bundles whose dist/<name>/sources.sha256 is missing or not `expected`. */
export function staleBundles(root, expected = sourcesHash(root)) {
  return Object.keys(BUNDLES).filter((name) => {
    try {
      return readFileSync(join(root, 'dist', name, 'sources.sha256'), 'utf8').trim() !== expected;
    } catch {
      return true;
    }
  });
}
