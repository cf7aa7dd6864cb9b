/**
 * Every error the runtime throws, the way Stainless SDKs write them
 * (`core/error.ts`): one root (`TelnyxError`), `ApiError` and one subclass
 * per status for HTTP responses, picked by one factory (`apiErrorFromResponse`);
 * `ConnectionError` / `TimeoutError` / `AbortError` when there is no response
 * (no status on those). Each class names itself, so `name`, `toString()` and
 * stack headers survive minifiers. Messages, fields and `toJSON()` never
 * carry the API key: whoever builds an error redacts what it puts in, with
 * the `secret` it is given (the client's own failed responses come with the
 * key already removed, `fetch/read-response.ts`).
 */
import { apiErrorMessage, errorObjectsOf, type ApiErrorObject } from "./error-body.js";
import type { FetchResult } from "./paginate/types.js";
import { redactHeaders, redactText } from "./redact.js";

export type { ApiErrorObject } from "./error-body.js";

/** The root of every error thrown by this package. */
export class TelnyxError extends Error {
  override readonly name: string = "TelnyxError";

  constructor(message: string, options?: { cause?: unknown }) {
    // No `cause` property at all unless there is one.
    super(message, options?.cause === undefined ? undefined : options);
  }

  /** Name, message and the subclass's fields (status, errors, page, ...); never `stack` or `cause`. */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }
}

/** A bad option or environment variable (thrown by `createClient()`) or flag (by the CLI). */
export class ConfigurationError extends TelnyxError {
  override readonly name: string = "ConfigurationError";
}

export interface ApiErrorInit {
  status: number;
  message: string;
  errors?: readonly ApiErrorObject[];
  /** Response headers, already redacted. */
  headers?: Record<string, string>;
  requestId?: string | undefined;
  page?: number | undefined;
}

/** An HTTP response outside 2xx. */
export class ApiError extends TelnyxError {
  override readonly name: string = "ApiError";
  readonly status: number;
  /** The `errors` of the spec's ErrorResponse; empty when the body had none. */
  readonly errors: readonly ApiErrorObject[];
  /** The `x-request-id` response header: quote it to Telnyx support. */
  readonly requestId: string | undefined;
  /** Response headers, lower-cased, with secrets shown as `***`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The page, when the error ended a paginator (no property otherwise). */
  declare readonly page?: number;

  constructor({ status, message, errors = [], headers = {}, requestId, page }: ApiErrorInit) {
    super(message);
    this.status = status;
    this.errors = errors;
    this.requestId = requestId;
    this.headers = headers;
    if (page !== undefined) Object.assign(this, { page });
  }
}

export class BadRequestError extends ApiError {
  override readonly name: string = "BadRequestError";
}
export class AuthenticationError extends ApiError {
  override readonly name: string = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
  override readonly name: string = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override readonly name: string = "NotFoundError";
}
export class ConflictError extends ApiError {
  override readonly name: string = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
  override readonly name: string = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError {
  override readonly name: string = "RateLimitError";
}
/** Any status of 500 or more. */
export class InternalServerError extends ApiError {
  override readonly name: string = "InternalServerError";
}

/** The class for a status: one per status above, `InternalServerError` for >= 500, else `ApiError`. */
export function apiErrorClassFor(status: number): typeof ApiError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : ApiError;
  }
}

/** What an `ApiError` may say besides the response: the page that failed, and the secret to remove. */
export interface ApiErrorExtra {
  /** The page, when the error ends a paginator. */
  page?: number | undefined;
  /** The API key, removed from the message and every field wherever the server echoed it. */
  secret?: string | undefined;
}

/**
 * The one factory from a failed response to its `ApiError` subclass. `body` is
 * openapi-fetch's `error` (parsed JSON, text, `""` or `undefined`): any of
 * them gives the right class and a useful message.
 */
export function apiErrorFromResponse(response: Response, body: unknown, extra: ApiErrorExtra = {}): ApiError {
  const { status, headers } = response;
  const { secret } = extra;
  const errors = errorObjectsOf(body, secret);
  const requestId = headers.get("x-request-id") ?? undefined;
  const message = apiErrorMessage({
    secret,
    status,
    statusText: response.statusText,
    errors,
    body,
    requestId,
    page: extra.page,
  });
  const ErrorClass = apiErrorClassFor(status);
  return new ErrorClass({
    status,
    message: redactText(message, secret),
    errors,
    headers: redactHeaders(headers, secret),
    requestId: requestId && redactText(requestId, secret),
    page: extra.page,
  });
}

/** The `data` type of a successful result. */
export type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/**
 * `data` of a 2xx result, else the `ApiError` for the response. Decides on
 * `response.ok`, never on `error` (openapi-fetch reports an empty error body
 * as `""` or `undefined`, both falsy).
 */
export function unwrap<R extends FetchResult>(result: R, extra?: ApiErrorExtra): DataOf<R> {
  if (!result.response.ok) throw apiErrorFromResponse(result.response, result.error, extra);
  return result.data as DataOf<R>;
}

/** No response: the connection failed (refused, reset, DNS...) on every attempt. */
export class ConnectionError extends TelnyxError {
  override readonly name: string = "ConnectionError";
  /** How many attempts were made. */
  readonly attempts: number;

  constructor(message: string, { attempts, cause }: { attempts: number; cause?: unknown }) {
    super(message, { cause });
    this.attempts = attempts;
  }
}

/** No response within `timeoutMs` on the last attempt. A `ConnectionError`, as in the Stainless SDKs. */
export class TimeoutError extends ConnectionError {
  override readonly name: string = "TimeoutError";
}

/** The caller's `signal` aborted the call. Never retried. */
export class AbortError extends TelnyxError {
  override readonly name: string = "AbortError";
}

export interface InvalidResponseInit {
  status: number;
  requestId?: string | undefined;
  contentType?: string | undefined;
  cause?: unknown;
}

/** A 2xx response whose body is not the JSON the operation promises, or is too large to hold. */
export class InvalidResponseError extends TelnyxError {
  override readonly name: string = "InvalidResponseError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly contentType: string | undefined;

  constructor(message: string, { status, requestId, contentType, cause }: InvalidResponseInit) {
    super(message, { cause });
    this.status = status;
    this.requestId = requestId;
    this.contentType = contentType;
  }
}

/** A paginator stopped: the server's pages do not add up (repeats, wrong page numbers, a link to another host, no items). */
export class PaginationError extends TelnyxError {
  override readonly name: string = "PaginationError";
  /** The page: its number for page-number paging, else its position in the walk (from 1). */
  readonly page: number;
  /** The cursor or next URL that gave the page, for cursor and next-link paging (no property otherwise). */
  declare readonly cursor?: string;

  constructor(
    message: string,
    { page, cursor, cause }: { page: number; cursor?: string | undefined; cause?: unknown },
  ) {
    super(message.includes(`page ${page}`) ? message : `${message} (page ${page})`, { cause });
    this.page = page;
    if (cursor !== undefined) Object.assign(this, { cursor });
  }
}

/** Which check of `verifyWebhook` failed. */
export type WebhookCheck = "public-key" | "signature-header" | "timestamp-header" | "timestamp" | "signature" | "body";

/**
 * A webhook that cannot be trusted (or no key to check it with): `check` says
 * which check failed. Messages never hold the key, the signature or the body.
 */
export class WebhookVerificationError extends TelnyxError {
  override readonly name: string = "WebhookVerificationError";
  readonly check: WebhookCheck;

  constructor(check: WebhookCheck, message: string) {
    super(message);
    this.check = check;
  }
}
