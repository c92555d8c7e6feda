/**
 * An OCI distribution registry (GHCR, Docker Hub, Harbor, ECR, distribution itself) as a model
 * registry: `oci://host[:port]/namespace`. A version is the immutable tag v<N> plus its manifest
 * digest; an alias is a mutable tag. Blobs the registry already has are not uploaded; large files
 * go up in chunks, hashed on the way. Auth follows the registry's challenge: anonymous, Basic, or
 * a Bearer token fetched from the realm it names (GHCR with GITHUB_TOKEN).
 */
import { createHash, type Hash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { redactUri } from '../shared/redact-uri.js';
import { InputError, ServiceError } from '../shared/errors.js';
import { HttpClient, type HttpResponse, type HttpTimeouts } from '../shared/http-client.js';
import { isHttpFailure, isRetryableStatus } from '../shared/http-failure.js';
import { originOf, sameOrigin } from '../shared/http-origin.js';
import { checkDownloadPaths, downloadTarget } from './download-target.js';
import {
  checkModelName,
  checkOciNamespace,
  checkVersionRef,
  registerBackend,
  versionNumber,
  type ModelRegistry,
  type RegisterInput,
  type RegisterResult,
} from './model-registry.js';
import { modelPackConfig, modelPackManifest, versionFromManifest, type Manifest } from './modelpack.js';
import { ANNOTATION, OCI_MANIFEST, type AliasMove, type ModelVersion } from './model-version.js';
import { parseAttachments, withAttachments, type Attachment } from './attachments.js';

/** Upload chunk size; also the size above which a file goes up in chunks instead of one PUT. */
export const CHUNK_BYTES = 64 * 1024 * 1024;

/** GHCR refuses layers over 10 GB; larger files go up as several layers of at most this size. */
export const MAX_LAYER_BYTES = 9_500_000_000;

/**
 * How long a new tag must stay ours before the version counts as registered: longer than any
 * writer's check-to-write gap (one small PUT, milliseconds to a few hundred on a far registry).
 * MODELCI_REGISTRY_SETTLE_MS overrides it (lower in tests, higher for a slow registry).
 */
export const SETTLE_MS = 2_000;

/**
 * Files (parts) up to this size are hashed before uploading and not sent if the registry has the
 * blob (HEAD), so a re-run after a failure does not send finished blobs again. Larger new parts
 * are hashed while they upload (one read of a 1 GiB file, not two), unless a stored layer has
 * their size.
 */
export const HASH_FIRST_BYTES = 256 * 1024 * 1024;

const ATTACHMENT_ARTIFACT = 'application/vnd.modelci.attachment.v1+json';
const ATTACH_TAG = /^v(\d+)\.attach-[0-9a-f]{12}$/;

/** What a repository holds, for a message: versions and aliases, never the attachments' own tags. */
function describeTags(tags: string[]): string {
  const versions = tags.filter((t) => versionNumber(t) !== undefined).sort((a, b) => versionNumber(a)! - versionNumber(b)!);
  const aliases = tags.filter((t) => versionNumber(t) === undefined && !ATTACH_TAG.test(t)).sort();
  if (versions.length === 0) return 'no versions yet';
  const shown =
    versions.length > 10 ? `${versions.slice(0, 3).join(', ')} … ${versions.slice(-3).join(', ')} (${versions.length} versions)` : versions.join(', ');
  return aliases.length > 0
    ? `${shown} and the aliases ${aliases.slice(0, 10).join(', ')}${aliases.length > 10 ? ` and ${aliases.length - 10} more` : ''}`
    : shown;
}

/** Version numbers one registration tries before giving up (each lost claim moves to the next). */
const MAX_CLAIMS = 64;

interface Credentials {
  username: string;
  password: string;
}

export interface OciRegistryOptions {
  chunkBytes?: number;
  maxLayerBytes?: number;
  /** Per-phase limits of every call (defaults: shared/http-client's). */
  timeouts?: Partial<HttpTimeouts>;
  /** Stops every call (the step's cancellation). */
  signal?: AbortSignal;
  /** The claim's settle delay (ms); default MODELCI_REGISTRY_SETTLE_MS, else SETTLE_MS. */
  settleMs?: number;
}

export class OciRegistry implements ModelRegistry {
  private readonly base: string;
  private readonly host: string;
  private readonly namespace: string;
  private readonly tokens = new Map<string, string>();
  private readonly uriCredentials?: Credentials;

  private readonly chunkBytes: number;
  private readonly maxLayerBytes: number;
  private readonly http: HttpClient;
  private readonly settleMs: number;

  constructor(
    readonly uri: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    options: OciRegistryOptions = {},
  ) {
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    this.maxLayerBytes = options.maxLayerBytes ?? MAX_LAYER_BYTES;
    this.settleMs = options.settleMs ?? settleFromEnv(env.MODELCI_REGISTRY_SETTLE_MS);
    this.http = new HttpClient({
      service: 'the registry',
      hint: 'check the registry URI and that the registry is up',
      timeouts: options.timeouts,
      signal: options.signal,
    });
    const m = /^oci(\+https?)?:\/\/([^/]+)(\/.*)?$/i.exec(uri);
    if (!m) throw new InputError(redactUri(`Registry '${uri}' is not oci://host/namespace (e.g. oci://ghcr.io/acme/models).`), { input: 'registry' });
    // Credentials in the URI (user:password@host, the password may hold '@'): used, never printed.
    const at = m[2].lastIndexOf('@');
    this.host = m[2].slice(at + 1);
    if (at >= 0) {
      const userinfo = m[2].slice(0, at);
      const colon = userinfo.indexOf(':');
      const decode = (t: string) => {
        try {
          return decodeURIComponent(t);
        } catch {
          return t;
        }
      };
      if (colon > 0) this.uriCredentials = { username: decode(userinfo.slice(0, colon)), password: decode(userinfo.slice(colon + 1)) };
    }
    const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(this.host);
    const scheme = m[1] ? m[1].slice(1).toLowerCase() : local ? 'http' : 'https';
    this.base = `${scheme}://${this.host}`;
    this.namespace = (m[3] ?? '').replace(/^\/+|\/+$/g, '');
    checkOciNamespace(this.namespace);
  }

  checkName(name: string): void {
    this.repo(name);
  }

  private repo(name: string): string {
    checkModelName(name, 'name', this.namespace ? `${this.namespace}/` : '');
    return this.namespace ? `${this.namespace}/${name}` : name;
  }

  async register(input: RegisterInput): Promise<RegisterResult> {
    const repo = this.repo(input.name);
    let bytesWritten = 0;
    const files: ModelVersion['files'] = [];
    const versions = await this.versionsOf(input.name);
    // Layers of these sizes may be stored already: such files are hashed before uploading.
    const knownSizes = new Set(versions.flatMap((v) => v.files.flatMap((f) => (f.parts ?? [f]).map((p) => p.size))));
    for (const f of input.files) {
      const pushed = await this.pushFile(repo, f.source, knownSizes);
      bytesWritten += pushed.uploaded;
      files.push({ path: f.path, digest: pushed.digest, size: pushed.size, ...(pushed.parts.length > 1 ? { parts: pushed.parts } : {}) });
    }
    const key = (fs: ModelVersion['files']) =>
      fs
        .map((f) => `${f.path}\0${f.digest}`)
        .sort()
        .join('\n');
    const same = versions.find((v) => key(v.files) === key(files));
    if (same) return { version: same, existing: true, bytesWritten };
    let version = versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
    for (let attempt = 0; attempt < MAX_CLAIMS; attempt++, version++) {
      // A number already taken is skipped before anything is pushed for it.
      if (await this.manifestDigest(repo, `v${version}`)) continue;
      const config = Buffer.from(modelPackConfig(input, version, files));
      const configDigest = await this.pushBytes(repo, config);
      const manifest = modelPackManifest(input, version, files, { digest: configDigest, size: config.length, written: true });
      const body = Buffer.from(JSON.stringify(manifest));
      const digest = await this.claimTag(repo, `v${version}`, body);
      if (!digest) continue;
      return {
        version: versionFromManifest(input.name, manifest, digest, `${this.uri.replace(/\/+$/, '')}/${input.name}:v${version}`, []),
        existing: false,
        bytesWritten,
      };
    }
    throw new ServiceError(
      `the registry ${this.host}`,
      `Could not claim a version tag for '${input.name}' in ${this.uri} after ${MAX_CLAIMS} tries; other writers keep registering: try again.`,
      { retryable: true },
    );
  }

  /**
   * Claims `tag` for `body`; returns its digest, or undefined when another writer holds the tag.
   * Distribution has no conditional tag write, so: the manifest goes up by digest first (the
   * check-to-write gap is one small PUT), the tag is written only if free, and read back after a
   * settle delay. Every writer that saw the tag free writes within its gap of seeing it, so after
   * the first write plus the delay all such writes have landed: the last one stays, and each
   * writer's read-back agrees on one owner. A writer whose own gap exceeded the delay cannot know
   * whether it overwrote a confirmed owner, and says so instead of claiming.
   */
  private async claimTag(repo: string, tag: string, body: Buffer): Promise<string | undefined> {
    const digest = await this.putManifest(repo, `sha256:${createHash('sha256').update(body).digest('hex')}`, body);
    const checked = Date.now();
    if (await this.manifestDigest(repo, tag)) return undefined;
    await this.putManifest(repo, tag, body);
    const gap = Date.now() - checked;
    await new Promise((resolve) => setTimeout(resolve, this.settleMs));
    if ((await this.manifestDigest(repo, tag)) !== digest) return undefined;
    // The last writer of a tag always reads back its own: if any writer overwrote a confirmed
    // owner, it had a gap over the delay, and the last such writer fails here, loudly.
    if (gap >= this.settleMs) {
      throw new ServiceError(
        `the registry ${this.host}`,
        `Tagging ${repo}:${tag} took ${gap} ms from check to write, longer than the settle delay of ${this.settleMs} ms, so another registration of ${tag} may have been overwritten; check the versions with 'modelci list', and raise MODELCI_REGISTRY_SETTLE_MS for this registry.`,
        { retryable: false },
      );
    }
    return digest;
  }

  async resolve(name: string, ref: string): Promise<ModelVersion> {
    checkVersionRef(ref);
    const repo = this.repo(name);
    const n = versionNumber(ref);
    let tag = n !== undefined ? `v${n}` : ref;
    if (ref === 'latest') {
      const tags = (await this.tags(repo)).filter((t) => versionNumber(t) !== undefined);
      if (tags.length === 0) throw new InputError(redactUri(`Model '${name}' has no versions in ${this.uri}; register it first.`), { input: 'name' });
      tag = `v${Math.max(...tags.map((t) => versionNumber(t)!))}`;
    }
    const got = await this.getManifest(repo, tag);
    if (!got) {
      throw new InputError(
        redactUri(`Model '${name}' has no ${n !== undefined ? 'version' : 'alias'} '${ref}' in ${this.uri}; it has ${describeTags(await this.tags(repo))}.`),
        { input: 'version' },
      );
    }
    return this.toVersion(name, repo, got.manifest, got.digest);
  }

  /** Every version; a model with none is a sentence, as on the other backends. */
  async list(name: string): Promise<ModelVersion[]> {
    const versions = await this.versionsOf(name);
    if (versions.length === 0)
      throw new InputError(redactUri(`Model '${name}' is not in the registry ${this.uri}; register it first (or check the name).`), { input: 'name' });
    return versions;
  }

  private async versionsOf(name: string): Promise<ModelVersion[]> {
    const repo = this.repo(name);
    const tags = await this.tags(repo);
    const digests = new Map<string, string[]>();
    const versions: ModelVersion[] = [];
    for (const tag of tags.filter((t) => !ATTACH_TAG.test(t))) {
      const got = await this.getManifest(repo, tag);
      if (!got) continue;
      if (versionNumber(tag) !== undefined)
        versions.push(versionFromManifest(name, got.manifest, got.digest, `${this.uri.replace(/\/+$/, '')}/${name}:${tag}`, []));
      else digests.set(got.digest, [...(digests.get(got.digest) ?? []), tag]);
    }
    const out: ModelVersion[] = [];
    for (const v of versions) out.push(withAttachments({ ...v, aliases: (digests.get(v.digest) ?? []).sort() }, await this.attachmentsOf(repo, tags, v)));
    return out.sort((a, b) => a.version - b.version);
  }

  /**
   * An attachment is an OCI manifest whose subject is the version's manifest, tagged
   * v<N>.attach-<its digest>: the version's own tag and digest never change.
   */
  async attach(version: ModelVersion, attachment: Attachment): Promise<ModelVersion> {
    const repo = this.repo(version.name);
    const current = await this.getManifest(repo, `v${version.version}`);
    if (!current || current.digest !== version.digest) {
      throw new InputError(redactUri(`Version ${version.version} of '${version.name}' changed in ${this.uri} since it was resolved; resolve it again.`), {
        input: 'version',
      });
    }
    const empty = await this.pushBytes(repo, Buffer.from('{}'));
    const emptyDescriptor = { mediaType: 'application/vnd.oci.empty.v1+json', digest: empty, size: 2 };
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: ATTACHMENT_ARTIFACT,
        config: emptyDescriptor,
        layers: [emptyDescriptor],
        subject: { mediaType: OCI_MANIFEST, digest: version.digest, size: current.body.length },
        annotations: { [ANNOTATION.created]: attachment.attachedAt, [ANNOTATION.attachments]: JSON.stringify(attachment) },
      }),
    );
    const digest = await this.putManifest(repo, `sha256:${createHash('sha256').update(body).digest('hex')}`, body);
    await this.putManifest(repo, `v${version.version}.attach-${digest.slice(7, 19)}`, body);
    return this.resolve(version.name, String(version.version));
  }

  private async attachmentsOf(repo: string, tags: string[], version: ModelVersion): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const tag of tags.filter((t) => ATTACH_TAG.exec(t)?.[1] === String(version.version))) {
      const got = await this.getManifest(repo, tag);
      const m = got?.manifest as (Manifest & { subject?: { digest?: string } }) | undefined;
      // Only one that names this very version counts (a tag could be pushed by anyone with write access).
      if (m?.artifactType !== ATTACHMENT_ARTIFACT || m.subject?.digest !== version.digest) continue;
      out.push(...parseAttachments(`[${m.annotations?.[ANNOTATION.attachments] ?? ''}]`));
    }
    return out;
  }

  async moveAlias(name: string, alias: string, version: ModelVersion, options: { forced: boolean; now: Date }): Promise<AliasMove> {
    const repo = this.repo(name);
    const before = await this.getManifest(repo, alias);
    const previousVersion = before ? versionNumber(before.manifest.annotations?.['org.opencontainers.image.version'] ?? '') : undefined;
    const current = await this.getManifest(repo, `v${version.version}`);
    if (!current || current.digest !== version.digest) {
      throw new InputError(redactUri(`Version ${version.version} of '${name}' changed in ${this.uri} since it was resolved; resolve it again.`), {
        input: 'version',
      });
    }
    await this.putManifest(repo, alias, current.body);
    return { alias, version: version.version, digest: version.digest, previousVersion, forced: options.forced };
  }

  async download(version: ModelVersion, into: string): Promise<string[]> {
    const repo = this.repo(version.name);
    const written: string[] = [];
    checkDownloadPaths(version);
    for (const f of version.files) {
      const target = await downloadTarget(into, version, f);
      const mismatch = () =>
        new InputError(
          `${f.path} of ${version.name} v${version.version} from ${this.uri} does not match its digest ${f.digest}: it was tampered with or cut short; refusing to use it.`,
          { input: 'version' },
        );
      const hash = createHash('sha256');
      const out = createWriteStream(target.partial);
      let size = 0;
      try {
        for (const part of f.parts ?? [{ digest: f.digest, size: f.size }]) {
          // Verified by digest as it streams: no size cap but the part's own size, which a longer answer cannot pass.
          const res = await this.request('GET', `/v2/${repo}/blobs/${part.digest}`, repo, 'pull', { maxBytes: part.size });
          if (res.status !== 200) throw await this.failure(res, `download ${f.path}`);
          const partHash = createHash('sha256');
          for await (const chunk of res.body as AsyncIterable<Buffer>) {
            hash.update(chunk);
            partHash.update(chunk);
            size += chunk.length;
            if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
          }
          if (`sha256:${partHash.digest('hex')}` !== part.digest) size = NaN; // caught below, after closing
        }
      } catch (e) {
        // What a failed download leaves is what was there before.
        out.destroy();
        await target.discard();
        // Longer than the recorded size: it cannot match its digest.
        if (isHttpFailure(e) && e.kind === 'too-large') throw mismatch();
        throw e;
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      if (`sha256:${hash.digest('hex')}` !== f.digest || size !== f.size) {
        await target.discard();
        throw mismatch();
      }
      await target.commit();
      written.push(target.path);
    }
    return written;
  }

  private async toVersion(name: string, repo: string, manifest: Manifest, digest: string): Promise<ModelVersion> {
    const version = versionNumber(manifest.annotations?.['org.opencontainers.image.version'] ?? '') ?? 0;
    const aliases: string[] = [];
    const tags = await this.tags(repo);
    for (const tag of tags) {
      if (versionNumber(tag) !== undefined || ATTACH_TAG.test(tag)) continue;
      if ((await this.manifestDigest(repo, tag)) === digest) aliases.push(tag);
    }
    const v = versionFromManifest(name, manifest, digest, `${this.uri.replace(/\/+$/, '')}/${name}:v${version}`, aliases.sort());
    return withAttachments(v, await this.attachmentsOf(repo, tags, v));
  }

  /**
   * Uploads a file, as one layer or as parts of at most maxLayerBytes. A part the size of a stored
   * layer, or small enough (HASH_FIRST_BYTES), is hashed first and skipped if the registry has it
   * (re-registering, or re-running after a failure, uploads 0 bytes of it); any other part is
   * hashed while it uploads, so a large new file is read once.
   */
  private async pushFile(
    repo: string,
    file: string,
    knownSizes: ReadonlySet<number>,
  ): Promise<{ digest: string; size: number; uploaded: number; parts: Array<{ digest: string; size: number }> }> {
    const size = (await stat(file)).size;
    const whole = createHash('sha256');
    const parts: Array<{ digest: string; size: number }> = [];
    let uploaded = 0;
    for (let start = 0; start < size || parts.length === 0; start += this.maxLayerBytes) {
      const partSize = Math.min(this.maxLayerBytes, size - start);
      if (knownSizes.has(partSize) || partSize <= HASH_FIRST_BYTES) {
        const digest = await hashRange(file, start, partSize, whole);
        if (!(await this.hasBlob(repo, digest))) {
          await this.uploadRange(repo, file, start, partSize, path.basename(file));
          uploaded += partSize;
        }
        parts.push({ digest, size: partSize });
      } else {
        parts.push({ digest: await this.uploadRange(repo, file, start, partSize, path.basename(file), whole), size: partSize });
        uploaded += partSize;
      }
      if (size === 0) break;
    }
    return { digest: `sha256:${whole.digest('hex')}`, size, uploaded, parts };
  }

  /**
   * A chunked upload (POST, a PATCH per chunk, PUT with the digest) of bytes [start, start + size),
   * each chunk piped from the file by node:http and hashed on the way; returns the digest.
   * `alsoHash` receives the same bytes (the whole file's digest of a split file).
   */
  private async uploadRange(repo: string, file: string, start: number, size: number, what: string, alsoHash?: Hash): Promise<string> {
    let location = await this.startUpload(repo);
    const hash = createHash('sha256');
    for (let offset = 0; offset < size; offset += this.chunkBytes) {
      const length = Math.min(this.chunkBytes, size - offset);
      const source = createReadStream(file, { start: start + offset, end: start + offset + length - 1, highWaterMark: 1 << 20 });
      source.on('data', (chunk) => {
        hash.update(chunk as Buffer);
        alsoHash?.update(chunk as Buffer);
      });
      const res = await this.pipeRequest(location, repo, source, {
        'Content-Type': 'application/octet-stream',
        'Content-Range': `${offset}-${offset + length - 1}`,
        'Content-Length': String(length),
      });
      if (res.status !== 202) throw await this.failure(res, `upload ${what}`);
      const next = res.header('location');
      location = next ? new URL(next, location).href : location;
      res.discard();
    }
    const digest = `sha256:${hash.digest('hex')}`;
    // Naming the content by its digest makes the PUT safe to repeat.
    const done = await this.request('PUT', withDigest(location, digest), repo, 'push,pull', { headers: { 'Content-Length': '0' }, idempotent: true });
    if (done.status !== 201) throw await this.failure(done, `finish the upload of ${what}`);
    done.discard();
    return digest;
  }

  /**
   * Streams a file range as a PATCH body (node:http under the client: web streams through fetch
   * cost twice the time on a 1 GiB upload). Uploads start with a POST of the same scope, whose
   * auth challenge has been answered, so the credentials are known here; they go only to the
   * registry's own origin, never to an upload Location elsewhere.
   */
  private pipeRequest(target: string, repo: string, body: NodeJS.ReadableStream, headers: Record<string, string>): Promise<HttpResponse> {
    return this.http.request({
      method: 'PATCH',
      url: new URL(target, this.base),
      body: body as unknown as import('node:stream').Readable,
      headers,
      authorization: this.tokens.get(`repository:${repo}:push,pull`),
      credentialsOrigin: originOf(this.base),
    });
  }

  private async pushBytes(repo: string, bytes: Buffer): Promise<string> {
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (await this.hasBlob(repo, digest)) return digest;
    const location = await this.startUpload(repo);
    const res = await this.request('PUT', withDigest(location, digest), repo, 'push,pull', {
      body: bytes,
      idempotent: true,
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) },
    });
    if (res.status !== 201) throw await this.failure(res, 'upload the model config');
    res.discard();
    return digest;
  }

  private async startUpload(repo: string): Promise<string> {
    const res = await this.request('POST', `/v2/${repo}/blobs/uploads/`, repo, 'push,pull');
    const location = res.header('location');
    if (res.status !== 202 || !location) throw await this.failure(res, 'start an upload');
    res.discard();
    return new URL(location, res.url).href;
  }

  private async hasBlob(repo: string, digest: string): Promise<boolean> {
    const res = await this.request('HEAD', `/v2/${repo}/blobs/${digest}`, repo, 'pull');
    res.discard();
    if (res.status !== 200 && res.status !== 404) throw await this.failure(res, `look up a blob`);
    return res.status === 200;
  }

  private async putManifest(repo: string, tag: string, body: Buffer): Promise<string> {
    const res = await this.request('PUT', `/v2/${repo}/manifests/${tag}`, repo, 'push,pull', { body, headers: { 'Content-Type': OCI_MANIFEST } });
    if (res.status !== 201) throw await this.failure(res, `tag ${tag}`);
    res.discard();
    return `sha256:${createHash('sha256').update(body).digest('hex')}`;
  }

  private async manifestDigest(repo: string, tag: string): Promise<string | undefined> {
    const got = await this.getManifest(repo, tag);
    return got?.digest;
  }

  private async getManifest(repo: string, tag: string): Promise<{ manifest: Manifest; digest: string; body: Buffer } | undefined> {
    const res = await this.request('GET', `/v2/${repo}/manifests/${tag}`, repo, 'pull', { headers: { Accept: OCI_MANIFEST } });
    if (res.status === 404) {
      res.discard();
      return undefined;
    }
    if (res.status !== 200) throw await this.failure(res, `read ${tag}`);
    const body = await res.buffer();
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    try {
      return { manifest: JSON.parse(body.toString('utf8')) as Manifest, digest, body };
    } catch {
      throw new InputError(`The registry returned a manifest for ${repo}:${tag} that is not JSON; it is not a model pushed by modelci.`, { input: 'registry' });
    }
  }

  /** Every tag, following Link: <...>; rel="next" pages (registries that ignore `n` send all at once). */
  private async tags(repo: string): Promise<string[]> {
    const out: string[] = [];
    let next: string | undefined = `/v2/${repo}/tags/list?n=1000`;
    while (next) {
      const res = await this.request('GET', next, repo, 'pull');
      if (res.status === 404) {
        res.discard();
        return out;
      }
      if (res.status !== 200) throw await this.failure(res, 'list tags');
      const body = await res.json<{ tags?: string[] | null }>();
      if (!body)
        throw new ServiceError(
          `the registry ${this.host}`,
          `The registry ${this.host} answered the tag list of ${repo} with something that is not JSON; check the registry URI.`,
        );
      out.push(...(body.tags ?? []));
      // The next page may be on another host: it is read, but credentials stay with the registry.
      const link = /<([^>]+)>;\s*rel="?next"?/.exec(res.header('link') ?? '')?.[1];
      next = link ? new URL(link, res.url).href : undefined;
    }
    return out;
  }

  private credentials(): Credentials | undefined {
    const username = this.env.MODELCI_REGISTRY_USERNAME ?? (this.host === 'ghcr.io' ? (this.env.GITHUB_ACTOR ?? 'token') : undefined);
    const password = this.env.MODELCI_REGISTRY_PASSWORD ?? (this.host === 'ghcr.io' ? this.env.GITHUB_TOKEN : undefined);
    return username && password ? { username, password } : this.uriCredentials;
  }

  /**
   * One request, answering the registry's auth challenge once. Never logs credentials, and sends
   * them only to the registry's own origin (a Location or Link elsewhere gets none).
   */
  private async request(
    method: string,
    target: string,
    repo: string,
    actions: string,
    init: { body?: Buffer; headers?: Record<string, string>; idempotent?: boolean; maxBytes?: number } = {},
  ): Promise<HttpResponse> {
    const url = new URL(target, this.base);
    const send = (auth?: string) =>
      this.http.request({
        method,
        url,
        body: init.body,
        headers: init.headers,
        idempotent: init.idempotent,
        maxBytes: init.maxBytes,
        authorization: auth,
        credentialsOrigin: originOf(this.base),
      });
    const scope = `repository:${repo}:${actions}`;
    const cached = this.tokens.get(scope);
    let res = await send(cached);
    if (res.status !== 401) return res;
    res.discard();
    const challenge = res.header('www-authenticate') ?? '';
    const creds = this.credentials();
    if (/^basic/i.test(challenge)) {
      if (!creds) throw this.authError(401);
      const basic = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      this.tokens.set(scope, basic);
      res = await send(basic);
    } else if (/^bearer/i.test(challenge)) {
      const token = await this.token(challenge, scope, creds);
      this.tokens.set(scope, `Bearer ${token}`);
      res = await send(`Bearer ${token}`);
    }
    // Distribution answers a valid token that lacks the action with 401 insufficient_scope: a
    // permission problem, not a missing credential.
    if (res.status === 401 || res.status === 403) res.discard();
    if (res.status === 401 && /error="insufficient_scope"/.test(res.header('www-authenticate') ?? '')) throw this.authError(403, '401 insufficient_scope');
    if (res.status === 401 || res.status === 403) throw this.authError(res.status);
    return res;
  }

  /**
   * A Bearer token from the realm the challenge names. The password goes there only when the realm
   * is the registry's own origin or is https: a plain-http realm elsewhere could be anyone's, and
   * is asked for an anonymous token.
   */
  private async token(challenge: string, scope: string, creds: Credentials | undefined): Promise<string> {
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!params.realm) throw this.authError(401);
    let url: URL;
    try {
      url = new URL(params.realm);
    } catch {
      throw new ServiceError(
        `the registry ${this.host}`,
        `The registry ${this.host} names a token realm '${params.realm}' that is not a URL; it is misconfigured.`,
      );
    }
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', scope);
    const trusted = sameOrigin(url, this.base) || url.protocol === 'https:';
    const basic = creds && trusted ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : undefined;
    const res = await this.http.request({ method: 'GET', url, authorization: basic, credentialsOrigin: url.origin });
    if (res.status === 401 || res.status === 403) {
      res.discard();
      if (creds && !trusted) throw this.untrustedRealm(url);
      throw this.authError(res.status);
    }
    if (res.status !== 200) throw await this.failure(res, 'get a token');
    const body = await res.json<{ token?: string; access_token?: string }>();
    const token = body?.token ?? body?.access_token;
    if (!token) throw this.authError(401);
    return token;
  }

  private untrustedRealm(realm: URL): InputError {
    return new InputError(
      `The registry ${this.host} sends its clients to the token realm ${realm.origin}, which is plain http on another host; modelci does not send the registry password there. Use a registry whose realm is https or on its own address.`,
      { input: 'registry' },
    );
  }

  private authError(status: number, said = String(status)): InputError {
    const ghcr = this.host === 'ghcr.io';
    return new InputError(
      status === 403
        ? `The registry ${this.host} refused access (${said}); the credentials are valid but lack permission: ${ghcr ? "give the job 'permissions: packages: write'" : 'grant push and pull on the repository'}.`
        : this.credentials()
          ? `The registry ${this.host} refused the credentials sent (401); check ${this.env.MODELCI_REGISTRY_USERNAME && this.env.MODELCI_REGISTRY_PASSWORD ? 'MODELCI_REGISTRY_USERNAME and MODELCI_REGISTRY_PASSWORD' : ghcr && !this.uriCredentials ? "GITHUB_TOKEN (and that the job has 'permissions: packages: write')" : 'the user and password in the registry URI'}.`
          : `The registry ${this.host} asked for credentials (401) and none were set; ${ghcr ? "pass GITHUB_TOKEN in the step's env (with 'permissions: packages: write')" : "set MODELCI_REGISTRY_USERNAME and MODELCI_REGISTRY_PASSWORD in the step's env"}.`,
      { input: 'registry' },
    );
  }

  /**
   * A refusal in the protocol: a 5xx or 429 may pass (try again); any other answer will not,
   * because it is how this registry treats the request.
   */
  private async failure(res: HttpResponse, what: string): Promise<ServiceError> {
    const said = (await res.text().catch(() => '')).trim().split('\n')[0].slice(0, 120);
    const retryable = isRetryableStatus(res.status);
    const answer = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${said ? `: ${said}` : ''}`;
    return new ServiceError(
      `the registry ${this.host}`,
      `The registry ${this.host} failed to ${what} (${answer}); nothing was tagged, so no version points at partial content${retryable ? ': try again' : ''}.`,
      { retryable },
    );
  }
}

function settleFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return SETTLE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0)
    throw new InputError(`MODELCI_REGISTRY_SETTLE_MS is '${value}'; set it to a whole number of milliseconds (default ${SETTLE_MS}).`, {
      input: 'MODELCI_REGISTRY_SETTLE_MS',
    });
  return ms;
}

function withDigest(location: string, digest: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

registerBackend('oci', (uri) => new OciRegistry(uri));
registerBackend('oci+http', (uri) => new OciRegistry(uri));
registerBackend('oci+https', (uri) => new OciRegistry(uri));

/** sha256 of bytes [start, start + size) of a file; `alsoHash` receives the same bytes. */
async function hashRange(file: string, start: number, size: number, alsoHash: Hash): Promise<string> {
  const hash = createHash('sha256');
  if (size > 0) {
    for await (const chunk of createReadStream(file, { start, end: start + size - 1, highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      alsoHash.update(chunk as Buffer);
    }
  }
  return `sha256:${hash.digest('hex')}`;
}
