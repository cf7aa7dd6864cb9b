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
import { join } from "node:path";
import { GenerateError } from "../errors.js";

export type FileSystem = Pick<
  typeof nodeFs,
  "mkdirSync" | "readdirSync" | "readFileSync" | "renameSync" | "rmSync" | "statSync" | "writeFileSync"
>;

export const MARKER = ".generation-incomplete";
/** The lock a generation holds while it writes (lock.ts); never one of the folder's files. */
export const LOCK = ".generate.lock";
const STAGED = /(?:^|\/)\.[^/]+\.generate-\d+\.tmp$/;

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
 * The generator's part of `dir`: the files directly in it, and the files
 * directly in the subfolders a generation writes (`ownSubfolders`, such as
 * `commands`); any other subfolder may be another output folder, or anything
 * else, and is never the generator's. Relative, `/`-separated, sorted, the
 * lock aside (lock.ts); none when `dir` does not exist. Any other failure to
 * read it is a GenerateError (exit 2).
 */
export function listFiles(dir: string, fs: FileSystem = nodeFs, ownSubfolders: readonly string[] = []): string[] {
  if (!isFolder(dir, fs, true)) return [];
  const files = filesIn(dir, "", fs).filter((name) => !name.startsWith(LOCK));
  for (const sub of ownSubfolders)
    if (isFolder(join(dir, sub), fs, false)) files.push(...filesIn(join(dir, sub), `${sub}/`, fs));
  return files.sort();
}

/** The subfolders the files of a generation are in (`commands` for `commands/x.ts`). */
export function subfoldersOf(paths: readonly string[]): string[] {
  return [...new Set(paths.filter((p) => p.includes("/")).map((p) => p.slice(0, p.lastIndexOf("/"))))].sort();
}

/** Whether `path` is a folder (false when it does not exist); a file in its place (or on the way to it) is an error. */
export function isFolder(path: string, fs: FileSystem = nodeFs, root = true): boolean {
  try {
    if (fs.statSync(path).isDirectory()) return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw cannot("read the output folder", path, error);
  }
  throw new GenerateError(
    root ? "the output folder is a file" : "a file stands where the output folder needs a subfolder",
    { file: path },
    root ? "pass a folder with --out, or remove the file" : "remove the file",
  );
}

function filesIn(dir: string, prefix: string, fs: FileSystem): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${prefix}${e.name}`);
  } catch (error) {
    throw cannot("read the output folder", dir, error);
  }
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
  const [reason, fix] = (code && why[code]) || [
    (error as Error).message ?? String(error),
    "check the output folder (--out)",
  ];
  return new GenerateError(`cannot ${what}: ${reason}${code ? ` (${code})` : ""}${after}`, { file: path }, fix);
}
