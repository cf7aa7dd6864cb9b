/**
 * Operations added, removed, moved to a path with renamed parameters
 * (`/items/{id}` -> `/items/{item_id}`: the same operation, another key in
 * `paths`, reported under its new path with whatever else changed in it), or
 * with another operationId. Compared on the generator's own operation list
 * (listOperations) rather than on the engine's output, which reports a
 * renamed path parameter as a removal and a rename at once.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { isObject, listOperations } from "../spec/openapi-walk.js";
import type { FoundChange } from "./change.js";
import type { PeerIndex } from "./peer.js";
import { operationLabel } from "../spec/operation-label.js";

/** `/items/{}`: the same for paths that differ only in their parameters' names. */
function shapeOf(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

/**
 * Paths renamed from base to head: a path only the base has and a path only
 * the head has, with the same shape, when that pairs them one to one
 * (`/apps/{app_id}` -> `/apps/{id}`). Both sides' operations under them are
 * the same operations: compared with each other, and reported under the new path.
 */
export function pathRenames(base: OpenApiDocument, head: OpenApiDocument): Map<string, string> {
  const keys = (doc: OpenApiDocument) => new Set(isObject(doc.paths) ? Object.keys(doc.paths) : []);
  const [was, now] = [keys(base), keys(head)];
  const byShape = (paths: Set<string>, other: Set<string>) => {
    const out = new Map<string, string[]>();
    for (const path of paths) if (!other.has(path)) out.set(shapeOf(path), [...(out.get(shapeOf(path)) ?? []), path]);
    return out;
  };
  const gone = byShape(was, now);
  const come = byShape(now, was);
  const renames = new Map<string, string>();
  for (const [shape, olds] of gone) {
    const news = come.get(shape);
    if (olds.length === 1 && news?.length === 1) renames.set(olds[0]!, news[0]!);
  }
  return renames;
}

/** Base operation labels -> head labels, for operations whose path was renamed. */
export function operationRenames(base: OpenApiDocument, head: OpenApiDocument): Map<string, string> {
  const paths = pathRenames(base, head);
  const out = new Map<string, string>();
  for (const op of listOperations(base)) {
    const now = paths.get(op.path);
    if (now !== undefined) out.set(operationLabel(op.method, op.path), operationLabel(op.method, now));
  }
  return out;
}

export function operationChanges(base: OpenApiDocument, head: OpenApiDocument, peers: PeerIndex): FoundChange[] {
  const renames = pathRenames(base, head);
  const key = (method: string, path: string) => `${method} ${path}`;
  const after = new Map(listOperations(head).map((op) => [key(op.method, op.path), op]));
  const matched = new Set<string>();
  const found: FoundChange[] = [];
  for (const old of listOperations(base)) {
    const headPath = renames.get(old.path) ?? old.path;
    const now = after.get(key(old.method, headPath));
    if (!now) {
      const operation = operationLabel(old.method, old.path);
      found.push({
        rule: "operation-removed",
        operation,
        message: "operation removed",
        at: { side: "base", path: ["paths", old.path, old.method] },
        peer: peers.under(["paths", old.path, old.method]),
      });
      continue;
    }
    matched.add(key(now.method, now.path));
    const operation = operationLabel(now.method, now.path);
    const at = { side: "head" as const, path: ["paths", now.path, now.method] };
    if (now.path !== old.path) {
      found.push({
        rule: "operation-path-changed",
        operation,
        message: `path parameters renamed: was \`${old.path}\``,
        at,
        peer: peers.under(["paths"]),
      });
    }
    const [was, is] = [old.operation.operationId, now.operation.operationId];
    if (was !== is) {
      const show = (id: unknown) => (typeof id === "string" ? `\`${id}\`` : "none");
      const rule =
        typeof was !== "string"
          ? "operation-id-added"
          : typeof is !== "string"
            ? "operation-id-removed"
            : "operation-id-changed";
      found.push({
        rule,
        operation,
        message: `operationId ${show(was)} -> ${show(is)}`,
        at: { side: "head", path: [...at.path, "operationId"] },
        peer: peers.under(["paths", now.path, now.method, "operationId"]),
      });
    }
  }
  for (const now of listOperations(head)) {
    if (matched.has(key(now.method, now.path))) continue;
    found.push({
      rule: "operation-added",
      operation: operationLabel(now.method, now.path),
      message: "operation added",
      at: { side: "head", path: ["paths", now.path, now.method] },
      peer: peers.under(["paths", now.path, now.method]),
    });
  }
  return found;
}
