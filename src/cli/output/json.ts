/**
 * `--format json`: one JSON array, streamed item by item (memory stays one
 * page). After a failure the array is left unclosed, so the output does not
 * parse as a complete result (and the exit code is 1).
 */
import type { Print, Sink } from "./sink.js";

export function jsonSink(print: Print): Sink {
  let count = 0;
  return {
    items(items) {
      if (items.length === 0) return;
      const text = items.map((item) => `${count++ === 0 ? "[\n" : ",\n"}${indent(JSON.stringify(item, null, 2))}`).join("");
      print(text);
    },
    end() {
      print(count === 0 ? "[]\n" : "\n]\n");
    },
  };
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}
