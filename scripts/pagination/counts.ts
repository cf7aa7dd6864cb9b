/**
 * Where a response counts its pages and items: the page number it is, the
 * total of pages, the total of items. Each is a number found in a declared
 * response header (`X-Total-Count`, ...) or in the body: at its top
 * (`page`, `pages`, `total`) or one level down in an object beside the list
 * (`meta`, `pagination`, `paging`, ... whatever its name). `count` alone is
 * not a total: some APIs count the page's own items with it.
 */
import type { Locator } from "../../src/paginate/index.js";
import { ruleError, ownLocatorFits, ruleValue, type DetectContext, type OperationInput } from "./context.js";
import { showRule } from "./vocabulary.js";
import { containers } from "./fields.js";
import { normalise, numberFields, schemaAt, type PropertyPath } from "./schema.js";

export type CountKey = "pageNumber" | "totalPages" | "totalItems";

const BODY_NAMES: Record<CountKey, readonly string[]> = {
  pageNumber: ["pagenumber", "page", "currentpage", "pageindex", "pagenum"],
  totalPages: ["totalpages", "pagecount", "numpages", "pages", "lastpage", "pagestotal", "pagetotal"],
  totalItems: [
    "totalitems",
    "totalcount",
    "totalresults",
    "totalrecords",
    "totalrows",
    "totalsize",
    "totalentries",
    "totalelements",
    "total",
  ],
};

const HEADER_NAMES: Record<CountKey, readonly string[]> = {
  pageNumber: ["x-page", "x-current-page", "x-page-number"],
  totalPages: ["x-total-pages", "x-page-count", "x-pages"],
  totalItems: ["x-total-count", "x-total", "x-total-items", "x-total-results", "total-count"],
};

/** The locator of `key` in the operation's response, if it gives one (`list`: the list's path, not searched). */
export function findCount(
  ctx: DetectContext,
  input: OperationInput,
  key: CountKey,
  list: PropertyPath,
): Locator | undefined {
  const rule = ruleValue(ctx, input, key, (locator) => locates(ctx, input, locator));
  if (rule?.value === false) return undefined;
  if (rule !== undefined) {
    const locator = rule.value as Locator;
    if (!ownLocatorFits(input, key, locator, (l) => locates(ctx, input, l)))
      throw ruleError(input, `${key} ${showRule(locator)} is not a number in the ${input.response.status} body`);
    return locator;
  }
  const header = HEADER_NAMES[key].find((name) => input.response.headers.has(name));
  if (header !== undefined) return { header };
  for (const container of containers(ctx, input.response.schema, list)) {
    const fields = numberFields(ctx.doc, schemaAt(ctx.doc, input.response.schema, container));
    const name = BODY_NAMES[key]
      .map((wanted) => fields.find((field) => normalise(field) === wanted))
      .find((field) => field !== undefined);
    if (name !== undefined) return { body: [...container, name] };
  }
  return undefined;
}

/** Whether a locator points at a number the response declares. */
export function locates(ctx: DetectContext, input: OperationInput, locator: Locator): boolean {
  if ("header" in locator) return input.response.headers.has(locator.header);
  const parent = schemaAt(ctx.doc, input.response.schema, locator.body.slice(0, -1));
  return parent !== undefined && numberFields(ctx.doc, parent).includes(locator.body[locator.body.length - 1]!);
}
