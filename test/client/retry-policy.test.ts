/** The pure retry functions, called directly. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULTS } from "../../src/config.js";
import {
  backoffMs,
  isRetryableRequest,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
  retryDelayMs,
  shouldRetry,
  sleep,
} from "../../src/fetch/retry-policy.js";

const headers = (init: Record<string, string> = {}) => new Headers(init);
const NOW = Date.parse("2025-01-01T00:00:00Z");

describe("shouldRetry", () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [200, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
  ])("status %i -> %s", (status, want) => {
    expect(isRetryableStatus(status)).toBe(want);
    expect(shouldRetry({ status, headers: headers() })).toBe(want);
  });

  it("x-should-retry wins over the status", () => {
    expect(shouldRetry({ status: 500, headers: headers({ "x-should-retry": "false" }) })).toBe(false);
    expect(shouldRetry({ status: 400, headers: headers({ "x-should-retry": "true" }) })).toBe(true);
    expect(shouldRetry({ status: 500, headers: headers({ "x-should-retry": "maybe" }) })).toBe(true);
  });
});

describe("isRetryableRequest", () => {
  it.each([
    ["GET", true],
    ["get", true],
    ["HEAD", true],
    ["OPTIONS", true],
    ["PUT", true],
    ["DELETE", true],
    ["POST", false],
    ["PATCH", false],
  ])("%s -> %s", (method, want) => {
    expect(isRetryableRequest(method, headers())).toBe(want);
  });

  it("an Idempotency-Key makes any method retryable", () => {
    expect(isRetryableRequest("POST", headers({ "Idempotency-Key": "k" }))).toBe(true);
    expect(isRetryableRequest("PATCH", headers({ "idempotency-key": "k" }))).toBe(true);
  });
});

describe("retryAfterMs", () => {
  it.each([
    [{ "retry-after-ms": "250" }, 250],
    [{ "retry-after-ms": "0" }, 0],
    [{ "retry-after-ms": "12.5" }, 12.5],
    [{ "retry-after-ms": "250", "retry-after": "9" }, 250],
    [{ "retry-after-ms": "soon", "retry-after": "2" }, 2000],
    [{ "retry-after": "1" }, 1000],
    [{ "retry-after": "1.5" }, 1500],
    [{ "retry-after": " 3 " }, 3000],
    [{ "retry-after": "120" }, MAX_RETRY_AFTER_MS],
    [{ "retry-after-ms": "999999999" }, MAX_RETRY_AFTER_MS],
    [{ "retry-after": "Wed, 01 Jan 2025 00:00:05 GMT" }, 5000],
    [{ "retry-after": "Wed, 01 Jan 2025 01:00:00 GMT" }, MAX_RETRY_AFTER_MS],
    [{ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" }, undefined],
    [{ "retry-after": "-1" }, undefined],
    [{ "retry-after": "later" }, undefined],
    [{}, undefined],
  ])("%o -> %s", (init, want) => {
    expect(retryAfterMs(headers(init), NOW)).toBe(want);
  });
});

/** The client's default backoff. */
const BACKOFF = { initialDelayMs: DEFAULTS.initialRetryDelayMs, maxDelayMs: DEFAULTS.maxRetryDelayMs };

describe("backoffMs", () => {
  const none = () => 0;
  const most = () => 0.999999;
  it("doubles from 0.5 s up to 8 s by default", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => backoffMs(retry, BACKOFF, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
  it("jitter takes off at most 25 %", () => {
    expect(backoffMs(0, BACKOFF, most)).toBeCloseTo(375, 0);
    for (let i = 0; i < 200; i++) {
      const ms = backoffMs(1, BACKOFF);
      expect(ms).toBeGreaterThan(750);
      expect(ms).toBeLessThanOrEqual(1000);
    }
  });
  it("follows the options", () => {
    expect(backoffMs(3, { initialDelayMs: 10, maxDelayMs: 50 }, none)).toBe(50);
  });
});

describe("retryDelayMs", () => {
  it("the server's wait, else the backoff", () => {
    expect(retryDelayMs(headers({ "retry-after": "2" }), 0, BACKOFF, () => 0, NOW)).toBe(2000);
    expect(retryDelayMs(headers({ "retry-after": "0" }), 3, BACKOFF, () => 0, NOW)).toBe(0);
    expect(retryDelayMs(headers(), 1, BACKOFF, () => 0, NOW)).toBe(1000);
    expect(retryDelayMs(undefined, 2, BACKOFF, () => 0, NOW)).toBe(2000);
  });
});

describe("sleep (fake timers: no test reads the clock)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits the time given, no less", async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = sleep(30).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(29);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });
  it("rejects at once when the signal aborts, with its reason, and leaves no timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(vi.getTimerCount()).toBe(0);
  });
  it("rejects when the signal is already aborted", async () => {
    await expect(sleep(10, AbortSignal.abort(new Error("before")))).rejects.toThrow("before");
  });
});
