/**
 * Every page style, end to end through the real client against a local
 * server that pages honestly (test/helpers/styles-server.ts), with
 * hand-written PageSpecs: every item once and in order, the fewest requests
 * the style allows, starting mid-way, `limit`, `maxPages`, `concurrency`
 * (used where pages can be addressed ahead, ignored elsewhere); then the
 * servers that misbehave: ignoring the cursor or offset, cursors that cycle,
 * next links to another origin or outside the base path, a key echoed in a
 * cursor.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/client.js";
import { PaginationError } from "../../src/errors.js";
import {
  paginate,
  paginateByCursor,
  paginateByNextLink,
  paginateByOffset,
  paginateByPageNumber,
  type PageSpec,
  type PaginateOptions,
} from "../../src/paginate/index.js";
import { startStylesServer, type Item, type StylesServer } from "../helpers/styles-server.js";

const SPECS = {
  pageOnly: { style: "page-number", path: "/page-only", items: [], pageParam: "page" },
  pages: {
    style: "page-number",
    path: "/pages",
    items: ["results"],
    pageParam: "page",
    sizeParam: "per_page",
    pageNumber: { body: ["pagination", "page"] },
    totalPages: { body: ["pagination", "pages"] },
  },
  offset: {
    style: "offset",
    path: "/offset",
    items: ["items"],
    offsetParam: "offset",
    sizeParam: "limit",
    totalItems: { body: ["total"] },
  },
  offsetHeader: {
    style: "offset",
    path: "/offset",
    items: ["items"],
    offsetParam: "offset",
    sizeParam: "limit",
    totalItems: { header: "x-total-count" },
  },
  offsetNoTotal: { style: "offset", path: "/offset", items: ["items"], offsetParam: "offset", sizeParam: "limit" },
  cursor: {
    style: "cursor",
    path: "/cursor",
    items: ["data"],
    cursorParam: "cursor",
    sizeParam: "limit",
    nextCursor: { body: ["meta", "next_cursor"] },
  },
  stripe: {
    style: "cursor",
    path: "/stripe",
    items: ["data"],
    cursorParam: "starting_after",
    sizeParam: "limit",
    nextCursor: { lastItem: ["id"] },
    hasMore: { body: ["has_more"] },
  },
  links: {
    style: "next-link",
    path: "/links",
    items: ["data"],
    sizeParam: "limit",
    next: { body: ["links", "next"] },
    cursorParam: "after",
  },
  linkHeader: { style: "next-link", path: "/link-header", items: [], sizeParam: "per_page", next: { header: "link" } },
} satisfies Record<string, PageSpec>;

const KEY = "KEY_styles_0123456789";
const servers = new Map<number, StylesServer>();
const COUNTS = [0, 1, 10, 25, 30];

beforeAll(async () => {
  for (const count of COUNTS) servers.set(count, await startStylesServer(count));
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});
beforeEach(() => {
  for (const server of servers.values()) {
    server.requests.length = 0;
    server.misbehave = {};
  }
});

const client = (server: StylesServer) => createClient({ apiKey: KEY, baseUrl: `${server.url}/v1`, maxRetries: 0 });
const walk = (server: StylesServer, spec: PageSpec, options: PaginateOptions = {}, query: object = {}) =>
  paginate<Item, unknown>(client(server), spec, { query }, options);
const ids = (items: readonly Item[]) => items.map((item) => item.id);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );

describe("every style pages honestly: every item once, in order, the fewest requests", () => {
  /** Requests each style needs for `count` items in pages of `size`: the pages, plus an empty one where only that ends the walk. */
  const expected: Record<keyof typeof SPECS, (count: number, size: number) => number> = {
    pageOnly: (count) => Math.ceil(count / 10) + 1, // no size parameter: only an empty page ends it
    pages: (count, size) => Math.max(1, Math.ceil(count / size)),
    offset: (count, size) => Math.max(1, Math.ceil(count / size)),
    offsetHeader: (count, size) => Math.max(1, Math.ceil(count / size)),
    // no total: a short page ends the walk once a full page showed the size is honoured
    offsetNoTotal: (count, size) =>
      count === 0 ? 1 : count < size ? 2 : count % size === 0 ? count / size + 1 : Math.ceil(count / size),
    cursor: (count, size) => Math.max(1, Math.ceil(count / size)),
    stripe: (count, size) => Math.max(1, Math.ceil(count / size)),
    links: (count, size) => Math.max(1, Math.ceil(count / size)),
    linkHeader: (count, size) => Math.max(1, Math.ceil(count / size)),
  };
  const cases = (Object.keys(SPECS) as (keyof typeof SPECS)[]).flatMap((name) =>
    COUNTS.flatMap((count) => [7, 10].map((size) => [name, count, size] as const)),
  );

  it.each(cases)("%s: %i items in pages of %i", async (name, count, size) => {
    const server = servers.get(count)!;
    if (name === "offsetNoTotal") server.misbehave = { noTotal: true };
    const options = name === "pageOnly" ? {} : { pageSize: size };
    const got = await walk(server, SPECS[name], options).toArray();
    expect(ids(got)).toEqual(ids(server.items));
    expect(server.requests).toHaveLength(expected[name](count, name === "pageOnly" ? 10 : size));
  });

  it(".pages() gives each page as read, with the cursor or link that asked for it and the totals", async () => {
    const server = servers.get(25)!;
    const cursorPages = [];
    for await (const page of walk(server, SPECS.cursor, { pageSize: 10 }).pages())
      cursorPages.push([page.number, page.cursor, page.items.length]);
    expect(cursorPages).toEqual([
      [1, undefined, 10],
      [2, "c10", 10],
      [3, "c20", 5],
    ]);
    const offsetPages = [];
    for await (const page of walk(server, SPECS.offsetHeader, { pageSize: 10 }).pages())
      offsetPages.push([page.number, page.totalItems, page.items.length]);
    expect(offsetPages).toEqual([
      [1, 25, 10],
      [2, 25, 10],
      [3, 25, 5],
    ]);
    const links = [];
    for await (const page of walk(server, SPECS.links, { pageSize: 10 }).pages()) links.push(page.cursor);
    expect(links).toEqual([
      undefined,
      `${server.url}/v1/links?after=c10&limit=10`,
      `${server.url}/v1/links?after=c20&limit=10`,
    ]);
  });

  it("a next link's query string is sent exactly as the server wrote it, with the client's auth", async () => {
    const server = servers.get(25)!;
    await walk(server, SPECS.linkHeader, { pageSize: 10 }).toArray();
    expect(server.requests).toEqual([
      "/v1/link-header?per_page=10",
      "/v1/link-header?page=2&per_page=10",
      "/v1/link-header?page=3&per_page=10",
    ]);
  });
});

describe("each style's own entry, what the generated paginators call, walks as paginate() does", () => {
  /** The entry of the spec's style, called with the spec typed as that style. */
  const byStyle = (server: StylesServer, spec: PageSpec, options: PaginateOptions) => {
    const c = client(server);
    switch (spec.style) {
      case "page-number":
        return paginateByPageNumber<Item, unknown>(c, spec, {}, options);
      case "offset":
        return paginateByOffset<Item, unknown>(c, spec, {}, options);
      case "cursor":
        return paginateByCursor<Item, unknown>(c, spec, {}, options);
      case "next-link":
        return paginateByNextLink<Item, unknown>(c, spec, {}, options);
    }
  };

  it.each(Object.keys(SPECS) as (keyof typeof SPECS)[])("%s", async (name) => {
    const server = servers.get(25)!;
    const options = name === "pageOnly" ? {} : { pageSize: 10, limit: 22 };
    const viaPaginate = await walk(server, SPECS[name], options).toArray();
    const sentViaPaginate = server.requests.splice(0);
    const viaEntry = await byStyle(server, SPECS[name], options).toArray();
    expect(ids(viaEntry)).toEqual(ids(viaPaginate));
    expect(ids(viaEntry)).toEqual(ids(server.items.slice(0, name === "pageOnly" ? 25 : 22)));
    expect(server.requests).toEqual(sentViaPaginate);
  });
});

describe("starting mid-way, limit, maxPages, concurrency", () => {
  it.each([
    ["pages", SPECS.pages, { startPage: 2 }, 10, ["/v1/pages?per_page=10&page=2", "/v1/pages?per_page=10&page=3"]],
    ["offset", SPECS.offset, { startOffset: 15 }, 15, ["/v1/offset?limit=10&offset=15"]],
    [
      "cursor",
      SPECS.cursor,
      { startCursor: "c10" },
      10,
      ["/v1/cursor?limit=10&cursor=c10", "/v1/cursor?limit=10&cursor=c20"],
    ],
    [
      "stripe",
      SPECS.stripe,
      { startCursor: "item-0005" },
      5,
      ["/v1/stripe?limit=10&starting_after=item-0005", "/v1/stripe?limit=10&starting_after=item-0015"],
    ],
    ["links", SPECS.links, { startCursor: "c20" }, 20, ["/v1/links?limit=10&after=c20"]],
  ] as const)("%s starts where asked", async (_name, spec, start, skip, requests) => {
    const server = servers.get(25)!;
    const got = await walk(server, spec, { pageSize: 10, ...start }).toArray();
    expect(ids(got)).toEqual(ids(server.items.slice(skip)));
    expect(server.requests).toEqual(requests);
  });

  it("a start option the style cannot use is a RangeError naming it and the one to use", () => {
    const server = servers.get(25)!;
    expect(() => walk(server, SPECS.cursor, { startPage: 2 })).toThrow(
      /^GET \/cursor: startPage does not apply: this operation pages by cursor; start it mid-way with startCursor$/,
    );
    expect(() => walk(server, SPECS.linkHeader, { startCursor: "x" })).toThrow(
      /^GET \/link-header: startCursor does not apply: this operation pages by next links, with no parameter to start mid-way$/,
    );
    expect(() => walk(server, SPECS.pages, { startOffset: 3 })).toThrow(
      /^GET \/pages: startOffset does not apply: this operation pages by page-number; start it mid-way with startPage$/,
    );
    expect(() => walk(server, SPECS.offset, { startCursor: "c10" })).toThrow(
      /startCursor does not apply: this operation pages by offset; start it mid-way with startOffset$/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("paginate() with a spec of no known style is a TypeError naming it", () => {
    const server = servers.get(25)!;
    const spec = { ...SPECS.pages, style: "keyset" } as unknown as PageSpec;
    expect(() => walk(server, spec)).toThrow(/^GET \/pages: unknown page style "keyset"$/);
  });

  it.each(Object.keys(SPECS).filter((name) => name !== "pageOnly"))(
    "%s: limit and maxPages, with the fewest requests",
    async (name) => {
      const server = servers.get(30)!;
      const spec = SPECS[name as keyof typeof SPECS];
      const limited = await walk(server, spec, { pageSize: 5, limit: 13 }).toArray();
      expect(ids(limited)).toEqual(ids(server.items.slice(0, 13)));
      expect(server.requests).toHaveLength(3);
      server.requests.length = 0;
      const pages = await walk(server, spec, { pageSize: 5, maxPages: 2 }).toArray();
      expect(ids(pages)).toEqual(ids(server.items.slice(0, 10)));
      expect(server.requests).toHaveLength(2);
    },
  );

  it("offset with a total: concurrency fetches ahead and keeps the order; cursors and links ignore it, with no error", async () => {
    const server = servers.get(30)!;
    const ahead = await walk(server, SPECS.offset, { pageSize: 4, concurrency: 4 }).toArray();
    expect(ids(ahead)).toEqual(ids(server.items));
    expect([...server.requests].sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `/v1/offset?limit=4&offset=${i * 4}`).sort(),
    );
    for (const spec of [SPECS.cursor, SPECS.stripe, SPECS.links, SPECS.linkHeader, SPECS.offsetNoTotal]) {
      expect(ids(await walk(server, spec, { pageSize: 7, concurrency: 16 }).toArray())).toEqual(ids(server.items));
    }
  });
});

describe("servers that misbehave: a PaginationError naming the page (and the cursor), never a loop", () => {
  it("a server that ignores the cursor: the same page again, carrying the cursor", async () => {
    const server = servers.get(30)!;
    server.misbehave = { ignoreCursor: true };
    const error = await failure(walk(server, SPECS.cursor, { pageSize: 10 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ page: 2, cursor: "c10" });
    expect(error!.message).toBe("GET /cursor page 2: the server sent the same items as page 1, so it ignores cursor");
    expect(server.requests).toHaveLength(2);
  });

  it("Stripe-style cursors ignored (starting_after): the same page again", async () => {
    const server = servers.get(30)!;
    server.misbehave = { ignoreCursor: true };
    const error = await failure(walk(server, SPECS.stripe, { pageSize: 10 }).toArray());
    expect(error).toMatchObject({ name: "PaginationError", page: 2, cursor: "item-0010" });
  });

  it("cursors that cycle: a PaginationError on the cursor given again", async () => {
    const server = servers.get(30)!;
    server.misbehave = { cycleCursor: true };
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const item of walk(server, SPECS.cursor, { pageSize: 5 })) seen.push(item.id);
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ page: 3, cursor: "c5" });
    expect(error!.message).toBe(
      'GET /cursor page 3: the answer gives the cursor "c5" again (an earlier page\'s: the cursors cycle)',
    );
    expect(seen).toEqual(ids(server.items.slice(0, 15)));
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ["in the body", SPECS.links],
    ["in a Link header", SPECS.linkHeader],
  ])("a next link %s to another origin: a PaginationError naming it, and nothing sent there", async (_where, spec) => {
    const server = servers.get(30)!;
    server.misbehave = { foreignOrigin: "http://127.0.0.1:9" };
    const error = await failure(walk(server, spec, { pageSize: 10 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error!.message).toMatch(
      /page 1: the next link leads to http:\/\/127\.0\.0\.1:9, not the client's http:\/\/127\.0\.0\.1:\d+: links are followed only on the client's own origin/,
    );
    expect((error as PaginationError).cursor).toMatch(/^http:\/\/127\.0\.0\.1:9\/v1\//);
    expect(server.requests).toHaveLength(1);
  });

  it("a next link outside the client's base path: a PaginationError", async () => {
    const server = servers.get(30)!;
    server.misbehave = { outsideBasePath: true };
    const error = await failure(walk(server, SPECS.links, { pageSize: 10 }).toArray());
    expect(error!.message).toBe("GET /links page 1: the next link /v2/links is outside the client's base path /v1");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["next links ignored", SPECS.links, { ignoreCursor: true }],
    ["a Link header's page ignored", SPECS.linkHeader, { ignoreCursor: true }],
    ["the offset ignored", SPECS.offset, { ignoreOffset: true }],
  ] as const)("%s: the same page again is a PaginationError on page 2", async (_name, spec, misbehave) => {
    const server = servers.get(30)!;
    server.misbehave = { ...misbehave };
    const error = await failure(walk(server, spec, { pageSize: 10 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ page: 2 });
    expect(error!.message).toMatch(/^GET \/[a-z-]+ page 2: the server sent the same items as page 1, so it ignores /);
    expect(server.requests).toHaveLength(2);
  });

  it("a key echoed in the cursors is not in the error, its message or its cursor", async () => {
    const server = servers.get(30)!;
    server.misbehave = { cycleCursor: true, echo: KEY };
    const error = (await failure(walk(server, SPECS.cursor, { pageSize: 5 }).toArray())) as PaginationError;
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.cursor).toBe("c5***");
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
  });
});
