/**
 * The ModelRegistry port: what register-model needs from any backend. Each backend is one
 * adapter file; `openRegistry` picks it from the registry URI.
 */
import { redactUri } from '../shared/redact-uri.js';
import { InputError } from '../shared/errors.js';
import type { AliasMove, ModelVersion, Provenance } from './model-version.js';
import type { Attachment } from './attachments.js';

export interface RegisterInput {
  name: string;
  /** Files to store: where they are now, and their path inside the model. */
  files: Array<{ source: string; path: string }>;
  metrics: Record<string, number | null>;
  provenance: Provenance;
  tags: Record<string, string>;
  now: Date;
}

export interface RegisterResult {
  version: ModelVersion;
  /** True when identical content was registered before: that version is returned, nothing new is made. */
  existing: boolean;
  /** Bytes of file content written to the store (0 when every blob was there already). */
  bytesWritten: number;
}

export interface ModelRegistry {
  readonly uri: string;
  /** Refuses a model name this backend cannot hold, with a sentence (before any request). */
  checkName(name: string): void;
  register(input: RegisterInput): Promise<RegisterResult>;
  /** A version number, `v<N>`, `latest`, or an alias. */
  resolve(name: string, ref: string): Promise<ModelVersion>;
  list(name: string): Promise<ModelVersion[]>;
  /** Points `alias` at `version`; returns the move, with the version that held it before. */
  moveAlias(name: string, alias: string, version: ModelVersion, options: { forced: boolean; now: Date }): Promise<AliasMove>;
  /** Records an attachment with the version (content and digest unchanged); returns it with the attachment applied. */
  attach(version: ModelVersion, attachment: Attachment): Promise<ModelVersion>;
  /** Copies the version's files into `into`, checking every digest; returns the paths written. */
  download(version: ModelVersion, into: string): Promise<string[]>;
}

// OCI distribution's repository-name component rule, so a name moves unchanged to any registry.
const NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
// OCI tag rule; aliases must also not look like versions.
const ALIAS = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export function checkModelName(name: string, input = 'name', prefix = ''): void {
  if (NAME.test(name) && prefix.length + name.length <= 255) return;
  const bad = [...new Set([...name].filter((c) => !/[a-z0-9._\-/]/.test(c)))];
  const why =
    bad.length > 0
      ? `it contains ${bad.map((c) => (c === ' ' ? 'a space' : `'${c}'`)).join(', ')}`
      : prefix.length + name.length > 255
        ? `with the namespace it is longer than 255 characters`
        : 'separators (. _ -) must sit between letters or digits';
  throw new InputError(
    `Model name '${name}' is not a valid registry name: ${why}; use lowercase letters and digits, with '.', '_' or '-' between them (e.g. 'penguin-classifier').`,
    { input },
  );
}

/** The path components of an OCI repository (namespace/name), by the distribution grammar. */
export function checkOciNamespace(namespace: string, input = 'registry'): void {
  if (namespace === '' || (NAME.test(namespace) && namespace.length <= 255)) return;
  const bad = [...new Set([...namespace].filter((c) => !/[a-z0-9._\-/]/.test(c)))];
  const why =
    bad.length > 0
      ? `it contains ${bad.map((c) => (c === ' ' ? 'a space' : `'${c}'`)).join(', ')}`
      : namespace.length > 255
        ? 'it is longer than 255 characters'
        : "each '/'-separated part must start and end with a letter or digit, with '.', '_' or '-' only between them";
  throw new InputError(`The registry namespace '${namespace}' is not a valid OCI repository path: ${why}; use lowercase parts such as 'acme/models'.`, {
    input,
  });
}

/**
 * MLflow's own rules for a registered model name: any characters but '/', ':' and control
 * characters (MLflow stores names as path parts), not '.' or '..', at most 256 characters.
 */
export function checkMlflowModelName(name: string, input = 'name'): void {
  const bad = [...new Set([...name].filter((c) => c === '/' || c === ':' || c === '\\' || c < ' ' || c === '\u007f'))];
  let why: string | undefined;
  if (name.trim() === '') why = 'it is empty';
  else if (name !== name.trim()) why = 'it starts or ends with a space';
  else if (bad.length > 0) why = `it contains ${bad.map((c) => (c < ' ' || c === '\u007f' ? 'a control character' : `'${c}'`)).join(', ')}`;
  else if (name === '.' || name === '..') why = "'.' and '..' name folders";
  else if (name.length > 256) why = 'it is longer than 256 characters';
  if (why)
    throw new InputError(`Model name '${name}' is not a valid MLflow registered model name: ${why}; e.g. 'FraudDetector' or 'penguin-classifier'.`, { input });
}

/** A version reference: a number, v<N>, 'latest', or an alias (a tag), nothing that reads as a path. */
export function checkVersionRef(ref: string, input = 'version'): void {
  if (versionNumber(ref) !== undefined || ref === 'latest' || ALIAS.test(ref)) return;
  throw new InputError(
    `Input '${input}' is '${ref}', which is not a version: give a number (3 or v3), 'latest', or an alias such as production (letters, digits, '.', '_', '-').`,
    { input },
  );
}

export function checkAlias(alias: string, input = 'alias'): void {
  if (!ALIAS.test(alias)) {
    throw new InputError(
      `Alias '${alias}' is not a valid tag: use letters, digits, '.', '_' and '-' (at most 128, not starting with '.' or '-'), e.g. 'production'.`,
      { input },
    );
  }
  if (/^v?\d+$/.test(alias) || alias === 'latest') {
    throw new InputError(`Alias '${alias}' would read as a version; choose a name such as 'production' or 'staging'.`, { input });
  }
}

/** `3` or `v3` -> 3; anything else is not a version number. */
export function versionNumber(ref: string): number | undefined {
  const m = /^v?(\d+)$/.exec(ref.trim());
  return m ? Number(m[1]) : undefined;
}

export type RegistryFactory = (uri: string) => ModelRegistry;

/** Backends by URI scheme; a plain path is the local registry. Registered by each adapter module. */
const FACTORIES = new Map<string, RegistryFactory>();

export function registerBackend(scheme: string, factory: RegistryFactory): void {
  FACTORIES.set(scheme, factory);
}

export function openRegistry(uri: string, input = 'registry'): ModelRegistry {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1].toLowerCase();
  const factory = FACTORIES.get(scheme ?? 'file');
  if (!factory) {
    throw new InputError(
      redactUri(
        `Registry '${uri}' uses the scheme '${scheme}', which this modelci does not support yet; use a local folder (file://./registry or a plain path). Supported: ${[...FACTORIES.keys()].map((s) => `${s}://`).join(', ')}.`,
      ),
      { input },
    );
  }
  return factory(uri);
}
