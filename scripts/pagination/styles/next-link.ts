/**
 * Next-link style: each response gives the URL of the next page, in the body
 * (`next`, `links.next`, `_links.next.href`, `next_page_uri`, ... a string
 * declared, named or exemplified as a URL, or held by a links object) or in a declared RFC 8288 `Link` header
 * (`rel="next"`). The runtime follows it only on the client's own origin. A
 * cursor parameter the links carry (`startingAfter`, ...) lets a walk start
 * mid-way.
 */
import type { Locator, NextLinkSpec } from "../../../src/paginate/index.js";
import { ruleError, ownLocatorFits, ruleValue, type DetectContext, type OperationInput } from "../context.js";
import { showRule } from "../vocabulary.js";
import { findCount } from "../counts.js";
import { findParam } from "../params.js";
import { findField } from "../fields.js";
import { isLinkSchema, normalise, schemaAt } from "../schema.js";
import { schemaProperties, schemaTypes } from "../../spec/openapi-walk.js";
import { pageSize, type PageStyle } from "./style.js";

const NEXT_LINK_NAMES = [
  "next",
  "nextlink",
  "nexturl",
  "nexturi",
  "nextpage",
  "nextpageurl",
  "nextpageuri",
  "nextpagelink",
  "nexthref",
];

export const nextLinkStyle: PageStyle<{ param?: string; next: Locator }> = {
  name: "next-link",
  impliedBy: (given) => given("next"),
  request(ctx, input) {
    const next = findNextLink(ctx, input);
    return next === undefined ? undefined : { next };
  },
  spec(ctx, input, { next }, { items }) {
    const cursor = findParam(ctx, input, "cursorParam");
    const cursorParam = cursor !== undefined && "name" in cursor ? cursor.name : undefined;
    const totalItems = findCount(ctx, input, "totalItems", items);
    const spec: NextLinkSpec = {
      style: "next-link",
      path: input.op.path,
      items,
      next,
      ...(cursorParam !== undefined && { cursorParam }),
      ...pageSize(ctx, input, cursorParam),
      ...(totalItems && { totalItems }),
    };
    return spec;
  },
};

function findNextLink(ctx: DetectContext, input: OperationInput): Locator | undefined {
  const body = input.response.schema;
  const isString = (path: readonly string[]) => schemaTypes(ctx.doc, schemaAt(ctx.doc, body, path)).includes("string");
  const fits = (locator: Locator) =>
    "header" in locator ? input.response.headers.has(locator.header) : isString(locator.body);
  const rule = ruleValue(ctx, input, "next", fits);
  if (rule?.value === false) return undefined;
  if (rule !== undefined) {
    const locator = rule.value!;
    if (!ownLocatorFits(input, "next", locator, fits))
      throw ruleError(input, `next ${showRule(locator)} is not a string in the ${input.response.status} body`);
    return locator;
  }
  const inBody = findField(
    ctx,
    body,
    [],
    NEXT_LINK_NAMES,
    (schema, container, name) => isLink(ctx, schema, container, name) || schemaProperties(ctx.doc, schema).has("href"),
  );
  if (inBody !== undefined && "body" in inBody) {
    const at = schemaAt(ctx.doc, body, inBody.body);
    return isString(inBody.body)
      ? inBody
      : schemaProperties(ctx.doc, at).has("href")
        ? { body: [...inBody.body, "href"] }
        : undefined;
  }
  return input.response.headers.has("link") ? { header: "link" } : undefined;
}

/** A string that is a URL: held by a links object, or a link by its schema (declared, named or exemplified as one: `next_page_uri`, `/v2/...`). */
function isLink(ctx: DetectContext, schema: unknown, container: readonly string[], name: string): boolean {
  if (!schemaTypes(ctx.doc, schema).includes("string")) return false;
  const holder = container.at(-1);
  return (holder !== undefined && normalise(holder) === "links") || isLinkSchema(ctx.doc, schema, name);
}
