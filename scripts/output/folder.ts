/**
 * The output folder as the output step sees it: its files, and the two kinds
 * of file a generation in progress leaves there (see write.ts):
 * - staged files, `.<name>.generate-<pid>.tmp`: new content not yet in place;
 * - the marker `.generation-incomplete`: from the first rename until the last,
 *   the folder may hold old and new files at once.
 * After an interruption (kill -9, power, a full disk during the renames) they
 * stay behind: `--check` reports them and the next generation removes them.
 * All file operations go through `FileSystem`, so a test can stop a
 * generation before any one of them, as kill -9 would.
 */
import * as nodeFs from "node:fs";
import { GenerateError } from "../errors.js";

export type FileSystem = Pick<typeof nodeFs, "mkdirSync" | "readdirSync" | "readFileSync" | "renameSync" | "rmSync" | "statSync" | "writeFileSync">;

export const MARKER = ".generation-incomplete";
/** The lock a generation holds while it writes (lock.ts); never one of the folder's files. */
export const LOCK = ".generate.lock";
const STAGED = /^\.[^/]+\.generate-\d+\.tmp$/;

/** Where `path` (relative to the folder) is staged by this process. */
export function stagedPath(path: string): string {
  const slash = path.lastIndexOf("/");
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.generate-${process.pid}.tmp`;
}

/** A file an interrupted generation left behind (a staged file or the marker). */
export function isLeftover(path: string): boolean {
  return path === MARKER || STAGED.test(path);
}

/**
 * The files directly in `dir` (not in its subfolders: those may be other
 * output folders, or anything else, and are never the generator's), sorted,
 * the lock aside (lock.ts); none when it does not exist. Any other failure
 * to read it is a GenerateError (exit 2).
 */
export function listFiles(dir: string, fs: FileSystem = nodeFs): string[] {
  let entries;
  try {
    if (!fs.statSync(dir).isDirectory()) throw new GenerateError("the output folder is a file", { file: dir }, "pass a folder with --out, or remove the file");
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (error instanceof GenerateError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw cannot("read the output folder", dir, error);
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith(LOCK))
    .map((e) => e.name)
    .sort();
}

/** `cannot <what>: <why> (<code>)` naming the path, with a fix for the usual causes. */
export function cannot(what: string, path: string, error: unknown, after = ""): GenerateError {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, [string, string]> = {
    ENOSPC: ["no space left on the device", "free some space on that disk (or pass another --out)"],
    EDQUOT: ["the disk quota is used up", "free some space (or pass another --out)"],
    EROFS: ["the file system is read-only", "pass a writable folder with --out"],
    EACCES: ["permission denied", "make the folder writable for this user (or pass another --out)"],
    EPERM: ["operation not permitted", "make the folder writable for this user (or pass another --out)"],
    ENOTDIR: ["a part of the path is a file", "pass a folder with --out"],
  };
  const [reason, fix] = (code && why[code]) || [(error as Error).message ?? String(error), "check the output folder (--out)"];
  return new GenerateError(`cannot ${what}: ${reason}${code ? ` (${code})` : ""}${after}`, { file: path }, fix);
}
