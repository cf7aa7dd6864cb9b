/**
 * One call of one operation: what the generated per-operation functions
 * (generated/operations.ts, `retrieveMessagingProfile(client, init)`) run.
 * Each is `client.request(method, path, init)` with the operation's own types
 * in its signature, so a consumer's compiler looks up one operation's type
 * where `client.GET(path, ...)` searches the whole `paths` type for the path
 * (openapi-typescript issue #1779: slow on large specs). Same contract as
 * `client.GET`: HTTP responses come back as `{ data, error, response }`.
 * A multipart-only operation's function says so (`"multipart/form-data"`):
 * its body goes as multipart/form-data whatever it holds, as `client.POST`
 * sends it (fetch/multipart-operations.ts).
 */
import type { FetchOptions } from "openapi-fetch";
import { multipartInit } from "./fetch/multipart-operations.js";
import type { FetchResult } from "./paginate/types.js";

/**
 * openapi-fetch's options of one request besides `params` and `body`
 * (`headers`, `signal`, `baseUrl`, `fetch`, `middleware`, ...); 2xx bodies are
 * read as JSON. A generated function adds its operation's `params` and `body`.
 */
export type CallOptions = Omit<FetchOptions<unknown>, "params" | "body" | "parseAs"> & { parseAs?: "json" };

/**
 * What a call resolves to, as openapi-fetch's `FetchResponse`: `data` is the
 * body of a 2xx response, `error` of a 4xx, 5xx or `default` one. The generated
 * function names both types from its operation's responses directly, where
 * openapi-fetch derives them through generic types over the operation.
 */
export type OperationResult<Data, Error> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: Error; response: Response };

/** What a call needs of a client: openapi-fetch's `request`. Any `Client<paths>` fits. */
export interface OperationClient {
  // `any`: the path and init are checked by the generated function's types, against the spec.
  // biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's generic Client<paths>.request must fit; the generated function's types check the arguments
  request(method: any, path: any, init: any): Promise<FetchResult>;
}

/**
 * Sends one request of the operation at `method` and `path` (the spec's path
 * template) through the client; `requestType` "multipart/form-data" for an
 * operation whose body is multipart only (the caller's own `bodySerializer` wins).
 */
export function callOperation<Result>(
  client: OperationClient,
  method: string,
  path: string,
  init: object | undefined,
  requestType?: "multipart/form-data",
): Promise<Result> {
  return client.request(
    method,
    path,
    requestType === "multipart/form-data" ? multipartInit(init) : init,
  ) as Promise<Result>;
}
