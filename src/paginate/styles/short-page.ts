/**
 * The short-page rule, for page-number and offset paging when no answer gave
 * a total: a page with fewer items than the page size sent is the last one,
 * once an earlier page of the walk came back full. That earlier full page
 * shows the server honours the size; a server that caps it lower sends only
 * "short" pages, and ending at the first of them would lose the rest. With
 * no page size sent, or before a full page, only an empty page ends the walk.
 * One rule per walk: call it once per page, in order.
 */
export function shortPageRule(pageSize: number | undefined): (count: number) => boolean {
  let honoured = false;
  return (count) => {
    if (pageSize === undefined) return false;
    if (count >= pageSize) honoured = true;
    return honoured && count < pageSize;
  };
}
