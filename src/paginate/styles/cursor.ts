/**
 * Cursor paging: each page names the next by an opaque cursor, sent back in
 * a query parameter. The cursor comes from the answer (`next_cursor`,
 * `meta.next`, a header) or from a field of the page's last item (Stripe's
 * `starting_after`). The walk ends when there is no next cursor, or the
 * answer's `hasMore` flag is false (an empty page ends any walk). A cursor
 * given twice, the one just sent (the server ignores it) or an earlier one
 * (the cursors cycle), is a `PaginationError` carrying the page and the
 * cursor. Every cursor sent is remembered to see cycles: a few bytes a page.
 */
import type { PagingSettings } from "../options.js";
import { describeLocator, field, locate, paginationError } from "../read.js";
import type { CursorSpec, PageAsk, PageStyle } from "../types.js";

export function cursorStyle(spec: CursorSpec, settings: PagingSettings): PageStyle {
  const sent = new Set<string>();
  const ask = (page: number, cursor: string | undefined): PageAsk => {
    if (cursor !== undefined) sent.add(cursor);
    return { page, key: cursor === undefined ? "first page" : `cursor ${cursor}`, cursor, query: cursor === undefined ? undefined : { [spec.cursorParam]: cursor } };
  };
  const where = "lastItem" in spec.nextCursor ? `the last item's ${spec.nextCursor.lastItem.join(".")}` : describeLocator(spec.nextCursor);
  return {
    param: spec.cursorParam,
    first: () => ask(1, settings.startCursor),
    next(read) {
      const { ask: asked, page, response } = read;
      const more = spec.hasMore && locate(spec.hasMore, page.body, response);
      if (more === false || more === "false") return undefined;
      const found = "lastItem" in spec.nextCursor ? spec.nextCursor.lastItem.reduce(field, page.items[page.items.length - 1]) : locate(spec.nextCursor, page.body, response);
      const cursor = typeof found === "number" ? String(found) : found;
      if (typeof cursor !== "string" || cursor === "") {
        if (more === true || more === "true") throw paginationError(spec, asked, settings.secret, `${describeLocator(spec.hasMore!)} says more pages follow, but there is no cursor at ${where}`);
        return undefined;
      }
      if (sent.has(cursor)) {
        const why = cursor === asked.cursor ? `the one just sent, so the server ignores ${spec.cursorParam}` : "an earlier page's: the cursors cycle";
        throw paginationError(spec, asked, settings.secret, `the answer gives the cursor ${JSON.stringify(cursor)} again (${why})`, cursor);
      }
      return ask(asked.page + 1, cursor);
    },
  };
}
