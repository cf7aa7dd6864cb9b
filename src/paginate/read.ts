/**
 * Reading one answer of a walk, whatever the page style: a non-2xx answer
 * (after the client's retries) is the `ApiError` of its status carrying the
 * page; a 2xx is read as text (the stream asks openapi-fetch for
 * `parseAs: "text"`) and parsed here, once: a body that is not JSON is an
 * `InvalidResponseError` naming the page; a body without the list is a
 * `PaginationError`; otherwise the page with its items and the totals the
 * answer gives. Also the helpers the
 * styles share: finding a value by locator, and errors that name the page
 * with the key removed.
 */
import { apiErrorFromResponse, PaginationError } from "../errors.js";
import { parseJsonBody } from "../fetch/json-body.js";
import { redactText } from "../redact.js";
import type { FetchResult, Locator, PageAsk, PageRead, PageSpec } from "./types.js";

export function readPage(
  spec: PageSpec,
  ask: PageAsk,
  { data: text, error, response }: FetchResult,
  secret: string | undefined,
): PageRead {
  if (!response.ok) throw apiErrorFromResponse(response, error, { page: ask.page, secret });
  const data = parseJsonBody(
    typeof text === "string" ? text : "",
    response,
    `GET ${spec.path} page ${ask.page}:`,
    secret,
  );
  const items = spec.items.reduce(field, data);
  if (!Array.isArray(items))
    throw paginationError(
      spec,
      ask,
      secret,
      `status ${response.status} with no array "${spec.items.join(".") || "(the body)"}"`,
    );
  const count = (locator: Locator | undefined) =>
    countAt(locator, data, response, (why) => paginationError(spec, ask, secret, why));
  const totalPages = spec.style === "page-number" ? count(spec.totalPages) : undefined;
  const totalItems = count(spec.totalItems);
  return {
    ask,
    response,
    page: { body: data, items, number: ask.page, cursor: ask.cursor, totalPages, totalItems, response },
  };
}

/** `GET /path page 3: <why>`, carrying the page (and the cursor or URL), with the key removed wherever the server echoed it. */
export function paginationError(
  spec: PageSpec,
  ask: PageAsk,
  secret: string | undefined,
  why: string,
  cursor = ask.cursor,
): PaginationError {
  return new PaginationError(redactText(`GET ${spec.path} page ${ask.page}: ${why}`, secret), {
    page: ask.page,
    cursor: cursor && redactText(cursor, secret),
  });
}

/**
 * The whole number >= 0 a locator points at (a total, a page number), or
 * undefined when the answer leaves it out (or null); anything else there (a
 * negative or fractional number, a word, an object) is a `PaginationError`
 * naming the value: the walk cannot tell where the list ends.
 */
export function countAt(
  locator: Locator | undefined,
  body: unknown,
  response: Response,
  fail: (why: string) => Error,
): number | undefined {
  const value = locate(locator, body, response);
  if (value === undefined || value === null) return undefined;
  const number = whole(value);
  if (number === undefined || number < 0)
    throw fail(`${describeLocator(locator!)} is ${showValue(value)}, not a whole number >= 0`);
  return number;
}

/** A value from an answer as a message shows it: JSON, cut at 100 characters. */
export function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}

/** The value a locator points at in one answer, if any. */
export function locate(locator: Locator | undefined, body: unknown, response: Response): unknown {
  if (locator === undefined) return undefined;
  return "header" in locator ? (response.headers.get(locator.header) ?? undefined) : locator.body.reduce(field, body);
}

/** How a message names a locator: `meta.total_pages`, `header x-total-count`. */
export function describeLocator(locator: Locator): string {
  return "header" in locator ? `header ${locator.header}` : locator.body.join(".");
}

/** `value[key]` when `value` is an object (or an array). */
export function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** A whole number, sent as a number or as digits. */
export function whole(value: unknown): number | undefined {
  const number = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return Number.isSafeInteger(number) ? (number as number) : undefined;
}
