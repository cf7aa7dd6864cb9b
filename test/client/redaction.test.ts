/**
 * The API key never shows: not in messages, stacks, toString(), JSON,
 * util.inspect or log lines, even when the server echoes it back. The key
 * uses characters that JSON, URLs, regexes and String.replace treat specially.
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createClient, type Logger, type TelnyxClientOptions } from "../../src/client.js";
import {
  apiErrorFromResponse,
  AuthenticationError,
  ConnectionError,
  InvalidResponseError,
  PaginationError,
  TimeoutError,
  unwrap,
} from "../../src/errors.js";
import { paginate, type PageSpec } from "../../src/paginate/index.js";
import { redactHeaders, redactText } from "../../src/redact.js";
import { startFaultServer, type FaultServer } from "../helpers/fault-server.js";

const KEY = "KEY_ñ$&$'$`+/=%2F?#\"'<>\\{}|^~[]()*!;:@,.ÿ é-end";
/** Node's server writes header values as UTF-8, so only an ASCII key can be echoed in a header unchanged. */
const ASCII_KEY = "KEY_$&$'$`+/=%2F?#\"'<>\\{}|^~[]()*!;:@,. -end";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

/** Every way an error can be turned into text. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e.stack),
    String(e),
    e.toString(),
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
    inspect({ wrapped: e }, { depth: 10 }),
  ];
}

function expectNoKey(texts: readonly string[], key = KEY): void {
  for (const text of texts) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(0, 12));
    expect(text).not.toContain(JSON.stringify(key).slice(1, -1));
  }
}

const client = (options: TelnyxClientOptions = {}) =>
  createClient({ apiKey: KEY, baseUrl: server.url, initialRetryDelayMs: 1, ...options });

describe("the key on the wire", () => {
  it("is sent exactly, as a bearer token", async () => {
    await client().GET("/voice_clones");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

describe("errors", () => {
  it.each([
    ["Latin-1", KEY],
    ["ASCII", ASCII_KEY],
  ])(
    "a server echoing the %s key in its body and headers: the ApiError still does not contain it",
    async (_name, key) => {
      server.fallback = (request) => ({
        status: 401,
        headers: {
          "x-echo": String(request.headers.authorization),
          "set-cookie": "session=abc",
          "x-request-id": `id-${key}`,
        },
        body: {
          errors: [
            {
              code: "10009",
              title: `Invalid key ${key}`,
              detail: `You sent ${request.headers.authorization}`,
              source: { pointer: key },
            },
          ],
        },
      });
      const result = await client({ apiKey: key }).GET("/voice_clones");
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${key}`); // what the server echoes
      // The client's failed response comes with the key removed: result.error holds none.
      expect(result.error).toEqual({
        errors: [
          { code: "10009", title: "Invalid key ***", detail: "You sent Bearer ***", source: { pointer: "***" } },
        ],
      });
      expectNoKey([JSON.stringify(result.error)], key);
      if (key === ASCII_KEY) expect(result.response.headers.get("x-echo")).toBe("Bearer ***");
      let error: unknown;
      try {
        unwrap(result);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AuthenticationError);
      const api = error as AuthenticationError;
      expectNoKey(
        [...renderings(api), JSON.stringify(api.errors), JSON.stringify(api.headers), String(api.requestId)],
        key,
      );
      if (key === ASCII_KEY) {
        expect(api.headers["x-echo"]).toBe("Bearer ***");
        expect(api.requestId).toBe("id-***");
      }
      expect(api.headers["set-cookie"]).toBe("***");
      expect(api.errors[0]!.title).toBe("Invalid key ***");
      expect(api.message).toContain("401 Invalid key ***: You sent Bearer ***");
    },
  );

  it.each([
    ["JSON without the envelope (the key JSON-escaped in the summary)", { other: ASCII_KEY }],
    ["HTML (tags stripped and spaces folded in the summary)", `<html><body>${ASCII_KEY}  tail</body></html>`],
  ])("an error body that is %s: the ApiError does not contain the key", async (_name, body) => {
    server.fallback = { status: 500, headers: typeof body === "string" ? { "content-type": "text/html" } : {}, body };
    const result = await client({ apiKey: ASCII_KEY, maxRetries: 0 }).GET("/voice_clones");
    expect(() => unwrap(result)).toThrow();
    expectNoKey(renderings(apiErrorFromResponse(result.response, result.error)), ASCII_KEY);
  });

  it("the paginator's path (apiErrorFromResponse on the result) redacts too", async () => {
    server.fallback = { status: 500, body: `oops ${KEY}` };
    const { error, response } = await client({ maxRetries: 0 }).GET("/voice_clones");
    expectNoKey(renderings(apiErrorFromResponse(response, error, { page: 2 })));
  });

  it("an error built from a Response the client never saw: the secret passed explicitly is removed everywhere", () => {
    const body = {
      errors: [
        {
          code: "1",
          title: `bad ${ASCII_KEY}`,
          detail: `got ${encodeURIComponent(ASCII_KEY)}`,
          source: { pointer: ASCII_KEY },
        },
      ],
    };
    const response = new Response(JSON.stringify(body), {
      status: 401,
      headers: { "x-echo": ASCII_KEY, "x-request-id": `id-${ASCII_KEY}` },
    });
    const error = apiErrorFromResponse(response, body, { page: 3, secret: ASCII_KEY });
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoKey(
      [...renderings(error), JSON.stringify(error.errors), JSON.stringify(error.headers), String(error.requestId)],
      ASCII_KEY,
    );
    expect(error.message).toBe("401 bad ***: got *** (code 1; at ***; page 3; request id id-***)");
    let thrown: unknown;
    try {
      unwrap({ error: body, response }, { secret: ASCII_KEY });
    } catch (e) {
      thrown = e;
    }
    expectNoKey(renderings(thrown), ASCII_KEY);
  });

  it.each([
    ["a body that does not parse", { "content-type": "application/json; note=KEY" }, '{"token": "KEY" oops', {}],
    ["an HTML body", { "content-type": "text/html; note=KEY" }, "<html><title>KEY</title></html>", {}],
    [
      "a body over maxBodyBytes",
      { "content-type": "application/json; note=KEY" },
      '{"token": "KEY", "data": [1, 2, 3]}',
      { maxBodyBytes: 16 },
    ],
  ])(
    "InvalidResponseError (%s): the key echoed in the request id, the content type and the body is in none of its fields or its cause",
    async (_name, headers, body, options) => {
      const echo = (text: string) => text.split("KEY").join(ASCII_KEY);
      server.fallback = {
        status: 200,
        headers: {
          ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, echo(v)])),
          "x-request-id": `id-${ASCII_KEY}`,
        },
        body: echo(body),
      };
      const error = (await client({ apiKey: ASCII_KEY, ...options })
        .GET("/voice_clones")
        .catch((e: unknown) => e)) as InvalidResponseError;
      expect(error).toBeInstanceOf(InvalidResponseError);
      expectNoKey(
        [
          ...renderings(error),
          String(error.requestId),
          String(error.contentType),
          ...(error.cause === undefined ? [] : renderings(error.cause)),
        ],
        ASCII_KEY,
      );
      expect(error.requestId).toBe("id-***");
      expect(error.message).toMatch(/ \(request id id-\*\*\*\)$/);
      expect(error.contentType).toContain("note=***");
    },
  );

  it("ConnectionError and TimeoutError", async () => {
    server.fallback = { reset: true };
    const reset = await client()
      .GET("/voice_clones")
      .catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(ConnectionError);
    server.fallback = { hang: true };
    const timeout = await client({ timeoutMs: 50, maxRetries: 0 })
      .GET("/voice_clones")
      .catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(TimeoutError);
    expectNoKey([...renderings(reset), ...renderings(timeout)]);
  });

  it("configuration errors", () => {
    for (const bad of [`${KEY}\n`, `${KEY}\u{1F600}`, `a\r${KEY}`]) {
      let error: unknown;
      try {
        createClient({ apiKey: bad, baseUrl: server.url });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expectNoKey(renderings(error));
    }
  });

  it("the client object itself", () => {
    const c = client();
    expectNoKey([inspect(c, { depth: 10, showHidden: true }), JSON.stringify(c), String(c)]);
  });
});

describe("debug logging", () => {
  function capture(): { logger: Logger; lines: string[] } {
    const lines: string[] = [];
    const push = (line: string) => void lines.push(line);
    return { logger: { debug: push, info: push, warn: push, error: push }, lines };
  }

  it("prints method, URL, status, attempt and time, with secret headers as ***", async () => {
    server.script({ status: 503, headers: { "set-cookie": "s=1", "x-echo": `Bearer ${KEY}` } });
    const { logger, lines } = capture();
    await client({ logLevel: "debug", logger }).GET("/voice_clones", {
      headers: { "x-api-key": "other-secret", cookie: "c=1", "api-key": "k2" },
    });
    expectNoKey(lines);
    const text = lines.join("\n");
    expect(text).not.toContain("other-secret");
    expect(text).not.toContain("s=1");
    expect(lines.filter((l) => l.includes("-> GET"))).toHaveLength(2);
    expect(text).toMatch(
      /\[telnyx-typed\] -> GET http:\/\/127\.0\.0\.1:\d+\/voice_clones \(attempt 1 of 3\) headers \{/,
    );
    expect(text).toMatch(/<- 503 GET http:\/\/127\.0\.0\.1:\d+\/voice_clones \(attempt 1 of 3\) in \d+ ms headers/);
    expect(text).toMatch(/retrying GET .* in \d+ ms \(attempt 2 of 3\) after 503/);
    expect(text).toMatch(/<- 200 GET .* \(attempt 2 of 3\) in \d+ ms/);
    for (const name of ["authorization", "cookie", "x-api-key", "api-key", "set-cookie"])
      expect(text).toContain(`"${name}":"***"`);
    expect(text).toContain('"x-echo":"Bearer ***"');
  });

  it("TELNYX_LOG=debug turns it on; off by default", async () => {
    const quiet = capture();
    await client({ logger: quiet.logger }).GET("/voice_clones");
    expect(quiet.lines).toEqual([]);
    vi.stubEnv("TELNYX_LOG", "debug");
    const loud = capture();
    await client({ logger: loud.logger }).GET("/voice_clones");
    expect(loud.lines).toHaveLength(2);
    expectNoKey(loud.lines);
  });

  it("info shows retries only", async () => {
    server.script({ reset: true });
    const { logger, lines } = capture();
    await client({ logLevel: "info", logger }).GET("/voice_clones");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/retrying GET .* \(attempt 2 of 3\) after ConnectionError/);
  });
});

describe("every form of the key (issue 21, item 2)", () => {
  const forms = (key: string): [string, string][] => [
    ["raw", key],
    ["encodeURIComponent", encodeURIComponent(key)],
    [
      "encodeURIComponent, lower-case hex",
      encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    ],
    ["form encoding (URLSearchParams)", new URLSearchParams({ cursor: key }).toString().slice("cursor=".length)],
    [
      "the WHATWG URL's query encoding",
      new URL(`http://127.0.0.1/?cursor=${key.replace(/[#&]/g, encodeURIComponent)}`).search.slice("?cursor=".length),
    ],
    ["encodeURI", encodeURI(key)],
    ["encoded twice", encodeURIComponent(encodeURIComponent(key))],
    ["JSON-escaped", JSON.stringify(key).slice(1, -1)],
    [
      "JSON-escaped, every character as \\uXXXX",
      [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    ],
    ["percent-encoded inside JSON", JSON.stringify(encodeURIComponent(key)).slice(1, -1)],
  ];

  it.each([
    ["Latin-1", KEY],
    ["ASCII", ASCII_KEY],
    ["a plain Telnyx-like key", "KEY0190ABCDEF+S3cr3t/xyz=="],
  ])("redactText removes each form of the %s key", (_name, key) => {
    for (const [form, text] of forms(key)) {
      expect(text, form).not.toBe("");
      expect(redactText(`before ${text} after`, key), form).toBe("before *** after");
    }
  });

  it("a key sent (percent-encoded) in the query of a call that times out: not in the TimeoutError, its JSON, util.inspect or the debug log", async () => {
    server.fallback = { hang: true };
    const lines: string[] = [];
    const push = (line: string) => void lines.push(line);
    const query = { cursor: ASCII_KEY, "page[size]": 1 } as never;
    const error = await client({
      apiKey: ASCII_KEY,
      timeoutMs: 50,
      maxRetries: 0,
      logLevel: "debug",
      logger: { debug: push, info: push, warn: push, error: push },
    })
      .GET("/voice_clones", { params: { query } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    const sent = /cursor=([^&]*)/.exec(server.requests[0]!.url)![1]!; // the key as the client encoded it on the wire
    expect(decodeURIComponent(sent)).toBe(ASCII_KEY);
    expect(sent).not.toBe(ASCII_KEY);
    for (const text of [...renderings(error), ...lines]) {
      expect(text).not.toContain(sent);
      expect(text).not.toContain(sent.slice(0, 16));
    }
    expectNoKey([...renderings(error), ...lines], ASCII_KEY);
    expect((error as Error).message).toMatch(/cursor=\*\*\*/);
  });
});

describe("a key a server hands back as the next cursor (issue 21, item 2, through the paginator)", () => {
  const spec = {
    style: "cursor",
    path: "/voice_clones",
    items: ["data"],
    cursorParam: "cursor",
    nextCursor: { body: ["meta", "next"] },
  } as unknown as PageSpec;
  const page = (next: string) => ({ status: 200, body: { data: [{ id: next.length }], meta: { next } } });

  it("the next page times out: the client sent the key percent-encoded, and the TimeoutError and the debug log hold it in no form", async () => {
    server.script(page(ASCII_KEY), { hang: true });
    const lines: string[] = [];
    const push = (line: string) => void lines.push(line);
    const c = client({
      apiKey: ASCII_KEY,
      timeoutMs: 100,
      maxRetries: 0,
      logLevel: "debug",
      logger: { debug: push, info: push, warn: push, error: push },
    });
    const error = await paginate(c, spec)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    const sent = /cursor=([^&]*)/.exec(server.requests[1]!.url)![1]!;
    expect(decodeURIComponent(sent.replace(/\+/g, " "))).toBe(ASCII_KEY);
    for (const text of [...renderings(error), ...lines]) {
      expect(text).not.toContain(sent);
      expect(text).not.toContain(sent.slice(0, 16));
    }
    expectNoKey([...renderings(error), ...lines], ASCII_KEY);
  });

  it("the cursor comes back a second time: PaginationError.cursor and its message hold the key in no form", async () => {
    const echoed = `x ${encodeURIComponent(ASCII_KEY)} ${JSON.stringify(ASCII_KEY)}`;
    server.fallback = page(echoed);
    const error = (await paginate(client({ apiKey: ASCII_KEY }), spec)
      .toArray()
      .catch((e: unknown) => e)) as PaginationError;
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.cursor).toBe('x *** "***"');
    for (const text of [...renderings(error), String(error.cursor)])
      expect(text).not.toContain(encodeURIComponent(ASCII_KEY).slice(0, 16));
    expectNoKey(renderings(error), ASCII_KEY);
  });
});

describe("a 2xx body that is not JSON (issue 21, item 3)", () => {
  it.each([
    ["starting with the key", (key: string) => `${key}probe_${"x".repeat(40)}`],
    ["a prefix of the key (no whole key to recognise)", (key: string) => key.slice(0, 10)],
    ["the key cut by a quote", (key: string) => `{"a": x${key.slice(0, 6)}"${key.slice(6)}`],
  ])("%s: the InvalidResponseError quotes no fragment of the body", async (_name, body) => {
    const key = "KEYprobe0123456789abcdef";
    server.fallback = { status: 200, headers: { "content-type": "application/json" }, body: body(key) };
    const error = (await client({ apiKey: key })
      .GET("/voice_clones")
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    for (const text of [...renderings(error), ...renderings(error.cause)]) expect(text).not.toMatch(/KEYp|probe|"x/);
    expect(error.message).toMatch(
      /not valid JSON: (an unexpected character|unexpected character at position \d+|the JSON ends early)/,
    );
  });
});

describe("redactHeaders", () => {
  it("hides sensitive names and the secret in any value", () => {
    const headers = new Headers({
      Authorization: "Bearer x",
      "X-API-Key": "y",
      "Api-Key": "z",
      Cookie: "c",
      "Set-Cookie": "s",
      "Proxy-Authorization": "p",
      "X-Other": `k ${KEY}`,
      Accept: "a",
    });
    expect(redactHeaders(headers, KEY)).toEqual({
      accept: "a",
      "api-key": "***",
      authorization: "***",
      cookie: "***",
      "proxy-authorization": "***",
      "set-cookie": "***",
      "x-api-key": "***",
      "x-other": "k ***",
    });
  });
});
