/**
 * The runtime as it was before issues 12 and 13 (the commit this work
 * started from), materialized into the gitignored .tmp/ folder with
 * `git archive` so that a benchmark can import it next to today's and
 * compare both in one process. Git must be able to see that commit.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** main when the runtime work began: page-number paging only, the pre-issue-12 client. */
export const BEFORE_COMMIT = "488aadbb82850d328bb3e82e55f53a63ab54c1bd";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** `src/` and `generated/` of BEFORE_COMMIT under .tmp/runtime-<commit>/, extracted once. */
export function beforeRuntimeDir(): string {
  const dir = join(ROOT, ".tmp", `runtime-${BEFORE_COMMIT.slice(0, 12)}`);
  if (!existsSync(join(dir, "src", "client.ts"))) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync("git", ["archive", BEFORE_COMMIT, "src", "generated"], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
  }
  return dir;
}

/** Imports a module of the materialized runtime, e.g. `src/client.ts`. */
export async function importBefore<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(beforeRuntimeDir(), path)).href)) as T;
}
