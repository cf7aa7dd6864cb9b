/**
 * The load step on bad and hostile specs (test/fixtures/load/): each is a real
 * CLI run that must exit 2 with a message naming the place and the fix, no
 * stack trace, and leave the output folder exactly as it was.
 */
import { copyFileSync, readFileSync, rmSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSpecText } from "../../scripts/spec/parse-spec.js";
import { fixture, occupiedOut, runGenerate, snapshot, tempDir } from "../helpers/run-generate.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI on `spec` into an occupied output folder; asserts exit 2, no stack trace, nothing changed. */
async function refused(spec: string, extra: string[] = []): Promise<string> {
  const dir = tempDir("load");
  made.push(dir);
  const out = occupiedOut(dir);
  const before = snapshot(out);
  const run = await runGenerate(["--spec", spec, "--out", out, "--quiet", ...extra]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/^error: /);
  expect(run.stderr).toContain("\n  fix: ");
  expect(run.stderr).not.toContain("unexpected failure");
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(snapshot(out)).toEqual(before);
  return run.stderr;
}

const CASES: [string, { spec: string; args?: string[]; message: RegExp }][] = [
  [
    "alias bomb (9 levels x 9 aliases)",
    {
      spec: "alias-bomb.yaml",
      message: /alias-bomb\.yaml:\d+:\d+: YAML aliases and merges expand the document by more than 1,000,000 nodes/,
    },
  ],
  [
    "merge-key bomb (`<<` 20 deep)",
    { spec: "merge-bomb.yaml", message: /merge-bomb\.yaml:\d+:\d+: YAML aliases and merges expand the document/ },
  ],
  [
    "duplicate key in YAML",
    { spec: "duplicate-key.yaml", message: /duplicate-key\.yaml:12:3: duplicate key "\/things"/ },
  ],
  [
    "duplicate key in JSON (JSON.parse would keep the last)",
    {
      spec: "duplicate-key.json",
      message: /duplicate-key\.json:6:5: duplicate key "\/things"[\s\S]*JSON\.parse would silently keep only the last/,
    },
  ],
  ["YAML syntax error", { spec: "yaml-syntax.yaml", message: /yaml-syntax\.yaml:9:1: invalid YAML: / }],
  [
    "JSON syntax error",
    { spec: "json-syntax.json", message: /json-syntax\.json:6:3: invalid JSON: expected a property name/ },
  ],
  [
    "not an OpenAPI document",
    {
      spec: "not-openapi.yaml",
      message: /not-openapi\.yaml \(#\/openapi\): not an OpenAPI document: it has no `openapi` field/,
    },
  ],
  [
    "Swagger 2.0",
    {
      spec: "swagger2.yaml",
      message: /Swagger "2\.0" document, not OpenAPI 3\.x[\s\S]*fix: convert it to OpenAPI 3\.x first/,
    },
  ],
  ["OpenAPI 4", { spec: "unsupported-version.yaml", message: /unsupported OpenAPI version "4\.0\.0"/ }],
  ["no paths", { spec: "no-paths.yaml", message: /no-paths\.yaml \(#\/paths\): the spec has no `paths` object/ }],
  [
    "a list, not a mapping",
    { spec: "not-a-mapping.yaml", message: /not-a-mapping\.yaml: the document is not a mapping/ },
  ],
  [
    ".inf (not a JSON number)",
    { spec: "not-finite.yaml", message: /not-finite\.yaml:10:16: \.inf is not a JSON number/ },
  ],
  [
    "two YAML documents in one file",
    {
      spec: "multi-document.yaml",
      message: /multi-document\.yaml:4:1: invalid YAML: Source contains multiple documents/,
    },
  ],
  ["not UTF-8", { spec: "not-utf8.yaml", message: /not-utf8\.yaml: the file is not valid UTF-8 text/ }],
  [
    "JSON nested 200 deep",
    {
      spec: "deep-nesting.json",
      message: /deep-nesting\.json:1:\d+: objects and arrays are nested more than 128 deep/,
    },
  ],
  [
    "YAML nested 20 000 deep",
    { spec: "deep-nesting.yaml", message: /deep-nesting\.yaml:4:\d+: the YAML is nested too deeply to parse/ },
  ],
  [
    "over --max-size",
    {
      spec: "over-limit.yaml",
      args: ["--max-size", "0.0001"],
      message: /over-limit\.yaml: the file is 168 B, over the 104 B limit[\s\S]*--max-size/,
    },
  ],
  [
    "alias bomb with --lint off (the load limits still apply)",
    { spec: "alias-bomb.yaml", args: ["--lint", "off"], message: /YAML aliases and merges expand the document/ },
  ],
  [
    "alias bomb with --check",
    { spec: "alias-bomb.yaml", args: ["--check"], message: /YAML aliases and merges expand the document/ },
  ],
];

describe.concurrent("load: bad specs exit 2 with the place and the fix, and change nothing", () => {
  it.each(CASES)("%s", async (_name, { spec, args, message }) => {
    expect(await refused(join("test", "fixtures", "load", spec), args)).toMatch(message);
  });

  it("a spec over 20 MB is refused by default, before it is read", async () => {
    const dir = tempDir("load-big");
    made.push(dir);
    const big = join(dir, "big.yaml");
    copyFileSync(fixture("load", "over-limit.yaml"), big);
    truncateSync(big, 21 * 1024 * 1024); // sparse: no 21 MB written
    expect(await refused(big)).toMatch(
      /big\.yaml: the file is 21\.0 MB, over the 20\.0 MB limit\n {2}fix: raise the limit with --max-size <MB>/,
    );
  });

  it("a missing spec file", async () => {
    expect(await refused("test/fixtures/load/no-such-file.yaml")).toMatch(
      /no-such-file\.yaml: cannot read the spec: no such file \(ENOENT\)/,
    );
  });

  it("a spec nested 126 deep (just within the limit) generates: no later step runs out of stack", async () => {
    const dir = tempDir("load-deep");
    made.push(dir);
    const run = await runGenerate([
      "--spec",
      "test/fixtures/load/deep-ok.json",
      "--out",
      join(dir, "out"),
      "--lint",
      "warn",
      "--quiet",
    ]);
    expect(run.stderr).not.toMatch(/^error|unexpected failure/m);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "out", "schema.ts"), "utf8")).toMatch(/(a\?: \{\s*){60}/);
  });

  it("--max-size raises the limit", async () => {
    const dir = tempDir("load-raise");
    made.push(dir);
    const run = await runGenerate([
      "--spec",
      "test/fixtures/load/over-limit.yaml",
      "--out",
      join(dir, "out"),
      "--lint",
      "off",
      "--quiet",
      "--max-size",
      "1",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("load: the parser stays linear on hostile YAML", () => {
  it("the 342-byte alias bomb stops in the parser, at its node budget (1,000,000 nodes), not after expanding", () => {
    const text = readFileSync(fixture("load", "alias-bomb.yaml"), "utf8");
    expect(text.length).toBeLessThan(400);
    expect(() => parseSpecText(text, "alias-bomb.yaml")).toThrow(
      /^YAML aliases and merges expand the document by more than 1,000,000 nodes/,
    );
  });

  it("10 000 anchors and aliases parse (each alias is shared, not copied: yaml's own toJS and unique-key check are quadratic here)", () => {
    const text = readFileSync(fixture("load", "many-aliases.yaml"), "utf8");
    const doc = parseSpecText(text, "many-aliases.yaml") as { "x-many": Record<string, unknown> };
    expect(Object.keys(doc["x-many"])).toHaveLength(20_000);
    expect(doc["x-many"].b9999).toBe("v");
  });

  it("merge keys: own keys win, earlier sources win over later ones, aliases are shared not copied", () => {
    const doc = parseSpecText(
      "base: &b {a: 1, b: 2}\nx: {<<: [*b, {c: 3, a: 9}], b: 0}\nlist: &l [1]\ny: [*l, *l]\n",
      "m.yaml",
    ) as Record<string, Record<string, unknown> & unknown[]>;
    expect(doc.x).toEqual({ a: 1, b: 0, c: 3 });
    expect(doc.y![0]).toBe(doc.y![1]);
  });

  it("__proto__ keys are kept as data (YAML and JSON), never set a prototype", () => {
    for (const [text, file] of [
      ["__proto__: {polluted: true}\n", "p.yaml"],
      ['{"__proto__": {"polluted": true}}', "p.json"],
    ] as const) {
      const doc = parseSpecText(text, file) as Record<string, unknown>;
      expect(Object.keys(doc)).toEqual(["__proto__"]);
      expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
