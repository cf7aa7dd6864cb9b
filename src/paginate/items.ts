/**
 * The items of a page stream, at most `limit` of them, with a plain async
 * generator: `break` (its `return()`) ends the page stream, which aborts the
 * requests in flight.
 */
import type { Page } from "./types.js";

export async function* itemsOf<Item>(pages: AsyncIterable<Page>, limit: number): AsyncGenerator<Item, void, undefined> {
  let left = limit;
  if (left <= 0) return;
  for await (const page of pages) {
    for (const item of page.items) {
      yield item as Item;
      if (--left === 0) return;
    }
  }
}
