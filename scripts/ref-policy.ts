/**
 * Which `$ref`s the generator follows. The spec is untrusted input: only
 * refs inside the document (`#/...`) and relative file refs that stay inside
 * the spec's own folder are followed. Absolute paths, `..` escapes, `file:`
 * and `http(s):` URLs are refused, so no other file is read and no request sent.
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { GenerateError, type Place } from "./errors.js";

export type RefTarget =
  | { kind: "internal"; pointer: string }
  | { kind: "file"; file: string; pointer: string };

/** Classifies `ref` found in `fromFile`; throws a GenerateError naming `place` for a refused ref. */
export function classifyRef(ref: string, fromFile: string, rootDir: string, place: Place): RefTarget {
  const hash = ref.indexOf("#");
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? "#" : ref.slice(hash);
  if (filePart === "") return { kind: "internal", pointer };
  const refuse = (why: string): never => {
    throw new GenerateError(
      `$ref ${JSON.stringify(ref)} is refused: ${why}`,
      place,
      "copy the referenced part into the spec's folder and use a relative ref (./file.yaml#/...) or a #/ ref",
    );
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) refuse("URLs (http:, https:, file:, ...) are never fetched");
  if (filePart.startsWith("/") || filePart.startsWith("\\") || isAbsolute(filePart)) refuse("absolute paths are not followed");
  let decoded: string;
  try {
    decoded = decodeURIComponent(filePart);
  } catch {
    return refuse("the path is not valid URI encoding");
  }
  const file = resolve(dirname(fromFile), decoded);
  const inside = relative(rootDir, file);
  if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside)) {
    refuse("it points outside the spec's folder");
  }
  return { kind: "file", file, pointer };
}
