/**
 * The paging engine's vocabulary, a leaf module (it imports nothing): how an
 * operation pages (`PageSpec`, plain data the generator writes into each
 * paginator and into the CLI's commands), the paginator's options, and what
 * it gives out. The engine's other modules import from here, never the
 * other way round.
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
