/**
 * The page loop. With `concurrency` 1: one request at a time, each sent only
 * when the caller asks for more. With N > 1, once a page's meta gives the
 * total, the next pages (never past the total, `maxPages` or what `limit`
 * needs) are requested ahead so that pages held plus pages in flight stay at
 * most N: N - 1 ahead while the caller holds a page, N while it waits.
 * Pages are yielded strictly in order. When the loop ends for any reason
 * (done, `limit`, `break`, an error), the requests still in flight are
 * aborted and their outcome dropped.
 */
import { fetchPage, type FetchedPage } from "./page-fetch.js";
import { createPageGuard } from "./page-guard.js";
import type { PagingSettings } from "./paginate-options.js";
import type { PageRequest, PageSpec, PagingClient } from "./paginate.js";

export async function* pageStream(client: PagingClient, spec: PageSpec, request: PageRequest, settings: PagingSettings): AsyncGenerator<FetchedPage, void, undefined> {
  const { limit, maxPages, startPage, signal, concurrency } = settings;
  if (limit === 0 || maxPages === 0) return;
  signal?.throwIfAborted();
  const stop = new AbortController();
  const forward = () => stop.abort(signal?.reason);
  signal?.addEventListener("abort", forward, { once: true });

  const guard = createPageGuard(spec);
  const ahead: Promise<FetchedPage>[] = []; // requests sent and not yet yielded, in page order
  let next = startPage; // next page number to send
  let totalPages: number | undefined;
  let pagesDone = 0;
  let itemsDone = 0;
  let perPage = 0; // items on the first page: what `limit` is estimated with

  const send = () => {
    const pending = fetchPage(client, spec, request, settings.pageSize, next++, stop.signal);
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

  try {
    for (;;) {
      fetchAhead(concurrency);
      if (ahead.length === 0) send(); // the loop goes on, so the next page is needed
      const page = await ahead.shift()!;
      guard.check(page);
      pagesDone++;
      if (page.totalPages !== undefined) totalPages = page.totalPages;
      const empty = page.items.length === 0;
      if (empty && pagesDone > 1) return; // the end; the first page is yielded even when empty (it carries the meta)
      if (pagesDone === 1) perPage = page.items.length;
      itemsDone += page.items.length;
      if (!empty) fetchAhead(concurrency - 1);
      yield page;
      if (empty) return;
      if (totalPages !== undefined && page.number >= totalPages) return;
      if (limit !== undefined && itemsDone >= limit) return;
      if (maxPages !== undefined && pagesDone >= maxPages) return;
    }
  } finally {
    signal?.removeEventListener("abort", forward);
    if (ahead.length > 0) stop.abort(new DOMException("the paginator no longer needs this page", "AbortError"));
  }
}
