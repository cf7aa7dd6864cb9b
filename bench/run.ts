/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command
 * line) and prints each figure next to its target. Ratios are measured
 * against a baseline in the same run, so a busy machine slows both.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import type { BenchResult } from "./types.js";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

let failed = 0;
for (const file of files) {
  const { default: run } = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<BenchResult[]> };
  for (const r of await run()) {
    const ok = r.value <= r.target;
    if (!ok) failed++;
    const value = r.unit === "ratio" ? r.value.toFixed(3) : r.unit === "MB" ? `${r.value.toFixed(2)} MB` : `${Math.round(r.value)} B`;
    const target = r.unit === "ratio" ? r.target.toFixed(2) : r.unit === "MB" ? `${r.target} MB` : `${r.target} B`;
    console.log(`${ok ? "ok  " : "MISS"} ${r.name}: ${value} (target <= ${target})${r.note ? `  [${r.note}]` : ""}`);
  }
}
process.exitCode = failed ? 1 : 0;
