/**
 * What keeps a paginator from looping on a server that ignores the page
 * number (the Telnyx SDK asks for `meta.page_number + 1` and so asks for
 * page 2 forever): the meta's page number must be the one sent, and a page
 * must not repeat the one before it. Constant memory: only a short
 * signature of the previous page is kept, never the page itself.
 */
import { PaginationError } from "./errors.js";
import type { FetchedPage } from "./page-fetch.js";
import type { PageSpec } from "./paginate.js";

export interface PageGuard {
  /** Throws a `PaginationError` naming the page when `page` shows the server is not paging. */
  check(page: FetchedPage): void;
}

export function createPageGuard(spec: PageSpec): PageGuard {
  let previous: { number: number; signature: string } | undefined;
  return {
    check(page) {
      const sent = page.number;
      if (page.metaNumber !== undefined && page.metaNumber !== sent) {
        throw new PaginationError(
          `GET ${spec.path} page ${sent}: the server answered with page ${page.metaNumber} ` +
            `(${spec.meta?.key}.${spec.meta?.pageNumber}), so it ignores ${spec.pageParam}; stopped instead of looping`,
          { page: sent },
        );
      }
      const signature = signatureOf(page.items);
      if (signature !== undefined && previous !== undefined && previous.number === sent - 1 && previous.signature === signature) {
        throw new PaginationError(
          `GET ${spec.path} page ${sent}: the server sent the same items as page ${previous.number}, so it ignores ${spec.pageParam}; stopped instead of looping`,
          { page: sent },
        );
      }
      previous = signature === undefined ? undefined : { number: sent, signature };
    },
  };
}

/**
 * Same count, same first and same last item: two pages of a list of distinct
 * records never share these, a server that ignores the page number always does.
 */
function signatureOf(items: readonly unknown[]): string | undefined {
  if (items.length === 0) return undefined;
  return `${items.length}\u0000${JSON.stringify(items[0])}\u0000${JSON.stringify(items[items.length - 1])}`;
}
