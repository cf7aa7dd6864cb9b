/**
 * `--check`: the output folder against the files the pipeline made, byte for
 * byte; reads only. Stale, missing and extra files, and what an interrupted
 * generation left behind (folder.ts).
 */
import * as nodeFs from "node:fs";
import { join } from "node:path";
import { isGenerated } from "./header.js";
import { cannot, isLeftover, listFiles, MARKER, subfoldersOf, type FileSystem } from "./folder.js";
import type { OutputFile } from "./output-file.js";

export interface Comparison {
  unchanged: string[];
  stale: { path: string; want: string; have: string }[];
  missing: OutputFile[];
  /** Files in the folder that the spec does not produce. */
  extra: { path: string; generated: boolean }[];
  /** Staged files and the marker of a generation that did not finish. */
  leftovers: string[];
  /** The marker is there: the folder may mix two generations. */
  interrupted: boolean;
}

export function compareOutput(outDir: string, files: readonly OutputFile[], fs: FileSystem = nodeFs): Comparison {
  const present = listFiles(outDir, fs, subfoldersOf(files.map((f) => f.path)));
  const leftovers = present.filter(isLeftover);
  const existing = new Set(present.filter((path) => !isLeftover(path)));
  const read = (path: string) => {
    try {
      return fs.readFileSync(join(outDir, path), "utf8");
    } catch (error) {
      throw cannot(`read ${path}`, join(outDir, path), error);
    }
  };
  const result: Comparison = {
    unchanged: [],
    stale: [],
    missing: [],
    extra: [],
    leftovers,
    interrupted: leftovers.includes(MARKER),
  };
  for (const file of files) {
    if (!existing.delete(file.path)) {
      result.missing.push(file);
      continue;
    }
    const have = read(file.path);
    if (have === file.content) result.unchanged.push(file.path);
    else result.stale.push({ path: file.path, want: file.content, have });
  }
  for (const path of existing) result.extra.push({ path, generated: isGenerated(read(path)) });
  return result;
}

export function hasDrift(c: Comparison): boolean {
  return c.stale.length + c.missing.length + c.extra.length + c.leftovers.length > 0;
}
