/**
 * The operations whose request body is multipart/form-data only
 * (generated/multipart-operations.ts) send it as multipart/form-data whatever
 * it holds, a file or only text fields (a `file_url` in place of the file):
 * the call gets openapi-fetch's per-request `bodySerializer: multipartBody`,
 * chosen by method and path. A serializer the caller passes always wins.
 * `createClient()` wraps its `POST`, `PUT`, `PATCH`, `DELETE` and `request`
 * this way; the per-operation functions pass `multipartInit` through
 * `callOperation`.
 */
import { multipartBody } from "./multipart-body.js";

/** openapi-fetch's options of one call, as far as the serializer goes. */
type Init = { bodySerializer?: unknown } | undefined;

/** `init` with `bodySerializer: multipartBody`, unless it names a serializer of its own. */
export function multipartInit(init: Init): Init {
  return init?.bodySerializer === undefined ? { ...init, bodySerializer: multipartBody } : init;
}

type Send = (path: string, init?: Init) => Promise<unknown>;
type Request = (method: string, path: string, init?: Init) => Promise<unknown>;

/** `client` whose calls of the `operations` (`"POST /media"`) send their bodies as multipart/form-data. */
export function multipartByOperation<C extends object>(client: C, operations: readonly string[]): C {
  const listed = new Set(operations);
  const initFor = (method: string, path: string, init: Init) =>
    listed.has(`${method.toUpperCase()} ${path}`) ? multipartInit(init) : init;
  const loose = client as unknown as Record<"POST" | "PUT" | "PATCH" | "DELETE", Send> & { request: Request };
  const wrapped: Record<"POST" | "PUT" | "PATCH" | "DELETE", Send> & { request: Request } = {
    request: (method, path, init) => loose.request(method, path, initFor(method, path, init)),
    POST: (path, init) => loose.POST(path, initFor("POST", path, init)),
    PUT: (path, init) => loose.PUT(path, initFor("PUT", path, init)),
    PATCH: (path, init) => loose.PATCH(path, initFor("PATCH", path, init)),
    DELETE: (path, init) => loose.DELETE(path, initFor("DELETE", path, init)),
  };
  return { ...client, ...wrapped };
}
