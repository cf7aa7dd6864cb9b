/**
 * The page loop, one async generator for any `concurrency`: a page is
 * requested when the caller asks for it; once a page's meta gives the total,
 * the next pages (never past the total, `maxPages` or what `limit` still
 * needs) are requested ahead, so that pages held plus pages in flight stay at
 * most `concurrency`: N - 1 ahead while the caller holds a page, N while it
 * waits. Pages come strictly in order. When the loop ends for any reason
 * (done, `limit`, `return()`, an error, the caller's signal), the requests
 * still in flight are aborted and their outcome dropped.
 */
import { AbortError } from "../errors.js";
import { pageReader, type Answer, type ReadPage } from "./read.js";
import type { PagingSettings } from "./options.js";
import type { PageNumberSpec, PageRequest, PagingClient } from "./types.js";

export async function* pageStream(client: PagingClient, spec: PageNumberSpec, request: PageRequest, settings: PagingSettings): AsyncGenerator<ReadPage, void, undefined> {
  const { limit, maxPages, pageSize, startPage, signal, concurrency } = settings;
  const read = pageReader(spec);
  // Fetching ahead needs its own abort, for the pages no longer needed, following the caller's;
  // one request at a time needs only the caller's (a signal costs something on every request).
  const stop = concurrency > 1 ? new AbortController() : undefined;
  const follow = () => stop!.abort(signal!.reason);
  const requestSignal = stop?.signal ?? signal;
  const ahead: Promise<Answer>[] = []; // requests sent and not yet read, in page order
  let next = startPage; // the next page number to send
  let lastAhead = -1; // the last page worth sending ahead: none until a meta gives the total
  let totalPages = Infinity;
  let perPage = 0; // items on the first page: what `limit` is estimated with
  let itemsRead = 0;

  const send = () => {
    const query = { ...request.query, [spec.pageParam]: next++, ...(pageSize !== undefined && spec.sizeParam !== undefined && { [spec.sizeParam]: pageSize }) };
    const answer = client.GET(spec.path, { params: { path: request.path, query }, signal: requestSignal });
    answer.catch(() => {}); // a request aborted or no longer needed must not become an unhandled rejection
    ahead.push(answer);
  };
  const fill = (room: number) => {
    while (ahead.length < room && next <= lastAhead) send();
  };
  const release = () => {
    signal?.removeEventListener("abort", follow);
    stop?.abort();
  };

  if (stop) signal?.addEventListener("abort", follow);
  try {
    let last = limit === 0 || maxPages === 0;
    for (let number = startPage; !last; number++) {
      if (signal?.aborted) throw new AbortError(`GET ${spec.path} page ${number}: aborted by the caller's signal`, { cause: signal.reason });
      fill(concurrency);
      if (ahead.length === 0) send(); // not done, so this page is needed
      const page = read(number, await ahead.shift()!);
      const { length } = page.items;
      if (page.totalPages !== undefined) totalPages = page.totalPages;
      if (length === 0 && number > startPage) return; // the first page is given out even when empty (it carries the meta)
      if (number === startPage) perPage = length;
      itemsRead += length;
      const lastPage = Math.min(totalPages, startPage + maxPages - 1); // as far as known now
      last = length === 0 || number >= lastPage || itemsRead >= limit;
      if (last) release(); // before handing out the last page
      else {
        if (totalPages < Infinity) lastAhead = Math.min(lastPage, number + Math.ceil((limit - itemsRead) / perPage));
        fill(concurrency - 1);
      }
      yield page;
    }
  } finally {
    release();
  }
}
