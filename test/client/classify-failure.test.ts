/**
 * `classifyFailure`, called directly: what an attempt without a usable
 * response becomes, and whether another attempt may help.
 */
import { describe, expect, it } from "vitest";
import { AbortError, ConnectionError, InvalidResponseError, TimeoutError } from "../../src/errors.js";
import { classifyFailure, type FailedAttempt } from "../../src/fetch/classify-failure.js";

const KEY = "SECRET-KEY-123";
const request = (signal?: AbortSignal) =>
  new Request(`http://127.0.0.1/voice_clones?cursor=${KEY}`, signal && { signal });
const attempt = (over: Partial<FailedAttempt> = {}): FailedAttempt => ({
  request: request(),
  attempt: 2,
  total: 3,
  timeoutMs: 150,
  timedOut: false,
  status: undefined,
  secret: KEY,
  ...over,
});
const socket = new TypeError("fetch failed", {
  cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
});

describe("classifyFailure", () => {
  it.each([
    [
      "a connection failure",
      socket,
      {},
      ConnectionError,
      true,
      "failed: fetch failed: other side closed (UND_ERR_SOCKET) (attempt 2 of 3)",
    ],
    [
      "a connection failure while reading the body",
      socket,
      { status: 200 },
      ConnectionError,
      true,
      "failed while reading the 200 answer",
    ],
    [
      "no response in time",
      new DOMException("late", "TimeoutError"),
      { timedOut: true },
      TimeoutError,
      true,
      "no answer within timeoutMs (150 ms) on attempt 2 of 3",
    ],
    [
      "a body that took too long",
      new DOMException("late", "TimeoutError"),
      { timedOut: true, status: 200 },
      TimeoutError,
      true,
      "reading the 200 answer took longer",
    ],
    [
      "an error of this package (a body too large)",
      new InvalidResponseError("too large", { status: 200 }),
      {},
      InvalidResponseError,
      false,
      "too large",
    ],
  ] as const)("%s", (_name, cause, over, ErrorClass, retryable, text) => {
    const failure = classifyFailure(cause, attempt(over));
    expect(failure.error).toBeInstanceOf(ErrorClass);
    expect(failure.retryable).toBe(retryable);
    expect(failure.error.message).toContain(text);
    expect(failure.error.message).not.toContain(KEY);
  });

  it("the caller's abort wins over any cause, and is never retried", () => {
    const controller = new AbortController();
    controller.abort(new Error("user left"));
    const failure = classifyFailure(socket, attempt({ request: request(controller.signal), timedOut: true }));
    expect(failure.error).toBeInstanceOf(AbortError);
    expect(failure.retryable).toBe(false);
    expect(failure.error.message).toBe(
      "GET http://127.0.0.1/voice_clones?cursor=*** was aborted by the caller's signal: user left",
    );
  });
});
