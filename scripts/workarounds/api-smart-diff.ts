/**
 * Where this project works around api-smart-diff (1.0), in one place, each
 * with its test in test/workarounds/api-smart-diff.test.ts that fails when
 * api-smart-diff changes the behaviour worked around:
 *
 * 1. A classification rule that throws makes the engine print "Classification
 *    Rule error" to stderr and go on with `unclassified`. `guardedRules`
 *    wraps every classifier so that the error is noted (and reported on the
 *    difference) instead of printed.
 * 2. The engine keeps state (resolved refs) in the rules object from one
 *    comparison to the next: `guardedRules` builds the rules anew per call.
 */
import { openapi3Rules } from "api-smart-diff";

export type Rules = ReturnType<typeof openapi3Rules>;

/** Where a classifier that threw notes why; the engine's annotate hook reads (and clears) it. */
export interface ClassifierFailure {
  message?: string;
}

/**
 * Fresh OpenAPI 3 rules (with `extra` keys at the root, e.g. `/components`
 * skipped) with every classifier (a `$` entry: a function, or an array of
 * them per action) wrapped so that one that throws gives `unclassified` and
 * notes why. Rules are documented as plain objects whose `/key` entries are
 * rules or functions returning rules; both are wrapped the same way, each
 * object once. (Wrapping each object only when the engine first reads it, by
 * a getter, cost more CPU time than it saved.)
 */
export function guardedRules(extra: Record<string, unknown>, failed: ClassifierFailure): Rules {
  return guard({ ...openapi3Rules(), ...extra }, failed, new WeakMap()) as Rules;
}

function guard(rules: unknown, failed: ClassifierFailure, seen: WeakMap<object, unknown>): unknown {
  if (typeof rules === "function")
    return (...args: unknown[]) => guard((rules as (...a: unknown[]) => unknown)(...args), failed, seen);
  if (typeof rules !== "object" || rules === null || Array.isArray(rules)) return rules;
  const known = seen.get(rules);
  if (known) return known;
  const out: Record<string, unknown> = {};
  seen.set(rules, out);
  for (const [key, value] of Object.entries(rules)) {
    if (key === "$")
      out[key] = Array.isArray(value) ? value.map((c) => guardClassifier(c, failed)) : guardClassifier(value, failed);
    else if (key.startsWith("/")) out[key] = guard(value, failed, seen);
    else out[key] = value;
  }
  return out;
}

function guardClassifier(classifier: unknown, failed: ClassifierFailure): unknown {
  if (typeof classifier !== "function") return classifier;
  return (context: unknown) => {
    try {
      return (classifier as (context: unknown) => unknown)(context);
    } catch (error) {
      failed.message = `api-smart-diff's classification rule failed: ${error instanceof Error ? error.message : String(error)}`;
      return "unclassified";
    }
  };
}
