/**
 * One generation at a time per output folder (issue 21, item 7), and only
 * the folder's own files are the generator's (item 8). Real processes: a
 * second `npm run generate` started while a generation is writing (its
 * renames held up) fails with exit 2 naming the lock and the owner; a stale
 * lock of a process that no longer runs is taken over and reported; `--out`
 * at a folder holding other generated folders touches none of them and names
 * every removal.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GenerateError } from "../../scripts/errors.js";
import type { FileSystem } from "../../scripts/output/folder.js";
import { header } from "../../scripts/output/header.js";
import { LOCK } from "../../scripts/output/lock.js";
import { writeOutput } from "../../scripts/output/write.js";
import {
  SEED_SPEC,
  copyRepo,
  generateArgs,
  runGenerate,
  runGenerateProcess,
  snapshot,
  tempDir,
} from "../helpers/run-generate.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function scratch(make: () => string): string {
  const dir = make();
  made.push(dir);
  return dir;
}
async function scratchAsync(make: () => Promise<string>): Promise<string> {
  const dir = await make();
  return scratch(() => dir);
}

const gen = (path: string, body: string) => ({ path, content: `${header("../spec/openapi.yaml")}${body}\n` });

/** The pid of a process that has exited (and so, for a moment at least, runs no more). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the output folder's lock", () => {
  it("a second generate while one is writing (its renames held up): exit 2 naming the lock and the owner, and the first finishes whole", async () => {
    const dir = await scratchAsync(() => copyRepo("output-lock-"));
    const out = join(dir, "generated");
    const files = [gen("schema.ts", "export type A = 1;"), gen("servers.ts", "export const servers = [];")];
    let second: ReturnType<typeof spawnSync> | undefined;
    const slowFs: FileSystem = {
      ...fs,
      renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
        // The first rename of this generation: a real second run starts on the same folder now.
        second ??= spawnSync(process.execPath, generateArgs(["--quiet"]), {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
          timeout: 60_000,
        });
        fs.renameSync(from, to);
      }) as typeof fs.renameSync,
    };
    const result = writeOutput(out, files, slowFs);
    expect(second!.status).toBe(2);
    expect(second!.stderr).toMatch(
      new RegExp(
        `generated/${LOCK.replace(".", "\\.")}: another \`npm run generate\` is writing this output folder: the lock ${LOCK.replace(".", "\\.")} is held by process ${process.pid}\\n {2}fix: wait for that run to finish`,
      ),
    );
    expect(result.written).toEqual(["schema.ts", "servers.ts"]);
    expect(readFileSync(join(out, "schema.ts"), "utf8")).toBe(files[0]!.content);
    expect(existsSync(join(out, LOCK))).toBe(false);
  }, 90_000);

  it("a lock held by a running process: exit 2, nothing written", async () => {
    const dir = await scratchAsync(() => copyRepo("output-held-"));
    const out = join(dir, "generated");
    writeFileSync(
      join(dir, "spec", "spec3.yml"),
      readFileSync(join(dir, "spec", "spec3.yml"), "utf8").replaceAll("VoiceCloneData", "VoiceCloneRecord"),
    );
    writeFileSync(join(out, LOCK), `${process.pid}\n`); // this test's process: it runs
    const before = snapshot(out);
    // A real process: the lock names this test's process, which runs, and is not the run's own.
    const run = await runGenerateProcess(["--quiet"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the lock ${LOCK} is held by process ${process.pid}`);
    expect(snapshot(out)).toEqual(before);
  }, 120_000);

  it("a stale lock (its process no longer runs) is taken over and reported", async () => {
    const dir = await scratchAsync(() => copyRepo("output-stale-"));
    const pid = deadPid();
    writeFileSync(join(dir, "generated", LOCK), `${pid}\n`);
    writeFileSync(
      join(dir, "spec", "spec3.yml"),
      readFileSync(join(dir, "spec", "spec3.yml"), "utf8").replaceAll("VoiceCloneData", "VoiceCloneRecord"),
    );
    const run = await runGenerate(["--lint", "off"], { cwd: dir });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `repaired: took over the lock generated/${LOCK} of process ${pid}, which no longer runs`,
    );
    expect(readdirSync(join(dir, "generated"))).not.toContain(LOCK);
  }, 120_000);

  it("a lock that holds no process id is not taken over", () => {
    const out = scratch(() => tempDir("output-unknown-lock"));
    writeFileSync(join(out, LOCK), "");
    expect(() => writeOutput(out, [gen("a.ts", "export {};")])).toThrow(GenerateError);
    expect(() => writeOutput(out, [gen("a.ts", "export {};")])).toThrow(/held by an unknown process/);
  });

  it("--check ignores the lock file", async () => {
    const dir = await scratchAsync(() => copyRepo("output-check-lock-"));
    writeFileSync(join(dir, "generated", LOCK), `${deadPid()}\n`);
    expect((await runGenerate(["--check"], { cwd: dir })).code).toBe(0);
  }, 120_000);
});

describe("--out at a folder holding other generated folders", () => {
  it("only the folder's own files are the generator's: subfolders are untouched, and every removal is named", async () => {
    const root = scratch(() => tempDir("output-root"));
    const other = join(root, "other-spec", "generated");
    mkdirSync(other, { recursive: true });
    for (const name of ["schema.ts", "paginators.ts", "stale-api.ts"])
      writeFileSync(join(other, name), gen(name, "export {};").content);
    writeFileSync(join(root, "old-output.ts"), gen("old-output.ts", "export {};").content); // this folder's own generated file the spec no longer makes
    writeFileSync(join(root, "README.md"), "notes\n");
    const otherBefore = snapshot(other);
    const run = await runGenerate(["--spec", SEED_SPEC, "--out", root]);
    expect(run.code).toBe(0);
    expect(snapshot(other)).toEqual(otherBefore);
    expect(existsSync(join(root, "old-output.ts"))).toBe(false);
    expect(readFileSync(join(root, "README.md"), "utf8")).toBe("notes\n");
    expect(run.stdout).toMatch(/removed: .*old-output\.ts \(generated before, not by this spec\)/);
    expect(run.stdout).toMatch(/1 removed/);
    expect(run.stdout).not.toMatch(/other-spec/);
    expect((await runGenerate(["--spec", SEED_SPEC, "--out", root, "--check"])).code).toBe(1); // README.md is an extra, hand-written file
  }, 120_000);
});
