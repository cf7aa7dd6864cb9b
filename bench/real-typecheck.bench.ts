/**
 * `npm run bench -- real`, the consumer's half: what a project using this
 * package pays in `tsc` for the real spec's types (spec/spec3.yml), against
 * the official `telnyx` SDK (7.24.0, a devDependency) doing the same calls.
 *
 * The package is built as users get it: a copy of this package (src/,
 * package.json, the tsconfigs) gets `generate --spec spec/spec3.yml --lint off`
 * and `npm run build`, and a consumer folder imports it by its package name
 * (a node_modules symlink), ESM, `strict`, `skipLibCheck` as users have it.
 * The consumers (bench/real-consumer/) make five calls on messaging profiles
 * (list, get by id, create with a body, update, delete) and walk three
 * paginators: `operations.ts` with the per-operation functions,
 * `client-methods.ts` with `client.GET/POST/PATCH/DELETE`, `sdk.ts` with the
 * SDK's methods. Each is checked by `tsc --extendedDiagnostics` (TypeScript
 * 5.9, the `typescript` devDependency, and 7, `typescript7`) on Node 24; each
 * repeat runs every pair once in a rotated order; figures are medians of
 * tsc's own check time, total time and memory, and of wall time and peak RSS.
 *
 * `BENCH_REAL_SPEC=FILE` builds from another spec, `BENCH_PACKAGE=DIR` uses a
 * package folder already generated and built that way, `BENCH_RUNS=N` sets the repeats.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runMeasured } from "./child-usage.js";
import { median } from "./measure.js";
import { node24 } from "./node24.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SPEC = resolve(process.env.BENCH_REAL_SPEC ?? join(ROOT, "spec", "spec3.yml"));
const CONSUMERS = join(ROOT, "bench", "real-consumer");

/** Issue 18: the consumer's tsc check time at most 2x the SDK's, its total time at most 1.2x. */
const TARGETS = { check: 2, total: 1.2 } as const;

const COMPILERS = [
  { name: "TypeScript 5.9", tsc: join(ROOT, "node_modules", "typescript", "bin", "tsc") },
  { name: "TypeScript 7", tsc: join(ROOT, "node_modules", "typescript7", "bin", "tsc") },
] as const;
const SUBJECTS = ["operations", "client-methods", "sdk"] as const;

const COMPILER_OPTIONS = {
  target: "ES2022",
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

interface Figures {
  checkS: number;
  totalS: number;
  memoryMb: number;
  wallS: number;
  rssMb: number;
}

export default async function bench(): Promise<BenchResult[]> {
  const node = node24() ?? process.execPath;
  const scratch = mkdtempSync(join(tmpdir(), "bench-real-typecheck-"));
  try {
    const pkg = process.env.BENCH_PACKAGE
      ? resolve(process.env.BENCH_PACKAGE)
      : buildPackage(node, join(scratch, "package"));
    const consumer = consumerFolder(join(scratch, "consumer"), pkg);
    const pairs = COMPILERS.flatMap((compiler) =>
      SUBJECTS.map((subject) => ({ compiler, subject, runs: [] as Figures[] })),
    );
    for (const pair of pairs) typecheck(node, pair.compiler.tsc, consumer, pair.subject); // warm-up, and fails on a type error
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < pairs.length; k++) {
        const pair = pairs[(i + k) % pairs.length]!;
        pair.runs.push(typecheck(node, pair.compiler.tsc, consumer, pair.subject));
      }
    }
    const results: BenchResult[] = [];
    for (const compiler of COMPILERS) {
      const of = (subject: string) =>
        medians(pairs.find((p) => p.compiler === compiler && p.subject === subject)!.runs);
      const sdk = of("sdk");
      for (const subject of ["operations", "client-methods"] as const) {
        const ours = of(subject);
        const targets = compiler === COMPILERS[0] && subject === "operations" ? TARGETS : undefined;
        const what = subject === "operations" ? "per-operation functions" : "client.GET and friends";
        results.push({
          name: `consumer tsc check time, ${what} + 3 paginators vs the telnyx SDK, ${compiler.name}`,
          value: ours.checkS / sdk.checkS,
          unit: "ratio",
          target: targets?.check,
          note: `check ${ours.checkS.toFixed(2)} s vs ${sdk.checkS.toFixed(2)} s; memory ${ours.memoryMb.toFixed(0)} MB vs ${sdk.memoryMb.toFixed(0)} MB; median of ${RUNS}`,
        });
        results.push({
          name: `consumer tsc total time, ${what} + 3 paginators vs the telnyx SDK, ${compiler.name}`,
          value: ours.totalS / sdk.totalS,
          unit: "ratio",
          target: targets?.total,
          note: `total ${ours.totalS.toFixed(2)} s vs ${sdk.totalS.toFixed(2)} s; wall ${ours.wallS.toFixed(2)} s vs ${sdk.wallS.toFixed(2)} s; peak RSS ${ours.rssMb.toFixed(0)} MB vs ${sdk.rssMb.toFixed(0)} MB`,
        });
      }
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A copy of this package with the real spec's generated/ and a fresh dist/, as `npm run build` makes it. */
function buildPackage(node: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of ["src", "package.json", "tsconfig.json", "tsconfig.build.json", "tsconfig.build.cjs.json"])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  execFileSync(
    node,
    [
      "--import",
      "tsx/esm",
      join(ROOT, "scripts", "generate.ts"),
      "--spec",
      SPEC,
      "--out",
      "generated",
      "--lint",
      "off",
      "--quiet",
    ],
    { cwd: dir, stdio: ["ignore", "ignore", "inherit"] },
  );
  execFileSync("npm", ["run", "build", "--silent"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  return dir;
}

/** The consumer project: the three sources, a tsconfig for each, and the two packages under node_modules. */
function consumerFolder(dir: string, pkg: string): string {
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(pkg, join(dir, "node_modules", "telnyx-typed"), "dir");
  symlinkSync(join(ROOT, "node_modules", "telnyx"), join(dir, "node_modules", "telnyx"), "dir");
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "consumer", private: true, type: "module" })}\n`);
  for (const file of readdirSync(CONSUMERS)) cpSync(join(CONSUMERS, file), join(dir, file));
  for (const subject of SUBJECTS)
    writeFileSync(
      join(dir, `tsconfig.${subject}.json`),
      `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: [`${subject}.ts`] }, null, 2)}\n`,
    );
  return dir;
}

/** One `tsc -p tsconfig.<subject>.json --extendedDiagnostics`; throws on a type error. */
function typecheck(node: string, tsc: string, consumer: string, subject: string): Figures {
  const run = runMeasured(node, [tsc, "-p", `tsconfig.${subject}.json`, "--extendedDiagnostics"], { cwd: consumer });
  const seconds = (label: string) => Number(new RegExp(`^${label}:\\s+([\\d.]+)s$`, "m").exec(run.stdout)?.[1]);
  const memoryKb = Number(/^Memory used:\s+(\d+)K$/m.exec(run.stdout)?.[1]);
  const figures = {
    checkS: seconds("Check time"),
    totalS: seconds("Total time"),
    memoryMb: memoryKb / 1024,
    wallS: run.ms / 1000,
    rssMb: run.rssMb,
  };
  if (Number.isNaN(figures.checkS) || Number.isNaN(figures.totalS))
    throw new Error(`tsc printed no check or total time for ${subject}:\n${run.stdout.slice(0, 2000)}`);
  return figures;
}

function medians(runs: readonly Figures[]): Figures {
  const of = (key: keyof Figures) => median(runs.map((r) => r[key]));
  return {
    checkS: of("checkS"),
    totalS: of("totalS"),
    memoryMb: of("memoryMb"),
    wallS: of("wallS"),
    rssMb: of("rssMb"),
  };
}
