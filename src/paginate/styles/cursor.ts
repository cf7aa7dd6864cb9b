/**
 * Cursor paging: each page names the next by an opaque cursor, sent back in
 * a query parameter. The cursor comes from the answer (`next_cursor`,
 * `meta.next`, a header) or from a field of the page's last item (Stripe's
 * `starting_after`). The walk ends when there is no next cursor (absent,
 * null, "" or false), or the answer's `hasMore` flag is false (an empty page
 * ends any walk); a cursor that is an object, an array or `true`, or a
 * `hasMore` that is not a boolean, is a `PaginationError` naming the value. A cursor
 * given twice, the one just sent (the server ignores it) or an earlier one
 * (the cursors cycle), is a `PaginationError` carrying the page and the
 * cursor. Every cursor sent is remembered to see cycles: a few bytes a page.
 */
import type { PagingSettings } from "../options.js";
import { describeLocator, field, locate, paginationError, showValue } from "../read.js";
import type { CursorSpec, PageAsk, PageStyle } from "../types.js";

export function cursorStyle(spec: CursorSpec, settings: PagingSettings): PageStyle {
  const sent = new Set<string>();
  const ask = (page: number, cursor: string | undefined): PageAsk => {
    if (cursor !== undefined) sent.add(cursor);
    return {
      page,
      key: cursor === undefined ? "first page" : `cursor ${cursor}`,
      cursor,
      query: cursor === undefined ? undefined : { [spec.cursorParam]: cursor },
    };
  };
  const where =
    "lastItem" in spec.nextCursor
      ? `the last item's ${spec.nextCursor.lastItem.join(".")}`
      : describeLocator(spec.nextCursor);
  return {
    param: spec.cursorParam,
    first: () => ask(1, settings.startCursor),
    next(read) {
      const { ask: asked, page, response } = read;
      const fail = (why: string, cursor?: string) => paginationError(spec, asked, settings.secret, why, cursor);
      const more = spec.hasMore && locate(spec.hasMore, page.body, response);
      if (more === false || more === "false") return undefined;
      if (more !== undefined && more !== null && more !== true && more !== "true")
        throw fail(`${describeLocator(spec.hasMore!)} is ${showValue(more)}, not true or false`);
      const found =
        "lastItem" in spec.nextCursor
          ? spec.nextCursor.lastItem.reduce(field, page.items[page.items.length - 1])
          : locate(spec.nextCursor, page.body, response);
      if (found === undefined || found === null || found === "" || found === false) {
        if (more === true || more === "true")
          throw fail(`${describeLocator(spec.hasMore!)} says more pages follow, but there is no cursor at ${where}`);
        return undefined;
      }
      if (typeof found !== "string" && !(typeof found === "number" && Number.isFinite(found)))
        throw fail(`the next cursor at ${where} is ${showValue(found)}, not a string or number`);
      const cursor = String(found);
      if (sent.has(cursor)) {
        const why =
          cursor === asked.cursor
            ? `the one just sent, so the server ignores ${spec.cursorParam}`
            : "an earlier page's: the cursors cycle";
        throw paginationError(
          spec,
          asked,
          settings.secret,
          `the answer gives the cursor ${JSON.stringify(cursor)} again (${why})`,
          cursor,
        );
      }
      return ask(asked.page + 1, cursor);
    },
  };
}
