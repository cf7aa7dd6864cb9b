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
import { apiDiff, openApi3AnnotateHook, type Diff } from "api-smart-diff";
import { guardedRules, type ClassifierFailure } from "../workarounds/api-smart-diff.js";
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
  /** The engine's classification rule failed on this difference (its `peer` is then `unclassified`): why. */
  classifyError?: string;
}

/** A path item the engine could not compare at all. */
export interface EngineProblem {
  /** Path in the engine's view (`["paths", "/calls", "post", ...]`). */
  path: PathToken[];
  message: string;
}

export interface EngineResult {
  diffs: EngineDiff[];
  problems: EngineProblem[];
}

/**
 * Compares the two documents. Nothing the engine fails at goes unsaid: a
 * classification rule that throws (the engine would print "Classification
 * Rule error" to stderr and go on) is caught and its message kept on the
 * difference it was classifying (classify.ts reports it when our own rules
 * do not judge that difference), and when the comparison itself throws, each
 * path item is compared on its own so that only the one that fails is a problem.
 */
export function diffDocuments(base: OpenApiDocument, head: OpenApiDocument): EngineResult {
  const problems: EngineProblem[] = [];
  try {
    return { diffs: runEngine(base, head), problems };
  } catch {
    problems.length = 0;
    const diffs: EngineDiff[] = [];
    const paths = new Set([...Object.keys(objectOr(base.paths)), ...Object.keys(objectOr(head.paths))]);
    for (const path of [...paths].sort()) {
      const only = (doc: OpenApiDocument) => ({
        ...doc,
        paths: path in objectOr(doc.paths) ? { [path]: objectOr(doc.paths)[path] } : {},
      });
      try {
        diffs.push(...runEngine(only(base), only(head)));
      } catch (error) {
        problems.push({ path: ["paths", path], message: messageOf(error) });
      }
    }
    return { diffs, problems };
  }
}

function runEngine(base: OpenApiDocument, head: OpenApiDocument): EngineDiff[] {
  const parents = new Map<string, { before: unknown; after: unknown }>();
  const errors = new Map<string, string>();
  // The engine classifies a difference, then calls the annotate hook with it: a failure noted in between is that difference's.
  const failed: ClassifierFailure = {};
  const diffs = apiDiff(base, head, {
    rules: guardedRules({ "/components": { skip: true } }, failed),
    annotateHook: (diff, context) => {
      parents.set(keyOf(diff), { before: context.before.parent, after: context.after.parent });
      if (failed.message !== undefined) errors.set(keyOf(diff), failed.message);
      delete failed.message;
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
      ...(errors.has(keyOf(diff)) && { classifyError: errors.get(keyOf(diff)) }),
    };
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function keyOf(diff: Pick<Diff, "action" | "path">): string {
  return `${diff.action} ${JSON.stringify(diff.path)}`;
}
