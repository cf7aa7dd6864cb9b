/**
 * A generation is written as one set (scripts/output/write.ts). Stopped
 * before any one of its file operations (as by kill -9), on a full disk or a
 * read-only folder, the output folder holds the old generation or the new
 * one, or carries the marker; `--check` then reports the mix, and the next
 * generation repairs it. Hand-written files are never touched.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GenerateError } from "../../scripts/errors.js";
import { compareOutput, hasDrift } from "../../scripts/output/compare.js";
import { MARKER, type FileSystem } from "../../scripts/output/folder.js";
import { header } from "../../scripts/output/header.js";
import { writeOutput } from "../../scripts/output/write.js";
import {
  SEED_GENERATED,
  SEED_SPEC,
  copyRepo,
  generateArgs,
  runGenerate,
  snapshot,
  tempDir,
} from "../helpers/run-generate.js";
import { generatedFiles } from "../helpers/generated-output.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function scratch(prefix: string): string {
  const dir = tempDir(prefix);
  made.push(dir);
  return dir;
}

const HEAD = header("../spec/openapi.yaml");
const gen = (path: string, body: string) => ({ path, content: `${HEAD}${body}\n` });
/** The old generation (c.ts is no longer generated), the new one (d.ts is new), and a hand-written file. */
const OLD = [
  gen("a.ts", "export const a = 1;"),
  gen("b.ts", "export const b = 1;"),
  gen("c.ts", "export const c = 1;"),
];
const NEW = [
  gen("a.ts", "export const a = 2;"),
  gen("b.ts", "export const b = 2;"),
  gen("d.ts", "export const d = 2;"),
];
const NOTES = "hand-written, not generated\n";

function oldFolder(): string {
  const out = join(scratch("output-set"), "out");
  mkdirSync(out);
  for (const file of OLD) writeFileSync(join(out, file.path), file.content);
  writeFileSync(join(out, "NOTES.md"), NOTES);
  return out;
}

/** The generated files in `out`, leftovers and the hand-written file aside. */
function generation(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(out))
    if (name.endsWith(".ts") && !name.startsWith(".")) files[name] = readFileSync(join(out, name), "utf8");
  return files;
}
const asRecord = (files: readonly { path: string; content: string }[]) =>
  Object.fromEntries(files.map((f) => [f.path, f.content]));

/** Drift other than the hand-written NOTES.md, which --check lists as an extra file (and a generation keeps). */
function driftBesidesNotes(c: ReturnType<typeof compareOutput>): boolean {
  expect(c.extra.filter((e) => !e.generated).map((e) => e.path)).toEqual(["NOTES.md"]);
  return hasDrift({ ...c, extra: c.extra.filter((e) => e.generated) });
}

class Killed extends Error {}

/** node:fs that stops for good before its `at`-th change (mkdir, write, rename, rm), as kill -9 would. */
function dyingFs(at: number): FileSystem & { changes: number } {
  let changes = 0;
  const change =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      if (changes++ >= at) throw new Killed("killed");
      return f(...args);
    };
  return {
    get changes() {
      return changes;
    },
    mkdirSync: change(fs.mkdirSync) as typeof fs.mkdirSync,
    writeFileSync: change(fs.writeFileSync),
    renameSync: change(fs.renameSync),
    rmSync: change(fs.rmSync),
    readdirSync: fs.readdirSync,
    readFileSync: fs.readFileSync,
    statSync: fs.statSync,
  };
}

describe("output: one generation as a set", () => {
  it("stopped before any one of its file operations, the folder holds the old or the new generation, or the marker; --check reports a mix and the next generation repairs it", () => {
    const complete = dyingFs(Infinity);
    writeOutput(oldFolder(), NEW, complete);
    const operations = complete.changes;
    expect(operations).toBeGreaterThanOrEqual(9); // 3 staged writes, marker write + rename, 3 renames, 2 removals
    const seen = new Set<string>();
    for (let at = 0; at <= operations; at++) {
      const out = oldFolder();
      try {
        writeOutput(out, NEW, dyingFs(at));
      } catch (error) {
        // The writer's own clean-up ran into the dead file system too (kill -9 runs none at all).
        if (!(error instanceof Killed) && !(error instanceof GenerateError && /killed/.test(error.message)))
          throw error;
      }
      const files = generation(out);
      const marked = existsSync(join(out, MARKER));
      const state = marked
        ? "marked"
        : JSON.stringify(files) === JSON.stringify(asRecord(OLD))
          ? "old"
          : JSON.stringify(files) === JSON.stringify(asRecord(NEW))
            ? "new"
            : "MIXED";
      seen.add(state);
      expect(state, `stopped before change ${at}`).not.toBe("MIXED");
      expect(readFileSync(join(out, "NOTES.md"), "utf8")).toBe(NOTES);
      const check = compareOutput(out, NEW);
      if (marked) expect(check.interrupted).toBe(true);
      expect(driftBesidesNotes(check)).toBe(state !== "new" || check.leftovers.length > 0);
      // The next generation repairs: the new set, no marker, no staged file.
      writeOutput(out, NEW);
      expect(generation(out)).toEqual(asRecord(NEW));
      expect(readdirSync(out).sort()).toEqual(["NOTES.md", "a.ts", "b.ts", "d.ts"]);
      expect(driftBesidesNotes(compareOutput(out, NEW))).toBe(false);
    }
    expect([...seen].sort()).toEqual(["marked", "new", "old"]);
  });

  it("a full disk while staging (ENOSPC after a partial write) changes no file and says so", () => {
    const out = oldFolder();
    let writes = 0;
    const full: FileSystem = {
      ...fs,
      writeFileSync: ((path: fs.PathOrFileDescriptor, data: string) => {
        if (++writes === 2) {
          fs.writeFileSync(path, data.slice(0, 10)); // what fits
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        }
        fs.writeFileSync(path, data);
      }) as typeof fs.writeFileSync,
    };
    let error: unknown;
    try {
      writeOutput(out, NEW, full);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GenerateError);
    expect((error as GenerateError).format()).toMatch(
      /out\/b\.ts: cannot write b\.ts: no space left on the device \(ENOSPC\); no file in the output folder was changed\n {2}fix: free some space on that disk/,
    );
    expect(generation(out)).toEqual(asRecord(OLD));
    expect(readdirSync(out).sort()).toEqual(["NOTES.md", "a.ts", "b.ts", "c.ts"]);
  });

  it("a leftover staged file is reported by --check and removed by the next generation", async () => {
    const dir = await copyRepo("output-leftover-");
    made.push(dir);
    const committed = snapshot(join(dir, "generated"));
    writeFileSync(join(dir, "generated", ".schema.ts.generate-12345.tmp"), "// half of a file");
    const check = await runGenerate(["--check"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      "leftover: generated/.schema.ts.generate-12345.tmp (staged by a generation that did not finish)",
    );
    expect(check.stderr).toContain("fix: run `npm run generate`");
    const repair = await runGenerate([], { cwd: dir });
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain("repaired: removed .schema.ts.generate-12345.tmp left in generated/");
    expect(repair.stdout).not.toMatch(/nothing was written/);
    expect(snapshot(join(dir, "generated"))).toEqual(committed);
    expect((await runGenerate(["--check"], { cwd: dir })).code).toBe(0);
  });

  it("the marker alone (stopped after the last rename) fails --check with the cause until a generation removes it", async () => {
    const dir = await copyRepo("output-marker-");
    made.push(dir);
    writeFileSync(join(dir, "generated", MARKER), "an npm run generate was replacing the files\n");
    const check = await runGenerate(["--check"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`interrupted: generated/${MARKER}: a generation did not finish`);
    expect((await runGenerate(["--quiet"], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, "generated", MARKER))).toBe(false);
    expect((await runGenerate(["--check"], { cwd: dir })).code).toBe(0);
  });

  it("an output folder that is a file, or under a file, is bad input (exit 2) that names the cause", async () => {
    const dir = scratch("output-file");
    writeFileSync(join(dir, "file"), "x");
    const isFile = await runGenerate(["--spec", SEED_SPEC, "--out", join(dir, "file"), "--quiet"]);
    expect(isFile.code).toBe(2);
    expect(isFile.stderr).toMatch(/file: the output folder is a file\n {2}fix: pass a folder with --out/);
    const under = await runGenerate(["--spec", SEED_SPEC, "--out", join(dir, "file", "out"), "--quiet"]);
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(
      /cannot (read the output folder|write \w+\.ts): a part of the path is a file \(ENOTDIR\)/,
    );
    expect(under.stderr).not.toMatch(/unexpected failure/);
  });

  it("kill -9 of real runs, at any moment: old or new generation, or --check exits 1 and generate repairs", async () => {
    const dir = await copyRepo("output-kill-");
    made.push(dir);
    const fresh = snapshot(join(dir, "generated"));
    // An old generation: what an older spec made (one schema renamed).
    const spec = join(dir, "spec", "spec3.yml");
    const newSpec = readFileSync(spec, "utf8");
    writeFileSync(spec, newSpec.replaceAll("VoiceCloneData", "VoiceCloneRecord"));
    expect((await runGenerate(["--quiet"], { cwd: dir })).code).toBe(0);
    const old = snapshot(join(dir, "generated"));
    writeFileSync(spec, newSpec);
    expect(old).not.toEqual(fresh);
    for (const delayMs of [100, 700, 1300, 1900]) {
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, generateArgs(["--quiet"]), { cwd: dir, stdio: "ignore" });
        const timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
        child.on("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const now = snapshot(join(dir, "generated"));
      const marked = MARKER in now;
      const files = Object.fromEntries(Object.entries(now).filter(([name]) => !name.startsWith(".")));
      expect(
        marked || JSON.stringify(files) === JSON.stringify(old) || JSON.stringify(files) === JSON.stringify(fresh),
        `killed after ${delayMs} ms`,
      ).toBe(true);
      const check = await runGenerate(["--check"], { cwd: dir });
      expect(check.code, check.stderr).toBe(JSON.stringify(now) === JSON.stringify(fresh) ? 0 : 1);
      // Back to the old generation for the next kill.
      rmSync(join(dir, "generated"), { recursive: true });
      mkdirSync(join(dir, "generated"));
      for (const [name, hex] of Object.entries(old)) {
        mkdirSync(dirname(join(dir, "generated", name)), { recursive: true });
        writeFileSync(join(dir, "generated", name), Buffer.from(hex, "hex"));
      }
    }
    expect((await runGenerate(["--quiet"], { cwd: dir })).code).toBe(0);
    expect(snapshot(join(dir, "generated"))).toEqual(fresh);
  }, 120_000);
});

/** Whether this process may mount a tmpfs (root, as in CI here); the full-disk and read-only runs below need one. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = tempDir("mount-probe");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", dir], { stdio: "ignore" });
    execFileSync("umount", [dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!canMount())("output: real full disk and read-only folder (a tmpfs; needs root)", () => {
  /** Runs `body` with a tmpfs mounted at a new folder (`options`: mount options), unmounted afterwards. */
  async function withTmpfs(options: string, body: (mountpoint: string) => Promise<void>): Promise<void> {
    const mountpoint = scratch("tmpfs");
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", mountpoint]);
    try {
      await body(mountpoint);
    } finally {
      execFileSync("umount", [mountpoint]);
    }
  }

  it("--out on a 20 KB tmpfs: exit 2 naming ENOSPC, and the folder holds no file at all", async () => {
    await withTmpfs("size=20k", async (out) => {
      const run = await runGenerate(["--spec", SEED_SPEC, "--out", out, "--quiet"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /cannot write \w+\.ts: no space left on the device \(ENOSPC\); no file in the output folder was changed\n {2}fix: free some space/,
      );
      expect(readdirSync(out)).toEqual([]);
    });
  });

  it("--out on a tmpfs just big enough for the old generation: the old generation stays, byte for byte", async () => {
    // A tmpfs counts whole 4 KB pages: room for the old files and one page more (the lock), not for a new set.
    const pages = generatedFiles(SEED_GENERATED).reduce(
      (sum, name) => sum + Math.ceil((statSync(join(SEED_GENERATED, name)).size + 7) / 4096),
      0,
    );
    await withTmpfs(`size=${(pages + 1) * 4}k`, async (out) => {
      for (const name of generatedFiles(SEED_GENERATED)) {
        mkdirSync(dirname(join(out, name)), { recursive: true });
        writeFileSync(join(out, name), `${readFileSync(join(SEED_GENERATED, name), "utf8")}// old\n`);
      }
      const before = snapshot(out);
      const run = await runGenerate(["--spec", SEED_SPEC, "--out", out, "--quiet"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("(ENOSPC); no file in the output folder was changed");
      expect(snapshot(out)).toEqual(before);
    });
  });

  it("--out on a read-only file system: exit 2 naming EROFS; --check still compares", async () => {
    await withTmpfs("size=64k", async (out) => {
      execFileSync("mount", ["-o", "remount,ro", out]);
      const run = await runGenerate(["--spec", SEED_SPEC, "--out", out, "--quiet"]);
      expect(run.code).toBe(2);
      // The lock is the first file a generation creates (scripts/output/lock.ts).
      expect(run.stderr).toMatch(
        /cannot (write \w+\.ts|take the lock \.generate\.lock): the file system is read-only \(EROFS\); no file in the output folder was changed\n {2}fix: pass a writable folder with --out/,
      );
      const check = await runGenerate(["--spec", SEED_SPEC, "--out", out, "--check", "--quiet"]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain("missing: ");
    });
  });
});
