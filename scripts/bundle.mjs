// Bundle every JavaScript action and the CLI with @vercel/ncc into dist/<name>/ (committed:
// GitHub runs dist/, not src/). ESM in, ESM out: ncc writes index.js plus a package.json
// that marks it as a module.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLES = {
  'check-drift': 'actions/check-drift/src/main.ts',
  cli: 'packages/cli/src/main.ts',
};

const only = process.argv.slice(2);
for (const [name, entry] of Object.entries(BUNDLES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const out = `dist/${name}`;
  rmSync(`${root}/${out}`, { recursive: true, force: true });
  execFileSync(process.execPath, [`${root}/node_modules/@vercel/ncc/dist/ncc/cli.js`, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], { cwd: root, stdio: 'inherit' });
  console.log(`bundled ${entry} -> ${out}/index.js`);
}
