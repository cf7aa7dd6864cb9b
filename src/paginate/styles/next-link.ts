/**
 * Next-link paging: each page gives the URL of the next, in the body
 * (`next`, `links.next`, `_links.next.href`) or in a header (for `link`, the
 * RFC 8288 `rel="next"` target). A relative URL resolves against the URL of
 * the page that gave it. A link is followed only on the client's own origin
 * and under its base path, through the same client (its auth, retries and
 * time limits), with the link's query string sent exactly as the server
 * wrote it; a link anywhere else is a `PaginationError` naming it, and
 * nothing is sent there. Redirects are followed one hop at a time
 * (`redirect: "manual"`), each `Location` held to the same rule, so the key
 * and the client's headers never go elsewhere. The walk ends when there is no next link; a URL
 * given twice is a `PaginationError` (the links cycle). The client's base
 * URL and each request's URL are seen through openapi-fetch's per-request
 * middleware (`watch`).
 */
import type { PagingSettings } from "../options.js";
import { locate, paginationError } from "../read.js";
import type { NextLinkSpec, PageAsk, PageRead, PageStyle } from "../types.js";
import { nextLinkFromHeader } from "./link-header.js";

export function nextLinkStyle(spec: NextLinkSpec, settings: PagingSettings): PageStyle {
  let base: URL | undefined; // the client's base URL, from the first request
  let lastUrl = ""; // the URL of the request last sent (one at a time: links are not addressed ahead)
  const sent = new Set<string>();
  const { startCursor } = settings;

  /** The URL the answer gives for the next page, resolved; undefined when there is none. */
  const nextUrl = ({ ask, page, response }: PageRead): URL | undefined => {
    const raw =
      "header" in spec.next && spec.next.header.toLowerCase() === "link"
        ? nextLinkFromHeader(response.headers.get("link"))
        : locate(spec.next, page.body, response);
    if (raw === undefined || raw === null || raw === "") return undefined;
    if (typeof raw === "string" && URL.canParse(raw, lastUrl)) return new URL(raw, lastUrl);
    throw paginationError(spec, ask, settings.secret, `the next link ${JSON.stringify(raw)} is not a URL`);
  };

  return {
    param: "the next link",
    watch: {
      onRequest({ request, options }) {
        base ??= new URL(options.baseUrl || new URL("/", request.url).href);
        lastUrl = request.url;
        sent.add(lastUrl);
        return undefined;
      },
    },
    first: () => ({
      page: 1,
      key: "first page",
      cursor: startCursor,
      query: startCursor === undefined ? undefined : { [spec.cursorParam!]: startCursor },
    }),
    next(read) {
      const url = nextUrl(read);
      if (url === undefined) return undefined;
      const ask = askFor(url, read.ask, read.ask.page + 1, "the next link");
      if (sent.has(ask.key))
        throw paginationError(
          spec,
          read.ask,
          settings.secret,
          `the answer gives the next link ${ask.key} again (the links cycle)`,
          ask.key,
        );
      sent.add(ask.key);
      return ask;
    },
    redirect(ask, location) {
      if (!URL.canParse(location, lastUrl))
        throw paginationError(spec, ask, settings.secret, `the redirect to ${JSON.stringify(location)} is not a URL`);
      return askFor(new URL(location, lastUrl), ask, ask.page, "the redirect");
    },
  };

  /** The request for `url` (page `page`), if it is on the client's origin and under its base path; else a `PaginationError` and nothing is sent. */
  function askFor(url: URL, from: PageAsk, page: number, what: string): PageAsk {
    url.hash = "";
    const basePath = base!.pathname.replace(/\/+$/, "");
    const fail = (why: string) => paginationError(spec, from, settings.secret, why, url.href);
    if (url.origin !== base!.origin)
      throw fail(
        `${what} leads to ${url.origin}, not the client's ${base!.origin}: links are followed only on the client's own origin, so its key and headers never go elsewhere`,
      );
    if (!url.pathname.startsWith(`${basePath}/`))
      throw fail(`${what} ${url.pathname} is outside the client's base path ${basePath || "/"}`);
    return {
      page,
      key: url.href,
      cursor: url.href,
      link: { path: url.pathname.slice(basePath.length), search: url.search.slice(1) },
    };
  }
}
