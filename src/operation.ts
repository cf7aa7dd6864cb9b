/**
 * One call of one operation: what the generated per-operation functions
 * (generated/operations.ts, `retrieveMessagingProfile(client, init)`) run.
 * Each is `client.request(method, path, init)` with the operation's own types
 * in its signature, so a consumer's compiler looks up one operation's type
 * where `client.GET(path, ...)` searches the whole `paths` type for the path
 * (openapi-typescript issue #1779: slow on large specs). Same contract as
 * `client.GET`: HTTP answers come back as `{ data, error, response }`.
 */
import type { FetchOptions, FetchResponse } from "openapi-fetch";
import type { FetchResult } from "./paginate/types.js";

/** What a per-operation function accepts: openapi-fetch's options for that operation (`params`, `body`, `headers`, `signal`, ...); 2xx bodies are read as JSON. */
export type OperationInit<Operation> = FetchOptions<Operation> & { parseAs?: "json" };

/** What it resolves to: openapi-fetch's `{ data, error, response }` for that operation. */
export type OperationResult<Operation extends Record<string | number, any>> = FetchResponse<Operation, unknown, `${string}/${string}`>;

/** What a call needs of a client: openapi-fetch's `request`. Any `Client<paths>` fits. */
export interface OperationClient {
  // `any`: the path and init are checked by the generated function's types, against the spec.
  request(method: any, path: any, init: any): Promise<FetchResult>;
}

/** Sends one request of the operation at `method` and `path` (the spec's path template) through the client. */
export function callOperation<Result>(client: OperationClient, method: string, path: string, init: object | undefined): Promise<Result> {
  return client.request(method, path, init) as Promise<Result>;
}
