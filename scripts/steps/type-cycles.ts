/**
 * Schema loops that openapi-typescript cannot print as they are: an array on
 * a loop of schemas that refer to themselves becomes an interface (the types
 * step, scripts/steps/types.ts, defers it); a loop with no object or array in it
 * is an error. With the two graph walks (strongly connected components, one
 * loop) that only this uses.
 */
import { GenerateError } from "../errors.js";
import { pointerToken, unescapeToken } from "../spec/json-pointer.js";
import { isObject } from "../spec/openapi-walk.js";

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
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : undefined;
  if (!schemas) return new Map();
  const edges = new Map<string, { to: string; arrayAt?: string }[]>();
  for (const name of Object.keys(schemas)) {
    const out: { to: string; arrayAt?: string }[] = [];
    const walk = (node: unknown, path: string, arrayAt: string | undefined, depth: number): void => {
      if (!isObject(node) || depth > 64) return;
      const schema = node;
      if (typeof schema.$ref === "string") {
        const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
        const to = match ? unescapeToken(match[1]!) : undefined;
        if (to !== undefined && Object.hasOwn(schemas, to)) out.push({ to, arrayAt });
        return;
      }
      for (const key of ["oneOf", "anyOf"] as const) {
        if (Array.isArray(schema[key]))
          schema[key].forEach((member, i) => {
            walk(member, `${path}/${key}/${i}`, arrayAt, depth + 1);
          });
      }
      if (Array.isArray(schema.allOf)) for (const member of schema.allOf) walk(member, path, arrayAt, depth + 1);
      if (isObject(schema.items)) walk(schema.items, path, path, depth + 1);
    };
    walk(schemas[name], `#/components/schemas/${pointerToken(name)}`, undefined, 0);
    edges.set(name, out);
  }
  const component = strongComponents(edges);
  const defer = new Map<string, string>();
  const eager = new Map<string, string[]>();
  for (const [from, list] of edges) {
    const same = list.filter((e) => component.get(e.to) === component.get(from));
    for (const e of same) if (e.arrayAt !== undefined) defer.set(e.arrayAt, from);
    eager.set(
      from,
      same.filter((e) => e.arrayAt === undefined).map((e) => e.to),
    );
  }
  const loop = findLoop(eager);
  if (loop) {
    throw new GenerateError(
      `schemas ${loop.map((n) => JSON.stringify(n)).join(" -> ")} are defined only through each other (oneOf/anyOf/allOf or plain refs, no object or array in between): TypeScript cannot express that type`,
      { file, pointer: `#/components/schemas/${pointerToken(loop[0]!)}` },
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
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (!component.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
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
