/**
 * The page loop, one async generator for every page style and any
 * `concurrency`. The style says how to request the first page and what comes
 * next; the stream sends the requests, reads each response (`read.ts`), and
 * owns what every style shares: the style's own checks, the repeated-page
 * guard (page 2 the same as page 1: the server ignores the page parameter, a
 * `PaginationError`; a later page the same as the one before, once earlier
 * pages differed: the server responds past the end with the last page again,
 * and the walk ends there, quietly), an empty page ending the walk, `limit`,
 * `maxPages` and the caller's `signal`.
 *
 * Fetching ahead: where the style can address pages ahead (page numbers or
 * offsets, once a total is known), the next pages (never past the end,
 * `maxPages` or what `limit` still needs) are requested ahead so that pages
 * held plus pages in flight stay at most `concurrency`: N - 1 ahead while the
 * caller holds a page, N while it waits. Pages come strictly in order; a page
 * sent ahead that turns out not to be the next one is dropped and the right
 * one requested (`prefetch-queue.ts`). When the loop ends for any reason
 * (done, `limit`, `return()`, an error, the caller's signal), the requests
 * still in flight are aborted and their outcome dropped.
 */
import { AbortError } from "../errors.js";
import type { PagingSettings } from "./options.js";
import { PrefetchQueue } from "./prefetch-queue.js";
import { queryWith } from "./query.js";
import { paginationError, readPage } from "./read.js";
import { fingerprint, sameJson, type PageFingerprint } from "./repeat-guard.js";
import type { FetchResult, Page, PageAsk, PageRead, PageRequest, PageSpec, PageStyle, PagingClient } from "./types.js";

/** Most redirects followed for one page (styles that follow URLs only). */
const MAX_REDIRECTS = 5;

function isRedirect(response: Response): boolean {
  return [301, 302, 303, 307, 308].includes(response.status) && response.headers.has("location");
}

/** `params`: the operation's own path and query parameters. */
export async function* pageStream(
  client: PagingClient,
  spec: PageSpec,
  style: PageStyle,
  params: PageRequest,
  settings: PagingSettings,
): AsyncGenerator<Page, void, undefined> {
  const { limit, maxPages, pageSize, signal, concurrency, secret } = settings;
  const sizeQuery = pageSize !== undefined && spec.sizeParam !== undefined ? { [spec.sizeParam]: pageSize } : undefined;
  const watch = style.watch && [style.watch];
  const queue = new PrefetchQueue(
    (request: PageAsk, requestSignal: AbortSignal | undefined): Promise<FetchResult> => {
      // Pages are read as text and parsed once, in read.ts (not checked by the client and parsed again).
      const init = {
        parseAs: "text",
        signal: requestSignal,
        ...(watch && { middleware: watch }),
        ...(style.redirect && { redirect: "manual" }),
      };
      const { link } = request;
      if (link) return client.GET(link.path, { ...init, querySerializer: () => link.search });
      const query = queryWith(spec, params.query, { ...sizeQuery, ...request.query });
      return client.GET(spec.path, { ...init, params: { path: params.path, query } });
    },
    signal,
    concurrency > 1,
  );
  /** The result of `request`, redirects followed one hop at a time, each checked by the style (URL-following styles only). */
  const followRedirects = async (request: PageAsk, pending: Promise<FetchResult>): Promise<FetchResult> => {
    let result = await pending;
    for (let hops = 0; style.redirect && isRedirect(result.response); hops++) {
      if (hops === MAX_REDIRECTS)
        throw paginationError(spec, request, secret, `more than ${MAX_REDIRECTS} redirects in a row`);
      result = await queue.send(style.redirect(request, result.response.headers.get("location")!));
    }
    // A client whose fetch followed redirects anyway: the page must still come from where links may lead.
    if (style.redirect && result.response.redirected && result.response.url)
      style.redirect(request, result.response.url);
    return result;
  };

  let pagesRead = 0;
  let itemsRead = 0;
  let perPage = 0; // items on the first page: what `limit` is estimated with
  let previous: { page: number; seen: PageFingerprint } | undefined;
  let last: PageRead | undefined; // the page last read, that pages ahead are counted from
  /** Sends pages ahead of `last` until `room` requests are in flight, never past what is needed. */
  const fill = (room: number) => {
    if (!style.ahead || !last) return;
    const needed = Math.min(maxPages - pagesRead, perPage > 0 ? Math.ceil((limit - itemsRead) / perPage) : 1);
    while (queue.length < Math.min(room, needed)) {
      const ahead = style.ahead(last, queue.length + 1);
      if (!ahead) return;
      queue.push(ahead);
    }
  };

  try {
    let request = limit > 0 && maxPages > 0 ? style.first() : undefined;
    while (request) {
      if (signal?.aborted)
        throw new AbortError(`GET ${spec.path} page ${request.page}: aborted by the caller's signal`, {
          cause: signal.reason,
        });
      fill(concurrency);
      const read = readPage(spec, request, await followRedirects(request, queue.take(request)), secret);
      style.check?.(read);
      const { items } = read.page;
      const seen = fingerprint(items);
      if (previous && items.length > 0 && sameJson(seen, previous.seen)) {
        // Once earlier pages differed, the server responds past the last page with the last one again: the list ends.
        if (pagesRead >= 2) return;
        throw paginationError(
          spec,
          request,
          secret,
          `the server sent the same items as page ${previous.page}, so it ignores ${style.param}`,
        );
      }
      pagesRead++;
      itemsRead += items.length;
      if (pagesRead === 1) perPage = items.length;
      else if (items.length === 0) return; // an empty page ends any walk; only a first page is handed out empty (it carries the totals)
      previous = { page: request.page, seen };
      last = read;
      // The page is good even when the way on from it is not (a cursor given again, a link to
      // another host): it is handed out first, and the problem thrown when the caller asks for more.
      let next: PageAsk | undefined;
      let cannotGoOn: unknown;
      try {
        next = items.length === 0 || pagesRead >= maxPages || itemsRead >= limit ? undefined : style.next(read);
      } catch (error) {
        cannotGoOn = error;
      }
      if (next === undefined)
        queue.close(); // before handing out the last page
      else fill(concurrency - 1);
      yield read.page;
      if (cannotGoOn !== undefined) throw cannotGoOn;
      request = next;
    }
  } finally {
    queue.close();
  }
}
