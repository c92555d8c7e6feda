// Await a promise that must reject with a ServiceError (an outside service failed); returns it.
import { ServiceError } from '../../packages/core/src/shared/errors.js';

export async function serviceError(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw new Error(`expected a ServiceError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
  }
  throw new Error('expected a ServiceError, but the promise resolved');
}
