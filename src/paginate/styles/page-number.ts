/**
 * Page-number paging: `page[number]=1, 2, 3, ...`. The next page is the
 * number sent + 1. The walk ends when the number sent reaches the last page
 * the answer gives (its total pages), else at a short page (`short-page.ts`).
 * An answer that names another page than the one sent is a
 * `PaginationError`: the server ignores the page parameter (the Telnyx SDK
 * asks for `meta.page_number + 1`, so it would ask for page 2 forever).
 * Once the total is known, pages can be addressed ahead.
 */
import type { PagingSettings } from "../options.js";
import { countAt, describeLocator, paginationError } from "../read.js";
import type { PageAsk, PageNumberSpec, PageStyle } from "../types.js";
import { shortPageRule } from "./short-page.js";

export function pageNumberStyle(spec: PageNumberSpec, settings: PagingSettings): PageStyle {
  const firstPage = spec.firstPage ?? 1;
  const isShort = shortPageRule(settings.pageSize);
  let lastPage: number | undefined; // once an answer gives the total pages
  const ask = (page: number): PageAsk => ({ page, key: `page ${page}`, query: { [spec.pageParam]: page } });
  return {
    param: spec.pageParam,
    first: () => ask(settings.startPage ?? firstPage),
    check({ ask: sent, page, response }) {
      const answered = countAt(spec.pageNumber, page.body, response, (why) =>
        paginationError(spec, sent, settings.secret, why),
      );
      if (answered !== undefined && answered !== sent.page) {
        throw paginationError(
          spec,
          sent,
          settings.secret,
          `the server answered with page ${answered} (${describeLocator(spec.pageNumber!)}), so it ignores ${spec.pageParam}`,
        );
      }
    },
    next({ ask: sent, page }) {
      if (page.totalPages !== undefined) lastPage = firstPage + page.totalPages - 1;
      const last = lastPage !== undefined ? sent.page >= lastPage : isShort(page.items.length);
      return last ? undefined : ask(sent.page + 1);
    },
    ahead({ ask: sent }, k) {
      return lastPage !== undefined && sent.page + k <= lastPage ? ask(sent.page + k) : undefined;
    },
  };
}
