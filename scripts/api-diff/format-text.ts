/** The report for a terminal: grouped by operation, breaking first, each change with its rule, reason and location. */
import { locationText } from "./change.js";
import { countsLine, groupByOperation, suggestedBump } from "./groups.js";
import type { Report } from "./report.js";
import { RULES } from "./rules.js";
import { printable } from "./printable.js";

export function formatText(report: Report): string {
  const lines = [`API changes from ${report.base} to ${report.head}: ${countsLine(report.counts)}`];
  if (report.changes.length === 0)
    return `${printable(lines[0]!)}\nnothing changed for code using this package; version bump: ${suggestedBump(undefined)}\n`;
  for (const group of groupByOperation(report.changes)) {
    lines.push("", group.title);
    for (const change of group.changes) {
      lines.push(`  ${change.verdict.padEnd(8)} ${change.rule}: ${change.message}`);
      lines.push(`           ${RULES[change.rule].why}`);
      lines.push(`           at ${locationText(change)}`);
    }
  }
  lines.push("", `verdict: ${report.verdict}; version bump: ${suggestedBump(report.verdict)}`);
  return `${lines.map(printable).join("\n")}\n`;
}
