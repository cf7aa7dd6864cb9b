/**
 * The Request objects around the client: middleware sees openapi-fetch's
 * real `Request` (and may replace it); a custom fetch gets one new `Request`
 * per attempt; either way bodies are resent on retries and request options
 * (a custom Request class, redirect, cache) reach fetch.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type TelnyxClientOptions } from "../../src/client.js";
import { startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
});

const client = (options: TelnyxClientOptions = {}) =>
  createClient({ apiKey: "test-key", baseUrl: server.url, initialRetryDelayMs: 1, ...options });
// /voice_clones has no POST in the seed spec; the runtime is the same for every method.
const post = (c: ReturnType<typeof client>, init: object) =>
  c.POST("/voice_clones" as never, init as never) as Promise<{ response: Response }>;

describe("with middleware", () => {
  it("onRequest gets a real Request carrying the URL, method, headers and body; one it returns is sent", async () => {
    const c = client();
    const seen: unknown[] = [];
    c.use({
      async onRequest({ request }) {
        seen.push(
          request instanceof Request,
          request.method,
          request.url,
          request.headers.get("authorization"),
          await request.clone().text(),
        );
        return new Request(request, { headers: { ...Object.fromEntries(request.headers), "x-replaced": "yes" } });
      },
    });
    await post(c, { body: { name: "a" } });
    expect(seen).toEqual([true, "POST", `${server.url}/voice_clones`, "Bearer test-key", '{"name":"a"}']);
    expect(server.requests[0]!.headers["x-replaced"]).toBe("yes");
    expect(server.requests[0]!.body).toBe('{"name":"a"}');
  });

  it("a retried POST (Idempotency-Key) resends the middleware's Request body, byte for byte", async () => {
    const c = client();
    c.use({ onRequest: ({ request }) => request });
    server.script({ status: 503 }, { reset: true });
    const { response } = await post(c, { body: { name: "ñ \u{1F600}" }, headers: { "Idempotency-Key": "k1" } });
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.body)).toEqual(Array(3).fill(JSON.stringify({ name: "ñ \u{1F600}" })));
  });

  it("per-call middleware gets a real Request too", async () => {
    const kinds: boolean[] = [];
    await client().GET("/voice_clones", {
      middleware: [{ onRequest: ({ request }) => void kinds.push(request instanceof Request) }],
    });
    expect(kinds).toEqual([true]);
  });

  it("a middleware's Response is returned without any request", async () => {
    const c = client();
    c.use({ onRequest: () => Response.json({ data: [] }) });
    const { data } = await c.GET("/voice_clones");
    expect(data).toEqual({ data: [] });
    expect(server.requests).toHaveLength(0);
  });
});

describe("a custom fetch, request options", () => {
  it("a custom fetch still gets a real Request per attempt, with the body", async () => {
    server.script({ status: 503 });
    const bodies: string[] = [];
    const c = client({
      fetch: async (request) => {
        expect(request).toBeInstanceOf(Request);
        bodies.push(await request.clone().text());
        return fetch(request);
      },
    });
    await post(c, { body: { n: 1 }, headers: { "Idempotency-Key": "k2" } });
    expect(bodies).toEqual(['{"n":1}', '{"n":1}']);
  });

  it("a stream body (custom bodySerializer) is read once and resent on each retry", async () => {
    server.script({ status: 502 }, { status: 502 });
    const stream = () => new Blob(["streamed ", "body"]).stream();
    const { response } = await post(client(), {
      body: {},
      bodySerializer: stream,
      duplex: "half",
      headers: { "Idempotency-Key": "k3", "content-type": "text/plain" },
    });
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.body)).toEqual(["streamed body", "streamed body", "streamed body"]);
  });

  it("the caller's own Request class wins", async () => {
    let built = 0;
    class CountingRequest extends Request {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        built++;
      }
    }
    const { response } = await client().GET("/voice_clones", { Request: CountingRequest } as never);
    expect(response.status).toBe(200);
    expect(built).toBe(1);
  });

  it("request options such as cache and redirect reach fetch", async () => {
    server.script({ status: 302, headers: { location: "/v2/moved" } });
    const { response } = await client().GET("/voice_clones", { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });
});
