export * from './model-version.js';
export * from './model-registry.js';
export { LocalOciRegistry } from './local-oci-registry.js';
export { OciRegistry, CHUNK_BYTES } from './oci-registry.js';
export { MlflowRegistry } from './mlflow-registry.js';
export * from './run-registry.js';
