/**
 * The CLI as users get it: compiled by the package build's own tsconfig
 * (tsconfig.build.json, the config `npm run build` uses for dist/esm) into a
 * private folder under .tmp/, then spawned with node. A private folder
 * because `npm run build` empties dist/ first and test files run in
 * parallel. `binPath()` is the path package.json's `bin` should point at in
 * dist/esm.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
/** Where src/cli/main.ts lands inside a build folder (dist/esm in `npm run build`). */
export const MAIN_IN_BUILD = "src/cli/main.js";

export interface BuiltCli {
  main: string;
  remove(): void;
}

export function buildCli(): BuiltCli {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const out = mkdtempSync(join(ROOT, ".tmp", "cli-build-"));
  const result = spawnSync(
    process.execPath,
    [TSC, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", out, "--declaration", "false"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
  }
  return { main: join(out, MAIN_IN_BUILD), remove: () => rmSync(out, { recursive: true, force: true }) };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without the caller's Telnyx settings, so tests decide them. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("TELNYX_")) env[k] = v;
  return { ...env, NO_COLOR: "1", ...extra };
}

export interface Running {
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout matches. */
  waitForStdout(pattern: RegExp): Promise<void>;
  done: Promise<Run>;
  exited(): boolean;
}

/** Starts the CLI (asynchronously: the test server lives in this process). */
export function startCli(main: string, args: string[], env: Record<string, string> = cleanEnv()): Running {
  const child = spawn(process.execPath, [main, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let exited = false;
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    for (const w of waiters.filter((w) => w.pattern.test(out))) w.resolve();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code) => {
      exited = true;
      resolve({ code, stdout: out, stderr: err });
    }),
  );
  return {
    stdout: () => out,
    stderr: () => err,
    waitForStdout: (pattern) =>
      pattern.test(out) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ pattern, resolve })),
    done,
    exited: () => exited,
  };
}

export function runCli(main: string, args: string[], env?: Record<string, string>): Promise<Run> {
  return startCli(main, args, env).done;
}
