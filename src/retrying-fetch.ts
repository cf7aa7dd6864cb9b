/**
 * The `fetch` handed to openapi-fetch for each call (its middleware cannot
 * send a request twice): each attempt gets its own time limit and the
 * caller's signal (`attempt.ts`), failed attempts are retried by the policy
 * in `retry.ts`, and a call with no answer ends in a `ConnectionError`,
 * `TimeoutError` or `AbortError`.
 */
import { AbortError, ConnectionError, InvalidResponseError, TimeoutError } from "./errors.js";
import { summarizeBody } from "./error-body.js";
import { Attempt } from "./attempt.js";
import type { Log } from "./logger.js";
import { redactHeaders, redactText, rememberSecret } from "./redact.js";
import { isRetryableRequest, retryDelayMs, shouldRetry, sleep, type BackoffOptions } from "./retry.js";

export type FetchFn = (input: Request) => Promise<Response>;

export interface RetryingFetchOptions {
  /** A custom fetch, called with one `Request` per attempt; default `globalThis.fetch`. */
  fetch?: FetchFn | undefined;
  maxRetries: number;
  timeoutMs: number;
  backoff: BackoffOptions;
  log: Log;
  /** The API key: removed from every message and log line. */
  secret: string;
}

/** One typed call, as `typed-client.ts` sees it; the wrapper fills in the answer and ends the attempt it leaves running. */
export interface CallInfo {
  /** The caller's `signal`, if any. */
  readonly signal: AbortSignal | undefined;
  /** A 2xx answer must be JSON (openapi-fetch's `parseAs: "json"`). */
  readonly expectJson: boolean;
  /** A per-call fetch (openapi-fetch's per-request `fetch` option). */
  readonly fetch?: FetchFn | undefined;
  /** The answer returned and its attempt number, for errors met later while openapi-fetch reads the body. */
  response?: Response;
  attempts?: number;
  /** The returned answer's attempt: its time limit still covers reading the body; the call ends it. */
  current?: Attempt;
}

/** openapi-fetch's `fetch(request, init)` with the call first, so a call binds it without a closure. */
export type RetryingFetch = (call: CallInfo, request: Request, init?: RequestInit) => Promise<Response>;

export function createRetryingFetch(options: RetryingFetchOptions): RetryingFetch {
  const { timeoutMs, backoff, log, secret } = options;

  return async function retryingFetch(call, request, init) {
    const fetchFn = call.fetch ?? options.fetch;
    const caller = call.signal;
    if (caller?.aborted) throw abortError(request, caller.reason, secret);
    const retries = isRetryableRequest(request.method, request.headers) ? options.maxRetries : 0;
    const total = retries + 1;
    // A body is a one-shot stream: keep its bytes when it may be sent again.
    const body = retries > 0 && request.body !== null ? await request.arrayBuffer() : undefined;

    for (let number = 1; ; number++) {
      const attempt = new Attempt(timeoutMs, caller);
      const started = log.debug ? performance.now() : 0;
      log.debug?.(`-> ${request.method} ${request.url} (attempt ${number} of ${total}) headers ${JSON.stringify(redactHeaders(request.headers, secret))}`);
      let response: Response;
      try {
        response = await send(fetchFn, request, init, attempt.signal, body);
      } catch (cause) {
        attempt.end();
        if (caller?.aborted) throw abortError(request, caller.reason, secret);
        const failure = attempt.timedOut
          ? new TimeoutError(redactText(`${request.method} ${request.url} timed out: no answer within timeoutMs (${timeoutMs} ms) on attempt ${number} of ${total}`, secret), { attempts: number, cause })
          : new ConnectionError(redactText(`${request.method} ${request.url} failed: ${describeCause(cause)} (attempt ${number} of ${total})`, secret), { attempts: number, cause });
        log.debug?.(`x ${request.method} ${request.url} (attempt ${number} of ${total}) after ${elapsed(started)} ms: ${failure.name}`);
        if (number > retries) throw failure;
        await pause(retryDelayMs(undefined, number - 1, backoff), request, caller, failure.name, number + 1, total);
        continue;
      }
      log.debug?.(`<- ${response.status} ${request.method} ${request.url} (attempt ${number} of ${total}) in ${elapsed(started)} ms headers ${JSON.stringify(redactHeaders(response.headers, secret))}`);
      // Only failures are retried: x-should-retry on a 2xx means nothing.
      if (!response.ok && number <= retries && shouldRetry(response)) {
        attempt.end();
        response.body?.cancel().catch(() => {});
        await pause(retryDelayMs(response.headers, number - 1, backoff), request, caller, String(response.status), number + 1, total);
        continue;
      }
      rememberSecret(response, secret);
      call.current = attempt;
      call.response = response;
      call.attempts = number;
      if (call.expectJson) await assertJson(request, response, secret);
      return response;
    }
  };

  /** Waits before the next attempt; the caller's abort ends the wait at once. */
  async function pause(ms: number, request: Request, caller: AbortSignal | undefined, after: string, next: number, total: number): Promise<void> {
    log.info?.(`retrying ${request.method} ${request.url} in ${Math.round(ms)} ms (attempt ${next} of ${total}) after ${after}`);
    try {
      await sleep(ms, caller);
    } catch (reason) {
      throw abortError(request, reason, secret);
    }
  }
}

/** One attempt: the default fetch takes the signal (and body) as init; a custom fetch gets a fresh `Request`. */
function send(fetchFn: FetchFn | undefined, request: Request, ext: RequestInit | undefined, signal: AbortSignal, body: ArrayBuffer | undefined): Promise<Response> {
  const init: RequestInit = body === undefined ? { signal } : { signal, body };
  if (!fetchFn) return fetch(request, ext ? { ...ext, ...init } : init);
  return fetchFn(new Request(request, init));
}

/** application/json, text/json, application/problem+json, application/vnd.api+json; not x-ndjson. */
const JSON_TYPE = /[/+]json\s*(;|$)/i;

/** A 2xx answer with a non-JSON content type is an error now, not a `SyntaxError` inside openapi-fetch. */
async function assertJson(request: Request, response: Response, secret: string): Promise<void> {
  const contentType = response.headers.get("content-type");
  if (contentType === null || JSON_TYPE.test(contentType) || !response.ok || response.status === 204 || request.method === "HEAD") return;
  if (response.headers.get("content-length") === "0") return;
  const text = await response.text().catch(() => undefined);
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const message = `${request.method} ${request.url} answered ${response.status} with ${contentType} where JSON was expected: ${summarizeBody(text)}${requestId ? ` (request id ${requestId})` : ""}`;
  throw new InvalidResponseError(redactText(message, secret), { status: response.status, requestId, contentType });
}

function abortError(request: Request, reason: unknown, secret: string): AbortError {
  const why = reason instanceof Error && reason.name !== "AbortError" ? `: ${reason.message}` : typeof reason === "string" ? `: ${reason}` : "";
  return new AbortError(redactText(`${request.method} ${request.url} was aborted by the caller's signal${why}`, secret), { cause: reason });
}

/** "fetch failed: other side closed (UND_ERR_SOCKET)": undici hides the useful part in `cause`. */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? error.cause : undefined;
  const code = (inner ?? error) as { code?: unknown };
  const detail = inner ? `${error.message}: ${inner.message}` : error.message;
  return typeof code.code === "string" && !detail.includes(code.code) ? `${detail} (${code.code})` : detail;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
