// Jest globalSetup of the e2e project: the end-to-end tests run dist/, so a bundle built from
// older sources would test yesterday's code. Refuse it in one sentence (see scripts/bundle-sources.mjs).
import { fileURLToPath } from 'node:url';
import { staleBundles } from '../../scripts/bundle-sources.mjs';

export default function distIsCurrent() {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const stale = staleBundles(root);
  if (stale.length > 0) {
    const error = new Error(`dist/ is older than its sources (${stale.map((n) => `dist/${n}`).join(', ')}): run npm run bundle`);
    error.stack = error.message; // one sentence, not a trace into this file
    throw error;
  }
}
