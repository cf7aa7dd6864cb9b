/**
 * One test per workaround in scripts/workarounds/api-smart-diff.ts: each
 * fails when api-smart-diff changes the behaviour worked around.
 */
import { apiDiff, openapi3Rules } from "api-smart-diff";
import { afterEach, describe, expect, it, vi } from "vitest";
import { guardedRules, type ClassifierFailure } from "../../scripts/workarounds/api-smart-diff.js";

const spec = (type: string, ref = "#/components/schemas/Id") => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/a": {
      get: {
        parameters: [{ name: "id", in: "query", schema: { $ref: ref } }],
        responses: { "200": { description: "ok" } },
      },
    },
  },
  components: { schemas: { Id: { type }, Other: { type: "boolean" } } },
});

/** Rules for `/paths` whose classifier of an operation's addition, removal or change throws. */
function throwingPaths(): Record<string, unknown> {
  const thrower = () => {
    throw new Error("boom");
  };
  return { "/paths": { "/*": { "/*": { $: [thrower, thrower, thrower] } } } };
}

afterEach(() => vi.restoreAllMocks());

describe("api-smart-diff workarounds", () => {
  it("1. a classifier that throws is printed to stderr by the engine; guarded, it is noted instead", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    const base = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/a": {} } };
    const head = { ...base, paths: { "/a": { get: { responses: {} } } } };
    const raw = apiDiff(base, head, { rules: { ...openapi3Rules(), ...throwingPaths() } as never });
    expect(raw.some((d) => d.type === "unclassified")).toBe(true);
    expect(printed.mock.calls.map((c) => String(c[0])).join("\n")).toContain("Classification Rule error");
    printed.mockClear();
    const failed: ClassifierFailure = {};
    const guarded = apiDiff(base, head, { rules: guardedRules(throwingPaths(), failed) });
    expect(guarded.some((d) => d.type === "unclassified")).toBe(true);
    expect(printed).not.toHaveBeenCalled();
    expect(failed.message).toContain("boom");
  });

  it("2. rules keep state from one comparison to the next, so each comparison gets fresh ones", () => {
    const shared = openapi3Rules();
    apiDiff(spec("string"), spec("string"), { rules: shared });
    const reused = apiDiff(spec("string"), spec("integer"), { rules: shared });
    const fresh = apiDiff(spec("string"), spec("integer"), { rules: guardedRules({}, {}) });
    expect(fresh.length).toBeGreaterThan(0);
    expect(reused).not.toEqual(fresh);
  });
});
