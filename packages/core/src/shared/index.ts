/**
 * The shared vocabulary the shells (action-kit) use, importable without the domain, so an
 * action's bundle carries only its own step: `@modelci/core/shared`.
 */
export { isInputError, isServiceError, isPolicyError, InputError, ServiceError, PolicyError } from './errors.js';
export type { Annotation } from './annotation.js';
export type { InputSpec } from './input-spec.js';
export { collectSecrets } from './secrets.js';
export { logText, withoutCommands } from './log-text.js';
export { abortOnSignals } from './cancellation.js';
