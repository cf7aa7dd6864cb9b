/**
 * Step: lint. Redocly's ruleset (redocly.yaml in the working directory, else
 * `recommended`), run in-process through @redocly/openapi-core on the files
 * the load step read. Runs on a worker thread (pipeline.ts), beside the types.
 * It returns the counts and the problems to show, errors first, with their
 * places; whether errors stop the run is the pipeline's call (--lint).
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { NormalizedProblem } from "@redocly/openapi-core";
import type { Place } from "../errors.js";
import type { LoadedSpec } from "../spec/load.js";
import { PreloadedResolver, createDocuments } from "../spec/preloaded-resolver.js";
import { redocly } from "../spec/redocly.js";
import { isNullableProblem } from "../spec/nullable-31.js";

export interface LintInput {
  spec: LoadedSpec;
  cwd: string;
  /** Problems to return with their places (the rest are only counted). */
  maxProblems: number;
  /** Only errors are returned (warnings are still counted). */
  errorsOnly: boolean;
}

export interface LintProblem {
  severity: "error" | "warn";
  ruleId: string;
  message: string;
  place: Place;
}

export interface LintResult {
  errors: number;
  warnings: number;
  /** Problems per rule, shown or not (errors only with `errorsOnly`). */
  byRule: Record<string, number>;
  /** The first `maxProblems` problems (errors first), in Redocly's order within each severity. */
  shown: LintProblem[];
  /** The first error, also when `maxProblems` is 0: the place a lint failure names. */
  firstError?: LintProblem;
  ms: number;
}

export async function lintSpec({ spec, cwd, maxProblems, errorsOnly }: LintInput): Promise<LintResult> {
  const started = performance.now();
  const { createConfig, loadConfig, lintDocument } = redocly();
  const configPath = join(cwd, "redocly.yaml");
  const config = existsSync(configPath)
    ? await loadConfig({ configPath })
    : await createConfig({ extends: ["recommended"] });
  const docs = createDocuments(spec);
  const problems = await lintDocument({
    document: docs.get(spec.root.path)!,
    config,
    externalRefResolver: new PreloadedResolver(docs),
  });
  // `nullable` in a 3.1 document is typed, and counted once, by the generator (spec/nullable-31.ts).
  const visible = problems.filter((p) => !p.ignored && !(spec.version.startsWith("3.1") && isNullableProblem(p)));
  const errors = visible.filter((p) => p.severity === "error");
  const ordered = errorsOnly ? errors : [...errors, ...visible.filter((p) => p.severity !== "error")];
  const byRule: Record<string, number> = {};
  for (const p of ordered) byRule[p.ruleId] = (byRule[p.ruleId] ?? 0) + 1;
  return {
    errors: errors.length,
    warnings: visible.length - errors.length,
    byRule,
    // Places (line and column) only for the problems shown: finding one walks the file's syntax tree.
    shown: ordered.slice(0, maxProblems).map((p) => problemOf(p, cwd)),
    firstError: errors[0] && problemOf(errors[0], cwd),
    ms: performance.now() - started,
  };
}

function problemOf(problem: NormalizedProblem, cwd: string): LintProblem {
  return {
    severity: problem.severity === "error" ? "error" : "warn",
    ruleId: problem.ruleId,
    message: problem.message,
    place: placeOf(problem, cwd),
  };
}

function placeOf(problem: NormalizedProblem, cwd: string): Place {
  const location = problem.location[0];
  if (!location) return {};
  const file = relative(cwd, location.source.absoluteRef) || location.source.absoluteRef;
  const pointer = "pointer" in location ? location.pointer : undefined;
  try {
    const { start } = redocly().getLineColLocation(location);
    return { file, line: start.line, column: start.col, pointer };
  } catch {
    return { file, pointer };
  }
}
