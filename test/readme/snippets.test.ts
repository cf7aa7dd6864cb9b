/**
 * Every ```ts block of README.md is a whole program that compiles, as
 * written, with `tsc --strict` against the package (`import ... from
 * "telnyx-typed"`: src/ and generated/, the real spec's types). A block fenced ```ts excerpt
 * shows a piece of generated code and is not a program.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir, tsc } from "../helpers/run-generate.js";

interface Snippet {
  /** README.md's line of the opening fence. */
  line: number;
  file: string;
  code: string;
}

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const SNIPPETS: Snippet[] = [...README.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => {
  const line = README.slice(0, m.index).split("\n").length;
  return { line, file: `snippets/readme-line-${line}.ts`, code: m[1]! };
});

let dir: string;
let diagnostics: string;

beforeAll(async () => {
  dir = tempDir("readme-snippets");
  // The package as a consumer sees it: `telnyx-typed` names this folder (a package may import itself by name).
  cpSync(join(ROOT, "src"), join(dir, "src"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "telnyx-typed", type: "module", exports: { ".": { types: "./src/index.ts" }, "./types": { types: "./src/types.ts" } } }));
  cpSync(join(ROOT, "generated"), join(dir, "generated"), { recursive: true });
  mkdirSync(join(dir, "snippets"));
  for (const snippet of SNIPPETS) writeFileSync(join(dir, snippet.file), snippet.code);
  diagnostics = (await tsc(dir, SNIPPETS.map((s) => s.file))).output;
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("README.md's TypeScript blocks", () => {
  it("are found: the Use section's five jobs and the others", () => {
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(7);
    const all = SNIPPETS.map((s) => s.code).join("\n");
    for (const call of ['client.POST("/messages"', 'client.POST("/calls"', 'client.POST("/voice_clones/from_upload"', "verifyWebhook(", "listVoiceClones("]) expect(all).toContain(call);
  });

  it.each(SNIPPETS.map((s) => [s.line, s] as const))("the block at line %i compiles", (_, snippet) => {
    const mine = diagnostics.split("\n").filter((l) => l.startsWith(snippet.file));
    expect(mine.join("\n")).toBe("");
  });

  it("nothing else fails to compile (the package itself, under the snippets)", () => {
    expect(diagnostics.split("\n").filter((l) => /error TS/.test(l) && !l.startsWith("snippets/"))).toEqual([]);
  });
});
