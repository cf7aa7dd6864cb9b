/** createClient() options and their environment fallbacks: defaults, and clear errors at creation. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../src/client.js";
import { FLAG_NAMES, resolveApiKey, resolveBaseUrl, resolveInteger, resolveLogLevel } from "../../src/config.js";
import { ConfigurationError, TelnyxError } from "../../src/errors.js";
import { servers } from "../../generated/servers.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("apiKey", () => {
  it("option, else TELNYX_API_KEY", () => {
    expect(resolveApiKey("from-option", "from-env")).toBe("from-option");
    expect(resolveApiKey(undefined, "from-env")).toBe("from-env");
    expect(resolveApiKey("  padded  ", undefined)).toBe("padded");
  });

  it.each([
    [
      "missing",
      undefined,
      undefined,
      /^No API key: set the TELNYX_API_KEY environment variable or use the apiKey option/,
    ],
    ["blank env", undefined, "  ", /^The API key from TELNYX_API_KEY is blank/],
    ["blank option", "", "env-key", /^The API key from the apiKey option is blank/],
    ["LF in env", undefined, "abc\n", /^The API key from TELNYX_API_KEY contains a line break \(CR or LF\)/],
    ["CR in option", "ab\rc", undefined, /^The API key from the apiKey option contains a line break/],
    ["NUL", "ab\u0000c", undefined, /contains a control character or a character outside Latin-1/],
    ["emoji", "key\u{1F511}", undefined, /contains a control character or a character outside Latin-1/],
    [
      "too short to redact (option)",
      "Zq9",
      undefined,
      /^The API key from the apiKey option is 3 characters long, too short to be kept out of logs and errors \(at least 6\)/,
    ],
    [
      "too short to redact (env)",
      undefined,
      " Zq9x7 ",
      /^The API key from TELNYX_API_KEY is 5 characters long, too short/,
    ],
  ])("%s -> ConfigurationError", (_name, option, env, message) => {
    let error: unknown;
    try {
      resolveApiKey(option, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toBeInstanceOf(TelnyxError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain("TELNYX_API_KEY");
    for (const secret of [option, env].filter((s): s is string => !!s?.trim())) {
      expect((error as Error).message).not.toContain(secret.replace(/[\r\n\u0000]/g, ""));
    }
  });

  it("createClient throws at creation, naming the variable", () => {
    vi.stubEnv("TELNYX_API_KEY", undefined);
    expect(() => createClient({ baseUrl: "http://127.0.0.1:1" })).toThrow(/TELNYX_API_KEY/);
    vi.stubEnv("TELNYX_API_KEY", "line\r\nbreak");
    expect(() => createClient({ baseUrl: "http://127.0.0.1:1" })).toThrow(ConfigurationError);
    vi.stubEnv("TELNYX_API_KEY", "good-key");
    expect(() => createClient({ baseUrl: "http://127.0.0.1:1" })).not.toThrow();
  });
});

describe("baseUrl", () => {
  it("option, else TELNYX_BASE_URL, else the spec's servers[0]", () => {
    expect(resolveBaseUrl("https://a.example/v2", servers, "https://b.example")).toBe("https://a.example/v2");
    expect(resolveBaseUrl(undefined, servers, "https://b.example/v3")).toBe("https://b.example/v3");
    expect(resolveBaseUrl(undefined, servers, undefined)).toBe("https://api.telnyx.com/v2");
    expect(resolveBaseUrl(undefined, servers, " ")).toBe("https://api.telnyx.com/v2");
  });

  it.each([
    ["https://api.telnyx.com/v2/", "https://api.telnyx.com/v2"],
    ["https://api.telnyx.com/v2///", "https://api.telnyx.com/v2"],
    ["https://api.telnyx.com//v2//", "https://api.telnyx.com/v2"],
    ["https://api.telnyx.com/", "https://api.telnyx.com"],
    ["https://api.telnyx.com", "https://api.telnyx.com"],
    ["  http://127.0.0.1:8080/  ", "http://127.0.0.1:8080"],
    ["HTTPS://API.Telnyx.com/V2", "https://api.telnyx.com/V2"],
  ])("%s -> %s", (raw, want) => {
    expect(resolveBaseUrl(raw, [])).toBe(want);
  });

  it.each([
    ["not a URL", "api.telnyx.com/v2", /the baseUrl option is not an absolute URL/],
    ["another scheme", "ftp://api.telnyx.com", /must use https/],
    ["credentials", "https://user:secret@api.telnyx.com", /contains credentials/],
    ["a query", "https://api.telnyx.com/v2?x=1", /has a query or fragment/],
  ])("%s -> ConfigurationError", (_name, raw, message) => {
    expect(() => resolveBaseUrl(raw, [])).toThrow(message);
  });

  it("credentials are not echoed", () => {
    expect(() => resolveBaseUrl("https://user:hunter2@api.telnyx.com", [])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });

  it("a spec without servers and no baseUrl: an error naming TELNYX_BASE_URL", () => {
    expect(() => resolveBaseUrl(undefined, [], undefined)).toThrow(ConfigurationError);
    expect(() => resolveBaseUrl(undefined, [], undefined)).toThrow(
      /the spec lists no servers, so set the TELNYX_BASE_URL environment variable or use the baseUrl option/,
    );
  });

  it("createClient reads TELNYX_BASE_URL", async () => {
    vi.stubEnv("TELNYX_BASE_URL", "http://127.0.0.1:9/from-env/");
    const seen: string[] = [];
    const client = createClient({
      apiKey: "test-key",
      fetch: async (request) => {
        seen.push(request.url);
        return Response.json({});
      },
    });
    await client.GET("/voice_clones", { params: { query: { sort: "name" } } });
    expect(seen).toEqual(["http://127.0.0.1:9/from-env/voice_clones?sort=name"]);
  });
});

describe("numbers and log level", () => {
  it.each([
    ["maxRetries", -1],
    ["maxRetries", 1.5],
    ["timeoutMs", 0],
    ["timeoutMs", Number.NaN],
    ["timeoutMs", 2 ** 31],
    ["initialRetryDelayMs", -5],
  ] as const)("%s = %s -> ConfigurationError", (name, value) => {
    expect(() => createClient({ apiKey: "test-key", baseUrl: "http://127.0.0.1:1", [name]: value })).toThrow(
      new RegExp(`^${name} must be a whole number`),
    );
  });

  it("maxRetryDelayMs below initialRetryDelayMs is refused", () => {
    expect(() =>
      createClient({
        apiKey: "test-key",
        baseUrl: "http://127.0.0.1:1",
        initialRetryDelayMs: 100,
        maxRetryDelayMs: 50,
      }),
    ).toThrow(/maxRetryDelayMs/);
  });

  it("maxBodyBytes: at least 1, at most the longest string V8 holds", () => {
    expect(() => createClient({ apiKey: "test-key", baseUrl: "http://127.0.0.1:1", maxBodyBytes: 0 })).toThrow(
      /^maxBodyBytes must be a whole number from 1 to 536870888/,
    );
    expect(() => createClient({ apiKey: "test-key", baseUrl: "http://127.0.0.1:1", maxBodyBytes: 2 ** 29 })).toThrow(
      ConfigurationError,
    );
  });

  it("the CLI's names: the same rules, messages naming its flags", () => {
    expect(() => resolveApiKey(undefined, undefined, FLAG_NAMES)).toThrow(
      /^No API key: set the TELNYX_API_KEY environment variable or use --api-key\.$/,
    );
    expect(() => resolveApiKey("a\nb", undefined, FLAG_NAMES)).toThrow(
      /^The API key from --api-key contains a line break/,
    );
    expect(() => resolveBaseUrl("nope", [], undefined, FLAG_NAMES)).toThrow(
      /^The base URL from --base-url is not an absolute URL/,
    );
  });

  it("defaults pass", () => {
    expect(resolveInteger("x", undefined, 7, 0)).toBe(7);
  });

  it("logLevel, else TELNYX_LOG, else off", () => {
    expect(resolveLogLevel("debug", "off")).toBe("debug");
    expect(resolveLogLevel(undefined, "info")).toBe("info");
    expect(resolveLogLevel(undefined, undefined)).toBe("off");
    expect(() => resolveLogLevel(undefined, "verbose")).toThrow(
      /TELNYX_LOG is "verbose"; use one of off, error, warn, info, debug/,
    );
    expect(() => resolveLogLevel("loud" as never, undefined)).toThrow(/the logLevel option/);
  });
});
