/**
 * ModelVersion (modelci/model-version@1): what the registry knows about one registered model
 * version, whichever backend holds it. Versions are numbered per model name from 1; aliases
 * (staging, production, ...) point at versions; every version records the commit that made it.
 */
export const MODEL_VERSION_SCHEMA = 'modelci/model-version@1';

/** OCI / CNCF ModelPack media types and annotation keys. */
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const MODEL_ARTIFACT = 'application/vnd.cncf.model.manifest.v1+json';
export const MODEL_CONFIG = 'application/vnd.cncf.model.config.v1+json';
export const MODEL_WEIGHT_RAW = 'application/vnd.cncf.model.weight.v1.raw';
export const ANNOTATION = {
  refName: 'org.opencontainers.image.ref.name',
  revision: 'org.opencontainers.image.revision',
  created: 'org.opencontainers.image.created',
  version: 'org.opencontainers.image.version',
  title: 'org.opencontainers.image.title',
  filepath: 'org.cncf.model.filepath',
  /** On a layer that is one part of a split file: "<index>/<count>" and the whole file's digest. */
  part: 'io.modelci.part',
  fileDigest: 'io.modelci.file.digest',
  /** JSON: metrics, provenance, creator, tags (ours: OCI allows any reverse-DNS key). */
  record: 'io.modelci.record',
  /** On an alias entry: the version that held the alias before, for rollback. */
  previous: 'io.modelci.alias.previous',
  forced: 'io.modelci.alias.forced',
  updated: 'io.modelci.alias.updated',
  /** On a version's index entry (local) or an attachment manifest (OCI): JSON Attachment(s). */
  attachments: 'io.modelci.attachments',
} as const;

export interface ModelFile {
  /** Path inside the model (relative, '/'-separated). */
  path: string;
  /** sha256 of the whole file. */
  digest: string;
  size: number;
  /** Set when the file is stored as several layers (registries cap layer sizes: GHCR at 10 GB). */
  parts?: Array<{ digest: string; size: number }>;
}

export interface Provenance {
  gitSha?: string;
  runUrl?: string;
  creator?: string;
  /** The MLflow run that trained the model, when the user named it. */
  mlflowRunId?: string;
  /** Digests of the reports the version passed, so they can be fetched and checked later. */
  driftReport?: { digest: string };
  gateVerdict?: { digest: string; passed: boolean };
  /** What later steps attached (registry/attachments.ts), oldest first. */
  attachments?: Array<{
    attachedAt: string;
    gitSha?: string;
    runUrl?: string;
    creator?: string;
    gateVerdict?: { digest: string; passed: boolean };
    driftReport?: { digest: string };
  }>;
}

export interface ModelVersion {
  schema: typeof MODEL_VERSION_SCHEMA;
  name: string;
  version: number;
  /** The manifest digest: the version's identity. */
  digest: string;
  uri: string;
  createdAt: string;
  files: ModelFile[];
  metrics: Record<string, number | null>;
  provenance: Provenance;
  tags: Record<string, string>;
  aliases: string[];
}

export interface AliasMove {
  alias: string;
  version: number;
  digest: string;
  previousVersion?: number;
  forced: boolean;
  /** Something the backend did differently and the user should know (a server older than aliases). */
  notice?: string;
}
