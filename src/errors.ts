/**
 * Every error the runtime throws. One root (`TelnyxError`); `ApiError` and a
 * subclass per status for HTTP answers, built by one factory
 * (`apiErrorFromResponse`); `ConnectionError` / `TimeoutError` / `AbortError`
 * when there is no answer (no status on those). Messages, headers and
 * `toJSON()` never carry the API key.
 */
import { apiErrorMessage, errorObjectsOf, type ApiErrorObject } from "./error-body.js";
import { redactHeaders, redactText, secretFor } from "./redact.js";

export type { ApiErrorObject } from "./error-body.js";

/** Gives a class its `name` on the prototype: stack headers and `toString()` use it, and it is no own property. */
function named(cls: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}

/** The root of every error thrown by this package. */
export class TelnyxError extends Error {
  /** Name, message and the subclass's fields (status, errors, page, ...); never `stack` or `cause`. */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }
}
named(TelnyxError, "TelnyxError");

/** A bad option or environment variable, thrown by `createClient()`. */
export class ConfigurationError extends TelnyxError {}
named(ConfigurationError, "ConfigurationError");

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
export class ApiError extends TelnyxError {
  readonly status: number;
  /** The `errors` of the spec's ErrorResponse; empty when the body had none. */
  readonly errors: readonly ApiErrorObject[];
  /** The `x-request-id` response header: quote it to Telnyx support. */
  readonly requestId: string | undefined;
  /** Response headers, lower-cased, with secrets shown as `***`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The page number, when the error ended a paginator. */
  declare readonly page?: number;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
    this.headers = init.headers ?? {};
    if (init.page !== undefined) Object.defineProperty(this, "page", { value: init.page, enumerable: true });
  }
}
named(ApiError, "ApiError");

export class BadRequestError extends ApiError {
  declare readonly status: 400;
}
export class AuthenticationError extends ApiError {
  declare readonly status: 401;
}
export class PermissionDeniedError extends ApiError {
  declare readonly status: 403;
}
export class NotFoundError extends ApiError {
  declare readonly status: 404;
}
export class ConflictError extends ApiError {
  declare readonly status: 409;
}
export class UnprocessableEntityError extends ApiError {
  declare readonly status: 422;
}
export class RateLimitError extends ApiError {
  declare readonly status: 429;
}
/** Any status of 500 or more. */
export class InternalServerError extends ApiError {}
named(BadRequestError, "BadRequestError");
named(AuthenticationError, "AuthenticationError");
named(PermissionDeniedError, "PermissionDeniedError");
named(NotFoundError, "NotFoundError");
named(ConflictError, "ConflictError");
named(UnprocessableEntityError, "UnprocessableEntityError");
named(RateLimitError, "RateLimitError");
named(InternalServerError, "InternalServerError");

const CLASS_OF_STATUS: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The class for a status: the table above, `InternalServerError` for >= 500, else `ApiError`. */
export function apiErrorClassFor(status: number): typeof ApiError {
  return CLASS_OF_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/**
 * The one factory from a failed answer to its `ApiError` subclass. `body` is
 * openapi-fetch's `error` (parsed JSON, text, `""` or `undefined`): any of
 * them gives the right class and a useful message.
 */
export function apiErrorFromResponse(response: Response, body: unknown, extra: { page?: number | undefined } = {}): ApiError {
  const secret = secretFor(response);
  const errors = errorObjectsOf(body, secret);
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const message = apiErrorMessage({ status: response.status, statusText: response.statusText, errors, body, requestId, page: extra.page });
  const ErrorClass = apiErrorClassFor(response.status);
  return new ErrorClass({
    status: response.status,
    message: redactText(message, secret),
    errors,
    headers: redactHeaders(response.headers, secret),
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
export class ConnectionError extends TelnyxError {
  /** How many attempts were made. */
  readonly attempts: number;
  constructor(message: string, options: { attempts: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.attempts = options.attempts;
  }
}
named(ConnectionError, "ConnectionError");

/** No answer within `timeoutMs` on the last attempt. A `ConnectionError`, as in the Stainless SDKs. */
export class TimeoutError extends ConnectionError {}
named(TimeoutError, "TimeoutError");

/** The caller's `signal` aborted the call. Never retried. */
export class AbortError extends TelnyxError {}
named(AbortError, "AbortError");

/** A 2xx answer whose body is not the JSON the operation promises. */
export class InvalidResponseError extends TelnyxError {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly contentType: string | undefined;
  constructor(message: string, options: { status: number; requestId?: string | undefined; contentType?: string | undefined; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.requestId = options.requestId;
    this.contentType = options.contentType;
  }
}
named(InvalidResponseError, "InvalidResponseError");

/** A paginator stopped: the server's pages do not add up (repeats, wrong page numbers, no items). */
export class PaginationError extends TelnyxError {
  /** The page number sent when the problem showed. */
  readonly page: number;
  constructor(message: string, options: { page: number; cause?: unknown }) {
    super(message.includes(`page ${options.page}`) ? message : `${message} (page ${options.page})`, { cause: options.cause });
    this.page = options.page;
  }
}
named(PaginationError, "PaginationError");
