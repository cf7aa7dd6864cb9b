/**
 * `npm run api-diff` on Telnyx's real history: its published spec of
 * 2026-06-26 (gzipped, as kept in test/fixtures/specs/telnyx-history/)
 * against the 2026-07-16 one (spec/spec3.yml), as a user runs it (the
 * package.json command), against `npm run generate -- --check` on the same
 * 2026-07-16 spec (its output generated once beforehand, so the check finds
 * no drift): medians of interleaved runs. Target (issue 18): at most 0.6
 * times the drift check.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
    // Until the generator names duplicate operationIds, `generate` refuses spec3.yml's second `ListPhoneNumbers`:
    // the check runs on a copy with that one id renamed (api-diff reads the spec as published).
    const copy = join(dir, "spec3.yml");
    const text = readFileSync(HEAD, "utf8");
    const id = "operationId: ListPhoneNumbers\n";
    const second = text.indexOf(id, text.indexOf(id) + 1);
    writeFileSync(
      copy,
      second === -1
        ? text
        : `${text.slice(0, second)}operationId: ListWhatsappPhoneNumbers\n${text.slice(second + id.length)}`,
    );
    const generate = [
      "--import",
      "tsx/esm",
      "scripts/generate.ts",
      "--spec",
      copy,
      "--out",
      join(dir, "generated"),
      "--lint",
      "off",
      "--quiet",
    ];
    timeCommand(process.execPath, generate, { cwd: ROOT }); // the output the check compares with (and a warm compile cache)
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
    const { subjectMs, baselineMs, ratio } = await interleaved(
      RUNS,
      () => timeCommand(process.execPath, apiDiff, { cwd: ROOT }),
      () => timeCommand(process.execPath, [...generate, "--check"], { cwd: ROOT }),
    );
    return [
      {
        name: "api-diff vs generate --check, Telnyx spec 2026-06-26 -> 2026-07-16 (4 MB each)",
        value: ratio,
        unit: "ratio",
        target: 0.6,
        note: `${subjectMs.toFixed(0)} ms vs ${baselineMs.toFixed(0)} ms, median of ${RUNS}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
