/**
 * The openapi-fetch client with each method passing a per-call `fetch` (its
 * documented per-request option) so the retrying fetch knows the call: whether
 * the caller gave a signal, whether JSON is expected. Errors thrown while
 * openapi-fetch reads a body (after `fetch` resolved) become the package's
 * errors too. HTTP answers still come back as `{ data, error, response }`.
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
  const call = (method: Method, url: unknown, init: CallInit | undefined): Promise<unknown> => {
    const info: CallInfo = { hasSignal: init?.signal != null, expectJson: (init?.parseAs ?? "json") === "json", fetch: init?.fetch };
    const fetch = (request: Request, ext?: RequestInit) => send(request, ext, info);
    return method(url, { ...init, fetch }).catch((error: unknown) => {
      throw bodyError(error, info, init?.signal ?? undefined, url, secret);
    });
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
function bodyError(error: unknown, info: CallInfo, signal: AbortSignal | undefined, url: unknown, secret: string): unknown {
  if (error instanceof TelnyxError) return error;
  const response = info.response;
  const what = response ? `${response.status} answer to ${response.url || String(url)}` : String(url);
  const attempts = info.attempt ?? 1;
  if (signal?.aborted) {
    return new AbortError(redactText(`Reading the ${what} was aborted by the caller's signal`, secret), { cause: error });
  }
  if (!response) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") {
    return new TimeoutError(redactText(`Reading the ${what} took longer than timeoutMs`, secret), { attempts, cause: error });
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
