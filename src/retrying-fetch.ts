/**
 * The `fetch` handed to openapi-fetch (its middleware cannot send a request
 * twice): each attempt gets its own timeout, failed attempts are retried by
 * the policy in `retry.ts`, and a call with no answer ends in a
 * `ConnectionError`, `TimeoutError` or `AbortError`.
 */
import { AbortError, ConnectionError, InvalidResponseError, TimeoutError } from "./errors.js";
import { summarizeBody } from "./error-body.js";
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

/** What a typed call knows about itself (see `typed-client.ts`); the wrapper also works without it. */
export interface CallInfo {
  /** The caller passed a `signal`; when false the timeout alone is the attempt's signal. */
  readonly hasSignal: boolean;
  /** A 2xx answer must be JSON (openapi-fetch's `parseAs: "json"`). */
  readonly expectJson: boolean;
  /** A per-call fetch (openapi-fetch's per-request `fetch` option). */
  readonly fetch?: FetchFn | undefined;
  /** Set by the wrapper: the answer returned and its attempt, for errors met later while reading the body. */
  response?: Response;
  attempt?: number;
}

export type RetryingFetch = (request: Request, init?: RequestInit, call?: CallInfo) => Promise<Response>;

export function createRetryingFetch(options: RetryingFetchOptions): RetryingFetch {
  const { timeoutMs, backoff, log, secret } = options;

  return async function retryingFetch(request, init, call) {
    const fetchFn = call?.fetch ?? options.fetch;
    const callerSignal = request.signal;
    if (callerSignal.aborted) throw abortError(request, callerSignal.reason, secret);
    const retries = isRetryableRequest(request.method, request.headers) ? options.maxRetries : 0;
    // A body is a one-shot stream: keep its bytes when it may be sent again.
    const body = retries > 0 && request.body !== null ? await request.arrayBuffer() : undefined;

    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = call?.hasSignal === false ? timeout : AbortSignal.any([callerSignal, timeout]);
      const started = log.debug ? performance.now() : 0;
      log.debug?.(`-> ${request.method} ${request.url} (attempt ${attempt} of ${retries + 1}) headers ${JSON.stringify(redactHeaders(request.headers, secret))}`);
      let response: Response;
      try {
        response = await send(fetchFn, request, init, signal, body);
      } catch (cause) {
        if (callerSignal.aborted) throw abortError(request, callerSignal.reason, secret);
        const failure = timeout.aborted
          ? new TimeoutError(redactText(`${request.method} ${request.url} timed out: no answer within timeoutMs (${timeoutMs} ms) on attempt ${attempt} of ${retries + 1}`, secret), { attempts: attempt, cause })
          : new ConnectionError(redactText(`${request.method} ${request.url} failed: ${describeCause(cause)} (attempt ${attempt} of ${retries + 1})`, secret), { attempts: attempt, cause });
        log.debug?.(`x ${request.method} ${request.url} (attempt ${attempt} of ${retries + 1}) after ${elapsed(started)} ms: ${failure.name}`);
        if (attempt > retries) throw failure;
        await pause(retryDelayMs(undefined, attempt - 1, backoff), request, failure.name, attempt + 1, retries + 1);
        continue;
      }
      log.debug?.(`<- ${response.status} ${request.method} ${request.url} (attempt ${attempt} of ${retries + 1}) in ${elapsed(started)} ms headers ${JSON.stringify(redactHeaders(response.headers, secret))}`);
      if (attempt <= retries && shouldRetry(response)) {
        response.body?.cancel().catch(() => {});
        await pause(retryDelayMs(response.headers, attempt - 1, backoff), request, String(response.status), attempt + 1, retries + 1);
        continue;
      }
      rememberSecret(response, secret);
      if (call) {
        call.response = response;
        call.attempt = attempt;
        if (call.expectJson) await assertJson(request, response, secret);
      }
      return response;
    }
  };

  /** Waits before the next attempt; the caller's abort ends the wait at once. */
  async function pause(ms: number, request: Request, after: string, next: number, total: number): Promise<void> {
    log.info?.(`retrying ${request.method} ${request.url} in ${Math.round(ms)} ms (attempt ${next} of ${total}) after ${after}`);
    try {
      await sleep(ms, request.signal);
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

/** A 2xx answer with a non-JSON content type is an error now, not a `SyntaxError` inside openapi-fetch. */
async function assertJson(request: Request, response: Response, secret: string): Promise<void> {
  if (!response.ok || response.status === 204 || request.method === "HEAD" || response.headers.get("content-length") === "0") return;
  const contentType = response.headers.get("content-type");
  if (contentType === null || /[/+]json\s*(;|$)/i.test(contentType)) return;
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
