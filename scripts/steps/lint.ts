/**
 * Step 2, lint: Redocly's ruleset (redocly.yaml in the working directory, else
 * `recommended`) run in-process through @redocly/openapi-core. In `error`
 * mode any error stops the run (exit 2); `warn` prints and goes on.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { createConfig, getLineColLocation, loadConfig, lintDocument, type NormalizedProblem } from "@redocly/openapi-core";
import { GenerateError } from "../errors.js";
import type { LoadedSpec } from "../spec/load.js";
import type { LintMode } from "../options.js";
import { PreloadedResolver, createDocuments } from "../spec/preloaded-resolver.js";
import { skipAjvCodeOptimizer } from "./lint-ajv.js";

export interface LintResult {
  errors: number;
  warnings: number;
  /** One formatted line per problem, `file:line:col (pointer): message [rule]`. */
  lines: string[];
}

export async function lintSpec(spec: LoadedSpec, mode: Exclude<LintMode, "off">, cwd: string): Promise<LintResult> {
  const configPath = join(cwd, "redocly.yaml");
  const config = existsSync(configPath) ? await loadConfig({ configPath }) : await createConfig({ extends: ["recommended"] });
  const docs = createDocuments(spec);
  skipAjvCodeOptimizer();
  const problems = await lintDocument({
    document: docs.get(spec.root.path)!,
    config,
    externalRefResolver: new PreloadedResolver(docs),
  });
  const visible = problems.filter((p) => !p.ignored);
  const lines = visible.map((p) => formatProblem(p, cwd));
  const errors = visible.filter((p) => p.severity === "error").length;
  const result = { errors, warnings: visible.length - errors, lines };
  if (errors > 0 && mode === "error") {
    const first = visible.find((p) => p.severity === "error")!;
    const location = locate(first, cwd);
    throw new GenerateError(
      `lint: ${errors} error${errors === 1 ? "" : "s"}, ${result.warnings} warning${result.warnings === 1 ? "" : "s"}; first: ${first.message} [${first.ruleId}]\n${lines.join("\n")}`,
      location,
      "fix the spec at these places (or run with --lint warn to generate anyway)",
    );
  }
  return result;
}

function locate(problem: NormalizedProblem, cwd: string) {
  const location = problem.location[0];
  if (!location) return {};
  const file = relative(cwd, location.source.absoluteRef) || location.source.absoluteRef;
  const pointer = "pointer" in location ? location.pointer : undefined;
  try {
    const { start } = getLineColLocation(location);
    return { file, line: start.line, column: start.col, pointer };
  } catch {
    return { file, pointer };
  }
}

function formatProblem(problem: NormalizedProblem, cwd: string): string {
  const { file, line, column, pointer } = locate(problem, cwd);
  const where = `${file ?? "?"}${line !== undefined ? `:${line}:${column}` : ""}${pointer ? ` (${pointer})` : ""}`;
  return `  ${problem.severity === "error" ? "error" : "warn "} ${where}: ${problem.message} [${problem.ruleId}]`;
}
