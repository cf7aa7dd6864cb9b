/**
 * The two functions of `node:crypto` that webhook verification needs, taken
 * when a webhook is verified (`process.getBuiltinModule`, Node 20.16+), not
 * imported: the runtime entry stays loadable by bundlers for the browser,
 * and its type declarations need no `@types/node`. The types below are the
 * slice of `node:crypto`'s that this code uses.
 */

/** A `node:crypto` `KeyObject`, as far as used here. */
export interface CryptoKeyObject {
  readonly type: string;
  readonly asymmetricKeyType?: string | undefined;
}

export interface NodeCrypto {
  createPublicKey(key: string | { key: { kty: string; crv: string; x: string }; format: "jwk" }): CryptoKeyObject;
  verify(algorithm: null, data: Uint8Array, key: CryptoKeyObject, signature: Uint8Array): boolean;
}

export function nodeCrypto(): NodeCrypto {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = host?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
  if (crypto === undefined)
    throw new Error(
      "verifyWebhook needs node:crypto (Node 20.16 or later, or a runtime that offers process.getBuiltinModule).",
    );
  return crypto;
}
