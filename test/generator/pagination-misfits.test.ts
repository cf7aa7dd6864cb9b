/**
 * No false paginators: GETs that carry paging parameters or look like lists
 * but whose list is not the body's main payload, or whose paging is
 * ambiguous, get none, and `--verbose` says why in terms of the spec
 * (test/fixtures/pagination/misfits.yaml, and envelope.yaml, shaped like
 * Loket: `messages` in every answer, HAL `_embedded` lists, page parameters
 * on single-resource GETs). The CLI gets no `list` command for them either.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, runGenerate, tempDir, type GenerateRun } from "../helpers/run-generate.js";
import { emittedCommands, emittedSpecs } from "../helpers/generated-output.js";

const runs: Record<string, { run: GenerateRun; out: string }> = {};

beforeAll(async () => {
  const dir = tempDir("pagination-misfits");
  await Promise.all(
    ["misfits", "envelope"].map(async (name) => {
      const out = join(dir, name);
      runs[name] = {
        out,
        run: await runGenerate([
          "--spec",
          fixture("pagination", `${name}.yaml`),
          "--out",
          out,
          "--lint",
          "off",
          "--verbose",
        ]),
      };
    }),
  );
});

const skippedLines = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("  skipped "));

describe("pagination: misfits get no paginator, and --verbose says why", () => {
  const cases: [string, { given: string; want: string }][] = [
    [
      "a map of lists (an aggregated list) beside an array of strings",
      { given: "GET /aggregated/instances", want: 'the 200 body\'s "items" is an object, not a list' },
    ],
    [
      "a cursor parameter with no next cursor in the answer",
      {
        given: "GET /cursor-without-next",
        want: 'query parameter "cursor" takes a cursor, but the 200 body gives no next cursor (nextCursor) nor has_more with item ids',
      },
    ],
    ["no JSON body", { given: "GET /no-body", want: "no 2xx JSON response body" }],
    [
      "parameters of two page styles",
      {
        given: "GET /page-and-offset",
        want: "the query has parameters of two page styles, page-number (page) and offset (offset); set style",
      },
    ],
    [
      "a list with no paging at all",
      { given: "GET /plain-list", want: "no page, offset or cursor query parameter and no next link in the answer" },
    ],
    [
      "a page parameter that is a string",
      { given: "GET /string-page", want: 'page-number parameter "page" is not a number' },
    ],
    [
      "a single resource holding an array",
      {
        given: "GET /things/{id}",
        want: "the path ends in a parameter (one resource), and the 200 body's arrays (tags) are neither named after the path nor in _embedded; set items",
      },
    ],
    [
      "two arrays, neither named after the path",
      {
        given: "GET /two-arrays",
        want: "the 200 body has 2 arrays (users, groups) and none is named after the path; set items",
      },
    ],
    [
      "a next cursor no parameter takes",
      {
        given: "GET /unsent-cursor",
        want: "the 200 body gives a next cursor (next_cursor), but no query parameter takes it; set cursorParam",
      },
    ],
  ];

  it("generates nothing for any of them", () => {
    const { run, out } = runs.misfits!;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^paginators +\d+ ms +0 paginated, 9 list-like skipped$/m);
    expect(emittedSpecs(readFileSync(join(out, "paginators.ts"), "utf8"))).toEqual({});
    expect(emittedCommands(out).filter((c) => c.paginate)).toEqual([]);
  });

  it.each(cases)("%s", (_, { given, want }) => {
    expect(runs.misfits!.run.stdout).toContain(`  skipped ${given}: ${want}\n`);
  });

  it("lists nothing else (a POST with page parameters and a plain GET are not list operations)", () => {
    expect(skippedLines(runs.misfits!.run.stdout)).toHaveLength(cases.length);
  });

  it("without --verbose, skipped operations are not listed", async () => {
    const quiet = await runGenerate([
      "--spec",
      fixture("pagination", "misfits.yaml"),
      "--out",
      runs.misfits!.out,
      "--lint",
      "off",
      "--check",
    ]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toMatch(/skipped GET/);
  });
});

describe("pagination: an envelope array in every answer is never the list (Loket's `messages`)", () => {
  it("the HAL `_embedded` lists page, by pageNumber, with the counts at the top", () => {
    const specs = emittedSpecs(readFileSync(join(runs.envelope!.out, "paginators.ts"), "utf8"));
    const counts = {
      pageNumber: { body: ["currentPage"] },
      totalPages: { body: ["totalPages"] },
      totalItems: { body: ["totalSize"] },
    };
    expect(specs).toEqual({
      listEmployees: {
        style: "page-number",
        path: "/employees",
        items: ["_embedded"],
        pageParam: "pageNumber",
        sizeParam: "pageSize",
        ...counts,
      },
      listDepartments: {
        style: "page-number",
        path: "/departments",
        items: ["_embedded"],
        pageParam: "pageNumber",
        sizeParam: "pageSize",
        ...counts,
      },
    });
  });

  it.each([
    [
      "a single resource in `content`, with page parameters",
      "GET /employees/{employeeId}",
      'the 200 body\'s "content" is an object, not a list',
    ],
    [
      "a single resource with fields at the top",
      "GET /leave/{leaveId}",
      "the path ends in a parameter (one resource), and the 200 body's arrays (messages) are neither named after the path nor in _embedded; set items",
    ],
    [
      "a static path whose only array is the envelope",
      "GET /settings",
      "the 200 body has no list of its own (messages comes in the answers of 5 paths); set items",
    ],
  ])("%s: no paginator", (_, given, want) => {
    expect(runs.envelope!.run.stdout).toContain(`  skipped ${given}: ${want}\n`);
  });

  it("and no `list` command for the single-resource GETs", () => {
    const commands = emittedCommands(runs.envelope!.out);
    expect(
      commands
        .filter((c) => c.action === "list")
        .map((c) => c.path)
        .sort(),
    ).toEqual(["/departments", "/employees"]);
  });
});
