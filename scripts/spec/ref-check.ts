/**
 * Every `$ref` (and discriminator mapping ref) must land on something, and a
 * chain of refs that only point at other refs must end, across files too:
 * `A -> B -> A` is an error naming the chain. A schema that refers to itself
 * through properties or items is recursive, not a cycle, and fine.
 */
import { relative } from "node:path";
import { GenerateError, type Place } from "../errors.js";
import { resolvePointer } from "./json-pointer.js";
import { classifyRef, type RefTarget } from "./ref-policy.js";

export interface FoundRef {
  /** Absolute path of the file the ref is in. */
  from: string;
  /** The ref as written. */
  ref: string;
  place: Place;
  target: RefTarget;
}

interface Located {
  file: string;
  pointer: string;
}

export function checkRefs(
  refs: readonly FoundRef[],
  files: ReadonlyMap<string, { parsed: unknown }>,
  rootDir: string,
): void {
  const resolved = new Set<string>(); // locations already known to end on a real node
  for (const ref of refs) {
    let at: Located = locate(ref.target, ref.from);
    const chain: string[] = [];
    const name = (l: Located) =>
      l.file === ref.from ? l.pointer : `${relative(rootDir, l.file).split("\\").join("/")}${l.pointer}`;
    for (;;) {
      const key = `${at.file}${at.pointer}`;
      if (resolved.has(key)) break;
      if (chain.includes(key)) {
        const loop = [...chain.slice(chain.indexOf(key)), key].map((k) => name(fromKey(k, files)));
        throw new GenerateError(
          `$ref cycle: ${loop.join(" -> ")}: these refs only point at each other, so they never reach a schema`,
          ref.place,
          "make one of these refs point at a real schema (or parameter, response, ...)",
        );
      }
      chain.push(key);
      const node = resolvePointer(files.get(at.file)?.parsed, at.pointer);
      if (node === undefined) {
        const anchor = !at.pointer.startsWith("#/") && at.pointer !== "#";
        throw new GenerateError(
          `$ref ${JSON.stringify(ref.ref)} does not resolve: ${anchor ? `${at.pointer} is not a JSON pointer ($anchor refs are not supported)` : `nothing at ${name(at)}`}`,
          ref.place,
          "fix the ref, or add the component it names",
        );
      }
      const next = pureRef(node);
      if (next === undefined) break;
      // The hop was already checked against the ref policy when its file was loaded.
      at = locate(classifyRef(next, at.file, rootDir, ref.place), at.file);
    }
    for (const key of chain) resolved.add(key);
  }
}

function locate(target: RefTarget, from: string): Located {
  return target.kind === "internal"
    ? { file: from, pointer: target.pointer }
    : { file: target.file, pointer: target.pointer };
}

function fromKey(key: string, files: ReadonlyMap<string, unknown>): Located {
  for (const file of files.keys()) if (key.startsWith(`${file}#`)) return { file, pointer: key.slice(file.length) };
  return { file: "", pointer: key };
}

function pureRef(node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const ref = (node as Record<string, unknown>).$ref;
  return typeof ref === "string" ? ref : undefined;
}
