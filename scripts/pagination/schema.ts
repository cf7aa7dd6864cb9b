/**
 * Readers over the parts of an operation that paging detection looks at:
 * its success response (status, JSON media type, body schema, declared
 * headers), the schema at a property path of that body, and its query
 * parameters by name. Everything goes through `$ref` and `allOf`
 * (scripts/spec/openapi-walk.ts); nothing here decides what pages.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import {
  deref,
  isJsonMediaType,
  isObject,
  schemaProperties,
  schemaTypes,
  type Node,
  type OperationRef,
} from "../spec/openapi-walk.js";

/** A property path in a body: `["meta", "total_pages"]`; `[]` is the body itself. */
export type PropertyPath = readonly string[];

export interface SuccessResponse {
  /** The response key: `200`, else the first other 2xx code (`201`, `2XX`). */
  readonly status: string;
  /** The JSON media type of its body, e.g. `application/json`. */
  readonly mediaType: string;
  readonly schema: unknown;
  /** Declared response headers, by lower-case name. */
  readonly headers: ReadonlySet<string>;
}

/** The operation's success response with a JSON body, if it has one. */
export function successResponse(doc: OpenApiDocument, operation: Node): SuccessResponse | undefined {
  const responses = deref(doc, operation.responses);
  if (!isObject(responses)) return undefined;
  const codes = Object.keys(responses).filter((code) => /^2(?:\d\d|XX)$/i.test(code));
  const status = codes.includes("200") ? "200" : codes.sort()[0];
  if (status === undefined) return undefined;
  const response = deref(doc, responses[status]);
  if (!isObject(response) || !isObject(response.content)) return undefined;
  const mediaType = Object.keys(response.content).find(isJsonMediaType);
  if (mediaType === undefined) return undefined;
  const media = deref(doc, response.content[mediaType]);
  if (!isObject(media) || media.schema === undefined) return undefined;
  const headers = new Set(
    isObject(response.headers) ? Object.keys(response.headers).map((name) => name.toLowerCase()) : [],
  );
  return { status, mediaType, schema: media.schema, headers };
}

/** The schema at `path` inside `schema` (through `$ref` and `allOf`), or undefined. */
export function schemaAt(doc: OpenApiDocument, schema: unknown, path: PropertyPath): unknown {
  let at = schema;
  for (const key of path) {
    at = schemaProperties(doc, at).get(key);
    if (at === undefined) return undefined;
  }
  return at;
}

export function isArraySchema(doc: OpenApiDocument, schema: unknown): boolean {
  return schemaTypes(doc, schema).includes("array");
}

/** The item schema of an array schema. */
export function itemsOf(doc: OpenApiDocument, schema: unknown): unknown {
  const resolved = deref(doc, schema);
  return isObject(resolved) ? resolved.items : undefined;
}

export function isNumberSchema(doc: OpenApiDocument, schema: unknown): boolean {
  const types = schemaTypes(doc, schema);
  return types.includes("integer") || types.includes("number");
}

export function isBooleanSchema(doc: OpenApiDocument, schema: unknown): boolean {
  return schemaTypes(doc, schema).includes("boolean");
}

/** A schema for a value a cursor can be: a string or a number. */
export function isScalarSchema(doc: OpenApiDocument, schema: unknown): boolean {
  const types = schemaTypes(doc, schema);
  return types.includes("string") || types.includes("integer") || types.includes("number");
}

/** An object schema (declared properties, or `type: object`). */
export function isObjectSchema(doc: OpenApiDocument, schema: unknown): boolean {
  return schemaTypes(doc, schema).includes("object") || schemaProperties(doc, schema).size > 0;
}

/** A string declared as a URL (`format: uri`, `uri-reference`, `url`, `iri`). */
export function isUrlSchema(doc: OpenApiDocument, schema: unknown): boolean {
  const resolved = deref(doc, schema);
  return (
    isObject(resolved) &&
    schemaTypes(doc, resolved).includes("string") &&
    typeof resolved.format === "string" &&
    /^(?:uri|uri-reference|url|iri|iri-reference)$/i.test(resolved.format)
  );
}

/**
 * A string that holds a link rather than a token: declared as a URL, named
 * as one (`next_url`, `next_page_uri`, `href`), described as one ("Relative
 * URL of the next page", "Path to next page"), or whose example is a URL or
 * an absolute path (`/v2/things?page[after]=...`).
 */
export function isLinkSchema(doc: OpenApiDocument, schema: unknown, name: string): boolean {
  const resolved = deref(doc, schema);
  if (!isObject(resolved) || !schemaTypes(doc, resolved).includes("string")) return false;
  const examples = [resolved.example, ...(Array.isArray(resolved.examples) ? resolved.examples : [])];
  const described = typeof resolved.description === "string" && /\b(?:url|uri|link|path)\b/i.test(resolved.description);
  return (
    isUrlSchema(doc, resolved) ||
    /ur[il]|link|href/i.test(name) ||
    described ||
    examples.some((e) => typeof e === "string" && /^(?:https?:\/\/|\/)/i.test(e))
  );
}

/**
 * The numeric properties of an object schema; for an object declared only by
 * its `example`, the example's integer fields.
 */
export function numberFields(doc: OpenApiDocument, schema: unknown): string[] {
  const props = schemaProperties(doc, schema);
  if (props.size > 0) return [...props].filter(([, s]) => isNumberSchema(doc, s)).map(([name]) => name);
  const resolved = deref(doc, schema);
  const example = isObject(resolved) ? resolved.example : undefined;
  return isObject(example) ? Object.keys(example).filter((name) => Number.isInteger(example[name])) : [];
}

/** The operation's query parameters, resolved. */
export function queryParameters(op: OperationRef): Node[] {
  return op.parameters.filter((p) => p.in === "query");
}

/** A name without case or punctuation: `page[size]`, `pageSize` and `page_size` all read `pagesize`. */
export function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A path as the README and messages write it: `meta.total_pages`; `(the body)` for `[]`. */
export function showPath(path: PropertyPath): string {
  return path.length === 0 ? "(the body)" : path.join(".");
}
