/**
 * What an attempt that ended without a usable response becomes: the call's
 * signal aborted (`AbortError`, never retried), the time limit ran out
 * (`TimeoutError`), or the connection failed (`ConnectionError`); an error of
 * this package's own (an `InvalidResponseError` for a body too large to hold)
 * stays what it is. Only connection failures and timeouts are worth another
 * attempt. Every message says `GET <url>`, the attempt, and what went wrong,
 * with the key removed.
 */
import { AbortError, ConnectionError, TelnyxError, TimeoutError } from "../errors.js";
import { redactText } from "../redact.js";

/** The attempt that failed, as the message names it. */
export interface FailedAttempt {
  readonly request: Request;
  /** From 1. */
  readonly attempt: number;
  readonly total: number;
  readonly timeoutMs: number;
  /** The attempt's time limit ran out. */
  readonly timedOut: boolean;
  /** The status, when the response had come and reading its body failed. */
  readonly status: number | undefined;
  /** The API key: removed from the message. */
  readonly secret: string;
}

/** The error that ends the attempt, and whether another attempt may succeed. */
export interface Failure {
  readonly error: TelnyxError;
  readonly retryable: boolean;
}

export function classifyFailure(cause: unknown, failed: FailedAttempt): Failure {
  const { request, attempt, total, timeoutMs, status, secret } = failed;
  if (request.signal.aborted) return { error: abortError(request, secret), retryable: false };
  if (cause instanceof TelnyxError) return { error: cause, retryable: false };
  const where = `(attempt ${attempt} of ${total})`;
  if (failed.timedOut) {
    const what =
      status === undefined
        ? `timed out: no answer within timeoutMs (${timeoutMs} ms) on attempt ${attempt} of ${total}`
        : `timed out: reading the ${status} answer took longer than timeoutMs (${timeoutMs} ms) ${where}`;
    return {
      error: new TimeoutError(describeRequest(request, what, secret), { attempts: attempt, cause }),
      retryable: true,
    };
  }
  const reading = status === undefined ? "" : ` while reading the ${status} answer`;
  const message = describeRequest(request, `failed${reading}: ${describeCause(cause)} ${where}`, secret);
  return { error: new ConnectionError(message, { attempts: attempt, cause }), retryable: true };
}

/** The call's signal aborted: its reason, when it gives one, ends the message. */
export function abortError(request: Request, secret: string): AbortError {
  const reason: unknown = request.signal.reason;
  let why = "";
  if (reason instanceof Error && reason.name !== "AbortError") why = `: ${reason.message}`;
  else if (typeof reason === "string") why = `: ${reason}`;
  return new AbortError(describeRequest(request, `was aborted by the caller's signal${why}`, secret), {
    cause: reason,
  });
}

/** `GET <url> <text>`, the key removed. */
function describeRequest(request: Request, text: string, secret: string): string {
  return redactText(`${request.method} ${request.url} ${text}`, secret);
}

/** "fetch failed: other side closed (UND_ERR_SOCKET)": undici hides the useful part in `cause`. */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? error.cause : undefined;
  const code = ((inner ?? error) as { code?: unknown }).code;
  const detail = inner ? `${error.message}: ${inner.message}` : error.message;
  return typeof code === "string" && !detail.includes(code) ? `${detail} (${code})` : detail;
}
