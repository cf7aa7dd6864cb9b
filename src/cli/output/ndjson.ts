/** `--format ndjson`: one item per line, written the moment its page arrives. */
import type { Print, Sink } from "./sink.js";

export function ndjsonSink(print: Print): Sink {
  return {
    items(items) {
      if (items.length > 0) print(items.map((item) => `${JSON.stringify(item)}\n`).join(""));
    },
    end() {},
  };
}
