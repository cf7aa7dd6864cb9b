/**
 * Paginator options -> checked settings, once, before any request. Every bad
 * value is a `RangeError` (a `TypeError` for a signal that is not one, or a
 * cursor that is not a string) that names the operation, the option and the
 * accepted values.
 */
import { PAGE_STYLES, START_OPTIONS, type StartOption } from "./page-styles.js";
import { queryValue } from "./query.js";
import type { PageSpec, PaginateOptions } from "./types.js";

/** The options with their defaults; `limit` and `maxPages` not given are `Infinity`. */
export interface PagingSettings {
  readonly limit: number;
  readonly maxPages: number;
  /** Page size sent, if any: the option, else the query's page-size parameter. */
  readonly pageSize: number | undefined;
  readonly startPage: number | undefined;
  readonly startOffset: number | undefined;
  readonly startCursor: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly concurrency: number;
  /** The client's API key (a `createClient()` client), removed from errors built from what the server sent. */
  readonly secret: string | undefined;
}

/** Most requests one paginator keeps in flight. */
export const MAX_CONCURRENCY = 16;

/** `startOption`: the one the page style takes, if any; another is a RangeError. */
export function pagingSettings(
  spec: PageSpec,
  startOption: StartOption | undefined,
  query: object | undefined,
  options: PaginateOptions,
  secret: string | undefined,
): PagingSettings {
  const where = `GET ${spec.path}`;
  /** `value` when it is undefined or a safe integer from `min` to `max`, else a RangeError. */
  const integer = (name: string, value: unknown, min: number, max = Infinity, bounds = "") => {
    if (value === undefined || (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max))
      return value as number | undefined;
    const range = max < Infinity ? `from ${min} to ${max}` : `>= ${min}`;
    throw new RangeError(`${where}: ${name} must be an integer ${range}${bounds}, got ${show(value)}`);
  };
  const [sizeName, size] =
    options.pageSize === undefined
      ? [
          `query[${JSON.stringify(spec.sizeParam)}]`,
          spec.sizeParam === undefined ? undefined : queryValue(spec, query, spec.sizeParam),
        ]
      : ["pageSize", options.pageSize];
  const pageSize = integer(
    sizeName,
    size,
    spec.minSize ?? 1,
    spec.maxSize,
    ` (the spec's bounds of ${spec.sizeParam})`,
  );
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError(`${where}: signal must be an AbortSignal, got ${show(options.signal)}`);
  }
  if (options.startCursor !== undefined && (typeof options.startCursor !== "string" || options.startCursor === "")) {
    throw new TypeError(`${where}: startCursor must be a non-empty string, got ${show(options.startCursor)}`);
  }
  const misplaced = START_OPTIONS.find((name) => name !== startOption && options[name] !== undefined);
  if (misplaced) {
    const style = PAGE_STYLES[spec.style].label;
    const instead = startOption ? `; start it mid-way with ${startOption}` : ", with no parameter to start mid-way";
    throw new RangeError(`${where}: ${misplaced} does not apply: this operation pages by ${style}${instead}`);
  }
  return {
    limit: integer("limit", options.limit, 0) ?? Infinity,
    maxPages: integer("maxPages", options.maxPages, 0) ?? Infinity,
    pageSize,
    startPage: integer("startPage", options.startPage, 0),
    startOffset: integer("startOffset", options.startOffset, 0),
    startCursor: options.startCursor,
    signal: options.signal,
    concurrency: integer("concurrency", options.concurrency, 1, MAX_CONCURRENCY) ?? 1,
    secret,
  };
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
