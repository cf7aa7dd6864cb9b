/**
 * The well-behaved cases again, through Prism in proxy mode with `--errors`
 * (`prism proxy spec/openapi.yaml <local server> --errors`): every request
 * the paginator sends and every answer it reads is validated against the
 * spec, and any violation would turn into an error answer that fails the
 * paginator. Two sanity cases show the validation is live.
 *
 * Known Prism limit: it parses `page[number]=2` as a nested `page` object,
 * so it does not check the bracketed parameters themselves (the local
 * server does: it answers 400 to a bad page number or size).
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listVoiceClones } from "../../generated/paginators.js";
import { InternalServerError, UnprocessableEntityError } from "../../src/errors.js";
import { startPrismProxy, type PrismProxy } from "../helpers/prism.js";
import { makeClones, startVoiceClonesServer, type VoiceClonesServer } from "../helpers/voice-clones-server.js";
import { clientFor, expectedIds, ids } from "./harness.js";

const SPEC = fileURLToPath(new URL("../fixtures/seed/openapi.yaml", import.meta.url));
let server: VoiceClonesServer;
let prism: PrismProxy;
let mark = 0;

beforeAll(async () => {
  server = await startVoiceClonesServer({ clones: [] });
  prism = await startPrismProxy(SPEC, server.url);
});
afterAll(async () => {
  await prism?.stop();
  await server?.close();
});
beforeEach(() => {
  mark = prism.output().length;
});

/** Violations and errors Prism printed since `from` (its log is written asynchronously: wait for it to settle). */
async function problems(from = mark): Promise<string[]> {
  for (let size = -1; size !== prism.output().length; ) {
    size = prism.output().length;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return prism
    .output()
    .slice(from)
    .split("\n")
    .filter((line) => /Violation|error|✖/i.test(line));
}

describe("through Prism: every request and answer valid against the spec", () => {
  const cases = [0, 1, 20, 21, 42, 250, 251, 1000].flatMap((count) =>
    [1, 20, 250].filter((size) => size > 1 || count <= 42).map((size) => [count, size] as const),
  );
  it.each(cases)("%i items in pages of %i, concurrency 1 and 4", async (count, size) => {
    const clones = makeClones(count);
    server.reset({ clones });
    for (const concurrency of [1, 4]) {
      const got = ids(await listVoiceClones(clientFor(prism.url), {}, { pageSize: size, concurrency }).toArray());
      expect(got).toEqual(expectedIds(clones));
    }
    expect(server.requests).toHaveLength(2 * Math.max(1, Math.ceil(count / size)));
    expect(await problems()).toEqual([]);
  });

  it("filters and sort", async () => {
    const clones = makeClones(300);
    server.reset({ clones });
    const query = { "filter[name]": "juniper", "filter[provider]": "Telnyx", sort: "-name" } as const;
    const got = ids(await listVoiceClones(clientFor(prism.url), query, { pageSize: 7, concurrency: 4 }).toArray());
    expect(got).toEqual(expectedIds(clones, { name: "juniper", provider: "Telnyx", sort: "-name" }));
    expect(got.length).toBeGreaterThan(7);
    expect(await problems()).toEqual([]);
  });

  it("limit, maxPages and break", async () => {
    const clones = makeClones(251);
    server.reset({ clones });
    const client = clientFor(prism.url);
    expect(ids(await listVoiceClones(client, {}, { limit: 45, pageSize: 20, concurrency: 4 }).toArray())).toEqual(
      expectedIds(clones).slice(0, 45),
    );
    expect(ids(await listVoiceClones(client, {}, { maxPages: 2, pageSize: 20 }).toArray())).toEqual(
      expectedIds(clones).slice(0, 40),
    );
    let seen = 0;
    for await (const clone of listVoiceClones(client, {}, { pageSize: 20 })) if (clone && ++seen === 30) break;
    expect(server.requests.map((r) => r.page)).toEqual([1, 2, 3, 1, 2, 1, 2]);
    expect(await problems()).toEqual([]);
  });
});

describe("Prism's validation is live", () => {
  it("a request that breaks the spec gets Prism's 422", async () => {
    server.reset({ clones: makeClones(5) });
    const error = await listVoiceClones(clientFor(prism.url), { sort: "newest" as never })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, page: 1 });
    expect(server.requests).toHaveLength(0);
  });

  it("an answer that breaks the spec gets Prism's 500", async () => {
    server.reset({ clones: makeClones(5), misbehave: { offSpec: true } });
    const error = await listVoiceClones(clientFor(prism.url))
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, page: 1 });
    expect((await problems()).join("\n")).toMatch(/prism\/errors#VIOLATIONS/);
  });
});
