/**
 * One operation's request body -> the CLI's body data: the media type sent
 * (JSON when the operation accepts it; `*` `/` `*` with an object schema is
 * sent as JSON), a flag for each top-level scalar or enum property (and
 * array of scalars) of a JSON, form-urlencoded or multipart object body,
 * with its required mark, enum values and default; and for multipart, the
 * fields that take a file (`format: binary`, or `contentMediaType`), sent
 * with `--file <field>=@<path>`. A body that is one of several object
 * schemas (`oneOf`/`anyOf`) gets the flags of every branch, required only
 * where every branch requires it. Everything else goes in `--data`.
 *
 * Flag names: the property kebab-cased (`connection_id` -> `--connection-id`);
 * `body-` in front when a parameter's flag or a global flag has the name
 * (`--body-format`); numbered after that as parameters are (flagNames).
 */
import type { BodySpec, FileFieldSpec, FlagSpec } from "../../src/cli/command-spec.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { RESERVED_FLAGS, flagName } from "../naming/cli-names.js";
import {
  deref,
  isJsonMediaType,
  isObject,
  schemaProperties,
  schemaTypes,
  type Node,
  type OperationRef,
} from "../spec/openapi-walk.js";
import { scalarType, valueRules } from "./flags.js";
import { text } from "../spec/text.js";
import type { Mutable } from "../mutable.js";

const SCALARS = new Set(["string", "number", "integer", "boolean"]);
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export interface BodyData {
  body: BodySpec;
  flags: FlagSpec[];
}

/** The body's data, its flags named clear of `taken` (the parameters' flags). */
export function bodyData(doc: OpenApiDocument, op: OperationRef, taken: readonly string[]): BodyData | undefined {
  const requestBody = deref(doc, op.operation.requestBody);
  if (!isObject(requestBody) || !isObject(requestBody.content)) return undefined;
  const types = Object.keys(requestBody.content);
  const chosen = types.find(isJsonMediaType) ?? types[0];
  if (chosen === undefined) return undefined;
  const media = deref(doc, requestBody.content[chosen]);
  const schema = isObject(media) ? media.schema : undefined;
  const isForm = FORM_TYPES.includes(chosen.split(";")[0]!.trim().toLowerCase());
  const asJson = chosen === "*/*" && branchesOf(doc, schema).some((b) => schemaProperties(doc, b).size > 0);
  const mediaType = asJson ? "application/json" : chosen;
  const body: Mutable<BodySpec> = { required: requestBody.required === true, mediaType };
  if (!isJsonMediaType(mediaType) && !isForm) return { body, flags: [] };

  const multipart = mediaType.toLowerCase().startsWith("multipart/form-data");
  const encoding = isObject(media) && isObject(media.encoding) ? media.encoding : {};
  const flags: FlagSpec[] = [];
  const files: FileFieldSpec[] = [];
  const used = new Set([...taken, ...RESERVED_FLAGS]);
  for (const { name, schema: propSchema, required } of bodyProperties(doc, schema)) {
    const s = deref(doc, propSchema);
    if (!isObject(s) || s.readOnly === true) continue;
    const file = multipart ? fileField(doc, name, s, required, encoding[name]) : undefined;
    if (file) {
      files.push(file);
      continue;
    }
    const flag = bodyFlag(doc, name, s, required, used);
    if (flag) flags.push(flag);
  }
  if (files.length > 0) body.files = files;
  return { body, flags };
}

interface BodyProperty {
  name: string;
  schema: unknown;
  required: boolean;
}

/**
 * Top-level properties of the body: of the object, or of every `oneOf`/`anyOf`
 * branch (required where all require it; a property in several branches
 * takes every branch's allowed values, and a default only where all agree).
 */
function bodyProperties(doc: OpenApiDocument, schema: unknown): BodyProperty[] {
  const branches = branchesOf(doc, schema);
  const byName = new Map<string, unknown[]>();
  for (const branch of branches) {
    for (const [name, prop] of schemaProperties(doc, branch)) byName.set(name, [...(byName.get(name) ?? []), prop]);
  }
  return [...byName].map(([name, schemas]) => ({
    name,
    schema: schemas.length === 1 ? schemas[0] : mergeBranches(doc, schemas),
    required: branches.every((b) => requiredOf(doc, b).has(name)),
  }));
}

/** One property as several branches declare it: the union of their types and enums (no enum if one has none), the first description. */
function mergeBranches(doc: OpenApiDocument, schemas: unknown[]): Node {
  const resolved = schemas.map((s) => deref(doc, s)).filter(isObject);
  const valuesOf = (s: Node) => (Array.isArray(s.enum) ? s.enum : s.const !== undefined ? [s.const] : undefined);
  const enums = resolved.map(valuesOf);
  const first = resolved[0] ?? {};
  const defaults = new Set(resolved.map((s) => JSON.stringify(s.default)));
  return {
    ...first,
    type: [...new Set(resolved.flatMap((s) => schemaTypes(doc, s)))],
    enum: enums.every(Boolean) ? [...new Set(enums.flat())] : undefined,
    const: undefined,
    default: defaults.size === 1 ? first.default : undefined,
  };
}

function branchesOf(doc: OpenApiDocument, schema: unknown): unknown[] {
  const s = deref(doc, schema);
  if (!isObject(s)) return [];
  if (schemaProperties(doc, s).size === 0) {
    const list = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
    if (list) return list;
  }
  return [s];
}

/** `required` through `$ref` and `allOf`. */
function requiredOf(doc: OpenApiDocument, schema: unknown, depth = 0): Set<string> {
  const s = deref(doc, schema);
  const out = new Set<string>();
  if (!isObject(s) || depth > 16) return out;
  if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === "string") out.add(r);
  if (Array.isArray(s.allOf)) for (const part of s.allOf) for (const r of requiredOf(doc, part, depth + 1)) out.add(r);
  return out;
}

function isBinary(doc: OpenApiDocument, s: Node): boolean {
  return schemaTypes(doc, s).includes("string") && (s.format === "binary" || typeof s.contentMediaType === "string");
}

function fileField(
  doc: OpenApiDocument,
  field: string,
  s: Node,
  required: boolean,
  encoding: unknown,
): FileFieldSpec | undefined {
  const array = schemaTypes(doc, s).includes("array");
  const item = array ? deref(doc, s.items) : s;
  if (!isObject(item) || !isBinary(doc, item)) return undefined;
  const out: Mutable<FileFieldSpec> = { field };
  if (required) out.required = true;
  if (array) out.array = true;
  const contentType =
    isObject(encoding) && typeof encoding.contentType === "string"
      ? encoding.contentType
      : typeof item.contentMediaType === "string"
        ? item.contentMediaType
        : undefined;
  if (contentType !== undefined && !contentType.includes(",") && !contentType.includes("*"))
    out.contentType = contentType;
  const description = text(s.description);
  if (description !== undefined) out.description = description;
  return out;
}

/** A flag for a scalar (or array of scalars) property; none for objects and mixed types. */
function bodyFlag(
  doc: OpenApiDocument,
  name: string,
  s: Node,
  required: boolean,
  used: Set<string>,
): FlagSpec | undefined {
  const array = schemaTypes(doc, s).includes("array");
  const item = array ? deref(doc, s.items) : s;
  if (!isObject(item)) return undefined;
  const types = schemaTypes(doc, item).filter((t) => t !== "null");
  const values = Array.isArray(item.enum) ? item.enum : item.const !== undefined ? [item.const] : [];
  if (types.length === 0 && values.length === 0) return undefined;
  if (!types.every((t) => SCALARS.has(t))) return undefined;
  const out: Mutable<FlagSpec> = {
    flag: freeName(flagName(name, "body", []), used),
    param: name,
    in: "body",
    type: scalarType(types),
  };
  if (array) out.array = true;
  Object.assign(out, valueRules(item));
  if (required) out.required = true;
  const description = text(s.description) ?? text(item.description);
  if (description !== undefined) out.description = description;
  return out;
}

/** `name`, else `body-name`, else `body-name-2`, ...; the one returned is then taken. */
function freeName(name: string, used: Set<string>): string {
  let out = used.has(name) ? `body-${name}` : name;
  for (let n = 2; used.has(out); n++) out = `body-${name}-${n}`;
  used.add(out);
  return out;
}
