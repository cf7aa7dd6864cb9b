/**
 * `createClient()`: openapi-fetch's typed client for the spec's `paths`,
 * built with its documented options only: `baseUrl`, `headers` (bearer auth,
 * a User-Agent), one `querySerializer`, a `bodySerializer` that sends a body
 * holding a file as multipart (`fetch/multipart-body.ts`), a retrying `fetch`
 * that gives each attempt its own time limit and reads the body within it
 * (`fetch/retrying-fetch.ts`), and one middleware that holds 2xx responses
 * read as JSON to being JSON (`fetch/json-responses.ts`). The spec's
 * multipart-only operations get the multipart serializer per call
 * (`fetch/multipart-operations.ts`). HTTP responses come back as
 * openapi-fetch's `{ data, error, response }`; only a call with no usable
 * response throws (`ConnectionError`, `TimeoutError`, `AbortError`,
 * `InvalidResponseError`).
 */
import createFetchClient, { createQuerySerializer, type Client } from "openapi-fetch";
import { multipartOperations } from "../generated/multipart-operations.js";
import type { paths } from "../generated/schema.js";
import { servers } from "../generated/servers.js";
import { withApiKey } from "./client-key.js";
import {
  DEFAULTS,
  MAX_STRING_BYTES,
  resolveApiKey,
  resolveBaseUrl,
  resolveInteger,
  resolveLogLevel,
} from "./config.js";
import { idempotencyKeys } from "./fetch/idempotency-keys.js";
import { jsonResponses } from "./fetch/json-responses.js";
import { serializeBody } from "./fetch/multipart-body.js";
import { multipartByOperation } from "./fetch/multipart-operations.js";
import { createRetryingFetch, type FetchFn } from "./fetch/retrying-fetch.js";
import { ConfigurationError } from "./errors.js";
import { createLog, type Logger, type LogLevel } from "./logger.js";
import { USER_AGENT } from "./version.js";

export type { Logger, LogLevel } from "./logger.js";
export { PACKAGE_NAME, VERSION } from "./version.js";
export { multipartBody } from "./fetch/multipart-body.js";

/** The client `createClient()` returns: openapi-fetch's `Client` for the spec's paths. */
export type TelnyxClient = Client<paths>;

export interface TelnyxClientOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. Default: the TELNYX_API_KEY environment variable. */
  apiKey?: string;
  /** Default: TELNYX_BASE_URL, else the spec's first server (`https://api.telnyx.com/v2`). */
  baseUrl?: string;
  /** Retries after the first attempt, for idempotent requests (or with an `Idempotency-Key`). Default 2. */
  maxRetries?: number;
  /** Time limit of each attempt, reading the body included, in ms. Default 60000. */
  timeoutMs?: number;
  /** The first retry's delay when the server names none, doubled per retry. Default 500. */
  initialRetryDelayMs?: number;
  /** The longest backoff delay. Default 8000. */
  maxRetryDelayMs?: number;
  /** The largest 2xx body read, in bytes; a longer one is an `InvalidResponseError`. Default 256 MiB, at most 2^29 - 24 (the longest string V8 holds). */
  maxBodyBytes?: number;
  /** Called once per attempt with a new `Request` (honour its `signal`). Default `globalThis.fetch`. */
  fetch?: FetchFn;
  /**
   * Give every POST and PATCH that has no `Idempotency-Key` header one
   * (`crypto.randomUUID()`), the same on each retry of that call, so those
   * calls are retried like GETs. A key you set yourself always wins. Default false.
   */
  idempotencyKeys?: boolean;
  /** Headers sent with every request (`Authorization` always comes from `apiKey`). */
  defaultHeaders?: Record<string, string>;
  /** "off" (default), "error", "warn", "info" (retries), "debug" (every attempt). Default: TELNYX_LOG. */
  logLevel?: LogLevel;
  /** Where log lines go. Default `console`. */
  logger?: Logger;
}

/** Creates the typed client; bad options throw a `ConfigurationError` here, before any request. */
export function createClient(options: TelnyxClientOptions = {}): TelnyxClient {
  const apiKey = resolveApiKey(options.apiKey);
  const baseUrl = resolveBaseUrl(options.baseUrl, servers as readonly string[]);
  const maxRetries = resolveInteger("maxRetries", options.maxRetries, DEFAULTS.maxRetries, 0, 100);
  const timeoutMs = resolveInteger("timeoutMs", options.timeoutMs, DEFAULTS.timeoutMs, 1);
  const initialDelayMs = resolveInteger(
    "initialRetryDelayMs",
    options.initialRetryDelayMs,
    DEFAULTS.initialRetryDelayMs,
    0,
  );
  const maxDelayMs = resolveInteger(
    "maxRetryDelayMs",
    options.maxRetryDelayMs,
    Math.max(DEFAULTS.maxRetryDelayMs, initialDelayMs),
    initialDelayMs,
  );
  const maxBodyBytes = resolveInteger("maxBodyBytes", options.maxBodyBytes, DEFAULTS.maxBodyBytes, 1, MAX_STRING_BYTES);
  if (options.idempotencyKeys !== undefined && typeof options.idempotencyKeys !== "boolean") {
    throw new ConfigurationError(
      `idempotencyKeys must be true or false, got ${JSON.stringify(options.idempotencyKeys)}.`,
    );
  }
  const log = createLog(resolveLogLevel(options.logLevel), options.logger ?? console, apiKey);

  const client = createFetchClient<paths>({
    baseUrl,
    headers: {
      Accept: "application/json",
      "User-Agent": USER_AGENT,
      ...options.defaultHeaders,
      Authorization: `Bearer ${apiKey}`,
    },
    querySerializer: createQuerySerializer(),
    bodySerializer: serializeBody, // a body with a Blob in it goes as multipart/form-data (fetch/multipart-body.ts)
    fetch: createRetryingFetch({
      fetch: options.fetch,
      maxRetries,
      timeoutMs,
      backoff: { initialDelayMs, maxDelayMs },
      maxBodyBytes,
      log,
      secret: apiKey,
    }),
  });
  client.use(jsonResponses(apiKey));
  if (options.idempotencyKeys) client.use(idempotencyKeys());
  // The paginator finds the key on the client, to remove it from errors built from what the server sent.
  return withApiKey(multipartByOperation(client, multipartOperations), apiKey);
}
