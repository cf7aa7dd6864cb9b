/**
 * The page loop, one async generator for every page style and any
 * `concurrency`. The style says how to ask for the first page and what comes
 * next; the stream sends the requests, reads each answer (`read.ts`), and
 * owns what every style shares: the style's own checks, the repeated-page
 * guard (page 2 the same as page 1: the server ignores the page parameter, a
 * `PaginationError`; a later page the same as the one before, once earlier
 * pages differed: the server answers past the end with the last page again,
 * and the walk ends there, quietly), an empty page ending the walk, `limit`, `maxPages` and the caller's
 * `signal`.
 *
 * Fetching ahead: where the style can address pages ahead (page numbers or
 * offsets, once a total is known), the next pages (never past the end,
 * `maxPages` or what `limit` still needs) are requested ahead so that pages
 * held plus pages in flight stay at most `concurrency`: N - 1 ahead while the
 * caller holds a page, N while it waits. Pages come strictly in order; a page
 * sent ahead that turns out not to be the next one is dropped and the right
 * one asked for. When the loop ends for any reason (done, `limit`,
 * `return()`, an error, the caller's signal), the requests still in flight
 * are aborted and their outcome dropped.
 */
import { AbortError } from "../errors.js";
import type { PagingSettings } from "./options.js";
import { queryWith } from "./query.js";
import { paginationError, readPage } from "./read.js";
import { fingerprint, sameJson, type PageFingerprint } from "./repeat-guard.js";
import type { FetchResult, Page, PageAsk, PageRead, PageRequest, PageSpec, PageStyle, PagingClient } from "./types.js";

interface Sent {
  readonly ask: PageAsk;
  readonly answer: Promise<FetchResult>;
}

/** Most redirects followed for one page (styles that follow URLs only). */
const MAX_REDIRECTS = 5;

function isRedirect(response: Response): boolean {
  return [301, 302, 303, 307, 308].includes(response.status) && response.headers.has("location");
}

export async function* pageStream(client: PagingClient, spec: PageSpec, style: PageStyle, request: PageRequest, settings: PagingSettings): AsyncGenerator<Page, void, undefined> {
  const { limit, maxPages, pageSize, signal, concurrency } = settings;
  // The walk's own abort, for the requests no longer needed, following the caller's signal (which
  // then holds one listener, not one per request); with neither, requests carry no signal at all.
  let stop = signal !== undefined || concurrency > 1 ? new AbortController() : undefined;
  const follow = () => stop!.abort(signal!.reason);
  const sizeQuery = pageSize !== undefined && spec.sizeParam !== undefined ? { [spec.sizeParam]: pageSize } : undefined;
  const watch = style.watch && [style.watch];
  const inFlight: Sent[] = []; // requests sent and not yet read, in page order

  const get = (ask: PageAsk): Promise<FetchResult> => {
    // Pages are read as text and parsed once, in read.ts (not checked by the client and parsed again).
    const init = { parseAs: "text", signal: stop?.signal, ...(watch && { middleware: watch }), ...(style.redirect && { redirect: "manual" }) };
    const answer: Promise<FetchResult> = ask.link
      ? client.GET(ask.link.path, { ...init, querySerializer: () => ask.link!.search })
      : client.GET(spec.path, { ...init, params: { path: request.path, query: queryWith(spec, request.query, { ...sizeQuery, ...ask.query }) } });
    answer.catch(() => {}); // a request aborted or no longer needed must not become an unhandled rejection
    return answer;
  };
  const send = (ask: PageAsk) => {
    inFlight.push({ ask, answer: get(ask) });
  };
  /** The answer to `ask`, its redirects followed one hop at a time, each checked by the style (styles that follow URLs only). */
  const answerTo = async (ask: PageAsk, answer: Promise<FetchResult>): Promise<FetchResult> => {
    let result = await answer;
    for (let hops = 0; style.redirect && isRedirect(result.response); hops++) {
      if (hops === MAX_REDIRECTS) throw paginationError(spec, ask, settings.secret, `more than ${MAX_REDIRECTS} redirects in a row`);
      result = await get(style.redirect(ask, result.response.headers.get("location")!));
    }
    // A client whose fetch followed redirects anyway: the page must still come from where links may lead.
    if (style.redirect && result.response.redirected && result.response.url) style.redirect(ask, result.response.url);
    return result;
  };
  const dropAhead = () => {
    stop?.abort();
    if (stop) stop = new AbortController();
    inFlight.length = 0;
  };
  const release = () => {
    signal?.removeEventListener("abort", follow);
    stop?.abort();
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
    while (inFlight.length < Math.min(room, needed)) {
      const ask = style.ahead(last, inFlight.length + 1);
      if (!ask) return;
      send(ask);
    }
  };

  if (stop) signal?.addEventListener("abort", follow);
  try {
    let ask = limit > 0 && maxPages > 0 ? style.first() : undefined;
    while (ask) {
      if (signal?.aborted) throw new AbortError(`GET ${spec.path} page ${ask.page}: aborted by the caller's signal`, { cause: signal.reason });
      fill(concurrency);
      if (inFlight[0]?.ask.key !== ask.key) {
        dropAhead();
        send(ask);
      }
      const read = readPage(spec, ask, await answerTo(ask, inFlight.shift()!.answer), settings.secret);
      style.check?.(read);
      const { items } = read.page;
      const seen = fingerprint(items);
      if (previous && items.length > 0 && sameJson(seen, previous.seen)) {
        // Once earlier pages differed, the server answers past the last page with the last one again: the list ends.
        if (pagesRead >= 2) return;
        throw paginationError(spec, ask, settings.secret, `the server sent the same items as page ${previous.page}, so it ignores ${style.param}`);
      }
      pagesRead++;
      itemsRead += items.length;
      if (pagesRead === 1) perPage = items.length;
      else if (items.length === 0) return; // an empty page ends any walk; only a first page is handed out empty (it carries the totals)
      previous = { page: ask.page, seen };
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
      if (next === undefined) release(); // before handing out the last page
      else fill(concurrency - 1);
      yield read.page;
      if (cannotGoOn !== undefined) throw cannotGoOn;
      ask = next;
    }
  } finally {
    release();
  }
}

