/**
 * What the diff engine (api-smart-diff) is given: only the path items that
 * differ between base and head, either in themselves or in a component they
 * reach through refs (found by comparing each component's JSON and following
 * refs backwards), and in them each operation with its effective parameters
 * (path-level ones merged in, refs resolved, as listOperations sees them).
 *
 * Why: the engine compares every operation with every ref inlined (about a
 * second on the full Telnyx spec, whatever the change), and classifies some
 * untouched operations wrongly when others change (discriminators under
 * allOf). A path item whose definition and reachable components are
 * byte-for-byte the same cannot differ, so leaving it out loses nothing.
 * Parameters are merged here so that the engine's parameter indexes are
 * indexes into these lists (classify.ts reads names from them).
 */
import { pointerOf } from "../spec/json-pointer.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { pathRenames } from "./operations.js";
import { withoutShared } from "./prune.js";
import { RefResolver } from "./resolve.js";
import { isObject, listOperations, type Node, type OperationRef } from "../spec/openapi-walk.js";

export interface Scoped {
  base: OpenApiDocument;
  head: OpenApiDocument;
  /** Paths (as in the spec) whose path item the engine compares. */
  paths: string[];
}

const COMPONENT_REF = /^#\/components\/[^/]+\/[^/]+$/;

export function scopeDocuments(base: OpenApiDocument, head: OpenApiDocument): Scoped {
  const tainted = changedComponents(base, head);
  const renames = pathRenames(base, head);
  const baseOps = byPath(listOperations(base).map((op) => renamed(op, renames.get(op.path))));
  const headOps = byPath(listOperations(head));
  const basePaths = new Map([...pathItems(base)].map(([path, item]) => [renames.get(path) ?? path, item]));
  const headPaths = pathItems(head);
  const paths = [...new Set([...basePaths.keys(), ...headPaths.keys()])].filter((path) => {
    const a = basePaths.get(path);
    const b = headPaths.get(path);
    if (a === undefined || b === undefined || JSON.stringify(a) !== JSON.stringify(b)) return true;
    return [...refsIn(a), ...refsIn(b)].some((ref) => tainted.has(ref));
  });
  const [scopedBase, scopedHead] = [engineDocument(base, baseOps, paths), engineDocument(head, headOps, paths)];
  // Operations on both sides: what they share is left out (prune.ts); an operation on one side only is compared whole.
  for (const path of paths) {
    const [a, b] = [
      (scopedBase.paths as Record<string, Node>)[path]!,
      (scopedHead.paths as Record<string, Node>)[path]!,
    ];
    for (const method of Object.keys(a)) {
      if (!(method in b)) continue;
      [a[method], b[method]] = withoutShared(a[method], b[method]);
    }
  }
  return { base: scopedBase, head: scopedHead, paths };
}

/** The document the engine compares: the scoped paths, their refs resolved (resolve.ts), everything else as it is. */
function engineDocument(
  doc: OpenApiDocument,
  ops: Map<string, OperationRef[]>,
  paths: readonly string[],
): OpenApiDocument {
  const scoped: Record<string, Node> = {};
  const resolver = new RefResolver(doc);
  for (const path of paths) {
    const item: Node = {};
    for (const op of ops.get(path) ?? [])
      item[op.method] = resolver.resolve(
        op.parameters.length > 0 ? { ...op.operation, parameters: op.parameters } : withoutParameters(op.operation),
      );
    scoped[path] = item;
  }
  return { ...doc, paths: scoped };
}

/**
 * A base operation under its head path (pathRenames): its path parameters
 * renamed by position as the head names them, so that the engine compares
 * the operation and lists only what else changed.
 */
function renamed(op: OperationRef, path: string | undefined): OperationRef {
  if (path === undefined) return op;
  const names = (template: string) => [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const [was, now] = [names(op.path), names(path)];
  const parameters = op.parameters.map((param) => {
    const i = param.in === "path" ? was.indexOf(String(param.name)) : -1;
    return i >= 0 && now[i] !== undefined ? { ...param, name: now[i] } : param;
  });
  return { ...op, path, parameters };
}

function withoutParameters(operation: Node): Node {
  const { parameters: _ignored, ...rest } = operation;
  return rest;
}

function byPath(ops: OperationRef[]): Map<string, OperationRef[]> {
  const out = new Map<string, OperationRef[]>();
  for (const op of ops) out.set(op.path, [...(out.get(op.path) ?? []), op]);
  return out;
}

function pathItems(doc: OpenApiDocument): Map<string, unknown> {
  return new Map(isObject(doc.paths) ? Object.entries(doc.paths) : []);
}

/** Components whose JSON differs (or that one side lacks), and every component that reaches one of them. */
function changedComponents(base: OpenApiDocument, head: OpenApiDocument): Set<string> {
  const a = components(base);
  const b = components(head);
  const tainted = new Set<string>();
  for (const ref of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(ref);
    const y = b.get(ref);
    if (x === undefined || y === undefined || JSON.stringify(x) !== JSON.stringify(y)) tainted.add(ref);
  }
  const users = new Map<string, Set<string>>(); // ref -> components that refer to it
  for (const all of [a, b]) {
    for (const [ref, node] of all)
      for (const used of refsIn(node)) users.set(used, (users.get(used) ?? new Set()).add(ref));
  }
  const queue = [...tainted];
  for (let ref = queue.pop(); ref !== undefined; ref = queue.pop()) {
    for (const user of users.get(ref) ?? []) {
      if (tainted.has(user)) continue;
      tainted.add(user);
      queue.push(user);
    }
  }
  return tainted;
}

/** `#/components/<kind>/<name>` -> the component, for every component of the document. */
function components(doc: OpenApiDocument): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isObject(doc.components)) return out;
  for (const [kind, section] of Object.entries(doc.components)) {
    if (!isObject(section)) continue;
    for (const [name, node] of Object.entries(section)) out.set(pointerOf(["components", kind, name]), node);
  }
  return out;
}

/** The component refs anywhere in a node (after bundling, refs only name components). */
function refsIn(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && COMPONENT_REF.test(value)) found.add(value);
      else if (typeof value === "object" && value !== null) refsIn(value, found);
    }
  }
  return found;
}
