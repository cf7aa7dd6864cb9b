/**
 * The query parameters a paginator owns, found by role: the page number,
 * the page size, the offset of the first item, the cursor. Names are
 * compared without case or punctuation (`page[number]`, `pageNumber` and
 * `page_number` are one name), and the parameter's type must fit the role.
 * These are the conventions of many APIs (JSON:API, Django REST, Google,
 * Stripe, OData, ...), not the names of one.
 *
 * A `style: deepObject` object parameter (or an object parameter with no
 * style: openapi-fetch sends objects as deepObject) counts as its
 * properties, by their names on the wire: `page` with `number` and `size`
 * is `page[number]` and `page[size]`. An object parameter declared
 * `style: form` or `explode: false` is one parameter (it sends its
 * properties unprefixed, or as one value), and pages by none of them.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { deref, isObject, schemaProperties, type Node, type OperationRef } from "../spec/openapi-walk.js";
import { ruleError, ruleValue, type DetectContext, type OperationInput } from "./context.js";
import { isNumberSchema, isObjectSchema, isScalarSchema, normalise, queryParameters } from "./schema.js";

export type ParamRole = "pageParam" | "sizeParam" | "offsetParam" | "cursorParam";

/** Names of each role, by tier: a parameter of the first tier that has one wins. */
export const PARAM_NAMES: Record<ParamRole, readonly (readonly string[])[]> = {
  pageParam: [["page", "pagenumber", "pagenum", "pageno", "pageindex", "currentpage"]],
  sizeParam: [
    ["pagesize", "perpage", "pagelimit", "itemsperpage", "resultsperpage", "pagelength"],
    ["limit", "size", "count", "maxresults", "maxitems", "top", "take", "rows"],
  ],
  offsetParam: [["offset", "skip", "start", "startindex", "startat", "pageoffset"]],
  cursorParam: [
    [
      "cursor",
      "pagecursor",
      "pagetoken",
      "nextpagetoken",
      "continuationtoken",
      "continuation",
      "nexttoken",
      "marker",
      "startcursor",
      "after",
      "pageafter",
      "startingafter",
      "startafter",
    ],
    ["until", "before", "pagebefore", "endingbefore"],
  ],
};

const ROLE_WORDS: Record<ParamRole, string> = {
  pageParam: "page-number",
  sizeParam: "page-size",
  offsetParam: "offset",
  cursorParam: "cursor",
};

export type ParamFound = { name: string; param: Node } | { reason: string };

/**
 * The operation's parameter for `role`; undefined when it has none. A rule
 * of the operation that names a parameter it lacks (or of the wrong type)
 * stops generation.
 */
export function findParam(ctx: DetectContext, input: OperationInput, role: ParamRole): ParamFound | undefined {
  const query = pagingParameters(ctx.doc, input.op);
  const fits = (param: Node) =>
    role === "cursorParam" ? isScalarSchema(ctx.doc, param.schema) : isNumberSchema(ctx.doc, param.schema);
  const type = role === "cursorParam" ? "a string or a number" : "a number";
  const rule = ruleValue(
    ctx,
    input,
    role,
    (name) => typeof name === "string" && query.some((p) => p.name === name && fits(p)),
  );
  if (rule?.value === false) return undefined;
  if (rule !== undefined) {
    const name = rule.value as string;
    const param = query.find((p) => p.name === name);
    if (!param) throw ruleError(input, `${role} ${JSON.stringify(name)} is not a query parameter of the operation`);
    if (!fits(param)) throw ruleError(input, `${role} ${JSON.stringify(name)} is not ${type}`);
    return { name, param };
  }
  for (const tier of PARAM_NAMES[role]) {
    const named = query.filter((p) => tier.includes(normalise(String(p.name))));
    const typed = named.filter(fits);
    if (typed.length === 1) return { name: String(typed[0]!.name), param: typed[0]! };
    if (typed.length > 1)
      return { reason: `several ${ROLE_WORDS[role]} parameters (${typed.map((p) => p.name).join(", ")}); set ${role}` };
    if (named.length > 0 && role !== "sizeParam")
      return { reason: `${ROLE_WORDS[role]} parameter ${JSON.stringify(named[0]!.name)} is not ${type}` };
  }
  return undefined;
}

/** Whether the operation has a query parameter named like a page, offset or cursor (whatever its type). */
export function hasPagingName(doc: OpenApiDocument, op: OperationRef): boolean {
  const names = [...PARAM_NAMES.pageParam, ...PARAM_NAMES.offsetParam, ...PARAM_NAMES.cursorParam].flat();
  return pagingParameters(doc, op).some((p) => names.includes(normalise(String(p.name))));
}

/** The name of the deepObject parameter a parameter of `pagingParameters` is a property of (`page` for `page[number]`), if it is one. */
export function deepObjectOf(param: Node): string | undefined {
  return typeof param[DEEP_OBJECT] === "string" ? (param[DEEP_OBJECT] as string) : undefined;
}

const DEEP_OBJECT = "x-paging-deep-object";

/** The query parameters paging reads: each deepObject parameter replaced by its properties (`page[number]`, `page[size]`). */
export function pagingParameters(doc: OpenApiDocument, op: OperationRef): Node[] {
  return queryParameters(op).flatMap((param): Node[] => {
    const props = schemaProperties(doc, param.schema);
    const deep =
      (param.style === undefined || param.style === "deepObject") &&
      param.explode !== false &&
      props.size > 0 &&
      isObjectSchema(doc, param.schema);
    if (!deep) return [param];
    return [...props].map(([name, schema]) => ({
      name: `${String(param.name)}[${name}]`,
      in: "query",
      schema,
      [DEEP_OBJECT]: String(param.name),
    }));
  });
}

/** The spec's bounds of the page size, as whole numbers. */
export function sizeBounds(ctx: DetectContext, param: Node): { minSize?: number; maxSize?: number } {
  const s = deref(ctx.doc, param.schema);
  if (!isObject(s)) return {};
  const out: { minSize?: number; maxSize?: number } = {};
  if (typeof s.minimum === "number") out.minSize = Math.ceil(s.minimum);
  if (typeof s.exclusiveMinimum === "number") out.minSize = Math.floor(s.exclusiveMinimum) + 1;
  if (typeof s.maximum === "number") out.maxSize = Math.floor(s.maximum);
  if (typeof s.exclusiveMaximum === "number") out.maxSize = Math.ceil(s.exclusiveMaximum) - 1;
  return out;
}

/** The parameter's default, when it is a whole number >= 0 (the first page or offset it starts at). */
export function wholeDefault(ctx: DetectContext, param: Node): number | undefined {
  const s = deref(ctx.doc, param.schema);
  const value = isObject(s) ? s.default : undefined;
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}
