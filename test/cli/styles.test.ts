/**
 * `list` commands page every style the same way, run in-process through
 * `run()` with hand-written command data against the styles server
 * (test/helpers/styles-server.ts): the flags with a paging role start
 * mid-way (`page`, `offset`, `cursor`) or set the page size (`size`), and a
 * failure mid-walk leaves stdout a valid JSON array, the error on stderr and
 * exit code 1.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CommandSpec, FlagSpec } from "../../src/cli/command-spec.js";
import { commandHelp } from "../../src/cli/help.js";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import type { PageSpec } from "../../src/paginate/index.js";
import { startStylesServer, type StylesServer } from "../helpers/styles-server.js";

const KEY = "KEY0styles-Unusual-9d2e";
const size = (param: string): FlagSpec => ({
  flag: "page-size",
  param,
  in: "query",
  type: "integer",
  minimum: 1,
  maximum: 100,
  role: "size",
});
const command = (name: string, paginate: PageSpec, flags: FlagSpec[]): CommandSpec => ({
  resource: name,
  action: "list",
  method: "get",
  path: paginate.path,
  flags,
  paginate,
  columns: ["id", "n"],
});

const COMMANDS: CommandSpec[] = [
  command(
    "pages",
    {
      style: "page-number",
      path: "/pages",
      items: ["results"],
      pageParam: "page",
      sizeParam: "per_page",
      totalPages: { body: ["pagination", "pages"] },
    },
    [{ flag: "page", param: "page", in: "query", type: "integer", minimum: 1, role: "page" }, size("per_page")],
  ),
  command(
    "offsets",
    {
      style: "offset",
      path: "/offset",
      items: ["items"],
      offsetParam: "offset",
      sizeParam: "limit",
      totalItems: { header: "x-total-count" },
    },
    [{ flag: "offset", param: "offset", in: "query", type: "integer", minimum: 0, role: "offset" }, size("limit")],
  ),
  command(
    "cursors",
    {
      style: "cursor",
      path: "/cursor",
      items: ["data"],
      cursorParam: "cursor",
      sizeParam: "limit",
      nextCursor: { body: ["meta", "next_cursor"] },
    },
    [{ flag: "cursor", param: "cursor", in: "query", type: "string", role: "cursor" }, size("limit")],
  ),
  command(
    "links",
    {
      style: "next-link",
      path: "/links",
      items: ["data"],
      sizeParam: "limit",
      next: { body: ["links", "next"] },
      cursorParam: "after",
    },
    [{ flag: "after", param: "after", in: "query", type: "string", role: "cursor" }, size("limit")],
  ),
];

let server: StylesServer;
beforeAll(async () => {
  server = await startStylesServer(25);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.misbehave = {};
});

async function telnyx(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    env: { TELNYX_API_KEY: KEY, TELNYX_BASE_URL: `${server.url}/v1` },
    readStdin: async () => "",
  };
  const code = await run(args, io, new AbortController().signal, COMMANDS);
  expect(stdout + stderr).not.toContain(KEY);
  return { code, stdout, stderr };
}
const ns = (stdout: string) => (JSON.parse(stdout) as { n: number }[]).map((item) => item.n);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("list commands, every style", () => {
  it.each([
    ["pages", [], range(1, 25), 3],
    ["offsets", [], range(1, 25), 3],
    ["cursors", [], range(1, 25), 3],
    ["links", [], range(1, 25), 3],
    ["pages", ["--page", "2"], range(11, 25), 2],
    ["offsets", ["--offset", "12"], range(13, 25), 2],
    ["cursors", ["--cursor", "c20"], range(21, 25), 1],
    ["links", ["--after", "c10"], range(11, 25), 2],
  ])("%s %j", async (resource, start, want, requests) => {
    const result = await telnyx([resource, "list", "--page-size", "10", "--format", "json", ...start]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(ns(result.stdout)).toEqual(want);
    expect(server.requests).toHaveLength(requests);
    expect(server.requests.every((r) => r.includes("limit=10") || r.includes("per_page=10"))).toBe(true);
  });

  it("--limit and --max-pages stop any style early", async () => {
    for (const resource of ["pages", "offsets", "cursors", "links"]) {
      server.requests.length = 0;
      const limited = await telnyx([resource, "list", "--page-size", "10", "--limit", "12", "--format", "json"]);
      expect(ns(limited.stdout)).toEqual(range(1, 12));
      expect(server.requests).toHaveLength(2);
      const table = await telnyx([resource, "list", "--page-size", "10", "--max-pages", "1", "--format", "table"]);
      expect(table.stdout.trimEnd().split("\n")).toHaveLength(11);
    }
  });

  it("a failure mid-walk: stdout is still a valid JSON array of what came before, the error on stderr, exit 1", async () => {
    server.misbehave = { foreignOrigin: "http://127.0.0.1:9" };
    const result = await telnyx(["links", "list", "--page-size", "10", "--format", "json"]);
    expect(result.code).toBe(1);
    expect(ns(result.stdout)).toEqual(range(1, 10));
    expect(result.stderr).toMatch(
      /^telnyx: GET \/links page 1: the next link leads to http:\/\/127\.0\.0\.1:9, not the client's http:\/\/127\.0\.0\.1:\d+: /,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("an empty --cursor is refused naming the flag", async () => {
    const result = await telnyx(["cursors", "list", "--cursor", ""]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--cursor: expected a cursor to start from, got ""');
  });

  it("--help says how the command pages and which flags start it mid-way", () => {
    const help = (name: string) => commandHelp(COMMANDS.find((c) => c.resource === name)!, 200);
    expect(help("pages")).toContain(
      "Pages through GET /pages automatically (by page); --limit and --max-pages stop early; --page starts mid-way.",
    );
    expect(help("offsets")).toContain("(by offset, offset)");
    expect(help("cursors")).toContain(
      "(by cursor, cursor); --limit and --max-pages stop early; --cursor starts mid-way.",
    );
    expect(help("links")).toContain(
      "(by following next links); --limit and --max-pages stop early; --after starts mid-way.",
    );
  });
});
