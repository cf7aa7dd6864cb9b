/**
 * An error -> what the CLI prints and its exit code. API errors read
 * `status code: title - detail`, one line per error object (the page number
 * added when paging); bad usage (a flag, or a key or base URL the client's
 * rules refuse) exits 2; any other failure (network, timeout, a broken page
 * sequence, a bug such as a RangeError) exits 1.
 */
import { ApiError, ConfigurationError } from "../errors.js";
import { UsageError } from "./usage-error.js";

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

export interface Failure {
  lines: string[];
  exit: number;
  /** For usage errors: the command whose `--help` to point at. */
  helpFor?: string;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) return { lines: [error.message], exit: EXIT.usage, helpFor: error.helpFor };
  if (error instanceof ConfigurationError) return { lines: [error.message], exit: EXIT.usage };
  if (error instanceof ApiError) return { lines: apiErrorLines(error), exit: EXIT.failure };
  const name = error instanceof Error ? error.name : "";
  if (name === "AbortError") return { lines: ["interrupted"], exit: EXIT.interrupted };
  const message = error instanceof Error ? error.message : String(error);
  return { lines: [message.split("\n")[0] ?? "unknown error"], exit: EXIT.failure };
}

/**
 * `401 10009: Authentication failed - The API key is invalid` (and ` (page 3)`
 * when paging), one line per error object; without them, the error's own
 * message, which already says the status, the page and the request id.
 */
export function apiErrorLines(error: ApiError): string[] {
  if (error.errors.length === 0) return [error.message];
  const where = error.page !== undefined ? ` (page ${error.page})` : "";
  return error.errors.map((e) => {
    const head = `${error.status}${e.code ? ` ${e.code}` : ""}`;
    const text = [e.title, e.detail].filter((t) => typeof t === "string" && t !== "").join(" - ");
    return `${head}: ${text || "(no title)"}${where}`;
  });
}
