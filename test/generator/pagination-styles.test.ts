/**
 * Paging detection by structure, one fixture path per paging shape
 * (test/fixtures/pagination/styles.yaml), through the real generator: the
 * PageSpec each paginator passes to its style's entry (`paginateByCursor()`,
 * ...), the CLI command data that carries the same spec with flag roles and
 * columns, and the emitted
 * wrappers under real `tsc --strict` against the runtime's types (query
 * without the parameter the style owns, items from the list's item schema,
 * bare arrays and nested lists included).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommandSpec } from "../../src/cli/command-spec.js";
import { emittedCommands, emittedSpecs } from "../helpers/generated-output.js";
import { fixture, outputIn, runGenerate, tsc, typecheckRoot, type GenerateRun } from "../helpers/run-generate.js";

let root: string;
let run: GenerateRun;
let paginators: string;
let commands: CommandSpec[];

beforeAll(async () => {
  root = typecheckRoot();
  const out = outputIn(root, "styles");
  run = await runGenerate(["--spec", fixture("pagination", "styles.yaml"), "--out", out, "--lint", "off", "--verbose"]);
  paginators = readFileSync(join(out, "paginators.ts"), "utf8");
  commands = emittedCommands(out);
});

const page = (path: string, pageParam: string, items: string[], more: object = {}) => ({
  style: "page-number",
  path,
  items,
  pageParam,
  ...more,
});
const offset = (path: string, offsetParam: string, items: string[], more: object = {}) => ({
  style: "offset",
  path,
  items,
  offsetParam,
  ...more,
});
const cursor = (path: string, cursorParam: string, items: string[], more: object) => ({
  style: "cursor",
  path,
  items,
  cursorParam,
  ...more,
});
const link = (path: string, items: string[], next: object, more: object = {}) => ({
  style: "next-link",
  path,
  items,
  next,
  ...more,
});
const body = (...path: string[]) => ({ body: path });

const cases: [string, { given: string; want: object }][] = [
  [
    "page-number: page[number]/page[size], counts in meta by $ref",
    {
      given: "listBracketStyle",
      want: page("/bracket-style", "page[number]", ["data"], {
        sizeParam: "page[size]",
        minSize: 1,
        maxSize: 250,
        pageNumber: body("meta", "page_number"),
        totalPages: body("meta", "total_pages"),
        totalItems: body("meta", "total_results"),
      }),
    },
  ],
  [
    "page-number: page/per_page, counts in an object named pagination, exclusiveMinimum",
    {
      given: "listPerPage",
      want: page("/per-page", "page", ["results"], {
        sizeParam: "per_page",
        minSize: 1,
        maxSize: 100,
        pageNumber: body("pagination", "current_page"),
        totalPages: body("pagination", "page_count"),
        totalItems: body("pagination", "total_entries"),
      }),
    },
  ],
  [
    "page-number: a page parameter alone, no counts (ends at an empty or short page)",
    { given: "listDirectoryItems", want: page("/directory_items.json", "page", ["directory_items"]) },
  ],
  [
    "page-number: the body is the array, numbers typed number",
    { given: "listBareArray", want: page("/bare-array", "page", [], { sizeParam: "per_page" }) },
  ],
  [
    "page-number: counts at the top of the body; the list named after the path beside errors; page wins over links.next",
    {
      given: "listShipments",
      want: page("/shipments", "page", ["shipments"], {
        sizeParam: "page_size",
        minSize: 1,
        pageNumber: body("page"),
        totalPages: body("pages"),
        totalItems: body("total"),
      }),
    },
  ],
  [
    "page-number: totals in declared headers, pages from 0 by the default",
    {
      given: "listHeaderTotals",
      want: page("/header-totals", "page", [], {
        sizeParam: "limit",
        firstPage: 0,
        totalPages: { header: "x-total-pages" },
        totalItems: { header: "x-total-count" },
      }),
    },
  ],
  [
    "page-number: $ref parameters, $ref response, allOf body, path parameter",
    {
      given: "listCamelThings",
      want: page("/camel/{ownerId}/things", "pageNumber", ["things"], {
        sizeParam: "pageSize",
        minSize: 5,
        maxSize: 50,
        pageNumber: body("paging", "pageNumber"),
        totalPages: body("paging", "totalPages"),
      }),
    },
  ],
  [
    "offset: offset/limit, Django REST (`count` is not taken for a total, offset wins over next)",
    { given: "listDevices", want: offset("/devices/", "offset", ["results"], { sizeParam: "limit" }) },
  ],
  [
    "offset: $skip/$top over a bare array",
    { given: "listSkipTop", want: offset("/skip-top", "$skip", [], { sizeParam: "$top", maxSize: 500 }) },
  ],
  [
    "offset: startIndex/count, 1-based by the default, _links beside the list",
    {
      given: "listStartCount",
      want: offset("/start-count", "startIndex", ["entries"], {
        sizeParam: "count",
        firstOffset: 1,
        totalItems: body("total_items"),
      }),
    },
  ],
  [
    "offset: an offset without a size",
    { given: "listUserActions", want: offset("/user_actions.json", "offset", ["user_actions"]) },
  ],
  [
    "cursor: next_cursor",
    {
      given: "listNextCursor",
      want: cursor("/next-cursor", "cursor", ["data"], { sizeParam: "limit", nextCursor: body("next_cursor") }),
    },
  ],
  [
    "cursor: nextPageToken -> pageToken",
    {
      given: "listInstances",
      want: cursor("/projects/{project}/instances", "pageToken", ["items"], {
        sizeParam: "maxResults",
        minSize: 0,
        maxSize: 500,
        nextCursor: body("nextPageToken"),
      }),
    },
  ],
  [
    "cursor: starting_after is the last item's id while has_more",
    {
      given: "listCharges",
      want: cursor("/charges", "starting_after", ["data"], {
        sizeParam: "limit",
        minSize: 1,
        maxSize: 100,
        nextCursor: { lastItem: ["id"] },
        hasMore: body("has_more"),
      }),
    },
  ],
  [
    "cursor: pagination.next sent as until (pagination.count is not a total)",
    {
      given: "listDeployments",
      want: cursor("/deployments", "until", ["deployments"], {
        sizeParam: "limit",
        nextCursor: body("pagination", "next"),
      }),
    },
  ],
  [
    "next-link: a next URL at the top of the body",
    { given: "listFollowed", want: link("/followed", ["results"], body("next")) },
  ],
  [
    "next-link: JSON:API page[after] with links.next",
    {
      given: "listArticles",
      want: link("/articles", ["data"], body("links", "next"), { cursorParam: "page[after]", sizeParam: "page[size]" }),
    },
  ],
  [
    "next-link: HAL _links.next.href over _embedded",
    { given: "listWidgets", want: link("/widgets", ["_embedded", "widgets"], body("_links", "next", "href")) },
  ],
  [
    "next-link: a declared Link header, startingAfter to start mid-way",
    {
      given: "listOrganizationDevices",
      want: link(
        "/organizations/{organizationId}/devices",
        [],
        { header: "link" },
        { cursorParam: "startingAfter", sizeParam: "perPage", minSize: 3, maxSize: 1000 },
      ),
    },
  ],
];

describe("pagination: each paging shape gets its paginator", () => {
  it("runs cleanly and reports the styles", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pagination +\d+ ms +7 page-number, 4 offset, 4 cursor, 4 next-link$/m);
    expect(run.stdout).toMatch(/^paginators +\d+ ms +19 paginated, 0 list-like skipped$/m);
  });

  it.each(cases)("%s", (_, { given, want }) => {
    expect(emittedSpecs(paginators)[given]).toEqual(want);
  });

  it("emits exactly those paginators, each a one-line call of the runtime", () => {
    expect(Object.keys(emittedSpecs(paginators)).sort()).toEqual(cases.map(([, c]) => c.given).sort());
    const bodies = [...paginators.matchAll(/^export function [^\n]*\{\n([\s\S]*?)\n\}/gm)].map((m) => m[1]!);
    expect(bodies).toHaveLength(cases.length);
    for (const b of bodies) expect(b.split("\n")).toHaveLength(1);
  });

  it("imports the runtime's entry of each style it uses, and no other paging code", () => {
    expect(paginators).toMatch(
      /^import \{ paginateByCursor, paginateByNextLink, paginateByOffset, paginateByPageNumber, type PaginateOptions, type Paginator \} from "[^"]*\/src\/paginate\/index\.js";$/m,
    );
  });

  it("escapes the spec's summary in JSDoc", () => {
    expect(paginators).toContain(" * Bracket style, *\\/ closes no comment\n");
  });

  it("--verbose names each paginator with its style", () => {
    expect(run.stdout).toContain("  paginator listCharges: GET /charges (cursor)\n");
    expect(run.stdout).toContain(
      "  paginator listOrganizationDevices: GET /organizations/{organizationId}/devices (next-link)\n",
    );
  });
});

describe("pagination: the CLI's command data carries the same paging", () => {
  const byPath = (path: string) => commands.find((c) => c.path === path)!;

  it("every paginated operation is a `list` command with the paginator's PageSpec", () => {
    const specs = emittedSpecs(paginators);
    const listed = commands.filter((c) => c.paginate);
    expect(listed).toHaveLength(cases.length);
    for (const c of listed) {
      expect(c.action).toBe("list");
      expect(Object.values(specs)).toContainEqual(c.paginate);
    }
  });

  it.each<[string, string, Record<string, string>]>([
    ["page-number", "/bracket-style", { "page[number]": "page", "page[size]": "size" }],
    ["offset", "/devices/", { offset: "offset", limit: "size" }],
    ["cursor", "/charges", { starting_after: "cursor", limit: "size" }],
    [
      "next-link with a cursor parameter",
      "/organizations/{organizationId}/devices",
      { startingAfter: "cursor", perPage: "size" },
    ],
  ])("flag roles, %s", (_, path, roles) => {
    const flags = byPath(path).flags;
    expect(Object.fromEntries(flags.filter((f) => f.role).map((f) => [f.param, f.role]))).toEqual(roles);
    expect(flags.find((f) => f.param === "ending_before")?.role).toBeUndefined();
  });

  it("table columns come from the list's item schema, for a bare array and a nested HAL list too", () => {
    expect(byPath("/bare-array").columns).toEqual(["id", "name"]);
    expect(byPath("/widgets").columns).toEqual(["id", "name"]);
    expect(byPath("/per-page").columns).toBeUndefined(); // items are strings: no columns
  });
});

describe("pagination: emitted wrappers under tsc --strict", () => {
  it("type the query without the owned parameter, the items from the list's schema, and the pages", async () => {
    writeFileSync(
      join(root, "styles", "consumer.ts"),
      `import createClient from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { listArticles, listBareArray, listCharges, listDevices, listInstances, listOrganizationDevices, listStartCount, listWidgets, type ListWidgetsPage } from "./generated/paginators.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });
export async function use(): Promise<void> {
  for await (const thing of listBareArray(client, { per_page: 10 }, { limit: 5 })) {
    const id: string = thing.id;
    void id;
  }
  const widgets = await listWidgets(client).toArray();
  const name: string | undefined = widgets[0]?.name;
  for await (const page of listWidgets(client).pages()) {
    const same: ListWidgetsPage = page.body;
    void same;
  }
  const charges = await listCharges(client, { limit: 10, ending_before: "x" }).toArray();
  const devices = await listDevices(client, { q: "a", limit: 5 }).toArray();
  const instances = await listInstances(client, { project: "p" }, { maxResults: 10 }).toArray();
  const orgDevices = await listOrganizationDevices(client, { organizationId: "o" }, { perPage: 3 }).toArray();
  const articles = await listArticles(client, { "page[size]": 2 }).toArray();
  const entries = await listStartCount(client, { count: 5 }).toArray();
  void name, charges, devices, instances, orgDevices, articles, entries;

  // @ts-expect-error the page number belongs to the paginator
  listBareArray(client, { page: 2 });
  // @ts-expect-error the offset belongs to the paginator
  listDevices(client, { q: "a", offset: 10 });
  // @ts-expect-error the cursor belongs to the paginator
  listCharges(client, { starting_after: "ch_1" });
  // @ts-expect-error the cursor the links carry belongs to the paginator
  listOrganizationDevices(client, { organizationId: "o" }, { startingAfter: "x" });
  // @ts-expect-error a required query parameter is missing
  listDevices(client, {});
  // @ts-expect-error the path parameter is required
  listInstances(client, {});
  // @ts-expect-error items are things, not numbers
  const wrong: number[] = await listWidgets(client).toArray();
  void wrong;
}
`,
    );
    const result = await tsc(join(root, "styles"), ["consumer.ts", "generated/paginators.ts", "generated/commands.ts"]);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);
});
