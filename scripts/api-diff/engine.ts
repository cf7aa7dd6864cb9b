/**
 * The spec-level diff engine: api-smart-diff (`apiDiff`, its documented
 * OpenAPI 3 rules and annotate hook). It matches operations, parameters (by
 * name and location), status codes, media types and enum values, resolves
 * refs (recursive ones too) and merges `allOf`, and reports each difference
 * with its path in that merged view. We keep its own classification (the
 * peer's verdict, shown beside ours) and, through the annotate hook, the
 * node around each difference (for a `type` item, the whole type array),
 * which classify.ts needs to judge it. `components` are not compared: a
 * component matters where an operation uses it, and the engine follows
 * refs from the operations.
 */
import { apiDiff, openApi3AnnotateHook, openapi3Rules, type Diff } from "api-smart-diff";
import type { OpenApiDocument } from "../spec/bundle.js";
import type { PeerType } from "./change.js";

export type PathToken = string | number;

export interface EngineDiff {
  action: "add" | "remove" | "replace" | "rename";
  /** Path in the engine's merged view (for a removal or a replacement, the base's indexes). */
  path: PathToken[];
  before?: unknown;
  after?: unknown;
  /** The node holding the changed key in the base and in the head (the schema of a keyword, the array of an item). */
  beforeParent?: unknown;
  afterParent?: unknown;
  peer: PeerType;
}

export function diffDocuments(base: OpenApiDocument, head: OpenApiDocument): EngineDiff[] {
  const parents = new Map<string, { before: unknown; after: unknown }>();
  // Rules are built per call: the engine keeps state in them (resolved refs) from one comparison to the next.
  const rules = { ...openapi3Rules(), "/components": { skip: true } };
  const diffs = apiDiff(base, head, {
    rules,
    annotateHook: (diff, context) => {
      parents.set(keyOf(diff), { before: context.before.parent, after: context.after.parent });
      return openApi3AnnotateHook(diff, context); // the engine's own sentence, as without the hook
    },
  });
  return diffs.map((diff) => {
    const around = parents.get(keyOf(diff));
    return {
      action: diff.action,
      path: [...diff.path],
      ...(diff.before !== undefined && { before: diff.before }),
      ...(diff.after !== undefined && { after: diff.after }),
      ...(around && { beforeParent: around.before, afterParent: around.after }),
      peer: diff.type,
    };
  });
}

function keyOf(diff: Pick<Diff, "action" | "path">): string {
  return `${diff.action} ${JSON.stringify(diff.path)}`;
}
