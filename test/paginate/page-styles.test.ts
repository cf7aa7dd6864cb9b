/**
 * The page-style table (src/paginate/page-styles.ts) that the generator, the
 * engine and the CLI read: each row's entry is a real export of the engine,
 * and what the table derives (owned parameter, start option, flag role, doc
 * and help text) for one spec of each style.
 */
import { describe, expect, it } from "vitest";
import * as engine from "../../src/paginate/index.js";
import type { PageSpec } from "../../src/paginate/index.js";
import {
  describePaging,
  flagRoleOf,
  ownedParam,
  PAGE_STYLE_NAMES,
  PAGE_STYLES,
  startOptionOf,
  startOptionOfRole,
} from "../../src/paginate/page-styles.js";

const SPECS: PageSpec[] = [
  { style: "page-number", path: "/a", items: ["data"], pageParam: "page[number]", sizeParam: "page[size]" },
  { style: "offset", path: "/b", items: [], offsetParam: "skip", sizeParam: "top" },
  { style: "cursor", path: "/c", items: ["data"], cursorParam: "after", nextCursor: { body: ["meta", "next"] } },
  { style: "next-link", path: "/d", items: ["data"], next: { body: ["links", "next"] }, cursorParam: "page_token" },
  { style: "next-link", path: "/e", items: ["data"], next: { header: "link" } },
];

describe("page styles (table)", () => {
  it("names, for each style, an entry the engine exports as a function", () => {
    expect(PAGE_STYLE_NAMES).toEqual(["page-number", "offset", "cursor", "next-link"]);
    for (const name of PAGE_STYLE_NAMES)
      expect(typeof (engine as Record<string, unknown>)[PAGE_STYLES[name].entry], name).toBe("function");
  });

  it.each([
    ["page-number", "page[number]", "startPage", "page", "by `page[number]`", "by page[number]"],
    ["offset", "skip", "startOffset", "offset", "by `skip`", "by offset, skip"],
    ["cursor", "after", "startCursor", "cursor", "by the cursor `after`", "by cursor, after"],
    ["next-link", "page_token", "startCursor", "cursor", "by its next links (`links.next`)", "by following next links"],
    ["next-link", undefined, undefined, undefined, "by its next links (the `Link` header)", "by following next links"],
  ] as const)("%s owns %s", (_style, owned, start, role, docs, help) => {
    const spec = SPECS.find((s) => ownedParam(s) === owned && (owned !== undefined || s.path === "/e"))!;
    expect(startOptionOf(spec)).toBe(start);
    if (owned !== undefined) expect(flagRoleOf(spec, owned)).toBe(role);
    expect(describePaging(PAGE_STYLES[spec.style].docs, spec)).toBe(docs);
    expect(describePaging(PAGE_STYLES[spec.style].help, spec)).toBe(help);
  });

  it("gives the page size the role `size`, and no role to a parameter the paginator does not own", () => {
    expect(flagRoleOf(SPECS[0]!, "page[size]")).toBe("size");
    expect(flagRoleOf(SPECS[0]!, "filter")).toBeUndefined();
    expect(startOptionOfRole("size")).toBeUndefined();
    expect([startOptionOfRole("page"), startOptionOfRole("offset"), startOptionOfRole("cursor")]).toEqual([
      "startPage",
      "startOffset",
      "startCursor",
    ]);
  });
});
