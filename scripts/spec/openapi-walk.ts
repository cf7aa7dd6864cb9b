/**
 * Small readers over a bundled OpenAPI document (internal refs only): follow
 * refs, merge `allOf`, list operations in a fixed order.
 */
import type { OpenApiDocument } from "./bundle.js";
import { resolvePointer } from "./json-pointer.js";

export type Node = Record<string, unknown>;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** A JSON media type: `application/json`, `application/problem+json`, `application/vnd.api+json; charset=utf-8`. */
export function isJsonMediaType(type: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i.test(type);
}

export function isObject(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Most `$ref` hops followed from one node (the load step already refused cycles; this only bounds the loop). */
export const MAX_REF_HOPS = 64;

/** Follows `$ref` hops: the one `$ref` follower over a bundled document (internal refs). */
export function deref(doc: OpenApiDocument, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < MAX_REF_HOPS && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = resolvePointer(doc, current.$ref);
  }
  return current;
}

/** The properties of an object schema, through `$ref` and `allOf` (later parts win). */
export function schemaProperties(doc: OpenApiDocument, schema: unknown, depth = 0): Map<string, unknown> {
  const props = new Map<string, unknown>();
  const resolved = deref(doc, schema);
  if (!isObject(resolved) || depth > 16) return props;
  if (Array.isArray(resolved.allOf)) {
    for (const part of resolved.allOf) for (const [k, v] of schemaProperties(doc, part, depth + 1)) props.set(k, v);
  }
  if (isObject(resolved.properties)) {
    for (const [k, v] of Object.entries(resolved.properties)) props.set(k, v);
  }
  return props;
}

export function schemaTypes(doc: OpenApiDocument, schema: unknown): string[] {
  const resolved = deref(doc, schema);
  if (!isObject(resolved)) return [];
  if (typeof resolved.type === "string") return [resolved.type];
  if (Array.isArray(resolved.type)) return resolved.type.filter((t): t is string => typeof t === "string");
  if (isObject(resolved.items)) return ["array"];
  if (isObject(resolved.properties) || Array.isArray(resolved.allOf)) return ["object"];
  return [];
}

export interface OperationRef {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  operation: Node;
  /** Path-level parameters merged with the operation's (the operation's win), resolved. */
  parameters: Node[];
}

/** Operations sorted by path (code unit order) then method order. */
export function listOperations(doc: OpenApiDocument): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths).sort(byCodeUnit)) {
    const item = deref(doc, paths[path]);
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      out.push({ path, method, operation, parameters: mergeParameters(doc, item.parameters, operation.parameters) });
    }
  }
  return out;
}

function mergeParameters(doc: OpenApiDocument, shared: unknown, own: unknown): Node[] {
  const byKey = new Map<string, Node>();
  for (const list of [shared, own]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const param = deref(doc, raw);
      if (isObject(param) && typeof param.name === "string") byKey.set(`${String(param.in)}:${param.name}`, param);
    }
  }
  return [...byKey.values()];
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
