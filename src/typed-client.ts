/**
 * The openapi-fetch client with each method passing a per-call `fetch` (its
 * documented per-request option) so the retrying fetch knows the call: the
 * caller's signal, whether JSON is expected, when the body has been read (the
 * last attempt's time limit ends then). Errors thrown while openapi-fetch
 * reads a body become the package's errors too. HTTP answers still come back
 * as `{ data, error, response }`.
 *
 * While no middleware is registered (`use()` or the per-call `middleware`),
 * nothing outside this package sees the request, so openapi-fetch builds a
 * `PlainRequest` (its `Request` option) instead of a `Request` that fetch
 * would copy; once there is middleware, it gets real `Request`s as always.
 */
import type { Client } from "openapi-fetch";
import { PlainRequest, type CallInfo, type FetchFn, type RetryingFetch } from "./retrying-fetch.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

interface CallInit {
  signal?: AbortSignal | null;
  parseAs?: string;
  fetch?: FetchFn;
  middleware?: unknown[];
  Request?: unknown;
}
type Method = (url: unknown, init?: CallInit) => Promise<unknown>;

export function withCallInfo<Paths extends {}>(base: Client<Paths>, { send, readError }: RetryingFetch): Client<Paths> {
  let middleware = false;
  const call = async (method: Method, url: unknown, init: CallInit = {}): Promise<unknown> => {
    const info: CallInfo = { signal: init.signal ?? undefined, expectJson: (init.parseAs ?? "json") === "json", fetch: init.fetch };
    const Request = middleware || init.middleware?.length ? undefined : PlainRequest;
    try {
      // The caller's signal is handled per attempt (attempt.ts), not given to openapi-fetch's Request:
      // undici would hang a listener on it per request that only garbage collection removes.
      return await method(url, { Request, ...init, signal: undefined, fetch: send.bind(undefined, info) });
    } catch (error) {
      throw readError(info, error);
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
  client.use = (...added: Parameters<typeof base.use>) => {
    base.use(...added);
    middleware = true;
  };
  return client as unknown as Client<Paths>;
}
