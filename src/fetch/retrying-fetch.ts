/**
 * The `fetch` handed to openapi-fetch (its documented `fetch` option: its
 * middleware cannot send a request twice). Each attempt gets its own time
 * limit, combined with the call's signal, and the limit
 * covers the body too: the answer's body is read here, within the attempt
 * and up to a bound, and openapi-fetch gets a `Response` over those bytes.
 * So a call with no usable answer ends here, whether it stopped before the
 * answer or while its body came in: in a `ConnectionError`, `TimeoutError`
 * or `AbortError`, or an `InvalidResponseError` for a 2xx body too large to
 * hold. Failed attempts are retried by the policy in `retry-policy.ts`.
 */
import { AbortError, ConnectionError, TelnyxError, TimeoutError } from "../errors.js";
import type { Log } from "../logger.js";
import { redactHeaders, redactText, rememberSecret } from "../redact.js";
import { invalidResponse } from "./invalid-response.js";
import { readBody } from "./read-body.js";
import { isRetryableRequest, retryDelayMs, shouldRetry, sleep as realSleep, type BackoffOptions, type Sleep } from "./retry-policy.js";

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

/** Enough of an error body for its summary and the spec's error envelope; the rest is never read. */
export const ERROR_BODY_BYTES = 1024 * 1024;

/** Statuses whose answer never has a body (a `Response` cannot be built with one; fetch gives no 1xx answer). */
const NO_BODY_STATUSES = new Set([204, 205, 304]);

export function createRetryingFetch(options: RetryingFetchOptions): FetchFn {
  const { maxRetries, timeoutMs, backoff, maxBodyBytes, log, secret, sleep = realSleep } = options;
  // Each attempt is `fetch(request, { signal, body })`; a custom fetch gets that as one new `Request`.
  const custom = options.fetch;
  const send = custom ? (request: Request, init: RequestInit) => custom(new Request(request, init)) : (request: Request, init: RequestInit) => fetch(request, init);
  /** `GET <url> <text>`, the key removed. */
  const about = (request: Request, text: string) => redactText(`${request.method} ${request.url} ${text}`, secret);
  const aborted = (request: Request) => {
    const reason: unknown = request.signal.reason;
    const why = reason instanceof Error && reason.name !== "AbortError" ? `: ${reason.message}` : typeof reason === "string" ? `: ${reason}` : "";
    return new AbortError(about(request, `was aborted by the caller's signal${why}`), { cause: reason });
  };

  /** The answer with its body read (at most `maxBodyBytes` of a 2xx, `ERROR_BODY_BYTES` of a failure), as a `Response` openapi-fetch can read. */
  async function withBody(request: Request, response: Response): Promise<Response> {
    const { status, statusText, headers } = response;
    const bound = response.ok ? maxBodyBytes : ERROR_BODY_BYTES;
    const tooLarge = () => invalidResponse(response, `${request.method} ${request.url}`, `with a body of more than ${bound} bytes (maxBodyBytes): too large to hold`, secret);
    if (response.ok && Number(headers.get("content-length")) > bound) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const { stream, complete } = await readBody(response, bound);
    if (!complete && response.ok) throw tooLarge();
    const answer = new Response(NO_BODY_STATUSES.has(status) ? null : stream, { status, statusText, headers });
    if (!response.ok) rememberSecret(answer, secret); // for the ApiError built from it later
    return answer;
  }

  return async function retryingFetch(request: Request): Promise<Response> {
    if (request.signal.aborted) throw aborted(request);
    const retries = isRetryableRequest(request.method, request.headers) ? maxRetries : 0;
    const total = retries + 1;
    // A body is a one-shot stream: keep its bytes when it may be sent again.
    const body = retries > 0 && request.body !== null ? await request.arrayBuffer() : undefined;

    for (let attempt = 1; ; attempt++) {
      const where = `(attempt ${attempt} of ${total})`;
      const started = log.debug ? performance.now() : 0;
      const took = () => `in ${Math.round(performance.now() - started)} ms`;
      log.debug?.(`-> ${request.method} ${request.url} ${where} headers ${JSON.stringify(redactHeaders(request.headers, secret))}`);
      // The attempt's own signal: aborted by its time limit, or by the call's signal (an AbortController and a
      // timer; AbortSignal.any costs four times as much on Node 20).
      const limit = new AbortController();
      const timer = setTimeout(() => limit.abort(new DOMException(`The attempt took longer than ${timeoutMs} ms.`, "TimeoutError")), timeoutMs);
      const followCall = () => limit.abort(request.signal.reason);
      request.signal.addEventListener("abort", followCall);
      let status: number | undefined;
      let failed: string; // what the retry log line says went wrong
      let retryAfter: Headers | undefined;
      try {
        const init: RequestInit = { signal: limit.signal };
        if (body !== undefined) init.body = body;
        const response = await send(request, init);
        status = response.status;
        log.debug?.(`<- ${status} ${request.method} ${request.url} ${where} ${took()} headers ${JSON.stringify(redactHeaders(response.headers, secret))}`);
        // Only failures are retried: x-should-retry on a 2xx means nothing.
        if (attempt === total || response.ok || !shouldRetry(response)) return await withBody(request, response);
        await response.body?.cancel();
        failed = String(status);
        retryAfter = response.headers;
      } catch (cause) {
        if (request.signal.aborted) throw aborted(request);
        if (cause instanceof TelnyxError) throw cause;
        const reading = status === undefined ? "" : ` while reading the ${status} answer`;
        const error = limit.signal.aborted
          ? new TimeoutError(
              about(request, status === undefined ? `timed out: no answer within timeoutMs (${timeoutMs} ms) on attempt ${attempt} of ${total}` : `timed out: reading the ${status} answer took longer than timeoutMs (${timeoutMs} ms) ${where}`),
              { attempts: attempt, cause },
            )
          : new ConnectionError(about(request, `failed${reading}: ${describeCause(cause)} ${where}`), { attempts: attempt, cause });
        if (status === undefined) log.debug?.(`<- ${error.name} ${request.method} ${request.url} ${where} ${took()} headers {}`);
        if (attempt === total) throw error;
        failed = error.name;
      } finally {
        clearTimeout(timer);
        request.signal.removeEventListener("abort", followCall);
      }
      const ms = retryDelayMs(retryAfter, attempt - 1, backoff);
      log.info?.(`retrying ${request.method} ${request.url} in ${Math.round(ms)} ms (attempt ${attempt + 1} of ${total}) after ${failed}`);
      try {
        await sleep(ms, request.signal);
      } catch {
        throw aborted(request);
      }
    }
  };
}

/** "fetch failed: other side closed (UND_ERR_SOCKET)": undici hides the useful part in `cause`. */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? error.cause : undefined;
  const code = ((inner ?? error) as { code?: unknown }).code;
  const detail = inner ? `${error.message}: ${inner.message}` : error.message;
  return typeof code === "string" && !detail.includes(code) ? `${detail} (${code})` : detail;
}
