/**
 * The spec's envelope: arrays that ride along in many responses and are no
 * operation's list, such as `errors`, `messages` or `_links`. An array
 * property is part of the envelope when the success bodies of at least
 * ENVELOPE_PATHS different paths carry it under the same name with the same
 * item schema (a `$ref`, or an inline object schema: arrays of plain strings
 * or numbers are too alike to tell apart), and at least one of those bodies
 * also carries another array (so it is seen beside a list, not as the list).
 * Found once per spec.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { isObject, schemaProperties, type OperationRef } from "../spec/openapi-walk.js";
import { isArraySchema, itemsOf, successResponse } from "./schema.js";

export const ENVELOPE_PATHS = 3;

export interface Envelope {
  /** Whether the array property `name` with this item schema is part of the envelope; how many paths carry it. */
  paths(name: string, items: unknown): number;
  has(name: string, items: unknown): boolean;
}

export function envelopeOf(doc: OpenApiDocument, operations: readonly OperationRef[]): Envelope {
  const seen = new Map<string, { paths: Set<string>; beside: boolean }>();
  for (const op of operations) {
    const response = successResponse(doc, op.operation);
    if (!response) continue;
    const arrays = [...schemaProperties(doc, response.schema)].filter(([, schema]) => isArraySchema(doc, schema));
    for (const [name, schema] of arrays) {
      const key = identity(doc, name, itemsOf(doc, schema));
      if (key === undefined) continue;
      const entry = seen.get(key) ?? { paths: new Set<string>(), beside: false };
      entry.paths.add(op.path);
      entry.beside ||= arrays.length > 1;
      seen.set(key, entry);
    }
  }
  const entry = (name: string, items: unknown) => {
    const key = identity(doc, name, items);
    return key === undefined ? undefined : seen.get(key);
  };
  return {
    paths: (name, items) => entry(name, items)?.paths.size ?? 0,
    has: (name, items) => (entry(name, items)?.paths.size ?? 0) >= ENVELOPE_PATHS && entry(name, items)!.beside,
  };
}

/** The name with its item schema: the `$ref` it names, or an inline object schema's JSON; undefined for other items. */
function identity(doc: OpenApiDocument, name: string, items: unknown): string | undefined {
  if (isObject(items) && typeof items.$ref === "string") return `${name}\u0000${items.$ref}`;
  return schemaProperties(doc, items).size > 0 ? `${name}\u0000${JSON.stringify(items)}` : undefined;
}
