/**
 * `verifyWebhook(rawBody, headers, options)`: checks that a webhook comes
 * from Telnyx and is fresh, then returns its event. Telnyx signs
 * `${telnyx-timestamp}|${raw body}` with Ed25519 and sends the base64
 * signature in `telnyx-signature-ed25519`; the timestamp is in seconds. The
 * checks, in order (the first that fails throws a `WebhookVerificationError`
 * naming it): the public key, both headers, the timestamp within
 * `toleranceSeconds` of now (so a replayed webhook is refused), the
 * signature over the exact bytes received, and the body being JSON.
 * Node only: it uses `node:crypto` (node-crypto.ts).
 */
import { ConfigurationError, WebhookVerificationError } from "../errors.js";
import type { WebhookEvent } from "./events.js";
import { nodeCrypto, type CryptoKeyObject } from "./node-crypto.js";
import { resolvePublicKey } from "./public-key.js";

export const SIGNATURE_HEADER = "telnyx-signature-ed25519";
export const TIMESTAMP_HEADER = "telnyx-timestamp";
/** The default window around now that a webhook's timestamp must fall in. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const ED25519_SIGNATURE_BYTES = 64;

/** `Headers`, or Node's `IncomingHttpHeaders` (`req.headers`), or any object of header values. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** Base64 of the raw 32-byte Ed25519 key (as the Telnyx portal shows it), or a PEM public key. Default: TELNYX_PUBLIC_KEY. */
  publicKey?: string;
  /** How far the timestamp may be from now, either way, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The clock, in ms since the epoch (tests pass a fixed one). Default `Date.now`. */
  now?: () => number;
}

/** The verified event, parsed; throws `WebhookVerificationError` when any check fails. */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions = {},
): WebhookEvent {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new ConfigurationError(
      `toleranceSeconds must be a number of seconds of at least 0, got ${String(tolerance)}.`,
    );
  }
  const key = resolvePublicKey(options.publicKey);
  const signature = header(headers, SIGNATURE_HEADER, "signature-header");
  const timestamp = header(headers, TIMESTAMP_HEADER, "timestamp-header");
  checkTimestamp(timestamp, tolerance, (options.now ?? Date.now)());
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
  checkSignature(key, signature, Buffer.concat([Buffer.from(`${timestamp}|`, "utf8"), body]));
  try {
    return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8")) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError("body", "The webhook's signature is valid but its body is not JSON.");
  }
}

function header(headers: WebhookHeaders, name: string, check: "signature-header" | "timestamp-header"): string {
  const raw = headers instanceof Headers ? headers.get(name) : findHeader(headers, name);
  const values = raw === null || raw === undefined ? [] : typeof raw === "string" ? [raw] : [...raw];
  if (values.length === 0 || values[0]!.trim() === "")
    throw new WebhookVerificationError(
      check,
      `The webhook has no ${name} header: it was not sent by Telnyx, or a proxy removed it.`,
    );
  if (values.length > 1)
    throw new WebhookVerificationError(
      check,
      `The webhook has ${values.length} ${name} headers: a webhook from Telnyx has one.`,
    );
  return values[0]!.trim();
}

/** Header names are case-insensitive; Node gives them in lower case, other objects may not. */
function findHeader(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  name: string,
): string | readonly string[] | undefined {
  if (Object.hasOwn(headers, name)) return headers[name];
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

function checkTimestamp(timestamp: string, tolerance: number, nowMs: number): void {
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      "timestamp-header",
      `The ${TIMESTAMP_HEADER} header is not a whole number of seconds since the epoch.`,
    );
  }
  const skew = Math.round(nowMs / 1000 - Number(timestamp));
  if (Math.abs(skew) > tolerance) {
    const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    throw new WebhookVerificationError(
      "timestamp",
      `The webhook's timestamp is ${when}, outside the ${tolerance} s window (toleranceSeconds): a replayed webhook, or a clock that is off.`,
    );
  }
}

function checkSignature(key: CryptoKeyObject, signature: string, signed: Uint8Array): void {
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(signature) ? Buffer.from(signature, "base64") : undefined;
  if (bytes === undefined || bytes.length !== ED25519_SIGNATURE_BYTES) {
    throw new WebhookVerificationError(
      "signature",
      `The ${SIGNATURE_HEADER} header is not a base64 Ed25519 signature (${ED25519_SIGNATURE_BYTES} bytes).`,
    );
  }
  if (!nodeCrypto().verify(null, signed, key, bytes)) {
    throw new WebhookVerificationError(
      "signature",
      `The webhook's signature does not match its body and timestamp with this public key: the body was changed (parse it only after verifying, from the raw bytes), or it was not signed by Telnyx, or the key is not your account's.`,
    );
  }
}
