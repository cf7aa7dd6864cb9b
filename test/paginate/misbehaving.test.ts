/**
 * Servers that do not page as they should, with concurrency 1 and 4: the
 * paginator ends with the right items or with a typed error naming the
 * page, and never loops or hangs (each case has a short timeout and a
 * request count).
 */
import createFetchClient from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import type { paths } from "../../generated/schema.js";
import { ApiError, InvalidResponseError, PaginationError } from "../../src/errors.js";
import { OK_BODY, startFaultServer } from "../helpers/fault-server.js";
import { listVoiceClones } from "../../generated/paginators.js";
import { paginate } from "../../src/paginate/index.js";
import {
  makeClones,
  startVoiceClonesServer,
  type Misbehaviour,
  type VoiceClonesServer,
} from "../helpers/voice-clones-server.js";
import { clientFor, expectedIds } from "./harness.js";

let server: VoiceClonesServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(count: number, misbehave: Misbehaviour): Promise<VoiceClonesServer> {
  server = await startVoiceClonesServer({ clones: makeClones(count), misbehave });
  return server;
}

/** Items collected before the paginator ended, and how it ended. */
async function drain(s: VoiceClonesServer, options: { pageSize?: number; concurrency?: number }) {
  const items: string[] = [];
  try {
    for await (const clone of listVoiceClones(clientFor(s.url), {}, options)) items.push(clone.id!);
    return { items, error: undefined };
  } catch (error) {
    return { items, error: error as Error };
  }
}

describe.each([1, 4])("concurrency %i", (concurrency) => {
  it("a server that ignores the page number (meta says page 1): PaginationError naming page 2", {
    timeout: 5_000,
  }, async () => {
    const s = await start(42, { ignorePageNumber: true });
    const { items, error } = await drain(s, { pageSize: 20, concurrency });
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).page).toBe(2);
    expect(error!.message).toMatch(
      /page 2: the server answered with page 1 \(meta\.page_number\), so it ignores page\[number\]/,
    );
    expect(items).toEqual(expectedIds(makeClones(42)).slice(0, 20));
    expect(s.requests.length).toBeLessThanOrEqual(concurrency + 1);
  });

  it("a server that ignores the page number and sends no meta: PaginationError on the repeated page 2", {
    timeout: 5_000,
  }, async () => {
    const s = await start(42, { ignorePageNumber: true, noMeta: true });
    const { items, error } = await drain(s, { pageSize: 20, concurrency });
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).page).toBe(2);
    expect(error!.message).toMatch(/page 2: the server sent the same items as page 1/);
    expect(items).toHaveLength(20);
    expect(s.requests).toHaveLength(2); // no meta: no total, so no fetching ahead
  });

  it("total_pages larger than the data: stops at the first empty page", { timeout: 5_000 }, async () => {
    const s = await start(42, { extraTotalPages: 5 });
    const { items, error } = await drain(s, { pageSize: 20, concurrency });
    expect(error).toBeUndefined();
    expect(items).toEqual(expectedIds(makeClones(42)));
    const pages = s.requests.map((r) => r.page).sort((a, b) => a - b);
    // pages 1 to 4 (the empty one), each once, plus (some of) the concurrency - 1 pages sent ahead of it, aborted
    expect(pages.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(new Set(pages).size).toBe(pages.length);
    expect(Math.max(...pages)).toBeLessThanOrEqual(4 + concurrency - 1);
  });

  it("no meta: ends at the first short page once a full page showed the size is honoured", {
    timeout: 5_000,
  }, async () => {
    const s = await start(42, { noMeta: true });
    const { items, error } = await drain(s, { pageSize: 20, concurrency });
    expect(error).toBeUndefined();
    expect(items).toEqual(expectedIds(makeClones(42)));
    expect(s.requests.map((r) => r.page)).toEqual([1, 2, 3]);
  });

  it("no meta and a server that caps the page size: no page is full, so only an empty page ends the walk", {
    timeout: 5_000,
  }, async () => {
    const s = await start(42, { noMeta: true, capPageSize: 10 });
    const { items, error } = await drain(s, { pageSize: 20, concurrency });
    expect(error).toBeUndefined();
    expect(items).toEqual(expectedIds(makeClones(42)));
    expect(s.requests.map((r) => r.page)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("no meta and no page size sent: only an empty page ends the walk", { timeout: 5_000 }, async () => {
    const s = await start(42, { noMeta: true });
    const { items, error } = await drain(s, { concurrency });
    expect(error).toBeUndefined();
    expect(items).toEqual(expectedIds(makeClones(42)));
    expect(s.requests.map((r) => r.page)).toEqual([1, 2, 3, 4]);
  });

  it("a server that caps the page size: trusts its meta and gets every item", { timeout: 5_000 }, async () => {
    const s = await start(42, { capPageSize: 10 });
    const { items, error } = await drain(s, { pageSize: 250, concurrency });
    expect(error).toBeUndefined();
    expect(items).toEqual(expectedIds(makeClones(42)));
    expect(s.requests.map((r) => r.page).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("500 on page 3: ApiError with the status and the page, after pages 1 and 2", { timeout: 5_000 }, async () => {
    const s = await start(100, { failPage: 3 });
    const { items, error } = await drain(s, { pageSize: 20, concurrency });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect((error as ApiError).page).toBe(3);
    expect(items).toEqual(expectedIds(makeClones(100)).slice(0, 40));
    if (concurrency === 1) expect(s.requests.map((r) => r.page)).toEqual([1, 2, 3]);
  });
});

describe("answers that are not pages", () => {
  it("a 200 that is not JSON (a captive portal's HTML) is an InvalidResponseError naming the page", async () => {
    const fault = await startFaultServer();
    try {
      fault.script(
        { status: 200, body: OK_BODY },
        {
          status: 200,
          headers: { "content-type": "text/html" },
          body: "<html><title>Sign in to the Wi-Fi</title></html>",
        },
      );
      const spec = { style: "page-number", path: "/voice_clones", pageParam: "page[number]", items: ["data"] } as const;
      const error = await paginate(clientFor(fault.url), spec, {}, { maxPages: 3 })
        .toArray()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        'GET /voice_clones page 2: answered 200 with text/html, not valid JSON: HTML body "Sign in to the Wi-Fi" (not JSON: a proxy or gateway answered?)',
      );
    } finally {
      await fault.close();
    }
  });

  it("a 401 on page 1 is an ApiError carrying page 1", async () => {
    const s = await start(5, {});
    const noAuth = createFetchClient<paths>({ baseUrl: s.url });
    const error = await listVoiceClones(noAuth)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, page: 1 });
  });

  it("a 200 without the items array is a PaginationError, not an empty list", async () => {
    const s = await start(5, {});
    const spec = {
      style: "page-number",
      path: "/voice_clones",
      pageParam: "page[number]",
      sizeParam: "page[size]",
      items: ["records"],
    } as const;
    const error = await paginate(clientFor(s.url), spec)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/page 1: status 200 with no array "records"/);
  });
});
