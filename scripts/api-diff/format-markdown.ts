/** The report as a pull-request comment: a summary line, then one table per operation, breaking first. */
import { locationText } from "./change.js";
import { countsLine, groupByOperation, suggestedBump } from "./groups.js";
import type { Report } from "./report.js";
import { RULES } from "./rules.js";
import { printable } from "./printable.js";

export function formatMarkdown(report: Report): string {
  const out = [
    `### API changes: ${countsLine(report.counts)}`,
    "",
    `\`${cell(report.base)}\` -> \`${cell(report.head)}\`. Version bump: **${suggestedBump(report.verdict)}**.`,
  ];
  if (report.changes.length === 0) out.push("", "Nothing changed for code using this package.");
  for (const group of groupByOperation(report.changes)) {
    out.push("", `#### ${cell(group.title)}`, "", "| verdict | rule | change | where |", "|---|---|---|---|");
    for (const change of group.changes) {
      const where = `\`${cell(locationText(change))}\``;
      out.push(
        `| **${change.verdict}** | \`${change.rule}\` | ${cell(change.message)}<br>${cell(RULES[change.rule].why)} | ${where} |`,
      );
    }
  }
  out.push("", '<sub>`npm run api-diff -- --format markdown`; rules: README, "API changes".</sub>');
  return `${out.join("\n")}\n`;
}

/** Text safe inside a table cell: `|` escaped, no line breaks or other control characters. */
function cell(text: string): string {
  return printable(text).replace(/\|/g, "\\|");
}
