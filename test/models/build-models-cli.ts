// Writes the test models and their data into a folder and prints their paths as JSON: used by
// `npm run demo` (bundled with ncc there) to gate real trained models through the CLI.
import { mkdirSync } from 'node:fs';
import { buildTestModels } from './test-models.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: build-models-cli <folder>');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const t = await buildTestModels(dir);
process.stdout.write(JSON.stringify({ data: t.data, models: t.models }) + '\n');
