/**
 * The request side of the generated types, through openapi-typescript's
 * public options (`defaultNonNullable`, `transformProperty`, `transform`):
 *
 * - A property with a `default` and not in `required` is optional where the
 *   client sends it (a request body, a query or header parameter: the server
 *   fills it in), and required where the client only receives it (responses,
 *   webhook payloads: the server always sends it), as openapi-typescript's
 *   `defaultNonNullable` makes it everywhere. A component schema used in both
 *   directions is typed once, so it takes the request rule: its defaulted
 *   properties read as possibly `undefined` in responses too. So does a
 *   component no operation uses (the spec's own reading of `default`).
 * - A binary field (`format: binary`, or 3.1's `contentMediaType` without
 *   `contentEncoding`) of a `multipart/form-data` request body is a `Blob`
 *   (a `File` is one), which the client sends as a file part
 *   (src/fetch/multipart-body.ts).
 */
import type { OpenAPITSOptions, SchemaObject } from "openapi-typescript";
import type ts from "typescript";
import type { OpenApiDocument } from "../spec/bundle.js";
import { schemaDirections } from "./schema-directions.js";

type Hooks = Required<Pick<OpenAPITSOptions, "defaultNonNullable" | "transformProperty" | "transform">>;

export function requestTypeHooks(doc: OpenApiDocument, factory: typeof ts.factory): Hooks {
  const directions = schemaDirections(doc);
  return {
    defaultNonNullable: false,
    transformProperty(property, schema, options) {
      if (property.questionToken === undefined || !hasDefault(schema)) return undefined;
      const { directions: ways } = directions.placeOf(options.path);
      if (!(ways.has("response") && !ways.has("request"))) return undefined;
      return factory.updatePropertySignature(property, property.modifiers, property.name, undefined, property.type);
    },
    transform(schema, options) {
      if (!isBinary(schema) || !directions.placeOf(options.path).multipart) return undefined;
      const blob = factory.createTypeReferenceNode("Blob");
      return isNullable(schema)
        ? factory.createUnionTypeNode([blob, factory.createLiteralTypeNode(factory.createNull())])
        : blob;
    },
  };
}

function hasDefault(schema: unknown): boolean {
  return (
    typeof schema === "object" &&
    schema !== null &&
    "default" in schema &&
    (schema as { default?: unknown }).default !== undefined
  );
}

/** A string of bytes: `format: binary` (3.0), or `contentMediaType` with no `contentEncoding` (3.1 §4.8.14.3). */
function isBinary(schema: SchemaObject): boolean {
  const types = typeOf(schema);
  if (!types.includes("string")) return false;
  const s = schema as { format?: unknown; contentMediaType?: unknown; contentEncoding?: unknown };
  return s.format === "binary" || (typeof s.contentMediaType === "string" && s.contentEncoding === undefined);
}

function isNullable(schema: SchemaObject): boolean {
  return typeOf(schema).includes("null") || (schema as { nullable?: unknown }).nullable === true;
}

function typeOf(schema: SchemaObject): string[] {
  const type = (schema as { type?: unknown }).type;
  return typeof type === "string"
    ? [type]
    : Array.isArray(type)
      ? type.filter((t): t is string => typeof t === "string")
      : [];
}
