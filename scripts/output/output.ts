/**
 * Step 5, output: the only step that touches the output folder.
 * `write` replaces each changed file atomically (temp file, then rename) and
 * removes stale generated files; `check` compares byte for byte and writes nothing.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { isGenerated } from "./header.js";
import type { OutputFile } from "./output-file.js";

export interface Comparison {
  unchanged: string[];
  stale: { path: string; want: string; have: string }[];
  missing: OutputFile[];
  /** Files in the folder that the spec does not produce. */
  extra: { path: string; generated: boolean }[];
}

export function compareOutput(outDir: string, files: readonly OutputFile[]): Comparison {
  const existing = new Set(listFiles(outDir));
  const result: Comparison = { unchanged: [], stale: [], missing: [], extra: [] };
  for (const file of files) {
    if (!existing.delete(file.path)) {
      result.missing.push(file);
      continue;
    }
    const have = readFileSync(join(outDir, file.path), "utf8");
    if (have === file.content) result.unchanged.push(file.path);
    else result.stale.push({ path: file.path, want: file.content, have });
  }
  for (const path of [...existing].sort()) {
    result.extra.push({ path, generated: isGenerated(readFileSync(join(outDir, path), "utf8")) });
  }
  return result;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Extra files without the generated header: left alone. */
  kept: string[];
}

export function writeOutput(outDir: string, files: readonly OutputFile[]): WriteResult {
  const comparison = compareOutput(outDir, files);
  const toWrite = [...comparison.stale.map((s) => files.find((f) => f.path === s.path)!), ...comparison.missing];
  for (const file of toWrite) {
    const target = join(outDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.${file.path.split("/").pop()}.${process.pid}.tmp`);
    try {
      writeFileSync(temp, file.content);
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }
  const removed = comparison.extra.filter((e) => e.generated).map((e) => e.path);
  for (const path of removed) rmSync(join(outDir, path));
  return {
    written: toWrite.map((f) => f.path).sort(),
    unchanged: comparison.unchanged,
    removed,
    kept: comparison.extra.filter((e) => !e.generated).map((e) => e.path),
  };
}

/** Files under `dir`, relative and `/`-separated; none when it does not exist. */
function listFiles(dir: string): string[] {
  let entries;
  try {
    if (!statSync(dir).isDirectory()) return [];
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).split(sep).join("/"));
}
