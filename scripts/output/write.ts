/**
 * Writing the output folder, as one set. The only code that changes it.
 *
 * 1. stage: every new or changed file is written beside its target as a
 *    staged file; a failure here (full disk, read-only folder) removes what
 *    was staged and leaves the old generation untouched;
 * 2. mark: the marker `.generation-incomplete` is written;
 * 3. commit: each staged file is renamed over its target (renames need no
 *    space), stale generated files are removed, then the marker.
 *
 * So at any moment the folder holds the old generation (plus staged files) or
 * the new one, or it carries the marker: `--check` then reports the mix, and
 * the next generation writes the whole set and removes the marker and any
 * staged files. Hand-written files (no generated header) are never touched,
 * nor is anything in a subfolder (folder.ts). The whole of it runs under
 * the folder's lock (lock.ts): a second generation on the same folder
 * meanwhile stops with exit 2.
 */
import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";
import { compareOutput } from "./compare.js";
import { cannot, isFolder, MARKER, stagedPath, type FileSystem } from "./folder.js";
import { lockOutput } from "./lock.js";
import type { OutputFile } from "./output-file.js";

const UNCHANGED = "no file in the output folder was changed";

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Extra files without the generated header: left alone. */
  kept: string[];
  /** What an interrupted generation had left, now removed. */
  repaired: string[];
  /** The process id of a stale lock (its run no longer runs) that this run took over. */
  staleLockOwner?: number;
}

export function writeOutput(outDir: string, files: readonly OutputFile[], fs: FileSystem = nodeFs): WriteResult {
  // A file, or a path through a file, is refused before anything is created.
  if (!isFolder(outDir, fs)) {
    try {
      fs.mkdirSync(outDir, { recursive: true });
    } catch (error) {
      throw cannot("create the output folder", outDir, error);
    }
  }
  const lock = lockOutput(outDir);
  try {
    const result = writeLocked(outDir, files, fs);
    if (lock.staleOwner !== undefined) result.staleLockOwner = lock.staleOwner;
    return result;
  } finally {
    lock.release();
  }
}

function writeLocked(outDir: string, files: readonly OutputFile[], fs: FileSystem): WriteResult {
  const comparison = compareOutput(outDir, files, fs);
  const toWrite = [...comparison.stale.map((s) => files.find((f) => f.path === s.path)!), ...comparison.missing];
  const toRemove = comparison.extra.filter((e) => e.generated).map((e) => e.path);
  const result: WriteResult = {
    written: toWrite.map((f) => f.path).sort(),
    unchanged: comparison.unchanged,
    removed: toRemove,
    kept: comparison.extra.filter((e) => !e.generated).map((e) => e.path),
    repaired: comparison.leftovers,
  };
  if (toWrite.length + toRemove.length === 0) {
    // Already the new generation: only what an interrupted run left (if anything) goes.
    removeLeftovers(outDir, comparison.leftovers, fs);
    return result;
  }
  const staged = stage(outDir, toWrite, fs);
  const markerTemp = join(outDir, stagedPath(MARKER));
  try {
    fs.writeFileSync(
      markerTemp,
      `An \`npm run generate\` (process ${process.pid}) was replacing the files of this folder. If this file is still here, it did not finish: run \`npm run generate\` again.\n`,
    );
    fs.renameSync(markerTemp, join(outDir, MARKER));
  } catch (error) {
    unstage([...staged, markerTemp], fs);
    throw cannot(`write ${MARKER}`, join(outDir, MARKER), error, `; ${UNCHANGED}`);
  }
  let done = 0;
  try {
    for (const file of toWrite) {
      fs.renameSync(join(outDir, stagedPath(file.path)), join(outDir, file.path));
      done++;
    }
    for (const path of toRemove) fs.rmSync(join(outDir, path), { force: true });
  } catch (error) {
    throw cannot(
      "finish the generation",
      outDir,
      error,
      `; ${done} of ${toWrite.length} files were replaced, so the folder now mixes the old and the new generation (the marker ${MARKER} says so)`,
    );
  }
  // The set is complete: the marker goes, then anything an earlier interrupted run left.
  removeLeftovers(outDir, [MARKER, ...comparison.leftovers.filter((p) => p !== MARKER)], fs);
  return result;
}

/** Writes each file as a staged file; on failure removes them again and throws (nothing else changed). */
function stage(outDir: string, files: readonly OutputFile[], fs: FileSystem): string[] {
  const staged: string[] = [];
  /** Subfolders this run created (`commands/`): they go too when staging fails. */
  const created: string[] = [];
  for (const file of files) {
    const path = join(outDir, stagedPath(file.path));
    try {
      const made = fs.mkdirSync(dirname(path), { recursive: true });
      if (made !== undefined) created.push(made);
      staged.push(path);
      fs.writeFileSync(path, file.content);
    } catch (error) {
      const left = unstage(staged, fs);
      for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
      const after =
        left.length === 0
          ? `; ${UNCHANGED}`
          : `; the old files are untouched, but ${left.length} staged file(s) could not be removed (the next \`npm run generate\` removes them)`;
      throw cannot(`write ${file.path}`, join(outDir, file.path), error, after);
    }
  }
  return staged;
}

/** Removes staged files (absolute paths); returns those it could not remove. */
function unstage(staged: readonly string[], fs: FileSystem): string[] {
  return staged.filter((path) => !tryRemove(path, fs));
}

/** Best effort: a leftover that cannot be removed is reported by the next `--check`. */
function removeLeftovers(outDir: string, paths: readonly string[], fs: FileSystem): void {
  for (const path of paths) tryRemove(join(outDir, path), fs);
}

function tryRemove(path: string, fs: FileSystem): boolean {
  try {
    fs.rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}
