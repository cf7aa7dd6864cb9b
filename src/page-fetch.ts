/**
 * One page: the GET with the page number (and size) in the query, then the
 * 200 body read into what the loop needs. A non-2xx answer (after the
 * client's retries) is the `ApiError` of its status, carrying the page.
 */
import { apiErrorFromResponse, PaginationError } from "./errors.js";
import type { PageRequest, PageSpec, PagingClient } from "./paginate.js";

export interface FetchedPage {
  /** The page number sent. */
  readonly number: number;
  /** The 200 body, as the server sent it. */
  readonly body: unknown;
  readonly items: readonly unknown[];
  /** The meta's page number, when the body has one. */
  readonly metaNumber: number | undefined;
  /** The meta's total pages, when the body has one. */
  readonly totalPages: number | undefined;
}

export async function fetchPage(
  client: PagingClient,
  spec: PageSpec,
  request: PageRequest,
  pageSize: number | undefined,
  number: number,
  signal: AbortSignal | undefined,
): Promise<FetchedPage> {
  const query: Record<string, unknown> = { ...request.query, [spec.pageParam]: number };
  if (pageSize !== undefined) query[spec.sizeParam] = pageSize;
  const params = { path: request.path, query };
  const { data, error, response } = await client.GET(spec.path, signal ? { params, signal } : { params });
  if (!response.ok) throw apiErrorFromResponse(response, error, { page: number });
  const items = isRecord(data) ? data[spec.items] : undefined;
  if (!Array.isArray(items)) {
    const got = isRecord(data) ? `no array "${spec.items}"` : `a ${data === undefined ? "missing" : typeof data} body`;
    throw new PaginationError(`GET ${spec.path} page ${number}: status ${response.status} with ${got}; cannot read its items`, { page: number });
  }
  const meta = spec.meta && isRecord(data) ? data[spec.meta.key] : undefined;
  return {
    number,
    body: data,
    items,
    metaNumber: isRecord(meta) && spec.meta?.pageNumber ? integer(meta[spec.meta.pageNumber]) : undefined,
    totalPages: isRecord(meta) && spec.meta?.totalPages ? integer(meta[spec.meta.totalPages]) : undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A whole number, sent as a number or as digits. */
function integer(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}
