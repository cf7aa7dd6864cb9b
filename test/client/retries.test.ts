/**
 * Retries, timeouts and aborts against a real fault server. Backoff is
 * shortened (initialRetryDelayMs) wherever waiting is not what is tested;
 * where the delay is what is tested, the retrying fetch gets a sleep that
 * records it. No test reads the clock.
 */
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type TelnyxClientOptions } from "../../src/client.js";
import {
  AbortError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
  unwrap,
} from "../../src/errors.js";
import { OK_BODY, startFaultServer, type FaultServer } from "../helpers/fault-server.js";
import { collectGarbage } from "../helpers/gc.js";
import { DEFAULTS } from "../../src/config.js";
import { createRetryingFetch, type RetryingFetchOptions } from "../../src/fetch/retrying-fetch.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
});

const client = (options: TelnyxClientOptions = {}) =>
  createClient({ apiKey: "test-key", baseUrl: server.url, initialRetryDelayMs: 5, maxRetryDelayMs: 20, ...options });
const list = (c = client(), init: { signal?: AbortSignal } = {}) =>
  c.GET("/voice_clones", { params: { query: { "page[size]": 20 } }, ...init });

/** The client's retrying fetch, with a sleep that records each delay and returns at once (no test waits for real). */
function recordingFetch(options: Partial<RetryingFetchOptions> = {}) {
  const delays: number[] = [];
  const send = createRetryingFetch({
    maxRetries: 2,
    timeoutMs: 5_000,
    backoff: { initialDelayMs: DEFAULTS.initialRetryDelayMs, maxDelayMs: DEFAULTS.maxRetryDelayMs },
    maxBodyBytes: 1024 * 1024,
    log: {},
    secret: "test-key",
    sleep: async (ms) => void delays.push(ms),
    ...options,
  });
  return { send, delays };
}

describe("retries on answers", () => {
  it("503, 503, 200: succeeds on the third attempt", async () => {
    server.script({ status: 503 }, { status: 503 });
    const { data, error, response } = await list();
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual(OK_BODY);
    expect(server.requests).toHaveLength(3);
  });

  it("three 503s: the third answer is returned and unwrap throws InternalServerError after 3 attempts", async () => {
    server.fallback = { status: 503, body: { errors: [{ title: "Service unavailable" }] } };
    const result = await list();
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(() => unwrap(result)).toThrow(InternalServerError);
  });

  it.each([408, 409, 429, 500, 502, 504])("retries %i", async (status) => {
    server.script({ status });
    expect((await list()).response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 422])("does not retry %i", async (status) => {
    server.script({ status, body: { errors: [{ title: "no" }] } });
    const result = await list();
    expect(result.response.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it("400: one attempt, BadRequestError", async () => {
    server.script({
      status: 400,
      body: { errors: [{ code: "10015", title: "Bad Request", detail: "page[size] must be <= 250" }] },
    });
    const error = await list()
      .then((result) => unwrap(result))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(1);
  });

  it("x-should-retry: false on a 500: one attempt", async () => {
    server.script({ status: 500, headers: { "x-should-retry": "false" } });
    expect((await list()).response.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  it("x-should-retry: true on a 400: retried", async () => {
    server.script({ status: 400, headers: { "x-should-retry": "true" } });
    expect((await list()).response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("429 with Retry-After: 1 waits 1 s (the header beats the 5 ms backoff)", async () => {
    server.script({ status: 429, headers: { "retry-after": "1" } });
    const { send, delays } = recordingFetch({ backoff: { initialDelayMs: 5, maxDelayMs: 20 } });
    expect((await send(new Request(`${server.url}/voice_clones`))).status).toBe(200);
    expect(delays).toEqual([1_000]);
  });

  it("retry-after-ms wins over Retry-After", async () => {
    server.script({ status: 429, headers: { "retry-after-ms": "150", "retry-after": "30" } });
    const { send, delays } = recordingFetch();
    expect((await send(new Request(`${server.url}/voice_clones`))).status).toBe(200);
    expect(delays).toEqual([150]);
  });

  it("maxRetries: 0 sends once; the 429 ends as RateLimitError", async () => {
    server.script({ status: 429, headers: { "retry-after": "0" } });
    const result = await list(client({ maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
    expect(() => unwrap(result)).toThrow(RateLimitError);
  });

  it("backs off 0.5 s then 1 s by default (with up to 25 % jitter)", async () => {
    server.script({ status: 500 }, { status: 500 });
    const { send, delays } = recordingFetch();
    expect((await send(new Request(`${server.url}/voice_clones`))).status).toBe(200);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(375);
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeGreaterThanOrEqual(750);
    expect(delays[1]).toBeLessThanOrEqual(1_000);
  });
});

describe("which requests are retried", () => {
  const post = (c: ReturnType<typeof client>, headers: Record<string, string> = {}) =>
    // /voice_clones has no POST in the seed spec; the runtime is the same for every method.
    c.POST("/voice_clones" as never, { body: { name: "a ñ \u{1F600}" }, headers } as never) as Promise<{
      response: Response;
    }>;

  it("a POST is sent once", async () => {
    server.script({ status: 503 });
    expect((await post(client())).response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("a POST with an Idempotency-Key is retried and its body sent again, byte for byte", async () => {
    server.script({ status: 503 }, { reset: true });
    expect((await post(client(), { "Idempotency-Key": "abc" })).response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    const bodies = server.requests.map((r) => r.body);
    expect(bodies[0]).toBe(JSON.stringify({ name: "a ñ \u{1F600}" }));
    expect(new Set(bodies).size).toBe(1);
  });

  it("x-should-retry: true does not make a POST retryable (the method rule comes first)", async () => {
    server.script({ status: 503, headers: { "x-should-retry": "true" } });
    expect((await post(client())).response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("PUT and DELETE are retried", async () => {
    const c = client();
    server.script({ status: 502 });
    await c.PUT("/voice_clones" as never, { body: { a: 1 } } as never);
    server.script({ status: 502 });
    await c.DELETE("/voice_clones" as never, {} as never);
    expect(server.requests.map((r) => r.method)).toEqual(["PUT", "PUT", "DELETE", "DELETE"]);
  });
});

describe("no answer", () => {
  it("connection reset on every attempt: ConnectionError after the retries", async () => {
    server.fallback = { reset: true };
    const error = await list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).attempts).toBe(3);
    expect((error as Error).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/voice_clones\?page\[size\]=20 failed: fetch failed: .+ \(attempt 3 of 3\)$/,
    );
    expect(server.requests).toHaveLength(3);
  });

  it("a reset, then an answer: recovered", async () => {
    server.script({ reset: true });
    expect((await list()).response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("connection refused: ConnectionError", async () => {
    const url = server.url;
    await server.close();
    const error = await list(
      createClient({ apiKey: "test-key", baseUrl: url, maxRetries: 1, initialRetryDelayMs: 1 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("ECONNREFUSED");
    server = await startFaultServer();
  });

  it("a server that never answers: TimeoutError per attempt", async () => {
    server.fallback = { hang: true };
    const error = await list(client({ timeoutMs: 150, initialRetryDelayMs: 1, maxRetryDelayMs: 1 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as TimeoutError).attempts).toBe(3);
    expect((error as Error).message).toContain("no answer within timeoutMs (150 ms) on attempt 3 of 3");
    expect(server.requests).toHaveLength(3);
  });

  it("the timeout is per attempt: a slow first attempt times out, the second succeeds", async () => {
    server.script({ hang: true });
    const result = await list(client({ timeoutMs: 200 }));
    expect(result.response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("headers then a stalled body, on every attempt: TimeoutError (the time limit covers the body)", async () => {
    server.fallback = { status: 200, body: OK_BODY, cut: "hang" };
    const error = await list(client({ timeoutMs: 150 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain(
      "reading the 200 answer took longer than timeoutMs (150 ms) (attempt 3 of 3)",
    );
    expect(server.requests).toHaveLength(3);
  });

  it("headers then a reset, on every attempt: ConnectionError", async () => {
    server.fallback = { status: 200, body: OK_BODY, cut: "reset" };
    const error = await list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/failed while reading the 200 answer: .+ \(attempt 3 of 3\)$/);
  });

  it("a body cut off once is a failed attempt like any other: retried", async () => {
    server.script({ status: 200, body: OK_BODY, cut: "reset" });
    const { data } = await list();
    expect(data).toEqual(OK_BODY);
    expect(server.requests).toHaveLength(2);
  });
});

describe("the caller's signal", () => {
  // A wait the abort failed to end would outlast the test's timeout: no clock is read.
  it("abort during the backoff: AbortError at once, no further attempt", { timeout: 5_000 }, async () => {
    server.script({ status: 503, headers: { "retry-after-ms": "60000" } });
    const controller = new AbortController();
    server.onRequest = () => setTimeout(() => controller.abort(), 30);
    const error = await list(client(), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).name).toBe("AbortError");
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(1);
  });

  it("abort while waiting for an answer: AbortError at once, not retried", { timeout: 5_000 }, async () => {
    server.fallback = { hang: true };
    const controller = new AbortController();
    server.onRequest = () => setTimeout(() => controller.abort(new Error("user left")), 30);
    const error = await list(client(), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toContain("aborted by the caller's signal: user left");
    expect(server.requests).toHaveLength(1);
  });

  it("an already aborted signal: AbortError, nothing sent", async () => {
    const error = await list(client(), { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("abort while the body is read: AbortError", async () => {
    server.script({ status: 200, body: OK_BODY, cut: "hang" });
    const controller = new AbortController();
    server.onRequest = () => setTimeout(() => controller.abort(), 50);
    const error = await list(client(), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
  });

  it("one long-lived signal for many calls is left with no listeners", async () => {
    const controller = new AbortController();
    const listeners = () => getEventListeners(controller.signal, "abort").length;
    const c = client();
    for (let i = 0; i < 30; i++) await list(c, { signal: controller.signal });
    server.script({ status: 503 }, { reset: true });
    await list(c, { signal: controller.signal });
    // openapi-fetch builds one Request per call with the caller's signal, and undici ties each
    // Request to it with a listener that garbage collection removes; the client adds none.
    expect(listeners()).toBeLessThanOrEqual(31);
    await collectGarbage(() => listeners() === 0);
    expect(listeners()).toBe(0);
  });

  it("a signal that never aborts changes nothing", async () => {
    server.script({ status: 500 });
    const result = await list(client(), { signal: new AbortController().signal });
    expect(result.response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });
});
