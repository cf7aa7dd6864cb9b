/**
 * `multipart-operations.ts`: the operations whose request body is
 * `multipart/form-data` with no JSON form, as plain data (`"POST /media"`),
 * so the runtime sends their bodies as multipart whatever they hold, a file
 * or only text fields (openapi-fetch's per-request `bodySerializer`, chosen
 * by method and path: src/fetch/multipart-body.ts). An operation that takes
 * JSON too is not listed: the runtime picks by the body there (a file goes
 * as multipart). The per-operation functions (operations.ts) read the same
 * predicate.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import type { OutputFile } from "../output/output-file.js";
import { literal } from "../emit/emit-safety.js";
import { deref, isJsonMediaType, isObject, listOperations, type OperationRef } from "../spec/openapi-walk.js";

const MULTIPART = /^multipart\/form-data(?:;|$)/i;

/** The request body's media types include `multipart/form-data` and no JSON one. */
export function takesMultipartOnly(doc: OpenApiDocument, op: OperationRef): boolean {
  const body = deref(doc, op.operation.requestBody);
  const content = isObject(body) ? deref(doc, body.content) : undefined;
  const media = isObject(content) ? Object.keys(content) : [];
  return media.some((type) => MULTIPART.test(type)) && !media.some(isJsonMediaType);
}

export function generateMultipartOperations(doc: OpenApiDocument, fileHeader: string): OutputFile {
  const keys = listOperations(doc)
    .filter((op) => takesMultipartOnly(doc, op))
    .map((op) => `  ${literal(`${op.method.toUpperCase()} ${op.path}`)},\n`);
  const content = `${fileHeader}
/**
 * The operations whose request body is multipart/form-data with no JSON form,
 * as \`METHOD /path\`: the client sends their bodies as multipart/form-data.
 */
export const multipartOperations: readonly string[] = [${keys.length === 0 ? "" : `\n${keys.join("")}`}];
`;
  return { path: "multipart-operations.ts", content };
}
