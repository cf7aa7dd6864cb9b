/**
 * `--format json`: one JSON array, streamed item by item (memory stays one
 * page). `end()` closes the array whatever happened, so stdout always parses
 * once its first items are out: after a failure it holds the items printed
 * before it, the error goes to stderr and the exit code says it failed. A
 * failure before any item prints nothing (an empty `[]` would read as "no
 * items").
 */
import type { Print, ItemWriter } from "./item-writer.js";

export function jsonWriter(print: Print): ItemWriter {
  let count = 0;
  return {
    items(items) {
      if (items.length === 0) return;
      const text = items
        .map((item) => `${count++ === 0 ? "[\n" : ",\n"}${indent(JSON.stringify(item, null, 2))}`)
        .join("");
      print(text);
    },
    end(failed) {
      if (count > 0) print("\n]\n");
      else if (!failed) print("[]\n");
    },
  };
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}
