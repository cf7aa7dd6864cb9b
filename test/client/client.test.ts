/** What every request carries and how the client keeps openapi-fetch's contract, against a real server. */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { createClient, PACKAGE_NAME, VERSION, type TelnyxClient } from "../../src/client.js";
import { unwrap } from "../../src/errors.js";
import { USER_AGENT } from "../../src/version.js";
import type { VoiceCloneListResponse } from "../../generated/schema.js";
import { OK_BODY, startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
});

describe("each request", () => {
  it("carries the bearer key, a User-Agent with name and version, and Accept", async () => {
    const client = createClient({ apiKey: "KEY123", baseUrl: server.url });
    await client.GET("/voice_clones");
    const { headers } = server.requests[0]!;
    expect(headers.authorization).toBe("Bearer KEY123");
    expect(headers["user-agent"]).toBe("telnyx-typed/0.1.0");
    expect(headers.accept).toBe("application/json");
  });

  it("the base URL's trailing slashes never make a //", async () => {
    const client = createClient({ apiKey: "test-key", baseUrl: `${server.url}/v2///` });
    await client.GET("/voice_clones", {
      params: { query: { "page[number]": 2, "page[size]": 50, "filter[provider]": "telnyx", sort: "-name" } },
    });
    expect(server.requests[0]!.url).toBe(
      "/v2/voice_clones?page[number]=2&page[size]=50&filter[provider]=telnyx&sort=-name",
    );
  });

  it("defaultHeaders are sent; they cannot replace the key", async () => {
    const client = createClient({
      apiKey: "real-key",
      baseUrl: server.url,
      defaultHeaders: { "X-Team": "voice", authorization: "Bearer other" },
    });
    await client.GET("/voice_clones");
    expect(server.requests[0]!.headers["x-team"]).toBe("voice");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer real-key");
  });

  it("per-call headers are sent with the client's own, and may replace a default", async () => {
    const client = createClient({ apiKey: "test-key", baseUrl: server.url, defaultHeaders: { "X-Team": "voice" } });
    await client.GET("/voice_clones", { headers: { "X-Trace": "t1", accept: "application/vnd.api+json" } });
    const { headers } = server.requests[0]!;
    expect([
      headers["x-trace"],
      headers["x-team"],
      headers.authorization,
      headers["user-agent"],
      headers.accept,
    ]).toEqual(["t1", "voice", "Bearer test-key", "telnyx-typed/0.1.0", "application/vnd.api+json"]);
  });

  it("a header parameter takes the path with merged headers too", async () => {
    const client = createClient({ apiKey: "test-key", baseUrl: server.url });
    await client.GET("/voice_clones", { params: { header: { "X-Param": "p" } } as never });
    expect([server.requests[0]!.headers["x-param"], server.requests[0]!.headers.authorization]).toEqual([
      "p",
      "Bearer test-key",
    ]);
  });
});

describe("openapi-fetch's contract", () => {
  it.each([204, 205, 304])(
    "a %i answer, which never has a body, comes back with neither data nor error",
    async (status) => {
      server.script({ status });
      const { data, error, response } = await createClient({
        apiKey: "test-key",
        baseUrl: server.url,
        maxRetries: 0,
      }).GET("/voice_clones");
      expect(response.status).toBe(status);
      expect(data).toBeUndefined();
      expect(error).toBeUndefined();
    },
  );

  it("{ data, error, response } for a 200, typed by the spec", async () => {
    const client: TelnyxClient = createClient({ apiKey: "test-key", baseUrl: server.url });
    const result = await client.GET("/voice_clones", { params: { query: { "page[size]": 20 } } });
    expect(result.data).toEqual(OK_BODY);
    expect(result.error).toBeUndefined();
    expect(result.response).toBeInstanceOf(Response);
    expectTypeOf(unwrap(result)).toEqualTypeOf<VoiceCloneListResponse>();
    expect(unwrap(result).data?.[0]?.name).toBe("clone");
  });

  it("an HTTP error comes back, it is not thrown", async () => {
    server.script({ status: 404, body: { errors: [{ title: "Not found" }] } });
    const client = createClient({ apiKey: "test-key", baseUrl: server.url });
    const result = await client.GET("/voice_clones");
    expect(result.response.status).toBe(404);
    expect(result.error).toEqual({ errors: [{ title: "Not found" }] });
  });

  it("middleware registered with use() still runs", async () => {
    const client = createClient({ apiKey: "test-key", baseUrl: server.url });
    const seen: string[] = [];
    client.use({
      onRequest: ({ request }) => {
        seen.push(`request ${request.method}`);
        request.headers.set("x-from-middleware", "1");
        return request;
      },
      onResponse: ({ response }) => void seen.push(`response ${response.status}`),
    });
    await client.GET("/voice_clones");
    expect(seen).toEqual(["request GET", "response 200"]);
    expect(server.requests[0]!.headers["x-from-middleware"]).toBe("1");
  });

  it("a custom fetch gets one Request per attempt, with a signal", async () => {
    server.script({ status: 503 });
    const calls: Request[] = [];
    const client = createClient({
      apiKey: "test-key",
      baseUrl: server.url,
      initialRetryDelayMs: 1,
      fetch: (request) => {
        calls.push(request);
        return fetch(request);
      },
    });
    const { response } = await client.GET("/voice_clones");
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(calls[0]).not.toBe(calls[1]);
    expect(
      calls.every(
        (r) =>
          r instanceof Request &&
          r.signal instanceof AbortSignal &&
          r.headers.get("authorization") === "Bearer test-key",
      ),
    ).toBe(true);
  });

  it("a per-call fetch replaces the client's for that call (openapi-fetch's per-request option): no retries or time limit of ours", async () => {
    server.script({ status: 500 });
    let count = 0;
    const client = createClient({ apiKey: "test-key", baseUrl: server.url, initialRetryDelayMs: 1 });
    const { response } = await client.GET("/voice_clones", {
      fetch: (request: Request) => {
        count++;
        return fetch(request);
      },
    });
    expect(response.status).toBe(500);
    expect(count).toBe(1);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer test-key");
  });

  it("client.request() goes through the same path", async () => {
    server.script({ status: 500 });
    const client = createClient({ apiKey: "test-key", baseUrl: server.url, initialRetryDelayMs: 1 });
    const { response } = await client.request("get", "/voice_clones");
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });
});

describe("version", () => {
  it("src/version.ts matches package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      name: string;
      version: string;
    };
    expect(PACKAGE_NAME).toBe(pkg.name);
    expect(VERSION).toBe(pkg.version);
    expect(USER_AGENT).toBe(`${pkg.name}/${pkg.version}`);
  });
});
