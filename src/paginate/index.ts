/**
 * The paging engine the generated paginators call: page-number style
 * (`page[number]`/`page[size]` and the like), lazy, typed, and unable to
 * loop. `paginate()` returns a {@link Paginator}: iterate it for items,
 * `.pages()` for whole 200 bodies, `.toArray()` to collect.
 *
 * Rules (DESIGN.md, "Paging rules"): start at `startPage`; next page = the
 * page sent + 1; stop on an empty page, when the page sent reaches the meta's
 * total pages, at `limit` items or after `maxPages` pages. A page whose meta
 * page number is not the one sent, or that repeats the previous page, is a
 * `PaginationError` naming the page. Nothing is requested before iteration
 * starts, nor after the caller stops.
 *
 * Files: options are checked in `paginate-options.ts`, the loop (and fetching
 * ahead) is the async generator in `page-stream.ts`, each answer is read and
 * checked in `page-read.ts`, its items are iterated by `page-items.ts`.
 */
import { itemIterator } from "./items.js";
import { pagingSettings } from "./options.js";
import { pageStream } from "./stream.js";
import type { PageRequest, PageSpec, PaginateOptions, Paginator, PagingClient } from "./types.js";

export type * from "./types.js";

/**
 * Pages through one list operation. Options are checked now (a bad `pageSize`,
 * `limit`, ... throws a `RangeError` here, before any request); requests start
 * when iteration does. `break` (the iterator's `return()`) aborts the
 * requests in flight; a `return()` made while a `next()` is pending takes
 * effect once that `next()` has settled.
 */
export function paginate<Item, Page>(client: PagingClient, spec: PageSpec, request: PageRequest = {}, options: PaginateOptions = {}): Paginator<Item, Page> {
  if (spec.style !== "page-number") throw new TypeError(`GET ${spec.path}: the ${spec.style} page style is not supported yet`);
  const settings = pagingSettings(spec, request.query, options);
  const pages = () => pageStream(client, spec, request, settings);
  const paginator: Paginator<Item, Page> = {
    [Symbol.asyncIterator]: () => itemIterator<Item>(pages(), settings.limit),
    pages: () => ({
      async *[Symbol.asyncIterator]() {
        for await (const page of pages()) yield page.body as Page;
      },
    }),
    async toArray() {
      const out: Item[] = [];
      for await (const item of paginator) out.push(item);
      return out;
    },
  };
  return paginator;
}
