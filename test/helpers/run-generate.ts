/**
 * Runs the real generator CLI: in this process by default (its entry,
 * scripts/cli.ts's `main`, with the arguments, the working folder and streams
 * that capture what it prints, and its exit code), or, for the tests about
 * the process itself (exit status, signals, the lock of a killed run), the
 * way `npm run generate` does (`node --import tsx/esm scripts/generate.ts
 * ...`, from any folder); both asynchronously so several runs can overlap.
 * Plus the helpers the generator tests share: fixture paths
 * (the full Telnyx spec is vendored in test/fixtures/specs/), a copy of the
 * repository's spec and output, an output folder with files in it and its
 * byte-for-byte snapshot, and `tsc --strict` over outputs.
 */
import { spawn } from "node:child_process";
import { tscStrictAsync } from "./tsc.js";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { Writable } from "node:stream";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = join(ROOT, "test", "fixtures");
/** Telnyx's full public spec (951 KB, OpenAPI 3.0; 96 errors under `recommended`, so run it with --lint warn). */
export const TELNYX_FULL_SPEC = join(FIXTURES, "specs", "telnyx-full.openapi.json");
const GENERATE = join(ROOT, "scripts", "generate.ts");
/** tsx's loader by URL: `--import tsx/esm` would be resolved from the run's working folder. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;

export interface GenerateRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run generate -- <args>` in `cwd` (default: the project root, so messages name `test/fixtures/...`),
 * run in this process: the generator's `main` with captured output (`timeoutMs` is a process's limit: the test's own applies).
 */
export async function runGenerate(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<GenerateRun> {
  const { main } = await import("../../scripts/cli.js");
  return runEntry((io) => main(args, io), options.cwd);
}

/** `npm run spec:update -- <args>` in `cwd`, run in this process. */
export async function runSpecUpdate(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<GenerateRun> {
  const { updateSpec } = await import("../../scripts/spec-update/update.js");
  return runEntry((io) => updateSpec(args, io), options.cwd);
}

/** `npm run generate -- <args>` as a new Node process: for tests of the process itself (exit status, signals, lock). */
export function runGenerateProcess(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<GenerateRun> {
  return runScript(GENERATE, args, options);
}

type Entry = (io: { stdout: Writable; stderr: Writable; cwd: string }) => Promise<number>;

/** Runs a command line's entry (`main(argv, io)`) with streams that collect what it prints; the result reads like a finished process's. */
export async function runEntry(entry: Entry, cwd = ROOT): Promise<GenerateRun> {
  let stdout = "";
  let stderr = "";
  const writer = (add: (text: string) => void) =>
    new Writable({
      decodeStrings: false,
      write: (chunk, _encoding, done) => {
        add(String(chunk));
        done();
      },
    });
  const code = await entry({ stdout: writer((t) => (stdout += t)), stderr: writer((t) => (stderr += t)), cwd });
  return { code, stdout, stderr };
}

function runScript(
  script: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number },
): Promise<GenerateRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", TSX, script, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
      timeout: options.timeoutMs ?? 60_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Node's arguments for `npm run generate -- <args>` (for a test that drives the process itself). */
export function generateArgs(args: readonly string[]): string[] {
  return ["--import", TSX, GENERATE, ...args];
}

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** The seed excerpt (one operation, 9.5 KB): the small spec the everyday tests run on. */
export const SEED_SPEC = join(FIXTURES, "seed", "openapi.yaml");
/** What the generator makes of the seed, committed (test/fixtures/seed/generated/, drift-checked by a test). */
export const SEED_GENERATED = join(FIXTURES, "seed", "generated");

let seedRepo: Promise<string> | undefined;

/**
 * A temp folder laid out like this repository, with the seed excerpt in place
 * of Telnyx's spec (spec/spec3.yml), the lint config and baseline, and generated/ as
 * `npm run generate` writes it there: `runGenerate([], { cwd })` works on it.
 * The seed is generated once per test file, then copied.
 */
export async function copyRepo(prefix: string): Promise<string> {
  seedRepo ??= (async () => {
    const dir = tempDir("seed-repo");
    mkdirSync(join(dir, "spec"));
    cpSync(SEED_SPEC, join(dir, "spec", "spec3.yml"));
    for (const config of ["redocly.yaml", ".redocly.lint-ignore.yaml"]) cpSync(join(ROOT, config), join(dir, config));
    const run = await runGenerate(["--quiet"], { cwd: dir });
    if (run.code !== 0) throw new Error(`generating the seed failed: ${run.stderr}`);
    return dir;
  })();
  const template = await seedRepo;
  const dir = tempDir(prefix);
  for (const entry of ["spec", "generated", "redocly.yaml", ".redocly.lint-ignore.yaml"])
    cpSync(join(template, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/**
 * An output folder that already holds files: the seed's generated files
 * and a hand-written one. A failed run must leave every byte of it alone.
 */
export function occupiedOut(parent: string): string {
  const out = join(parent, "out");
  cpSync(SEED_GENERATED, out, { recursive: true });
  writeFileSync(join(out, "NOTES.md"), "hand-written, not generated\n");
  return out;
}

/** Every file under `dir` (relative, `/`-separated) with its bytes, hex-encoded for readable diffs. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join("/")] = readFileSync(path).toString("hex");
  }
  return files;
}

/**
 * A folder to typecheck generated outputs in: `<dir>/<name>/generated` for
 * each output, with `<dir>/<name>/src` linking to the runtime the paginators
 * import, and node_modules reachable.
 */
export function typecheckRoot(): string {
  const dir = tempDir("typecheck");
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return dir;
}

/** `<root>/<name>/generated`, ready to be a `--out`. */
export function outputIn(root: string, name: string): string {
  mkdirSync(join(root, name), { recursive: true });
  symlinkSync(join(ROOT, "src"), join(root, name, "src"), "dir");
  return join(root, name, "generated");
}

/** `tsc --noEmit --strict` over `files` (relative to `cwd`): exit code and diagnostics. */
export function tsc(cwd: string, files: readonly string[]): Promise<{ code: number | null; output: string }> {
  return tscStrictAsync(files, cwd);
}
