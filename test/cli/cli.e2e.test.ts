/**
 * The built CLI end to end against a local server: flags reach the query,
 * spec checks (enum, page size, unknown flag) exit 2 before any request,
 * ndjson streams while later pages are still on their way, API errors exit 1
 * as `status code: title - detail`, and the API key never appears in any
 * output.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAIN_IN_BUILD, ROOT, buildCli, cleanEnv, runCli, startCli, type BuiltCli, type Run } from "./built-cli.js";
import { makeClones, startVoiceClonesServer, type VoiceClonesServer } from "../helpers/voice-clones-server.js";
import { cliClones } from "./clones.js";

const KEY = "KEY0zq7-Unusual-5ecret-8f3a";
let cli: BuiltCli;
let server: VoiceClonesServer;
const outputs: Run[] = [];

async function telnyx(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = await runCli(cli.main, args, cleanEnv(env));
  outputs.push(run);
  return run;
}
const list = (...args: string[]) =>
  telnyx(["voice-clones", "list", "--api-key", KEY, "--base-url", server.url, ...args]);
const param = (name: string) => server.requests.map((r) => r.params.get(name));

beforeAll(async () => {
  cli = buildCli();
  server = await startVoiceClonesServer({ clones: cliClones(), apiKey: KEY });
});
afterAll(async () => {
  await server?.close();
  cli?.remove();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe("telnyx voice-clones list", () => {
  it("pages through everything; json (the default when piped) is one array", async () => {
    const run = await list("--page-size", "20");
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as { id: string }[];
    expect(items).toHaveLength(server.clones.length);
    expect(new Set(items.map((c) => c.id))).toEqual(new Set(server.clones.map((c) => c.id)));
    expect(param("page[number]")).toEqual(["1", "2", "3"]);
    expect(param("page[size]")).toEqual(["20", "20", "20"]);
    expect(server.requests.at(-1)!.authorization).toBe(`Bearer ${KEY}`);
  });

  it("sends the filter and sort flags as the spec's query parameters", async () => {
    const run = await list(
      "--filter-name",
      "CLONE-1",
      "--filter-provider",
      "Minimax",
      "--sort",
      "-name",
      "--format",
      "json",
    );
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(1);
    const query = Object.fromEntries(server.requests[0]!.params);
    expect(query).toMatchObject({
      "filter[name]": "CLONE-1",
      "filter[provider]": "Minimax",
      sort: "-name",
      "page[number]": "1",
    });
    expect(query).not.toHaveProperty("page[size]");
    const names = (JSON.parse(run.stdout) as { name: string; provider: string }[]).map((c) => c.name);
    const expected = server.clones
      .filter((c) => c.name!.includes("clone-1") && c.provider === "minimax")
      .map((c) => c.name!)
      .sort()
      .reverse();
    expect(expected.length).toBeGreaterThan(1);
    expect(names).toEqual(expected);
  });

  it("reads the key and base URL from TELNYX_API_KEY and TELNYX_BASE_URL", async () => {
    const run = await telnyx(["voice-clones", "list", "--format", "ndjson", "--limit", "3"], {
      TELNYX_API_KEY: KEY,
      TELNYX_BASE_URL: server.url,
    });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(3);
    expect(server.requests.at(-1)!.authorization).toBe(`Bearer ${KEY}`);
  });

  it("--limit and --max-pages stop early, requesting no more pages than needed", async () => {
    const limited = await list("--limit", "7", "--page-size", "5", "--format", "ndjson");
    expect(limited.code).toBe(0);
    expect(limited.stdout.trim().split("\n")).toHaveLength(7);
    expect(param("page[number]")).toEqual(["1", "2"]);
    server.requests.length = 0;
    const pages = await list("--max-pages", "2", "--page-size", "4", "--format", "json");
    expect(JSON.parse(pages.stdout)).toHaveLength(8);
    expect(param("page[number]")).toEqual(["1", "2"]);
  });

  it("--page-number starts at that page", async () => {
    const run = await list("--page-number", "3", "--page-size", "20", "--format", "ndjson");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(server.clones.length - 40);
    expect(param("page[number]")).toEqual(["3"]);
  });

  it("ndjson streams: the first line is out before the last page is answered", async () => {
    const last = server.hold(3);
    const running = startCli(
      cli.main,
      ["voice-clones", "list", "--api-key", KEY, "--base-url", server.url, "--page-size", "20", "--format", "ndjson"],
      cleanEnv(),
    );
    await last.requested;
    await running.waitForStdout(/\n/);
    const early = running.stdout().trim().split("\n");
    expect(JSON.parse(early[0]!)).toHaveProperty("id");
    expect(early).toHaveLength(40);
    expect(running.exited()).toBe(false);
    last.release();
    const run = await running.done;
    outputs.push(run);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(server.clones.length);
  });

  it("--format table prints the main columns, the last ones dropped to fit COLUMNS", async () => {
    const run = await list("--format", "table", "--limit", "5", "--sort", "name");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]!.split(/\s{2,}/)).toEqual(["ID", "NAME", "GENDER", "PROVIDER", "STATUS", "CREATED_AT"]);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[1])).toEqual([
      "clone-01",
      "clone-02",
      "clone-03",
      "clone-04",
      "clone-05",
    ]);
    const narrow = await telnyx(
      ["voice-clones", "list", "--api-key", KEY, "--base-url", server.url, "--format", "table", "--limit", "3"],
      { COLUMNS: "50" },
    );
    const rows = narrow.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(4);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(50);
    expect(rows[0]!.split(/\s{2,}/)).toEqual(["ID", "NAME"]);
    expect(rows[1]).toMatch(/^00000000-0000-4000-8000-0000000000\d\d {2}clone-\d\d$/);
  });
});

describe("long lists", () => {
  it("--format table with 130,000 rows streams them all (no stack overflow), exit 0", { timeout: 60_000 }, async () => {
    const big = await startVoiceClonesServer({ clones: makeClones(130_000), apiKey: KEY });
    try {
      const run = await telnyx(
        ["voice-clones", "list", "--api-key", KEY, "--base-url", big.url, "--page-size", "250", "--format", "table"],
        { COLUMNS: "120" },
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(130_001);
      expect(lines[0]!.split(/\s{2,}/)[0]).toBe("ID");
      expect(big.requests).toHaveLength(520);
    } finally {
      await big.close();
    }
  });
});

describe("bad usage exits 2 before any request", () => {
  it.each([
    [
      "an enum value not in the spec",
      ["--filter-provider", "acme"],
      /--filter-provider: invalid value "acme"; allowed values: telnyx, minimax, Telnyx, Minimax/,
    ],
    [
      "a sort not in the spec",
      ["--sort", "size"],
      /--sort: invalid value "size"; allowed values: name, -name, created_at, -created_at/,
    ],
    [
      "a page size above the spec's maximum",
      ["--page-size", "500"],
      /--page-size: 500 is out of range; allowed: 1 to 250/,
    ],
    ["a page size below the minimum", ["--page-size", "0"], /--page-size: 0 is out of range; allowed: 1 to 250/],
    [
      "a page size that is not an integer",
      ["--page-size", "2.5"],
      /--page-size: expected an integer, got "2.5" \(allowed: 1 to 250\)/,
    ],
    ["an unknown flag", ["--filter-nme", "x"], /unknown flag --filter-nme \(did you mean --filter-name\?\)/],
    ["a flag without its value", ["--sort"], /--sort needs a value/],
    ["a bad --limit", ["--limit", "0"], /--limit: expected a whole number of at least 1/],
    ["a bad --format", ["--format", "yaml"], /--format: invalid value "yaml"; allowed values: table, json, ndjson/],
  ])("%s", async (_, args, message) => {
    const run = await list(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("Run 'telnyx voice-clones list --help' for usage.");
    expect(run.stdout).toBe("");
    expect(server.requests).toHaveLength(0);
  });

  it("an unknown resource or action, and a missing key", async () => {
    const resource = await telnyx(["voice-clone", "list"]);
    expect(resource.code).toBe(2);
    expect(resource.stderr).toContain('unknown resource "voice-clone" (did you mean voice-clones?)');
    const action = await telnyx(["voice-clones", "lst"]);
    expect(action.code).toBe(2);
    expect(action.stderr).toContain(
      'unknown action "lst" for voice-clones (did you mean list?); actions: create, create-from-upload, delete, get-sample, list, update',
    );
    const noKey = await telnyx(["voice-clones", "list", "--base-url", server.url]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toBe("telnyx: No API key: set the TELNYX_API_KEY environment variable or use --api-key.\n");
    const badUrl = await telnyx(["voice-clones", "list", "--api-key", KEY, "--base-url", "api.example.com/v2"]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(
      /^telnyx: The base URL from --base-url is not an absolute URL \("api\.example\.com\/v2"\)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("--help shows the spec's descriptions, allowed values and ranges, and exits 0", async () => {
    const run = await telnyx(["voice-clones", "list", "--help"]);
    expect(run.code).toBe(0);
    for (const text of [
      "Usage: telnyx voice-clones list [flags]",
      "List voice clones",
      "--filter-name <string>",
      "Case-insensitive substring filter on the name field.",
      "one of: telnyx, minimax, Telnyx, Minimax",
      "allowed: 1 to 250; default: 20",
      "query parameter filter[name]",
      "--api-key <key>",
      "TELNYX_BASE_URL",
    ]) {
      expect(run.stdout.replace(/\s+/g, " ")).toContain(text);
    }
    expect(run.stdout).not.toContain("query parameter sort"); // the flag is the parameter's own name
    const root = await telnyx(["--help"]);
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/^ {2}voice-clones {2,}\S.*\n/m);
  });
});

describe("API errors exit 1", () => {
  it("a rejected key: `status code: title - detail`; stdout stays empty (no `[]` that would read as no items), in json and table alike", async () => {
    const run = await telnyx(["voice-clones", "list", "--base-url", server.url], { TELNYX_API_KEY: `${KEY}-wrong` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("telnyx: 401 10009: Authentication failed - The API key is invalid (page 1)\n");
    expect(run.stdout).toBe("");
    const table = await telnyx(["voice-clones", "list", "--base-url", server.url, "--format", "table"], {
      TELNYX_API_KEY: `${KEY}-wrong`,
    });
    expect(table.code).toBe(1);
    expect(table.stderr).toBe("telnyx: 401 10009: Authentication failed - The API key is invalid (page 1)\n");
    expect(table.stdout).toBe("");
  });

  it("--format json, page 3 fails: stdout is the valid array of pages 1 and 2, the error is on stderr, exit 1", async () => {
    server.failNext(3, 422, []);
    const run = await list("--page-size", "20", "--format", "json");
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(40);
    // no error objects: the message is said once, with the status, page and request id
    expect(run.stderr).toBe('telnyx: 422 Unprocessable Entity: JSON body {"errors":[]} (page 3; request id req-422)\n');
  });

  it("an error on a later page after the first page's lines were printed", async () => {
    server.failNext(2, 422, [
      { code: "10015", title: "Invalid parameter", detail: "page[number] is too large" },
      { code: "10016", title: "Second problem" },
    ]);
    const run = await list("--page-size", "20", "--format", "ndjson");
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toHaveLength(20);
    expect(run.stderr).toBe(
      "telnyx: 422 10015: Invalid parameter - page[number] is too large (page 2)\ntelnyx: 422 10016: Second problem (page 2)\n",
    );
  });

  it("no server at the base URL", async () => {
    const closed = await startVoiceClonesServer({ clones: cliClones(), apiKey: KEY });
    const url = closed.url;
    await closed.close();
    const run = await telnyx(["voice-clones", "list", "--api-key", KEY, "--base-url", url, "--format", "json"], {
      TELNYX_API_KEY: KEY,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^telnyx: .+/);
  });
});

describe("the API key", () => {
  it("a key that cannot be sent is refused without being shown", async () => {
    const run = await telnyx(["voice-clones", "list", "--base-url", server.url, "--api-key", `${KEY}\nsecond-line`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("The API key from --api-key contains a line break (CR or LF)");
    expect(run.stderr).not.toContain("second-line");
  });

  it("never appears in any output of this file's runs", () => {
    expect(outputs.length).toBeGreaterThan(15);
    for (const run of outputs) {
      expect(run.stdout).not.toContain(KEY);
      expect(run.stderr).not.toContain(KEY);
    }
  });
});

describe("packaging", () => {
  it("package.json's bin `telnyx` points at the built src/cli/main.ts, which starts with a shebang", () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { bin?: Record<string, string> };
    expect(pkg.bin?.telnyx?.replace(/^\.\//, "")).toBe(`dist/esm/${MAIN_IN_BUILD}`);
    expect(readFileSync(cli.main, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
