/**
 * Operations added, removed, moved to a path with renamed parameters
 * (`/items/{id}` -> `/items/{item_id}`: the same operation, another key in
 * `paths`), or with another operationId. Compared on the generator's own
 * operation list (listOperations) rather than on the engine's output, which
 * reports a renamed path parameter as a removal and a rename at once.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { listOperations, type OperationRef } from "../spec/openapi-walk.js";
import type { ChangeDraft } from "./change.js";
import type { PeerIndex } from "./peer.js";

export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** `GET /items/{}`: the same for paths that differ only in their parameters' names. */
function shapeKey(op: OperationRef): string {
  return `${op.method} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;
}

export function operationChanges(base: OpenApiDocument, head: OpenApiDocument, peers: PeerIndex): ChangeDraft[] {
  const before = new Map(listOperations(base).map((op) => [shapeKey(op), op]));
  const after = new Map(listOperations(head).map((op) => [shapeKey(op), op]));
  const drafts: ChangeDraft[] = [];
  for (const [key, old] of before) {
    const now = after.get(key);
    const operation = operationLabel(old.method, old.path);
    if (!now) {
      drafts.push({ rule: "operation-removed", operation, message: "operation removed", at: { side: "base", path: ["paths", old.path, old.method] }, peer: peers.under(["paths", old.path, old.method]) });
      continue;
    }
    const at = { side: "head" as const, path: ["paths", now.path, now.method] };
    if (now.path !== old.path) {
      drafts.push({ rule: "operation-path-changed", operation, message: `path parameters renamed: now \`${now.path}\``, at, peer: peers.under(["paths"]) });
    }
    const [was, is] = [old.operation.operationId, now.operation.operationId];
    if (was !== is) {
      const show = (id: unknown) => (typeof id === "string" ? `\`${id}\`` : "none");
      const rule = typeof was !== "string" ? "operation-id-added" : typeof is !== "string" ? "operation-id-removed" : "operation-id-changed";
      drafts.push({ rule, operation, message: `operationId ${show(was)} -> ${show(is)}`, at: { side: "head", path: [...at.path, "operationId"] }, peer: peers.under(["paths", old.path, old.method, "operationId"]) });
    }
  }
  for (const [key, now] of after) {
    if (before.has(key)) continue;
    drafts.push({ rule: "operation-added", operation: operationLabel(now.method, now.path), message: "operation added", at: { side: "head", path: ["paths", now.path, now.method] }, peer: peers.under(["paths", now.path, now.method]) });
  }
  return drafts;
}
