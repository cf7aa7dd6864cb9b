/**
 * Reads each page's answer, in page order. A non-2xx answer (after the
 * client's retries) is the `ApiError` of its status, carrying the page. A
 * `PaginationError` naming the page stops a 200 without the array of items,
 * and a server that ignores the page number (the Telnyx SDK asks for
 * `meta.page_number + 1`, so it would ask for page 2 forever): its meta page
 * number is not the one sent, or it sends the same items as the page before.
 * Constant memory: of the page before, only its count and its first and last
 * items are kept (a server repeating a page sends equal items; the comparison
 * stops at the first field that differs, so distinct pages cost next to nothing).
 */
import { apiErrorFromResponse, PaginationError } from "../errors.js";
import type { Locator, PageNumberSpec } from "./types.js";

/** What openapi-fetch's `GET` resolves to. */
export interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface ReadPage {
  /** The 200 body, as the server sent it. */
  readonly body: unknown;
  readonly items: readonly unknown[];
  /** The meta's total pages, when the body has one. */
  readonly totalPages: number | undefined;
}

/** Reads the answers of consecutive pages, one call per page. */
export function pageReader(spec: PageNumberSpec): (number: number, answer: Answer) => ReadPage {
  const { pageParam } = spec;
  let previous: unknown[] | undefined; // the page before: count, first and last item
  return (number, { data, error, response }) => {
    const fail = (why: string) => new PaginationError(`GET ${spec.path} page ${number}: ${why}`, { page: number });
    if (!response.ok) throw apiErrorFromResponse(response, error, { page: number });
    const items = spec.items.reduce(field, data);
    if (!Array.isArray(items)) throw fail(`status ${response.status} with no array "${spec.items.join(".")}"`);
    const answered = whole(locate(spec.pageNumber, data, response));
    if (answered !== undefined && answered !== number) {
      throw fail(`the server answered with page ${answered} (${describe(spec.pageNumber!)}), so it ignores ${pageParam}`);
    }
    // Two pages of distinct records never share count, first and last item; a server repeating a page always does.
    const seen = [items.length, items[0], items[items.length - 1]];
    if (previous && sameJson(seen, previous)) throw fail(`the server sent the same items as page ${number - 1}, so it ignores ${pageParam}`);
    previous = seen;
    return { body: data, items, totalPages: whole(locate(spec.totalPages, data, response)) };
  };
}

/** Whether two parsed JSON values are equal. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/** `value[key]` when `value` is an object. */
function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The value a locator points at in one answer, if any. */
export function locate(locator: Locator | undefined, body: unknown, response: Response): unknown {
  if (locator === undefined) return undefined;
  return "header" in locator ? (response.headers.get(locator.header) ?? undefined) : locator.body.reduce(field, body);
}

function describe(locator: Locator): string {
  return "header" in locator ? `header ${locator.header}` : locator.body.join(".");
}

/** A whole number, sent as a number or as digits. */
function whole(value: unknown): number | undefined {
  const number = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return Number.isSafeInteger(number) ? (number as number) : undefined;
}
