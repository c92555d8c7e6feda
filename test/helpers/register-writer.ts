// One registration in its own process (the concurrency tests start many at once): registers
// argv[4] as argv[3] in the registry argv[2] and prints the version it was told, as JSON.
import { openRegistry } from '../../packages/core/src/registry/backends.js';

const [registry, name, file] = process.argv.slice(2);
try {
  const result = await openRegistry(registry).register({
    name,
    files: [{ source: file, path: 'model.bin' }],
    metrics: {},
    provenance: {},
    tags: {},
    now: new Date(),
  });
  process.stdout.write(`${JSON.stringify({ version: result.version.version, digest: result.version.digest, files: result.version.files })}\n`);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
