/** The error classes and their one factory, on real `Response` objects. */
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  apiErrorClassFor,
  apiErrorFromResponse,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  TelnyxError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
} from "../../src/errors.js";
// The seed's ErrorObject: the real spec types `source` as a free-form object (or null), which the runtime narrows.
import type { ErrorObject } from "../fixtures/seed/generated/schema.js";
import type { ApiErrorObject } from "../../src/errors.js";

const answer = (status: number, body?: string, headers: Record<string, string> = {}) =>
  new Response(body ?? null, { status, headers });

describe("apiErrorFromResponse picks the class from the status", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [599, InternalServerError],
    [402, ApiError],
    [418, ApiError],
    [302, ApiError],
  ] as const)("%i -> %o", (status, cls) => {
    const error = apiErrorFromResponse(answer(status), undefined);
    expect(error.constructor).toBe(cls);
    expect(apiErrorClassFor(status)).toBe(cls);
    expect(error.status).toBe(status);
    expect(error.name).toBe(cls.name);
    expect(String(error)).toMatch(new RegExp(`^${cls.name}: ${status} `));
    expect(error.stack).toMatch(new RegExp(`^${cls.name}: ${status} `));
  });
});

describe("messages", () => {
  it.each([
    [
      "the first error's title and detail",
      { errors: [{ title: "Invalid parameter", detail: "sort is not one of name, -name" }] },
      "400 Invalid parameter: sort is not one of name, -name",
    ],
    ["title only", { errors: [{ title: "Invalid parameter" }] }, "400 Invalid parameter"],
    ["detail equal to title, once", { errors: [{ title: "Bad", detail: "Bad" }] }, "400 Bad"],
    ["a numeric code", { errors: [{ code: 10015, title: "Bad" }] }, "400 Bad (code 10015)"],
    ["more errors counted", { errors: [{ title: "A" }, { title: "B" }, { title: "C" }] }, "400 A (2 more errors)"],
    ["an envelope with no usable error", { errors: [{ foo: 1 }] }, '400 Bad Request: JSON body {"errors":[{"foo":1}]}'],
    ["another JSON shape with a message", { message: "quota exceeded" }, "400 Bad Request: quota exceeded"],
    ["a JSON string", "just text", '400 Bad Request: non-JSON body "just text"'],
    ["blank text", "   ", "400 Bad Request: blank response body"],
    ["nothing", undefined, "400 Bad Request: empty response body"],
    ["empty string", "", "400 Bad Request: empty response body"],
  ])("%s", (_name, body, message) => {
    const response = new Response(null, { status: 400, statusText: "Bad Request" });
    expect(apiErrorFromResponse(response, body).message).toBe(message);
  });

  it("long bodies are clipped", () => {
    const error = apiErrorFromResponse(answer(500), "x".repeat(5000));
    expect(error.message.length).toBeLessThan(300);
  });

  it("the page and request id are named", () => {
    const error = apiErrorFromResponse(
      answer(404, undefined, { "x-request-id": "abc" }),
      { errors: [{ title: "Gone" }] },
      { page: 3 },
    );
    expect(error.message).toBe("404 Gone (page 3; request id abc)");
    expect(error.page).toBe(3);
    expect(error.requestId).toBe("abc");
  });

  it("no page property unless paging", () => {
    const error = apiErrorFromResponse(answer(404), undefined);
    expect("page" in error).toBe(false);
    expect(error.page).toBeUndefined();
  });
});

describe("errors[]", () => {
  it("keeps the spec's fields, typed, and drops the rest", () => {
    const error = apiErrorFromResponse(answer(422), {
      errors: [
        { code: "10002", title: "T", detail: "D", source: { pointer: "/name", other: 1 }, meta: { x: 1 } },
        "junk",
        { title: 5, detail: "only detail" },
      ],
    });
    expect(error.errors).toEqual([
      { code: "10002", title: "T", detail: "D", source: { pointer: "/name" } },
      { detail: "only detail" },
    ]);
  });

  it("keeps a structured detail (Telnyx's changeset errors), and says it in the message", () => {
    const error = apiErrorFromResponse(answer(422), {
      errors: [{ code: "10015", title: "Invalid", detail: { name: ["can't be blank"] } }],
    });
    expect(error.errors).toEqual([{ code: "10015", title: "Invalid", detail: { name: ["can't be blank"] } }]);
    expect(error.message).toContain(`Invalid: {"name":["can't be blank"]}`);
  });

  it("the spec's ErrorObject is assignable to ApiErrorObject", () => {
    const fromSpec: ErrorObject = { code: "1", title: "t", detail: "d", source: { pointer: "/p" } };
    const mine: ApiErrorObject = fromSpec;
    expect(mine).toBe(fromSpec);
  });
});

describe("unwrap", () => {
  it("returns data of a 2xx", () => {
    expect(unwrap({ data: { a: 1 }, response: answer(200) })).toEqual({ a: 1 });
    expect(unwrap({ data: undefined, response: answer(204) })).toBeUndefined();
  });

  it.each([
    ["undefined", undefined],
    ["empty string", ""],
    ["null", null],
    ["0", 0],
  ])("throws on a non-2xx whose error is falsy (%s)", (_name, error) => {
    expect(() => unwrap({ error, response: answer(503) })).toThrow(InternalServerError);
  });

  it("passes the page on", () => {
    const thrown = (() => {
      try {
        unwrap({ error: { errors: [{ title: "x" }] }, response: answer(500) }, { page: 7 });
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(thrown?.page).toBe(7);
  });
});

describe("the hierarchy", () => {
  it("every error extends TelnyxError; TimeoutError is a ConnectionError", () => {
    const cause = new Error("inner");
    const timeout = new TimeoutError("t", { attempts: 3, cause });
    expect(timeout).toBeInstanceOf(ConnectionError);
    expect(timeout).toBeInstanceOf(TelnyxError);
    expect(timeout.cause).toBe(cause);
    expect(timeout.attempts).toBe(3);
    expect(new AbortError("a")).toBeInstanceOf(TelnyxError);
    expect(new AbortError("a").name).toBe("AbortError");
    expect(new ConnectionError("c", { attempts: 1 })).not.toHaveProperty("status");
  });

  it("PaginationError carries the page and names it", () => {
    const named = new PaginationError("GET /voice_clones page 4: the same items as page 3", { page: 4 });
    expect(named.page).toBe(4);
    expect(named.message).toBe("GET /voice_clones page 4: the same items as page 3");
    const unnamed = new PaginationError("the server repeats itself", { page: 2 });
    expect(unnamed.message).toBe("the server repeats itself (page 2)");
    expect(unnamed).toBeInstanceOf(TelnyxError);
    expect(JSON.parse(JSON.stringify(unnamed))).toEqual({
      name: "PaginationError",
      message: "the server repeats itself (page 2)",
      page: 2,
    });
  });

  it("toJSON gives the useful fields", () => {
    const error = apiErrorFromResponse(answer(429, undefined, { "x-request-id": "r" }), {
      errors: [{ code: "1", title: "Slow down" }],
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "RateLimitError",
      message: "429 Slow down (code 1; request id r)",
      status: 429,
      errors: [{ code: "1", title: "Slow down" }],
      requestId: "r",
      headers: { "x-request-id": "r" },
    });
  });
});
