/**
 * The `fetch` handed to openapi-fetch for each call (its middleware cannot
 * send a request twice): each attempt gets its own time limit and the
 * caller's signal (`attempt.ts`), failed attempts are retried by the policy
 * in `retry.ts`, and a call with no usable answer ends in a `ConnectionError`,
 * `TimeoutError`, `AbortError` or `InvalidResponseError`, whether it stopped
 * before the answer or while openapi-fetch read its body (`readError`).
 */
import { AbortError, ConnectionError, InvalidResponseError, TelnyxError, TimeoutError } from "./errors.js";
import { summarizeBody } from "./error-body.js";
import { Attempt } from "./attempt.js";
import type { Log } from "./logger.js";
import { redactHeaders, redactText, rememberSecret } from "./redact.js";
import { isRetryableRequest, retryDelayMs, shouldRetry, sleep, type BackoffOptions } from "./retry.js";

export type FetchFn = (input: Request) => Promise<Response>;

/**
 * What openapi-fetch builds (its `Request` option) when no middleware will see
 * the request: its URL and init, kept as they are. An attempt then calls
 * `fetch(url, init)`, so fetch builds one `Request` where it would copy
 * openapi-fetch's into a second.
 */
export class PlainRequest {
  declare readonly url: string;
  declare readonly method: string;
  declare readonly headers: Headers;
  declare readonly body?: BodyInit | null;
  constructor(url: string, init: RequestInit) {
    Object.assign(this, init);
    this.url = url;
  }
}

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

/** One typed call, as `typed-client.ts` sees it; the fetch fills in the rest and leaves the answer's attempt running. */
export interface CallInfo {
  /** The caller's `signal`, if any. */
  readonly signal: AbortSignal | undefined;
  /** A 2xx answer must be JSON (openapi-fetch's `parseAs: "json"`). */
  readonly expectJson: boolean;
  /** A per-call fetch (openapi-fetch's per-request `fetch` option). */
  readonly fetch?: FetchFn | undefined;
  /** The answer returned, its request and attempt number, for errors met later while openapi-fetch reads the body. */
  request?: Request | PlainRequest;
  response?: Response;
  attempts?: number;
  /** The returned answer's attempt: its time limit still covers reading the body; the call ends it. */
  current?: Attempt;
}

export interface RetryingFetch {
  /** openapi-fetch's `fetch(request)`, with the call first. */
  send(call: CallInfo, request: Request | PlainRequest): Promise<Response>;
  /** The package's error for `error`, thrown while openapi-fetch read the answer `call.response`; anything else unchanged. */
  readError(call: CallInfo, error: unknown): unknown;
}

export function createRetryingFetch(options: RetryingFetchOptions): RetryingFetch {
  const { maxRetries, timeoutMs, backoff, log, secret } = options;
  /** An error whose message starts with the method and URL, the key removed. */
  const fail = <E>(ErrorClass: new (message: string, fields: never) => E, request: Request | PlainRequest, text: string, fields: object) =>
    new ErrorClass(redactText(`${request.method} ${request.url} ${text}`, secret), fields as never);
  const abortError = (request: Request | PlainRequest, reason: unknown) => {
    const why = reason instanceof Error && reason.name !== "AbortError" ? `: ${reason.message}` : typeof reason === "string" ? `: ${reason}` : "";
    return fail(AbortError, request, `was aborted by the caller's signal${why}`, { cause: reason });
  };
  const notJson = (request: Request | PlainRequest, response: Response, detail: string, cause?: unknown) => {
    const requestId = response.headers.get("x-request-id") ?? undefined;
    const contentType = response.headers.get("content-type") ?? undefined;
    const text = `answered ${response.status} with ${contentType}, not valid JSON: ${detail}${requestId ? ` (request id ${requestId})` : ""}`;
    return fail(InvalidResponseError, request, text, { status: response.status, requestId, contentType, cause });
  };

  async function send(call: CallInfo, request: Request | PlainRequest): Promise<Response> {
    const caller = call.signal;
    if (caller?.aborted) throw abortError(request, caller.reason);
    const retries = isRetryableRequest(request.method, request.headers) ? maxRetries : 0;
    const total = retries + 1;
    // A body is a one-shot stream: keep its bytes when it may be sent again.
    const body = retries > 0 && request.body != null ? await replayableBody(request) : undefined;

    for (let number = 1; ; number++) {
      const attempt = new Attempt(timeoutMs, caller);
      const started = log.debug ? performance.now() : 0;
      const where = log.debug && `${request.method} ${request.url} (attempt ${number} of ${total})`;
      log.debug?.(`-> ${where} headers ${JSON.stringify(redactHeaders(request.headers, secret))}`);
      let response: Response | undefined;
      let failure: ConnectionError | undefined;
      try {
        response = await attemptFetch(call.fetch ?? options.fetch, request, attempt.signal, body);
      } catch (cause) {
        attempt.end();
        if (caller?.aborted) throw abortError(request, caller.reason);
        failure = attempt.timedOut
          ? fail(TimeoutError, request, `timed out: no answer within timeoutMs (${timeoutMs} ms) on attempt ${number} of ${total}`, { attempts: number, cause })
          : fail(ConnectionError, request, `failed: ${describeCause(cause)} (attempt ${number} of ${total})`, { attempts: number, cause });
      }
      const status = response?.status ?? failure!.name;
      log.debug?.(`<- ${status} ${where} in ${Math.round(performance.now() - started)} ms headers ${JSON.stringify(redactHeaders(response?.headers, secret))}`);
      // Only failures are retried: x-should-retry on a 2xx means nothing.
      if (number > retries || (response && (response.ok || !shouldRetry(response)))) {
        if (failure) throw failure;
        // Only a failed answer becomes an error that must remove the key.
        if (!response!.ok) rememberSecret(response!, secret);
        call.request = request;
        call.response = response;
        call.attempts = number;
        call.current = attempt;
        if (call.expectJson && !isJsonAnswer(request, response!)) {
          throw notJson(request, response!, summarizeBody(await response!.text().catch(() => undefined)));
        }
        return response!;
      }
      attempt.end();
      response?.body?.cancel().catch(() => {});
      const ms = retryDelayMs(response?.headers, number - 1, backoff);
      log.info?.(`retrying ${request.method} ${request.url} in ${Math.round(ms)} ms (attempt ${number + 1} of ${total}) after ${status}`);
      try {
        await sleep(ms, caller);
      } catch (reason) {
        throw abortError(request, reason);
      }
    }
  }

  function readError(call: CallInfo, error: unknown): unknown {
    const { request, response, current, attempts } = call;
    if (!request || !response || error instanceof TelnyxError) return error;
    if (call.signal?.aborted) return abortError(request, call.signal.reason);
    const reading = `reading the ${response.status} answer`;
    if ((error as Error | undefined)?.name === "TimeoutError" || current?.timedOut) {
      return fail(TimeoutError, request, `timed out: ${reading} took longer than timeoutMs (${timeoutMs} ms)`, { attempts, cause: error });
    }
    if (error instanceof SyntaxError) return notJson(request, response, error.message, error);
    if (error instanceof TypeError && error.message === "terminated") {
      return fail(ConnectionError, request, `failed: the connection closed while ${reading}`, { attempts, cause: error });
    }
    return error;
  }

  return { send, readError };
}

/** The body to send on each attempt: the bytes of a stream; `undefined` where a plain request's own body can be sent again. */
async function replayableBody(request: Request | PlainRequest): Promise<BodyInit | undefined> {
  if (request instanceof PlainRequest) return request.body instanceof ReadableStream ? new Response(request.body).arrayBuffer() : undefined;
  return request.arrayBuffer();
}

/** One attempt: `fetch(url, init)` for a plain request, `fetch(request, init)` otherwise; a custom fetch always gets a fresh `Request`. */
function attemptFetch(fetchFn: FetchFn | undefined, request: Request | PlainRequest, signal: AbortSignal, body: BodyInit | undefined): Promise<Response> {
  const plain = request instanceof PlainRequest;
  const input = plain ? request.url : request;
  const init: RequestInit = plain ? { ...request, signal } : { signal };
  if (body !== undefined) init.body = body;
  return fetchFn ? fetchFn(new Request(input, init)) : fetch(input, init);
}

/** application/json, text/json, application/problem+json, application/vnd.api+json; not x-ndjson. */
const JSON_TYPE = /[/+]json\s*(;|$)/i;

/** Whether openapi-fetch may parse the answer as JSON: a JSON (or no) content type, a failure, or no body. */
function isJsonAnswer(request: Request | PlainRequest, response: Response): boolean {
  const type = response.headers.get("content-type");
  return type === null || JSON_TYPE.test(type) || !response.ok || response.status === 204 || request.method === "HEAD" || response.headers.get("content-length") === "0";
}

/** "fetch failed: other side closed (UND_ERR_SOCKET)": undici hides the useful part in `cause`. */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? error.cause : undefined;
  const code = ((inner ?? error) as { code?: unknown }).code;
  const detail = inner ? `${error.message}: ${inner.message}` : error.message;
  return typeof code === "string" && !detail.includes(code) ? `${detail} (${code})` : detail;
}
