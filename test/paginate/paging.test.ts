/**
 * `listVoiceClones` against a real local server that follows the spec:
 * every item exactly once and in order, one request per page and no more,
 * for lists of 0 to 1000 items and page sizes 1, 20 and 250, with
 * concurrency 1 and 4 giving identical sequences; filters, sort, `limit`,
 * `maxPages`, `startPage`, `break`, laziness and re-iteration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listVoiceClones } from "../../generated/paginators.js";
import { makeClones, startVoiceClonesServer, type VoiceClonesServer } from "../helpers/voice-clones-server.js";
import { clientFor, expectedIds, ids, settle } from "./harness.js";

const COUNTS = [0, 1, 20, 21, 42, 250, 251, 1000];
const SIZES = [1, 20, 250];
const servers = new Map<number, VoiceClonesServer>();
const server = (count: number) => servers.get(count)!;

beforeAll(async () => {
  for (const count of COUNTS) servers.set(count, await startVoiceClonesServer({ clones: makeClones(count) }));
});
afterAll(async () => {
  for (const s of servers.values()) await s.close();
});

describe("every item once, in order, one request per page", () => {
  const cases = COUNTS.flatMap((count) => SIZES.map((size) => [count, size] as const));
  it.each(cases)("%i items in pages of %i, concurrency 1 and 4 identical", async (count, size) => {
    const s = server(count);
    const client = clientFor(s.url);
    const want = expectedIds(makeClones(count));
    const pages = Math.max(1, Math.ceil(count / size));
    for (const concurrency of [1, 4]) {
      s.requests.length = 0;
      const got = ids(await listVoiceClones(client, {}, { pageSize: size, concurrency }).toArray());
      expect(got).toEqual(want);
      expect(s.requests.map((r) => r.page).sort((a, b) => a - b)).toEqual(
        Array.from({ length: pages }, (_, i) => i + 1),
      );
      expect(s.requests.every((r) => r.size === size && !r.aborted)).toBe(true);
    }
  });

  it(".pages() yields each page as read: the 200 body, its items, number and totals, in order", async () => {
    const client = clientFor(server(42).url);
    const pages = [];
    for await (const page of listVoiceClones(client, { "page[size]": 20 }).pages()) pages.push(page);
    expect(pages.map((p) => p.body.meta)).toEqual(
      [1, 2, 3].map((n) => ({ page_number: n, page_size: 20, total_results: 42, total_pages: 3 })),
    );
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 2]);
    expect(pages.every((p) => p.items === p.body.data)).toBe(true);
    expect(pages.map((p) => [p.number, p.totalPages, p.totalItems])).toEqual([
      [1, 3, 42],
      [2, 3, 42],
      [3, 3, 42],
    ]);
    expect(pages.every((p) => p.response.status === 200)).toBe(true);
  });

  it(".pages() of an empty list yields its one empty page (and its totals)", async () => {
    const pages = [];
    for await (const page of listVoiceClones(clientFor(server(0).url)).pages()) pages.push(page);
    expect(pages.map((p) => [p.body, p.items, p.totalPages, p.totalItems])).toEqual([
      [{ data: [], meta: { page_number: 1, page_size: 20, total_results: 0, total_pages: 0 } }, [], 0, 0],
    ]);
  });

  it("without a page size, sends none and the server's default (20) applies", async () => {
    const s = server(42);
    s.requests.length = 0;
    expect(await listVoiceClones(clientFor(s.url)).toArray()).toHaveLength(42);
    expect(s.requests.map((r) => r.page)).toEqual([1, 2, 3]);
    for (const r of s.requests) expect(r.query).not.toMatch(/page(\[|%5B)size/i);
  });
});

describe("query and options", () => {
  const clones = makeClones(1000);

  it.each([
    [{ "filter[name]": "aURORA 00" }, { name: "aURORA 00" }],
    [{ "filter[provider]": "Minimax" }, { provider: "Minimax" }],
    [
      { "filter[name]": "basil", "filter[provider]": "telnyx", sort: "name" },
      { name: "basil", provider: "telnyx", sort: "name" },
    ],
    [{ sort: "-name" }, { sort: "-name" }],
    [{ sort: "created_at" }, { sort: "created_at" }],
  ] as const)("query %j lists what the spec says", async (query, expected) => {
    const want = expectedIds(clones, expected);
    expect(want.length).toBeGreaterThan(0);
    const got = ids(
      await listVoiceClones(clientFor(server(1000).url), query, { pageSize: 37, concurrency: 3 }).toArray(),
    );
    expect(got).toEqual(want);
  });

  it("pageSize wins over the query's page[size]", async () => {
    const s = server(42);
    s.requests.length = 0;
    await listVoiceClones(clientFor(s.url), { "page[size]": 5 }, { pageSize: 50 }).toArray();
    expect(s.requests.map((r) => r.size)).toEqual([50]);
  });

  it.each([
    [0, 20, 0, 0],
    [5, 20, 5, 1],
    [20, 20, 20, 1],
    [21, 20, 21, 2],
    [45, 20, 42, 3],
    [3, 1, 3, 3],
  ])("limit %i with pages of %i: %i items from %i requests", async (limit, size, items, requests) => {
    const s = server(42);
    for (const concurrency of [1, 4]) {
      s.requests.length = 0;
      const got = ids(await listVoiceClones(clientFor(s.url), {}, { limit, pageSize: size, concurrency }).toArray());
      expect(got).toEqual(expectedIds(makeClones(42)).slice(0, items));
      expect(s.requests).toHaveLength(requests);
    }
  });

  it("limit with .pages(): whole pages, none after the one that reaches the limit", async () => {
    const pages = [];
    for await (const page of listVoiceClones(clientFor(server(42).url), {}, { limit: 21, pageSize: 20 }).pages())
      pages.push(page.items.length);
    expect(pages).toEqual([20, 20]);
  });

  it.each([1, 2, 5])("maxPages %i", async (maxPages) => {
    const s = server(251);
    for (const concurrency of [1, 4]) {
      s.requests.length = 0;
      const got = ids(await listVoiceClones(clientFor(s.url), {}, { maxPages, pageSize: 20, concurrency }).toArray());
      expect(got).toEqual(expectedIds(makeClones(251)).slice(0, 20 * maxPages));
      expect(s.requests.map((r) => r.page)).toEqual(Array.from({ length: maxPages }, (_, i) => i + 1));
    }
  });

  it("startPage begins there", async () => {
    const s = server(42);
    s.requests.length = 0;
    const got = ids(await listVoiceClones(clientFor(s.url), {}, { startPage: 2, pageSize: 20 }).toArray());
    expect(got).toEqual(expectedIds(makeClones(42)).slice(20));
    expect(s.requests.map((r) => r.page)).toEqual([2, 3]);
  });
});

describe("laziness", () => {
  it("sends nothing until iteration starts", async () => {
    const s = server(42);
    s.requests.length = 0;
    const paginator = listVoiceClones(clientFor(s.url));
    await settle();
    expect(s.requests).toHaveLength(0);
    await paginator[Symbol.asyncIterator]().next();
    expect(s.requests).toHaveLength(1);
  });

  it("break out of for await sends no further request", async () => {
    const s = server(1000);
    s.requests.length = 0;
    let seen = 0;
    for await (const clone of listVoiceClones(clientFor(s.url), {}, { pageSize: 20 })) {
      expect(clone.record_type).toBe("voice_clone");
      if (++seen === 25) break;
    }
    await settle();
    expect(s.requests.map((r) => r.page)).toEqual([1, 2]);
  });

  it("each iteration starts over", async () => {
    const s = server(42);
    s.requests.length = 0;
    const paginator = listVoiceClones(clientFor(s.url), {}, { pageSize: 20 });
    const first = ids(await paginator.toArray());
    const second = ids(await paginator.toArray());
    expect(second).toEqual(first);
    expect(s.requests.map((r) => r.page)).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it("each iteration of the same .pages() starts over", async () => {
    const s = server(42);
    s.requests.length = 0;
    const pages = listVoiceClones(clientFor(s.url), {}, { pageSize: 20 }).pages();
    const numbers = [];
    for (let round = 0; round < 2; round++) for await (const page of pages) numbers.push(page.body.meta!.page_number);
    expect(numbers).toEqual([1, 2, 3, 1, 2, 3]);
    expect(s.requests.map((r) => r.page)).toEqual([1, 2, 3, 1, 2, 3]);
  });
});
