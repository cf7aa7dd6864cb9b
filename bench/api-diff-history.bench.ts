/**
 * `npm run api-diff` on Telnyx's real history: its published spec of
 * 2026-06-26 (gzipped, as kept in test/fixtures/specs/telnyx-history/)
 * against the 2026-07-16 one (spec/spec3.yml), as a user runs it (the
 * package.json command), against `npm run generate -- --check` on the same
 * 2026-07-16 spec (its output generated once beforehand, so the check finds
 * no drift): medians of interleaved runs. Target (issue 18): at most 0.6
 * times the drift check.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { interleaved, timeCommand } from "./measure.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BASE = join(ROOT, "test", "fixtures", "specs", "telnyx-history", "spec3-2026-06-26-3298d65.yml.gz");
const HEAD = join(ROOT, "spec", "spec3.yml");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-api-diff-history-"));
  try {
    // The check runs on spec/spec3.yml as it is (its lint config and baseline beside it), into a scratch folder.
    const generate = ["--import", "tsx/esm", "scripts/generate.ts", "--spec", HEAD, "--out", join(dir, "generated")];
    timeCommand(process.execPath, [...generate, "--lint", "off", "--quiet"], { cwd: ROOT }); // what the check compares with
    const apiDiff = [
      "--import",
      "tsx/esm",
      "scripts/api-diff.ts",
      "--base-spec",
      BASE,
      "--spec",
      HEAD,
      "--format",
      "json",
    ];
    const results: BenchResult[] = [];
    // The baseline is the drift check as CI runs it (default lint mode); the one without lint is stricter.
    for (const lint of [[], ["--lint", "off"]]) {
      const { subjectMs, baselineMs, ratio } = await interleaved(
        RUNS,
        () => timeCommand(process.execPath, apiDiff, { cwd: ROOT }),
        () => timeCommand(process.execPath, [...generate, "--check", "--quiet", ...lint], { cwd: ROOT }),
      );
      results.push({
        name: `api-diff vs generate --check${lint.length > 0 ? " --lint off" : ""}, Telnyx spec 2026-06-26 -> 2026-07-16`,
        value: ratio,
        unit: "ratio",
        target: 0.6,
        note: `${subjectMs.toFixed(0)} ms vs ${baselineMs.toFixed(0)} ms, median of ${RUNS}`,
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
