/** Paths as messages and generated code show them: `/`-separated, relative where they can be. */
import { relative, sep } from "node:path";

/** `a\b` -> `a/b` (a no-op where the separator is already `/`). */
export function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** `path` relative to `from`, `/`-separated; `path` itself when they are the same. */
export function shownPath(from: string, path: string): string {
  return toPosix(relative(from, path) || path);
}
