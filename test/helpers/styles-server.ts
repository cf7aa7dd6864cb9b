/**
 * A local `node:http` server (127.0.0.1, port 0) that pages one list of
 * items `{ id: "item-0001", n: 1 }`, ... in every page style, honestly, under
 * the base path `/v1`; plus the misbehaviours the paginator must survive,
 * switched on one at a time. Every request is recorded (path and query).
 *
 *   /v1/page-only?page=N              page number, no size parameter: a bare array of 10
 *   /v1/pages?page=N&per_page=K       page number: { results, pagination: { page, pages } }
 *   /v1/offset?offset=N&limit=K       offset: { items, total } and `X-Total-Count`
 *   /v1/cursor?cursor=C&limit=K       cursor: { data, meta: { next_cursor } } (null at the end)
 *   /v1/stripe?starting_after=ID&limit=K   { data, has_more } (Stripe: the cursor is the last item's id)
 *   /v1/links?after=C&limit=K         next link in the body: { data, links: { next } }, relative
 *   /v1/link-header?page=N&per_page=K a bare array, the next page in `Link: <...>; rel="next"` (absolute)
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Item {
  id: string;
  n: number;
}

export interface StylesMisbehaviour {
  /** Cursor and link routes: ignore the cursor, always answer the first page (with its next cursor or link). */
  ignoreCursor?: boolean;
  /** Cursor route: the third page points back at the second page's cursor (first -> c10 -> c20 -> c10 ...). */
  cycleCursor?: boolean;
  /** Link routes: the next link points at this origin instead of the server's own. */
  foreignOrigin?: string;
  /** Link routes: the next link leaves the base path (`/v2/...`). */
  outsideBasePath?: boolean;
  /** Offset route: ignore the offset, always answer the first page. */
  ignoreOffset?: boolean;
  /** Offset route: no total in the body or headers. */
  noTotal?: boolean;
  /** Every route: this key is echoed inside the cursors and links it gives. */
  echo?: string;
}

export interface StylesServer {
  /** `http://127.0.0.1:<port>` (the client's base URL is this plus `/v1`). */
  url: string;
  items: Item[];
  /** Path and query of each request, e.g. `/v1/cursor?limit=5&cursor=c5`. */
  requests: string[];
  misbehave: StylesMisbehaviour;
  close(): Promise<void>;
}

export async function startStylesServer(count: number): Promise<StylesServer> {
  const items: Item[] = Array.from({ length: count }, (_, i) => ({
    id: `item-${String(i + 1).padStart(4, "0")}`,
    n: i + 1,
  }));
  const state = { requests: [] as string[], misbehave: {} as StylesMisbehaviour };
  let origin = "";
  const server = createServer((req, res) => {
    state.requests.push(req.url ?? "");
    const url = new URL(req.url ?? "/", origin);
    const q = url.searchParams;
    const bad = state.misbehave;
    const int = (name: string, fallback: number) => (q.has(name) ? Number(q.get(name)) : fallback);
    const echo = bad.echo ?? "";
    const linkOrigin = bad.foreignOrigin ?? origin;
    const linkBase = bad.outsideBasePath ? "/v2" : "/v1";
    const slice = (start: number, size: number) => items.slice(start, start + size);
    switch (url.pathname) {
      case "/v1/page-only": {
        const page = int("page", 1);
        return send(res, slice((page - 1) * 10, 10));
      }
      case "/v1/pages": {
        const page = int("page", 1);
        const size = int("per_page", 10);
        return send(res, {
          results: slice((page - 1) * size, size),
          pagination: { page, pages: Math.ceil(items.length / size) },
        });
      }
      case "/v1/offset": {
        const offset = bad.ignoreOffset ? 0 : int("offset", 0);
        const limit = int("limit", 10);
        return send(
          res,
          bad.noTotal ? { items: slice(offset, limit) } : { items: slice(offset, limit), total: items.length },
          bad.noTotal ? {} : { "x-total-count": String(items.length) },
        );
      }
      case "/v1/cursor": {
        const limit = int("limit", 10);
        const start = bad.ignoreCursor ? 0 : cursorIndex(q.get("cursor"), echo);
        const end = start + limit;
        const next =
          end >= items.length
            ? null
            : bad.cycleCursor && start >= 2 * limit
              ? cursorOf(limit, echo)
              : cursorOf(end, echo);
        return send(res, { data: slice(start, limit), meta: { next_cursor: next } });
      }
      case "/v1/stripe": {
        const limit = int("limit", 10);
        const after = q.get("starting_after");
        const start = after === null || bad.ignoreCursor ? 0 : items.findIndex((item) => item.id === after) + 1;
        return send(res, { data: slice(start, limit), has_more: start + limit < items.length });
      }
      case "/v1/links": {
        const limit = int("limit", 10);
        const start = bad.ignoreCursor ? 0 : cursorIndex(q.get("after"), echo);
        const end = start + limit;
        const path = `${linkBase}/links?after=${encodeURIComponent(cursorOf(end, echo))}&limit=${limit}`;
        const next = end >= items.length ? null : bad.foreignOrigin ? `${linkOrigin}${path}` : path;
        return send(res, { data: slice(start, limit), links: { next } });
      }
      case "/v1/link-header": {
        const page = bad.ignoreCursor ? 1 : int("page", 1);
        const size = int("per_page", 10);
        const links = [`<${linkOrigin}${linkBase}/link-header?page=1&per_page=${size}>; rel="first"`];
        if (page * size < items.length)
          links.push(
            `<${linkOrigin}${linkBase}/link-header?page=${page + 1}&per_page=${size}${echo && `&k=${encodeURIComponent(echo)}`}>; rel="next"`,
          );
        return send(res, slice((page - 1) * size, size), { link: links.join(", ") });
      }
      default:
        return send(res, { errors: [{ title: "Not found" }] }, {}, 404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    items,
    requests: state.requests,
    get misbehave() {
      return state.misbehave;
    },
    set misbehave(value) {
      state.misbehave = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Opaque-looking cursors: `c<index>` (with the echoed text, when asked). */
function cursorOf(index: number, echo: string): string {
  return `c${index}${echo}`;
}

function cursorIndex(cursor: string | null, echo: string): number {
  return cursor === null ? 0 : Number(cursor.slice(1, cursor.length - echo.length));
}

function send(res: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
