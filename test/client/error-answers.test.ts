/**
 * How error answers reach the caller, end to end: openapi-fetch's
 * `{ error, response }`, then `unwrap` (or the paginator) turning it into the
 * ApiError of the status, whatever the body was.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/client.js";
import {
  ApiError,
  AuthenticationError,
  InternalServerError,
  InvalidResponseError,
  TelnyxError,
  unwrap,
} from "../../src/errors.js";
import { startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
});

const list = () => createClient({ apiKey: "test-key", baseUrl: server.url, maxRetries: 0 }).GET("/voice_clones");
const unwrapped = () =>
  list()
    .then((result) => unwrap(result))
    .catch((error: unknown) => error);

describe("error bodies", () => {
  it("empty 500 body with Content-Length: 0 (openapi-fetch's error is undefined)", async () => {
    server.script({ status: 500 });
    const result = await list();
    expect(result.error).toBeUndefined();
    expect(result.data).toBeUndefined();
    expect(() => unwrap(result)).toThrow(InternalServerError);
    expect(() => unwrap(result)).toThrow("500 Internal Server Error: empty response body");
  });

  it('empty chunked 500 body (openapi-fetch\'s error is "", falsy): never taken for success', async () => {
    server.script({ status: 500, body: "", chunked: true });
    const result = await list();
    expect(result.error).toBe("");
    expect(() => unwrap(result)).toThrow(InternalServerError);
    expect(() => unwrap(result)).toThrow("500 Internal Server Error: empty response body");
  });

  it("HTML 502 from a gateway: InternalServerError naming the page title", async () => {
    server.script({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
    });
    const error = (await unwrapped()) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
    expect(error.message).toBe('502 Bad Gateway: HTML body "502 Bad Gateway" (not JSON: a proxy or gateway answered?)');
  });

  it("plain-text 503", async () => {
    server.script({
      status: 503,
      headers: { "content-type": "text/plain" },
      body: "upstream connect error\n  or disconnect",
    });
    const error = (await unwrapped()) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('503 Service Unavailable: non-JSON body "upstream connect error or disconnect"');
  });

  it("401 with the spec's error envelope: AuthenticationError with errors[0].code", async () => {
    server.script({
      status: 401,
      headers: { "x-request-id": "req-123" },
      body: {
        errors: [
          {
            code: "10009",
            title: "Authentication failed",
            detail: "The API key looks malformed.",
            source: { pointer: "/headers/authorization" },
          },
        ],
      },
    });
    const error = (await unwrapped()) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(TelnyxError);
    expect(error.status).toBe(401);
    expect(error.errors[0]?.code).toBe("10009");
    expect(error.errors[0]?.source?.pointer).toBe("/headers/authorization");
    expect(error.requestId).toBe("req-123");
    expect(error.headers["x-request-id"]).toBe("req-123");
    expect(error.message).toBe(
      "401 Authentication failed: The API key looks malformed. (code 10009; at /headers/authorization; request id req-123)",
    );
  });
});

describe("2xx answers that are not JSON", () => {
  it("200 text/html: InvalidResponseError, not a SyntaxError", async () => {
    server.script({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "x-request-id": "r-9" },
      body: "<html><title>Captive portal</title></html>",
    });
    const error = (await list().catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(200);
    expect(error.contentType).toBe("text/html; charset=utf-8");
    expect(error.requestId).toBe("r-9");
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/voice_clones answered 200 with text\/html; charset=utf-8, not valid JSON: HTML body "Captive portal" .* \(request id r-9\)$/,
    );
  });

  it("200 application/json that does not parse: InvalidResponseError", async () => {
    server.script({ status: 200, headers: { "content-type": "application/json" }, body: '{"data": [' });
    const error = (await list().catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/voice_clones answered 200 with application\/json, not valid JSON: .*JSON/,
    );
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("200 without a content type and a text body: InvalidResponseError", async () => {
    server.script({ status: 200, body: "OK", chunked: true });
    await expect(list()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('parseAs: "text" reads any body', async () => {
    server.script({ status: 200, headers: { "content-type": "text/csv" }, body: "a,b" });
    const client = createClient({ apiKey: "test-key", baseUrl: server.url });
    const { data } = await client.GET("/voice_clones", { parseAs: "text" });
    expect(data).toBe("a,b");
  });

  it("application/vnd.api+json is JSON", async () => {
    server.script({ status: 200, headers: { "content-type": "application/vnd.api+json" }, body: '{"data":[]}' });
    expect((await list()).data).toEqual({ data: [] });
  });
});
