/**
 * The retry policy as small pure functions, the way the Stainless SDKs do it:
 * which requests may be sent again, which responses call for it, and how long
 * to wait. `retrying-fetch.ts` applies them; tests call them directly (and
 * hand the retrying fetch a `sleep` of their own, so no test waits for real).
 */

/** Methods that mean the same thing when sent twice (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHOD = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/i;

/** Statuses worth another attempt: timeout, conflict (lock), rate limit, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** A request may be sent again if its method is idempotent or it carries an `Idempotency-Key`. */
export function isRetryableRequest(method: string, headers: Headers): boolean {
  return IDEMPOTENT_METHOD.test(method) || headers.has("idempotency-key");
}

/** Whether a response calls for another attempt: `x-should-retry: true|false` wins over the status. */
export function shouldRetry(response: { status: number; headers: Headers }): boolean {
  const header = response.headers.get("x-should-retry");
  return header === "true" || (header !== "false" && isRetryableStatus(response.status));
}

/** The client's `initialRetryDelayMs` and `maxRetryDelayMs` (their defaults are in config.ts). */
export interface BackoffOptions {
  /** The first delay, doubled on each further retry. */
  initialDelayMs: number;
  /** The longest delay. */
  maxDelayMs: number;
}

/** The longest wait a server can ask for; longer requests are cut to this. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The wait the server asks for, in ms: `retry-after-ms`, else `Retry-After`
 * as seconds or as an HTTP date; capped at 60 s. Undefined when it asks
 * nothing usable (absent, negative, a date in the past, unparseable).
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  let wait = plainNumber(headers.get("retry-after-ms"));
  if (Number.isNaN(wait)) {
    const value = headers.get("retry-after") ?? "";
    wait = plainNumber(value) * 1000;
    if (Number.isNaN(wait)) wait = Date.parse(value) - now;
  }
  return wait >= 0 ? Math.min(wait, MAX_RETRY_AFTER_MS) : undefined;
}

/**
 * Exponential backoff with jitter: `initialDelayMs * 2^retry`, at most
 * `maxDelayMs`, minus up to 25 % so clients do not retry in step. `retry` counts from 0.
 */
export function backoffMs(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  return Math.min(options.initialDelayMs * 2 ** retry, options.maxDelayMs) * (1 - random() * 0.25);
}

/** The delay before retry number `retry` (from 0): what the server asks, else the backoff. */
export function retryDelayMs(
  headers: Headers | undefined,
  retry: number,
  options: BackoffOptions,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  return (headers && retryAfterMs(headers, now)) ?? backoffMs(retry, options, random);
}

/** How the retrying fetch waits between attempts; tests pass one that records the delays. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Waits `ms`; rejects with the signal's reason as soon as `signal` aborts (also before it starts). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener("abort", done);
  });
}

/** A plain non-negative decimal number ("1", "1.5", " 2 "), else NaN. */
function plainNumber(text: string | null): number {
  return /^\s*\d+(\.\d+)?\s*$/.test(text ?? "") ? Number(text) : NaN;
}
