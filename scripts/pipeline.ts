/**
 * The steps in order: load -> lint -> types -> pagination -> paginators -> commands -> servers -> files.
 * Pure up to here: every step returns data, nothing touches the output folder,
 * so `--check` and a write run the very same pipeline.
 */
import { join, relative, sep } from "node:path";
import { bundleSpec, type OpenApiDocument } from "./spec/bundle.js";
import { pagingPlanOf, type PagingPlan } from "./pagination/index.js";
import { header } from "./output/header.js";
import { loadSpec } from "./spec/load.js";
import type { Options } from "./options.js";
import type { OutputFile } from "./output/output-file.js";
import type { Reporter } from "./reporter.js";
import { startLintWorker, type LintJob } from "./steps/lint-worker.js";
import { GenerateError } from "./errors.js";

export async function runPipeline(options: Options, report: Reporter): Promise<OutputFile[]> {
  const specLabel = toPosix(relative(options.cwd, options.spec) || options.spec);
  // Lint runs on a worker thread, started first so Redocly loads while this thread works.
  const lint = options.lint === "off" ? undefined : startLintWorker(options.lint, options.cwd);
  try {
    return await runSteps(options, report, specLabel, lint);
  } catch (error) {
    // A lint error explains a bad spec better than a later step's failure on it.
    if (error instanceof LintFailed) throw error.inner;
    const lintError = lint?.started ? await lint.result.then(() => undefined, (e: unknown) => e) : undefined;
    throw lintError instanceof GenerateError ? lintError : error;
  } finally {
    lint?.cancel();
  }
}

async function runSteps(options: Options, report: Reporter, specLabel: string, lint: LintJob | undefined): Promise<OutputFile[]> {
  const spec = report.step("load", () => loadSpec(options.spec, options), (s) => `${s.files.size} file${s.files.size === 1 ? "" : "s"}, OpenAPI ${s.version}`);
  lint?.start(spec);

  const doc = await bundleSpec(spec);
  const fileHeader = header(toPosix(relative(options.out, options.spec)));
  const runtime = runtimeImport(options);
  const schema = await report.stepAsync("types", async () => (await import("./steps/types.js")).generateTypes(doc, fileHeader, specLabel), (f) => `${f.path} ${kb(f.content)}`);

  // Paging is detected once per operation; the paginators and commands steps both read the plan.
  const paging = report.step("pagination", () => pagingPlanOf(doc, { spec: options.spec, config: options.pagination, cwd: options.cwd, specLabel }), summarizePlan);
  const paginators = await report.stepAsync("paginators", async () => (await import("./steps/paginators.js")).generatePaginators(doc, paging, fileHeader, specLabel, runtime), (r) => `${r.paged.length} paginated, ${paging.skipped.length} list-like skipped`);
  if (options.verbose) {
    for (const p of paginators.paged) report.detail(`  paginator ${p.name}: ${p.method} ${p.path} (${p.style})`);
    for (const s of paging.skipped) report.detail(`  skipped ${s.method} ${s.path}: ${s.reason}`);
  }

  const { generateServers } = await import("./steps/servers.js");
  const files = [schema, paginators.file, generateServers(doc, fileHeader), (await import("./steps/commands.js")).generateCliCommands(doc, paging, fileHeader, specLabel, runtime)].sort((a, b) => (a.path < b.path ? -1 : 1));

  if (lint) {
    const { result, ms } = await lint.result.catch((error: unknown) => Promise.reject(new LintFailed(error)));
    report.line("lint", ms, `${result.errors} errors, ${result.warnings} warnings (on a worker, alongside types)`);
    for (const line of result.lines) report.problem(line);
  } else {
    report.skip("lint", "--lint off");
  }
  return files;
}


function summarizePlan(plan: PagingPlan): string {
  return Object.entries(plan.styles).map(([style, count]) => `${count} ${style}`).join(", ");
}

/** Marks a lint failure already surfaced, so it is not awaited twice. */
class LintFailed extends Error {
  constructor(readonly inner: unknown) {
    super("lint failed");
  }
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

function kb(text: string): string {
  return `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
}

/** Import path from the output folder to the runtime (`src/` of the project the generator runs in). */
function runtimeImport(options: Options): string {
  const path = toPosix(relative(options.out, join(options.cwd, "src")));
  return path.startsWith(".") ? path : `./${path}`;
}
