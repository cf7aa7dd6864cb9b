/**
 * Page-number style: a numeric page parameter (`page`, `page[number]`,
 * `pageNumber`, ...), with or without a page size. The response may say which
 * page it is and how many pages or items there are (scripts/pagination/counts.ts);
 * without a total the walk ends at an empty or short page. The first page is
 * 1, or 0 when the parameter's default is 0.
 */
import type { PageNumberSpec } from "../../../src/paginate/index.js";
import { findCount } from "../counts.js";
import { findParam, wholeDefault } from "../params.js";
import { ruleValue } from "../context.js";
import { pageSize, type PageStyle } from "./style.js";

export const pageNumberStyle: PageStyle<{ param: string; firstPage: number | undefined }> = {
  name: "page-number",
  impliedBy: (given) => given("pageParam", "firstPage", "pageNumber", "totalPages"),
  request(ctx, input) {
    const found = findParam(ctx, input, "pageParam");
    if (found === undefined || "reason" in found) return found;
    const rule = ruleValue(ctx, input, "firstPage", () => true);
    const byDefault = wholeDefault(ctx, found.param);
    return { param: found.name, firstPage: (rule?.value as number | undefined) ?? (byDefault === 0 ? 0 : undefined) };
  },
  spec(ctx, input, { param: pageParam, firstPage }, { items }) {
    const pageNumber = findCount(ctx, input, "pageNumber", items);
    const totalPages = findCount(ctx, input, "totalPages", items);
    const totalItems = findCount(ctx, input, "totalItems", items);
    const spec: PageNumberSpec = {
      style: "page-number",
      path: input.op.path,
      items,
      pageParam,
      ...pageSize(ctx, input, pageParam),
      ...(firstPage !== undefined && firstPage !== 1 && { firstPage }),
      ...(pageNumber && { pageNumber }),
      ...(totalPages && { totalPages }),
      ...(totalItems && { totalItems }),
    };
    return spec;
  },
};
