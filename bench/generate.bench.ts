/**
 * `generate --check` (one process: load, lint, types, paginators, compare)
 * against the two CLIs it replaces run one after the other on the same spec:
 * `redocly lint` then `openapi-typescript`. Median of interleaved runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { interleaved, timeCommand } from "./measure.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const node = process.execPath;
const bin = (path: string) => join(ROOT, "node_modules", path);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const SPECS = [
  { name: "seed", spec: join(ROOT, "spec", "openapi.yaml"), lint: "error", target: 0.75 },
  { name: "telnyx-full", spec: join(ROOT, "..", "shared", "specs", "telnyx-full.openapi.json"), lint: "warn", target: 0.65 },
] as const;

export default async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const { name, spec, lint, target } of SPECS) {
    const out = mkdtempSync(join(tmpdir(), "bench-generate-"));
    try {
      const ours = ["scripts/run.mjs", "--spec", spec, "--out", out, "--lint", lint, "--quiet"];
      timeCommand(node, ours, { cwd: ROOT }); // writes the folder the checks compare with (and warms the bundle cache)
      const check = () => timeCommand(node, [...ours, "--check"], { cwd: ROOT });
      const baseline = () =>
        timeCommand(node, [bin("@redocly/cli/bin/cli.js"), "lint", spec], { cwd: ROOT, okCodes: [0, 1] }) +
        // Run from a folder without redocly.yaml: openapi-typescript would otherwise apply our lint config and stop.
        timeCommand(node, [bin("openapi-typescript/bin/cli.js"), spec, "-o", `${out}-baseline.ts`], { cwd: tmpdir() });
      const { subjectMs, baselineMs, ratio } = await interleaved(RUNS, check, baseline);
      results.push({
        name: `generate --check vs redocly lint + openapi-typescript CLIs (${name})`,
        value: ratio,
        unit: "ratio",
        target,
        note: `${subjectMs.toFixed(0)} ms vs ${baselineMs.toFixed(0)} ms, median of ${RUNS}`,
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(`${out}-baseline.ts`, { force: true });
    }
  }
  return results;
}
