/**
 * The page shapes of Telnyx's real spec, and the hardening of issue 21, each
 * against a real `node:http` server on 127.0.0.1 that records every URL as
 * sent: deepObject `page` objects on the wire, TeXML's `next_page_uri`
 * under the `/v2` base path, a last page answered again past the end, next
 * links that redirect elsewhere, `rel=next` inside a quoted Link parameter,
 * and malformed cursors and totals.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/client.js";
import { PaginationError } from "../../src/errors.js";
import { paginate, type PageSpec, type PaginateOptions, type PageRequest } from "../../src/paginate/index.js";

const KEY = "test-key-S3cr3t";

interface Server {
  url: string;
  /** Path and query of each request, as sent. */
  requests: string[];
  headers: IncomingHttpHeaders[];
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server that answers each request with `answer(url)`: a JSON body, or `{ status, headers }`. */
async function serve(
  answer: (url: URL, req: IncomingMessage) => { status?: number; headers?: Record<string, string>; body?: unknown },
): Promise<Server> {
  const requests: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url!);
    headers.push(req.headers);
    const { status = 200, headers: extra = {}, body } = answer(new URL(req.url!, "http://localhost"), req);
    res.writeHead(status, { "content-type": "application/json", ...extra });
    res.end(body === undefined ? "" : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const s: Server = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    headers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  servers.push(s);
  return s;
}

const clientOf = (s: Server, defaultHeaders?: Record<string, string>) =>
  createClient({ apiKey: KEY, baseUrl: `${s.url}/v2`, maxRetries: 0, ...(defaultHeaders && { defaultHeaders }) });

async function drain(
  client: ReturnType<typeof clientOf>,
  spec: PageSpec,
  request: PageRequest = {},
  options: PaginateOptions = {},
) {
  const items: unknown[] = [];
  try {
    for await (const item of paginate(client, spec, request, options)) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error: error as Error };
  }
}

/** The query of a recorded URL, decoded, as a sorted list of `name=value`. */
const params = (url: string) => [...new URL(url, "http://localhost").searchParams].map(([k, v]) => `${k}=${v}`).sort();

describe("deepObject page objects: page[number] and page[size] on the wire", () => {
  const spec: PageSpec = {
    style: "page-number",
    path: "/things",
    items: ["data"],
    pageParam: "page[number]",
    sizeParam: "page[size]",
    deepObject: "page",
    totalPages: { body: ["meta", "total_pages"] },
  };
  const pages = (url: URL) => {
    const n = Number(url.searchParams.get("page[number]"));
    return { body: { data: [{ id: `a${n}` }, { id: `b${n}` }], meta: { total_pages: 3, page_number: n } } };
  };

  it("sends page[number]=1..3 and the caller's page[size] and filter[status], exactly as the spec declares them", async () => {
    const s = await serve(pages);
    const { items, error } = await drain(clientOf(s), spec, {
      query: { page: { size: 2 }, filter: { status: "active" } },
    });
    expect(error).toBeUndefined();
    expect(items).toHaveLength(6);
    expect(s.requests.map(params)).toEqual(
      [1, 2, 3].map((n) => ["filter[status]=active", `page[number]=${n}`, "page[size]=2"]),
    );
    expect(s.requests[1]).toMatch(/^\/v2\/things\?/);
  });

  it("pageSize wins over the query's page.size, and a flat page[size] key is read too", async () => {
    const s = await serve(pages);
    await drain(clientOf(s), spec, { query: { page: { size: 2 } } }, { pageSize: 5, maxPages: 1 });
    await drain(clientOf(s), spec, { query: { "page[size]": 7 } }, { maxPages: 1 });
    expect(s.requests.map(params)).toEqual([
      ["page[number]=1", "page[size]=5"],
      ["page[number]=1", "page[size]=7"],
    ]);
  });

  it("a cursor inside the page object: page[after] from meta.cursors.after", async () => {
    const cursorSpec: PageSpec = {
      style: "cursor",
      path: "/calls",
      items: ["data"],
      cursorParam: "page[after]",
      sizeParam: "page[size]",
      deepObject: "page",
      nextCursor: { body: ["meta", "cursors", "after"] },
    };
    const s = await serve((url) => {
      const after = url.searchParams.get("page[after]");
      return {
        body: {
          data: [{ id: after ?? "first" }],
          meta: { cursors: { after: after === null ? "c1" : after === "c1" ? "c2" : null } },
        },
      };
    });
    const { items } = await drain(clientOf(s), cursorSpec, { query: { page: { size: 1 } } });
    expect(items).toEqual([{ id: "first" }, { id: "c1" }, { id: "c2" }]);
    expect(s.requests.map(params)).toEqual([
      ["page[size]=1"],
      ["page[after]=c1", "page[size]=1"],
      ["page[after]=c2", "page[size]=1"],
    ]);
  });
});

describe("TeXML: next_page_uri under the /v2 base path", () => {
  const spec: PageSpec = {
    style: "next-link",
    path: "/texml/Accounts/{account_sid}/Calls",
    items: ["calls"],
    next: { body: ["next_page_uri"] },
    cursorParam: "PageToken",
    sizeParam: "PageSize",
  };

  it("follows /v2/... links resolved against the page's URL, sent as the server wrote them", async () => {
    const s = await serve((url) => {
      const page = Number(url.searchParams.get("Page") ?? 0);
      const next =
        page < 2 ? `/v2/texml/Accounts/AC1/Calls.json?Page=${page + 1}&PageSize=1&PageToken=T${page + 1}` : null;
      return { body: { calls: [{ sid: `call${page}` }], page, next_page_uri: next } };
    });
    const { items, error } = await drain(clientOf(s), spec, { path: { account_sid: "AC1" }, query: { PageSize: 1 } });
    expect(error).toBeUndefined();
    expect(items).toEqual([{ sid: "call0" }, { sid: "call1" }, { sid: "call2" }]);
    expect(s.requests).toEqual([
      "/v2/texml/Accounts/AC1/Calls?PageSize=1",
      "/v2/texml/Accounts/AC1/Calls.json?Page=1&PageSize=1&PageToken=T1",
      "/v2/texml/Accounts/AC1/Calls.json?Page=2&PageSize=1&PageToken=T2",
    ]);
  });

  it("a next_page_uri outside the base path is a PaginationError, and nothing is sent there", async () => {
    const s = await serve(() => ({
      body: { calls: [{ sid: "c" }], next_page_uri: "/texml/Accounts/AC1/Calls.json?Page=1" },
    }));
    const { items, error } = await drain(clientOf(s), spec, { path: { account_sid: "AC1" } });
    expect(items).toHaveLength(1);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error!.message).toMatch(
      /the next link \/texml\/Accounts\/AC1\/Calls\.json is outside the client's base path \/v2/,
    );
    expect(s.requests).toHaveLength(1);
  });
});

describe("a last page answered again past the end", () => {
  const spec: PageSpec = { style: "page-number", path: "/things", items: ["data"], pageParam: "page" };
  const serveUpTo = (last: number) =>
    serve((url) => {
      const n = Math.min(Number(url.searchParams.get("page")), last);
      return { body: { data: [{ id: `a${n}` }, { id: `b${n}` }] } };
    });

  it("ends the list quietly once earlier pages differed", async () => {
    const s = await serveUpTo(3);
    const { items, error } = await drain(clientOf(s), spec);
    expect(error).toBeUndefined();
    expect(items.map((i) => (i as { id: string }).id)).toEqual(["a1", "b1", "a2", "b2", "a3", "b3"]);
    expect(s.requests).toHaveLength(4);
  });

  it("page 2 the same as page 1 is still a PaginationError: the server ignores the page parameter", async () => {
    const s = await serveUpTo(1);
    const { items, error } = await drain(clientOf(s), spec);
    expect(items).toHaveLength(2);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error!.message).toMatch(/page 2: the server sent the same items as page 1, so it ignores page/);
  });
});

describe("issue 21.1: a redirect never leads a next-link walk away", () => {
  const spec: PageSpec = { style: "next-link", path: "/things", items: ["data"], next: { body: ["next"] } };

  it("a same-origin 302 to /admin/secret: PaginationError, the secret is never requested, nothing yielded from it", async () => {
    const s = await serve((url) => {
      if (url.pathname === "/v2/things" && !url.search)
        return { body: { data: [{ id: 1 }], next: "/v2/things?page=2" } };
      if (url.search === "?page=2") return { status: 302, headers: { location: "/admin/secret" } };
      return { body: { data: [{ id: "SECRET" }], next: null } };
    });
    const { items, error } = await drain(clientOf(s), spec);
    expect(items).toEqual([{ id: 1 }]);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error!.message).toMatch(/page 2: the redirect \/admin\/secret is outside the client's base path \/v2/);
    expect(s.requests).toEqual(["/v2/things", "/v2/things?page=2"]);
  });

  it("a 302 to another origin: PaginationError, and the other origin gets no request (no X-Api-Key, no Authorization)", async () => {
    const foreign = await serve(() => ({ body: { data: [{ id: "FOREIGN" }], next: null } }));
    const s = await serve((url) =>
      url.search === "?page=2"
        ? { status: 302, headers: { location: `${foreign.url}/v2/things` } }
        : { body: { data: [{ id: 1 }], next: "/v2/things?page=2" } },
    );
    const { items, error } = await drain(clientOf(s, { "X-Api-Key": "header-secret" }), spec);
    expect(items).toEqual([{ id: 1 }]);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error!.message).toMatch(/the redirect leads to http:\/\/127\.0\.0\.1:\d+, not the client's/);
    expect(foreign.requests).toEqual([]);
  });

  it("a redirect of the first page is held to the same rule", async () => {
    const foreign = await serve(() => ({ body: { data: [{ id: "FOREIGN" }] } }));
    const s = await serve(() => ({ status: 307, headers: { location: `${foreign.url}/v2/things` } }));
    const { items, error } = await drain(clientOf(s), spec);
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(PaginationError);
    expect(foreign.requests).toEqual([]);
  });

  it("a same-origin redirect under the base path is followed, with the client's headers", async () => {
    const s = await serve((url) => {
      if (url.pathname === "/v2/moved") return { body: { data: [{ id: 2 }], next: null } };
      if (url.search === "?page=2") return { status: 301, headers: { location: "/v2/moved?page=2" } };
      return { body: { data: [{ id: 1 }], next: "/v2/things?page=2" } };
    });
    const { items, error } = await drain(clientOf(s), spec);
    expect(error).toBeUndefined();
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
    expect(s.requests).toEqual(["/v2/things", "/v2/things?page=2", "/v2/moved?page=2"]);
    expect(s.headers[2]!.authorization).toBe(`Bearer ${KEY}`);
  });

  it("a redirect loop ends with a PaginationError", async () => {
    const s = await serve((url) =>
      url.search === ""
        ? { body: { data: [{ id: 1 }], next: "/v2/things?a" } }
        : { status: 302, headers: { location: url.search === "?a" ? "/v2/things?b" : "/v2/things?a" } },
    );
    const { error } = await drain(clientOf(s), spec);
    expect(error!.message).toMatch(/more than 5 redirects in a row/);
    expect(s.requests).toHaveLength(7);
  });
});

describe("issue 21.10: Link headers are parsed as RFC 8288 says", () => {
  const spec: PageSpec = { style: "next-link", path: "/things", items: [], next: { header: "link" } };

  it("rel=next inside a quoted title of the prev link is not a next link", async () => {
    const s = await serve(() => ({
      headers: { link: `</v2/things?p=0>; title="see; rel=next page"; rel="prev", </v2/things?p=9>; rel="last"` },
      body: [{ id: 1 }],
    }));
    const { items, error } = await drain(clientOf(s), spec);
    expect(error).toBeUndefined();
    expect(items).toEqual([{ id: 1 }]);
    expect(s.requests).toEqual(["/v2/things"]);
  });

  it("a next link among others, with quoted commas and several rel types, is found", async () => {
    const s = await serve((url) => ({
      headers: url.search
        ? {}
        : ({
            link: `</v2/things?p=0>; rel=prev; title="a, b", </v2/things?p=2>; title="x;y"; rel="last NEXT"`,
          } as Record<string, string>),
      body: [{ id: url.search || "first" }],
    }));
    const { items } = await drain(clientOf(s), spec);
    expect(items).toEqual([{ id: "first" }, { id: "?p=2" }]);
  });
});

describe("issue 21.11: malformed paging values are PaginationErrors naming the value", () => {
  const cursorSpec: PageSpec = {
    style: "cursor",
    path: "/things",
    items: ["data"],
    cursorParam: "cursor",
    nextCursor: { body: ["next_cursor"] },
  };
  const withCursor = (next: unknown) => serve(() => ({ body: { data: [{ id: 1 }], next_cursor: next } }));

  it.each([
    ["an object", { k: KEY }, /the next cursor at next_cursor is \{"k":"\*\*\*"\}, not a string or number/],
    ["an array", ["a", "b"], /the next cursor at next_cursor is \["a","b"\], not a string or number/],
    ["true", true, /the next cursor at next_cursor is true, not a string or number/],
  ])("a next_cursor that is %s", async (_, next, message) => {
    const s = await withCursor(next);
    const { items, error } = await drain(clientOf(s), cursorSpec);
    expect(items).toHaveLength(1);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toContain(KEY);
    expect(s.requests).toHaveLength(1);
  });

  it("null, an empty string or false ends the walk", async () => {
    for (const next of [null, "", false]) {
      const s = await withCursor(next);
      expect((await drain(clientOf(s), cursorSpec)).error).toBeUndefined();
    }
  });

  it.each([
    ["a negative total", -5, /meta\.total_pages is -5, not a whole number >= 0/],
    ["a fractional total", 2.5, /meta\.total_pages is 2\.5, not a whole number >= 0/],
    ["a word", "many", /meta\.total_pages is "many", not a whole number >= 0/],
  ])("%s", async (_, total, message) => {
    const s = await serve(() => ({ body: { data: [{ id: 1 }], meta: { total_pages: total } } }));
    const spec: PageSpec = {
      style: "page-number",
      path: "/things",
      items: ["data"],
      pageParam: "page",
      totalPages: { body: ["meta", "total_pages"] },
    };
    const { items, error } = await drain(clientOf(s), spec);
    expect(items).toHaveLength(0);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error!.message).toMatch(message);
  });

  it("a has_more that is not a boolean", async () => {
    const s = await serve(() => ({ body: { data: [{ id: 1 }], has_more: "maybe", next_cursor: "c" } }));
    const spec: PageSpec = { ...cursorSpec, hasMore: { body: ["has_more"] } } as PageSpec;
    const { error } = await drain(clientOf(s), spec);
    expect(error!.message).toMatch(/has_more is "maybe", not true or false/);
  });
});
