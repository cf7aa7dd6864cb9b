/**
 * Which operations page by page number, found by structure, never by name of
 * one API: a GET with a page-number and a page-size query parameter (integer)
 * and a 200 JSON body with exactly one array property of items. An
 * `x-pagination` object on the operation overrides what is detected;
 * `x-pagination: false` turns it off.
 */
import type { OpenApiDocument } from "./bundle.js";
import { GenerateError, pointerOf } from "./errors.js";
import { deref, isObject, schemaProperties, schemaTypes, type Node, type OperationRef } from "./openapi-walk.js";

export interface MetaFields {
  /** Property of the 200 body holding the paging metadata. */
  key: string;
  pageNumber?: string;
  totalPages?: string;
}

export interface PagedOperation {
  op: OperationRef;
  pageParam: string;
  sizeParam: string;
  /** Property of the 200 body holding the array of items. */
  items: string;
  meta?: MetaFields;
  minSize?: number;
  maxSize?: number;
  /** Media type of the 200 body, e.g. `application/json`. */
  mediaType: string;
}

export type Detection = { paged: PagedOperation } | { skipped: string } | { ignored: true };

const PAGE_NAMES = new Set(["page", "pagenumber", "pagenum", "pageno", "pageindex"]);
const SIZE_NAMES = new Set(["pagesize", "perpage", "pagelimit", "limit", "size", "itemsperpage", "pagelength"]);
const TOTAL_PAGES_NAMES = new Set(["totalpages", "pagecount", "numpages", "pages", "lastpage", "pagestotal"]);
const PAGE_NUMBER_NAMES = new Set(["pagenumber", "page", "currentpage", "pageindex", "pagenum"]);

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

export function detectPagination(doc: OpenApiDocument, op: OperationRef, file: string): Detection {
  const override = op.operation["x-pagination"];
  const place = { file, pointer: pointerOf(["paths", op.path, op.method, "x-pagination"]) };
  if (override === false) return { skipped: "x-pagination: false" };
  if (override !== undefined && !isObject(override)) {
    throw new GenerateError("x-pagination must be false or an object", place, "see the README section on x-pagination");
  }
  if (op.method !== "get") {
    if (override) throw new GenerateError("x-pagination is only supported on GET operations", place);
    return { ignored: true };
  }
  const query = op.parameters.filter((p) => p.in === "query");
  const body = successBody(doc, op.operation);
  const arrays = body ? [...schemaProperties(doc, body.schema)].filter(([, s]) => schemaTypes(doc, s).includes("array")) : [];
  const pageParam = str(override?.pageParam) ?? query.find((p) => PAGE_NAMES.has(normalise(String(p.name))) && isInteger(doc, p))?.name;
  const sizeParam = str(override?.sizeParam) ?? query.find((p) => SIZE_NAMES.has(normalise(String(p.name))) && isInteger(doc, p))?.name;
  const items = str(override?.items) ?? (arrays.length === 1 ? arrays[0]![0] : undefined);
  const listLike = pageParam !== undefined || sizeParam !== undefined || arrays.length > 0;
  const skip = (reason: string): Detection => {
    if (override) throw new GenerateError(`x-pagination: ${reason}`, place, "complete x-pagination (pageParam, sizeParam, items) or fix the operation");
    return listLike ? { skipped: reason } : { ignored: true };
  };
  if (typeof pageParam !== "string") return skip("no integer page-number query parameter");
  if (typeof sizeParam !== "string") return skip("no integer page-size query parameter");
  if (!query.some((p) => p.name === pageParam)) return skip(`page parameter ${JSON.stringify(pageParam)} is not a query parameter`);
  const size = query.find((p) => p.name === sizeParam);
  if (!size) return skip(`page-size parameter ${JSON.stringify(sizeParam)} is not a query parameter`);
  if (!body) return skip("no 200 JSON response body");
  if (items === undefined) {
    return skip(arrays.length === 0 ? "the 200 body has no array property" : `the 200 body has ${arrays.length} array properties (${arrays.map(([k]) => k).join(", ")})`);
  }
  if (!arrays.some(([k]) => k === items)) return skip(`the 200 body has no array property ${JSON.stringify(items)}`);
  const bounds = sizeBounds(doc, size.schema);
  return {
    paged: {
      op,
      pageParam,
      sizeParam,
      items,
      meta: metaOverride(override?.meta) ?? detectMeta(doc, body.schema, items),
      ...bounds,
      mediaType: body.mediaType,
    },
  };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function isInteger(doc: OpenApiDocument, param: Node): boolean {
  const types = schemaTypes(doc, param.schema);
  return types.includes("integer") || types.includes("number");
}

function successBody(doc: OpenApiDocument, operation: Node): { schema: unknown; mediaType: string } | undefined {
  const responses = deref(doc, operation.responses);
  if (!isObject(responses)) return undefined;
  const ok = deref(doc, responses["200"]);
  if (!isObject(ok) || !isObject(ok.content)) return undefined;
  const mediaType = Object.keys(ok.content).find((t) => /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i.test(t));
  if (!mediaType) return undefined;
  const media = deref(doc, ok.content[mediaType]);
  return isObject(media) && media.schema !== undefined ? { schema: media.schema, mediaType } : undefined;
}

function sizeBounds(doc: OpenApiDocument, schema: unknown): { minSize?: number; maxSize?: number } {
  const s = deref(doc, schema);
  if (!isObject(s)) return {};
  const out: { minSize?: number; maxSize?: number } = {};
  if (typeof s.minimum === "number") out.minSize = Math.ceil(s.minimum);
  if (typeof s.exclusiveMinimum === "number") out.minSize = Math.floor(s.exclusiveMinimum) + 1;
  if (typeof s.maximum === "number") out.maxSize = Math.floor(s.maximum);
  if (typeof s.exclusiveMaximum === "number") out.maxSize = Math.ceil(s.exclusiveMaximum) - 1;
  return out;
}

function metaOverride(value: unknown): MetaFields | undefined {
  if (!isObject(value) || typeof value.key !== "string") return undefined;
  return { key: value.key, pageNumber: str(value.pageNumber), totalPages: str(value.totalPages) };
}

/** The object property of the body that carries a total-pages (or page-number) integer. */
function detectMeta(doc: OpenApiDocument, body: unknown, items: string): MetaFields | undefined {
  for (const [key, schema] of schemaProperties(doc, body)) {
    if (key === items) continue;
    const fields = [...schemaProperties(doc, schema)].filter(([, s]) => schemaTypes(doc, s).some((t) => t === "integer" || t === "number"));
    const totalPages = fields.find(([name]) => TOTAL_PAGES_NAMES.has(normalise(name)))?.[0];
    const pageNumber = fields.find(([name]) => PAGE_NUMBER_NAMES.has(normalise(name)))?.[0];
    if (totalPages || pageNumber) return { key, ...(pageNumber && { pageNumber }), ...(totalPages && { totalPages }) };
  }
  return undefined;
}
