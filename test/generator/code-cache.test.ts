/**
 * The launcher's V8 code cache (scripts/code-cache.mjs), in real Node
 * processes over a small CommonJS package under node_modules/: modules are
 * compiled from source, then from the cache file, and keep their `require`,
 * `__filename` and stack traces; a module that calls `import()` (which Node 20
 * cannot run in cached code) is left to Node, one that only mentions it in a
 * string is cached once esbuild has shown that; an edited file (even one of the
 * same length) or a damaged cache file is compiled from source again, so cached
 * bytecode never runs stale code.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/run-generate.js";

let dir: string;
const blob = () => join(dir, "cache", "v8-test.bin");
const pkg = () => join(dir, "node_modules", "demo");

beforeAll(() => {
  dir = tempDir("code-cache");
  mkdirSync(pkg(), { recursive: true });
  writeFileSync(join(pkg(), "package.json"), JSON.stringify({ name: "demo", main: "index.js" }));
  writeFileSync(
    join(pkg(), "index.js"),
    [
      '"use strict";',
      'const dep = require("./dep.js");',
      "exports.value = dep.value + 1;",
      "exports.file = __filename;",
      "exports.resolved = require.resolve('./dep.js');",
      "exports.sameModule = module.exports === exports;",
      "exports.fail = () => dep.fail();",
      "exports.mention = require('./mention.js').text;",
      "exports.loadEsm = () => import('./esm.mjs');",
    ].join("\n"),
  );
  writeFileSync(join(pkg(), "dep.js"), "exports.value = 41;\nexports.fail = () => { throw new Error('from dep'); };\n");
  writeFileSync(join(pkg(), "mention.js"), "exports.text = 'call import(specifier) to load ESM'; // import(x) in a comment\n");
  writeFileSync(join(pkg(), "esm.mjs"), "export const answer = 'esm';\n");
  writeFileSync(
    join(dir, "main.mjs"),
    [
      `import { createRequire } from "node:module";`,
      `import { installCodeCache } from ${JSON.stringify(pathToFileURL(join(ROOT, "scripts", "code-cache.mjs")).href)};`,
      `const cache = installCodeCache(${JSON.stringify(blob())});`,
      `const demo = createRequire(import.meta.url)("demo");`,
      `let stack = "";`,
      `try { demo.fail(); } catch (error) { stack = error.stack; }`,
      `const { answer } = await demo.loadEsm();`,
      `const counts = cache.counts();`,
      `await cache.save();`,
      `console.log(JSON.stringify({ ...counts, value: demo.value, file: demo.file, resolved: demo.resolved, sameModule: demo.sameModule, mention: demo.mention, answer, stack }));`,
    ].join("\n"),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  fromCache: number;
  fromSource: number;
  byNode: number;
  value: number;
  file: string;
  resolved: string;
  sameModule: boolean;
  mention: string;
  answer: string;
  stack: string;
}

function run(): Run {
  const result = spawnSync(process.execPath, [join(dir, "main.mjs")], { cwd: dir, encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Run;
}

/** Flips one byte in the middle of a module's bytecode in the cache file (layout: see code-cache.mjs). */
function damageBytecodeOf(filename: string): void {
  const bytes = readFileSync(blob());
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString("utf8")) as { entries: [string, number, number, boolean, number, number][] };
  let offset = 4 + headerLength;
  for (const [name, , , , size] of header.entries) {
    if (name === filename) {
      expect(size).toBeGreaterThan(0);
      bytes[offset + (size >> 1)]! ^= 0xff;
      writeFileSync(blob(), bytes);
      return;
    }
    offset += size;
  }
  throw new Error(`${filename} is not in the cache file`);
}

describe("the V8 code cache for CommonJS under node_modules/", () => {
  it("compiles from source, then from the cache, with the modules behaving the same", () => {
    // index.js calls import(): always Node's; mention.js only names it: Node's until checked.
    const first = run();
    expect(first).toMatchObject({ fromCache: 0, fromSource: 1, byNode: 2, value: 42, sameModule: true, answer: "esm" });
    expect(first.file).toBe(join(pkg(), "index.js"));
    expect(first.resolved).toBe(join(pkg(), "dep.js"));
    expect(first.mention).toBe("call import(specifier) to load ESM");
    expect(first.stack).toContain(`${join(pkg(), "dep.js")}:2:`);
    const second = run();
    expect(second).toMatchObject({ fromCache: 1, fromSource: 1, byNode: 1, value: 42, answer: "esm", mention: first.mention });
    const third = run();
    expect(third).toMatchObject({ fromCache: 2, fromSource: 0, byNode: 1, value: 42, sameModule: true, answer: "esm", mention: first.mention });
    expect(third.stack).toBe(first.stack);
  });

  it("compiles an edited file from its source, even when its length is unchanged", () => {
    writeFileSync(join(pkg(), "dep.js"), "exports.value = 99;\nexports.fail = () => { throw new Error('from dep'); };\n");
    expect(run()).toMatchObject({ fromCache: 1, fromSource: 1, value: 100 });
    expect(run()).toMatchObject({ fromCache: 2, fromSource: 0, value: 100 });
  });

  it("compiles from source when the cache file is damaged, and writes it again", () => {
    damageBytecodeOf(join(pkg(), "dep.js"));
    expect(run()).toMatchObject({ fromCache: 1, fromSource: 1, value: 100 });
    writeFileSync(blob(), "not a cache");
    expect(run()).toMatchObject({ fromCache: 0, fromSource: 1, byNode: 2, value: 100, answer: "esm" });
    expect(run()).toMatchObject({ fromCache: 1, fromSource: 1, value: 100 });
    expect(run()).toMatchObject({ fromCache: 2, fromSource: 0, byNode: 1, value: 100, answer: "esm" });
  });
});
