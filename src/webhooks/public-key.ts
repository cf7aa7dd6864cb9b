/**
 * The public key that checks webhook signatures: the `publicKey` option,
 * else the TELNYX_PUBLIC_KEY environment variable, as the Telnyx portal
 * gives it (the base64 of the raw 32-byte Ed25519 key), or a PEM
 * `PUBLIC KEY` block (a private key is refused). Messages say what is wrong
 * with it, never what it is.
 */
import { readEnv } from "../config.js";
import { WebhookVerificationError } from "../errors.js";
import { nodeCrypto, type CryptoKeyObject } from "./node-crypto.js";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const ED25519_KEY_BYTES = 32;

/** Keys already built, by their text: a server checks every webhook with the same one. */
const built = new Map<string, CryptoKeyObject>();

export function resolvePublicKey(option: string | undefined): CryptoKeyObject {
  const [text, where] =
    option !== undefined ? [option, "the publicKey option"] : [readEnv("TELNYX_PUBLIC_KEY"), "TELNYX_PUBLIC_KEY"];
  if (text === undefined || typeof text !== "string" || text.trim() === "") {
    throw new WebhookVerificationError(
      "public-key",
      "No public key to check webhook signatures with: set TELNYX_PUBLIC_KEY (or pass publicKey) to the public key shown in the Telnyx portal.",
    );
  }
  const trimmed = text.trim();
  const cached = built.get(trimmed);
  if (cached !== undefined) return cached;
  const key = checkType(trimmed.startsWith("-----BEGIN") ? fromPem(trimmed, where) : fromBase64(trimmed, where), where);
  if (built.size >= 16) built.clear();
  built.set(trimmed, key);
  return key;
}

function fromBase64(text: string, where: string): CryptoKeyObject {
  const bytes = BASE64.test(text) ? Buffer.from(text, "base64") : undefined;
  if (bytes === undefined || bytes.length !== ED25519_KEY_BYTES) {
    const what = bytes === undefined ? "is not base64" : `decodes to ${bytes.length} bytes, not ${ED25519_KEY_BYTES}`;
    throw new WebhookVerificationError(
      "public-key",
      `The public key from ${where} ${what}: use the base64 Ed25519 public key from the Telnyx portal (or a PEM PUBLIC KEY block).`,
    );
  }
  return nodeCrypto().createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: bytes.toString("base64url") },
    format: "jwk",
  });
}

function fromPem(text: string, where: string): CryptoKeyObject {
  if (/PRIVATE KEY/.test(text)) {
    throw new WebhookVerificationError(
      "public-key",
      `The key from ${where} is a private key: give the public key (the one the Telnyx portal shows), and keep the private key secret.`,
    );
  }
  try {
    return nodeCrypto().createPublicKey(text);
  } catch {
    throw new WebhookVerificationError(
      "public-key",
      `The public key from ${where} is not a readable PEM public key: use the base64 Ed25519 public key from the Telnyx portal (or a PEM PUBLIC KEY block).`,
    );
  }
}

function checkType(key: CryptoKeyObject, where: string): CryptoKeyObject {
  if (key.type !== "public" || key.asymmetricKeyType !== "ed25519") {
    throw new WebhookVerificationError(
      "public-key",
      `The public key from ${where} is not an Ed25519 public key: Telnyx signs webhooks with Ed25519.`,
    );
  }
  return key;
}
