/**
 * One operation's query and path parameters -> the CLI's flag data: name,
 * type, enum, bounds, default, required, description. Header and cookie
 * parameters are not flags (the client sends the auth header itself).
 *
 * An object query parameter becomes one flag per leaf property, each sending
 * its own query key: with `style: deepObject`, or no style (openapi-fetch,
 * the client's runtime, sends an object query value as deepObject too),
 * `filter` with `status` and `created_at.gte` -> `--filter-status` sent as
 * `filter[status]`, `--filter-created-at-gte` as `filter[created_at][gte]`;
 * with an explicit `style: form`, the properties are query parameters of
 * their own (`status=...`). A property that is one of a scalar and an object
 * (`created_at`: a date, or `{ gte, lte }`) gives both. An array inside a
 * deepObject (which OpenAPI leaves undefined) is sent as one comma-joined
 * value, as Telnyx's own SDK sends it; so is an array with `explode: false`.
 * Flag names follow scripts/naming/cli-names.ts (`flagNames`): unique per
 * operation, each flag sending its own key and location.
 */
import type { FlagSpec, FlagType } from "../../src/cli/command-spec.js";
import { flagRoleOf } from "../../src/paginate/page-styles.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { RESERVED_FLAGS, flagNames } from "../naming/cli-names.js";
import { deref, isObject, schemaProperties, schemaTypes, type Node, type OperationRef } from "../spec/openapi-walk.js";
import type { PagedOperation } from "../pagination/index.js";
import { text } from "../spec/text.js";
import type { Mutable } from "../mutable.js";

/** How deep a deepObject parameter is followed (`filter[a][b][c]`); deeper properties get no flag. */
export const MAX_DEEP_OBJECT_DEPTH = 4;

/** One query key or path parameter to give a flag: the parameter itself, or one leaf of an object parameter. */
interface Leaf {
  /** The key sent: `sort`, `filter[status]`, `page[size]`. */
  key: string;
  in: "query" | "path";
  schema: Node;
  required: boolean;
  description?: string;
  /** An array sent as one comma-joined value. */
  joined: boolean;
}

export function operationFlags(doc: OpenApiDocument, op: OperationRef, paged: PagedOperation | undefined): FlagSpec[] {
  const leaves = op.parameters
    .filter((p) => p.in === "query" || p.in === "path")
    .flatMap((p) => parameterLeaves(doc, p));
  const names = flagNames(
    leaves.map((l) => ({ name: l.key, in: l.in })),
    RESERVED_FLAGS,
  );
  return leaves.map((leaf, i) => {
    // The paginator's parameters are query parameters; a path parameter of the same name is not one of them.
    const role = leaf.in === "query" && paged ? flagRoleOf(paged.spec, leaf.key) : undefined;
    return flagSpec(doc, leaf, names[i]!, role);
  });
}

function parameterLeaves(doc: OpenApiDocument, param: Node): Leaf[] {
  const where = param.in === "path" ? "path" : "query";
  const schema = deref(doc, param.schema);
  const s = isObject(schema) ? schema : {};
  const required = param.required === true || where === "path";
  const description = text(param.description) ?? text(s.description);
  const name = String(param.name);
  if (where === "query" && schemaProperties(doc, s).size > 0 && !schemaTypes(doc, s).some((t) => t !== "object")) {
    const spread = param.style === "form";
    return objectLeaves(
      doc,
      s,
      required,
      (prop) => (spread ? prop : `${name}[${prop}]`),
      1,
      spread ? param.explode === false : true,
    );
  }
  return [
    {
      key: name,
      in: where,
      schema: s,
      required,
      ...(description !== undefined && { description }),
      joined: param.explode === false && (param.style === undefined || param.style === "form"),
    },
  ];
}

/** The leaves of an object schema: scalars and arrays of scalars, nested objects followed to MAX_DEEP_OBJECT_DEPTH. */
function objectLeaves(
  doc: OpenApiDocument,
  schema: unknown,
  required: boolean,
  keyOf: (prop: string) => string,
  depth: number,
  joined: boolean,
): Leaf[] {
  const resolved = deref(doc, schema);
  const requiredProps = isObject(resolved) && Array.isArray(resolved.required) ? resolved.required : [];
  const out: Leaf[] = [];
  for (const [prop, raw] of schemaProperties(doc, schema)) {
    const key = keyOf(prop);
    const propRequired = required && requiredProps.includes(prop);
    const variants = branches(doc, raw);
    const scalars = variants.filter((v) => !isObjectSchema(doc, v));
    if (scalars.length > 0) {
      const merged = mergeScalars(doc, raw, scalars);
      const description = text(merged.description);
      out.push({
        key,
        in: "query",
        schema: merged,
        required: propRequired && scalars.length === variants.length,
        ...(description !== undefined && { description }),
        joined,
      });
    }
    if (depth >= MAX_DEEP_OBJECT_DEPTH) continue;
    for (const v of variants.filter((v) => isObjectSchema(doc, v))) {
      out.push(
        ...objectLeaves(doc, v, propRequired && variants.length === 1, (sub) => `${key}[${sub}]`, depth + 1, joined),
      );
    }
  }
  // One key per leaf: an object branch may repeat a property another branch has.
  const seen = new Set<string>();
  return out.filter((leaf) => !seen.has(leaf.key) && seen.add(leaf.key));
}

/** A schema's alternatives (`oneOf`/`anyOf` branches), or the schema itself. */
function branches(doc: OpenApiDocument, schema: unknown): Node[] {
  const s = deref(doc, schema);
  if (!isObject(s)) return [];
  const list = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
  if (list === undefined || isObject(s.properties)) return [s];
  return list.map((b) => deref(doc, b)).filter(isObject);
}

function isObjectSchema(doc: OpenApiDocument, schema: Node): boolean {
  return schemaProperties(doc, schema).size > 0 && !schemaTypes(doc, schema).some((t) => t !== "object");
}

/** Scalar branches as one schema: their types, enums and (from the whole) description. */
function mergeScalars(doc: OpenApiDocument, whole: unknown, scalars: Node[]): Node {
  if (scalars.length === 1 && scalars[0] === deref(doc, whole)) return scalars[0]!;
  const w = deref(doc, whole);
  const types = [...new Set(scalars.flatMap((s) => schemaTypes(doc, s)))];
  const enums = scalars.every((s) => Array.isArray(s.enum))
    ? [...new Set(scalars.flatMap((s) => s.enum as unknown[]))]
    : undefined;
  const description = (isObject(w) && text(w.description)) ?? scalars.map((s) => text(s.description)).find(Boolean);
  const array = scalars.find((s) => schemaTypes(doc, s).includes("array"));
  return {
    type: types.length === 1 ? types[0] : types,
    ...(enums && { enum: enums }),
    ...(description !== undefined && { description }),
    ...(array && { items: array.items }),
  };
}

function flagSpec(doc: OpenApiDocument, leaf: Leaf, flag: string, role: FlagSpec["role"]): FlagSpec {
  let schema: unknown = leaf.schema;
  const array = schemaTypes(doc, schema).includes("array");
  if (array && isObject(schema)) schema = deref(doc, schema.items);
  const s = isObject(schema) ? schema : {};
  const out: Mutable<FlagSpec> = { flag, param: leaf.key, in: leaf.in, type: scalarType(schemaTypes(doc, s)) };
  if (array) out.array = true;
  if (array && leaf.joined) out.explode = false;
  Object.assign(out, valueRules(s));
  if (leaf.required) out.required = true;
  const description = leaf.description ?? text(s.description);
  if (description !== undefined) out.description = description;
  if (role) out.role = role;
  return out;
}

/** Enum, bounds and default of a scalar schema, as flag data. */
export function valueRules(
  s: Node,
): Pick<Mutable<FlagSpec>, "enum" | "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "default"> {
  const out: Pick<
    Mutable<FlagSpec>,
    "enum" | "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "default"
  > = {};
  const values = Array.isArray(s.enum) ? s.enum : s.const !== undefined ? [s.const] : [];
  const scalars = values.filter((v): v is string | number | boolean =>
    ["string", "number", "boolean"].includes(typeof v),
  );
  if (scalars.length > 0) out.enum = scalars;
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    if (typeof s[key] === "number") out[key] = s[key];
  }
  if (["string", "number", "boolean"].includes(typeof s.default)) out.default = s.default as string | number | boolean;
  return out;
}

/** A value that may also be a string (or is untyped) stays a string: the CLI then checks nothing but the enum. */
export function scalarType(types: string[]): FlagType {
  if (types.includes("string") || types.length === 0) return "string";
  for (const t of ["integer", "number", "boolean"] as const) if (types.includes(t)) return t;
  return "string";
}
