/**
 * Every `$ref` must land on something, and a chain of refs that only point at
 * other refs must end: `A -> B -> A` is an error naming the chain. (A schema
 * that refers to itself through properties is recursive, not a cycle, and fine.)
 */
import { GenerateError, type Place } from "./errors.js";
import type { RefTarget } from "./ref-policy.js";

export interface FoundRef {
  /** Absolute path of the file the ref is in. */
  from: string;
  place: Place;
  target: RefTarget;
}

interface Located {
  file: string;
  pointer: string;
}

export function checkRefs(refs: readonly FoundRef[], files: ReadonlyMap<string, { parsed: unknown }>): void {
  for (const ref of refs) {
    let at: Located = locate(ref.target, ref.from);
    const seen = new Set<string>();
    // Follow pure-ref hops until a real node (or an error).
    for (;;) {
      const key = `${at.file}${at.pointer}`;
      if (seen.has(key)) {
        throw new GenerateError(`$ref cycle: ${[...seen, key].map((k) => short(k, ref.from)).join(" -> ")} only point at each other`, ref.place, "make one of these refs point at a real schema or parameter");
      }
      seen.add(key);
      const node = resolvePointer(files.get(at.file)?.parsed, at.pointer);
      if (node === undefined) {
        throw new GenerateError(`$ref target ${JSON.stringify(short(key, ref.from))} does not exist`, ref.place, "fix the ref, or add the component it names");
      }
      const next = pureRef(node);
      if (next === undefined) break;
      if (next.startsWith("#")) at = { file: at.file, pointer: next };
      else break; // a file hop: that file's own refs are checked on their own
    }
  }
}

function locate(target: RefTarget, from: string): Located {
  return target.kind === "internal" ? { file: from, pointer: target.pointer } : { file: target.file, pointer: target.pointer };
}

function pureRef(node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const ref = (node as Record<string, unknown>).$ref;
  return typeof ref === "string" ? ref : undefined;
}

function short(key: string, from: string): string {
  return key.startsWith(from) ? key.slice(from.length) : key;
}

/** RFC 6901 pointer (`#/a/b~1c`) -> node, or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === "#" || pointer === "") return root;
  if (!pointer.startsWith("#/")) return undefined;
  let node = root;
  for (const raw of pointer.slice(2).split("/")) {
    let token: string;
    try {
      token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return undefined;
    }
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
