/**
 * The paginators step on small fixture specs (test/fixtures/pagination/),
 * through the real CLI: which operations get a paginator and with what
 * paging spec, which list-like ones `--verbose` reports as skipped and why,
 * which `x-pagination` mistakes stop generation, and that the emitted
 * wrappers are typed (real `tsc`, with lines that must not compile).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tscStrict } from "../helpers/tsc.js";
import { ROOT, runGenerate, type GenerateRun } from "../helpers/run-generate.js";

const FIXTURES = join(ROOT, "test", "fixtures", "pagination");
let dir: string;
let run: GenerateRun;
let paginators: string;

/** `name -> the PageSpec literal its wrapper passes to paginate()`, read from the emitted file. */
function emittedSpecs(source: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const re = /export function (\w+)\([^)]*\)[^{]*\{\n\s*return paginate<\w+, \w+>\(client, (\{.*\}), \{ (?:path, )?query \}, options\);/g;
  for (const m of source.matchAll(re)) out[m[1]!] = JSON.parse(m[2]!);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "paginators-detect-"));
  run = await runGenerate(["--spec", join(FIXTURES, "detection.yaml"), "--out", join(dir, "generated"), "--lint", "off", "--verbose"]);
  paginators = existsSync(join(dir, "generated", "paginators.ts")) ? readFileSync(join(dir, "generated", "paginators.ts"), "utf8") : "";
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The emitted PageSpec of a page-number operation, its meta fields (when there are) given as `[key, pageNumber, totalPages]`. */
function pageNumber(path: string, pageParam: string, sizeParam: string, items: string, meta?: [string, string, string], bounds: { minSize?: number; maxSize?: number } = {}): object {
  return {
    style: "page-number",
    path,
    items: [items],
    pageParam,
    sizeParam,
    ...bounds,
    ...(meta && { pageNumber: { body: [meta[0], meta[1]] }, totalPages: { body: [meta[0], meta[2]] } }),
  };
}

const bracketMeta: [string, string, string] = ["meta", "page_number", "total_pages"];

describe("paginators step: detection by structure", () => {
  it("runs cleanly", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/paginators .* 6 paginated, 5 list-like skipped/);
  });

  const paged: [string, { given: string; want: object }][] = [
    ["page[number]/page[size], inline schema, meta by $ref", { given: "listBracketStyle", want: pageNumber("/bracket-style", "page[number]", "page[size]", "data", bracketMeta, { minSize: 1, maxSize: 250 }) }],
    ["page/per_page, exclusiveMinimum, meta named pagination", { given: "listPerPage", want: pageNumber("/per-page", "page", "per_page", "results", ["pagination", "current_page", "page_count"], { minSize: 1, maxSize: 100 }) }],
    ["page/page_size, no meta", { given: "listPageSizeSnake", want: pageNumber("/page-size-snake", "page", "page_size", "entries") }],
    ["pageNumber/pageSize through $ref params, $ref response, allOf body, path parameter", { given: "listCamelThings", want: pageNumber("/camel/{ownerId}/things", "pageNumber", "pageSize", "things", ["paging", "pageNumber", "totalPages"], { minSize: 5, maxSize: 50 }) }],
    ["x-pagination override: undetectable names, one of two arrays, meta: false", { given: "listOverride", want: pageNumber("/override", "p", "n", "rows") }],
    ["x-pagination partial override: items given, the rest detected", { given: "listPartialOverride", want: pageNumber("/partial-override", "page", "per_page", "data", bracketMeta) }],
  ];
  it.each(paged)("%s", (_, { given, want }) => {
    expect(emittedSpecs(paginators)[given]).toEqual(want);
  });

  it("emits exactly those paginators", () => {
    expect(Object.keys(emittedSpecs(paginators)).sort()).toEqual(paged.map(([, c]) => c.given).sort());
  });

  const skipped: [string, { given: string; want: string }][] = [
    ["x-pagination: false", { given: "GET /disabled", want: "x-pagination: false" }],
    ["two array properties", { given: "GET /two-arrays", want: "the 200 body has 2 array properties (data, included); set x-pagination.items" }],
    ["a string page parameter", { given: "GET /string-page", want: 'page-number parameter "page" is not an integer' }],
    ["cursor paging", { given: "GET /cursor", want: "no integer page-number query parameter" }],
    ["no 200 JSON body", { given: "GET /no-body", want: "no 200 JSON response body" }],
  ];
  it.each(skipped)("--verbose lists the skipped list-like operation: %s", (_, { given, want }) => {
    expect(run.stdout).toContain(`  skipped ${given}: ${want}\n`);
  });

  it("--verbose lists nothing else as skipped (a plain GET and a POST with page parameters are not list operations)", () => {
    expect(run.stdout.match(/^ {2}skipped /gm)).toHaveLength(skipped.length);
    expect(run.stdout).not.toMatch(/\/single/);
  });

  it("without --verbose, skipped operations are not listed", async () => {
    const quiet = await runGenerate(["--spec", join(FIXTURES, "detection.yaml"), "--out", join(dir, "generated"), "--lint", "off", "--check"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toMatch(/skipped GET/);
  });

  it("escapes the spec's summary in JSDoc and emits no paging logic", () => {
    expect(paginators).toContain(" * Bracket style, *\\/ closes no comment\n");
    const bodies = [...paginators.matchAll(/^export function [^\n]*\{\n([\s\S]*?)\n\}/gm)].map((m) => m[1]!);
    expect(bodies).toHaveLength(6);
    for (const body of bodies) expect(body.split("\n")).toHaveLength(1);
  });
});

describe("paginators step: x-pagination mistakes stop generation (exit 2, nothing written)", () => {
  const cases: [string, { given: string; want: RegExp }][] = [
    ["an unknown key", { given: "override-unknown-key.yaml", want: /\(#\/paths\/~1things\/get\/x-pagination\): x-pagination\.pageParm is not a known key \(known: pageParam, sizeParam, items, meta\)\n {2}fix: x-pagination is false or \{/ }],
    ["not an object", { given: "override-not-object.yaml", want: /\(#\/paths\/~1things\/get\/x-pagination\): x-pagination must be false or an object, got true/ }],
    ["on a POST", { given: "override-on-post.yaml", want: /\(#\/paths\/~1things\/post\/x-pagination\): x-pagination is only supported on GET operations/ }],
    ["an items property the body lacks", { given: "override-missing-items.yaml", want: /\(#\/paths\/~1things\/get\/x-pagination\): x-pagination: the 200 body has no array property "rows"/ }],
  ];
  it.each(cases)("%s", async (_, { given, want }) => {
    const out = join(dir, `bad-${given}`);
    const bad = await runGenerate(["--spec", join(FIXTURES, given), "--out", out, "--lint", "off"]);
    expect(bad.stderr).toMatch(want);
    expect(bad.stderr).toContain(`test/fixtures/pagination/${given}`);
    expect(bad.code).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe("paginators step: emitted wrappers under tsc --strict", () => {
  it("type the query (without the page parameter), path, items and pages from schema.ts", () => {
    symlinkSync(join(ROOT, "src"), join(dir, "src"), "dir");
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(dir, "consumer.ts"),
      `import createClient from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { listBracketStyle, listCamelThings, listPageSizeSnake, listPerPage, type ListPerPagePage } from "./generated/paginators.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });
export async function use(): Promise<void> {
  for await (const thing of listBracketStyle(client, { "filter[name]": "a", "page[size]": 10 }, { limit: 5, concurrency: 2 })) {
    const id: string = thing.id;
    void id;
  }
  for await (const page of listPerPage(client).pages()) {
    const rows: string[] | undefined = page.results;
    const same: ListPerPagePage = page;
    void rows, same;
  }
  const things = await listCamelThings(client, { ownerId: "o1" }, { pageSize: 10 }).toArray();
  const name: string | undefined = things[0]?.name;
  const numbers: number[] = await listPageSizeSnake(client, { q: "x" }).toArray();
  void name, numbers;

  // @ts-expect-error the page number belongs to the paginator
  listBracketStyle(client, { "page[number]": 2 });
  // @ts-expect-error unknown query parameter
  listBracketStyle(client, { "filter[nope]": "a" });
  // @ts-expect-error a required query parameter is missing
  listPageSizeSnake(client, {});
  // @ts-expect-error the path parameter is required
  listCamelThings(client, {});
  // @ts-expect-error items are strings, not numbers
  const wrong: number[] = await listPerPage(client).toArray();
  // @ts-expect-error not an option
  listPerPage(client, {}, { pageNumber: 2 });
  void wrong;
}
`,
    );
    const tsc = tscStrict(["consumer.ts"], dir);
    expect(tsc.output).toBe("");
    expect(tsc.code).toBe(0);
  });
});
