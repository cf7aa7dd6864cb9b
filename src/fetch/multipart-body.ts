/**
 * The client's `bodySerializer` (openapi-fetch's option): a body that holds
 * a file (a `Blob` or `File`, or an array of them, as one of its values) is
 * sent as `multipart/form-data`, the only way a file travels in a request
 * body; any other body as openapi-fetch's default serializer sends it (JSON;
 * urlencoded when that is the Content-Type; a `FormData` as it is).
 *
 * By the body, because openapi-fetch hands a serializer the body only; the
 * spec's file fields are `Blob`s in the generated types
 * (scripts/steps/request-types.ts), so a body with a file is a multipart
 * body, whatever the operation. Operations that take JSON or multipart
 * (`POST /media`) get JSON without a file and multipart with one. Operations
 * that take multipart only get `multipartBody` whatever their body holds, by
 * method and path (`multipart-operations.ts`).
 *
 * Parts, as OpenAPI's multipart defaults say (3.1 §4.8.15 Encoding Object):
 * a `Blob` is a file part (a `File`'s name as its filename, else `blob`; its
 * `type` as the part's Content-Type, else `application/octet-stream`), a
 * string, number or boolean a text part, an array one part per item under
 * the same name, an object its JSON; `undefined` and `null` send no part.
 * fetch writes the boundary into the Content-Type header: don't set one.
 */
import { defaultBodySerializer, type HeadersOptions } from "openapi-fetch";

/** openapi-fetch calls a serializer with the request's headers too (for the urlencoded case). */
type Serializer = (body: unknown, headers?: HeadersOptions) => unknown;

export const serializeBody: Serializer = (body, headers) =>
  hasFile(body) ? multipartBody(body) : (defaultBodySerializer as Serializer)(body, headers);

/** The body as `multipart/form-data`, whatever it holds (for an operation that takes multipart only). */
export function multipartBody(body: unknown): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new TypeError(
      `a multipart/form-data body must be an object of fields, not ${Array.isArray(body) ? "an array" : typeof body}`,
    );
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) appendPart(form, name, item);
  }
  return form;
}

function appendPart(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob)
    form.append(name, value); // a File keeps its name; a Blob is named "blob"
  else if (value instanceof Date) form.append(name, value.toISOString());
  else if (typeof value === "object") form.append(name, JSON.stringify(value));
  else form.append(name, String(value));
}

function hasFile(body: unknown): boolean {
  if (body === null || typeof body !== "object" || Array.isArray(body) || body instanceof FormData) return false;
  return Object.values(body).some(
    (value) => value instanceof Blob || (Array.isArray(value) && value.some((item) => item instanceof Blob)),
  );
}
