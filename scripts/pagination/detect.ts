/**
 * Which operations page by page number, found by structure, never by the
 * name of an operation or of one API: a GET with an integer page-number and
 * an integer page-size query parameter (through `$ref`) and a 200 JSON body
 * with exactly one array property of items (through `$ref` and `allOf`).
 * An `x-pagination` object on the operation overrides what is detected
 * (each key it gives wins, the rest is still detected, and any failure is an
 * error instead of a skip); `x-pagination: false` turns paging off.
 */
import type { PageSpec } from "../../src/paginate/index.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { GenerateError, type Place } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { deref, isObject, schemaProperties, schemaTypes, type Node, type OperationRef } from "../spec/openapi-walk.js";

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

/** `paged`: gets a paginator; `skipped`: looks like a list but does not page by number (listed by --verbose); `ignored`: not a list. */
export type Detection = { paged: PagedOperation } | { skipped: string } | { ignored: true };

/**
 * The object the runtime's `paginate()` gets (its `PageSpec`, src/paginate/types.ts):
 * what the paginators and the CLI's commands emit. `totalItems`: the meta's
 * field counting all items, if any (scripts/cli-data/columns.ts finds it).
 */
export function pageSpecOf(p: PagedOperation, totalItems?: string): PageSpec {
  const inMeta = (name: string | undefined) => (p.meta && name !== undefined ? { body: [p.meta.key, name] } : undefined);
  const pageNumber = inMeta(p.meta?.pageNumber);
  const totalPages = inMeta(p.meta?.totalPages);
  const total = inMeta(totalItems);
  return {
    style: "page-number",
    path: p.op.path,
    items: [p.items],
    pageParam: p.pageParam,
    sizeParam: p.sizeParam,
    ...(p.minSize !== undefined && { minSize: p.minSize }),
    ...(p.maxSize !== undefined && { maxSize: p.maxSize }),
    ...(pageNumber && { pageNumber }),
    ...(totalPages && { totalPages }),
    ...(total && { totalItems: total }),
  };
}

const PAGE_NAMES = new Set(["page", "pagenumber", "pagenum", "pageno", "pageindex"]);
const SIZE_NAMES = new Set(["pagesize", "perpage", "pagelimit", "limit", "size", "itemsperpage", "pagelength"]);
const TOTAL_PAGES_NAMES = new Set(["totalpages", "pagecount", "numpages", "pages", "lastpage", "pagestotal", "pagetotal"]);
const PAGE_NUMBER_NAMES = new Set(["pagenumber", "page", "currentpage", "pageindex", "pagenum"]);

export const normaliseName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

export function detectPagination(doc: OpenApiDocument, op: OperationRef, file: string): Detection {
  const place: Place = { file, pointer: pointerOf(["paths", op.path, op.method, "x-pagination"]) };
  const override = readOverride(op.operation["x-pagination"], place);
  if (override === false) return { skipped: "x-pagination: false" };
  if (op.method !== "get") {
    if (override) throw new GenerateError("x-pagination is only supported on GET operations", place, "remove x-pagination from this operation");
    return { ignored: true };
  }
  const query = op.parameters.filter((p) => p.in === "query");
  const body = successBody(doc, op.operation);
  const arrays = body ? [...schemaProperties(doc, body.schema)].filter(([, s]) => schemaTypes(doc, s).includes("array")).map(([k]) => k) : [];
  const pageFound = findParam(doc, query, PAGE_NAMES, override?.pageParam, "page-number");
  const sizeFound = findParam(doc, query, SIZE_NAMES, override?.sizeParam, "page-size");
  const listLike = "name" in pageFound || "name" in sizeFound || pageFound.near !== undefined || sizeFound.near !== undefined || arrays.length > 0;
  const skip = (reason: string): Detection => {
    if (override) throw new GenerateError(`x-pagination: ${reason}`, place, "fix the operation or the x-pagination keys (pageParam, sizeParam, items, meta)");
    return listLike ? { skipped: reason } : { ignored: true };
  };
  if (!("name" in pageFound)) return skip(pageFound.reason);
  if (!("name" in sizeFound)) return skip(sizeFound.reason);
  if (pageFound.name === sizeFound.name) return skip(`${JSON.stringify(pageFound.name)} cannot be both the page-number and the page-size parameter`);
  if (!body) return skip("no 200 JSON response body");
  const items = override?.items ?? (arrays.length === 1 ? arrays[0] : undefined);
  if (items === undefined) {
    return skip(arrays.length === 0 ? "the 200 body has no array property" : `the 200 body has ${arrays.length} array properties (${arrays.join(", ")}); set x-pagination.items`);
  }
  if (!arrays.includes(items)) return skip(`the 200 body has no array property ${JSON.stringify(items)}`);
  if (override?.meta && !schemaProperties(doc, body.schema).has(override.meta.key)) return skip(`the 200 body has no property ${JSON.stringify(override.meta.key)} (meta.key)`);
  const meta = override?.meta === false ? undefined : (override?.meta ?? detectMeta(doc, body.schema, items));
  return {
    paged: {
      op,
      pageParam: pageFound.name,
      sizeParam: sizeFound.name,
      items,
      ...(meta && { meta }),
      ...sizeBounds(doc, sizeFound.param.schema),
      mediaType: body.mediaType,
    },
  };
}

type Found = { name: string; param: Node } | { reason: string; near?: string };

/** The one integer query parameter that `override` names, or whose name is in `names`. */
function findParam(doc: OpenApiDocument, query: Node[], names: Set<string>, override: string | undefined, role: string): Found {
  if (override !== undefined) {
    const param = query.find((p) => p.name === override);
    if (!param) return { reason: `${role} parameter ${JSON.stringify(override)} is not a query parameter of the operation` };
    if (!isInteger(doc, param)) return { reason: `${role} parameter ${JSON.stringify(override)} is not an integer` };
    return { name: override, param };
  }
  const named = query.filter((p) => names.has(normaliseName(String(p.name))));
  const integers = named.filter((p) => isInteger(doc, p));
  if (integers.length === 1) return { name: String(integers[0]!.name), param: integers[0]! };
  if (integers.length > 1) {
    const list = integers.map((p) => String(p.name)).join(", ");
    return { reason: `several ${role} parameters (${list}); set x-pagination.${role === "page-number" ? "pageParam" : "sizeParam"}`, near: list };
  }
  if (named.length > 0) return { reason: `${role} parameter ${JSON.stringify(named[0]!.name)} is not an integer`, near: String(named[0]!.name) };
  return { reason: `no integer ${role} query parameter` };
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

/** The object property of the body that carries a total-pages or page-number integer (declared, or else shown in its example). */
function detectMeta(doc: OpenApiDocument, body: unknown, items: string): MetaFields | undefined {
  for (const [key, schema] of schemaProperties(doc, body)) {
    if (key === items) continue;
    const fields = numberFields(doc, schema);
    const totalPages = fields.find((name) => TOTAL_PAGES_NAMES.has(normaliseName(name)));
    const pageNumber = fields.find((name) => PAGE_NUMBER_NAMES.has(normaliseName(name)));
    if (totalPages || pageNumber) return { key, ...(pageNumber && { pageNumber }), ...(totalPages && { totalPages }) };
  }
  return undefined;
}

/** Numeric properties of an object schema; for an object declared only by its `example`, the example's integer fields. */
function numberFields(doc: OpenApiDocument, schema: unknown): string[] {
  const props = schemaProperties(doc, schema);
  if (props.size > 0) return [...props].filter(([, s]) => schemaTypes(doc, s).some((t) => t === "integer" || t === "number")).map(([name]) => name);
  const example = (deref(doc, schema) as Node | undefined)?.example;
  return isObject(example) ? Object.keys(example).filter((name) => Number.isInteger(example[name])) : [];
}

/** `x-pagination` as written on an operation: `false`, or an object whose keys win over detection. */
export type PaginationOverride = false | { pageParam?: string; sizeParam?: string; items?: string; meta?: MetaFields | false };

const OVERRIDE_KEYS = ["pageParam", "sizeParam", "items", "meta"];
const META_KEYS = ["key", "pageNumber", "totalPages"];
const SHAPE = "x-pagination is false or { pageParam?: string, sizeParam?: string, items?: string, meta?: false | { key: string, pageNumber?: string, totalPages?: string } } (README: x-pagination)";

/** Reads and checks `x-pagination`; `undefined` when absent. Unknown keys and wrong types are errors naming the key. */
export function readOverride(value: unknown, place: Place): PaginationOverride | undefined {
  if (value === undefined || value === false) return value;
  if (!isObject(value)) throw new GenerateError(`x-pagination must be false or an object, got ${JSON.stringify(value)}`, place, SHAPE);
  const bad = (key: string, what: string) => new GenerateError(`x-pagination.${key} ${what}`, place, SHAPE);
  const unknown = Object.keys(value).filter((k) => !OVERRIDE_KEYS.includes(k));
  if (unknown.length > 0) throw bad(unknown[0]!, `is not a known key (known: ${OVERRIDE_KEYS.join(", ")})`);
  const out: Exclude<PaginationOverride, false> = {};
  for (const key of ["pageParam", "sizeParam", "items"] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== "string" || v === "") throw bad(key, "must be a non-empty string");
    out[key] = v;
  }
  const meta = value.meta;
  if (meta === false) out.meta = false;
  else if (meta !== undefined) {
    if (!isObject(meta)) throw bad("meta", "must be false or an object");
    const extra = Object.keys(meta).filter((k) => !META_KEYS.includes(k));
    if (extra.length > 0) throw bad(`meta.${extra[0]}`, `is not a known key (known: ${META_KEYS.join(", ")})`);
    for (const key of META_KEYS) {
      if (meta[key] !== undefined && (typeof meta[key] !== "string" || meta[key] === "")) throw bad(`meta.${key}`, "must be a non-empty string");
    }
    if (meta.key === undefined) throw bad("meta.key", "is required when meta is an object");
    out.meta = { key: meta.key as string, ...(meta.pageNumber !== undefined && { pageNumber: meta.pageNumber as string }), ...(meta.totalPages !== undefined && { totalPages: meta.totalPages as string }) };
  }
  return out;
}
