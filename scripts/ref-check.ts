/**
 * Every `$ref` (and discriminator mapping ref) must land on something, and a
 * chain of refs that only point at other refs must end, across files too:
 * `A -> B -> A` is an error naming the chain. A schema that refers to itself
 * through properties or items is recursive, not a cycle, and fine.
 */
import { relative } from "node:path";
import { GenerateError, type Place } from "./errors.js";
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

export function checkRefs(refs: readonly FoundRef[], files: ReadonlyMap<string, { parsed: unknown }>, rootDir: string): void {
  const resolved = new Set<string>(); // locations already known to end on a real node
  for (const ref of refs) {
    let at: Located = locate(ref.target, ref.from);
    const chain: string[] = [];
    const name = (l: Located) => (l.file === ref.from ? l.pointer : `${relative(rootDir, l.file).split("\\").join("/")}${l.pointer}`);
    for (;;) {
      const key = `${at.file}${at.pointer}`;
      if (resolved.has(key)) break;
      if (chain.includes(key)) {
        const loop = [...chain.slice(chain.indexOf(key)), key].map((k) => name(fromKey(k, files)));
        throw new GenerateError(`$ref cycle: ${loop.join(" -> ")}: these refs only point at each other, so they never reach a schema`, ref.place, "make one of these refs point at a real schema (or parameter, response, ...)");
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
  return target.kind === "internal" ? { file: from, pointer: target.pointer } : { file: target.file, pointer: target.pointer };
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

/** RFC 6901 pointer in a URI fragment (`#/a/b~1c`, %-escapes allowed) -> node, or undefined. */
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

/**
 * Schemas that refer to themselves without an object in between (`Json:
 * oneOf: [string, {type: array, items: {$ref: Json}}]`) make openapi-typescript
 * print a type that refers to itself eagerly, which TypeScript rejects. An
 * array on such a loop can stand for an interface (`interface Json_Array
 * extends Array<...> {}`: interfaces are resolved lazily); a loop through
 * oneOf/anyOf/allOf and plain refs alone cannot be a type at all: an error.
 *
 * Returns openapi-typescript's path of each array schema to replace (the path
 * it passes to `postTransform`: `/oneOf/<i>` and `/anyOf/<i>` are appended,
 * `allOf` members and `items` keep their parent's path) -> the owning schema.
 */
export function arraysToDefer(doc: Record<string, unknown>, file: string): Map<string, string> {
  const components = doc.components as Record<string, unknown> | undefined;
  const schemas = components !== null && typeof components === "object" ? (components.schemas as Record<string, unknown> | undefined) : undefined;
  if (schemas === null || typeof schemas !== "object") return new Map();
  const edges = new Map<string, { to: string; arrayAt?: string }[]>();
  const escape = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");
  for (const name of Object.keys(schemas)) {
    const out: { to: string; arrayAt?: string }[] = [];
    const walk = (node: unknown, path: string, arrayAt: string | undefined, depth: number): void => {
      if (node === null || typeof node !== "object" || Array.isArray(node) || depth > 64) return;
      const schema = node as Record<string, unknown>;
      if (typeof schema.$ref === "string") {
        const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
        const to = match ? match[1]!.replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
        if (to !== undefined && Object.hasOwn(schemas, to)) out.push({ to, arrayAt });
        return;
      }
      for (const key of ["oneOf", "anyOf"] as const) {
        if (Array.isArray(schema[key])) schema[key].forEach((member, i) => walk(member, `${path}/${key}/${i}`, arrayAt, depth + 1));
      }
      if (Array.isArray(schema.allOf)) for (const member of schema.allOf) walk(member, path, arrayAt, depth + 1);
      if (schema.items !== null && typeof schema.items === "object" && !Array.isArray(schema.items)) walk(schema.items, path, path, depth + 1);
    };
    walk(schemas[name], `#/components/schemas/${escape(name)}`, undefined, 0);
    edges.set(name, out);
  }
  const component = strongComponents(edges);
  const defer = new Map<string, string>();
  const eager = new Map<string, string[]>();
  for (const [from, list] of edges) {
    const same = list.filter((e) => component.get(e.to) === component.get(from));
    for (const e of same) if (e.arrayAt !== undefined) defer.set(e.arrayAt, from);
    eager.set(from, same.filter((e) => e.arrayAt === undefined).map((e) => e.to));
  }
  const loop = findLoop(eager);
  if (loop) {
    throw new GenerateError(
      `schemas ${loop.map((n) => JSON.stringify(n)).join(" -> ")} are defined only through each other (oneOf/anyOf/allOf or plain refs, no object or array in between): TypeScript cannot express that type`,
      { file, pointer: `#/components/schemas/${escape(loop[0]!)}` },
      "put the recursion inside an object property or array items (a discriminator parent needs no oneOf listing its children)",
    );
  }
  return defer;
}

/** Tarjan's strongly connected components: name -> component id. */
function strongComponents(edges: ReadonlyMap<string, { to: string }[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const { to } of edges.get(v) ?? []) {
      if (!index.has(to)) (visit(to), low.set(v, Math.min(low.get(v)!, low.get(to)!)));
      else if (!component.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) === index.get(v)) {
      for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) component.set(w, index.get(v)!);
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return component;
}

/** A cycle in a graph of names, as the path around it (first name repeated at the end), or undefined. */
function findLoop(edges: ReadonlyMap<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (v: string): string[] | undefined => {
    state.set(v, "open");
    path.push(v);
    for (const to of edges.get(v) ?? []) {
      if (state.get(to) === "open") return [...path.slice(path.indexOf(to)), to];
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
    }
    path.pop();
    state.set(v, "done");
    return undefined;
  };
  for (const v of [...edges.keys()].sort()) {
    if (!state.has(v)) {
      const found = visit(v);
      if (found) return found;
    }
  }
  return undefined;
}
