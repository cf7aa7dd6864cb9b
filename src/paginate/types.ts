/**
 * The paging engine's vocabulary, a leaf module (it imports nothing): how an
 * operation pages (`PageSpec`, plain data the generator writes into each
 * paginator and into the CLI's commands), the paginator's options, what it
 * gives out (`Page`), the `{ data, error, response }` shape of an answer, and
 * the contract of a page style. The engine's other modules import from here,
 * never the other way round.
 */

/**
 * Where a value is in an answer: a path of property names in the JSON body
 * (`["meta", "total_pages"]`), or a response header (lower case).
 */
export type Locator = { readonly body: readonly string[] } | { readonly header: string };

/** What every page style shares. */
interface PageSpecBase {
  /** Path template of the GET operation, e.g. `/voice_clones`. */
  readonly path: string;
  /** Property path of the list in the 200 body, e.g. `["data"]`; `[]` when the body is the array itself. */
  readonly items: readonly string[];
  /** Query parameter of the page size, e.g. `page[size]`, `limit`, `per_page`. */
  readonly sizeParam?: string;
  /** The spec's bounds of the page size, checked before any request. */
  readonly minSize?: number;
  readonly maxSize?: number;
  /** Where the answer says how many items there are in all. */
  readonly totalItems?: Locator;
  /**
   * The `style: deepObject` query parameter that holds the page parameters,
   * e.g. `page`: then `page[number]`, `page[size]`, `page[after]` above name
   * its properties (`{ page: { number: 2, size: 20 } }`), which openapi-fetch
   * sends as `page[number]=2&page[size]=20`, as the spec declares them.
   */
  readonly deepObject?: string;
}

/** Pages addressed by number: `page[number]=1, 2, 3, ...`. */
export interface PageNumberSpec extends PageSpecBase {
  readonly style: "page-number";
  /** Query parameter of the page number, e.g. `page[number]`. */
  readonly pageParam: string;
  /** Number of the first page (default 1; 0 when the parameter starts at 0). */
  readonly firstPage?: number;
  /** Where the answer repeats the page number it is (checked against the number sent). */
  readonly pageNumber?: Locator;
  /** Where the answer says how many pages there are. */
  readonly totalPages?: Locator;
}

/** Pages addressed by the index of their first item: `offset=0, 20, 40, ...` (also skip/top, start/count). */
export interface OffsetSpec extends PageSpecBase {
  readonly style: "offset";
  /** Query parameter of the first item's index, e.g. `offset`, `skip`, `start`. */
  readonly offsetParam: string;
  /** Index of the very first item (default 0). */
  readonly firstOffset?: number;
}

/** Each page names the next by an opaque cursor sent back in a query parameter. */
export interface CursorSpec extends PageSpecBase {
  readonly style: "cursor";
  /** Query parameter the cursor is sent in, e.g. `cursor`, `pageToken`, `starting_after`, `page[after]`. */
  readonly cursorParam: string;
  /** Where the next cursor is: in the answer, or a field of the page's last item (`{ lastItem: ["id"] }`, Stripe's `starting_after`). */
  readonly nextCursor: Locator | { readonly lastItem: readonly string[] };
  /** A boolean in the answer that says whether more pages follow (Stripe's `has_more`). */
  readonly hasMore?: Locator;
}

/** Each page gives the URL of the next: in the body, or in an RFC 8288 `Link: <...>; rel="next"` header. */
export interface NextLinkSpec extends PageSpecBase {
  readonly style: "next-link";
  /** Where the next page's URL is: a body path (`["links", "next"]`), or `{ header: "link" }` for `rel="next"`. */
  readonly next: Locator;
  /** A query parameter that starts the walk mid-way (the cursor the links carry), when the operation has one. */
  readonly cursorParam?: string;
}

/** How one GET operation pages; the generator writes it, `paginate()` reads it. */
export type PageSpec = PageNumberSpec | OffsetSpec | CursorSpec | NextLinkSpec;

export type PageStyleName = PageSpec["style"];

export interface PaginateOptions {
  /** Stop after this many items (no request once reached). */
  limit?: number;
  /** Fetch at most this many pages. */
  maxPages?: number;
  /** Items per page; wins over the query's page-size parameter. Checked against the spec's bounds before any request. */
  pageSize?: number;
  /** Page-number paging: the first page to fetch (default the spec's first page, 1). */
  startPage?: number;
  /** Offset paging: the index of the first item to fetch (default the spec's first offset, 0). */
  startOffset?: number;
  /** Cursor paging (and next links with a cursor parameter): the cursor to start from, e.g. one a previous walk stopped at. */
  startCursor?: string;
  /** Aborts the request in flight and ends the iteration. */
  signal?: AbortSignal;
  /**
   * Pages fetched ahead (default 1: one request at a time), where pages can be
   * addressed ahead: page-number paging once the total pages are known, offset
   * paging once the total items are. Ignored (no error) for cursors and next
   * links, whose next request is known only from the page before. Items still
   * come strictly in order.
   */
  concurrency?: number;
}

/** One page as read: the 200 body, its items, and the totals the answer gives. What `.pages()` hands out. */
export interface Page<Item = unknown, Body = unknown> {
  /** The 200 body, as the server sent it. */
  readonly body: Body;
  /** The page's items (the body's list). */
  readonly items: readonly Item[];
  /** The page number sent (page-number paging), else the page's position in the walk, from 1. */
  readonly number: number;
  /** The cursor (or, for next links, the URL) that asked for this page; none for the first page unless `startCursor`. */
  readonly cursor?: string | undefined;
  /** The total pages, when the answer says it. */
  readonly totalPages?: number | undefined;
  /** The total items, when the answer says it. */
  readonly totalItems?: number | undefined;
  /** The answer (headers, status). */
  readonly response: Response;
}

/** Items of every page, lazily; `.pages()` for each page as read; `.toArray()` to collect. Each iteration starts over. */
export interface Paginator<Item, Body> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page<Item, Body>>;
  toArray(): Promise<Item[]>;
}

/** The operation's own parameters: path parameters and the query, without the parameters the page style owns. */
export interface PageRequest {
  readonly path?: object;
  readonly query?: object;
}

/** What openapi-fetch's `client.GET(...)` and friends resolve to: `{ data, error, response }`. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** What the engine needs of a client: openapi-fetch's `GET`. Any `Client<paths>` fits. */
export interface PagingClient {
  // `any`: the path and init are checked by the generated wrapper's types, against the spec.
  // biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's generic Client<paths>.GET must fit; the generated wrapper's types check the arguments
  GET(path: any, init: any): Promise<FetchResult>;
}

/**
 * One request of a walk, as a page style asks for it: parameters it sets on
 * the operation's own request, or (next links) a path under the client's base
 * URL with a query string sent exactly as the server gave it.
 */
export interface PageAsk {
  /** The page number sent (page-number paging), else the page's position in the walk, from 1. */
  readonly page: number;
  /** What the request is, for comparing two asks: `page 3`, `offset 40`, the cursor, the URL. */
  readonly key: string;
  /** The cursor or next URL sent, for `Page.cursor` and errors. */
  readonly cursor?: string | undefined;
  /** Query parameters the style owns, added to the operation's query. */
  readonly query?: Readonly<Record<string, string | number>>;
  /** A next link: its path under the client's base URL, and its query string as sent by the server. */
  readonly link?: { readonly path: string; readonly search: string };
}

/** A page just read, with the ask that brought it and its answer. */
export interface PageRead {
  readonly ask: PageAsk;
  readonly page: Page;
  readonly response: Response;
}

/**
 * A page style, the shape of Stainless's `AbstractPage`: how to ask for the
 * first page, and what the next request is from a page. One stream
 * (`stream.ts`) runs any style and owns the guards, `limit`, `maxPages`,
 * `signal` and `concurrency`. A style may keep state across one walk; a new
 * one is made per walk.
 */
export interface PageStyle {
  /** What a request names its page by, as messages say it: `page[number]`, `offset`, `cursor`, `the next link`. */
  readonly param: string;
  first(): PageAsk;
  /** The next page's ask, or undefined when `read` is the last page; throws a `PaginationError` when the answer cannot be followed. */
  next(read: PageRead): PageAsk | undefined;
  /** Style-specific checks of an answer (a page number other than the one sent); throws a `PaginationError`. */
  check?(read: PageRead): void;
  /** Pages addressed ahead: the ask `k` pages after `read` (k >= 1), or undefined when unknown or past the end. */
  ahead?(read: PageRead, k: number): PageAsk | undefined;
  /**
   * For styles that follow URLs from the answer (next links): the walk sends
   * its requests with `redirect: "manual"`, and this gives the request a
   * redirect's `Location` leads to; it throws a `PaginationError` when the
   * target is off the client's origin or base path, so nothing is sent there.
   */
  redirect?(ask: PageAsk, location: string): PageAsk;
  /** Sees each request the walk sends (openapi-fetch's per-request middleware), for styles that need its URL. */
  readonly watch?: { onRequest(options: { request: Request; options: { baseUrl: string } }): undefined };
}
