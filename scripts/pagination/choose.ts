/**
 * Which page style an operation gets when its request and response fit
 * several (Telnyx's `page[number]` beside `page[after]`, Twilio's `Page`
 * beside `PageToken` and `next_page_uri`). One rule, in this order:
 *
 * 1. Page numbers (or offsets) the response confirms win: it gives the total
 *    pages, or the page number and the total items (page-number), or the
 *    total items (offset). The walk's end is known and pages can be
 *    fetched ahead.
 * 2. Else a next cursor the response gives (cursor style).
 * 3. Else a next link the response gives (next-link style), over page numbers
 *    that go with a cursor parameter (Twilio's `Page` works only with its
 *    `PageToken`, which the link carries) or that the response numbers
 *    without a total (it says which page it is, and only its next link says
 *    whether another follows).
 * 4. Else page numbers or offsets: the query's parameter is the documented
 *    way on, even beside a next link (ending at an empty or short page
 *    without a total).
 *
 * Page numbers and offsets together are ambiguous: no paginator, and the
 * reason says to set `style`. `style` in `pagination.yaml` or `x-pagination`
 * overrides the rule for one operation.
 */
import type { PageSpec } from "../../src/paginate/index.js";

export type Chosen = { spec: PageSpec } | { reason: string };

/** `specs`: the operation's paging specs that fit it, at most one per style. */
export function chooseStyle(specs: readonly PageSpec[]): Chosen {
  const byStyle = <S extends PageSpec["style"]>(style: S) =>
    specs.find((s): s is Extract<PageSpec, { style: S }> => s.style === style);
  const pageNumber = byStyle("page-number");
  const offset = byStyle("offset");
  if (pageNumber && offset)
    return {
      reason: `the query has parameters of two page styles, page-number (${pageNumber.pageParam}) and offset (${offset.offsetParam}); set style`,
    };
  const numbered = pageNumber ?? offset;
  const cursor = byStyle("cursor");
  const link = byStyle("next-link");
  if (numbered && confirmed(numbered)) return { spec: numbered };
  if (cursor) return { spec: cursor };
  if (
    link &&
    (!numbered ||
      (numbered.style === "page-number" && (link.cursorParam !== undefined || numbered.pageNumber !== undefined)))
  )
    return { spec: link };
  return numbered ? { spec: numbered } : { reason: "no page style fits" };
}

/** Whether the response confirms page numbers or offsets: it says where the list ends. */
function confirmed(spec: PageSpec): boolean {
  if (spec.style === "page-number")
    return spec.totalPages !== undefined || (spec.pageNumber !== undefined && spec.totalItems !== undefined);
  return spec.style === "offset" && spec.totalItems !== undefined;
}
