/**
 * The openapi-fetch client with each method passing a per-call `fetch` (its
 * documented per-request option) so the retrying fetch knows the call: the
 * caller's signal, whether JSON is expected, when the body has been read (the
 * last attempt's time limit ends then). Errors thrown while openapi-fetch
 * reads a body become the package's errors too. HTTP answers still come back
 * as `{ data, error, response }`.
 */
import type { Client } from "openapi-fetch";
import { AbortError, ConnectionError, InvalidResponseError, TelnyxError, TimeoutError } from "./errors.js";
import { redactText } from "./redact.js";
import type { CallInfo, FetchFn, RetryingFetch } from "./retrying-fetch.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

interface CallInit {
  signal?: AbortSignal | null;
  parseAs?: string;
  fetch?: FetchFn;
}
type Method = (url: unknown, init?: CallInit) => Promise<unknown>;

export function withCallInfo<Paths extends {}>(base: Client<Paths>, send: RetryingFetch, secret: string): Client<Paths> {
  const call = async (method: Method, url: unknown, init: CallInit | undefined): Promise<unknown> => {
    const info: CallInfo = { signal: init?.signal ?? undefined, expectJson: (init?.parseAs ?? "json") === "json", fetch: init?.fetch };
    try {
      // The caller's signal is handled per attempt (attempt.ts), not given to openapi-fetch's Request:
      // undici would hang a listener on it per request that only garbage collection removes.
      return await method(url, { ...init, signal: undefined, fetch: send.bind(undefined, info) });
    } catch (error) {
      throw bodyError(error, info, url, secret);
    } finally {
      // The body is read (or abandoned): the last attempt's time limit ends here.
      info.current?.end();
    }
  };
  const client = { ...base } as unknown as Record<string, unknown>;
  for (const name of METHODS) {
    const method = base[name] as unknown as Method;
    client[name] = (url: unknown, init?: CallInit) => call(method, url, init);
  }
  const request = base.request as unknown as (method: string, url: unknown, init?: CallInit) => Promise<unknown>;
  client.request = (method: string, url: unknown, init?: CallInit) => call((u, i) => request(method, u, i), url, init);
  return client as unknown as Client<Paths>;
}

/** An error from reading the body of the answer `info.response` (or anything else, unchanged). */
function bodyError(error: unknown, info: CallInfo, url: unknown, secret: string): unknown {
  if (error instanceof TelnyxError) return error;
  const response = info.response;
  const what = response ? `${response.status} answer to ${response.url || String(url)}` : String(url);
  const attempts = info.attempts ?? 1;
  if (info.signal?.aborted) {
    return new AbortError(redactText(`Reading the ${what} was aborted by the caller's signal`, secret), { cause: error });
  }
  if (!response) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || info.current?.timedOut) {
    const limit = info.current ? ` (${info.current.timeoutMs} ms)` : "";
    return new TimeoutError(redactText(`Reading the ${what} took longer than timeoutMs${limit}`, secret), { attempts, cause: error });
  }
  if (error instanceof SyntaxError) {
    const requestId = response.headers.get("x-request-id") ?? undefined;
    return new InvalidResponseError(redactText(`The ${what} is not valid JSON: ${error.message}${requestId ? ` (request id ${requestId})` : ""}`, secret), {
      status: response.status,
      requestId,
      contentType: response.headers.get("content-type") ?? undefined,
      cause: error,
    });
  }
  if (error instanceof TypeError && error.message === "terminated") {
    return new ConnectionError(redactText(`The connection closed while reading the ${what}`, secret), { attempts, cause: error });
  }
  return error;
}
