/**
 * operationId -> a valid, stable TypeScript function name.
 *
 * Rule (documented in the README): split the operationId on every character
 * that is not a letter or digit and at lower->upper case changes, camelCase
 * the words; a name that starts with a digit gets an `op` prefix; a reserved
 * word gets a `_` suffix; an operation without operationId is named from its
 * method and path (`get /users/{id}/items` -> `getUsersIdItems`). Two
 * operations that end up with the same name are an error naming both.
 */
import { GenerateError } from "./errors.js";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of await async undefined unknown never object bigint " +
    "arguments eval prototype __proto__"
  ).split(" "),
);

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
  let name = camelCase(operationId ?? `${method} ${path}`);
  if (name === "") name = camelCase(`${method} ${path}`) || "operation";
  if (/^\d/.test(name)) name = `op${name[0]!.toUpperCase()}${name.slice(1)}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** Throws when two operations got the same name. `owners` maps a name to the first `METHOD path` that took it. */
export function claimName(owners: Map<string, string>, name: string, owner: string, place: { file?: string; pointer?: string }): void {
  const previous = owners.get(name);
  if (previous !== undefined) {
    throw new GenerateError(
      `operations ${previous} and ${owner} both get the function name ${JSON.stringify(name)}`,
      place,
      "give one of them a different operationId",
    );
  }
  owners.set(name, owner);
}
