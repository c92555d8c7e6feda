/**
 * The part of JSON Schema (OpenAPI 3.0 flavour) that GitHub's REST description uses for request
 * and response bodies: type (with `nullable`), required, properties, additionalProperties, enum,
 * items, oneOf/anyOf (any branch), allOf (every branch), $ref into components. Enough to say
 * whether a body is one GitHub would accept, and to build the smallest body of a documented shape.
 */

export type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

/** Follow `$ref: '#/components/<kind>/<name>'` (chains too). */
export function deref<T = Schema>(doc: OpenApiDocument, node: unknown): T {
  let n = node as Schema;
  for (let hops = 0; n && typeof n.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${n.$ref}`);
    const ref = n.$ref as string;
    const [, , kind, name] = ref.split('/');
    n = doc.components[kind]?.[name] as Schema;
    if (!n) throw new Error(`dangling $ref ${ref}`);
  }
  return n as T;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Every way `value` breaks `schema`, as "where: what" lines; empty when it fits. */
export function validate(doc: OpenApiDocument, schemaNode: unknown, value: unknown, where = 'body'): string[] {
  const s = deref(doc, schemaNode);
  if (!s || Object.keys(s).length === 0) return [];
  if (value === null)
    return s.nullable === true || (Array.isArray(s.type) && s.type.includes('null')) || s.type === 'null' ? [] : [`${where}: null is not allowed`];
  if (Array.isArray(s.allOf)) {
    const errs = s.allOf.flatMap((b) => validate(doc, b, value, where));
    if (errs.length > 0) return errs;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches) && !branches.some((b) => validate(doc, b, value, where).length === 0)) {
      return [`${where}: no subschema in "${key}" matched`];
    }
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  const actual = typeOf(value);
  if (types.length > 0 && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
    return [`${where}: ${JSON.stringify(value)} is not of type ${types.join(' or ')}`];
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return [`${where}: ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`];
  const errs: string[] = [];
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, unknown>;
    for (const r of (s.required ?? []) as string[]) if (!(r in obj)) errs.push(`${where}: "${r}" wasn't supplied`);
    for (const [k, v] of Object.entries(obj)) {
      if (k in props) errs.push(...validate(doc, props[k], v, `${where}.${k}`));
      else if (s.additionalProperties === false) errs.push(`${where}: "${k}" is not a permitted key`);
      else if (typeof s.additionalProperties === 'object') errs.push(...validate(doc, s.additionalProperties, v, `${where}.${k}`));
    }
  }
  if (actual === 'array' && s.items) (value as unknown[]).forEach((v, i) => errs.push(...validate(doc, s.items, v, `${where}[${i}]`)));
  return errs;
}

/** The smallest value of the schema's shape: required properties only, the first enum, the first branch. */
export function minimalOf(doc: OpenApiDocument, schemaNode: unknown, depth = 0): unknown {
  const s = deref(doc, schemaNode);
  if (depth > 12) return null;
  if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map((b) => minimalOf(doc, b, depth + 1)));
  if (Array.isArray(s.oneOf)) return minimalOf(doc, s.oneOf[0], depth + 1);
  if (Array.isArray(s.anyOf)) return minimalOf(doc, s.anyOf[0], depth + 1);
  if (Array.isArray(s.enum)) return s.enum[0];
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      return Object.fromEntries(((s.required ?? []) as string[]).map((k) => [k, props[k] === undefined ? null : minimalOf(doc, props[k], depth + 1)]));
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'string':
      return s.format === 'date-time' ? '2026-01-01T00:00:00Z' : s.format === 'uri' ? 'https://github.com/' : 'x';
    default:
      return s.properties ? minimalOf(doc, { ...s, type: 'object' }, depth) : null;
  }
}

/** `fields` over the smallest value of the schema, at every depth: a documented answer carrying our data. */
export function fillOf(doc: OpenApiDocument, schemaNode: unknown, fields: unknown): unknown {
  const s = deref(doc, schemaNode);
  const branch = Array.isArray(s.allOf) || Array.isArray(s.oneOf) || Array.isArray(s.anyOf) ? ((s.allOf ?? s.oneOf ?? s.anyOf) as unknown[])[0] : undefined;
  if (Array.isArray(fields)) return s.items ? fields.map((f) => fillOf(doc, s.items, f)) : fields;
  if (fields === null || typeof fields !== 'object') return fields;
  if (branch !== undefined && !s.properties) return fillOf(doc, branch, fields);
  const props = (s.properties ?? {}) as Record<string, unknown>;
  const out = { ...(minimalOf(doc, s) as Record<string, unknown>) };
  for (const [k, v] of Object.entries(fields)) out[k] = k in props ? fillOf(doc, props[k], v) : v;
  return out;
}
