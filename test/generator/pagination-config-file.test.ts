/**
 * The pagination config beside the spec is untrusted input, read with the
 * spec's own file checks (issue 21, item 6): a device, a FIFO (with --check
 * too), a file over 1 MB, and a link out of the spec's folder are exit 2
 * naming the file, fast, with nothing written; a link inside the folder is
 * read. Each run gets its own copy of a small fixture spec.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runGenerate, tempDir } from "../helpers/run-generate.js";

const SPEC = fixture("pagination", "rules", "openapi.yaml");
const CONFIG = fixture("pagination", "rules", "pagination.yaml");

/** A folder with the fixture spec and, as its pagination.yaml, whatever `place` puts there. */
function specFolder(
  name: string,
  place: (configPath: string, dir: string) => void,
): { dir: string; spec: string; out: string } {
  const dir = tempDir(`pagination-config-${name}`);
  const spec = join(dir, "spec", "openapi.yaml");
  mkdirSync(join(dir, "spec"));
  copyFileSync(SPEC, spec);
  place(join(dir, "spec", "pagination.yaml"), dir);
  return { dir, spec, out: join(dir, "generated") };
}

const generate = (spec: string, out: string, extra: string[] = []) =>
  runGenerate(["--spec", spec, "--out", out, "--lint", "off", ...extra], { timeoutMs: 30_000 });

describe("pagination.yaml beside the spec: the spec's file checks", () => {
  const refused: [string, (config: string, dir: string) => void, RegExp][] = [
    [
      "a symbolic link to /dev/zero (a device: it would grow without end)",
      (config) => symlinkSync("/dev/zero", config),
      /the pagination config is refused: it resolves \(through a symbolic link\) outside the spec's folder/,
    ],
    [
      "a FIFO (reading it would hang)",
      (config) => execFileSync("mkfifo", [config]),
      /the pagination config is not a regular file/,
    ],
    [
      "a symbolic link to a file outside the spec's folder",
      (config, dir) => {
        writeFileSync(join(dir, "outside.yaml"), "operations: {}\n");
        symlinkSync(join(dir, "outside.yaml"), config);
      },
      /the pagination config is refused: it resolves \(through a symbolic link\) outside the spec's folder/,
    ],
    [
      "a file over 1 MB",
      (config) => writeFileSync(config, `# ${"x".repeat(1024 * 1024)}\n`),
      /the pagination config is larger than 1024 KB/,
    ],
    [
      "a file that is not UTF-8",
      (config) => writeFileSync(config, Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a])),
      /the pagination config is not valid UTF-8 text/,
    ],
  ];

  it.each(refused)("%s: exit 2 naming the file, nothing written", async (name, place, want) => {
    const { spec, out } = specFolder(name.replace(/\W+/g, "-").slice(0, 30), place);
    const run = await generate(spec, out);
    expect(run.stderr).toMatch(want);
    expect(run.stderr).toMatch(/pagination\.yaml/);
    expect(run.code).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("--pagination /dev/zero (given, so no folder check): exit 2, not a regular file", async () => {
    const { spec, out } = specFolder("dev-zero-given", () => undefined);
    const run = await generate(spec, out, ["--pagination", "/dev/zero"]);
    expect(run.stderr).toMatch(/\/dev\/zero: the pagination config is not a regular file/);
    expect(run.code).toBe(2);
  });

  it("a FIFO with --check: exit 2 too, not a hang", async () => {
    const { spec, out } = specFolder("fifo-check", (config) => execFileSync("mkfifo", [config]));
    const run = await generate(spec, out, ["--check"]);
    expect(run.stderr).toMatch(/the pagination config is not a regular file/);
    expect(run.code).toBe(2);
  });

  it("a symbolic link to a file inside the spec's folder is read", async () => {
    const { spec, out } = specFolder("inside-link", (config, dir) => {
      copyFileSync(CONFIG, join(dir, "spec", "rules.yaml"));
      symlinkSync("rules.yaml", config);
    });
    const run = await generate(spec, out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
