/**
 * Every ```ts block of README.md, CONTRIBUTING.md and docs/*.md is a whole
 * program that compiles, as written, with `tsc --strict` against the package
 * (`import ... from "telnyx-typed"`: src/ and generated/, the real spec's
 * types). A block fenced ```ts excerpt shows a piece of generated code and is
 * not a program.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir, tsc } from "../helpers/run-generate.js";

interface Snippet {
  /** The page and the line of the opening fence: `README.md:31`. */
  where: string;
  file: string;
  code: string;
}

const PAGES = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

function snippetsOf(page: string): Snippet[] {
  const text = readFileSync(join(ROOT, page), "utf8");
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => {
    const line = text.slice(0, m.index).split("\n").length;
    return { where: `${page}:${line}`, file: `snippets/${page.replace(/[/.]/g, "-")}-line-${line}.ts`, code: m[1]! };
  });
}

const README_SNIPPETS = snippetsOf("README.md");
const SNIPPETS: Snippet[] = PAGES.flatMap(snippetsOf);

let dir: string;
let diagnostics: string;

beforeAll(async () => {
  dir = tempDir("readme-snippets");
  // The package as a consumer sees it: `telnyx-typed` names this folder (a package may import itself by name).
  cpSync(join(ROOT, "src"), join(dir, "src"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "telnyx-typed",
      type: "module",
      exports: { ".": { types: "./src/index.ts" }, "./types": { types: "./src/types.ts" } },
    }),
  );
  cpSync(join(ROOT, "generated"), join(dir, "generated"), { recursive: true });
  mkdirSync(join(dir, "snippets"));
  for (const snippet of SNIPPETS) writeFileSync(join(dir, snippet.file), snippet.code);
  diagnostics = (
    await tsc(
      dir,
      SNIPPETS.map((s) => s.file),
    )
  ).output;
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the TypeScript blocks of README.md and docs/", () => {
  it("are found: the README's Use section's five jobs and the others", () => {
    expect(README_SNIPPETS.length).toBeGreaterThanOrEqual(6);
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(8);
    const all = README_SNIPPETS.map((s) => s.code).join("\n");
    for (const call of [
      'client.POST("/messages"',
      'client.POST("/calls"',
      'client.POST("/voice_clones/from_upload"',
      "verifyWebhook(",
      "listVoiceClones(",
    ])
      expect(all).toContain(call);
  });

  it.each(SNIPPETS.map((s) => [s.where, s] as const))("the block at %s compiles", (_, snippet) => {
    const mine = diagnostics.split("\n").filter((l) => l.startsWith(snippet.file));
    expect(mine.join("\n")).toBe("");
  });

  it("nothing else fails to compile (the package itself, under the snippets)", () => {
    expect(diagnostics.split("\n").filter((l) => /error TS/.test(l) && !l.startsWith("snippets/"))).toEqual([]);
  });
});
