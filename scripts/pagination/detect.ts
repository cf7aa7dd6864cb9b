/**
 * How one operation pages, if it does. A GET gets a paginator only when it
 * has a style's request side (a page, offset or cursor parameter, or a next
 * link) and its list is the body's main payload (scripts/pagination/list.ts).
 * Every style that fits is worked out; when several do, one rule picks
 * (scripts/pagination/choose.ts), and ambiguity means no paginator, with
 * the reason (`--verbose`). The operation's own rules
 * (x-pagination, the config file) pick the style and the keys they give;
 * a rule that does not fit stops generation.
 */
import type { PageSpec, PageStyleName } from "../../src/paginate/index.js";
import { ownedParam, PAGE_STYLE_NAMES } from "../../src/paginate/page-styles.js";
import type { OperationRef } from "../spec/openapi-walk.js";
import { ruleError, type DetectContext, type OperationInput } from "./context.js";
import { findList } from "./list.js";
import { chooseStyle } from "./choose.js";
import { deepObjectOf, hasPagingName, pagingParameters } from "./params.js";
import { successResponse, type SuccessResponse } from "./schema.js";
import { cursorStyle, nextCursorField } from "./styles/cursor.js";
import { nextLinkStyle } from "./styles/next-link.js";
import { offsetStyle } from "./styles/offset.js";
import { pageNumberStyle } from "./styles/page-number.js";
import { failed, type PageStyle } from "./styles/style.js";
import type { PagingRules } from "./vocabulary.js";
import type { Place } from "../errors.js";

export interface PagedOperation {
  readonly op: OperationRef;
  /** What the paginator passes to its style's entry in the runtime (`paginateByPageNumber()`, ...), and the CLI command to `paginate()`. */
  readonly spec: PageSpec;
  readonly response: SuccessResponse;
  /** The schema of one item of the list. */
  readonly itemSchema: unknown;
}

/** `paged`: gets a paginator; `skipped`: looks like a list or pages, but gets none (listed by --verbose); `ignored`: neither. */
export type Detection = { paged: PagedOperation } | { skipped: string } | { ignored: true };

const DETECTION: { readonly [S in PageStyleName]: PageStyle } = {
  "page-number": pageNumberStyle,
  offset: offsetStyle,
  cursor: cursorStyle,
  "next-link": nextLinkStyle,
};
/** Each style's detection, in the order of the styles' table (src/paginate/page-styles.ts). */
const STYLES = PAGE_STYLE_NAMES.map((name) => DETECTION[name]);

/** `own`: the operation's rules (x-pagination and the config file), written at `ownLocation`. */
export function detectOperation(
  ctx: DetectContext,
  op: OperationRef,
  own: PagingRules | undefined,
  ownLocation: Place,
): Detection {
  const response = successResponse(ctx.doc, op.operation);
  const rules = own ?? {};
  const forcedStyle = rules.style ?? impliedStyle(op, rules, ownLocation);
  if (!response) {
    if (own !== undefined)
      throw ruleError({ op, rulesLocation: ownLocation }, "has no 2xx JSON response body to page through");
    return hasPagingName(ctx.doc, op) ? { skipped: "no 2xx JSON response body" } : { ignored: true };
  }
  const input: OperationInput = { op, response, rules, rulesLocation: ownLocation };
  const list = findList(ctx, input);
  const styles = forcedStyle === undefined ? STYLES : STYLES.filter((s) => s.name === forcedStyle);
  const requests = styles.flatMap((style) => {
    const request = style.request(ctx, input);
    return request === undefined ? [] : [{ style, request }];
  });
  const ready = requests.flatMap(({ style, request }) => (failed(request) ? [] : [{ style, request }]));
  const forced = own !== undefined;

  if (ready.length === 0) {
    const first = requests[0]?.request;
    const why = first !== undefined && failed(first) ? first.reason : noRequestSide(ctx, input, list);
    if (forced) throw ruleError(input, forcedStyle === undefined ? why : `is not ${forcedStyle}: ${why}`);
    return "reason" in list && requests.length === 0 ? { ignored: true } : { skipped: why };
  }
  if ("reason" in list) {
    if (forced) throw ruleError(input, list.reason);
    return { skipped: list.reason };
  }
  const specs: PageSpec[] = [];
  let why = "";
  for (const { style, request } of ready) {
    const spec = style.spec(ctx, input, request, list);
    if (failed(spec)) why ||= spec.reason;
    else specs.push(spec);
  }
  const chosen = specs.length === 0 ? { reason: why } : chooseStyle(specs);
  const paged = "spec" in chosen ? withDeepObject(ctx, op, chosen.spec) : chosen;
  if ("spec" in paged) return { paged: { op, spec: paged.spec, response, itemSchema: list.itemSchema } };
  if (forced) throw ruleError(input, paged.reason);
  return { skipped: paged.reason };
}

/** The spec with `deepObject` set when its parameters are properties of a deepObject parameter (`page[number]` of `page`). */
function withDeepObject(ctx: DetectContext, op: OperationRef, spec: PageSpec): { spec: PageSpec } | { reason: string } {
  const names = [ownedParam(spec), spec.sizeParam].filter((name): name is string => name !== undefined);
  const params = pagingParameters(ctx.doc, op);
  const objects = [...new Set(names.map((name) => deepObjectOf(params.find((p) => p.name === name)!)))];
  if (objects.length > 1)
    return { reason: `the page parameters ${names.join(" and ")} are not in one deepObject parameter; set sizeParam` };
  return objects[0] === undefined ? { spec } : { spec: { ...spec, deepObject: objects[0] } };
}

/** Why an operation with no style's request side gets no paginator; a next cursor nothing can send back is worth saying. */
function noRequestSide(ctx: DetectContext, input: OperationInput, list: ReturnType<typeof findList>): string {
  const cursor =
    "items" in list && input.rules.nextCursor !== false ? nextCursorField(ctx, input, list.items) : undefined;
  if (cursor !== undefined && "body" in cursor)
    return `the ${input.response.status} body gives a next cursor (${cursor.body.join(".")}), but no query parameter takes it; set cursorParam`;
  return "no page, offset or cursor query parameter and no next link in the answer";
}

/** The style the operation's rules imply by their keys (`cursorParam` with `next` is next-link's); several is an error. */
function impliedStyle(op: OperationRef, rules: PagingRules, place: Place): PageStyleName | undefined {
  const given = (...keys: (keyof PagingRules)[]) =>
    keys.some((key) => rules[key] !== undefined && rules[key] !== false);
  const styles = STYLES.filter((style) => style.impliedBy(given)).map((style) => style.name);
  if (styles.length > 1)
    throw ruleError({ op, rulesLocation: place }, `the rules give keys of ${styles.join(" and ")} paging; set style`);
  return styles[0];
}
