/**
 * What keeps a paginator from looping on a server that ignores the page
 * number (the Telnyx SDK asks for `meta.page_number + 1` and so asks for
 * page 2 forever): the meta's page number must be the one sent, and a page
 * must not repeat the one before it. Constant memory: only the first and
 * last items of the previous page are kept, never the page itself.
 */
import { PaginationError } from "./errors.js";
import type { FetchedPage } from "./page-fetch.js";
import type { PageSpec } from "./paginate.js";

export interface PageGuard {
  /** Throws a `PaginationError` naming the page when `page` shows the server is not paging. */
  check(page: FetchedPage): void;
}

export function createPageGuard(spec: PageSpec): PageGuard {
  let previous: { number: number; length: number; first: unknown; last: unknown } | undefined;
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
      const { items } = page;
      if (items.length === 0) {
        previous = undefined;
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      if (previous !== undefined && previous.number === sent - 1 && previous.length === items.length && sameJson(previous.first, first) && sameJson(previous.last, last)) {
        throw new PaginationError(
          `GET ${spec.path} page ${sent}: the server sent the same items as page ${previous.number}, so it ignores ${spec.pageParam}; stopped instead of looping`,
          { page: sent },
        );
      }
      previous = { number: sent, length: items.length, first, last };
    },
  };
}

/**
 * Same count, same first and same last item: two pages of a list of distinct
 * records never share these, a server that ignores the page number always
 * does. Only those two items of the previous page are kept, never the page.
 * Deep equality of JSON values, stopping at the first difference (usually
 * the second field of a record: its id).
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
