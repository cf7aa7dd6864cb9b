/**
 * The paging engine's entries. Each returns a {@link Paginator}: iterate it
 * for items, `.pages()` for each page as read (body, items, totals),
 * `.toArray()` to collect. Every page style runs the same way: `limit`,
 * `maxPages`, `signal`, `concurrency` where pages can be addressed ahead, and
 * the same guards against servers that do not page as they say. Nothing is
 * requested before iteration starts, nor after the caller stops.
 *
 * `paginateByPageNumber()`, `paginateByOffset()`, `paginateByCursor()` and
 * `paginateByNextLink()` each run one page style; the generated paginators
 * call the one of their operation, so a bundle holds only the styles it uses
 * (as a Stainless SDK names the page class of each list method).
 * `paginate()` takes a `PageSpec` of any style and calls the entry its
 * `spec.style` names: for the CLI, which reads its commands as data, and for
 * hand-written code.
 *
 * Files: `types.ts` the vocabulary (a leaf), `page-styles.ts` what each page
 * style is called and owns (read by the generator and the CLI too), `options.ts` checks options,
 * `styles/` one small object per page style (how to ask for the first page,
 * what comes next), `paginator.ts` the paginator of one style, `stream.ts`
 * the one loop that runs any style, `query.ts` sets the style's parameters
 * (inside a deepObject `page` where the spec has one), `read.ts` reads each answer,
 * `repeat-guard.ts` sees a repeated page, `items.ts` the items of the pages.
 *
 * Each entry checks its options now (a bad `pageSize`, `limit`, ... throws a
 * `RangeError` here, before any request); requests start when iteration
 * does. `break` (the iterator's `return()`) aborts the requests in flight; a
 * `return()` made while a `next()` is pending takes effect once that
 * `next()` has settled.
 */
import { paginateWith } from "./paginator.js";
import { cursorStyle } from "./styles/cursor.js";
import { nextLinkStyle } from "./styles/next-link.js";
import { offsetStyle } from "./styles/offset.js";
import { pageNumberStyle } from "./styles/page-number.js";
import type {
  CursorSpec,
  NextLinkSpec,
  OffsetSpec,
  PageNumberSpec,
  PageRequest,
  PageSpec,
  PaginateOptions,
  Paginator,
  PagingClient,
} from "./types.js";

export type * from "./types.js";

/** Pages through one list operation of any page style: the entry of the style its `spec.style` names. */
export function paginate<Item, Body>(
  client: PagingClient,
  spec: PageSpec,
  request?: PageRequest,
  options?: PaginateOptions,
): Paginator<Item, Body> {
  switch (spec.style) {
    case "page-number":
      return paginateByPageNumber(client, spec, request, options);
    case "offset":
      return paginateByOffset(client, spec, request, options);
    case "cursor":
      return paginateByCursor(client, spec, request, options);
    case "next-link":
      return paginateByNextLink(client, spec, request, options);
    default:
      throw new TypeError(
        `GET ${(spec as PageSpec).path}: unknown page style ${JSON.stringify((spec as { style: unknown }).style)}`,
      );
  }
}

/** Pages through one list operation by page number: `page[number]=1, 2, 3, ...`; `startPage` starts mid-way. */
export function paginateByPageNumber<Item, Body>(
  client: PagingClient,
  spec: PageNumberSpec,
  request?: PageRequest,
  options?: PaginateOptions,
): Paginator<Item, Body> {
  return paginateWith<Item, Body, PageNumberSpec>(pageNumberStyle, client, spec, request, options);
}

/** Pages through one list operation by offset: `offset=0, 20, 40, ...`; `startOffset` starts mid-way. */
export function paginateByOffset<Item, Body>(
  client: PagingClient,
  spec: OffsetSpec,
  request?: PageRequest,
  options?: PaginateOptions,
): Paginator<Item, Body> {
  return paginateWith<Item, Body, OffsetSpec>(offsetStyle, client, spec, request, options);
}

/** Pages through one list operation by the cursor each page gives for the next; `startCursor` starts mid-way. */
export function paginateByCursor<Item, Body>(
  client: PagingClient,
  spec: CursorSpec,
  request?: PageRequest,
  options?: PaginateOptions,
): Paginator<Item, Body> {
  return paginateWith<Item, Body, CursorSpec>(cursorStyle, client, spec, request, options);
}

/**
 * Pages through one list operation by the next link each page gives (in the
 * body or a `Link` header); `startCursor` starts mid-way when the operation
 * has a cursor parameter.
 */
export function paginateByNextLink<Item, Body>(
  client: PagingClient,
  spec: NextLinkSpec,
  request?: PageRequest,
  options?: PaginateOptions,
): Paginator<Item, Body> {
  return paginateWith<Item, Body, NextLinkSpec>(nextLinkStyle, client, spec, request, options);
}
