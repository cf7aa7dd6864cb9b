/**
 * Paging rules outside detection, through the real generator: `x-pagination`
 * on an operation and the pagination config file (pagination.yaml beside the
 * spec, or --pagination), one vocabulary for both
 * (test/fixtures/pagination/rules/). Mistakes in either stop generation with
 * exit 2, a message naming the place, and nothing written.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emittedSpecs } from "../helpers/generated-output.js";
import { fixture, runGenerate, tempDir, type GenerateRun } from "../helpers/run-generate.js";

const SPEC = fixture("pagination", "rules", "openapi.yaml");
let dir: string;
let run: GenerateRun;
let specs: Record<string, unknown>;

beforeAll(async () => {
  dir = tempDir("pagination-rules");
  run = await runGenerate(["--spec", SPEC, "--out", join(dir, "generated"), "--lint", "off", "--verbose"]);
  specs = emittedSpecs(readFileSync(join(dir, "generated", "paginators.ts"), "utf8"));
});

describe("pagination rules: x-pagination and pagination.yaml beside the spec", () => {
  it("runs cleanly", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  const cases: [string, { given: string; want: object }][] = [
    [
      "x-pagination: undetectable parameters, one of two arrays, counts turned off (the old keys keep working)",
      {
        given: "listOverride",
        want: { style: "page-number", path: "/override", items: ["rows"], pageParam: "p", sizeParam: "n" },
      },
    ],
    [
      "x-pagination names the list, the rest is detected",
      {
        given: "listPartialOverride",
        want: {
          style: "page-number",
          path: "/partial-override",
          items: ["data"],
          pageParam: "page",
          pageNumber: { body: ["meta", "page_number"] },
          totalPages: { body: ["meta", "total_pages"] },
        },
      },
    ],
    [
      "config all.items `result.*`: the one array inside `result`",
      {
        given: "listReports",
        want: { style: "page-number", path: "/reports", items: ["result", "rows"], pageParam: "page" },
      },
    ],
    [
      "config all.nextCursor `meta.continue`, with all.items",
      {
        given: "listAudits",
        want: {
          style: "cursor",
          path: "/audits",
          items: ["result", "rows"],
          cursorParam: "cursor",
          nextCursor: { body: ["meta", "continue"] },
        },
      },
    ],
    [
      "config by `GET /path`: a cursor that is the last item's id",
      {
        given: "listPosts",
        want: {
          style: "cursor",
          path: "/posts",
          items: ["latest_posts"],
          cursorParam: "before",
          nextCursor: { lastItem: ["id"] },
        },
      },
    ],
    [
      "config by operationId: a next link the name does not give away",
      {
        given: "listNotifications",
        want: { style: "next-link", path: "/notifications", items: ["notifications"], next: { body: ["load_more"] } },
      },
    ],
    [
      "config: a Link header the spec does not declare, and the cursor it carries",
      {
        given: "listRoles",
        want: {
          style: "next-link",
          path: "/v1/roles",
          items: [],
          next: { header: "link" },
          cursorParam: "batch_token",
        },
      },
    ],
    [
      "config and x-pagination on one operation: the config's key wins",
      { given: "listBoth", want: { style: "offset", path: "/both", items: ["second"], offsetParam: "offset" } },
    ],
  ];
  it.each(cases)("%s", (_, { given, want }) => {
    expect(specs[given]).toEqual(want);
  });

  it("emits only those, and says why the others have none", () => {
    expect(Object.keys(specs).sort()).toEqual(cases.map(([, c]) => c.given).sort());
    expect(run.stdout).toContain("  skipped GET /disabled: x-pagination: false\n");
    expect(run.stdout).toContain(
      "  skipped GET /legacy: false in test/fixtures/pagination/rules/pagination.yaml (operations.listLegacy)\n",
    );
  });

  it("without the config file, detection alone pages none of the config's operations the same way", async () => {
    const out = join(dir, "alone");
    const alone = await runGenerate([
      "--spec",
      SPEC,
      "--out",
      out,
      "--lint",
      "off",
      "--pagination",
      fixture("pagination", "rules", "empty.yaml"),
    ]);
    expect(alone.code).toBe(0);
    const detected = emittedSpecs(readFileSync(join(out, "paginators.ts"), "utf8"));
    for (const name of ["listReports", "listAudits", "listPosts", "listNotifications", "listRoles"])
      expect(detected[name]).toBeUndefined();
    expect(detected.listLegacy).toEqual({ style: "page-number", path: "/legacy", items: [], pageParam: "page" });
  });
});

describe("pagination rules: mistakes stop generation (exit 2, nothing written)", () => {
  const bad = (name: string) => fixture("pagination", "rules", "bad", name);
  const cases: [string, { args: string[]; file: string; want: RegExp }][] = [
    [
      "config: an unknown top-level key",
      {
        args: ["--pagination", bad("unknown-top.yaml")],
        file: "rules/bad/unknown-top.yaml",
        want: /\(#\/rule\): rule is not a known key \(known: all, operations, operationIds\)/,
      },
    ],
    [
      "config: an unknown rule key",
      {
        args: ["--pagination", bad("unknown-key.yaml")],
        file: "rules/bad/unknown-key.yaml",
        want: /\(#\/all\/itemz\): all\.itemz is not a known key \(known: style, items, /m,
      },
    ],
    [
      "config: style for the whole spec",
      {
        args: ["--pagination", bad("style-in-all.yaml")],
        file: "rules/bad/style-in-all.yaml",
        want: /\(#\/all\/style\): all\.style belongs to an operation, not to the whole spec/,
      },
    ],
    [
      "config: operations not a mapping",
      {
        args: ["--pagination", bad("not-a-mapping.yaml")],
        file: "rules/bad/not-a-mapping.yaml",
        want: /\(#\/operations\): operations must be a mapping/,
      },
    ],
    [
      "config: an operation the spec lacks",
      {
        args: ["--pagination", bad("no-operation.yaml")],
        file: "rules/bad/no-operation.yaml",
        want: /\(#\/operations\/GET ~1nope\): operations\.GET \/nope matches no operation of the spec/,
      },
    ],
    [
      "config: a POST",
      {
        args: ["--pagination", bad("not-get.yaml")],
        file: "rules/bad/not-get.yaml",
        want: /\(#\/operations\/POST ~1posts\): operations\.POST \/posts is a POST: only GET operations page/,
      },
    ],
    [
      "config: a spec-wide rule that matches nothing",
      {
        args: ["--pagination", bad("matches-nothing.yaml")],
        file: "rules/bad/matches-nothing.yaml",
        want: /\(#\/all\/nextCursor\): all\.nextCursor \(meta\.next\) matches no GET operation of the spec/,
      },
    ],
    [
      "config: a parameter the operation lacks",
      {
        args: ["--pagination", bad("misfit.yaml")],
        file: "rules/bad/misfit.yaml",
        want: /\(#\/operations\/listLegacy\): GET \/legacy: cursorParam "after" is not a query parameter of the operation/,
      },
    ],
    [
      "config: a count the body lacks",
      {
        args: ["--pagination", bad("misfit-path.yaml")],
        file: "rules/bad/misfit-path.yaml",
        want: /\(#\/operations\/listLegacy\): GET \/legacy: totalPages meta\.pages is not a number in the 200 body/,
      },
    ],
    [
      "config: a header the answer does not declare (issue 21, item 9)",
      {
        args: ["--pagination", bad("undeclared-header.yaml")],
        file: "rules/bad/undeclared-header.yaml",
        want: /\(#\/operations\/GET ~1v1~1roles\): GET \/v1\/roles: next names the header link, which the 200 answer does not declare \(declare it in the spec, or write \{ header: link, undeclared: true \}/,
      },
    ],
    [
      "config: --pagination names a missing file",
      {
        args: ["--pagination", bad("nope.yaml")],
        file: "rules/bad/nope.yaml",
        want: /: the pagination config file does not exist\n {2}fix: check the --pagination path/,
      },
    ],
  ];
  const xCases: [string, { spec: string; want: RegExp }][] = [
    [
      "x-pagination: an unknown key",
      {
        spec: "unknown-key.yaml",
        want: /\(#\/paths\/~1things\/get\/x-pagination\/pageParm\): x-pagination\.pageParm is not a known key/,
      },
    ],
    [
      "x-pagination: the old meta key gets a migration error",
      {
        spec: "meta.yaml",
        want: /x-pagination\.meta is replaced by pageNumber and totalPages, each a path in the body\n {2}fix: write pageNumber: meta\.page_number, totalPages: meta\.total_pages instead of meta/,
      },
    ],
    [
      "x-pagination: not an object",
      {
        spec: "not-object.yaml",
        want: /\(#\/paths\/~1things\/get\/x-pagination\): x-pagination must be false or an object, got true/,
      },
    ],
    [
      "x-pagination: on a POST",
      {
        spec: "on-post.yaml",
        want: /\(#\/paths\/~1things\/post\/x-pagination\): x-pagination is only supported on GET operations/,
      },
    ],
    [
      "x-pagination: items the body lacks",
      {
        spec: "missing-items.yaml",
        want: /\(#\/paths\/~1things\/get\/x-pagination\): GET \/things: the 200 body has no array at items rows/,
      },
    ],
  ];

  const expectRefused = (result: GenerateRun, file: string, want: RegExp, out: string) => {
    expect(result.stderr).toMatch(want);
    expect(result.stderr).toContain(`test/fixtures/pagination/${file}`);
    expect(result.code).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  };

  it.each(cases)("%s", async (_, { args, file, want }) => {
    const out = join(dir, `bad-${file.replace(/\W/g, "-")}`);
    expectRefused(await runGenerate(["--spec", SPEC, "--out", out, "--lint", "off", ...args]), file, want, out);
  });

  it.each(xCases)("%s", async (_, { spec, want }) => {
    const out = join(dir, `bad-x-${spec}`);
    expectRefused(
      await runGenerate(["--spec", fixture("pagination", "x-pagination", spec), "--out", out, "--lint", "off"]),
      `x-pagination/${spec}`,
      want,
      out,
    );
  });
});
