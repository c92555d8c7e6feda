/**
 * What the quality-gates shell needs to fetch onnxruntime's CUDA provider libraries through the
 * runner's tool cache (core never imports @actions/*): the shell downloads and caches, these
 * check the archive and the cached copy. Imported by path, so the bundle carries only this.
 */
export {
  ONNXRUNTIME_VERSION,
  checkArchiveDigest,
  expectedArchiveSha256,
  findProviderLibraries,
  sha256OfFile,
  stageProviderLibraries,
  verifyProviderDir,
  type VerifiedCudaProviders,
} from '../model/cuda-provider-archive.js';
export { redactUri } from '../shared/redact-uri.js';
