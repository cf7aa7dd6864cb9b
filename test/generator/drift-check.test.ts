/**
 * `--check` against a temp copy of the repo's spec and generated/ folder:
 * clean, edited, deleted, added and entirely missing output; never writes.
 * The exit statuses CI reads (0 clean, 1 drift, 2 bad input) come from real
 * processes; the other runs are in this process.
 */
import { readFileSync, rmSync, writeFileSync, unlinkSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  SEED_GENERATED,
  SEED_SPEC,
  copyRepo,
  runGenerate,
  runGenerateProcess,
  snapshot,
} from "../helpers/run-generate.js";
import { generatedFiles } from "../helpers/generated-output.js";

let dir: string;

beforeEach(async () => {
  dir = await copyRepo("drift-");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("generate --check", () => {
  it("the seed fixture's generated/ (test/fixtures/seed/) is what the generator makes of the seed", async () => {
    const run = await runGenerate(["--check", "--quiet", "--spec", SEED_SPEC, "--out", SEED_GENERATED]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("exits 0 when generated/ matches the spec", async () => {
    const run = await runGenerateProcess(["--check"], { cwd: dir });
    expect(run.stderr).not.toMatch(/drift/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/check: generated\/ is up to date \(\d+ files\)/);
  });

  it("reports an edited file as stale with a unified diff and the fix, and writes nothing", async () => {
    const file = join(dir, "generated", "schema.ts");
    const edited = readFileSync(file, "utf8").replace("export type VoiceCloneData =", "export type VoiceCloneDatum =");
    writeFileSync(file, edited);
    const before = snapshot(join(dir, "generated"));
    const mtime = statSync(file).mtimeMs;
    const run = await runGenerateProcess(["--check"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("stale:   generated/schema.ts");
    expect(run.stderr).toContain("-export type VoiceCloneDatum =");
    expect(run.stderr).toContain("+export type VoiceCloneData =");
    expect(run.stderr).toContain("fix: run `npm run generate`");
    expect(snapshot(join(dir, "generated"))).toEqual(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it("reports a deleted file as missing", async () => {
    unlinkSync(join(dir, "generated", "paginators.ts"));
    const run = await runGenerate(["--check"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("missing: generated/paginators.ts");
  });

  it("reports an added file as extra", async () => {
    writeFileSync(join(dir, "generated", "leftover.ts"), "export const x = 1;\n");
    const run = await runGenerate(["--check"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("extra:   generated/leftover.ts");
  });

  it("works when generated/ does not exist at all, and does not create it", async () => {
    rmSync(join(dir, "generated"), { recursive: true });
    const run = await runGenerate(["--check"], { cwd: dir });
    expect(run.code).toBe(1);
    for (const name of generatedFiles(SEED_GENERATED)) expect(run.stderr).toContain(`missing: generated/${name}`);
    expect(() => statSync(join(dir, "generated"))).toThrow();
  });

  it("cuts a long diff after 40 changed lines", async () => {
    const file = join(dir, "generated", "schema.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace(/ {4}/g, "\t"));
    const run = await runGenerate(["--check"], { cwd: dir });
    expect(run.code).toBe(1);
    const changed = run.stderr.split("\n").filter((l) => /^ {4}[+-](?![+-]{2} )/.test(l));
    expect(changed.length).toBe(40);
    expect(run.stderr).toMatch(/\.\.\. \d+ more changed lines/);
  });

  it("exits 2 on bad input, naming the file", async () => {
    const run = await runGenerateProcess(["--check", "--spec", "spec/nope.yaml"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("spec/nope.yaml");
    expect(run.stderr).toContain("ENOENT");
  });
});
