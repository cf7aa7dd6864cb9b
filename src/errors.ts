/**
 * Every error the runtime throws. One root (`TelnyxError`); `ApiError` and a
 * subclass per status for HTTP answers, built by one factory
 * (`apiErrorFromResponse`) from one table; `ConnectionError` / `TimeoutError`
 * / `AbortError` when there is no answer (no status on those). Messages,
 * headers and `toJSON()` never carry the API key.
 */
import { apiErrorMessage, errorObjectsOf, type ApiErrorObject } from "./error-body.js";
import { redactHeaders, redactText, secretFor } from "./redact.js";

export type { ApiErrorObject } from "./error-body.js";

/**
 * Names a class and its instances (`name` on the prototype, so stack headers
 * and `toString()` use it and it is no own property) and returns the class.
 */
function named<C extends abstract new (...args: never[]) => Error>(name: string, cls: C): C {
  Object.defineProperty(cls, "name", { value: name });
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
  return cls;
}

/** What a subclass's constructor takes after the message: its `Fields` (required if any is), and an optional `cause`. */
type FieldsArgument<Fields> = {} extends Fields ? [fields?: Fields & { cause?: unknown }] : [fields: Fields & { cause?: unknown }];

/** The root of every error thrown by this package; `fields` become own properties (`cause` goes to `Error`). */
export class TelnyxError<Fields extends object = {}> extends Error {
  constructor(message: string, ...[fields = {} as Fields]: FieldsArgument<Fields>) {
    const { cause, ...own } = fields as { cause?: unknown };
    super(message, "cause" in fields ? { cause } : undefined);
    Object.assign(this, own);
  }

  /** Name, message and the subclass's fields (status, errors, page, ...); never `stack` or `cause`. */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }
}
named("TelnyxError", TelnyxError);

/** A bad option or environment variable, thrown by `createClient()`. */
export class ConfigurationError extends TelnyxError {}
named("ConfigurationError", ConfigurationError);

export interface ApiErrorInit {
  status: number;
  message: string;
  errors?: readonly ApiErrorObject[];
  /** Response headers, already redacted. */
  headers?: Record<string, string>;
  requestId?: string | undefined;
  page?: number | undefined;
}

/** An HTTP answer outside 2xx. */
export class ApiError extends TelnyxError<Omit<ApiErrorInit, "message">> {
  declare readonly status: number;
  /** The `errors` of the spec's ErrorResponse; empty when the body had none. */
  declare readonly errors: readonly ApiErrorObject[];
  /** The `x-request-id` response header: quote it to Telnyx support. */
  declare readonly requestId: string | undefined;
  /** Response headers, lower-cased, with secrets shown as `***`. */
  declare readonly headers: Readonly<Record<string, string>>;
  /** The page number, when the error ended a paginator (no property otherwise). */
  declare readonly page?: number;

  constructor({ status, message, errors = [], headers = {}, requestId, page }: ApiErrorInit) {
    super(message, { status, errors, requestId, headers, ...(page !== undefined && { page }) });
  }
}
named("ApiError", ApiError);

/** An `ApiError` class for one status (or, for `InternalServerError`, any status of 500 or more). */
export type ApiErrorClass<Status extends number = number> = new (init: ApiErrorInit) => ApiError & { readonly status: Status };

/** The table the status subclasses are made from; `apiErrorClassFor` reads it. */
const CLASS_OF_STATUS: Readonly<Record<number, ApiErrorClass>> = Object.fromEntries(
  Object.entries({
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    500: "InternalServerError",
  }).map(([status, name]) => [status, named(name, class extends ApiError {})]),
);

export const BadRequestError = CLASS_OF_STATUS[400] as ApiErrorClass<400>;
export type BadRequestError = InstanceType<typeof BadRequestError>;
export const AuthenticationError = CLASS_OF_STATUS[401] as ApiErrorClass<401>;
export type AuthenticationError = InstanceType<typeof AuthenticationError>;
export const PermissionDeniedError = CLASS_OF_STATUS[403] as ApiErrorClass<403>;
export type PermissionDeniedError = InstanceType<typeof PermissionDeniedError>;
export const NotFoundError = CLASS_OF_STATUS[404] as ApiErrorClass<404>;
export type NotFoundError = InstanceType<typeof NotFoundError>;
export const ConflictError = CLASS_OF_STATUS[409] as ApiErrorClass<409>;
export type ConflictError = InstanceType<typeof ConflictError>;
export const UnprocessableEntityError = CLASS_OF_STATUS[422] as ApiErrorClass<422>;
export type UnprocessableEntityError = InstanceType<typeof UnprocessableEntityError>;
export const RateLimitError = CLASS_OF_STATUS[429] as ApiErrorClass<429>;
export type RateLimitError = InstanceType<typeof RateLimitError>;
/** Any status of 500 or more. */
export const InternalServerError = CLASS_OF_STATUS[500] as ApiErrorClass;
export type InternalServerError = InstanceType<typeof InternalServerError>;

/** The class for a status: the table above, `InternalServerError` for >= 500, else `ApiError`. */
export function apiErrorClassFor(status: number): ApiErrorClass {
  return CLASS_OF_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/**
 * The one factory from a failed answer to its `ApiError` subclass. `body` is
 * openapi-fetch's `error` (parsed JSON, text, `""` or `undefined`): any of
 * them gives the right class and a useful message.
 */
export function apiErrorFromResponse(response: Response, body: unknown, extra: { page?: number | undefined } = {}): ApiError {
  const { status, headers } = response;
  const secret = secretFor(response);
  const errors = errorObjectsOf(body, secret);
  const requestId = headers.get("x-request-id") ?? undefined;
  const message = apiErrorMessage({ status, statusText: response.statusText, errors, body, requestId, page: extra.page });
  return new (apiErrorClassFor(status))({
    status,
    message: redactText(message, secret),
    errors,
    headers: redactHeaders(headers, secret),
    requestId: requestId && redactText(requestId, secret),
    page: extra.page,
  });
}

/** What openapi-fetch's `client.GET(...)` and friends resolve to. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The `data` type of a successful result. */
export type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/**
 * `data` of a 2xx result, else the `ApiError` for the answer. Decides on
 * `response.ok`, never on `error` (openapi-fetch reports an empty error body
 * as `""` or `undefined`, both falsy).
 */
export function unwrap<R extends FetchResult>(result: R, extra?: { page?: number | undefined }): DataOf<R> {
  if (!result.response.ok) throw apiErrorFromResponse(result.response, result.error, extra);
  return result.data as DataOf<R>;
}

/** No answer: the connection failed (refused, reset, DNS...) on every attempt. */
export class ConnectionError extends TelnyxError<{ attempts: number }> {
  /** How many attempts were made. */
  declare readonly attempts: number;
}
named("ConnectionError", ConnectionError);

/** No answer within `timeoutMs` on the last attempt. A `ConnectionError`, as in the Stainless SDKs. */
export class TimeoutError extends ConnectionError {}
named("TimeoutError", TimeoutError);

/** The caller's `signal` aborted the call. Never retried. */
export class AbortError extends TelnyxError {}
named("AbortError", AbortError);

/** A 2xx answer whose body is not the JSON the operation promises. */
export class InvalidResponseError extends TelnyxError<{ status: number; requestId?: string | undefined; contentType?: string | undefined }> {
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly contentType: string | undefined;
}
named("InvalidResponseError", InvalidResponseError);

/** A paginator stopped: the server's pages do not add up (repeats, wrong page numbers, no items). */
export interface PaginationError extends TelnyxError<{ page: number }> {
  /** The page number sent when the problem showed. */
  readonly page: number;
}
/** Made with a pure call, so bundles without the paginators leave it out. */
export const PaginationError: new (message: string, fields: { page: number; cause?: unknown }) => PaginationError = /* @__PURE__ */ named(
  "PaginationError",
  class extends TelnyxError<{ page: number }> {
    declare readonly page: number;
    constructor(message: string, fields: { page: number; cause?: unknown }) {
      super(message.includes(`page ${fields.page}`) ? message : `${message} (page ${fields.page})`, fields);
    }
  },
);
