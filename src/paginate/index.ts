/**
 * The paging engine the generated paginators call. `paginate()` returns a
 * {@link Paginator}: iterate it for items, `.pages()` for each page as read
 * (body, items, totals), `.toArray()` to collect. Every page style runs the
 * same way: `limit`, `maxPages`, `signal`, `concurrency` where pages can be
 * addressed ahead, and the same guards against servers that do not page as
 * they say. Nothing is requested before iteration starts, nor after the
 * caller stops.
 *
 * Files: `types.ts` the vocabulary (a leaf), `options.ts` checks options,
 * `styles/` one small object per page style (how to ask for the first page,
 * what comes next), `stream.ts` the one loop that runs any style, `read.ts`
 * reads each answer, `repeat-guard.ts` sees a repeated page, `items.ts` the
 * items of the pages.
 */
import { itemsOf } from "./items.js";
import { secretFor } from "../redact.js";
import { pagingSettings } from "./options.js";
import { pageStream } from "./stream.js";
import { pageStyleFor } from "./styles/index.js";
import type { Page, PageRequest, PageSpec, PaginateOptions, Paginator, PagingClient } from "./types.js";

export type * from "./types.js";

/**
 * Pages through one list operation. Options are checked now (a bad `pageSize`,
 * `limit`, ... throws a `RangeError` here, before any request); requests start
 * when iteration does. `break` (the iterator's `return()`) aborts the
 * requests in flight; a `return()` made while a `next()` is pending takes
 * effect once that `next()` has settled.
 */
export function paginate<Item, Body>(client: PagingClient, spec: PageSpec, request: PageRequest = {}, options: PaginateOptions = {}): Paginator<Item, Body> {
  const settings = pagingSettings(spec, request.query, options, secretFor(client));
  const pages = () => pageStream(client, spec, pageStyleFor(spec, settings), request, settings) as AsyncGenerator<Page<Item, Body>, void, undefined>;
  const paginator: Paginator<Item, Body> = {
    [Symbol.asyncIterator]: () => itemsOf<Item>(pages(), settings.limit),
    pages: () => ({ [Symbol.asyncIterator]: pages }),
    async toArray() {
      const out: Item[] = [];
      for await (const item of paginator) out.push(item);
      return out;
    },
  };
  return paginator;
}
