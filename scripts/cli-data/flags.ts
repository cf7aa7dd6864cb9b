/**
 * One operation's query and path parameters -> the CLI's flag data: name,
 * type, enum, bounds, default, required, description. Header and cookie
 * parameters are not flags (the client sends the auth header itself). Flag
 * names follow scripts/cli-names.ts (`flagNames`): unique per operation,
 * each flag sending its own parameter's name and location.
 */
import type { FlagSpec, FlagType } from "../../src/cli/command-spec.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { RESERVED_FLAGS, flagNames } from "../naming/cli-names.js";
import { deref, isObject, schemaTypes, type Node, type OperationRef } from "../spec/openapi-walk.js";
import type { PagedOperation } from "../pagination/index.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function operationFlags(doc: OpenApiDocument, op: OperationRef, paged: PagedOperation | undefined): FlagSpec[] {
  const params = op.parameters.filter((p) => p.in === "query" || p.in === "path");
  const names = flagNames(params.map((p) => ({ name: String(p.name), in: p.in === "path" ? "path" : "query" })), RESERVED_FLAGS);
  return params.map((param, i) => {
    // The paginator's parameters are query parameters; a path parameter of the same name is not one of them.
    const role = param.in === "query" && paged ? roleOf(paged, String(param.name)) : undefined;
    return flagSpec(doc, param, names[i]!, role);
  });
}

/** What the paginator does with the query parameter `name`, if it owns it. */
function roleOf({ spec }: PagedOperation, name: string): FlagSpec["role"] {
  if (spec.sizeParam === name) return "size";
  if (spec.style === "page-number" && spec.pageParam === name) return "page";
  if (spec.style === "offset" && spec.offsetParam === name) return "offset";
  if ((spec.style === "cursor" || spec.style === "next-link") && spec.cursorParam === name) return "cursor";
  return undefined;
}

function flagSpec(doc: OpenApiDocument, param: Node, flag: string, role: FlagSpec["role"]): FlagSpec {
  let schema = deref(doc, param.schema);
  const array = schemaTypes(doc, schema).includes("array");
  if (array && isObject(schema)) schema = deref(doc, schema.items);
  const s = isObject(schema) ? schema : {};
  const out: Mutable<FlagSpec> = { flag, param: String(param.name), in: param.in === "path" ? "path" : "query", type: scalarType(schemaTypes(doc, s)) };
  if (array) out.array = true;
  const values = Array.isArray(s.enum) ? s.enum : s.const !== undefined ? [s.const] : [];
  const scalars = values.filter((v): v is string | number | boolean => ["string", "number", "boolean"].includes(typeof v));
  if (scalars.length > 0) out.enum = scalars;
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    if (typeof s[key] === "number") out[key] = s[key];
  }
  if (["string", "number", "boolean"].includes(typeof s.default)) out.default = s.default as string | number | boolean;
  if (param.required === true || param.in === "path") out.required = true;
  const description = text(param.description) ?? text(s.description);
  if (description !== undefined) out.description = description;
  if (role) out.role = role;
  return out;
}

/** A value that may also be a string (or is untyped) stays a string: the CLI then checks nothing but the enum. */
function scalarType(types: string[]): FlagType {
  if (types.includes("string") || types.length === 0) return "string";
  for (const t of ["integer", "number", "boolean"] as const) if (types.includes(t)) return t;
  return "string";
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
