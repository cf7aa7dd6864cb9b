/**
 * Options are checked when the paginator is made, before any request: an
 * invalid page size (outside the spec's 1..250, not an integer) or count is
 * a RangeError that names the option, the operation and the accepted values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listVoiceClones } from "../../generated/paginators.js";
import type { PaginateOptions } from "../../src/paginate/index.js";
import { makeClones, startVoiceClonesServer, type VoiceClonesServer } from "../helpers/voice-clones-server.js";
import { clientFor, settle } from "./harness.js";

let server: VoiceClonesServer;
beforeAll(async () => {
  server = await startVoiceClonesServer({ clones: makeClones(42) });
});
afterAll(() => server.close());

describe("invalid options: RangeError before any request", () => {
  const cases: [string, { given: PaginateOptions; want: RegExp }][] = [
    [
      "pageSize 0",
      {
        given: { pageSize: 0 },
        want: /^GET \/voice_clones: pageSize must be an integer from 1 to 250 \(the spec's bounds of page\[size\]\), got 0$/,
      },
    ],
    ["pageSize 251", { given: { pageSize: 251 }, want: /pageSize must be an integer from 1 to 250 .*got 251$/ }],
    ["pageSize 2.5", { given: { pageSize: 2.5 }, want: /pageSize must be an integer from 1 to 250 .*got 2\.5$/ }],
    ["pageSize NaN", { given: { pageSize: Number.NaN }, want: /pageSize must be an integer from 1 to 250 .*got NaN$/ }],
    [
      "pageSize as a string",
      { given: { pageSize: "20" as unknown as number }, want: /pageSize must be an integer from 1 to 250 .*got "20"$/ },
    ],
    ["limit -1", { given: { limit: -1 }, want: /^GET \/voice_clones: limit must be an integer >= 0, got -1$/ }],
    ["limit 1.5", { given: { limit: 1.5 }, want: /limit must be an integer >= 0, got 1\.5$/ }],
    [
      "maxPages Infinity",
      { given: { maxPages: Number.POSITIVE_INFINITY }, want: /maxPages must be an integer >= 0, got Infinity$/ },
    ],
    ["startPage -1", { given: { startPage: -1 }, want: /startPage must be an integer >= 0, got -1$/ }],
    ["concurrency 0", { given: { concurrency: 0 }, want: /concurrency must be an integer from 1 to 16, got 0$/ }],
    ["concurrency 17", { given: { concurrency: 17 }, want: /concurrency must be an integer from 1 to 16, got 17$/ }],
  ];
  it.each(cases)("%s", async (_, { given, want }) => {
    server.requests.length = 0;
    expect(() => listVoiceClones(clientFor(server.url), {}, given)).toThrow(RangeError);
    expect(() => listVoiceClones(clientFor(server.url), {}, given)).toThrow(want);
    await settle(5);
    expect(server.requests).toHaveLength(0);
  });

  it("a page[size] in the query is held to the same bounds", () => {
    expect(() => listVoiceClones(clientFor(server.url), { "page[size]": 300 })).toThrow(
      /query\["page\[size\]"\] must be an integer from 1 to 250 .*got 300$/,
    );
  });

  it("a signal that is not an AbortSignal is a TypeError", () => {
    expect(() => listVoiceClones(clientFor(server.url), {}, { signal: {} as AbortSignal })).toThrow(TypeError);
  });

  it.each([1, 250])("pageSize %i, at the bounds, is sent", async (pageSize) => {
    server.requests.length = 0;
    await listVoiceClones(clientFor(server.url), {}, { pageSize, limit: 1 }).toArray();
    expect(server.requests.map((r) => r.size)).toEqual([pageSize]);
  });
});
