/**
 * The page loop, as a cursor: `next()` gives the next page (or `undefined`
 * at the end), `close()` ends it. With `concurrency` 1: one request at a
 * time, each sent only when `next()` is called. With N > 1, once a page's
 * meta gives the total, the next pages (never past the total, `maxPages` or
 * what `limit` needs) are requested ahead so that pages held plus pages in
 * flight stay at most N: N - 1 ahead while the caller holds a page, N while
 * it waits. Pages come strictly in order. When the cursor ends for any
 * reason (done, `limit`, `close()`, an error), the requests still in flight
 * are aborted and their outcome dropped.
 */
import { AbortError } from "./errors.js";
import { fetchPage, type FetchedPage } from "./page-fetch.js";
import { createPageGuard } from "./page-guard.js";
import type { PagingSettings } from "./paginate-options.js";
import type { PageRequest, PageSpec, PagingClient } from "./paginate.js";

export interface PageCursor {
  /** The next page, `undefined` once there is none; rejects (and closes) on an error. Calls are served one after the other. */
  next(): Promise<FetchedPage | undefined>;
  /** Ends the cursor: aborts the requests in flight; later `next()` calls give `undefined`. */
  close(): void;
}

export function createPageCursor(client: PagingClient, spec: PageSpec, request: PageRequest, settings: PagingSettings): PageCursor {
  const { limit, maxPages, startPage, signal, concurrency } = settings;
  // Fetching ahead needs its own abort for the pages no longer needed; one request at a time needs only the caller's.
  const stop = concurrency > 1 ? new AbortController() : undefined;
  const forward = () => stop?.abort(signal?.reason);
  if (stop) signal?.addEventListener("abort", forward, { once: true });
  const requestSignal = stop?.signal ?? signal;

  const guard = createPageGuard(spec);
  const ahead: Promise<FetchedPage>[] = []; // requests sent and not yet given out, in page order
  let next = startPage; // next page number to send
  let totalPages: number | undefined;
  let pagesDone = 0;
  let itemsDone = 0;
  let perPage = 0; // items on the first page: what `limit` is estimated with
  let done = limit === 0 || maxPages === 0;
  let queue: Promise<void> = Promise.resolve();

  const send = () => {
    const pending = fetchPage(client, spec, request, settings.pageSize, next++, requestSignal);
    pending.catch(() => {}); // an aborted or unneeded request must not become an unhandled rejection
    ahead.push(pending);
  };
  /** Last page worth sending ahead of the caller: the total, capped by `maxPages` and by the pages `limit` still needs. */
  const lastWanted = (): number => {
    let last = totalPages ?? 0;
    if (maxPages !== undefined) last = Math.min(last, startPage + maxPages - 1);
    if (limit !== undefined && perPage > 0) last = Math.min(last, startPage + pagesDone - 1 + Math.ceil((limit - itemsDone) / perPage));
    return last;
  };
  /** Requests ahead up to `room` in flight (once the total is known). */
  const fetchAhead = (room: number) => {
    if (totalPages === undefined) return;
    while (ahead.length < room && next <= lastWanted()) send();
  };
  const close = () => {
    if (stop) signal?.removeEventListener("abort", forward);
    done = true;
    if (ahead.length > 0) stop?.abort(new DOMException("the paginator no longer needs this page", "AbortError"));
    ahead.length = 0;
  };

  const step = async (): Promise<FetchedPage | undefined> => {
    if (done) return undefined;
    try {
      if (signal?.aborted) throw new AbortError(`GET ${spec.path} page ${next}: aborted by the caller's signal`, { cause: signal.reason });
      fetchAhead(concurrency);
      if (ahead.length === 0) send(); // not done, so the next page is needed
      const page = await ahead.shift()!;
      if (done) return undefined; // closed while waiting
      guard.check(page);
      pagesDone++;
      if (page.totalPages !== undefined) totalPages = page.totalPages;
      const empty = page.items.length === 0;
      if (empty && pagesDone > 1) return end(); // the first page is given out even when empty (it carries the meta)
      if (pagesDone === 1) perPage = page.items.length;
      itemsDone += page.items.length;
      const last =
        empty ||
        (totalPages !== undefined && page.number >= totalPages) ||
        (limit !== undefined && itemsDone >= limit) ||
        (maxPages !== undefined && pagesDone >= maxPages);
      if (last) close();
      else fetchAhead(concurrency - 1);
      return page;
    } catch (error) {
      close();
      throw error;
    }
  };
  const end = () => {
    close();
    return undefined;
  };

  let pending = 0; // steps started or queued and not yet settled
  const settled = () => {
    pending--;
  };
  return {
    next() {
      // One step at a time: a call made while another is under way waits for it.
      const result = pending > 0 ? queue.then(step) : step();
      pending++;
      queue = result.then(settled, settled);
      return result;
    },
    close,
  };
}
