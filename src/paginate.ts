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
import { pagingSettings } from "./paginate-options.js";
import { itemIterator } from "./page-items.js";
import { pageStream } from "./page-stream.js";

/** How one operation pages; the generator writes it into each wrapper. */
export interface PageSpec {
  /** Path template of the GET operation, e.g. `/voice_clones`. */
  readonly path: string;
  /** Query parameter holding the page number, e.g. `page[number]`. */
  readonly pageParam: string;
  /** Query parameter holding the page size, e.g. `page[size]`. */
  readonly sizeParam: string;
  /** Property of the 200 body holding the page's array of items, e.g. `data`. */
  readonly items: string;
  /** Property of the 200 body holding paging metadata, and its fields. */
  readonly meta?: { readonly key: string; readonly pageNumber?: string; readonly totalPages?: string };
  /** The spec's bounds of the page size, checked before any request. */
  readonly minSize?: number;
  readonly maxSize?: number;
}

export interface PaginateOptions {
  /** Stop after this many items (no request once reached). */
  limit?: number;
  /** Fetch at most this many pages. */
  maxPages?: number;
  /** Items per page; wins over the query's page-size parameter. Checked against the spec's bounds before any request. */
  pageSize?: number;
  /** First page to fetch (default 1). */
  startPage?: number;
  /** Aborts the request in flight and ends the iteration. */
  signal?: AbortSignal;
  /** Pages fetched ahead once the total is known (default 1: one request at a time). Items still come strictly in order. */
  concurrency?: number;
}

/** Items of every page, lazily; `.pages()` for the 200 bodies; `.toArray()` to collect. Each iteration starts over. */
export interface Paginator<Item, Page> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
  toArray(): Promise<Item[]>;
}

/** The operation's own parameters: path parameters and the query, without the page number. */
export interface PageRequest {
  readonly path?: object;
  readonly query?: object;
}

/** What the engine needs of a client: openapi-fetch's `GET`. Any `Client<paths>` fits. */
export interface PagingClient {
  // `any`: the path and init are checked by the generated wrapper's types, against the spec.
  GET(path: any, init: any): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/**
 * Pages through one list operation. Options are checked now (a bad `pageSize`,
 * `limit`, ... throws a `RangeError` here, before any request); requests start
 * when iteration does. `break` (the iterator's `return()`) aborts the
 * requests in flight; a `return()` made while a `next()` is pending takes
 * effect once that `next()` has settled.
 */
export function paginate<Item, Page>(client: PagingClient, spec: PageSpec, request: PageRequest = {}, options: PaginateOptions = {}): Paginator<Item, Page> {
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
