/**
 * `concurrency > 1`: once the first page gives the total, up to N requests
 * run at once (never more, never past what is needed), items still come
 * strictly in order even when later pages answer first, and on `limit`,
 * `break`, an error or the caller's `signal` the requests no longer needed
 * are aborted and nothing more is sent.
 */
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { listVoiceClones } from "../../generated/paginators.js";
import { AbortError } from "../../src/errors.js";
import {
  makeClones,
  startVoiceClonesServer,
  type ServerOptions,
  type VoiceClonesServer,
} from "../helpers/voice-clones-server.js";
import { clientFor, expectedIds, ids, settle } from "./harness.js";

let server: VoiceClonesServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function start(count: number, options: Omit<ServerOptions, "clones"> = {}): Promise<VoiceClonesServer> {
  server = await startVoiceClonesServer({ clones: makeClones(count), ...options });
  return server;
}

describe("fetching ahead", () => {
  it("no warning (MaxListenersExceededWarning or any other) at any allowed concurrency, with or without a signal", async () => {
    const s = await start(400, { latencyMs: 2 });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      for (let concurrency = 1; concurrency <= 16; concurrency++) {
        const options = { pageSize: 10, concurrency, ...(concurrency % 2 === 0 && { signal: controller.signal }) };
        expect(await listVoiceClones(clientFor(s.url), {}, options).toArray()).toHaveLength(400);
      }
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it.each([1, 2, 4])(
    "concurrency %i: at most that many requests at once, and exactly that many when there is work",
    async (concurrency) => {
      const s = await start(400, { latencyMs: 10 });
      const got = ids(await listVoiceClones(clientFor(s.url), {}, { pageSize: 20, concurrency }).toArray());
      expect(got).toEqual(expectedIds(makeClones(400)));
      expect(s.peakInFlight).toBe(concurrency);
      expect(s.requests.map((r) => r.page).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    },
  );

  it("yields strictly in page order when later pages answer first", async () => {
    const s = await start(200, { latencyMs: (page) => (page === 1 ? 1 : 60 - page * 5) });
    const got = ids(await listVoiceClones(clientFor(s.url), {}, { pageSize: 20, concurrency: 4 }).toArray());
    expect(got).toEqual(expectedIds(makeClones(200)));
  });

  it("does not fetch ahead before the total is known (no meta)", async () => {
    const s = await start(100, { latencyMs: 5, misbehave: { noMeta: true } });
    const got = ids(await listVoiceClones(clientFor(s.url), {}, { pageSize: 20, concurrency: 4 }).toArray());
    expect(got).toEqual(expectedIds(makeClones(100)));
    expect(s.peakInFlight).toBe(1);
  });

  it("sends only the pages a limit needs", async () => {
    const s = await start(400, { latencyMs: 5 });
    const got = ids(await listVoiceClones(clientFor(s.url), {}, { pageSize: 20, concurrency: 4, limit: 45 }).toArray());
    expect(got).toEqual(expectedIds(makeClones(400)).slice(0, 45));
    expect(s.requests.map((r) => r.page).sort()).toEqual([1, 2, 3]);
    expect(s.requests.some((r) => r.aborted)).toBe(false);
  });
});

// Pages after the second never answer: a paginator that waited for them would outlast the
// test's timeout, so "did not wait" needs no clock.
describe("stopping early aborts what is in flight", { timeout: 5_000 }, () => {
  const slowAfterPage2 = (page: number) => (page <= 2 ? 5 : Number.POSITIVE_INFINITY);

  it("break: the pages fetched ahead are aborted and no request follows", async () => {
    const s = await start(400, { latencyMs: slowAfterPage2 });
    let seen = 0;
    for await (const clone of listVoiceClones(clientFor(s.url), {}, { pageSize: 20, concurrency: 4 })) {
      void clone;
      if (++seen === 25) break;
    }
    await settle(80);
    const pages = s.requests.map((r) => r.page).sort((a, b) => a - b);
    // holding page 2, the paginator had pages 3 to 5 in flight (concurrency 4 = 1 held + 3 ahead)
    expect(pages).toEqual([1, 2, 3, 4, 5]);
    expect(
      s.requests
        .filter((r) => r.aborted)
        .map((r) => r.page)
        .sort(),
    ).toEqual([3, 4, 5]);
  });

  it("the caller's signal: rejects with its reason, aborts every request in flight, sends nothing more", async () => {
    const s = await start(400, { latencyMs: slowAfterPage2 });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    let seen = 0;
    const run = (async () => {
      for await (const clone of listVoiceClones(
        clientFor(s.url),
        {},
        { pageSize: 20, concurrency: 4, signal: controller.signal },
      )) {
        void clone;
        if (++seen === 30) setTimeout(() => controller.abort(reason), 5);
      }
    })();
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect(seen).toBe(40);
    await settle(80);
    // waiting for page 3 after page 2 was used up: pages 3 to 6 in flight, all aborted
    expect(s.requests.map((r) => r.page).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      s.requests
        .filter((r) => r.aborted)
        .map((r) => r.page)
        .sort(),
    ).toEqual([3, 4, 5, 6]);
  });

  it("the caller's signal with concurrency 1: the one request in flight is aborted", async () => {
    const s = await start(100, { latencyMs: (page) => (page === 1 ? 1 : Number.POSITIVE_INFINITY) });
    const reason = new Error("caller gave up");
    const controller = new AbortController();
    const paginator = listVoiceClones(clientFor(s.url), {}, { pageSize: 20, signal: controller.signal });
    const page2 = s.hold(2);
    void page2.requested.then(() => controller.abort(reason));
    const error = await paginator.toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    await settle(50);
    expect(s.requests.map((r) => [r.page, r.aborted])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("a long-lived signal keeps no listener once a paginator ends (done, break or error)", async () => {
    const s = await start(100, { latencyMs: 1, misbehave: { failPage: 5 } });
    const controller = new AbortController();
    const options = { pageSize: 20, concurrency: 4, signal: controller.signal };
    const listeners = () => getEventListeners(controller.signal, "abort").length;
    expect(await listVoiceClones(clientFor(s.url), {}, { ...options, maxPages: 2 }).toArray()).toHaveLength(40);
    expect(listeners()).toBe(0);
    for await (const clone of listVoiceClones(clientFor(s.url), {}, options)) if (clone) break;
    expect(listeners()).toBe(0);
    await expect(listVoiceClones(clientFor(s.url), {}, options).toArray()).rejects.toMatchObject({
      status: 500,
      page: 5,
    });
    expect(listeners()).toBe(0);
  });

  it("an already aborted signal: rejects without any request", async () => {
    const s = await start(42);
    const error = await listVoiceClones(clientFor(s.url), {}, { signal: AbortSignal.abort(new Error("stop")) })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("stop"));
    expect((error as Error).message).toBe("GET /voice_clones page 1: aborted by the caller's signal");
    expect(s.requests).toHaveLength(0);
  });
});
