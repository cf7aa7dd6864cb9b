/**
 * Offset style: a numeric parameter giving the index of the page's first
 * item (`offset`, `skip`, `start`, `startIndex`, ...), with or without a
 * page size (`limit`, `count`, `top`, `take`, ...). The next offset is the
 * one sent plus the items received; the walk ends at an empty or short page,
 * or at the total of items when the response gives one.
 */
import type { OffsetSpec } from "../../../src/paginate/index.js";
import { ruleValue } from "../context.js";
import { findCount } from "../counts.js";
import { findParam, wholeDefault } from "../params.js";
import { pageSize, type PageStyle } from "./style.js";

export const offsetStyle: PageStyle<{ param: string; firstOffset: number | undefined }> = {
  name: "offset",
  impliedBy: (given) => given("offsetParam", "firstOffset"),
  request(ctx, input) {
    const found = findParam(ctx, input, "offsetParam");
    if (found === undefined || "reason" in found) return found;
    const rule = ruleValue(ctx, input, "firstOffset", () => true);
    return { param: found.name, firstOffset: (rule?.value as number | undefined) ?? wholeDefault(ctx, found.param) };
  },
  spec(ctx, input, { param: offsetParam, firstOffset }, { items }) {
    const totalItems = findCount(ctx, input, "totalItems", items);
    const spec: OffsetSpec = {
      style: "offset",
      path: input.op.path,
      items,
      offsetParam,
      ...pageSize(ctx, input, offsetParam),
      ...(firstOffset !== undefined && firstOffset !== 0 && { firstOffset }),
      ...(totalItems && { totalItems }),
    };
    return spec;
  },
};
