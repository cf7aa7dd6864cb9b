/**
 * Cursor style: each response names the next page by a value sent back in a
 * query parameter (`cursor`, `pageToken`, `after`, `starting_after`, ...).
 * The next value is a string or number in the body (`next_cursor`,
 * `nextPageToken`, `cursor`, `pagination.next`, `meta.cursors.after`, ... at
 * the top or up to two levels down; else a field named as the cursor
 * parameter, `meta.page_cursor` for `page_cursor`; never a link), or, Stripe-style, the last item's `id` while a boolean `has_more`
 * says more pages follow (for `starting_after`/`after` parameters).
 */
import type { CursorSpec, Locator } from "../../../src/paginate/index.js";
import { ruleError, ownLocatorFits, ruleValue, type DetectContext, type OperationInput } from "../context.js";
import { findCount } from "../counts.js";
import { findParam } from "../params.js";
import { findField } from "../fields.js";
import { isBooleanSchema, isLinkSchema, isScalarSchema, normalise, schemaAt, type PropertyPath } from "../schema.js";
import { showRule, type CursorLocator } from "../vocabulary.js";
import { pageSize, type FoundList, type PageStyle } from "./style.js";

/** Names of the next cursor in a body, most specific first. */
const NEXT_CURSOR_NAMES = [
  "nextcursor",
  "nextpagetoken",
  "nexttoken",
  "nextpagecursor",
  "continuationtoken",
  "nextcontinuationtoken",
  "nextmarker",
  "endcursor",
  "nextkey",
  "cursor",
  "next",
  "after",
];
const HAS_MORE_NAMES = ["hasmore", "hasnext", "hasnextpage", "hasmoreitems", "hasmoreresults", "more"];
/** Parameters whose value is an item's id: the item to start after. */
const AFTER_ITEM = ["startingafter", "startafter", "after"];

export const cursorStyle: PageStyle<{ param: string }> = {
  name: "cursor",
  impliedBy: (given) => given("nextCursor", "hasMore") || (given("cursorParam") && !given("next")),
  request(ctx, input) {
    const found = findParam(ctx, input, "cursorParam");
    return found === undefined || "reason" in found ? found : { param: found.name };
  },
  spec(ctx, input, { param: cursorParam }, list) {
    const hasMore = findHasMore(ctx, input, list.items);
    const nextCursor = findNextCursor(ctx, input, list, cursorParam) ?? lastItemCursor(ctx, cursorParam, hasMore, list);
    if (nextCursor === undefined) {
      return {
        reason: `query parameter ${JSON.stringify(cursorParam)} takes a cursor, but the ${input.response.status} body gives no next cursor (nextCursor) nor has_more with item ids`,
      };
    }
    const totalItems = findCount(ctx, input, "totalItems", list.items);
    const spec: CursorSpec = {
      style: "cursor",
      path: input.op.path,
      items: list.items,
      cursorParam,
      ...pageSize(ctx, input, cursorParam),
      nextCursor,
      ...(hasMore && { hasMore }),
      ...(totalItems && { totalItems }),
    };
    return spec;
  },
};

function findNextCursor(
  ctx: DetectContext,
  input: OperationInput,
  list: FoundList,
  cursorParam: string,
): CursorLocator | undefined {
  const fits = (locator: CursorLocator) => cursorFits(ctx, input, list, locator);
  const rule = ruleValue(ctx, input, "nextCursor", fits);
  if (rule?.value === false) return undefined;
  if (rule !== undefined) {
    if (!ownLocatorFits(input, "nextCursor", rule.value!, fits))
      throw ruleError(
        input,
        `nextCursor ${showRule(rule.value)} is not a string or number in the ${input.response.status} answer`,
      );
    return rule.value!;
  }
  return nextCursorField(ctx, input, list.items, cursorParam);
}

/**
 * A field of the response that reads as the next cursor (`nextPageToken`,
 * `pagination.next`, `meta.cursors.after`, ...), by its name; else one named
 * as the cursor parameter (`page_cursor` gives `meta.page_cursor`). A link
 * (`meta.next: /v2/things?page[after]=...`) is not a cursor.
 */
export function nextCursorField(
  ctx: DetectContext,
  input: OperationInput,
  items: PropertyPath,
  cursorParam?: string,
): Locator | undefined {
  const names = cursorParam === undefined ? NEXT_CURSOR_NAMES : [...NEXT_CURSOR_NAMES, normalise(cursorParam)];
  return findField(
    ctx,
    input.response.schema,
    items,
    names,
    (schema, _container, name) => isScalarSchema(ctx.doc, schema) && !isLinkSchema(ctx.doc, schema, name),
    { skipLinks: true, nested: true },
  );
}

function findHasMore(ctx: DetectContext, input: OperationInput, items: PropertyPath): Locator | undefined {
  const fits = (locator: Locator) =>
    "header" in locator
      ? input.response.headers.has(locator.header)
      : isBooleanSchema(ctx.doc, schemaAt(ctx.doc, input.response.schema, locator.body));
  const rule = ruleValue(ctx, input, "hasMore", fits);
  if (rule?.value === false) return undefined;
  if (rule !== undefined) {
    if (!ownLocatorFits(input, "hasMore", rule.value!, fits))
      throw ruleError(input, `hasMore ${showRule(rule.value)} is not a boolean in the ${input.response.status} answer`);
    return rule.value!;
  }
  return findField(ctx, input.response.schema, items, HAS_MORE_NAMES, (schema) => isBooleanSchema(ctx.doc, schema));
}

/** Stripe's `starting_after`: the last item's id, while `has_more` says so. */
function lastItemCursor(
  ctx: DetectContext,
  cursorParam: string,
  hasMore: Locator | undefined,
  list: FoundList,
): CursorLocator | undefined {
  if (hasMore === undefined || !AFTER_ITEM.includes(normalise(cursorParam))) return undefined;
  return isScalarSchema(ctx.doc, schemaAt(ctx.doc, list.itemSchema, ["id"])) ? { lastItem: ["id"] } : undefined;
}

function cursorFits(ctx: DetectContext, input: OperationInput, list: FoundList, locator: CursorLocator): boolean {
  if ("header" in locator) return input.response.headers.has(locator.header);
  if ("lastItem" in locator) return isScalarSchema(ctx.doc, schemaAt(ctx.doc, list.itemSchema, locator.lastItem));
  return isScalarSchema(ctx.doc, schemaAt(ctx.doc, input.response.schema, locator.body));
}
