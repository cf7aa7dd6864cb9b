/**
 * The YAML load's happy path (scripts/spec/parse-yaml-fast.ts, js-yaml, no
 * positions) against the positional parser (parse-yaml.ts, yaml's node tree):
 * on every small YAML file of the repository and on each unusual form, the
 * fast path either returns exactly the positional parser's data or gives up
 * (undefined), so that the positional parser decides and names the line.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseYamlFast } from "../../scripts/spec/parse-yaml-fast.js";
import { parseYamlWithPositions } from "../../scripts/spec/parse-yaml.js";
import { MAX_DEPTH } from "../../scripts/spec/parse-json.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) && statSync(path).size < 300_000 ? [path] : [];
  });
}

/** The positional parser's data, or its error. */
function positional(text: string): { value?: unknown; error?: string } {
  try {
    return { value: parseYamlWithPositions(text, "x.yaml") };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe("YAML fast path", () => {
  it("returns the positional parser's data, or gives up, on every small YAML file of the repository", () => {
    const files = yamlFiles("test/fixtures");
    let same = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      const fast = parseYamlFast(text);
      if (fast === undefined) continue;
      expect(positional(text), file).toEqual({ value: fast });
      expect(JSON.stringify(fast), file).toBe(JSON.stringify(positional(text).value));
      same++;
    }
    expect(same).toBeGreaterThan(40);
  });

  const SAME: [string, string][] = [
    [
      "core schema scalars",
      "a: [1, -2, +3, 0o17, 0x1F, 1.5, .5, 1e3, -1.0E-2, true, False, NULL, ~, '', yes, no, on, 1_000, 0b101, 2020-01-01]",
    ],
    ["keys that are numbers and booleans", "1: a\n1.0e1: b\ntrue: c\n0x10: d"],
    [
      "quoted and block strings",
      "a: \"x\\ty\\u00e9\\n\"\nb: 'it''s'\nc: |\n  line 1\n  line 2\nd: >-\n  folded\n  text\n\n  para\ne: plain\n  continued",
    ],
    ["__proto__ as data", "__proto__: {polluted: true}\nb: 1"],
    ["flow and block nesting", "a: {b: [1, {c: d}], e: []}\nf:\n  - g: 1\n    h: [x, y]\n  - - 1\n    - 2"],
    ["an anchor no alias uses", "a: &x {b: 1}\nc: 2"],
    ["a huge integer that still fits a double", `a: ${"9".repeat(300)}`],
    [
      "nesting 126 deep (js-yaml counts depth one stricter: at the limit itself the positional parser decides)",
      `${"[".repeat(MAX_DEPTH - 2)}1${"]".repeat(MAX_DEPTH - 2)}`,
    ],
  ];
  it.each(SAME)("%s: the same data", (_name, text) => {
    const fast = parseYamlFast(text);
    expect(fast).not.toBeUndefined();
    expect(positional(text)).toEqual({ value: fast });
  });

  const GIVES_UP: [string, string][] = [
    ["an alias (the alias budget is the positional walk's)", "a: &x {b: 1}\nc: *x"],
    ["a merge key", "a: {<<: {b: 1}, c: 2}"],
    ["a null key", "~: a\nb: 1"],
    ["an empty key", ": a"],
    ["a complex key", "? [a, b]\n: c"],
    ["a duplicate key", "a: 1\nb: 2\na: 3"],
    ["a duplicate key after number spelling", "1: a\n1.0: b"],
    ["nesting over the limit", `${"[".repeat(MAX_DEPTH + 1)}1${"]".repeat(MAX_DEPTH + 1)}`],
    ["an infinite float", "a: .inf"],
    ["NaN", "a: .NaN"],
    ["an integer too long for a double", `a: ${"9".repeat(400)}`],
    ["a float that overflows", "a: 1e999"],
    ["an explicit numeric tag", "a: !!int 0b101"],
    ["a YAML 1.1 tag", "a: !!binary aGk="],
    ["a custom tag", "a: !thing x"],
    ["a syntax error", "a: [1, 2\nb: 3"],
    ["two documents", "a: 1\n---\nb: 2"],
  ];
  it.each(GIVES_UP)("%s: gives up", (_name, text) => {
    expect(parseYamlFast(text)).toBeUndefined();
  });
});
