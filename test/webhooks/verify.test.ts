/**
 * `verifyWebhook` (issue 20, item 3) with Ed25519 key pairs made here: a
 * good webhook passes; a changed body, header, timestamp or key fails with
 * the check that caught it, and no message holds key material. The clock is
 * passed in (`now`), never read.
 */
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ConfigurationError,
  verifyWebhook,
  WebhookVerificationError,
  type VerifyWebhookOptions,
  type WebhookCheck,
} from "../../src/index.js";

const NOW_S = 1_780_000_000;
const now = () => NOW_S * 1000;

function keyPair(): { privateKey: KeyObject; base64: string; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url"); // the 32 bytes the portal shows, base64
  return {
    privateKey,
    base64: raw.toString("base64"),
    pem: publicKey.export({ format: "pem", type: "spki" }).toString(),
  };
}

const pair = keyPair();
const BODY = JSON.stringify({
  data: {
    event_type: "call.hangup",
    id: "e-1",
    occurred_at: "2026-07-16T00:00:00Z",
    payload: { call_control_id: "v3:abc" },
    record_type: "event",
  },
  meta: { attempt: 1 },
});

function signed(
  body: string | Buffer = BODY,
  timestamp: number | string = NOW_S,
  privateKey = pair.privateKey,
): Record<string, string> {
  const bytes = Buffer.concat([Buffer.from(`${timestamp}|`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
  return {
    "telnyx-signature-ed25519": sign(null, bytes, privateKey).toString("base64"),
    "telnyx-timestamp": String(timestamp),
  };
}

function failure(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error("verifyWebhook accepted it");
}

/** Nothing secret or signed in any rendering of the error. */
function expectNoKeyMaterial(error: Error, headers: Record<string, string>, key = pair.base64): void {
  for (const text of [
    error.message,
    String(error),
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 5 }),
  ]) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(0, 12));
    if (headers["telnyx-signature-ed25519"])
      expect(text).not.toContain(headers["telnyx-signature-ed25519"].slice(0, 12));
    expect(text).not.toContain("call_control_id");
  }
}

const options = (extra: VerifyWebhookOptions = {}): VerifyWebhookOptions => ({ publicKey: pair.base64, now, ...extra });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("a webhook signed with the key", () => {
  it("is verified and returned parsed, from a string, a Buffer, Headers or Node's req.headers", () => {
    const headers = signed();
    const want = JSON.parse(BODY);
    expect(verifyWebhook(BODY, headers, options())).toEqual(want);
    expect(verifyWebhook(Buffer.from(BODY), new Headers(headers), options())).toEqual(want);
    expect(
      verifyWebhook(
        new Uint8Array(Buffer.from(BODY)),
        {
          "Telnyx-Signature-Ed25519": headers["telnyx-signature-ed25519"]!,
          "Telnyx-Timestamp": [headers["telnyx-timestamp"]!],
        },
        options(),
      ),
    ).toEqual(want);
  });

  it("takes the key from TELNYX_PUBLIC_KEY, as a PEM block too", () => {
    vi.stubEnv("TELNYX_PUBLIC_KEY", pair.base64);
    expect(verifyWebhook(BODY, signed(), { now }).data?.event_type).toBe("call.hangup");
    vi.stubEnv("TELNYX_PUBLIC_KEY", pair.pem);
    expect(verifyWebhook(BODY, signed(), { now }).data?.event_type).toBe("call.hangup");
  });

  it("verifies the exact bytes: a body with non-ASCII text and odd spacing", () => {
    const body = Buffer.from('{ "data" : { "event_type":"message.received", "payload": {"text":"ñ \u{1F600}"} } }\n');
    expect((verifyWebhook(body, signed(body), options()).data as { payload?: unknown } | undefined)?.payload).toEqual({
      text: "ñ \u{1F600}",
    });
  });

  it("accepts a timestamp at the edges of the window, either way", () => {
    expect(() => verifyWebhook(BODY, signed(BODY, NOW_S - 300), options())).not.toThrow();
    expect(() => verifyWebhook(BODY, signed(BODY, NOW_S + 300), options())).not.toThrow();
    expect(() => verifyWebhook(BODY, signed(BODY, NOW_S - 1000), options({ toleranceSeconds: 1000 }))).not.toThrow();
  });
});

describe("what is refused, and the check that says so", () => {
  const other = keyPair();
  const good = signed();
  const cases: [string, () => unknown, WebhookCheck, RegExp][] = [
    [
      "a changed body",
      () => verifyWebhook(BODY.replace("call.hangup", "call.answered"), good, options()),
      "signature",
      /signature does not match/,
    ],
    [
      "a body with one more space",
      () => verifyWebhook(`${BODY} `, good, options()),
      "signature",
      /signature does not match/,
    ],
    [
      "a body re-serialized from parsed JSON",
      () => verifyWebhook(JSON.stringify(JSON.parse(BODY), null, 1), good, options()),
      "signature",
      /signature does not match/,
    ],
    [
      "a changed timestamp (the signature covers it)",
      () => verifyWebhook(BODY, { ...good, "telnyx-timestamp": String(NOW_S + 1) }, options()),
      "signature",
      /signature does not match/,
    ],
    [
      "a signature made with another key",
      () => verifyWebhook(BODY, signed(BODY, NOW_S, other.privateKey), options()),
      "signature",
      /signature does not match/,
    ],
    [
      "the right signature checked with another key",
      () => verifyWebhook(BODY, good, options({ publicKey: other.base64 })),
      "signature",
      /signature does not match/,
    ],
    [
      "a flipped bit in the signature",
      () =>
        verifyWebhook(
          BODY,
          { ...good, "telnyx-signature-ed25519": flipBit(good["telnyx-signature-ed25519"]!) },
          options(),
        ),
      "signature",
      /signature does not match/,
    ],
    [
      "a signature that is not base64",
      () => verifyWebhook(BODY, { ...good, "telnyx-signature-ed25519": "not base64!" }, options()),
      "signature",
      /not a base64 Ed25519 signature/,
    ],
    [
      "a signature of the wrong length",
      () =>
        verifyWebhook(BODY, { ...good, "telnyx-signature-ed25519": Buffer.alloc(32).toString("base64") }, options()),
      "signature",
      /not a base64 Ed25519 signature/,
    ],
    [
      "no signature header",
      () => verifyWebhook(BODY, { "telnyx-timestamp": good["telnyx-timestamp"]! }, options()),
      "signature-header",
      /no telnyx-signature-ed25519 header/,
    ],
    [
      "two signature headers",
      () =>
        verifyWebhook(
          BODY,
          { ...good, "telnyx-signature-ed25519": [good["telnyx-signature-ed25519"]!, "x"] } as never,
          options(),
        ),
      "signature-header",
      /2 telnyx-signature-ed25519 headers/,
    ],
    [
      "no timestamp header",
      () => verifyWebhook(BODY, { "telnyx-signature-ed25519": good["telnyx-signature-ed25519"]! }, options()),
      "timestamp-header",
      /no telnyx-timestamp header/,
    ],
    [
      "a timestamp that is not a number",
      () => verifyWebhook(BODY, signed(BODY, "2026-07-16T00:00:00Z"), options()),
      "timestamp-header",
      /not a whole number of seconds/,
    ],
    [
      "a replay: a good signature 301 s old",
      () => verifyWebhook(BODY, signed(BODY, NOW_S - 301), options()),
      "timestamp",
      /is 301 s old, outside the 300 s window/,
    ],
    [
      "a timestamp 301 s in the future",
      () => verifyWebhook(BODY, signed(BODY, NOW_S + 301), options()),
      "timestamp",
      /301 s in the future/,
    ],
    [
      "a replay under a smaller window",
      () => verifyWebhook(BODY, signed(BODY, NOW_S - 31), options({ toleranceSeconds: 30 })),
      "timestamp",
      /outside the 30 s window/,
    ],
    [
      "a signed body that is not JSON",
      () => verifyWebhook("not json", signed("not json"), options()),
      "body",
      /not JSON/,
    ],
    ["no key at all", () => verifyWebhook(BODY, good, { now }), "public-key", /No public key .* TELNYX_PUBLIC_KEY/],
    [
      "a key that is not base64",
      () => verifyWebhook(BODY, good, options({ publicKey: "%%%" })),
      "public-key",
      /is not base64/,
    ],
    [
      "a key of the wrong length",
      () => verifyWebhook(BODY, good, options({ publicKey: Buffer.alloc(31, 7).toString("base64") })),
      "public-key",
      /decodes to 31 bytes, not 32/,
    ],
    [
      "a PEM key that is not Ed25519",
      () =>
        verifyWebhook(
          BODY,
          good,
          options({
            publicKey: generateKeyPairSync("ec", { namedCurve: "P-256" })
              .publicKey.export({ format: "pem", type: "spki" })
              .toString(),
          }),
        ),
      "public-key",
      /not an Ed25519 public key/,
    ],
    [
      "a private key given as the public key",
      () =>
        verifyWebhook(
          BODY,
          good,
          options({ publicKey: pair.privateKey.export({ format: "pem", type: "pkcs8" }).toString() }),
        ),
      "public-key",
      /is a private key: give the public key/,
    ],
  ];

  it.each(cases)("%s", (_name, run, check, message) => {
    vi.stubEnv("TELNYX_PUBLIC_KEY", undefined);
    const error = failure(run);
    expect(error.check).toBe(check);
    expect(error.message).toMatch(message);
    expect(error.name).toBe("WebhookVerificationError");
    expectNoKeyMaterial(error, good);
  });

  it("a bad toleranceSeconds is a ConfigurationError", () => {
    expect(() => verifyWebhook(BODY, good, options({ toleranceSeconds: -1 }))).toThrow(ConfigurationError);
    expect(() => verifyWebhook(BODY, good, options({ toleranceSeconds: Number.NaN }))).toThrow(/toleranceSeconds/);
  });
});

function flipBit(base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  bytes[10]! ^= 1;
  return bytes.toString("base64");
}
