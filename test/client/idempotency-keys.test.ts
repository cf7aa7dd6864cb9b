/**
 * `idempotencyKeys: true` (issue 20, item 4): every POST and PATCH without
 * an `Idempotency-Key` gets one, the same on every attempt of that call, so
 * it is retried; a caller's own key wins. Calls counted on a real server.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type TelnyxClientOptions } from "../../src/client.js";
import { ConfigurationError } from "../../src/errors.js";
import { startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const client = (options: TelnyxClientOptions = {}) =>
  createClient({ apiKey: "test-key", baseUrl: server.url, initialRetryDelayMs: 1, maxRetryDelayMs: 2, ...options });
// /voice_clones has no POST or PATCH in the seed spec; the runtime is the same for every path.
const send = (
  c: ReturnType<typeof client>,
  method: "POST" | "PATCH" | "PUT" | "GET",
  headers: Record<string, string> = {},
) =>
  (c[method] as (path: string, init: unknown) => Promise<{ response: Response }>)(
    "/voice_clones",
    method === "GET" ? { headers } : { body: { name: "n" }, headers },
  );
const keys = () => server.requests.map((r) => r.headers["idempotency-key"]);

describe("idempotencyKeys: true", () => {
  it.each(["POST", "PATCH"] as const)(
    "a %s answered 503 then 200 is sent twice with the same generated key",
    async (method) => {
      server.script({ status: 503 });
      const { response } = await send(client({ idempotencyKeys: true }), method);
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(2);
      const [first, second] = keys();
      expect(first).toMatch(UUID);
      expect(second).toBe(first);
      expect(server.requests.map((r) => r.body)).toEqual([
        JSON.stringify({ name: "n" }),
        JSON.stringify({ name: "n" }),
      ]);
    },
  );

  it("each call gets a key of its own", async () => {
    const c = client({ idempotencyKeys: true });
    await send(c, "POST");
    await send(c, "POST");
    const [a, b] = keys();
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it("the caller's own key wins, on every attempt", async () => {
    server.script({ status: 503 }, { status: 502 });
    await send(client({ idempotencyKeys: true }), "POST", { "Idempotency-Key": "mine-1" });
    expect(keys()).toEqual(["mine-1", "mine-1", "mine-1"]);
  });

  it("GET and PUT get no key (they are idempotent already)", async () => {
    const c = client({ idempotencyKeys: true });
    await send(c, "GET");
    await send(c, "PUT");
    expect(keys()).toEqual([undefined, undefined]);
  });
});

describe("without the option", () => {
  it("a POST gets no key and is sent once on a 503", async () => {
    server.script({ status: 503 });
    const { response } = await send(client(), "POST");
    expect(response.status).toBe(503);
    expect(keys()).toEqual([undefined]);
  });

  it("a value that is not a boolean is a ConfigurationError", () => {
    expect(() => client({ idempotencyKeys: "yes" as never })).toThrow(ConfigurationError);
    expect(() => client({ idempotencyKeys: "yes" as never })).toThrow(
      /^idempotencyKeys must be true or false, got "yes"\.$/,
    );
  });
});
