/** PostgreSQL production data: being built on branch `sources` (next commit). */
import { InputError } from '../shared/errors.js';
import { redactUri } from '../shared/redact-uri.js';
import type { ProductionBatch, ProductionSource, ProductionSourceSpec } from './production-source.js';

export class PostgresProductionSource implements ProductionSource {
  readonly description: string;
  constructor(spec: ProductionSourceSpec) {
    this.description = redactUri(spec.location);
  }
  read(): Promise<ProductionBatch> {
    return Promise.reject(new InputError(`${this.description}: the PostgreSQL source is not built yet.`, {}));
  }
  async close(): Promise<void> {}
}
