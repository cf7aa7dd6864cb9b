/**
 * What a person reads of the lint step: at most `--max-problems` problems
 * (errors first), each `severity place: message [rule]` with the place as
 * formatPlace writes it; when some are left out, how many, the counts per
 * rule and the total. `--quiet` shows errors only.
 */
import { formatPlace } from "../errors.js";
import type { LintProblem, LintResult } from "./lint.js";

export function lintReportLines(result: LintResult, options: { maxProblems: number; quiet: boolean }): string[] {
  const lines = result.shown.map(problemLine);
  const total = options.quiet ? result.errors : result.errors + result.warnings;
  const left = total - result.shown.length;
  if (left <= 0) return lines;
  lines.push(`  ... ${left} more not shown (--max-problems ${options.maxProblems}); by rule:`);
  const rules = Object.entries(result.byRule).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  for (const [rule, count] of rules) lines.push(`    ${String(count).padStart(7)}  ${rule}`);
  lines.push(`  total: ${plural(result.errors, "error")}, ${plural(result.warnings, "warning")}`);
  return lines;
}

export function problemLine(problem: LintProblem): string {
  return `  ${problem.severity === "error" ? "error" : "warn "} ${formatPlace(problem.place)}: ${problem.message} [${problem.ruleId}]`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
