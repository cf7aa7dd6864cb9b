/** `--format ndjson`: one item per line, written the moment its page arrives. */
import type { Print, ItemWriter } from "./item-writer.js";

export function ndjsonWriter(print: Print): ItemWriter {
  return {
    items(items) {
      if (items.length > 0) print(items.map((item) => `${JSON.stringify(item)}\n`).join(""));
    },
    end() {},
  };
}
