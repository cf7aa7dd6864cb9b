/**
 * Names the generator makes from spec strings (documented in the README).
 *
 * Function names (paginators): the operationId's words, camelCased. Words are
 * the runs of ASCII letters and digits, also split where lower case meets
 * upper case (`list-voice_clones.v2` -> `listVoiceClonesV2`, `HTTPGet` ->
 * `httpGet`); an operation without operationId (or with no letter or digit in
 * it) is named from its method and path (`get /users/{id}/items` ->
 * `getUsersIdItems`); a name that starts with a digit gets `op` in front
 * (`2fa` -> `op2fa`); a reserved word, or a name the generated module or the
 * runtime entry already uses (`paginate`, `paginateByCursor`, ..., `paths`),
 * gets `_` after it (`delete` -> `delete_`). Two
 * operations that end up with the same name are an error naming both: rename
 * one operationId. Nothing depends on the order of operations, so a name never
 * changes when another operation is added.
 *
 * Root type aliases (schema.ts): `export type <Name> = components[...]` for
 * every component; <Name> is the PascalCased words of the component's name,
 * after a prefix for its kind (`Response`, `Parameter`, `RequestBody`,
 * `Header`, `PathItem`; none for schemas). A schema name that would start with
 * a digit or shadow a type the file uses (`Record`, `Omit`, ...) gets the
 * prefix `Schema`; a name with no ASCII letter or digit gets no alias. When
 * names still collide (`Foo`, `FOO` and `foo`), a component named exactly
 * like the alias keeps it, then the first in code-unit order of (kind, name),
 * and the others get `_2`, `_3`, ... (`Foo`, `Foo_2` for `FOO`, `Foo_3` for `foo`).
 */
import * as runtime from "../../src/runtime.js";
import { GenerateError } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { deref, HTTP_METHODS, isObject } from "../spec/openapi-walk.js";
import { operationLabel } from "../spec/operation-label.js";

const RESERVED = new Set([
  ...(
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of await async undefined unknown never object bigint " +
    "arguments eval prototype __proto__ " +
    // the type the generated paginators and operations modules import beside the runtime's functions
    "paths"
  ).split(" "),
  // the runtime's own exports, which the runtime entry (src/index.ts) exports next to the generated functions
  ...Object.keys(runtime),
]);

export function words(text: string): string[] {
  return text
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function camelCase(text: string): string {
  return words(text)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
}

export function pascalCase(text: string): string {
  const camel = camelCase(text);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** A safe function name for one operation. */
export function functionName(operationId: string | undefined, method: string, path: string): string {
  let name = camelCase(operationId ?? "");
  if (name === "") name = camelCase(`${method} ${path}`) || "operation";
  if (/^\d/.test(name)) name = `op${name}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** Throws when two operations got the same name. `owners` maps a name to the first `METHOD path` that took it. */
export function claimName(
  owners: Map<string, string>,
  name: string,
  owner: string,
  place: { file?: string; pointer?: string },
): void {
  const previous = owners.get(name);
  if (previous !== undefined) {
    throw new GenerateError(
      `operations ${previous} and ${owner} both get the function name ${JSON.stringify(name)} (operationIds are camelCased into names)`,
      place,
      "give one of them a different operationId",
    );
  }
  owners.set(name, owner);
}

/** Throws on two operations (in `paths` or `webhooks`) with the same operationId: they would share one type. */
export function checkOperationIds(doc: Record<string, unknown>, file: string): void {
  const seen = new Map<string, string>();
  for (const section of ["paths", "webhooks"]) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const [path, raw] of Object.entries(items)) {
      const item = deref(doc, raw);
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isObject(op) || typeof op.operationId !== "string") continue;
        const owner = operationLabel(method, path, section as "paths" | "webhooks");
        const previous = seen.get(op.operationId);
        if (previous !== undefined) {
          throw new GenerateError(
            `operations ${previous} and ${owner} have the same operationId ${JSON.stringify(op.operationId)}`,
            { file, pointer: pointerOf([section, path, method, "operationId"]) },
            "operationIds must be unique: rename one of them",
          );
        }
        seen.set(op.operationId, owner);
      }
    }
  }
}

export const COMPONENT_ALIAS_PREFIX = {
  schemas: "",
  responses: "Response",
  parameters: "Parameter",
  requestBodies: "RequestBody",
  headers: "Header",
  pathItems: "PathItem",
} as const;
export type AliasedKind = keyof typeof COMPONENT_ALIAS_PREFIX;

/** Types schema.ts itself uses: an alias with one of these names would shadow it. */
const USED_TYPE_NAMES = new Set([
  "Record",
  "Omit",
  "Pick",
  "Partial",
  "Required",
  "Readonly",
  "Exclude",
  "Extract",
  "NonNullable",
  "Array",
  "ReadonlyArray",
  "Promise",
  "PropertyKey",
  "WithRequired",
  "FlattenedDeepRequired",
]);

export interface RootAlias {
  kind: AliasedKind;
  /** The component's name in the spec. */
  name: string;
  alias: string;
}

/** Root type alias names for `components`, in spec order (kinds in the order above). */
export function rootAliases(components: unknown): RootAlias[] {
  if (!isObject(components)) return [];
  const all: (RootAlias & { order: number })[] = [];
  for (const [order, [kind, prefix]] of Object.entries(COMPONENT_ALIAS_PREFIX).entries()) {
    const section = components[kind];
    if (!isObject(section)) continue;
    for (const name of Object.keys(section)) {
      const words = pascalCase(name);
      if (words === "") continue;
      const plain = `${prefix}${words}`;
      all.push({
        kind: kind as AliasedKind,
        name,
        alias: /^\d/.test(plain) || USED_TYPE_NAMES.has(plain) ? `Schema${words}` : plain,
        order,
      });
    }
  }
  const taken = new Set<string>();
  // A name that is its own alias (`Foo`) keeps it; then by kind and name in code-unit order.
  const exact = (e: RootAlias & { order: number }) =>
    e.alias === `${COMPONENT_ALIAS_PREFIX[e.kind]}${e.name}` ? 0 : 1;
  const claimOrder = [...all].sort(
    (a, b) => exact(a) - exact(b) || a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const entry of claimOrder) {
    const base = entry.alias;
    for (let n = 2; taken.has(entry.alias); n++) entry.alias = `${base}_${n}`;
    taken.add(entry.alias);
  }
  return all.map(({ kind, name, alias }) => ({ kind, name, alias }));
}
