/**
 * `npm run bench -- real`, the generator's half: on the real spec
 * (spec/spec3.yml, Telnyx's published spec, 4.2 MB, 1,222 operations), warm,
 * on Node 24 for every side:
 * - ours: `generate --check` in the default lint mode, and with `--lint off`;
 * - hey-api 0.99 (`openapi-ts -i spec -o out`: types and SDK functions);
 * - orval 8.38 (`orval --input spec --output out/api.ts`);
 * - `redocly lint` alone (@redocly/cli, with this repository's redocly.yaml).
 * Each repeat runs every side once, in an order rotated per repeat; figures
 * are medians of wall time and of peak RSS (GNU time, bench/child-usage.ts).
 * Ratios are ours over hey-api's. `BENCH_REAL_SPEC=FILE` measures another
 * spec (e.g. a copy with a defect fixed), `BENCH_REAL_LINT=warn` passes
 * `--lint warn` to the lint-mode side (while the spec still has lint errors
 * the default mode stops on), `BENCH_RUNS=N` sets the repeats.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runMeasured, type ChildUsage } from "./child-usage.js";
import { median } from "./measure.js";
import { node24 } from "./node24.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SPEC = resolve(process.env.BENCH_REAL_SPEC ?? join(ROOT, "spec", "spec3.yml"));
const LINT = process.env.BENCH_REAL_LINT;
const bin = (path: string) => join(ROOT, "node_modules", path);

/** Targets of issue 18: ours at most this times hey-api's wall time, and peak RSS at most 600 MB. */
const TARGETS = { checkDefault: 1.0, checkLintOff: 0.9, rssMb: 600 } as const;
const LINT_SIDE = LINT === undefined ? "generate --check (default lint)" : `generate --check --lint ${LINT}`;

interface Side {
  name: string;
  run: () => ChildUsage;
}

export default async function bench(): Promise<BenchResult[]> {
  const node = node24();
  if (!node) {
    console.log("skip real generate: npm exec --package=node@24 failed");
    return [];
  }
  const scratch = mkdtempSync(join(tmpdir(), "bench-real-generate-"));
  try {
    const out = join(scratch, "generated");
    const ours = (...extra: string[]) =>
      runMeasured(
        node,
        ["--import", "tsx/esm", "scripts/generate.ts", "--spec", SPEC, "--out", out, "--quiet", ...extra],
        { cwd: ROOT },
      );
    // hey-api and orval run from an empty folder, so that no config file of this repository applies to them.
    const peers = join(scratch, "peers");
    mkdirSync(peers);
    const sides: Side[] = [
      { name: LINT_SIDE, run: () => ours("--check", ...(LINT === undefined ? [] : ["--lint", LINT])) },
      { name: "generate --check --lint off", run: () => ours("--check", "--lint", "off") },
      {
        name: "hey-api",
        run: () =>
          runMeasured(node, [bin("@hey-api/openapi-ts/bin/run.js"), "-i", SPEC, "-o", join(peers, "hey-api")], {
            cwd: peers,
          }),
      },
      {
        name: "orval",
        run: () =>
          runMeasured(
            node,
            [bin("orval/dist/bin/orval.mjs"), "--input", SPEC, "--output", join(peers, "orval", "api.ts")],
            { cwd: peers },
          ),
      },
      {
        name: "redocly lint",
        run: () => runMeasured(node, [bin("@redocly/cli/bin/cli.js"), "lint", SPEC], { cwd: ROOT, okCodes: [0, 1] }),
      },
    ];
    ours("--lint", "off"); // writes the folder the checks compare with, and warms the caches
    for (const side of sides) side.run(); // warm-up
    const runs = new Map<string, ChildUsage[]>(sides.map((s) => [s.name, []]));
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + k) % sides.length]!;
        runs.get(side.name)!.push(side.run());
      }
    }
    const figures = new Map(
      [...runs].map(([name, list]) => [
        name,
        { ms: median(list.map((r) => r.ms)), rssMb: median(list.map((r) => r.rssMb)), all: list.map((r) => r.ms) },
      ]),
    );
    const heyApi = figures.get("hey-api")!;
    const label = (name: string) => {
      const f = figures.get(name)!;
      return `${(f.ms / 1000).toFixed(2)} s, peak RSS ${f.rssMb.toFixed(0)} MB (runs ${f.all.map((ms) => (ms / 1000).toFixed(1)).join(", ")} s)`;
    };
    const results: BenchResult[] = [];
    for (const [name, target] of [
      [LINT_SIDE, TARGETS.checkDefault],
      ["generate --check --lint off", TARGETS.checkLintOff],
    ] as const) {
      const f = figures.get(name)!;
      results.push({
        name: `real spec: ${name} vs hey-api, wall, Node 24`,
        value: f.ms / heyApi.ms,
        unit: "ratio",
        target,
        note: `${label(name)} vs ${label("hey-api")}; median of ${RUNS}`,
      });
      results.push({
        name: `real spec: ${name}, peak RSS, Node 24`,
        value: f.rssMb,
        unit: "MB",
        target: TARGETS.rssMb,
        note: `hey-api ${heyApi.rssMb.toFixed(0)} MB`,
      });
    }
    for (const name of ["orval", "redocly lint"]) {
      const f = figures.get(name)!;
      results.push({
        name: `real spec: ${name} vs hey-api, wall, Node 24`,
        value: f.ms / heyApi.ms,
        unit: "ratio",
        note: `${label(name)}; median of ${RUNS}`,
      });
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
