/**
 * Printing the body of a command that does not page. json: the body as is;
 * ndjson: the items of its `data` array one a line, else the body on one
 * line; table: the `data` array as rows, or an object as field/value rows.
 * No body (204) prints nothing.
 */
import type { Format } from "../global-flags.js";
import type { Print } from "./item-writer.js";
import { renderTable } from "./table.js";
import { isRecord } from "../../is-record.js";

export function printBody(body: unknown, format: Format, print: Print, maxWidth: number): void {
  if (body === undefined) return;
  const inner = isRecord(body) && "data" in body ? body.data : body;
  if (format === "json") {
    print(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  if (format === "ndjson") {
    print((Array.isArray(inner) ? inner : [body]).map((item) => `${JSON.stringify(item)}\n`).join(""));
    return;
  }
  if (Array.isArray(inner)) {
    if (inner.length > 0) print(renderTable(inner, columnsOf(inner[0]), maxWidth));
    return;
  }
  if (isRecord(inner)) {
    print(
      renderTable(
        Object.entries(inner).map(([field, value]) => ({ field, value })),
        ["field", "value"],
        maxWidth,
      ),
    );
    return;
  }
  print(`${JSON.stringify(inner)}\n`);
}

function columnsOf(row: unknown): string[] {
  return isRecord(row) ? Object.keys(row).filter((k) => typeof row[k] !== "object" || row[k] === null) : ["value"];
}
