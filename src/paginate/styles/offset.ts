/**
 * Offset paging: `offset=0, 20, 40, ...` (also skip/top, start/count). The
 * next offset is the one sent plus the items the page held. The walk ends at
 * the total the answer gives, else at a short page (`short-page.ts`). Once
 * the total is known, pages of the size just read can be addressed ahead.
 */
import type { PagingSettings } from "../options.js";
import type { OffsetSpec, PageAsk, PageRead, PageStyle } from "../types.js";
import { shortPageRule } from "./short-page.js";

export function offsetStyle(spec: OffsetSpec, settings: PagingSettings): PageStyle {
  const firstOffset = spec.firstOffset ?? 0;
  const isShort = shortPageRule(settings.pageSize);
  let end: number | undefined; // the offset just past the last item, once an answer gives the total
  const ask = (page: number, offset: number): PageAsk => ({
    page,
    key: `offset ${offset}`,
    query: { [spec.offsetParam]: offset },
  });
  const offsetOf = (read: PageRead) => read.ask.query![spec.offsetParam] as number;
  return {
    param: spec.offsetParam,
    first: () => ask(1, settings.startOffset ?? firstOffset),
    next(read) {
      const { items, totalItems } = read.page;
      if (totalItems !== undefined) end = firstOffset + totalItems;
      const next = offsetOf(read) + items.length;
      const last = end !== undefined ? next >= end : isShort(items.length);
      return last ? undefined : ask(read.ask.page + 1, next);
    },
    ahead(read, k) {
      const offset = offsetOf(read) + k * read.page.items.length;
      return end !== undefined && offset < end ? ask(read.ask.page + k, offset) : undefined;
    },
  };
}
