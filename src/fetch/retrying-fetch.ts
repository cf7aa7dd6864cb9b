/**
 * The `fetch` handed to openapi-fetch (its documented `fetch` option: its
 * middleware cannot send a request twice), in two parts, as openai-node
 * splits `makeRequest` and `retryRequest`: `sendAttempt` sends the request
 * once, with its own time limit (`attempt-limit.ts`) covering the body too,
 * and either ends the call (the response with its body read,
 * `read-response.ts`, or an error, `classify-failure.ts`) or says why another
 * attempt may help; the loop in `createRetryingFetch` waits as the policy
 * says (`retry-policy.ts`) and tries again.
 *
 * So a call with no usable response ends here, whether it stopped before
 * the response or while its body came in: in a `ConnectionError`,
 * `TimeoutError` or `AbortError`, or an `InvalidResponseError` for a 2xx body
 * too large to hold.
 */
import type { Log } from "../logger.js";
import { redactHeaders } from "../redact.js";
import { startAttemptLimit } from "./attempt-limit.js";
import { abortError, classifyFailure } from "./classify-failure.js";
import { readResponse } from "./read-response.js";
import {
  isRetryableRequest,
  retryDelayMs,
  shouldRetry,
  sleep as realSleep,
  type BackoffOptions,
  type Sleep,
} from "./retry-policy.js";

export type FetchFn = (request: Request) => Promise<Response>;

export interface RetryingFetchOptions {
  /** Called once per attempt with a new `Request`; default `globalThis.fetch`. */
  fetch?: FetchFn | undefined;
  maxRetries: number;
  /** Time limit of each attempt, body included, in ms. */
  timeoutMs: number;
  backoff: BackoffOptions;
  /** The most bytes of a 2xx body; a longer one is an `InvalidResponseError`. */
  maxBodyBytes: number;
  log: Log;
  /** The API key: removed from every message and log line. */
  secret: string;
  /** Waits between attempts (tests record the delays instead of waiting). */
  sleep?: Sleep | undefined;
}

/** What one attempt settles: the call's response, or why another attempt may help. */
type AttemptOutcome =
  | { readonly response: Response }
  | {
      /** What went wrong, as the retry log line says it: a status or an error name. */
      readonly failed: string;
      /** The failed response's headers, for the delay the server asks for. */
      readonly headers?: Headers;
    };

interface AttemptSettings {
  readonly fetch: FetchFn;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly log: Log;
  readonly secret: string;
}

export function createRetryingFetch(options: RetryingFetchOptions): FetchFn {
  const { maxRetries, backoff, log, secret, sleep = realSleep } = options;
  const settings: AttemptSettings = {
    fetch: options.fetch ?? ((request) => fetch(request)),
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    log,
    secret,
  };

  return async function retryingFetch(request: Request): Promise<Response> {
    if (request.signal.aborted) throw abortError(request, secret);
    const total = (isRetryableRequest(request.method, request.headers) ? maxRetries : 0) + 1;
    // A body is a one-shot stream: keep its bytes when it may be sent again.
    const body = total > 1 && request.body !== null ? await request.arrayBuffer() : undefined;
    for (let attempt = 1; ; attempt++) {
      const outcome = await sendAttempt(request, body, attempt, total, settings);
      if ("response" in outcome) return outcome.response;
      const ms = retryDelayMs(outcome.headers, attempt - 1, backoff);
      const next = `(attempt ${attempt + 1} of ${total})`;
      log.info?.(`retrying ${request.method} ${request.url} in ${Math.round(ms)} ms ${next} after ${outcome.failed}`);
      try {
        await sleep(ms, request.signal);
      } catch {
        throw abortError(request, secret);
      }
    }
  };
}

/**
 * One attempt: the request sent as a new `Request` with the attempt's own
 * signal (and the kept body bytes, if any). Its response ends the call when
 * it is a success, the last attempt, or a failure the policy does not retry;
 * a failure that ends the call is thrown.
 */
async function sendAttempt(
  request: Request,
  body: ArrayBuffer | undefined,
  attempt: number,
  total: number,
  settings: AttemptSettings,
): Promise<AttemptOutcome> {
  const { log, secret, timeoutMs } = settings;
  const what = `${request.method} ${request.url} (attempt ${attempt} of ${total})`;
  const started = performance.now();
  const took = () => `in ${Math.round(performance.now() - started)} ms`;
  const headersOf = (headers: Headers) => JSON.stringify(redactHeaders(headers, secret));
  log.debug?.(`-> ${what} headers ${headersOf(request.headers)}`);
  const limit = startAttemptLimit(request.signal, timeoutMs);
  let status: number | undefined;
  try {
    const init: RequestInit = body === undefined ? { signal: limit.signal } : { signal: limit.signal, body };
    const response = await settings.fetch(new Request(request, init));
    status = response.status;
    log.debug?.(`<- ${status} ${what} ${took()} headers ${headersOf(response.headers)}`);
    // Only failures are retried: x-should-retry on a 2xx means nothing.
    if (attempt === total || response.ok || !shouldRetry(response)) {
      return { response: await readResponse(request, response, settings) };
    }
    await response.body?.cancel();
    return { failed: String(status), headers: response.headers };
  } catch (cause) {
    const failed = { request, attempt, total, timeoutMs, timedOut: limit.timedOut, status, secret };
    const { error, retryable } = classifyFailure(cause, failed);
    if (retryable && status === undefined) log.debug?.(`<- ${error.name} ${what} ${took()} headers {}`);
    if (!retryable || attempt === total) throw error;
    return { failed: error.name };
  } finally {
    limit.end();
  }
}
