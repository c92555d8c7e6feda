/**
 * The monitor's reference: a profile (or data) the user names, or the profile registered with
 * the version serving production (its files hold the profile check-drift wrote), with the
 * accuracy that version passed its quality gates with (its registered metrics).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReference } from '../drift/check-drift.js';
import type { DriftOptions } from '../drift/options.js';
import { PROFILE_SCHEMA, referenceFromProfile } from '../drift/profile.js';
import type { Reference } from '../drift/reference.js';
import { openRegistry } from '../registry/backends.js';
import { InputError } from '../shared/errors.js';
import { redactUri } from '../shared/redact-uri.js';

export interface MonitorReference {
  reference: Reference;
  /** Where it came from, for the report: a path, or "<model> v<N> (<alias>) in <registry>". */
  from: string;
  model?: { name: string; version: number; digest: string };
  gatedAccuracy?: { value: number; from: string };
}

export interface ReferenceInputs {
  reference?: string;
  registry?: string;
  model?: string;
  alias: string;
}

export async function loadMonitorReference(inputs: ReferenceInputs, options: DriftOptions): Promise<MonitorReference> {
  if (inputs.reference) return { reference: await loadReference(inputs.reference, options), from: inputs.reference };
  if (!inputs.registry || !inputs.model) {
    throw new InputError(
      'monitor has no reference: give reference (a profile JSON), or registry and model to use the profile registered with the production version.',
      { input: 'reference' },
    );
  }
  const registry = openRegistry(inputs.registry, 'registry');
  const version = await registry.resolve(inputs.model, inputs.alias);
  const where = `${inputs.model} v${version.version} (${inputs.alias}) in ${redactUri(inputs.registry)}`;
  const dir = await mkdtemp(join(tmpdir(), 'modelci-monitor-'));
  try {
    const paths = await registry.download(version, dir);
    let reference: Reference | undefined;
    let from = where;
    for (const path of paths.filter((p) => /\.json$/i.test(p))) {
      const json = await readJson(path);
      if ((json as { schema?: unknown } | undefined)?.schema === PROFILE_SCHEMA) {
        from = `${where}: ${path.slice(dir.length + 1)}`;
        reference = referenceFromProfile(json, from);
        break;
      }
    }
    if (!reference) {
      throw new InputError(
        `${where} has no profile among its files (${version.files.map((f) => f.path).join(', ') || 'none'}); register the model folder with the profile check-drift writes (profile-path), or give reference: profile.json.`,
        { input: 'reference' },
      );
    }
    const accuracy = version.metrics.accuracy;
    return {
      reference,
      from,
      model: { name: version.name, version: version.version, digest: version.digest },
      ...(typeof accuracy === 'number' ? { gatedAccuracy: { value: accuracy, from: `${inputs.model} v${version.version}'s registered accuracy` } } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}
