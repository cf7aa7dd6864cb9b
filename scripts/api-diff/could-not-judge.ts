/**
 * What the report says where it failed: a `could-not-judge` change (review,
 * so `--fail-on review` stops on it) naming the place and the reason, in
 * place of the changes that place would have given. Every part of the
 * comparison runs through `judged`, so one failure costs one place, never
 * the report, and never passes in silence.
 */
import type { FoundChange } from "./change.js";
import type { PathToken } from "./engine.js";
import type { LocatePath } from "./locate.js";
import { operationLabel } from "../spec/operation-label.js";

/** A could-not-judge change at a path of the engine's view (or of either document). */
export function couldNotJudge(path: readonly PathToken[], what: string, reason: string): FoundChange {
  const [root, p, method] = path;
  const inOperation = root === "paths" && typeof p === "string" && typeof method === "string" && path.length >= 3;
  // Inside an operation the engine counts parameters by index in its own list: place the change at the operation then.
  const at: LocatePath = inOperation && path[3] === "parameters" ? path.slice(0, 3) : path;
  return {
    rule: "could-not-judge",
    ...(inOperation && { operation: operationLabel(method, p) }),
    message: `could not judge ${what}: ${reason}`,
    at: { side: "head", path: at },
  };
}

/** The changes found in one part of the comparison, or one could-not-judge change for it when it throws. */
export function judged(path: readonly PathToken[], what: string, run: () => FoundChange[]): FoundChange[] {
  try {
    return run();
  } catch (error) {
    return [couldNotJudge(path, what, error instanceof Error ? error.message : String(error))];
  }
}
