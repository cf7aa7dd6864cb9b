/**
 * `npm run generate -- --check` (what it runs: `node --import tsx/esm
 * scripts/generate.ts --check`, one process: load, lint ‖ types, paginators,
 * commands, servers, compare) against the two CLIs it replaces, run one after
 * the other on the same spec: `node <@redocly/cli> lint` then `node
 * <openapi-typescript>`. Same Node for both sides; Node 24 (the `node@24`
 * npm package) and the Node running the bench. Medians of interleaved runs:
 * - warm: both sides have run before (compile caches and tsx's cache filled);
 * - cold: every run gets a new empty TMPDIR and NODE_COMPILE_CACHE (empty
 *   compile caches, empty tsx cache), as on a fresh CI checkout.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { interleaved, timeCommand } from "./measure.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const bin = (path: string) => join(ROOT, "node_modules", path);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const SPECS = [
  {
    name: "seed",
    spec: join(ROOT, "test", "fixtures", "seed", "openapi.yaml"),
    lint: "error",
    targets: { warm24: 0.8, cold24: 1.0, node20: 1.0 },
  },
  {
    name: "telnyx-full",
    spec: join(ROOT, "test", "fixtures", "specs", "telnyx-full.openapi.json"),
    lint: "warn",
    targets: { warm24: 0.65, cold24: 0.85, node20: 0.85 },
  },
] as const;

/** Node 24's binary from the `node@24` npm package (fetched once by npm exec), or undefined when npm cannot. */
function node24(): string | undefined {
  try {
    const path = execFileSync("npm", ["exec", "--yes", "--package=node@24", "--", "node", "-p", "process.execPath"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return path || undefined;
  } catch {
    return undefined;
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const nodes = [
    { label: "Node 24", node: node24() },
    { label: `Node ${process.versions.node.split(".")[0]}`, node: process.execPath },
  ];
  const scratch = mkdtempSync(join(tmpdir(), "bench-generate-"));
  try {
    for (const { label, node } of nodes) {
      if (!node) {
        console.log(`skip ${label}: npm exec --package=node@24 failed`);
        continue;
      }
      const major = Number(
        execFileSync(node, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).trim(),
      );
      for (const { name, spec, lint, targets } of SPECS) {
        const out = join(scratch, `out-${name}`);
        const warmTmp = join(scratch, `warm-${major}`);
        mkdirSync(warmTmp, { recursive: true });
        const envFor = (tmp: string) => ({ TMPDIR: tmp, NODE_COMPILE_CACHE: join(tmp, "node-compile-cache") });
        const ours = (env: Record<string, string>, check: boolean) =>
          timeCommand(
            node,
            [
              "--import",
              "tsx/esm",
              "scripts/generate.ts",
              "--spec",
              spec,
              "--out",
              out,
              "--lint",
              lint,
              "--quiet",
              ...(check ? ["--check"] : []),
            ],
            { cwd: ROOT, env },
          );
        const clis = (env: Record<string, string>) =>
          timeCommand(node, [bin("@redocly/cli/bin/cli.js"), "lint", spec], { cwd: ROOT, env, okCodes: [0, 1] }) +
          // From a folder without redocly.yaml: openapi-typescript would otherwise apply our lint config and stop.
          timeCommand(node, [bin("openapi-typescript/bin/cli.js"), spec, "-o", join(scratch, "baseline.ts")], {
            cwd: scratch,
            env,
          });
        ours(envFor(warmTmp), false); // writes the folder the checks compare with, and warms the caches
        clis(envFor(warmTmp));
        /** Runs `command` with a new, empty TMPDIR and compile cache, removed afterwards. */
        const cold = (command: (env: Record<string, string>) => number) => () => {
          const tmp = mkdtempSync(join(scratch, "cold-"));
          try {
            return command(envFor(tmp));
          } finally {
            rmSync(tmp, { recursive: true, force: true });
          }
        };
        const modes = [
          { mode: "warm", subject: () => ours(envFor(warmTmp), true), baseline: () => clis(envFor(warmTmp)) },
          { mode: "cold", subject: cold((env) => ours(env, true)), baseline: cold(clis) },
        ];
        for (const { mode, subject, baseline } of modes) {
          const { subjectMs, baselineMs, ratio } = await interleaved(RUNS, subject, baseline);
          const target = major >= 22 ? (mode === "warm" ? targets.warm24 : targets.cold24) : targets.node20;
          results.push({
            name: `generate --check vs redocly lint + openapi-typescript, ${name}, ${label} ${mode}`,
            value: ratio,
            unit: "ratio",
            target,
            note: `${subjectMs.toFixed(0)} ms vs ${baselineMs.toFixed(0)} ms, median of ${RUNS}`,
          });
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}
