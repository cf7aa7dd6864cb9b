/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command
 * line) and prints each figure next to its target (`info` for figures that
 * are reported only). Ratios are measured against a baseline in the same
 * run, so a busy machine slows both.
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
  const { default: run } = (await import(pathToFileURL(join(dir, file)).href)) as {
    default: () => Promise<BenchResult[]>;
  };
  for (const r of await run()) {
    const show = (n: number) =>
      r.unit === "ratio" ? n.toFixed(3) : r.unit === "MB" ? `${n.toFixed(2)} MB` : `${Math.round(n)} B`;
    const note = r.note ? `  [${r.note}]` : "";
    if (r.target === undefined) {
      console.log(`info ${r.name}: ${show(r.value)}${note}`);
      continue;
    }
    const ok = r.value <= r.target;
    if (!ok) failed++;
    console.log(`${ok ? "ok  " : "MISS"} ${r.name}: ${show(r.value)} (target <= ${show(r.target)})${note}`);
  }
}
process.exitCode = failed ? 1 : 0;
