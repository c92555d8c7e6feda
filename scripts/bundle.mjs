// Bundle every JavaScript action and the CLI with @vercel/ncc into dist/<name>/ (committed:
// GitHub runs dist/, not src/). ESM in, ESM out: ncc writes index.js plus a package.json
// that marks it as a module.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLES, sourcesHash } from './bundle-sources.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const only = process.argv.slice(2);
// Hashed before building, so a source edited during the build marks the bundle stale.
const sources = sourcesHash(root);
for (const [name, entry] of Object.entries(BUNDLES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const out = `dist/${name}`;
  rmSync(`${root}/${out}`, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [`${root}/node_modules/@vercel/ncc/dist/ncc/cli.js`, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
    { cwd: root, stdio: 'inherit' },
  );
  // What it was built from: the end-to-end tests refuse a bundle older than its sources.
  writeFileSync(`${root}/${out}/sources.sha256`, `${sources}\n`);
  console.log(`bundled ${entry} -> ${out}/index.js`);
}

// ncc does not copy onnxruntime-node's native library: the bundle loads it from
// ../bin/napi-v6/<platform>/<arch>/ beside the bundles, so it goes to dist/bin/. Only linux/x64
// travels in the repository (46 MB of the package's 288 MB); see actions/quality-gates/README.md.
const NATIVE = 'bin/napi-v6/linux/x64';
const from = `${root}/node_modules/onnxruntime-node/${NATIVE}`;
if (only.length === 0 || only.includes('quality-gates') || only.includes('cli')) {
  rmSync(`${root}/dist/bin`, { recursive: true, force: true });
  for (const file of readdirSync(from).sort()) {
    // Provider libraries an install may have fetched (CUDA) are not shipped: see the README.
    if (file.includes('providers')) continue;
    cpSync(`${from}/${file}`, `${root}/dist/${NATIVE}/${file}`);
  }
  if (!existsSync(`${root}/dist/${NATIVE}/onnxruntime_binding.node`)) throw new Error(`onnxruntime-node's binding is missing from ${from}`);
  console.log(`copied onnxruntime-node ${NATIVE} -> dist/${NATIVE}`);
}
