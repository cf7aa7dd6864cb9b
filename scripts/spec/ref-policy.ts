/**
 * Which `$ref`s the generator follows. The spec is untrusted input: only
 * refs inside the document (`#/...`) and relative file refs that stay inside
 * the spec's own folder are followed. Absolute paths, `..` escapes, `file:`
 * and `http(s):` URLs (any `scheme:`) are refused, so no other file is read
 * and no request is sent. A file inside the folder that is a link to a place
 * outside it is refused too (checked on the real path, before reading).
 * File paths are taken literally (no %-decoding), as Redocly resolves them.
 */
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { GenerateError, type Place } from "../errors.js";

export type RefTarget = { kind: "internal"; pointer: string } | { kind: "file"; file: string; pointer: string };

const FIX = "copy the referenced part into the spec's folder and use a relative ref (./file.yaml#/...) or a #/ ref";

/** Classifies `ref` found in `fromFile`; throws a GenerateError naming `place` for a refused ref. */
export function classifyRef(ref: string, fromFile: string, rootDir: string, place: Place): RefTarget {
  const hash = ref.indexOf("#");
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? "#" : ref.slice(hash);
  if (filePart === "") return { kind: "internal", pointer };
  const refuse = (why: string): never => {
    throw new GenerateError(`$ref ${JSON.stringify(ref)} is refused: ${why}`, place, FIX);
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) refuse("URLs (http:, https:, file:, ...) are never fetched");
  if (filePart.startsWith("/") || filePart.startsWith("\\") || isAbsolute(filePart))
    refuse("absolute paths are not followed");
  if (filePart.includes("\0")) refuse("the path contains a NUL character");
  const file = resolve(dirname(fromFile), filePart);
  if (!isInside(rootDir, file)) refuse("it points outside the spec's folder");
  return { kind: "file", file, pointer };
}

/** Throws when `file` (inside the folder by its path) is really elsewhere: a symbolic link out. Call before reading. */
export function checkRealPath(file: string, realRootDir: string, ref: string, place: Place): void {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return; // does not exist: reading it reports that
  }
  if (!isInside(realRootDir, real)) {
    throw new GenerateError(
      `$ref ${JSON.stringify(ref)} is refused: it resolves (through a symbolic link) outside the spec's folder`,
      place,
      FIX,
    );
  }
}

export function isInside(dir: string, file: string): boolean {
  const inside = relative(dir, file);
  return inside !== "" && inside !== ".." && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/**
 * Whether Redocly (and so openapi-typescript) treats a discriminator mapping
 * value as a reference to load rather than a schema name (its `isMappingRef`).
 */
export function isMappingRef(value: string): boolean {
  return (
    value.startsWith("#") ||
    value.startsWith("https://") ||
    value.startsWith("http://") ||
    value.startsWith("./") ||
    value.startsWith("../") ||
    value.includes("/")
  );
}
