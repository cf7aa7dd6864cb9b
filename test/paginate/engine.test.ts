/**
 * `paginate()` itself, with a hand-written PageSpec and an injected `fetch`
 * that records every request and answers from a small in-memory list:
 * path parameters, other paging parameter names, meta under other names,
 * and the iterator contract (calls not awaited, `return()`).
 */
import createFetchClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { PaginationError } from "../../src/errors.js";
import { paginate, type PageSpec } from "../../src/paginate/index.js";

const SPEC: PageSpec = {
  style: "page-number",
  path: "/owners/{ownerId}/things",
  pageParam: "page",
  sizeParam: "per_page",
  items: ["results"],
  pageNumber: { body: ["pagination", "current"] },
  totalPages: { body: ["pagination", "pages"] },
};

/** A client whose fetch serves `count` things in pages, recording each URL. */
function fakeClient(count: number, options: { metaAsText?: boolean } = {}) {
  const urls: URL[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    urls.push(url);
    const page = Math.max(1, Number(url.searchParams.get("page"))); // clamps, as some servers do
    const size = Number(url.searchParams.get("per_page") ?? 10);
    const results = Array.from({ length: count }, (_, i) => `thing-${i}`).slice((page - 1) * size, page * size);
    const pages = Math.ceil(count / size);
    const pagination = options.metaAsText ? { current: String(page), pages: String(pages) } : { current: page, pages };
    return new Response(JSON.stringify({ results, pagination }), { headers: { "content-type": "application/json" } });
  };
  return { client: createFetchClient({ baseUrl: "http://paging.test", fetch }), urls };
}

describe("paginate() with any page-number style", () => {
  it("fills path parameters, keeps the query, sends page and size under the spec's names", async () => {
    const { client, urls } = fakeClient(25);
    const items = await paginate<string, unknown>(
      client,
      SPEC,
      { path: { ownerId: "o/1" }, query: { tag: "x y" } },
      { pageSize: 10 },
    ).toArray();
    expect(items).toEqual(Array.from({ length: 25 }, (_, i) => `thing-${i}`));
    expect(urls.map((u) => u.pathname)).toEqual([
      "/owners/o%2F1/things",
      "/owners/o%2F1/things",
      "/owners/o%2F1/things",
    ]);
    expect(
      urls.map((u) => [u.searchParams.get("tag"), u.searchParams.get("page"), u.searchParams.get("per_page")]),
    ).toEqual([
      ["x y", "1", "10"],
      ["x y", "2", "10"],
      ["x y", "3", "10"],
    ]);
  });

  it("reads a meta sent as digit strings", async () => {
    const { client, urls } = fakeClient(25, { metaAsText: true });
    expect(await paginate(client, SPEC, { path: { ownerId: "o" } }, { pageSize: 10 }).toArray()).toHaveLength(25);
    expect(urls).toHaveLength(3);
  });

  it("pages without meta in the spec end on the first empty page", async () => {
    const { client, urls } = fakeClient(20);
    const { pageNumber: _number, totalPages: _total, ...noMeta } = SPEC;
    expect(await paginate(client, noMeta, { path: { ownerId: "o" } }, { pageSize: 10 }).toArray()).toHaveLength(20);
    expect(urls.map((u) => u.searchParams.get("page"))).toEqual(["1", "2", "3"]);
  });

  it("a meta page number that is not the one sent (a server that clamps page 0 to 1) is a PaginationError naming the page", async () => {
    const { client } = fakeClient(25);
    const error = await paginate(client, SPEC, { path: { ownerId: "o" } }, { pageSize: 10, startPage: 0 })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ page: 0 });
  });
});

describe("iterator contract", () => {
  it("next() calls made without awaiting are served in order, one page request at a time", async () => {
    const { client, urls } = fakeClient(25);
    const iterator = paginate<string, { results: string[] }>(client, SPEC, { path: { ownerId: "o" } }, { pageSize: 10 })
      .pages()
      [Symbol.asyncIterator]();
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results.map((r) => (r.done ? "done" : r.value.body.results[0]))).toEqual([
      "thing-0",
      "thing-10",
      "thing-20",
      "done",
    ]);
    expect(urls).toHaveLength(3);
  });

  it("return() called while a next() is pending: that next() still gets its item, then the iteration ends", async () => {
    const { client, urls } = fakeClient(100);
    const iterator = paginate<string, unknown>(client, SPEC, { path: { ownerId: "o" } }, { pageSize: 10 })[
      Symbol.asyncIterator
    ]();
    const [first, closed] = await Promise.all([iterator.next(), iterator.return!()]);
    expect(first).toEqual({ done: false, value: "thing-0" });
    expect(closed).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(urls).toHaveLength(1);
  });

  it("return() ends the iteration: no request afterwards", async () => {
    const { client, urls } = fakeClient(100);
    const iterator = paginate<string, unknown>(client, SPEC, { path: { ownerId: "o" } }, { pageSize: 10 })[
      Symbol.asyncIterator
    ]();
    expect((await iterator.next()).value).toBe("thing-0");
    expect(await iterator.return!()).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(urls).toHaveLength(1);
  });
});
