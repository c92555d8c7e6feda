/**
 * The embedded registry: a folder per model name, each an OCI image layout (oci-layout,
 * index.json, blobs/sha256/...) holding CNCF ModelPack artifacts, so a version moves unchanged to
 * a remote OCI registry. Versions are tags v1, v2, ...; aliases are more tags on the same
 * manifest. Blobs are written before the lock is taken (content-addressed, renamed into place);
 * numbering a version and rewriting index.json happen under a lock, atomically.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { InputError } from '../shared/errors.js';
import { onUserPath } from '../shared/fs-errors.js';
import { checkDownloadPaths, downloadTarget } from './download-target.js';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { withFileLock } from './file-lock.js';
import { parseAttachments, withAttachments, type Attachment } from './attachments.js';
import { blobPath, hasBlob, hashFile, reclaimAbandonedUploads, storeBytes, storeFile } from './blob-store.js';
import {
  checkModelName,
  checkVersionRef,
  registerBackend,
  versionNumber,
  type ModelRegistry,
  type RegisterInput,
  type RegisterResult,
} from './model-registry.js';
import { modelPackConfig, modelPackManifest, versionFromManifest, type Manifest } from './modelpack.js';
import { ANNOTATION, OCI_INDEX, OCI_MANIFEST, MODEL_ARTIFACT, type AliasMove, type ModelVersion } from './model-version.js';

interface IndexEntry {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations: Record<string, string>;
}

interface ImageIndex {
  schemaVersion: 2;
  mediaType: string;
  manifests: IndexEntry[];
}

export class LocalOciRegistry implements ModelRegistry {
  readonly root: string;
  constructor(readonly uri: string) {
    this.root = path.resolve(uri.replace(/^file:\/\//i, ''));
  }

  checkName(name: string): void {
    checkModelName(name);
  }

  private layout(name: string): string {
    checkModelName(name);
    return path.join(this.root, name);
  }

  async register(input: RegisterInput): Promise<RegisterResult> {
    return this.inRegistry(() => this.registerLocked(input));
  }

  /** OS errors inside the registry folder (a file given as --registry, a full disk) as sentences naming the input. */
  private inRegistry<T>(work: () => Promise<T>): Promise<T> {
    return onUserPath({ input: 'registry', path: this.uri.replace(/^file:\/\//i, ''), expect: 'folder' }, work, this.root);
  }

  private async registerLocked(input: RegisterInput): Promise<RegisterResult> {
    const layout = this.layout(input.name);
    await mkdir(layout, { recursive: true });
    await reclaimAbandonedUploads(layout);
    let bytesWritten = 0;
    const files: ModelVersion['files'] = [];
    // A file the size of a stored layer may be stored already: hash it first (one read, no
    // write), so re-registering a 1 GiB model writes nothing at all.
    const knownSizes = new Set((await this.versions(input.name, layout, await this.readIndex(layout))).flatMap((v) => v.files.map((f) => f.size)));
    for (const f of input.files) {
      if (knownSizes.has((await stat(f.source)).size)) {
        const hashed = await hashFile(f.source);
        if (await hasBlob(layout, hashed.digest)) {
          files.push({ path: f.path, ...hashed });
          continue;
        }
      }
      const blob = await storeFile(layout, f.source);
      if (blob.written) bytesWritten += blob.size;
      files.push({ path: f.path, digest: blob.digest, size: blob.size });
    }
    return withFileLock(path.join(layout, '.lock'), async (fence) => {
      const index = await this.readIndex(layout);
      const versions = await this.versions(input.name, layout, index);
      const same = versions.find((v) => sameFiles(v.files, files));
      if (same) return { version: same, existing: true, bytesWritten };
      const version = versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
      const config = await storeBytes(layout, modelPackConfig(input, version, files));
      const manifest = modelPackManifest(input, version, files, config);
      const bytes = Buffer.from(JSON.stringify(manifest));
      const stored = await storeBytes(layout, bytes);
      index.manifests.push({
        mediaType: OCI_MANIFEST,
        digest: stored.digest,
        size: stored.size,
        artifactType: MODEL_ARTIFACT,
        annotations: { [ANNOTATION.refName]: `v${version}` },
      });
      await fence();
      await this.writeIndex(layout, index);
      return { version: versionFromManifest(input.name, manifest, stored.digest, this.versionUri(input.name, version), []), existing: false, bytesWritten };
    });
  }

  async resolve(name: string, ref: string): Promise<ModelVersion> {
    checkVersionRef(ref);
    return this.inRegistry(() => this.resolveIn(name, ref));
  }

  private async resolveIn(name: string, ref: string): Promise<ModelVersion> {
    const layout = this.layout(name);
    const index = await this.readIndex(layout, true);
    const n = versionNumber(ref);
    const tag = ref === 'latest' ? latestTag(index) : n !== undefined ? `v${n}` : ref;
    const entry = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === tag);
    if (!entry) {
      const tags = index.manifests.map((m) => m.annotations?.[ANNOTATION.refName]).filter(Boolean);
      throw new InputError(
        `Model '${name}' has no ${n !== undefined ? 'version' : 'alias'} '${ref}' in ${this.uri}; it has ${tags.length > 0 ? tags.join(', ') : 'no versions yet'}.`,
        { input: 'version' },
      );
    }
    return this.versionOf(name, layout, index, entry.digest);
  }

  async list(name: string): Promise<ModelVersion[]> {
    const layout = this.layout(name);
    return this.inRegistry(async () => (await this.versions(name, layout, await this.readIndex(layout, true))).sort((a, b) => a.version - b.version));
  }

  async moveAlias(name: string, alias: string, version: ModelVersion, options: { forced: boolean; now: Date }): Promise<AliasMove> {
    const layout = this.layout(name);
    return this.inRegistry(() =>
      withFileLock(path.join(layout, '.lock'), async (fence) => {
        const index = await this.readIndex(layout, true);
        const target = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === `v${version.version}`);
        if (!target || target.digest !== version.digest) {
          throw new InputError(`Version ${version.version} of '${name}' is not in ${this.uri} as resolved; resolve it again.`, { input: 'version' });
        }
        const old = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === alias);
        const previousVersion = old ? this.tagOf(index, old.digest) : undefined;
        index.manifests = index.manifests.filter((m) => m !== old);
        const annotations: Record<string, string> = { [ANNOTATION.refName]: alias, [ANNOTATION.updated]: options.now.toISOString() };
        if (previousVersion !== undefined) annotations[ANNOTATION.previous] = `v${previousVersion}`;
        if (options.forced) annotations[ANNOTATION.forced] = 'true';
        index.manifests.push({ ...target, annotations });
        await fence();
        await this.writeIndex(layout, index);
        return { alias, version: version.version, digest: version.digest, previousVersion, forced: options.forced };
      }),
    );
  }

  async attach(version: ModelVersion, attachment: Attachment): Promise<ModelVersion> {
    const layout = this.layout(version.name);
    return withFileLock(path.join(layout, '.lock'), async (fence) => {
      const index = await this.readIndex(layout, true);
      const entry = index.manifests.find((m) => m.annotations?.[ANNOTATION.refName] === `v${version.version}`);
      if (!entry || entry.digest !== version.digest) {
        throw new InputError(`Version ${version.version} of '${version.name}' is not in ${this.uri} as resolved; resolve it again.`, { input: 'version' });
      }
      entry.annotations[ANNOTATION.attachments] = JSON.stringify([...parseAttachments(entry.annotations[ANNOTATION.attachments]), attachment]);
      await fence();
      await this.writeIndex(layout, index);
      return this.versionOf(version.name, layout, index, version.digest);
    });
  }

  async download(version: ModelVersion, into: string): Promise<string[]> {
    const layout = this.layout(version.name);
    const written: string[] = [];
    checkDownloadPaths(version);
    for (const f of version.files) {
      // Errors making the folder or writing the copy are about --download; reading blobs, the registry's.
      const target = await onUserPath({ input: 'download', path: into, expect: 'folder' }, () => downloadTarget(into, version, f), path.resolve(into));
      try {
        await copyVerified(blobPath(layout, f.digest), target.partial, f.digest, f.size, `${f.path} of ${version.name} v${version.version}`);
      } catch (e) {
        await target.discard();
        throw e;
      }
      await onUserPath({ input: 'download', path: into, expect: 'folder' }, () => target.commit(), path.resolve(into));
      written.push(target.path);
    }
    return written;
  }

  private versionUri(name: string, version: number): string {
    return `${this.uri.replace(/\/+$/, '')}/${name}:v${version}`;
  }

  private tagOf(index: ImageIndex, digest: string): number | undefined {
    for (const m of index.manifests) {
      const n = versionNumber(m.annotations?.[ANNOTATION.refName] ?? '');
      if (m.digest === digest && n !== undefined) return n;
    }
    return undefined;
  }

  private async versions(name: string, layout: string, index: ImageIndex): Promise<ModelVersion[]> {
    const out: ModelVersion[] = [];
    for (const m of index.manifests) {
      if (versionNumber(m.annotations?.[ANNOTATION.refName] ?? '') !== undefined) out.push(await this.versionOf(name, layout, index, m.digest));
    }
    return out;
  }

  private async versionOf(name: string, layout: string, index: ImageIndex, digest: string): Promise<ModelVersion> {
    const manifest = JSON.parse((await readVerified(blobPath(layout, digest), digest, `the manifest of '${name}'`)).toString('utf8')) as Manifest;
    const aliases = index.manifests
      .filter((m) => m.digest === digest)
      .map((m) => m.annotations?.[ANNOTATION.refName])
      .filter((t): t is string => !!t && versionNumber(t) === undefined);
    const version = versionNumber(manifest.annotations?.[ANNOTATION.version] ?? '') ?? 0;
    const entry = index.manifests.find((m) => m.digest === digest && m.annotations?.[ANNOTATION.refName] === `v${version}`);
    return withAttachments(
      versionFromManifest(name, manifest, digest, this.versionUri(name, version), aliases.sort()),
      parseAttachments(entry?.annotations?.[ANNOTATION.attachments]),
    );
  }

  private async readIndex(layout: string, mustExist = false): Promise<ImageIndex> {
    let text: string;
    try {
      text = await readFile(path.join(layout, 'index.json'), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      if (mustExist) {
        throw new InputError(`Model '${path.basename(layout)}' is not in the registry ${this.uri}; register it first (or check the name).`, { input: 'name' });
      }
      return { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] };
    }
    try {
      return JSON.parse(text) as ImageIndex;
    } catch {
      throw new InputError(`${path.join(layout, 'index.json')} is not valid JSON; the registry folder was damaged outside modelci: restore it from a backup.`, {
        file: path.join(layout, 'index.json'),
      });
    }
  }

  private async writeIndex(layout: string, index: ImageIndex): Promise<void> {
    await writeFileAtomic(path.join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }) + '\n');
    await writeFileAtomic(path.join(layout, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  }
}

function latestTag(index: ImageIndex): string | undefined {
  let best = 0;
  for (const m of index.manifests) best = Math.max(best, versionNumber(m.annotations?.[ANNOTATION.refName] ?? '') ?? 0);
  return best > 0 ? `v${best}` : undefined;
}

function sameFiles(a: ModelVersion['files'], b: ModelVersion['files']): boolean {
  const key = (fs: ModelVersion['files']) =>
    fs
      .map((f) => `${f.path}\0${f.digest}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}

async function readVerified(file: string, digest: string, what: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new InputError(`The registry is missing ${what} (blob ${digest}); it was deleted outside modelci.`, { file });
  }
  if (`sha256:${createHash('sha256').update(bytes).digest('hex')}` !== digest) {
    throw new InputError(`${what} does not match its digest ${digest}: the blob was changed or damaged; refusing to use it.`, { file });
  }
  return bytes;
}

/** Copies a blob while hashing it; a truncated or tampered blob is refused and the copy removed. */
async function copyVerified(from: string, to: string, digest: string, size: number, what: string): Promise<void> {
  try {
    const s = await stat(from);
    if (s.size !== size)
      throw new InputError(`${what} has ${s.size} bytes in the registry but ${size} were registered: the blob is truncated or replaced; refusing to use it.`, {
        file: from,
      });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`The registry is missing ${what} (blob ${digest}); it was deleted outside modelci.`, { file: from });
  }
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // Through a temporary file: a full disk or a bad blob leaves what was there before.
  const tmp = `${to}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await pipeline(createReadStream(from, { highWaterMark: 1 << 20 }), tap, createWriteStream(tmp));
    if (`sha256:${hash.digest('hex')}` !== digest) {
      throw new InputError(`${what} does not match its digest ${digest}: the blob was tampered with or damaged; refusing to use it.`, { file: from });
    }
    await rename(tmp, to);
  } finally {
    await rm(tmp, { force: true });
  }
}

registerBackend('file', (uri) => new LocalOciRegistry(uri));
