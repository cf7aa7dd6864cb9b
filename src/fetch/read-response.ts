/**
 * The response of an attempt that ends the call, with its body read within
 * that attempt's time limit (at most `maxBodyBytes` of a 2xx, `ERROR_BODY_BYTES`
 * of any other: the rest is never read), as a new `Response` over those
 * bytes for openapi-fetch to read. A 2xx body too large to hold is an
 * `InvalidResponseError`.
 *
 * A failed response (not 2xx) comes with the API key removed from its body
 * and its header values wherever the server echoed the key, so nothing built
 * from it later (`unwrap`, the paginator, `result.error`, the caller's own
 * code) can show the key, whether or not it is told the key.
 */
import { redactText } from "../redact.js";
import { invalidResponse } from "./invalid-response.js";
import { readBody } from "./read-body.js";

/** Enough of an error body for its summary and the spec's error envelope; the rest is never read. */
export const ERROR_BODY_BYTES = 1024 * 1024;

/** Statuses whose response never has a body (a `Response` cannot be built with one; fetch gives no 1xx response). */
const NO_BODY_STATUSES = new Set([204, 205, 304]);

export interface ReadResponseOptions {
  /** The most bytes of a 2xx body; a longer one is an `InvalidResponseError`. */
  readonly maxBodyBytes: number;
  /** The API key: removed from failed responses and from every message. */
  readonly secret: string;
}

export async function readResponse(
  request: Request,
  response: Response,
  options: ReadResponseOptions,
): Promise<Response> {
  const { maxBodyBytes, secret } = options;
  const { ok, status, statusText } = response;
  const bound = ok ? maxBodyBytes : ERROR_BODY_BYTES;
  const problem = `with a body of more than ${bound} bytes (maxBodyBytes): too large to hold`;
  const tooLarge = () => invalidResponse(response, `${request.method} ${request.url}`, problem, secret);
  if (ok && Number(response.headers.get("content-length")) > bound) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const { stream, complete } = await readBody(response, bound);
  if (!complete && ok) throw tooLarge();
  if (ok)
    return new Response(NO_BODY_STATUSES.has(status) ? null : stream, {
      status,
      statusText,
      headers: response.headers,
    });

  const headers = new Headers();
  response.headers.forEach((value, name) => {
    headers.append(name, redactText(value, secret));
  });
  if (NO_BODY_STATUSES.has(status)) return new Response(null, { status, statusText, headers });
  const bytes = await new Response(stream).arrayBuffer();
  const text = new TextDecoder().decode(bytes);
  const redacted = redactText(text, secret);
  if (redacted === text) return new Response(bytes, { status, statusText, headers });
  headers.delete("content-length"); // the body is no longer the one the server measured
  return new Response(new TextEncoder().encode(redacted), { status, statusText, headers });
}
