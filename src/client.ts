/**
 * `createClient()`: openapi-fetch's typed client for the spec's `paths`, with
 * bearer auth, the base URL, a User-Agent, and a retrying fetch that gives
 * each attempt its own timeout. HTTP answers come back as openapi-fetch's
 * `{ data, error, response }`; only a call with no answer throws
 * (`ConnectionError`, `TimeoutError`, `AbortError`).
 */
import createFetchClient, { createQuerySerializer, type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { servers } from "../generated/servers.js";
import { DEFAULTS, resolveApiKey, resolveBaseUrl, resolveInteger, resolveLogLevel } from "./config.js";
import { createLog, type Logger, type LogLevel } from "./logger.js";
import { createRetryingFetch } from "./retrying-fetch.js";
import { withCallInfo } from "./typed-client.js";
import { USER_AGENT } from "./version.js";

export type { Logger, LogLevel } from "./logger.js";
export { PACKAGE_NAME, VERSION } from "./version.js";

/** The client `createClient()` returns: openapi-fetch's `Client` for the spec's paths. */
export type TelnyxClient = Client<paths>;

export interface TelnyxClientOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. Default: the TELNYX_API_KEY environment variable. */
  apiKey?: string;
  /** Default: TELNYX_BASE_URL, else the spec's first server (`https://api.telnyx.com/v2`). */
  baseUrl?: string;
  /** Retries after the first attempt, for idempotent requests (or with an `Idempotency-Key`). Default 2. */
  maxRetries?: number;
  /** Time limit of each attempt, in ms. Default 60000. */
  timeoutMs?: number;
  /** The first retry's delay when the server names none, doubled per retry. Default 500. */
  initialRetryDelayMs?: number;
  /** The longest backoff delay. Default 8000. */
  maxRetryDelayMs?: number;
  /** Called once per attempt with a `Request` (honour its `signal`). Default `globalThis.fetch`. */
  fetch?: (input: Request) => Promise<Response>;
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
  const initialDelayMs = resolveInteger("initialRetryDelayMs", options.initialRetryDelayMs, DEFAULTS.initialRetryDelayMs, 0);
  const maxDelayMs = resolveInteger("maxRetryDelayMs", options.maxRetryDelayMs, Math.max(DEFAULTS.maxRetryDelayMs, initialDelayMs), initialDelayMs);
  const log = createLog(resolveLogLevel(options.logLevel), options.logger ?? console, apiKey);

  const send = createRetryingFetch({ fetch: options.fetch, maxRetries, timeoutMs, backoff: { initialDelayMs, maxDelayMs }, log, secret: apiKey });
  // One query serializer for every call (openapi-fetch makes one per call when given none).
  const base = createFetchClient<paths>({
    baseUrl,
    headers: { Accept: "application/json", "User-Agent": USER_AGENT, ...options.defaultHeaders, Authorization: `Bearer ${apiKey}` },
    querySerializer: createQuerySerializer(),
  });
  // Every method passes its own per-call fetch built on `send` (typed-client.ts).
  return withCallInfo(base, send);
}
