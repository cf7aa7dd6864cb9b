/**
 * The whole pipeline on Telnyx's full public spec (test/fixtures/specs/, 951 KB, OpenAPI 3.0, params
 * through $ref), with --lint warn since it does not pass `recommended`: exit 0,
 * a line per step, and every output file compiles under `tsc --noEmit --strict`.
 */
import { readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, TELNYX_FULL_SPEC as SPEC, runGenerate, tempDir, type GenerateRun } from "../helpers/run-generate.js";
import { tscStrict } from "../helpers/tsc.js";

let dir: string;
let run: GenerateRun;

beforeAll(async () => {
  dir = tempDir("telnyx-full");
  run = await runGenerate(["--spec", SPEC, "--out", join(dir, "generated"), "--lint", "warn"], { timeoutMs: 120_000 });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generate on telnyx-full.openapi.json", () => {
  it("succeeds with --lint warn, reporting the lint errors it goes past", () => {
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^lint +\d+ ms +96 errors, \d+ warnings/m);
    expect(run.stdout).toMatch(/^paginators +\d+ ms +74 paginated/m);
    expect(readdirSync(join(dir, "generated")).sort()).toEqual(readdirSync(join(ROOT, "generated")).sort());
  });

  it("stops with exit 2 under the default --lint error, writing nothing", async () => {
    const out = join(dir, "strict");
    const strict = await runGenerate(["--spec", SPEC, "--out", out], { timeoutMs: 120_000 });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/lint: 96 errors/);
    expect(() => readdirSync(out)).toThrow();
  });

  it("typechecks under tsc --noEmit --strict", () => {
    // As in a project that depends on openapi-fetch (generated/paginators.ts imports its `Client` type).
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const files = readdirSync(join(dir, "generated")).map((f) => join(dir, "generated", f));
    const tsc = tscStrict(files, ROOT);
    expect(tsc.output).toBe("");
    expect(tsc.code).toBe(0);
  }, 120_000);
});
