/**
 * Paginator options -> checked settings, once, before any request. Every bad
 * value is a `RangeError` (a `TypeError` for a signal that is not one) that
 * names the option, the operation and the accepted values.
 */
import type { PageSpec, PaginateOptions } from "./paginate.js";

export interface PagingSettings {
  readonly limit: number | undefined;
  readonly maxPages: number | undefined;
  /** Page size to send, if any (the option, else the query's page-size parameter). */
  readonly pageSize: number | undefined;
  readonly startPage: number;
  readonly signal: AbortSignal | undefined;
  readonly concurrency: number;
}

/** Most requests one paginator keeps in flight. */
export const MAX_CONCURRENCY = 16;

export function resolvePaging(spec: PageSpec, query: object | undefined, options: PaginateOptions): PagingSettings {
  const where = `GET ${spec.path}`;
  const fromQuery = query === undefined ? undefined : (query as Record<string, unknown>)[spec.sizeParam];
  const pageSize = options.pageSize ?? fromQuery;
  if (pageSize !== undefined) {
    const min = spec.minSize ?? 1;
    const max = spec.maxSize;
    const name = options.pageSize !== undefined ? "pageSize" : `query[${JSON.stringify(spec.sizeParam)}]`;
    const ok = typeof pageSize === "number" && Number.isInteger(pageSize) && pageSize >= min && (max === undefined || pageSize <= max);
    if (!ok) {
      const range = max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
      throw new RangeError(`${where}: ${name} must be ${range} (the spec's bounds of ${spec.sizeParam}), got ${show(pageSize)}`);
    }
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError(`${where}: signal must be an AbortSignal, got ${show(options.signal)}`);
  }
  return {
    limit: count(where, "limit", options.limit, 0),
    maxPages: count(where, "maxPages", options.maxPages, 0),
    pageSize: pageSize as number | undefined,
    startPage: count(where, "startPage", options.startPage, 0) ?? 1,
    signal: options.signal,
    concurrency: count(where, "concurrency", options.concurrency, 1, MAX_CONCURRENCY) ?? 1,
  };
}

function count(where: string, name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max) return value;
  const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  throw new RangeError(`${where}: ${name} must be ${range}, got ${show(value)}`);
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
