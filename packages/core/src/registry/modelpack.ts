/**
 * A model version as a CNCF ModelPack artifact: an OCI image manifest with artifactType
 * application/vnd.cncf.model.manifest.v1+json, a ModelPack config, one raw layer per file named
 * by org.cncf.model.filepath, and the git SHA as org.opencontainers.image.revision. modelci's
 * record (metrics, provenance, tags) rides in one JSON annotation, so any OCI tool can copy the
 * artifact without knowing modelci.
 */
import type { StoredBlob } from './blob-store.js';
import type { RegisterInput } from './model-registry.js';
import {
  ANNOTATION,
  MODEL_ARTIFACT,
  MODEL_CONFIG,
  MODEL_VERSION_SCHEMA,
  MODEL_WEIGHT_RAW,
  OCI_MANIFEST,
  type ModelFile,
  type ModelVersion,
  type Provenance,
} from './model-version.js';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface Manifest {
  schemaVersion: 2;
  mediaType: string;
  artifactType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations: Record<string, string>;
}

/** What the record annotation holds. */
interface Record_ {
  metrics: Record<string, number | null>;
  provenance: Provenance;
  tags: Record<string, string>;
}

export function modelPackConfig(input: RegisterInput, version: number, files: ModelFile[]): Uint8Array {
  const config = {
    descriptor: {
      createdAt: input.now.toISOString(),
      name: input.name,
      version: String(version),
      ...(input.provenance.gitSha ? { revision: input.provenance.gitSha } : {}),
      ...(input.provenance.creator ? { authors: [input.provenance.creator] } : {}),
    },
    // ModelPack v0.0.7+ names it diffIds; format only when the files say which it is (OPTIONAL).
    config: formatOf(files) ? { format: formatOf(files) } : {},
    modelfs: { type: 'layers', diffIds: layersOf(files).map((l) => l.digest) },
  };
  return Buffer.from(JSON.stringify(config));
}

export function modelPackManifest(input: RegisterInput, version: number, files: ModelFile[], config: StoredBlob): Manifest {
  const record: Record_ = { metrics: input.metrics, provenance: input.provenance, tags: input.tags };
  const annotations: Record<string, string> = {
    [ANNOTATION.created]: input.now.toISOString(),
    [ANNOTATION.title]: input.name,
    [ANNOTATION.version]: String(version),
    [ANNOTATION.record]: JSON.stringify(record),
  };
  if (input.provenance.gitSha) annotations[ANNOTATION.revision] = input.provenance.gitSha;
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: MODEL_ARTIFACT,
    config: { mediaType: MODEL_CONFIG, digest: config.digest, size: config.size },
    layers: layersOf(files),
    annotations,
  };
}

export function versionFromManifest(name: string, manifest: Manifest, digest: string, uri: string, aliases: string[]): ModelVersion {
  const a = manifest.annotations ?? {};
  let record: Record_ = { metrics: {}, provenance: {}, tags: {} };
  try {
    record = { ...record, ...(JSON.parse(a[ANNOTATION.record] ?? '{}') as Partial<Record_>) };
  } catch {
    // A manifest pushed by another tool: no modelci record, the OCI fields still describe it.
  }
  return {
    schema: MODEL_VERSION_SCHEMA,
    name,
    version: Number(a[ANNOTATION.version] ?? 0),
    digest,
    uri,
    createdAt: a[ANNOTATION.created] ?? '',
    files: filesOf(manifest.layers),
    metrics: record.metrics,
    provenance: { ...record.provenance, gitSha: a[ANNOTATION.revision] ?? record.provenance.gitSha },
    tags: record.tags,
    aliases,
  };
}

/** One raw layer per file, or one per part of a split file (each annotated with its part). */
function layersOf(files: ModelFile[]): Descriptor[] {
  return files.flatMap((f) =>
    f.parts
      ? f.parts.map((p, i) => ({
          mediaType: MODEL_WEIGHT_RAW,
          digest: p.digest,
          size: p.size,
          annotations: { [ANNOTATION.filepath]: f.path, [ANNOTATION.part]: `${i + 1}/${f.parts!.length}`, [ANNOTATION.fileDigest]: f.digest },
        }))
      : [{ mediaType: MODEL_WEIGHT_RAW, digest: f.digest, size: f.size, annotations: { [ANNOTATION.filepath]: f.path } }],
  );
}

/** The files back from the layers: parts of one file, in order, make one file again. */
function filesOf(layers: Descriptor[]): ModelFile[] {
  const files: ModelFile[] = [];
  for (const l of layers) {
    const path = l.annotations?.[ANNOTATION.filepath] ?? l.digest;
    const part = l.annotations?.[ANNOTATION.part];
    const last = files[files.length - 1];
    if (part && !part.startsWith('1/') && last?.path === path && last.parts) {
      last.parts.push({ digest: l.digest, size: l.size });
      last.size += l.size;
    } else if (part) {
      files.push({ path, digest: l.annotations?.[ANNOTATION.fileDigest] ?? l.digest, size: l.size, parts: [{ digest: l.digest, size: l.size }] });
    } else {
      files.push({ path, digest: l.digest, size: l.size });
    }
  }
  return files;
}

/** The spec's format names (its examples: onnx, safetensors, pytorch, gguf), from the extensions. */
function formatOf(files: ModelFile[]): string | undefined {
  const ext = files.map((f) => f.path.split('.').pop()?.toLowerCase());
  if (ext.includes('onnx')) return 'onnx';
  if (ext.includes('safetensors')) return 'safetensors';
  if (ext.some((e) => e === 'pt' || e === 'pth')) return 'pytorch';
  if (ext.includes('gguf')) return 'gguf';
  return undefined;
}
