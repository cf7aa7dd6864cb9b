/**
 * `createClient({ idempotencyKeys: true })`: an openapi-fetch middleware
 * that gives every POST and PATCH without an `Idempotency-Key` header one of
 * its own (`crypto.randomUUID()`). It runs once per call, before the
 * retrying fetch, so every attempt of that call sends the same key: the
 * server can tell a retry from a new request, and the retry policy
 * (`retry-policy.ts`) may retry the call. A key the caller sets always wins.
 */
import type { Middleware } from "openapi-fetch";

/** Methods that are not idempotent by themselves (RFC 9110 §9.2.2): a key lets the server tell a retry from a new request. */
const KEYED_METHOD = /^(POST|PATCH)$/i;

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

export function idempotencyKeys(newKey: () => string = () => globalThis.crypto.randomUUID()): Middleware {
  return {
    onRequest({ request }) {
      if (!KEYED_METHOD.test(request.method) || request.headers.has(IDEMPOTENCY_KEY_HEADER)) return undefined;
      request.headers.set(IDEMPOTENCY_KEY_HEADER, newKey());
      return request;
    },
  };
}
