/**
 * What the lint step prints, through the real CLI on a one-line JSON spec
 * with 121 problems (61 errors: one undefined security scheme and 60
 * operations without security; 60 warnings: no 4xx response): at most
 * --max-problems (default 100) problems, errors first, then how many were
 * left out, the counts per rule and the total; --quiet prints errors only;
 * every place leads with the JSON pointer (no `1:2753` columns). Plus the
 * place format itself for YAML, JSON and long lines.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPlace } from "../../scripts/errors.js";
import { runGenerate, runGenerateProcess, tempDir } from "../helpers/run-generate.js";

let dir: string;
let spec: string;

beforeAll(() => {
  dir = tempDir("lint-output");
  spec = join(dir, "many-problems.json");
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 60; i++)
    paths[`/things${i}`] = {
      get: { operationId: `getThing${i}`, summary: "Get a thing", responses: { "200": { description: "OK" } } },
    };
  paths["/broken"] = {
    get: {
      operationId: "broken",
      summary: "Broken",
      security: [{ missingScheme: [] }],
      responses: { "200": { description: "OK" }, "400": { description: "Bad" } },
    },
  };
  const info = {
    title: "Many problems",
    version: "1",
    description: "x",
    license: { name: "MIT", url: "https://example.com" },
  };
  writeFileSync(spec, JSON.stringify({ openapi: "3.1.0", info, servers: [{ url: "https://api.example.org" }], paths }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemLines = (stderr: string) => stderr.split("\n").filter((line) => /^ {2}(error|warn )/.test(line));

describe.concurrent("lint output", () => {
  it("prints 100 problems, errors first, then what was left out per rule and the total", async () => {
    const run = await runGenerate(["--spec", "many-problems.json", "--out", "out1", "--lint", "warn"], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = problemLines(run.stderr);
    expect(lines).toHaveLength(100);
    expect(lines.slice(0, 61).every((line) => line.startsWith("  error "))).toBe(true);
    expect(lines.slice(61).every((line) => line.startsWith("  warn  "))).toBe(true);
    expect(run.stderr).toContain(
      "  ... 21 more not shown (--max-problems 100); by rule:\n         61  security-defined\n         60  operation-4xx-response\n  total: 61 errors, 60 warnings\n",
    );
    expect(run.stdout).toMatch(/^lint +\d+ ms +61 errors, 60 warnings/m);
  });

  it("the JSON pointer leads each place in a JSON spec, and no line:column is shown on its one line", async () => {
    const run = await runGenerate(
      ["--spec", "many-problems.json", "--out", "out2", "--lint", "warn", "--max-problems", "1"],
      { cwd: dir },
    );
    expect(problemLines(run.stderr)).toEqual([
      `  error #/paths/~1broken/get/security/0/missingScheme in many-problems.json: There is no \`missingScheme\` security scheme defined. [security-defined]`,
    ]);
  });

  it("--max-problems N prints N", async () => {
    const run = await runGenerate(
      ["--spec", "many-problems.json", "--out", "out3", "--lint", "warn", "--max-problems", "7"],
      { cwd: dir },
    );
    expect(problemLines(run.stderr)).toHaveLength(7);
    expect(run.stderr).toContain("  ... 114 more not shown (--max-problems 7); by rule:");
  });

  it("--quiet prints errors only, and counts only errors", async () => {
    const run = await runGenerate(
      ["--spec", "many-problems.json", "--out", "out4", "--lint", "warn", "--quiet", "--max-problems", "10"],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const lines = problemLines(run.stderr);
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => line.startsWith("  error "))).toBe(true);
    expect(run.stderr).toContain(
      "  ... 51 more not shown (--max-problems 10); by rule:\n         61  security-defined\n  total: 61 errors, 60 warnings\n",
    );
    expect(run.stderr).not.toContain("operation-4xx-response");
  });

  it("under --lint error, the run stops (exit 2) naming the first error's place, after the problems", async () => {
    // A real process: its exit status, and the lint thread started as `npm run generate` starts it.
    const run = await runGenerateProcess(["--spec", "many-problems.json", "--out", "strict", "--max-problems", "2"], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(problemLines(run.stderr)).toHaveLength(2);
    expect(run.stderr).toContain(
      `error: #/paths/~1broken/get/security/0/missingScheme in many-problems.json: lint: 61 errors, 60 warnings; first: There is no \`missingScheme\` security scheme defined. [security-defined]\n  fix: `,
    );
  });

  it("--max-problems takes a whole number", async () => {
    const run = await runGenerate(["--spec", "many-problems.json", "--max-problems", "ten"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-problems must be a whole number (0 or more), got "ten"');
  });
});

describe("formatPlace", () => {
  const cases: [string, { given: Parameters<typeof formatPlace>[0]; want: string }][] = [
    [
      "YAML: file, line and column first",
      {
        given: { file: "spec/openapi.yaml", line: 2, column: 1, pointer: "#/info" },
        want: "spec/openapi.yaml:2:1 (#/info)",
      },
    ],
    [
      "JSON: the pointer first",
      { given: { file: "spec.json", line: 12, column: 5, pointer: "#/info" }, want: "#/info in spec.json:12:5" },
    ],
    [
      "a long line: the pointer, no line or column",
      { given: { file: "spec.yaml", line: 1, column: 2753462, pointer: "#/paths" }, want: "#/paths in spec.yaml" },
    ],
    [
      "JSON without a pointer (a syntax error): the position",
      { given: { file: "spec.json", line: 6, column: 3 }, want: "spec.json:6:3" },
    ],
    ["a pointer alone", { given: { pointer: "#/a" }, want: "#/a" }],
  ];
  it.each(cases)("%s", (_, { given, want }) => {
    expect(formatPlace(given)).toBe(want);
  });
});
