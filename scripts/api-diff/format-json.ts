/** The report for tools: the whole report, each change with its rule's reason, as indented JSON. */
import type { Report } from "./report.js";
import { RULES } from "./rules.js";

export function formatJson(report: Report): string {
  const changes = report.changes.map((change) => ({ ...change, why: RULES[change.rule].why }));
  return `${JSON.stringify({ base: report.base, head: report.head, verdict: report.verdict ?? null, counts: report.counts, changes }, null, 2)}\n`;
}
