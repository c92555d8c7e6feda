/**
 * The one place a production-data location picks its adapter: a postgres:// or postgresql:// URI
 * reads PostgreSQL; anything else is files (the embedded default: no server at all).
 */
import { FileProductionSource } from './file-source.js';
import { PostgresProductionSource } from './postgres-source.js';
import type { ProductionSource, ProductionSourceSpec } from './production-source.js';

export type { ProductionBatch, ProductionReadOptions, ProductionSource, ProductionSourceSpec, TimeWindow } from './production-source.js';

export function isPostgresLocation(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location.trim());
}

export function openProductionSource(spec: ProductionSourceSpec): ProductionSource {
  return isPostgresLocation(spec.location) ? new PostgresProductionSource(spec) : new FileProductionSource(spec);
}
